# tests/tui/conflict.sh -- a save that meets someone else's newer change
# is refused with the other person's values shown; nothing is
# overwritten unless the user says so after seeing them.
. "$TESTS_SRCDIR/tui/lib.sh"

echo "1..9"
db=$(demo_db conflict)
id=$(meeting_id "$db" 2021-07-27 明第1)


tui_start "$db" LC_ALL=${LC_ALL:-C.UTF-8} CARECAL_TODAY=2021-10-01
tui_wait '^馬橋 '
# find the meeting in the agenda and open it
tui_keys 3 / 2021-07-27 Enter
tui_wait "^#$id 令和3年7月27日"
tui_keys e
tui_wait "$(L Meeting 会議) $id" &&
    tui_wait "$(L Mode 開催形態) +一部オンライン"
tap $? "the form opens on meeting $id"

# meanwhile, in another terminal
"$CARECAL" --db "$db" edit "$id" --venue 別の人の会場 --mode online

tui_keys Tab Tab Tab Tab Tab Tab C-u 私の会場 F2
tui_wait "$(L 'Not saved: someone else changed this meeting' \
    '保存していません: ほかの人がこの会議を変更しました')"
tap $? "the save is refused with a clear message"

tui_screen | grep -Eq "$(L Venue 会場) +別の人の会場 +\\($(L yours: あなたの値:) 私の会場\\)" &&
    tui_screen | grep -Eq "$(L Mode 開催形態) +完全オンライン +\\($(L yours: あなたの値:) 一部オンライン\\)"
tap $? "the other person's values are shown beside mine"

[ "$(meeting_field "$db" "$id" 11)" = 別の人の会場 ]
tap $? "the database keeps the other person's value"

# any key but r or o: back to my edit, still unsaved; F2 is refused again
tui_keys Escape
tui_wait "$(L "not saved: meeting $id was changed by" \
    "保存していません: 会議 $id は、開いた後に")" &&
    ! tui_screen | grep -q 'UTC' && tui_keys F2
tui_wait "$(L 'Not saved: someone else changed this meeting' \
    '保存していません: ほかの人がこの会議を変更しました')"
tap $? "saving again is refused again; the other's time is local, no (UTC)"

# r: their version into the form, then leave
tui_keys r
tui_wait "$(L 'their version is in the form now' '相手の版をフォームに読み込みました')" &&
    tui_wait "$(L Venue 会場) +別の人の会場" &&
    tui_wait "$(L Mode 開催形態) +完全オンライン"
tap $? "r takes their version into the form"

tui_keys Escape
tui_wait_gone "$(L Meeting 会議) $id"
[ "$(meeting_field "$db" "$id" 11)" = 別の人の会場 ]
tap $? "Esc leaves; nothing was overwritten"

# o: after seeing their values, mine are saved over them on purpose
tui_keys e
tui_wait "$(L Meeting 会議) $id"
"$CARECAL" --db "$db" edit "$id" --venue 三人目の会場
tui_keys Tab Tab Tab Tab Tab Tab C-u 私の会場 F2
tui_wait "$(L 'Not saved: someone else changed this meeting' \
    '保存していません: ほかの人がこの会議を変更しました')" &&
    tui_screen | grep -Eq "$(L Venue 会場) +三人目の会場 +\\($(L yours: あなたの値:) 私の会場\\)"
tap $? "a second conflict shows the newer value"

tui_keys o
tui_wait "$(L "meeting $id saved" "会議 $id を保存しました")"
[ "$(meeting_field "$db" "$id" 11)" = 私の会場 ]
tap $? "o saves mine over theirs, as asked"

tui_keys q
tap_done
