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
contains "naming the edit by its number" "$TMP/out" "would undo #$edit of"

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
	"#$edit is no longer your last change: #$import"
contains "and that nothing was undone" "$TMP/err" "nothing was undone"
[ "$(db_hash)" = "$hash" ] && [ "$(count)" -eq 106 ] &&
	ok "the import stays, the database as it was" ||
	not_ok "the import stays, the database as it was"
[ "$(sqlite3 "$DB" "SELECT venue FROM meetings WHERE id = 5")" = 会議室A ] &&
	ok "and the edit stays" || not_ok "and the edit stays"

expect_status "undo --action of the import" 0 carecal undo --action "#$import"
contains "undoes it" "$TMP/out" "undid #$import of"
[ "$(count)" -eq 104 ] && ok "104 meetings again" || not_ok "104 meetings again"
expect_status "now undo --action of the edit" 0 carecal undo --action "$edit"
[ -z "$(sqlite3 "$DB" "SELECT venue FROM meetings WHERE id = 5")" ] &&
	ok "the venue is back as it was" || not_ok "the venue is back as it was"

hash=$(db_hash)
expect_status "an action already undone" 1 carecal undo --action "$edit"
contains "is refused, naming the undo" "$TMP/err" "#$edit is already undone"
undo=$(last_action)
expect_status "an undo" 2 carecal undo --action "$undo"
contains "is not undone in turn" "$TMP/err" "#$undo is itself an undo"
sqlite3 "$DB" "BEGIN IMMEDIATE;
    INSERT INTO actions (at, login, command) VALUES
    (strftime('%Y-%m-%d %H:%M:%f', 'now'), 'tanaka', 'edit 6 --venue B');
    UPDATE meetings SET venue = '田中', version = version + 1 WHERE id = 6;
    COMMIT;"
hash=$(db_hash)
other=$(last_action)
expect_status "another login's action" 2 carecal undo --action "$other"
contains "is not undone" "$TMP/err" "#$other is not yours (it is tanaka's)"
expect_status "an action that is not there" 2 carecal undo --action 9999
contains "is named" "$TMP/err" "there is no action #9999"
expect_status "a number that is no number" 2 carecal undo --action 12x
contains "is a usage error" "$TMP/err" "'12x' is not an action number"
expect_status "nor is 0" 2 carecal undo --action 0
[ "$(db_hash)" = "$hash" ] && ok "none of these changed anything" ||
	not_ok "none of these changed anything"
expect_status "with nothing of mine left, --action is refused" 1 \
	carecal undo --action "$import"
done_testing
