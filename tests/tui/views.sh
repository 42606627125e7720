# tests/tui/views.sh -- the other views of the R3 demo: the month with
# its holidays, the agenda with its filter and search, the summary with
# the R3 footer's totals (written as CSV), the plan checks, the help.
. "$TESTS_SRCDIR/tui/lib.sh"

echo "1..20"
db=$(demo_db views)

# The attributes of TEXT on the screen line starting with PREFIX.
attrs_of() {
	n=$(tui_screen | grep -n -- "$1" | head -n 1 | cut -d: -f1)
	[ -n "$n" ] && tui_screen_e | sed -n "${n}p" | sgr_at "$2"
}

tui_start "$db" LC_ALL=${LC_ALL:-C.UTF-8} CARECAL_TODAY=2021-10-01
tui_wait '^馬橋 '

# --- month: the grid's cursor is on 明第1's 11/19
tui_keys 2
tui_wait '令和3年11月 \(2021-11\)' && tui_wait '^ 日 +月 +火 +水 +木 +金 +土'
tap $? "2: the month of the selected meeting, weeks from Sunday"

tui_wait ' 3 文化の日' && attrs_of ' 3 文化の日' '文化の日' | grep -q red &&
    attrs_of ' 3 文化の日' ' 3 文化' | grep -q red
tap $? "a holiday is red with its name (11/3 文化の日)"

attrs_of '^ 7 ' ' 7' | grep -q red && ! attrs_of '^ 7 ' ' 8' | grep -q red
tap $? "a Sunday is red, a Monday is not"

tui_screen | grep -q '推進明第1' &&
    tui_screen | grep -Eq \
    "^11/19\\(金\\): $(L '2 meetings \(Enter: choose\)' \
    '会議 2 件 \(Enter: 選択\)') 推進明第1 推進矢切"
tap $? "each day lists its meetings by type and center"

tui_keys PageDown
tui_wait '令和3年12月 \(2021-12\)'
tap $? "PgDn shows the next month"

# --- agenda: filter by center, then search
tui_keys 3 f
tui_wait "$(L 'Filter by' '絞り込みの条件')"
tui_keys Enter
tui_wait "$(L '\(any center\)' '\(すべてのセンター\)')"
tui_keys Down Enter
tui_wait "$(L filter: 絞り込み:) 明第1"
rows=$(tui_screen | grep -c '^[ >][ 0-9]*[0-9]/[0-9]*(.) ')
others=$(tui_screen | grep '^[ >][ 0-9]*[0-9]/[0-9]*(.) ' | grep -vc '明第1')
[ "$rows" -eq 6 ] && [ "$others" -eq 0 ]
tap $? "f: the agenda shows only 明第1's 6 meetings of the year"

tui_keys F
tui_wait_gone "$(L 'filter: ' '絞り込み: ')" && tui_wait '五香松飛台'
tap $? "F shows everything again"

tui_keys Home / 五香
tui_wait '^#[0-9]+ 令和3年6月3日\(木\) 五香松飛台'
tap $? "/ searches as you type"

tui_keys Enter n
tui_wait '^#[0-9]+ 令和3年7月29日\(木\) 五香松飛台'
tap $? "n goes to the next match"

tui_keys N
tui_wait '^#[0-9]+ 令和3年6月3日\(木\) 五香松飛台'
tap $? "N goes back"

# --- summary of the 2022-01-27 city meeting: the R3 footer
tui_keys 4
tui_wait '令和3年度 松戸市地域ケア会議の開催状況' &&
    tui_wait '全54回　地域包括ケア推進会議 17回　'
tap $? "4: the summary for 令和4年1月27日 with the R3 totals (全54回)"

tui_keys Left
tui_wait '令和2年12月～令和3年5月開催分'
tap $? "Left: the summary for the 7/29 meeting"

# w asks what `carecal summary` has options for; Enter keeps each default
tui_keys Right w
tui_wait "$(L 'Write the summary as' '集計表の書き出し形式')"
tui_keys Down Enter
tui_wait "$(L 'The plan checks of the year' '年度の計画の点検')"
tui_keys Enter
tui_wait "$(L 'Document number' '資料番号')"
tui_keys Enter
tui_wait "$(L 'As of \(date\):' '時点 \(日付\):') *2021-10-01"
tui_keys Enter
tui_wait "$(L Title: 表題:) *令和3年度 松戸市地域ケア会議の開催状況"
tui_keys Enter
tui_wait "$(L 'Write to file:' '書き出すファイル:')"
tui_keys C-u "$TUI_TMP/r3.csv" Enter
tui_wait "$(L "wrote $TUI_TMP/r3.csv" "$TUI_TMP/r3.csv に書き出しました")"
CARECAL_TODAY=2021-10-01 "$CARECAL" --db "$db" summary --for 2022-01-27 \
    --format csv -o "$TUI_TMP/cli.csv"
cmp -s "$TUI_TMP/r3.csv" "$TUI_TMP/cli.csv"
tap $? "w writes the same CSV as carecal summary --for 2022-01-27"

# and with the choices: the checks, a number, a date, a title
tui_keys w
tui_wait "$(L 'Write the summary as' '集計表の書き出し形式')"
tui_keys Down Enter
tui_wait "$(L 'The plan checks of the year' '年度の計画の点検')"
tui_keys Down Enter
tui_wait "$(L 'Document number' '資料番号')"
tui_keys '資料3' Enter
tui_wait "$(L 'As of \(date\):' '時点 \(日付\):')"
tui_keys C-u '令和4年1月20日' Enter
tui_wait "$(L Title: 表題:)"
tui_keys C-u '令和3年度 松戸市地域ケア会議の開催（予定含む）状況' Enter
tui_wait "$(L 'Write to file:' '書き出すファイル:')"
tui_keys C-u "$TUI_TMP/doc.csv" Enter
tui_wait "$(L "wrote $TUI_TMP/doc.csv" "$TUI_TMP/doc.csv に書き出しました")"
CARECAL_TODAY=2021-10-01 "$CARECAL" --db "$db" summary --for 2022-01-27 \
    --format csv --with-checks --doc-number 資料3 --as-of 2022-01-20 \
    --title '令和3年度 松戸市地域ケア会議の開催（予定含む）状況' \
    -o "$TUI_TMP/cli-doc.csv"
cmp -s "$TUI_TMP/doc.csv" "$TUI_TMP/cli-doc.csv" &&
    grep -q '資料3' "$TUI_TMP/doc.csv"
tap $? "w offers what --with-checks, --doc-number, --as-of, --title do"

# a pipe (or /dev/null) is written into, never replaced by a file
mkfifo "$TUI_TMP/pipe"
cat "$TUI_TMP/pipe" >"$TUI_TMP/piped.csv" &
reader=$!
tui_keys w
tui_wait "$(L 'Write the summary as' '集計表の書き出し形式')"
tui_keys Down Enter Enter Enter Enter Enter
tui_wait "$(L 'Write to file:' '書き出すファイル:')"
tui_keys C-u "$TUI_TMP/pipe" Enter
tui_wait "$(L "wrote $TUI_TMP/pipe" "$TUI_TMP/pipe に書き出しました")"
i=0
while kill -0 "$reader" 2>/dev/null && [ $i -lt 50 ]; do
	sleep 0.1
	i=$((i + 1))
done
kill "$reader" 2>/dev/null
[ -p "$TUI_TMP/pipe" ] && cmp -s "$TUI_TMP/piped.csv" "$TUI_TMP/cli.csv"
tap $? "writing to a pipe goes through it; the pipe stays a pipe"

# a cancelled meeting in the window is not shaded as counted: 明第2西's
# 6/9 個別, cancelled in another terminal (then held again)
cancelled=$(meeting_id "$db" 2021-06-09 明第2西)
"$CARECAL" --db "$db" cancel "$cancelled" >/dev/null
tui_wait '全53回'
n=$(tui_screen | grep -n '^明第2西 ' | head -n 1 | cut -d: -f1)
line=$(tui_screen_e | sed -n "${n:-1}p")
echo "$line" | sgr_at '6/9x' | grep -qv reverse &&
    echo "$line" | sgr_at '9/8' | grep -q reverse
tap $? "summary: a cancelled date in the window is not shaded, a held one is"
"$CARECAL" --db "$db" edit "$cancelled" --status held >/dev/null
tui_wait '全54回'

# --- checks
tui_keys 5
tui_wait "$(L '4 findings' '指摘 4 件')" &&
    tui_wait "明第1 +自立 $(L '0 held or planned' '年度内の実施・予定が0回')"
tap $? "5: the plan checks of the year"

tui_keys Enter
tui_wait "$(L '^明第1, 自立支援型個別ケア会議: no meeting here' \
    '^明第1、自立支援型個別ケア会議: 会議はありません')"
tap $? "Enter goes to the finding's center and type in the grid"

# --- help and today
tui_keys '?'
tui_wait "$(L 'carecal: keys' 'carecal: キー操作')" &&
    tui_wait "$(L 'D +delete it \(asks first\)' 'D +削除 \(確認あり\)')"
tap $? "? lists the keys"
tui_keys Escape ']' ']'
tui_wait "令和5年度 $(L 'meetings by center' 'センター別の会議')"
tui_keys t
tui_wait "令和3年度 $(L 'meetings by center' 'センター別の会議')"
tap $? "t comes back to today's fiscal year"

tui_keys q
tap_done
