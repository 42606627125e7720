#!/bin/sh
#
# layers.sh -- the arrows of DESIGN.md's layout hold, header by header:
# every file of core/ compiles with core's headers alone and of db/ with
# core's and db's alone (the build gives each layer only its own include
# path, Makefile.am), so that nothing below includes the programs; and,
# through everything a file includes, system headers too, core reaches
# neither ncurses nor SQLite, db no ncurses, and the full-screen view
# (tui/) no SQLite (issue 18). The compiler finds the includes (cc -M),
# not a pattern over the text.
. "$TESTS_SRCDIR/lib.sh"

need_tool cc gcc
need_tool pkg-config pkg-config
src=$(cd "$TESTS_SRCDIR/.." && pwd -P)
: "${TESTS_BUILDDIR:?TESTS_BUILDDIR must name the tests build directory}"
config=$TESTS_BUILDDIR/../config.h
[ -f "$config" ] || skip_all "no config.h beside the tests ($config)"
config=$(realpath "$config")
# the libraries' own headers, for the two modules' sources in core/
libs=$(pkg-config --cflags libical pangocairo sqlite3 ncursesw 2>/dev/null) ||
	skip_all "pkg-config knows no libical, pangocairo, sqlite3 or ncursesw"

# includes FILE PATHS...: the real path of everything FILE includes, one
# a line, with only PATHS (-I...) for its quoted includes; fails (with
# the compiler's words in $TMP/cc.err) when one of them is not found
includes()
{
	f=$1
	shift
	# shellcheck disable=SC2086
	cc -M -x c -std=c11 -include "$config" "$@" $libs "$f" \
	    >"$TMP/deps" 2>"$TMP/cc.err" || return 1
	# "x.o: a.h b.h \" lines: the names after the colon
	sed 's/^[^:]*://; s/\\$//' "$TMP/deps" | tr ' ' '\n' | grep -v '^$' |
	    xargs realpath -m --
}

# layer_check FILE WHAT FORBIDDEN PATHS...: prints why FILE breaks its
# layer's rule, nothing when it keeps it. FORBIDDEN is an extended
# regular expression over the real paths of what FILE includes: the
# directories of the tree above its layer and the system headers it
# must not reach.
layer_check()
{
	f=$1
	what=$2
	forbidden=$3
	shift 3
	if ! includes "$f" "$@" >"$TMP/paths"; then
		echo "does not compile with $what headers alone:" \
		    "$(grep -m1 'error' "$TMP/cc.err" | sed 's/.*error: //')"
		return
	fi
	grep -v -x -F "$config" "$TMP/paths" | grep -E "$forbidden" |
	    head -3 | sed 's/^/includes /'
}

CURSES='/(n?curses[^/]*|ncursesw/[^/]*|form|menu|panel|term)\.h$'
SQLITE='/sqlite3(ext)?\.h$'
# the rest of the tree, seen from a layer: anything of the source tree
# but its own directories (and the tests, which include from anywhere)
others()
{
	printf '^%s/(%s)' \
	    "$(printf '%s' "$src" | sed 's/[][\.*^$+?(){}|]/\\&/g')" "$1"
}

# check_layer DIR WHAT FORBIDDEN PATHS...: one TAP line per directory
check_layer()
{
	dir=$1
	what=$2
	forbidden=$3
	shift 3
	bad=0
	n=0
	for f in "$src/$dir"/*.c "$src/$dir"/*.h; do
		n=$((n + 1))
		why=$(layer_check "$f" "$what" "$forbidden" "$@")
		if [ -n "$why" ]; then
			bad=$((bad + 1))
			printf '%s\n' "$why" | sed "s|^|#   $dir/${f##*/}: |"
		fi
	done
	if [ "$bad" -eq 0 ] && [ "$n" -gt 1 ]; then
		ok "$dir/: its $n files keep to $what headers"
	else
		not_ok "$dir/: $bad of its $n files break the layer's rule"
	fi
}

check_layer core "core's" \
    "$(others 'db|cli|tui')/|$CURSES|$SQLITE" -I"$src/core"
check_layer db "core's and db's" \
    "$(others 'cli|tui')/|$CURSES" -I"$src/core" -I"$src/db"
# a view never builds SQL: the full-screen view goes through db/store.h
check_layer tui "any layer's" "$SQLITE" \
    -I"$src/core" -I"$src/db" -I"$src/cli" -I"$src/tui"

# and the check does catch each kind of break: a core file that includes
# a db header, one that reaches it by a relative path, one that includes
# SQLite, and a db file that includes curses
mkdir -p "$TMP/core" "$TMP/db"
printf '#include "store.h"\n' >"$TMP/core/by-name.c"
printf '#include "%s/db/store.h"\n' "$src" >"$TMP/core/by-path.c"
printf '#include <stdio.h>\n#include <sqlite3.h>\n' >"$TMP/core/sqlite.c"
printf '#include "store.h"\n#include <curses.h>\n' >"$TMP/db/curses.c"
for planted in core/by-name.c core/by-path.c core/sqlite.c; do
	why=$(layer_check "$TMP/$planted" "core's" \
	    "$(others 'db|cli|tui')/|$CURSES|$SQLITE" -I"$src/core" | head -1)
	[ -n "$why" ] && ok "a planted $planted is caught: $why" ||
		not_ok "a planted $planted is caught"
done
why=$(layer_check "$TMP/db/curses.c" "core's and db's" \
    "$(others 'cli|tui')/|$CURSES" -I"$src/core" -I"$src/db" | head -1)
[ -n "$why" ] && ok "a planted db/curses.c is caught: $why" ||
	not_ok "a planted db/curses.c is caught"

done_testing
