#!/bin/sh
# serve-load.sh -- `carecal serve` under many clients at once: 200
# requests on 127.0.0.1 at the same time (full feeds of four kinds and
# conditional ones) are all answered, each with the right bytes; a
# change committed while 200 more are under way is not kept waiting,
# and every answer is the calendar before it or after it, never a mix.
. "$TESTS_SRCDIR/lib.sh"
need_tool curl curl
. "$TESTS_SRCDIR/cli/serve-lib.sh"

carecal init --demo >/dev/null || exit 99
serve_start || { echo "Bail out! serve did not start"; exit 1; }

paths="/calendar.ics /centers/%E6%98%8E%E7%AC%AC1.ics /types/kobetsu.ics /"
i=0
for p in $paths; do
	i=$((i + 1))
	fetch "want$i" "$p" >/dev/null
done
etag=$(header want1 ETag)

# a curl config of 200 transfers: 150 whole feeds, then 50 conditional
# (after "next" the options start afresh: each part says its own)
mkdir "$TMP/r"
wout='write-out = "%{http_code} %{filename_effective}\\n"'
{
	echo "$wout"
	n=0
	while [ $n -lt 150 ]; do
		k=$((n % 4 + 1))
		p=$(echo $paths | cut -d' ' -f$k)
		printf 'url = "%s%s"\noutput = "%s/r/%d-%d"\n' "$URL" "$p" \
		    "$TMP" "$k" "$n"
		n=$((n + 1))
	done
	printf 'next\n%s\nheader = "If-None-Match: %s"\n' "$wout" \
	    "$(printf '%s' "$etag" | sed 's/"/\\"/g')"
	while [ $n -lt 200 ]; do
		printf 'url = "%s/calendar.ics"\noutput = "%s/r/c-%d"\n' \
		    "$URL" "$TMP" "$n"
		n=$((n + 1))
	done
} >"$TMP/many.curl"
curl -s --parallel --parallel-immediate --parallel-max 200 --max-time 120 \
    -K "$TMP/many.curl" >"$TMP/many.out" 2>"$TMP/many.err"
n=$(grep -c . "$TMP/many.out")
[ "$n" -eq 200 ] && ok "200 requests at once: 200 answers" ||
	not_ok "200 requests at once: $n answers"
bad=0
while read -r code file; do
	case ${file##*/} in
	c-*)	[ "$code" = 304 ] && [ ! -s "$file" ] || bad=$((bad + 1)) ;;
	*)	k=${file##*/}
		k=${k%%-*}
		[ "$code" = 200 ] && cmp -s "$file" "$TMP/want$k" ||
		    bad=$((bad + 1)) ;;
	esac
done <"$TMP/many.out"
[ $bad -eq 0 ] && ok "every answer right: 150 whole feeds, 50 of 304" ||
	not_ok "$bad answers wrong"

# 200 more, 20 at a time, while a change is committed
before=$TMP/want1
{
	n=0
	while [ $n -lt 200 ]; do
		printf 'url = "%s/calendar.ics"\noutput = "%s/r/d-%d"\n' \
		    "$URL" "$TMP" "$n"
		n=$((n + 1))
	done
} >"$TMP/during.curl"
curl -s --parallel --parallel-max 20 --max-time 120 -K "$TMP/during.curl" \
    -w '%{http_code} %{filename_effective}\n' >"$TMP/during.out" \
    2>"$TMP/during.err" &
loader=$!
id=$(carecal list --format csv --center 馬橋 --type kobetsu | sed -n 2p |
    cut -d, -f1)
start=$(date +%s)
check "edit while 200 requests are under way" carecal edit "$id" \
	--mode online
took=$(($(date +%s) - start))
[ $took -lt 5 ] && ok "and it was not kept waiting (${took} s)" ||
	not_ok "it was kept waiting ${took} s"
wait $loader
fetch after /calendar.ics >/dev/null
cmp -s "$TMP/after" "$before" && not_ok "the change shows afterwards" ||
	ok "the change shows afterwards"
n=$(grep -c . "$TMP/during.out")
[ "$n" -eq 200 ] && ok "200 answers during the change" ||
	not_ok "$n answers during the change"
old=0
new=0
bad=0
while read -r code file; do
	if [ "$code" != 200 ]; then
		bad=$((bad + 1))
	elif cmp -s "$file" "$before"; then
		old=$((old + 1))
	elif cmp -s "$file" "$TMP/after"; then
		new=$((new + 1))
	else
		bad=$((bad + 1))
	fi
done <"$TMP/during.out"
[ $bad -eq 0 ] &&
	ok "each the calendar before ($old) or after ($new), none else" ||
	not_ok "$bad answers neither before nor after the change"

kill -0 "$SERVE_PID" 2>/dev/null && ok "still serving" ||
	not_ok "still serving"
[ ! -s "$TMP/serve.err" ] && ok "nothing on its stderr" ||
	{ not_ok "nothing on its stderr"; sed 's/^/#   /' "$TMP/serve.err"; }
serve_stop
status=$?
[ $status -eq 0 ] && ok "SIGTERM: exit 0" || not_ok "SIGTERM: exit $status"

done_testing
