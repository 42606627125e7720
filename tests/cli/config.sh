#!/bin/sh
#
# config.sh -- `carecal config`: the settings of a database, the office
# closure (12-29..01-03 until changed) and what may not be changed.
# What the closure does to `carecal check` is in check.sh.

srcdir=${TESTS_SRCDIR:-$(dirname "$0")/..}
expected=$srcdir/cli/expected
carecal=${CARECAL:?CARECAL: the carecal binary to test}

tmp=$(mktemp -d "${TMPDIR:-/tmp}/carecal-config.XXXXXX") || {
	echo "Bail out! cannot make a temporary directory"
	exit 1
}
trap 'rm -rf "$tmp"' EXIT
trap 'exit 1' HUP INT TERM

n=0
failed=0

ok()
{
	n=$((n + 1))
	echo "ok $n - $1"
}

not_ok()
{
	n=$((n + 1))
	echo "not ok $n - $1"
	failed=1
}

# check_output WHAT EXPECTED-TEXT COMMAND...: exit 0, stdout equal to
# the text, nothing on stderr.
check_output()
{
	what=$1
	printf '%s' "$2" >"$tmp/want"
	shift 2
	"$@" >"$tmp/out" 2>"$tmp/err"
	status=$?
	if [ "$status" -ne 0 ]; then
		not_ok "$what: exit status $status"
		sed 's/^/# /' "$tmp/err"
	elif ! diff -u "$tmp/want" "$tmp/out" >"$tmp/diff"; then
		not_ok "$what: output differs"
		sed 's/^/# /' "$tmp/diff"
	elif [ -s "$tmp/err" ]; then
		not_ok "$what: unexpected stderr"
		sed 's/^/# /' "$tmp/err"
	else
		ok "$what"
	fi
}

# check_error WHAT STATUS MESSAGE COMMAND...: that exit status, nothing
# on stdout, MESSAGE (a fixed string) on stderr.
check_error()
{
	what=$1
	want=$2
	message=$3
	shift 3
	"$@" >"$tmp/out" 2>"$tmp/err"
	status=$?
	if [ "$status" -ne "$want" ]; then
		not_ok "$what: exit status $status, want $want"
		sed 's/^/# /' "$tmp/err"
	elif [ -s "$tmp/out" ]; then
		not_ok "$what: unexpected stdout"
		sed 's/^/# /' "$tmp/out"
	elif ! grep -F -q -- "$message" "$tmp/err"; then
		not_ok "$what: stderr lacks '$message'"
		sed 's/^/# /' "$tmp/err"
	else
		ok "$what"
	fi
}

echo "1..17"

db=$tmp/config.db
"$carecal" --db "$db" init >/dev/null 2>"$tmp/err" || {
	echo "Bail out! init failed"
	sed 's/^/# /' "$tmp/err"
	exit 1
}
nl='
'

check_output "config: every setting, the closure by default" \
    "city       松戸市${nl}profile    matsudo${nl}closure    \
12-29..01-03${nl}" \
    "$carecal" --db "$db" config
check_output "config closure: the default" "12-29..01-03$nl" \
    "$carecal" --db "$db" config closure
check_output "config city" "松戸市$nl" "$carecal" --db "$db" config city
check_output "config closure 8-13..8-16: set, silently" "" \
    "$carecal" --db "$db" config closure 8-13..8-16
check_output "and kept in the database's own form" "08-13..08-16$nl" \
    "$carecal" --db "$db" config closure
check_error "config closure 12-32..01-03: exit status 2" 2 \
    "closure '12-32..01-03' is not MM-DD..MM-DD (as 12-29..01-03) or none" \
    "$carecal" --db "$db" config closure 12-32..01-03
check_error "config closure 12-29: exit status 2" 2 \
    "closure '12-29' is not MM-DD..MM-DD" \
    "$carecal" --db "$db" config closure 12-29
check_output "a refused value leaves the closure as it was" \
    "08-13..08-16$nl" "$carecal" --db "$db" config closure
check_output "config closure '': no closure" "" \
    "$carecal" --db "$db" config closure ''
check_output "shown as none" "none$nl" "$carecal" --db "$db" config closure
check_output "config closure 12-29..01-03: back to the year end" "" \
    "$carecal" --db "$db" config closure 12-29..01-03
check_output "config closure none: no closure" "" \
    "$carecal" --db "$db" config closure none
check_output "config lists closure none" \
    "city       松戸市${nl}profile    matsudo${nl}closure    none${nl}" \
    "$carecal" --db "$db" config
check_error "config city 横浜市: read only, exit status 2" 2 \
    "city is read only" "$carecal" --db "$db" config city 横浜市
check_error "config colour: unknown, exit status 2" 2 \
    "unknown setting 'colour'" "$carecal" --db "$db" config colour
check_error "config closure a b: too many, exit status 2" 2 \
    "too many arguments" "$carecal" --db "$db" config closure a b
check_error "config on a missing database: exit status 1" 1 \
    "no database there" "$carecal" --db "$tmp/none.db" config

exit $failed
