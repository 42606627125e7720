#!/bin/sh
# serve.sh -- `carecal serve` measured on a city's year of meetings
# (bench/generate: --centers centers, one fiscal year, about 2,000
# meetings at 225), beside Python's static file server serving the same
# feed as a file, for scale. Prints one Markdown table:
#   - conditional GETs a second (If-None-Match for carecal, as calendars
#     send it; If-Modified-Since for http.server, which knows no ETag),
#     by wrk, then one curl to show the answer was 304;
#   - a whole feed's latency as a calendar sees it (curl's time_total,
#     median of the runs): made afresh after a change (the first request
#     at once after an edit builds it from the database), a second after
#     a change (the server has made it again meanwhile), and kept;
#   - whole feeds a second, by wrk.
# Not part of `make check`; wrk is Debian's (apt-get install wrk).
#
# Usage: bench/serve.sh [--build DIR] [--centers N] [--runs R]
#            [--seconds S] [--connections C]
set -eu

here=$(cd "$(dirname "$0")" && pwd)
top=$(dirname "$here")
build=$top
centers=225
runs=21
seconds=10
connections=32

while [ $# -gt 0 ]; do
	[ $# -ge 2 ] || { echo "usage: see the head of $0" >&2; exit 2; }
	case $1 in
	--build) build=$(cd "$2" && pwd) ;;
	--centers) centers=$2 ;;
	--runs) runs=$2 ;;
	--seconds) seconds=$2 ;;
	--connections) connections=$2 ;;
	*) echo "usage: see the head of $0" >&2; exit 2 ;;
	esac
	shift 2
done
for tool in curl wrk python3; do
	command -v $tool >/dev/null 2>&1 ||
		{ echo "bench/serve.sh: $tool not found" >&2; exit 1; }
done

CARECAL=$build/carecal
CARECAL_MODULEDIR=$build
CARECAL_DATADIR=$top/share
export CARECAL CARECAL_MODULEDIR CARECAL_DATADIR
tmp=$(mktemp -d "${TMPDIR:-/tmp}/carecal-serve-bench.XXXXXX")
serve_pid=
static_pid=
cleanup()
{
	[ -n "$serve_pid" ] && kill "$serve_pid" 2>/dev/null
	[ -n "$static_pid" ] && kill "$static_pid" 2>/dev/null
	rm -rf "$tmp"
}
trap cleanup EXIT INT TERM

# median of the numbers on standard input, in ms from seconds
median_ms()
{
	sort -n | awk '{ v[NR] = $1 } END {
		m = NR % 2 ? v[(NR + 1) / 2] : (v[NR / 2] + v[NR / 2 + 1]) / 2
		printf "%.1f (%.1f-%.1f)", m * 1000, v[1] * 1000, v[NR] * 1000 }'
}
# wrk's requests a second, and how many answers were not 2xx or 3xx
wrk_rate()
{
	wrk -t2 -c"$connections" -d"${seconds}s" "$@" >"$tmp/wrk.out" 2>&1
	rate=$(awk '/^Requests\/sec:/ { printf "%.0f", $2 }' "$tmp/wrk.out")
	bad=$(awk '/Non-2xx or 3xx responses:/ { print $NF }' "$tmp/wrk.out")
	echo "$rate${bad:+ ($bad errors)}"
}
# wait_for FILE PATTERN: the first match of PATTERN in FILE, within 30 s
wait_for()
{
	n=0
	while [ $n -lt 300 ]; do
		got=$(grep -o "$2" "$1" 2>/dev/null | head -1 || :)
		[ -n "$got" ] && { echo "$got"; return 0; }
		sleep 0.1
		n=$((n + 1))
	done
	echo "bench/serve.sh: nothing like $2 in $1" >&2
	return 1
}

"$here/generate" --db "$tmp/city.db" --centers "$centers" --years 1 \
    --first-fy 2025 >/dev/null
meetings=$(($("$CARECAL" --db "$tmp/city.db" list --format csv | wc -l) - 1))
"$CARECAL" --db "$tmp/city.db" serve --listen 127.0.0.1:0 \
    >"$tmp/serve.out" 2>"$tmp/serve.err" &
serve_pid=$!
url=$(wait_for "$tmp/serve.out" 'http://127\.0\.0\.1:[0-9]*')/calendar.ics
curl -s -D "$tmp/h" -o "$tmp/feed.ics" "$url"
etag=$(tr -d '\r' <"$tmp/h" | sed -n 's/^[Ee][Tt][Aa][Gg]: //p')
bytes=$(wc -c <"$tmp/feed.ics" | tr -d ' ')
events=$(grep -c '^BEGIN:VEVENT' "$tmp/feed.ics")

# made afresh: each after an edit (another mode, back and forth)
id=$("$CARECAL" --db "$tmp/city.db" list --format csv | sed -n 2p |
    cut -d, -f1)
i=0
: >"$tmp/cold"
while [ $i -lt "$runs" ]; do
	[ $((i % 2)) -eq 0 ] && mode=online || mode=in-person
	"$CARECAL" --db "$tmp/city.db" edit "$id" --mode $mode >/dev/null
	curl -s -o /dev/null -w '%{time_total}\n' "$url" >>"$tmp/cold"
	i=$((i + 1))
done
# a second after each edit: made again by then, before anyone asked
: >"$tmp/warmed"
i=0
while [ $i -lt "$runs" ]; do
	[ $((i % 2)) -eq 0 ] && mode=online || mode=in-person
	"$CARECAL" --db "$tmp/city.db" edit "$id" --mode $mode >/dev/null
	sleep 1
	curl -s -o /dev/null -w '%{time_total}\n' "$url" >>"$tmp/warmed"
	i=$((i + 1))
done
: >"$tmp/warm"
i=0
while [ $i -lt "$runs" ]; do
	curl -s -o /dev/null -w '%{time_total}\n' "$url" >>"$tmp/warm"
	i=$((i + 1))
done
curl -s -D "$tmp/h" -o /dev/null "$url"
etag=$(tr -d '\r' <"$tmp/h" | sed -n 's/^[Ee][Tt][Aa][Gg]: //p')
code304=$(curl -s -o /dev/null -w '%{http_code}' -H "If-None-Match: $etag" \
    "$url")
carecal_304=$(wrk_rate -H "If-None-Match: $etag" "$url")
carecal_full=$(wrk_rate "$url")

# the same bytes as a file, served by python3 -m http.server
mkdir "$tmp/static"
cp "$tmp/feed.ics" "$tmp/static/calendar.ics"
(cd "$tmp/static" && exec python3 -m http.server --bind 127.0.0.1 0 \
    >"$tmp/static.out" 2>&1) &
static_pid=$!
port=$(wait_for "$tmp/static.out" 'port [0-9]*' | cut -d' ' -f2)
surl=http://127.0.0.1:$port/calendar.ics
curl -s -D "$tmp/sh" -o /dev/null "$surl"
modified=$(tr -d '\r' <"$tmp/sh" | sed -n 's/^Last-Modified: //p')
: >"$tmp/static-warm"
i=0
while [ $i -lt "$runs" ]; do
	curl -s -o /dev/null -w '%{time_total}\n' "$surl" >>"$tmp/static-warm"
	i=$((i + 1))
done
static304=$(curl -s -o /dev/null -w '%{http_code}' \
    -H "If-Modified-Since: $modified" "$surl")
static_304=$(wrk_rate -H "If-Modified-Since: $modified" "$surl")
static_full=$(wrk_rate "$surl")

echo "$meetings meetings ($centers centers, FY2025); the feed: $events events, $bytes bytes;"
echo "wrk -t2 -c$connections -d${seconds}s; latencies: median (fastest-slowest) of $runs runs, ms."
echo
echo "| job | carecal serve | python3 -m http.server (the same file) | target |"
echo "|---|---:|---:|---|"
echo "| conditional GET, answers/s | $carecal_304 (If-None-Match: $code304) | $static_304 (If-Modified-Since: $static304) | ≥ 1,000/s |"
echo "| whole feed, made afresh after a change, ms | $(median_ms <"$tmp/cold") | — | ≤ 50 ms |"
echo "| whole feed, a second after a change, ms | $(median_ms <"$tmp/warmed") | — | ≤ 50 ms |"
echo "| whole feed, kept, ms | $(median_ms <"$tmp/warm") | $(median_ms <"$tmp/static-warm") | — |"
echo "| whole feeds/s | $carecal_full | $static_full | — |"
