# serve-lib.sh -- running `carecal serve` in a test: on a free port of
# 127.0.0.1 (--listen 127.0.0.1:0, the port it prints), so that tests run
# side by side never collide; stopped with SIGTERM, and killed at the
# test's end whatever happens. Sourced after tests/lib.sh.

SERVE_PID=
URL=

serve_cleanup()
{
	[ -n "$SERVE_PID" ] && kill -KILL "$SERVE_PID" 2>/dev/null
	rm -rf "$TMP"
}
trap serve_cleanup EXIT

# serve_start [DB] [OPTIONS...]: starts the server on DB ($DB when not
# given) and sets SERVE_PID and URL (http://127.0.0.1:PORT); 1 if it
# did not start within 30 s (its stderr is in $TMP/serve.err).
serve_start()
{
	db=$DB
	case ${1:-} in
	-*|'') ;;
	*) db=$1; shift ;;
	esac
	: >"$TMP/serve.out"
	"$CARECAL" --db "$db" serve --listen 127.0.0.1:0 "$@" \
	    >"$TMP/serve.out" 2>"$TMP/serve.err" &
	SERVE_PID=$!
	URL=
	tries=0
	while [ $tries -lt 300 ]; do
		URL=$(grep -o 'http://127\.0\.0\.1:[0-9]*' "$TMP/serve.out" \
		    2>/dev/null | head -1)
		[ -n "$URL" ] && return 0
		kill -0 "$SERVE_PID" 2>/dev/null || break
		sleep 0.1
		tries=$((tries + 1))
	done
	sed 's/^/#   serve: /' "$TMP/serve.err"
	return 1
}

# serve_stop [SIGNAL]: the signal (TERM), then its exit status once it
# has ended; 124 if it has not within 30 s (then it is killed).
serve_stop()
{
	kill "-${1:-TERM}" "$SERVE_PID" 2>/dev/null
	tries=0
	while kill -0 "$SERVE_PID" 2>/dev/null && [ $tries -lt 300 ]; do
		sleep 0.1
		tries=$((tries + 1))
	done
	if kill -0 "$SERVE_PID" 2>/dev/null; then
		kill -KILL "$SERVE_PID"
		wait "$SERVE_PID" 2>/dev/null
		SERVE_PID=
		return 124
	fi
	wait "$SERVE_PID"
	status=$?
	SERVE_PID=
	return $status
}

# fetch NAME PATH [CURL OPTIONS...]: GET $URL$PATH; the body in
# $TMP/NAME, the headers (CR removed) in $TMP/NAME.h; prints the status.
fetch()
{
	name=$1
	path=$2
	shift 2
	curl -s --path-as-is --max-time 30 -D "$TMP/$name.raw" \
	    -o "$TMP/$name" -w '%{http_code}' "$@" "$URL$path"
	tr -d '\r' <"$TMP/$name.raw" >"$TMP/$name.h"
}

# header NAME FIELD: the value of a response header of fetch NAME
header()
{
	awk -v f="$2" 'BEGIN { f = tolower(f) ":" }
	    tolower(substr($0, 1, length(f))) == f {
		sub(/^[^:]*: */, ""); print; exit }' "$TMP/$1.h"
}

# no_dtstamp FILE: the file without its DTSTAMP lines, unfolded
no_dtstamp()
{
	tr -d '\r' <"$1" | awk '
	/^[ \t]/ { line = line substr($0, 2); next }
	NR > 1 { print line }
	{ line = $0 }
	END { print line }' | grep -v '^DTSTAMP:'
}
