#!/bin/sh
# cases.sh -- `carecal case`: the cases a meeting discussed, by the
# secretariat's reference and stage (Ikoma's 初回, 中間, 終了前), on a
# test profile with followup lines (issue 17): what may be recorded
# where and in which order, the meeting's 事例数 as the count of its
# references, undo, the follow-ups that fall due (case list --due) and
# the check followup-due, the intervals from the profile and config.
# Hostile references are in cases-hostile.sh, the summary by stage in
# cases-summary.sh.
. "$TESTS_SRCDIR/lib.sh"

need_tool sqlite3 sqlite3
export CARECAL_TODAY=2021-07-01

sql()
{
	sqlite3 "$DB" "$1"
}

cases_of()
{
	sql "SELECT coalesce(cases, '-') FROM meetings WHERE id = $1"
}

# A city with Ikoma's formats: individual cases, dementia, regional
# issues (no cases); follow-ups a month and three months after the 初回,
# also at the dementia format's meetings.
cat >"$TMP/ikoma-test.txt" <<'EOF'
city	生駒市
type	kobetsu	個別ケース会議	個別	regional	-	-	cases
type	ninchi	認知症ケース会議	認知症	regional	-	-	cases
type	chiiki	地域課題検討会議	地域	regional	-	-	-
center	北
center	南
# 初回の目標は「1カ月後」: 中間は1カ月後、終了前は3か月後
followup	中間	1カ月
followup	final	3m
followup	types	ninchi
EOF
check "init with a profile's followup lines" \
	carecal init --profile "$TMP/ikoma-test.txt"
expect_status "config shows the profile's intervals" 0 carecal config
contains "followup-interim 1m" "$TMP/out" "followup-interim  1m"
contains "followup-final 3m" "$TMP/out" "followup-final    3m"
contains "followup-types ninchi" "$TMP/out" "followup-types    ninchi"

add()
{
	carecal add "$@" 2>"$TMP/add.err" || {
		echo "Bail out! add $*: $(cat "$TMP/add.err")"
		exit 1
	}
}
A=$(add --type kobetsu --center 北 --date 2021-07-27 --status held --cases 2)
B=$(add --type kobetsu --center 北 --date 2021-08-24)
C=$(add --type kobetsu --center 北 --date 2021-10-26)
D=$(add --type ninchi --center 北 --date 2021-08-10)
E=$(add --type kobetsu --center 南 --date 2021-08-05)
F=$(add --type chiiki --center 北 --date 2021-08-03)
G=$(add --type kobetsu --center 北 --date 2021-09-14 --status cancelled)
H=$(add --type kobetsu --center 南 --date 2021-07-20 --status held --cases 3)

# ---- recording cases, and the meeting's 事例数 ----
expect_status "case add 2021-015 --stage 初回" 0 \
	carecal case add 2021-015 --meeting "$A" --stage 初回
[ ! -s "$TMP/out" ] && ok "says nothing on standard output" ||
	not_ok "says nothing on standard output"
contains "but that the typed 事例数 gives way to the references" "$TMP/err" \
	"$(L "meeting $A had 2 cases as typed; with case references recorded its number of cases is their count, now 1" \
	"会議 $A の事例数は 2 と入力されていましたが、事例番号を記録すると事例数はその件数になります (いまは 1)")"
[ "$(cases_of "$A")" = 1 ] && ok "the meeting's 事例数 is 1" ||
	not_ok "the meeting's 事例数 is 1: $(cases_of "$A")"
expect_status "a second case, as initial" 0 \
	carecal case add r3-016 --meeting "$A" --stage initial
[ ! -s "$TMP/err" ] && ok "no warning once references count" ||
	not_ok "no warning once references count: $(cat "$TMP/err")"
[ "$(cases_of "$A")" = 2 ] && ok "the 事例数 is 2" ||
	not_ok "the 事例数 is 2: $(cases_of "$A")"
[ "$(sql "SELECT ref FROM case_reviews WHERE ref LIKE 'R3%'")" = R3-016 ] &&
	ok "a reference is kept in capitals (r3-016 is R3-016)" ||
	not_ok "a reference is kept in capitals"
expect_status "a 中間 as 中間会議" 0 \
	carecal case add 2021-015 --meeting "$B" --stage 中間会議
[ "$(sql "SELECT version, sequence FROM meetings WHERE id = $B")" = "2|1" ] &&
	ok "each reference changes its meeting (version, SEQUENCE)" ||
	not_ok "each reference changes its meeting: $(sql \
	"SELECT version, sequence FROM meetings WHERE id = $B")"
expect_status "history of the meeting" 0 carecal history "$A"
contains "shows the action and the count" "$TMP/out" \
	"case add 2021-015 --meeting $A --stage 初回"
contains "as a change of cases" "$TMP/out" "$(L "cases   2 → 1" "事例数    2 → 1")"

check_output "case list" 0 "$(expected_file cases-list.txt)" \
	"$CARECAL" case list
check_output "case list --due" 0 "$(expected_file cases-due.txt)" \
	"$CARECAL" case list --due
expect_status "case list R3-016" 0 carecal case list R3-016
lacks "one case only" "$TMP/out" 2021-015
contains "that case" "$TMP/out" R3-016
expect_status "case list --center 南" 0 carecal case list --center 南
contains "none at 南" "$TMP/out" "$(L "0 reviews of 0 cases" "記録 0 件 (事例 0 件)")"
expect_status "case list --fy 2022" 0 carecal case list --due --fy 2022
contains "no follow-up due in 2022" "$TMP/out" \
	"$(L "0 follow-ups, 0 with no meeting" "フォローアップ 0 件")"

# ---- what may not be recorded ----
hash=$(db_hash)
actions=$(sql "SELECT count(*) FROM actions")
refused()
{
	what=$1
	message=$2
	shift 2
	check_error "$what" 2 "$message" carecal case "$@"
}
refused "a second 初回" "$(L "case 2021-015 already has its 初回" \
	"事例 2021-015 の初回はすでに記録されています")" \
	add 2021-015 --meeting "$C" --stage 初回
refused "the case twice at one meeting" "$(L \
	"case 2021-015 is already recorded at meeting $A, as its 初回" \
	"事例 2021-015 は会議 $A にすでに初回として記録されています")" \
	add 2021-015 --meeting "$A" --stage 中間
refused "a 中間 before its 初回" "$(L "its 中間 must come after its 初回" \
	"中間は、初回")" add R3-016 --meeting "$H" --stage interim
refused "a type that counts no cases" "$(L "which does not count cases" \
	"事例数を数えない種別です")" add 2021-030 --meeting "$F" --stage 初回
refused "a cancelled meeting" "$(L "meeting $G is cancelled" \
	"会議 $G は中止です")" add 2021-030 --meeting "$G" --stage 初回
refused "no such meeting" "$(L "no meeting with id 999" \
	"ID 999 の会議はありません")" add 2021-030 --meeting 999 --stage 初回
refused "a stage that is none" "$(L "invalid stage '二回目'" "段階「二回目」")" \
	add 2021-030 --meeting "$B" --stage 二回目
refused "no --stage" "--meeting ID" add 2021-030 --meeting "$B"
refused "no --meeting" "--meeting ID" add 2021-030 --stage 初回
refused "a meeting id that is none" "$(L "'x1' is not a meeting id" x1)" \
	add 2021-030 --meeting x1 --stage 初回
refused "removing a case not recorded" "$(L \
	"case 2021-099 is not recorded at any meeting" \
	"事例 2021-099 はどの会議にも記録されていません")" remove 2021-099
refused "removing a case at two meetings without --meeting" "$(L \
	"case 2021-015 is recorded at meetings $A, $B: say which with --meeting" \
	"事例 2021-015 は会議 $A, $B に記録されています")" remove 2021-015
refused "list with two references" "$(L \
	"list takes at most one case reference" \
	"list に指定できる事例番号は 1 つまでです")" list 2021-015 2021-016
check_error "edit --cases of a meeting with references" 2 "$(L \
	"meeting $A has 2 case references: its number of cases is their count, 2" \
	"会議 $A には事例番号が 2 件記録されています: 事例数はその件数 2 です")" \
	carecal edit "$A" --cases 5
check_error "edit --cases '' of it" 2 "$(L "its number of cases is their count" \
	"事例数はその件数")" carecal edit "$A" --cases ''
check_error "deleting a meeting with references" 2 "$(L \
	"meeting $A has 2 case references: remove them first" \
	"会議 $A には事例番号が 2 件記録されています: 先に取り消す")" \
	carecal delete "$A"
carecal list --format csv >"$TMP/all.csv"
awk -F, -v OFS=, -v id="$A" '$1 == id { $10 = 7 } { print }' "$TMP/all.csv" \
    >"$TMP/seven.csv"
check_error "an import giving it another number" 2 "$(L \
	"seven.csv:3: meeting $A has 2 case references: its number of cases is their count, 2" \
	"seven.csv:3: 会議 $A には事例番号が 2 件記録されています")" \
	carecal import "$TMP/seven.csv"
check_error "case with no action" 2 "$(L "which action?" "操作 (list、add など)")" carecal case
[ "$(db_hash)" = "$hash" ] &&
	[ "$(sql "SELECT count(*) FROM actions")" = "$actions" ] &&
	ok "none of them changed the database or the history" ||
	not_ok "none of them changed the database or the history"
[ "$(cases_of "$A")" = 2 ] && ok "the 事例数 stays 2" ||
	not_ok "the 事例数 stays 2: $(cases_of "$A")"
check "edit --cases with the count itself is fine" carecal edit "$A" --cases 2
check "and editing another field" carecal edit "$A" --venue 会議室A

# warned, and recorded
expect_status "a 終了前 with no 初回" 0 \
	carecal case add 2021-040 --meeting "$C" --stage 終了前
contains "is recorded with a warning" "$TMP/err" "$(L \
	"case 2021-040 has no 初回 recorded: its follow-ups are not scheduled" \
	"事例 2021-040 の初回が記録されていません")"
expect_status "a 中間 at another center" 0 \
	carecal case add R3-016 --meeting "$E" --stage 中間
contains "is recorded with a warning" "$TMP/err" "$(L \
	"case R3-016 had its 初回 at another center (北" \
	"事例 R3-016 の初回は別のセンターでした (北")"
check "case remove R3-016 --meeting (its 中間)" \
	carecal case remove R3-016 --meeting "$E"
check "case delete (an alias)" carecal case delete 2021-040
[ "$(cases_of "$E")" = 0 ] && ok "removing the last leaves 0" ||
	not_ok "removing the last leaves 0: $(cases_of "$E")"

# ---- undo ----
expect_status "a case added to a meeting with 3 typed cases" 0 \
	carecal case add 2021-050 --meeting "$H" --stage 初回
[ "$(cases_of "$H")" = 1 ] && ok "its 事例数 is 1" || not_ok "its 事例数 is 1"
expect_status "undo" 0 carecal undo
contains "undoes the case add" "$TMP/out" "case add 2021-050"
[ "$(cases_of "$H")" = 3 ] && ok "the typed 3 is back" ||
	not_ok "the typed 3 is back: $(cases_of "$H")"
[ "$(sql "SELECT count(*) FROM case_reviews WHERE ref = '2021-050'")" = 0 ] &&
	ok "and the reference is gone" || not_ok "and the reference is gone"
check "case remove 2021-015 --meeting B" \
	carecal case remove 2021-015 --meeting "$B"
[ "$(cases_of "$B")" = 0 ] && ok "B has no case" || not_ok "B has no case"
expect_status "undo the removal" 0 carecal undo
[ "$(sql "SELECT stage FROM case_reviews WHERE ref = '2021-015' AND \
    meeting_id = $B")" = interim ] && ok "the 中間 is back" ||
	not_ok "the 中間 is back"
[ "$(cases_of "$B")" = 1 ] && ok "and B's 事例数 with it" ||
	not_ok "and B's 事例数 with it: $(cases_of "$B")"
expect_status "undo --dry-run names the next action back" 0 \
	carecal undo --dry-run
contains "the delete of 2021-040" "$TMP/out" "case delete 2021-040"

# someone else records a case at the same meeting afterwards: my undo
# would take their count with mine, and refuses
expect_status "another case at A" 0 \
	carecal case add 2021-060 --meeting "$A" --stage 初回
sql "BEGIN IMMEDIATE;
    INSERT INTO actions (at, login, command) VALUES
    (strftime('%Y-%m-%d %H:%M:%f', 'now'), 'tanaka',
    'case add 2021-061 --meeting $A --stage 初回');
    INSERT INTO case_reviews (ref, meeting_id, stage) VALUES
    ('2021-061', $A, 'initial');
    COMMIT;"
[ "$(cases_of "$A")" = 4 ] && ok "their case counts too (4)" ||
	not_ok "their case counts too: $(cases_of "$A")"
hash=$(db_hash)
expect_status "undo of mine is refused" 1 carecal undo
contains "naming who changed the meeting" "$TMP/err" \
	"$(L "was changed afterwards by tanaka" "tanaka")"
[ "$(db_hash)" = "$hash" ] && ok "nothing was undone" ||
	not_ok "nothing was undone"

# ---- the follow-ups that fall due, and the check ----
expect_status "check --fy 2021" 0 carecal check --fy 2021 --format csv
contains "no follow-up lacks a meeting yet" "$TMP/out" \
	"kind,center,type,date,fiscal_year,meetings,message"
lacks "(none is reported)" "$TMP/out" followup-due
check "the 中間 meetings are cancelled" carecal cancel "$B"
check "(and the dementia one)" carecal cancel "$D"
expect_status "check --fy 2021 again" 0 carecal check --fy 2021 --format csv
contains "R3-016's 中間 is reported" "$TMP/out" \
	"followup-due,北,kobetsu,2021-08-27,2021,$A,"
contains "saying which case and stage" "$TMP/out" \
	"$(L "case R3-016: its 中間 is due by 令和3年8月27日(金), and no meeting that can take it is held or planned from 令和3年7月28日(水) to then (初回 on 令和3年7月27日(火))" \
	"事例 R3-016 の中間 (期限 令和3年8月27日(金)) を検討できる会議が、令和3年7月28日(水) から期限までに実施・予定されていません (初回 令和3年7月27日(火))")"
expect_status "check in words" 0 carecal check --fy 2021
contains "as a kind a reader knows" "$TMP/out" \
	"$(L "follow-up due" "フォローアップ期限")"
expect_status "case list --due" 0 carecal case list --due
contains "shows it with no meeting" "$TMP/out" \
	"R3-016    中間    令和3年8月27日(金)"
check "a meeting of the dementia format, named by followup types" \
	carecal add --type ninchi --center 北 --date 2021-08-26
expect_status "check --fy 2021 once more" 0 carecal check --fy 2021 \
	--format csv
lacks "takes the 中間" "$TMP/out" "followup-due,北,kobetsu,2021-08-27"
check "config followup-types -: only the 初回's type" \
	carecal config followup-types -
expect_status "and the check" 0 carecal check --fy 2021 --format csv
contains "reports it again" "$TMP/out" "followup-due,北,kobetsu,2021-08-27"
check "config followup-interim 6w" carecal config followup-interim 6w
expect_status "the 中間 falls due six weeks after" 0 carecal case list --due
contains "on 9/7" "$TMP/out" "R3-016    中間    令和3年9月7日(火)"
check_error "config followup-final 4w: before the 中間" 2 \
	"$(L "the 終了前 (4w after the 初回) must fall due after the 中間 (6w)" \
	"終了前の期限 (初回から 4w) は、中間の期限 (6w) より後でなければなりません")" \
	carecal config followup-final 4w
check_error "config followup-types chiiki: counts no cases" 2 \
	"$(L "地域課題検討会議 does not count cases" "地域課題検討会議 は事例数を数えない種別です")" \
	carecal config followup-types chiiki
check_error "config followup-interim 1y" 2 "$(L "invalid interval '1y'" \
	"間隔「1y」")" carecal config followup-interim 1y

# ---- over-capacity: the type's one capacity (`type --capacity`, a
# profile's capacity line) ----
check "type edit kobetsu --capacity 3" carecal type edit kobetsu --capacity 3
expect_status "a case beyond it" 0 \
	carecal case add 2021-062 --meeting "$A" --stage 初回
contains "is recorded with a warning" "$TMP/err" "$(L \
	"meeting $A will have 5 cases, more than the 3 a meeting of this type takes" \
	"会議 $A の事例数が 5 になり、この種別の 1 回の定員 3 を超えます")"
expect_status "check --fy 2021 with the capacity" 0 \
	carecal check --fy 2021 --format csv
contains "reports over-capacity" "$TMP/out" \
	"over-capacity,北,kobetsu,2021-07-27,2021,$A,"
contains "saying by how much" "$TMP/out" "$(L \
	"5 cases, more than the 3 a meeting of this type takes" \
	"事例数 5 は、この種別の 1 回の定員 3 を超えています")"
check "type edit kobetsu --capacity -" carecal type edit kobetsu --capacity -
expect_status "check --fy 2021 without it" 0 \
	carecal check --fy 2021 --format csv
lacks "no capacity, no finding" "$TMP/out" over-capacity
check "init --profile toyoake (capacity 4 and 3 with a lecture)" \
	carecal --db "$TMP/toyoake.db" init --profile toyoake
check "a 要介護 conference with 4 cases" carecal --db "$TMP/toyoake.db" add \
	--type yokaigo --center 豊明市 --date 2021-06-17 --status held --cases 4
check "a 要支援 one with 4" carecal --db "$TMP/toyoake.db" add \
	--type yoshien --center 豊明市 --date 2021-06-10 --status held --cases 4
expect_status "check the Toyoake year" 0 \
	carecal --db "$TMP/toyoake.db" check --fy 2021 --format csv
contains "the 要介護 one is over its 3" "$TMP/out" \
	"over-capacity,豊明市,yokaigo,2021-06-17,"
lacks "the 要支援 one is within its 4" "$TMP/out" \
	"over-capacity,豊明市,yoshien"

# ---- undo --action names a case action ----
expect_status "a case at H" 0 \
	carecal case add 2021-070 --meeting "$H" --stage 初回
N=$(sql "SELECT max(id) FROM actions")
expect_status "undo --action $N" 0 carecal undo --action "$N"
contains "takes it back" "$TMP/out" "case add 2021-070"
[ "$(cases_of "$H")" = 3 ] &&
	[ "$(sql "SELECT count(*) FROM case_reviews WHERE ref = '2021-070'")" = 0 ] &&
	ok "the reference is gone, H's typed 3 back" ||
	not_ok "the reference is gone, H's typed 3 back: $(cases_of "$H")"

# ---- a profile's followup lines, refused with file and line ----
bad_profile()
{
	what=$1
	line=$2
	message=$3
	sed "s/^followup	types	ninchi\$/$line/" "$TMP/ikoma-test.txt" \
	    >"$TMP/bad.txt"
	check_error "$what" 2 "$message" \
	    carecal --db "$TMP/bad.db" init --profile "$TMP/bad.txt"
	[ ! -e "$TMP/bad.db" ] && ok "$what: no database made" ||
		not_ok "$what: no database made"
}
bad_profile "a profile's interval in years" "followup	interim	1年" \
	"bad.txt:10: $(L "invalid interval '1年'" "間隔「1年」")"
bad_profile "a profile's unknown stage" "followup	second	1m" \
	"bad.txt:10: followup:$(L " 'second' is not" "「second」は")"
bad_profile "a profile's type that is none" "followup	types	nosuch" \
	"bad.txt: followup: $(L "invalid types 'nosuch': there is no type 'nosuch'" \
	"種別「nosuch」が正しくありません")"
bad_profile "a profile's 終了前 before its 中間" "followup	final	2w" \
	"bad.txt: followup: $(L "the 終了前 (2w after the 初回) must fall due after the 中間 (1m)" \
	"終了前の期限 (初回から 2w) は、中間の期限 (1m) より後")"

# ---- the command's help ----
expect_status "case --help" 0 carecal case --help
cp "$TMP/out" "$TMP/help"
expect_status "case -h" 0 carecal case -h
cmp -s "$TMP/out" "$TMP/help" && ok "case -h is case --help" ||
	not_ok "case -h is case --help"
contains "the grammar of a reference" "$TMP/help" "$(L \
	"1-16 half-width digits and letters A-Z" "半角の")"
expect_status "case add --help is case's" 0 carecal case add --help
cmp -s "$TMP/out" "$TMP/help" && ok "the same help" || not_ok "the same help"

done_testing
