/*
 * date-range.c -- a day or a span of days as the desk says it (12/14,
 * 来週, 今月, 11月, two dates), for the view's go-to-date and the
 * agenda's filter by dates.
 */
#include <ctype.h>
#include <stdio.h>
#include <string.h>

#include "date-range.h"
#include "i18n.h"

#define RANGE_TEXT_MAX	256

/* A month of fiscal year fy: April..December of fy, January..March after. */
static int
year_of_month(int fy, int month)
{
	return month >= 4 ? fy : fy + 1;
}

/* Leading decimal digits of s: how many, their value in *value. */
static size_t
leading_number(const char *s, int *value)
{
	size_t	n = 0;

	*value = 0;
	while (isdigit((unsigned char)s[n]) && n < 4)
		*value = *value * 10 + (s[n++] - '0');
	return n;
}

int
date_parse_in_fiscal_year(const char *input, int fy, struct date *out,
    struct error *err)
{
	char		 buf[RANGE_TEXT_MAX], full[RANGE_TEXT_MAX + 16];
	const char	*rest;
	size_t		 n;
	int		 month;

	if (input == NULL || date_fold(input, buf, sizeof buf) == -1)
		return date_parse(input, out, err);
	n = leading_number(buf, &month);
	/* 12/14, 12-14, 12.14 or 12月14日: the year is the fiscal year's */
	rest = buf + n;
	if ((n == 1 || n == 2) && month >= 1 && month <= 12 &&
	    (*rest == '/' || *rest == '-' || *rest == '.' ||
	    strncmp(rest, "月", strlen("月")) == 0)) {
		snprintf(full, sizeof full, *rest == '/' || *rest == '-' ||
		    *rest == '.' ? "%04d/%s" : "%04d年%s",
		    year_of_month(fy, month), buf);
		return date_parse(full, out, err);
	}
	return date_parse(input, out, err);
}

static struct date
month_first(int year, int month)
{
	struct date	d;

	d.year = year;
	d.month = month;
	d.day = 1;
	return d;
}

static void
whole_month(int year, int month, struct date_range *out)
{
	out->from = month_first(year, month);
	out->to = out->from;
	out->to.day = date_days_in_month(year, month);
}

/* The month n months after (or before) d's. */
static void
month_after(struct date d, int n, struct date_range *out)
{
	int	m = d.year * 12 + (d.month - 1) + n;

	whole_month(m / 12, m % 12 + 1, out);
}

/* The week n weeks after d's, Sunday to Saturday. */
static void
week_after(struct date d, int n, struct date_range *out)
{
	out->from = date_add_days(d, -date_weekday(d) + 7L * n);
	out->to = date_add_days(out->from, 6);
}

/* The words for a span around today; 1 if text is one of them. */
static int
range_word(const char *text, struct date today, struct date_range *out)
{
	static const struct {
		const char	*ja, *en;
		int		 unit;		/* 0 day, 1 week, 2 month */
		int		 n;
	} words[] = {
		{ "今日", "today", 0, 0 },
		{ "明日", "tomorrow", 0, 1 },
		{ "今週", "this week", 1, 0 },
		{ "来週", "next week", 1, 1 },
		{ "先週", "last week", 1, -1 },
		{ "今月", "this month", 2, 0 },
		{ "来月", "next month", 2, 1 },
		{ "先月", "last month", 2, -1 },
	};
	size_t	i;

	for (i = 0; i < sizeof words / sizeof words[0]; i++) {
		if (strcmp(text, words[i].ja) != 0 &&
		    strcasecmp(text, words[i].en) != 0)
			continue;
		switch (words[i].unit) {
		case 0:
			out->from = out->to = date_add_days(today,
			    words[i].n);
			break;
		case 1:
			week_after(today, words[i].n, out);
			break;
		default:
			month_after(today, words[i].n, out);
			break;
		}
		return 1;
	}
	return 0;
}

/* 11月 (of fiscal year fy), 2021-11, 令和3年11月, R3.11; 1 if a month. */
static int
range_month(const char *text, int fy, struct date_range *out)
{
	struct error	err;
	size_t		n;
	int		year, month;

	n = leading_number(text, &month);
	if ((n == 1 || n == 2) && strcmp(text + n, "月") == 0 &&
	    month >= 1 && month <= 12) {
		year = year_of_month(fy, month);
		if (!date_year_in_range(year))
			return 0;
		whole_month(year, month, out);
		return 1;
	}
	if (date_parse_month(text, &year, &month, &err) == 0) {
		whole_month(year, month, out);
		return 1;
	}
	return 0;
}

/* 令和3年度, 2021年度: 1 if a fiscal year. */
static int
range_fiscal_year(const char *text, struct date_range *out)
{
	struct error	err;
	size_t		len = strlen(text), suffix = strlen("年度");
	int		fy;

	if (len <= suffix || strcmp(text + len - suffix, "年度") != 0 ||
	    date_parse_fiscal_year(text, &fy, &err) == -1 ||
	    !date_year_in_range(fy) || !date_year_in_range(fy + 1))
		return 0;
	out->from = date_fiscal_year_start(fy);
	out->to = date_fiscal_year_end(fy);
	return 1;
}

/* Two dates joined by sep: 0, 1 when sep is not there, -1 bad dates. */
static int
range_two_dates(const char *text, const char *sep, int fy,
    struct date_range *out, struct error *err)
{
	char		 left[RANGE_TEXT_MAX];
	const char	*at = strstr(text, sep), *right;
	size_t		 len;

	if (at == NULL || at == text)
		return 1;
	len = (size_t)(at - text);
	while (len > 0 && text[len - 1] == ' ')
		len--;
	memcpy(left, text, len);
	left[len] = '\0';
	right = at + strlen(sep);
	while (*right == ' ')
		right++;
	if (*right == '\0')
		return 1;
	if (date_parse_in_fiscal_year(left, fy, &out->from, err) == -1 ||
	    date_parse_in_fiscal_year(right, fy, &out->to, err) == -1)
		return -1;
	if (date_compare(out->from, out->to) > 0) {
		error_set(err, ERROR_INPUT, _("invalid dates '%s': the first "
		    "comes after the second"), text);
		return -1;
	}
	return 0;
}

int
date_range_parse(const char *input, struct date today, int fy,
    struct date_range *out, struct error *err)
{
	static const char *const seps[] = { "..", "~", "〜", "から", " " };
	char	text[RANGE_TEXT_MAX];
	size_t	i;
	int	rc;

	if (input == NULL || date_fold(input, text, sizeof text) == -1 ||
	    text[0] == '\0')
		goto bad;
	if (range_word(text, today, out) || range_month(text, fy, out) ||
	    range_fiscal_year(text, out))
		return 0;
	if (date_parse_in_fiscal_year(text, fy, &out->from, err) == 0) {
		out->to = out->from;
		return 0;
	}
	for (i = 0; i < sizeof seps / sizeof seps[0]; i++) {
		/* a space may stand before a weekday: 12月1日 (水) */
		if ((rc = range_two_dates(text, seps[i], fy, out, err)) == 0)
			return 0;
		if (rc == -1 && i + 1 < sizeof seps / sizeof seps[0])
			return -1;
	}
bad:
	return error_set(err, ERROR_INPUT, _("invalid dates '%s': expected "
	    "a date, two dates (12/1..12/15), 来週, 今月 or 11月"),
	    input == NULL ? "" : input);
}

void
date_range_format(const struct date_range *r, char *buf, size_t size)
{
	char	from[DATE_JA_LEN], to[DATE_JA_LEN];

	snprintf(from, sizeof from, "%d/%d(%s)", r->from.month, r->from.day,
	    date_weekday_kanji(date_weekday(r->from)));
	if (date_compare(r->from, r->to) == 0) {
		snprintf(buf, size, "%s", from);
		return;
	}
	snprintf(to, sizeof to, "%d/%d(%s)", r->to.month, r->to.day,
	    date_weekday_kanji(date_weekday(r->to)));
	snprintf(buf, size, "%s～%s", from, to);
}

int
date_range_contains(const struct date_range *r, struct date d)
{
	return date_compare(d, r->from) >= 0 && date_compare(d, r->to) <= 0;
}
