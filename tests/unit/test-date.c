/*
 * test-date.c -- dates: arithmetic, eras and their boundaries, fiscal
 * years and halves, the ways dates are written, times of day.
 */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>

#include "date.h"
#include "tap.h"

static void
parses(const char *in, int y, int m, int d)
{
	struct date	date = { 0, 0, 0 };
	struct error	err;
	int		rc = date_parse(in, &date, &err);

	OK(rc == 0 && date.year == y && date.month == m && date.day == d,
	    "'%s' is %04d-%02d-%02d", in, y, m, d);
	if (rc != 0)
		printf("#   error: %s\n", err.msg);
}

static void
refuses(const char *in, const char *why)
{
	struct date	date;
	struct error	err;

	error_clear(&err);
	OK(date_parse(in, &date, &err) == -1 && err.kind == ERROR_INPUT &&
	    strstr(err.msg, why) != NULL, "'%s' refused: %s", in, why);
	if (strstr(err.msg, why) == NULL)
		printf("#   message: %s\n", err.msg);
}

static void
formats(int y, int m, int d, const char *want)
{
	struct date	date = { y, m, d };
	char		buf[DATE_JA_LEN];

	date_format_japanese(date, buf, sizeof buf);
	IS_STR(buf, want, "%04d-%02d-%02d in Japanese", y, m, d);
}

/*
 * The formats written by hand (date_format_japanese, time_format) give
 * what snprintf gave, whole and cut at every size: the snprintf forms
 * they replaced are the reference.
 */
static void
reference_japanese(struct date d, char *buf, size_t size)
{
	const struct era	*era;
	const char		*wd = date_weekday_kanji(date_weekday(d));
	int			 ey;

	if (date_era_of(d, &era, &ey) == -1)
		snprintf(buf, size, "%d年%d月%d日(%s)", d.year, d.month,
		    d.day, wd);
	else if (ey == 1)
		snprintf(buf, size, "%s元年%d月%d日(%s)", era->name, d.month,
		    d.day, wd);
	else
		snprintf(buf, size, "%s%d年%d月%d日(%s)", era->name, ey,
		    d.month, d.day, wd);
}

static void
test_hand_written(void)
{
	struct date	d = { 1860, 1, 1 }, end = { 2101, 1, 1 };
	char		got[DATE_JA_LEN], want[DATE_JA_LEN];
	size_t		size;
	int		minutes, bad = 0, days = 0;

	for (; date_compare(d, end) < 0; d = date_add_days(d, 1), days++) {
		date_format_japanese(d, got, sizeof got);
		reference_japanese(d, want, sizeof want);
		if (strcmp(got, want) != 0 && bad++ == 0)
			printf("#   %s, want %s\n", got, want);
	}
	IS_INT(bad, 0, "every day of 1860-2100 (%d) in Japanese as "
	    "snprintf wrote it", days);
	bad = 0;
	for (d = (struct date){ -20, -3, -40 }; d.year <= 12020;
	    d.year += 97, d.month += 7, d.day += 11) {
		for (size = 0; size <= DATE_ISO_LEN + 2; size++) {
			memset(got, 'x', sizeof got);
			memset(want, 'x', sizeof want);
			date_format_iso(d, got, size);
			snprintf(want, size, "%04d-%02d-%02d", d.year % 10000,
			    d.month % 100, d.day % 100);
			bad += memcmp(got, want, sizeof got) != 0;
		}
	}
	IS_INT(bad, 0, "ISO dates as snprintf wrote them, from years below "
	    "zero to above 9999, whole and cut");
	bad = 0;
	d = (struct date){ 2019, 5, 1 };
	for (size = 0; size <= 30; size++) {
		memset(got, 'x', sizeof got);
		memset(want, 'x', sizeof want);
		date_format_japanese(d, got, size);
		reference_japanese(d, want, size);
		bad += memcmp(got, want, sizeof got) != 0;
	}
	d = (struct date){ -5, 13, 40 };
	date_format_japanese(d, got, sizeof got);
	reference_japanese(d, want, sizeof want);
	bad += strcmp(got, want) != 0;
	IS_INT(bad, 0, "cut at every size, and a date out of range");

	bad = 0;
	for (minutes = -200; minutes <= 7000; minutes++) {
		time_format(minutes, got, sizeof got);
		snprintf(want, sizeof want, "%02d:%02d", (minutes / 60) % 100,
		    minutes % 60);
		bad += strcmp(got, want) != 0;
	}
	for (size = 0; size <= TIME_LEN; size++) {
		memset(got, 'x', sizeof got);
		memset(want, 'x', sizeof want);
		time_format(545, got, size);
		snprintf(want, size, "%02d:%02d", 9, 5);
		bad += memcmp(got, want, sizeof got) != 0;
	}
	IS_INT(bad, 0, "times of day (and minutes out of range) as snprintf "
	    "wrote them, whole and cut");
}

static void
fiscal_year_named(const char *in, int want)
{
	struct error	err;
	int		fy = 0;

	OK(date_parse_fiscal_year(in, &fy, &err) == 0 && fy == want,
	    "fiscal year '%s' is %d", in, want);
}

int
main(void)
{
	struct date	d, a, b;
	struct error	err;
	char		buf[64];
	int		minutes, y, m;
	long		n;

	/* arithmetic */
	d = (struct date){ 1970, 1, 1 };
	IS_INT(date_to_days(d), 0, "1970-01-01 is day 0");
	IS_INT(date_weekday(d), 4, "1970-01-01 was a Thursday");
	d = (struct date){ 2021, 7, 29 };
	IS_INT(date_weekday(d), 4, "2021-07-29 was a Thursday (木)");
	for (n = -700000, y = 0; n <= 800000; n += 997) {
		d = date_from_days(n);
		if (date_to_days(d) != n || !date_is_valid(d.year, d.month,
		    d.day))
			y++;
	}
	IS_INT(y, 0, "days <-> dates round trip, years 53 to 4160");
	OK(date_is_valid(2020, 2, 29), "2020-02-29 exists");
	OK(!date_is_valid(2021, 2, 29), "2021-02-29 does not");
	OK(!date_is_valid(1900, 2, 29), "1900-02-29 does not (century)");
	OK(date_is_valid(2000, 2, 29), "2000-02-29 exists (400 years)");
	a = (struct date){ 2021, 12, 31 };
	b = date_add_days(a, 1);
	OK(b.year == 2022 && b.month == 1 && b.day == 1, "12-31 + 1 day");

	/* eras and their boundaries */
	formats(2021, 7, 29, "令和3年7月29日(木)");
	formats(2022, 1, 27, "令和4年1月27日(木)");
	formats(1989, 1, 7, "昭和64年1月7日(土)");
	formats(1989, 1, 8, "平成元年1月8日(日)");
	formats(2019, 4, 30, "平成31年4月30日(火)");
	formats(2019, 5, 1, "令和元年5月1日(水)");
	formats(1926, 12, 25, "昭和元年12月25日(土)");
	formats(1912, 7, 30, "大正元年7月30日(火)");
	formats(1868, 1, 1, "1868年1月1日(水)");

	/* the ways dates are written */
	parses("2021-07-29", 2021, 7, 29);
	parses("2021/7/29", 2021, 7, 29);
	parses("2021年7月29日", 2021, 7, 29);
	parses("令和3年7月29日", 2021, 7, 29);
	parses("令和3年7月29日(木)", 2021, 7, 29);
	parses("令和3年7月29日（木）", 2021, 7, 29);
	parses("R3.7.29", 2021, 7, 29);
	parses("r3.7.29", 2021, 7, 29);
	parses("R03.07.29", 2021, 7, 29);
	parses("Ｒ３．７．２９", 2021, 7, 29);
	parses("２０２１－０７－２９", 2021, 7, 29);
	parses(" 2021-07-29 ", 2021, 7, 29);
	parses("令和元年5月1日", 2019, 5, 1);
	parses("R元.5.1", 2019, 5, 1);
	parses("平成31年4月30日", 2019, 4, 30);
	parses("H31.4.30", 2019, 4, 30);
	parses("昭和64年1月7日", 1989, 1, 7);
	parses("平成元年1月8日", 1989, 1, 8);
	parses("2020-02-29", 2020, 2, 29);
	refuses("2021-02-29", "2021/2 has 28 days");
	refuses("2021-02-30", "28 days");
	refuses("令和3年2月30日", "28 days");
	refuses("2021-13-01", "no month 13");
	refuses("令和0年5月1日", "start at 1");
	refuses("令和元年4月30日", "令和 began on 2019-05-01");
	refuses("平成31年5月1日", "平成 ended on 2019-04-30");
	refuses("平成32年1月1日", "平成 ended in its year 31");
	refuses("昭和64年1月8日", "昭和 ended on 1989-01-07");
	refuses("令和3年7月29日(金)", "木曜日");
	refuses("2021-7-29x", "expected");
	refuses("", "expected");
	refuses("tomorrow", "expected");
	refuses("21-07-29", "expected");
	refuses("2021-07-29 10:00", "expected");
	refuses("X3.7.29", "expected");
	/* issue 15, item 9: only the years whose holidays are known */
	parses("1955-01-01", 1955, 1, 1);
	parses("2099-12-31", 2099, 12, 31);
	refuses("9999-12-31", "the years 1955 to 2099");
	refuses("1954-12-31", "not 1954");
	refuses("2100-01-01", "not 2100");
	refuses("0001-01-01", "the years 1955 to 2099");
	refuses("明治45年7月29日", "the years 1955 to 2099");
	refuses("令和82年1月1日", "not 2100");

	/* fiscal years and halves */
	fiscal_year_named("2021", 2021);
	fiscal_year_named("R3", 2021);
	fiscal_year_named("令和3年度", 2021);
	fiscal_year_named("令和元年度", 2019);
	fiscal_year_named("平成31年度", 2019);
	fiscal_year_named("FY2021", 2021);
	OK(date_parse_fiscal_year("令和0年度", &y, &err) == -1,
	    "令和0年度 refused");
	OK(date_parse_fiscal_year("21", &y, &err) == -1, "'21' refused");
	d = (struct date){ 2021, 4, 1 };
	IS_INT(date_fiscal_year(d), 2021, "2021-04-01 opens FY2021");
	d = (struct date){ 2021, 3, 31 };
	IS_INT(date_fiscal_year(d), 2020, "2021-03-31 closes FY2020");
	d = (struct date){ 2022, 3, 31 };
	IS_INT(date_fiscal_year(d), 2021, "2022-03-31 closes FY2021");
	d = (struct date){ 2021, 9, 30 };
	IS_INT(date_fiscal_half(d), 1, "September is 上半期");
	d = (struct date){ 2021, 10, 1 };
	IS_INT(date_fiscal_half(d), 2, "October is 下半期");
	d = (struct date){ 2022, 3, 1 };
	IS_INT(date_fiscal_half(d), 2, "March is 下半期");
	date_format_fiscal_year(2021, buf, sizeof buf);
	IS_STR(buf, "令和3年度", "FY2021 is 令和3年度");
	date_format_fiscal_year(2019, buf, sizeof buf);
	IS_STR(buf, "令和元年度", "FY2019 is 令和元年度");
	date_format_fiscal_year(2018, buf, sizeof buf);
	IS_STR(buf, "平成30年度", "FY2018 is 平成30年度");
	date_format_fiscal_year(1988, buf, sizeof buf);
	IS_STR(buf, "昭和63年度", "FY1988 (平成 began 1989-01-08) is 昭和63年度");
	date_format_fiscal_year(1989, buf, sizeof buf);
	IS_STR(buf, "平成元年度", "FY1989 is 平成元年度");
	date_format_era_month(2021, 6, buf, sizeof buf);
	IS_STR(buf, "令和3年6月", "2021-06 is 令和3年6月");
	date_format_era_month(2019, 4, buf, sizeof buf);
	IS_STR(buf, "平成31年4月", "2019-04 is 平成31年4月");
	date_format_era_month(2019, 5, buf, sizeof buf);
	IS_STR(buf, "令和元年5月", "2019-05 is 令和元年5月");

	/* months */
	OK(date_parse_month("2021-06", &y, &m, &err) == 0 && y == 2021 &&
	    m == 6, "month 2021-06");
	OK(date_parse_month("令和3年11月", &y, &m, &err) == 0 && y == 2021 &&
	    m == 11, "month 令和3年11月");
	OK(date_parse_month("R3.6", &y, &m, &err) == 0 && y == 2021 && m == 6,
	    "month R3.6");
	OK(date_parse_month("2021-13", &y, &m, &err) == -1, "month 13 refused");
	OK(date_parse_month("9999-12", &y, &m, &err) == -1 &&
	    strstr(err.msg, "1955 to 2099") != NULL,
	    "month 9999-12 refused, naming the years");
	OK(date_parse_month("1954-12", &y, &m, &err) == -1 &&
	    date_parse_month("2099-12", &y, &m, &err) == 0,
	    "months from 1955-01 to 2099-12");

	/* times of day */
	OK(time_parse("13:30", &minutes, &err) == 0 && minutes == 810,
	    "13:30 is 810 minutes");
	OK(time_parse("9:05", &minutes, &err) == 0 && minutes == 545,
	    "9:05 is 545 minutes");
	OK(time_parse("１３：３０", &minutes, &err) == 0 && minutes == 810,
	    "full-width １３：３０");
	OK(time_parse("25:00", &minutes, &err) == -1 &&
	    strstr(err.msg, "0-23") != NULL, "25:00 refused");
	OK(time_parse("12:60", &minutes, &err) == -1, "12:60 refused");
	OK(time_parse("24:00", &minutes, &err) == 0 && minutes == 24 * 60,
	    "24:00, the end of a day, is 1440 minutes");
	OK(time_parse("24:01", &minutes, &err) == -1, "24:01 refused");
	time_format(24 * 60, buf, sizeof buf);
	IS_STR(buf, "24:00", "1440 minutes print as 24:00");
	OK(time_parse("1330", &minutes, &err) == -1, "1330 refused");
	time_format(545, buf, sizeof buf);
	IS_STR(buf, "09:05", "545 minutes print as 09:05");
	test_hand_written();

	/* today can be fixed for tests and demos */
	setenv("CARECAL_TODAY", "2021-07-29", 1);
	OK(date_today(&d, &err) == 0 && d.year == 2021 && d.month == 7 &&
	    d.day == 29, "CARECAL_TODAY fixes today");
	setenv("CARECAL_TODAY", "2021-02-29", 1);
	OK(date_today(&d, &err) == -1 && strstr(err.msg, "CARECAL_TODAY") !=
	    NULL, "a bad CARECAL_TODAY is refused by name");
	unsetenv("CARECAL_TODAY");

	/* a moment kept in UTC, told in local time (Japan: JST-9) */
	setenv("TZ", "JST-9", 1);
	tzset();
	date_time_local("2022-01-20 03:34:56", buf, sizeof buf);
	IS_STR(buf, "2022-01-20 12:34:56", "03:34:56 UTC is 12:34:56 there");
	date_time_local("2021-12-31 20:00:00", buf, sizeof buf);
	IS_STR(buf, "2022-01-01 05:00:00", "and the next year there");
	date_time_local("?", buf, sizeof buf);
	IS_STR(buf, "?", "what is no time stays as it is");
	date_time_local("2022-02-30 03:34:56", buf, sizeof buf);
	IS_STR(buf, "2022-02-30 03:34:56", "so does a day that is not");
	date_time_local("2022-01-20 03:34:56 UTC", buf, sizeof buf);
	IS_STR(buf, "2022-01-20 03:34:56 UTC", "or a time with more after it");
	unsetenv("TZ");
	return tap_done();
}
