#!/bin/sh
# basics.sh -- the command line's everyday work: help, where the database
# lives, init from a profile, add, edit, cancel, delete, the catalog.
. "$TESTS_SRCDIR/lib.sh"

expect_status "--version" 0 carecal --version
contains "--version names the program" "$TMP/out" "carecal 0."
expect_status "--help" 0 carecal --help
cp "$TMP/out" "$TMP/help"
for c in init list add edit cancel delete import export summary center type \
    advisor assign unassign \
    holidays check config history undo restore-meeting backup restore fsck; do
	contains "--help lists $c" "$TMP/help" "  $c "
	expect_status "$c --help" 0 carecal "$c" --help
	contains "$c --help shows its usage" "$TMP/out" \
	    "$(L usage 使い方): carecal [--db PATH] $c"
done
# the summaries start in one column, however long a command's name
columns=$(awk -v head="$(L Commands: コマンド:)" '
	$0 == head { on = 1; next } on && /^$/ { exit }
	on && match($0, /^  [a-z-]+ +/) { print RLENGTH }' "$TMP/help" |
	sort -u)
if [ "$(echo "$columns" | wc -l)" -eq 1 ] && [ -n "$columns" ]; then
	ok "--help: every command's summary starts in column $columns"
else
	not_ok "--help: summaries start in columns $(echo $columns)"
fi
expect_status "no command is a usage error without a terminal" 2 \
	carecal --db "$DB" </dev/null
expect_status "an unknown command is a usage error" 2 carecal frobnicate
contains "and says so" "$TMP/err" \
	"$(L "unknown command 'frobnicate'" "不明なコマンド「frobnicate」")"

# where the database is: --db, then $CARECAL_DB, then XDG_DATA_HOME, then HOME
expect_status "list with no database says how to make one" 1 \
	carecal --db "$TMP/none.db" list
contains "naming 'carecal init'" "$TMP/err" "carecal init"
mkdir -p "$TMP/xdg" "$TMP/home"
expect_status "init at \$XDG_DATA_HOME/carecal/carecal.db" 0 \
	env -u CARECAL_DB XDG_DATA_HOME="$TMP/xdg" "$CARECAL" init
[ -f "$TMP/xdg/carecal/carecal.db" ] && ok "the XDG file exists" ||
	not_ok "the XDG file exists"
[ "$(stat -c %a "$TMP/xdg/carecal")" = 700 ] &&
	ok "its directory is private (700)" ||
	not_ok "its directory is private ($(stat -c %a "$TMP/xdg/carecal"))"
expect_status "init at ~/.local/share/carecal/carecal.db" 0 \
	env -u CARECAL_DB -u XDG_DATA_HOME HOME="$TMP/home" "$CARECAL" init
[ -f "$TMP/home/.local/share/carecal/carecal.db" ] &&
	ok "the HOME file exists" || not_ok "the HOME file exists"
expect_status "init with \$CARECAL_DB" 0 carecal init
[ "$(stat -c %a "$DB")" = 600 ] && ok "the database is mode 600" ||
	not_ok "the database is mode 600 ($(stat -c %a "$DB"))"
contains "init names the city" "$TMP/out" \
	"$(L "松戸市, 15 centers, 4 meeting types" "松戸市、センター 15、会議種別 4")"
expect_status "init refuses to overwrite" 2 carecal init
contains "and says why" "$TMP/err" \
	"$(L "already exists" "すでにファイルがあります")"
expect_status "init --profile takamatsu" 0 \
	carecal --db "$TMP/t.db" init --profile takamatsu
contains "Takamatsu has 39 地区 and 6 types (with サービス調整)" "$TMP/out" \
	"$(L "高松市, 39 centers, 6 meeting types" "高松市、センター 39、会議種別 6")"
expect_status "init --profile of an unknown city" 2 \
	carecal --db "$TMP/u.db" init --profile nowhere
[ ! -e "$TMP/u.db" ] && ok "and leaves no file behind" ||
	not_ok "and leaves no file behind"
expect_status "--demo only goes with matsudo" 2 \
	carecal --db "$TMP/u.db" init --profile takamatsu --demo

# the catalog
carecal type list >"$TMP/types"
cases=$(L "counts cases" "事例数を集計")
summons=$(L "(summons" "(招集")
cat >"$TMP/types.want" <<END
suishin       地域包括ケア推進会議      推進      regional  2      
kobetsu       地域個別ケア会議          個別      regional  4-6    $cases
jiritsu       自立支援型個別ケア会議    自立      regional  1-2    $cases  \
$summons リハビリ専門職|理学療法士|作業療法士|言語聴覚士,管理栄養士,歯科衛生士)
city          市地域ケア会議            市        city      2      
END
same_text "type list shows codes, names, levels, targets" \
	"$TMP/types.want" "$TMP/types"
carecal center list >"$TMP/centers"
[ "$(head -1 "$TMP/centers")" = 明第1 ] && [ "$(wc -l <"$TMP/centers")" = 15 ] &&
	ok "center list: 15 centers in the table's order" ||
	not_ok "center list: 15 centers in the table's order"
check "center add" carecal center add 新センター
check "center rename" carecal center rename 新センター 新しいセンター
check "center retire" carecal center retire 新しいセンター
carecal center list | tail -1 >"$TMP/last"
contains "a retired center is marked" "$TMP/last" \
	"新しいセンター $(L "(retired)" "(廃止)")"
expect_status "center add of an existing name" 2 carecal center add 明第1
contains "says it exists" "$TMP/err" \
	"$(L "center '明第1' exists already" "センター「明第1」はすでにあります")"
expect_status "center rename of an unknown center" 2 \
	carecal center rename 無い 有る
check "type add" carecal type add follow --name 中間会議 --short 中間 \
	--target 1-3 --cases
carecal type list | grep '^follow' >"$TMP/follow"
contains "the new type is listed" "$TMP/follow" "中間会議"
check "type edit" carecal type edit follow --target 2
carecal type list | grep '^follow' >"$TMP/follow"
contains "the target changed" "$TMP/follow" "regional  2 "

# meetings
expect_status "add prints the new id" 0 carecal add --type kobetsu \
	--center 明第1 --date 令和3年7月27日 --start 13:30 --end 15:00 \
	--mode hybrid --cases 2 --venue "明第1 会議室"
id=$(cat "$TMP/out")
[ "$id" = 1 ] && ok "the first meeting is id 1" || not_ok "id is '$id'"
carecal list >"$TMP/list"
if [ "$(L C ja)" = ja ]; then
	cat >"$TMP/list.want" <<'END'
ID  日付                時間         センター  種別              開催形態        状況  事例数  会場
 1  令和3年7月27日(火)  13:30-15:00  明第1     地域個別ケア会議  一部オンライン  予定       2  明第1 会議室
会議 1 件
END
else
	cat >"$TMP/list.want" <<'END'
ID  Date                Time         Center  Type              Mode            Status  Cases  Venue
 1  令和3年7月27日(火)  13:30-15:00  明第1   地域個別ケア会議  一部オンライン  予定        2  明第1 会議室
1 meeting
END
fi
same_text "list shows it in Japanese, aligned by display width" \
	"$TMP/list.want" "$TMP/list"
check "edit changes fields" carecal edit 1 --status held --cases 3 --venue ""
carecal list --format csv >"$TMP/csv"
contains "the edit is stored; an empty value cleared the venue" "$TMP/csv" \
	",2021-07-27,13:30,15:00,明第1,kobetsu,hybrid,held,3,,,"
expect_status "add a city meeting with a window" 0 carecal add --type city \
	--date R4.1.27 --window 2021-06..2021-11
check "cancel" carecal cancel 2
carecal list --status cancelled --format csv >"$TMP/csv"
contains "the cancelled meeting is listed by status" "$TMP/csv" \
	",2022-01-27,,,,city,in-person,cancelled,"
expect_status "cancel twice is harmless" 0 carecal cancel 2
contains "and says so" "$TMP/err" \
	"$(L "already cancelled" "すでに中止になっています")"
check "delete" carecal delete 2
n=$(carecal list --format csv | tail -n +2 | wc -l)
[ "$n" = 1 ] && ok "the deleted meeting is gone" || not_ok "$n meetings left"
expect_status "delete of an unknown id" 2 carecal delete 2
contains "names the id" "$TMP/err" \
	"$(L "no meeting with id 2" "ID 2 の会議はありません")"
expect_status "edit of an unknown id" 2 carecal edit 99 --cases 1
expect_status "add without --date" 2 carecal add --type kobetsu --center 明第1

# --fy in its three spellings selects the same year
for fy in 2021 R3 令和3年度; do
	n=$(carecal list --fy "$fy" --format csv | tail -n +2 | wc -l)
	[ "$n" = 1 ] && ok "--fy $fy" || not_ok "--fy $fy gives $n"
done
n=$(carecal list --fy 2020 --format csv | tail -n +2 | wc -l)
[ "$n" = 0 ] && ok "--fy 2020 is empty" || not_ok "--fy 2020 gives $n"
n=$(carecal list --from 2021-07-28 --format csv | tail -n +2 | wc -l)
[ "$n" = 0 ] && ok "--from after the meeting" || not_ok "--from gives $n"
n=$(carecal list --to 2021-07-27 --format csv | tail -n +2 | wc -l)
[ "$n" = 1 ] && ok "--to on the meeting's day" || not_ok "--to gives $n"

done_testing
