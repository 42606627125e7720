#!/bin/sh
# list-text.sh -- `carecal list` as a table, every kind of cell: times
# with an end and without, all day, a city-level meeting (no center), no
# case count, no venue. Numbers are right-aligned, the other cells padded
# to the widest by display width (a kanji takes two columns), and a row
# stops after its last non-empty cell; in English and in Japanese, whose
# headers are wider. The expected tables are counted by hand.
. "$TESTS_SRCDIR/lib.sh"

check "init" carecal init
check "add a hybrid 個別 with an end, cases and a venue" carecal add \
	--type kobetsu --center 明第1 --date 2021-07-27 --start 13:30 \
	--end 15:00 --mode hybrid --cases 12 --venue "明第1 会議室"
check "add a held 推進 with a start only and no venue" carecal add \
	--type suishin --center 本庁 --date 2021-07-28 --start 9:05 \
	--status held
check "add a cancelled all-day 自立 in 令和元年, without a venue" \
	carecal add --type jiritsu --center 常盤平団地 --date 令和元年5月1日 \
	--cases 3 --status cancelled
check "add an online city meeting, no center and no cases" carecal add \
	--type city --date 2021-07-29 --start 14:00 --end 16:00 \
	--mode online --venue 市役所

env LC_ALL=C.UTF-8 "$CARECAL" list >"$TMP/list" 2>&1
cat >"$TMP/want" <<'END'
ID  Date                Time         Center      Type                    Mode            Status  Cases  Venue
 3  令和元年5月1日(水)  all day      常盤平団地  自立支援型個別ケア会議  対面            中止        3
 1  令和3年7月27日(火)  13:30-15:00  明第1       地域個別ケア会議        一部オンライン  予定       12  明第1 会議室
 2  令和3年7月28日(水)  09:05        本庁        地域包括ケア推進会議    対面            実施済
 4  令和3年7月29日(木)  14:00-16:00  -           市地域ケア会議          完全オンライン  予定           市役所
4 meetings
END
same_text "the table in English, aligned by display width" "$TMP/want" \
	"$TMP/list"
grep -n ' $' "$TMP/list" >"$TMP/blanks"
[ ! -s "$TMP/blanks" ] && ok "no line ends in a blank" ||
	not_ok "no line ends in a blank: $(cat "$TMP/blanks")"

if ! have_locale ja_JP.UTF-8; then
	skip "the table in Japanese" "no ja_JP.UTF-8 locale"
	done_testing
	exit
fi
: "${CARECAL_LOCALEDIR:?CARECAL_LOCALEDIR must name the built catalogs}"
export CARECAL_LOCALEDIR
env LC_ALL=ja_JP.UTF-8 "$CARECAL" list >"$TMP/list" 2>&1
cat >"$TMP/want" <<'END'
ID  日付                時間         センター    種別                    開催形態        状況    事例数  会場
 3  令和元年5月1日(水)  終日         常盤平団地  自立支援型個別ケア会議  対面            中止         3
 1  令和3年7月27日(火)  13:30-15:00  明第1       地域個別ケア会議        一部オンライン  予定        12  明第1 会議室
 2  令和3年7月28日(水)  09:05        本庁        地域包括ケア推進会議    対面            実施済
 4  令和3年7月29日(木)  14:00-16:00  -           市地域ケア会議          完全オンライン  予定            市役所
会議 4 件
END
same_text "in Japanese, 事例数 widens its column; 終日 for all day" \
	"$TMP/want" "$TMP/list"
done_testing
