# tests/tui/plan.sh -- P on the year grid (issue 17): the draft of the
# fiscal year shown among the stored meetings, each draft marked +;
# d drops one, m moves one to another day, A saves them all as one
# action (one undo takes it back), Esc leaves the draft unsaved; the
# help and the status line name the keys.
. "$TESTS_SRCDIR/tui/lib.sh"

echo "1..10"
db=$(demo_db plan)
before=$(meeting_count "$db")

tui_start "$db" LC_ALL=${LC_ALL:-C.UTF-8} CARECAL_TODAY=2021-10-01
tui_wait '^馬橋 '
tui_keys ']'
tui_wait "$(L '0 meetings' '会議 0 件')"
tui_keys P
tui_wait '^明第1 .*5/26\+ 11/18\+'
tap $? "P: 令和4年度's drafts on the grid, marked +"

tui_keys Escape
tui_wait '\(y/n\)' && tui_keys n
tui_wait_gone '\(y/n\)' && tui_screen | grep -q '^明第1 .*5/26+'
tap $? "Esc asks first; n keeps the draft"

# the cursor on 明第2東's first 個別 (5/18), then d drops it
tui_keys Down Down Right
tui_wait "$(L '\+ draft: 令和4年5月18日\(水\) 明第2東 地域個別ケア会議' '\+ 案: 令和4年5月18日\(水\) 明第2東 地域個別ケア会議')"
tap $? "the detail line says it is a draft, of which center and type"
tui_wait "A $(L 'save all' 'すべて保存')"
tap $? "the status line names the draft's keys"

tui_keys d
tui_wait_gone '^明第2東 .* 5/18\+'
tap $? "d drops the draft under the cursor"

# m moves the next (9/28) to 9/29
tui_keys m
tui_wait "$(L 'Move the draft to:' '案の移動先:')" && tui_keys C-u 2022-09-29 Enter
tui_wait '^明第2東 .* 9/29\+'
tap $? "m moves the draft to the day typed"

tui_keys A
tui_wait "$(L '107 meetings' '会議 107 件')" && tui_wait '^明第2東 .* 9/29\*'
tap $? "A saves every draft as planned (*)"

[ "$(meeting_count "$db")" -eq $((before + 107)) ]
tap $? "107 meetings were added to the database"

tui_keys '?'
tui_wait "$(L 'carecal: keys' 'carecal: キー')" &&
    tui_keys PageDown PageDown PageDown PageDown
tui_wait "$(L 'save every draft as planned' '案をすべて予定として保存')"
tap $? "the help names P and the draft's keys"
tui_keys Escape
tui_wait_gone "$(L 'carecal: keys' 'carecal: キー')"

tui_keys u
tui_wait 'plan --fy 2022 --apply' && tui_keys y
tui_wait "$(L '0 meetings' '会議 0 件')" &&
    [ "$(meeting_count "$db")" -eq "$before" ]
tap $? "one u takes the whole draft back"

tui_keys q
tap_done
