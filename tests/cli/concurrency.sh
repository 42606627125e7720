#!/bin/sh
# concurrency.sh -- two processes making 500 edits each on the same three
# meetings with `carecal edit`: every edit is either saved or refused as
# a conflict (exit status 1, saying who changed the meeting), none is
# lost (each saved value is in the history, each meeting's version counts
# its saves), and "database is locked" never reaches the user.
. "$TESTS_SRCDIR/lib.sh"
need_family stress "two processes making 500 edits each"
need_tool sqlite3 sqlite3

EDITS=500
# An AddressSanitizer build starts each process slowly: fewer edits there.
grep -q __asan_init "$CARECAL" 2>/dev/null && EDITS=100
carecal init --demo >/dev/null

# editor P: EDITS edits, each setting a venue no other edit sets
editor()
{
	i=0
	while [ $i -lt $EDITS ]; do
		id=$((i % 3 + 1))
		"$CARECAL" edit $id --venue "p$1-$i" \
		    >/dev/null 2>"$TMP/err-$1-$i"
		echo "$1 $i $id $?"
		i=$((i + 1))
	done >"$TMP/log-$1"
}

start=$(date +%s)
editor 1 &
pid1=$!
editor 2 &
pid2=$!
wait $pid1 $pid2
echo "# $((2 * EDITS)) edits in $(($(date +%s) - start)) s"

cat "$TMP/log-1" "$TMP/log-2" >"$TMP/log"
[ "$(wc -l <"$TMP/log")" -eq $((2 * EDITS)) ] &&
	ok "every edit ran ($((2 * EDITS)))" || not_ok "every edit ran"
saved=$(awk '$4 == 0' "$TMP/log" | wc -l)
refused=$(awk '$4 == 1' "$TMP/log" | wc -l)
echo "# $saved saved, $refused refused as conflicts"
[ $((saved + refused)) -eq $((2 * EDITS)) ] &&
	ok "each edit was saved (exit 0) or refused (exit 1)" ||
	not_ok "each edit was saved or refused: $(awk '$4 > 1' "$TMP/log" |
	    head -3)"

bad=0
for f in $(awk '$4 == 1 { print "err-" $1 "-" $2 }' "$TMP/log"); do
	grep -q "$(L "was changed by .* after you opened it; your change was not" \
	    "開いた後に .* が .* に変更しました。あなたの変更は保存していません")" \
	    "$TMP/$f" || { bad=$((bad + 1)); sed 's/^/#   /' "$TMP/$f"; }
done
[ $bad -eq 0 ] && ok "each refusal says the meeting was changed by someone" ||
	not_ok "$bad refusals without the conflict message"
for f in $(awk '$4 == 0 { print "err-" $1 "-" $2 }' "$TMP/log"); do
	[ -s "$TMP/$f" ] && { bad=$((bad + 1)); sed 's/^/#   /' "$TMP/$f"; }
done
[ $bad -eq 0 ] && ok "saved edits print no error" ||
	not_ok "$bad saved edits printed something"
cat "$TMP"/err-* >"$TMP/all-errors"
lacks "no 'database is locked' reaches the user" "$TMP/all-errors" \
	"database is locked"
lacks "nor any other locking message" "$TMP/all-errors" "$(L locked ロック)"

# none lost: the history holds exactly the saved values, in order
awk '$4 == 0 { print "p" $1 "-" $2 }' "$TMP/log" | sort >"$TMP/want"
sqlite3 "$DB" "SELECT json_extract(after, '\$.venue') FROM history
    WHERE op = 'update' AND json_extract(after, '\$.venue') GLOB 'p*-*'" |
    sort >"$TMP/got"
same_text "the history holds every saved edit and no refused one" \
	"$TMP/want" "$TMP/got"
for id in 1 2 3; do
	n=$(awk -v id=$id '$4 == 0 && $3 == id' "$TMP/log" | wc -l)
	v=$(sqlite3 "$DB" "SELECT version FROM meetings WHERE id = $id")
	[ "$v" -eq $((n + 1)) ] &&
		ok "meeting $id: version $v = 1 + its $n saved edits" ||
		not_ok "meeting $id: version $v, want $((n + 1))"
	last=$(sqlite3 "$DB" "SELECT json_extract(after, '\$.venue') FROM
	    history WHERE meeting_id = $id ORDER BY id DESC LIMIT 1")
	now=$(sqlite3 "$DB" "SELECT venue FROM meetings WHERE id = $id")
	[ "$last" = "$now" ] &&
		ok "meeting $id holds its last saved value ($now)" ||
		not_ok "meeting $id holds '$now'; its history ends" \
		    "with '$last'"
done
expect_status "the database passes fsck" 0 carecal fsck
done_testing
