/*
 * date.h -- calendar dates, times of day, the Japanese eras and the
 * fiscal year (年度, April to March) with its two halves.
 */
#ifndef CARECAL_DATE_H
#define CARECAL_DATE_H

#include <stddef.h>

#include "error.h"

struct date {
	int	year;
	int	month;		/* 1..12 */
	int	day;		/* 1..31 */
};

struct era {
	const char	*name;		/* 令和 */
	const char	*letter;	/* R */
	struct date	 start;		/* first day of year 1 (元年) */
};

#define DATE_ISO_LEN	11	/* "2021-07-29" and its NUL */
#define DATE_JA_LEN	64	/* "令和3年7月29日(木)" with room to spare */
#define TIME_LEN	6	/* "09:30" */

/*
 * The years carecal knows the holidays of (HOLIDAY_FIRST_YEAR..
 * HOLIDAY_LAST_YEAR): a date or month read from any input outside them
 * is refused, naming them.
 */
#define DATE_FIRST_YEAR	1955
#define DATE_LAST_YEAR	2099

int		 date_is_valid(int, int, int);
/* 1 if the year is within DATE_FIRST_YEAR..DATE_LAST_YEAR. */
int		 date_year_in_range(int);
int		 date_days_in_month(int, int);
long		 date_to_days(struct date);	/* days since 1970-01-01 */
struct date	 date_from_days(long);
struct date	 date_add_days(struct date, long);
/* n months on (or back), the day kept or the month's last: 1-31 +1 2-28. */
struct date	 date_add_months(struct date, int);
int		 date_compare(struct date, struct date);
int		 date_weekday(struct date);	/* 0 Sunday .. 6 Saturday */
const char	*date_weekday_kanji(int);	/* 日 月 火 ... */

/* The fiscal year a date falls in: 2021 for 2021-04-01..2022-03-31. */
int		 date_fiscal_year(struct date);
struct date	 date_fiscal_year_start(int);
struct date	 date_fiscal_year_end(int);
/* 1 for 上半期 (April..September), 2 for 下半期. */
int		 date_fiscal_half(struct date);

/* The era a date falls in and the year within it; -1 before 明治. */
int		 date_era_of(struct date, const struct era **, int *);

/*
 * Parsing: 2021-07-29, 2021/7/29, 令和3年7月29日 (weekday suffix allowed,
 * checked), 令和元年5月1日, R3.7.29, H31.4.30; full-width digits too.
 */
int		 date_parse(const char *, struct date *, struct error *);
/* A fiscal year: 2021, R3, 令和3年度, 令和3, FY2021. */
int		 date_parse_fiscal_year(const char *, int *, struct error *);
/* A month: 2021-06, 令和3年6月, R3.6. */
int		 date_parse_month(const char *, int *, int *, struct error *);
/*
 * The text as the parsers see it: full-width ASCII (２０２１／７／２９) and
 * the ideographic space folded to ASCII, spaces trimmed; -1 when it does
 * not fit in size bytes.
 */
int		 date_fold(const char *, char *, size_t);

void		 date_format_iso(struct date, char *, size_t);
/* 令和3年7月29日(木); a date before 明治 prints as 1850年1月2日(水). */
void		 date_format_japanese(struct date, char *, size_t);
/* 令和3年6月 */
void		 date_format_era_month(int, int, char *, size_t);
/* 令和3年度 */
void		 date_format_fiscal_year(int, char *, size_t);

/* Today, or CARECAL_TODAY=YYYY-MM-DD when set (tests and demos). */
int		 date_today(struct date *, struct error *);

/*
 * A moment the database keeps in UTC ("2022-01-20 03:34:56") as the
 * local time a user reads in a message ("2022-01-20 12:34:56" in
 * Japan); copied as it is if it is no such time.
 */
void		 date_time_local(const char *, char *, size_t);

/*
 * Times of day as minutes after midnight; "HH:MM", 0:00..23:59, and
 * 24:00: the end of a meeting until midnight.
 */
int		 time_parse(const char *, int *, struct error *);
void		 time_format(int, char *, size_t);

#endif
