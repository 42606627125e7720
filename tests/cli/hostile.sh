#!/bin/sh
# hostile.sh -- the standing table of hostile inputs (tests/cli/hostile.txt)
# through every way a name or a text comes in and goes out (issue 15,
# items 9, 12 and 13): center add, type add, add and edit (venue, note),
# import (CSV and iCalendar, as a value and as a UID), then list, summary,
# check, export, history and the error messages. What the table refuses
# is refused with exit status 2 and the database as it was; what it keeps
# comes back exactly through CSV and iCalendar; nothing carecal prints
# to a terminal holds a raw control character (C0 but tab and newline,
# DEL, C1, a bidirectional control); a CSV cell never starts a formula.
. "$TESTS_SRCDIR/lib.sh"

carecal init --demo >/dev/null || exit 99
table=$TESTS_SRCDIR/cli/hostile.txt
export CARECAL_TODAY=2021-10-01

# raw FILE: 0 if FILE holds a character a terminal takes as a command
raw()
{
	LC_ALL=C grep -aqP '[\x00-\x08\x0b-\x1f\x7f]|\xc2[\x80-\x9f]|\xe2\x80[\x8e\x8f\xa8-\xae]|\xe2\x81[\xa6-\xa9]|\xd8\x9c' "$1"
}
# clean DESCRIPTION FILE...: none of the files holds a raw control
clean()
{
	d=$1
	shift
	for f in "$@"; do
		if raw "$f"; then
			not_ok "$d: a raw control character in $(basename "$f")"
			LC_ALL=C grep -naP '[\x00-\x08\x0b-\x1f\x7f]|\xc2[\x80-\x9f]' \
			    "$f" | od -c | head -5 | sed 's/^/#   /'
			return
		fi
	done
	ok "$d: no raw control character"
}
# value ESCAPED: the value a line of the table stands for (after an x,
# so that printf takes no value for an option)
value()
{
	printf "x$1"
}
# verdict DESCRIPTION VERDICT COMMAND...: kept is exit 0; refused is
# exit 2 with the database as it was; either way stderr is clean
verdict()
{
	d=$1
	want=$2
	shift 2
	before=$(db_hash)
	"$@" >"$TMP/out" 2>"$TMP/err"
	got=$?
	case $want:$got in
	kept:0)
		ok "$d: kept" ;;
	refused:2)
		if [ "$(db_hash)" = "$before" ]; then
			ok "$d: refused, nothing changed"
		else
			not_ok "$d: refused, but the database changed"
		fi ;;
	*)
		not_ok "$d: exit $got, want $want"
		sed 's/^/#   /' "$TMP/err" | head -5 ;;
	esac
	clean "$d: stderr" "$TMP/err"
}

n=0
tab=$(printf '\t')
while IFS=$tab read -r label escaped as_name as_venue as_note as_uid; do
	case $label in
	''|'#'*)
		continue ;;
	esac
	n=$((n + 1))
	v=$(value "$escaped"; echo .)
	v=${v#x}
	v=${v%.}
	day=$(printf '2021-10-%02d' $((n % 28 + 1)))

	# an unknown name is quoted escaped in the error
	expect_status "$label: as an unknown center" 2 carecal add \
	    --type kobetsu --center "$v" --date "$day"
	clean "$label: the error quoting it" "$TMP/err"
	verdict "$label: center add" "$as_name" carecal center add "$v"
	verdict "$label: type add --name" "$as_name" carecal type add \
	    "hostile$n" --name "$v" --short "h$n"
	verdict "$label: add --venue" "$as_venue" carecal add --type kobetsu \
	    --center 明第1 --date "$day" --venue "$v"
	verdict "$label: add --note" "$as_note" carecal add --type kobetsu \
	    --center 明第2西 --date "$day" --note "$v"
	verdict "$label: edit --venue" "$as_venue" carecal edit 3 --venue "$v"
	if [ "$as_name" = kept ]; then
		verdict "$label: a meeting at that center" kept carecal add \
		    --type kobetsu --center "$v" --date "$day" --venue "$v"
	fi

	# CSV: as a venue, and as a uid
	{
		echo "date,type,center,venue,note"
		printf '%s,kobetsu,本庁,' "$day"
		printf '%s' "$v" | sed 's/"/""/g; s/^/"/; s/$/"/'
		printf ',\r\n'
	} >"$TMP/venue.csv"
	verdict "$label: a CSV venue" "$as_venue" carecal import \
	    "$TMP/venue.csv"
	{
		echo "uid,date,type,center"
		printf '%s' "$v" | sed 's/"/""/g; s/^/"/; s/$/"/'
		printf ',%s,kobetsu,本庁\r\n' "$day"
	} >"$TMP/uid.csv"
	verdict "$label: a CSV uid" "$as_uid" carecal import "$TMP/uid.csv"
	# iCalendar: as a UID (libical reads the text; a line break ends it)
	case $as_uid:$label in
	*:newline|*:cr|*:line-separator)
		;;
	*)
		printf 'BEGIN:VCALENDAR\r\nVERSION:2.0\r\nPRODID:-//t//t\r\nBEGIN:VEVENT\r\nUID:%s\r\nDTSTAMP:20210101T000000Z\r\nDTSTART;VALUE=DATE:%s\r\nSUMMARY:地域個別ケア会議（本庁）\r\nEND:VEVENT\r\nEND:VCALENDAR\r\n' \
		    "ical-$(printf '%s' "$v" | sed 's/[\\;,]/\\&/g')" \
		    "$(echo "$day" | tr -d -)" >"$TMP/uid.ics"
		verdict "$label: an iCalendar UID" "$as_uid" carecal import \
		    "$TMP/uid.ics"
		;;
	esac
done <"$table"
[ "$n" -ge 25 ] && ok "the table has $n values" || not_ok "the table: $n"

# a file name anyone may choose, in the recorded command (item 12)
evil=$TMP/$(printf 'x\033]0;owned\007\033[2J\302\23331m\342\200\256.csv')
printf 'date,type,center\r\n2021-11-30,kobetsu,本庁\r\n' >"$evil"
check "a CSV whose name holds escapes imports" carecal import "$evil"
carecal history >"$TMP/history.txt" 2>&1
contains "history shows its name escaped" "$TMP/history.txt" \
	'x\x1b]0;owned\x07\x1b[2J\u009b31m\u202e.csv'
carecal undo --dry-run >"$TMP/undo.txt" 2>&1
contains "undo --dry-run too" "$TMP/undo.txt" 'x\x1b]0;owned\x07'
clean "history and undo" "$TMP/history.txt" "$TMP/undo.txt"
printf 'date,type,center\r\n2021-13-01,kobetsu,本庁\r\n' >"$evil"
expect_status "an import error names the file" 2 carecal import "$evil"
contains "escaped" "$TMP/err" 'x\x1b]0;owned\x07\x1b[2J\u009b31m\u202e.csv:2: date'
clean "an import error naming the file" "$TMP/err"
printf 'BEGIN:VCALENDAR\r\nVERSION:2.0\r\nPRODID:-//t//t\r\nBEGIN:VEVENT\r\nUID:nothing-said\r\nDTSTAMP:20210101T000000Z\r\nDTSTART;VALUE=DATE:20211201\r\nSUMMARY:?\r\nEND:VEVENT\r\nEND:VCALENDAR\r\n' \
	>"$evil.ics"
expect_status "an iCalendar file so named, with an event not mapped" 2 \
	carecal import "$evil.ics"
contains "names it escaped" "$TMP/err" \
	'x\x1b]0;owned\x07\x1b[2J\u009b31m\u202e.csv.ics:4: nothing-said: '"$(L \
	'cannot be mapped' '対応付けられません')"
clean "what it says" "$TMP/err"

# --- what comes out
carecal list >"$TMP/list.txt" 2>&1
carecal list --fy 2021 --center 本庁 >>"$TMP/list.txt" 2>&1
carecal summary --for 2022-01-27 >"$TMP/summary.txt" 2>&1
carecal summary --fy 2021 >>"$TMP/summary.txt" 2>&1
carecal check --fy 2021 >"$TMP/check.txt" 2>&1
carecal history >"$TMP/history.txt" 2>&1
carecal history --deleted >>"$TMP/history.txt" 2>&1
carecal center list >"$TMP/centers.txt" 2>&1
carecal type list >"$TMP/types.txt" 2>&1
clean "what list, summary, check, history, center and type list print" \
	"$TMP/list.txt" "$TMP/summary.txt" "$TMP/check.txt" \
	"$TMP/history.txt" "$TMP/centers.txt" "$TMP/types.txt"

# CSV: no cell starts a formula (item 13)
carecal list --format csv >"$TMP/list.csv"
carecal summary --for 2022-01-27 --format csv >"$TMP/summary.csv"
carecal summary --fy 2020..2021 --format csv >"$TMP/years.csv"
carecal check --fy 2021 --format csv >"$TMP/check.csv"
for f in list summary years check; do
	if LC_ALL=C grep -aqE '(^|,)"?[-=+@	]' "$TMP/$f.csv" ||
	    LC_ALL=C grep -aqP '(^|,)"\r' "$TMP/$f.csv"; then
		not_ok "$f CSV: a cell starts a formula"
		LC_ALL=C grep -aE '(^|,)"?[-=+@	]' "$TMP/$f.csv" | head -3 |
		    sed 's/^/#   /'
	else
		ok "$f CSV: no cell starts a formula"
	fi
done
contains "list CSV: =HYPERLINK gets an apostrophe" "$TMP/list.csv" \
	"'=HYPERLINK("
contains "and '=1+1 one more" "$TMP/list.csv" "''=1+1"
contains "summary CSV: a center named =HYPERLINK gets one" \
	"$TMP/summary.csv" "'=HYPERLINK("
contains "check CSV: a center named @SUM gets one" "$TMP/check.csv" \
	"'@SUM(A1:A9)"

# everything kept reads back exactly: the whole list imports unchanged
expect_status "list --format csv imports back" 0 carecal import \
	"$TMP/list.csv"
contains "every meeting unchanged (formulas, quotes, NFD, notes)" \
	"$TMP/out" "$(L 'added 0, updated 0, cancelled 0;' \
	'追加 0 件、更新 0 件、中止 0 件。')"
carecal export --include-notes --include-cancelled -o "$TMP/all.ics" \
	>/dev/null
expect_status "export --include-notes imports back" 0 carecal import \
	--dry-run "$TMP/all.ics"
# libical 3.0 drops the whitespace a value begins with (the note that
# begins with a tab): those would be updates; every other is unchanged
k=$(grep -c "$(printf ",'\t")" "$TMP/list.csv")
contains "every meeting unchanged through iCalendar (but $k)" "$TMP/out" \
	"$(L "would add 0, update $k, cancel 0;" \
	"追加 0 件、更新 $k 件、中止 0 件を行います。")"
nfc=$(printf '\343\202\254会議室')
nfd=$(printf '\343\202\253\343\202\231会議室')
carecal center list >"$TMP/centers.txt"
[ "$(grep -c -F -x -e "$nfc" -e "$nfd" "$TMP/centers.txt")" -eq 2 ] ||
    grep -q -F "$nfd" "$TMP/centers.txt" &&
	ok "an NFD name is kept as it was typed, byte for byte" ||
	not_ok "an NFD name is kept as it was typed, byte for byte"
grep -F ",$nfd," "$TMP/list.csv" | grep -q -F -v ",$nfc," &&
	ok "and its meetings stay at that center, not the NFC one" ||
	not_ok "and its meetings stay at that center, not the NFC one"
carecal fsck >/dev/null && ok "fsck: the database is whole" ||
	not_ok "fsck: the database is whole"

# --- dates outside 1955-2099, by every way in (item 9)
years=$(L '1955 to 2099' '1955年から2099年まで')
before=$(db_hash)
for d in 9999-12-31 1954-12-31 2100-01-01 明治45年7月29日; do
	check_error "add --date $d" 2 "$years" carecal add \
	    --type kobetsu --center 明第1 --date "$d"
done
check_error "edit --date 9999-12-31" 2 "$years" carecal edit 3 \
	--date 9999-12-31
check_error "add --window 2099-12..2100-05" 2 "$years" carecal add \
	--type city --date 2099-12-01 --window 2099-12..2100-05
check_error "list --from 1900-01-01" 2 "$years" carecal list \
	--from 1900-01-01
printf 'date,type,center\r\n9999-12-31,kobetsu,明第1\r\n' >"$TMP/far.csv"
check_error "a CSV date of 9999-12-31" 2 "far.csv:2: date: $(L \
	"invalid date '9999-12-31': carecal knows the years 1955 to 2099" \
	'日付「9999-12-31」が正しくありません: carecal が扱えるのは 1955年から2099年まで')" \
	carecal import "$TMP/far.csv"
printf 'date,type,center,window\r\n2022-01-27,city,,2099-06..2100-01\r\n' \
	>"$TMP/farwin.csv"
check_error "a CSV window into 2100" 2 "$years" carecal import \
	"$TMP/farwin.csv"
printf 'BEGIN:VCALENDAR\r\nVERSION:2.0\r\nPRODID:-//t//t\r\nBEGIN:VEVENT\r\nUID:far@t\r\nDTSTAMP:20210101T000000Z\r\nDTSTART;VALUE=DATE:99991231\r\nSUMMARY:地域個別ケア会議（本庁）\r\nEND:VEVENT\r\nEND:VCALENDAR\r\n' \
	>"$TMP/far.ics"
check_error "an iCalendar event on 9999-12-31" 2 "$(L \
	'its date 9999-12-31 is outside the years carecal knows (1955 to 2099' \
	'日付 9999-12-31 は、carecal が扱える 1955年から2099年まで')" \
	carecal import "$TMP/far.ics"
check_error "import --from 1900-01-01" 2 "$years" carecal import \
	--from 1900-01-01 "$TMP/far.ics"
check_error "summary --from 2100-01" 2 "$years" carecal summary \
	--from 2100-01 --to 2100-06
check_error "CARECAL_TODAY=9999-12-31" 2 "$years" env \
	CARECAL_TODAY=9999-12-31 "$CARECAL" check
[ "$(db_hash)" = "$before" ] && ok "none of them changed the database" ||
	not_ok "none of them changed the database"
! grep -q '00000000' "$TMP/all.ics" &&
	ok "no DTSTART:00000000 in the export" ||
	not_ok "no DTSTART:00000000 in the export"
check "2099-12-31 is the last day taken" carecal add --type kobetsu \
	--center 明第1 --date 2099-12-31
check "1955-01-01 the first" carecal add --type kobetsu --center 明第1 \
	--date 1955-01-01
done_testing
