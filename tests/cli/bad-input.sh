#!/bin/sh
# bad-input.sh -- a table of bad input: each case must give its message
# on stderr, its exit status, and leave the database's bytes unchanged.
. "$TESTS_SRCDIR/lib.sh"

carecal --db "$DB" init --demo >/dev/null || exit 99
carecal add --type kobetsu --center 明第1 --date 2021-08-02 >/dev/null

# bad STATUS MESSAGE ARGS...: one TAP line per case
bad()
{
	want_status=$1
	want_msg=$2
	shift 2
	before=$(db_hash)
	"$CARECAL" "$@" >"$TMP/out" 2>"$TMP/err"
	got=$?
	after=$(db_hash)
	desc="carecal $*"
	desc=$(printf '%s' "$desc" | tr -d '\000-\037' | cut -c1-90)
	if [ "$got" -ne "$want_status" ]; then
		not_ok "$desc: exit $got, want $want_status"
	elif ! grep -qF -- "$want_msg" "$TMP/err"; then
		not_ok "$desc: message lacks '$want_msg'"
	elif [ "$before" != "$after" ]; then
		not_ok "$desc: the database changed"
	elif ! head -1 "$TMP/err" | grep -q '^carecal: '; then
		not_ok "$desc: the message does not start with 'carecal: '"
	else
		ok "$desc"
		return
	fi
	sed 's/^/#   stderr: /' "$TMP/err" | head -5
}

csv()
{
	printf 'id,uid,date,start,end,center,type,mode,status,cases,venue,url,note\n'
	printf ',,2021-09-01,,,明第1,kobetsu,in-person,held,2,,,\n'
	[ $# -eq 0 ] || printf '%s\n' "$@"
}

A="add --type kobetsu --center 明第1"

# dates, times and fiscal years
bad 2 "2021/2 has 28 days"	$A --date 2021-02-29
bad 2 "era years start at 1"	$A --date 令和0年5月1日
bad 2 "expected 2021-07-29"	$A --date 2月30日
bad 2 "2021/2 has 28 days"	$A --date 令和3年2月30日
bad 2 "令和 began on 2019-05-01"	$A --date 令和元年4月30日
bad 2 "平成 ended on 2019-04-30"	$A --date 平成31年5月1日
bad 2 "木曜日"			$A --date "令和3年7月29日(金)"
bad 2 "there is no month 13"	$A --date 2021-13-01
bad 2 "expected 2021-07-29"	$A --date tomorrow
bad 2 "hours run 0-23"		$A --date 2021-08-03 --start 25:00
bad 2 "expected HH:MM"		$A --date 2021-08-03 --start 1pm
bad 2 "is not after the start"	$A --date 2021-08-03 --start 13:00 --end 12:00
bad 2 "is not after the start"	$A --date 2021-08-03 --start 13:00 --end 13:00
bad 2 "needs a start time"	$A --date 2021-08-03 --end 12:00
bad 2 "invalid fiscal year '21'"	list --fy 21
bad 2 "era years start at 1"	list --fy 令和0年度
bad 2 "there is no month 13"	list --from 2021-13-01
bad 2 "--from is after --to"	list --from 2021-12-01 --to 2021-01-01
# the catalog
bad 2 "unknown center '無い'"	add --type kobetsu --center 無い --date 2021-08-03
bad 2 "unknown meeting type 'nosuch'"	add --type nosuch --center 明第1 --date 2021-08-03
bad 2 "unknown center '' OR 1=1 --'"	list --center "' OR 1=1 --"
bad 2 "unknown meeting type 'x\"; DROP TABLE meetings; --'" \
				list --type 'x"; DROP TABLE meetings; --'
bad 2 "has no center"		add --type city --center 明第1 --date 2021-08-03
bad 2 "are held by a center"	add --type kobetsu --date 2021-08-03
bad 2 "only city-level"		$A --date 2021-08-03 --window 2021-06..2021-11
bad 2 "first month is after"	add --type city --date 2022-01-27 --window 2021-11..2021-06
bad 2 "expected 2021-06..2021-11"	add --type city --date 2022-01-27 --window June
# cases, modes, statuses, text
bad 2 "between 0 and 999"	$A --date 2021-08-03 --cases -1
bad 2 "expected a whole number"	$A --date 2021-08-03 --cases abc
bad 2 "expected a whole number"	$A --date 2021-08-03 --cases 2.5
bad 2 "between 0 and 999"	$A --date 2021-08-03 --cases 100000
bad 2 "do not count cases"	add --type suishin --center 明第1 --date 2021-08-03 --cases 2
bad 2 "expected in-person, hybrid or online"	$A --date 2021-08-03 --mode zoom
bad 2 "expected planned, held or cancelled"	$A --date 2021-08-03 --status done
bad 2 "does not start with https://"	$A --date 2021-08-03 --url ftp://example.jp/
bad 2 "contains a space"	$A --date 2021-08-03 --url "https://example.jp/a b"
bad 2 "contains a control character"	$A --date 2021-08-03 --venue "$(printf 'room\001')"
bad 2 "not valid UTF-8"		$A --date 2021-08-03 --venue "$(printf '\377\376')"
bad 2 "longer than 200 bytes"	$A --date 2021-08-03 --venue "$(printf '%0201d' 0)"
bad 2 "longer than 4000 bytes"	$A --date 2021-08-03 --note "$(printf '%04001d' 0)"
# ids and usage
bad 2 "'0' is not a meeting id"	edit 0 --cases 1
bad 2 "'abc' is not a meeting id"	cancel abc
bad 2 "unknown option: -1"	delete -1
bad 2 "no meeting with id 999"	edit 999 --cases 1
bad 2 "no meeting with id 999"	cancel 999
bad 2 "no meeting with id 999"	delete 999
bad 2 "give one meeting id"	edit --cases 1
bad 2 "--type and --date are required"	add --center 明第1 --type kobetsu
bad 2 "unknown option or missing value: --bogus"	list --bogus
bad 2 "unknown option or missing value: --date"	add --type kobetsu --date
bad 2 "'xml' is not text or csv"	list --format xml
bad 2 "unknown command 'lsit'"	lsit
bad 2 "--db: empty path"	--db "" list
bad 2 "type code 'Bad'"		type add Bad --name x
bad 2 "exists already"		type add kobetsu --name 重複
bad 2 "is not N or MIN-MAX"	type add extra --name 追加 --target 5-2
bad 2 "must not be empty"	center add ""
bad 2 "center '明第2西' exists already"	center rename 明第1 明第2西
bad 2 "unknown center '無い'"	center retire 無い

# files
: >"$TMP/empty.csv"
bad 2 "empty file"		import "$TMP/empty.csv"
bad 2 "not a regular file"	import "$TMP"
bad 2 "cannot read"		import "$TMP/missing.csv"
csv ',,2021-09-02,,,明第1,kobetsu,in-person,held,2,,,' >"$TMP/a.csv"
printf ',,2021-09-03,,,明第1,kobetsu,in-person,held,2,\377,,\n' >>"$TMP/a.csv"
bad 2 "a.csv:4: not valid UTF-8"	import "$TMP/a.csv"
csv >"$TMP/nul.csv"
printf ',,2021-09-03,,,明第1,kobetsu,in-person,held,2,a\000b,,\n' >>"$TMP/nul.csv"
bad 2 "nul.csv:3: contains a NUL byte"	import "$TMP/nul.csv"
csv >"$TMP/long.csv"
head -c 10485760 /dev/zero | tr '\0' x >>"$TMP/long.csv"
bad 2 "long.csv:3: record longer than"	import "$TMP/long.csv"
truncate -s 65M "$TMP/huge.csv"
bad 2 "larger than 64 MiB"	import "$TMP/huge.csv"
printf 'id,uid,when,center\n' >"$TMP/h.csv"
bad 2 "h.csv:1: unknown column 'when'"	import "$TMP/h.csv"
printf 'id,center,type\n' >"$TMP/h2.csv"
bad 2 "needs at least the columns date and type"	import "$TMP/h2.csv"
csv ',,2021-09-02,,,明第1' >"$TMP/f.csv"
bad 2 "f.csv:3: 6 fields, but the header has 13"	import "$TMP/f.csv"
csv ',,2021-02-29,,,明第1,kobetsu,in-person,held,2,,,' >"$TMP/d.csv"
bad 2 "d.csv:3: date: invalid date '2021-02-29'"	import "$TMP/d.csv"
csv ',,令和0年5月1日,,,明第1,kobetsu,in-person,held,2,,,' >"$TMP/d0.csv"
bad 2 "d0.csv:3: date"		import "$TMP/d0.csv"
csv ',,2021-09-02,25:00,,明第1,kobetsu,in-person,held,2,,,' >"$TMP/t.csv"
bad 2 "t.csv:3: start: invalid time '25:00'"	import "$TMP/t.csv"
csv ',,2021-09-02,14:00,13:00,明第1,kobetsu,in-person,held,2,,,' >"$TMP/e.csv"
bad 2 "e.csv:3: end: 13:00 is not after the start 14:00"	import "$TMP/e.csv"
csv ',,2021-09-02,,,無い,kobetsu,in-person,held,2,,,' >"$TMP/c.csv"
bad 2 "c.csv:3: center: unknown center '無い'"	import "$TMP/c.csv"
csv ',,2021-09-02,,,明第1,nosuch,in-person,held,2,,,' >"$TMP/ty.csv"
bad 2 "ty.csv:3: type: unknown meeting type 'nosuch'"	import "$TMP/ty.csv"
csv ',,2021-09-02,,,明第1,kobetsu,in-person,held,-3,,,' >"$TMP/n.csv"
bad 2 "n.csv:3: cases: invalid cases '-3'"	import "$TMP/n.csv"
csv ',,2021-09-02,,,明第1,kobetsu,in-person,held,many,,,' >"$TMP/n2.csv"
bad 2 "n2.csv:3: cases: invalid cases 'many'"	import "$TMP/n2.csv"
csv ',,2021-09-02,,,明第1,suishin,in-person,held,2,,,' >"$TMP/s.csv"
bad 2 "s.csv:3: cases: suishin meetings do not count cases"	import "$TMP/s.csv"
csv ',,2021-09-02,,,明第1,kobetsu,zoom,held,2,,,' >"$TMP/m.csv"
bad 2 "m.csv:3: mode: invalid mode 'zoom'"	import "$TMP/m.csv"
csv ',dup,2021-09-02,,,明第1,kobetsu,in-person,held,2,,,' \
    ',dup,2021-09-03,,,明第1,kobetsu,in-person,held,2,,,' >"$TMP/u.csv"
bad 2 "u.csv:4: uid: the same uid as an earlier line"	import "$TMP/u.csv"
csv ',,2021-09-02,,,明第1,kobetsu,in-person,held,2,"open,,' >"$TMP/q.csv"
bad 2 "q.csv:3: a quoted field is never closed"	import "$TMP/q.csv"
csv ',,2021-09-02,,,明第1,kobetsu,in-person,held,2,,,' \
    ',,2021-09-31,,,明第1,kobetsu,in-person,held,2,,,' >"$TMP/late.csv"
bad 2 "late.csv:4: date"	import "$TMP/late.csv"
csv ',,2021-02-29,,,無い,nosuch,zoom,done,-1,,,' >"$TMP/many.csv"
bad 2 "many.csv:3: date"	import "$TMP/many.csv"
grep -c 'many.csv:3:' "$TMP/err" | grep -qx 6 &&
	ok "every bad field of a line is reported, not just the first" ||
	not_ok "every bad field of a line is reported (got $(grep -c 'many.csv:3:' "$TMP/err"))"

# the options that name centers and types wait for the catalog: up to
# 32 of them, then a usage error
many=$(yes -- '--mode hybrid' | head -33 | tr '\n' ' ')
# shellcheck disable=SC2086 # $many is the 33 options
bad 2 "too many options"	list $many
fys=$(yes -- '--fy 2021' | head -33 | tr '\n' ' ')
# shellcheck disable=SC2086
bad 2 "too many options"	export -o "$TMP/x.ics" $fys
# shellcheck disable=SC2086
bad 2 "too many options"	import "$TMP/late.csv" $many
few=$(yes -- '--mode hybrid' | head -32 | tr '\n' ' ')
# shellcheck disable=SC2086
check "32 of them are applied" carecal list $few

# the input is kept literally: quotes and SQL in names are data
check "a venue with quotes and SQL is stored" carecal add --type kobetsu \
	--center 明第1 --date 2021-08-04 --venue "'; DROP TABLE meetings; --\""
carecal list --from 2021-08-04 --to 2021-08-04 --format csv >"$TMP/lit"
contains "and comes back literally" "$TMP/lit" \
	"\"'; DROP TABLE meetings; --\"\"\""
n=$(carecal list --format csv | tail -n +2 | wc -l)
[ "$n" = 106 ] && ok "no bad case added a meeting (106 = 104 + 2)" ||
	not_ok "no bad case added a meeting ($n)"

done_testing
