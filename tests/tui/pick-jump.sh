# tests/tui/pick-jump.sh -- every pick list jumps to a name as it is
# typed, in Japanese as in ASCII: a prefix first, else anywhere in the
# name; Tab to the next that has it, Backspace to type again; a pattern
# nothing has says so and leaves the cursor where it was.
. "$TESTS_SRCDIR/tui/lib.sh"

echo "1..8"
db=$(demo_db jump)

# the line of the pick list's cursor ("> NAME")
cursor_on() {
	tui_wait "│> $1 "
}

tui_start "$db" LC_ALL=${LC_ALL:-C.UTF-8} CARECAL_TODAY=2021-10-01
tui_wait '^馬橋 '

# the filter's list of centers
tui_keys f
tui_wait "$(L 'Filter by' '絞り込みの条件')"
tui_keys Enter
tui_wait "$(L '\(any center\)' '\(すべてのセンター\)')"
tui_keys 団地
cursor_on 常盤平団地 && tui_wait "$(L 'jump: 団地 \(Tab: next\)' \
    '移動: 団地 \(Tab: 次\)')"
tap $? "typed kanji jump to the name that has them (団地: 常盤平団地)"

tui_keys BSpace BSpace 小
cursor_on 小金
tap $? "Backspace types again; 小 goes to the first name starting with it"

tui_keys Tab
cursor_on 小金原 && tui_keys Tab && cursor_on 小金 &&
    tui_keys BTab && cursor_on 小金原
tap $? "Tab and Shift-Tab go to the next and previous name that has it"

tui_keys 川
tui_wait "$(L 'jump: 小川: none' '移動: 小川: 該当なし')" && cursor_on 小金原
tap $? "a pattern no name has says so; the cursor stays"

tui_keys BSpace BSpace 2 Enter
tui_wait "$(L filter: 絞り込み:) 明第2西"
tap $? "a digit jumps too (2: 明第2西), Enter chooses it"
tui_keys F
tui_wait_gone "$(L 'filter: ' '絞り込み: ')"

# the form's lists: the type, by part of its name
tui_keys a
tui_wait "$(L 'New meeting' '新しい会議')"
tui_keys Up Up
tui_wait "$(L Type 種別) +地域包括ケア推進会議"
tui_keys Enter 自立 Enter
tui_wait "$(L Type 種別) +自立支援型個別ケア会議"
tap $? "in the form's type list: 自立 chooses 自立支援型個別ケア会議"

# ASCII without case, in the mode list of the filter (its names are
# Japanese in both locales: the codes are not shown) -- and the status
# list's first item, by its ASCII parenthesis
tui_keys Escape
tui_wait '\(y/n\)' && tui_keys y
tui_wait_gone "$(L 'New meeting' '新しい会議')"
tui_keys f
tui_wait "$(L 'Filter by' '絞り込みの条件')"
tui_keys Down Down Enter
tui_wait "$(L '\(any mode\)' '\(すべての開催形態\)')"
tui_keys 完全
cursor_on 完全オンライン
tap $? "the mode list: 完全 goes to 完全オンライン"
tui_keys BSpace BSpace Down '('
cursor_on "$(L '\(any mode\)' '\(すべての開催形態\)')"
tap $? "an ASCII character jumps as well"
tui_keys Escape

tui_keys q
tui_wait 'carecal-exit=0'
tap_done
