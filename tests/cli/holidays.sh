#!/bin/sh
#
# holidays.sh -- `carecal holidays`: the years around the changes the
# issue names (2019's 即位 days, the Olympic moves of 2020 and 2021, the
# 国民の休日 of 2026 and 2033, 山の日 from 2016), a fiscal year, the
# current year, and the errors. Output is diffed with expected/.

srcdir=${TESTS_SRCDIR:-$(dirname "$0")/..}
. "$srcdir/lib.sh"
expected=$srcdir/cli/expected
carecal=$CARECAL


for year in 2015 2016 2019 2020 2021 2026 2033; do
	check_output "holidays $year" 0 "$expected/holidays-$year.txt" \
	    "$carecal" holidays "$year"
done
check_output "holidays --fy 2021 (April 2021 to March 2022)" 0 \
    "$expected/holidays-fy2021.txt" "$carecal" holidays --fy 2021
check_output "holidays --fy 令和3年度" 0 "$expected/holidays-fy2021.txt" \
    "$carecal" holidays --fy 令和3年度
check_output "holidays: this year by default (CARECAL_TODAY=2016-05-01)" 0 \
    "$expected/holidays-2016.txt" CARECAL_TODAY=2016-05-01 \
    "$carecal" holidays

check_error "holidays 1954: before the rules carecal knows" 2 \
    "year 1954 is outside 1955..2099" "$carecal" holidays 1954
check_error "holidays 2100: after them" 2 \
    "year 2100 is outside 1955..2099" "$carecal" holidays 2100
check_error "holidays --fy 2099 runs into 2100" 2 \
    "fiscal year 2099 is outside 1955..2098" \
    "$carecal" holidays --fy 2099
check_error "holidays 20x1: not a year" 2 "'20x1' is not a year" \
    "$carecal" holidays 20x1
check_error "holidays --fy R99: not a fiscal year" 2 "--fy: " \
    "$carecal" holidays --fy R99
check_error "holidays 2021 --fy 2021: one or the other" 2 \
    "give a YEAR or --fy, not both" "$carecal" holidays 2021 --fy 2021
check_error "holidays 2021 2022: one year" 2 "unexpected argument '2022'" \
    "$carecal" holidays 2021 2022

done_testing
