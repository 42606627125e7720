#!/bin/sh
# history.sh -- `carecal history`, `undo` and `restore-meeting` on the
# demo: what each change shows, undo going back one action at a time (a
# whole import at once) until the data is as before, deleted meetings
# listed and brought back under their id and UID.
. "$TESTS_SRCDIR/lib.sh"

EXPECTED=$TESTS_SRCDIR/cli/expected
login=$(id -un)
# times and the login vary from run to run
normalize()
{
	sed -E -e 's/[0-9-]{10} [0-9]{2}:[0-9]{2}:[0-9]{2}/TIME/g' \
	    -e "s/  $login( +)/  LOGIN\\1/g" -e "s/ $login / LOGIN /g" "$@"
}

carecal init --demo >/dev/null
# the row version (the last column) aside: an undo is a change too
carecal list --format csv | sed 's/,[0-9]*\r$/\r/' >"$TMP/demo.csv"
uid7=$(grep '^7,' "$TMP/demo.csv" | cut -d, -f2)

check "edit a meeting" carecal edit 5 --cases 4 --mode online \
	--note PRIVATE-1 --venue 会議室A --start 13:30 --end 15:00
check "cancel it" carecal cancel 5
check "delete another" carecal delete 7

expect_status "history of meeting 5" 0 carecal history 5
normalize "$TMP/out" >"$TMP/history-5"
same_text "shows each action with the fields before → after" \
	"$(expected_file history-5.txt)" "$TMP/history-5"
lacks "a note's text is hidden" "$TMP/out" "PRIVATE-1"
expect_status "history --include-notes" 0 carecal history 5 --include-notes
contains "shows it" "$TMP/out" "$(L "note    (none) → PRIVATE-1" \
	"メモ      (なし) → PRIVATE-1")"
expect_status "history --deleted" 0 carecal history --deleted
normalize "$TMP/out" | tr -s ' ' >"$TMP/deleted"
same_text "lists the deleted meeting" "$(expected_file history-deleted.txt)" \
	"$TMP/deleted"

expect_status "history --since today" 0 carecal history --since \
	"$(date +%Y-%m-%d)"
contains "has today's changes" "$TMP/out" "delete 7"
expect_status "history --since a day to come" 0 carecal history --since \
	2099-01-01
contains "has none" "$TMP/out" "$(L "no changes" "変更はありません")"
expect_status "history of an unknown meeting" 2 carecal history 999
contains "says so" "$TMP/err" \
	"$(L "no meeting with id 999" "ID 999 の会議はありません")"
expect_status "history --since a bad date" 2 carecal history --since \
	2021-02-29
contains "names the option" "$TMP/err" "--since:"
expect_status "history with two ids" 2 carecal history 5 7

# restore-meeting: same id, same UID, history says so
expect_status "restore-meeting 7" 0 carecal restore-meeting 7
contains "says which meeting came back" "$TMP/out" \
	"$(L "restored meeting 7" "会議 7 を復元しました"): 令和3年5月14日(金)  推進  矢切"
carecal list --format csv | grep '^7,' >"$TMP/m7"
contains "with its UID" "$TMP/m7" "$uid7"
expect_status "history --deleted" 0 carecal history --deleted
contains "is empty again" "$TMP/out" \
	"$(L "no deleted meetings" "削除された会議はありません")"
expect_status "restoring a meeting that exists" 2 carecal restore-meeting 7
contains "is refused" "$TMP/err" \
	"$(L "meeting 7 is not deleted" "会議 7 は削除されていません")"
expect_status "restoring an unknown id" 2 carecal restore-meeting 999
expect_status "restore-meeting without an id" 2 carecal restore-meeting
expect_status "a new meeting" 0 carecal add --type kobetsu --center 本庁 \
	--date 2021-08-02
[ "$(cat "$TMP/out")" -gt 104 ] && ok "gets a new id ($(cat "$TMP/out"))" ||
	not_ok "gets a new id, not $(cat "$TMP/out")"

# an import, undone at once
printf 'id,uid,date,start,end,center,type,mode,status,cases,venue,url,note\n' \
	>"$TMP/three.csv"
for d in 03 04 05; do
	printf ',,2021-08-%s,,,本庁,kobetsu,in-person,planned,,,,\n' $d \
		>>"$TMP/three.csv"
done
check "import three meetings" carecal import "$TMP/three.csv"
expect_status "undo --dry-run" 0 carecal undo --dry-run
contains "names the import" "$TMP/out" "$(L "would undo" "を取り消します")"
contains "and what it would do" "$TMP/out" \
	"$(L "meetings to change back: 0, to remove: 3, to bring back: 0" \
	"元に戻す会議: 0、削除する会議: 3、復元する会議: 0")"
[ "$(carecal list --format csv | wc -l)" -eq 109 ] &&
	ok "a dry run changes nothing" || not_ok "a dry run changes nothing"
expect_status "undo" 0 carecal undo
contains "removes the three at once" "$TMP/out" \
	"$(L "removed: 3," "削除した会議: 3、")"
[ "$(carecal list --format csv | wc -l)" -eq 106 ] &&
	ok "they are gone" || not_ok "they are gone"

# back to the demo, one action at a time
for what in "add --type" "restore-meeting 7" "delete 7" "cancel 5" \
    "edit 5"; do
	expect_status "undo ($what)" 0 carecal undo
	contains "undoes $what" "$TMP/out" ": $what"
done
carecal list --format csv | sed 's/,[0-9]*\r$/\r/' >"$TMP/after.csv"
same_text "the meetings are the demo's again, UIDs included" \
	"$TMP/demo.csv" "$TMP/after.csv"
expect_status "history 5 after the undos" 0 carecal history 5
normalize "$TMP/out" >"$TMP/undone-5"
same_text "the history keeps the change and its undo" \
	"$(expected_file history-5-undone.txt)" "$TMP/undone-5"
# init --demo made the database and its meetings: never undone (two
# undos too many would otherwise leave an empty calendar, issue 14)
expect_status "undo does not take back init --demo" 1 carecal undo
contains "says there is nothing to undo" "$TMP/err" \
	"$(L "nothing to undo: $login has no change" \
	"取り消すものがありません: $login には、取り消せる会議の変更")"
contains "and why" "$TMP/err" \
	"$(L "('init', which made the database and its meetings, is never" \
	"(データベースとその会議を作った init は取り消しません)")"
[ "$(carecal list --format csv | wc -l)" -eq 105 ] &&
	ok "the 104 demo meetings are still there" ||
	not_ok "the 104 demo meetings are still there"
expect_status "nor by its number" 2 carecal undo --action 1
contains "saying why" "$TMP/err" \
	"$(L "#1 ('init --demo') made the database and is never undone" \
	"#1 (init --demo) はデータベースを作った操作なので取り消しません")"
expect_status "nothing left to undo" 1 carecal undo
expect_status "undo takes no argument" 2 carecal undo 5
expect_status "the database passes fsck" 0 carecal fsck
done_testing
