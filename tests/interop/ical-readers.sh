#!/bin/sh
# ical-readers.sh -- carecal's iCalendar read by four readers that share
# no code with libical: npm ical.js, Debian's python3-vobject (validating),
# calcurse and khal. Every file of the demo export (whole, per center, per
# type) and of a calendar with timed meetings must parse, and every reader
# must see each meeting on its date, at its Asia/Tokyo times, with its
# title (type, center, mode in words).
#
# An interop test: it runs under CARECAL_TEST_ALL=1 (tests/need.sh), and
# there a missing reader is a failure: .ci/setup installs them all.
. "$TESTS_SRCDIR/lib.sh"
need_family interop "the export read by ical.js, vobject, calcurse and khal"
modules=${CARECAL_NODE_MODULES:-$TESTS_SRCDIR/interop/node_modules}
python=${CARECAL_PYTHON:-/usr/bin/python3}
helpers=$TESTS_SRCDIR/interop

bail()
{
	echo "Bail out! $*"
	exit 1
}

command -v node >/dev/null 2>&1 ||
	bail "node not found; install Node.js and run npm ci in tests/interop"
[ -d "$modules/ical.js" ] ||
	bail "no ical.js in $modules; run npm ci in tests/interop"
"$python" -c 'import vobject' 2>/dev/null ||
	bail "$python cannot import vobject; apt-get install python3-vobject"
command -v calcurse >/dev/null 2>&1 || bail "calcurse not found"
command -v khal >/dev/null 2>&1 || bail "khal not found"

carecal --db "$DB" init --demo >/dev/null || bail "init --demo failed"

# a calendar with times (13:30-15:00, a start only), a URL, a window, a
# cancelled meeting and a note
TIMED=$TMP/timed.db
carecal --db "$TIMED" init >/dev/null || bail "init failed"
{
	carecal --db "$TIMED" add --type city --date 2021-07-29 \
	    --start 13:30 --end 15:00 --mode hybrid \
	    --venue "市役所 議会棟 特別委員会室" \
	    --url "https://meet.example.jp/abc?x=1&y=2" --window 2021-01..2021-06 &&
	carecal --db "$TIMED" add --type kobetsu --center 明第1 \
	    --date 2021-08-05 --start 09:30 --mode online \
	    --url https://zoom.example.com/j/1 --cases 2 \
	    --note "メモ: 次回は 2 件" &&
	carecal --db "$TIMED" add --type suishin --center 馬橋 \
	    --date 2021-09-01 --status cancelled &&
	carecal --db "$TIMED" add --type suishin --center 馬橋 \
	    --date 2021-09-02 --start 18:00 --end 19:45 &&
	carecal --db "$TIMED" add --type jiritsu --center 五香松飛台 \
	    --date 2022-03-31 --start 23:00 --end 23:59 --mode hybrid
} >/dev/null || bail "adding the timed meetings failed"

check "export of the demo" \
	carecal --db "$DB" export -o "$TMP/demo.ics"
check "export per center" \
	carecal --db "$DB" export --split-by center --dir "$TMP/center"
check "export per type" \
	carecal --db "$DB" export --split-by type --dir "$TMP/type"
check "export of the timed calendar" \
	carecal --db "$TIMED" export --include-cancelled --include-notes \
	-o "$TMP/timed.ics"

# What each reader should see, from carecal's own list and the profile's
# type names: "DATE START END TITLE [CATEGORIES]" (all day: "DATE - -").
awk -F '\t' '$1 == "type" { print $2 "\t" $3 }' \
    "$CARECAL_DATADIR/profiles/matsudo.txt" >"$TMP/types"
expected()
{
	carecal --db "$1" list --format csv | tail -n +2 |
	awk -F, -v types="$TMP/types" '
	BEGIN {
		while ((getline line < types) > 0) {
			split(line, f, "\t")
			name[f[1]] = f[2]
		}
		label["in-person"] = "対面"
		label["hybrid"] = "一部オンライン"
		label["online"] = "完全オンライン"
	}
	{
		title = ($9 == "cancelled" ? "【中止】" : "") name[$7] \
		    ($6 != "" ? "（" $6 "）" : "") "［" label[$8] "］"
		cats = name[$7] "," label[$8] ($6 != "" ? "," $6 : "")
		# a start and no end: the usual length of the type, 90 minutes
		# (the Matsudo types set none)
		end = $5
		if ($4 != "" && end == "") {
			split($4, hm, ":")
			m = hm[1] * 60 + hm[2] + 90
			end = sprintf("%02d:%02d", int(m / 60), m % 60)
		}
		if ($4 == "")
			printf "%s - - %s [%s]\n", $3, title, cats
		else
			printf "%s %s %s %s [%s]\n", $3, $4, end, title, cats
	}' | LC_ALL=C sort
}
expected "$DB" >"$TMP/demo.want"
expected "$TIMED" >"$TMP/timed.want"
sed 's/ \[[^]]*\]$//' "$TMP/demo.want" >"$TMP/demo.want-plain"
sed 's/ \[[^]]*\]$//' "$TMP/timed.want" >"$TMP/timed.want-plain"
n=$(wc -l <"$TMP/demo.want")
[ "$n" -eq 104 ] && ok "the demo lists 104 meetings to compare with" ||
	not_ok "the demo lists 104 meetings to compare with (got $n)"

ls "$TMP/center" >"$TMP/center.files"
ls "$TMP/type" >"$TMP/type.files"
n=$(wc -l <"$TMP/center.files")
[ "$n" -eq 16 ] && ok "16 files per center: 15 centers and 松戸市" ||
	not_ok "16 files per center (got $n)"
n=$(wc -l <"$TMP/type.files")
[ "$n" -eq 4 ] && ok "4 files per type" || not_ok "4 files per type (got $n)"

# set NAME FILES...: the sets of files checked below
set_files()
{
	case $1 in
	demo)	echo "$TMP/demo.ics" ;;
	center)	for f in "$TMP"/center/*.ics; do echo "$f"; done ;;
	type)	for f in "$TMP"/type/*.ics; do echo "$f"; done ;;
	timed)	echo "$TMP/timed.ics" ;;
	esac
}
want_of()
{
	[ "$1" = timed ] && echo "$TMP/timed.want" || echo "$TMP/demo.want"
}

# ical.js: structure, lines, encoding, and each event in Asia/Tokyo
for set in demo center type timed; do
	# shellcheck disable=SC2046
	NODE_PATH=$modules node "$helpers/ical-check.js" \
	    $(set_files $set) >"$TMP/js.out" 2>&1
	grep '^problem' "$TMP/js.out" >"$TMP/js.problems"
	if [ ! -s "$TMP/js.problems" ] && grep -q . "$TMP/js.out"; then
		ok "ical.js: $set: parses; UID, DTSTAMP, DTSTART, VTIMEZONE for each TZID, <= 75 octets, whole UTF-8, CRLF"
	else
		not_ok "ical.js: $set: problems"
		sed 's/^/#   /' "$TMP/js.problems" "$TMP/js.out" | head -20
	fi
	grep -v '^problem' "$TMP/js.out" | LC_ALL=C sort >"$TMP/js.got"
	same_text "ical.js: $set: every meeting's date, times, title and categories" \
	    "$(want_of $set)" "$TMP/js.got"
done

# python3-vobject, validating
for set in demo center type timed; do
	# shellcheck disable=SC2046
	"$python" "$helpers/ical-check.py" $(set_files $set) >"$TMP/py.out" \
	    2>"$TMP/py.err"
	status=$?
	if [ $status -eq 0 ] && ! grep -q '^problem' "$TMP/py.out"; then
		ok "vobject (validate=True): $set: valid"
	else
		not_ok "vobject (validate=True): $set: exit $status"
		grep '^problem' "$TMP/py.out" | sed 's/^/#   /' | head -10
		sed 's/^/#   /' "$TMP/py.err" | head -10
	fi
	grep -v '^problem' "$TMP/py.out" | LC_ALL=C sort >"$TMP/py.got"
	same_text "vobject: $set: every meeting's date, times and title" \
	    "$(want_of $set)-plain" "$TMP/py.got"
done

# calcurse: import into a throw-away data directory, in Japan's time
calcurse_import()
{
	dir=$1
	shift
	rm -rf "$dir"
	mkdir -p "$dir"
	for f in "$@"; do
		TZ=Asia/Tokyo calcurse -D "$dir" -C "$dir" -i "$f" \
		    --dump-imported || return 1
	done
}
calcurse_lines()
{
	sed -n \
	    -e 's#^\([0-9][0-9]\)/\([0-9][0-9]\)/\([0-9]\{4\}\) @ \([0-9:]*\) -> \1/\2/\3 @ \([0-9:]*\)[^|]*|\(.*\)$#\3-\1-\2 \4 \5 \6#p' \
	    -e 's#^\([0-9][0-9]\)/\([0-9][0-9]\)/\([0-9]\{4\}\) \[1\] \(>[0-9a-f]* \)\{0,1\}\(.*\)$#\3-\1-\2 - - \5#p' |
	LC_ALL=C sort
}
for set in demo center type timed; do
	# shellcheck disable=SC2046
	calcurse_import "$TMP/cc" $(set_files $set) >"$TMP/cc.out" 2>&1
	if grep -q ' 0 skipped' "$TMP/cc.out" &&
	    ! grep -v ' 0 skipped' "$TMP/cc.out" | grep -q ' [1-9][0-9]* skipped'; then
		ok "calcurse -i: $set: nothing skipped"
	else
		not_ok "calcurse -i: $set"
		grep -i 'skipped\|error\|warn' "$TMP/cc.out" | sed 's/^/#   /' |
		    head -10
	fi
	calcurse_lines <"$TMP/cc.out" >"$TMP/cc.got"
	same_text "calcurse --dump-imported: $set: every meeting's date, times and title" \
	    "$(want_of $set)-plain" "$TMP/cc.got"
done
calcurse_import "$TMP/cc" "$TMP/timed.ics" >/dev/null 2>&1
TZ=Asia/Tokyo calcurse -D "$TMP/cc" -C "$TMP/cc" -Q --from 07/29/2021 \
    --days 1 >"$TMP/cc.q" 2>&1
contains "calcurse -Q: 2021-07-29 13:30 -> 15:00 in Japan" "$TMP/cc.q" \
	"13:30 -> 15:00"
contains "calcurse -Q: with its title" "$TMP/cc.q" "市地域ケア会議［一部オンライン］"
rm -rf "$TMP/cc"
mkdir -p "$TMP/cc"
TZ=UTC calcurse -D "$TMP/cc" -C "$TMP/cc" -i "$TMP/timed.ics" \
    --dump-imported >"$TMP/cc.utc" 2>&1
contains "calcurse in UTC: the same meeting at 04:30 (the TZID is honoured)" \
	"$TMP/cc.utc" "07/29/2021 @ 04:30 -> 07/29/2021 @ 06:00"

# khal printics, configured for Japan
mkdir -p "$TMP/xdg/khal" "$TMP/khal-data"
cat >"$TMP/xdg/khal/config" <<EOF
[calendars]
[[test]]
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
for set in demo center type timed; do
	: >"$TMP/khal.out"
	status=0
	for f in $(set_files $set); do
		XDG_CONFIG_HOME=$TMP/xdg XDG_DATA_HOME=$TMP TZ=Asia/Tokyo \
		    khal printics --format \
		    '{start-date}|{start-time}|{end-date}|{end-time}|{title}' \
		    "$f" >>"$TMP/khal.out" 2>"$TMP/khal.err" || status=1
	done
	if [ $status -eq 0 ]; then
		ok "khal printics: $set: reads every file"
	else
		not_ok "khal printics: $set"
		sed 's/^/#   /' "$TMP/khal.err" | head -10
	fi
	# khal 0.10 gives an event with DTSTART and no DTEND one day, not
	# the no length of RFC 5545 3.6.1: that is read as the same time
	awk -F'|' 'NF >= 5 {
		title = $5
		for (i = 6; i <= NF; i++)
			title = title "|" $i
		if ($2 != "" && $2 == $4 && $1 != $3) {
			cmd = "date -d \"" $1 " + 1 day\" +%Y-%m-%d"
			cmd | getline next_day
			close(cmd)
			if (next_day == $3)
				$3 = $1
		}
		if ($1 != $3)
			print "ends on another day: " $0
		else if ($2 == "")
			print $1 " - - " title
		else
			print $1 " " $2 " " $4 " " title
	}' "$TMP/khal.out" | LC_ALL=C sort >"$TMP/khal.got"
	same_text "khal printics: $set: every meeting's date, times and title" \
	    "$(want_of $set)-plain" "$TMP/khal.got"
done

done_testing
