/*
 * workday.h -- whether the offices are open on a date: not a Saturday or
 * Sunday, not a national holiday, not in the database's closure (年末年始,
 * 12/29 to 1/3 unless the database says otherwise).
 */
#ifndef CARECAL_WORKDAY_H
#define CARECAL_WORKDAY_H

#include <stddef.h>

#include "date.h"
#include "error.h"

/* The closure a database has until someone changes it. */
#define CLOSURE_DEFAULT	"12-29..01-03"
#define CLOSURE_LEN	16	/* "12-29..01-03" and its NUL */

/* Days closed every year, from one month-day to another, inclusive. */
struct closure {
	int	set;			/* 0: no closure */
	int	from_month, from_day;
	int	to_month, to_day;	/* before from: wraps past 12-31 */
};

/* Why a date is not a working day. */
enum workday_rest {
	REST_NONE,		/* a working day */
	REST_SATURDAY,
	REST_SUNDAY,
	REST_HOLIDAY,		/* holiday_name says which */
	REST_CLOSURE
};

/*
 * "12-29..01-03" (one or two digits each), or "" or "none" for no
 * closure. February 29 is allowed: it simply counts in leap years.
 */
int	closure_parse(const char *, struct closure *, struct error *);
/* "12-29..01-03", or "" for none; buf holds at least CLOSURE_LEN. */
void	closure_format(const struct closure *, char *, size_t);
int	closure_contains(const struct closure *, struct date);

/*
 * Why the date is not a working day (a holiday before a weekend, then
 * the closure), or REST_NONE. closure may be NULL for none.
 */
enum workday_rest workday_rest_of(struct date, const struct closure *);
int	workday_is_working(struct date, const struct closure *);

#endif
