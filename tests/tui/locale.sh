# tests/tui/locale.sh -- a terminal whose locale is not UTF-8 gets a clear
# message and exit status 1 instead of a garbled screen; the UTF-8
# locales (C.UTF-8, ja_JP.UTF-8) open the view. Run in a real terminal.
. "$TESTS_SRCDIR/tui/lib.sh"

echo "1..5"
db=$(demo_db locale)

# run carecal in the terminal under a locale; the pane shows its exit
run_in() {
	tui_stop
	cmd="env -u LC_ALL -u LC_CTYPE -u LANG $* $TUI_RUN --db '$db'"
	tmux_ -u new-session -d -x 100 -y 30 -s tui \
	    "$cmd; echo carecal-exit=\$?; sleep 600"
}

run_in LANG=C
tui_wait 'carecal-exit=1' && tui_wait 'needs a UTF-8 locale .*\(LANG=C\)' &&
    tui_wait 'set LANG=C.UTF-8 or'
tap $? "LANG=C: a clear message and exit status 1"

run_in LC_ALL=POSIX
tui_wait 'carecal-exit=1' && tui_wait '\(LC_ALL=POSIX\)'
tap $? "LC_ALL=POSIX: the same"

run_in LC_ALL=C CARECAL_TODAY=2021-10-01
tui_wait 'carecal-exit=1' && ! tui_screen | grep -q '馬橋'
tap $? "LC_ALL=C draws nothing"

if have_locale ja_JP.UTF-8; then
	run_in LANG=ja_JP.UTF-8 CARECAL_TODAY=2021-10-01
	tui_wait '^馬橋 ' && tui_keys q && tui_wait 'carecal-exit=0'
	tap $? "LANG=ja_JP.UTF-8 opens the view and q quits with 0"
else
	tap_skip "LANG=ja_JP.UTF-8 opens the view" "no ja_JP.UTF-8 locale"
fi

out=$("$CARECAL" --db "$db" 2>&1 </dev/null)
status=$?
[ $status -eq 2 ] && echo "$out" |
    grep -q "$(L 'needs a terminal' '全画面表示には端末が必要です')"
tap $? "without a terminal: a usage error (exit status 2)"

tap_done
