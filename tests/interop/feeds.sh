#!/bin/sh
# feeds.sh -- what office calendars make of carecal's changes (issue 16):
# the feeds `carecal serve` serves read by ical.js, python3-vobject
# (validating), khal and calcurse as the export is; and a meeting
# cancelled or deleted after a calendar took the export (a file
# imported again, a feed read again) is no longer shown as active
# there: khal marks it cancelled (it replaces events by UID), ical.js
# reads STATUS:CANCELLED and the next SEQUENCE, calcurse (which keeps
# no UID and ignores STATUS) shows it only under 【中止】.
#
# An interop test: it runs under CARECAL_TEST_ALL=1 (tests/need.sh).
. "$TESTS_SRCDIR/lib.sh"
need_family interop "feeds and tombstones read by ical.js, vobject, khal and calcurse"
need_tool curl curl
. "$TESTS_SRCDIR/cli/serve-lib.sh"
modules=${CARECAL_NODE_MODULES:-$TESTS_SRCDIR/interop/node_modules}
python=${CARECAL_PYTHON:-/usr/bin/python3}
helpers=$TESTS_SRCDIR/interop

bail()
{
	echo "Bail out! $*"
	exit 1
}
command -v node >/dev/null 2>&1 || bail "node not found"
[ -d "$modules/ical.js" ] || bail "no ical.js in $modules"
"$python" -c 'import vobject' 2>/dev/null || bail "no python3-vobject"
command -v calcurse >/dev/null 2>&1 || bail "calcurse not found"
command -v khal >/dev/null 2>&1 || bail "khal not found"

# UID STATUS SEQUENCE SUMMARY of each event, as ical.js reads them
ical_status()
{
	NODE_PATH=$modules node -e '
	const ICAL = require("ical.js");
	const text = require("fs").readFileSync(process.argv[1], "utf8");
	const cal = new ICAL.Component(ICAL.parse(text));
	for (const ev of cal.getAllSubcomponents("vevent"))
		console.log([ev.getFirstPropertyValue("uid"),
		    ev.getFirstPropertyValue("status"),
		    ev.getFirstPropertyValue("sequence"),
		    ev.getFirstPropertyValue("summary")].join(" "));
	' "$1" | LC_ALL=C sort
}

carecal init --demo >/dev/null || bail "init --demo failed"
carecal add --type city --date 2021-07-29 --start 13:30 --end 15:00 \
    --mode hybrid --url "https://meet.example.jp/abc?x=1&y=2" \
    --window 2021-01..2021-06 >/dev/null || bail "add failed"
carecal cancel "$(carecal list --format csv --center 馬橋 | sed -n 2p |
    cut -d, -f1)" >/dev/null || bail "cancel failed"
carecal delete "$(carecal list --format csv --center 矢切 | sed -n 2p |
    cut -d, -f1)" >/dev/null || bail "delete failed"
serve_start || bail "serve did not start"

# ---- the feeds, read as the export is ----
for f in all:/calendar.ics meidai:/centers/%E6%98%8E%E7%AC%AC1.ics \
    city:/types/city.ics; do
	name=${f%%:*}
	[ "$(fetch "$name.ics" "${f#*:}")" = 200 ] ||
		not_ok "GET ${f#*:}"
done
carecal export -o "$TMP/export.ics" >/dev/null
NODE_PATH=$modules node "$helpers/ical-check.js" "$TMP/all.ics" \
    "$TMP/meidai.ics" "$TMP/city.ics" >"$TMP/js.out" 2>&1
if grep -q . "$TMP/js.out" && ! grep -q '^problem' "$TMP/js.out"; then
	ok "ical.js: the feeds parse; UID, DTSTAMP, DTSTART, VTIMEZONE, 75 octets, UTF-8, CRLF"
else
	not_ok "ical.js: the feeds"
	grep '^problem' "$TMP/js.out" | sed 's/^/#   /' | head -10
fi
NODE_PATH=$modules node "$helpers/ical-check.js" "$TMP/all.ics" |
    LC_ALL=C sort >"$TMP/js.feed"
NODE_PATH=$modules node "$helpers/ical-check.js" "$TMP/export.ics" |
    LC_ALL=C sort >"$TMP/js.export"
same_text "ical.js: the feed holds what the export does" "$TMP/js.export" \
	"$TMP/js.feed"
"$python" "$helpers/ical-check.py" "$TMP/all.ics" "$TMP/meidai.ics" \
    "$TMP/city.ics" >"$TMP/py.out" 2>"$TMP/py.err"
status=$?
[ $status -eq 0 ] && ! grep -q '^problem' "$TMP/py.out" &&
	ok "vobject (validate=True): the feeds are valid" ||
	{ not_ok "vobject: exit $status"; head -5 "$TMP/py.out" "$TMP/py.err" |
	    sed 's/^/#   /'; }
n=$(grep -c ' 【中止】' "$TMP/py.out")
[ "$n" -eq 2 ] && ok "vobject: the cancelled and the deleted, as 【中止】" ||
	not_ok "vobject: $n events under 【中止】, want 2"

# ---- khal: a file imported, then the meetings cancelled and deleted ----
mkdir -p "$TMP/xdg/khal" "$TMP/khal-data"
cat >"$TMP/xdg/khal/config" <<EOF
[calendars]
[[office]]
path = $TMP/khal-data
[locale]
timeformat = %H:%M
dateformat = %Y-%m-%d
longdateformat = %Y-%m-%d
datetimeformat = %Y-%m-%d %H:%M
longdatetimeformat = %Y-%m-%d %H:%M
local_timezone = Asia/Tokyo
default_timezone = Asia/Tokyo
EOF
khal_()
{
	XDG_CONFIG_HOME=$TMP/xdg XDG_DATA_HOME=$TMP TZ=Asia/Tokyo khal "$@"
}
# the day's events as khal lists them: "[STATUS] title"
khal_day()
{
	khal_ list --format '[{status}] {title}' "$1" 1d 2>&1 |
	    grep '^\[' | sed 's/ *\]/]/'
}
SMALL=$TMP/small.db
carecal --db "$SMALL" init >/dev/null
for c in 明第1 馬橋 矢切; do
	carecal --db "$SMALL" add --type kobetsu --center "$c" \
	    --date 2021-08-05 --start 13:30 --end 15:00 >/dev/null
done
carecal --db "$SMALL" export -o "$TMP/k1.ics" >/dev/null
check "khal import of the export" khal_ import --batch "$TMP/k1.ics"
khal_day 2021-08-05 >"$TMP/k1.day"
n=$(grep -c '^\[TENTATIVE\]' "$TMP/k1.day")
[ "$n" -eq 3 ] && ok "khal: three meetings, planned" ||
	{ not_ok "khal: three meetings, planned ($n)"; sed 's/^/#   /' "$TMP/k1.day"; }
id_of()
{
	carecal --db "$SMALL" list --format csv --center "$1" | sed -n 2p |
	    cut -d, -f1
}
carecal --db "$SMALL" cancel "$(id_of 馬橋)" >/dev/null
carecal --db "$SMALL" delete "$(id_of 矢切)" >/dev/null
# what the old default wrote: neither reaches khal
carecal --db "$SMALL" export --without-cancelled -o "$TMP/k-old.ics" \
    >/dev/null
carecal --db "$SMALL" export -o "$TMP/k2.ics" >/dev/null
cp -r "$TMP/khal-data" "$TMP/khal-before"
check "khal import --batch of the export without them" \
	khal_ import --batch "$TMP/k-old.ics"
khal_day 2021-08-05 >"$TMP/k-old.day"
n=$(grep -c '^\[TENTATIVE\]' "$TMP/k-old.day")
[ "$n" -eq 3 ] &&
	ok "without them (--without-cancelled, the old way): khal keeps all three as planned" ||
	not_ok "--without-cancelled: khal shows $n planned, want 3"
rm -rf "$TMP/khal-data"
mv "$TMP/khal-before" "$TMP/khal-data"
check "khal import --batch of the new export" khal_ import --batch \
	"$TMP/k2.ics"
khal_day 2021-08-05 >"$TMP/k2.day"
contains "khal: the one left, planned" "$TMP/k2.day" \
	"[TENTATIVE] 地域個別ケア会議（明第1）［対面］"
contains "khal: the cancelled one, CANCELLED" "$TMP/k2.day" \
	"[CANCELLED] 【中止】地域個別ケア会議（馬橋）［対面］"
contains "khal: the deleted one, CANCELLED (its tombstone)" "$TMP/k2.day" \
	"[CANCELLED] 【中止】地域個別ケア会議（矢切）［対面］"
n=$(grep -c . "$TMP/k2.day")
[ "$n" -eq 3 ] && ok "khal: three events, none twice (same UIDs)" ||
	{ not_ok "khal: $n events"; sed 's/^/#   /' "$TMP/k2.day"; }

# the same through the feed: a calendar that subscribed reads it again
serve_stop || not_ok "serve stopped"
rm -rf "$TMP/khal-data" && mkdir "$TMP/khal-data"
serve_start "$SMALL" || bail "serve on the small database"
fetch f1.ics /calendar.ics >/dev/null
khal_ import --batch "$TMP/f1.ics" >/dev/null 2>&1
carecal --db "$SMALL" delete "$(id_of 明第1)" >/dev/null
fetch f2.ics /calendar.ics >/dev/null
check "khal import --batch of the feed read again" khal_ import --batch \
	"$TMP/f2.ics"
khal_day 2021-08-05 >"$TMP/f2.day"
contains "khal: deleted while subscribed: CANCELLED" "$TMP/f2.day" \
	"[CANCELLED] 【中止】地域個別ケア会議（明第1）［対面］"
grep -q '^\[TENTATIVE\] 地域個別ケア会議（明第1）' "$TMP/f2.day" &&
	not_ok "khal: and no longer planned" || ok "khal: and no longer planned"

# ---- ical.js: STATUS and SEQUENCE ----
ical_status "$TMP/k1.ics" >"$TMP/s1"
ical_status "$TMP/k2.ics" >"$TMP/s2"
uid=$(grep '（矢切）' "$TMP/s1" | cut -d' ' -f1)
seq1=$(grep "^$uid " "$TMP/s1" | cut -d' ' -f3)
contains "ical.js: the deleted meeting: CANCELLED, SEQUENCE $((seq1 + 1))" \
	"$TMP/s2" "$uid CANCELLED $((seq1 + 1)) 【中止】地域個別ケア会議（矢切）［対面］"
uid=$(grep '（馬橋）' "$TMP/s1" | cut -d' ' -f1)
seq1=$(grep "^$uid " "$TMP/s1" | cut -d' ' -f3)
contains "ical.js: the cancelled one: CANCELLED, SEQUENCE $((seq1 + 1))" \
	"$TMP/s2" "$uid CANCELLED $((seq1 + 1)) 【中止】地域個別ケア会議（馬橋）［対面］"

# ---- calcurse: no UIDs, no STATUS: a fresh import shows 【中止】 ----
mkdir "$TMP/cc"
TZ=Asia/Tokyo calcurse -D "$TMP/cc" -C "$TMP/cc" -i "$TMP/k2.ics" \
    --dump-imported >"$TMP/cc.out" 2>&1
contains "calcurse -i: nothing skipped" "$TMP/cc.out" " 0 skipped"
TZ=Asia/Tokyo calcurse -D "$TMP/cc" -C "$TMP/cc" -Q --from 08/05/2021 \
    --days 1 >"$TMP/cc.q" 2>&1
for c in 馬橋 矢切; do
	contains "calcurse: $c's under 【中止】" "$TMP/cc.q" \
		"【中止】地域個別ケア会議（$c）［対面］"
	grep -q "^	地域個別ケア会議（$c）" "$TMP/cc.q" &&
		not_ok "calcurse: $c's not as planned" ||
		ok "calcurse: $c's not as planned"
done

serve_stop || not_ok "serve stopped"
done_testing
