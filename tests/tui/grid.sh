# tests/tui/grid.sh -- the year grid of the R3 demo: the table's rows and
# columns, hybrid dates underlined (SGR 4), online ones bold, planned and
# cancelled marked, today's place, fiscal years with [ and ], under
# C.UTF-8 and ja_JP.UTF-8.
. "$TESTS_SRCDIR/tui/lib.sh"

echo "1..13"
db=$(demo_db grid)
# one online planned meeting and one cancelled, beside the demo's
"$CARECAL" --db "$db" add --type kobetsu --center 本庁 --date 2021-12-15 \
    --mode online --status planned >/dev/null
"$CARECAL" --db "$db" cancel "$("$CARECAL" --db "$db" list --format csv |
    awk -F, '$3 == "2022-03-04" && $6 == "馬橋" { print $1 }')"

tui_start "$db" LC_ALL=${LC_ALL:-C.UTF-8} CARECAL_TODAY=2021-10-01
tui_wait '^馬橋 ' 
tap $? "the grid shows the centers, the last one too"

# The line of the screen, with its SGR codes, whose text starts with $1.
row() {
	n=$(tui_screen | grep -n -- "^$1" | head -n 1 | cut -d: -f1)
	[ -n "$n" ] && tui_screen_e | sed -n "${n}p"
}
row '明第1 ' | grep -Eq "$ESC\\[([0-9]*;)*4m7/27$ESC"
tap $? "明第1's 7/27 (hybrid) is underlined: SGR 4 around 7/27"

[ "$(row '明第2西 ' | sgr_at 6/9)" = normal ]
tap $? "明第2西's 6/9 (in person) is plain"

row '本庁 ' | sgr_at 12/15 | grep -q bold
tap $? "本庁's 12/15 (online) is bold"

tui_screen | grep '^本庁 ' | grep -q '12/15\*'
tap $? "a planned meeting is marked with *"

row '馬橋 ' | sgr_at 3/4x | grep -q dim && tui_screen | grep '^馬橋 ' |
    grep -q '3/4x'
tap $? "a cancelled meeting is dimmed (SGR 2) and marked x"

tui_screen | grep '^明第1 ' | grep -Eq '9/28 +> *1/27'
tap $? "today (2021-10-01) is marked before the next meeting, 1/27"

tui_screen | grep -q '^市地域ケア会議 .*7/29.*1/27'
tap $? "the city-level meetings are in the band on top"

tui_screen | grep -q '│推進 .*│地域個別ケア会議 .*│自立'
tap $? "a column group per regional type"

# 推進's two columns are the halves of the year, as in the R3 table
tui_screen | grep -Eq '^小金 +│ +> 3/30\*│' &&
    tui_screen | grep -Eq '^東部 +│ +9/8 +> +3/9\*│'
tap $? "小金's lone 推進 (3/30) stands in the second column, 下半期"

tui_keys ']'
tui_wait '令和4年度' && tui_wait "$(L '0 meetings' '会議 0 件')"
tap $? "] shows the next fiscal year"

tui_keys '['
tui_wait "令和3年度 $(L 'meetings by center' 'センター別の会議')" && tui_wait '^明第1 .*7/27'
tap $? "[ goes back"

tui_keys q
tui_stop
if have_locale ja_JP.UTF-8; then
	tui_start "$db" LC_ALL=ja_JP.UTF-8 CARECAL_TODAY=2021-10-01
	tui_wait '^馬橋 ' &&
	    [ "$(row '明第1 ' | sgr_at 7/27)" = "underline " ]
	tap $? "the same under ja_JP.UTF-8"
	tui_keys q
else
	tap_skip "the same under ja_JP.UTF-8" "no ja_JP.UTF-8 locale"
fi
tap_done
