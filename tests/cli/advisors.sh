#!/bin/sh
#
# advisors.sh -- the advisors (専門職) and their bookings: advisor add,
# edit, list, retire; assign and unassign (one action each, refused when
# the advisor cannot come, unless --force); undo takes a booking back, a
# deletion undone brings its bookings back, and an undo that would
# overwrite someone else's later booking is refused; history shows them;
# list and export --advisor (an advisor's calendar has no case data);
# the three advisor findings of check, the horizon and advisor-day
# settings; and the scheduling options of type add and edit.

srcdir=${TESTS_SRCDIR:-$(dirname "$0")/..}
. "$srcdir/lib.sh"
need_tool sqlite3 sqlite3

run()
{
	"$@" >"$TMP/setup.out" 2>"$TMP/setup.err" || {
		echo "Bail out! set-up failed: $*"
		sed 's/^/# /' "$TMP/setup.err"
		exit 1
	}
}

run carecal init
export CARECAL_TODAY=2021-09-01

# ---- advisor add, list, edit, retire ----
check "advisor add with every field" carecal advisor add "青木 陽子" \
	--profession 理学療法士 --affiliation "松戸リハビリ病院" \
	--contact 047-000-0001 --weekdays 月火水木金 \
	--unavailable 2021-09-21..2021-09-23,R3.10.5
check "advisor add, English weekdays" carecal advisor add 石田 \
	--profession 管理栄養士 --weekdays mon-fri
check "advisor add, one weekday" carecal advisor add 上野 \
	--profession 歯科衛生士 --weekdays 火
carecal advisor list >"$TMP/list"
contains "list: name, profession, weekdays, affiliation, contact" \
	"$TMP/list" "青木 陽子  理学療法士  月火水木金      松戸リハビリ病院  047-000-0001"
contains "the dates unavailable, runs as FROM～TO, in Japanese" "$TMP/list" \
	"$(L unavailable: 都合のつかない日:) 令和3年9月21日(火)～令和3年9月23日(木), 令和3年10月5日(火)"
contains "mon-fri is 月火水木金" "$TMP/list" "石田       管理栄養士  月火水木金"

hash=$(db_hash)
check_error "add without --profession: exit 2" 2 \
	"$(L "add needs --profession" "add には --profession が必要です")" \
	carecal advisor add 名無し
check_error "add of a name that exists: exit 2" 2 \
	"$(L "an advisor named '石田' exists already" "「石田」という専門職はすでにいます")" \
	carecal advisor add 石田 --profession 医師
check_error "bad weekdays: exit 2, naming them" 2 "月x" \
	carecal advisor add 佐藤 --profession 医師 --weekdays 月x
check_error "a date that is none: exit 2" 2 "2021-02-30" \
	carecal advisor add 佐藤 --profession 医師 --unavailable 2021-02-30
check_error "a profession with '|': exit 2" 2 "医師|薬剤師" \
	carecal advisor add 佐藤 --profession '医師|薬剤師'
esc=$(printf '\033[2J')
check_error "a control character in a name: exit 2, shown escaped" 2 \
	'\x1b[2J' carecal advisor add "悪$esc" --profession 医師
[ "$(db_hash)" = "$hash" ] && ok "none of them changed the database" ||
	not_ok "none of them changed the database"

check "edit adds dates unavailable, takes one off, clears the contact" \
	carecal advisor edit "青木 陽子" --unavailable 2021-11-02 \
	--available 2021-09-22 --contact ''
carecal advisor list >"$TMP/list"
contains "the dates as edited" "$TMP/list" \
	"令和3年9月21日(火), 令和3年9月23日(木), 令和3年10月5日(火), 令和3年11月2日(火)"
lacks "the contact is gone" "$TMP/list" "047-000-0001"
check "retire" carecal advisor retire 上野
carecal advisor list | grep '^上野' >"$TMP/one"
contains "a retired advisor is marked" "$TMP/one" "$(L "(retired)" "(廃止)")"
carecal advisor list --profession 管理栄養士 >"$TMP/one"
[ "$(wc -l <"$TMP/one")" -eq 1 ] && contains "list --profession" \
	"$TMP/one" 石田 || not_ok "list --profession"
check_error "edit of an unknown advisor: exit 2" 2 \
	"$(L "no advisor named '誰'" "「誰」という専門職はいません")" \
	carecal advisor edit 誰 --profession 医師

# ---- assign and unassign ----
# 1: 自立 at 明第1, Tuesday 2021-09-14 13:30 with no end (90 minutes)
# 2: 個別 at 小金 the same day 14:00-15:00; 3: 個別 at 小金 at 16:00
add()
{
	run carecal add "$@"
}
add --type jiritsu --center 明第1 --date 2021-09-14 --start 13:30
add --type kobetsu --center 小金 --date 2021-09-14 --start 14:00 --end 15:00
add --type kobetsu --center 小金 --date 2021-09-14 --start 16:00 --end 17:00
check "assign two advisors to meeting 1 at once" carecal assign 1 \
	"青木 陽子" 石田
[ ! -s "$TMP/check.out" ] && ok "silently" || not_ok "silently"
hash=$(db_hash)
check_error "assign at a time the advisor is at another meeting: exit 2" 2 \
	"$(L "is booked for meeting 1 (明第1 自立支援型個別ケア会議) at that time" \
	"はその時間に会議 1 (明第1 自立支援型個別ケア会議) に手配済です")" \
	carecal assign 2 石田
contains "says --force books anyway" "$TMP/err" "--force"
check_error "assign of a retired advisor: exit 2" 2 \
	"$(L "上野 (歯科衛生士) is retired" "上野 (歯科衛生士) は退任しています")" \
	carecal assign 1 上野
check_error "assign twice: exit 2" 2 \
	"$(L "booked for meeting 1 already" "会議 1 にすでに手配されています")" \
	carecal assign 1 石田
check_error "assign to no meeting: exit 2" 2 \
	"$(L "no meeting with id 99" "ID 99 の会議はありません")" \
	carecal assign 99 石田
check_error "unassign of one not booked: exit 2" 2 \
	"$(L "not booked for meeting 3" "会議 3 に手配されていません")" \
	carecal unassign 3 石田
[ "$(db_hash)" = "$hash" ] && ok "the refused ones changed nothing" ||
	not_ok "the refused ones changed nothing"
expect_status "assign --force: booked all the same" 0 carecal assign 2 \
	石田 --force
contains "with a warning" "$TMP/err" "$(L "warning:" "注意:")"
check "assign 3 青木 陽子" carecal assign 3 "青木 陽子"

carecal list --advisor 石田 --format csv | tail -n +2 | cut -d, -f1 \
	>"$TMP/ids"
[ "$(tr '\n' ' ' <"$TMP/ids")" = "1 2 " ] &&
	ok "list --advisor: the meetings of the advisor" ||
	not_ok "list --advisor: got $(tr '\n' ' ' <"$TMP/ids")"
check_error "list --advisor of nobody: exit 2" 2 "誰" \
	carecal list --advisor 誰

# ---- check ----
carecal check --fy 2021 --format csv >"$TMP/check.csv"
grep '^advisor-clash,' "$TMP/check.csv" >"$TMP/clash"
[ "$(wc -l <"$TMP/clash")" -eq 1 ] && contains "advisor-clash: 石田 at 1 and 2" \
	"$TMP/clash" "advisor-clash,小金,kobetsu,2021-09-14,2021,2 1," ||
	not_ok "advisor-clash: 石田 at 1 and 2"
grep '^advisor-missing,' "$TMP/check.csv" >"$TMP/missing"
contains "advisor-missing: meeting 1 lacks its 歯科衛生士" "$TMP/missing" \
	"advisor-missing,明第1,jiritsu,2021-09-14,2021,1,"
contains "naming what is missing" "$TMP/missing" \
	"$(L "no 歯科衛生士 booked yet" "歯科衛生士 がまだ手配されていません")"
check "config horizon 10" carecal config horizon 10
carecal check --fy 2021 --format csv >"$TMP/check.csv"
lacks "beyond the horizon: not missing yet" "$TMP/check.csv" advisor-missing
check_error "config horizon 400: exit 2" 2 "400" carecal config horizon 400
check "config horizon 60" carecal config horizon 60
# 青木 is unavailable on 10/5: booked all the same
add --type jiritsu --center 小金 --date 2021-10-05
expect_status "assign on a date unavailable, --force" 0 carecal assign 4 \
	"青木 陽子" 石田 --force
carecal check --fy 2021 --format csv >"$TMP/check.csv"
contains "advisor-unavailable" "$TMP/check.csv" \
	"advisor-unavailable,小金,jiritsu,2021-10-05,2021,4,"
run carecal undo
# 2 and 3 do not overlap (15:00, 16:00): one center a day makes 3 a clash
run carecal unassign 2 石田
run carecal assign 3 石田
carecal check --fy 2021 --format csv >"$TMP/check.csv"
lacks "one center a day is not the default" "$TMP/check.csv" advisor-clash
check "config advisor-day one-center" carecal config advisor-day one-center
carecal check --fy 2021 --format csv >"$TMP/check.csv"
contains "then two centers on one day clash" "$TMP/check.csv" \
	"advisor-clash,小金,kobetsu,2021-09-14,2021,3 1,"
check_error "config advisor-day sometimes: exit 2" 2 "sometimes" \
	carecal config advisor-day sometimes
run carecal config advisor-day any

# ---- undo and history ----
count_booked()
{
	carecal list --advisor "$1" --format csv | tail -n +2 | wc -l
}
n=$(count_booked 石田)
check "unassign 3 石田" carecal unassign 3 石田
[ "$(count_booked 石田)" -eq $((n - 1)) ] && ok "one booking fewer" ||
	not_ok "one booking fewer"
expect_status "undo" 0 carecal undo
contains "says it took a booking back" "$TMP/out" \
	"$(L "advisors' bookings taken back: 1" "取り消した専門職の手配: 1")"
[ "$(count_booked 石田)" -eq "$n" ] && ok "the booking is back" ||
	not_ok "the booking is back"
expect_status "undo --dry-run of the assign before" 0 carecal undo --dry-run
contains "names it" "$TMP/out" "assign 3 石田"
contains "would take a booking back" "$TMP/out" \
	"$(L "advisors' bookings to take back: 1" "取り消す専門職の手配: 1")"

# a deleted meeting takes its bookings; the deletion undone brings them
check "delete meeting 1" carecal delete 1
[ "$(count_booked "青木 陽子")" -eq 1 ] && ok "its bookings went with it" ||
	not_ok "its bookings went with it"
check "undo the deletion" carecal undo
carecal list --advisor "青木 陽子" --format csv | tail -n +2 | cut -d, -f1 \
	>"$TMP/ids"
[ "$(tr '\n' ' ' <"$TMP/ids")" = "1 3 " ] &&
	ok "meeting 1 is back with its booking" ||
	not_ok "meeting 1 is back with its booking: $(tr '\n' ' ' <"$TMP/ids")"

carecal history 2 | sed 's/  */ /g' >"$TMP/history"
contains "history shows a booking" "$TMP/history" \
	" 2 $(L booked 手配) 石田 (管理栄養士)"
contains "and its taking back" "$TMP/history" \
	" 2 $(L unbooked 手配取消) 石田 (管理栄養士)"
contains "under its command" "$TMP/history" "unassign 2 石田"

# someone else takes a booking off afterwards: my undo would put it back
check "assign 4 石田" carecal assign 4 石田
sqlite3 "$DB" "BEGIN IMMEDIATE;
    INSERT INTO actions (at, login, command) VALUES
    (strftime('%Y-%m-%d %H:%M:%f', 'now'), 'tanaka', 'unassign 4 石田');
    DELETE FROM assignments WHERE meeting_id = 4;
    COMMIT;"
hash=$(db_hash)
check_error "undo over someone else's later change: exit 1" 1 \
	"$(L "was changed afterwards by tanaka" "tanaka")" carecal undo
[ "$(db_hash)" = "$hash" ] && ok "and nothing was undone" ||
	not_ok "and nothing was undone"

# ---- an advisor's own calendar ----
run carecal edit 1 --note "秘密のメモ" --cases 3
carecal export >"$TMP/all.ics"
contains "the office's calendar has the cases" "$TMP/all.ics" "X-CARECAL-CASES:3"
expect_status "export --advisor" 0 carecal export --advisor "青木 陽子"
cp "$TMP/out" "$TMP/advisor.ics"
[ "$(grep -c '^BEGIN:VEVENT' "$TMP/advisor.ics")" -eq 2 ] &&
	ok "the advisor's meetings only" || not_ok "the advisor's meetings only"
contains "named after the advisor" "$TMP/advisor.ics" \
	"X-WR-CALNAME:松戸市 地域ケア会議 青木 陽子"
lacks "no cases" "$TMP/advisor.ics" "CASES"
lacks "no case count in the description" "$TMP/advisor.ics" "事例数"
lacks "no note" "$TMP/advisor.ics" "秘密"
check_error "export --advisor --include-notes: exit 2" 2 "--include-notes" \
	carecal export --advisor "青木 陽子" --include-notes

# ---- types: how they are scheduled ----
check "type add with its scheduling" carecal type add yoshien \
	--name 要支援ケアカンファレンス --short 要支援 --target 12 --cases \
	--length 1.5h --capacity 3 --lecture --cadence monthly \
	--summons '医師、歯科医師|歯科医, 薬剤師'
carecal type list | grep '^yoshien' >"$TMP/type"
contains "type list shows them" "$TMP/type" \
	"$(L "90 min  3 cases + lecture  monthly  (summons 医師,歯科医師|歯科医,薬剤師)" \
	"90 分  ミニ講義+3 事例  毎月  (招集 医師,歯科医師|歯科医,薬剤師)")"
check "type edit --length - --no-lecture --cadence ad-hoc --summons -" \
	carecal type edit yoshien --length - --no-lecture --cadence ad-hoc \
	--summons -
carecal type list | grep '^yoshien' >"$TMP/type"
contains "as changed" "$TMP/type" "$(L "  3 cases  ad hoc" "  3 事例  随時")"
lacks "no summons left" "$TMP/type" "$(L summons 招集)"
check_error "a length that is none: exit 2" 2 "1.5" \
	carecal type edit yoshien --length 1.5
check_error "capacity on a type that counts no cases: exit 2" 2 \
	"$(L "does not count cases" "事例数を数えません")" \
	carecal type edit suishin --capacity 2

done_testing
