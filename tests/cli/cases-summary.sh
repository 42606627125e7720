#!/bin/sh
# cases-summary.sh -- with case references recorded, a meeting's 事例数
# is their count wherever it is shown: the summary's totals (text, CSV,
# PDF), `list`, and the iCalendar export (with SEQUENCE raised, so that
# office calendars take the new number); and `summary --by-stage`
# counts each type's cases by 初回, 中間 and 終了前 (issue 17).
. "$TESTS_SRCDIR/lib.sh"

need_tool pdftotext poppler-utils
export CARECAL_TODAY=2022-01-20

carecal init --demo >/dev/null || exit 99
# the demo: meetings 30 and 48 are 明第1's 個別 of 7/27 and 9/28, 2 cases
# each as typed; 102 its planned one of 3/18, 2 cases
R3_TOTALS="地域個別ケア会議 31回、63事例検討　自立支援型個別ケア会議 6回、18事例検討"

ics_of()
{
	carecal export --center 明第1 --type kobetsu -o "$TMP/$1.ics" \
	    >/dev/null ||
		echo "Bail out! export failed"
	# the event of meeting 102 (3/18): its lines, unfolded
	awk 'BEGIN { RS = "BEGIN:VEVENT" } /DTSTART;VALUE=DATE:20220318/' \
	    "$TMP/$1.ics" | tr -d '\r' | sed -e ':a' -e 'N' -e '$!ba' \
	    -e 's/\n //g' >"$TMP/$1.event"
}

# the number of 個別 cases in the fiscal year's totals
kobetsu_cases()
{
	carecal summary --fy 2021 |
	    sed -n 's/.*地域個別ケア会議 [0-9]*回、\([0-9]*\)事例検討.*/\1/p'
}
fy_before=$(kobetsu_cases)
ics_of before
contains "the export before: 事例数 2 as typed" "$TMP/before.event" \
	"事例数: 2"
seq_before=$(sed -n 's/^SEQUENCE://p' "$TMP/before.event")

check "2021-015 初回 at 30" carecal case add 2021-015 --meeting 30 --stage 初回
check "2021-016 初回 at 30" carecal case add 2021-016 --meeting 30 --stage 初回
check "2021-015 中間 at 48" carecal case add 2021-015 --meeting 48 --stage 中間
check "2021-020 初回 at 48" carecal case add 2021-020 --meeting 48 --stage 初回
check "2021-015 終了前 at 102" \
	carecal case add 2021-015 --meeting 102 --stage 終了前

expect_status "summary --for 2022-01-27" 0 carecal summary --for 2022-01-27
contains "the R3 totals as they were: two references each at 30, 48" \
	"$TMP/out" "$R3_TOTALS"
lacks "no stages unless asked" "$TMP/out" "うち初回"
expect_status "summary --for 2022-01-27 --by-stage" 0 \
	carecal summary --for 2022-01-27 --by-stage
contains "the stages of 個別 in the window" "$TMP/out" \
	"地域個別ケア会議 31回、63事例検討（うち初回3・中間1・終了前0）"
contains "and of 自立 (none recorded)" "$TMP/out" \
	"自立支援型個別ケア会議 6回、18事例検討（うち初回0・中間0・終了前0）"
expect_status "summary --fy 2021 --by-stage" 0 \
	carecal summary --fy 2021 --by-stage
contains "the year: 102 has one case now, not 2" "$TMP/out" \
	"（うち初回3・中間1・終了前1）"
expect_status "summary --fy 2021 --held-only --by-stage" 0 \
	carecal summary --fy 2021 --held-only --by-stage
contains "held only: not the planned 102's 終了前" "$TMP/out" \
	"（うち初回3・中間1・終了前0）"
expect_status "summary --for 2022-01-27 --by-stage --format csv" 0 \
	carecal summary --for 2022-01-27 --by-stage --format csv
contains "in the CSV" "$TMP/out" \
	"63事例検討（うち初回3・中間1・終了前0）"
check "summary --by-stage --format pdf" carecal summary --for 2022-01-27 \
	--by-stage --format pdf -o "$TMP/r3.pdf"
pdftotext "$TMP/r3.pdf" - 2>/dev/null | tr -d ' \n' >"$TMP/pdf.txt"
contains "in the PDF" "$TMP/pdf.txt" "63事例検討（うち初回3・中間1・終了前0）"
check_error "--by-stage with years" 2 "$(L \
	"--by-stage counts the cases of one window or fiscal year" \
	"--by-stage で数えるのは 1 つの期間または年度の事例です")" \
	carecal summary --fy 2020..2021 --by-stage

# one reference at 102 (2 typed): 1 wherever its number is shown
expect_status "list" 0 carecal list --center 明第1 --format csv
contains "list: 102 has 1 case" "$TMP/out" "102,"
grep '^102,' "$TMP/out" | grep -q ',planned,1,' &&
	ok "list --format csv: cases 1" ||
	not_ok "list --format csv: cases 1: $(grep '^102,' "$TMP/out")"
fy_after=$(kobetsu_cases)
[ -n "$fy_before" ] && [ "$fy_after" = $((fy_before - 1)) ] &&
	ok "the year's 個別 cases: one fewer ($fy_before → $fy_after)" ||
	not_ok "the year's 個別 cases: one fewer ($fy_before → $fy_after)"
ics_of after
contains "the export: 事例数 1" "$TMP/after.event" "事例数: 1"
seq_after=$(sed -n 's/^SEQUENCE://p' "$TMP/after.event")
[ -n "$seq_before" ] && [ "$seq_after" -gt "$seq_before" ] &&
	ok "with a higher SEQUENCE ($seq_before → $seq_after)" ||
	not_ok "with a higher SEQUENCE ($seq_before → $seq_after)"

# undo takes the number back everywhere
check "undo the 終了前" carecal undo
ics_of undone
contains "the export: 事例数 2 again" "$TMP/undone.event" "事例数: 2"

done_testing
