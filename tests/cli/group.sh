#!/bin/sh
# group.sh -- several users on one host: `carecal init --group` makes a
# database the group shares (file, -wal and -shm 0660 in the group, the
# directory setgid), its members work on it and undo refuses to overwrite
# another member's change; a database another user could write is
# refused, saying why. Needs root: it makes a group and three users.
. "$TESTS_SRCDIR/lib.sh"
need_family root "it adds a group and three users to this host"
need_root "it adds a group and three users"
need_tool groupadd passwd
need_tool useradd passwd
need_tool setpriv util-linux
need_tool sqlite3 sqlite3

tag=$$
G=ccg$tag
A=cca$tag
B=ccb$tag
E=cce$tag
cleanup()
{
	for u in $A $B $E; do
		userdel $u 2>/dev/null
	done
	groupdel $G 2>/dev/null
	rm -rf "$TMP"
}
trap cleanup EXIT
groupadd $G && useradd -M -N -g users -G $G $A &&
	useradd -M -N -g users -G $G $B && useradd -M -N -g users $E ||
	{ not_ok "adding the group and users"; done_testing; exit 1; }

# as USER COMMAND...: run carecal as a user whose umask is strict
as()
{
	u=$1
	shift
	setpriv --reuid=$u --regid=users --init-groups \
	    sh -c 'umask 077; exec "$0" "$@"' "$CARECAL" "$@"
}
# expect_as DESCRIPTION STATUS USER ARGS...
expect_as()
{
	d=$1
	w=$2
	shift 2
	expect_status "$d" "$w" as "$@"
}

chmod 711 "$TMP"
mkdir "$TMP/pub"
chown $A "$TMP/pub"
S=$TMP/pub/shared/cal.db

expect_as "a member creates a shared database" 0 $A --db "$S" \
	init --group $G --demo
contains "says it is shared" "$TMP/out" \
	"$(L "shared with group $G" "グループ $G と共有")"
[ "$(stat -c '%a %G' "$S")" = "660 $G" ] &&
	ok "the file is 660 in group $G" ||
	not_ok "the file is $(stat -c '%a %G' "$S"), want 660 $G"
[ "$(stat -c '%a %G' "$TMP/pub/shared")" = "2770 $G" ] &&
	ok "its new directory is setgid, 2770 in group $G" ||
	not_ok "its directory is $(stat -c '%a %G' "$TMP/pub/shared")"
[ "$(sqlite3 "$S" "SELECT value FROM settings WHERE key = 'group'")" = $G ] &&
	ok "the settings record the group" ||
	not_ok "the settings record the group"

expect_as "another member edits it" 0 $B --db "$S" edit 5 --cases 1
expect_as "and reads the history" 0 $B --db "$S" history 5
contains "which names them" "$TMP/out" "  $B  edit 5 --cases 1"

# the -wal and -shm, while one member reads and another writes: the
# reader is inside its transaction once it has printed the count, and
# holds it until the fifo is closed
mkfifo "$TMP/hold"
(echo "BEGIN; SELECT count(*) FROM meetings;"; cat "$TMP/hold"
	echo "COMMIT;") |
	setpriv --reuid=$A --regid=users --init-groups sh -c \
	"umask 077; sqlite3 '$S'" >"$TMP/reader.out" &
reader=$!
i=0
while [ ! -s "$TMP/reader.out" ] && [ $i -lt 200 ]; do
	sleep 0.05
	i=$((i + 1))
done
expect_as "a member writes while another reads" 0 $B --db "$S" \
	edit 6 --cases 1
for f in "$S-wal" "$S-shm"; do
	[ -f "$f" ] && [ "$(stat -c '%a %G' "$f")" = "660 $G" ] &&
		ok "${f#"$TMP"/} is 660 in group $G" ||
		not_ok "${f#"$TMP"/} is $(stat -c '%a %G' "$f" 2>&1)"
done
: >"$TMP/hold"
wait $reader
expect_as "a user outside the group cannot open it" 1 $E --db "$S" list
contains "and is told why" "$TMP/err" "$(L "Permission denied" "許可がありません")"

# undo does not overwrite another member's later change
expect_as "a member changes a meeting" 0 $A --db "$S" edit 8 --venue A
expect_as "another member changes it after" 0 $B --db "$S" edit 8 --venue B
expect_as "the first one's undo is refused" 1 $A --db "$S" undo
contains "naming the other member" "$TMP/err" \
	"$(L "meeting 8 was changed afterwards by $B" \
	"会議 8 がその後 $B によって")"
[ "$(sqlite3 "$S" "SELECT venue FROM meetings WHERE id = 8")" = B ] &&
	ok "the later change stays" || not_ok "the later change stays"
expect_as "the other member undoes theirs" 0 $B --db "$S" undo
expect_as "now the first one's undo goes through" 0 $A --db "$S" undo
[ "$(sqlite3 "$S" "SELECT count(*) FROM meetings WHERE id = 8 AND
    venue IS NULL")" = 1 ] &&
	ok "and the meeting is as the demo had it" ||
	not_ok "and the meeting is as the demo had it"
# a private backup restored into the shared database: still shared
expect_as "a member's private database" 0 $A --db "$TMP/pub/own.db" init
expect_as "backed up" 0 $A --db "$TMP/pub/own.db" backup "$TMP/pub/own.bak"
expect_as "and restored into the shared one" 0 $A --db "$S" restore --yes \
	"$TMP/pub/own.bak"
expect_as "which another member still opens" 0 $B --db "$S" list
[ "$(sqlite3 "$S" "SELECT value FROM settings WHERE key = 'group'")" = $G ] &&
	ok "and which stays shared with $G" ||
	not_ok "and which stays shared with $G"
expect_as "fsck as a member" 0 $B --db "$S" fsck
contains "reports the sharing" "$TMP/out" \
	"$(L "shared with group $G (mode 0660" "グループ $G と共有 (モード 0660")"

# what is refused, and why
chgrp users "$S"
expect_as "a shared database regrouped is refused" 1 $A --db "$S" list
contains "naming the groups" "$TMP/err" \
	"$(L "shared with group $G, but group users can write it" \
	"グループ $G と共有されていますが、グループ users も書き込めます")"
chgrp $G "$S"
expect_as "a non-member cannot share with the group" 2 $E \
	--db "$TMP/e.db" init --group $G
contains "is told" "$TMP/err" \
	"$(L "not in group '$G'" "あなたはグループ「$G」に属していません")"
expect_as "an unknown group" 2 $A --db "$TMP/pub/x/x.db" init \
	--group nosuchgroup$tag
contains "is named" "$TMP/err" \
	"$(L "no group 'nosuchgroup$tag'" "グループ「nosuchgroup$tag」はありません")"
mkdir "$TMP/pub/full"
touch "$TMP/pub/full/other-file"
chown -R $A "$TMP/pub/full"
expect_as "a directory with other files is not given to the group" 2 $A \
	--db "$TMP/pub/full/cal.db" init --group $G
contains "saying what its owner can run" "$TMP/err" "chmod 2770"
[ "$(stat -c %a "$TMP/pub/full")" = 755 ] && ok "it is left as it was" ||
	not_ok "it is left as it was ($(stat -c %a "$TMP/pub/full"))"
mkdir -m 1777 "$TMP/pub/tmp"
expect_as "nor a directory anyone can write" 2 $A \
	--db "$TMP/pub/tmp/cal.db" init --group $G
contains "saying why" "$TMP/err" "$(L "any user can write in this directory" \
	"このディレクトリには誰でも書き込めます")"

expect_as "a private database" 0 $A --db "$TMP/pub/mine.db" init
[ "$(stat -c %a "$TMP/pub/mine.db")" = 600 ] && ok "is 600" ||
	not_ok "is $(stat -c %a "$TMP/pub/mine.db")"
chmod 660 "$TMP/pub/mine.db"
expect_as "made group-writable, is refused" 1 $A --db "$TMP/pub/mine.db" list
contains "saying it is not a shared database" "$TMP/err" \
	"$(L "not a shared database" "共有データベースではありません")"
chmod 604 "$TMP/pub/mine.db"
expect_as "another user's private database is refused" 1 $B \
	--db "$TMP/pub/mine.db" list
contains "naming its owner" "$TMP/err" \
	"$(L "it belongs to user $A" "ユーザー $A の所有")"
chmod 606 "$TMP/pub/mine.db"
expect_as "a world-writable one is refused" 1 $A --db "$TMP/pub/mine.db" list
contains "saying why" "$TMP/err" \
	"$(L "any user on this host can write it" "このホストの誰でも書き込めます")"
done_testing
