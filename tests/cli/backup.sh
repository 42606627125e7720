#!/bin/sh
# backup.sh -- `carecal backup`, `restore` and `fsck`: a backup taken
# while another process writes is whole and private; restore asks on the
# terminal, refuses bad files without touching the database, and keeps
# the old content; fsck says in words what is wrong, exit 1 when
# something is.
. "$TESTS_SRCDIR/lib.sh"

need_tool sqlite3 sqlite3
need_tool script bsdutils
count()
{
	sqlite3 "$1" "SELECT count(*) FROM meetings"
}
# replace the paths and the owner, which vary from run to run
normalize()
{
	sed -e "s|$TMP|TMP|g" -e "s/owner $(id -un))/owner LOGIN)/" \
	    -e "s/所有者 $(id -un))/所有者 LOGIN)/" "$@"
}

carecal init --demo >/dev/null

# a backup while another process keeps editing
(i=0; while [ $i -lt 40 ]; do
	"$CARECAL" edit $((i % 5 + 1)) --cases $((i % 3)) >/dev/null 2>&1
	i=$((i + 1))
done) &
writer=$!
expect_status "backup while another process writes" 0 carecal backup \
	"$TMP/b1.db"
wait $writer
contains "says what it copied" "$TMP/out" \
	"$(L "$TMP/b1.db: a copy of $DB with 104 meetings" \
	"$TMP/b1.db: $DB のコピー (会議 104 件)")"
[ "$(stat -c %a "$TMP/b1.db")" = 600 ] && ok "the backup is mode 600" ||
	not_ok "the backup is mode 600 ($(stat -c %a "$TMP/b1.db"))"
[ "$(sqlite3 "$TMP/b1.db" "PRAGMA integrity_check")" = ok ] &&
	ok "it passes SQLite's integrity check" ||
	not_ok "it passes SQLite's integrity check"
ls "$TMP" | grep -q 'b1.db.tmp' && not_ok "no temporary file is left" ||
	ok "no temporary file is left"
expect_status "the backup opens as a database" 0 \
	carecal --db "$TMP/b1.db" fsck
expect_status "an existing file is not overwritten" 2 carecal backup \
	"$TMP/b1.db"
contains "says how to replace it" "$TMP/err" "--force"
check "--force replaces it" carecal backup --force "$TMP/b1.db"
expect_status "a directory is not a backup file" 2 carecal backup "$TMP"
mkfifo "$TMP/fifo"
expect_status "nor a FIFO or device, even with --force" 2 carecal backup \
	--force "$TMP/fifo"
[ -p "$TMP/fifo" ] && ok "which is left in place" ||
	not_ok "which is left in place"
expect_status "backup without a file" 2 carecal backup

# restore
check "delete two meetings" sh -c '"$CARECAL" delete 3 && "$CARECAL" delete 4'
[ "$(count "$DB")" -eq 102 ] && ok "102 meetings now" ||
	not_ok "102 meetings now"
hash=$(db_hash)
expect_status "restore off a terminal without --yes" 2 carecal restore \
	"$TMP/b1.db" </dev/null
contains "says to confirm" "$TMP/err" "--yes"
printf 'n\n' | script -qec "'$CARECAL' restore '$TMP/b1.db'" /dev/null \
	>"$TMP/out" 2>&1
status=$?
[ $status -eq 1 ] && ok "answering n on the terminal: exit 1" ||
	not_ok "answering n on the terminal: exit $status"
contains "it asked" "$TMP/out" "$(L "replace $DB with $TMP/b1.db? [y/N]" \
	"$DB を $TMP/b1.db で置き換えますか? [y/N]")"
contains "and did not restore" "$TMP/out" "$(L "not restored" \
	"復元しませんでした")"
[ "$(db_hash)" = "$hash" ] && ok "the database is unchanged" ||
	not_ok "the database is unchanged"

printf 'plain text\n' >"$TMP/text.db"
expect_status "restoring a text file" 2 carecal restore --yes "$TMP/text.db"
contains "is refused" "$TMP/err" "$(L "not a carecal database" \
	"carecal のデータベースではありません")"
cp "$TMP/b1.db" "$TMP/bad.db"
size=$(stat -c %s "$TMP/bad.db")
head -c 8192 /dev/urandom | dd of="$TMP/bad.db" bs=1 seek=$((size / 2)) \
	conv=notrunc status=none
expect_status "restoring a damaged copy" 2 carecal restore --yes \
	"$TMP/bad.db"
contains "is refused" "$TMP/err" "$(L damaged 破損しています)"
[ "$(db_hash)" = "$hash" ] && ok "the database is still unchanged" ||
	not_ok "the database is still unchanged"
ls "$TMP" | grep -q before-restore && not_ok "nothing was kept aside yet" ||
	ok "nothing was kept aside yet"

printf 'y\n' | script -qec "'$CARECAL' restore '$TMP/b1.db'" /dev/null \
	>"$TMP/out" 2>&1
status=$?
[ $status -eq 0 ] && ok "answering y: restored" ||
	not_ok "answering y: exit $status"
contains "says where the old content is" "$TMP/out" \
	"$(L "what it held before is kept in $DB.before-restore-" \
	"元の内容は $DB.before-restore-")"
[ "$(count "$DB")" -eq 104 ] && ok "104 meetings again" ||
	not_ok "104 meetings again ($(count "$DB"))"
kept=$(ls "$TMP"/test.db.before-restore-* 2>/dev/null | head -1)
[ -n "$kept" ] && [ "$(count "$kept")" -eq 102 ] &&
	ok "the kept file holds the 102" ||
	not_ok "the kept file holds the 102"
[ -n "$kept" ] && [ "$(stat -c %a "$kept")" = 600 ] &&
	ok "and is mode 600" || not_ok "and is mode 600"
check "restore --yes" carecal restore --yes "$TMP/b1.db"
check "the restored database takes changes" carecal edit 3 --cases 1

# fsck
expect_status "fsck of a good database" 0 carecal fsck
normalize "$TMP/out" >"$TMP/fsck"
same_text "says so in words" "$(expected_file fsck-good.txt)" \
	"$TMP/fsck"
expect_status "fsck of a damaged file" 1 carecal --db "$TMP/bad.db" fsck
contains "reports the integrity check" "$TMP/out" \
	"$(L "integrity check: PROBLEM" "整合性チェック: 問題あり")"
lacks "and does not say all is well" "$TMP/out" \
	"$(L "no problems found" "問題は見つかりませんでした")"
cp "$TMP/b1.db" "$TMP/fk.db"
sqlite3 "$TMP/fk.db" "PRAGMA foreign_keys = OFF;
    UPDATE meetings SET center_id = 99 WHERE id = 1;
    UPDATE meetings SET type_id = 99 WHERE id = 2;"
expect_status "fsck of meetings of a missing center and type" 1 \
	carecal --db "$TMP/fk.db" fsck
normalize "$TMP/out" >"$TMP/fsck"
same_text "names the rows" "$(expected_file fsck-foreign-keys.txt)" \
	"$TMP/fsck"
expect_status "fsck of a text file" 1 carecal --db "$TMP/text.db" fsck
contains "says it is not a carecal database" "$TMP/out" \
	"$(L "not a carecal database" "carecal のデータベースではありません")"
chmod 620 "$TMP/fk.db"
expect_status "fsck of a group-writable private file" 1 \
	carecal --db "$TMP/fk.db" fsck
contains "says who can write it" "$TMP/out" \
	"$(L "who can write it: PROBLEM" "書き込める人: 問題あり")"
contains "and why it matters" "$TMP/out" \
	"$(L "not a shared database" "共有データベースではありません")"
expect_status "fsck of a missing file" 1 carecal --db "$TMP/none.db" fsck
expect_status "fsck takes no argument" 2 carecal fsck x

# fsck and a history tampered with behind the triggers' back
cp "$TMP/b1.db" "$TMP/t1.db"
sqlite3 "$TMP/t1.db" "DROP TRIGGER history_kept_delete;
    DELETE FROM history WHERE id BETWEEN 5 AND 7 OR id = 20;"
expect_status "fsck of a history with changes deleted" 1 \
	carecal --db "$TMP/t1.db" fsck
contains "names the trigger dropped" "$TMP/out" \
	"$(L 'trigger history_kept_delete is missing' \
	'トリガー history_kept_delete がありません')"
contains "and the changes missing" "$TMP/out" \
	"$(L 'changes 5 to 7 of the history are missing' \
	'履歴の変更 5〜7 がありません')"
contains "each gap" "$TMP/out" \
	"$(L 'change 20 of the history is missing' '履歴の変更 20 がありません')"
contains "under their headings" "$TMP/out" \
	"$(L 'history numbers: PROBLEM' '履歴の番号: 問題あり')"
sqlite3 "$TMP/t1.db" "CREATE TRIGGER history_kept_delete BEFORE DELETE ON
    history BEGIN SELECT 1; END;"
expect_status "fsck of a trigger put back changed" 1 \
	carecal --db "$TMP/t1.db" fsck
contains "says it was changed" "$TMP/out" \
	"$(L 'trigger history_kept_delete was changed' \
	'トリガー history_kept_delete が書き換えられています')"
cp "$TMP/b1.db" "$TMP/t2.db"
sqlite3 "$TMP/t2.db" "DROP TRIGGER actions_kept_delete;
    DELETE FROM actions WHERE id = 3;
    CREATE TRIGGER actions_kept_delete BEFORE DELETE ON actions BEGIN
    SELECT RAISE(ABORT, 'the history of changes is never deleted'); END;
    CREATE TRIGGER quiet AFTER INSERT ON meetings BEGIN SELECT 1; END;"
expect_status "fsck of an action deleted, a trigger added" 1 \
	carecal --db "$TMP/t2.db" fsck
contains "names the action" "$TMP/out" \
	"$(L 'action #3 is missing' '操作 #3 がありません')"
contains "and the trigger that is not carecal's" "$TMP/out" \
	"$(L "trigger quiet is not carecal's" \
	'トリガー quiet は carecal のものではありません')"
contains "under its heading" "$TMP/out" \
	"$(L 'triggers: PROBLEM' 'トリガー: 問題あり')"
cp "$TMP/b1.db" "$TMP/t3.db"
sqlite3 "$TMP/t3.db" "CREATE TRIGGER quiet AFTER INSERT ON meetings BEGIN
    SELECT 1; END;"
hash=$(db_hash)
expect_status "a file with a trigger added is not restored" 2 \
	carecal restore --yes "$TMP/t3.db"
contains "saying why" "$TMP/err" \
	"$(L "its triggers were tampered with: trigger quiet is not carecal's" \
	'トリガーが改変されています: トリガー quiet は carecal のものではありません')"
expect_status "nor one with a gap in its history" 2 \
	carecal restore --yes "$TMP/t1.db"
[ "$(db_hash)" = "$hash" ] && ok "the database is unchanged" ||
	not_ok "the database is unchanged"
done_testing
