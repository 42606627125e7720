#!/bin/sh
# serve.sh -- `carecal serve` as office calendars and curl meet it: the
# feeds are what `export` writes (cancelled and deleted meetings as
# cancelled, never notes) with a DTSTAMP that stays while nothing
# changes; strong ETag and Last-Modified, 304 for If-None-Match and
# If-Modified-Since; a committed change at the next request; the page
# of links; the token; what it refuses (unknown paths, other methods,
# huge headers, a slow client); the database only read; SIGTERM.
. "$TESTS_SRCDIR/lib.sh"
need_tool curl curl
. "$TESTS_SRCDIR/cli/serve-lib.sh"

id_of()
{
	carecal list --format csv "$@" | tail -n +2 | head -1 | cut -d, -f1
}
uid_of()
{
	carecal list --format csv "$@" | tail -n +2 | head -1 | cut -d, -f2
}
# the unfolded VEVENT with UID $2 in file $1
event_of()
{
	no_dtstamp "$1" | awk -v uid="UID:$2" '
	/^BEGIN:VEVENT$/ { n = 0; keep = 0 }
	{ lines[++n] = $0 }
	$0 == uid { keep = 1 }
	/^END:VEVENT$/ && keep { for (i = 1; i <= n; i++) print lines[i]; exit }'
}

carecal init --demo >/dev/null || exit 99
# a center whose name a URL must encode, with a meeting, and a note
carecal center add 'A/B 100%?#+' >/dev/null &&
carecal add --type kobetsu --center 'A/B 100%?#+' --date 2021-08-05 \
    --start 13:30 --end 15:00 --note "非公開のメモ" >/dev/null || exit 99

# ---- usage ----
expect_status "serve --help" 0 carecal serve --help
contains "names --listen" "$TMP/out" "--listen ADDR:PORT"
contains "names --token-file" "$TMP/out" "--token-file FILE"
for bad in 127.0.0.1 :8323 127.0.0.1:99999 127.0.0.1:x 'host name:80' \
    '[::1]8323' 999.1.1.1:80 127.0.0.1:; do
	expect_status "--listen '$bad' is a usage error" 2 \
		carecal serve --listen "$bad"
done
contains "saying what it wants" "$TMP/err" "$(L "is not ADDR:PORT (as 127.0.0.1:8323 or [::1]:8323)" "ADDR:PORT (例: 127.0.0.1:8323 や [::1]:8323) になっていません")"
expect_status "--token-file that is not there" 2 \
	carecal serve --listen 127.0.0.1:0 --token-file "$TMP/none"
printf 'short\n' >"$TMP/short"
expect_status "a token too short" 2 \
	carecal serve --listen 127.0.0.1:0 --token-file "$TMP/short"
contains "says what a token is" "$TMP/err" "$(L "16 to 256 letters, digits or . _ ~ -" "16 〜 256 文字の英数字または . _ ~ -")"
printf '0123456789abcdef/x\n' >"$TMP/slash"
expect_status "a token with a slash" 2 \
	carecal serve --listen 127.0.0.1:0 --token-file "$TMP/slash"
expect_status "no database" 1 carecal --db "$TMP/none.db" serve \
	--listen 127.0.0.1:0
contains "says so" "$TMP/err" "$(L "no database there" "データベースがありません")"

# ---- the feeds ----
before=$(db_hash)
if serve_start; then
	ok "serve --listen 127.0.0.1:0 says where it serves ($URL)"
else
	not_ok "serve --listen 127.0.0.1:0 says where it serves"
	done_testing
	exit 1
fi
contains "in the user's words" "$TMP/serve.out" "$(L "carecal: serving" "carecal: ")"

[ "$(fetch all /calendar.ics)" = 200 ] && ok "GET /calendar.ics: 200" ||
	not_ok "GET /calendar.ics: 200"
[ "$(header all Content-Type)" = "text/calendar; charset=utf-8" ] &&
	ok "Content-Type text/calendar, UTF-8" ||
	not_ok "Content-Type: $(header all Content-Type)"
etag=$(header all ETag)
modified=$(header all Last-Modified)
case $etag in
'"'?*'"') ok "a strong ETag ($etag)" ;;
*) not_ok "a strong ETag (got '$etag')" ;;
esac
[ -n "$modified" ] && ok "Last-Modified ($modified)" ||
	not_ok "Last-Modified"
carecal export -o "$TMP/export.ics" >/dev/null
no_dtstamp "$TMP/all" >"$TMP/all.txt"
no_dtstamp "$TMP/export.ics" >"$TMP/export.txt"
same_text "the feed is what export writes (DTSTAMP aside)" \
	"$TMP/export.txt" "$TMP/all.txt"
lacks "never the notes" "$TMP/all" "非公開のメモ"
stamp=$(date -u -d "$modified" +%Y%m%dT%H%M%SZ)
stamps=$(tr -d '\r' <"$TMP/all" | sed -n 's/^DTSTAMP://p' | sort -u)
[ "$stamps" = "$stamp" ] && ok "every DTSTAMP is the Last-Modified" ||
	not_ok "every DTSTAMP is the Last-Modified ($stamp): $stamps"

# the same state is the same bytes, a second later too
t0=$(date +%s)
n=0
while [ "$(date +%s)" = "$t0" ] && [ $n -lt 50 ]; do
	sleep 0.05
	n=$((n + 1))
done
fetch again /calendar.ics >/dev/null
cmp -s "$TMP/all" "$TMP/again" && ok "a second later: the same bytes" ||
	not_ok "a second later: the same bytes"
[ "$(header again ETag)" = "$etag" ] && ok "and the same ETag" ||
	not_ok "and the same ETag"

# conditional requests
[ "$(fetch c1 /calendar.ics -H "If-None-Match: $etag")" = 304 ] &&
	[ ! -s "$TMP/c1" ] && ok "If-None-Match: the ETag: 304, no body" ||
	not_ok "If-None-Match: the ETag: 304, no body"
[ "$(header c1 ETag)" = "$etag" ] && ok "304 says the ETag" ||
	not_ok "304 says the ETag"
[ "$(fetch c2 /calendar.ics -H "If-None-Match: \"x\", W/$etag")" = 304 ] &&
	ok "If-None-Match: a list with the weak ETag: 304" ||
	not_ok "If-None-Match: a list with the weak ETag: 304"
[ "$(fetch c3 /calendar.ics -H 'If-None-Match: *')" = 304 ] &&
	ok "If-None-Match: *: 304" || not_ok "If-None-Match: *: 304"
[ "$(fetch c4 /calendar.ics -H 'If-None-Match: "0000000000000000"')" = 200 ] &&
	ok "If-None-Match: another ETag: 200" ||
	not_ok "If-None-Match: another ETag: 200"
[ "$(fetch c5 /calendar.ics -H "If-Modified-Since: $modified")" = 304 ] &&
	ok "If-Modified-Since: the Last-Modified: 304" ||
	not_ok "If-Modified-Since: the Last-Modified: 304"
[ "$(fetch c6 /calendar.ics -H 'If-Modified-Since: Sun, 06 Nov 1994 08:49:37 GMT')" = 200 ] &&
	ok "If-Modified-Since: long ago: 200" ||
	not_ok "If-Modified-Since: long ago: 200"
[ "$(fetch c7 /calendar.ics -H 'If-Modified-Since: Sunday, 06-Nov-94 08:49:37 GMT')" = 200 ] &&
	ok "If-Modified-Since in RFC 850's form: 200" ||
	not_ok "If-Modified-Since in RFC 850's form: 200"
[ "$(fetch c8 /calendar.ics -H 'If-Modified-Since: yesterday')" = 200 ] &&
	ok "If-Modified-Since: not a date: ignored, 200" ||
	not_ok "If-Modified-Since: not a date: ignored, 200"
[ "$(fetch c9 /calendar.ics -H 'If-None-Match: "x"' \
    -H "If-Modified-Since: $modified")" = 200 ] &&
	ok "If-None-Match wins over If-Modified-Since: 200" ||
	not_ok "If-None-Match wins over If-Modified-Since: 200"
# curl -I writes the headers where the body would go
[ "$(fetch head /calendar.ics -I)" = 200 ] &&
	! grep -q VCALENDAR "$TMP/head" && [ "$(header head ETag)" = "$etag" ] &&
	ok "HEAD: 200, the ETag, no body" || not_ok "HEAD: 200, the ETag, no body"

# one center, one type
[ "$(fetch meidai /centers/%E6%98%8E%E7%AC%AC1.ics)" = 200 ] &&
	ok "GET /centers/明第1.ics (encoded): 200" ||
	not_ok "GET /centers/明第1.ics (encoded): 200"
carecal export --center 明第1 -o "$TMP/meidai.ics" >/dev/null
no_dtstamp "$TMP/meidai.ics" >"$TMP/meidai.want"
no_dtstamp "$TMP/meidai" >"$TMP/meidai.got"
same_text "the center's feed is export --center" "$TMP/meidai.want" \
	"$TMP/meidai.got"
[ "$(fetch odd '/centers/A%2FB%20100%25%3F%23%2B.ics')" = 200 ] &&
	grep -q 'X-CARECAL-CENTER:A/B 100%?#+' "$TMP/odd" &&
	ok "a center named 'A/B 100%?#+', encoded: its feed" ||
	not_ok "a center named 'A/B 100%?#+', encoded: its feed"
[ "$(fetch kobetsu /types/kobetsu.ics)" = 200 ] &&
	ok "GET /types/kobetsu.ics: 200" || not_ok "GET /types/kobetsu.ics: 200"
carecal export --type kobetsu -o "$TMP/kobetsu.ics" >/dev/null
no_dtstamp "$TMP/kobetsu.ics" >"$TMP/kobetsu.want"
no_dtstamp "$TMP/kobetsu" >"$TMP/kobetsu.got"
same_text "the type's feed is export --type" "$TMP/kobetsu.want" \
	"$TMP/kobetsu.got"

# the page of links, in Japanese
[ "$(fetch index /)" = 200 ] && ok "GET /: 200" || not_ok "GET /: 200"
[ "$(header index Content-Type)" = "text/html; charset=utf-8" ] &&
	ok "an HTML page" || not_ok "an HTML page"
contains "in Japanese" "$TMP/index" "松戸市 地域ケア会議 公開カレンダー"
contains "with the URL of every meeting's feed" "$TMP/index" \
	"<code>$URL/calendar.ics</code>"
contains "of each center's" "$TMP/index" \
	"<code>$URL/centers/%E6%98%8E%E7%AC%AC1.ics</code>"
contains "the odd name encoded and escaped" "$TMP/index" \
	"<td>A/B 100%?#+</td><td><a href=\"$URL/centers/A%2FB%20100%25%3F%23%2B.ics\">"
contains "of each type's" "$TMP/index" "<code>$URL/types/kobetsu.ics</code>"
n=$(grep -c '<code>' "$TMP/index")
centers=$(carecal center list | wc -l)
types=$(carecal type list | wc -l)
[ "$n" -eq $((1 + centers + types)) ] &&
	ok "one URL a feed ($n)" ||
	not_ok "one URL a feed: $n, want $((1 + centers + types))"
fetch evil / -H 'Host: "><script>x</script>' >/dev/null
lacks "a Host that is not one stays out of the page" "$TMP/evil" "<script>"
contains "which names the address instead" "$TMP/evil" "$URL/calendar.ics"
fetch proxied / -H 'Host: cal.example.jp' -H 'X-Forwarded-Proto: https' \
    >/dev/null
contains "behind a proxy: its host and https" "$TMP/proxied" \
	"<code>https://cal.example.jp/calendar.ics</code>"

# ---- changes, at the next request ----
id=$(id_of --center 馬橋 --type kobetsu --from 2021-05-13 --to 2021-05-13)
uid=$(uid_of --center 馬橋 --type kobetsu --from 2021-05-13 --to 2021-05-13)
check "edit while it serves (no lock kept)" carecal edit "$id" --mode online
fetch edited /calendar.ics >/dev/null
[ "$(header edited ETag)" != "$etag" ] &&
	ok "after edit: another ETag, without a restart" ||
	not_ok "after edit: another ETag, without a restart"
[ "$(fetch c10 /calendar.ics -H "If-None-Match: $etag")" = 200 ] &&
	ok "the old ETag: 200 now" || not_ok "the old ETag: 200 now"
event_of "$TMP/edited" "$uid" >"$TMP/ev"
contains "with the change" "$TMP/ev" \
	"SUMMARY:地域個別ケア会議（馬橋）［完全オンライン］"
contains "and SEQUENCE:1" "$TMP/ev" "SEQUENCE:1"
m2=$(header edited Last-Modified)
[ "$(date -d "$m2" +%s)" -ge "$(date -d "$modified" +%s)" ] &&
	ok "Last-Modified does not go back" || not_ok "Last-Modified went back"
check "cancel while it serves" carecal cancel "$id"
fetch cancelled /calendar.ics >/dev/null
event_of "$TMP/cancelled" "$uid" >"$TMP/ev"
for line in "STATUS:CANCELLED" "SEQUENCE:2" \
    "SUMMARY:【中止】地域個別ケア会議（馬橋）［完全オンライン］"; do
	contains "a cancelled meeting: $line" "$TMP/ev" "$line"
done
check "delete while it serves" carecal delete "$id"
fetch deleted /calendar.ics >/dev/null
event_of "$TMP/deleted" "$uid" >"$TMP/ev"
for line in "STATUS:CANCELLED" "SEQUENCE:3" \
    "SUMMARY:【中止】地域個別ケア会議（馬橋）［完全オンライン］"; do
	contains "a deleted meeting, its tombstone: $line" "$TMP/ev" "$line"
done
fetch umabashi /centers/%E9%A6%AC%E6%A9%8B.ics >/dev/null
event_of "$TMP/umabashi" "$uid" >"$TMP/ev"
contains "in its center's feed too" "$TMP/ev" "STATUS:CANCELLED"
fetch city /types/city.ics >/dev/null
lacks "not in another type's" "$TMP/city" "UID:$uid"
check "config tombstone-days 0 while it serves" \
	carecal config tombstone-days 0
fetch gone /calendar.ics >/dev/null
lacks "tombstone-days 0: the tombstone goes" "$TMP/gone" "UID:$uid"
carecal config tombstone-days 400 >/dev/null

# ---- what it refuses ----
for path in /nothing /calendar /calendar.ics/ //calendar.ics \
    /centers/無い.ics /centers/.ics /centers/ /types/nothing.ics \
    /types/Kobetsu.ics /centers/../calendar.ics '/centers/%2e%2e/calendar.ics' \
    '/centers/%00.ics' '/types/%ff.ics' /../../etc/passwd '/%' \
    /index.html /TOKEN/calendar.ics; do
	code=$(fetch bad "$path")
	[ "$code" = 404 ] && ok "GET $path: 404" ||
		not_ok "GET $path: 404 (got $code)"
done
contains "saying so in the user's words" "$TMP/bad" \
	"$(L "No calendar at this address." "このアドレスにカレンダーはありません。")"
for method in POST PUT DELETE PATCH OPTIONS; do
	code=$(fetch m /calendar.ics -X $method --data x)
	[ "$code" = 405 ] && [ "$(header m Allow)" = "GET, HEAD" ] &&
		ok "$method: 405, Allow: GET, HEAD" ||
		not_ok "$method: 405 (got $code, Allow: $(header m Allow))"
done
big=$(head -c 100000 /dev/zero | tr '\0' a)
code=$(fetch big /calendar.ics -H "X-Big: $big")
case $code in
4??) ok "a 100 kB header: $code" ;;
*) not_ok "a 100 kB header: 4xx (got $code)" ;;
esac
code=$(fetch long "/$big")
case $code in
4??) ok "a 100 kB path: $code" ;;
*) not_ok "a 100 kB path: 4xx (got $code)" ;;
esac
port=${URL##*:}
# python3 speaks raw HTTP where curl would correct it
raw()
{
	python3 - "$port" "$@" <<'PY' 2>&1
import socket, sys
s = socket.create_connection(("127.0.0.1", int(sys.argv[1])), timeout=20)
s.sendall(sys.argv[2].encode("latin-1").decode("unicode_escape").encode("latin-1"))
s.shutdown(socket.SHUT_WR)
data = b""
while True:
    try:
        chunk = s.recv(65536)
    except socket.timeout:
        break
    if not chunk:
        break
    data += chunk
if len(sys.argv) > 3:
    # every status line: a 304's body would be taken for the next one
    print("|".join(l.decode("latin-1") for l in data.split(b"\r\n")
                   if l.startswith(b"HTTP/1.1 ")))
else:
    print(data.split(b"\r\n")[0].decode("latin-1") or "closed")
PY
}
for req in 'GET /calendar.ics HTTP/1.1\r\nHost: x\r\nBad Header\r\n\r\n' \
    'GET /calendar.ics FOO/1.1\r\nHost: x\r\n\r\n' \
    'GET /calendar.ics HTTP/1.1\r\nHost: x\r\nContent-Length: -1\r\n\r\n'; do
	got=$(raw "$req")
	case $got in
	"HTTP/1.1 400 "*) ok "a malformed request: 400" ;;
	*) not_ok "a malformed request: 400 (got '$got')" ;;
	esac
done
got=$(raw 'NONSENSE\r\n\r\n')
case $got in
closed|"HTTP/1.1 400 "*) ok "a request line that is none: closed ($got)" ;;
*) not_ok "a request line that is none: closed or 400 (got '$got')" ;;
esac
got=$(raw 'GET /calendar.ics HTTP/1.1\r\nHost: x\r\nIf-None-Match: *\r\n\r\nGET /calendar.ics HTTP/1.1\r\nHost: x\r\n\r\n' all)
[ "$got" = "HTTP/1.1 304 Not Modified|HTTP/1.1 200 OK" ] &&
	ok "a 304 and a 200 on one connection: the 304 has no body" ||
	not_ok "a 304 and a 200 on one connection (got '$got')"
# a client that sends half its request and waits: the others are served
python3 - "$port" >"$TMP/slow.out" 2>&1 <<'PY' &
import socket, sys, time
s = socket.create_connection(("127.0.0.1", int(sys.argv[1])))
s.sendall(b"GET /calendar.ics HTTP/1.1\r\nHost: x\r\nX-Slow: ")
time.sleep(8)
PY
slow=$!
sleep 0.2
code=$(fetch meanwhile /calendar.ics --max-time 5)
[ "$code" = 200 ] && ok "a slow client keeps no one waiting" ||
	not_ok "a slow client keeps no one waiting (got $code)"
kill "$slow" 2>/dev/null
wait "$slow" 2>/dev/null
kill -0 "$SERVE_PID" 2>/dev/null && ok "still serving after all that" ||
	not_ok "still serving after all that"
[ ! -s "$TMP/serve.err" ] && ok "and nothing on its stderr" ||
	{ not_ok "and nothing on its stderr"; sed 's/^/#   /' "$TMP/serve.err"; }

serve_stop TERM
status=$?
[ $status -eq 0 ] && ok "SIGTERM: exit 0" || not_ok "SIGTERM: exit $status"
contains "saying it stopped" "$TMP/serve.out" \
	"$(L "carecal: stopped (SIGTERM)" "carecal: 停止しました (SIGTERM)")"
code=$(curl -s -o /dev/null -w '%{http_code}' --max-time 5 "$URL/" || :)
[ "$code" = 000 ] && ok "and no longer listens" ||
	not_ok "and no longer listens ($code)"

# read only: the serving changed nothing
carecal --db "$TMP/ro.db" init --demo >/dev/null
ro_hash=$(cat "$TMP/ro.db" "$TMP/ro.db-wal" 2>/dev/null | sha256sum)
serve_start "$TMP/ro.db" || not_ok "serve starts on a second database"
fetch ro /calendar.ics >/dev/null
fetch ro /types/city.ics >/dev/null
serve_stop INT
status=$?
[ $status -eq 0 ] && ok "SIGINT: exit 0" || not_ok "SIGINT: exit $status"
[ "$(cat "$TMP/ro.db" "$TMP/ro.db-wal" 2>/dev/null | sha256sum)" = "$ro_hash" ] &&
	ok "serving wrote nothing to the database" ||
	not_ok "serving wrote nothing to the database"

# ---- the token ----
printf '0123456789abcdef0123456789abcdef\n' >"$TMP/token"
chmod 600 "$TMP/token"
serve_start --token-file "$TMP/token" || not_ok "serve with --token-file"
token=0123456789abcdef0123456789abcdef
for path in /calendar.ics / /x/calendar.ics \
    /0123456789abcdef0123456789abcdeX/calendar.ics \
    /0123456789abcdef0123456789abcde/calendar.ics \
    /${token}0/calendar.ics "/$token/../calendar.ics"; do
	code=$(fetch t "$path")
	[ "$code" = 404 ] && ok "with a token, $path: 404" ||
		not_ok "with a token, $path: 404 (got $code)"
done
[ "$(fetch t "/$token/calendar.ics")" = 200 ] &&
	ok "/TOKEN/calendar.ics: 200" || not_ok "/TOKEN/calendar.ics: 200"
[ "$(fetch t "/$token/types/kobetsu.ics")" = 200 ] &&
	ok "/TOKEN/types/kobetsu.ics: 200" || not_ok "/TOKEN/types/kobetsu.ics"
[ "$(fetch ti "/$token")" = 200 ] &&
	ok "/TOKEN: the page" || not_ok "/TOKEN: the page"
contains "whose URLs have the token" "$TMP/ti" \
	"<code>$URL/$token/calendar.ics</code>"
lacks "the token is not printed" "$TMP/serve.out" "$token"
serve_stop

chmod 644 "$TMP/token"
serve_start --token-file "$TMP/token" || not_ok "serve, a token others read"
contains "a token file others can read: a warning" "$TMP/serve.err" \
	"$(L "any user on this host can read it" "このホストのどのユーザーも読めます")"
serve_stop

# off the loopback without a token: a warning (0.0.0.0, port 0)
"$CARECAL" serve --listen 0.0.0.0:0 >"$TMP/any.out" 2>"$TMP/any.err" &
any=$!
n=0
while ! grep -q http "$TMP/any.out" && kill -0 $any 2>/dev/null &&
    [ $n -lt 300 ]; do
	sleep 0.1
	n=$((n + 1))
done
contains "0.0.0.0 without a token: a warning" "$TMP/any.err" \
	"$(L "without --token-file: anyone who can reach this host reads the calendars" "--token-file なしで")"
kill -TERM $any
wait $any

# a port taken
serve_start || not_ok "serve again"
taken=${URL##*:}
expect_status "a port already taken: exit 1" 1 \
	carecal serve --listen "127.0.0.1:$taken"
contains "saying why" "$TMP/err" "$(L "cannot serve there" "ここでは配信できません")"
serve_stop

done_testing
