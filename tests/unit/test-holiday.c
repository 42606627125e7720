/*
 * test-holiday.c -- the Japanese holidays around every change of the
 * 祝日法, the 振替休日 and 国民の休日 rules and the one-off days.
 */
#include <stdio.h>
#include <string.h>

#include "date.h"
#include "holiday.h"
#include "tap.h"

struct expect {
	struct date	 date;
	const char	*name;		/* NULL: not a holiday */
};

static const struct expect cases[] = {
	/* The edges of the range. */
	{ { 1955, 1, 1 }, "元日" },
	{ { 2099, 12, 31 }, NULL },
	{ { 2099, 1, 1 }, "元日" },

	/* 1959, 1989, 1990, 1993: days of their own law. */
	{ { 1959, 4, 10 }, "結婚の儀" },
	{ { 1989, 2, 24 }, "大喪の礼" },
	{ { 1990, 11, 12 }, "即位礼正殿の儀" },
	{ { 1993, 6, 9 }, "結婚の儀" },

	/* 1966: 敬老の日 and 体育の日 begin; 建国記念の日 waits for 1967. */
	{ { 1965, 9, 15 }, NULL },
	{ { 1965, 10, 10 }, NULL },
	{ { 1966, 9, 15 }, "敬老の日" },
	{ { 1966, 10, 10 }, "体育の日" },
	{ { 1966, 2, 11 }, NULL },
	{ { 1967, 2, 11 }, "建国記念の日" },

	/* 1973-04-12: a 祝日 on Sunday moves to the Monday. */
	{ { 1973, 2, 12 }, NULL },
	{ { 1973, 4, 30 }, "天皇誕生日 振替休日" },
	{ { 1973, 9, 24 }, "秋分の日 振替休日" },

	/* 1985-12-27: a weekday between two 祝日 is a 休日, not Sundays. */
	{ { 1985, 5, 4 }, NULL },
	{ { 1986, 5, 4 }, NULL },
	{ { 1987, 5, 4 }, "憲法記念日 振替休日" },
	{ { 1988, 5, 4 }, "休日" },
	{ { 1991, 5, 4 }, "休日" },
	{ { 1997, 5, 4 }, NULL },

	/* 1989: 4/29 becomes みどりの日, 天皇誕生日 moves to 12/23. */
	{ { 1988, 4, 29 }, "天皇誕生日" },
	{ { 1988, 12, 23 }, NULL },
	{ { 1989, 4, 29 }, "みどりの日" },
	{ { 1989, 12, 23 }, "天皇誕生日" },
	{ { 1990, 4, 30 }, "みどりの日 振替休日" },

	/* 1996: 海の日 on 7/20. */
	{ { 1995, 7, 20 }, NULL },
	{ { 1996, 7, 20 }, "海の日" },
	{ { 1997, 7, 21 }, "海の日 振替休日" },

	/* 2000: 成人の日 and 体育の日 on the second Monday. */
	{ { 1999, 1, 15 }, "成人の日" },
	{ { 1999, 10, 11 }, "体育の日 振替休日" },
	{ { 2000, 1, 10 }, "成人の日" },
	{ { 2000, 1, 15 }, NULL },
	{ { 2000, 10, 9 }, "体育の日" },
	{ { 2000, 10, 10 }, NULL },

	/* 2003: 海の日 and 敬老の日 on the third Monday. */
	{ { 2002, 7, 20 }, "海の日" },
	{ { 2002, 9, 16 }, "敬老の日 振替休日" },
	{ { 2003, 7, 20 }, NULL },
	{ { 2003, 7, 21 }, "海の日" },
	{ { 2004, 9, 15 }, NULL },
	{ { 2004, 9, 20 }, "敬老の日" },

	/* 2007: 昭和の日, みどりの日 on 5/4, 振替 to the next free day. */
	{ { 2006, 4, 29 }, "みどりの日" },
	{ { 2006, 5, 4 }, "休日" },
	{ { 2007, 4, 29 }, "昭和の日" },
	{ { 2007, 4, 30 }, "昭和の日 振替休日" },
	{ { 2007, 5, 4 }, "みどりの日" },
	{ { 2008, 5, 4 }, "みどりの日" },
	{ { 2008, 5, 6 }, "こどもの日 振替休日" },
	{ { 2009, 5, 6 }, "こどもの日 振替休日" },
	{ { 2009, 9, 22 }, "休日" },
	{ { 2015, 9, 22 }, "休日" },

	/* 2016: 山の日. */
	{ { 2015, 8, 11 }, NULL },
	{ { 2016, 8, 11 }, "山の日" },

	/* 2018-2019: the last 12/23 and the enthronement. */
	{ { 2018, 12, 24 }, "天皇誕生日 振替休日" },
	{ { 2019, 4, 30 }, "休日" },
	{ { 2019, 5, 1 }, "休日（祝日扱い）" },
	{ { 2019, 5, 2 }, "休日" },
	{ { 2019, 5, 6 }, "こどもの日 振替休日" },
	{ { 2019, 8, 12 }, "山の日 振替休日" },
	{ { 2019, 10, 14 }, "体育の日（スポーツの日）" },
	{ { 2019, 10, 22 }, "休日（祝日扱い）" },
	{ { 2019, 12, 23 }, NULL },

	/* 2020-2021: 2/23, スポーツの日, the Olympic moves. */
	{ { 2020, 2, 23 }, "天皇誕生日" },
	{ { 2020, 2, 24 }, "天皇誕生日 振替休日" },
	{ { 2020, 5, 6 }, "憲法記念日 振替休日" },
	{ { 2020, 7, 20 }, NULL },
	{ { 2020, 7, 23 }, "海の日" },
	{ { 2020, 7, 24 }, "スポーツの日" },
	{ { 2020, 8, 10 }, "山の日" },
	{ { 2020, 8, 11 }, NULL },
	{ { 2020, 10, 12 }, NULL },
	{ { 2021, 7, 19 }, NULL },
	{ { 2021, 7, 22 }, "海の日" },
	{ { 2021, 7, 23 }, "スポーツの日" },
	{ { 2021, 8, 8 }, "山の日" },
	{ { 2021, 8, 9 }, "山の日 振替休日" },
	{ { 2021, 8, 11 }, NULL },
	{ { 2021, 10, 11 }, NULL },
	{ { 2022, 10, 10 }, "スポーツの日" },

	/* Silver Weeks, and a year where 9/22 stays a working day. */
	{ { 2026, 9, 21 }, "敬老の日" },
	{ { 2026, 9, 22 }, "休日" },
	{ { 2026, 9, 23 }, "秋分の日" },
	{ { 2032, 9, 21 }, "休日" },
	{ { 2033, 9, 22 }, NULL },
	{ { 2037, 9, 22 }, "休日" },

	/* The equinox formula on both sides of 1980. */
	{ { 1960, 3, 20 }, "春分の日" },
	{ { 1963, 9, 24 }, "秋分の日" },
	{ { 1979, 9, 24 }, "秋分の日" },
	{ { 1980, 3, 20 }, "春分の日" },
	{ { 1980, 9, 23 }, "秋分の日" },
	{ { 2012, 9, 22 }, "秋分の日" },
	{ { 2023, 3, 21 }, "春分の日" },
	{ { 2025, 3, 20 }, "春分の日" },
};

/* Every year's list is in order and agrees with holiday_name day by day. */
static void
check_lists_agree(void)
{
	struct holiday	 list[HOLIDAY_MAX_PER_YEAR];
	struct date	 d, end;
	const char	*name;
	size_t		 n, i, named;
	int		 year, sorted, agree;

	sorted = agree = 1;
	for (year = HOLIDAY_FIRST_YEAR; year <= HOLIDAY_LAST_YEAR; year++) {
		n = holiday_list_year(year, list);
		for (i = 0; i < n; i++) {
			if (list[i].date.year != year || (i > 0 &&
			    date_compare(list[i - 1].date, list[i].date) >= 0))
				sorted = 0;
			name = holiday_name(list[i].date);
			if (name == NULL || strcmp(name, list[i].name) != 0)
				agree = 0;
		}
		named = 0;
		end = (struct date){ year, 12, 31 };
		for (d = (struct date){ year, 1, 1 };
		    date_compare(d, end) <= 0; d = date_add_days(d, 1)) {
			if (holiday_name(d) != NULL)
				named++;
		}
		if (n < 9 || named != n) {
			agree = 0;
			printf("# %d: %zu listed, %zu named\n", year, n,
			    named);
		}
	}
	OK(sorted, "every year's list is sorted and in its year");
	OK(agree, "every year's list agrees with holiday_name");
}

int
main(void)
{
	struct holiday	 list[HOLIDAY_MAX_PER_YEAR];
	char		 iso[DATE_ISO_LEN];
	size_t		 i;

	for (i = 0; i < sizeof cases / sizeof cases[0]; i++) {
		date_format_iso(cases[i].date, iso, sizeof iso);
		IS_STR(holiday_name(cases[i].date), cases[i].name, "%s %s",
		    iso, cases[i].name != NULL ? cases[i].name : "(none)");
	}

	IS_INT(holiday_list_year(1954, list), 0, "no holidays in 1954");
	IS_INT(holiday_list_year(2100, list), 0, "no holidays in 2100");
	IS_STR(holiday_name((struct date){ 1954, 1, 1 }), NULL,
	    "1954-01-01 is out of range");
	IS_STR(holiday_name((struct date){ 2100, 1, 1 }), NULL,
	    "2100-01-01 is out of range");
	IS_STR(holiday_name((struct date){ 2021, 2, 30 }), NULL,
	    "an invalid date is no holiday");

	IS_INT(holiday_list_year(2019, list), 22, "2019 has 22 holidays");
	IS_STR(list[0].name, "元日", "2019 starts with 元日");
	IS_STR(holiday_name((struct date){ 2021, 8, 9 }),
	    "山の日 振替休日", "switching years keeps the right answer");
	IS_INT(list[21].date.day, 23, "a later year leaves the list alone");

	/* years that share a cache slot (16 apart), back and forth */
	IS_STR(holiday_name((struct date){ 2037, 11, 23 }), "勤労感謝の日",
	    "2037 after 2021");
	IS_STR(holiday_name((struct date){ 2021, 7, 22 }), "海の日",
	    "2021 again after 2037 in its slot: its special 海の日");
	IS_STR(holiday_name((struct date){ 2037, 7, 20 }), "海の日",
	    "2037's 海の日 on its third Monday");
	IS_STR(holiday_name((struct date){ 2021, 7, 19 }), NULL,
	    "and 2021's third Monday of July is no holiday");

	check_lists_agree();
	return tap_done();
}
