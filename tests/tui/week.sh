# tests/tui/week.sh -- the week view (6, and Tab from the checks): a
# week from Sunday, each day's heading (holidays named, today marked)
# with its meetings, Left/Right a day, PgUp/PgDn a week, a on a day adds
# on it; g goes to a date written any way, in every view.
. "$TESTS_SRCDIR/tui/lib.sh"

echo "1..13"
db=$(demo_db week)

tui_start "$db" LC_ALL=${LC_ALL:-C.UTF-8} CARECAL_TODAY=2021-10-01
tui_wait '^馬橋 '

# the grid's cursor is on 明第1's 11/19
tui_keys 6
tui_wait '^令和3年11月14日\(日\)～令和3年11月20日\(土\)' &&
    tui_wait "$(L '8 meetings' '会議 8 件')" &&
    tui_wait '^11/19\(金\)' && tui_wait '^ +明第1 +推進 ' &&
    tui_wait "^11/14\\(日\\) +$(L 'no meetings' '会議なし')"
tap $? "6: the week of the selection, each day with its meetings"

tui_wait "$(L 'Left/Right day' 'Left/Right 日')"
tap $? "the bottom line says the week's keys"

tui_keys Tab
tui_wait "$(L 'meetings by center' 'センター別の会議')"
tui_keys 5 Tab
tui_wait '^令和3年11月14日\(日\)～令和3年11月20日\(土\)'
tap $? "Tab goes round the six views: the week after the checks, then the grid"

tui_keys PageDown
tui_wait '^令和3年11月21日\(日\)～令和3年11月27日\(土\)' &&
    tui_wait '^11/23\(火\) 勤労感謝の日'
tap $? "PgDn: the next week, its holiday named"

n=$(tui_screen | grep -n '^11/23(火)' | head -n 1 | cut -d: -f1)
tui_screen_e | sed -n "${n:-1}p" | sgr_at '勤労感謝の日' | grep -q red
tap $? "a holiday is red"

tui_keys Home Right
tui_wait "^11/22\\(月\\): $(L 'no meetings \(a: add one\)' '会議はありません \(a: 追加\)')"
tap $? "Right: the next day, an empty one"

tui_keys a
tui_wait "$(L 'New meeting' '新しい会議')" &&
    tui_wait "$(L Date 日付) +2021-11-22 +令和3年11月22日\\(月\\)"
tap $? "a on a day of the week: a new meeting on that day"
tui_keys Escape
tui_wait_gone "$(L 'New meeting' '新しい会議')"

# g: the date in any form, the year's month/day too
tui_keys g
tui_wait "$(L 'Go to date:' '移動する日付:')"
tui_keys R3.12.14 Enter
tui_wait '^令和3年12月12日\(日\)～令和3年12月18日\(土\)'
tap $? "g R3.12.14 in the week: the week of 12/14"

tui_keys 2 g 1/27 Enter
tui_wait '令和4年1月 \(2022-01\)' &&
    tui_wait "^1/27\\(木\\): $(L '3 meetings' '会議 3 件')"
tap $? "g 1/27 in the month: January of the fiscal year shown (2022)"

tui_keys g 令和3年7月29日 Enter
tui_wait '令和3年7月 \(2021-07\)'
tap $? "g 令和3年7月29日"

tui_keys g 2/30 Enter
tui_wait "$(L "invalid date '2022/2/30'" "日付「2022/2/30」が正しくありません")" &&
    tui_wait '令和3年7月 \(2021-07\)'
tap $? "g with no such day: the reason, naming the year read, and no move"

# a week across two fiscal years, and today
tui_keys g 2022-03-31 Enter 6
tui_wait '^令和4年3月27日\(日\)～令和4年4月2日\(土\)' &&
    tui_wait "^4/1\\(金\\) +\\(令和4年度: $(L 'Left/Right to go there' \
    '左右キーで移動')\\)"
tap $? "a week into the next fiscal year says where its days are"

tui_keys t
tui_wait '^令和3年9月26日\(日\)～令和3年10月2日\(土\)' &&
    tui_wait "^10/1\\(金\\) $(L today 今日)"
tap $? "t: today's week, today marked"

tui_keys q
tui_wait 'carecal-exit=0'
tap_done
