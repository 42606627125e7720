#!/bin/sh
# modules.sh -- the iCalendar and PDF writers are modules carecal loads
# only when a command needs them (core/modules.h): the program itself
# links neither libical nor pango/cairo, the commands that don't need a
# module work without it, and one that does says which module it could
# not load and changes nothing.
. "$TESTS_SRCDIR/lib.sh"

: "${CARECAL_MODULEDIR:?CARECAL_MODULEDIR must name where the modules are}"
MODULES=$CARECAL_MODULEDIR

# the start-up cost this saves is in the dynamic linking (issue 8)
ldd "$CARECAL" >"$TMP/ldd" 2>&1
for lib in libical libicuuc libpango libcairo libglib; do
	lacks "carecal is not linked with $lib" "$TMP/ldd" "$lib"
done
ldd "$MODULES/carecal-ical.so" >"$TMP/ldd-ical" 2>&1
contains "carecal-ical.so is linked with libical" "$TMP/ldd-ical" \
    "libical.so"
ldd "$MODULES/carecal-pdf.so" >"$TMP/ldd-pdf" 2>&1
contains "carecal-pdf.so is linked with pango" "$TMP/ldd-pdf" \
    "libpangocairo"

carecal init --demo >/dev/null
for cmd in "list --fy 2021" "check --fy 2021" "summary --for 2022-01-27" \
    "summary --for 2022-01-27 --format csv" "history"; do
	# shellcheck disable=SC2086 # the words of $cmd are its arguments
	carecal $cmd >"$TMP/want" 2>&1
	# shellcheck disable=SC2086
	check_output "$cmd works without the modules" 0 "$TMP/want" \
	    CARECAL_MODULEDIR="$TMP/none" "$CARECAL" $cmd
done
carecal list --format csv >"$TMP/all.csv"
carecal export -o "$TMP/all.ics" >/dev/null

export CARECAL_MODULEDIR="$TMP/none"
before=$(db_hash)
check_error "export without its module: exit 1, the module named" 1 \
    "$(L "cannot load the iCalendar module: $TMP/none/carecal-ical.so" "iCalendar モジュールを読み込めません: $TMP/none/carecal-ical.so")" \
    carecal export -o "$TMP/out.ics"
if [ -e "$TMP/out.ics" ]; then
	not_ok "a failed export leaves no file"
else
	ok "a failed export leaves no file"
fi
check_error "an iCalendar import without its module: exit 1" 1 \
    "$(L "cannot load the iCalendar module" "iCalendar モジュールを読み込めません")" carecal import "$TMP/all.ics"
check_error "a PDF without its module: exit 1, the module named" 1 \
    "$(L "cannot load the PDF module: $TMP/none/carecal-pdf.so" "PDF モジュールを読み込めません: $TMP/none/carecal-pdf.so")" \
    carecal summary --for 2022-01-27 --format pdf -o "$TMP/s.pdf"
if have_locale ja_JP.UTF-8; then
	check_error "in Japanese under ja_JP.UTF-8" 1 \
	    "PDF モジュールを読み込めません: $TMP/none/carecal-pdf.so" \
	    env LC_ALL=ja_JP.UTF-8 "$CARECAL" summary --for 2022-01-27 \
	    --format pdf -o "$TMP/s.pdf"
else
	skip "in Japanese under ja_JP.UTF-8" "no ja_JP.UTF-8 locale"
fi
if [ "$(db_hash)" = "$before" ]; then
	ok "the database is as it was"
else
	not_ok "the database is as it was"
fi
# a CSV import tells CSV from iCalendar without loading libical
expect_status "a CSV import needs no module" 0 carecal import \
    "$TMP/all.csv"

# a module that is not one, or from another build, is refused by name
mkdir "$TMP/bad"
printf 'not an ELF file\n' >"$TMP/bad/carecal-ical.so"
check_error "a broken module: exit 1, dlopen's reason" 1 \
    "$(L "cannot load the iCalendar module: $TMP/bad/carecal-ical.so" "iCalendar モジュールを読み込めません: $TMP/bad/carecal-ical.so")" \
    env CARECAL_MODULEDIR="$TMP/bad" "$CARECAL" export -o "$TMP/out.ics"
CC=${CC:-cc}
cat >"$TMP/other.c" <<'C'
struct table { const char *version; };
__attribute__((visibility("default")))
const struct table carecal_pdf_module = { "0.0-other" };
C
if "$CC" -shared -fPIC -o "$TMP/bad/carecal-pdf.so" "$TMP/other.c" \
    2>"$TMP/cc.err"; then
	check_error "a module from another carecal: exit 1, both versions" 1 \
	    "$(L "carecal-pdf.so is from carecal 0.0-other, this is carecal" "carecal-pdf.so は carecal 0.0-other のもので、このプログラムは carecal")" \
	    env CARECAL_MODULEDIR="$TMP/bad" "$CARECAL" summary \
	    --for 2022-01-27 --format pdf -o "$TMP/s.pdf"
else
	not_ok "cc builds a stand-in module"
	sed 's/^/#   /' "$TMP/cc.err"
fi
printf 'int carecal_other;\n' >"$TMP/empty.c"
"$CC" -shared -fPIC -o "$TMP/bad/carecal-pdf.so" "$TMP/empty.c" &&
	check_error "a module without its table: exit 1, the table named" 1 \
	    "$(L "has no carecal_pdf_module" "に carecal_pdf_module がありません")" env CARECAL_MODULEDIR="$TMP/bad" \
	    "$CARECAL" summary --for 2022-01-27 --format pdf -o "$TMP/s.pdf"

done_testing
