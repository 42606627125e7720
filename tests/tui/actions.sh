# tests/tui/actions.sh -- the keys that change meetings, each one
# transaction: c cancels, y duplicates to another date, D deletes after
# asking, x exports what is shown as iCalendar; in the month view Enter
# picks among the day's meetings and a adds on the cursor's day.
. "$TESTS_SRCDIR/tui/lib.sh"

echo "1..11"
db=$(demo_db actions)

id=$(meeting_id "$db" 2021-07-27 明第1)
before=$(meeting_count "$db")

tui_start "$db" LC_ALL=${LC_ALL:-C.UTF-8} CARECAL_TODAY=2021-10-01
tui_wait '^馬橋 '
tui_keys 3 / 2021-07-27 Enter
tui_wait "^#$id 令和3年7月27日"

tui_keys c
tui_wait "$(L "meeting $id cancelled" "会議 $id を中止にしました")" && [ "$(meeting_field "$db" "$id" 9)" = cancelled ]
tap $? "c cancels the meeting under the cursor"

tui_keys y
tui_wait "$(L 'Copy to date:' 'コピー先の日付:') 2021-07-27"
tui_keys C-u R3.12.9 Enter
# the message names the day as dates are printed, not as typed
tui_wait "$(L "meeting $id copied to 令和3年12月9日\\(木\\) as meeting [0-9]+" \
    "会議 $id を 令和3年12月9日\\(木\\) にコピーしました \\(会議 [0-9]+\\)")"
copy=$("$CARECAL" --db "$db" list --format csv --from 2021-12-09 \
    --to 2021-12-09 | tail -n +2 | cut -d, -f3,6-10)
# its 事例数 kept (issue 14): a 個別ケア会議 plans as many as the last
[ "$copy" = "2021-12-09,明第1,kobetsu,hybrid,planned,2" ]
tap $? "y copies it to another date: planned, its 2 cases kept"
[ "$copy" = "2021-12-09,明第1,kobetsu,hybrid,planned,2" ] ||
    echo "# got: $copy"

new=$("$CARECAL" --db "$db" list --format csv --from 2021-12-09 \
    --to 2021-12-09 | tail -n +2 | cut -d, -f1)
tui_keys D
tui_wait "$(L "Delete meeting $new, 12/9\\(木\\) 地域個別ケア会議 明第1 .*\\(y/n\\)" \
    "会議 $new \\(12/9\\(木\\) 地域個別ケア会議 明第1 .*\\(y/n\\)")"
tap $? "D asks first, naming the meeting"

tui_keys n
tui_wait "$(L 'nothing deleted' '削除しませんでした')" && [ -n "$(meeting_field "$db" "$new" 1)" ]
tap $? "n keeps it"

tui_keys D
tui_wait '\(y/n\)'
tui_keys y
tui_wait "$(L "meeting $new deleted" "会議 $new を削除しました")" && [ -z "$(meeting_field "$db" "$new" 1)" ] &&
    [ "$(meeting_count "$db")" -eq "$before" ]
tap $? "y deletes it"

# the month of 2021-11-19: two meetings that day
tui_keys / 2021-11-19 Enter 2
tui_wait "11/19\\(金\\): $(L '2 meetings' '会議 2 件')"
tui_keys Enter
tui_wait "$(L 'Which meeting\?' '会議を選んでください')" && tui_wait '11/19\(金\) 地域包括ケア推進会議 矢切'
tap $? "Enter on a day with two meetings asks which one"

tui_keys Down Enter
tui_wait "$(L Meeting 会議) [0-9]+" && tui_wait "$(L Center センター) +矢切"
tap $? "the one chosen opens in the form"

tui_keys Escape
tui_wait_gone "$(L Center センター) +矢切"
tui_keys l a
tui_wait "$(L 'New meeting' '新しい会議')" &&
    tui_wait "$(L Date 日付) +2021-11-20"
tap $? "a in the month view starts on the cursor's day"

tui_keys Escape
tui_wait_gone "$(L 'New meeting' '新しい会議')" && [ "$(meeting_count "$db")" -eq "$before" ]
tap $? "leaving with Esc adds nothing"

# x: the year's meetings as shown, as `carecal export` writes them
uids() {
	grep '^UID:' "$1" | sort
}
tui_keys x
tui_wait "$(L 'Export the meetings shown as iCalendar' \
    '表示中の会議を iCalendar で書き出し')"
tui_keys Enter
tui_wait "$(L 'Export to file:' '書き出すファイル:') 松戸市 地域ケア会議 令和3年度.ics"
tui_keys C-u "$TUI_TMP/year.ics" Enter
tui_wait "year.ics: $(L '104 meetings exported' '会議 104 件を書き出し')"
"$CARECAL" --db "$db" export --fy 2021 -o "$TUI_TMP/cli.ics" >/dev/null
# the cancelled one as cancelled, the copy deleted above as a tombstone
[ "$(uids "$TUI_TMP/year.ics")" = "$(uids "$TUI_TMP/cli.ics")" ] &&
    [ "$(grep -c '^BEGIN:VEVENT' "$TUI_TMP/year.ics")" -eq 105 ] &&
    [ "$(grep -c '^STATUS:CANCELLED' "$TUI_TMP/year.ics")" -eq 2 ]
tap $? "x exports the year's meetings as the CLI does: the cancelled one and the deleted one as cancelled"

tui_keys f Enter Down Down Enter
tui_wait "$(L filter: 絞り込み:) 明第2西"
tui_keys x Enter
tui_wait "$(L 'Export to file:' '書き出すファイル:') 明第2西 地域ケア会議 令和3年度.ics"
tui_keys C-u "$TUI_TMP/west.ics" Enter
tui_wait "west.ics: $(L '7 meetin' '会議 7')"	# the status line is 100 columns
"$CARECAL" --db "$db" export --fy 2021 --center 明第2西 \
    -o "$TUI_TMP/cli-west.ics" >/dev/null
[ "$(uids "$TUI_TMP/west.ics")" = "$(uids "$TUI_TMP/cli-west.ics")" ]
tap $? "with a filter, only the meetings shown"

tui_keys q
tap_done
