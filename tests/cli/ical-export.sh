#!/bin/sh
# ical-export.sh -- `carecal export`: the calendar's head and VTIMEZONE,
# each meeting as a VEVENT (UID, SEQUENCE, times, SUMMARY with the mode in
# words, CATEGORIES, the online link, STATUS, X-CARECAL-*), what stays out
# (private notes; cancelled meetings with --without-cancelled), filters,
# -o, one file per center or type with names Windows accepts, and lines of
# at most 75 octets.
. "$TESTS_SRCDIR/lib.sh"

# one content line per line: CRLF and folding undone (RFC 5545 3.1)
unfold()
{
	tr -d '\r' <"$1" | awk '
	/^[ \t]/ { line = line substr($0, 2); next }
	NR > 1 { print line }
	{ line = $0 }
	END { print line }'
}

# the unfolded VEVENT with UID $2 in file $1
event_of()
{
	unfold "$1" | awk -v uid="UID:$2" '
	/^BEGIN:VEVENT$/ { n = 0; keep = 0 }
	{ lines[++n] = $0 }
	$0 == uid { keep = 1 }
	/^END:VEVENT$/ && keep { for (i = 1; i <= n; i++) print lines[i]; exit }'
}

uid_of()
{
	carecal list --format csv "$@" | tail -n +2 | head -1 | cut -d, -f2
}

id_of()
{
	carecal list --format csv "$@" | tail -n +2 | head -1 | cut -d, -f1
}

carecal init --demo >/dev/null || exit 99

expect_status "export --help" 0 carecal export --help
contains "explains --split-by" "$TMP/out" "--split-by center|type"
expect_status "-o with --split-by is a usage error" 2 \
	carecal export -o "$TMP/x.ics" --split-by center --dir "$TMP/x"
expect_status "--split-by without --dir is a usage error" 2 \
	carecal export --split-by center
expect_status "--dir without --split-by is a usage error" 2 \
	carecal export --dir "$TMP/x"
expect_status "--split-by room is a usage error" 2 \
	carecal export --split-by room --dir "$TMP/x"
contains "naming the value" "$TMP/err" "$(L "'room' is not center or type" "「room」は center でも type でもありません")"
expect_status "an unknown center" 2 carecal export --center 無い
expect_status "a bad fiscal year" 2 carecal export --fy 令和百年度度

expect_status "the demo exports to standard output" 0 carecal export
cp "$TMP/out" "$TMP/demo.ics"
unfold "$TMP/demo.ics" >"$TMP/demo.txt"
head -1 "$TMP/demo.txt" >"$TMP/first"
contains "it is one VCALENDAR" "$TMP/first" "BEGIN:VCALENDAR"
for line in "PRODID:-//carecal//carecal " "VERSION:2.0" "CALSCALE:GREGORIAN" \
    "METHOD:PUBLISH" "X-WR-CALNAME:松戸市 地域ケア会議" \
    "X-WR-TIMEZONE:Asia/Tokyo" "TZID:Asia/Tokyo"; do
	contains "the calendar has $line" "$TMP/demo.txt" "$line"
done
lacks "no libical zone name" "$TMP/demo.txt" "freeassociation"
awk '/^BEGIN:VTIMEZONE/ { z = 1 } /^END:VTIMEZONE/ { z = 0 }
    z && /^DTSTART:/ && substr($0, 9, 4) < 1970 { print }' \
    "$TMP/demo.txt" >"$TMP/old"
[ ! -s "$TMP/old" ] && ok "the VTIMEZONE starts in 1970, not 1888" ||
	not_ok "the VTIMEZONE starts in 1970, not 1888: $(cat "$TMP/old")"
n=$(grep -c '^BEGIN:VEVENT$' "$TMP/demo.txt")
[ "$n" -eq 104 ] && ok "104 events" || not_ok "104 events (got $n)"
carecal list --format csv | tail -n +2 | cut -d, -f2 | sort >"$TMP/uids.db"
sed -n 's/^UID://p' "$TMP/demo.txt" | sort >"$TMP/uids.ics"
same_text "each meeting keeps its UID" "$TMP/uids.db" "$TMP/uids.ics"

# an all-day city meeting and a hybrid 個別ケア会議 of the demo
city=$(uid_of --type city --from 2021-07-29 --to 2021-07-29)
event_of "$TMP/demo.ics" "$city" >"$TMP/city"
for line in "DTSTART;VALUE=DATE:20210729" "DTEND;VALUE=DATE:20210730" \
    "SUMMARY:市地域ケア会議［対面］" "STATUS:CONFIRMED" "TRANSP:OPAQUE" \
    "SEQUENCE:0" "DTSTAMP:" "X-CARECAL-TYPE:city" \
    "X-CARECAL-MODE:in-person"; do
	contains "the city meeting: $line" "$TMP/city" "$line"
done
lacks "a city meeting has no center" "$TMP/city" "X-CARECAL-CENTER"
umabashi=$(uid_of --center 馬橋 --type kobetsu --from 2021-05-13 \
	--to 2021-05-13)
event_of "$TMP/demo.ics" "$umabashi" >"$TMP/umabashi"
for line in "SUMMARY:地域個別ケア会議（馬橋）［一部オンライン］" \
    "CATEGORIES:地域個別ケア会議" "CATEGORIES:一部オンライン" \
    "CATEGORIES:馬橋" "X-CARECAL-CENTER:馬橋" "X-CARECAL-TYPE:kobetsu" \
    "X-CARECAL-MODE:hybrid" "X-CARECAL-CASES:2" "DESCRIPTION:事例数: 2"; do
	contains "the hybrid meeting: $line" "$TMP/umabashi" "$line"
done

# an edit grows SEQUENCE, the UID stays
carecal edit "$(id_of --center 馬橋 --type kobetsu --from 2021-05-13 \
	--to 2021-05-13)" --mode online >/dev/null
carecal export -o "$TMP/edited.ics" >/dev/null
event_of "$TMP/edited.ics" "$umabashi" >"$TMP/umabashi2"
contains "after an edit: SEQUENCE:1" "$TMP/umabashi2" "SEQUENCE:1"
contains "and the new mode in the title" "$TMP/umabashi2" \
	"SUMMARY:地域個別ケア会議（馬橋）［完全オンライン］"

# a timed meeting with a venue and an online link; one with a start only
carecal add --type kobetsu --center 明第1 --date 2021-08-05 --start 13:30 \
	--end 15:00 --mode hybrid --cases 3 --venue "明第1 会議室" \
	--url "https://meet.example.jp/abc?x=1&y=2" >/dev/null
carecal add --type suishin --center 明第1 --date 2021-08-06 --start 09:30 \
	>/dev/null
carecal export -o "$TMP/timed.ics" >/dev/null
event_of "$TMP/timed.ics" "$(uid_of --from 2021-08-05 --to 2021-08-05 \
	--center 明第1)" >"$TMP/timed"
for line in "DTSTART;TZID=Asia/Tokyo:20210805T133000" \
    "DTEND;TZID=Asia/Tokyo:20210805T150000" "LOCATION:明第1 会議室" \
    "URL:https://meet.example.jp/abc?x=1&y=2" \
    "CONFERENCE;VALUE=URI;FEATURE=VIDEO;LABEL=オンライン会議:https://meet.example.jp/abc?x=1&y=2" \
    "STATUS:TENTATIVE"; do
	contains "a timed meeting: $line" "$TMP/timed" "$line"
done
contains "a timed meeting: the link and the cases in DESCRIPTION" "$TMP/timed" \
	'DESCRIPTION:オンライン会議: https://meet.example.jp/abc?x=1&y=2\n事例数: 3'
# DESCRIPTION's labels are Japanese in every locale (issue 13): none
# of its lines begins with an English word and a colon
for loc in ja_JP.UTF-8 C.UTF-8 en_US.UTF-8; do
	if [ "$(LC_ALL=$loc locale charmap 2>/dev/null)" != UTF-8 ]; then
		ok "# SKIP $loc is not installed"
		continue
	fi
	LC_ALL=$loc "$CARECAL" export -o "$TMP/labels.ics" >/dev/null
	unfold "$TMP/labels.ics" | sed -n 's/^DESCRIPTION://p' |
	    sed 's/\\n/\n/g' | grep -E '^[A-Za-z][A-Za-z ]*:' \
	    >"$TMP/english" || :
	[ ! -s "$TMP/english" ] &&
	    ok "exported under $loc: no English label in DESCRIPTION" ||
	    not_ok "exported under $loc: English labels: $(head -2 \
	    "$TMP/english")"
done
# a calendar of the older English labels reads as before: an import
# takes the X-CARECAL- properties, never the labels
sed 's/オンライン会議/Online meeting/g; s/事例数: /Cases: /g' \
    "$TMP/timed.ics" >"$TMP/old-labels.ics"
expect_status "a file with the old English labels imports" 0 \
	carecal import --dry-run "$TMP/old-labels.ics"
contains "as unchanged" "$TMP/out" "$(L "would add 0, update 0, cancel 0" "追加 0 件、更新 0 件、中止 0 件を行います")"
sed 's/^DESCRIPTION:.*/DESCRIPTION:新しい説明/' "$TMP/timed.ics" \
    >"$TMP/new-labels.ics"
expect_status "and so does one whose DESCRIPTION says anything" 0 \
	carecal import --dry-run "$TMP/new-labels.ics"
contains "unchanged too" "$TMP/out" "$(L "would add 0, update 0, cancel 0" "追加 0 件、更新 0 件、中止 0 件を行います")"
event_of "$TMP/timed.ics" "$(uid_of --from 2021-08-06 --to 2021-08-06)" \
	>"$TMP/start-only"
contains "a start only: DTSTART" "$TMP/start-only" \
	"DTSTART;TZID=Asia/Tokyo:20210806T093000"
# issue 16: not an event of no length, but the type's usual length (90
# minutes, as Matsudo's types set none), marked so that carecal reads it
# back with no end (the imports above find it unchanged)
contains "and DTEND 90 minutes on, the type's usual length" \
	"$TMP/start-only" "DTEND;TZID=Asia/Tokyo:20210806T110000"
contains "marked as the usual length, not an end recorded" \
	"$TMP/start-only" "X-CARECAL-END:USUAL"

# cancelled meetings go out as such, so that calendars mark them
# (issue 16), unless left out with --without-cancelled
cancelled=$(uid_of --type suishin --center 小金原 --from 2021-05-11 \
	--to 2021-05-11)
carecal cancel "$(id_of --type suishin --center 小金原 --from 2021-05-11 \
	--to 2021-05-11)" >/dev/null
carecal export >"$TMP/with-cancelled.ics"
event_of "$TMP/with-cancelled.ics" "$cancelled" >"$TMP/cancelled"
contains "a cancelled meeting: STATUS:CANCELLED" "$TMP/cancelled" \
	"STATUS:CANCELLED"
contains "and 【中止】 in the title" "$TMP/cancelled" \
	"SUMMARY:【中止】地域包括ケア推進会議（小金原）［対面］"
contains "and SEQUENCE raised by the cancel" "$TMP/cancelled" "SEQUENCE:1"
carecal export --without-cancelled >"$TMP/no-cancelled.ics"
lacks "--without-cancelled: left out" "$TMP/no-cancelled.ics" "$cancelled"
carecal export --include-cancelled >"$TMP/old-option.ics"
contains "--include-cancelled, as old scripts say: still accepted" \
	"$TMP/old-option.ics" "$cancelled"

# notes are private
carecal add --type kobetsu --center 本庁 --date 2021-08-10 --cases 1 \
	--note "私的なメモ: 次回も出席" >/dev/null
carecal export >"$TMP/no-notes.ics"
lacks "a note is not exported" "$TMP/no-notes.ics" "私的なメモ"
lacks "nor its property" "$TMP/no-notes.ics" "X-CARECAL-NOTE"
carecal export --include-notes >"$TMP/notes.ics"
unfold "$TMP/notes.ics" >"$TMP/notes.txt"
contains "--include-notes: X-CARECAL-NOTE" "$TMP/notes.txt" \
	"X-CARECAL-NOTE:私的なメモ: 次回も出席"
contains "and the calendar says notes are in" "$TMP/notes.txt" \
	"X-CARECAL-NOTES:INCLUDED"

# filters and titles
carecal export --fy 2021 --center 明第1 >"$TMP/meidai1.ics"
unfold "$TMP/meidai1.ics" >"$TMP/meidai1.txt"
contains "--center: the calendar's name" "$TMP/meidai1.txt" \
	"X-WR-CALNAME:明第1 地域ケア会議"
want=$(carecal list --fy 2021 --center 明第1 --format csv | grep -vc cancelled)
got=$(grep -c '^BEGIN:VEVENT$' "$TMP/meidai1.txt")
[ "$got" -eq $((want - 1)) ] && ok "--center: only its $got meetings" ||
	not_ok "--center: only its meetings (got $got, want $((want - 1)))"
grep '^X-CARECAL-CENTER:' "$TMP/meidai1.txt" | sort -u >"$TMP/centers"
printf 'X-CARECAL-CENTER:明第1\n' >"$TMP/centers.want"
same_text "--center: no other center" "$TMP/centers.want" "$TMP/centers"
carecal export --type city >"$TMP/city.ics"
unfold "$TMP/city.ics" >"$TMP/city.txt"
contains "--type: the calendar's name" "$TMP/city.txt" \
	"X-WR-CALNAME:松戸市 市地域ケア会議"
n=$(grep -c '^BEGIN:VEVENT$' "$TMP/city.txt")
[ "$n" -eq 2 ] && ok "--type city: the 2 city meetings" ||
	not_ok "--type city: the 2 city meetings (got $n)"
carecal export --from 2021-06-01 --to 2021-06-30 >"$TMP/june.ics"
sed -n 's/^DTSTART;VALUE=DATE:\(......\).*/\1/p' "$TMP/june.ics" | sort -u \
	>"$TMP/months"
printf '202106\n' >"$TMP/months.want"
same_text "--from/--to: June only" "$TMP/months.want" "$TMP/months"

# -o writes the file whole, with the usual mode
(umask 022 && carecal export --fy 2021 -o "$TMP/out.ics") >"$TMP/o.out"
contains "-o says what it wrote" "$TMP/o.out" "$TMP/out.ics: "
mode=$(stat -c %a "$TMP/out.ics")
[ "$mode" = 644 ] && ok "-o: mode 644 under umask 022" ||
	not_ok "-o: mode 644 under umask 022 (got $mode)"
n=$(ls "$TMP" | grep -c '^out\.ics\.')
[ "$n" -eq 0 ] && ok "-o: no temporary file left" ||
	not_ok "-o: no temporary file left ($n)"
expect_status "-o into a missing directory fails" 1 \
	carecal export -o "$TMP/missing/x.ics"
contains "naming the file" "$TMP/err" "$TMP/missing/x.ics"

# one file per center, per type
expect_status "--split-by center" 0 \
	carecal export --split-by center --dir "$TMP/center"
ls "$TMP/center" >"$TMP/center.ls"
{
	printf '%s.ics\n' 明第1 明第2西 明第2東 本庁 矢切 東部 常盤平 常盤平団地 \
	    五香松飛台 六実六高台 小金 小金原 新松戸 馬橋西 馬橋 松戸市
} | LC_ALL=C sort >"$TMP/center.want"
LC_ALL=C sort "$TMP/center.ls" >"$TMP/center.got"
same_text "one file per center and one for the city" "$TMP/center.want" \
	"$TMP/center.got"
unfold "$TMP/center/常盤平.ics" >"$TMP/tokiwa.txt"
contains "each named after its center" "$TMP/tokiwa.txt" \
	"X-WR-CALNAME:常盤平 地域ケア会議"
grep '^X-CARECAL-CENTER:' "$TMP/tokiwa.txt" | sort -u >"$TMP/tokiwa.centers"
printf 'X-CARECAL-CENTER:常盤平\n' >"$TMP/tokiwa.want"
same_text "holding only its meetings" "$TMP/tokiwa.want" "$TMP/tokiwa.centers"
unfold "$TMP/center/松戸市.ics" >"$TMP/city2.txt"
lacks "the city's file has no center's meeting" "$TMP/city2.txt" \
	"X-CARECAL-CENTER"
expect_status "--split-by type" 0 \
	carecal export --split-by type --dir "$TMP/type"
ls "$TMP/type" | LC_ALL=C sort >"$TMP/type.ls"
printf '%s.ics\n' city jiritsu kobetsu suishin >"$TMP/type.want"
same_text "one file per type" "$TMP/type.want" "$TMP/type.ls"
unfold "$TMP/type/kobetsu.ics" >"$TMP/kobetsu.txt"
contains "named after the type" "$TMP/kobetsu.txt" \
	"X-WR-CALNAME:松戸市 地域個別ケア会議"
: >"$TMP/file"
expect_status "--dir that is a file fails" 1 \
	carecal export --split-by type --dir "$TMP/file"

# names Windows accepts, whatever the centers are called
for name in '西/東:北?' CON com1.txt '末尾.' 'A?' 'a*' '<"|>\'; do
	carecal center add "$name" >/dev/null &&
	carecal add --type suishin --center "$name" --date 2021-09-09 \
	    >/dev/null || not_ok "adding center $name"
done
carecal export --split-by center --dir "$TMP/odd" >/dev/null
ls "$TMP/odd" >"$TMP/odd.ls"
for file in '西_東_北_.ics' _CON.ics _com1.txt.ics 末尾.ics A_.ics a_-2.ics \
    _____.ics; do
	contains "a center's file: $file" "$TMP/odd.ls" "$file"
done
LC_ALL=C grep '[\\/:*?"<>|]' "$TMP/odd.ls" >"$TMP/bad-names" || :
[ ! -s "$TMP/bad-names" ] && ok "no file name with \\ / : * ? \" < > |" ||
	not_ok "no file name with \\ / : * ? \" < > |: $(cat "$TMP/bad-names")"
unfold "$TMP/odd/a_-2.ics" >"$TMP/odd.txt"
contains "and the file holds that center" "$TMP/odd.txt" \
	"X-CARECAL-CENTER:a*"

# lines: CRLF, at most 75 octets, never splitting a character; texts of
# every length and mix of widths put the folding to the test
awk 'BEGIN {
	split("a あ 𠀋 é ｱ x ; , \\ 漢", p, " ")
	print "id,uid,date,start,end,center,type,mode,status,cases,venue,url,note"
	seed = 7
	for (i = 1; i <= 240; i++) {
		note = venue = ""
		for (j = 0; j < i; j++) {
			seed = (seed * 1103515245 + 12345) % 2147483648
			note = note p[1 + int(seed / 65536) % 10]
			if (j <= i % 40)
				venue = note
		}
		path = substr("aaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaa" \
		    "aaaaaaaaaaaaaaaaaaaaaaaaaaaaaa", 1, i % 80)
		printf ",fold-%d@test,2022-%02d-%02d,10:00,11:00,明第1,kobetsu," \
		    "hybrid,planned,1,\"%s\",https://example.jp/%s,\"%s\"\n",
		    i, 4 + i % 9, 1 + i % 28, venue, path, note
	}
}' >"$TMP/fold.csv"
check "texts of every length import" carecal import "$TMP/fold.csv"
carecal export --include-notes --from 2022-04-01 -o "$TMP/fold.ics" >/dev/null
cat "$TMP/demo.ics" "$TMP/fold.ics" >"$TMP/all.ics"
LC_ALL=C awk '{ sub(/\r$/, "") } length($0) > 75 { print NR ": " length($0) }' \
	"$TMP/all.ics" >"$TMP/long"
[ ! -s "$TMP/long" ] && ok "no line over 75 octets" ||
	not_ok "no line over 75 octets: $(head -3 "$TMP/long")"
LC_ALL=C grep -c "$(printf '\r')\$" "$TMP/all.ics" >"$TMP/crlf" || :
lines=$(wc -l <"$TMP/all.ics")
[ "$(cat "$TMP/crlf")" -eq "$lines" ] && ok "every line ends in CRLF" ||
	not_ok "every line ends in CRLF ($(cat "$TMP/crlf") of $lines)"
LC_ALL=C grep -c "$(printf '\r').$" "$TMP/all.ics" >"$TMP/lonecr" || :
[ "$(cat "$TMP/lonecr")" -eq 0 ] &&
	ok "no lone CR (libical 3.0 folds through its own CRLF; repaired)" ||
	not_ok "no lone CR ($(cat "$TMP/lonecr") lines)"
LC_ALL=C.UTF-8 grep -naxv '.*' "$TMP/all.ics" >"$TMP/bad-utf8" || :
[ ! -s "$TMP/bad-utf8" ] && ok "every line is whole UTF-8" ||
	not_ok "every line is whole UTF-8: $(head -3 "$TMP/bad-utf8")"
carecal list --from 2022-04-01 --format csv | grep fold- | cut -d, -f2- |
	sort >"$TMP/fold.want"
carecal --db "$TMP/fold.db" init >/dev/null
carecal --db "$TMP/fold.db" import "$TMP/fold.ics" >/dev/null
carecal --db "$TMP/fold.db" list --format csv | grep fold- | cut -d, -f2- |
	sort >"$TMP/fold.got"
same_text "and every text reads back the same" "$TMP/fold.want" "$TMP/fold.got"

# UIDs the export writes itself when plain (ASCII TEXT does not escape,
# short enough not to fold), and the others through libical: escaped,
# folded, each read back the same
l68=$(printf '%068d' 0 | tr 0 u) l69=$(printf '%069d' 0 | tr 0 v)
l200=$(printf '%0200d' 0 | tr 0 w)
{
	echo "id,uid,date,start,end,center,type,mode,status,cases,venue,url,note"
	for u in '"esc,a;b\c@test"' "$l68" "$l69" "$l200" 会議-1@test; do
		printf ',%s,2022-05-10,10:00,11:00,明第1,kobetsu,in-person,' "$u"
		printf 'held,2,,,\n'
	done
} >"$TMP/uids.csv"
carecal --db "$TMP/u.db" init --demo >/dev/null
check "odd UIDs import" carecal --db "$TMP/u.db" import "$TMP/uids.csv"
carecal --db "$TMP/u.db" export --from 2022-05-10 --to 2022-05-10 \
    -o "$TMP/uids2.ics" >/dev/null
unfold "$TMP/uids2.ics" | grep -Fqx 'UID:esc\,a\;b\\c@test' &&
    unfold "$TMP/uids2.ics" | grep -qx "UID:$l69" &&
    grep -qx "UID:$l68$(printf '\r')" "$TMP/uids2.ics" &&
    ! LC_ALL=C awk '{ sub(/\r$/, "") } length($0) > 75 { bad = 1 }
    END { exit !bad }' "$TMP/uids2.ics" &&
    ok "a UID with , ; \\ is escaped, a long one folded at 75 octets" ||
    not_ok "a UID with , ; \\ is escaped, a long one folded at 75 octets"
carecal --db "$TMP/u.db" list --from 2022-05-10 --to 2022-05-10 \
    --format csv | tail -n +2 | cut -d, -f2- | sort >"$TMP/uids.want"
carecal --db "$TMP/u2.db" init --demo >/dev/null
carecal --db "$TMP/u2.db" import "$TMP/uids2.ics" >/dev/null
carecal --db "$TMP/u2.db" list --from 2022-05-10 --to 2022-05-10 \
    --format csv | tail -n +2 | cut -d, -f2- | sort >"$TMP/uids.got"
same_text "and every UID reads back the same" "$TMP/uids.want" \
    "$TMP/uids.got"

done_testing
