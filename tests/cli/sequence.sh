#!/bin/sh
# sequence.sh -- SEQUENCE is kept as a 64-bit number: 99999999999 comes in
# from an iCalendar file, is stored, goes out again in the export and
# comes back as the same (not "older"); an edit makes it 100000000000.
# One beyond what carecal keeps is refused, naming the line.
. "$TESTS_SRCDIR/lib.sh"

need_tool sqlite3 sqlite3
seq_of()
{
	sqlite3 "$DB" "SELECT sequence FROM meetings WHERE uid = '$1'"
}
# event UID SEQUENCE: a calendar of one event
event()
{
	printf 'BEGIN:VCALENDAR\r\nVERSION:2.0\r\nPRODID:-//test//EN\r\n'
	printf 'BEGIN:VEVENT\r\nUID:%s\r\nDTSTAMP:20210101T000000Z\r\n' "$1"
	printf 'SEQUENCE:%s\r\nDTSTART;VALUE=DATE:20211201\r\n' "$2"
	printf 'SUMMARY:test\r\nX-CARECAL-TYPE:kobetsu\r\n'
	printf 'X-CARECAL-CENTER:明第1\r\nEND:VEVENT\r\nEND:VCALENDAR\r\n'
}

carecal init --demo >/dev/null
event seq-1@example 99999999999 >"$TMP/big.ics"
check "an event with SEQUENCE 99999999999 is imported" \
	carecal import "$TMP/big.ics"
[ "$(seq_of seq-1@example)" = 99999999999 ] &&
	ok "and stored as 99999999999" ||
	not_ok "and stored as 99999999999 (got $(seq_of seq-1@example))"
check "the calendar is exported" carecal export -o "$TMP/out.ics"
tr -d '\r' <"$TMP/out.ics" | awk '/^UID:seq-1@example/ { u = 1 }
    u && /^SEQUENCE:/ { print; exit }' >"$TMP/seq"
[ "$(cat "$TMP/seq")" = SEQUENCE:99999999999 ] &&
	ok "with SEQUENCE:99999999999" ||
	not_ok "with SEQUENCE:99999999999 (got '$(cat "$TMP/seq")')"
expect_status "the export imported back" 0 carecal import "$TMP/out.ics"
contains "finds every meeting unchanged" "$TMP/out" \
	"$(L '105 unchanged, 0 skipped' '変更なし 105 件、スキップ 0 件')"
lacks "none older" "$TMP/err" "$(L 'older' '古いため')"
id=$(sqlite3 "$DB" "SELECT id FROM meetings WHERE uid = 'seq-1@example'")
check "an edit" carecal edit "$id" --cases 1
[ "$(seq_of seq-1@example)" = 100000000000 ] &&
	ok "takes it to 100000000000" ||
	not_ok "takes it to 100000000000 (got $(seq_of seq-1@example))"
check "exported again" carecal export -o "$TMP/out2.ics"
grep -q "^SEQUENCE:100000000000" "$TMP/out2.ics" &&
	ok "as SEQUENCE:100000000000" || not_ok "as SEQUENCE:100000000000"

# past 2^31 - 1, an older copy is still older, a newer one newer
event seq-1@example 99999999998 >"$TMP/older.ics"
expect_status "a copy with a lower SEQUENCE" 0 carecal import "$TMP/older.ics"
contains "is skipped as older" "$TMP/err" "$(L 'SEQUENCE 99999999998 is older' \
	'SEQUENCE 99999999998 が登録済みの会議より古いため')"
[ "$(seq_of seq-1@example)" = 100000000000 ] && ok "the meeting stays" ||
	not_ok "the meeting stays"

hash=$(db_hash)
event seq-2@example 99999999999999999999 >"$TMP/huge.ics"
expect_status "a SEQUENCE beyond 64 bits" 2 carecal import "$TMP/huge.ics"
contains "is refused, naming the line" "$TMP/err" \
	"huge.ics:7: SEQUENCE 99999999999999999999: $(L 'larger than carecal keeps' \
	'carecal が保持できる値 (999999999999999999) を超えています')"
[ "$(db_hash)" = "$hash" ] && ok "and nothing changed" ||
	not_ok "and nothing changed"
done_testing
