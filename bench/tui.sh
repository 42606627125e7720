#!/bin/sh
# tui.sh -- the full-screen view over 100,000 meetings: the time from
# start to the first full screen, and from a key press to the redrawn
# screen. Not part of `make check`.
#
# Usage: sh bench/tui.sh [BUILDDIR [N]]   (default: . and 100000;
# BENCH_RUNS=10 runs of each)
#
# Four databases, each shown on fiscal year 2021 (today 2021-10-01):
#  - realistic: bench/generate's city of 112 centers over the ten fiscal
#    years 2016-2025, each center meeting as often as its targets say
#    (about 1,000 meetings a year);
#  - the same meetings all moved into fiscal year 2021: about 10,000 in
#    one year, the busy city of issue 8;
#  - N meetings from bench/generate-meetings.awk (15 centers) spread over
#    the fiscal years 1990-2089, about N/100 a year;
#  - those N meetings all moved into fiscal year 2021, the worst case.
# carecal runs in a private tmux server, a real terminal, with
# CARECAL_BENCH_KEYS (carecal-bench, the test build: make carecal-bench):
# it draws the first screen, replays those keys one by one (each handled
# and the screen redrawn), then quits and reports on stderr. Start-up is also timed from outside, exec to exit. Targets:
# first screen under 100 ms, a key under 10 ms.
set -eu

here=$(cd "$(dirname "$0")" && pwd)
top=$(dirname "$here")
build=$(cd "${1:-.}" && pwd)
n=${2:-100000}
carecal=$build/carecal
runs=${BENCH_RUNS:-10}
out=$(mktemp -d "${TMPDIR:-/tmp}/carecal-bench-tui.XXXXXX")
socket=carecal-bench-$$

[ -x "$carecal" ] || { echo "no $carecal; give the build directory" >&2; exit 2; }
[ -x "$carecal-bench" ] || make -C "$build" -s carecal-bench >&2 ||
    { echo "no $carecal-bench: make carecal-bench" >&2; exit 2; }
command -v tmux >/dev/null || { echo "tmux missing: apt-get install tmux" >&2; exit 2; }
export CARECAL_DATADIR="$top/share" CARECAL_MODULEDIR="$build" LC_ALL=C.UTF-8 CARECAL_TODAY=2021-10-01
unset TMUX
trap 'tmux -L "$socket" kill-server 2>/dev/null; rm -rf "$out"' EXIT
# a session that keeps the server up between the runs
tmux -L "$socket" -f /dev/null -u new-session -d -s keep "sleep 3600"

# moving in the grid, the month and the agenda, another fiscal year
# and back, the summary and the checks: keys one after the other, then
# the same with a pause ('.') before the keys that need other years
keys='jjjjjjjjjjllllllllllkkkkkhhhhh2llllljjjjhhhhkk3jjjjjjjjjjkkkkk][1jjjjlll4l5jj1'
paused='jjjjjjjjjjllllllllllkkkkkhhhhh2llllljjjjhhhhkk3jjjjjjjjjjkkkkk.].[1jjjjlll.4l5jj1'

setup() {	# setup DB CSV
	"$carecal" --db "$1" init >/dev/null
	"$carecal" --db "$1" import "$2" >/dev/null
}

# run DB KEYS: one run in a 100x30 terminal; its report in $out/report
run() {
	rm -f "$out/report" "$out/done"
	tmux -L "$socket" -f /dev/null -u new-session -d -x 100 -y 30 \
	    "s=\$(date +%s%N); CARECAL_BENCH_KEYS='$2' '$carecal-bench' \
	    --db '$1' 2>'$out/report'; e=\$(date +%s%N);
	    echo \"process: \$(( (e - s) / 1000 )) us\" >>'$out/report';
	    touch '$out/done'"
	waited=0
	while [ ! -f "$out/done" ] && [ $waited -lt 2400 ]; do
		sleep 0.05
		waited=$((waited + 1))
	done
	[ -f "$out/done" ] || { echo "carecal did not finish" >&2; exit 1; }
	printf . >&2
}

# measure DB KEYS: $runs runs, their reports in $out/all
measure() {
	: >"$out/all"
	r=0
	while [ $r -lt $runs ]; do
		run "$1" "$2"
		cat "$out/report" >>"$out/all"
		r=$((r + 1))
	done
}

# The median over the runs of: the first screen, the process from exec
# to exit (keys included), the keys' mean, median and slowest, and the
# slowest keys by name.
summarize() {
	awk -v label="$1" '
	function median(a, n,    i, j, t) {
		for (i = 2; i <= n; i++)
			for (j = i; j > 1 && a[j - 1] > a[j]; j--) {
				t = a[j]; a[j] = a[j - 1]; a[j - 1] = t
			}
		return a[int((n + 1) / 2)]
	}
	/^first screen/ { f[++nf] = $3; loaded = substr($5, 2) }
	/^keys/ { k = $2 + 0; mean[++nk] = $4; med[nk] = $7; max[nk] = $10 }
	/^process/ { p[++np] = $2 / 1000 }
	/^key / {
		name = $2 " " $3; sub(/:$/, "", name)
		if ($4 + 0 > worst[name] + 0) worst[name] = $4
		# the keys that change the view or the year, by character
		c = substr($3, 2, 1)
		if (index("12345[]", c) > 0 && $4 + 0 > view[c] + 0)
			view[c] = $4
	}
	END {
		printf "%s\n", label
		printf "  meetings of the year shown: %s\n", loaded
		printf "  first full screen: %.2f ms (median of %d runs)\n",
		    median(f, nf), nf
		printf "  process, exec to exit: %.2f ms\n", median(p, np)
		if (nk > 0) {
			printf "  key to redrawn screen (%d keys): mean %.3f ms, " \
			    "median %.3f ms, slowest %.3f ms\n", k,
			    median(mean, nk), median(med, nk), median(max, nk)
			printf "  keys over 10 ms in any run:"
			for (name in worst)
				if (worst[name] + 0 >= 10)
					printf " %s %.1f ms", name, worst[name]
			printf "\n  slowest view and year keys (any run):"
			for (i = 1; i <= 7; i++) {
				c = substr("12345[]", i, 1)
				if (c in view)
					printf " %s %.2f", c, view[c]
			}
			printf " ms\n"
		}
	}' "$out/all"
}

report() {	# report DB LABEL
	echo "== $2 ($runs runs of each)"
	measure "$1" ""
	summarize "start-up, no keys:"
	measure "$1" "$keys"
	summarize "keys one after another:"
	measure "$1" "$paused"
	summarize "keys with a pause before those that need other years:"
}

# into_2021 <IN >OUT: the meetings of a CSV all moved into fiscal 2021
into_2021() {
	awk -F, -v OFS=, 'NR > 1 && $3 ~ /^[0-9]/ {
		m = substr($3, 6, 2) + 0
		$3 = (m >= 4 ? "2021" : "2022") substr($3, 5)
		if (substr($3, 6) == "02-29")
			$3 = substr($3, 1, 8) "28"
	} { print }'
}

centers=112
echo "generating $centers centers over 10 fiscal years (bench/generate)"
CARECAL=$carecal sh "$here/generate" --db "$out/city.db" \
    --centers $centers --years 10 --first-fy 2016 --today 2021-10-01 \
    --csv "$out/city.csv" >/dev/null
# the same profile (Matsudo's types, $centers centers) for the busy year
awk -F'\t' -v n=$centers '
	$1 == "center" { if (++c <= n) print; next }
	{ print }
	END { for (i = c + 1; i <= n; i++) printf "center\t圏域%04d\n", i }
' "$top/share/profiles/matsudo.txt" >"$out/profile.txt"
"$carecal" --db "$out/busy.db" init --profile "$out/profile.txt" >/dev/null
into_2021 <"$out/city.csv" >"$out/busy.csv"
"$carecal" --db "$out/busy.db" import "$out/busy.csv" >/dev/null

echo "generating $n meetings"
awk -v n="$n" -f "$here/generate-meetings.awk" >"$out/spread.csv"
setup "$out/spread.db" "$out/spread.csv"
into_2021 <"$out/spread.csv" >"$out/dense.csv"
setup "$out/dense.db" "$out/dense.csv"

report "$out/city.db" "$centers centers over 10 fiscal years (realistic)"
report "$out/busy.db" "the same, all in fiscal year 2021 (10,000 a year)"
report "$out/spread.db" "$n meetings over 100 fiscal years"
report "$out/dense.db" "$n meetings in one fiscal year (worst case)"
