#!/bin/sh
# upgrade.sh -- opening a file of an older schema: several processes at
# once, again and again, and exactly one of them upgrades it while the
# others wait and then use it; the copy kept before the upgrade is always
# whole. A schema version carecal never wrote (negative, zero with
# tables) is refused before anything touches the file.
. "$TESTS_SRCDIR/lib.sh"

RUNS=12
PROCS=6
need_tool sqlite3 sqlite3
# An AddressSanitizer build starts each process slowly: fewer runs there.
grep -q __asan_init "$CARECAL" 2>/dev/null && RUNS=6

# A version 4 file, as carecal made them before the index of version 5.
carecal init --demo >/dev/null
current=$(sqlite3 "$DB" "PRAGMA user_version")	# what carecal makes now
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
cp "$DB" "$TMP/v4.db"
rm -f "$DB"

# what the one process that upgrades says, in the test's locale
UPGRADED=$(L 'upgraded from schema 4' 'スキーマ版 4 から最新の版に更新しました')
bad=0
i=0
while [ $i -lt $RUNS ]; do
	i=$((i + 1))
	rm -rf "$TMP/run"
	mkdir "$TMP/run"
	f=$TMP/run/cal.db
	cp "$TMP/v4.db" "$f"
	# half the runs in rollback mode: the first opener turns on WAL
	[ $((i % 2)) -eq 0 ] &&
		sqlite3 "$f" "PRAGMA journal_mode = DELETE" >/dev/null
	p=0
	while [ $p -lt $PROCS ]; do
		p=$((p + 1))
		("$CARECAL" --db "$f" list --format csv >"$TMP/run/out$p" \
		    2>"$TMP/run/err$p"; echo $? >"$TMP/run/status$p") &
	done
	wait
	failed=$(cat "$TMP/run"/status* | grep -cv '^0$')
	upgraded=$(cat "$TMP/run"/err* | grep -cF "$UPGRADED")
	others=$(cat "$TMP/run"/err* | grep -vF "$UPGRADED" |
	    head -3)
	version=$(sqlite3 "$f" "PRAGMA user_version")
	kept=$(ls "$TMP/run" | grep -c 'schema4.*bak$')
	check=$(sqlite3 "$f.schema4.bak" "PRAGMA integrity_check;
	    PRAGMA user_version; SELECT count(*) FROM meetings" 2>&1 |
	    tr '\n' ' ')
	lines=$(wc -l <"$TMP/run/out1")
	if [ "$failed" -ne 0 ] || [ -n "$others" ]; then
		not_ok "run $i: $failed of $PROCS processes failed: $others"
		bad=$((bad + 1))
	elif [ "$upgraded" -ne 1 ] || [ "$kept" -ne 1 ]; then
		not_ok "run $i: $upgraded processes upgraded, $kept copies kept"
		bad=$((bad + 1))
	elif [ "$check" != "ok 4 104 " ] || [ "$version" != "$current" ] ||
	    [ "$lines" -ne 105 ]; then
		not_ok "run $i: the copy: '$check', the file: version" \
		    "$version, $lines lines listed"
		bad=$((bad + 1))
	else
		ok "run $i: $PROCS processes at once, one upgraded, all" \
		    "listed 104 meetings, the copy is whole"
	fi
done
[ $bad -eq 0 ] && ok "every run: one upgrade, no failure, a whole copy" ||
	not_ok "$bad runs of $RUNS went wrong"

# The switch to WAL of a file in rollback mode while another process
# holds its write lock (as another carecal switching it at that moment)
# waits for the lock, as any busy database does: SQLite itself returns
# SQLITE_BUSY at once there.
cp "$TMP/v4.db" "$TMP/held.db"
sqlite3 "$TMP/held.db" "PRAGMA journal_mode = DELETE" >/dev/null
mkfifo "$TMP/hold"
sqlite3 "$TMP/held.db" <"$TMP/hold" >"$TMP/holder.out" 2>&1 &
holder=$!
exec 3>"$TMP/hold"
echo "BEGIN IMMEDIATE; SELECT 'held';" >&3
i=0
while ! grep -q held "$TMP/holder.out" && [ $i -lt 100 ]; do
	sleep 0.05
	i=$((i + 1))
done
(sleep 1; echo "COMMIT;" >&3) &
expect_status "opened while another process holds the write lock" 0 \
	carecal --db "$TMP/held.db" list --format csv
contains "it waits, then upgrades it" "$TMP/err" "$UPGRADED"
exec 3>&-
wait $holder
[ "$(sqlite3 "$TMP/held.db" "PRAGMA journal_mode; PRAGMA user_version" |
    tr '\n' ' ')" = "wal $current " ] && ok "now in WAL mode, upgraded" ||
	not_ok "now in WAL mode, upgraded"

# versions carecal never wrote
cp "$TMP/v4.db" "$TMP/neg.db"
sqlite3 "$TMP/neg.db" "PRAGMA journal_mode = DELETE; PRAGMA user_version = -3" \
	>/dev/null
hash=$(sha256sum <"$TMP/neg.db")
expect_status "a negative schema version is refused" 1 \
	carecal --db "$TMP/neg.db" list
contains "saying it is not one carecal wrote" "$TMP/err" \
	"$(L 'schema version -3 is not one carecal ever wrote' \
	'スキーマ版 -3 は、carecal が作成したことのない版です')"
[ "$(sha256sum <"$TMP/neg.db")" = "$hash" ] &&
	ok "and the file is byte for byte as it was" ||
	not_ok "and the file is byte for byte as it was"
ls "$TMP" | grep -q 'neg\.db[.-]' &&
	not_ok "nothing is made beside it: $(ls "$TMP" | grep 'neg\.db')" ||
	ok "nothing is made beside it (no copy, no -wal)"
expect_status "fsck says so" 1 carecal --db "$TMP/neg.db" fsck
contains "in words" "$TMP/out" "$(L 'schema version -3' 'スキーマ版 -3')"

sqlite3 "$TMP/neg.db" "PRAGMA user_version = 0" >/dev/null
hash=$(sha256sum <"$TMP/neg.db")
expect_status "version 0 with carecal's tables is refused" 1 \
	carecal --db "$TMP/neg.db" list
contains "saying so" "$TMP/err" \
	"$(L 'schema version 0 is not one carecal' 'スキーマ版 0 は、carecal が作成')"
[ "$(sha256sum <"$TMP/neg.db")" = "$hash" ] &&
	ok "and that file too is as it was" ||
	not_ok "and that file too is as it was"

sqlite3 "$TMP/neg.db" "PRAGMA user_version = 2147483647" >/dev/null
expect_status "a version from far in the future is refused" 1 \
	carecal --db "$TMP/neg.db" list
contains "as a newer carecal's" "$TMP/err" \
	"$(L 'written by a newer carecal' 'より新しい carecal で作成されています')"
done_testing
