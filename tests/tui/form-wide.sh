# tests/tui/form-wide.sh -- Japanese in the editor's text fields: typed,
# deleted and moved over a character at a time (a kanji is two columns),
# a field that is full refuses more with a message, Backspace at a
# field's start stays in that field, and what is saved is what was shown.
. "$TESTS_SRCDIR/tui/lib.sh"

echo "1..10"
db=$(demo_db wide)
VENUE=$(L Venue 会場)

# The text of the Venue or Note field as shown.
shown() {
	tui_screen | sed -n "s/^  $1  *//p"
}

tui_start "$db" LC_ALL=${LC_ALL:-C.UTF-8} CARECAL_TODAY=2021-10-01
tui_wait '^馬橋 '
tui_keys a
tui_wait "$(L 'New meeting' '新しい会議')"
# Date, then Start, End, Mode, Status (推進 counts no cases), Venue
tui_keys C-u 2021-12-02 Tab Tab Tab Tab Tab 'あいう漢字'
tui_wait "^  $VENUE +あいう漢字\$"
tap $? "kana and kanji typed into Venue"

tui_keys BSpace
tui_wait "^  $VENUE +あいう漢\$"
tap $? "Backspace removes the last kanji"

tui_keys Left Left X
tui_wait "^  $VENUE +あいXう漢\$"
tap $? "Left moves over one character at a time; X goes in between"

tui_keys Home Y End W
tui_wait "^  $VENUE +YあいXう漢W\$"
tap $? "Home and End go to the start and the end"

tui_keys Home Right Right Right DC
tui_wait "^  $VENUE +Yあいう漢W\$"
tap $? "Right moves over kanji; Delete removes the character at the cursor"

# Backspace at the start: nothing to delete, and the cursor stays here
tui_keys Home BSpace Z
tui_wait "^  $VENUE +ZYあいう漢W\$"
tap $? "Backspace at the start of the field stays in the field"

# 64 columns wide whatever the window's width (100 here; issue 14): 63
# can be typed (30 kanji and 3 ASCII)
full=$(awk 'BEGIN { for (i = 0; i < 30; i++) printf "漢"; printf "abc" }')
tui_keys C-u "$full"
tui_wait "^  $(L Venue 会場) +$full\$"
tui_keys 字
tui_wait "$(L 'this field holds at most 63 columns' \
    'この欄に入るのは 63 桁までです')" &&
    [ "$(shown "$VENUE")" = "$full" ]
tap $? "a kanji that does not fit is refused with a message"

tui_keys BSpace BSpace 字
tui_wait "^  $(L Venue 会場) +${full%bc}字\$"
tap $? "with two columns freed by Backspace, it fits"

tui_keys Tab Tab 'メモ：次回は12月'
tui_wait "^  $(L Note メモ) +メモ：次回は12月\$"
tap $? "the Note field takes Japanese too"

tui_keys F2
tui_wait "$(L 'meeting [0-9]+ added' '会議 [0-9]+ を追加しました')"
got=$("$CARECAL" --db "$db" list --format csv --from 2021-12-02 \
    --to 2021-12-02 | tr -d '\r' |
    awk -F, '$6 == "明第1" { print $11 "|" $13 }')
[ "$got" = "${full%bc}字|メモ：次回は12月" ]
tap $? "what is saved is what was shown"
[ "$got" = "${full%bc}字|メモ：次回は12月" ] || echo "# got: $got"

tui_keys q
tap_done
