# tests/tui/backup-in-use.sh -- `carecal backup FILE --force` never replaces
# a database that the full-screen view has open, even idle with nothing
# in its -wal; once the view is closed, it does.
. "$TESTS_SRCDIR/tui/lib.sh"

echo "1..4"
open=$(demo_db open)
other=$(demo_db other)
"$CARECAL" --db "$other" delete 1 >/dev/null

tui_start "$open" LC_ALL=${LC_ALL:-C.UTF-8} CARECAL_TODAY=2021-10-01
tui_wait '^馬橋 '
tap $? "the full-screen view is open on a database"

hash=$(cat "$open" "$open-wal" 2>/dev/null | sha256sum)
"$CARECAL" --db "$other" backup --force "$open" >"$TUI_TMP/out" \
    2>"$TUI_TMP/err"
status=$?
[ $status -eq 1 ] && grep -qF "$(L 'a database a program has open' \
    'ほかのプログラムが開いているデータベースです')" "$TUI_TMP/err"
tap $? "backup --force onto it is refused (exit $status: $(cat "$TUI_TMP/err"))"

[ "$(cat "$open" "$open-wal" 2>/dev/null | sha256sum)" = "$hash" ] &&
    [ "$(meeting_count "$open")" -eq 104 ]
tap $? "the database is as it was"

tui_keys q
tui_wait 'carecal-exit=0'
tui_stop
"$CARECAL" --db "$other" backup --force "$open" >/dev/null &&
    [ "$(meeting_count "$open")" -eq 103 ]
tap $? "closed, it is replaced"
tap_done
