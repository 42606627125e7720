#!/bin/sh
#
# bench-generator.sh -- the benchmark's generator (bench/generate) at
# about 100 meetings: it keeps what it promises. Every center holds each
# regional type within the profile's yearly target in every fiscal year,
# the city meets twice a year, no meeting falls on a weekend, a holiday
# or the closure, meetings before today are held and the rest planned,
# the same seed gives the same file, and `carecal check` finds nothing
# in the generated years and every shortfall in the year before them.

srcdir=${TESTS_SRCDIR:-$(dirname "$0")/..}
. "$srcdir/lib.sh"
generate=$srcdir/../bench/generate
profile=$TMP/profile.txt
centers=2
years=5
first=2020
today=2024-10-01
export CARECAL

expect_status "generate $centers centers × $years fiscal years" 0 \
    "$generate" --db "$DB" --centers $centers --years $years \
    --first-fy $first --today $today --csv "$TMP/a.csv" --profile "$profile"
said=$(sed -n 's/^\([0-9]*\) meetings.*/\1/p' "$TMP/err")

expect_status "the same seed again, into another database" 0 \
    "$generate" --db "$TMP/b.db" --centers $centers --years $years \
    --first-fy $first --today $today --csv "$TMP/b.csv"
if cmp -s "$TMP/a.csv" "$TMP/b.csv"; then
	ok "the same seed gives the same meetings"
else
	not_ok "the same seed gives the same meetings"
fi

carecal list --format csv >"$TMP/list.csv"
rows=$(($(wc -l <"$TMP/list.csv") - 1))
if [ "$rows" -eq "$(($(wc -l <"$TMP/a.csv") - 1))" ] &&
    [ "$rows" -eq "$said" ] && [ "$rows" -ge 80 ] && [ "$rows" -le 120 ]; then
	ok "all $rows meetings imported, as many as it said ($said)"
else
	not_ok "imported $rows meetings; it said '$said'"
fi

# The centers of the profile: Matsudo's first ones, no more.
carecal center list >"$TMP/centers"
awk -F'\t' '$1 == "center" { print $2 }' \
    "$CARECAL_DATADIR/profiles/matsudo.txt" | head -n $centers >"$TMP/want"
same_text "the database has the first $centers Matsudo centers" \
    "$TMP/want" "$TMP/centers"

# Per fiscal year, center and type: the meetings that count (held or
# planned) against the profile's MIN..MAX; what is off, or missing.
awk -F'\t' -v first=$first -v years=$years '
FNR == NR && $1 == "type" { min[$2] = $6; max[$2] = $7; city[$2] = $5 == "city"
	next }
FNR == NR && $1 == "center" { center[$2] = 1; next }
FNR == NR { next }
FNR == 1 { FS = ","; $0 = $0; next }
{
	y = substr($3, 1, 4) + 0
	if (substr($3, 6, 2) + 0 < 4)
		y--
	if ($9 != "cancelled")
		n[y, city[$7] ? "" : $6, $7]++
	else
		cancelled++
}
END {
	for (y = first; y < first + years; y++)
		for (t in min) {
			if (city[t]) {
				checked++
				k = n[y, "", t] + 0
				if (k != min[t])
					print y, "city", t, k
				continue
			}
			for (c in center) {
				checked++
				k = n[y, c, t] + 0
				if (k < min[t] || k > max[t])
					print y, c, t, k
			}
		}
	print checked " checked, " (cancelled > 0 ? "some" : "no") \
	    " cancelled"
}' "$profile" "$TMP/list.csv" >"$TMP/counts"
echo "$((years * (centers * 3 + 1))) checked, some cancelled" >"$TMP/want"
same_text "each center and type within its target every year, the city twice" \
    "$TMP/want" "$TMP/counts"

# Weekdays by date(1); holidays by `carecal holidays`; the closure as
# the database says.
cut -d, -f3 "$TMP/list.csv" | sed 1d | sort -u >"$TMP/dates"
: >"$TMP/bad"
while read -r d; do
	case $(date -d "$d" +%u) in
	6|7) echo "$d weekend" >>"$TMP/bad" ;;
	esac
	case $d in
	*-12-29|*-12-30|*-12-31|*-01-0[123])
		echo "$d closure" >>"$TMP/bad" ;;
	esac
done <"$TMP/dates"
y=$first
while [ $y -le $((first + years)) ]; do
	carecal holidays $y
	y=$((y + 1))
done | cut -d' ' -f1 | sort >"$TMP/holidays"
comm -12 "$TMP/dates" "$TMP/holidays" | sed 's/$/ holiday/' >>"$TMP/bad"
if [ "$(carecal config closure)" = 12-29..01-03 ] && [ ! -s "$TMP/bad" ] &&
    [ "$(wc -l <"$TMP/holidays")" -ge 80 ]; then
	ok "$(wc -l <"$TMP/dates") dates, none a weekend, holiday or closure day"
else
	not_ok "dates on days off"
	sed 's/^/#   /' "$TMP/bad" | head -10
fi

# held before today, planned from today; cancelled ones kept
awk -F, -v today=$today 'NR > 1 {
	if ($9 == "cancelled")
		k = "cancelled"
	else
		k = ($3 < today) == ($9 == "held") ? "ok" : "wrong: " $0
	if (!(k in seen))
		print k
	seen[k]
}' "$TMP/list.csv" | sort >"$TMP/status"
printf 'cancelled\nok\n' >"$TMP/want"
same_text "held before $today, planned after, some cancelled" \
    "$TMP/want" "$TMP/status"

y=$first
: >"$TMP/check"
while [ $y -lt $((first + years)) ]; do
	echo "$y $(CARECAL_TODAY=$today carecal check --fy $y | tail -1)"
	y=$((y + 1))
done >"$TMP/check"
y=$first
while [ $y -lt $((first + years)) ]; do
	echo "$y $(L "0 findings" "指摘 0 件")"
	y=$((y + 1))
done >"$TMP/want"
same_text "check: nothing in any generated year" "$TMP/want" "$TMP/check"

CARECAL_TODAY=$today carecal check --fy $((first - 1)) --format csv |
    cut -d, -f1 | sed 1d | sort | uniq -c | sed 's/^ *//' >"$TMP/check"
echo "$((centers * 3 + 1)) target-low" >"$TMP/want"
same_text "check: the year before, every center and type short" \
    "$TMP/want" "$TMP/check"

# --advisors: every 自立 meeting gets the three professions its type
# summons, no advisor twice a day, so check still finds nothing (also
# with one center a day and a horizon of a year)
if have_tool sqlite3; then
	expect_status "generate --advisors" 0 "$generate" --db "$TMP/adv.db" \
	    --centers $centers --years $years --first-fy $first --today $today \
	    --csv "$TMP/c.csv" --advisors
	cmp -s "$TMP/a.csv" "$TMP/c.csv" && ok "the same meetings as without" ||
	    not_ok "the same meetings as without"
	carecal --db "$TMP/adv.db" list --type jiritsu --format csv |
	    tail -n +2 | grep -vc ',cancelled,' >"$TMP/n"
	booked=$(sqlite3 "$TMP/adv.db" "SELECT count(DISTINCT meeting_id) || ' '
	    || count(*) FROM assignments")
	[ "$booked" = "$(cat "$TMP/n") $(($(cat "$TMP/n") * 3))" ] &&
	    ok "each 自立 meeting booked with three advisors ($booked)" ||
	    not_ok "each 自立 meeting booked with three advisors: $booked"
	carecal --db "$TMP/adv.db" config advisor-day one-center
	carecal --db "$TMP/adv.db" config horizon 366
	y=$first
	while [ $y -lt $((first + years)) ]; do
		CARECAL_TODAY=$today carecal --db "$TMP/adv.db" check \
		    --fy $y --format csv | tail -n +2
		y=$((y + 1))
	done >"$TMP/findings"
	[ ! -s "$TMP/findings" ] &&
	    ok "check with advisors: nothing in any generated year" ||
	    not_ok "check with advisors: $(head -3 "$TMP/findings")"
else
	skip "generate --advisors" "sqlite3 is not installed (apt-get install sqlite3)"
fi

check_error "generate without --db: a usage error" 2 "usage:" \
    "$generate" --centers 2
check_error "generate into an existing database: refused" 2 "exists" \
    "$generate" --db "$DB"

done_testing
