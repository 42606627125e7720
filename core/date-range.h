/*
 * date-range.h -- a day or a span of days as the desk says it, read
 * against today and the fiscal year in view: 12/14 (of that fiscal
 * year), 来週, 今月, 11月, or two dates.
 */
#ifndef CARECAL_DATE_RANGE_H
#define CARECAL_DATE_RANGE_H

#include <stddef.h>

#include "date.h"
#include "error.h"

struct date_range {
	struct date	from;
	struct date	to;		/* inclusive */
};

/*
 * A date as date_parse reads it (2021-12-14, 令和3年12月14日, R3.12.14),
 * or a month and day without the year (12/14, 12月14日(火)), which is
 * then the one in fiscal year fy (April to March).
 */
int	date_parse_in_fiscal_year(const char *, int, struct date *,
	    struct error *);

/*
 * A span of days: one date (as above); two joined by "..", "~", "～",
 * "〜", "から" or a space (12/1..12/15); 今日 and 明日; 今週, 来週 and 先週
 * (Sunday to Saturday, as the month view draws weeks); 今月, 来月 and
 * 先月; a month, 11月 (of fiscal year fy), 2021-11, 令和3年11月 or R3.11;
 * a fiscal year, 令和3年度 or 2021年度. The English words today,
 * tomorrow, this/next/last week and this/next/last month are read too.
 */
int	date_range_parse(const char *, struct date, int, struct date_range *,
	    struct error *);

/* "10/3(日)～10/9(土)", or "10/3(日)" for one day. */
void	date_range_format(const struct date_range *, char *, size_t);

/* 1 if d is within the range. */
int	date_range_contains(const struct date_range *, struct date);

#endif
