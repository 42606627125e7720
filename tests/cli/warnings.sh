#!/bin/sh
# warnings.sh -- add and edit warn where the mistake is made (issue 14):
# a meeting on a Saturday, Sunday, holiday or closure day, or clashing
# with another meeting of its center, is saved with a warning on standard
# error that names the day or the other meeting; --strict refuses it
# (exit status 3, nothing saved); edit warns only of what it brings;
# cancelled meetings warn of nothing and clash with nothing; an import
# counts its meetings worth a warning in one line.
. "$TESTS_SRCDIR/lib.sh"

count()
{
	carecal list --format csv | tail -n +2 | wc -l
}

carecal init --demo >/dev/null
n=$(count)

# the done-when of the issue: 2021-12-12 is a Sunday
expect_status "add on a Sunday is saved" 0 \
	carecal add --type 個別 --center 明第1 --date 2021-12-12
sunday=$(cat "$TMP/out")
[ "$sunday" -gt 0 ] 2>/dev/null && ok "and prints its id ($sunday)" ||
	not_ok "and prints its id ('$sunday')"
contains "with a warning naming 日曜日" "$TMP/err" \
	"$(L "warning: 令和3年12月12日(日) is a Sunday" \
	"注意: 令和3年12月12日(日) は日曜日です")"
[ "$(count)" -eq $((n + 1)) ] && ok "one meeting more" ||
	not_ok "one meeting more ($(count), want $((n + 1)))"
n=$(count)
before=$(db_hash)
expect_status "add --strict on a Sunday is refused with status 3" 3 \
	carecal add --type 個別 --center 明第1 --date 2021-12-12 --strict
contains "naming the day" "$TMP/err" \
	"$(L "令和3年12月12日(日) is a Sunday" "令和3年12月12日(日) は日曜日です")"
contains "and saying nothing was saved" "$TMP/err" \
	"$(L "carecal: not saved (--strict)" "carecal: 保存していません (--strict)")"
[ ! -s "$TMP/out" ] && ok "no id printed" || not_ok "no id printed"
[ "$(db_hash)" = "$before" ] && [ "$(count)" -eq "$n" ] &&
	ok "nothing added: the database as it was" ||
	not_ok "nothing added: the database as it was"

# each day off, in the reader's words
expect_status "a Saturday" 0 carecal add --type 推進 --center 本庁 \
	--date 2021-12-11
contains "is named" "$TMP/err" "$(L "令和3年12月11日(土) is a Saturday" \
	"令和3年12月11日(土) は土曜日です")"
expect_status "a holiday" 0 carecal add --type 推進 --center 本庁 \
	--date 2021-11-23
contains "is named with the holiday" "$TMP/err" \
	"$(L "令和3年11月23日(火) is a national holiday (勤労感謝の日)" \
	"令和3年11月23日(火) は勤労感謝の日です")"
expect_status "a closure day" 0 carecal add --type 推進 --center 矢切 \
	--date 2021-12-29
contains "is named with the closure" "$TMP/err" \
	"$(L "令和3年12月29日(水) is in the office closure (12-29..01-03)" \
	"令和3年12月29日(水) は年末年始休業 (12-29..01-03) の日です")"
carecal config closure none >/dev/null
expect_status "without a closure, 12-29 is a working day" 0 \
	carecal add --type 推進 --center 東部 --date 2021-12-29
[ ! -s "$TMP/err" ] && ok "and nothing is said" ||
	not_ok "and nothing is said ($(cat "$TMP/err"))"
carecal config closure 12-29..01-03 >/dev/null
expect_status "a weekday" 0 carecal add --type 推進 --center 東部 \
	--date 2021-12-14 --start 13:00 --end 14:00
timed=$(cat "$TMP/out")
[ ! -s "$TMP/err" ] && ok "says nothing" ||
	not_ok "says nothing ($(cat "$TMP/err"))"

# clashes: check's rule, the other meeting named
expect_status "an overlapping meeting of the same center" 0 \
	carecal add --type 個別 --center 東部 --date 2021-12-14 \
	--start 13:30 --end 15:00
contains "names the other meeting: id, day and time, type, center" \
	"$TMP/err" "$(L "clashes with meeting $timed (令和3年12月14日(火) 13:00-14:00, 地域包括ケア推進会議 at 東部): the times overlap" \
	"会議 $timed (令和3年12月14日(火) 13:00-14:00、地域包括ケア推進会議、東部) と時間が重なります")"
expect_status "one that starts when the other ends" 0 \
	carecal add --type 自立 --center 東部 --date 2021-12-14 \
	--start 15:00 --end 16:00
lacks "does not clash with the 13:00-14:00 one" "$TMP/err" "#$timed"
lacks "nor with anything" "$TMP/err" "$(L clashes 重なります)"
expect_status "another center the same hour" 0 carecal add --type 推進 \
	--center 小金 --date 2021-12-14 --start 13:00 --end 14:00
[ ! -s "$TMP/err" ] && ok "is no clash" ||
	not_ok "is no clash ($(cat "$TMP/err"))"
expect_status "a meeting without a time on that day" 0 \
	carecal add --type 自立 --center 小金 --date 2021-12-14
contains "clashes: one of them has no time" "$TMP/err" \
	"$(L "the same day, and one of them has no time" \
	"と同じ日で、どちらかに時間の記入がありません")"
untimed=$(cat "$TMP/out")
expect_status "the city-level meeting has no center" 0 carecal add \
	--type city --date 2021-12-14
[ ! -s "$TMP/err" ] && ok "and clashes with none" ||
	not_ok "and clashes with none ($(cat "$TMP/err"))"

# edit: what the change brings
expect_status "edit of the Sunday meeting's venue" 0 carecal edit \
	"$sunday" --venue 市役所
[ ! -s "$TMP/err" ] && ok "does not warn again of its Sunday" ||
	not_ok "does not warn again of its Sunday ($(cat "$TMP/err"))"
expect_status "edit --strict of its venue" 0 carecal edit "$sunday" \
	--venue 本庁舎 --strict
expect_status "edit to a holiday" 0 carecal edit "$sunday" --date R4.1.10
contains "warns of the holiday" "$TMP/err" \
	"$(L "令和4年1月10日(月) is a national holiday (成人の日)" \
	"令和4年1月10日(月) は成人の日です")"
before=$(db_hash)
expect_status "edit --strict to a Saturday is refused" 3 carecal edit \
	"$sunday" --date 2022-01-15 --strict
[ "$(db_hash)" = "$before" ] && ok "and the meeting is as it was" ||
	not_ok "and the meeting is as it was"
expect_status "edit --strict to a weekday" 0 carecal edit "$sunday" \
	--date 2022-01-14 --strict
expect_status "edit of the untimed one to a time of its own" 0 \
	carecal edit "$untimed" --start 16:00
[ ! -s "$TMP/err" ] && ok "clashes no more: nothing said" ||
	not_ok "clashes no more: nothing said ($(cat "$TMP/err"))"
expect_status "edit of its time into the other's" 0 \
	carecal edit "$untimed" --start 13:30
contains "a new clash is told" "$TMP/err" "$(L "clashes with meeting" "と時間が重なります")"

# cancelled meetings: nothing to say, nothing to clash with
expect_status "cancel of a Saturday meeting" 0 carecal add --type 推進 \
	--center 馬橋 --date 2021-12-18
saturday=$(cat "$TMP/out")
expect_status "cancel it" 0 carecal cancel "$saturday"
[ ! -s "$TMP/err" ] && ok "says nothing" ||
	not_ok "says nothing ($(cat "$TMP/err"))"
expect_status "a meeting beside the cancelled one" 0 carecal add \
	--type 推進 --center 馬橋 --date 2021-12-18 --status cancelled
lacks "a cancelled meeting warns of no day off" "$TMP/err" "$(L "warning" "注意")"
expect_status "planned again" 0 carecal edit "$saturday" --status planned
contains "is told its Saturday" "$TMP/err" "$(L "is a Saturday" "は土曜日です")"
lacks "and clashes with no cancelled meeting" "$TMP/err" \
	"$(L "clashes" "重なります")"

# an import: one line with the count, as add would warn
{
	echo "id,uid,date,start,end,center,type,mode,status,cases,venue,url,note"
	echo ",,2022-02-05,,,新松戸,kobetsu,in-person,planned,,,,"
	echo ",,2022-02-07,10:00,11:00,新松戸,kobetsu,in-person,planned,,,,"
	echo ",,2022-02-07,10:30,11:30,新松戸,suishin,in-person,planned,,,,"
	echo ",,2022-02-08,10:00,11:00,新松戸,kobetsu,in-person,planned,,,,"
} >"$TMP/in.csv"
n=$(count)
expect_status "import --dry-run" 0 carecal import --dry-run "$TMP/in.csv"
contains "counts the two worth a warning" "$TMP/err" \
	"$(L "warning: 2 of them fall on a Saturday, Sunday, holiday or closure day" \
	"注意: このうち 2 件は土曜・日曜・祝日・休業日に当たるか")"
expect_status "import" 0 carecal import "$TMP/in.csv"
contains "the same count" "$TMP/err" "$(L "2 of them" "このうち 2 件")"
[ "$(count)" -eq $((n + 4)) ] && ok "and imports all four" ||
	not_ok "and imports all four ($(count), want $((n + 4)))"
carecal list --format csv >"$TMP/all.csv"
expect_status "the same file again changes nothing" 0 \
	carecal import "$TMP/all.csv"
[ ! -s "$TMP/err" ] && ok "and warns of nothing" ||
	not_ok "and warns of nothing ($(cat "$TMP/err"))"
expect_status "the database passes fsck" 0 carecal fsck
done_testing
