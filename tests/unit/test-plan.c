/*
 * test-plan.c -- the draft of a year (core/plan.c) on small catalogs
 * built in memory: the count, last year's rhythm, moves off days off
 * and clashes, stored meetings counted, the cadence, advisors booked
 * fairly or said missing; and a property over generated catalogs and
 * years: whatever plan drafts, check finds no day off, clash, window,
 * target or advisor clash in it.
 */
#include <stdio.h>
#include <string.h>

#include "check.h"
#include "plan.h"
#include "tap.h"
#include "workday.h"

enum { CENTER_A = 1, CENTER_B = 2 };
enum { SUISHIN = 10, KOBETSU = 11, JIRITSU = 12, MONTHLY = 13, ADHOC = 14,
    CITY = 20 };

static struct catalog		catalog;
static struct meeting_list	like, existing;
static struct closure		closure;

static struct date
day(const char *s)
{
	struct date	d = { 2000, 1, 1 };
	struct error	err;

	if (date_parse(s, &d, &err) == -1)
		printf("# bad date in the test: %s\n", s);
	return d;
}

static void
add(struct meeting_list *list, long id, long type, long center,
    const char *date, int start, int end)
{
	struct meeting	*m = meeting_list_add(list);

	m->id = id;
	m->type_id = type;
	m->center_id = center;
	m->date = day(date);
	m->start = start;
	m->end = end;
	m->status = STATUS_HELD;
}

static void
catalog_build(void)
{
	struct center		c = { 0 };
	struct meeting_type	t = { 0 };

	catalog_init(&catalog);
	c.id = CENTER_A, c.name = "明第1", c.position = 1;
	catalog_add_center(&catalog, &c);
	c.id = CENTER_B, c.name = "小金", c.position = 2;
	catalog_add_center(&catalog, &c);
	t.level = LEVEL_REGIONAL;
	t.id = SUISHIN, t.code = "suishin", t.name = "推進会議";
	t.short_name = "推進", t.target_min = 2, t.target_max = 2;
	t.position = 1;
	catalog_add_type(&catalog, &t);
	t.id = KOBETSU, t.code = "kobetsu", t.name = "個別ケア会議";
	t.short_name = "個別", t.target_min = 4, t.target_max = 6;
	t.position = 2;
	catalog_add_type(&catalog, &t);
	t.id = JIRITSU, t.code = "jiritsu", t.name = "自立支援型";
	t.short_name = "自立", t.target_min = 1, t.target_max = 2;
	t.summons = "管理栄養士";
	t.position = 3;
	catalog_add_type(&catalog, &t);
	t.summons = NULL;
	t.id = MONTHLY, t.code = "monthly", t.name = "毎月会議";
	t.short_name = "毎月", t.target_min = t.target_max = -1;
	t.cadence = CADENCE_MONTHLY, t.position = 4;
	catalog_add_type(&catalog, &t);
	t.id = ADHOC, t.code = "adhoc", t.name = "随時会議";
	t.short_name = "随時", t.cadence = CADENCE_AD_HOC, t.position = 5;
	t.target_min = 0, t.target_max = 20;
	catalog_add_type(&catalog, &t);
	t.cadence = CADENCE_YEARLY;
	t.id = CITY, t.code = "city", t.name = "市地域ケア会議";
	t.short_name = "市", t.level = LEVEL_CITY;
	t.target_min = t.target_max = 2, t.position = 6;
	catalog_add_type(&catalog, &t);
}

static size_t
count_of(const struct plan *p, long type, long center)
{
	size_t	i, n = 0;

	for (i = 0; i < p->meetings.count; i++)
		if (p->meetings.items[i].type_id == type &&
		    p->meetings.items[i].center_id == center)
			n++;
	return n;
}

static const struct meeting *
on(const struct plan *p, long type, long center, const char *date)
{
	struct date	d = day(date);
	size_t		i;

	for (i = 0; i < p->meetings.count; i++)
		if (p->meetings.items[i].type_id == type &&
		    p->meetings.items[i].center_id == center &&
		    date_compare(p->meetings.items[i].date, d) == 0)
			return &p->meetings.items[i];
	return NULL;
}

static int
noted(const struct plan *p, const char *text)
{
	size_t	i;

	for (i = 0; i < p->nnotes; i++)
		if (strstr(p->notes[i].message, text) != NULL)
			return 1;
	return 0;
}

static void
test_nth_weekday(void)
{
	struct date	d;

	d = plan_nth_weekday(2022, 5, 2, 4);
	OK(d.year == 2022 && d.month == 5 && d.day == 24,
	    "第4火曜 of 2022-05 is the 24th (%d)", d.day);
	d = plan_nth_weekday(2023, 2, 2, 5);
	OK(d.day == 28, "a 5th Tuesday in a month of four: the last (%d)",
	    d.day);
	d = plan_nth_weekday(2022, 4, 5, 1);
	OK(d.day == 1, "第1金曜 of 2022-04 is the 1st (%d)", d.day);
}

static void
plan_run(struct plan *p, struct advisor_calendar *cal)
{
	struct plan_input	in;

	memset(&in, 0, sizeof in);
	in.catalog = &catalog;
	in.fiscal_year = 2022;
	in.like = &like;
	in.existing = &existing;
	in.closure = &closure;
	in.calendar = cal;
	plan_init(p);
	plan_make(&in, p);
}

static void
test_rhythm(void)
{
	struct plan		 p, q;
	const struct meeting	*m;
	size_t			 i;
	int			 same = 1;

	meeting_list_init(&like);
	meeting_list_init(&existing);
	/* 推進 of A: 第4木曜 of May, 第1木曜 of November, 13:30-15:00 */
	add(&like, 1, SUISHIN, CENTER_A, "2021-05-27", 810, 900);
	add(&like, 2, SUISHIN, CENTER_A, "2021-11-04", 810, 900);
	/* 推進 of B: only one last year: one more, far from it */
	add(&like, 3, SUISHIN, CENTER_B, "2021-06-09", -1, -1);
	/* 個別 of A: seven last year, above 6: six kept */
	add(&like, 4, KOBETSU, CENTER_A, "2021-04-13", -1, -1);
	add(&like, 5, KOBETSU, CENTER_A, "2021-05-11", -1, -1);
	add(&like, 6, KOBETSU, CENTER_A, "2021-07-13", -1, -1);
	add(&like, 7, KOBETSU, CENTER_A, "2021-09-14", -1, -1);
	add(&like, 8, KOBETSU, CENTER_A, "2021-11-09", -1, -1);
	add(&like, 9, KOBETSU, CENTER_A, "2022-01-11", -1, -1);
	add(&like, 10, KOBETSU, CENTER_A, "2022-03-08", -1, -1);
	/* 個別 of B: none last year: the target's 4, on the usual Tuesday */
	add(&like, 11, CITY, 0, "2021-07-29", -1, -1);
	add(&like, 12, CITY, 0, "2022-01-27", -1, -1);
	/* stored already in 2022: 個別 of B in May counts */
	add(&existing, 100, KOBETSU, CENTER_B, "2022-05-17", -1, -1);
	/* and a meeting of B on 2022-06-08, where 推進 would go */
	add(&existing, 101, MONTHLY, CENTER_B, "2022-06-08", -1, -1);
	closure_parse(CLOSURE_DEFAULT, &closure, NULL);

	plan_run(&p, NULL);
	IS_INT(count_of(&p, SUISHIN, CENTER_A), 2, "推進 A: the target, 2");
	m = on(&p, SUISHIN, CENTER_A, "2022-05-26");
	OK(m != NULL, "推進 A: 第4木曜 of May 2022 is the 26th");
	OK(m != NULL && m->start == 810 && m->end == 900,
	    "推進 A: last year's time kept");
	OK(m != NULL && m->status == STATUS_PLANNED && m->id < 0,
	    "a draft is planned, its id negative until saved");
	OK(on(&p, SUISHIN, CENTER_A, "2022-11-10") != NULL,
	    "推進 A: 2022-11-03 (文化の日) moved a week on, a Thursday");
	OK(noted(&p, "文化の日"), "the move is said, naming the holiday");
	IS_INT(count_of(&p, SUISHIN, CENTER_B), 2,
	    "推進 B: one last year, the target 2");
	OK(on(&p, SUISHIN, CENTER_B, "2022-06-15") != NULL,
	    "推進 B: 2022-06-08 taken by a stored meeting: a week on");
	OK(noted(&p, "meeting 101"), "the clash is said, naming meeting 101");
	IS_INT(count_of(&p, KOBETSU, CENTER_A), 6,
	    "個別 A: seven last year, six at most");
	IS_INT(count_of(&p, KOBETSU, CENTER_B), 3,
	    "個別 B: the target 4, one stored: three drafted");
	for (i = 0; i < p.meetings.count; i++)
		if (p.meetings.items[i].type_id == KOBETSU &&
		    p.meetings.items[i].center_id == CENTER_B &&
		    p.meetings.items[i].date.month == 5)
			OK(0, "個別 B: the stored May slot not again");
	for (i = 0; i < p.meetings.count; i++)
		if (p.meetings.items[i].type_id == KOBETSU &&
		    p.meetings.items[i].center_id == CENTER_B &&
		    date_weekday(p.meetings.items[i].date) != 2)
			OK(0, "個別 B: on the type's usual weekday, Tuesday");
	IS_INT(count_of(&p, MONTHLY, CENTER_A), 12, "毎月 A: one a month");
	IS_INT(count_of(&p, MONTHLY, CENTER_B), 11,
	    "毎月 B: one a month, June's stored");
	IS_INT(count_of(&p, ADHOC, CENTER_A), 0, "随時: nothing drafted");
	IS_INT(count_of(&p, CITY, 0), 2, "市: two");
	OK(on(&p, CITY, 0, "2022-07-28") != NULL &&
	    on(&p, CITY, 0, "2023-01-26") != NULL,
	    "市: 第4木曜 of July and January");
	for (i = 0; i < p.meetings.count; i++)
		if (!workday_is_working(p.meetings.items[i].date, &closure))
			OK(0, "a draft on a day off");
	for (i = 1; i < p.meetings.count; i++)
		if (p.meetings.items[i].id >= p.meetings.items[i - 1].id)
			OK(0, "the ids go down along the list");
	plan_run(&q, NULL);
	same = p.meetings.count == q.meetings.count &&
	    p.nnotes == q.nnotes;
	for (i = 0; same && i < p.meetings.count; i++)
		same = date_compare(p.meetings.items[i].date,
		    q.meetings.items[i].date) == 0 &&
		    p.meetings.items[i].center_id ==
		    q.meetings.items[i].center_id;
	for (i = 0; same && i < p.nnotes; i++)
		same = strcmp(p.notes[i].message, q.notes[i].message) == 0;
	OK(same, "deterministic: the same drafts and notes twice");
	i = p.meetings.count;
	plan_drop(&p, 0);
	IS_INT(p.meetings.count, i - 1, "plan_drop takes one draft out");
	plan_free(&p);
	plan_free(&q);
	meeting_list_free(&like);
	meeting_list_free(&existing);
}

static void
test_advisors(void)
{
	struct advisor_list	 advisors;
	struct advisor_calendar	 cal;
	struct advisor		*a;
	struct plan		 p;
	size_t			 i, n1 = 0, n2 = 0;

	meeting_list_init(&like);
	meeting_list_init(&existing);
	/* both centers' 自立 on the same Tuesday last year */
	add(&like, 1, JIRITSU, CENTER_A, "2021-09-14", -1, -1);
	add(&like, 2, JIRITSU, CENTER_B, "2021-09-14", -1, -1);
	add(&like, 3, JIRITSU, CENTER_A, "2021-10-12", -1, -1);
	add(&like, 4, JIRITSU, CENTER_B, "2021-10-12", -1, -1);
	advisor_list_init(&advisors);
	a = advisor_list_add(&advisors);
	a->id = 7, a->name = "石田", a->profession = "管理栄養士";
	a->weekdays = 1u << 2;	/* Tuesdays */
	a = advisor_list_add(&advisors);
	a->id = 8, a->name = "森", a->profession = "管理栄養士";
	a->weekdays = 1u << 2;
	advisor_calendar_init(&cal, &advisors, &catalog, 0);
	plan_run(&p, &cal);
	IS_INT(p.nbookings, 4, "each of the four 自立 books a 管理栄養士");
	for (i = 0; i < p.nbookings; i++)
		p.bookings[i].advisor_id == 7 ? n1++ : n2++;
	OK(n1 == 2 && n2 == 2, "spread fairly: two each (%zu, %zu)", n1, n2);
	advisor_calendar_free(&cal);
	plan_free(&p);

	/* one advisor, away all of September 2022: 2022-09-13 wanted twice */
	advisors.count = 1;
	advisors.items[0].unavailable = NULL;
	advisor_set_unavailable(&advisors.items[0], day("2022-09-13"), 1);
	advisor_set_unavailable(&advisors.items[0], day("2022-09-20"), 1);
	advisor_set_unavailable(&advisors.items[0], day("2022-09-27"), 1);
	advisor_set_unavailable(&advisors.items[0], day("2022-09-06"), 1);
	advisor_calendar_init(&cal, &advisors, &catalog, 0);
	plan_run(&p, &cal);
	OK(on(&p, JIRITSU, CENTER_A, "2022-10-11") != NULL &&
	    on(&p, JIRITSU, CENTER_B, "2022-10-18") != NULL,
	    "October: the second center a week on, where the advisor is free");
	OK(noted(&p, "no free 管理栄養士 on 令和4年9月13日(火)"),
	    "September: no 管理栄養士 free, said in words");
	OK(noted(&p, "moved to 令和4年10月18日(火)"),
	    "October: the move is said");
	IS_INT(p.nbookings, 2, "only the two October meetings booked");
	advisor_calendar_free(&cal);
	plan_free(&p);

	advisors.items[0].retired = 1;
	advisor_calendar_init(&cal, &advisors, &catalog, 0);
	plan_run(&p, &cal);
	IS_INT(p.nbookings, 0, "a retired advisor is never booked");
	OK(noted(&p, "no advisor is a 管理栄養士"),
	    "no advisor of the profession at all: said");
	advisor_calendar_free(&cal);
	plan_free(&p);
	free(advisors.items[0].unavailable);
	free(advisors.items);
	meeting_list_free(&like);
	meeting_list_free(&existing);
}

/* ---- the property over generated catalogs and years ---- */

static unsigned long	seed = 20220401;

static int
rnd(int n)
{
	seed = seed * 48271 % 2147483647;
	return (int)(seed % (unsigned long)n);
}

static void
random_day(int fy, struct date *d)
{
	*d = date_add_days(date_fiscal_year_start(fy), rnd(365));
}

static int
kind_is_forbidden(enum check_kind k)
{
	return k == CHECK_NON_WORKING_DAY || k == CHECK_CLASH ||
	    k == CHECK_WINDOW_GAP || k == CHECK_WINDOW_OVERLAP ||
	    k == CHECK_ADVISOR_CLASH || k == CHECK_ADVISOR_UNAVAILABLE ||
	    k == CHECK_TARGET_LOW || k == CHECK_TARGET_HIGH;
}

static int
one_round(int round)
{
	static const char	*professions[] = { "管理栄養士", "歯科衛生士",
				    "理学療法士" };
	struct catalog		 cat;
	struct center		 c = { 0 };
	struct meeting_type	 t = { 0 };
	struct meeting_list	 all;
	struct advisor_list	 advisors;
	struct assignment_list	 assigned;
	struct advisor_calendar	 cal;
	struct plan_input	 in;
	struct plan		 p;
	struct check_input	 ci;
	struct finding_list	 found;
	struct meeting		*m;
	struct advisor		*a;
	char			 names[40][16], summons[3][16];
	int			 ncenters = 1 + rnd(25), ntypes = 1 + rnd(4);
	int			 i, k, n, bad = 0, one_center = rnd(2);

	catalog_init(&cat);
	for (i = 0; i < ncenters; i++) {
		snprintf(names[i], sizeof names[i], "C%02d", i);
		c.id = 100 + i, c.name = names[i], c.position = i;
		catalog_add_center(&cat, &c);
	}
	for (i = 0; i < ntypes; i++) {
		snprintf(summons[i % 3], sizeof summons[i % 3], "%s",
		    professions[rnd(3)]);
		snprintf(names[30 + i % 10], 16, "T%d", i);
		t.id = 10 + i, t.code = "t", t.name = names[30 + i % 10];
		t.short_name = NULL, t.level = LEVEL_REGIONAL;
		t.target_min = 1 + rnd(3);
		t.target_max = t.target_min + rnd(3);
		t.cadence = rnd(5) == 0 ? CADENCE_MONTHLY : CADENCE_YEARLY;
		if (t.cadence == CADENCE_MONTHLY)
			t.target_min = t.target_max = 12;
		t.summons = rnd(2) ? summons[i % 3] : NULL;
		t.position = i;
		catalog_add_type(&cat, &t);
	}
	t.id = 99, t.name = "市", t.level = LEVEL_CITY, t.summons = NULL;
	t.cadence = CADENCE_YEARLY, t.target_min = t.target_max = 2;
	t.position = 99;
	catalog_add_type(&cat, &t);

	meeting_list_init(&like);
	meeting_list_init(&existing);
	n = rnd(8 * ncenters + 1);
	for (k = 0; k < n; k++) {
		m = meeting_list_add(&like);
		m->id = k + 1;
		m->type_id = 10 + rnd(ntypes);
		m->center_id = 100 + rnd(ncenters);
		random_day(2030, &m->date);	/* weekends and holidays too */
		m->start = rnd(3) ? 540 + 30 * rnd(14) : -1;
		m->end = m->start >= 0 && rnd(2) ? m->start + 90 : -1;
		m->status = STATUS_HELD;
	}
	add(&like, 5000, 99, 0, "2030-07-25", -1, -1);
	add(&like, 5001, 99, 0, "2031-01-23", -1, -1);
	/* a few stored already, on working days, none at a center twice */
	n = rnd(ncenters + 1);
	for (k = 0; k < n; k++) {
		m = meeting_list_add(&existing);
		m->id = 1000 + k;
		m->type_id = 10 + rnd(ntypes);
		m->center_id = 100 + k % ncenters;
		do
			random_day(2031, &m->date);
		while (!workday_is_working(m->date, &closure));
		m->start = m->end = -1;
		m->status = STATUS_PLANNED;
		if (k >= ncenters)
			existing.count--, meeting_clear(m);
	}
	advisor_list_init(&advisors);
	n = rnd(6);
	for (k = 0; k < n; k++) {
		a = advisor_list_add(&advisors);
		a->id = k + 1;
		a->name = names[k % 30];
		a->profession = (char *)professions[rnd(3)];
		a->weekdays = 0x3e & ~(1u << (1 + rnd(5)));
	}
	advisor_calendar_init(&cal, &advisors, &cat, one_center);

	memset(&in, 0, sizeof in);
	in.catalog = &cat;
	in.fiscal_year = 2031;
	in.like = &like;
	in.existing = &existing;
	in.closure = &closure;
	in.calendar = &cal;
	plan_init(&p);
	plan_make(&in, &p);

	/* what check sees once it is applied */
	meeting_list_init(&all);
	for (k = 0; k < (int)like.count; k++)
		if (like.items[k].center_id == 0)
			meeting_copy(meeting_list_add(&all), &like.items[k]);
	for (k = 0; k < (int)existing.count; k++)
		meeting_copy(meeting_list_add(&all), &existing.items[k]);
	for (k = 0; k < (int)p.meetings.count; k++) {
		m = meeting_list_add(&all);
		meeting_copy(m, &p.meetings.items[k]);
		m->id = 100000 - p.meetings.items[k].id;
	}
	assignment_list_init(&assigned);
	for (k = 0; k < (int)p.nbookings; k++)
		assignment_list_add(&assigned,
		    100000 - p.bookings[k].meeting_id,
		    p.bookings[k].advisor_id);
	memset(&ci, 0, sizeof ci);
	ci.catalog = &cat;
	ci.meetings = &all;
	ci.fiscal_year = 2031;
	ci.today = day("2031-04-01");
	ci.closure = &closure;
	ci.advisors = &advisors;
	ci.assignments = &assigned;
	ci.horizon = 0;
	ci.one_center_a_day = one_center;
	finding_list_init(&found);
	check_run(&ci, &found);
	for (k = 0; k < (int)found.count; k++) {
		if (!kind_is_forbidden(found.items[k].kind))
			continue;
		/* a month with no day free is said, and may fall short */
		if (found.items[k].kind == CHECK_TARGET_LOW &&
		    noted(&p, "not drafted"))
			continue;
		if (bad++ < 3)
			printf("# round %d: %s %s\n", round,
			    check_kind_code(found.items[k].kind),
			    found.items[k].message);
	}
	finding_list_free(&found);
	assignment_list_free(&assigned);
	meeting_list_free(&all);
	plan_free(&p);
	advisor_calendar_free(&cal);
	free(advisors.items);
	meeting_list_free(&like);
	meeting_list_free(&existing);
	catalog_free(&cat);
	return bad;
}

static void
test_property(void)
{
	int	round, bad = 0, rounds = 200;

	for (round = 0; round < rounds; round++)
		bad += one_round(round) > 0;
	IS_INT(bad, 0, "%d generated catalogs and years: no day off, clash, "
	    "window, target or advisor clash in any draft", rounds);
}

int
main(void)
{
	catalog_build();
	closure_parse(CLOSURE_DEFAULT, &closure, NULL);
	test_nth_weekday();
	test_rhythm();
	test_advisors();
	test_property();
	catalog_free(&catalog);
	return tap_done();
}
