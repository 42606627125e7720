# tests/tui/desk-form.sh -- the form at the desk (issue 14): a on a cell
# of the grid takes its center and type but not its date; the date shows
# its weekday as it is typed; full-width digits go into times and dates;
# Esc on a changed form asks first; a field is as long at 200 columns as
# at 80; a meeting deleted meanwhile is saved as a new one, or dropped.
. "$TESTS_SRCDIR/tui/lib.sh"

echo "1..14"
db=$(demo_db desk)
DATE=$(L Date 日付)
VENUE=$(L Venue 会場)
NEW=$(L 'New meeting' '新しい会議')

tui_start "$db" LC_ALL=${LC_ALL:-C.UTF-8} CARECAL_TODAY=2021-10-01
tui_wait '^馬橋 '
# the cursor starts on 明第1's 推進 of 11/19; two cells right: its 個別
# of 9/28
tui_keys Right Right
tui_wait "^#[0-9]+ 令和3年9月28日\\(火\\) 明第1"
tui_keys a
tui_wait "$NEW" && tui_wait "$(L Type 種別) +地域個別ケア会議" &&
    tui_wait "$(L Center センター) +明第1" &&
    tui_screen | grep -Eq "^  $DATE *\$"
tap $? "a on a cell: its center and type, the date left empty (not 9/28)"

tui_keys 'R3.12.1'
tui_wait "^  $DATE +R3\\.12\\.1 +令和3年12月1日\\(水\\)\$"
tap $? "the date's weekday is shown as it is typed"
tui_keys '2'
tui_wait "^  $DATE +R3\\.12\\.12 +令和3年12月12日\\(日\\)\$"
tap $? "and follows it (12/12 is a Sunday)"

tui_keys C-u '１２／１４'
tui_wait "^  $DATE +12/14 +令和3年12月14日\\(火\\)\$"
tap $? "full-width digits are typed as ASCII; 12/14 is in the year shown"

tui_keys Tab '１３：３０' Tab '１５：００'
tui_wait "^  $(L Start 開始) +13:30\$" && tui_wait "^  $(L End 終了) +15:00"
tap $? "full-width times (１３：３０) are taken"

# Esc on a changed form asks; n keeps the form and what was typed
tui_keys Escape
tui_wait "$(L 'Discard your changes to this meeting\? \(y/n\)' \
    'この会議への変更を破棄しますか\? \(y/n\)')" && tui_keys n &&
    tui_wait "$(L 'your changes are still here' '変更はそのまま残っています')" &&
    tui_wait "^  $(L Start 開始) +13:30\$"
tap $? "Esc on a changed form asks first; n keeps it as it was"

tui_keys F2
tui_wait "$(L 'meeting [0-9]+ added' '会議 [0-9]+ を追加しました')"
got=$("$CARECAL" --db "$db" list --format csv --from 2021-12-14 \
    --to 2021-12-14 --center 明第1 | tail -n +2 | cut -d, -f3-7)
[ "$got" = "2021-12-14,13:30,15:00,明第1,kobetsu" ]
tap $? "saved as typed: 2021-12-14 13:30-15:00, 明第1's 個別"
[ "$got" = "2021-12-14,13:30,15:00,明第1,kobetsu" ] || echo "# got: $got"

# unchanged, Esc leaves at once
tui_keys a
tui_wait "$NEW"
tui_keys Escape
tui_wait_gone "$NEW" && tui_wait '^馬橋 ' &&
    ! tui_screen | grep -q '(y/n)'
tap $? "Esc on an unchanged form leaves without a question"

# 200 columns: the venue field is no longer for that (issue 14)
tmux_ resize-window -t tui -x 200 -y 50
tui_wait "$(L 'meetings by center' 'センター別の会議')"
long=$(awk 'BEGIN { for (i = 0; i < 31; i++) printf "館" }')
tui_keys 3 / 2021-12-14 Enter e
tui_wait "$(L Meeting 会議) [0-9]+"
tui_keys Tab Tab Tab Tab Tab Tab "$long" 館
tui_wait "$(L 'this field holds at most 63 columns' \
    'この欄に入るのは 63 桁までです')"
tap $? "at 200 columns the venue holds 63 columns, as at 80"
tui_keys F2
tui_wait "$(L 'meeting [0-9]+ saved' '会議 [0-9]+ を保存しました')"

tmux_ resize-window -t tui -x 80 -y 24
# drawn again for 80x24: the status line on line 24
i=0
while ! tui_screen | sed -n 24p | grep -q '令和3年度' &&
    [ $i -lt $((100 * TUI_SLOW)) ]; do
	sleep 0.05
	i=$((i + 1))
done
tui_keys e
tui_wait "^  $VENUE +$long\$"
tui_keys Tab Tab Tab Tab Tab Tab BSpace X
tui_wait "^  $VENUE +${long%館}X\$" &&
    ! tui_screen | grep -q "$(L '(kept as is)' '(変更しない)')"
tap $? "at 80 columns what was typed at 200 can still be edited"
tui_keys F2
tui_wait "$(L 'meeting [0-9]+ saved' '会議 [0-9]+ を保存しました')"
id=$(meeting_id "$db" 2021-12-14 明第1)
[ "$(meeting_field "$db" "$id" 11)" = "${long%館}X" ]
tap $? "and is saved"

# deleted in another terminal while it is open here: n saves it anew
tui_keys e
tui_wait "$(L Meeting 会議) $id"
"$CARECAL" --db "$db" delete "$id" >/dev/null
tui_keys Tab Tab Tab Tab Tab Tab C-u 新しい会場 F2
tui_wait "$(L 'Not saved: someone deleted this meeting' \
    '保存していません: この会議は削除されました')" &&
    tui_wait "$(L 'n  save yours as a new meeting' \
    'n  あなたの内容を新しい会議として保存する')"
tap $? "a save of a meeting deleted meanwhile says so, offering a new one"

tui_keys n
tui_wait "$(L "meeting [0-9]+ added \\($id was deleted\\)" \
    "会議 [0-9]+ を追加 \\($id は削除済み\\)")"
said=$?
new=$(meeting_id "$db" 2021-12-14 明第1)
[ $said -eq 0 ] && [ -n "$new" ] && [ "$new" != "$id" ] &&
    [ "$(meeting_field "$db" "$new" 11)" = 新しい会場 ]
tap $? "n saves it as a new meeting, with what was typed"

# d: the changes are dropped, nothing is saved
tui_keys e
tui_wait "$(L Meeting 会議) $new"
"$CARECAL" --db "$db" delete "$new" >/dev/null
count=$(meeting_count "$db")
tui_keys Tab Tab Tab Tab Tab Tab C-u 捨てる会場 F2
tui_wait "$(L 'Not saved: someone deleted this meeting' \
    '保存していません: この会議は削除されました')" && tui_keys d &&
    tui_wait_gone "$(L Meeting 会議) $new" &&
    [ "$(meeting_count "$db")" -eq "$count" ] &&
    ! "$CARECAL" --db "$db" list --format csv | grep -q 捨てる会場
tap $? "d discards the changes: the form closes, nothing saved"

tui_keys q
tui_wait 'carecal-exit=0'
tap_done
