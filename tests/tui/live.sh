# tests/tui/live.sh -- several terminals, one database: what the command
# line adds, edits or deletes appears in an open TUI within about a
# second, without a key being pressed.
. "$TESTS_SRCDIR/tui/lib.sh"

echo "1..5"
db=$(demo_db live)

tui_start "$db" LC_ALL=${LC_ALL:-C.UTF-8} CARECAL_TODAY=2021-10-01
tui_wait '^馬橋 '
tui_keys 3
tui_wait "$(L 'Date +Time +Center' '日付 +時間 +センター')"

# seconds, with a fraction, since the epoch
now() {
	date +%s.%N
}
within() {
	awk -v a="$1" -v b="$2" -v limit="$3" \
	    'BEGIN { exit !(b - a <= limit) }'
}

start=$(now)
id=$("$CARECAL" --db "$db" add --type kobetsu --center 馬橋 \
    --date 2021-10-04 --venue 別の端末で追加)
tui_wait '10/4\(月\) +馬橋 .*別の端末で追加' 2
status=$?
within "$start" "$(now)" 2
[ $status -eq 0 ] && [ $? -eq 0 ]
tap $? "a meeting added by the command line appears within 2 seconds"

tui_screen | grep -q "$(L 'updated: the database was changed elsewhere' \
    '表示を更新しました: データベースがほかで変更されました')"
tap $? "the status line says the view was updated"

"$CARECAL" --db "$db" edit "$id" --venue 会場を変更 --mode online
tui_wait '10/4\(月\) +馬橋 .*完全オンライン .*会場を変更' 2
tap $? "an edit appears within 2 seconds"

"$CARECAL" --db "$db" delete "$id"
tui_wait_gone '会場を変更' 2
tap $? "a deletion appears within 2 seconds"

# the next fiscal year, read ahead while idle, is read again after a
# change made elsewhere
tui_keys k	# any key clears the last message
tui_wait_gone "$(L 'updated: the database' '表示を更新しました')"
# the read-ahead shows nothing on the screen to wait for: a fixed time
sleep 1.5
"$CARECAL" --db "$db" add --type suishin --center 本庁 --date 2022-05-10 \
    --venue 来年度の会議 >/dev/null
tui_wait "$(L 'updated: the database was changed elsewhere' \
    '表示を更新しました: データベースがほかで変更されました')" 2
tui_keys ']'
tui_wait '5/10\(火\) +本庁 .*来年度の会議'
tap $? "] shows the next year with the change made meanwhile"

tui_keys q
tap_done
