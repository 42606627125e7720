#!/bin/sh
#
# check.sh -- `carecal check`: the R3 demo calendar's real shortfalls
# against the Matsudo targets and nothing else, then a small hand-made
# plan with one finding of every kind, the closure setting, --center,
# --format csv, --strict and the errors. Output is diffed with expected/.

srcdir=${TESTS_SRCDIR:-$(dirname "$0")/..}
. "$srcdir/lib.sh"
expected=$srcdir/cli/expected
carecal=$CARECAL

# Set-up steps must work; a failure ends the test.
run()
{
	"$@" >"$TMP/setup.out" 2>"$TMP/setup.err" || {
		echo "Bail out! set-up failed: $*"
		sed 's/^/# /' "$TMP/setup.err"
		exit 1
	}
}

# The R3 demo as of its city meeting of 2022-01-27: the meetings up to
# it held, the later ones planned; no weekend or holiday among them,
# the two city meetings' windows contiguous (2020-12..2021-05 by default,
# then 2021-06..2021-11 as stored). What remains is the table's own
# shortfalls: 小金 one 推進会議 of 2; no 自立支援型 at 明第1, 常盤平, 馬橋西.
demo=$TMP/demo.db
run "$carecal" --db "$demo" init --demo
today=CARECAL_TODAY=2022-01-27
check_output "demo, --fy 2021: the four shortfalls of the R3 table" 0 \
    "$(expected_file check-demo-fy2021.txt)" $today "$carecal" --db "$demo" \
    check --fy 2021
check_output "demo, --fy R3 --format csv" 0 \
    "$(expected_file check-demo-fy2021.csv)" $today "$carecal" --db "$demo" \
    check --fy R3 --format csv
check_output "demo, --strict: the same lines, exit status 3" 3 \
    "$(expected_file check-demo-fy2021.txt)" $today "$carecal" --db "$demo" \
    check --fy 2021 --strict
check_output "demo, the current fiscal year by default (2022-01-27)" 0 \
    "$(expected_file check-demo-fy2021.txt)" $today "$carecal" --db "$demo" check
# years later, with no --fy: the demo's 令和3年度, the nearest fiscal year
# with meetings, and standard error says so (issue 14)
env CARECAL_TODAY=2026-11-23 "$carecal" --db "$demo" check --format csv \
    >"$TMP/nearest.csv" 2>"$TMP/nearest.err"
env CARECAL_TODAY=2026-11-23 "$carecal" --db "$demo" check --fy 2021 \
    --format csv >"$TMP/fy2021.csv"
cmp -s "$TMP/nearest.csv" "$TMP/fy2021.csv" && grep -qF "$(L \
    'no meetings in 令和8年度; checking 令和3年度, the nearest fiscal year' \
    '令和8年度には会議がありません。会議のある最も近い年度、令和3年度を点検します')" \
    "$TMP/nearest.err" &&
    ok "demo in 2026, no --fy: the nearest year with meetings, said so" ||
    not_ok "demo in 2026, no --fy: the nearest year with meetings, said so"
# later, the 20 meetings planned after 2022-01-27 are still planned
env CARECAL_TODAY=2026-11-23 "$carecal" --db "$demo" check --fy 2021 \
    --format csv >"$TMP/later.csv"
[ "$(grep -c '^stale-planned,' "$TMP/later.csv")" -eq 20 ] &&
    [ "$(grep -c '^target-low,' "$TMP/later.csv")" -eq 4 ] &&
    ok "demo, years later: the 20 planned after 2022-01-27 are stale" ||
    not_ok "demo, years later: the 20 planned after 2022-01-27 are stale"
check_output "demo, --center 小金: its one finding" 0 \
    "$(expected_file check-demo-kogane.txt)" $today "$carecal" --db "$demo" \
    check --fy 2021 --center 小金
check_output "demo, --center 本庁 --strict: nothing, exit status 0" 0 \
    "$(expected_file check-none.txt)" $today "$carecal" --db "$demo" \
    check --fy 2021 --center 本庁 --strict

# A small plan: 推進 once a year, 個別 and the city meeting without
# targets; 北 retired after its one meeting.
profile=$TMP/profile.txt
{
	printf 'city\tテスト市\n'
	printf 'type\tsuishin\t地域包括ケア推進会議\t推進\tregional\t1\t1\t-\n'
	printf 'type\tkobetsu\t地域個別ケア会議\t個別\tregional\t-\t-\tcases\n'
	printf 'type\tcity\t市地域ケア会議\t市\tcity\t-\t-\t-\n'
	printf 'center\t東\ncenter\t西\ncenter\t北\n'
} >"$profile"
small=$TMP/small.db
run "$carecal" --db "$small" init --profile "$profile"
add()
{
	run "$carecal" --db "$small" add "$@"
}
# 1, 2: two 推進 at 東 (target-high); none at 西 (target-low)
add --type suishin --center 東 --date 2021-06-01 --status held
add --type suishin --center 東 --date 2021-06-02 --status held
# 3: 海の日 2021, moved for the Olympics
add --type kobetsu --center 東 --date 2021-07-22 --status held --cases 2
# 4: a working day until the closure is widened to 12-28..01-04
add --type kobetsu --center 東 --date 2021-12-28
# 5, 6: 10:00-12:00 and 11:00-12:00 at 西 (clash)
add --type kobetsu --center 西 --date 2021-09-01 --start 10:00 \
    --end 12:00 --status held --cases 1
add --type kobetsu --center 西 --date 2021-09-01 --start 11:00 \
    --end 12:00 --status held --cases 1
# 7: the first city meeting, 2020-12..2021-05 by default
add --type city --date 2021-07-29 --status held
# 8: shares 2021-05 with 7's (window-overlap)
add --type city --date 2021-10-28 --status held --window 2021-05..2021-08
# 9: leaves 2021-09 out after 8's (window-gap)
add --type city --date 2022-01-27 --window 2021-10..2021-11
# 10: held, no cases (cases-missing)
add --type kobetsu --center 西 --date 2021-10-05 --status held
# 11: planned, and today is 2021-12-01 (stale-planned)
add --type kobetsu --center 西 --date 2021-11-10
# 12: cancelled, on a Sunday that is 山の日: nothing
add --type kobetsu --center 西 --date 2021-08-08 --status cancelled
# 13: a Saturday at 北, retired afterwards: no target, still a finding
add --type suishin --center 北 --date 2021-05-08 --status held
# 14: a Saturday of fiscal 2022
add --type kobetsu --center 東 --date 2022-04-02 --status held --cases 1
# 15: in the default closure 12-29..01-03
add --type kobetsu --center 東 --date 2021-12-29
run "$carecal" --db "$small" center retire 北

today=CARECAL_TODAY=2021-12-01
check_output "small plan: one finding of every kind" 0 \
    "$(expected_file check-small.txt)" $today "$carecal" --db "$small" \
    check --fy 2021
check_output "small plan, --format csv" 0 "$(expected_file check-small.csv)" \
    $today "$carecal" --db "$small" check --fy 2021 --format csv
check_output "small plan, --center 西" 0 "$(expected_file check-small-west.txt)" \
    $today "$carecal" --db "$small" check --fy 2021 --center 西
check_output "small plan, --strict --center 北: exit status 3" 3 \
    "$(expected_file check-small-north.txt)" $today "$carecal" --db "$small" \
    check --fy 2021 --center 北 --strict
check_output "small plan, --fy 2022: that year only" 0 \
    "$(expected_file check-small-fy2022.txt)" $today "$carecal" --db "$small" \
    check --fy 2022

run "$carecal" --db "$small" config closure 12-28..01-04
check_output "closure 12-28..01-04: 2021-12-28 becomes a finding" 0 \
    "$(expected_file check-small-closure.txt)" $today "$carecal" --db "$small" \
    check --fy 2021
run "$carecal" --db "$small" config closure none
check_output "no closure: neither 12-28 nor 12-29" 0 \
    "$(expected_file check-small-no-closure.txt)" $today "$carecal" \
    --db "$small" check --fy 2021

check_error "--fy 20x1: exit status 2" 2 "carecal: --fy: " \
    "$carecal" --db "$small" check --fy 20x1
check_error "--fy 明治99: not a year of 明治, exit status 2" 2 \
    "carecal: --fy: " \
    "$carecal" --db "$small" check --fy 明治99
check_error "--center 南: unknown, exit status 2" 2 \
    "$(L "--center: unknown center '南'" "--center: センター「南」はありません")" \
    "$carecal" --db "$small" check --center 南
check_error "--format xml: exit status 2" 2 \
    "$(L "--format: 'xml' is not text or csv" "--format: 「xml」は text でも csv でもありません")" \
    "$carecal" --db "$small" check --format xml
check_error "an argument: exit status 2" 2 "$(L "unexpected argument '2021'" "余分な引数「2021」があります")" \
    "$carecal" --db "$small" check 2021
check_error "an unknown option: exit status 2" 2 "--fiscal" \
    "$carecal" --db "$small" check --fiscal 2021
check_error "CARECAL_TODAY not a date: exit status 2" 2 "CARECAL_TODAY" \
    env CARECAL_TODAY=tomorrow "$carecal" --db "$small" check
check_error "no database: exit status 1" 1 "carecal: " \
    "$carecal" --db "$TMP/none.db" check --fy 2021

done_testing
