#!/bin/sh
# ical-import.sh -- `carecal import FILE.ics`: an export comes back exactly
# and again as the same events; an edited export updates in place by UID
# and SEQUENCE; files from other calendars map by CATEGORIES, SUMMARY or
# the options, with times converted to Asia/Tokyo and RRULEs expanded;
# events that cannot be mapped stop the import unless --skip-unmapped.
. "$TESTS_SRCDIR/lib.sh"

# ics FILE LINE...: an iCalendar file, CRLF line ends
ics()
{
	out=$1
	shift
	printf '%s\r\n' "$@" >"$out"
}

# the sha256 of a database file with its write-ahead log
hash_of()
{
	cat "$1" "$1-wal" 2>/dev/null | sha256sum | cut -d" " -f1
}

csv_of()
{
	# the row version (the last column) aside: another database's
	carecal --db "$1" list --format csv | tail -n +2 | cut -d, -f2- |
	    sed 's/,[0-9]*\r$/\r/'
}

carecal init --demo >/dev/null || exit 99
carecal export -o "$TMP/demo.ics" >/dev/null || exit 99

expect_status "import --help" 0 carecal import --help
contains "explains iCalendar" "$TMP/out" "BEGIN:VCALENDAR"

# export -> fresh database -> export: the same events
carecal --db "$TMP/copy.db" init >/dev/null
expect_status "the demo's export imports into a fresh database" 0 \
	carecal --db "$TMP/copy.db" import "$TMP/demo.ics"
contains "adding all 104" "$TMP/out" \
	"$(L "added 104, updated 0, cancelled 0; 0 unchanged, 0 skipped" "追加 104 件、更新 0 件、中止 0 件。変更なし 0 件、スキップ 0 件")"
csv_of "$DB" >"$TMP/demo.csv"
csv_of "$TMP/copy.db" >"$TMP/copy.csv"
same_text "the same meetings, UIDs included" "$TMP/demo.csv" "$TMP/copy.csv"
carecal --db "$TMP/copy.db" export -o "$TMP/again.ics" >/dev/null
grep -v '^DTSTAMP:' "$TMP/demo.ics" >"$TMP/a"
grep -v '^DTSTAMP:' "$TMP/again.ics" >"$TMP/b"
same_text "exported again: the same events (DTSTAMP aside)" "$TMP/a" "$TMP/b"
expect_status "the same file again" 0 \
	carecal --db "$TMP/copy.db" import "$TMP/demo.ics"
contains "changes nothing" "$TMP/out" \
	"$(L "added 0, updated 0, cancelled 0; 104 unchanged, 0 skipped" "追加 0 件、更新 0 件、中止 0 件。変更なし 104 件、スキップ 0 件")"

# an edited export: a newer SEQUENCE updates in place
uid=$(carecal list --center 馬橋 --type kobetsu --from 2021-05-13 \
	--to 2021-05-13 --format csv | tail -1 | cut -d, -f2)
awk -v uid="UID:$uid" '
	{ sub(/\r$/, "") }
	/^BEGIN:VEVENT/ { mine = 0 }
	$0 == uid { mine = 1 }
	mine && /^SEQUENCE:/ { $0 = "SEQUENCE:1" }
	mine && /^X-CARECAL-MODE:/ { $0 = "X-CARECAL-MODE:online" }
	mine && /^DTSTART/ { $0 = "DTSTART;TZID=Asia/Tokyo:20210514T140000" }
	mine && /^DTEND/ { $0 = "DTEND;TZID=Asia/Tokyo:20210514T153000" }
	{ printf "%s\r\n", $0 }' "$TMP/demo.ics" >"$TMP/edited.ics"
before=$(hash_of "$TMP/copy.db")
expect_status "--dry-run of an edited export" 0 \
	carecal --db "$TMP/copy.db" import --dry-run "$TMP/edited.ics"
contains "prints the update" "$TMP/out" "$(L "update 2021-05-14 kobetsu 馬橋 $uid" "更新 2021-05-14 kobetsu 馬橋 $uid")"
contains "and the totals" "$TMP/out" \
	"$(L "would add 0, update 1, cancel 0; 103 unchanged, 0 skipped" "追加 0 件、更新 1 件、中止 0 件を行います。変更なし 103 件、スキップ 0 件")"
after=$(hash_of "$TMP/copy.db")
[ "$before" = "$after" ] && ok "--dry-run leaves the database as it was" ||
	not_ok "--dry-run leaves the database as it was"
expect_status "the edited export imports" 0 \
	carecal --db "$TMP/copy.db" import "$TMP/edited.ics"
contains "updating one" "$TMP/out" \
	"$(L "added 0, updated 1, cancelled 0; 103 unchanged, 0 skipped" "追加 0 件、更新 1 件、中止 0 件。変更なし 103 件、スキップ 0 件")"
carecal --db "$TMP/copy.db" list --format csv | grep "$uid" >"$TMP/row"
contains "the meeting moved to 14:00-15:30, online" "$TMP/row" \
	",2021-05-14,14:00,15:30,馬橋,kobetsu,online,held,2,"
n=$(csv_of "$TMP/copy.db" | wc -l)
[ "$n" -eq 104 ] && ok "no duplicates" || not_ok "no duplicates ($n)"

# an older SEQUENCE is reported and skipped
expect_status "the older export again" 0 \
	carecal --db "$TMP/copy.db" import "$TMP/demo.ics"
contains "skips the older one" "$TMP/out" "$(L "103 unchanged, 1 skipped" "変更なし 103 件、スキップ 1 件")"
contains "and says so" "$TMP/err" "$(L "$uid: SEQUENCE 0 is older" "$uid: SEQUENCE 0 が登録済みの会議より古い")"
carecal --db "$TMP/copy.db" list --format csv | grep "$uid" >"$TMP/row"
contains "the newer meeting stays" "$TMP/row" ",online,"

# equal SEQUENCE, other content: an update, and SEQUENCE grows past it
sed "s/^X-CARECAL-MODE:online/X-CARECAL-MODE:hybrid/" "$TMP/edited.ics" \
	>"$TMP/edited2.ics"
expect_status "the same SEQUENCE with other content" 0 \
	carecal --db "$TMP/copy.db" import "$TMP/edited2.ics"
contains "updates" "$TMP/out" "$(L "added 0, updated 1, cancelled 0" "追加 0 件、更新 1 件、中止 0 件")"
carecal --db "$TMP/copy.db" export >"$TMP/seq.ics"
awk -v uid="UID:$uid" '{ sub(/\r$/, "") } /^BEGIN:VEVENT/ { m = 0 }
    $0 == uid { m = 1 } m && /^SEQUENCE:/ { print }' "$TMP/seq.ics" \
    >"$TMP/seq"
contains "and the stored SEQUENCE is now 2" "$TMP/seq" "SEQUENCE:2"

# STATUS:CANCELLED cancels
awk -v uid="UID:$uid" '
	{ sub(/\r$/, "") }
	/^BEGIN:VEVENT/ { mine = 0 }
	$0 == uid { mine = 1 }
	mine && /^SEQUENCE:/ { $0 = "SEQUENCE:5" }
	mine && /^STATUS:/ { $0 = "STATUS:CANCELLED" }
	{ printf "%s\r\n", $0 }' "$TMP/seq.ics" >"$TMP/cancel.ics"
expect_status "an export with STATUS:CANCELLED" 0 \
	carecal --db "$TMP/copy.db" import "$TMP/cancel.ics"
contains "cancels the meeting" "$TMP/out" "$(L "updated 0, cancelled 1" "更新 0 件、中止 1 件")"
carecal --db "$TMP/copy.db" list --format csv | grep "$uid" >"$TMP/row"
contains "which is now cancelled" "$TMP/row" ",cancelled,"

# notes: kept when the file has none, carried with --include-notes
id=$(carecal list --center 本庁 --format csv | tail -1 | cut -d, -f1)
carecal edit "$id" --note "非公開のメモ" >/dev/null
carecal export -o "$TMP/nonotes.ics" >/dev/null
sed 's/^SEQUENCE:1/SEQUENCE:2/' "$TMP/nonotes.ics" >"$TMP/nonotes2.ics"
carecal import "$TMP/nonotes2.ics" >/dev/null
carecal list --format csv | grep ",本庁," | tail -1 >"$TMP/row"
contains "an export without notes does not wipe a note" "$TMP/row" \
	"非公開のメモ"
carecal export --include-notes -o "$TMP/notes.ics" >/dev/null
carecal --db "$TMP/notes.db" init >/dev/null
carecal --db "$TMP/notes.db" import "$TMP/notes.ics" >/dev/null
csv_of "$DB" >"$TMP/n1"
csv_of "$TMP/notes.db" >"$TMP/n2"
same_text "--include-notes: the notes come back too" "$TMP/n1" "$TMP/n2"

# a file from another calendar (as Google writes it); its status comes
# from the date, not from STATUS:CONFIRMED
export CARECAL_TODAY=2021-08-01
ics "$TMP/google.ics" BEGIN:VCALENDAR "PRODID:-//Google Inc//Google Calendar 70.9054//EN" \
	VERSION:2.0 CALSCALE:GREGORIAN METHOD:PUBLISH X-WR-CALNAME:外部 \
	X-WR-TIMEZONE:Asia/Tokyo \
	BEGIN:VEVENT DTSTART:20210729T043000Z DTEND:20210729T060000Z \
	DTSTAMP:20210701T000000Z UID:utc@example.com DESCRIPTION: LOCATION: \
	SEQUENCE:0 STATUS:CONFIRMED \
	"SUMMARY:地域個別ケア会議（明第1）［一部オンライン］" TRANSP:OPAQUE \
	END:VEVENT \
	BEGIN:VEVENT "DTSTART;TZID=America/New_York:20210805T200000" \
	"DTEND;TZID=America/New_York:20210805T213000" \
	DTSTAMP:20210701T000000Z UID:ny@example.com SUMMARY:事例検討 \
	"CATEGORIES:自立,馬橋" URL:https://meet.example.com/x \
	END:VEVENT \
	BEGIN:VEVENT DTSTART:20210910T100000 DURATION:PT2H \
	DTSTAMP:20210701T000000Z UID:floating@example.com \
	"SUMMARY:打ち合わせ" "LOCATION:市役所 3階" END:VEVENT \
	BEGIN:VTODO UID:todo@example.com SUMMARY:todo END:VTODO \
	END:VCALENDAR
carecal --db "$TMP/g.db" init >/dev/null
before=$(hash_of "$TMP/g.db")
expect_status "an event that cannot be mapped stops the import" 2 \
	carecal --db "$TMP/g.db" import "$TMP/google.ics"
contains "naming its line and UID" "$TMP/err" \
	"$(L "google.ics:29: floating@example.com: cannot be mapped: no meeting type" "google.ics:29: floating@example.com: 対応付けられません: 会議種別が分かりません")"
contains "and saying nothing was imported" "$TMP/err" \
	"$(L "1 event cannot be mapped; nothing imported" "対応付けられない予定が 1 件あるため、何も取り込んでいません")"
after=$(hash_of "$TMP/g.db")
[ "$before" = "$after" ] && ok "the database is unchanged" ||
	not_ok "the database is unchanged"
expect_status "--skip-unmapped imports the rest" 0 \
	carecal --db "$TMP/g.db" import --skip-unmapped "$TMP/google.ics"
contains "two added" "$TMP/out" "$(L "added 2, updated 0" "追加 2 件、更新 0 件")"
contains "one skipped" "$TMP/out" "$(L "1 event could not be mapped" "対応付けられない予定 1 件をスキップしました")"
contains "a VTODO is not read" "$TMP/out" "$(L "1 component that is not an event" "コンポーネント 1 件 (VTODO、VJOURNAL など) を無視しました")"
contains "the skipped event is named" "$TMP/err" \
	"$(L "floating@example.com: skipped: no meeting type" "floating@example.com: スキップしました: 会議種別が分かりません")"
csv_of "$TMP/g.db" >"$TMP/g.csv"
contains "UTC 04:30-06:00 is 13:30-15:00 in Japan; type, center and mode from the SUMMARY" \
	"$TMP/g.csv" \
	"utc@example.com,2021-07-29,13:30,15:00,明第1,kobetsu,hybrid,held,,,,"
contains "New York 20:00 is 09:00 the next day in Japan; type and center from CATEGORIES; a link alone: online" \
	"$TMP/g.csv" \
	"ny@example.com,2021-08-06,09:00,10:30,馬橋,jiritsu,online,planned,,,https://meet.example.com/x,"
expect_status "--type, --center and --mode for the rest" 0 \
	carecal --db "$TMP/g.db" import --type suishin --center 小金 \
	--mode online "$TMP/google.ics"
csv_of "$TMP/g.db" >"$TMP/g.csv"
contains "a floating time is Japan's; DURATION gives the end" "$TMP/g.csv" \
	"floating@example.com,2021-09-10,10:00,12:00,小金,suishin,online,planned,,市役所 3階,,"

# X-WR-TIMEZONE: the zone of times that name none (as Google writes);
# METHOD:CANCEL cancels what it lists
ics "$TMP/wr.ics" BEGIN:VCALENDAR VERSION:2.0 PRODID:-//x//y//EN \
	X-WR-TIMEZONE:America/New_York BEGIN:VEVENT \
	DTSTART:20211104T200000 DTEND:20211104T210000 \
	DTSTAMP:20211001T000000Z UID:wr@example.com \
	"SUMMARY:地域包括ケア推進会議（矢切）［完全オンライン］" END:VEVENT \
	END:VCALENDAR
carecal --db "$TMP/wr.db" init >/dev/null
check "a calendar with X-WR-TIMEZONE imports" \
	carecal --db "$TMP/wr.db" import "$TMP/wr.ics"
csv_of "$TMP/wr.db" >"$TMP/wr.csv"
contains "20:00 in New York (EDT) is 09:00 the next day in Japan" \
	"$TMP/wr.csv" "wr@example.com,2021-11-05,09:00,10:00,矢切,suishin,online,"
sed 's/^PRODID:.*/&\r\nMETHOD:CANCEL/' "$TMP/wr.ics" | tr -d '\r' |
	sed 's/$/\r/' >"$TMP/wr-cancel.ics"
expect_status "METHOD:CANCEL" 0 carecal --db "$TMP/wr.db" import \
	"$TMP/wr-cancel.ics"
contains "cancels the meeting" "$TMP/out" "$(L "cancelled 1" "中止 1 件")"

# a known UID from a calendar that kept nothing but the times
carecal --db "$TMP/g.db" edit "$(carecal --db "$TMP/g.db" list \
	--format csv | grep ny@example.com | cut -d, -f1)" --cases 4 \
	--note "メモ" >/dev/null
ics "$TMP/moved.ics" BEGIN:VCALENDAR VERSION:2.0 PRODID:-//x//y//EN \
	BEGIN:VEVENT "DTSTART;TZID=Asia/Tokyo:20210807T100000" \
	"DTEND;TZID=Asia/Tokyo:20210807T110000" DTSTAMP:20210801T000000Z \
	UID:ny@example.com SEQUENCE:3 "SUMMARY:something else" END:VEVENT \
	END:VCALENDAR
expect_status "a known UID without type, center or mode" 0 \
	carecal --db "$TMP/g.db" import "$TMP/moved.ics"
csv_of "$TMP/g.db" >"$TMP/g.csv"
contains "moves the meeting and keeps what the file does not say" \
	"$TMP/g.csv" \
	"ny@example.com,2021-08-07,10:00,11:00,馬橋,jiritsu,online,planned,4,,https://meet.example.com/x,メモ"

# RRULE: one meeting per occurrence within --from/--to, else the fiscal
# year of today; EXDATE takes one out, RECURRENCE-ID moves one
ics "$TMP/rrule.ics" BEGIN:VCALENDAR VERSION:2.0 PRODID:-//x//y//EN \
	BEGIN:VEVENT "DTSTART;TZID=Asia/Tokyo:20210405T133000" \
	"DTEND;TZID=Asia/Tokyo:20210405T150000" DTSTAMP:20210301T000000Z \
	UID:weekly@example.com "SUMMARY:自立支援型個別ケア会議（東部）［対面］" \
	"RRULE:FREQ=MONTHLY;BYDAY=1MO" \
	"EXDATE;TZID=Asia/Tokyo:20210607T133000" END:VEVENT \
	BEGIN:VEVENT "DTSTART;TZID=Asia/Tokyo:20210706T100000" \
	"DTEND;TZID=Asia/Tokyo:20210706T113000" DTSTAMP:20210301T000000Z \
	UID:weekly@example.com "RECURRENCE-ID;TZID=Asia/Tokyo:20210705T133000" \
	"SUMMARY:自立支援型個別ケア会議（東部）［一部オンライン］" SEQUENCE:1 \
	END:VEVENT END:VCALENDAR
carecal --db "$TMP/r.db" init >/dev/null
expect_status "a monthly RRULE with --from and --to" 0 \
	carecal --db "$TMP/r.db" import --from 2021-04-01 --to 2021-08-31 \
	"$TMP/rrule.ics"
csv_of "$TMP/r.db" | cut -d, -f1-7 >"$TMP/r.csv"
cat >"$TMP/r.want" <<'EOF'
weekly@example.com/20210405T1330,2021-04-05,13:30,15:00,東部,jiritsu,in-person
weekly@example.com/20210503T1330,2021-05-03,13:30,15:00,東部,jiritsu,in-person
weekly@example.com/20210705T1330,2021-07-06,10:00,11:30,東部,jiritsu,hybrid
weekly@example.com/20210802T1330,2021-08-02,13:30,15:00,東部,jiritsu,in-person
EOF
same_text "April to August but June (EXDATE), July moved (RECURRENCE-ID)" \
	"$TMP/r.want" "$TMP/r.csv"
carecal --db "$TMP/r2.db" init >/dev/null
CARECAL_TODAY=2022-02-15 carecal --db "$TMP/r2.db" import "$TMP/rrule.ics" \
	>/dev/null
n=$(csv_of "$TMP/r2.db" | wc -l)
[ "$n" -eq 11 ] && ok "without --from/--to: the fiscal year of today (12 months less June)" ||
	not_ok "without --from/--to: the fiscal year of today ($n meetings, want 11)"
expect_status "--from after --to" 2 \
	carecal --db "$TMP/r.db" import --from 2021-09-01 --to 2021-08-01 \
	"$TMP/rrule.ics"

# a VTIMEZONE after the events that use it (as some writers put it),
# named as Outlook names its zones
ics "$TMP/outlook.txt" BEGIN:VCALENDAR VERSION:2.0 \
	"PRODID:-//Microsoft Corporation//Outlook 16.0 MIMEDIR//EN" \
	METHOD:PUBLISH BEGIN:VEVENT \
	"DTSTART;TZID=Customized Time Zone:20210901T100000" \
	"DTEND;TZID=Customized Time Zone:20210901T110000" \
	DTSTAMP:20210801T000000Z UID:outlook@example.com \
	"CATEGORIES:推進,新松戸" "SUMMARY:推進会議" END:VEVENT \
	BEGIN:VTIMEZONE "TZID:Customized Time Zone" BEGIN:STANDARD \
	DTSTART:16010101T000000 TZOFFSETFROM:+0500 TZOFFSETTO:+0500 \
	END:STANDARD END:VTIMEZONE END:VCALENDAR
carecal --db "$TMP/o.db" init >/dev/null
expect_status "a .txt file that begins with BEGIN:VCALENDAR is iCalendar" 0 \
	carecal --db "$TMP/o.db" import "$TMP/outlook.txt"
csv_of "$TMP/o.db" >"$TMP/o.csv"
contains "10:00 at UTC+5 is 14:00 in Japan, from a VTIMEZONE given later" \
	"$TMP/o.csv" \
	"outlook@example.com,2021-09-01,14:00,15:00,新松戸,suishin,in-person,"
expect_status "iCalendar options on a CSV file are a usage error" 2 \
	carecal import --type suishin "$TMP/demo.csv"

done_testing
