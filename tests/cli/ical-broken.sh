#!/bin/sh
# ical-broken.sh -- broken iCalendar files import nothing: each gives
# exit status 2 and a message naming the file and the line, and the
# database file stays byte for byte as it was (sha256).
. "$TESTS_SRCDIR/lib.sh"

carecal init --demo >/dev/null || exit 99
carecal export --fy 2021 --center 明第1 -o "$TMP/good.ics" >/dev/null ||
	exit 99
tr -d '\r' <"$TMP/good.ics" >"$TMP/good.lf"

# crlf FILE: LF lines (from stdin) to the CRLF of iCalendar
crlf()
{
	sed 's/$/\r/' >"$1"
}

# broken DESCRIPTION FILE TEXT...: exit 2, every TEXT on stderr, the
# database unchanged
broken()
{
	desc=$1
	file=$2
	shift 2
	before=$(db_hash)
	expect_status "$desc: exit status 2" 2 carecal import "$file"
	for text in "$@"; do
		contains "$desc: says '$text'" "$TMP/err" "$text"
	done
	[ "$(db_hash)" = "$before" ] && ok "$desc: the database is unchanged" ||
		not_ok "$desc: the database is unchanged"
}

# line N of the good file, and where its first events are
line_of()
{
	grep -n "^$1" "$TMP/good.lf" | head -1 | cut -d: -f1
}
first_end=$(line_of END:VEVENT)
second_begin=$(grep -n '^BEGIN:VEVENT' "$TMP/good.lf" | sed -n 2p | cut -d: -f1)
# the first event's DTSTART (the VTIMEZONE has one before)
first_dtstart=$(awk '/^BEGIN:VEVENT/ { e = 1 } e && /^DTSTART/ { print NR; exit }' \
	"$TMP/good.lf")

check "the good file imports (nothing new)" carecal import "$TMP/good.ics"

sed "${first_end}d" "$TMP/good.lf" | crlf "$TMP/no-end-event.ics"
broken "a missing END:VEVENT" "$TMP/no-end-event.ics" \
	"$(L "no-end-event.ics:$((second_begin - 1)): BEGIN:VEVENT inside BEGIN:VEVENT" "no-end-event.ics:$((second_begin - 1)): BEGIN:VEVENT が BEGIN:VEVENT")" \
	"$(L "a missing END:VEVENT" "END:VEVENT が抜けていませんか?")"

sed '$d' "$TMP/good.lf" | crlf "$TMP/no-end-calendar.ics"
broken "a missing END:VCALENDAR" "$TMP/no-end-calendar.ics" \
	"$(L "the file ends inside BEGIN:VCALENDAR of line 1 (a missing END:VCALENDAR)" "BEGIN:VCALENDAR (1 行目) の途中でファイルが終わっています (END:VCALENDAR がありません)")"

# END with a parameter: libical takes it as an END, carecal does not
# (found by fuzzing: libical's stack of components was left unbalanced
# and its components leaked)
sed "${first_end}i\\
END;X-A=1:VEVENT" "$TMP/good.lf" | crlf "$TMP/end-param.ics"
broken "END;X-A=1:VEVENT inside an event" "$TMP/end-param.ics" \
    "$(L "end-param.ics:$first_end: a BEGIN or END line that names no component" "end-param.ics:$first_end: コンポーネント名のない BEGIN 行または END 行です")"
sed "${first_end}i\\
BEGIN;X-A=1:VALARM" "$TMP/good.lf" | crlf "$TMP/begin-param.ics"
broken "BEGIN;X-A=1:VALARM inside an event" "$TMP/begin-param.ics" \
    "$(L "begin-param.ics:$first_end: a BEGIN or END line that names no component" "begin-param.ics:$first_end: コンポーネント名のない BEGIN 行または END 行です")"

sed "${first_end}s/END:VEVENT/END:VTODO/" "$TMP/good.lf" |
	crlf "$TMP/mismatch.ics"
broken "an END that closes something else" "$TMP/mismatch.ics" \
	"$(L "mismatch.ics:$first_end: END:VTODO, but BEGIN:VEVENT on line" "mismatch.ics:$first_end: END:VTODO がありますが、BEGIN:VEVENT")"

sed "${first_dtstart}s/:.*/:20211345T250000/; ${first_dtstart}s/;VALUE=DATE//" \
	"$TMP/good.lf" | crlf "$TMP/bad-date.ics"
broken "a DTSTART that is no date" "$TMP/bad-date.ics" \
	"$(L "bad-date.ics:$first_dtstart: DTSTART: 20211345T250000 is not a valid date or time" "bad-date.ics:$first_dtstart: DTSTART: 20211345T250000 は正しい日付・時刻ではありません")"

sed "${first_dtstart}s/:.*/:29 July 2021/" "$TMP/good.lf" |
	crlf "$TMP/bad-value.ics"
broken "a DTSTART libical cannot read (X-LIC-ERROR)" "$TMP/bad-value.ics" \
	"bad-value.ics:$first_dtstart: Can't parse as DATE value in DTSTART property"

last_dtstart=$(grep -n '^DTSTART' "$TMP/good.lf" | tail -1 | cut -d: -f1)
sed -e "${first_dtstart}s/:.*/:notadate/" \
    -e "${last_dtstart}s/:.*/:alsonotadate/" "$TMP/good.lf" |
	crlf "$TMP/two-errors.ics"
broken "two bad values: each named" "$TMP/two-errors.ics" \
	"two-errors.ics:$first_dtstart: " "two-errors.ics:$last_dtstart: "

sed "${first_dtstart}s/.*/DTSTART;TZID=Mars\/Olympus:20210729T133000/" \
	"$TMP/good.lf" | crlf "$TMP/unknown-tzid.ics"
broken "an unknown TZID" "$TMP/unknown-tzid.ics" \
	"$(L "unknown-tzid.ics:$first_dtstart: DTSTART: unknown TZID 'Mars/Olympus'" "unknown-tzid.ics:$first_dtstart: DTSTART: 不明な TZID「Mars/Olympus」です")"

# a TZID that is a path: libical opens the zone file of a name it does
# not list, and would wait on a FIFO for ever
mkfifo "$TMP/fifo"
up=$(printf '../%.0s' 1 2 3 4 5 6 7 8 9 10 11 12)
sed "${first_dtstart}s|.*|DTSTART;TZID=$up${TMP#/}/fifo:20210729T133000|" \
	"$TMP/good.lf" | crlf "$TMP/fifo-tzid.ics"
before=$(db_hash)
expect_status "a TZID that is the path of a FIFO: refused, not waited on" 2 \
	timeout 60 "$CARECAL" import "$TMP/fifo-tzid.ics"
contains "and named as an unknown TZID" "$TMP/err" \
	"$(L "fifo-tzid.ics:$first_dtstart: DTSTART: unknown TZID" "fifo-tzid.ics:$first_dtstart: DTSTART: 不明な TZID")"
[ "$(db_hash)" = "$before" ] && ok "the database is unchanged" ||
	not_ok "the database is unchanged"

sed "s/^SUMMARY:.*/SUMMARY:$(printf '\223\214\213\236')/" "$TMP/good.lf" |
	crlf "$TMP/sjis.ics"
summary=$(line_of SUMMARY)
broken "bytes that are not UTF-8 (Shift_JIS)" "$TMP/sjis.ics" \
	"$(L "sjis.ics:$summary: not valid UTF-8" "sjis.ics:$summary: UTF-8 として正しくありません")"

sed "${summary}s/$/x/" "$TMP/good.lf" | tr x '\000' | crlf "$TMP/nul.ics"
broken "a NUL byte" "$TMP/nul.ics" "$(L "nul.ics:$summary: a NUL byte" "nul.ics:$summary: NUL バイトがあります")"

: >"$TMP/empty.ics"
broken "an empty file" "$TMP/empty.ics" \
	"$(L "empty.ics: an empty file; expected BEGIN:VCALENDAR" "empty.ics: 空のファイルです。BEGIN:VCALENDAR が必要です")"

printf 'これは予定表ではありません\r\n' >"$TMP/text.ics"
broken "a text that is not iCalendar" "$TMP/text.ics" \
	"$(L "text.ics:1: expected BEGIN:VCALENDAR" "text.ics:1: BEGIN:VCALENDAR で始まっていません")"

broken "a file that is not there" "$TMP/missing.ics" "missing.ics"

# many problems: the first ones, and how many more
carecal export --fy 2021 -o "$TMP/all.ics" >/dev/null
tr -d '\r' <"$TMP/all.ics" |
	awk '/^BEGIN:VEVENT/ { e = 1 } e && /^DTSTART/ { print "DTSTART:bad"; next }
	    { print }' | crlf "$TMP/many.ics"
broken "a file with many errors" "$TMP/many.ics" "$(L "more problems not shown" "件の問題があります (表示していません)")"

# 50 MB: one property folded over 50 MB, read only up to a limit
{
	head -n "$((first_dtstart))" "$TMP/good.lf" | sed 's/$/\r/'
	printf 'DESCRIPTION:'
	awk 'BEGIN {
		line = "あいうえおかきくけこさしすせそたちつてとなにぬねの"
		for (i = 0; i < 700000; i++)
			printf "%s\r\n ", line
		printf "end\r\n"
	}'
	tail -n "+$((first_dtstart + 1))" "$TMP/good.lf" | sed 's/$/\r/'
} >"$TMP/huge.ics"
size=$(wc -c <"$TMP/huge.ics")
[ "$size" -gt 50000000 ] && ok "a file of $size bytes" ||
	not_ok "a file of over 50 MB (got $size bytes)"
broken "a 50 MB property" "$TMP/huge.ics" \
	"$(L "huge.ics:$((first_dtstart + 1)): a line longer than 8388608 bytes" "huge.ics:$((first_dtstart + 1)): 8388608 バイトを超える行があります")"
rm -f "$TMP/huge.ics"

done_testing
