# tests/tui/resize.sh -- the screen is drawn again for every size: down
# to 80x24 and back, a too-small terminal says how large it must be, and
# an open form survives it with what was typed.
. "$TESTS_SRCDIR/tui/lib.sh"

echo "1..7"
db=$(demo_db resize)

# wait until line N (the last) holds the status line: drawn for the size
status_line_at() {
	i=0
	while [ $i -lt $((100 * TUI_SLOW)) ]; do
		tui_screen | sed -n "${1}p" | grep -q '令和3年度' && return 0
		sleep 0.05
		i=$((i + 1))
	done
	return 1
}

tui_start "$db" LC_ALL=${LC_ALL:-C.UTF-8} CARECAL_TODAY=2021-10-01
tui_wait '^馬橋 '
tmux_ resize-window -t tui -x 80 -y 24
status_line_at 24 && tui_wait '^馬橋 ' &&
    [ "$(tui_screen | wc -L)" -le 80 ]
tap $? "at 80x24 the whole grid and the status line fit"

tmux_ resize-window -t tui -x 100 -y 30
status_line_at 30 && tui_wait '^馬橋 '
tap $? "back to 100x30"

tmux_ resize-window -t tui -x 79 -y 24
tui_wait "$(L 'needs at least 80×24; this terminal is 79×24' \
    '80×24 以上の大きさが必要です \(この端末は 79×24\)')"
tap $? "79x24 says the terminal needs at least 80×24"

tmux_ resize-window -t tui -x 80 -y 23
tui_wait "$(L 'needs at least 80×24; this terminal is 80×23' \
    '80×24 以上の大きさが必要です \(この端末は 80×23\)')"
tap $? "80x23 too"

tmux_ resize-window -t tui -x 80 -y 24
status_line_at 24 && tui_wait '^馬橋 '
tap $? "at 80x24 the grid comes back"

# the form: typed text kept through a too-small size and back
tui_keys a
tui_wait "$(L 'New meeting' '新しい会議')"
tui_keys C-u R3.12.24 Tab
tui_wait "$(L Date 日付) +R3.12.24"	# typed before the terminal shrinks
tmux_ resize-window -t tui -x 60 -y 20
tui_wait "$(L 'needs at least 80×24' '80×24 以上の大きさが必要です')"
tmux_ resize-window -t tui -x 90 -y 26
tui_wait "$(L 'New meeting' '新しい会議')" && tui_wait "$(L Date 日付) +R3.12.24"
tap $? "an open form is drawn again with what was typed"

tui_keys F2
tui_wait "$(L 'meeting [0-9]+ added' '会議 [0-9]+ を追加しました')" &&
    "$CARECAL" --db "$db" list --format csv | grep -q ',2021-12-24,'
tap $? "and saves it afterwards"

tui_keys q
tap_done
