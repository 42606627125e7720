# tests/tui/form-add.sh -- a meeting added through the form is stored as
# typed: the date in Japanese, times, a mode from its list, a venue typed
# in kanji with a Backspace over a kanji; `carecal list` shows it.
. "$TESTS_SRCDIR/tui/lib.sh"

echo "1..6"
db=$(demo_db add)
before=$("$CARECAL" --db "$db" list --format csv | wc -l)

tui_start "$db" LC_ALL=${LC_ALL:-C.UTF-8} CARECAL_TODAY=2021-10-01
tui_wait '^馬橋 '
# the cursor starts on 明第1, in the 推進 group
tui_keys a
tui_wait "$(L 'New meeting' '新しい会議')" &&
    tui_wait "$(L 'Center' 'センター') +明第1"
tap $? "a opens the form for the cursor's center"

# Date: cleared, then 令和3年12月1日; Start, End; Mode: one step right
tui_keys C-u '令和3年12月1日' Tab '13:30' Tab '15:00' Tab Right
tui_wait "$(L Mode 開催形態) +一部オンライン"
tap $? "Right steps the mode list to 一部オンライン"

# Status, (Cases is not for 推進), Venue: 本館 after two Backspaces
tui_keys Tab Tab '松戸市役所別館' BSpace BSpace '本館'
tui_wait "$(L Venue 会場) +松戸市役所本館 *\$"
tap $? "Backspace removes a whole kanji"

tui_keys F2
tui_wait "$(L 'meeting [0-9]+ added' '会議 [0-9]+ を追加しました')"
tap $? "F2 saves and says so"

got=$("$CARECAL" --db "$db" list --format csv --from 2021-12-01 \
    --to 2021-12-01 | tail -n +2 | cut -d, -f3-11)
want="2021-12-01,13:30,15:00,明第1,suishin,hybrid,planned,,松戸市役所本館"
[ "$got" = "$want" ]
tap $? "carecal list shows the meeting as typed"
[ "$got" = "$want" ] || echo "# got: $got"

after=$("$CARECAL" --db "$db" list --format csv | wc -l)
tui_screen | grep '^明第1 ' | grep -q '12/1\*'
[ $? -eq 0 ] && [ "$after" -eq $((before + 1)) ]
tap $? "one meeting more, in the grid as planned (12/1*)"

tui_keys q
tui_wait 'carecal-exit=0'
tap_done
