/*
 * test-check.c -- working days and the office closure, and every kind of
 * plan check on small plans built in memory.
 */
#include <stdio.h>
#include <string.h>

#include "check.h"
#include "tap.h"
#include "workday.h"

enum { CENTER_A = 1, CENTER_B = 2, CENTER_OLD = 3 };
enum { SUISHIN = 10, KOBETSU = 11, FREE = 12, CITY = 20 };

static struct catalog	catalog;
static struct meeting_list meetings;
static struct finding_list findings;

/*
 * Two centers and a retired one; 推進 2 a year, 個別 1-2 counting cases,
 * a type with no target, a city-level type 2 a year.
 */
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
	c.id = CENTER_OLD, c.name = "旧センター", c.position = 3;
	c.retired = 1;
	catalog_add_center(&catalog, &c);

	t.id = SUISHIN, t.code = "suishin", t.name = "地域包括ケア推進会議";
	t.level = LEVEL_REGIONAL, t.target_min = 2, t.target_max = 2;
	t.position = 1;
	catalog_add_type(&catalog, &t);
	t.id = KOBETSU, t.code = "kobetsu", t.name = "地域個別ケア会議";
	t.target_min = 1, t.target_max = 2, t.counts_cases = 1;
	t.position = 2;
	catalog_add_type(&catalog, &t);
	t.id = FREE, t.code = "free", t.name = "自由会議";
	t.target_min = t.target_max = -1, t.counts_cases = 0;
	t.position = 3;
	catalog_add_type(&catalog, &t);
	t.id = CITY, t.code = "city", t.name = "市地域ケア会議";
	t.level = LEVEL_CITY, t.target_min = 2, t.target_max = 2;
	t.position = 4;
	catalog_add_type(&catalog, &t);
}

static struct meeting *
add(long id, long type, long center, const char *date,
    enum meeting_status status)
{
	struct meeting	*m = meeting_list_add(&meetings);
	struct error	 err;

	m->id = id;
	m->type_id = type;
	m->center_id = center;
	m->status = status;
	if (date_parse(date, &m->date, &err) == -1)
		printf("# bad date in the test: %s\n", date);
	return m;
}

/* Both regional targets of both live centers met, and the city's. */
static void
add_targets_met(void)
{
	struct meeting	*m;

	add(901, SUISHIN, CENTER_A, "2021-05-20", STATUS_HELD);
	add(902, SUISHIN, CENTER_A, "2021-11-18", STATUS_PLANNED);
	add(903, SUISHIN, CENTER_B, "2021-06-01", STATUS_HELD);
	add(904, SUISHIN, CENTER_B, "2022-03-01", STATUS_PLANNED);
	add(905, KOBETSU, CENTER_A, "2021-06-02", STATUS_HELD)->cases = 2;
	add(906, KOBETSU, CENTER_B, "2021-06-03", STATUS_HELD)->cases = 0;
	add(907, CITY, 0, "2021-07-29", STATUS_HELD);
	m = add(908, CITY, 0, "2022-01-27", STATUS_PLANNED);
	/* as in the R3 table: the 2021-07-29 one ends with 2021-05 */
	m->has_window = 1;
	m->window = (struct month_window){ 2021, 6, 2021, 11 };
}

static void
run(int fy, const char *today, const struct closure *closure)
{
	struct check_input	in;
	struct error		err;

	finding_list_free(&findings);
	memset(&in, 0, sizeof in);
	in.catalog = &catalog;
	in.meetings = &meetings;
	in.fiscal_year = fy;
	in.closure = closure;
	if (date_parse(today, &in.today, &err) == -1)
		printf("# bad today in the test: %s\n", today);
	check_run(&in, &findings);
}

static void
reset(void)
{
	meeting_list_free(&meetings);
	meeting_list_init(&meetings);
	finding_list_free(&findings);
}

static size_t
count_kind(enum check_kind kind)
{
	size_t	i, n = 0;

	for (i = 0; i < findings.count; i++)
		if (findings.items[i].kind == kind)
			n++;
	return n;
}

static const struct finding *
find(enum check_kind kind, long center, long type)
{
	size_t	i;

	for (i = 0; i < findings.count; i++)
		if (findings.items[i].kind == kind &&
		    findings.items[i].center_id == center &&
		    findings.items[i].type_id == type)
			return &findings.items[i];
	return NULL;
}

static const char *
message_of(const struct finding *f)
{
	return f != NULL ? f->message : "(no finding)";
}

static void
test_closure(void)
{
	static const char *bad[] = { "12-32..01-03", "1229..0103", "12-29",
	    "12-29..", "..", "a-b..c-d", "123-1..1-3", "12-29..01-03x",
	    "02-30..03-01", "-12-29..01-03", "12--29..01-03" };
	struct closure	c;
	struct error	err;
	char		buf[CLOSURE_LEN];
	size_t		i;

	IS_INT(closure_parse(CLOSURE_DEFAULT, &c, &err), 0,
	    "the default closure parses");
	closure_format(&c, buf, sizeof buf);
	IS_STR(buf, "12-29..01-03", "and formats back");
	OK(closure_contains(&c, (struct date){ 2021, 12, 29 }) &&
	    closure_contains(&c, (struct date){ 2021, 12, 31 }) &&
	    closure_contains(&c, (struct date){ 2022, 1, 3 }),
	    "12-29, 12-31 and 01-03 are in it (it wraps the year)");
	OK(!closure_contains(&c, (struct date){ 2021, 12, 28 }) &&
	    !closure_contains(&c, (struct date){ 2022, 1, 4 }) &&
	    !closure_contains(&c, (struct date){ 2021, 7, 1 }),
	    "12-28, 01-04 and 07-01 are not");

	IS_INT(closure_parse("8-13..8-16", &c, &err), 0,
	    "one-digit months and days parse");
	closure_format(&c, buf, sizeof buf);
	IS_STR(buf, "08-13..08-16", "and format with two digits");
	OK(closure_contains(&c, (struct date){ 2021, 8, 13 }) &&
	    closure_contains(&c, (struct date){ 2021, 8, 16 }) &&
	    !closure_contains(&c, (struct date){ 2021, 8, 17 }) &&
	    !closure_contains(&c, (struct date){ 2021, 12, 30 }),
	    "a closure within the year does not wrap");

	IS_INT(closure_parse("02-29..02-29", &c, &err), 0,
	    "February 29 is accepted");
	IS_INT(closure_parse("", &c, &err), 0, "'' is no closure");
	OK(!c.set && !closure_contains(&c, (struct date){ 2021, 12, 30 }),
	    "and contains nothing");
	closure_format(&c, buf, sizeof buf);
	IS_STR(buf, "", "and formats as ''");
	IS_INT(closure_parse("none", &c, &err), 0, "'none' is no closure");
	OK(!c.set, "'none' sets nothing");
	for (i = 0; i < sizeof bad / sizeof bad[0]; i++) {
		err.kind = ERROR_NONE;
		OK(closure_parse(bad[i], &c, &err) == -1 &&
		    err.kind == ERROR_INPUT, "'%s' is refused", bad[i]);
	}
	IS_STR(err.msg, "closure '12--29..01-03' is not MM-DD..MM-DD (as "
	    "12-29..01-03) or none", "the message shows the form");
}

static void
test_workday(void)
{
	struct closure	c;
	struct error	err;

	closure_parse(CLOSURE_DEFAULT, &c, &err);
	IS_INT(workday_rest_of((struct date){ 2021, 7, 21 }, &c), REST_NONE,
	    "2021-07-21 (Wed) is a working day");
	OK(workday_is_working((struct date){ 2021, 7, 21 }, &c),
	    "workday_is_working says so");
	IS_INT(workday_rest_of((struct date){ 2021, 7, 24 }, &c),
	    REST_SATURDAY, "2021-07-24 is a Saturday");
	IS_INT(workday_rest_of((struct date){ 2021, 7, 25 }, &c),
	    REST_SUNDAY, "2021-07-25 is a Sunday");
	IS_INT(workday_rest_of((struct date){ 2021, 7, 22 }, &c),
	    REST_HOLIDAY, "2021-07-22 (海の日 moved for the Olympics)");
	IS_INT(workday_rest_of((struct date){ 2021, 8, 8 }, &c),
	    REST_HOLIDAY, "a holiday on a Sunday is named as the holiday");
	IS_INT(workday_rest_of((struct date){ 2021, 12, 29 }, &c),
	    REST_CLOSURE, "2021-12-29 (Wed) is in the closure");
	IS_INT(workday_rest_of((struct date){ 2022, 1, 3 }, &c),
	    REST_CLOSURE, "2022-01-03 (Mon) is in the closure");
	IS_INT(workday_rest_of((struct date){ 2022, 1, 4 }, &c), REST_NONE,
	    "2022-01-04 is the first working day");
	IS_INT(workday_rest_of((struct date){ 2021, 12, 29 }, NULL),
	    REST_NONE, "with no closure 2021-12-29 is a working day");
	OK(!workday_is_working((struct date){ 2021, 12, 29 }, &c),
	    "workday_is_working agrees on the closure");
}

static void
test_targets(void)
{
	const struct finding	*f;

	reset();
	run(2021, "2021-04-01", NULL);
	/* A and B each miss 推進 and 個別; the city misses its two. */
	IS_INT(findings.count, 5, "an empty plan: five target findings");
	IS_INT(count_kind(CHECK_TARGET_LOW), 5, "all of them target-low");
	OK(find(CHECK_TARGET_LOW, CENTER_OLD, SUISHIN) == NULL,
	    "the retired center is not held to targets");
	OK(find(CHECK_TARGET_LOW, CENTER_A, FREE) == NULL,
	    "a type without a target is not counted");
	f = find(CHECK_TARGET_LOW, 0, CITY);
	OK(f != NULL && !f->has_date && f->fiscal_year == 2021 &&
	    f->meeting_ids[0] == 0, "the city type is counted city-wide, "
	    "for the fiscal year, with no meeting");
	IS_STR(message_of(f), "0 held or planned in the fiscal year, below "
	    "the target of 2 a year", "its message");
	IS_STR(message_of(find(CHECK_TARGET_LOW, CENTER_B, KOBETSU)),
	    "0 held or planned in the fiscal year, below the target of 1-2 "
	    "a year", "a range target in the message");
	OK(findings.items[0].center_id == 0 &&
	    findings.items[1].center_id == CENTER_A &&
	    findings.items[1].type_id == SUISHIN &&
	    findings.items[2].center_id == CENTER_A &&
	    findings.items[2].type_id == KOBETSU &&
	    findings.items[3].center_id == CENTER_B &&
	    findings.items[4].center_id == CENTER_B,
	    "city-wide first, then center by center in type order");

	add_targets_met();
	run(2021, "2021-04-01", NULL);
	IS_INT(findings.count, 0, "a plan meeting every target: nothing");

	add(1, SUISHIN, CENTER_A, "2021-09-01", STATUS_PLANNED);
	add(2, SUISHIN, CENTER_B, "2021-09-01", STATUS_CANCELLED);
	add(3, KOBETSU, CENTER_B, "2021-03-31", STATUS_HELD)->cases = 1;
	add(4, KOBETSU, CENTER_B, "2022-04-01", STATUS_PLANNED);
	add(5, SUISHIN, CENTER_OLD, "2021-09-01", STATUS_HELD);
	run(2021, "2021-04-01", NULL);
	IS_INT(findings.count, 1, "one more 推進 at A: one finding");
	f = find(CHECK_TARGET_HIGH, CENTER_A, SUISHIN);
	OK(f != NULL, "target-high for A's 推進");
	IS_STR(message_of(f), "3 held or planned in the fiscal year, above "
	    "the target of 2 a year", "its message");
	OK(find(CHECK_TARGET_HIGH, CENTER_B, SUISHIN) == NULL,
	    "a cancelled meeting does not count");
	OK(find(CHECK_TARGET_HIGH, CENTER_B, KOBETSU) == NULL,
	    "meetings of other fiscal years do not count");

	reset();
	add(1, SUISHIN, CENTER_A, "2021-09-01", STATUS_HELD);
	add(2, SUISHIN, CENTER_A, "2021-10-01", STATUS_CANCELLED);
	run(2021, "2021-04-01", NULL);
	IS_STR(message_of(find(CHECK_TARGET_LOW, CENTER_A, SUISHIN)),
	    "1 held or planned in the fiscal year, below the target of 2 a "
	    "year", "a cancelled meeting leaves the shortfall");
}

static void
test_target_words(void)
{
	struct meeting_type	*t;

	reset();
	catalog.types[0].target_min = 3;	/* 推進: at least 3 */
	catalog.types[0].target_max = -1;
	t = &catalog.types[1];			/* 個別: at most 1 */
	t->target_min = -1;
	t->target_max = 1;
	add(1, KOBETSU, CENTER_A, "2021-09-01", STATUS_HELD)->cases = 1;
	add(2, KOBETSU, CENTER_A, "2021-09-02", STATUS_HELD)->cases = 1;
	run(2021, "2021-04-01", NULL);
	IS_STR(message_of(find(CHECK_TARGET_LOW, CENTER_A, SUISHIN)),
	    "0 held or planned in the fiscal year, below the target of at "
	    "least 3 a year", "a minimum alone");
	IS_STR(message_of(find(CHECK_TARGET_HIGH, CENTER_A, KOBETSU)),
	    "2 held or planned in the fiscal year, above the target of at "
	    "most 1 a year", "a maximum alone");
	OK(find(CHECK_TARGET_LOW, CENTER_B, KOBETSU) == NULL,
	    "no minimum, no target-low");
	catalog.types[0].target_min = catalog.types[0].target_max = 2;
	t->target_min = 1;
	t->target_max = 2;
}

static void
test_working_days(void)
{
	struct closure		 c;
	struct error		 err;
	const struct finding	*f;

	closure_parse(CLOSURE_DEFAULT, &c, &err);
	reset();
	add_targets_met();
	add(1, FREE, CENTER_A, "2021-07-24", STATUS_PLANNED);
	add(2, FREE, CENTER_A, "2021-07-25", STATUS_HELD);
	add(3, FREE, CENTER_B, "2021-07-22", STATUS_HELD);
	add(4, FREE, CENTER_B, "2021-12-29", STATUS_PLANNED);
	add(5, FREE, CENTER_A, "2021-08-09", STATUS_CANCELLED);
	add(6, FREE, CENTER_A, "2021-07-21", STATUS_HELD);
	add(7, FREE, CENTER_A, "2020-07-23", STATUS_HELD);
	run(2021, "2021-04-01", &c);
	IS_INT(count_kind(CHECK_NON_WORKING_DAY), 4,
	    "four meetings on days off");
	IS_INT(findings.count, 4, "and nothing else");
	f = &findings.items[0];
	OK(f->kind == CHECK_NON_WORKING_DAY && f->meeting_ids[0] == 3 &&
	    f->has_date && f->date.day == 22 && f->center_id == CENTER_B &&
	    f->type_id == FREE, "in date order, the meeting and its day");
	IS_STR(findings.items[0].message, "falls on a national holiday "
	    "(海の日)", "a holiday is named");
	IS_STR(findings.items[1].message, "falls on a Saturday",
	    "a Saturday");
	IS_STR(findings.items[2].message, "falls on a Sunday", "a Sunday");
	IS_STR(findings.items[3].message, "falls in the office closure "
	    "(12-29..01-03)", "the closure");
	IS_INT(findings.items[3].meeting_ids[0], 4, "on meeting 4");
	run(2021, "2021-04-01", NULL);
	IS_INT(count_kind(CHECK_NON_WORKING_DAY), 3,
	    "without a closure, 12-29 is a working day");
}

static void
test_clashes(void)
{
	const struct finding	*f;
	struct meeting		*m;

	reset();
	add_targets_met();
	/* A, 2021-09-01: 10:00-12:00 and 11:00-11:30 overlap. */
	m = add(1, FREE, CENTER_A, "2021-09-01", STATUS_HELD);
	m->start = 600, m->end = 720;
	m = add(2, FREE, CENTER_A, "2021-09-01", STATUS_HELD);
	m->start = 660, m->end = 690;
	/* A, 2021-09-02: 10:00-11:00 then 11:00-12:00 do not. */
	m = add(3, FREE, CENTER_A, "2021-09-02", STATUS_HELD);
	m->start = 600, m->end = 660;
	m = add(4, FREE, CENTER_A, "2021-09-02", STATUS_HELD);
	m->start = 660, m->end = 720;
	/* B, 2021-09-03: one without a time clashes with anything. */
	add(5, FREE, CENTER_B, "2021-09-03", STATUS_HELD);
	m = add(6, FREE, CENTER_B, "2021-09-03", STATUS_HELD);
	m->start = 840;
	/* 2021-09-06: two centers, no times: no clash. */
	add(7, FREE, CENTER_A, "2021-09-06", STATUS_HELD);
	add(8, FREE, CENTER_B, "2021-09-06", STATUS_HELD);
	/* B, 2021-09-07: one of the two cancelled. */
	add(9, FREE, CENTER_B, "2021-09-07", STATUS_HELD);
	add(10, FREE, CENTER_B, "2021-09-07", STATUS_CANCELLED);
	/* A, 2021-09-08: starts only, 10:00 and 14:00 apart; 09:00 twice. */
	m = add(11, FREE, CENTER_A, "2021-09-08", STATUS_HELD);
	m->start = 600;
	m = add(12, FREE, CENTER_A, "2021-09-08", STATUS_HELD);
	m->start = 840;
	m = add(13, FREE, CENTER_B, "2021-09-08", STATUS_HELD);
	m->start = 540;
	m = add(14, FREE, CENTER_B, "2021-09-08", STATUS_HELD);
	m->start = 540;
	/* 2021-09-09: two city-level meetings are not a center's clash. */
	add(15, FREE, 0, "2021-09-09", STATUS_HELD);
	add(16, FREE, 0, "2021-09-09", STATUS_HELD);
	run(2021, "2021-04-01", NULL);
	IS_INT(count_kind(CHECK_CLASH), 3, "three clashes");
	IS_INT(findings.count, 3, "and nothing else");
	f = &findings.items[0];
	OK(f->kind == CHECK_CLASH && f->meeting_ids[0] == 2 &&
	    f->meeting_ids[1] == 1 && f->center_id == CENTER_A &&
	    f->date.day == 1, "the later-starting meeting first, then the "
	    "other");
	IS_STR(f->message, "overlaps meeting 1 (自由会議) at the same center "
	    "on the same day", "the overlap's message");
	f = &findings.items[1];
	OK(f->meeting_ids[0] == 6 && f->meeting_ids[1] == 5 &&
	    f->date.day == 3, "a meeting without a time clashes");
	IS_STR(f->message, "on the same day as meeting 5 (自由会議) at the "
	    "same center, and one of them has no time", "its message");
	f = &findings.items[2];
	OK(f->meeting_ids[0] == 14 && f->meeting_ids[1] == 13 &&
	    f->center_id == CENTER_B, "two meetings starting together clash");
}

static void
test_windows(void)
{
	const struct finding	*f;
	struct meeting		*m;
	struct error		 err;

	reset();
	add_targets_met();
	/* The one before: 2021-01-28 covers 2020-06..2020-11 by default. */
	add(20, CITY, 0, "2021-01-28", STATUS_HELD);
	add(21, CITY, 0, "2021-05-01", STATUS_CANCELLED);
	run(2021, "2021-04-01", NULL);
	IS_INT(findings.count, 0, "windows that follow one another, across "
	    "the fiscal year: nothing");

	m = &meetings.items[7];		/* 908, 2022-01-27 */
	m->has_window = 0;
	run(2021, "2021-04-01", NULL);
	IS_INT(findings.count, 0, "default windows (January, July) follow "
	    "one another too");

	m->has_window = 1;
	month_window_parse("2021-07..2021-12", &m->window, &err);
	run(2021, "2021-04-01", NULL);
	IS_INT(findings.count, 1, "a window one month late leaves a month "
	    "out");
	f = find(CHECK_WINDOW_GAP, 0, CITY);
	OK(f != NULL && f->meeting_ids[0] == 908 && f->meeting_ids[1] ==
	    907 && f->has_date && f->date.year == 2022 && f->date.month == 1,
	    "window-gap on the later meeting, naming the previous one");
	IS_STR(message_of(f), "no reporting window covers 令和3年6月: this one "
	    "is 令和3年7月～令和3年12月, the previous meeting's "
	    "(令和3年7月29日(木)) is 令和2年12月～令和3年5月", "its message, "
	    "months and days as the printouts word them");

	m->has_window = 1;
	month_window_parse("2021-09..2021-12", &m->window, &err);
	run(2021, "2021-04-01", NULL);
	IS_STR(message_of(find(CHECK_WINDOW_GAP, 0, CITY)), "no reporting "
	    "window covers 令和3年6月～令和3年8月: this one is 令和3年9月～"
	    "令和3年12月, the previous meeting's (令和3年7月29日(木)) is "
	    "令和2年12月～令和3年5月", "a gap of months");

	month_window_parse("2021-04..2021-11", &m->window, &err);
	run(2021, "2021-04-01", NULL);
	f = find(CHECK_WINDOW_OVERLAP, 0, CITY);
	IS_INT(findings.count, 1, "a window two months early");
	OK(f != NULL && f->meeting_ids[0] == 908 && f->meeting_ids[1] == 907,
	    "window-overlap on the later meeting");
	IS_STR(message_of(f), "reporting window 令和3年4月～令和3年11月 shares "
	    "令和3年4月～令和3年5月 with the previous meeting's "
	    "(令和3年7月29日(木), 令和2年12月～令和3年5月)", "its message");

	month_window_parse("2020-01..2020-06", &m->window, &err);
	run(2021, "2021-04-01", NULL);
	IS_STR(message_of(find(CHECK_WINDOW_OVERLAP, 0, CITY)),
	    "reporting window 令和2年1月～令和2年6月 comes before the "
	    "previous meeting's (令和3年7月29日(木), 令和2年12月～令和3年5月)",
	    "a window going backwards");

	month_window_parse("2021-06..2021-11", &m->window, &err);
	m->status = STATUS_CANCELLED;
	m = &meetings.items[6];		/* 907, 2021-07-29 */
	m->has_window = 1;
	month_window_parse("2020-11..2021-05", &m->window, &err);
	run(2021, "2021-04-01", NULL);
	f = find(CHECK_WINDOW_OVERLAP, 0, CITY);
	OK(f != NULL && f->meeting_ids[0] == 907 &&
	    f->meeting_ids[1] == 20, "the year's first city meeting is "
	    "compared with the one of the year before, not a cancelled one");
	IS_STR(message_of(f), "reporting window 令和2年11月～令和3年5月 shares "
	    "令和2年11月 with the previous meeting's (令和3年1月28日(木), "
	    "令和2年6月～令和2年11月)", "one month shared");
	IS_INT(count_kind(CHECK_WINDOW_GAP), 0, "a cancelled city meeting "
	    "has no window");
	IS_INT(count_kind(CHECK_TARGET_LOW), 1, "and does not count");
	IS_INT(findings.count, 2, "nothing else");
	run(2020, "2021-04-01", NULL);
	IS_INT(count_kind(CHECK_WINDOW_OVERLAP), 0, "fiscal 2020 is not "
	    "blamed for the 2021 window");
}

static void
test_records(void)
{
	const struct finding	*f;

	reset();
	add_targets_met();
	add(1, KOBETSU, CENTER_OLD, "2021-09-01", STATUS_HELD);
	add(2, KOBETSU, CENTER_OLD, "2021-09-02", STATUS_PLANNED);
	add(3, SUISHIN, CENTER_OLD, "2021-09-03", STATUS_HELD);
	add(4, KOBETSU, CENTER_OLD, "2021-09-06", STATUS_CANCELLED);
	add(5, FREE, CENTER_A, "2021-10-01", STATUS_PLANNED);
	add(6, FREE, CENTER_A, "2021-10-04", STATUS_PLANNED);
	add(7, FREE, CENTER_A, "2021-10-05", STATUS_HELD);
	add(8, FREE, CENTER_A, "2021-09-30", STATUS_CANCELLED);
	add(9, FREE, CENTER_A, "2021-03-31", STATUS_PLANNED);
	run(2021, "2021-10-04", NULL);
	IS_INT(count_kind(CHECK_CASES_MISSING), 1, "one held meeting lacks "
	    "its cases");
	f = find(CHECK_CASES_MISSING, CENTER_OLD, KOBETSU);
	OK(f != NULL && f->meeting_ids[0] == 1, "the held 個別 without "
	    "cases (a retired center's meetings are still checked)");
	IS_STR(message_of(f), "held, but the number of cases is not "
	    "recorded", "its message");
	IS_INT(count_kind(CHECK_STALE_PLANNED), 2, "two planned meetings "
	    "have passed");
	f = find(CHECK_STALE_PLANNED, CENTER_OLD, KOBETSU);
	OK(f != NULL && f->meeting_ids[0] == 2, "the planned 個別 of "
	    "2021-09-02");
	f = find(CHECK_STALE_PLANNED, CENTER_A, FREE);
	OK(f != NULL && f->meeting_ids[0] == 5, "and 2021-10-01; not today's "
	    "nor one of the fiscal year before");
	IS_STR(message_of(f), "still marked planned, but the date has passed: "
	    "mark it held or cancelled", "its message");
	IS_INT(findings.count, 3, "nothing else");
	IS_STR(check_kind_code(CHECK_CASES_MISSING), "cases-missing",
	    "the kinds have ASCII codes");
	IS_STR(check_kind_code(CHECK_WINDOW_GAP), "window-gap",
	    "window-gap's");
	IS_STR(check_kind_code(CHECK_KIND_COUNT), "?", "out of range: ?");
	IS_STR(check_kind_label(CHECK_TARGET_LOW), "below the target",
	    "and words for a printout (translated; C here)");
	IS_STR(check_kind_label(CHECK_KIND_COUNT), "?", "out of range: ?");
}

static void
test_order(void)
{
	static const struct {
		enum check_kind	 kind;
		long		 center, type, id;
	} want[] = {
		{ CHECK_TARGET_LOW, 0, CITY, 0 },
		{ CHECK_TARGET_LOW, CENTER_A, SUISHIN, 0 },
		{ CHECK_TARGET_LOW, CENTER_B, SUISHIN, 0 },
		{ CHECK_TARGET_LOW, CENTER_B, KOBETSU, 0 },
		{ CHECK_STALE_PLANNED, CENTER_A, FREE, 3 },
		{ CHECK_CASES_MISSING, CENTER_A, KOBETSU, 2 },
		{ CHECK_NON_WORKING_DAY, CENTER_A, KOBETSU, 4 },
		{ CHECK_NON_WORKING_DAY, CENTER_B, FREE, 1 },
	};
	const struct finding	*f;
	struct closure		 c;
	struct error		 err;
	size_t			 i;

	closure_parse(CLOSURE_DEFAULT, &c, &err);
	reset();
	add(1, FREE, CENTER_B, "2021-12-29", STATUS_HELD);
	add(2, KOBETSU, CENTER_A, "2021-05-10", STATUS_HELD);
	add(3, FREE, CENTER_A, "2021-05-07", STATUS_PLANNED);
	add(4, KOBETSU, CENTER_A, "2021-12-29", STATUS_HELD)->cases = 1;
	run(2021, "2022-04-01", &c);
	IS_INT(findings.count, sizeof want / sizeof want[0],
	    "a plan with one finding of each sort");
	for (i = 0; i < findings.count && i < sizeof want / sizeof want[0];
	    i++) {
		f = &findings.items[i];
		OK(f->kind == want[i].kind && f->center_id ==
		    want[i].center && f->type_id == want[i].type &&
		    f->meeting_ids[0] == want[i].id, "finding %zu: %s", i + 1,
		    check_kind_code(want[i].kind));
	}
	finding_list_free(&findings);
	IS_INT(findings.count, 0, "finding_list_free empties the list");
	OK(findings.items == NULL, "and frees the array");
}

int
main(void)
{
	catalog_build();
	meeting_list_init(&meetings);
	finding_list_init(&findings);
	test_closure();
	test_workday();
	test_targets();
	test_target_words();
	test_working_days();
	test_clashes();
	test_windows();
	test_records();
	test_order();
	meeting_list_free(&meetings);
	catalog_free(&catalog);
	return tap_done();
}
