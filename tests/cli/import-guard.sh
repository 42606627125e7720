#!/bin/sh
# import-guard.sh -- a second user's change is never undone by an old
# file (issue 15, items 3 and 4). `list --format csv` writes each row's
# version; importing the file after someone else changed one of its
# meetings is refused like the full-screen editor's check, naming the
# line and who changed the meeting when, and nothing is imported. A file
# without the version column may add meetings, and update only those not
# changed since it was last saved. The UID of a meeting deleted since is
# skipped and said, unless --restore-deleted brings the meeting back as
# restore-meeting does. Times are told in the reader's local time.
. "$TESTS_SRCDIR/lib.sh"

carecal init --demo >/dev/null || exit 99
uid_of()
{
	carecal list --format csv | awk -F, -v id="$1" '$1 == id { print $2 }'
}
field_of()
{
	carecal list --format csv | awk -F, -v id="$1" -v c="$2" \
	    '$1 == id { print $c }'
}

# --- item 3: a stale line
carecal list --format csv >"$TMP/a.csv"
head -1 "$TMP/a.csv" | tr -d '\r' >"$TMP/header"
echo "id,uid,date,start,end,center,type,mode,status,cases,venue,url,note,version" \
	>"$TMP/header.want"
same_text "list --format csv ends with the version column" \
	"$TMP/header.want" "$TMP/header"
[ "$(field_of 5 14)" = "$(printf '1\r')" ] &&
	ok "a meeting never changed is at version 1" ||
	not_ok "a meeting never changed is at version 1"

# B changes meeting 5 while A edits the file (the venue of meeting 3)
carecal edit 5 --venue "B's room" >/dev/null
awk -F, -v OFS=, '$1 == 3 { $11 = "A room" } { print }' "$TMP/a.csv" \
	>"$TMP/a-edited.csv"
line5=$(awk -F, '$1 == 5 { print NR }' "$TMP/a-edited.csv")
before=$(db_hash)
# in Japan's time (JST-9 needs no zone file), as the database's UTC
expect_status "importing A's file after B's change" 1 \
	env TZ=JST-9 "$CARECAL" import "$TMP/a-edited.csv"
contains "is refused, naming the line and who" "$TMP/err" \
	"a-edited.csv:$line5: $(L "meeting 5 was changed by $(id -un) at" \
	"会議 5 は、この行を書き出した後に $(id -un) が")"
if command -v sqlite3 >/dev/null; then
	at=$(TZ=JST-9 date -d "$(sqlite3 "$DB" \
	    "SELECT updated_at FROM meetings WHERE id = 5") UTC" \
	    '+%Y-%m-%d %H:%M:%S')
	contains "and when, in local time" "$TMP/err" \
	    "$(L "at $at after this line was read" "が $at に変更しています")"
else
	skip "and when, in local time" "needs sqlite3"
fi
lacks "(no UTC time)" "$TMP/err" "UTC"
contains "and the versions" "$TMP/err" \
	"$(L "version is 2, the line's 1" '現在の版は 2、この行の版は 1')"
contains "and that nothing was imported" "$TMP/err" \
	"$(L 'nothing imported' '何も取り込んでいません')"
[ "$(db_hash)" = "$before" ] && ok "the database is as it was" ||
	not_ok "the database is as it was"
[ "$(field_of 5 11)" = "B's room" ] && ok "B's change stays" ||
	not_ok "B's change stays"
expect_status "--dry-run says so too" 1 \
	carecal import --dry-run "$TMP/a-edited.csv"
contains "(the same refusal)" "$TMP/err" \
	"$(L 'meeting 5 was changed by' '会議 5 は、この行を書き出した後に')"

# listed again, A's change goes in
carecal list --format csv |
	awk -F, -v OFS=, '$1 == 3 { $11 = "A room" } { print }' \
	>"$TMP/a-again.csv"
expect_status "a file listed after B's change imports" 0 \
	carecal import "$TMP/a-again.csv"
contains "updating meeting 3 only" "$TMP/out" "$(L 'updated 1,' '更新 1 件、')"
[ "$(field_of 3 11)" = "A room" ] && [ "$(field_of 5 11)" = "B's room" ] &&
	ok "A's and B's changes are both there" ||
	not_ok "A's and B's changes are both there"
expect_status "the same file again" 0 carecal import "$TMP/a-again.csv"
lacks "(nothing refused)" "$TMP/err" "$(L 'changed by' 'に変更して')"

# a version that is no number
sed 's/,1\r$/,x\r/' "$TMP/a-again.csv" >"$TMP/bad-version.csv"
expect_status "a version that is no number" 2 \
	carecal import "$TMP/bad-version.csv"
contains "names the field" "$TMP/err" \
	"$(L 'version: not a row version' 'version: 行の版ではありません')"

# --- item 3: a file without the version column (older carecal, or by
# hand): the file's time stands for when it was read
carecal list --format csv | cut -d, -f1-13 | sed 's/$/\r/' >"$TMP/old.csv"
touch -r "$TMP/old.csv" "$TMP/t0"
sleep 1	# B's change comes a second later than the file, at least
carecal edit 9 --venue "B again" >/dev/null
new_row=',,2021-12-01,,,明第1,kobetsu,in-person,planned,,,,\r'
{ awk -F, -v OFS=, '$1 == 8 || $1 == 9 { $11 = "old file" } { print }' \
	"$TMP/old.csv"; printf '%s\n' "$new_row"; } >"$TMP/old-89.csv"
touch -r "$TMP/t0" "$TMP/old-89.csv"
line9=$(awk -F, '$1 == 9 { print NR }' "$TMP/old-89.csv")
before=$(db_hash)
expect_status "no versions: a line of a meeting B changed after the file" \
	1 env TZ=JST-9 "$CARECAL" import "$TMP/old-89.csv"
contains "is refused, naming the line and who" "$TMP/err" \
	"old-89.csv:$line9: $(L "meeting 9 was changed by $(id -un) at" \
	'会議 9 は、ファイルの最後の保存 (')"
saved=$(TZ=JST-9 date -r "$TMP/old-89.csv" '+%Y-%m-%d %H:%M:%S')
contains "and says why, in local time" "$TMP/err" \
	"$(L "after the file was last saved ($saved)" \
	"ファイルの最後の保存 ($saved) の後に $(id -un) が")"
[ "$(db_hash)" = "$before" ] && ok "the database is as it was" ||
	not_ok "the database is as it was"
{ awk -F, -v OFS=, 'NR == 1 { print } $1 == 8 { $11 = "old file"; print }' \
	"$TMP/old.csv"; printf '%s\n' "$new_row"; } >"$TMP/old-8.csv"
touch -r "$TMP/t0" "$TMP/old-8.csv"
expect_status "no versions: a line of a meeting not changed since imports" 0 \
	carecal import "$TMP/old-8.csv"
contains "a new row (empty uid) and an update" "$TMP/out" \
	"$(L 'added 1, updated 1,' '追加 1 件、更新 1 件、')"
[ "$(field_of 8 11)" = "old file" ] && [ "$(field_of 9 11)" = "B again" ] &&
	ok "meeting 8 updated, B's change of meeting 9 kept" ||
	not_ok "meeting 8 updated, B's change of meeting 9 kept"

# --- item 4: a meeting deleted since the export
carecal export -o "$TMP/old.ics" >/dev/null
carecal list --format csv >"$TMP/before-delete.csv"
uid12=$(uid_of 12)
carecal delete 12 >/dev/null
expect_status "an old CSV export after a deletion" 0 \
	carecal import "$TMP/before-delete.csv"
contains "reports the deleted meeting's line and UID" "$TMP/err" \
	": $uid12: $(L 'meeting 12 with this UID was deleted; skipped' \
	'この UID の会議 12 は削除されています。スキップしました')"
contains "and how to bring it back" "$TMP/err" "--restore-deleted"
contains "counted as skipped" "$TMP/out" "$(L '1 skipped' 'スキップ 1 件')"
[ -z "$(uid_of 12)" ] && ! carecal list --format csv | grep -q "$uid12" &&
	ok "it does not come back, under any id" ||
	not_ok "it does not come back, under any id"
expect_status "an old iCalendar export after the deletion" 0 \
	carecal import "$TMP/old.ics"
contains "reports it too" "$TMP/err" \
	"$(L 'meeting 12 with this UID was deleted' 'この UID の会議 12 は削除されています')"
! carecal list --format csv | grep -q "$uid12" &&
	ok "and it stays deleted" || not_ok "and it stays deleted"
carecal delete 13 >/dev/null 2>&1
uid13=$(grep '^13,' "$TMP/before-delete.csv" | cut -d, -f2)
expect_status "--dry-run --restore-deleted" 0 \
	carecal import --dry-run --restore-deleted "$TMP/old.ics"
contains "says what it would bring back" "$TMP/out" \
	"$(L 'restore 2021-05-26 suishin 本庁' '復元 2021-05-26 suishin 本庁')"
contains "and how many" "$TMP/out" \
	"$(L 'would bring 2 deleted meetings back' '削除済みの会議 2 件を復元します')"
expect_status "--restore-deleted" 0 \
	carecal import --restore-deleted "$TMP/before-delete.csv"
contains "brings them back" "$TMP/out" \
	"$(L 'brought 2 deleted meetings back' '削除済みの会議 2 件を復元しました')"
[ "$(uid_of 12)" = "$uid12" ] && [ "$(uid_of 13)" = "$uid13" ] &&
	ok "under their own ids and UIDs" ||
	not_ok "under their own ids and UIDs"
expect_status "restore-meeting has nothing left to do" 2 \
	carecal restore-meeting 12
contains "(it is not deleted)" "$TMP/err" \
	"$(L 'not deleted' '削除されていません')"
expect_status "undo takes the whole import back" 0 carecal undo
[ -z "$(uid_of 12)" ] && ok "meeting 12 is deleted again" ||
	not_ok "meeting 12 is deleted again"
carecal fsck >/dev/null && ok "fsck is content" || not_ok "fsck is content"
done_testing
