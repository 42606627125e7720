#!/bin/sh
# undo-action.sh -- `carecal undo --action N` takes back exactly the action
# a dry run showed, by its number, or refuses (nothing changes) when it is
# no longer this login's last one: another carecal of the same login may
# have imported meanwhile. Another login's action, one already undone, an
# undo, or no number at all are refused too.
. "$TESTS_SRCDIR/lib.sh"

need_tool sqlite3 sqlite3
count()
{
	sqlite3 "$DB" "SELECT count(*) FROM meetings"
}
last_action()
{
	sqlite3 "$DB" "SELECT max(id) FROM actions"
}

carecal init --demo >/dev/null
check "an edit" carecal edit 5 --venue 会議室A
edit=$(last_action)
expect_status "undo --dry-run says what it would undo" 0 carecal undo --dry-run
contains "naming the edit by its number" "$TMP/out" \
	"$(L "would undo #$edit of" "操作 #$edit (")"
contains "and what it was" "$TMP/out" \
	"$(L ': edit 5 --venue 会議室A' ') を取り消します: edit 5 --venue 会議室A')"

# meanwhile another carecal of the same login imports
printf '%s\n' "id,uid,date,start,end,center,type,mode,status,cases,venue,url,note" \
	",,2021-12-02,13:30,15:00,明第1,kobetsu,hybrid,planned,,,," \
	",,2021-12-03,13:30,15:00,明第1,kobetsu,hybrid,planned,,,," \
	>"$TMP/new.csv"
check "an import by the same login" carecal import "$TMP/new.csv"
import=$(last_action)
[ "$(count)" -eq 106 ] && ok "106 meetings now" || not_ok "106 meetings now"
hash=$(db_hash)
expect_status "undo --action of the edit is refused" 1 \
	carecal undo --action "$edit"
contains "saying what came after it" "$TMP/err" \
	"$(L "#$edit is no longer your last change: #$import" \
	"#$edit はもうあなたの最後の変更ではありません。その後に #$import (")"
contains "and that nothing was undone" "$TMP/err" \
	"$(L 'nothing was undone' '何も取り消していません')"
[ "$(db_hash)" = "$hash" ] && [ "$(count)" -eq 106 ] &&
	ok "the import stays, the database as it was" ||
	not_ok "the import stays, the database as it was"
[ "$(sqlite3 "$DB" "SELECT venue FROM meetings WHERE id = 5")" = 会議室A ] &&
	ok "and the edit stays" || not_ok "and the edit stays"

expect_status "undo --action of the import" 0 carecal undo --action "#$import"
contains "undoes it" "$TMP/out" \
	"$(L "undid #$import of" "操作 #$import (")"
contains "(says it did)" "$TMP/out" "$(L ': import ' ') を取り消しました: import ')"
[ "$(count)" -eq 104 ] && ok "104 meetings again" || not_ok "104 meetings again"
expect_status "now undo --action of the edit" 0 carecal undo --action "$edit"
[ -z "$(sqlite3 "$DB" "SELECT venue FROM meetings WHERE id = 5")" ] &&
	ok "the venue is back as it was" || not_ok "the venue is back as it was"

hash=$(db_hash)
expect_status "an action already undone" 1 carecal undo --action "$edit"
undo=$(last_action)
contains "is refused, naming the undo" "$TMP/err" \
	"$(L "#$edit is already undone (by #$undo)" "#$edit はすでに #$undo で取り消されています")"
expect_status "an undo" 2 carecal undo --action "$undo"
contains "is not undone in turn" "$TMP/err" \
	"$(L "#$undo is itself an undo" "#$undo は取り消しの操作です")"
sqlite3 "$DB" "BEGIN IMMEDIATE;
    INSERT INTO actions (at, login, command) VALUES
    (strftime('%Y-%m-%d %H:%M:%f', 'now'), 'tanaka', 'edit 6 --venue B');
    UPDATE meetings SET venue = '田中', version = version + 1 WHERE id = 6;
    COMMIT;"
hash=$(db_hash)
other=$(last_action)
expect_status "another login's action" 2 carecal undo --action "$other"
contains "is not undone" "$TMP/err" "$(L "#$other is not yours (it is tanaka's)" \
	"#$other はあなたの操作ではありません (tanaka の操作です)")"
expect_status "an action that is not there" 2 carecal undo --action 9999
contains "is named" "$TMP/err" \
	"$(L 'there is no action #9999' '操作 #9999 はありません')"
expect_status "a number that is no number" 2 carecal undo --action 12x
contains "is a usage error" "$TMP/err" \
	"$(L "'12x' is not an action number" "'12x' は操作の番号ではありません")"
expect_status "nor is 0" 2 carecal undo --action 0
[ "$(db_hash)" = "$hash" ] && ok "none of these changed anything" ||
	not_ok "none of these changed anything"
expect_status "with nothing of mine left, --action is refused" 1 \
	carecal undo --action "$import"
done_testing
