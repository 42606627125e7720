#!/bin/sh
# man-ja.sh -- the Japanese manual page (share/ja/carecal.1, installed
# for `man -L ja carecal`) kept in step with the English one
# (share/carecal.1): the same commands, options, environment variables
# and sections, each named in both; every command of the program and
# every long option its help names is in the English page; both pages
# render without a groff warning, through groff and through man; and
# the Japanese one has no stray space where two input lines of Japanese
# meet (issue 13).
. "$TESTS_SRCDIR/lib.sh"
need_tool groff groff-base
need_tool preconv groff-base
need_tool man man-db

en=$TESTS_SRCDIR/../share/carecal.1
ja=$TESTS_SRCDIR/../share/ja/carecal.1

# plain NAME FILE: the roff source as text, escapes of fonts, hyphens and
# break points resolved, comments dropped
plain()
{
	sed -e 's/\\".*//' -e 's/\\-/-/g' -e 's/\\f[BIRP]//g' \
	    -e 's/\\f(..//g' -e 's/\\[:&c]//g' -e 's/\\e/\\/g' "$1"
}

# commands FILE: the first word of each entry under the COMMANDS section
# (.SH COMMANDS, or the Japanese page's .SH of that comment), once each
commands()
{
	awk '/^\.SH/ { in_cmds = ($0 ~ /^\.SH COMMANDS/ ||
		    $0 ~ /\\" COMMANDS$/); next }
	    in_cmds && /^\.TP/ { tag = 1; next }
	    in_cmds && tag { tag = 0; if ($1 == ".B") print $2 }' "$1" |
	    sed 's/\\f[BIRP].*//; s/\\-/-/g' | sort -u
}

# options FILE: every long option, and -o, the page names
options()
{
	plain "$1" | grep -oE -- '(^|[^a-zA-Z0-9-])--?[a-z][a-z0-9-]*' |
	    sed 's/^[^-]*//' | grep -E -- '^(--[a-z][a-z0-9-]*|-o)$' | sort -u
}

# variables FILE: the environment variables the page names
variables()
{
	plain "$1" | grep -oE '(CARECAL|XDG)_[A-Z_]+' | sort -u
}

# sections: the English titles, and the ones the Japanese page says it
# stands for (.SH 日付 \" DATES), in their order
sed -n 's/^\.SH "\{0,1\}\([^"]*\)"\{0,1\}$/\1/p' "$en" >"$TMP/en.sections"
sed -n 's/^\.SH .* \\" \(.*\)$/\1/p' "$ja" >"$TMP/ja.sections"

# same WHAT: the two lists of $TMP/en.WHAT and $TMP/ja.WHAT are equal
same()
{
	if cmp -s "$TMP/en.$1" "$TMP/ja.$1"; then
		ok "the same $1 in both pages ($(wc -l <"$TMP/en.$1"))"
	else
		not_ok "the same $1 in both pages"
		diff "$TMP/en.$1" "$TMP/ja.$1" | sed -n 's/^</#   only in English:/p;
		    s/^>/#   only in Japanese:/p'
	fi
}

same sections
commands "$en" >"$TMP/en.commands"
commands "$ja" >"$TMP/ja.commands"
same commands
options "$en" >"$TMP/en.options"
options "$ja" >"$TMP/ja.options"
same options
variables "$en" >"$TMP/en.variables"
variables "$ja" >"$TMP/ja.variables"
same variables

# the program against the English page: each command of carecal --help,
# each long option of carecal help COMMAND
LC_ALL=C.UTF-8 carecal --help | awk '/^Commands:/ { on = 1; next }
    on && NF == 0 { exit } on { print $1 }' | sort -u >"$TMP/prog.commands"
if [ -s "$TMP/prog.commands" ] &&
    comm -23 "$TMP/prog.commands" "$TMP/en.commands" >"$TMP/missing" &&
    [ ! -s "$TMP/missing" ]; then
	ok "every command of carecal --help has its entry"
else
	not_ok "every command of carecal --help has its entry"
	sed 's/^/#   not in the pages: /' "$TMP/missing"
fi
while read -r c; do
	LC_ALL=C.UTF-8 carecal help "$c"
done <"$TMP/prog.commands" | grep -oE -- '--[a-z][a-z0-9-]*' |
    sort -u >"$TMP/prog.options"
if [ -s "$TMP/prog.options" ] &&
    comm -23 "$TMP/prog.options" "$TMP/en.options" >"$TMP/missing" &&
    [ ! -s "$TMP/missing" ]; then
	ok "every option the commands' help names is in the pages"
else
	not_ok "every option the commands' help names is in the pages"
	sed 's/^/#   not in the pages: /' "$TMP/missing"
fi

# render WHAT COMMAND...: no warning on standard error, some text out
render()
{
	what=$1
	shift
	"$@" >"$TMP/page" 2>"$TMP/warnings"
	if [ -s "$TMP/warnings" ] || [ "$(wc -l <"$TMP/page")" -lt 100 ]; then
		not_ok "$what renders without a warning"
		sed 's/^/#   /' "$TMP/warnings" | head -10
	else
		ok "$what renders without a warning"
	fi
}

for page in "$en" "$ja"; do
	name=English
	[ "$page" = "$ja" ] && name=Japanese
	render "the $name page, groff -ww" groff -k -ww -Tutf8 -mandoc "$page"
	for width in 80 132; do
		render "the $name page, man -l at $width columns" env \
		    MANWIDTH=$width MAN_KEEP_FORMATTING= MANPAGER=cat PAGER=cat \
		    man --warnings=all -l "$page"
	done
done

# the Japanese page as a reader sees it: Japanese, and no space between
# two Japanese characters or beside Japanese punctuation where two input
# lines met (a missing \c); the summary's own title keeps its one space
MANWIDTH=80 MANPAGER=cat man -l "$ja" >"$TMP/ja.txt" 2>/dev/null
contains "the Japanese page is Japanese" "$TMP/ja.txt" \
    "会議を日付順に一覧表示します。"
jp='\p{Han}\p{Hiragana}\p{Katakana}ー'
if grep -nP "([$jp、。」）] [$jp「（]|[、。（「] | [、。）」])" "$TMP/ja.txt" |
    grep -v '令和3年度 松戸市' >"$TMP/spaces"; then
	not_ok "no stray space between two lines of Japanese"
	sed 's/^/#   /' "$TMP/spaces" | head -10
else
	ok "no stray space between two lines of Japanese"
fi
done_testing
