# tests/tui/warnings.sh -- the form asks once before saving a meeting
# worth a warning (issue 14): a Sunday typed into the form brings one
# question naming the day; n goes back to the form with nothing saved, y
# saves. A Sunday that clashes with another meeting asks once with both
# reasons. u after init --demo does not offer to take the demo back.
. "$TESTS_SRCDIR/tui/lib.sh"

echo "1..9"
db=$(demo_db warn)
before=$(meeting_count "$db")

tui_start "$db" LC_ALL=${LC_ALL:-C.UTF-8} CARECAL_TODAY=2021-10-01
tui_wait '^馬橋 '
tui_keys u
tui_wait "$(L 'nothing to undo' '取り消す変更はありません')" &&
    ! tui_screen | grep -q "$(L 'Undo your last change' '最後の変更を取り消')"
tap $? "u after init --demo: nothing to undo, no offer to empty the demo"

# the cursor starts on 明第1, in the 推進 group: a Sunday
tui_keys a
tui_wait "$(L 'New meeting' '新しい会議')"
tui_keys C-u '2021-12-12' F2
tui_wait "$(L 'Save anyway\?' 'このまま保存しますか\?')" &&
    tui_wait "$(L '令和3年12月12日\(日\) is a Sunday' \
    '令和3年12月12日\(日\) は日曜日です')"
tap $? "F2 on a Sunday asks first, naming the day"

tui_keys n
tui_wait_gone "$(L 'Save anyway\?' 'このまま保存しますか\?')" &&
    tui_wait "$(L 'New meeting' '新しい会議')" &&
    tui_wait "$(L 'not saved' '保存していません')" &&
    [ "$(meeting_count "$db")" -eq "$before" ]
tap $? "n: back in the form, nothing saved"

tui_keys F2
tui_wait "$(L 'Save anyway\?' 'このまま保存しますか\?')"
tap $? "F2 again asks again"

tui_keys y
tui_wait "$(L 'meeting [0-9]+ added' '会議 [0-9]+ を追加しました')" &&
    [ "$(meeting_count "$db")" -eq $((before + 1)) ] &&
    [ -n "$(meeting_id "$db" 2021-12-12 明第1)" ]
tap $? "y saves it, on 2021-12-12"
sunday=$(meeting_id "$db" 2021-12-12 明第1)

# the same day and center again, without a time: a Sunday and a clash
tui_keys a
tui_wait "$(L 'New meeting' '新しい会議')"
tui_keys C-u '2021-12-12' F2
tui_wait "$(L 'Save anyway\?' 'このまま保存しますか\?')" &&
    tui_wait "$(L '令和3年12月12日\(日\) is a Sunday' \
    '令和3年12月12日\(日\) は日曜日です')" &&
    tui_wait "$(L "clashes with meeting $sunday \\(令和3年12月12日\\(日\\)" \
    "会議 $sunday \\(令和3年12月12日\\(日\\)")"
tap $? "a second one asks once with both reasons in one box"

# ids are given in turn: the status line names this one, not the last
second=$((sunday + 1))
tui_keys y
tui_wait "$(L "meeting $second added" "会議 $second を追加しました")" &&
    ! tui_screen | grep -Eq "$(L 'Save anyway\?' 'このまま保存しますか\?')" &&
    [ "$(meeting_count "$db")" -eq $((before + 2)) ]
tap $? "y saves it: no second question"

# a weekday says nothing
tui_keys a
tui_wait "$(L 'New meeting' '新しい会議')"
tui_keys C-u '2021-12-14' F2
third=$((sunday + 2))
tui_wait "$(L "meeting $third added" "会議 $third を追加しました")" &&
    [ "$(meeting_count "$db")" -eq $((before + 3)) ]
tap $? "a Tuesday is saved without a question"

tui_keys q
tui_wait 'carecal-exit=0'
tap $? "carecal exits"
tap_done
