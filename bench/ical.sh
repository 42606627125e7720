#!/bin/sh
# ical.sh -- the bulk paths over 100,000 meetings, timed, with the peak
# memory of each (/usr/bin/time -v): import of CSV and of iCalendar,
# export, and the commands that read every meeting or every change.
# Not part of `make check`.
#
# Usage: sh bench/ical.sh [BUILDDIR [N]]   (default: . and 100000)
#
# The meetings come from bench/generate-meetings.awk as CSV and go in with
# `carecal import FILE.csv` into a fresh database; then `carecal export`
# is timed, and `carecal import` of its file into the same database (every
# event unchanged) and into a fresh one (every event added); then `list
# --format csv`, `summary --for` (text and PDF), `check --fy` and `history`
# over the whole database. Each is run BENCH_RUNS times (default 3); the
# best time and the largest peak memory count. Targets: export under 2 s,
# each import under 5 s, the others under 5 s, every one under 64 MB. The
# CPU time (user + system) of the best run is shown too: on a machine busy
# with other work, it is what the program itself took.
set -eu

here=$(cd "$(dirname "$0")" && pwd)
top=$(dirname "$here")
build=$(cd "${1:-.}" && pwd)
n=${2:-100000}
carecal=$build/carecal
out=${BENCH_OUT:-$top/bench/out}
runs=${BENCH_RUNS:-3}

[ -x "$carecal" ] || { echo "no $carecal; give the build directory" >&2; exit 2; }
[ -x /usr/bin/time ] || { echo "/usr/bin/time missing: apt-get install time" >&2; exit 2; }
export CARECAL_DATADIR="$top/share" CARECAL_MODULEDIR="$build" LC_ALL=C.UTF-8 CARECAL_TODAY=2021-10-01
mkdir -p "$out"
rm -f "$out"/bench.db* "$out"/fresh.db*

echo "generating $n meetings"
awk -v n="$n" -f "$here/generate-meetings.awk" >"$out/meetings.csv"

# measure LABEL SECONDS PREPARE COMMAND...: best time of $runs runs
failed=0
measure()
{
	label=$1
	limit=$2
	prepare=$3
	shift 3
	best=
	peak=0
	i=0
	while [ $i -lt $runs ]; do
		eval "$prepare"
		/usr/bin/time -v "$@" >"$out/stdout" 2>"$out/time" || {
			cat "$out/stdout" "$out/time" >&2
			exit 1
		}
		t=$(awk -F': ' '/Elapsed \(wall clock\)/ {
			n = split($2, p, ":"); s = 0
			for (i = 1; i <= n; i++) s = s * 60 + p[i]
			print s }' "$out/time")
		m=$(awk -F': ' '/Maximum resident set size/ { print $2 }' \
		    "$out/time")
		c=$(awk -F': ' '/(User|System) time \(seconds\)/ { s += $2 }
		    END { print s }' "$out/time")
		if [ -z "$best" ] || awk -v a="$t" -v b="$best" \
		    'BEGIN { exit !(a + 0 < b + 0) }'; then
			best=$t
			cpu=$c
		fi
		[ "$m" -gt "$peak" ] && peak=$m
		i=$((i + 1))
	done
	mb=$(awk -v k="$peak" 'BEGIN { printf "%.1f", k / 1024 }')
	verdict=$(awk -v t="$best" -v l="$limit" -v k="$peak" 'BEGIN {
		print (t < l && k < 64 * 1024) ? "ok" : "MISSED" }')
	[ "$verdict" = ok ] || failed=1
	printf '%-40s %6.2f s (< %s s; CPU %.2f s)  %5s MB (< 64)  %s\n' \
	    "$label" "$best" "$limit" "$cpu" "$mb" "$verdict"
	tail -1 "$out/stdout" | sed 's/^/    /'
}

db=$out/bench.db
measure "import CSV, fresh database" 5 \
	'rm -f "$out"/bench.db*; "$carecal" --db "$db" init >/dev/null' \
	"$carecal" --db "$db" import "$out/meetings.csv"
measure "export of $n meetings" 2 : \
	"$carecal" --db "$db" export --include-cancelled \
	-o "$out/meetings.ics"
ls -l "$out/meetings.ics" | awk '{ printf "    %s bytes\n", $5 }'
measure "import, same database (all unchanged)" 5 : \
	"$carecal" --db "$db" import "$out/meetings.ics"
measure "import, fresh database (all added)" 5 \
	'rm -f "$out"/fresh.db*; "$carecal" --db "$out/fresh.db" init >/dev/null' \
	"$carecal" --db "$out/fresh.db" import "$out/meetings.ics"
measure "list --format csv" 5 : \
	"$carecal" --db "$db" list --format csv
# the first city-level meeting of the file, and its fiscal year
city=$(awk -F, '$7 == "city" { print $3; exit }' "$out/meetings.csv")
fy=$(echo "$city" | awk -F- '{ print $2 < 4 ? $1 - 1 : $1 }')
measure "summary --for $city" 5 : \
	"$carecal" --db "$db" summary --for "$city"
measure "summary --for $city --format pdf" 5 : \
	"$carecal" --db "$db" summary --for "$city" --format pdf \
	-o "$out/summary.pdf"
measure "check --fy $fy" 5 : \
	"$carecal" --db "$db" check --fy "$fy"
measure "history" 5 : \
	"$carecal" --db "$db" history
exit $failed
