#!/bin/sh
#
# po-complete.sh -- every user-visible string of the sources (each _()
# and N_() msgid, as xgettext finds them) has a Japanese translation in
# po/ja.po, neither missing nor fuzzy: under ja_JP.UTF-8 no English may
# reach the user (issue 13). msgfmt --statistics only counts what the
# catalog already holds; this compares it with the sources themselves.
# Needs xgettext and msgcmp (gettext); skipped without them.
. "$TESTS_SRCDIR/lib.sh"

for tool in xgettext msgcmp msgattrib; do
	if ! command -v $tool >/dev/null 2>&1; then
		echo "1..0 # SKIP $tool not found: apt-get install gettext"
		exit 77
	fi
done
top=$TESTS_SRCDIR/..
po=$top/po/ja.po

# the sources as the build has them: core, db and the two programs
ls "$top"/core/*.c "$top"/db/*.c "$top"/cli/*.c "$top"/tui/*.c >"$TMP/sources"
n=$(grep -c . "$TMP/sources")
[ "$n" -gt 50 ] && ok "the sources ($n files)" ||
	not_ok "the sources: only $n files under $top"

LC_ALL=C.UTF-8 xgettext --from-code=UTF-8 -k_ -kN_ --no-location \
    -f "$TMP/sources" -o "$TMP/carecal.pot" 2>"$TMP/xgettext.err"
if [ -s "$TMP/carecal.pot" ] && [ ! -s "$TMP/xgettext.err" ]; then
	ok "xgettext reads every message of the sources ($(grep -c \
	    '^msgid ' "$TMP/carecal.pot") msgids)"
else
	not_ok "xgettext reads every message of the sources"
	sed 's/^/#   /' "$TMP/xgettext.err" | head -10
fi

# msgcmp: each msgid of the sources translated in ja.po (untranslated
# and fuzzy entries do not count as translations)
missing()
{
	LC_ALL=C.UTF-8 msgcmp "$1" "$TMP/carecal.pot" 2>&1 |
	    grep 'used but not defined' | sed 's/:.*//;s/.*pot:/line /'
}
if LC_ALL=C.UTF-8 msgcmp "$po" "$TMP/carecal.pot" >"$TMP/msgcmp" 2>&1; then
	ok "po/ja.po translates every user-visible string"
else
	not_ok "po/ja.po translates every user-visible string"
	# the msgids without a translation, by their text
	grep 'used but not defined' "$TMP/msgcmp" |
	    sed -n 's/^[^:]*\.pot:\([0-9]*\):.*/\1/p' | while read -r line
	do
		sed -n "${line}p" "$TMP/carecal.pot"
	done | sed 's/^/#   missing: /' | head -30
fi

# and the comparison does catch one: a copy without one translation
# (the first msgid of the sources) is refused
first=$(sed -n 's/^msgid "\(..*\)"$/\1/p' "$TMP/carecal.pot" | head -1)
LC_ALL=C.UTF-8 msgattrib --no-wrap -o "$TMP/all.po" "$po" 2>/dev/null
awk -v id="msgid \"$first\"" '
	$0 == id { drop = 1 }
	drop && /^msgstr / { print "msgstr \"\""; drop = 0; next }
	{ print }' "$TMP/all.po" >"$TMP/less.po"
if LC_ALL=C.UTF-8 msgcmp "$TMP/less.po" "$TMP/carecal.pot" \
    >/dev/null 2>&1; then
	not_ok "a catalog missing '$first' is refused"
else
	ok "a catalog missing '$first' is refused"
fi

done_testing
