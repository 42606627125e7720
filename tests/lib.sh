# lib.sh -- what the shell tests share: TAP output, a private temporary
# directory, and running carecal with a fixed database and date.
# Sourced by tests/*/*.sh; expects CARECAL, CARECAL_DATADIR, TESTS_SRCDIR.
# What a test needs that a machine may lack: tests/need.sh.

: "${CARECAL:?CARECAL must name the carecal binary}"
: "${TESTS_SRCDIR:?TESTS_SRCDIR must name the tests directory}"
. "$TESTS_SRCDIR/need.sh"
export CARECAL_DATADIR LC_ALL
tap_n=0
tap_failed=0

TMP=$(mktemp -d "${TMPDIR:-/tmp}/carecal-test.XXXXXX") || exit 99
trap 'rm -rf "$TMP"' EXIT
DB=$TMP/test.db
export CARECAL_DB="$DB"
unset CARECAL_TODAY XDG_DATA_HOME

ok()
{
	tap_n=$((tap_n + 1))
	echo "ok $tap_n - $*"
}

not_ok()
{
	tap_n=$((tap_n + 1))
	tap_failed=$((tap_failed + 1))
	echo "not ok $tap_n - $*"
}

# skip DESCRIPTION WHY: a check that cannot run here (a failure under
# CARECAL_TEST_ALL=1, tests/need.sh)
skip()
{
	if test_all; then
		not_ok "$1: $2 (CARECAL_TEST_ALL=1: nothing may be skipped)"
	else
		tap_n=$((tap_n + 1))
		echo "ok $tap_n - $1 # SKIP $2"
	fi
}

# check DESCRIPTION COMMAND...: passes when the command succeeds
check()
{
	desc=$1
	shift
	if "$@" >"$TMP/check.out" 2>&1; then
		ok "$desc"
	else
		not_ok "$desc"
		sed 's/^/#   /' "$TMP/check.out" | head -20
	fi
}

# same_text DESCRIPTION EXPECTED_FILE ACTUAL_FILE (CARECAL_REGEN=1: the
# actual text becomes the expected one, to be reviewed with git diff)
same_text()
{
	[ "${CARECAL_REGEN:-0}" = 1 ] && cp "$3" "$2"
	if diff -u "$2" "$3" >"$TMP/diff.out" 2>&1; then
		ok "$1"
	else
		not_ok "$1"
		sed 's/^/#   /' "$TMP/diff.out" | head -40
	fi
}

# check_output WHAT STATUS EXPECTED-FILE [VAR=value...] COMMAND...: that
# exit status, stdout equal to the file, nothing on stderr.
check_output()
{
	what=$1
	want_status=$2
	want=$3
	shift 3
	env "$@" >"$TMP/out" 2>"$TMP/err"
	status=$?
	[ "${CARECAL_REGEN:-0}" = 1 ] && cp "$TMP/out" "$want"
	if [ "$status" -ne "$want_status" ]; then
		not_ok "$what: exit status $status, want $want_status"
		sed 's/^/#   /' "$TMP/err" | head -20
	elif ! diff -u "$want" "$TMP/out" >"$TMP/diff.out"; then
		not_ok "$what: output differs"
		sed 's/^/#   /' "$TMP/diff.out" | head -40
	elif [ -s "$TMP/err" ]; then
		not_ok "$what: unexpected stderr"
		sed 's/^/#   /' "$TMP/err" | head -20
	else
		ok "$what"
	fi
}

# check_error WHAT STATUS MESSAGE COMMAND...: that exit status, nothing
# on stdout, MESSAGE (a fixed string) on stderr.
check_error()
{
	what=$1
	want_status=$2
	message=$3
	shift 3
	"$@" >"$TMP/out" 2>"$TMP/err"
	status=$?
	if [ "$status" -ne "$want_status" ]; then
		not_ok "$what: exit status $status, want $want_status"
		sed 's/^/#   /' "$TMP/err" | head -20
	elif [ -s "$TMP/out" ]; then
		not_ok "$what: unexpected stdout"
		sed 's/^/#   /' "$TMP/out" | head -20
	elif ! grep -F -q -- "$message" "$TMP/err"; then
		not_ok "$what: stderr lacks '$message'"
		sed 's/^/#   /' "$TMP/err" | head -20
	else
		ok "$what"
	fi
}

# expect_status DESCRIPTION STATUS COMMAND...: output in $TMP/out, $TMP/err
expect_status()
{
	desc=$1
	want=$2
	shift 2
	"$@" >"$TMP/out" 2>"$TMP/err"
	got=$?
	if [ "$got" -eq "$want" ]; then
		ok "$desc"
	else
		not_ok "$desc (exit $got, want $want)"
		sed 's/^/#   stderr: /' "$TMP/err" | head -10
	fi
}

# contains DESCRIPTION FILE TEXT: fixed-string search
contains()
{
	if grep -qF -- "$3" "$2"; then
		ok "$1"
	else
		not_ok "$1"
		echo "#   '$3' not in:"
		sed 's/^/#   /' "$2" | head -10
	fi
}

lacks()
{
	if grep -qF -- "$3" "$2"; then
		not_ok "$1"
		echo "#   '$3' found in $2"
	else
		ok "$1"
	fi
}

# L TEXT-IN-C TEXT-IN-JA: what the user reads in the test's locale (make
# check-ja runs the tests under ja_JP.UTF-8 as well, issue 13)
L()
{
	case ${LC_ALL:-} in
	ja_JP*) printf '%s\n' "$2" ;;
	*) printf '%s\n' "$1" ;;
	esac
}

# expected_file NAME: tests/cli/expected/NAME, or its Japanese version
# tests/cli/expected/ja/NAME under ja_JP when the text differs
expected_file()
{
	case ${LC_ALL:-} in
	ja_JP*) [ -f "$TESTS_SRCDIR/cli/expected/ja/$1" ] &&
		echo "$TESTS_SRCDIR/cli/expected/ja/$1" && return ;;
	esac
	echo "$TESTS_SRCDIR/cli/expected/$1"
}

carecal()
{
	"$CARECAL" "$@"
}

# bare COMMAND...: in an environment of PATH, HOME ($TMP), the
# sanitizers' options and nothing else: no CARECAL_* variable, no locale
bare()
{
	env -i PATH="$PATH" HOME="$TMP" \
	    ${ASAN_OPTIONS+"ASAN_OPTIONS=$ASAN_OPTIONS"} \
	    ${LSAN_OPTIONS+"LSAN_OPTIONS=$LSAN_OPTIONS"} \
	    ${UBSAN_OPTIONS+"UBSAN_OPTIONS=$UBSAN_OPTIONS"} "$@"
}

db_hash()
{
	cat "$DB" "$DB-wal" 2>/dev/null | sha256sum | cut -d" " -f1
}

done_testing()
{
	echo "1..$tap_n"
	[ "$tap_failed" -eq 0 ]
}
