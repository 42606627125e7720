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
	check_output "holidays $year" 0 "$(expected_file holidays-$year.txt)" \
	    "$carecal" holidays "$year"
done
check_output "holidays --fy 2021 (April 2021 to March 2022)" 0 \
    "$(expected_file holidays-fy2021.txt)" "$carecal" holidays --fy 2021
check_output "holidays --fy 令和3年度" 0 "$(expected_file holidays-fy2021.txt)" \
    "$carecal" holidays --fy 令和3年度
check_output "holidays: this year by default (CARECAL_TODAY=2016-05-01)" 0 \
    "$(expected_file holidays-2016.txt)" CARECAL_TODAY=2016-05-01 \
    "$carecal" holidays

check_error "holidays 1954: before the rules carecal knows" 2 \
    "$(L "year 1954 is outside 1955..2099" "1954 年は、carecal が祝日を扱える 1955..2099 年の範囲外です")" "$carecal" holidays 1954
check_error "holidays 2100: after them" 2 \
    "$(L "year 2100 is outside 1955..2099" "2100 年は、carecal が祝日を扱える 1955..2099 年の範囲外です")" "$carecal" holidays 2100
check_error "holidays --fy 2099 runs into 2100" 2 \
    "$(L "fiscal year 2099 is outside 1955..2098" "年度 2099 は、carecal が祝日を扱える 1955..2098 年度の範囲外です")" \
    "$carecal" holidays --fy 2099
check_error "holidays 20x1: not a year" 2 "$(L "'20x1' is not a year" "「20x1」は年ではありません")" \
    "$carecal" holidays 20x1
check_error "holidays --fy R99: not a fiscal year" 2 "--fy: " \
    "$carecal" holidays --fy R99
check_error "holidays 2021 --fy 2021: one or the other" 2 \
    "$(L "give a YEAR or --fy, not both" "YEAR と --fy のどちらか一方を指定してください")" "$carecal" holidays 2021 --fy 2021
check_error "holidays 2021 2022: one year" 2 "$(L "unexpected argument '2022'" "余分な引数「2022」があります")" \
    "$carecal" holidays 2021 2022

done_testing
