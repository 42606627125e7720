#!/bin/sh
#
# summary.sh -- `carecal summary`: the R3 totals in text, CSV and PDF on
# the demo database, and hand-made databases for the window's edges, a
# window across fiscal years, cancelled and held-only counting, centers
# with no meetings, more centers than one page holds, the multi-year
# table, bad input and safe writing.
#
# The PDF checks need poppler-utils (pdftotext, pdffonts, pdfinfo,
# pdftoppm); without them this test is skipped (a failure under
# CARECAL_TEST_ALL=1, as CI installs them; tests/need.sh).

srcdir=${TESTS_SRCDIR:-$(dirname "$0")/..}
expected=$srcdir/cli/expected
carecal=${CARECAL:?CARECAL must name the carecal binary}

bail()
{
	echo "Bail out! $*"
	exit 1
}

. "$srcdir/need.sh"
for tool in pdftotext pdffonts pdfinfo pdftoppm; do
	need_tool $tool poppler-utils
done

tmp=$(mktemp -d "${TMPDIR:-/tmp}/carecal-summary.XXXXXX") ||
	bail "cannot make a temporary directory"
trap 'rm -rf "$tmp"' EXIT
trap 'exit 1' HUP INT TERM

# A fixed today: the plan checks and the year in progress depend on it.
CARECAL_TODAY=2022-01-20
export CARECAL_TODAY
unset CARECAL_DB

n=0
failed=0

pass()
{
	n=$((n + 1))
	echo "ok $n - $1"
}

fail()
{
	n=$((n + 1))
	failed=1
	echo "not ok $n - $1"
	shift
	for line in "$@"; do
		echo "# $line"
	done
}

# check WHAT COMMAND...: passes when the command succeeds
check()
{
	what=$1
	shift
	if "$@" >"$tmp/check.out" 2>&1; then
		pass "$what"
	else
		fail "$what" "$(head -c 2000 "$tmp/check.out")"
	fi
}

# same_as WHAT EXPECTED ACTUAL: the whole output, as a diff
# (CARECAL_REGEN=1 writes the actual output as the expected one)
same_as()
{
	[ "${CARECAL_REGEN:-0}" = 1 ] && cp "$3" "$2"
	if diff -u "$2" "$3" >"$tmp/diff.out" 2>&1; then
		pass "$1"
	else
		fail "$1" "$(head -c 3000 "$tmp/diff.out")"
	fi
}

# has WHAT FILE STRING...: every string is in the file
has()
{
	what=$1
	file=$2
	shift 2
	for s in "$@"; do
		if ! grep -F -q -- "$s" "$file"; then
			fail "$what" "'$s' not found in:" \
			    "$(head -c 2000 "$file")"
			return
		fi
	done
	pass "$what"
}

# status_is WHAT WANT COMMAND...: the exit status of a command
status_is()
{
	what=$1
	want=$2
	shift 2
	"$@" >"$tmp/status.out" 2>"$tmp/status.err"
	got=$?
	if [ "$got" -eq "$want" ]; then
		pass "$what"
	else
		fail "$what" "exit status $got, want $want" \
		    "$(head -c 1000 "$tmp/status.err")"
	fi
}

R3_TOTALS="全54回
17回
31回、63事例検討
6回、18事例検討"

# has_totals WHAT FILE: the R3 totals, each on its own
has_totals()
{
	echo "$R3_TOTALS" >"$tmp/totals"
	missing=
	while IFS= read -r s; do
		grep -F -q -- "$s" "$2" || missing="$missing $s"
	done <"$tmp/totals"
	if [ -z "$missing" ]; then
		pass "$1"
	else
		fail "$1" "missing:$missing"
	fi
}

# A hand-made database: Matsudo's catalog without yearly targets (so
# that the plan checks speak only of what the test is about) and the
# meetings of a CSV file.
make_db()
{
	"$carecal" --db "$1" init >/dev/null &&
	    for code in suishin kobetsu jiritsu city; do
		"$carecal" --db "$1" type edit $code --target - || return 1
	    done &&
	    "$carecal" --db "$1" import "$2"
}

demo=$tmp/demo.db
carecal_demo()
{
	"$carecal" --db "$demo" "$@"
}

echo "1..62"

# --- the demo database: Matsudo's R3 table ---------------------------
check "init --demo" carecal_demo init --demo

carecal_demo summary --for 2022-01-27 >"$tmp/r3.txt" 2>"$tmp/r3.err"
same_as "text for 2022-01-27 is the R3 table" "$expected/summary-r3.txt" \
    "$tmp/r3.txt"
has_totals "text has the R3 totals" "$tmp/r3.txt"
has "text totals line in the R3 wording" "$tmp/r3.txt" \
    "令和3年6月～令和3年11月までの全会議開催数：全54回　地域包括ケア推進会議 17回　地域個別ケア会議 31回、63事例検討　自立支援型個別ケア会議 6回、18事例検討"
has "text title names the year and the city, the subtitle the meeting" \
    "$tmp/r3.txt" "令和3年度 松戸市地域ケア会議の開催状況" \
    "令和4年1月27日(木) 市地域ケア会議　令和3年6月～令和3年11月開催分" \
    "令和4年1月20日現在"

carecal_demo summary --for 2022-01-27 --format csv >"$tmp/r3.csv"
same_as "csv for 2022-01-27" "$expected/summary-r3.csv" "$tmp/r3.csv"
if [ "$(head -c 3 "$tmp/r3.csv" | od -An -tx1 | tr -d ' \n')" = efbbbf ]
then
	pass "csv starts with a UTF-8 byte-order mark"
else
	fail "csv starts with a UTF-8 byte-order mark"
fi
if [ "$(grep -c "$(printf '\r')\$" "$tmp/r3.csv")" -eq \
    "$(grep -c '' "$tmp/r3.csv")" ]; then
	pass "csv lines end in CRLF"
else
	fail "csv lines end in CRLF"
fi
has_totals "csv has the R3 totals" "$tmp/r3.csv"
has "csv: one row per center and type" "$tmp/r3.csv" \
    "明第1,地域個別ケア会議,2,4,0,2021-07-27(一部オンライン) 2021-09-28(一部オンライン),2022-01-27 2022-03-18" \
    "合計（令和3年6月～令和3年11月）,地域個別ケア会議,31,63,0"

check "pdf for 2022-01-27" carecal_demo summary --for 2022-01-27 \
    --format pdf -o "$tmp/r3.pdf"
pdfinfo "$tmp/r3.pdf" >"$tmp/r3.info" 2>&1
has "pdf: one A4 landscape page for 15 centers" "$tmp/r3.info" \
    "Pages:           1" "Page size:       841.89 x 595.28 pts (A4)"
pdffonts "$tmp/r3.pdf" >"$tmp/r3.fonts" 2>&1
if grep -E 'NotoSansCJK|IPAex' "$tmp/r3.fonts" | grep -q ' yes yes '; then
	pass "pdf embeds the Japanese font"
else
	fail "pdf embeds the Japanese font" "$(cat "$tmp/r3.fonts")"
fi
pdftotext "$tmp/r3.pdf" "$tmp/r3.pdf.txt" 2>/dev/null
has_totals "pdf has the R3 totals" "$tmp/r3.pdf.txt"
has "pdf has the title, the legend and the centers" "$tmp/r3.pdf.txt" \
    "令和3年度 松戸市地域ケア会議の開催状況" "令和4年1月20日現在" \
    "網掛けの日程" "一部オンライン" "五香松飛台"
if pdftoppm -png -r 80 -singlefile "$tmp/r3.pdf" "$tmp/r3" 2>/dev/null &&
    [ -s "$tmp/r3.png" ]; then
	pass "pdf renders (pdftoppm)"
else
	fail "pdf renders (pdftoppm)"
fi

status_is "pdf without -o is refused" 2 carecal_demo summary \
    --for 2022-01-27 --format pdf
has "and says why" "$tmp/status.err" "$(L "give -o FILE" "-o FILE を指定してください")"

status_is "no city meeting on the date: input error" 2 carecal_demo \
    summary --for 2022-01-28
has "which names the date and the year's city meetings" \
    "$tmp/status.err" "令和4年1月28日(金)" \
    "令和3年7月29日(木)、令和4年1月27日(木)"
status_is "a year without city meetings" 2 carecal_demo summary \
    --for 2019-06-01
has "says there are none and how to go on" "$tmp/status.err" \
    "令和元年6月1日(土)" "$(L "--from and --to" "--from と --to")"
status_is "--from without --to" 2 carecal_demo summary --from 2021-06
status_is "--for with --fy" 2 carecal_demo summary --for 2022-01-27 \
    --fy 2021
status_is "an unknown format" 2 carecal_demo summary --fy 2021 \
    --format xlsx
status_is "a bad month" 2 carecal_demo summary --from 2021-13 --to 2022-01

carecal_demo summary --fy 2021 >"$tmp/fy.txt"
has "--fy 2021: the whole fiscal year" "$tmp/fy.txt" \
    "令和3年度の全会議開催数：全102回　地域包括ケア推進会議 29回　地域個別ケア会議 61回、123事例検討　自立支援型個別ケア会議 12回、36事例検討"

# --- window edges, cancelled, planned, empty centers ------------------
edges=$tmp/edges.db
cat >"$tmp/edges.csv" <<'EOF'
id,uid,date,start,end,center,type,mode,status,cases,venue,url,note,window
,,2021-05-31,,,明第1,kobetsu,in-person,held,1,,,,
,,2021-06-01,,,明第1,kobetsu,in-person,held,2,,,,
,,2021-11-30,,,本庁,kobetsu,hybrid,held,3,,,,
,,2021-12-01,,,本庁,kobetsu,in-person,held,4,,,,
,,2021-09-01,,,矢切,suishin,online,planned,,,,,
,,2021-10-01,,,矢切,suishin,in-person,cancelled,,,,,
,,2021-08-10,,,東部,jiritsu,in-person,cancelled,3,,,,
,,2021-11-05,,,東部,jiritsu,in-person,held,1,,,,
,,2021-07-29,,,,city,in-person,held,,,,,2020-12..2021-05
,,2022-01-27,,,,city,in-person,planned,,,,,2021-06..2021-11
EOF
check "a hand-made database" make_db "$edges" "$tmp/edges.csv"
"$carecal" --db "$edges" summary --for 2022-01-27 >"$tmp/edges.txt"
same_as "window edges: first and last days count, cancelled never" \
    "$expected/summary-edges.txt" "$tmp/edges.txt"
has "centers with no meetings have a row with 0回" "$tmp/edges.txt" \
    "明第2西                                                                            0回"
"$carecal" --db "$edges" summary --for 2022-01-27 --held-only \
    >"$tmp/edges-held.txt"
same_as "--held-only leaves the planned meeting out" \
    "$expected/summary-edges-held.txt" "$tmp/edges-held.txt"
"$carecal" --db "$edges" summary --for 2022-01-27 --format csv \
    >"$tmp/edges.csv.out"
has "csv: cancelled and out-of-window dates apart from counted ones" \
    "$tmp/edges.csv.out" \
    "矢切,地域包括ケア推進会議,1,,,2021-09-01(完全オンライン),2021-10-01(中止)" \
    "本庁,地域個別ケア会議,1,3,0,2021-11-30(一部オンライン),2021-12-01"

# --- a window across fiscal years, without a city meeting -------------
cross=$tmp/cross.db
cat >"$tmp/cross.csv" <<'EOF'
id,uid,date,start,end,center,type,mode,status,cases,venue,url,note
,,2021-12-31,,,新松戸,kobetsu,in-person,held,9,,,
,,2022-01-01,,,新松戸,kobetsu,in-person,held,1,,,
,,2022-03-31,,,新松戸,kobetsu,hybrid,held,2,,,
,,2022-04-01,,,馬橋,suishin,in-person,planned,,,,
,,2022-06-30,,,馬橋,jiritsu,online,planned,3,,,
,,2022-07-01,,,馬橋,jiritsu,in-person,planned,7,,,
EOF
check "a database across fiscal years" make_db "$cross" "$tmp/cross.csv"
"$carecal" --db "$cross" summary --from 2022-01 --to 2022-06 \
    >"$tmp/cross.txt" 2>"$tmp/cross.err"
same_as "--from 2022-01 --to 2022-06 spans two fiscal years" \
    "$expected/summary-crossing.txt" "$tmp/cross.txt"
status_is "--from after --to" 2 "$carecal" --db "$cross" summary \
    --from 2022-06 --to 2022-01

# --- more centers than one page: Takamatsu's 39 地区 ------------------
taka=$tmp/taka.db
cat >"$tmp/taka.csv" <<'EOF'
id,uid,date,start,end,center,type,mode,status,cases,venue,url,note
,,2014-05-12,,,庵治,case,in-person,held,2,,,
,,2014-06-10,,,香南,case,in-person,held,1,,,
,,2015-03-10,,,香南,case,in-person,held,,,,
,,2016-06-10,,,香南,plan,in-person,held,4,,,
,,2016-07-11,,,木太,chiiki,hybrid,held,,,,
,,2019-10-10,,,木太,chiiki,online,held,,,,
,,2019-11-11,,,円座,tekiseika,in-person,held,5,,,
,,2019-12-20,,,円座,case,in-person,cancelled,3,,,
,,2020-01-20,,,円座,case,in-person,planned,3,,,
,,2019-08-01,,,,city,in-person,held,,,,
EOF
check "Takamatsu's 39 centers" sh -c "'$carecal' --db '$taka' init \
    --profile takamatsu >/dev/null && '$carecal' --db '$taka' import \
    '$tmp/taka.csv'"
check "pdf of 39 centers" "$carecal" --db "$taka" summary --fy 2019 \
    --format pdf -o "$tmp/taka.pdf" --with-checks
pages=$(pdfinfo "$tmp/taka.pdf" 2>/dev/null | sed -n 's/^Pages: *//p')
if [ "${pages:-0}" -gt 1 ]; then
	pass "39 centers take more than one page ($pages)"
else
	fail "39 centers take more than one page" "pages: $pages"
fi
pdftotext -f 1 -l 1 "$tmp/taka.pdf" "$tmp/taka.1.txt"
pdftotext -f 2 -l 2 "$tmp/taka.pdf" "$tmp/taka.2.txt"
pdftotext -f "$pages" -l "$pages" "$tmp/taka.pdf" "$tmp/taka.last.txt"
has "page 2 repeats the title and the table's header" "$tmp/taka.2.txt" \
    "令和元年度 高松市地域ケア小会議の開催状況" "センター" \
    "ケース検討" "（実施済又は予定）" "期間内"
has "page 2 ends the table: the last center, the totals" \
    "$tmp/taka.2.txt" "木太" "令和元年度の全会議開催数：全3回"
# pdftotext may drop the blanks of "1 / 3"
tr -d ' ' <"$tmp/taka.1.txt" >"$tmp/taka.1.packed"
tr -d ' ' <"$tmp/taka.last.txt" >"$tmp/taka.last.packed"
if grep -F -q "全会議開催数" "$tmp/taka.1.txt" ||
    grep -F -q "木太" "$tmp/taka.1.txt"; then
	fail "page 1 holds only the first centers"
else
	has "page 1 holds only the first centers, and its number" \
	    "$tmp/taka.1.packed" "庵治" "1/$pages"
fi
pdftotext "$tmp/taka.pdf" "$tmp/taka.txt"
has "the findings follow the totals" "$tmp/taka.txt" \
    "計画の点検（令和元年度" "円座 ケース検討 令和2年1月20日(月)"
has "the last page has its number" "$tmp/taka.last.packed" \
    "$pages/$pages"

# --- the multi-year table (Takamatsu's 地域ケア小会議 layout) ------------
CARECAL_TODAY=2019-12-31 "$carecal" --db "$taka" summary --fy H26..R1 \
    >"$tmp/years.txt"
same_as "--fy H26..R1: fiscal years × types, 回 and 事例" \
    "$expected/summary-years.txt" "$tmp/years.txt"
CARECAL_TODAY=2019-12-31 "$carecal" --db "$taka" summary --fy 2014..2019 \
    --format csv >"$tmp/years.csv"
has "years as csv" "$tmp/years.csv" "年度,会議種別,回数,事例数" \
    "令和元年度,ケース検討,1,3,0,(12月末現在),地域ケア小会議/個別課題" \
    "平成26年度,ケース検討,3,3,1,,地域ケア小会議/個別課題" \
    "令和元年度,設置地区数,39,,,(12月末現在),"
check "years as pdf" "$carecal" --db "$taka" summary --fy 2014..2019 \
    --format pdf -o "$tmp/years.pdf"
pdftotext "$tmp/years.pdf" "$tmp/years.pdf.txt" 2>/dev/null
has "the pdf table has the years and the types" "$tmp/years.pdf.txt" \
    "平成26年度" "令和元年度" "ケース検討" "全会議（地域レベル）"

# --- the printout as a 資料: number, date, title, plan checks ----------
carecal_demo summary --for 2022-01-27 --doc-number 資料3 \
    --as-of 令和4年1月20日 --title "令和3年度 松戸市地域ケア会議の開催（予定含む）状況" \
    >"$tmp/doc.txt"
head -1 "$tmp/doc.txt" >"$tmp/doc.first"
if grep -q '^ \{20,\}資料3$' "$tmp/doc.first"; then
	pass "text: the document's number on the first line, right"
else
	fail "text: the document's number on the first line, right" \
	    "$(cat "$tmp/doc.first")"
fi
has "text: --title and --as-of in the heading" "$tmp/doc.txt" \
    "令和3年度 松戸市地域ケア会議の開催（予定含む）状況" "令和4年1月20日現在"
if grep -q "計画の点検" "$tmp/doc.txt" || grep -q "計画の点検" "$tmp/r3.txt"
then
	fail "no plan checks without --with-checks"
else
	pass "no plan checks without --with-checks"
fi
carecal_demo summary --for 2022-01-27 --with-checks --as-of 2022-01-27 \
    >"$tmp/checks.txt"
has "--with-checks: the year's checks as of --as-of" "$tmp/checks.txt" \
    "計画の点検（令和3年度、令和4年1月27日(木)現在）：4件" \
    "$(L "・小金 地域包括ケア推進会議 令和3年度（below the target）：" "・小金 地域包括ケア推進会議 令和3年度（目標未達）：")"
carecal_demo summary --for 2022-01-27 --format csv --doc-number 資料3 \
    --as-of 2022-01-20 --with-checks >"$tmp/doc.csv"
has "csv: title and number, subtitle and date, checks by kind in words" \
    "$tmp/doc.csv" "令和3年度 松戸市地域ケア会議の開催状況,,,,,,資料3" \
    ",,,,,,令和4年1月20日現在" "$(L "below the target,小金 地域包括ケア推進会議" "目標未達,小金 地域包括ケア推進会議")"
check "pdf with the number, the date and the checks" carecal_demo summary \
    --for 2022-01-27 --format pdf -o "$tmp/doc.pdf" --doc-number 資料3 \
    --as-of 2022-01-20 --with-checks
pdftotext "$tmp/doc.pdf" "$tmp/doc.pdf.txt" 2>/dev/null
has "pdf: 資料3, 令和4年1月20日現在 and the checks" "$tmp/doc.pdf.txt" \
    "資料3" "令和4年1月20日現在" "計画の点検（令和3年度"
if grep -q "計画の点検" "$tmp/r3.pdf.txt"; then
	fail "pdf: no checks without --with-checks"
else
	pass "pdf: no checks without --with-checks"
fi
# headings are never broken inside a word: every heading with the note
# 実施済又は予定 has it whole on its line (not （実施済又は予 / 定）)
pdftotext -raw "$tmp/doc.pdf" - 2>/dev/null | grep '実施済又は\|又は予定\|^定）' \
    >"$tmp/headings"
if [ -s "$tmp/headings" ] && ! grep -v '（実施済又は予定）' "$tmp/headings" \
    >"$tmp/broken"; then
	pass "pdf: headings whole, never broken inside a word"
else
	fail "pdf: headings whole, never broken inside a word" \
	    "$(cat "$tmp/broken" "$tmp/headings" 2>/dev/null | head -5)"
fi
status_is "--as-of that is no date: exit 2" 2 carecal_demo summary \
    --for 2022-01-27 --as-of 2022-02-30
has "and says which option" "$tmp/status.err" "--as-of"
status_is "--title with a control character: exit 2" 2 carecal_demo \
    summary --for 2022-01-27 --title "$(printf 'a\tb')"
status_is "--doc-number empty: exit 2" 2 carecal_demo summary \
    --for 2022-01-27 --doc-number ""

# --- writing: all or nothing ------------------------------------------
status_is "-o in a missing directory fails" 1 carecal_demo summary \
    --for 2022-01-27 -o "$tmp/no/such/dir/r3.txt"
echo old >"$tmp/out.txt"
carecal_demo summary --for 2022-01-27 -o "$tmp/out.txt"
if cmp -s "$tmp/out.txt" "$tmp/r3.txt" &&
    [ -z "$(find "$tmp" -name 'out.txt.*')" ]; then
	pass "-o replaces the file whole and leaves no temporary file"
else
	fail "-o replaces the file whole and leaves no temporary file"
fi

exit $failed
