# tests/tui/form-bad-date.sh -- wrong input is refused at its field with
# core's reason, saving is refused until the form is valid, and Esc
# leaves without storing anything.
. "$TESTS_SRCDIR/tui/lib.sh"

echo "1..8"
db=$(demo_db bad)
before=$("$CARECAL" --db "$db" list --format csv | md5sum)

tui_start "$db" LC_ALL=${LC_ALL:-C.UTF-8} CARECAL_TODAY=2021-10-01
tui_wait '^馬橋 '
tui_keys a
tui_wait "$(L 'New meeting' '新しい会議')"
tui_keys C-u '2021-13-45' Tab
tui_wait "$(L "Date +2021-13-45 +invalid date '2021-13-45'" \
    '日付 +2021-13-45 +日付「2021-13-45」が正しくありません')"
tap $? "a bad date shows the reason beside the date field"

tui_keys F2
tui_wait "$(L "not saved: Date: invalid date '2021-13-45'" \
    '保存していません: 日付: 日付「2021-13-45」が正しくありません')"
tap $? "F2 refuses to save and says why"

tui_screen | grep -q "$(L 'New meeting' '新しい会議')"
tap $? "the form stays open"

# an era date that does not exist: 令和3年2月30日
# the refusal put the cursor back on the date
tui_keys C-u '令和3年2月30日' Tab
tui_wait "$(L "Date +令和3年2月30日 +invalid date" \
    '日付 +令和3年2月30日 +日付「令和3年2月30日」が正しくありません')"
tap $? "令和3年2月30日 is refused too"

# an end before the start: meeting_validate's reason, at the form
tui_keys Up C-u '2021-12-01' Tab '15:00' Tab '13:00' Tab F2
tui_wait "$(L 'not saved: end: 13:00 is not after the start 15:00' \
    '保存していません: 終了時刻: 終了 13:00 が開始 15:00 より後になっていません')"
tap $? "an end before the start is refused with core's message"

tui_screen | grep -Eq "$(L '^  End +13:00 +end: 13:00 is not after the start' \
    '^  終了 +13:00 +終了時刻: 終了 13:00 が開始')"
tap $? "and the reason is shown at the End field, the one core named"

# changed: Esc asks first (issue 14), y leaves
tui_keys Escape
tui_wait "$(L 'Discard your changes to this meeting\? \(y/n\)' \
    'この会議への変更を破棄しますか\? \(y/n\)')" && tui_keys y &&
    tui_wait_gone "$(L 'New meeting' '新しい会議')" && tui_wait '^馬橋 '
tap $? "Esc leaves the form (after a y: it was changed)"

after=$("$CARECAL" --db "$db" list --format csv | md5sum)
[ "$before" = "$after" ]
tap $? "nothing was stored"

tui_keys q
tap_done
