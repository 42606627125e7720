# tests/tui/agenda-dates.sh -- the agenda's d: only the meetings of some
# dates (来週, 今月, 11月, two dates), with how many of the year's they
# are, as many as `carecal list --from --to` finds; F shows all again.
# And the next meeting's > passes over a cancelled one, in the agenda
# and in the grid.
. "$TESTS_SRCDIR/tui/lib.sh"

echo "1..10"
db=$(demo_db dates)
total=$(meeting_count "$db")

# how many meetings `carecal list` finds from $1 to $2
listed() {
	"$CARECAL" --db "$db" list --format csv --from "$1" --to "$2" |
	    tail -n +2 | wc -l
}
# the agenda's rows on the screen (a date in the first column)
rows() {
	tui_screen | grep -c '^[ >] *[0-9]*[0-9]/[0-9]*(.) '
}
# dates TEXT: d, then TEXT in place of what was there
dates() {
	tui_keys d
	tui_wait "$(L 'Dates \(来週, 11月, 12/1..12/15\):' \
	    '期間 \(来週、11月、12/1..12/15\):')"
	tui_keys C-u "$1" Enter
}
# the count line: "SPAN: N of TOTAL meetings"
count_is() {
	tui_wait "$(L "$1: $2 of $total meetings" "$1: $total 件中 $2 件")"
}

tui_start "$db" LC_ALL=${LC_ALL:-C.UTF-8} CARECAL_TODAY=2021-10-01
tui_wait '^馬橋 '
tui_keys 3
tui_wait "$(L 'Date +Time' '日付 +時間')"

dates 来週
n=$(listed 2021-10-03 2021-10-09)
count_is '来週 10/3\(日\)～10/9\(土\)' "$n" && [ "$(rows)" -eq "$n" ]
tap $? "d 来週: the week after today's (10/3-10/9), $n meeting(s) and the count"

dates 11月
n=$(listed 2021-11-01 2021-11-30)
count_is '11月 11/1\(月\)～11/30\(火\)' "$n" && [ "$(rows)" -eq "$n" ] &&
    ! tui_screen | grep -q '^[ >] *10/[0-9]*(.) '
tap $? "d 11月: November of the year, $n meetings, none of October"

dates 今月
n=$(listed 2021-10-01 2021-10-31)
count_is '今月 10/1\(金\)～10/31\(日\)' "$n"
tap $? "d 今月: this month ($n)"

dates '12/1..令和4年1月20日'
n=$(listed 2021-12-01 2022-01-20)
count_is '12/1..令和4年1月20日 12/1\(水\)～1/20\(木\)' "$n" &&
    [ "$(rows)" -eq "$n" ]
tap $? "d with two dates, written two ways ($n)"

dates '2/1～2/28'
n=$(listed 2022-02-01 2022-02-28)
count_is '2/1～2/28 2/1\(火\)～2/28\(月\)' "$n"
tap $? "d 2/1～2/28: February of the fiscal year, 2022 ($n)"

dates 再来年
tui_wait "$(L "invalid dates '再来年'" "日付「再来年」が正しくありません")" &&
    count_is '2/1～2/28 2/1\(火\)～2/28\(月\)' "$n"
tap $? "words it does not know are refused, the dates kept"

tui_keys F
tui_wait_gone "$(L " of $total meetings" " $total 件中")" &&
    tui_wait "$(L 'next from today' '今日以降の次の会議')"
tap $? "F shows every date again"

# > on the next meeting from today (10/7, 常盤平団地), then on the one
# after it once 10/7 is cancelled in another terminal
tui_keys t
tui_wait '^>10/7\(木\) +常盤平団地'
tap $? "> marks the next meeting from today"
"$CARECAL" --db "$db" cancel "$(meeting_id "$db" 2021-10-07 常盤平団地)" \
    >/dev/null
tui_wait '^>10/12\(火\) +東部' && tui_wait '^ 10/7\(木\) +常盤平団地'
tap $? "a cancelled meeting is not the next: > passes to 10/12"

# in the grid: 明第1's 個別 > 1/27, cancelled, gives way to 3/18
"$CARECAL" --db "$db" cancel "$(meeting_id "$db" 2022-01-27 明第1)" \
    >/dev/null
tui_keys 1
tui_wait '^明第1 .* 1/27x *> +3/18\*' &&
    tui_wait '^常盤平団地 .* 10/7x *> +2/3\*'
tap $? "in the grid too: the > passes over a cancelled date"

tui_keys q
tui_wait 'carecal-exit=0'
tap_done
