/*
 * test-advisor.c -- the advisors and what types say of how they are
 * scheduled: professions and summons as written, weekdays and dates
 * unavailable, lengths, the profile's scheduling lines, the calendar of
 * bookings (who is free for a meeting), and the three advisor checks.
 */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include "advisor-calendar.h"
#include "check.h"
#include "profile.h"
#include "tap.h"

enum { CENTER_A = 1, CENTER_B = 2 };
enum { KOBETSU = 11, JIRITSU = 12 };
enum { PT = 1, RD = 2, DH = 3, OLD = 4 };

static struct catalog		catalog;
static struct meeting_list	meetings;
static struct advisor_list	advisors;
static struct assignment_list	assignments;
static struct finding_list	findings;

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
test_summons(void)
{
	struct summons	 s;
	struct error	 err;
	char		*out, buf[256];

	IS_INT(type_summons_normalize(" リハビリ専門職 | 理学療法士 、管理栄養士,"
	    "歯科衛生士", &out, &err), 0, "a summons as users write it");
	IS_STR(out, "リハビリ専門職|理学療法士,管理栄養士,歯科衛生士",
	    "is stored with ',' and '|', spaces gone");
	summons_parse(out, &s);
	IS_INT(s.count, 3, "three needs");
	IS_STR(s.count > 0 ? s.needs[0].label : NULL, "リハビリ専門職",
	    "a need is called by its first name");
	OK(s.count > 0 && summons_need_accepts(&s.needs[0], "理学療法士") &&
	    !summons_need_accepts(&s.needs[0], "管理栄養士"),
	    "an alternative meets the need, another profession does not");
	summons_format(&s, buf, sizeof buf);
	IS_STR(buf, "リハビリ専門職, 管理栄養士, 歯科衛生士", "the needs in words");
	summons_free(&s);
	free(out);
	IS_INT(type_summons_normalize("-", &out, &err), 0, "- is none");
	OK(out == NULL, "stored as NULL");
	IS_INT(type_summons_normalize("医師,,薬剤師", &out, &err), -1,
	    "an empty name between ',' is refused");
	IS_INT(type_summons_normalize("医\x1b[31m師", &out, &err), -1,
	    "a control character is refused");
	IS_INT(profession_validate("理学療法士|作業療法士", &err), -1,
	    "a profession holds no '|'");
}

static void
test_weekdays_and_dates(void)
{
	struct error	 err;
	struct date	*days;
	size_t		 n;
	unsigned	 w;
	char		 buf[64];

	IS_INT(advisor_weekdays_parse("月火水木金", &w, &err), 0, "月火水木金");
	IS_INT(w, 0x3e, "is Monday to Friday");
	IS_INT(advisor_weekdays_parse("月曜日、水曜日", &w, &err), 0,
	    "月曜日、水曜日 (the 日 of 曜日 is no Sunday)");
	IS_INT(w, (1 << 1) | (1 << 3), "is Monday and Wednesday");
	IS_INT(advisor_weekdays_parse("mon-fri", &w, &err), 0, "mon-fri");
	IS_INT(w, 0x3e, "is Monday to Friday too");
	IS_INT(advisor_weekdays_parse("Sat,sun", &w, &err), 0, "Sat,sun");
	advisor_weekdays_format(w, buf, sizeof buf);
	IS_STR(buf, "土日", "printed Monday first: 土日");
	IS_INT(advisor_weekdays_parse("月x", &w, &err), -1, "月x is refused");
	IS_INT(advisor_weekdays_parse("", &w, &err), -1, "no day is refused");
	IS_INT(advisor_dates_parse("2021-08-10..2021-08-12,R3.8.11,令和3年9月1日",
	    &days, &n, &err), 0, "a range, a date inside it and another");
	IS_INT(n, 4, "four days, none twice");
	OK(n == 4 && date_compare(days[3], day("2021-09-01")) == 0,
	    "in order");
	free(days);
	IS_INT(advisor_dates_parse("2021-08-12..2021-08-10", &days, &n,
	    &err), -1, "a range backwards is refused");
	IS_INT(advisor_dates_parse("2021-02-30", &days, &n, &err), -1,
	    "no such day is refused");
}

static void
test_lengths(void)
{
	struct error	err;
	int		m = 0;

	IS_INT(type_length_parse("1.5h", &m, &err), 0, "1.5h");
	IS_INT(m, 90, "is 90 minutes");
	IS_INT(type_length_parse("90", &m, &err), 0, "90");
	IS_INT(m, 90, "is 90 minutes too");
	IS_INT(type_length_parse("2時間", &m, &err), 0, "2時間");
	IS_INT(m, 120, "is 120 minutes");
	IS_INT(type_length_parse("1.5", &m, &err), -1,
	    "1.5 (minutes?) is refused");
	IS_INT(type_length_parse("25h", &m, &err), -1, "25h is refused");
	IS_INT(type_length_or_default(NULL), 90, "no type: 90 minutes");
}

/* A profile file with the scheduling lines, and bad ones. */
static void
test_profile(void)
{
	struct profile		 p;
	struct error		 err;
	char			 path[] = "/tmp/carecal-test-profile.XXXXXX";
	const struct meeting_type *t;
	FILE			*fp;
	int			 fd;

	if ((fd = mkstemp(path)) == -1 || (fp = fdopen(fd, "w")) == NULL) {
		OK(0, "a temporary profile");
		return;
	}
	fputs("city\tテスト市\n"
	    "type\tyoshien\t要支援\t要支援\tregional\t12\t12\tcases\n"
	    "length\tyoshien\t1.5h\n"
	    "capacity\tyoshien\t3\tlecture\n"
	    "cadence\tyoshien\tmonthly\n"
	    "summons\tyoshien\t医師\t歯科医師|歯科医\t薬剤師\n"
	    "advisor-day\tone-center\n"
	    "center\t東\n", fp);
	fclose(fp);
	IS_INT(profile_load(path, "t", &p, &err), 0, "a profile with "
	    "length, capacity, cadence, summons and advisor-day");
	t = catalog_type_by_code(&p.catalog, "yoshien");
	OK(t != NULL && t->length == 90 && t->capacity == 3 && t->lecture &&
	    t->cadence == CADENCE_MONTHLY, "90 minutes, 3 cases and a "
	    "lecture, monthly");
	IS_STR(t != NULL ? t->summons : NULL, "医師,歯科医師|歯科医,薬剤師",
	    "the summons, a profession a field");
	IS_INT(p.one_center_a_day, 1, "one center a day");
	profile_free(&p);
	fp = fopen(path, "w");
	fputs("city\tテスト市\nlength\tnone\t90\n"
	    "type\tyoshien\t要支援\t要支援\tregional\t12\t12\tcases\n", fp);
	fclose(fp);
	IS_INT(profile_load(path, "t", &p, &err), -1,
	    "a length before its type is refused");
	OK(strstr(err.msg, ":2: ") != NULL && strstr(err.msg, "none") != NULL,
	    "naming the line and the code");
	fp = fopen(path, "w");
	fputs("city\tテスト市\n"
	    "type\tyoshien\t要支援\t要支援\tregional\t12\t12\t-\n"
	    "capacity\tyoshien\t4\n", fp);
	fclose(fp);
	IS_INT(profile_load(path, "t", &p, &err), -1,
	    "a capacity on a type that counts no cases is refused");
	unlink(path);
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
	t.id = KOBETSU, t.code = "kobetsu", t.name = "地域個別ケア会議";
	t.short_name = "個別", t.level = LEVEL_REGIONAL;
	t.target_min = t.target_max = -1, t.counts_cases = 1;
	t.position = 1;
	catalog_add_type(&catalog, &t);
	t.id = JIRITSU, t.code = "jiritsu", t.name = "自立支援型個別ケア会議";
	t.short_name = "自立", t.length = 120, t.position = 2;
	t.summons = "リハビリ専門職|理学療法士,管理栄養士,歯科衛生士";
	catalog_add_type(&catalog, &t);
}

static void
advisor_build(long id, const char *name, const char *profession,
    unsigned weekdays)
{
	struct advisor	*a = advisor_list_add(&advisors);

	a->id = id;
	a->name = strdup(name);
	a->profession = strdup(profession);
	a->weekdays = weekdays;
}

static struct meeting *
add(long id, long type, long center, const char *date, int start, int end,
    enum meeting_status status)
{
	struct meeting	*m = meeting_list_add(&meetings);

	m->id = id;
	m->type_id = type;
	m->center_id = center;
	m->date = day(date);
	m->start = start;
	m->end = end;
	m->status = status;
	return m;
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
first_kind(enum check_kind kind)
{
	size_t	i;

	for (i = 0; i < findings.count; i++)
		if (findings.items[i].kind == kind)
			return &findings.items[i];
	return NULL;
}

static void
run(const char *today, int horizon, int one_center)
{
	struct check_input	in;

	finding_list_free(&findings);
	memset(&in, 0, sizeof in);
	in.catalog = &catalog;
	in.meetings = &meetings;
	in.fiscal_year = 2021;
	in.today = day(today);
	in.advisors = &advisors;
	in.assignments = &assignments;
	in.horizon = horizon;
	in.one_center_a_day = one_center;
	check_run(&in, &findings);
}

/*
 * 青木 (理学療法士, 火 only), 石田 (管理栄養士), 上野 (歯科衛生士), and a
 * retired 管理栄養士; 2021-09-14 is a Tuesday.
 */
static void
test_calendar(void)
{
	struct advisor_calendar	 cal;
	struct meeting		*m, probe;
	size_t			 free_ones[8], n;
	long			 other;
	struct summons		 s;

	catalog_build();
	advisor_list_init(&advisors);
	assignment_list_init(&assignments);
	meeting_list_init(&meetings);
	advisor_build(PT, "青木", "理学療法士", 1 << 2);
	advisor_build(RD, "石田", "管理栄養士", ADVISOR_WEEKDAYS_DEFAULT);
	advisor_build(DH, "上野", "歯科衛生士", ADVISOR_WEEKDAYS_DEFAULT);
	advisor_build(OLD, "旧", "管理栄養士", ADVISOR_WEEKDAYS_DEFAULT);
	advisors.items[3].retired = 1;
	advisor_set_unavailable(&advisors.items[2], day("2021-09-21"), 1);
	/* 13:30, no end: a jiritsu lasts 120 minutes, to 15:30 */
	add(1, JIRITSU, CENTER_A, "2021-09-14", 13 * 60 + 30, -1,
	    STATUS_PLANNED);
	assignment_list_add(&assignments, 1, PT);
	advisor_calendar_init(&cal, &advisors, &catalog, 0);
	advisor_calendar_add_all(&cal, &assignments, &meetings);

	meeting_init(&probe);
	probe.type_id = KOBETSU;
	probe.center_id = CENTER_B;
	probe.date = day("2021-09-14");
	probe.start = 15 * 60;
	probe.end = 16 * 60;
	IS_INT(advisor_calendar_state(&cal, 0, &probe, &other), ADVISOR_BUSY,
	    "15:00 overlaps the 13:30 meeting with no end (its type's 2 h)");
	IS_INT(other, 1, "naming the meeting in the way");
	probe.start = 15 * 60 + 30;
	IS_INT(advisor_calendar_state(&cal, 0, &probe, &other), ADVISOR_FREE,
	    "15:30 does not");
	cal.one_center_a_day = 1;
	IS_INT(advisor_calendar_state(&cal, 0, &probe, &other),
	    ADVISOR_ELSEWHERE, "unless an advisor goes to one center a day");
	probe.center_id = CENTER_A;
	IS_INT(advisor_calendar_state(&cal, 0, &probe, &other), ADVISOR_FREE,
	    "the same center that day is fine");
	probe.start = probe.end = -1;
	IS_INT(advisor_calendar_state(&cal, 0, &probe, &other), ADVISOR_BUSY,
	    "a meeting with no time takes the whole day");
	cal.one_center_a_day = 0;
	probe.date = day("2021-09-15");
	IS_INT(advisor_calendar_state(&cal, 0, &probe, &other),
	    ADVISOR_OFF_WEEKDAY, "a Wednesday is not 青木's day");
	probe.date = day("2021-09-21");
	IS_INT(advisor_calendar_state(&cal, 2, &probe, &other),
	    ADVISOR_UNAVAILABLE, "上野 is unavailable on 9/21");
	IS_INT(advisor_calendar_state(&cal, 3, &probe, &other),
	    ADVISOR_RETIRED, "a retired advisor is never free");
	IS_INT(advisor_calendar_state(&cal, 0, &meetings.items[0], &other),
	    ADVISOR_FREE, "a meeting's own booking is not in its way");

	/* who can come to a 管理栄養士's need on 9/21 */
	summons_parse(catalog.types[1].summons, &s);
	probe.start = 10 * 60;
	probe.end = 11 * 60;
	n = advisor_calendar_free_for(&cal, &s.needs[1], &probe, free_ones);
	OK(n == 1 && free_ones[0] == 1, "the 管理栄養士 free on 9/21: 石田 "
	    "alone (the other one is retired)");
	probe.id = 99;
	advisor_calendar_add(&cal, 1, &probe);
	IS_INT(advisor_calendar_count(&cal, 1), 1, "a booking added");
	n = advisor_calendar_free_for(&cal, &s.needs[1], &probe, free_ones);
	IS_INT(n, 1, "the meeting's own booking is not counted");
	m = add(2, KOBETSU, CENTER_B, "2021-09-21", 10 * 60 + 30, 12 * 60,
	    STATUS_PLANNED);
	n = advisor_calendar_free_for(&cal, &s.needs[1], m, free_ones);
	IS_INT(n, 0, "and another meeting at that time finds nobody");
	summons_free(&s);
	meeting_clear(&probe);
	advisor_calendar_free(&cal);
}

/* The findings, on the advisors of test_calendar. */
static void
test_checks(void)
{
	const struct finding	*f;

	meeting_list_free(&meetings);
	meeting_list_init(&meetings);
	assignment_list_free(&assignments);
	/* 1: planned 9/14 (Tue) 13:30, no end; every need booked */
	add(1, JIRITSU, CENTER_A, "2021-09-14", 13 * 60 + 30, -1,
	    STATUS_PLANNED);
	assignment_list_add(&assignments, 1, PT);
	assignment_list_add(&assignments, 1, RD);
	assignment_list_add(&assignments, 1, DH);
	run("2021-09-01", 60, 0);
	IS_INT(findings.count, 0, "a meeting with every need booked: nothing");

	/* 2: 14:00 at the other center with 石田: overlaps (to 15:30) */
	add(2, KOBETSU, CENTER_B, "2021-09-14", 14 * 60, 15 * 60,
	    STATUS_HELD)->cases = 1;
	assignment_list_add(&assignments, 2, RD);
	run("2021-09-01", 60, 0);
	IS_INT(count_kind(CHECK_ADVISOR_CLASH), 1, "advisor-clash");
	f = first_kind(CHECK_ADVISOR_CLASH);
	OK(f != NULL && f->meeting_ids[0] == 2 && f->meeting_ids[1] == 1 &&
	    f->advisor_id == RD && strstr(f->message, "石田") != NULL,
	    "on the later meeting, naming the earlier and the advisor");
	/* 15:30 no longer overlaps, unless one center a day */
	meetings.items[1].start = 15 * 60 + 30;
	meetings.items[1].end = 16 * 60;
	run("2021-09-01", 60, 0);
	IS_INT(count_kind(CHECK_ADVISOR_CLASH), 0, "back to back: no clash");
	run("2021-09-01", 60, 1);
	IS_INT(count_kind(CHECK_ADVISOR_CLASH), 1,
	    "two centers on a day of one center: a clash");
	meetings.items[1].status = STATUS_CANCELLED;
	run("2021-09-01", 60, 1);
	IS_INT(count_kind(CHECK_ADVISOR_CLASH), 0,
	    "a cancelled meeting books nobody");

	/* availability: planned meetings only */
	add(3, JIRITSU, CENTER_B, "2021-09-15", -1, -1, STATUS_PLANNED);
	assignment_list_add(&assignments, 3, PT);
	assignment_list_add(&assignments, 3, RD);
	assignment_list_add(&assignments, 3, DH);
	run("2021-09-01", 60, 0);
	IS_INT(count_kind(CHECK_ADVISOR_UNAVAILABLE), 1,
	    "advisor-unavailable: 青木 on a Wednesday");
	f = first_kind(CHECK_ADVISOR_UNAVAILABLE);
	OK(f != NULL && f->meeting_ids[0] == 3 && f->advisor_id == PT &&
	    strstr(f->message, "火") != NULL, "naming the usual weekdays: %s",
	    f != NULL ? f->message : "");
	meetings.items[2].status = STATUS_HELD;
	meetings.items[2].cases = 2;
	run("2021-09-01", 60, 0);
	IS_INT(count_kind(CHECK_ADVISOR_UNAVAILABLE), 0,
	    "held: a fact, not a finding");

	/* missing: planned, within the horizon */
	add(4, JIRITSU, CENTER_B, "2021-10-19", -1, -1, STATUS_PLANNED);
	assignment_list_add(&assignments, 4, PT);
	run("2021-09-01", 60, 0);
	IS_INT(count_kind(CHECK_ADVISOR_MISSING), 1,
	    "advisor-missing within 60 days");
	f = first_kind(CHECK_ADVISOR_MISSING);
	OK(f != NULL && f->meeting_ids[0] == 4 && strstr(f->message,
	    "管理栄養士, 歯科衛生士") != NULL && strstr(f->message,
	    "リハビリ専門職") != NULL, "naming what is missing: %s",
	    f != NULL ? f->message : "");
	run("2021-09-01", 30, 0);
	IS_INT(count_kind(CHECK_ADVISOR_MISSING), 0,
	    "beyond a horizon of 30 days: not yet");
	run("2021-10-20", 60, 0);
	IS_INT(count_kind(CHECK_ADVISOR_MISSING), 0,
	    "past: not missing (stale-planned says what is wrong)");
	meetings.items[3].status = STATUS_HELD;
	meetings.items[3].cases = 1;
	run("2021-09-01", 60, 0);
	IS_INT(count_kind(CHECK_ADVISOR_MISSING), 0, "held: not missing");
	add(5, KOBETSU, CENTER_A, "2021-09-20", -1, -1, STATUS_PLANNED);
	run("2021-09-01", 60, 0);
	IS_INT(count_kind(CHECK_ADVISOR_MISSING), 0,
	    "a type that summons nobody: nothing missing");
}

int
main(void)
{
	test_summons();
	test_weekdays_and_dates();
	test_lengths();
	test_profile();
	test_calendar();
	test_checks();
	finding_list_free(&findings);
	meeting_list_free(&meetings);
	advisor_list_free(&advisors);
	assignment_list_free(&assignments);
	catalog_free(&catalog);
	return tap_done();
}
