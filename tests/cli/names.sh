#!/bin/sh
# names.sh -- what a user types at the desk (issue 14): a meeting type by
# its code, name or short name wherever a type is named; a center by its
# name or the start of one that no other center's starts with (an exact
# name wins, an ambiguous start is refused naming the candidates);
# `carecal help [COMMAND]` as --help; paths printed without doubled
# slashes.
. "$TESTS_SRCDIR/lib.sh"

carecal init --demo >/dev/null

# --type: code, name, short name
for t in kobetsu 地域個別ケア会議 個別; do
	expect_status "add --type $t" 0 carecal add --type "$t" \
	    --center 本庁 --date 2021-12-13
	id=$(cat "$TMP/out")
	carecal list --format csv | grep "^$id," >"$TMP/row"
	contains "--type $t is kobetsu" "$TMP/row" ",本庁,kobetsu,"
done
expect_status "edit --type 推進" 0 carecal edit "$id" --type 推進
carecal list --format csv | grep "^$id," >"$TMP/row"
contains "is suishin" "$TMP/row" ",本庁,suishin,"
expect_status "list --type 自立支援型個別ケア会議" 0 carecal list \
	--type 自立支援型個別ケア会議 --format csv
[ "$(tail -n +2 "$TMP/out" | grep -vc ',jiritsu,')" -eq 0 ] &&
	[ "$(tail -n +2 "$TMP/out" | wc -l)" -gt 0 ] &&
	ok "lists the jiritsu meetings only" ||
	not_ok "lists the jiritsu meetings only"
expect_status "export --type 市" 0 carecal export --type 市 \
	-o "$TMP/city.ics"
contains "the city-level meetings" "$TMP/out" \
	"$(L "2 meetings" "2 件")"
expect_status "an unknown type" 2 carecal list --type 個別ケア
contains "lists the codes with their short names" "$TMP/err" \
	"kobetsu (個別)"
carecal type add kobetsu2 --name 第二個別ケア会議 --short 個別 >/dev/null
expect_status "a short name two types share" 2 carecal add --type 個別 \
	--center 本庁 --date 2021-12-13
contains "is refused, naming both" "$TMP/err" \
	"$(L "meeting type '個別' could be kobetsu (地域個別ケア会議), kobetsu2 (第二個別ケア会議)" \
	"会議種別「個別」は kobetsu (地域個別ケア会議), kobetsu2 (第二個別ケア会議) のどれか")"
expect_status "their names still tell them apart" 0 carecal add \
	--type 第二個別ケア会議 --center 本庁 --date 2021-12-13

# --center: an exact name wins, else a start that fits one center
expect_status "--center 六実 (六実六高台)" 0 carecal add --type kobetsu \
	--center 六実 --date 2021-12-15
id=$(cat "$TMP/out")
carecal list --format csv | grep "^$id," >"$TMP/row"
contains "is 六実六高台" "$TMP/row" ",六実六高台,kobetsu,"
expect_status "--center 小金 is 小金, though 小金原 starts so too" 0 \
	carecal list --center 小金 --format csv
[ "$(tail -n +2 "$TMP/out" | grep -vc ',小金,')" -eq 0 ] &&
	ok "only 小金's meetings" || not_ok "only 小金's meetings"
expect_status "--center 明第2 fits two" 2 carecal list --center 明第2
contains "refused, naming the candidates" "$TMP/err" \
	"$(L "--center: center '明第2' could be 明第2西, 明第2東: give more of the name" \
	"--center: センター「明第2」は 明第2西, 明第2東 のどれか決まりません")"
expect_status "add --center 明 fits three" 2 carecal add --type kobetsu \
	--center 明 --date 2021-12-15
contains "naming them" "$TMP/err" "明第1, 明第2西, 明第2東"
expect_status "check --center 明第2西" 0 carecal check --fy R3 \
	--center 明第2西
expect_status "check --center 常盤平団 (常盤平団地)" 0 carecal check \
	--fy R3 --center 常盤平団
expect_status "export --center 新" 0 carecal export --center 新 \
	-o "$TMP/new.ics"
contains "is 新松戸's calendar" "$TMP/new.ics" "新松戸"
expect_status "a start that fits none" 2 carecal list --center 北
contains "is unknown, as before" "$TMP/err" \
	"$(L "unknown center '北'" "センター「北」はありません")"
# half a character is no start of a name
half=$(printf '\346\230')
expect_status "half of 明 (bytes, not a character)" 2 carecal list \
	--center "$half"
expect_status "an empty --center on list" 2 carecal list --center ''
printf 'id,uid,date,start,end,center,type,mode,status,cases,venue,url,note\n,,2021-12-16,,,六実,kobetsu,in-person,planned,,,,\n' \
	>"$TMP/prefix.csv"
expect_status "a file's center must be a whole name" 2 carecal import \
	"$TMP/prefix.csv"

# help
expect_status "carecal help" 0 carecal help
carecal --help >"$TMP/help"
same_text "is carecal --help" "$TMP/help" "$TMP/out"
contains "which names help and exit status 3" "$TMP/help" \
	"$(L "'carecal help COMMAND'" "'carecal help COMMAND'")"
for c in add list center; do
	expect_status "carecal help $c" 0 carecal help $c
	cp "$TMP/out" "$TMP/help-$c"
	carecal $c --help >"$TMP/own"
	same_text "is carecal $c --help" "$TMP/own" "$TMP/help-$c"
done
expect_status "carecal help center add" 0 carecal help center add
same_text "is center's help" "$TMP/help-center" "$TMP/out"
expect_status "carecal help nosuch" 2 carecal help nosuch
contains "names it" "$TMP/err" \
	"$(L "unknown command 'nosuch'" "不明なコマンド「nosuch」")"
expect_status "carecal help center nosuch" 2 carecal help center nosuch
expect_status "carecal help list extra" 2 carecal help list extra
expect_status "carecal help --help" 0 carecal help --help
contains "is help's own" "$TMP/out" "carecal [--db PATH] help [COMMAND"

# paths as given, with one slash
expect_status "export --dir with a trailing slash" 0 carecal export \
	--split-by center --dir "$TMP/ics/"
contains "prints dir/file" "$TMP/out" "$TMP/ics/明第1.ics"
lacks "never dir//file" "$TMP/out" "//"
expect_status "--dir with two" 0 carecal export --split-by type \
	--dir "$TMP/ics//"
lacks "one slash still" "$TMP/out" "//"
expect_status "a profile under CARECAL_DATADIR with a slash" 2 \
	env CARECAL_DATADIR="$TMP/nodata/" "$CARECAL" --db "$TMP/n.db" init
contains "names one path" "$TMP/err" "$TMP/nodata/profiles/matsudo.txt"
done_testing
