#!/bin/sh
#
# holidays.sh -- compares carecal's holidays with those of the npm package
# @holiday-jp/holiday_jp, dates and names, one TAP line per year.
#
# An interop test: it runs under CARECAL_TEST_ALL=1 (tests/need.sh), and
# there a missing node or package is a failure, not a skip: CI installs
# both (npm ci in tests/interop), so their absence means a broken set-up.

first=1970
last=2050

srcdir=${TESTS_SRCDIR:-$(dirname "$0")/..}
builddir=${TESTS_BUILDDIR:-$srcdir}
dump=$builddir/unit/dump-holidays
modules=${CARECAL_NODE_MODULES:-$srcdir/interop/node_modules}
reference=$srcdir/interop/holidays-ref.js
. "$srcdir/need.sh"
need_family interop "carecal's holidays against the npm package's, with node"

bail()
{
	echo "Bail out! $*"
	exit 1
}

command -v node >/dev/null 2>&1 ||
	bail "node not found; install Node.js and run npm ci in tests/interop"
[ -d "$modules/@holiday-jp/holiday_jp" ] ||
	bail "no @holiday-jp/holiday_jp in $modules; run npm ci in tests/interop"
[ -x "$dump" ] || bail "$dump not built"

tmp=$(mktemp -d "${TMPDIR:-/tmp}/carecal-holidays.XXXXXX") ||
	bail "cannot make a temporary directory"
trap 'rm -rf "$tmp"' EXIT
trap 'exit 1' HUP INT TERM

NODE_PATH=$modules node "$reference" "$first" "$last" >"$tmp/ref" ||
	bail "node $reference failed"
"$dump" "$first" "$last" >"$tmp/ours" || bail "$dump failed"

echo "1..$((last - first + 1))"
n=0
failed=0
year=$first
while [ "$year" -le "$last" ]; do
	n=$((n + 1))
	grep "^$year-" "$tmp/ref" >"$tmp/ref.year"
	grep "^$year-" "$tmp/ours" >"$tmp/ours.year"
	if [ ! -s "$tmp/ref.year" ]; then
		echo "not ok $n - $year: no reference data"
		failed=1
	elif cmp -s "$tmp/ref.year" "$tmp/ours.year"; then
		count=$(grep -c "" "$tmp/ref.year")
		echo "ok $n - $year: $count holidays agree"
	else
		echo "not ok $n - $year differs (< reference, > carecal)"
		diff "$tmp/ref.year" "$tmp/ours.year" | grep '^[<>]' |
		    sed 's/^/# /'
		failed=1
	fi
	year=$((year + 1))
done
exit $failed
