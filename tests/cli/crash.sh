#!/bin/sh
# crash.sh -- a 10,000-row import killed with SIGKILL at random moments,
# 50 times: each time the database passes SQLite's integrity check and
# holds all the new rows (with their history) or none of them.
. "$TESTS_SRCDIR/lib.sh"
need_family stress "an import killed 50 times"
need_tool sqlite3 sqlite3

RUNS=50
ROWS=10000
# An AddressSanitizer build imports about ten times slower: the same 50
# kills over a smaller import keep that run's time in bounds.
grep -q __asan_init "$CARECAL" 2>/dev/null && ROWS=2000

awk -v rows=$ROWS 'BEGIN {
	n = split("明第1 明第2西 本庁 矢切 東部 小金 馬橋", c, " ")
	print "id,uid,date,start,end,center,type,mode,status,cases,venue," \
	    "url,note"
	for (i = 0; i < rows; i++)
		printf ",,2021-%02d-%02d,13:30,15:00,%s,kobetsu,hybrid,held," \
		    "%d,会議室%d,,\n", i % 12 + 1, i % 28 + 1, c[i % n + 1],
		    i % 10, i
}' >"$TMP/big.csv"
carecal init --demo >/dev/null
cp "$DB" "$TMP/base.db"

count()
{
	sqlite3 "$1" "SELECT (SELECT count(*) FROM meetings) || ' ' ||
	    (SELECT count(*) FROM history)"
}
before=$(count "$TMP/base.db")
set -- $before
after="$(($1 + ROWS)) $(($2 + ROWS))"

# how long one whole import takes here (a sanitizer build is slower)
cp "$TMP/base.db" "$TMP/timed.db"
start=$(date +%s%N)
carecal --db "$TMP/timed.db" import "$TMP/big.csv" >/dev/null
end=$(date +%s%N)
ms=$(((end - start) / 1000000))
[ "$(count "$TMP/timed.db")" = "$after" ] &&
	ok "an import uninterrupted adds $ROWS rows (in $ms ms)" ||
	not_ok "an import uninterrupted adds $ROWS rows"

# delays of 0 .. that time, at random; printed so a failure can be rerun
delays=$(awk -v ms=$ms -v runs=$RUNS -v seed="$$$(date +%N)" 'BEGIN {
	srand(seed % 2147483647)
	for (i = 0; i < runs; i++)
		printf "%.3f ", rand() * ms / 1000
}')
echo "# delays (s): $delays"

none=0
all=0
i=0
for delay in $delays; do
	i=$((i + 1))
	rm -f "$DB" "$DB-wal" "$DB-shm"
	cp "$TMP/base.db" "$DB"
	"$CARECAL" import "$TMP/big.csv" >/dev/null 2>&1 &
	pid=$!
	sleep "$delay"
	kill -KILL $pid 2>/dev/null
	{ wait $pid; } 2>/dev/null
	status=$?
	check=$(sqlite3 "$DB" "PRAGMA integrity_check" 2>&1)
	rows=$(count "$DB")
	if [ "$check" != ok ]; then
		not_ok "run $i (killed after ${delay}s): integrity check"
		echo "$check" | sed 's/^/#   /' | head -5
	elif [ "$rows" = "$before" ]; then
		none=$((none + 1))
		ok "run $i (killed after ${delay}s, status $status): ok, none"
	elif [ "$rows" = "$after" ]; then
		all=$((all + 1))
		ok "run $i (killed after ${delay}s, status $status): ok, all"
	else
		not_ok "run $i (killed after ${delay}s): $rows meetings and" \
		    "changes, want '$before' or '$after'"
	fi
done
echo "# $none runs left none, $all runs all"
[ $none -gt 0 ] && ok "some kills landed inside the import ($none)" ||
	not_ok "some kills landed inside the import"
expect_status "carecal fsck agrees after the last run" 0 carecal fsck
done_testing
