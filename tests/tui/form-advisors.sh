# tests/tui/form-advisors.sh -- F3 in the meeting form books advisors:
# the pick lists those booked (to take one off) and those of the type's
# professions free that day (one unavailable that day, or not there on
# that weekday, is not offered); each choice is one action, which u
# takes back.
. "$TESTS_SRCDIR/tui/lib.sh"

echo "1..8"
db=$(demo_db advisors)
cc()
{
	"$CARECAL" --db "$db" "$@" >/dev/null 2>&1
}
cc advisor add "中村 健" --profession 管理栄養士
cc advisor add "小林 明" --profession 管理栄養士 --unavailable 2022-02-08
cc advisor add "佐藤 花" --profession 歯科衛生士 --weekdays 水
# booked(NAME): whether NAME is booked for meeting 87 (2022-02-08)
booked()
{
	"$CARECAL" --db "$db" list --advisor "$1" --format csv |
	    cut -d, -f1 | grep -qx 87
}

tui_start "$db" LC_ALL=${LC_ALL:-C.UTF-8} CARECAL_TODAY=2022-01-27
tui_wait '^馬橋 '
tui_keys 3 / 2022-02-08 Enter
tui_wait '^#87 '
tui_keys Enter
tui_wait "$(L 'Meeting 87' '会議 87')" &&
    tui_wait "$(L 'F3 advisors' 'F3 専門職'): 青木 陽子 \(理学療法士\), 石田 真由美 \(管理栄養士\), 上野 恵 \(歯科衛生士\)"
tap $? "the form of a stored meeting shows who is booked"

tui_keys F3
tui_wait "$(L 'Advisors for 令和4年2月8日\(火\)' \
    '令和4年2月8日\(火\) の専門職')" &&
    tui_wait "\* 石田 真由美 \(管理栄養士\)" && tui_wait "  中村 健 \(管理栄養士\)"
tap $? "F3 lists the booked and the free of each profession"

! tui_screen | grep -q '小林 明' && ! tui_screen | grep -q '佐藤 花'
tap $? "not one unavailable that day, nor one who comes on Wednesdays"

# the booked first (青木, 石田, 上野), then the free: 中村
tui_keys Down Enter
tui_wait "$(L 'took 石田 真由美 \(管理栄養士\) off the meeting' \
    '石田 真由美 \(管理栄養士\) の手配を取り消しました')" && ! booked 石田
tap $? "choosing a booked one takes them off, at once"

tui_keys F3
tui_wait "  中村 健 \(管理栄養士\)"
tui_keys Down Down Down Enter
tui_wait "$(L 'booked 中村 健 \(管理栄養士\)' '中村 健 \(管理栄養士\) を手配しました')" &&
    booked "中村 健" &&
    tui_wait "上野 恵 \(歯科衛生士\), 中村 健 \(管理栄養士\)"
tap $? "choosing a free one books them, and the line says so"

tui_keys Escape
tui_wait '^#87 '
tui_keys u
tui_wait "$(L "advisors' bookings taken back: 1" '取り消す専門職の手配: 1')"
tap $? "u offers to take the booking back"
tui_keys y
tui_wait "$(L 'undid #' '取り消しました')" && ! booked "中村 健"
tap $? "and does"

# a new meeting has no bookings yet: saved first
tui_keys a
tui_wait "$(L 'New meeting' '新しい会議')"
tui_keys F3
tui_wait "$(L 'save the meeting first \(F2\)' '先に会議を保存 \(F2\)')"
tap $? "a new meeting is saved before its advisors are booked"
tui_keys Escape

tui_keys q
tui_wait 'carecal-exit=0'
tap_done
