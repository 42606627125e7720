# tests/tui/narrow.sh -- what 80x24 cannot show is said, not dropped: the
# grid and the summary name the columns off the screen (→ 自立), the
# grid's header keeps its rules over the rows' when scrolled, a detail
# line too long ends in …i and i shows the whole meeting; the bottom
# line says the view's keys, ? the new ones. And the view opens on the
# nearest fiscal year with meetings when today's has none.
. "$TESTS_SRCDIR/tui/lib.sh"

echo "1..11"
db=$(demo_db narrow)

# 明第1 gets 7 個別 and 2 自立: the grid is wider than 80 columns
for d in 2021-06-10 2021-08-10 2021-12-10; do
	"$CARECAL" --db "$db" add --type kobetsu --center 明第1 --date $d \
	    >/dev/null
done
for d in 2021-06-15 2021-12-15; do
	"$CARECAL" --db "$db" add --type jiritsu --center 明第1 --date $d \
	    >/dev/null
done
venue=$(awk 'BEGIN { for (i = 0; i < 29; i++) printf "館"; printf "X" }')
url=https://meet.example.jp/r3/akedai1-1119/room-a-9876543210
"$CARECAL" --db "$db" edit "$(meeting_id "$db" 2021-11-19 明第1)" \
    --venue "$venue" --url "$url" >/dev/null

# the display columns where a line has its rules (│), "14 52 ..."
rules() {
	rest=$1
	at=0
	cols=
	while :; do
		case $rest in
		*│*) ;;
		*) break ;;
		esac
		before=${rest%%│*}
		at=$((at + $(printf '%s' "$before" | wc -L)))
		cols="$cols $at"
		at=$((at + 1))
		rest=${rest#*│}
	done
	echo "$cols"
}
line_of() {
	tui_screen | grep -m 1 -- "$1"
}

# opened in 2025: 令和7年度 holds nothing, the demo's 令和3年度 is shown
tui_start "$db" LC_ALL=${LC_ALL:-C.UTF-8} CARECAL_TODAY=2025-06-01
tui_wait "令和3年度 $(L 'meetings by center' 'センター別の会議')" &&
    tui_wait "$(L 'no meetings in 令和7年度: showing 令和3年度, the nearest' \
    '令和7年度に会議なし: 最も近い令和3年度を表示')"
tap $? "today's year holds no meetings: the nearest that does, said so"
tui_keys q
tui_wait 'carecal-exit=0'
tui_stop

tui_start "$db" LC_ALL=${LC_ALL:-C.UTF-8} CARECAL_TODAY=2021-10-01
tui_wait '^馬橋 '
tmux_ resize-window -t tui -x 80 -y 24
tui_wait "$(L 'meetings by center' 'センター別の会議') +→ 自立 +" &&
    ! line_of "^$(L Center センター) " | grep -q '自立'
tap $? "80 columns: the grid says 自立 is off the screen (→ 自立)"

tui_wait "令和3年度 +$(L '\? help  a add  Enter edit  i details' \
    '\? ヘルプ  a 追加  Enter 編集  i 詳細')"
tap $? "the bottom line says the grid's keys"

# the cursor is on 明第1's 11/19: its line is too long for 80 columns
tui_wait "^#[0-9]+ 令和3年11月19日\\(金\\) 明第1 .* …i\$"
tap $? "a detail line too long for the screen ends in …i"

tui_keys i
tui_wait "│ $(L Venue 会場) +$venue +│" && tui_wait "│ URL +$url +│" &&
    tui_wait "│ $(L Center センター) +明第1 +│"
tap $? "i shows the whole meeting: its venue and URL whole"
tui_keys Escape

# KEY: sent, and the detail line (22) drawn again for it
moved_by() {
	before=$(tui_screen | sed -n 22p)
	tui_keys "$1"
	i=0
	while [ "$(tui_screen | sed -n 22p)" = "$before" ] &&
	    [ $i -lt $((100 * TUI_SLOW)) ]; do
		sleep 0.05
		i=$((i + 1))
	done
}

# scrolled right, a column at a time: the rules stay over the rows'
for step in 1 2 3 4 5 6 7 8 9 10; do
	moved_by Right
	head=$(rules "$(line_of "^$(L Center センター) ")")
	row=$(rules "$(line_of '^明第1 ')")
	[ "$head" = "$row" ] || break
done
[ "$head" = "$row" ]
tap $? "scrolled right step by step, the header's rules are the rows'"
[ "$head" = "$row" ] || echo "# header:$head, rows:$row"

tui_keys End
tui_wait "← 推進 +$(L '[0-9]+ meetings' '会議 [0-9]+ 件')" &&
    line_of "^$(L Center センター) " | grep -q '│自立' &&
    [ "$(rules "$(line_of "^$(L Center センター) ")")" = \
    "$(rules "$(line_of '^明第1 ')")" ]
tap $? "at the end: ← 推進 on the left, 自立 shown, rules aligned"

tui_keys 4
tui_wait '全5[0-9]回' &&
    tui_wait "→ $(L 'in window' '期間内') *\$"
tap $? "the summary says which of its columns are off the screen"

tui_keys 3
tui_wait "令和3年度 +$(L '\? help  / search  d dates' '\? ヘルプ  / 検索  d 期間')"
tap $? "the agenda's keys on the bottom line"

tui_keys '?'
tui_wait "$(L 'carecal: keys' 'carecal: キー操作')" &&
    tui_wait "$(L 'g +go to a date' 'g +日付へ移動')" &&
    tui_wait "$(L 'i +all of it' 'i +会議の詳細')" &&
    tui_wait "$(L '1 2 3 4 5 6 +year grid, month, agenda, summary, checks, week' \
    '1 2 3 4 5 6 +年間、月間、一覧、集計、点検、週間')"
tap $? "? lists the new keys"
tui_keys j j j j j j j j j j j j
tui_wait "$(L 'd +agenda: only some dates' 'd +一覧: 期間で絞り込み')"
tap $? "and the agenda's d further down"
tui_keys Escape

tui_keys q
tui_wait 'carecal-exit=0'
tap_done
