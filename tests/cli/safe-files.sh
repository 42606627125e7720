#!/bin/sh
# safe-files.sh -- the files carecal makes beside a database (the copy
# kept before an upgrade, a backup, the copy kept before a restore, a new
# database) never follow a link planted at their name nor overwrite what
# carecal did not make; a killed `init --demo` leaves no database or a
# whole one, a killed `backup` nothing that blocks the next; an empty
# file is not taken for a database; `backup --force` never replaces a
# database a program has open.
. "$TESTS_SRCDIR/lib.sh"

RUNS=20
need_tool sqlite3 sqlite3
grep -q __asan_init "$CARECAL" 2>/dev/null && RUNS=10
VICTIM=$TMP/victim.txt
victim()
{
	printf 'someone else'"'"'s file\n' >"$VICTIM"
	chmod 644 "$VICTIM"
}
victim_intact()
{
	[ "$(cat "$VICTIM")" = "someone else's file" ] &&
		ok "$1" || not_ok "$1: it holds $(head -c 60 "$VICTIM" | od -c |
		    head -2 | tr '\n' ' ')"
}
# delays RUNS MS: RUNS random delays in seconds, from 0 to MS ms
delays()
{
	awk -v ms="$2" -v runs="$1" -v seed="$$$(date +%N)" 'BEGIN {
		srand(seed % 2147483647)
		for (i = 0; i < runs; i++)
			printf "%.3f ", rand() * ms / 1000
	}'
}
ms_of()
{
	start=$(date +%s%N)
	"$@" >/dev/null 2>&1
	echo $((($(date +%s%N) - start) / 1000000 + 1))
}

carecal init --demo >/dev/null
cp "$DB" "$TMP/demo.db"

# the copy kept before an upgrade: a link planted at its name
sqlite3 "$DB" "DROP INDEX meetings_by_date_time;
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
    PRAGMA user_version = 4;"
victim
ln -s "$VICTIM" "$DB.schema4.bak"
expect_status "a version 4 database with a link at DB.schema4.bak opens" 0 \
	carecal list
victim_intact "the link's target is left alone"
[ -L "$DB.schema4.bak" ] && ok "the link stays a link" ||
	not_ok "the link stays a link"
contains "the copy is kept under the next free name" "$TMP/err" \
	"$(L "kept as $DB.schema4-2.bak" "元のファイルは $DB.schema4-2.bak として")"
[ "$(sqlite3 "$DB.schema4-2.bak" "PRAGMA integrity_check;
    PRAGMA user_version; SELECT count(*) FROM meetings" | tr '\n' ' ')" = \
    "ok 4 104 " ] && ok "whole, at version 4" || not_ok "whole, at version 4"
[ "$(stat -c %a "$DB.schema4-2.bak")" = 600 ] && ok "and private (600)" ||
	not_ok "and private ($(stat -c %a "$DB.schema4-2.bak"))"

# the copy kept before a restore: links at the names of the next seconds
carecal backup "$TMP/b.db" >/dev/null
victim
now=$(date +%s)
for s in 0 1 2 3; do
	stamp=$(date -d "@$((now + s))" +%Y%m%d-%H%M%S)
	for n in "" -2 -3; do
		for c in "" -journal -wal; do
			ln -s "$VICTIM" "$DB.before-restore-$stamp$n$c"
		done
	done
done
expect_status "restore with links planted at the names of its copy" 0 \
	carecal restore --yes "$TMP/b.db"
victim_intact "no link was followed"
kept=$(sed -n "$(L 's/.*what it held before is kept in //p' \
	's/.*元の内容は \(.*\) に残しています$/\1/p')" "$TMP/out")
[ -f "$kept" ] && [ ! -L "$kept" ] &&
	[ "$(sqlite3 "$kept" "PRAGMA integrity_check")" = ok ] &&
	ok "the old content is kept in a file of its own" ||
	not_ok "the old content is kept in a file of its own ($kept)"
find "$TMP" -name 'test.db.before-restore-*' -type l -delete

# a new database or a backup at a planted link
victim
ln -s "$VICTIM" "$TMP/new.db"
expect_status "init onto a link" 2 carecal --db "$TMP/new.db" init
victim_intact "is refused, the target untouched"
expect_status "a backup onto a link" 2 carecal backup "$TMP/new.db"
expect_status "even with --force" 2 carecal backup --force "$TMP/new.db"
victim_intact "is refused, the target untouched"

# an empty file
: >"$TMP/empty.db"
chmod 600 "$TMP/empty.db"
expect_status "an empty file given as --db" 2 carecal --db "$TMP/empty.db" list
contains "is refused" "$TMP/err" "$(L 'empty, not a carecal database' \
	'空のファイルで、carecal のデータベースではありません')"
[ ! -s "$TMP/empty.db" ] && ! ls "$TMP" | grep -q 'empty\.db-' &&
	ok "and left empty, nothing beside it" ||
	not_ok "and left empty, nothing beside it"
expect_status "init does not take it over either" 2 \
	carecal --db "$TMP/empty.db" init
[ ! -s "$TMP/empty.db" ] && ok "it stays empty" || not_ok "it stays empty"

# init killed at random moments: no database, or a whole one
ms=$(ms_of carecal --db "$TMP/timed.db" init --demo)
none=0
bad=0
i=0
for delay in $(delays $RUNS "$ms"); do
	i=$((i + 1))
	rm -rf "$TMP/k"
	mkdir "$TMP/k"
	"$CARECAL" --db "$TMP/k/cal.db" init --demo >/dev/null 2>&1 &
	pid=$!
	sleep "$delay"
	kill -KILL $pid 2>/dev/null
	{ wait $pid; } 2>/dev/null
	if [ ! -e "$TMP/k/cal.db" ]; then
		none=$((none + 1))
		"$CARECAL" --db "$TMP/k/cal.db" init --demo >/dev/null 2>&1 ||
		    { bad=$((bad + 1)); echo "# run $i: init again failed"; }
	elif [ "$(sqlite3 "$TMP/k/cal.db" "PRAGMA integrity_check;
	    SELECT count(*) FROM meetings; SELECT count(*) FROM centers" |
	    tr '\n' ' ')" != "ok 104 15 " ]; then
		bad=$((bad + 1))
		echo "# run $i (killed after ${delay}s): an incomplete database"
	fi
done
echo "# init: $none of $RUNS kills left no database"
[ $bad -eq 0 ] &&
	ok "init --demo killed $RUNS times: no database or a whole one" ||
	not_ok "init --demo killed $RUNS times: $bad left a partial database"

# backup killed at random moments: nothing in the way of the next one
ms=$(ms_of carecal backup "$TMP/timed-backup.db")
bad=0
i=0
for delay in $(delays $RUNS "$ms"); do
	i=$((i + 1))
	rm -f "$TMP/kb.db"
	"$CARECAL" backup "$TMP/kb.db" >/dev/null 2>&1 &
	pid=$!
	sleep "$delay"
	kill -KILL $pid 2>/dev/null
	{ wait $pid; } 2>/dev/null
	if [ -e "$TMP/kb.db" ] &&
	    [ "$(sqlite3 "$TMP/kb.db" "SELECT count(*) FROM meetings" \
	    2>&1)" != 104 ]; then
		bad=$((bad + 1))
		echo "# run $i (killed after ${delay}s): $(ls -l "$TMP/kb.db")"
	elif [ ! -e "$TMP/kb.db" ] &&
	    ! "$CARECAL" backup "$TMP/kb.db" >/dev/null 2>&1; then
		bad=$((bad + 1))
		echo "# run $i (killed after ${delay}s): the next backup fails"
	fi
done
[ $bad -eq 0 ] &&
	ok "backup killed $RUNS times: a whole copy or none, the next one works" ||
	not_ok "backup killed $RUNS times: $bad left a file in the way"

# --force never replaces a database a program has open
cp "$TMP/demo.db" "$TMP/open.db"
mkfifo "$TMP/hold"
sqlite3 "$TMP/open.db" <"$TMP/hold" >"$TMP/reader.out" &
reader=$!
exec 9>"$TMP/hold"
echo "SELECT count(*) FROM meetings;" >&9
i=0
while [ ! -s "$TMP/reader.out" ] && [ $i -lt 100 ]; do
	sleep 0.05
	i=$((i + 1))
done
hash=$(cat "$TMP/open.db" "$TMP/open.db-wal" 2>/dev/null | sha256sum)
expect_status "backup --force onto a database another program reads" 1 \
	carecal backup --force "$TMP/open.db"
contains "is refused" "$TMP/err" "$(L 'a database a program has open' \
	'ほかのプログラムが開いているデータベースです')"
[ "$(cat "$TMP/open.db" "$TMP/open.db-wal" 2>/dev/null | sha256sum)" = \
    "$hash" ] && ok "and the database is as it was" ||
	not_ok "and the database is as it was"
ls "$TMP" | grep -q 'open\.db\.tmp' &&
	not_ok "nothing is left beside it" || ok "nothing is left beside it"
echo "SELECT count(*) FROM meetings;" >&9
exec 9>&-
wait $reader
[ "$(cat "$TMP/reader.out" | tr '\n' ' ')" = "104 104 " ] &&
	ok "the reader read on undisturbed" ||
	not_ok "the reader read on undisturbed: $(cat "$TMP/reader.out")"
check "closed, it is replaced" carecal backup --force "$TMP/open.db"
expect_status "--force onto the database's own -wal" 2 \
	carecal backup --force "$DB-wal"
contains "is refused" "$TMP/err" \
	"$(L "SQLite would take it for a file of the database $DB" \
	"SQLite がデータベース $DB の付属ファイル")"
expect_status "a backup named as another database's -shm" 2 \
	carecal backup "$TMP/demo.db-shm"
[ ! -e "$TMP/demo.db-shm" ] && ok "is refused" || not_ok "is refused"
ln "$DB" "$TMP/hard.db"
expect_status "--force onto another name of the database itself" 2 \
	carecal backup --force "$TMP/hard.db"
contains "is refused" "$TMP/err" "$(L 'this database itself' \
	'使用中のこのデータベースそのものです')"
done_testing
