/*
 * holiday.h -- Japanese national holidays (国民の祝日, 振替休日, 国民の休日)
 * computed by the rules of the 祝日法 as they changed over the years.
 */
#ifndef CARECAL_HOLIDAY_H
#define CARECAL_HOLIDAY_H

#include <stddef.h>

#include "date.h"

#define HOLIDAY_FIRST_YEAR	1955
#define HOLIDAY_LAST_YEAR	2099
#define HOLIDAY_MAX_PER_YEAR	32

struct holiday {
	struct date	 date;
	const char	*name;		/* 海の日, 振替休日, 休日 (国民の休日) */
};

/* The holiday's Japanese name on that date, or NULL (also outside range). */
const char	*holiday_name(struct date);
/*
 * Every holiday of a calendar year in date order into out (room for
 * HOLIDAY_MAX_PER_YEAR); returns the count, 0 outside the range.
 */
size_t		 holiday_list_year(int, struct holiday *);

#endif
