/*
 * test-error.c -- what carecal quotes to a terminal shows every control
 * character escaped (issue 15, item 12): C0, DEL, C1, the bidirectional
 * overrides and bytes that are not UTF-8, in error messages and in the
 * printers that share error_escape; Japanese text stays as it is.
 */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "error.h"
#include "text.h"
#include "tap.h"

static void
test_escape(void)
{
	static const struct {
		const char	*in, *out, *what;
	} cases[] = {
		{ "明第1 会議室", "明第1 会議室", "Japanese text" },
		{ "a\033]0;owned\007b", "a\\x1b]0;owned\\x07b",
		    "ESC and BEL (a window title)" },
		{ "x\033[2Jy", "x\\x1b[2Jy", "a CSI clearing the screen" },
		{ "1\n2\r3\t4", "1\\n2\\r3\\t4", "newline, CR and tab" },
		{ "del\177", "del\\x7f", "DEL" },
		{ "c1\302\233" "31m", "c1\\u009b31m", "C1 CSI (U+009B)" },
		{ "c1\302\205", "c1\\u0085", "C1 NEL (U+0085)" },
		{ "abc\342\200\256txt.exe", "abc\\u202etxt.exe",
		    "the right-to-left override U+202E" },
		{ "\342\201\246x\342\201\251", "\\u2066x\\u2069",
		    "the bidirectional isolates" },
		{ "bad\377\300", "bad\\xff\\xc0", "bytes that are not UTF-8" },
		{ "\343\201", "\\xe3\\x81", "a character cut short" },
		{ "", "", "nothing" },
	};
	char	buf[256], *dup;
	size_t	i;

	for (i = 0; i < sizeof cases / sizeof cases[0]; i++) {
		IS_STR(error_escape(cases[i].in, buf, sizeof buf),
		    cases[i].out, "error_escape: %s", cases[i].what);
		dup = error_escape_dup(cases[i].in);
		IS_STR(dup, cases[i].out, "error_escape_dup: %s",
		    cases[i].what);
		free(dup);
	}
}

static void
test_cut(void)
{
	char	buf[8];

	/* "\x1b" does not fit after "abcd": cut before it, never inside */
	IS_STR(error_escape("abcd\033efg", buf, sizeof buf), "abcd",
	    "a cut never splits an escape");
	IS_STR(error_escape("明第1会議", buf, sizeof buf), "明第1",
	    "a cut never splits a character");
	IS_INT(error_escape("x", buf, 0) == buf, 1, "size 0 writes nothing");
}

static void
test_messages(void)
{
	struct error	err;

	error_set(&err, ERROR_INPUT, "invalid date '%s'", "2021\0337");
	IS_STR(err.msg, "invalid date '2021\\x1b7'",
	    "error_set escapes the value it quotes");
	IS_INT(err.kind, ERROR_INPUT, "and keeps the kind");
	error_prefix(&err, "%s:%d: ", "evil\033[31m.csv", 3);
	IS_STR(err.msg, "evil\\x1b[31m.csv:3: invalid date '2021\\x1b7'",
	    "error_prefix escapes the prefix, the rest is escaped once");
	error_set_field(&err, ERROR_INPUT, "uid", "uid '%s'",
	    "a\302\233b");
	IS_STR(err.msg, "uid 'a\\u009bb'", "error_set_field too");
}

static void
test_printer(void)
{
	char	*text = NULL;
	size_t	 len = 0;
	FILE	*fp = open_memstream(&text, &len);

	if (fp == NULL) {
		OK(0, "open_memstream");
		return;
	}
	error_print_escaped(fp, "import /tmp/\033[8m\302\233x.csv");
	fclose(fp);
	IS_STR(text, "import /tmp/\\x1b[8m\\u009bx.csv",
	    "error_print_escaped writes the same escapes");
	free(text);
}

static void
test_has_control(void)
{
	IS_INT(text_has_control("明第1", 0), 0, "a name is not a control");
	IS_INT(text_has_control("a\302\233b", 0), 1,
	    "C1 is a control character");
	IS_INT(text_has_control("a\342\200\256b", 0), 1,
	    "U+202E is refused as a control character");
	IS_INT(text_has_control("会議…", 0), 0,
	    "U+2026 (E2 80 A6) is not a control");
	IS_INT(text_has_control("a\tb\nc", 1), 0,
	    "tabs and newlines when allowed");
}

int
main(void)
{
	test_escape();
	test_cut();
	test_messages();
	test_printer();
	test_has_control();
	return tap_done();
}
