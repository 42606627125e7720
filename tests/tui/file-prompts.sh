# tests/tui/file-prompts.sh -- what the full-screen view reads and
# writes as a hostile second user may arrange it (issue 15): its file
# prompts (x exports, w writes the summary) refuse the database, its
# -wal, another SQLite file and a planted symbolic link, writing
# nothing; an export with the private notes is 0600 whatever the umask
# (items 1, 6 and 14); the editor refuses a date outside 1955-2099,
# naming the years (item 9).
umask 000	# before lib.sh starts tmux: carecal runs with it
. "$TESTS_SRCDIR/tui/lib.sh"

echo "1..11"
db=$(demo_db prompts)
sum() {
	cat "$@" 2>/dev/null | sha256sum
}
before=$(sum "$db" "$db-wal")

tui_start "$db" LC_ALL=C.UTF-8 CARECAL_TODAY=2021-10-01
tui_wait '^馬橋 '

tui_keys a
tui_wait 'New meeting'
tui_keys C-u '9999-12-31' Tab
tui_wait "Date +9999-12-31 +invalid date '9999-12-31': carecal knows th"
tap $? "the editor refuses 9999-12-31, naming the years it knows"
tui_keys F2
tui_wait "not saved: Date: invalid date '9999-12-31'"	# back at the date
tui_keys C-u '2100-01-01' Tab F2
tui_wait "not saved: Date: invalid date '2100-01-01'" &&
    tui_keys Escape && tui_wait 'Discard your changes' &&
    tui_keys y && tui_wait_gone 'New meeting' &&
    [ "$(sum "$db" "$db-wal")" = "$before" ]
tap $? "and 2100-01-01: nothing saved"

# export_to FILE [Down]: x, without (or with) the notes, to FILE
export_to() {
	tui_keys x
	tui_wait 'Export the meetings shown as iCalendar'
	[ $# -gt 1 ] && tui_keys "$2"
	tui_keys Enter
	tui_wait 'Export to file:'
	tui_keys C-u "$1" Enter
}

export_to "$db"
tui_wait "is the database" && [ "$(sum "$db" "$db-wal")" = "$before" ]
tap $? "x to the database itself: refused, the database as it was"

export_to "$db-wal"
tui_wait "prompts.db-wal: is the database" &&
    [ "$(sum "$db" "$db-wal")" = "$before" ]
tap $? "x to its -wal: refused"

cp "$db" "$TUI_TMP/copy.ics"
copy=$(sum "$TUI_TMP/copy.ics")
export_to "$TUI_TMP/copy.ics"
tui_wait "copy.ics: is an SQLite database" &&
    [ "$(sum "$TUI_TMP/copy.ics")" = "$copy" ]
tap $? "x to another SQLite database (by its header): refused"

echo "someone's" >"$TUI_TMP/victim.txt"
ln -s "$TUI_TMP/victim.txt" "$TUI_TMP/planted.ics"
export_to "$TUI_TMP/planted.ics"
tui_wait "planted.ics: is a symbolic link" &&
    [ "$(cat "$TUI_TMP/victim.txt")" = "someone's" ]
tap $? "x to a planted symbolic link: refused, its target untouched"

export_to "$TUI_TMP/notes.ics" Down
tui_wait "notes.ics: [0-9]+ meetings exported" &&
    [ "$(stat -c %a "$TUI_TMP/notes.ics")" = 600 ]
tap $? "x with the private notes under umask 000: mode 600"

export_to "$TUI_TMP/plain.ics"
tui_wait "plain.ics: [0-9]+ meetings exported" &&
    [ "$(stat -c %a "$TUI_TMP/plain.ics")" = 666 ]
tap $? "x without them: the umask's mode (666 under 000)"

# w in the summary view
tui_keys 4
tui_wait '全54回'
write_to() {
	tui_keys w
	tui_wait "$(L 'Write the summary as' '集計表の書き出し形式')"
	tui_keys Enter Enter Enter Enter Enter	# text; no checks, number, date, title as offered
	tui_wait "$(L 'Write to file:' '書き出すファイル:')"
	tui_keys C-u "$1" Enter
}
write_to "$db"
tui_wait "is the database" && [ "$(sum "$db" "$db-wal")" = "$before" ]
tap $? "w to the database itself: refused, the database as it was"

write_to "$TUI_TMP/planted.ics"
tui_wait "planted.ics: is a symbolic link" &&
    [ "$(cat "$TUI_TMP/victim.txt")" = "someone's" ]
tap $? "w to a planted symbolic link: refused"

tui_keys q
tui_wait 'carecal-exit=0' && "$CARECAL" --db "$db" fsck >/dev/null
tap $? "the database passes fsck afterwards"
tap_done
