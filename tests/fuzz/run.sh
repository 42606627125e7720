#!/bin/sh
# run.sh -- run each libFuzzer target (built by `make fuzz`, with ASan and
# UBSan) for SECONDS seconds from its seed corpus; print TAP, one "ok" per
# target that ran its time without a crash, a leak or undefined behaviour.
# usage: tests/fuzz/run.sh [SECONDS [BUILDDIR]]   (default: 60, .)
# A failing input is kept as BUILDDIR/tests/fuzz/crash-TARGET-*; replay it
# with BUILDDIR/tests/fuzz/fuzz-TARGET FILE.
seconds=${1:-60}
build=${2:-.}
src=$(cd "$(dirname "$0")" && pwd)
targets="date csv ical"

set -- $targets
echo "1..$#"
n=0
status=0
for t in $targets; do
	n=$((n + 1))
	bin=$build/tests/fuzz/fuzz-$t
	if [ ! -x "$bin" ]; then
		echo "not ok $n - fuzz-$t: not built (make fuzz)"
		status=1
		continue
	fi
	work=$(mktemp -d "${TMPDIR:-/tmp}/carecal-fuzz-$t.XXXXXX")
	log=$build/tests/fuzz/fuzz-$t.log
	# the files of real calendars seed the iCalendar reader too
	seeds=$src/corpus-$t
	[ "$t" = ical ] && seeds="$seeds $src/../ical-corpus"
	# new inputs go to a scratch directory; the seeds stay as they are
	# shellcheck disable=SC2086 # one or two directories
	ASAN_OPTIONS=detect_leaks=1 UBSAN_OPTIONS=print_stacktrace=1 \
	    "$bin" -max_total_time="$seconds" -timeout=20 -rss_limit_mb=2048 \
	    -max_len=65536 -print_final_stats=1 \
	    -artifact_prefix="$build/tests/fuzz/crash-$t-" \
	    "$work" $seeds >"$log" 2>&1
	rc=$?
	runs=$(sed -n 's/^stat::number_of_executed_units: *//p' "$log")
	if [ $rc -eq 0 ]; then
		echo "ok $n - fuzz-$t: ${runs:-?} inputs in ${seconds}s," \
		    "no crash"
	else
		echo "not ok $n - fuzz-$t (exit $rc; log in $log)"
		grep -E 'ERROR|runtime error|SUMMARY|Test unit written' \
		    "$log" | head -10 | sed 's/^/#   /'
		status=1
	fi
	rm -rf "$work"
done
exit $status
