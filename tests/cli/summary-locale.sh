#!/bin/sh
#
# summary-locale.sh -- the R3 summary as a PDF under every UTF-8 locale
# a user may run (issue 13: under ja_JP.UTF-8 it failed, Pango naming the
# installed IPAex Gothic 「IPAexゴシック」): written, the Japanese font
# embedded, its text (pdftotext) holding 全54回, 令和4年1月27日, the
# document's number and date, and no English; the plan checks only with
# --with-checks. The font is found by what it covers, whatever its name;
# without one, the message names the packages and no file is left.
# Needs poppler-utils and the ja_JP.UTF-8 locale (skipped without them).
. "$TESTS_SRCDIR/lib.sh"

for tool in pdftotext pdffonts; do
	if ! command -v $tool >/dev/null 2>&1; then
		echo "1..0 # SKIP $tool not found: apt-get install poppler-utils"
		exit 77
	fi
done
have_locale()
{
	[ "$(LC_ALL=$1 locale charmap 2>/dev/null)" = UTF-8 ]
}
if ! have_locale ja_JP.UTF-8; then
	echo "1..0 # SKIP the ja_JP.UTF-8 locale is not installed (locale-gen)"
	exit 77
fi
export CARECAL_LOCALEDIR CARECAL_MODULEDIR

expect_status "init --demo" 0 carecal init --demo

# pdf_under LOCALE FILE [OPTIONS...]: the R3 summary as LANG and LC_ALL
pdf_under()
{
	loc=$1
	file=$2
	shift 2
	env LANG="$loc" LC_ALL="$loc" CARECAL_TODAY=2022-01-27 "$CARECAL" \
	    summary --for 2022-01-27 --format pdf -o "$file" "$@"
}

for loc in ja_JP.UTF-8 C.UTF-8 en_US.UTF-8; do
	if ! have_locale $loc; then
		for i in 1 2 3 4 5 6 7; do
			ok "# SKIP $loc is not installed"
		done
		continue
	fi
	pdf=$TMP/r3-$loc.pdf
	expect_status "$loc: the R3 summary PDF is written" 0 pdf_under \
	    $loc "$pdf" --doc-number 資料3 --as-of 2022-01-20
	pdffonts "$pdf" >"$TMP/fonts" 2>&1
	if grep -E 'IPAex|NotoSansCJK|IPAGothic' "$TMP/fonts" |
	    grep -q ' yes yes '; then
		ok "$loc: the Japanese font is embedded"
	else
		not_ok "$loc: the Japanese font is embedded"
		sed 's/^/#   /' "$TMP/fonts"
	fi
	pdftotext "$pdf" "$TMP/text" 2>/dev/null
	contains "$loc: 全54回" "$TMP/text" "全54回"
	contains "$loc: the meeting's day" "$TMP/text" "令和4年1月27日"
	contains "$loc: the document's number" "$TMP/text" "資料3"
	contains "$loc: the date it is as of" "$TMP/text" "令和4年1月20日現在"
	# a city's document: not a word of English, whatever the locale
	if grep -n '[A-Za-z]' "$TMP/text" >"$TMP/english"; then
		not_ok "$loc: no English in the PDF"
		sed 's/^/#   /' "$TMP/english" | head -5
	else
		ok "$loc: no English in the PDF"
	fi
done

# the plan checks: only when asked, and in Japanese under ja_JP
pdftotext "$TMP/r3-ja_JP.UTF-8.pdf" "$TMP/text" 2>/dev/null
lacks "no plan checks without --with-checks" "$TMP/text" "計画の点検"
expect_status "ja_JP: --with-checks" 0 pdf_under ja_JP.UTF-8 \
    "$TMP/checks.pdf" --with-checks
pdftotext "$TMP/checks.pdf" "$TMP/checks" 2>/dev/null
contains "the plan checks are listed" "$TMP/checks" \
    "計画の点検（令和3年度、令和4年1月27日(木)現在）：4件"
contains "in Japanese, by kind in words" "$TMP/checks" "（目標未達）"
if grep -n '[A-Za-z]' "$TMP/checks" >"$TMP/english"; then
	not_ok "ja_JP: no English with the checks either"
	sed 's/^/#   /' "$TMP/english" | head -5
else
	ok "ja_JP: no English with the checks either"
fi

# fontconfig with only the fonts of a directory, renamed as asked
fc_config()
{
	{
		echo '<?xml version="1.0"?>'
		echo '<!DOCTYPE fontconfig SYSTEM "fonts.dtd">'
		echo '<fontconfig>'
		echo "<cachedir>$TMP/fc-cache</cachedir>"
		[ -n "$1" ] && echo "<dir>$1</dir>"
		if [ -n "$2" ]; then
			echo '<match target="scan"><edit name="family"'
			echo ' mode="assign" binding="same">'
			echo "<string>$2</string></edit></match>"
		fi
		echo '</fontconfig>'
	} >"$TMP/fonts.conf"
}
font=$(fc-match -f '%{file}' ':lang=ja' 2>/dev/null)
if [ -n "$font" ] && [ -f "$font" ] && fc-query -f '%{lang}' "$font" |
    grep -q 'ja'; then
	mkdir "$TMP/fontdir"
	ln -s "$font" "$TMP/fontdir/"
	# a Japanese font known only by its Japanese name, or by a name
	# carecal has never heard of: chosen for what it covers
	for name in IPAexゴシック 役所ゴシック; do
		fc_config "$TMP/fontdir" "$name"
		expect_status "a font named only $name is found by language" 0 \
		    env FONTCONFIG_FILE="$TMP/fonts.conf" \
		    LANG=ja_JP.UTF-8 LC_ALL=ja_JP.UTF-8 CARECAL_TODAY=2022-01-27 \
		    "$CARECAL" summary --for 2022-01-27 --format pdf \
		    -o "$TMP/renamed.pdf"
		pdftotext "$TMP/renamed.pdf" "$TMP/renamed" 2>/dev/null
		contains "and the PDF has the R3 totals" "$TMP/renamed" "全54回"
	done
else
	for i in 1 2 3 4; do
		ok "# SKIP no font for Japanese to rename"
	done
fi

# no Japanese font at all: the clear message, exit 1, no file
fc_config "" ""
check_error "no Japanese font: exit 1, the packages named" 1 \
    "fonts-ipaexfont-gothic または fonts-noto-cjk" \
    env FONTCONFIG_FILE="$TMP/fonts.conf" LANG=ja_JP.UTF-8 \
    LC_ALL=ja_JP.UTF-8 "$CARECAL" summary --for 2022-01-27 --format pdf \
    -o "$TMP/none.pdf"
[ ! -e "$TMP/none.pdf" ] && ok "and no file is left" ||
	not_ok "and no file is left"
check_error "the same in C.UTF-8, in English" 1 \
    "install fonts-ipaexfont-gothic or fonts-noto-cjk" \
    env FONTCONFIG_FILE="$TMP/fonts.conf" LC_ALL=C.UTF-8 "$CARECAL" \
    summary --for 2022-01-27 --format pdf -o "$TMP/none.pdf"

done_testing
