/*
 * test-text.c -- display widths (the ASCII short way agrees with the
 * long one) and blanks printed in runs.
 */
#include <limits.h>
#include <locale.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>
#include <wchar.h>

#include "text.h"
#include "tap.h"

/* The width the C library gives a printable string, or -1. */
static int
library_width(const char *s)
{
	wchar_t	wide[256];
	size_t	n = mbstowcs(wide, s, 256);

	return n == (size_t)-1 || n == 256 ? -1 : wcswidth(wide, n);
}

static void
test_width(void)
{
	static const char	*printable[] = { "", "abc", "明第1",
				    "一部オンライン", "令和元年5月1日(水)",
				    "圏域0119地域包括支援センター 会議室",
				    "×日付(予)", "all day", "終日", "ＡＢＣ１",
				    "Zoom https://example.org/j/1?pwd=x" };
	size_t			 i;

	for (i = 0; i < sizeof printable / sizeof printable[0]; i++)
		IS_INT(text_width(printable[i]),
		    library_width(printable[i]), "'%s' as wide as wcswidth "
		    "says", printable[i]);
	IS_INT(text_width(""), 0, "the empty string takes no column");
	IS_INT(text_width("R3.7.29"), 7, "ASCII: a column a byte");
	IS_INT(text_width("a\tb\x01"), 4, "control characters: one column "
	    "each, as before");
	IS_INT(text_width("令和3年7月29日(木)"), 18,
	    "kanji two columns, ASCII one");
	IS_INT(text_width("圏域0119地域包括支援センター 会議室"), 35,
	    "ASCII after kanji is still one column a byte");
	IS_INT(text_width("[_R7.1.27_]"), 11, "a grid token");
	IS_INT(text_width("×*R7.3.11*"), 10, "× is one column (C.UTF-8)");
	IS_INT(text_width("ab\xe4\xbb"), 4, "a cut character counts as '?'"
	    " for each byte");
	IS_INT(text_width("\xff" "a"), 2, "a byte that starts nothing, too");
}

/* What fp holds, as a string (fp is a tmpfile). */
static const char *
file_text(FILE *fp, char *buf, size_t size)
{
	size_t	n;

	fflush(fp);
	rewind(fp);
	n = fread(buf, 1, size - 1, fp);
	buf[n] = '\0';
	rewind(fp);
	if (ftruncate(fileno(fp), 0) == -1)
		buf[0] = '\0';
	return buf;
}

static void
test_blanks(void)
{
	FILE	*fp = tmpfile();
	char	 got[512], want[512];
	int	 n, bad = 0;

	if (fp == NULL) {
		OK(0, "tmpfile");
		return;
	}
	text_print_blanks(fp, 0);
	text_print_blanks(fp, -3);
	IS_STR(file_text(fp, got, sizeof got), "", "no blanks for 0 or -3");
	for (n = 1; n <= 300; n++) {
		text_print_blanks(fp, n);
		memset(want, ' ', (size_t)n);
		want[n] = '\0';
		if (strcmp(file_text(fp, got, sizeof got), want) != 0)
			bad++;
	}
	IS_INT(bad, 0, "1 to 300 blanks, across the runs of 64");
	text_print_padded(fp, "明第1", 8);
	fputc('|', fp);
	text_print_right(fp, "明第1", 8);
	fputc('|', fp);
	text_print_padded(fp, "地域個別ケア会議", 4);
	IS_STR(file_text(fp, got, sizeof got), "明第1   |   明第1|"
	    "地域個別ケア会議", "padded and right-aligned by display width; "
	    "nothing cut when too wide");
	fclose(fp);
}

int
main(void)
{
	setlocale(LC_ALL, "C.UTF-8");
	test_width();
	test_blanks();
	return tap_done();
}
