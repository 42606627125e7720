#!/bin/sh
# ical-bounds.sh -- the recurrence of an iCalendar file is bounded in
# total, not only per rule (issue 15, item 16): a rule stepping by
# seconds or minutes, a file whose RRULEs give more than 50,000 meetings
# or would take libical too many steps is refused with a clear message,
# before anything is written, in bounded time; an ordinary file of many
# recurring events still imports.
. "$TESTS_SRCDIR/lib.sh"

command -v timeout >/dev/null ||
	{ not_ok "timeout (coreutils) is installed"; done_testing; exit 1; }
carecal init --demo >/dev/null || exit 99
export CARECAL_TODAY=2021-06-01

# calendar FILE COUNT RRULE [DTSTART]: COUNT events with that rule
calendar()
{
	awk -v n="$2" -v rule="$3" -v start="${4:-20210501T100000}" 'BEGIN {
		printf "BEGIN:VCALENDAR\r\nVERSION:2.0\r\nPRODID:-//t//t\r\n"
		for (i = 1; i <= n; i++)
			printf "BEGIN:VEVENT\r\nUID:r%d@t\r\n" \
			    "DTSTAMP:20210101T000000Z\r\nDTSTART:%s\r\n" \
			    "DTEND:%s\r\nRRULE:%s\r\n" \
			    "SUMMARY:地域個別ケア会議（明第1）\r\nEND:VEVENT\r\n",
			    i, start, start, rule
		printf "END:VCALENDAR\r\n"
	}' >"$1"
}

# refused DESCRIPTION SECONDS MESSAGE FILE: exit 2 within SECONDS, the
# message, the database unchanged
refused()
{
	before=$(db_hash)
	t0=$(date +%s)
	timeout "$2" "$CARECAL" import "$4" >"$TMP/out" 2>"$TMP/err"
	status=$?
	t=$(($(date +%s) - t0))
	if [ $status -eq 124 ]; then
		not_ok "$1: still running after $2 s"
	elif [ $status -ne 2 ]; then
		not_ok "$1: exit $status, want 2"
		sed 's/^/#   /' "$TMP/err" | head -5
	else
		ok "$1: refused in $t s"
	fi
	contains "$1: says why" "$TMP/err" "$3"
	[ "$(db_hash)" = "$before" ] && ok "$1: the database is as it was" ||
		not_ok "$1: the database is as it was"
}

calendar "$TMP/secondly.ics" 1 "FREQ=SECONDLY"
refused "FREQ=SECONDLY" 20 "secondly.ics:9: RRULE: FREQ=SECONDLY $(L \
	'steps by seconds or minutes; refused' 'は秒・分単位で繰り返すため、受け付けません')" \
	"$TMP/secondly.ics"
calendar "$TMP/minutely.ics" 1 "FREQ=MINUTELY;BYMONTH=2;BYMONTHDAY=30"
refused "FREQ=MINUTELY that never matches" 20 \
	"RRULE: FREQ=MINUTELY $(L 'steps by seconds or minutes' \
	'は秒・分単位で繰り返す')" "$TMP/minutely.ics"

# libical looked at every hour up to 2582 for this rule (12 s); with an
# UNTIL after the window it is quick, and gives only DTSTART
calendar "$TMP/hourly.ics" 1 "FREQ=HOURLY;BYMONTH=2;BYMONTHDAY=30"
t0=$(date +%s)
timeout 10 "$CARECAL" import --dry-run "$TMP/hourly.ics" >"$TMP/out" \
	2>"$TMP/err"
status=$?
[ $status -eq 0 ] &&
	ok "an hourly rule that never matches: read in $(($(date +%s) - t0)) s" ||
	not_ok "an hourly rule that never matches: exit $status"
contains "(its DTSTART only)" "$TMP/out" \
	"$(L 'would add 1,' '追加 1 件、更新 0 件、中止 0 件を行います')"

# the window of the fiscal year, as messages print dates
fy=令和3年4月1日\(木\)～令和4年3月31日\(木\)
calendar "$TMP/daily.ics" 200 "FREQ=DAILY"
refused "200 daily events (73,000 meetings)" 60 "$(L \
	"the recurring events of the file give more than 50000 meetings in $fy; nothing imported" \
	"このファイルの繰り返し予定は $fy の期間で 50000 件を超える会議になるため、何も取り込んでいません")" \
	"$TMP/daily.ics"
calendar "$TMP/costly.ics" 2000 "FREQ=HOURLY;BYMONTH=2;BYMONTHDAY=30"
refused "2,000 hourly rules that never match" 60 "$(L \
	"would take more than 500000 steps in $fy; nothing imported" \
	"$fy の期間で展開すると、計算が 500000 手順を超えるため、何も取り込んでいません")" \
	"$TMP/costly.ics"
calendar "$TMP/byminute.ics" 20 \
	"FREQ=DAILY;BYHOUR=9,10,11,12,13,14,15,16;BYMINUTE=0,5,10,15,20,25,30,35,40,45,50,55;BYMONTH=2;BYMONTHDAY=30"
refused "daily rules with many hours and minutes" 60 \
	"$(L 'would take more than 500000 steps' '計算が 500000 手順を超える')" \
	"$TMP/byminute.ics"
check_error "a narrower --from/--to is what it asks for" 2 \
	"$(L 'give a narrower --from and --to' '--from と --to で期間を狭める')" \
	"$CARECAL" import "$TMP/daily.ics"

# ordinary files still import
calendar "$TMP/weekly.ics" 300 "FREQ=WEEKLY;BYDAY=TU"
expect_status "300 weekly events (15,000 meetings)" 0 "$CARECAL" import \
	--dry-run "$TMP/weekly.ics"
tail -1 "$TMP/out" >"$TMP/total"
contains "are all read" "$TMP/total" \
	"$(L 'would add 14700,' '追加 14700 件、更新 0 件、中止 0 件を行います')"
calendar "$TMP/daily-from.ics" 200 "FREQ=DAILY"
expect_status "200 daily events within --from/--to of a month" 0 \
	"$CARECAL" import --dry-run --from 2021-06-01 --to 2021-06-30 \
	"$TMP/daily-from.ics"
contains "are read" "$TMP/out" \
	"$(L 'would add 6000,' '追加 6000 件、更新 0 件、中止 0 件を行います')"

# one rule of more than 1,000 meetings in the window names it
calendar "$TMP/many.ics" 1 "FREQ=DAILY;COUNT=1500"
expect_status "a rule of 1,500 meetings in --from/--to of 5 years" 2 \
	"$CARECAL" import --from 2021-04-01 --to 2026-03-31 "$TMP/many.ics"
contains "says it repeats too often, and in which dates" "$TMP/err" \
	"many.ics:4: r1@t: $(L 'cannot be mapped: it repeats more than 1000 times in 令和3年4月1日(木)～令和8年3月31日(火)' \
	'対応付けられません: 令和3年4月1日(木)～令和8年3月31日(火) の期間に 1000 回を超えて繰り返します')"
done_testing
