#!/bin/sh
#
# plan.sh -- `carecal plan` on the R3 demo (issue 17): the draft of
# 令和4年度 like 令和3年度 applied, then checked: no target, day-off,
# clash or window finding, no advisor double-booked; each center-type
# keeps last year's weekday, on last year's week wherever that day is a
# working day; the notes say why a day moved; one undo takes the whole
# draft back; a second plan adds nothing; the output is the same twice;
# the advisors the type summons are booked, and when none is free the
# draft says so and check finds it; usage errors change nothing.

srcdir=${TESTS_SRCDIR:-$(dirname "$0")/..}
. "$srcdir/lib.sh"

export CARECAL_TODAY=2021-10-01

run()
{
	"$@" >"$TMP/setup.out" 2>"$TMP/setup.err" || {
		echo "Bail out! set-up failed: $*"
		sed 's/^/# /' "$TMP/setup.err"
		exit 1
	}
}

count()
{
	carecal list --format csv | tail -n +2 | wc -l
}

run carecal init --demo
cp "$DB" "$TMP/demo.db"
before=$(count)

# ---- the draft, without --apply ----
hash=$(db_hash)
expect_status "plan --fy 2022 --like 2021: exit 0" 0 \
	carecal plan --fy 2022 --like 2021
cp "$TMP/out" "$TMP/plan1.txt"
[ "$(db_hash)" = "$hash" ] && ok "without --apply nothing is written" ||
	not_ok "without --apply nothing is written"
contains "the heading names the year and the count" "$TMP/plan1.txt" \
	"$(L "Draft plan of 令和4年度: 108 meetings to add" \
	"令和4年度の開催計画（案）: 追加する会議 108 件")"
contains "a holiday moved a week on, said in words" "$TMP/plan1.txt" \
	"$(L "常盤平団地 推進: 令和4年11月3日(木) is a national holiday (文化の日); moved to 令和4年11月10日(木)" \
	"常盤平団地 推進: 令和4年11月3日(木)は祝日（文化の日）のため、令和4年11月10日(木)に移しました")"
contains "a week back when a week on leaves the month" "$TMP/plan1.txt" \
	"$(L "小金 個別: 令和5年2月23日(木) is a national holiday (天皇誕生日); moved to 令和5年2月16日(木)" \
	"小金 個別: 令和5年2月23日(木)は祝日（天皇誕生日）のため、令和5年2月16日(木)に移しました")"
contains "a day whose advisors are taken moves, said in words" \
	"$TMP/plan1.txt" "$(L "明第1 自立: no free リハビリ専門職 on 令和4年10月11日(火); moved to 令和4年10月18日(火)" \
	"明第1 自立: 令和4年10月11日(火)に空いているリハビリ専門職がいないため、令和4年10月18日(火)に移しました")"
grep '^令和4年4月12日(火) .* 明第2西 .* 自立支援型個別ケア会議 .* 青木 陽子, 石田 真由美, 上野 恵$' \
    "$TMP/plan1.txt" >/dev/null &&
	ok "the advisors of a 自立 meeting, in the table" ||
	not_ok "the advisors of a 自立 meeting, in the table"
carecal plan --fy 2022 --like 2021 >"$TMP/plan2.txt" 2>&1
cmp -s "$TMP/plan1.txt" "$TMP/plan2.txt" &&
	ok "deterministic: two runs print the same bytes" ||
	not_ok "deterministic: two runs print the same bytes"
carecal plan --fy 2022 --format csv >"$TMP/plan1.csv" 2>"$TMP/notes1"
carecal plan --fy 2022 --format csv >"$TMP/plan2.csv" 2>"$TMP/notes2"
cmp -s "$TMP/plan1.csv" "$TMP/plan2.csv" &&
	cmp -s "$TMP/notes1" "$TMP/notes2" &&
	ok "deterministic: CSV and notes the same twice" ||
	not_ok "deterministic: CSV and notes the same twice"
same_text "the CSV (--like defaults to the year before)" \
	"$TESTS_SRCDIR/cli/expected/plan-r4.csv" "$TMP/plan1.csv"
contains "CSV: the notes on standard error" "$TMP/notes1" \
	"carecal: 馬橋西 個別: $(L "令和4年9月23日(金) is a national holiday (秋分の日); moved to 令和4年9月30日(金)" \
	"令和4年9月23日(金)は祝日（秋分の日）のため、令和4年9月30日(金)に移しました")"

# every drafted day a working day, and 108 rows
drafted=$(tail -n +2 "$TMP/plan1.csv" | wc -l)
[ "$drafted" -eq 108 ] && ok "the CSV has the 108 drafts" ||
	not_ok "the CSV has the 108 drafts ($drafted)"

# ---- applied, then checked ----
expect_status "plan --apply: exit 0" 0 carecal plan --fy 2022 --apply
contains "apply says what it added, and how to undo" "$TMP/out" \
	"$(L "added 108 planned meetings and 45 advisors' bookings to 令和4年度, as one action ('carecal undo' takes it back)" \
	"令和4年度に予定の会議 108 件と専門職の手配 45 件を一つの操作として追加しました（'carecal undo' で取り消せます）")"
after=$(count)
[ "$after" -eq $((before + 108)) ] &&
	ok "108 meetings added ($before -> $after)" ||
	not_ok "108 meetings added ($before -> $after)"
carecal list --fy 2022 --format csv | tail -n +2 >"$TMP/r4.csv"
[ "$(grep -c ',planned,' "$TMP/r4.csv")" -eq 108 ] &&
	ok "all of them planned (予定)" || not_ok "all of them planned (予定)"
carecal check --fy 2022 --format csv >"$TMP/check.csv"
if grep -E '^(target-low|target-high|non-working-day|clash|window-overlap|window-gap|advisor-clash|advisor-unavailable),' \
    "$TMP/check.csv" >"$TMP/bad"; then
	not_ok "check --fy 2022: no target, day-off, clash, window or advisor finding"
	sed 's/^/#   /' "$TMP/bad" | head
else
	ok "check --fy 2022: no target, day-off, clash, window or advisor finding"
fi
CARECAL_TODAY=2022-04-01 carecal check --fy 2022 --format csv \
    >"$TMP/check2.csv"
lacks "in April every summoned profession of the first 60 days is booked" \
	"$TMP/check2.csv" "advisor-missing"

# the weekday of last year: each R3 meeting of a center and type has an
# R4 one of the same center and type in its month on its weekday, and
# on its very week (第n曜日) unless that day is a holiday or closed
carecal holidays 2022 >"$TMP/hol"
carecal holidays 2023 >>"$TMP/hol"
carecal list --fy 2021 --format csv | tail -n +2 >"$TMP/r3.csv"
awk -F, '
function wday(y, m, d) {	# 0 Sunday (Zeller)
	if (m < 3) { m += 12; y-- }
	w = d + int(13 * (m + 1) / 5) + y + int(y / 4) - int(y / 100)
	return (w + int(y / 400) + 6) % 7
}
function mdays(y, m) {
	if (m == 2) {
		if (y % 4 == 0 && (y % 100 != 0 || y % 400 == 0))
			return 29
		return 28
	}
	if (m == 4 || m == 6 || m == 9 || m == 11)
		return 30
	return 31
}
FILENAME ~ /hol$/ { off[$1] = 1; next }
{ split($3, d, "-"); y = d[1] + 0; m = d[2] + 0; day = d[3] + 0 }
FILENAME ~ /r3.csv$/ {
	n++; key[n] = $6 "," $7; yy[n] = y + 1; mm[n] = m
	wd[n] = wday(y, m, day); nth[n] = int((day - 1) / 7) + 1
	next
}
{ have[$6 "," $7 "," y "," m "," wday(y, m, day)] = 1
  at[$6 "," $7 "," $3] = 1 }
END {
	for (i = 1; i <= n; i++) {
		if (!have[key[i] "," yy[i] "," mm[i] "," wd[i]]) {
			print "weekday lost: " key[i] " " yy[i] "-" mm[i]
			continue
		}
		first = (wd[i] - wday(yy[i], mm[i], 1) + 7) % 7 + 1
		dd = first + 7 * (nth[i] - 1)
		while (dd > mdays(yy[i], mm[i])) dd -= 7
		ds = sprintf("%04d-%02d-%02d", yy[i], mm[i], dd)
		closed = off[ds] || (mm[i] == 12 && dd >= 29) ||
		    (mm[i] == 1 && dd <= 3)
		if (!closed && !at[key[i] "," ds])
			print "week lost: " key[i] " " ds
		kept++
	}
	print "checked " kept
}' FS='[ ,]' "$TMP/hol" FS=, "$TMP/r3.csv" "$TMP/r4.csv" >"$TMP/rhythm"
if grep -q lost "$TMP/rhythm"; then
	not_ok "each center-type keeps last year's weekday and week"
	sed 's/^/#   /' "$TMP/rhythm" | head
else
	contains "each center-type keeps last year's weekday and week" \
		"$TMP/rhythm" "checked 104"
fi

# ---- a second plan adds nothing; undo takes all back ----
expect_status "a second plan --apply: exit 0" 0 \
	carecal plan --fy 2022 --apply
contains "it says there is nothing to add" "$TMP/out" \
	"$(L "nothing to add: 令和4年度 has every meeting the plan wants" \
	"追加するものはありません: 令和4年度には計画に必要な会議がすべてあります")"
[ "$(count)" -eq "$after" ] && ok "the second plan added nothing" ||
	not_ok "the second plan added nothing ($(count))"
expect_status "undo: exit 0" 0 carecal undo
contains "undo names the plan and its bookings" "$TMP/out" \
	"plan --fy 2022 --apply"
[ "$(count)" -eq "$before" ] &&
	ok "one undo takes the whole draft back ($(count))" ||
	not_ok "one undo takes the whole draft back ($(count))"
carecal list --advisor "上野 恵" --fy 2022 >"$TMP/ueno"
lacks "and the draft's bookings with it" "$TMP/ueno" "令和4年"

# ---- a plan that fills what is missing ----
run carecal add --type suishin --center 明第1 --date 2022-05-26
expect_status "plan after a meeting was added by hand" 0 \
	carecal plan --fy 2022 --center 明第1 --format csv
grep -c ',明第1,suishin,' "$TMP/out" >"$TMP/n" || :
[ "$(cat "$TMP/n")" -eq 1 ] &&
	ok "a stored meeting counts: one 推進 left for 明第1" ||
	not_ok "a stored meeting counts: one 推進 left for 明第1 ($(cat "$TMP/n"))"
lacks "--center: no other center" "$TMP/out" ",明第2西,"
lacks "--center: no city-level meeting" "$TMP/out" ",city,"
run carecal undo

# ---- advisors: none free, none at all ----
run carecal advisor edit "石田 真由美" --unavailable 2022-09-01..2022-09-30
carecal plan --fy 2022 >"$TMP/sep.txt"
contains "no 管理栄養士 free in September: said" "$TMP/sep.txt" \
	"$(L "小金 自立: no free 管理栄養士 on 令和4年9月13日(火)" \
	"小金 自立: 令和4年9月13日(火)に空いている管理栄養士がいません")"
run carecal plan --fy 2022 --apply
CARECAL_TODAY=2022-08-01 carecal check --fy 2022 --format csv \
    >"$TMP/check3.csv"
contains "check finds the profession missing" "$TMP/check3.csv" \
	"advisor-missing,小金,jiritsu,2022-09-13"
lacks "and no advisor booked when unavailable" "$TMP/check3.csv" \
	"advisor-unavailable"
run carecal undo
run carecal advisor retire "上野 恵"
carecal plan --fy 2022 >"$TMP/retired.txt"
contains "a retired advisor is not booked, and that is said once" \
	"$TMP/retired.txt" "$(L "自立: no advisor is a 歯科衛生士: none booked (carecal advisor add)" \
	"自立: 歯科衛生士の専門職が登録されていません。手配していません（carecal advisor add）")"
lacks "retired: 上野 恵 booked for nothing" "$TMP/retired.txt" "上野 恵"

# one center a day: an advisor never at two centers on one day
cp "$TMP/demo.db" "$DB"
rm -f "$DB-wal" "$DB-shm"
run carecal config advisor-day one-center
run carecal plan --fy 2022 --apply
carecal check --fy 2022 --format csv >"$TMP/check4.csv"
lacks "advisor-day one-center: no advisor clash" "$TMP/check4.csv" \
	"advisor-clash"

# ---- usage errors change nothing ----
hash=$(db_hash)
check_error "no --fy: exit 2" 2 "--fy" carecal plan
check_error "a bad --format: exit 2" 2 "xml" \
	carecal plan --fy 2022 --format xml
check_error "--like the same year: exit 2" 2 "--like" \
	carecal plan --fy 2022 --like 2022
check_error "an unknown --center: exit 2" 2 "--center" \
	carecal plan --fy 2022 --center 存在しない --apply
check_error "a bad --fy: exit 2" 2 "--fy" carecal plan --fy R99x --apply
[ "$(db_hash)" = "$hash" ] && ok "none of them changed the database" ||
	not_ok "none of them changed the database"

# ---- README's spring workflow, as written, on the demo ----
awk '/^## The spring workflow/ { s = 1 }
    s && /^```sh/ { b = 1; next }
    b && /^```/ { exit }
    b' "$TESTS_SRCDIR/../README.md" >"$TMP/spring.sh"
mkdir "$TMP/spring"
cp "$TMP/demo.db" "$TMP/spring/r3.db"
: >"$TMP/spring.fail"
(
	cd "$TMP/spring" || exit 1
	carecal()
	{
		"$CARECAL" "$@" || echo "carecal $*" >>"$TMP/spring.fail"
	}
	. "$TMP/spring.sh"
) >"$TMP/spring.out" 2>&1
n=$(grep -c '^carecal' "$TMP/spring.sh")
if [ "$n" -ge 5 ] && [ ! -s "$TMP/spring.fail" ]; then
	ok "README's spring workflow runs ($n commands)"
else
	not_ok "README's spring workflow runs ($n commands)"
	sed 's/^/#   /' "$TMP/spring.fail" | head
fi
contains "and its check finds nothing" "$TMP/spring.out" \
	"$(L "0 findings" "指摘 0 件")"
[ -s "$TMP/spring/r4-draft.csv" ] && [ -n "$(ls "$TMP/spring/ics-r4")" ] &&
	ok "the draft CSV and the calendars are written" ||
	not_ok "the draft CSV and the calendars are written"

done_testing
