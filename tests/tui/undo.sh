# tests/tui/undo.sh -- u takes back this login's last change as `carecal
# undo` does: it says what it would undo and asks first; the undo is an
# action in the history; an undo that would overwrite someone else's
# later change is refused with the reason; with nothing left, it says so.
. "$TESTS_SRCDIR/tui/lib.sh"

echo "1..11"
db=$(demo_db undo)
id=$(meeting_id "$db" 2021-07-27 明第1)

before=$(meeting_count "$db")

tui_start "$db" LC_ALL=${LC_ALL:-C.UTF-8} CARECAL_TODAY=2021-10-01
tui_wait '^馬橋 '
# edit the meeting's venue in the form
tui_keys 3 / 2021-07-27 Enter
tui_wait "^#$id 令和3年7月27日"
tui_keys e
tui_wait "$(L Meeting 会議) $id"
tui_keys Tab Tab Tab Tab Tab Tab C-u 新しい会場 F2
tui_wait "$(L "meeting $id saved" "会議 $id を保存しました")" && [ "$(meeting_field "$db" "$id" 11)" = 新しい会場 ]
tap $? "an edit in the form is saved"

# the view's actions are recorded as "tui: edit ID", shown in words
edit_words=$(L "tui: edit $id" "画面操作: 会議 $id を編集")
edit_action=$("$CARECAL" --db "$db" history "$id" |
    awk -v c="$edit_words" 'index($0, c) { sub(/^#/, "", $1); print $1 }')
tui_keys u
tui_wait "$(L 'Undo your last change\?' '直前の変更を取り消しますか\?')" &&
    tui_wait "#$edit_action $(L "of [-0-9: ]+" "\\([-0-9: ]+\\)"): $edit_words" &&
    tui_wait "$(L 'meetings changed back: 1, removed: 0, brought back: 0' \
    '元に戻す会議: 1、削除する会議: 0、復元する会議: 0')"
tap $? "u says which action it would undo and asks first"

tui_keys n
tui_wait "$(L 'nothing undone' '取り消しませんでした')" && [ "$(meeting_field "$db" "$id" 11)" = 新しい会場 ]
tap $? "any key but y keeps the change"

tui_keys u
tui_wait "$(L 'Undo your last change\?' '直前の変更を取り消しますか\?')"
tui_keys y
tui_wait "$(L "undid #$edit_action" "#$edit_action を取り消しました"): $edit_words"
tap $? "y undoes it and says which action"

[ -z "$(meeting_field "$db" "$id" 11)" ] &&
    tui_wait "^#$id 令和3年7月27日.* 明第1 " &&
    ! tui_screen | grep -q 新しい会場
tap $? "the venue is back as it was, in carecal list and on the screen"

"$CARECAL" --db "$db" history "$id" >"$TUI_TMP/history"
grep -Eq "$(L "undo \\(u\\)  \\(undoes #$edit_action\\)" \
    "取り消し \\(u\\)  \\(#$edit_action を取り消し\\)")" "$TUI_TMP/history" &&
    grep -Eq "$edit_words  $(L '\[undone by #[0-9]+\]' \
    '\[#[0-9]+ で取り消し済み\]')" "$TUI_TMP/history"
tap $? "carecal history shows the undo and the edit it undid"
grep -E "undo|$edit_words|取り消し" "$TUI_TMP/history" | sed 's/^/# /'

# a meeting added in the form goes away again
tui_keys 1 a
tui_wait "$(L 'New meeting' '新しい会議')"
tui_keys C-u 2021-12-01 F2
tui_wait "$(L 'meeting [0-9]+ added' '会議 [0-9]+ を追加しました')" && [ "$(meeting_count "$db")" -eq $((before + 1)) ]
tap $? "a meeting added in the form is stored"

tui_keys u
tui_wait "$(L 'tui: add' '画面操作: 会議を追加')" && tui_keys y
tui_wait "$(L 'undid #[0-9]+: tui: add' \
    '#[0-9]+ を取り消しました: 画面操作: 会議を追加')" && [ "$(meeting_count "$db")" -eq "$before" ] &&
    [ -z "$("$CARECAL" --db "$db" list --format csv --from 2021-12-01 \
    --to 2021-12-01 | tail -n +2)" ]
tap $? "u and y remove the added meeting again"

# someone else (another login) changes the meeting after my edit
tui_keys 3 / 2021-07-27 Enter
tui_wait "^#$id 令和3年7月27日"
tui_keys e
tui_wait "$(L Meeting 会議) $id"
tui_keys Tab Tab Tab Tab Tab Tab C-u 私の会場 F2
tui_wait "$(L "meeting $id saved" "会議 $id を保存しました")"
sqlite3 "$db" "BEGIN IMMEDIATE;
    INSERT INTO actions (at, login, command) VALUES
    (strftime('%Y-%m-%d %H:%M:%f', 'now'), 'tanaka', 'edit $id --venue B');
    UPDATE meetings SET venue = '田中の会場', version = version + 1
    WHERE id = $id; COMMIT;"
tui_keys u
tui_wait "$(L 'Cannot undo' '取り消せません')" &&
    tui_wait "$(L "meeting $id was changed afterwards by tanaka" \
    "会議 $id がその後 tanaka")"
tap $? "an undo over someone else's later change is refused, saying why"

tui_keys Escape
tui_wait "$(L "cannot undo 'tui: edit $id': meeting $id" \
    "「画面操作: 会議 $id を編集」を取り消せません: 会議 $id")" &&
    [ "$(meeting_field "$db" "$id" 11)" = 田中の会場 ]
tap $? "the message stays in the status line and their change stays"
tui_keys q
tui_wait 'carecal-exit=0'
tui_stop

# a database where this login has changed nothing
"$CARECAL" --db "$TUI_TMP/empty.db" init >/dev/null
tui_start "$TUI_TMP/empty.db" LC_ALL=${LC_ALL:-C.UTF-8} CARECAL_TODAY=2021-10-01
tui_wait '令和3年度'
tui_keys u
tui_wait "$(L 'nothing to undo' '取り消す変更はありません')"
tap $? "u with nothing to undo says so"

tui_keys q
tap_done
