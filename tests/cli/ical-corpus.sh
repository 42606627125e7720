#!/bin/sh
# ical-corpus.sh -- the files of tests/ical-corpus, iCalendar as Google
# Calendar, Outlook and Exchange, Apple Calendar and Thunderbird write
# it: each imports with the meetings tests/ical-corpus/expected.tsv
# lists (JST times, status, URL, mode), or is refused for the reason it
# gives with the database as it was; what imports changes nothing when
# imported again. Under ja_JP.UTF-8 every line of the report is
# Japanese. Then an end at 24:00 goes out as the next day's 00:00 and
# comes back as 24:00.
. "$TESTS_SRCDIR/lib.sh"

corpus=$TESTS_SRCDIR/ical-corpus
table=$corpus/expected.tsv

# rows KIND CASE: the fields after KIND and CASE of those rows
rows()
{
	awk -F '\t' -v k="$1" -v c="$2" '$1 == k && $2 == c' "$table" |
	    cut -f3-
}

# meetings DB: each meeting from uid to note, sorted
meetings()
{
	carecal --db "$1" list --format csv | tail -n +2 | cut -d, -f2-13 |
	    LC_ALL=C sort
}

hash_of()
{
	cat "$1" "$1-wal" 2>/dev/null | sha256sum | cut -d" " -f1
}

# import_case DB FILE TODAY OPTIONS: output in $TMP/out, $TMP/err
import_case()
{
	[ "$4" = - ] && set -- "$1" "$2" "$3" ""
	# shellcheck disable=SC2086 # OPTIONS are words
	CARECAL_TODAY=$3 carecal --db "$1" import $4 "$corpus/$2" \
	    </dev/null >"$TMP/out" 2>"$TMP/err"
}

# every line of FILE... has a character beyond ASCII (Japanese)
all_japanese()
{
	! cat "$@" | LC_ALL=C grep -q '^[ -~]*$'
}

# every file of the corpus has its case
find "$corpus" -name '*.ics' | sed "s|^$corpus/||" | LC_ALL=C sort \
    >"$TMP/files"
awk -F '\t' '$1 == "C" { print $3 }' "$table" | LC_ALL=C sort -u \
    >"$TMP/cased"
same_text "every file of the corpus has its expected outcome" \
    "$TMP/files" "$TMP/cased"

tab=$(printf '\t')
awk -F '\t' '$1 == "C"' "$table" >"$TMP/cases"
while IFS=$tab read -r kind case file today options status before; do
	db=$TMP/$case.db
	carecal --db "$db" init >/dev/null || exit 99
	if [ "$before" != - ]; then
		awk -F '\t' -v c="$before" '$1 == "C" && $2 == c' "$table" |
		    (IFS=$tab read -r k c f t o s b &&
		    import_case "$db" "$f" "$t" "$o")
	fi
	old=$(hash_of "$db")
	import_case "$db" "$file" "$today" "$options"
	got=$?
	if [ "$got" -eq "$status" ]; then
		ok "$case: $file: exit status $status"
	else
		not_ok "$case: $file: exit status $got, want $status"
		sed 's/^/#   /' "$TMP/err" | head -10
	fi
	cp "$TMP/out" "$TMP/$case.out"
	cp "$TMP/err" "$TMP/$case.err"
	rows O "$case" >"$TMP/says"
	while IFS=$tab read -r en ja; do
		contains "$case: says $en" "$TMP/$case.out" "$(L "$en" "$ja")"
	done <"$TMP/says"
	rows E "$case" >"$TMP/says"
	while IFS=$tab read -r en ja; do
		contains "$case: says $en" "$TMP/$case.err" "$(L "$en" "$ja")"
	done <"$TMP/says"
	case ${LC_ALL:-} in
	ja_JP*)
		if all_japanese "$TMP/$case.out" "$TMP/$case.err"; then
			ok "$case: every line of the report is Japanese"
		else
			not_ok "$case: every line of the report is Japanese"
			cat "$TMP/$case.out" "$TMP/$case.err" |
			    LC_ALL=C grep '^[ -~]*$' | sed 's/^/#   /'
		fi
		;;
	esac
	if [ "$status" -ne 0 ]; then
		[ "$(hash_of "$db")" = "$old" ] &&
		    ok "$case: refused: the database is as it was" ||
		    not_ok "$case: refused: the database is as it was"
		continue
	fi
	rows M "$case" | LC_ALL=C sort >"$TMP/want"
	meetings "$db" >"$TMP/got"
	same_text "$case: the meetings, their JST times, status, mode, URL" \
	    "$TMP/want" "$TMP/got"
	import_case "$db" "$file" "$today" "$options"
	contains "$case: imported again: nothing changes" "$TMP/out" "$(L \
	    "added 0, updated 0, cancelled 0;" "追加 0 件、更新 0 件、中止 0 件。")"
	meetings "$db" >"$TMP/again"
	same_text "$case: imported again: the same meetings" "$TMP/want" \
	    "$TMP/again"
done <"$TMP/cases"

# an end at 24:00: exported as the next day's 00:00, not 23:59, and
# back as 24:00
uid=C1D2E3F4-A5B6-4C7D-8E9F-0A1B2C3D4E5F
carecal --db "$TMP/apple-address.db" export -o "$TMP/apple.ics" >/dev/null ||
    exit 99
awk -v uid="UID:$uid" '{ sub(/\r$/, "") } /^BEGIN:VEVENT/ { m = 0 }
    $0 == uid { m = 1 } m && /^DT(START|END)/' "$TMP/apple.ics" \
    >"$TMP/times"
contains "until midnight: DTEND is the next day's 00:00" "$TMP/times" \
	"DTEND;TZID=Asia/Tokyo:20210821T000000"
lacks "and not 23:59" "$TMP/times" "T235900"
carecal --db "$TMP/back.db" init >/dev/null
carecal --db "$TMP/back.db" import "$TMP/apple.ics" >/dev/null
meetings "$TMP/back.db" | grep "^$uid/\?," >"$TMP/row"
contains "imported back, it ends at 24:00" "$TMP/row" \
	"$uid,2021-08-20,19:00,24:00,"
check "a meeting can be given an end of 24:00" \
	carecal --db "$TMP/back.db" add --type kobetsu --center 馬橋 \
	--date 2021-09-10 --start 18:00 --end 24:00
expect_status "24:00 is no start" 2 \
	carecal --db "$TMP/back.db" add --type kobetsu --center 馬橋 \
	--date 2021-09-10 --start 24:00

done_testing
