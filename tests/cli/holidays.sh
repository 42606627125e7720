#!/bin/sh
#
# holidays.sh -- `carecal holidays`: the years around the changes the
# issue names (2019's 即位 days, the Olympic moves of 2020 and 2021, the
# 国民の休日 of 2026 and 2033, 山の日 from 2016), a fiscal year, the
# current year, and the errors. Output is diffed with expected/.

srcdir=${TESTS_SRCDIR:-$(dirname "$0")/..}
expected=$srcdir/cli/expected
carecal=${CARECAL:?CARECAL: the carecal binary to test}

tmp=$(mktemp -d "${TMPDIR:-/tmp}/carecal-holidays.XXXXXX") || {
	echo "Bail out! cannot make a temporary directory"
	exit 1
}
trap 'rm -rf "$tmp"' EXIT
trap 'exit 1' HUP INT TERM

n=0
failed=0

ok()
{
	n=$((n + 1))
	echo "ok $n - $1"
}

not_ok()
{
	n=$((n + 1))
	echo "not ok $n - $1"
	failed=1
}

# check_output WHAT EXPECTED-FILE [env...] -- carecal ARGS: exit 0 and
# stdout equal to the file, nothing on stderr.
check_output()
{
	what=$1
	want=$2
	shift 2
	env "$@" >"$tmp/out" 2>"$tmp/err"
	status=$?
	if [ "$status" -ne 0 ]; then
		not_ok "$what: exit status $status"
		sed 's/^/# /' "$tmp/err"
	elif ! diff -u "$want" "$tmp/out" >"$tmp/diff"; then
		not_ok "$what: output differs"
		sed 's/^/# /' "$tmp/diff"
	elif [ -s "$tmp/err" ]; then
		not_ok "$what: unexpected stderr"
		sed 's/^/# /' "$tmp/err"
	else
		ok "$what"
	fi
}

# check_error WHAT STATUS MESSAGE -- carecal ARGS: that exit status,
# nothing on stdout, MESSAGE (a fixed string) on stderr.
check_error()
{
	what=$1
	want=$2
	message=$3
	shift 3
	"$@" >"$tmp/out" 2>"$tmp/err"
	status=$?
	if [ "$status" -ne "$want" ]; then
		not_ok "$what: exit status $status, want $want"
		sed 's/^/# /' "$tmp/err"
	elif [ -s "$tmp/out" ]; then
		not_ok "$what: unexpected stdout"
		sed 's/^/# /' "$tmp/out"
	elif ! grep -F -q -- "$message" "$tmp/err"; then
		not_ok "$what: stderr lacks '$message'"
		sed 's/^/# /' "$tmp/err"
	else
		ok "$what"
	fi
}

echo "1..17"

for year in 2015 2016 2019 2020 2021 2026 2033; do
	check_output "holidays $year" "$expected/holidays-$year.txt" \
	    "$carecal" holidays "$year"
done
check_output "holidays --fy 2021 (April 2021 to March 2022)" \
    "$expected/holidays-fy2021.txt" "$carecal" holidays --fy 2021
check_output "holidays --fy 令和3年度" "$expected/holidays-fy2021.txt" \
    "$carecal" holidays --fy 令和3年度
check_output "holidays: this year by default (CARECAL_TODAY=2016-05-01)" \
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

exit $failed
