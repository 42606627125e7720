#!/bin/sh
#
# config.sh -- `carecal config`: the settings of a database, the office
# closure (12-29..01-03 until changed) and what may not be changed.
# What the closure does to `carecal check` is in check.sh.

srcdir=${TESTS_SRCDIR:-$(dirname "$0")/..}
. "$srcdir/lib.sh"
expected=$srcdir/cli/expected
carecal=$CARECAL

# check_text WHAT TEXT COMMAND...: exit 0, stdout equal to the text,
# nothing on stderr.
check_text()
{
	what=$1
	printf '%s' "$2" >"$TMP/want"
	shift 2
	check_output "$what" 0 "$TMP/want" "$@"
}

db=$TMP/config.db
"$carecal" --db "$db" init >/dev/null 2>"$TMP/err" || {
	echo "Bail out! init failed"
	sed 's/^/# /' "$TMP/err"
	exit 1
}
nl='
'

check_text "config: every setting, the closure by default" \
    "city              松戸市${nl}profile           matsudo${nl}\
title             地域ケア会議の開催状況${nl}caption           -${nl}\
closure           12-29..01-03${nl}tombstone-days    400${nl}\
horizon           60${nl}advisor-day       any${nl}\
followup-interim  1m${nl}followup-final    3m${nl}\
followup-types    -${nl}" \
    "$carecal" --db "$db" config
check_text "config closure: the default" "12-29..01-03$nl" \
    "$carecal" --db "$db" config closure
check_text "config city" "松戸市$nl" "$carecal" --db "$db" config city
check_text "config closure 8-13..8-16: set, silently" "" \
    "$carecal" --db "$db" config closure 8-13..8-16
check_text "and kept in the database's own form" "08-13..08-16$nl" \
    "$carecal" --db "$db" config closure
check_error "config closure 12-32..01-03: exit status 2" 2 \
    "$(L "closure '12-32..01-03' is not MM-DD..MM-DD (as 12-29..01-03) or none" "年末年始休業「12-32..01-03」が MM-DD..MM-DD (例: 12-29..01-03) または none になっていません")" \
    "$carecal" --db "$db" config closure 12-32..01-03
check_error "config closure 12-29: exit status 2" 2 \
    "$(L "closure '12-29' is not MM-DD..MM-DD" "年末年始休業「12-29」が MM-DD..MM-DD")" \
    "$carecal" --db "$db" config closure 12-29
check_text "a refused value leaves the closure as it was" \
    "08-13..08-16$nl" "$carecal" --db "$db" config closure
check_text "config closure '': no closure" "" \
    "$carecal" --db "$db" config closure ''
check_text "shown as none" "none$nl" "$carecal" --db "$db" config closure
check_text "config closure 12-29..01-03: back to the year end" "" \
    "$carecal" --db "$db" config closure 12-29..01-03
check_text "config closure none: no closure" "" \
    "$carecal" --db "$db" config closure none
check_text "config lists closure none" \
    "city              松戸市${nl}profile           matsudo${nl}\
title             地域ケア会議の開催状況${nl}caption           -${nl}\
closure           none${nl}tombstone-days    400${nl}\
horizon           60${nl}advisor-day       any${nl}\
followup-interim  1m${nl}followup-final    3m${nl}\
followup-types    -${nl}" \
    "$carecal" --db "$db" config

# how long a deleted meeting is exported as cancelled (export: see
# tombstones.sh)
check_text "config tombstone-days: 400 by default" "400$nl" \
    "$carecal" --db "$db" config tombstone-days
check_text "config tombstone-days 30: set, silently" "" \
    "$carecal" --db "$db" config tombstone-days 30
check_text "kept" "30$nl" "$carecal" --db "$db" config tombstone-days
check_text "config tombstone-days 0: none" "" \
    "$carecal" --db "$db" config tombstone-days 0
check_text "config tombstone-days 007: as 7" "" \
    "$carecal" --db "$db" config tombstone-days 007
check_text "kept as 7" "7$nl" "$carecal" --db "$db" config tombstone-days
for bad in -1 3661 1e3 '' ' 1' 十 99999999999999999999; do
	check_error "config tombstone-days '$bad': exit status 2" 2 \
	    "$(L "tombstone-days '$bad' is not a number of days from 0 to 3660" "tombstone-days「$bad」が 0 から 3660 までの日数ではありません")" \
	    "$carecal" --db "$db" config tombstone-days "$bad"
done
check_text "a refused value leaves it as it was" "7$nl" \
    "$carecal" --db "$db" config tombstone-days
check_error "config city 横浜市: read only, exit status 2" 2 \
    "$(L "city is read only" "city は読み取り専用です")" "$carecal" --db "$db" config city 横浜市
check_error "config colour: unknown, exit status 2" 2 \
    "$(L "unknown setting 'colour'" "不明な設定「colour」です")" "$carecal" --db "$db" config colour
check_error "config closure a b: too many, exit status 2" 2 \
    "$(L "too many arguments" "引数が多すぎます")" "$carecal" --db "$db" config closure a b
check_error "config on a missing database: exit status 1" 1 \
    "$(L "no database there" "データベースがありません")" "$carecal" --db "$TMP/none.db" config

done_testing
