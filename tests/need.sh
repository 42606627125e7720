# need.sh -- what a test needs that a developer's machine may lack (a
# tool, a locale, root), and the families that run only when asked.
# Sourced by tests/lib.sh and tests/tui/lib.sh, before any TAP line.
#
# Without what it needs, a test is skipped and says why: it prints the
# TAP plan "1..0 # SKIP why" and exits 77. Under CARECAL_TEST_ALL=1 (CI
# sets it) a missing need is a failure instead, so that nothing CI means
# to run is skipped unseen, and the stress, root and interop families,
# which make check leaves out otherwise, run.

# test_all: 0 when CARECAL_TEST_ALL=1 asks for every test
test_all()
{
	[ "${CARECAL_TEST_ALL:-0}" = 1 ]
}

# skip_all WHY...: the whole test is skipped (a failure under test_all)
skip_all()
{
	set -- "$*"
	if test_all; then
		echo "1..1"
		echo "not ok 1 - $1" \
		    "(CARECAL_TEST_ALL=1: nothing may be skipped)"
		exit 1
	fi
	echo "1..0 # SKIP $1"
	exit 77
}

# have_tool TOOL: 0 when TOOL is on PATH
have_tool()
{
	command -v "$1" >/dev/null 2>&1
}

# have_locale NAME: 0 when the locale NAME (ja_JP.UTF-8) is installed
have_locale()
{
	[ "$(LC_ALL=$1 locale charmap 2>/dev/null)" = UTF-8 ]
}

# need_tool TOOL PACKAGE: the test skips without TOOL
need_tool()
{
	have_tool "$1" || skip_all "$1 is not installed (apt-get install $2)"
}

# need_locale NAME: the test skips without the locale
need_locale()
{
	have_locale "$1" || skip_all "the $1 locale is not installed" \
	    "(add it to /etc/locale.gen and run locale-gen)"
}

# need_family FAMILY WHAT: a test of the stress, root or interop family
# runs only under CARECAL_TEST_ALL=1; WHAT says what it would do.
need_family()
{
	test_all || skip_all "$2 ($1 test; CARECAL_TEST_ALL=1 runs it)"
}

# need_root WHY: the test skips unless it runs as root
need_root()
{
	[ "$(id -u)" -eq 0 ] || skip_all "needs root: $1"
}
