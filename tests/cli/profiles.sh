#!/bin/sh
#
# profiles.sh -- the seed cities' profiles carry the seeds' figures:
# Toyoake's monthly 要支援 and 要介護 conferences (1.5 h; 4 cases, and 3
# with a mini lecture) and the professions they summon; Ikoma's 36
# regular and 18 ad hoc meetings a year and its formats; Matsudo's
# 自立支援型個別ケア会議 summons リハビリ専門職, 管理栄養士 and 歯科衛生士.
# The R3 demo books three (made-up) advisors for its 自立 meetings, so
# that check finds its four shortfalls and no advisor finding, whatever
# the day.

srcdir=${TESTS_SRCDIR:-$(dirname "$0")/..}
. "$srcdir/lib.sh"

# type_line DB CODE: the type's line of `type list`, spaces squeezed
type_line()
{
	carecal --db "$1" type list | awk -v c="$2" '$1 == c' |
	    sed 's/  */ /g; s/ *$//'
}

cases=$(L "counts cases" "事例数を集計")
monthly=$(L monthly 毎月)
summons=$(L summons 招集)
pros="医師,歯科医師|歯科医,薬剤師,理学療法士,作業療法士,言語聴覚士,管理栄養士,歯科衛生士"

expect_status "init --profile toyoake" 0 carecal --db "$TMP/t.db" init \
	--profile toyoake
contains "豊明市, one row for the city, two types" "$TMP/out" \
	"$(L "豊明市, 1 centers, 2 meeting types" "豊明市、センター 1、会議種別 2")"
[ "$(type_line "$TMP/t.db" yoshien)" = "yoshien \
要支援・事業対象者ケアカンファレンス 要支援 regional 12 $cases \
$(L "90 min 4 cases" "90 分 4 事例") $monthly ($summons $pros)" ] &&
	ok "要支援: monthly (12 a year), 1.5 h, 4 cases, the seed's professions" ||
	not_ok "要支援: got '$(type_line "$TMP/t.db" yoshien)'"
[ "$(type_line "$TMP/t.db" yokaigo)" = "yokaigo 要介護ケアカンファレンス \
要介護 regional 12 $cases $(L "90 min 3 cases + lecture" \
"90 分 ミニ講義+3 事例") $monthly ($summons $pros)" ] &&
	ok "要介護: monthly, 1.5 h, a mini lecture and 3 cases" ||
	not_ok "要介護: got '$(type_line "$TMP/t.db" yokaigo)'"
contains "the profile says what it assumes" \
	"$CARECAL_DATADIR/profiles/toyoake.txt" "What is assumed"

expect_status "init --profile ikoma" 0 carecal --db "$TMP/i.db" init \
	--profile ikoma
contains "生駒市, one row, four formats" "$TMP/out" \
	"$(L "生駒市, 1 centers, 4 meeting types" "生駒市、センター 1、会議種別 4")"
[ "$(type_line "$TMP/i.db" teirei)" = "teirei 個別ケース検討会議（定例） 定例 \
regional 36 $cases ($summons 理学療法士|作業療法士)" ] &&
	ok "36 regular individual-case meetings, a PT or an OT" ||
	not_ok "定例: got '$(type_line "$TMP/i.db" teirei)'"
[ "$(type_line "$TMP/i.db" zuiji)" = "zuiji 個別ケース検討会議（随時） 随時 \
regional 18 $cases $(L "ad hoc" 随時) ($summons 理学療法士|作業療法士)" ] &&
	ok "18 ad hoc, called when needed" ||
	not_ok "随時: got '$(type_line "$TMP/i.db" zuiji)'"
carecal --db "$TMP/i.db" type list >"$TMP/ikoma"
contains "the dementia format" "$TMP/ikoma" 認知症の課題を検討する会議
contains "the regional-issue format" "$TMP/ikoma" 地域課題を検討する会議
contains "the profile accounts for the 56" \
	"$CARECAL_DATADIR/profiles/ikoma.txt" "56 - 36 - 18 = 2"

expect_status "init --demo" 0 carecal init --demo
[ "$(type_line "$DB" jiritsu)" = "jiritsu 自立支援型個別ケア会議 自立 \
regional 1-2 $cases ($summons \
リハビリ専門職|理学療法士|作業療法士|言語聴覚士,管理栄養士,歯科衛生士)" ] &&
	ok "Matsudo's 自立: リハビリ専門職, 管理栄養士, 歯科衛生士 (seed 004)" ||
	not_ok "自立: got '$(type_line "$DB" jiritsu)'"
n=$(carecal advisor list | grep -c '（架空）')
[ "$n" -eq 3 ] && ok "the demo's three made-up advisors" ||
	not_ok "the demo's three made-up advisors (got $n)"
for who in "青木 陽子" "石田 真由美" "上野 恵"; do
	n=$(carecal list --advisor "$who" --format csv | tail -n +2 |
	    grep -c ',jiritsu,')
	[ "$n" -eq 12 ] && ok "$who: booked for the 12 自立 meetings" ||
	    not_ok "$who: booked for the 12 自立 meetings (got $n)"
done

# the four shortfalls and no advisor finding, from April to the year's
# end and after; the meetings left planned go stale as the days pass
for day in 2021-04-01 2021-10-01 2021-12-15 2022-01-27 2022-02-07 \
    2022-03-08 2022-04-15 2026-11-23; do
	CARECAL_TODAY=$day carecal check --fy 2021 --format csv \
	    >"$TMP/check.csv"
	low=$(grep -c '^target-low,' "$TMP/check.csv")
	other=$(tail -n +2 "$TMP/check.csv" | grep -v '^target-low,' |
	    grep -vc '^stale-planned,')
	[ "$low" -eq 4 ] && [ "$other" -eq 0 ] &&
	    ok "demo as of $day: its 4 shortfalls, no other finding" ||
	    not_ok "demo as of $day: $low shortfalls, $other others"
done
# taking one booking off shows what the demo would find without them
CARECAL_TODAY=2022-01-27 carecal unassign 87 "上野 恵" >/dev/null 2>&1
CARECAL_TODAY=2022-01-27 carecal check --fy 2021 --format csv \
    >"$TMP/check.csv"
contains "without its 歯科衛生士, meeting 87 is short of one" \
	"$TMP/check.csv" "advisor-missing,五香松飛台,jiritsu,2022-02-08,2021,87,"
CARECAL_TODAY=2022-01-27 carecal summary --for 2022-01-27 --with-checks \
    >"$TMP/summary.txt" 2>&1
contains "the summary's plan checks have it too, as check does" \
	"$TMP/summary.txt" "$(L "no 歯科衛生士 booked yet" \
	"歯科衛生士 がまだ手配されていません")"

done_testing
