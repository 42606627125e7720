#!/bin/sh
# demo.sh -- the Matsudo R3 demo calendar as the command line shows it:
# the June-November 2021 window holds 54 regional meetings (17 推進会議,
# 31 個別ケア会議, 6 自立支援型) and the 2021-07-29 city meeting.
. "$TESTS_SRCDIR/lib.sh"
expected=$TESTS_SRCDIR/cli/expected

expect_status "init --demo creates the demo database" 0 \
	carecal --db "$DB" init --demo
contains "init says what it made" "$TMP/out" "$(L "104 demo meetings" "デモ用の会議 104 件")"

carecal --db "$DB" list --from 2021-06-01 --to 2021-11-30 --format csv \
	>"$TMP/window.csv"
count()
{
	awk -F, -v type="$1" -v mode="$2" 'NR > 1 && $7 == type &&
	    (mode == "" || $8 == mode) { n++ } END { print n + 0 }' \
	    "$TMP/window.csv"
}
[ "$(count suishin)" = 17 ] && ok "17 推進会議 in June-November" ||
	not_ok "17 推進会議 in June-November (got $(count suishin))"
[ "$(count kobetsu)" = 31 ] && ok "31 個別ケア会議 in June-November" ||
	not_ok "31 個別ケア会議 in June-November (got $(count kobetsu))"
[ "$(count jiritsu)" = 6 ] && ok "6 自立支援型 in June-November" ||
	not_ok "6 自立支援型 in June-November (got $(count jiritsu))"
[ "$(count city)" = 1 ] && ok "one city meeting in June-November" ||
	not_ok "one city meeting in June-November (got $(count city))"
contains "the city meeting is 2021-07-29" "$TMP/window.csv" \
	",2021-07-29,,,,city,in-person,held,"
[ "$(count kobetsu hybrid)" = 23 ] && [ "$(count suishin hybrid)" = 5 ] &&
	ok "the underlined dates are hybrid (23 個別, 5 推進)" ||
	not_ok "hybrid marks: $(count kobetsu hybrid) 個別, $(count suishin hybrid) 推進"
cases=$(awk -F, 'NR > 1 { s[$7] += $10 } END { print s["kobetsu"], s["jiritsu"] }' \
	"$TMP/window.csv")
[ "$cases" = "63 18" ] && ok "63 and 18 cases in the window" ||
	not_ok "63 and 18 cases in the window (got $cases)"

# the whole fiscal year, as text and as CSV, against what was checked
carecal --db "$DB" list --fy 令和3年度 >"$TMP/fy.txt"
same_text "list --fy 令和3年度 prints the R3 calendar" \
	"$(expected_file demo-list-fy2021.txt)" "$TMP/fy.txt"
carecal --db "$DB" list --fy R3 --format csv | cut -d, -f1,3- |
	sed 's/,[a-z0-9]*\r$/\r/' >"$TMP/fy.csv"	# the row version aside
same_text "list --format csv (uid aside) prints the R3 calendar" \
	"$(expected_file demo-list-fy2021.csv)" "$TMP/fy.csv"
carecal --db "$DB" list --center 明第1 --type kobetsu >"$TMP/m1.txt"
same_text "list --center 明第1 --type kobetsu" \
	"$(expected_file demo-list-meidai1.txt)" "$TMP/m1.txt"
n=$(carecal --db "$DB" list --mode hybrid --format csv | tail -n +2 | wc -l)
[ "$n" = 31 ] && ok "--mode hybrid finds the 31 underlined dates" ||
	not_ok "--mode hybrid finds the 31 underlined dates (got $n)"
n=$(carecal --db "$DB" list --fy 2022 --format csv | tail -n +2 | wc -l)
[ "$n" = 0 ] && ok "FY2022 is empty" || not_ok "FY2022 is empty (got $n)"

# the UIDs are stable: listing twice gives the same ones
carecal --db "$DB" list --format csv | cut -d, -f2 >"$TMP/uids1"
carecal --db "$DB" list --format csv | cut -d, -f2 >"$TMP/uids2"
same_text "UIDs are stable" "$TMP/uids1" "$TMP/uids2"
n=$(tail -n +2 "$TMP/uids1" | sort -u | wc -l)
[ "$n" = 104 ] && ok "104 distinct UIDs" || not_ok "104 distinct UIDs ($n)"

done_testing
