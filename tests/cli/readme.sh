#!/bin/sh
# readme.sh -- README's "On the command line", as written, one check per
# carecal command, run in an empty directory by the carecal of the build
# (README: "run them in the build directory as ./carecal") with no
# variable set. debian/tests/smoke runs the same lines installed.
. "$TESTS_SRCDIR/lib.sh"

# the section's first sh block; a backslash continues a line
awk '/^## On the command line/ { in_section = 1 }
    in_section && /^```sh/ { in_block = 1; next }
    in_block && /^```/ { exit }
    in_block' "$TESTS_SRCDIR/../README.md" >"$TMP/examples.sh"

carecal()
{
	if bare "$CARECAL" "$@" >"$TMP/out" 2>"$TMP/err"; then
		ok "README: carecal $*"
	else
		not_ok "README: carecal $*"
		sed 's/^/#   /' "$TMP/err" | head -10
	fi
}

mkdir "$TMP/work"
cd "$TMP/work" || exit 99
. "$TMP/examples.sh"
cd "$TESTS_SRCDIR" || exit 99
[ "$tap_n" -ge 10 ] && ok "README shows at least 10 commands ($tap_n)" ||
	not_ok "README shows at least 10 commands: found $tap_n"
[ "$(head -c 5 "$TMP/work/r3.pdf" 2>/dev/null)" = "%PDF-" ] &&
	ok "README: r3.pdf is a PDF" || not_ok "README: r3.pdf is a PDF"
[ -n "$(ls "$TMP/work/ics" 2>/dev/null)" ] &&
	ok "README: ics/ holds the centers' files" ||
	not_ok "README: ics/ holds the centers' files"
done_testing
