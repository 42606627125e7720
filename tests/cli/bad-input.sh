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
bad 2 "$(L "2021/2 has 28 days" '--date: 日付「2021-02-29」が正しくありません: 2021年2月は28日までです')"	$A --date 2021-02-29
bad 2 "$(L "era years start at 1" '--date: 日付「令和0年5月1日」が正しくありません: 元号の年は 1 (元年) から始まります')"	$A --date 令和0年5月1日
bad 2 "$(L "expected 2021-07-29" '--date: 日付「2月30日」が正しくありません: 2021-07-29、令和3年7月29日、R3.7.29 のように入力してください')"	$A --date 2月30日
bad 2 "$(L "2021/2 has 28 days" '--date: 日付「令和3年2月30日」が正しくありません: 2021年2月は28日までです')"	$A --date 令和3年2月30日
bad 2 "$(L "令和 began on 2019-05-01" '--date: 日付「令和元年4月30日」が正しくありません: 令和は2019年5月1日に始まっています')"	$A --date 令和元年4月30日
bad 2 "$(L "平成 ended on 2019-04-30" '--date: 日付「平成31年5月1日」が正しくありません: 平成は2019年4月30日で終わっています')"	$A --date 平成31年5月1日
bad 2 "$(L "木曜日" '--date: 日付「令和3年7月29日(金)」が正しくありません: その日は木曜日で、金曜日ではありません')"			$A --date "令和3年7月29日(金)"
bad 2 "$(L "there is no month 13" '--date: 日付「2021-13-01」が正しくありません: 13月はありません')"	$A --date 2021-13-01
bad 2 "$(L "expected 2021-07-29" '--date: 日付「tomorrow」が正しくありません: 2021-07-29、令和3年7月29日、R3.7.29 のように入力してください')"	$A --date tomorrow
bad 2 "$(L "hours run 0-23" '--start: 時刻「25:00」が正しくありません: 時は 0～23、分は 0～59 です')"		$A --date 2021-08-03 --start 25:00
bad 2 "$(L "expected HH:MM" '--start: 時刻「1pm」が正しくありません: 13:30 のように HH:MM で入力してください')"		$A --date 2021-08-03 --start 1pm
bad 2 "$(L "is not after the start" '終了時刻: 終了 12:00 が開始 13:00 より後になっていません')"	$A --date 2021-08-03 --start 13:00 --end 12:00
bad 2 "$(L "is not after the start" '終了時刻: 終了 13:00 が開始 13:00 より後になっていません')"	$A --date 2021-08-03 --start 13:00 --end 13:00
bad 2 "$(L "needs a start time" '終了時刻: 終了時刻には開始時刻が必要です')"	$A --date 2021-08-03 --end 12:00
bad 2 "$(L "invalid fiscal year '21'" '--fy: 年度「21」が正しくありません: 2021、R3、令和3年度 のように入力してください')"	list --fy 21
bad 2 "$(L "era years start at 1" '--fy: 年度「令和0年度」が正しくありません: 元号の年は 1 (元年) から始まります')"	list --fy 令和0年度
bad 2 "$(L "there is no month 13" '--from: 日付「2021-13-01」が正しくありません: 13月はありません')"	list --from 2021-13-01
bad 2 "$(L "--from is after --to" '--from が --to より後になっています')"	list --from 2021-12-01 --to 2021-01-01
# the catalog
bad 2 "$(L "unknown center '無い'" '--center: センター「無い」はありません')"	add --type kobetsu --center 無い --date 2021-08-03
bad 2 "$(L "unknown meeting type 'nosuch'" '--type: 会議種別「nosuch」はありません')"	add --type nosuch --center 明第1 --date 2021-08-03
bad 2 "$(L "unknown center '' OR 1=1 --'" "--center: センター「' OR 1=1 --」はありません")"	list --center "' OR 1=1 --"
bad 2 "$(L "unknown meeting type 'x\"; DROP TABLE meetings; --'" '--type: 会議種別「x"; DROP TABLE meetings; --」はありません')" \
				list --type 'x"; DROP TABLE meetings; --'
bad 2 "$(L "has no center" 'センター: city は市レベルの会議で、センターはありません')"		add --type city --center 明第1 --date 2021-08-03
bad 2 "$(L "are held by a center" 'センター: kobetsu は各センターが開催する会議です。--center を指定してください')"	add --type kobetsu --date 2021-08-03
bad 2 "$(L "only city-level" '集計期間: 集計期間があるのは市レベルの会議だけです')"		$A --date 2021-08-03 --window 2021-06..2021-11
bad 2 "$(L "first month is after" '--window: 集計期間「2021-11..2021-06」が正しくありません: 最初の月が最後の月より後になっています')"	add --type city --date 2022-01-27 --window 2021-11..2021-06
bad 2 "$(L "expected 2021-06..2021-11" '--window: 集計期間「June」が正しくありません: 2021-06..2021-11 のように入力してください')"	add --type city --date 2022-01-27 --window June
# cases, modes, statuses, text
bad 2 "$(L "between 0 and 999" '--cases: 事例数「-1」が正しくありません: 0～999 の範囲で入力してください')"	$A --date 2021-08-03 --cases -1
bad 2 "$(L "expected a whole number" '--cases: 事例数「abc」が正しくありません: 整数を入力してください')"	$A --date 2021-08-03 --cases abc
bad 2 "$(L "expected a whole number" '--cases: 事例数「2.5」が正しくありません: 整数を入力してください')"	$A --date 2021-08-03 --cases 2.5
bad 2 "$(L "between 0 and 999" '--cases: 事例数「100000」が正しくありません: 0～999 の範囲で入力してください')"	$A --date 2021-08-03 --cases 100000
bad 2 "$(L "do not count cases" '事例数: suishin は事例数を数えない会議種別です')"	add --type suishin --center 明第1 --date 2021-08-03 --cases 2
bad 2 "$(L "expected in-person, hybrid or online" '--mode: 開催形態「zoom」が正しくありません: in-person、hybrid、online のいずれかを指定してください')"	$A --date 2021-08-03 --mode zoom
bad 2 "$(L "expected planned, held or cancelled" '--status: 状況「done」が正しくありません: planned、held、cancelled のいずれかを指定してください')"	$A --date 2021-08-03 --status done
bad 2 "$(L "does not start with https://" 'URL: 「ftp://example.jp/」が https:// または http:// で始まっていません')"	$A --date 2021-08-03 --url ftp://example.jp/
bad 2 "$(L "contains a space" 'URL: 「https://example.jp/a b」に空白、引用符、山かっこのいずれかが含まれています')"	$A --date 2021-08-03 --url "https://example.jp/a b"
bad 2 "$(L "contains a control character" '会場: 制御文字を含んでいます')"	$A --date 2021-08-03 --venue "$(printf 'room\001')"
bad 2 "$(L "not valid UTF-8" '会場: UTF-8 として正しくありません')"		$A --date 2021-08-03 --venue "$(printf '\377\376')"
bad 2 "$(L "longer than 200 bytes" '会場: 200 バイトを超えています')"	$A --date 2021-08-03 --venue "$(printf '%0201d' 0)"
bad 2 "$(L "longer than 4000 bytes" 'メモ: 4000 バイトを超えています')"	$A --date 2021-08-03 --note "$(printf '%04001d' 0)"
# ids and usage
bad 2 "$(L "'0' is not a meeting id" '「0」は会議の ID ではありません')"	edit 0 --cases 1
bad 2 "$(L "'abc' is not a meeting id" '「abc」は会議の ID ではありません')"	cancel abc
bad 2 "$(L "unknown option: -1" '不明なオプション: -1')"	delete -1
bad 2 "$(L "no meeting with id 999" 'ID 999 の会議はありません')"	edit 999 --cases 1
bad 2 "$(L "no meeting with id 999" 'ID 999 の会議はありません')"	cancel 999
bad 2 "$(L "no meeting with id 999" 'ID 999 の会議はありません')"	delete 999
bad 2 "$(L "give one meeting id" '会議の ID を 1 つ指定してください')"	edit --cases 1
bad 2 "$(L "--type and --date are required" '--type と --date は必須です')"	add --center 明第1 --type kobetsu
bad 2 "$(L "unknown option or missing value: --bogus" '不明なオプションか、値がありません: --bogus')"	list --bogus
bad 2 "$(L "unknown option or missing value: --date" '不明なオプションか、値がありません: --date')"	add --type kobetsu --date
bad 2 "$(L "'xml' is not text or csv" '--format: 「xml」は text でも csv でもありません')"	list --format xml
bad 2 "$(L "unknown command 'lsit'" '不明なコマンド「lsit」です')"	lsit
bad 2 "$(L "--db: empty path" '--db: パスが空です')"	--db "" list
bad 2 "$(L "type code 'Bad'" '種別コード「Bad」: 英小文字で始まる 1～32 文字の a-z、0-9、「-」、「_」にしてください')"		type add Bad --name x
bad 2 "$(L "exists already" 'コード「kobetsu」または名前「重複」の会議種別はすでにあります')"		type add kobetsu --name 重複
bad 2 "$(L "is not N or MIN-MAX" '--target: 「5-2」が N、MIN-MAX、「-」(目標なし) のいずれでもありません')"	type add extra --name 追加 --target 5-2
bad 2 "$(L "must not be empty" 'センター名: 空にはできません')"	center add ""
bad 2 "$(L "center '明第2西' exists already" 'センター「明第2西」はすでにあります')"	center rename 明第1 明第2西
bad 2 "$(L "unknown center '無い'" 'センター「無い」はありません')"	center retire 無い

# files
: >"$TMP/empty.csv"
bad 2 "$(L "empty file" 'empty.csv: 空のファイルです。見出し行が必要です')"		import "$TMP/empty.csv"
bad 2 "$(L "not a regular file" '通常のファイルではありません')"	import "$TMP"
bad 2 "$(L "cannot read" 'missing.csv: 読み込めません')"		import "$TMP/missing.csv"
csv ',,2021-09-02,,,明第1,kobetsu,in-person,held,2,,,' >"$TMP/a.csv"
printf ',,2021-09-03,,,明第1,kobetsu,in-person,held,2,\377,,\n' >>"$TMP/a.csv"
bad 2 "$(L "a.csv:4: not valid UTF-8" 'a.csv:4: UTF-8 として正しくありません (UTF-8 で保存し直してください)')"	import "$TMP/a.csv"
csv >"$TMP/nul.csv"
printf ',,2021-09-03,,,明第1,kobetsu,in-person,held,2,a\000b,,\n' >>"$TMP/nul.csv"
bad 2 "$(L "nul.csv:3: contains a NUL byte" 'nul.csv:3: NUL バイトを含んでいます。テキストファイルではありません')"	import "$TMP/nul.csv"
csv >"$TMP/long.csv"
head -c 10485760 /dev/zero | tr '\0' x >>"$TMP/long.csv"
bad 2 "$(L "long.csv:3: record longer than" 'long.csv:3: 1 件のレコードが 65536 バイトを超えています')"	import "$TMP/long.csv"
truncate -s 65M "$TMP/huge.csv"
bad 2 "$(L "larger than 64 MiB" 'huge.csv: 64 MiB を超えています。分割してください')"	import "$TMP/huge.csv"
printf 'id,uid,when,center\n' >"$TMP/h.csv"
bad 2 "$(L "h.csv:1: unknown column 'when'" 'h.csv:1: 見出しに不明な列「when」があります')"	import "$TMP/h.csv"
printf 'id,center,type\n' >"$TMP/h2.csv"
bad 2 "$(L "needs at least the columns date and type" 'h2.csv:1: 見出しには少なくとも date と type の列が必要です')"	import "$TMP/h2.csv"
csv ',,2021-09-02,,,明第1' >"$TMP/f.csv"
bad 2 "$(L "f.csv:3: 6 fields, but the header has 13" 'f.csv:3: 項目が 6 個ありますが、見出しは 13 個です')"	import "$TMP/f.csv"
csv ',,2021-02-29,,,明第1,kobetsu,in-person,held,2,,,' >"$TMP/d.csv"
bad 2 "$(L "d.csv:3: date: invalid date '2021-02-29'" 'd.csv:3: date: 日付「2021-02-29」が正しくありません: 2021年2月は28日までです')"	import "$TMP/d.csv"
csv ',,令和0年5月1日,,,明第1,kobetsu,in-person,held,2,,,' >"$TMP/d0.csv"
bad 2 "$(L "d0.csv:3: date" 'd0.csv:3: date: 日付「令和0年5月1日」が正しくありません: 元号の年は 1 (元年) から始まります')"		import "$TMP/d0.csv"
csv ',,2021-09-02,25:00,,明第1,kobetsu,in-person,held,2,,,' >"$TMP/t.csv"
bad 2 "$(L "t.csv:3: start: invalid time '25:00'" 't.csv:3: start: 時刻「25:00」が正しくありません: 時は 0～23、分は 0～59 です')"	import "$TMP/t.csv"
csv ',,2021-09-02,14:00,13:00,明第1,kobetsu,in-person,held,2,,,' >"$TMP/e.csv"
bad 2 "$(L "e.csv:3: end: 13:00 is not after the start 14:00" 'e.csv:3: 終了時刻: 終了 13:00 が開始 14:00 より後になっていません')"	import "$TMP/e.csv"
csv ',,2021-09-02,,,無い,kobetsu,in-person,held,2,,,' >"$TMP/c.csv"
bad 2 "$(L "c.csv:3: center: unknown center '無い'" 'c.csv:3: center: センター「無い」はありません')"	import "$TMP/c.csv"
csv ',,2021-09-02,,,明第1,nosuch,in-person,held,2,,,' >"$TMP/ty.csv"
bad 2 "$(L "ty.csv:3: type: unknown meeting type 'nosuch'" 'ty.csv:3: type: 会議種別「nosuch」はありません')"	import "$TMP/ty.csv"
csv ',,2021-09-02,,,明第1,kobetsu,in-person,held,-3,,,' >"$TMP/n.csv"
bad 2 "$(L "n.csv:3: cases: invalid cases '-3'" 'n.csv:3: cases: 事例数「-3」が正しくありません: 0～999 の範囲で入力してください')"	import "$TMP/n.csv"
csv ',,2021-09-02,,,明第1,kobetsu,in-person,held,many,,,' >"$TMP/n2.csv"
bad 2 "$(L "n2.csv:3: cases: invalid cases 'many'" 'n2.csv:3: cases: 事例数「many」が正しくありません: 整数を入力してください')"	import "$TMP/n2.csv"
csv ',,2021-09-02,,,明第1,suishin,in-person,held,2,,,' >"$TMP/s.csv"
bad 2 "$(L "s.csv:3: cases: suishin meetings do not count cases" 's.csv:3: 事例数: suishin は事例数を数えない会議種別です')"	import "$TMP/s.csv"
csv ',,2021-09-02,,,明第1,kobetsu,zoom,held,2,,,' >"$TMP/m.csv"
bad 2 "$(L "m.csv:3: mode: invalid mode 'zoom'" 'm.csv:3: mode: 開催形態「zoom」が正しくありません: in-person、hybrid、online のいずれかを指定してください')"	import "$TMP/m.csv"
csv ',dup,2021-09-02,,,明第1,kobetsu,in-person,held,2,,,' \
    ',dup,2021-09-03,,,明第1,kobetsu,in-person,held,2,,,' >"$TMP/u.csv"
bad 2 "$(L "u.csv:4: uid: the same uid as an earlier line" 'u.csv:4: uid: 前の行と同じ uid です')"	import "$TMP/u.csv"
# saved a while ago: the second line is still a duplicate, never an
# update of the meeting the first one added (made after the file's time)
touch -d '1 minute ago' "$TMP/u.csv"
bad 2 "$(L "u.csv:4: uid: the same uid as an earlier line" 'u.csv:4: uid: 前の行と同じ uid です')"	import "$TMP/u.csv"
csv ',,2021-09-02,,,明第1,kobetsu,in-person,held,2,"open,,' >"$TMP/q.csv"
bad 2 "$(L "q.csv:3: a quoted field is never closed" 'q.csv:3: 引用符で始まる項目が閉じられていません')"	import "$TMP/q.csv"
csv ',,2021-09-02,,,明第1,kobetsu,in-person,held,2,,,' \
    ',,2021-09-31,,,明第1,kobetsu,in-person,held,2,,,' >"$TMP/late.csv"
bad 2 "$(L "late.csv:4: date" 'late.csv:4: date: 日付「2021-09-31」が正しくありません: 2021年9月は30日までです')"	import "$TMP/late.csv"
csv ',,2021-02-29,,,無い,nosuch,zoom,done,-1,,,' >"$TMP/many.csv"
bad 2 "$(L "many.csv:3: date" 'many.csv:3: date: 日付「2021-02-29」が正しくありません: 2021年2月は28日までです')"	import "$TMP/many.csv"
grep -c 'many.csv:3:' "$TMP/err" | grep -qx 6 &&
	ok "every bad field of a line is reported, not just the first" ||
	not_ok "every bad field of a line is reported (got $(grep -c 'many.csv:3:' "$TMP/err"))"

# the options that name centers and types wait for the catalog: up to
# 32 of them, then a usage error
many=$(yes -- '--mode hybrid' | head -33 | tr '\n' ' ')
# shellcheck disable=SC2086 # $many is the 33 options
bad 2 "$(L "too many options" 'オプションが多すぎます')"	list $many
fys=$(yes -- '--fy 2021' | head -33 | tr '\n' ' ')
# shellcheck disable=SC2086
bad 2 "$(L "too many options" 'オプションが多すぎます')"	export -o "$TMP/x.ics" $fys
# shellcheck disable=SC2086
bad 2 "$(L "too many options" 'オプションが多すぎます')"	import "$TMP/late.csv" $many
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
