#!/bin/sh
# plan.sh -- `carecal plan` for a prefecture (issue 17): bench/generate's
# 1,120 centers with two fiscal years of meetings (FY2024-2025, about
# 10,000 a year) and, with --advisors, its advisors and their bookings;
# then the draft of FY2026 like FY2025 as text, as CSV, and applied (on
# a copy each run), and check of the year applied. Each job runs --runs
# times; printed: the median wall time, the spread, and the peak
# resident memory (GNU time %M), as one Markdown table. Targets: plan
# ≤ 2 s and ≤ 64 MB. Not part of `make check`.
#
# Usage: bench/plan.sh [--build DIR] [--centers N] [--runs R]
#            [--no-advisors]
set -eu

here=$(cd "$(dirname "$0")" && pwd)
top=$(dirname "$here")
build=$top
centers=1120
runs=5
advisors=--advisors

while [ $# -gt 0 ]; do
	case $1 in
	--no-advisors) advisors= ; shift; continue ;;
	esac
	[ $# -ge 2 ] || { echo "usage: see the head of $0" >&2; exit 2; }
	case $1 in
	--build) build=$(cd "$2" && pwd) ;;
	--centers) centers=$2 ;;
	--runs) runs=$2 ;;
	*) echo "usage: see the head of $0" >&2; exit 2 ;;
	esac
	shift 2
done
[ -x /usr/bin/time ] ||
	{ echo "bench/plan.sh: GNU time not found (apt-get install time)" >&2
	exit 1; }

CARECAL=$build/carecal
CARECAL_MODULEDIR=$build
CARECAL_DATADIR=$top/share
CARECAL_TODAY=2025-03-01
export CARECAL CARECAL_MODULEDIR CARECAL_DATADIR CARECAL_TODAY
tmp=$(mktemp -d "${TMPDIR:-/tmp}/carecal-plan-bench.XXXXXX")
trap 'rm -rf "$tmp"' EXIT INT TERM

"$here/generate" --db "$tmp/base.db" --centers "$centers" --years 2 \
    --first-fy 2024 --today "$CARECAL_TODAY" $advisors >"$tmp/gen" 2>&1 ||
	{ cat "$tmp/gen" >&2; exit 1; }

# job NAME COPY ARGS...: runs carecal ARGS --runs times (on a fresh copy
# of the database each time when COPY is 1); one table row
job()
{
	name=$1
	copy=$2
	shift 2
	: >"$tmp/times"
	i=0
	while [ $i -lt "$runs" ]; do
		db=$tmp/base.db
		if [ "$copy" = 1 ]; then
			cp "$tmp/base.db" "$tmp/run.db"
			db=$tmp/run.db
		fi
		/usr/bin/time -f "%e %M" -o "$tmp/one" "$CARECAL" --db "$db" \
		    "$@" >"$tmp/out" 2>"$tmp/err"
		cat "$tmp/one" >>"$tmp/times"
		i=$((i + 1))
	done
	sort -n "$tmp/times" | awk -v name="$name" '
	{ t[NR] = $1 * 1000; if ($2 > m) m = $2 }
	END {
		med = NR % 2 ? t[(NR + 1) / 2] : (t[NR / 2] + t[NR / 2 + 1]) / 2
		printf "| %s | %.0f (%.0f-%.0f, %d runs) | %.1f |\n", name, med,
		    t[1], t[NR], NR, m / 1024
	}'
}

echo "| job | median ms (spread) | peak MB |"
echo "|---|---:|---:|"
job "plan --fy 2026 (text)" 0 plan --fy 2026
drafted=$(head -1 "$tmp/out")
job "plan --fy 2026 --format csv" 0 plan --fy 2026 --format csv
job "plan --fy 2026 --apply (fresh copy)" 1 plan --fy 2026 --apply
cp "$tmp/base.db" "$tmp/applied.db"
"$CARECAL" --db "$tmp/applied.db" plan --fy 2026 --apply >/dev/null
cp "$tmp/applied.db" "$tmp/base.db"
job "check --fy 2026 (applied)" 0 check --fy 2026
echo
echo "- $(tail -1 "$tmp/gen"); $(head -1 "$tmp/gen")"
echo "- $drafted; check of the applied year: $(tail -1 "$tmp/out")"
