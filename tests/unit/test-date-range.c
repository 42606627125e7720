/*
 * test-date-range.c -- a day or a span as the desk says it: dates
 * without their year fall in the fiscal year in view, 来週 and 今月
 * around today, months, fiscal years, two dates, and what is refused.
 */
#include <stdio.h>
#include <string.h>

#include "date-range.h"
#include "tap.h"

/* 令和3年10月1日(金), in fiscal year 2021 */
static const struct date today = { 2021, 10, 1 };

static void
day_is(const char *in, int fy, const char *want)
{
	struct date	d = { 0, 0, 0 };
	struct error	err;
	char		got[DATE_ISO_LEN] = "";

	if (date_parse_in_fiscal_year(in, fy, &d, &err) == 0)
		date_format_iso(d, got, sizeof got);
	else
		printf("#   error: %s\n", err.msg);
	IS_STR(got, want, "'%s' in FY%d is %s", in, fy, want);
}

static void
range_is(const char *in, const char *from, const char *to)
{
	struct date_range	r;
	struct error		err;
	char			f[DATE_ISO_LEN] = "", t[DATE_ISO_LEN] = "";
	char			got[32], want[32];

	if (date_range_parse(in, today, 2021, &r, &err) == 0) {
		date_format_iso(r.from, f, sizeof f);
		date_format_iso(r.to, t, sizeof t);
	} else
		printf("#   error: %s\n", err.msg);
	snprintf(got, sizeof got, "%s..%s", f, t);
	snprintf(want, sizeof want, "%s..%s", from, to);
	IS_STR(got, want, "'%s' is %s", in, want);
}

static void
refused(const char *in, const char *why)
{
	struct date_range	r;
	struct error		err;

	error_clear(&err);
	OK(date_range_parse(in, today, 2021, &r, &err) == -1 &&
	    err.kind == ERROR_INPUT && strstr(err.msg, why) != NULL,
	    "'%s' refused: %s", in, why);
	if (strstr(err.msg, why) == NULL)
		printf("#   message: %s\n", err.msg);
}

int
main(void)
{
	struct date_range	r;
	struct error		err;
	char			buf[64];

	/* go-to-date: every form date_parse takes, and month/day */
	day_is("2021-12-14", 2021, "2021-12-14");
	day_is("令和3年12月14日", 2021, "2021-12-14");
	day_is("R3.12.14", 2021, "2021-12-14");
	day_is("12/14", 2021, "2021-12-14");
	day_is("3/14", 2021, "2022-03-14");
	day_is("4/1", 2021, "2021-04-01");
	day_is("12月14日(火)", 2021, "2021-12-14");
	day_is("１２／１４", 2021, "2021-12-14");
	day_is("2/29", 2023, "2024-02-29");
	day_is("12/14", 2030, "2030-12-14");
	{
		struct date	d;

		OK(date_parse_in_fiscal_year("2/29", 2021, &d, &err) == -1 &&
		    strstr(err.msg, "2022") != NULL,
		    "2/29 of FY2021 is refused, naming the year it was read "
		    "in");
		OK(date_parse_in_fiscal_year("12月14日(水)", 2021, &d,
		    &err) == -1, "a wrong weekday is refused");
		OK(date_parse_in_fiscal_year("13/1", 2021, &d, &err) == -1,
		    "there is no month 13");
	}

	/* spans around today (Friday 2021-10-01) */
	range_is("今日", "2021-10-01", "2021-10-01");
	range_is("明日", "2021-10-02", "2021-10-02");
	range_is("今週", "2021-09-26", "2021-10-02");
	range_is("来週", "2021-10-03", "2021-10-09");
	range_is("先週", "2021-09-19", "2021-09-25");
	range_is("next week", "2021-10-03", "2021-10-09");
	range_is("今月", "2021-10-01", "2021-10-31");
	range_is("来月", "2021-11-01", "2021-11-30");
	range_is("先月", "2021-09-01", "2021-09-30");
	range_is("This Month", "2021-10-01", "2021-10-31");
	/* months: of the fiscal year in view, or named in full */
	range_is("11月", "2021-11-01", "2021-11-30");
	range_is("2月", "2022-02-01", "2022-02-28");
	range_is("１１月", "2021-11-01", "2021-11-30");
	range_is("2021-11", "2021-11-01", "2021-11-30");
	range_is("令和3年11月", "2021-11-01", "2021-11-30");
	range_is("R4.2", "2022-02-01", "2022-02-28");
	range_is("令和3年度", "2021-04-01", "2022-03-31");
	range_is("2022年度", "2022-04-01", "2023-03-31");
	/* one date, two dates */
	range_is("12/14", "2021-12-14", "2021-12-14");
	range_is("12/1..12/15", "2021-12-01", "2021-12-15");
	range_is("12/1～1/15", "2021-12-01", "2022-01-15");
	range_is("12/1〜12/3", "2021-12-01", "2021-12-03");
	range_is("令和3年12月1日から令和3年12月3日", "2021-12-01",
	    "2021-12-03");
	range_is("2021-12-01 2021-12-31", "2021-12-01", "2021-12-31");
	range_is("R3.12.1..R3.12.15", "2021-12-01", "2021-12-15");
	range_is(" 12/1 .. 12/2 ", "2021-12-01", "2021-12-02");

	refused("", "expected a date, two dates");
	refused("再来週", "expected a date, two dates");
	refused("12/15..12/1", "the first comes after the second");
	refused("12/1..12/32", "12/32");
	refused("13月", "expected a date, two dates");
	refused("12/1..", "expected a date, two dates");

	/* as the agenda says it */
	date_range_parse("来週", today, 2021, &r, &err);
	date_range_format(&r, buf, sizeof buf);
	IS_STR(buf, "10/3(日)～10/9(土)", "a span is written 10/3(日)～10/9(土)");
	date_range_parse("12/14", today, 2021, &r, &err);
	date_range_format(&r, buf, sizeof buf);
	IS_STR(buf, "12/14(火)", "one day is written 12/14(火)");
	OK(date_range_contains(&r, r.from) &&
	    !date_range_contains(&r, today), "contains its days only");

	return tap_done();
}
