#!/bin/sh
# tombstones.sh -- a deleted meeting goes on being exported, as a
# cancelled event with its UID and the next SEQUENCE (a tombstone), for
# tombstone-days days (400) after its deletion, so that a calendar that
# imported it drops it; filtered as the meeting was; never its note;
# left out with --without-cancelled; a meeting brought back goes past
# its tombstone's SEQUENCE.
. "$TESTS_SRCDIR/lib.sh"

unfold()
{
	tr -d '\r' <"$1" | awk '
	/^[ \t]/ { line = line substr($0, 2); next }
	NR > 1 { print line }
	{ line = $0 }
	END { print line }'
}
event_of()
{
	unfold "$1" | awk -v uid="UID:$2" '
	/^BEGIN:VEVENT$/ { n = 0; keep = 0 }
	{ lines[++n] = $0 }
	$0 == uid { keep = 1 }
	/^END:VEVENT$/ && keep { for (i = 1; i <= n; i++) print lines[i]; exit }'
}
field()
{
	carecal list --format csv --center 明第1 --from 2021-08-05 \
	    --to 2021-08-05 | tail -n +2 | head -1 | cut -d, -f"$1"
}
events()
{
	grep -c '^BEGIN:VEVENT' "$1"
}

carecal init --demo >/dev/null || exit 99
carecal add --type kobetsu --center 明第1 --date 2021-08-05 --start 13:30 \
    --end 15:00 --mode hybrid --cases 2 --venue 会議室 \
    --note "非公開のメモ" >/dev/null &&
carecal edit "$(field 1)" --cases 3 >/dev/null || exit 99
id=$(field 1)
uid=$(field 2)
carecal export -o "$TMP/before.ics" >/dev/null
event_of "$TMP/before.ics" "$uid" >"$TMP/before"
contains "exported before: SEQUENCE:1" "$TMP/before" "SEQUENCE:1"

check "delete" carecal delete "$id"
today=$(date +%Y-%m-%d)
expect_status "export -o after the deletion" 0 carecal export -o "$TMP/after.ics"
contains "says the deleted one is in, as cancelled" "$TMP/out" \
	"$(L "after.ics: also 1 deleted meeting, as cancelled" "after.ics: 削除した会議 1 件も中止として含めました")"
contains "beside the meetings" "$TMP/out" \
	"$(L "after.ics: 104 meetings" "after.ics: 会議 104 件")"
event_of "$TMP/after.ics" "$uid" >"$TMP/after"
[ -s "$TMP/after" ] && ok "the deleted meeting is in the export, by its UID" ||
	not_ok "the deleted meeting is in the export, by its UID"
for line in "STATUS:CANCELLED" "SEQUENCE:2" \
    "SUMMARY:【中止】地域個別ケア会議（明第1）［一部オンライン］" \
    "DTSTART;TZID=Asia/Tokyo:20210805T133000" \
    "DTEND;TZID=Asia/Tokyo:20210805T150000" "LOCATION:会議室" \
    "X-CARECAL-CENTER:明第1" "X-CARECAL-TYPE:kobetsu"; do
	contains "its tombstone: $line" "$TMP/after" "$line"
done
[ "$(events "$TMP/after.ics")" -eq "$(events "$TMP/before.ics")" ] &&
	ok "as many events as before the deletion" ||
	not_ok "as many events as before the deletion"
carecal export --include-notes -o "$TMP/notes.ics" >/dev/null
event_of "$TMP/notes.ics" "$uid" >"$TMP/notes"
lacks "never its note, even with --include-notes" "$TMP/notes" "非公開のメモ"
carecal export --without-cancelled -o "$TMP/without.ics" >/dev/null
lacks "--without-cancelled: no tombstone" "$TMP/without.ics" "UID:$uid"

# filtered as the meeting was
for opts in "--center 明第1" "--type kobetsu" "--fy 2021" \
    "--from 2021-08-05 --to 2021-08-05"; do
	# shellcheck disable=SC2086
	carecal export $opts >"$TMP/f.ics"
	grep -q "^UID:$uid" "$TMP/f.ics" && ok "export $opts: its tombstone" ||
		not_ok "export $opts: its tombstone"
done
for opts in "--center 馬橋" "--type suishin" "--type city" "--fy 2022" \
    "--from 2021-08-06"; do
	# shellcheck disable=SC2086
	carecal export $opts >"$TMP/f.ics"
	grep -q "^UID:$uid" "$TMP/f.ics" && not_ok "export $opts: none" ||
		ok "export $opts: none"
done
carecal export --split-by center --dir "$TMP/split" >"$TMP/split.out"
grep -q "^UID:$uid" "$TMP/split/明第1.ics" &&
	ok "--split-by center: in its center's file" ||
	not_ok "--split-by center: in its center's file"
grep -l "^UID:$uid" "$TMP/split"/*.ics | wc -l >"$TMP/n"
[ "$(cat "$TMP/n")" -eq 1 ] && ok "and in no other" ||
	not_ok "and in no other ($(cat "$TMP/n"))"
contains "which it says" "$TMP/split.out" \
	"$(L "明第1.ics: also 1 deleted meeting, as cancelled" "明第1.ics: 削除した会議 1 件も中止として含めました")"

# for tombstone-days days after the deletion (today here)
last=$(date -d "$today + 399 days" +%Y-%m-%d)
gone=$(date -d "$today + 400 days" +%Y-%m-%d)
CARECAL_TODAY=$last carecal export >"$TMP/last.ics"
grep -q "^UID:$uid" "$TMP/last.ics" && ok "399 days later: still there" ||
	not_ok "399 days later: still there"
CARECAL_TODAY=$gone carecal export >"$TMP/gone.ics"
grep -q "^UID:$uid" "$TMP/gone.ics" && not_ok "400 days later: gone" ||
	ok "400 days later: gone"
carecal config tombstone-days 1 >/dev/null
carecal export >"$TMP/one.ics"
grep -q "^UID:$uid" "$TMP/one.ics" && ok "tombstone-days 1: today, there" ||
	not_ok "tombstone-days 1: today, there"
CARECAL_TODAY=$(date -d "$today + 1 day" +%Y-%m-%d) carecal export \
    >"$TMP/one.ics"
grep -q "^UID:$uid" "$TMP/one.ics" && not_ok "tombstone-days 1: tomorrow, gone" ||
	ok "tombstone-days 1: tomorrow, gone"
carecal config tombstone-days 0 >/dev/null
carecal export >"$TMP/zero.ics"
grep -q "^UID:$uid" "$TMP/zero.ics" && not_ok "tombstone-days 0: none" ||
	ok "tombstone-days 0: none"
carecal config tombstone-days 400 >/dev/null

# brought back: the meeting again, past its tombstone
check "restore-meeting" carecal restore-meeting "$id"
carecal export >"$TMP/back.ics"
event_of "$TMP/back.ics" "$uid" >"$TMP/back"
contains "back: no longer cancelled" "$TMP/back" "STATUS:TENTATIVE"
contains "with SEQUENCE:3, after its tombstone's 2" "$TMP/back" "SEQUENCE:3"
[ "$(grep -c "^UID:$uid" "$TMP/back.ics")" -eq 1 ] &&
	ok "and only once" || not_ok "and only once"
check "delete it again" carecal delete "$id"
carecal export >"$TMP/again.ics"
event_of "$TMP/again.ics" "$uid" >"$TMP/again"
contains "one tombstone, SEQUENCE:4" "$TMP/again" "SEQUENCE:4"
[ "$(grep -c "^UID:$uid" "$TMP/again.ics")" -eq 1 ] &&
	ok "one event for the UID" || not_ok "one event for the UID"
check "undo the deletion" carecal undo
carecal export >"$TMP/undone.ics"
event_of "$TMP/undone.ics" "$uid" >"$TMP/undone"
contains "undone: the meeting, past the tombstone: SEQUENCE:5" \
	"$TMP/undone" "SEQUENCE:5"
contains "and not cancelled" "$TMP/undone" "STATUS:TENTATIVE"

# what an undone import added goes as tombstones too: calendars that
# took the wrong file drop its meetings
carecal export --center 明第1 -o "$TMP/one-center.ics" >/dev/null
carecal --db "$TMP/other.db" init >/dev/null
carecal --db "$TMP/other.db" import "$TMP/one-center.ics" >/dev/null
carecal --db "$TMP/other.db" undo >/dev/null
carecal --db "$TMP/other.db" export -o "$TMP/undone-import.ics" >"$TMP/ui.out"
n=$(grep -c '^STATUS:CANCELLED' "$TMP/undone-import.ics")
want=$(events "$TMP/one-center.ics")
[ "$n" -eq "$want" ] && ok "an import undone: its $n meetings as cancelled" ||
	not_ok "an import undone: $n cancelled, want $want"

# a database whose tombstone-days someone set by hand to nonsense
if have_tool sqlite3; then
	sqlite3 "$DB" "INSERT OR REPLACE INTO settings VALUES ('tombstone-days', 'x')"
	expect_status "a bad tombstone-days in the database: exit 2" 2 \
		carecal export
	contains "naming the setting" "$TMP/err" "tombstone-days"
else
	skip "a bad tombstone-days in the database" "sqlite3 is not installed"
fi

done_testing
