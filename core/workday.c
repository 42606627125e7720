/*
 * workday.c -- working days: weekdays that are neither national holidays
 * nor in the database's closure.
 */
#include <stdio.h>
#include <string.h>

#include "holiday.h"
#include "i18n.h"
#include "workday.h"

/* One "MM-DD" of a closure: one or two digits each, a real day. */
static int
parse_month_day(const char *s, size_t len, int *month, int *day)
{
	int	values[2] = { 0, 0 }, digits, part = 0;
	size_t	i;

	digits = 0;
	for (i = 0; i < len; i++) {
		if (s[i] == '-' && part == 0 && digits > 0) {
			part = 1;
			digits = 0;
		} else if (s[i] >= '0' && s[i] <= '9' && digits < 2) {
			values[part] = values[part] * 10 + (s[i] - '0');
			digits++;
		} else
			return -1;
	}
	if (part != 1 || digits == 0)
		return -1;
	/* 2000 is a leap year, so 02-29 passes. */
	if (!date_is_valid(2000, values[0], values[1]))
		return -1;
	*month = values[0];
	*day = values[1];
	return 0;
}

int
closure_parse(const char *s, struct closure *c, struct error *err)
{
	const char	*dots;

	memset(c, 0, sizeof *c);
	if (*s == '\0' || strcmp(s, "none") == 0)
		return 0;
	if ((dots = strstr(s, "..")) == NULL ||
	    parse_month_day(s, (size_t)(dots - s), &c->from_month,
	    &c->from_day) == -1 ||
	    parse_month_day(dots + 2, strlen(dots + 2), &c->to_month,
	    &c->to_day) == -1)
		return error_set(err, ERROR_INPUT, _("closure '%s' is not "
		    "MM-DD..MM-DD (as 12-29..01-03) or none"), s);
	c->set = 1;
	return 0;
}

void
closure_format(const struct closure *c, char *buf, size_t size)
{
	if (!c->set)
		snprintf(buf, size, "%s", "");
	else
		snprintf(buf, size, "%02d-%02d..%02d-%02d",
		    c->from_month % 100, c->from_day % 100, c->to_month % 100,
		    c->to_day % 100);
}

int
closure_contains(const struct closure *c, struct date d)
{
	int	md = d.month * 100 + d.day;
	int	from, to;

	if (c == NULL || !c->set)
		return 0;
	from = c->from_month * 100 + c->from_day;
	to = c->to_month * 100 + c->to_day;
	if (from <= to)
		return md >= from && md <= to;
	return md >= from || md <= to;
}

enum workday_rest
workday_rest_of(struct date d, const struct closure *c)
{
	int	wd;

	if (holiday_name(d) != NULL)
		return REST_HOLIDAY;
	wd = date_weekday(d);
	if (wd == 6)
		return REST_SATURDAY;
	if (wd == 0)
		return REST_SUNDAY;
	if (closure_contains(c, d))
		return REST_CLOSURE;
	return REST_NONE;
}

int
workday_is_working(struct date d, const struct closure *c)
{
	return workday_rest_of(d, c) == REST_NONE;
}
