# tests/tui/undo-race.sh -- u shows "#N ... tui: edit ID" and asks; if the
# same login imports in another terminal before y, y must not undo the
# import: it undoes #N, which is no longer the last action, so it refuses
# and says why, and nothing changes. Asked again, u shows the import.
. "$TESTS_SRCDIR/tui/lib.sh"
need_tool sqlite3 sqlite3

echo "1..5"
db=$(demo_db race)
id=$(meeting_id "$db" 2021-07-27 明第1)
before=$(meeting_count "$db")

tui_start "$db" LC_ALL=${LC_ALL:-C.UTF-8} CARECAL_TODAY=2021-10-01
tui_wait '^馬橋 '
tui_keys 3 / 2021-07-27 Enter
tui_wait "^#$id 令和3年7月27日"
tui_keys e
tui_wait "$(L Meeting 会議) $id"
tui_keys Tab Tab Tab Tab Tab Tab C-u 新しい会場 F2
tui_wait "$(L "meeting $id saved" "会議 $id を保存しました")" &&
    [ "$(meeting_field "$db" "$id" 11)" = 新しい会場 ]
tap $? "an edit in the form is saved"

edit_action=$("$CARECAL" --db "$db" history "$id" |
    awk -v c="$(L "tui: edit $id" "画面操作: 会議 $id を編集")" \
    'index($0, c) { sub(/^#/, "", $1); print $1 }')
tui_keys u
tui_wait "$(L 'Undo your last change\?' '直前の変更を取り消しますか\?')" &&
    tui_wait "$(L "#$edit_action of [-0-9: ]+: tui: edit $id" \
    "#$edit_action \\([-0-9: ]+\\): 画面操作: 会議 $id を編集")"
tap $? "u shows the edit, #$edit_action, and asks"

# the same login, in another terminal, while the question is shown
printf '%s\n' "id,uid,date,start,end,center,type,mode,status,cases,venue,url,note" \
    ",,2021-12-02,13:30,15:00,明第1,kobetsu,hybrid,planned,,,," \
    >"$TUI_TMP/new.csv"
"$CARECAL" --db "$db" import "$TUI_TMP/new.csv" >/dev/null
import_action=$(sqlite3 "$db" "SELECT max(id) FROM actions")

tui_keys y
tui_wait "$(L 'Cannot undo' '取り消せません')" &&
    tui_wait "$(L "#$edit_action is no longer your last change" \
    "#$edit_action はもうあなたの最後の変更ではありません")" &&
    [ "$(meeting_count "$db")" -eq $((before + 1)) ] &&
    [ "$(meeting_field "$db" "$id" 11)" = 新しい会場 ]
tap $? "y refuses: the import and the edit both stay"

"$CARECAL" --db "$db" history >"$TUI_TMP/history"
! grep -qF "$(L 'undo (u)' '取り消し (u)')" "$TUI_TMP/history"
tap $? "no undo is recorded"

tui_keys Escape
tui_keys u
tui_wait "$(L "#$import_action of [-0-9: ]+: import" \
    "#$import_action \\([-0-9: ]+\\): import")" &&
    tui_wait "$(L 'meetings changed back: 0, removed: 1, brought back: 0' \
    '元に戻す会議: 0、削除する会議: 1、復元する会議: 0')"
tap $? "asked again, u shows the import"
tui_keys n
tui_wait "$(L 'nothing undone' '取り消しませんでした')"
tui_keys q
tap_done
