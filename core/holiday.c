/*
 * holiday.c -- the Japanese national holidays of a year, worked out from
 * the 祝日法 (国民の祝日に関する法律) as amended over the years and the
 * one-off laws for imperial ceremonies, named as @holiday-jp/holiday_jp
 * names them.
 */
#include <stddef.h>
#include <string.h>

#include "date.h"
#include "holiday.h"

/* A 振替休日 is named after the holiday before it: "こどもの日 振替休日". */
struct holiday_kind {
	const char	*name;
	const char	*substitute;
};

enum {
	NEW_YEAR,
	COMING_OF_AGE,
	FOUNDATION,
	EMPEROR,
	VERNAL_EQUINOX,
	SHOWA,
	CONSTITUTION,
	GREENERY,
	CHILDREN,
	MARINE,
	MOUNTAIN,
	RESPECT_AGED,
	AUTUMNAL_EQUINOX,
	HEALTH_SPORTS,
	HEALTH_SPORTS_2019,
	SPORTS,
	CULTURE,
	LABOR_THANKSGIVING,
	CITIZENS,
	TREATED_AS_HOLIDAY,
	ROYAL_WEDDING,
	STATE_FUNERAL,
	ENTHRONEMENT,
	NKINDS
};

static const struct holiday_kind kinds[NKINDS] = {
	[NEW_YEAR] = { "元日", "元日 振替休日" },
	[COMING_OF_AGE] = { "成人の日", "成人の日 振替休日" },
	[FOUNDATION] = { "建国記念の日", "建国記念の日 振替休日" },
	[EMPEROR] = { "天皇誕生日", "天皇誕生日 振替休日" },
	[VERNAL_EQUINOX] = { "春分の日", "春分の日 振替休日" },
	[SHOWA] = { "昭和の日", "昭和の日 振替休日" },
	[CONSTITUTION] = { "憲法記念日", "憲法記念日 振替休日" },
	[GREENERY] = { "みどりの日", "みどりの日 振替休日" },
	[CHILDREN] = { "こどもの日", "こどもの日 振替休日" },
	[MARINE] = { "海の日", "海の日 振替休日" },
	[MOUNTAIN] = { "山の日", "山の日 振替休日" },
	[RESPECT_AGED] = { "敬老の日", "敬老の日 振替休日" },
	[AUTUMNAL_EQUINOX] = { "秋分の日", "秋分の日 振替休日" },
	[HEALTH_SPORTS] = { "体育の日", "体育の日 振替休日" },
	[HEALTH_SPORTS_2019] = { "体育の日（スポーツの日）", "振替休日" },
	[SPORTS] = { "スポーツの日", "スポーツの日 振替休日" },
	[CULTURE] = { "文化の日", "文化の日 振替休日" },
	[LABOR_THANKSGIVING] = { "勤労感謝の日", "勤労感謝の日 振替休日" },
	[CITIZENS] = { "休日", "振替休日" },
	[TREATED_AS_HOLIDAY] = { "休日（祝日扱い）", "振替休日" },
	[ROYAL_WEDDING] = { "結婚の儀", "振替休日" },
	[STATE_FUNERAL] = { "大喪の礼", "振替休日" },
	[ENTHRONEMENT] = { "即位礼正殿の儀", "振替休日" },
};

/* Days fixed by their own law, not by the 祝日法. */
static const struct {
	struct date	date;
	int		kind;
} one_off_days[] = {
	{ { 1959, 4, 10 }, ROYAL_WEDDING },	/* 皇太子明仁親王の結婚の儀 */
	{ { 1989, 2, 24 }, STATE_FUNERAL },	/* 昭和天皇の大喪の礼 */
	{ { 1990, 11, 12 }, ENTHRONEMENT },
	{ { 1993, 6, 9 }, ROYAL_WEDDING },	/* 皇太子徳仁親王の結婚の儀 */
	/* 天皇の即位の日 and 即位礼正殿の儀, 祝日扱い by the 2018 law. */
	{ { 2019, 5, 1 }, TREATED_AS_HOLIDAY },
	{ { 2019, 10, 22 }, TREATED_AS_HOLIDAY },
};

/*
 * The reference names 2020-05-06 after the Sunday that caused it, while
 * 2009, 2015 and 2026 in the same situation take the day before's name.
 */
static const struct {
	struct date	date;
	int		kind;
} substitute_names[] = {
	{ { 2020, 5, 6 }, CONSTITUTION },
};

#define NO_HOLIDAY	(-1)
#define MAX_DAYS	366

/*
 * The years worked out, each in the slot of its year modulo CACHE_YEARS:
 * a month view asks about one year at a time, but an import of ten
 * years center by center (each meeting's day off, warnings.h) goes
 * back and forth between them.
 */
#define CACHE_YEARS	16
struct year_cache {
	int		year;		/* 0 before the first use */
	size_t		count;
	struct holiday	list[HOLIDAY_MAX_PER_YEAR];
	signed char	index[13][32];	/* into list, or NO_HOLIDAY */
};
static struct year_cache	 years[CACHE_YEARS];
static struct year_cache	*cache = &years[0];	/* the last asked */

static int
floor_div(int a, int b)
{
	return a >= 0 ? a / b : -((-a + b - 1) / b);
}

/*
 * The day of March or September the equinox falls on, by the formula of
 * the 国立天文台 that matches the announced days (1900-2099): the year's
 * drift of 0.242194 days, pulled back a day by each leap year.
 */
static int
holiday_equinox_day(int year, int autumn)
{
	double	base;

	if (year < 1980)
		base = autumn ? 23.2588 : 20.8357;
	else
		base = autumn ? 23.2488 : 20.8431;
	return (int)(base + 0.242194 * (year - 1980)) -
	    floor_div(year - 1980, 4);
}

/* The nth Monday of a month, as a day of the month. */
static int
holiday_nth_monday(int year, int month, int nth)
{
	struct date	first = { year, month, 1 };
	int		offset;

	offset = (8 - date_weekday(first)) % 7;
	return 1 + offset + 7 * (nth - 1);
}

static void
holiday_set(int *by_day, long jan1, int year, int month, int day, int kind)
{
	struct date	d = { year, month, day };

	by_day[date_to_days(d) - jan1] = kind;
}

/* The 国民の祝日 of a year and the one-off days counted like them. */
static void
holiday_fill_national(int year, int *by_day, long jan1)
{
	size_t	i;
	int	m;

	holiday_set(by_day, jan1, year, 1, 1, NEW_YEAR);

	if (year >= 2000)
		m = holiday_nth_monday(year, 1, 2);
	else
		m = 15;
	holiday_set(by_day, jan1, year, 1, m, COMING_OF_AGE);

	if (year >= 1967)
		holiday_set(by_day, jan1, year, 2, 11, FOUNDATION);
	if (year >= 2020)
		holiday_set(by_day, jan1, year, 2, 23, EMPEROR);

	holiday_set(by_day, jan1, year, 3,
	    holiday_equinox_day(year, 0), VERNAL_EQUINOX);

	if (year >= 2007)
		holiday_set(by_day, jan1, year, 4, 29, SHOWA);
	else if (year >= 1989)
		holiday_set(by_day, jan1, year, 4, 29, GREENERY);
	else
		holiday_set(by_day, jan1, year, 4, 29, EMPEROR);

	holiday_set(by_day, jan1, year, 5, 3, CONSTITUTION);
	if (year >= 2007)
		holiday_set(by_day, jan1, year, 5, 4, GREENERY);
	holiday_set(by_day, jan1, year, 5, 5, CHILDREN);

	/* The Olympic years moved 海の日, スポーツの日 and 山の日. */
	if (year == 2020)
		holiday_set(by_day, jan1, year, 7, 23, MARINE);
	else if (year == 2021)
		holiday_set(by_day, jan1, year, 7, 22, MARINE);
	else if (year >= 2003)
		holiday_set(by_day, jan1, year, 7,
		    holiday_nth_monday(year, 7, 3), MARINE);
	else if (year >= 1996)
		holiday_set(by_day, jan1, year, 7, 20, MARINE);

	if (year == 2020)
		holiday_set(by_day, jan1, year, 8, 10, MOUNTAIN);
	else if (year == 2021)
		holiday_set(by_day, jan1, year, 8, 8, MOUNTAIN);
	else if (year >= 2016)
		holiday_set(by_day, jan1, year, 8, 11, MOUNTAIN);

	if (year >= 2003)
		holiday_set(by_day, jan1, year, 9,
		    holiday_nth_monday(year, 9, 3), RESPECT_AGED);
	else if (year >= 1966)
		holiday_set(by_day, jan1, year, 9, 15, RESPECT_AGED);

	holiday_set(by_day, jan1, year, 9,
	    holiday_equinox_day(year, 1), AUTUMNAL_EQUINOX);

	if (year == 2020)
		holiday_set(by_day, jan1, year, 7, 24, SPORTS);
	else if (year == 2021)
		holiday_set(by_day, jan1, year, 7, 23, SPORTS);
	else if (year >= 2020)
		holiday_set(by_day, jan1, year, 10,
		    holiday_nth_monday(year, 10, 2), SPORTS);
	else if (year == 2019)
		holiday_set(by_day, jan1, year, 10,
		    holiday_nth_monday(year, 10, 2), HEALTH_SPORTS_2019);
	else if (year >= 2000)
		holiday_set(by_day, jan1, year, 10,
		    holiday_nth_monday(year, 10, 2), HEALTH_SPORTS);
	else if (year >= 1966)
		holiday_set(by_day, jan1, year, 10, 10, HEALTH_SPORTS);

	holiday_set(by_day, jan1, year, 11, 3, CULTURE);
	holiday_set(by_day, jan1, year, 11, 23, LABOR_THANKSGIVING);
	if (year >= 1989 && year <= 2018)
		holiday_set(by_day, jan1, year, 12, 23, EMPEROR);

	for (i = 0; i < sizeof one_off_days / sizeof one_off_days[0]; i++) {
		if (one_off_days[i].date.year == year)
			holiday_set(by_day, jan1, year,
			    one_off_days[i].date.month,
			    one_off_days[i].date.day, one_off_days[i].kind);
	}
}

static const char *
holiday_substitute_name(struct date d, int before)
{
	size_t	i;

	for (i = 0; i < sizeof substitute_names / sizeof substitute_names[0];
	    i++) {
		if (date_compare(substitute_names[i].date, d) == 0)
			return kinds[substitute_names[i].kind].substitute;
	}
	return kinds[before].substitute;
}

/*
 * Works out the year into the cache: the 国民の祝日, then the 振替休日
 * they cause, then the 国民の休日 between them.  Both of the latter look
 * only at 国民の祝日, never at each other.
 */
static void
holiday_compute_year(int year)
{
	static const struct date substitute_start = { 1973, 4, 12 };
	static const struct date citizens_start = { 1985, 12, 27 };
	int		 national[MAX_DAYS];
	const char	*names[MAX_DAYS];
	struct date	 jan1 = { year, 1, 1 }, dec31 = { year, 12, 31 };
	struct date	 d;
	long		 first;
	int		 ndays, i, j;

	first = date_to_days(jan1);
	ndays = (int)(date_to_days(dec31) - first) + 1;
	for (i = 0; i < ndays; i++) {
		national[i] = NO_HOLIDAY;
		names[i] = NULL;
	}
	holiday_fill_national(year, national, first);
	for (i = 0; i < ndays; i++) {
		if (national[i] != NO_HOLIDAY)
			names[i] = kinds[national[i]].name;
	}

	/*
	 * From 1973-04-12 a 祝日 on a Sunday makes the Monday a holiday;
	 * from 2007 the first day after it that is not a 祝日.
	 */
	for (i = 0; i < ndays; i++) {
		d = date_from_days(first + i);
		if (national[i] == NO_HOLIDAY || date_weekday(d) != 0 ||
		    date_compare(d, substitute_start) < 0)
			continue;
		j = i + 1;
		if (year >= 2007) {
			while (j < ndays && national[j] != NO_HOLIDAY)
				j++;
		}
		if (j < ndays && names[j] == NULL)
			names[j] = holiday_substitute_name(
			    date_from_days(first + j), national[j - 1]);
	}

	/* From the 1985 amendment a weekday between two 祝日 is a 休日. */
	for (i = 1; i + 1 < ndays; i++) {
		d = date_from_days(first + i);
		if (names[i] != NULL || date_weekday(d) == 0 ||
		    date_compare(d, citizens_start) < 0)
			continue;
		if (national[i - 1] != NO_HOLIDAY &&
		    national[i + 1] != NO_HOLIDAY)
			names[i] = kinds[CITIZENS].name;
	}

	memset(cache->index, NO_HOLIDAY, sizeof cache->index);
	cache->count = 0;
	for (i = 0; i < ndays; i++) {
		if (names[i] == NULL ||
		    cache->count == HOLIDAY_MAX_PER_YEAR)
			continue;
		d = date_from_days(first + i);
		cache->index[d.month][d.day] = (signed char)cache->count;
		cache->list[cache->count].date = d;
		cache->list[cache->count].name = names[i];
		cache->count++;
	}
	cache->year = year;
}

static int
holiday_load_year(int year)
{
	if (year < HOLIDAY_FIRST_YEAR || year > HOLIDAY_LAST_YEAR)
		return -1;
	cache = &years[year % CACHE_YEARS];
	if (cache->year != year)
		holiday_compute_year(year);
	return 0;
}

const char *
holiday_name(struct date d)
{
	int	i;

	if (!date_is_valid(d.year, d.month, d.day) ||
	    holiday_load_year(d.year) == -1)
		return NULL;
	i = cache->index[d.month][d.day];
	return i == NO_HOLIDAY ? NULL : cache->list[i].name;
}

size_t
holiday_list_year(int year, struct holiday *out)
{
	if (holiday_load_year(year) == -1)
		return 0;
	memcpy(out, cache->list, cache->count * sizeof *out);
	return cache->count;
}
