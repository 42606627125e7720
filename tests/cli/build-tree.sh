#!/bin/sh
# build-tree.sh -- carecal run where it is built, with no CARECAL_*
# variable (no variable at all but PATH and HOME): it reads the profiles
# and the demo from its source tree, loads its modules from beside it and
# its translations from po/locale, so README's first commands work as
# ./carecal. The variables still win over that; a copy of the program
# outside the build directory reads the directories configure was given.
. "$TESTS_SRCDIR/lib.sh"

src=$(cd "$TESTS_SRCDIR/.." && pwd -P)
build=$(cd "$(dirname "$CARECAL")" && pwd -P)

# now_of VARIABLE: the directory --help (in $TMP/out) says is in use
now_of()
{
	sed -n "s/^  $1 .*(now \\(.*\\))\$/\\1/p" "$TMP/out"
}

# same_dir WHAT GOT WANT: the same directory, symbolic links resolved
same_dir()
{
	if [ -n "$2" ] && [ "$(cd "$2" 2>/dev/null && pwd -P)" = "$3" ]; then
		ok "$1"
	else
		not_ok "$1: '$2', want '$3'"
	fi
}

expect_status "init --demo" 0 bare "$CARECAL" --db "$TMP/x.db" init --demo
contains "from the source tree's profile and demo" "$TMP/out" \
    "104 demo meetings"
expect_status "summary --format pdf (the PDF module)" 0 bare "$CARECAL" \
    --db "$TMP/x.db" summary --for 2022-01-27 --format pdf -o "$TMP/r.pdf"
[ "$(head -c 5 "$TMP/r.pdf" 2>/dev/null)" = "%PDF-" ] &&
    ok "which writes a PDF" || not_ok "which writes a PDF"
expect_status "export (the iCalendar module)" 0 bare "$CARECAL" \
    --db "$TMP/x.db" export -o "$TMP/x.ics"
contains "which writes iCalendar" "$TMP/x.ics" "BEGIN:VCALENDAR"

mkdir "$TMP/empty"
expect_status "--help" 0 bare "$CARECAL" --help
same_dir "--help: the data is the source tree's share/" \
    "$(now_of CARECAL_DATADIR)" "$src/share"
same_dir "--help: the modules are the build directory's" \
    "$(now_of CARECAL_MODULEDIR)" "$build"
same_dir "--help: the translations are the build's po/locale" \
    "$(now_of CARECAL_LOCALEDIR)" "$build/po/locale"
if have_locale ja_JP.UTF-8; then
	expect_status "LANG=ja_JP.UTF-8 --help" 0 bare LANG=ja_JP.UTF-8 \
	    "$CARECAL" --help
	contains "is in Japanese" "$TMP/out" "使い方: carecal"
	contains "and lists the variables" "$TMP/out" "環境変数:"
	expect_status "CARECAL_LOCALEDIR wins" 0 bare \
	    CARECAL_LOCALEDIR="$TMP/empty" LANG=ja_JP.UTF-8 "$CARECAL" --help
	contains "(no catalog there: English)" "$TMP/out" "usage: carecal"
else
	skip "LANG=ja_JP.UTF-8 --help is in Japanese" "no ja_JP.UTF-8 locale"
fi

# through a symbolic link (~/bin/carecal, say) it is the same program
mkdir "$TMP/bin"
ln -s "$CARECAL" "$TMP/bin/carecal"
expect_status "through a symbolic link: init --demo" 0 bare \
    "$TMP/bin/carecal" --db "$TMP/y.db" init --demo

# the variables win
check_error "CARECAL_DATADIR wins" 2 "$TMP/empty/profiles/matsudo.txt" \
    bare CARECAL_DATADIR="$TMP/empty" "$CARECAL" --db "$TMP/z.db" \
    init --demo
check_error "CARECAL_MODULEDIR wins" 1 \
    "cannot load the iCalendar module: $TMP/empty/carecal-ical.so" \
    bare CARECAL_MODULEDIR="$TMP/empty" "$CARECAL" --db "$TMP/x.db" \
    export -o "$TMP/no.ics"

# a copy elsewhere is no build: the configured directories
mkdir "$TMP/copy"
cp "$CARECAL" "$TMP/copy/carecal"
expect_status "a copy outside the build: --help" 0 bare \
    "$TMP/copy/carecal" --help
for v in "CARECAL_DATADIR $TESTS_PKGDATADIR" \
    "CARECAL_MODULEDIR $TESTS_PKGLIBDIR" "CARECAL_LOCALEDIR $TESTS_LOCALEDIR"
do
	set -- $v
	if [ "$(now_of "$1")" = "$2" ]; then
		ok "a copy outside the build: $1 is the configured $2"
	else
		not_ok "a copy outside the build: $1 is '$(now_of "$1")'," \
		    "want the configured $2"
	fi
done
done_testing
