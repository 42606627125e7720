# tests/tui/readahead.sh -- the neighbouring fiscal years, read ahead a
# few days per idle step: a year reached with [ holds the same meetings
# in the same order as one read whole (its first screen), with a filter
# too; CARECAL_BENCH_KEYS reports the idle steps, and a busier year takes
# more of them. The hook is carecal-bench's, the test build's, never the
# shipped carecal's.
. "$TESTS_SRCDIR/tui/lib.sh"

echo "1..8"
db=$(demo_db readahead)

# FY2020 (the year before the demo's), busy: three meetings every day,
# two of them at the same time (put in order by type and center), with
# text, so that a span read twice, a day left out or spans joined out of
# order all show.
awk 'BEGIN {
	print "id,uid,date,start,end,center,type,mode,status,cases,venue," \
	    "url,note"
	n = split("明第1 本庁 小金 新松戸 馬橋 東部", c, " ")
	split("30 31 30 31 31 30 31 30 31 31 28 31", days, " ")
	for (m = 1; m <= 12; m++) {
		year = m <= 9 ? 2020 : 2021
		month = (m + 2) % 12 + 1
		for (d = 1; d <= days[m] + 0; d++) {
			date = sprintf("%d-%02d-%02d", year, month, d)
			k = i++ % n
			printf ",,%s,13:30,15:00,%s,kobetsu,hybrid,held,2," \
			    "会場%d,,メモ%d\n", date, c[k + 1], i, i
			printf ",,%s,13:30,,%s,suishin,in-person," \
			    "planned,,,,\n", date, c[(k + 3) % n + 1]
			printf ",,%s,,,%s,jiritsu,online,held,3,,,\n", date,
			    c[(k + 1) % n + 1]
		}
	}
}' >"$TUI_TMP/busy.csv"
plain=$(demo_db plain)	# the demo alone, FY2020 all but empty
"$CARECAL" --db "$db" import "$TUI_TMP/busy.csv" >/dev/null
n2020=$("$CARECAL" --db "$db" list --fy 2020 --format csv | tail -n +2 |
    wc -l)

# export NAME: x with the private notes, as $TUI_TMP/NAME.ics, and the
# file without its DTSTAMP (the time of writing) as NAME.txt
export_shown() {
	tui_keys x
	tui_wait "$(L 'Export the meetings shown as iCalendar' \
	    '表示中の会議を iCalendar で書き出し')"
	tui_keys Down Enter
	tui_wait "$(L 'Export to file:' '書き出すファイル:')"
	tui_keys C-u "$TUI_TMP/$1.ics" Enter
	# written beside and renamed: there, it is whole (the status line
	# is too narrow for the message after this long a path)
	i=0
	while [ ! -f "$TUI_TMP/$1.ics" ] && [ $i -lt $((200 * TUI_SLOW)) ]; do
		sleep 0.05
		i=$((i + 1))
	done
	grep -v '^DTSTAMP' "$TUI_TMP/$1.ics" >"$TUI_TMP/$1.txt"
}

# FY2020 read whole: the first screen with today in it
tui_start "$db" LC_ALL=${LC_ALL:-C.UTF-8} CARECAL_TODAY=2020-10-01
tui_wait "令和2年度 $(L 'meetings by center' 'センター別の会議')"
export_shown cold
tui_keys f Enter Down Enter
tui_wait "$(L filter: 絞り込み:) 明第1"
export_shown cold-filtered
tui_keys q
tui_stop

# FY2020 read ahead while FY2021 is shown, then paged to with [
tui_start "$db" LC_ALL=${LC_ALL:-C.UTF-8} CARECAL_TODAY=2021-10-01
tui_wait "令和3年度 $(L 'meetings by center' 'センター別の会議')"
# idle: the read-ahead runs (well under a second, under valgrind too);
# it shows nothing on the screen to wait for, so a fixed time
idle=$((2 + TUI_SLOW / 5))
sleep $idle
tui_keys '['
tui_wait "令和2年度 $(L 'meetings by center' 'センター別の会議')"
export_shown ahead
[ "$(grep -c '^BEGIN:VEVENT' "$TUI_TMP/ahead.ics")" -eq "$n2020" ] &&
    grep -q '^LOCATION:会場' "$TUI_TMP/ahead.ics" &&
    grep -q '^X-CARECAL-NOTE:メモ' "$TUI_TMP/ahead.ics"
tap $? "[ to a year read ahead: every meeting of it, once, with its text"

cmp -s "$TUI_TMP/cold.txt" "$TUI_TMP/ahead.txt"
status=$?
[ $status -eq 0 ] || diff "$TUI_TMP/cold.txt" "$TUI_TMP/ahead.txt" |
    head -n 20 | sed 's/^/# /'
tap $status "the year read ahead is the year read whole, in the same order"

# filtered in FY2021 (FY2020 read ahead through the filter, not kept
# from being shown)
tui_keys ']'
tui_wait "令和3年度 $(L 'meetings by center' 'センター別の会議')"
tui_keys f Enter Down Enter
tui_wait "$(L filter: 絞り込み:) 明第1"
sleep $idle
tui_keys '['
tui_wait "令和2年度 $(L 'meetings by center' 'センター別の会議')"
export_shown ahead-filtered
grep -q '明第1' "$TUI_TMP/ahead-filtered.ics" &&
    cmp -s "$TUI_TMP/cold-filtered.txt" "$TUI_TMP/ahead-filtered.txt"
tap $? "with a filter, the year read ahead is the filtered year read whole"
tui_keys q
tui_stop

# the shipped carecal has no benchmark hook; the test build has it
! grep -aq CARECAL_BENCH_KEYS "$CARECAL" &&
    grep -aq CARECAL_BENCH_KEYS "$CARECAL_BENCH"
tap $? "CARECAL_BENCH_KEYS is carecal-bench's alone, not in carecal"

# bench DB KEYS [TODAY]: CARECAL_BENCH_KEYS=KEYS on DB, carecal-bench's
# report on stdout
bench() {
	rm -f "$TUI_TMP/report" "$TUI_TMP/done"
	tmux_ -u new-session -d -x 100 -y 30 -s tui \
	    "LC_ALL=${LC_ALL:-C.UTF-8} CARECAL_TODAY=${3:-2021-10-01} \
	    CARECAL_BENCH_KEYS='$2' \
	    $TUI_BENCH_RUN --db '$1' 2>'$TUI_TMP/report';
	    touch '$TUI_TMP/done'; sleep 600"
	i=0
	while [ ! -f "$TUI_TMP/done" ] && [ $i -lt $((200 * TUI_SLOW)) ]; do
		sleep 0.05
		i=$((i + 1))
	done
	tmux_ kill-session -t tui 2>/dev/null	# carecal has exited
	cat "$TUI_TMP/report"
}
# the idle steps of a report
steps() {
	sed -n 's/^idle: \([0-9]*\) steps, longest [0-9]*\.[0-9]* ms$/\1/p'
}

bench "$db" '.[' >"$TUI_TMP/busy.report"
sed 's/^/# /' "$TUI_TMP/busy.report"
n=$(steps <"$TUI_TMP/busy.report")
[ -n "$n" ] && [ "$n" -gt 0 ]
tap $? "CARECAL_BENCH_KEYS: the idle work of '.' in steps, on its own line"

# bench/run reads these two lines: their fields stay where they were
grep -Eq "^first screen: [0-9.]+ ms \\($n2020 meetings loaded\\)\$" \
    "$TUI_TMP/busy.report" &&
    awk '/^keys:/ && $2 == "1," && $7 + 0 == $10 + 0 && $10 + 0 > 0 &&
    $11 == "ms" { ok = 1 } END { exit !ok }' "$TUI_TMP/busy.report"
tap $? "the first screen and keys lines are as bench/run reads them"

bench "$plain" '.' >"$TUI_TMP/plain.report"
m=$(steps <"$TUI_TMP/plain.report")
[ -n "$n" ] && [ -n "$m" ] && [ "$n" -gt "$m" ]
tap $? "a busier year is read ahead in more steps ($n against $m)"

# ',': one idle step. FY2020, the next year of FY2019, is read ahead
# first: ] comes after three of its spans and reads the rest of it.
# (FY2019 holds a meeting: the view opens there, not on the nearest
# year with meetings.)
"$CARECAL" --db "$db" add --type kobetsu --center 明第1 \
    --date 2019-10-01 >/dev/null
bench "$db" ',,,]' 2019-10-01 >"$TUI_TMP/partial.report"
sed 's/^/# /' "$TUI_TMP/partial.report"
[ "$(steps <"$TUI_TMP/partial.report")" = 3 ] &&
    grep -Eq "^first screen: [0-9.]+ ms \\($n2020 meetings loaded\\)\$" \
    "$TUI_TMP/partial.report"
tap $? "] to a year partly read ahead: the rest of it read, no day twice"

tap_done
