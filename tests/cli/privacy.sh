#!/bin/sh
# privacy.sh -- a meeting's note is private: with notes on demo meetings
# (inside and outside the reporting window of the 2022-01-27 city
# meeting), nothing that lists, summarises, prints, exports or shows the
# history of the calendar carries a note's text unless asked to
# (--include-notes); `list --format csv`, the local backup format, does.
. "$TESTS_SRCDIR/lib.sh"

carecal init --demo >/dev/null
# 10 and 95 are outside June-November 2021, 40 and 60 inside
for id in 10 40 60 95; do
	check "a note on meeting $id" carecal edit $id --note "PRIVATE-XYZ-$id"
done
check "a note set the other way getopt allows" carecal edit 41 \
	--not=PRIVATE-XYZ-41
NOTE=PRIVATE-XYZ

# run DESCRIPTION COMMAND...: the output must not hold a note
private()
{
	d=$1
	shift
	if "$@" >"$TMP/out" 2>"$TMP/err"; then
		cat "$TMP/err" >>"$TMP/out"
		lacks "$d: no note" "$TMP/out" "$NOTE"
	else
		not_ok "$d (exit $?)"
		sed 's/^/#   /' "$TMP/err" | head -5
	fi
}

private "list" carecal list
private "list --fy 2021 --center 東部" carecal list --fy 2021 --center 東部
private "summary --for 2022-01-27" carecal summary --for 2022-01-27
private "summary --for 2022-01-27 --format csv" carecal summary \
	--for 2022-01-27 --format csv
private "summary --fy 2021" carecal summary --fy 2021
private "summary --fy 2020..2021" carecal summary --fy 2020..2021
private "summary as PDF" carecal summary --fy 2021 --format pdf \
	-o "$TMP/summary.pdf"
if have_tool pdftotext; then
	pdftotext "$TMP/summary.pdf" "$TMP/summary.txt" &&
		lacks "the PDF's text: no note" "$TMP/summary.txt" "$NOTE" ||
		not_ok "pdftotext reads the PDF"
	contains "(the PDF's text is readable)" "$TMP/summary.txt" "開催状況"
else
	skip "the PDF's text: no note" \
	    "pdftotext is not installed (apt-get install poppler-utils)"
fi
private "check --fy 2021" carecal check --fy 2021
private "check --format csv" carecal check --fy 2021 --format csv
private "export" carecal export --fy 2021
private "export --include-cancelled" carecal export --include-cancelled
private "export -o FILE" carecal export -o "$TMP/all.ics"
[ -s "$TMP/all.ics" ] && lacks "the exported file: no note" \
	"$TMP/all.ics" "$NOTE" || not_ok "export -o wrote the file"
private "export --split-by center" carecal export --split-by center \
	--dir "$TMP/split"
cat "$TMP"/split/*.ics >"$TMP/split.ics" 2>/dev/null
[ -s "$TMP/split.ics" ] && lacks "the files per center: no note" \
	"$TMP/split.ics" "$NOTE" || not_ok "export --split-by wrote files"
private "history" carecal history
private "history of one meeting" carecal history 40
private "history --since today" carecal history --since "$(date +%Y-%m-%d)"

# asked for, the notes are there: the checks above could see them
expect_status "export --include-notes" 0 carecal export --include-notes
contains "has the notes" "$TMP/out" "$NOTE-40"
expect_status "history --include-notes" 0 carecal history 41 --include-notes
contains "has the note" "$TMP/out" "$NOTE-41"
expect_status "list --format csv (the backup format)" 0 carecal list \
	--format csv
for id in 10 40 41 60 95; do
	contains "has note $id" "$TMP/out" "$NOTE-$id"
done
done_testing
