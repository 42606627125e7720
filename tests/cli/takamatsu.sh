#!/bin/sh
#
# takamatsu.sh -- Takamatsu's 地域ケア小会議の開催状況 (seeds 000-002)
# reproduced: the meetings behind the city's printed numbers, entered
# as a generated CSV (each type's 回 and 事例 of each fiscal year spread
# over the months and the 39 地区), give back the city's table with
# `summary --fy 2014..2019` as of 令和元年12月末: its numbers, － where a
# type had no meetings, the grouping rows 地域ケア小会議 / 個別課題, the
# profile's titles, 12月末現在, and the 地区 set up each year (seed 001:
# 2 in H27, 23 in H28, 12 in H29, 2 in H30: （39地区）).
. "$TESTS_SRCDIR/lib.sh"
expected=$TESTS_SRCDIR/cli/expected

# The seed's table (000): type, fiscal year, 回, 事例 (- for none).
cat >"$TMP/seed.txt" <<'EOF'
case 2014 39 31
case 2015 56 45
case 2016 38 30
case 2017 19 18
case 2018 18 18
case 2019 5 7
plan 2016 1 4
plan 2017 13 41
plan 2018 32 96
plan 2019 25 75
tekiseika 2018 4 19
tekiseika 2019 1 1
chiiki 2014 10 -
chiiki 2015 15 -
chiiki 2016 139 -
chiiki 2017 301 -
chiiki 2018 273 -
chiiki 2019 180 -
EOF

expect_status "init --profile takamatsu" 0 carecal init --profile takamatsu

# Meetings for each line: in April..March (令和元年度 April..December,
# printed 12月末現在), at the 地区 in turn, the cases spread over them.
carecal center list | sed 's/  (.*//' >"$TMP/centers"
awk -v centers="$TMP/centers" '
BEGIN {
	while ((getline c <centers) > 0)
		center[++n] = c
	print "id,uid,date,start,end,center,type,mode,status,cases,venue,url,note"
}
{
	type = $1; fy = $2; count = $3; cases = $4
	months = fy == 2019 ? 9 : 12
	for (j = 0; j < count; j++) {
		m = 4 + int(j * months / count)
		y = fy + (m > 12)
		if (m > 12)
			m -= 12
		k = cases == "-" ? "" : int(cases / count) + (j < cases % count)
		printf ",,%04d-%02d-%02d,,,%s,%s,in-person,held,%s,,,\n", y, m,
		    1 + j % 28, center[1 + (j + fy) % n], type, k
	}
}' "$TMP/seed.txt" >"$TMP/seed.csv"

n=$(grep -c . "$TMP/centers")
[ "$n" -eq 39 ] && ok "39 地区" || not_ok "39 地区 (got $n)"
expect_status "the seed's 1,169 meetings import" 0 carecal import \
    "$TMP/seed.csv"
contains "all of them" "$TMP/out" "1169"

CARECAL_TODAY=2019-12-31 carecal summary --fy 2014..2019 >"$TMP/table.txt" \
    2>"$TMP/err"
same_text "summary --fy 2014..2019: the city's table" \
    "$expected/takamatsu-years.txt" "$TMP/table.txt"

# the seed's own lines, blanks squeezed
tr -s ' ' <"$TMP/table.txt" | sed 's/^ //' >"$TMP/squeezed"
for line in \
    "地域ケア小会議の開催状況" \
    "■地域ケア小会議課題別開催回数" \
    "(12月末現在)" \
    "地域ケア小会議" \
    "個別課題" \
    "ケース検討 回 39回 56回 38回 19回 18回 5回" \
    "事例 31事例 45事例 30事例 18事例 18事例 7事例" \
    "プラン検討 回 － － 1回 13回 32回 25回" \
    "事例 － － 4事例 41事例 96事例 75事例" \
    "適正化検証 回 － － － － 4回 1回" \
    "事例 － － － － 19事例 1事例" \
    "地域課題 回 10回 15回 139回 301回 273回 180回" \
    "設置地区数 － （2地区） （25地区） （37地区） （39地区） （39地区）"
do
	contains "the seed's $line" "$TMP/squeezed" "$line"
done
# the grouping rows stand over their members
grep -n '^地域ケア小会議$\|^  個別課題$\|^    ケース検討\|^  地域課題' \
    "$TMP/table.txt" | cut -d: -f2 | tr -s ' ' | cut -d' ' -f1-3 \
    >"$TMP/order"
printf '%s\n' 地域ケア小会議 ' 個別課題' ' ケース検討 回' ' 地域課題 回' \
    >"$TMP/order.want"
same_text "地域ケア小会議 over 個別課題 over ケース検討, 地域課題 after" \
    "$TMP/order.want" "$TMP/order"

CARECAL_TODAY=2019-12-31 carecal summary --fy H26..R1 --format csv \
    >"$TMP/table.csv"
contains "csv: the numbers and the grouping" "$TMP/table.csv" \
    "令和元年度,地域課題,180,,,(12月末現在),地域ケア小会議"
contains "csv: the 地区" "$TMP/table.csv" "令和元年度,設置地区数,39,,,"

# the catalog commands that keep these: center started, type --group
check "center started 木太 -: not known" carecal center started 木太 -
CARECAL_TODAY=2019-12-31 carecal summary --fy 2018..2019 | tr -s ' ' \
    >"$TMP/less"
contains "one 地区 fewer" "$TMP/less" "設置地区数 （38地区） （38地区）"
check "center started 木太 2018-11-01" carecal center started 木太 2018-11-01
carecal center list | grep '^木太' >"$TMP/kita"
contains "center list says when" "$TMP/kita" "平成30年11月1日(木)"
expect_status "center started with no date" 2 carecal center started 木太 soon
contains "is refused, naming the value" "$TMP/err" "soon"
check "type edit chiiki --group -: out of the group" carecal type edit \
    chiiki --group -
CARECAL_TODAY=2019-12-31 carecal summary --fy 2018..2019 >"$TMP/ungrouped"
grep -n '^地域課題 ' "$TMP/ungrouped" >/dev/null &&
    ok "地域課題 stands on its own" || not_ok "地域課題 stands on its own"
expect_status "a group with an empty name" 2 carecal type edit chiiki \
    --group 地域ケア小会議//地域
check "and back in it" carecal type edit chiiki --group 地域ケア小会議
printf 'city\t市\ntype\ta\tA\tA\tregional\t-\t-\t-\ncenter\t北\tlater\n' \
    >"$TMP/bad-profile.txt"
expect_status "a profile with a start that is no date" 2 carecal --db \
    "$TMP/bad.db" init --profile "$TMP/bad-profile.txt"
contains "names its line and value" "$TMP/err" "bad-profile.txt:3:"

if command -v pdftotext >/dev/null 2>&1; then
	expect_status "pdf" 0 env CARECAL_TODAY=2019-12-31 "$CARECAL" \
	    summary --fy 2014..2019 --format pdf -o "$TMP/table.pdf" \
	    --doc-number 資料2
	pdftotext -layout "$TMP/table.pdf" - 2>/dev/null | tr -s ' ' \
	    >"$TMP/table.pdf.txt"
	for line in "地域ケア小会議の開催状況" "資料2" "(12月末現在)" \
	    "回 39回 56回 38回 19回 18回 5回" \
	    "地域課題 回 10回 15回 139回 301回 273回 180回" \
	    "（39地区）"; do
		contains "pdf: $line" "$TMP/table.pdf.txt" "$line"
	done
else
	for i in 1 2 3 4 5 6 7; do
		ok "# SKIP pdftotext not found (apt-get install poppler-utils)"
	done
fi

done_testing
