/*
 * test-csv.c -- CSV records as Excel writes them, and what is refused.
 */
#include <stdlib.h>
#include <string.h>

#include "csv.h"
#include "tap.h"

/*
 * Issue 15, item 13: a cell a spreadsheet would run as a formula is
 * written with a leading apostrophe, and reads back as it was.
 */
static void
test_formulas(void)
{
	static const struct {
		const char	*value, *written;
	} cells[] = {
		{ "=HYPERLINK(\"http://x\")",
		    "\"'=HYPERLINK(\"\"http://x\"\")\"" },
		{ "+81 3", "'+81 3" },
		{ "-1+1", "'-1+1" },
		{ "@SUM(A1)", "'@SUM(A1)" },
		{ "\tindented", "'\tindented" },
		{ "\rcarriage", "\"'\rcarriage\"" },
		{ "'=already quoted", "''=already quoted" },
		{ "'plain", "'plain" },
		{ "'", "'" },
		{ "明第1 =会議室", "明第1 =会議室" },
		{ "a-b", "a-b" },
		{ "", "" },
	};
	struct csv_table	 t;
	struct error		 err;
	char			*text;
	size_t			 len, i;
	FILE			*fp;

	for (i = 0; i < sizeof cells / sizeof cells[0]; i++) {
		text = NULL;
		if ((fp = open_memstream(&text, &len)) == NULL)
			continue;
		csv_write_field(fp, cells[i].value);
		fputs(",x\n", fp);
		fclose(fp);
		IS_INT(strncmp(text, cells[i].written,
		    strlen(cells[i].written)) == 0 &&
		    text[strlen(cells[i].written)] == ',', 1,
		    "cell %zu is written neutralised as %s", i,
		    cells[i].written);
		if (csv_parse(text, len, "f.csv", &t, &err) == 0 &&
		    t.count == 1) {
			IS_STR(csv_field_value(t.records[0].fields[0]),
			    cells[i].value, "and reads back as it was (cell "
			    "%zu)", i);
			csv_table_free(&t);
		} else
			OK(0, "cell %zu parses", i);
		free(text);
	}
}

static int
parse(const char *data, size_t len, struct csv_table *t, struct error *err)
{
	error_clear(err);
	return csv_parse(data, len, "x.csv", t, err);
}

int
main(void)
{
	struct csv_table	t;
	struct error		err;
	static const char	excel[] = "\xEF\xBB\xBF" "a,b,c\r\n"
	    "1,\"two, with comma\",\"say \"\"hi\"\"\"\r\n"
	    "\"multi\nline\",,last\r\n";
	static const char	lf[] = "x,y\n1,2";
	char			*big;
	size_t			 n;

	OK(parse(excel, sizeof excel - 1, &t, &err) == 0, "Excel CSV with a "
	    "BOM and CRLF parses");
	IS_INT(t.count, 3, "three records");
	IS_STR(t.records[0].fields[0], "a", "the BOM is not part of field 1");
	IS_STR(t.records[1].fields[1], "two, with comma", "quoted comma");
	IS_STR(t.records[1].fields[2], "say \"hi\"", "doubled quotes");
	IS_STR(t.records[2].fields[0], "multi\nline", "quoted newline");
	IS_STR(t.records[2].fields[1], "", "empty field");
	IS_INT(t.records[2].line, 3, "record 3 starts on line 3");
	csv_table_free(&t);

	OK(parse(lf, sizeof lf - 1, &t, &err) == 0 && t.count == 2 &&
	    strcmp(t.records[1].fields[1], "2") == 0,
	    "LF endings and no final newline");
	csv_table_free(&t);

	/*
	 * The first field empty: nothing read yet when it ends (the fuzzer
	 * found undefined behaviour here).
	 */
	OK(parse(",type,center\xcf\n2021-07-29,0\n", 27, &t, &err) == -1 &&
	    strstr(err.msg, "x.csv:1: not valid UTF-8") != NULL,
	    "an empty first field, then invalid UTF-8 on line 1");
	OK(parse(",b\n,\n", 5, &t, &err) == 0 && t.count == 2 &&
	    strcmp(t.records[0].fields[0], "") == 0 &&
	    strcmp(t.records[1].fields[1], "") == 0,
	    "records whose first and last fields are empty");
	csv_table_free(&t);

	OK(parse("a,b\n1,\"open\n", 12, &t, &err) == -1 &&
	    strstr(err.msg, "x.csv:2: a quoted field is never closed") != NULL,
	    "an unclosed quote names its line");
	OK(parse("a,b\n1,x\"y\n", 10, &t, &err) == -1 &&
	    strstr(err.msg, "x.csv:2: field 2") != NULL,
	    "a stray quote names line and field");
	OK(parse("a,b\n1,\"x\"y\n", 11, &t, &err) == -1 &&
	    strstr(err.msg, "after the closing quote") != NULL,
	    "text after a closing quote is refused");
	OK(parse("a,b\n1,\xff\n", 7, &t, &err) == -1 &&
	    strstr(err.msg, "x.csv:2: not valid UTF-8") != NULL,
	    "invalid UTF-8 names its line");
	OK(parse("a,b\n1,2\0\n", 9, &t, &err) == -1 &&
	    strstr(err.msg, "x.csv:2: contains a NUL byte") != NULL,
	    "a NUL byte names its line");
	n = CSV_MAX_RECORD + 100;
	big = malloc(n);
	memset(big, 'x', n);
	big[0] = 'a';
	big[1] = '\n';
	OK(parse(big, n, &t, &err) == -1 &&
	    strstr(err.msg, "x.csv:2: record longer than") != NULL,
	    "an over-long record is refused");
	free(big);
	OK(csv_load_file("/nonexistent/x.csv", &t, &err) == -1 &&
	    err.kind == ERROR_INPUT && strstr(err.msg, "cannot read") != NULL,
	    "a missing file is an input error");
	OK(csv_load_file("/", &t, &err) == -1 &&
	    strstr(err.msg, "not a regular file") != NULL,
	    "a directory is refused");
	test_formulas();
	return tap_done();
}
