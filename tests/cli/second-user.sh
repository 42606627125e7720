#!/bin/sh
# second-user.sh -- two logins on one shared database, and one of them
# careless or hostile: links planted in the shared directory at the names
# of the files carecal makes there (the copy kept before an upgrade or a
# restore, a new database), the database held open while the other runs
# backup --force onto it, both opening an old schema at once, undo while
# the other (or oneself, elsewhere) changes things, an empty file left at
# a database's name, init and backup killed halfway (and, with strace, at
# each step), a -wal the other may not open. Needs root: it adds a group
# and two users to this host.
. "$TESTS_SRCDIR/lib.sh"

need_family root "it adds a group and two users to this host"
need_root "it adds a group and two users"
need_tool groupadd passwd
need_tool useradd passwd
need_tool userdel passwd
need_tool setpriv util-linux
need_tool sqlite3 sqlite3

tag=$$
G=ccs$tag
A=csa$tag
B=csb$tag
cleanup()
{
	[ -n "${holder:-}" ] && kill "$holder" 2>/dev/null
	for u in $A $B; do
		userdel $u 2>/dev/null
	done
	groupdel $G 2>/dev/null
	rm -rf "$TMP"
}
trap cleanup EXIT
groupadd $G && useradd -M -N -g users -G $G $A &&
	useradd -M -N -g users -G $G $B ||
	{ not_ok "adding the group and users"; done_testing; exit 1; }

# as USER COMMAND...: carecal as a user whose umask is strict
as()
{
	u=$1
	shift
	setpriv --reuid=$u --regid=users --init-groups \
	    sh -c 'umask 077; exec "$0" "$@"' "$CARECAL" "$@"
}
# sh_as USER SCRIPT: a shell command line as a user
sh_as()
{
	setpriv --reuid=$1 --regid=users --init-groups sh -c "umask 077; $2"
}
# as_bg USER COMMAND...: the same in the background, $! its very pid
as_bg()
{
	u=$1
	shift
	setpriv --reuid=$u --regid=users --init-groups \
	    sh -c 'umask 077; exec "$0" "$@"' "$CARECAL" "$@" &
}
expect_as()
{
	d=$1
	w=$2
	shift 2
	expect_status "$d" "$w" as "$@"
}
# intact FILE DESCRIPTION: A's private file still holds what A wrote
intact()
{
	[ "$(cat "$1")" = "$A's own notes" ] && ok "$2" ||
		not_ok "$2: it holds $(head -c 40 "$1" | od -An -c | head -1)"
}
version_of()
{
	sqlite3 "$1" "PRAGMA user_version"
}
# make_old: the shared database back to schema version 4 (as A)
make_old()
{
	sh_as $A "sqlite3 '$S' 'DROP INDEX meetings_by_date_time;
	    CREATE INDEX meetings_by_date ON meetings (date);
	    ALTER TABLE centers DROP COLUMN started;
	    ALTER TABLE meeting_types DROP COLUMN grp;
	    DROP TRIGGER meetings_cases_counted;
	    DROP TABLE case_reviews;
	    DROP TABLE case_history;
	    DROP TABLE assignment_history; DROP TABLE assignments;
	    DROP TABLE advisor_unavailable; DROP TABLE advisors;
	    ALTER TABLE meeting_types DROP COLUMN length;
	    ALTER TABLE meeting_types DROP COLUMN capacity;
	    ALTER TABLE meeting_types DROP COLUMN lecture;
	    ALTER TABLE meeting_types DROP COLUMN cadence;
	    ALTER TABLE meeting_types DROP COLUMN summons;
	    PRAGMA user_version = 4;'"
}

chmod 711 "$TMP"
mkdir "$TMP/pub"
chown $A "$TMP/pub"
D=$TMP/pub/shared
S=$D/cal.db
NOTES=$TMP/pub/a-notes.txt
sh_as $A "printf '%s\n' \"$A's own notes\" >'$NOTES'"

expect_as "$A creates a database shared with $B" 0 $A --db "$S" init \
	--group $G --demo
expect_as "$A keeps a private backup" 0 $A --db "$S" backup \
	"$TMP/pub/a-backup.db"

current=$(version_of "$S")	# the schema carecal makes now
# 6: links planted by B where A's carecal makes files
make_old
sh_as $B "ln -s '$NOTES' '$S.schema4.bak'" &&
	ok "$B plants a link to $A's notes at the name of the upgrade's copy" ||
	not_ok "$B plants a link at the name of the upgrade's copy"
expect_as "$A opens the old database: it is upgraded" 0 $A --db "$S" list
intact "$NOTES" "$A's notes are not overwritten through the link"
[ -L "$S.schema4.bak" ] && [ "$(stat -c %U "$S.schema4.bak")" = $B ] &&
	ok "$B's link is left as it was" || not_ok "$B's link is left as it was"
[ "$(sqlite3 "$S.schema4-2.bak" "PRAGMA integrity_check;
    PRAGMA user_version" | tr '\n' ' ')" = "ok 4 " ] &&
	[ "$(stat -c '%a %U %G' "$S.schema4-2.bak")" = "660 $A $G" ] &&
	ok "the copy is at the next name, whole, the group's (660)" ||
	not_ok "the copy: $(stat -c '%a %U %G' "$S.schema4-2.bak" 2>&1)"

now=$(date +%s)
for s in 0 1 2 3; do
	stamp=$(date -d "@$((now + s))" +%Y%m%d-%H%M%S)
	for n in "" -2 -3; do
		for c in "" -journal -wal; do
			sh_as $B "ln -s '$NOTES' '$S.before-restore-$stamp$n$c'"
		done
	done
done
expect_as "$A restores with $B's links at the names of the kept copy" 0 \
	$A --db "$S" restore --yes "$TMP/pub/a-backup.db"
intact "$NOTES" "$A's notes are not overwritten through them"
find "$D" -name 'cal.db.before-restore-*' -type l -delete

sh_as $B "ln -s '$NOTES' '$D/new.db'"
expect_as "$A's init where $B put a link" 2 $A --db "$D/new.db" init
intact "$NOTES" "is refused, $A's notes untouched"

# 2: B has the database open; A's backup --force must not replace it
mkfifo "$TMP/hold"
chmod 666 "$TMP/hold"
setpriv --reuid=$B --regid=users --init-groups sqlite3 "$S" \
	<"$TMP/hold" >"$TMP/holder.out" 2>&1 &
holder=$!
exec 9>"$TMP/hold"
echo "SELECT count(*) FROM meetings;" >&9
i=0
while [ ! -s "$TMP/holder.out" ] && [ $i -lt 100 ]; do
	sleep 0.05
	i=$((i + 1))
done
expect_as "$A has a database of $A's own" 0 $A --db "$TMP/pub/a.db" init
hash=$(cat "$S" "$S-wal" 2>/dev/null | sha256sum)
expect_as "$A's backup --force onto the database $B has open" 1 $A \
	--db "$TMP/pub/a.db" backup --force "$S"
contains "is refused" "$TMP/err" "$(L 'a database a program has open' 'ほかのプログラムが開いているデータベースです')"
[ "$(cat "$S" "$S-wal" 2>/dev/null | sha256sum)" = "$hash" ] &&
	ok "and the shared database is as it was" ||
	not_ok "and the shared database is as it was"
echo "SELECT count(*) FROM meetings;" >&9
exec 9>&-
wait $holder
holder=
[ "$(tr '\n' ' ' <"$TMP/holder.out")" = "104 104 " ] &&
	ok "$B read on undisturbed" ||
	not_ok "$B read on undisturbed: $(cat "$TMP/holder.out")"

# 7: both open the old schema at once, three processes each
UPGRADED=$(L 'upgraded from schema 4' 'スキーマ版 4 から最新の版に更新しました')
make_old
before=$(ls "$D" | grep -c 'schema4.*bak$')
for u in $A $B $A $B $A $B; do
	(as $u --db "$S" list --format csv >/dev/null 2>>"$TMP/up.err"
	    echo $? >>"$TMP/up.status") &
done
wait
[ "$(grep -cv '^0$' "$TMP/up.status")" -eq 0 ] &&
	ok "both users' six processes open the old database" ||
	not_ok "some failed: $(grep -vF "$UPGRADED" "$TMP/up.err" | head -3)"
[ "$(grep -cF "$UPGRADED" "$TMP/up.err")" -eq 1 ] &&
	[ "$(version_of "$S")" = "$current" ] &&
	ok "exactly one of them upgrades it" ||
	not_ok "$(grep -cF "$UPGRADED" "$TMP/up.err") upgraded it"
copy=$(sed -n "$(L 's/.*the old file was kept as //p' 's/.*元のファイルは \(.*\) として残しています$/\1/p')" "$TMP/up.err")
[ "$(ls "$D" | grep -c 'schema4.*bak$')" -eq $((before + 1)) ] &&
	[ "$(sqlite3 "$copy" "PRAGMA integrity_check; PRAGMA user_version" |
	    tr '\n' ' ')" = "ok 4 " ] &&
	ok "one copy is kept, whole" || not_ok "one copy is kept, whole ($copy)"

# 5: undo races, between the two logins and within one
printf '%s\n' "id,uid,date,start,end,center,type,mode,status,cases,venue,url,note" \
	",,2021-12-02,13:30,15:00,明第1,kobetsu,hybrid,planned,,,," \
	>"$TMP/pub/new.csv"
chmod 644 "$TMP/pub/new.csv"
last()
{
	sqlite3 "$S" "SELECT max(id) FROM actions"
}
expect_as "$A edits meeting 5" 0 $A --db "$S" edit 5 --venue A
a1=$(last)
expect_as "$B imports" 0 $B --db "$S" import "$TMP/pub/new.csv"
b1=$(last)
expect_as "$A's undo --dry-run" 0 $A --db "$S" undo --dry-run
contains "shows $A's edit, not $B's import" "$TMP/out" "$(L "would undo #$a1 of" "操作 #$a1 (")"
hash=$(db_hash)
expect_as "$A's undo --action of $B's import" 2 $A --db "$S" undo \
	--action $b1
contains "is refused" "$TMP/err" "$(L "#$b1 is not yours (it is $B's)" "#$b1 はあなたの操作ではありません ($B の操作です)")"
expect_as "$A edits meeting 6" 0 $A --db "$S" edit 6 --venue A
a2=$(last)
expect_as "$A, in another terminal, imports too" 0 $A --db "$S" import \
	"$TMP/pub/new.csv"
hash=$(cat "$S" "$S-wal" 2>/dev/null | sha256sum)
expect_as "$A's undo --action of the edit shown before" 1 $A --db "$S" \
	undo --action $a2
contains "is refused: it is no longer the last" "$TMP/err" \
	"$(L "#$a2 is no longer your last change" "#$a2 はもうあなたの最後の変更ではありません")"
[ "$(cat "$S" "$S-wal" 2>/dev/null | sha256sum)" = "$hash" ] &&
	ok "nothing changed" || not_ok "nothing changed"
expect_as "$A edits meeting 7" 0 $A --db "$S" edit 7 --venue A
a3=$(last)
expect_as "$B changes it after" 0 $B --db "$S" edit 7 --venue B
expect_as "$A's undo --action of that edit" 1 $A --db "$S" undo --action $a3
contains "is refused, naming $B" "$TMP/err" \
	"$(L "meeting 7 was changed afterwards by $B" "会議 7 がその後 $B によって")"
[ "$(sqlite3 "$S" "SELECT venue FROM meetings WHERE id = 7")" = B ] &&
	ok "$B's change stays" || not_ok "$B's change stays"

# 10: an empty file at a database's name; init and backup killed
sh_as $A ": >'$D/empty.db'"
expect_as "$A's empty file given as --db" 2 $A --db "$D/empty.db" list
contains "is refused" "$TMP/err" "$(L 'empty, not a carecal database' '空のファイルで、carecal のデータベースではありません')"
[ ! -s "$D/empty.db" ] && ok "and stays empty" || not_ok "and stays empty"
expect_as "$B cannot take it over with init" 2 $B --db "$D/empty.db" init
bad=0
none=0
for delay in 0.002 0.006 0.010 0.014 0.018 0.025 0.050 0.100; do
	k=$D/k-$delay/cal.db
	as_bg $A --db "$k" init --group $G --demo >/dev/null 2>&1
	pid=$!
	sleep $delay
	kill -KILL $pid 2>/dev/null
	{ wait $pid; } 2>/dev/null
	if [ -e "$k" ]; then
		[ "$(sqlite3 "$k" "SELECT count(*) FROM meetings")" = 104 ] ||
		    { bad=$((bad + 1)); echo "# $delay: a partial database"; }
	elif none=$((none + 1)) &&
	    ! as $B --db "$k" init --group $G >/dev/null 2>"$TMP/k.err"; then
		bad=$((bad + 1))
		echo "# $delay: $B's init after: $(cat "$TMP/k.err")"
	fi
done
echo "# $none of 8 kills of init left no database"
[ $bad -eq 0 ] &&
	ok "$A's init killed: no database or a whole one; $B's init then works" ||
	not_ok "$A's init killed: $bad runs left something wrong"
bad=0
for delay in 0.002 0.006 0.010 0.014 0.018; do
	rm -f "$D/nightly.db"
	as_bg $A --db "$S" backup "$D/nightly.db" >/dev/null 2>&1
	pid=$!
	sleep $delay
	kill -KILL $pid 2>/dev/null
	{ wait $pid; } 2>/dev/null
	[ -e "$D/nightly.db" ] && continue
	as $B --db "$S" backup "$D/nightly.db" >/dev/null 2>"$TMP/k.err" ||
	    { bad=$((bad + 1)); echo "# $delay: $(cat "$TMP/k.err")"; }
done
[ $bad -eq 0 ] &&
	ok "$A's backup killed: nothing in the way of $B's to the same name" ||
	not_ok "$A's backup killed: $bad runs blocked $B's"

# 11: init and backup killed at each step, not at a moment the clock
# happens to hit: strace stops A's process at its Nth call of one system
# call that makes, renames, removes or gives a mode or owner to a file,
# N = 1, 2, ... until the command gets through. After each, what A left
# is nothing or a whole database, and B's command works: no -wal, -shm
# or directory of A's made 0600 or 0700 by A's umask is in B's way.
# killed_at CALL N COMMAND...: as A, killed there; 1 if it got through
killed_at()
{
	setpriv --reuid=$A --regid=users --init-groups sh -c 'umask 077
	    c=$0 n=$1
	    shift
	    exec strace -qq -o /dev/null -e trace="$c" \
		-e inject="$c":signal=KILL:when="$n" "$@"' "$@" >/dev/null 2>&1
	[ $? -eq 137 ]
}
calls="mkdir chown fchown chmod fchmod openat rename renameat2 unlink rmdir"
if ! have_tool strace; then
	skip "$A's init killed at each step" \
	    "strace is not installed (apt-get install strace)"
	skip "$A's backup killed at each step" \
	    "strace is not installed (apt-get install strace)"
elif ! killed_at openat 1 "$CARECAL" --version; then
	skip "$A's init killed at each step" "strace cannot stop a process here"
	skip "$A's backup killed at each step" "strace cannot stop a process here"
else
	bad=0
	runs=0
	for c in $calls; do
		n=1
		while [ $n -le 100 ]; do
			k=$D/at-$c-$n/cal.db
			killed_at $c $n "$CARECAL" --db "$k" init --group $G \
			    --demo || break
			runs=$((runs + 1))
			if [ -e "$k" ]; then
				[ "$(sqlite3 "$k" "SELECT count(*) FROM \
				    meetings")" = 104 ] || { bad=$((bad + 1))
				    echo "# $c #$n: a partial database"; }
			elif ! as $B --db "$k" init --group $G >/dev/null \
			    2>"$TMP/k.err"; then
				bad=$((bad + 1))
				echo "# $c #$n: $B's init after: $(cat "$TMP/k.err")"
			fi
			n=$((n + 1))
		done
	done
	[ $bad -eq 0 ] && [ $runs -gt 20 ] &&
		ok "$A's init killed at each of $runs steps: $B's init then works" ||
		not_ok "$A's init killed at each of $runs steps: $bad went wrong"
	bad=0
	runs=0
	for c in $calls; do
		n=1
		while [ $n -le 100 ]; do
			rm -f "$D/at.db"
			killed_at $c $n "$CARECAL" --db "$S" backup "$D/at.db" ||
			    break
			runs=$((runs + 1))
			if [ -e "$D/at.db" ]; then
				[ "$(sqlite3 "$D/at.db" "SELECT count(*) FROM \
				    meetings")" -gt 100 ] || { bad=$((bad + 1))
				    echo "# $c #$n: a partial backup"; }
				rm -f "$D/at.db"
			fi
			as $B --db "$S" backup "$D/at.db" >/dev/null \
			    2>"$TMP/k.err" || { bad=$((bad + 1))
			    echo "# $c #$n: $B's backup after: $(cat "$TMP/k.err")"; }
			n=$((n + 1))
		done
	done
	[ $bad -eq 0 ] && [ $runs -gt 20 ] &&
		ok "$A's backup killed at each of $runs steps: $B's works after" ||
		not_ok "$A's backup killed at each of $runs steps: $bad blocked $B"
fi

# 12: a -wal that B may not open (another program's, left under A's
# umask) is named with its owner and mode, not called a foreign file
sh_as $A "set -C; : >'$S-wal'" && [ "$(stat -c %a "$S-wal")" = 600 ] &&
	ok "$A leaves a -wal of mode 0600 beside the shared database" ||
	not_ok "$A leaves a -wal of mode 0600 beside the shared database"
expect_as "$B opens the database" 1 $B --db "$S" list
contains "is refused, the file named" "$TMP/err" \
	"$(L "cannot open $S-wal (user $A's, mode 0600): Permission denied" \
	    "$S-wal (利用者 $A のもの、モード 0600) を開けません: 許可がありません")"
rm -f "$S-wal"
expect_as "fsck of the shared database after all this" 0 $B --db "$S" fsck
done_testing
