/*
 * test-case.c -- case references (what is refused as possibly personal),
 * stages, the intervals of follow-ups and when they fall due, which
 * meeting can take each, and the checks followup-due and over-capacity.
 */
#include <stdio.h>
#include <string.h>

#include "case.h"
#include "check.h"
#include "followup.h"
#include "tap.h"

enum { CENTER_A = 1, CENTER_B = 2 };
enum { SUISHIN = 10, KOBETSU = 11, JIRITSU = 12 };

static struct catalog		catalog;
static struct meeting_list	meetings;
static struct case_list		reviews;
static struct followup_list	pending;

static void
catalog_build(void)
{
	struct center		c = { 0 };
	struct meeting_type	t = { 0 };

	catalog_init(&catalog);
	c.id = CENTER_A, c.name = "北", c.position = 1;
	catalog_add_center(&catalog, &c);
	c.id = CENTER_B, c.name = "南", c.position = 2;
	catalog_add_center(&catalog, &c);
	t.id = SUISHIN, t.code = "suishin", t.name = "推進会議";
	t.level = LEVEL_REGIONAL, t.target_min = t.target_max = -1;
	t.position = 1;
	catalog_add_type(&catalog, &t);
	t.id = KOBETSU, t.code = "kobetsu", t.name = "個別ケース会議";
	t.counts_cases = 1, t.capacity = 4, t.position = 2;
	catalog_add_type(&catalog, &t);
	t.id = JIRITSU, t.code = "jiritsu", t.name = "自立支援型会議";
	t.capacity = 0, t.position = 3;
	catalog_add_type(&catalog, &t);
}

static struct date
day(const char *s)
{
	struct date	d = { 0, 0, 0 };
	struct error	err;

	if (date_parse(s, &d, &err) == -1)
		printf("# bad date in the test: %s\n", s);
	return d;
}

static struct meeting *
meeting(long id, long type, long center, const char *date,
    enum meeting_status status)
{
	struct meeting	*m = meeting_list_add(&meetings);

	m->id = id;
	m->type_id = type;
	m->center_id = center;
	m->date = day(date);
	m->status = status;
	return m;
}

/* A review of ref at meeting id, which must be in meetings already. */
static void
review(const char *ref, long id, enum case_stage stage)
{
	struct case_review	*r = case_list_add(&reviews);
	size_t			 i;

	snprintf(r->ref, sizeof r->ref, "%s", ref);
	r->id = (long)reviews.count;
	r->meeting_id = id;
	r->stage = stage;
	for (i = 0; i < meetings.count; i++)
		if (meetings.items[i].id == id) {
			r->date = meetings.items[i].date;
			r->type_id = meetings.items[i].type_id;
			r->center_id = meetings.items[i].center_id;
			r->status = meetings.items[i].status;
		}
}

static const struct followup *
find(const char *ref, enum case_stage stage)
{
	size_t	i;

	for (i = 0; i < pending.count; i++)
		if (strcmp(pending.items[i].ref, ref) == 0 &&
		    pending.items[i].stage == stage)
			return &pending.items[i];
	return NULL;
}

static void
accepted(const char *in, const char *want)
{
	struct error	err;
	char		out[CASE_REF_SIZE];
	int		rc = case_ref_parse(in, out, &err);

	IS_INT(rc, 0, "'%s' is a reference", in);
	if (rc == 0)
		IS_STR(out, want, "'%s' reads as '%s'", in, want);
}

static void
refused(const char *in, const char *why, const char *message)
{
	struct error	err;
	char		out[CASE_REF_SIZE];

	err.msg[0] = '\0';
	OK(case_ref_parse(in, out, &err) == -1 && err.kind == ERROR_INPUT,
	    "%s is refused", why);
	OK(strstr(err.msg, message) != NULL, "%s: saying '%s'", why, message);
	OK(out[0] == '\0', "%s: nothing is given back", why);
}

static void
test_references(void)
{
	accepted("2021-015", "2021-015");
	accepted("r3-15", "R3-15");
	accepted("K12", "K12");
	accepted("IK-2021/07", "IK-2021/07");
	accepted("No.15", "NO.15");
	accepted("123456789", "123456789");
	accepted("2021-15-3", "2021-15-3");
	accepted("A-1.B-2", "A-1.B-2");

	refused("", "an empty reference", "may not be empty");
	refused("２０２１－０１５", "full-width digits", "full-width");
	refused("2021－015", "a full-width hyphen", "full-width");
	refused("Ｋ12", "a full-width letter", "full-width");
	refused("山田太郎", "a name in kanji", "never a name");
	refused("やまだ1", "a name in kana", "never a name");
	refused("ヤマダ", "a name in katakana", "never a name");
	refused("ﾀﾅｶ", "a name in half-width katakana", "never a name");
	refused("Tanaka", "a name in romaji", "more than 3 letters");
	refused("tanaka3", "a name with a digit", "more than 3 letters");
	refused("Ito", "a short word with no digit", "has no digit");
	refused("2021 015", "a space", "has a space");
	refused("2021_015", "an underscore", "may not be used");
	refused("2021\n015", "a line end", "may not be used");
	refused("1\x1b[31m", "an escape sequence", "may not be used");
	refused("2021\xff", "a byte that is not UTF-8", "may not be used");
	refused("090-1234-5678", "a mobile number", "telephone");
	refused("03-1234-5678", "a telephone number", "telephone");
	refused("1234567890", "an insurance number", "telephone");
	refused("1234-5678-9012", "a My Number", "My Number");
	refused("1948-03-15", "a date of birth", "date of birth");
	refused("1948/3/15", "a date of birth with slashes", "date of birth");
	refused("19480315", "a date of birth as digits", "date of birth");
	refused("S23.3.15", "a date of birth in an era", "date of birth");
	refused("s230315", "an era date as digits", "date of birth");
	refused("S.23.3.15", "an era date with a dot", "date of birth");
	refused("2021--015", "two separators", "one at a time");
	refused("-2021", "a leading separator", "one at a time");
	refused("2021.", "a trailing separator", "one at a time");
	refused("12345-67-ABC-1234", "more than 16 characters",
	    "longer than 16");
}

static void
test_stages(void)
{
	static const char	*codes[] = { "initial", "interim", "final" };
	static const char	*words[] = { "初回", "中間", "終了前" };
	enum case_stage		 s;
	struct error		 err;
	int			 i;
	char			 buf[32];

	for (i = 0; i < CASE_STAGE_COUNT; i++) {
		OK(case_stage_parse(codes[i], &s, &err) == 0 && (int)s == i,
		    "stage %s", codes[i]);
		OK(case_stage_parse(words[i], &s, &err) == 0 && (int)s == i,
		    "stage %s", words[i]);
		snprintf(buf, sizeof buf, "%s会議", words[i]);
		OK(case_stage_parse(buf, &s, &err) == 0 && (int)s == i,
		    "stage %s", buf);
		IS_STR(case_stage_code((enum case_stage)i), codes[i],
		    "code of %s", words[i]);
		IS_STR(case_stage_label((enum case_stage)i), words[i],
		    "label of %s", codes[i]);
	}
	OK(case_stage_parse("中間会議x", &s, &err) == -1, "中間会議x is no stage");
	OK(case_stage_parse("2", &s, &err) == -1, "2 is no stage");
}

static void
interval_is(const char *in, const char *want)
{
	struct followup_interval	i;
	struct error			err;
	char				buf[FOLLOWUP_INTERVAL_LEN];

	if (followup_interval_parse(in, &i, &err) == -1) {
		OK(0, "interval %s", in);
		printf("#   %s\n", err.msg);
		return;
	}
	followup_interval_format(&i, buf, sizeof buf);
	IS_STR(buf, want, "interval %s is %s", in, want);
}

static void
test_intervals(void)
{
	struct followup_interval	i;
	struct followup_rules		r;
	struct error			err;
	char				buf[32];

	interval_is("1m", "1m");
	interval_is("1カ月", "1m");
	interval_is("3か月", "3m");
	interval_is("2ヶ月間", "2m");
	interval_is("6w", "6w");
	interval_is("2週間", "2w");
	interval_is("45d", "45d");
	interval_is("10日", "10d");
	interval_is("731d", "731d");
	interval_is("24m", "24m");
	OK(followup_interval_parse("0m", &i, &err) == -1, "0m is refused");
	OK(followup_interval_parse("m", &i, &err) == -1, "m is refused");
	OK(followup_interval_parse("1y", &i, &err) == -1, "1y is refused");
	OK(followup_interval_parse("1 m", &i, &err) == -1, "1 m is refused");
	OK(followup_interval_parse("732d", &i, &err) == -1 &&
	    strstr(err.msg, "two years") != NULL, "732d: over two years");
	OK(followup_interval_parse("25m", &i, &err) == -1, "25m is refused");
	OK(followup_interval_parse("99999999999d", &i, &err) == -1,
	    "a huge number is refused");
	followup_interval_parse("6w", &i, NULL);
	followup_interval_words(&i, buf, sizeof buf);
	IS_STR(buf, "6週間", "6w in words");

	followup_rules_default(&r);
	OK(followup_rules_check(&r, &err) == 0, "the defaults hold");
	followup_interval_format(&r.interim, buf, sizeof buf);
	IS_STR(buf, "1m", "中間 a month after the 初回 by default (seed)");
	followup_interval_format(&r.final, buf, sizeof buf);
	IS_STR(buf, "3m", "終了前 three months after by default");
	followup_interval_parse("13w", &r.final, NULL);
	OK(followup_rules_check(&r, &err) == 0, "1m then 13w holds");
	followup_interval_parse("4w", &r.final, NULL);
	OK(followup_rules_check(&r, &err) == -1, "1m then 4w is refused");
	followup_interval_parse("30d", &r.interim, NULL);
	followup_interval_parse("1m", &r.final, NULL);
	OK(followup_rules_check(&r, &err) == 0, "30d then 1m holds");

	OK(followup_types_parse("kobetsu,jiritsu", &catalog, buf, sizeof buf,
	    &err) == 0, "types kobetsu,jiritsu");
	IS_STR(buf, "kobetsu,jiritsu", "kept as given");
	OK(followup_types_parse("-", &catalog, buf, sizeof buf, &err) == 0 &&
	    buf[0] == '\0', "types -: none");
	OK(followup_types_parse("nosuch", &catalog, buf, sizeof buf,
	    &err) == -1 && strstr(err.msg, "no type 'nosuch'") != NULL,
	    "an unknown type is refused");
	OK(followup_types_parse("suishin", &catalog, buf, sizeof buf,
	    &err) == -1 && strstr(err.msg, "does not count cases") != NULL,
	    "a type that counts no cases is refused");
	OK(followup_types_parse("kobetsu,,jiritsu", &catalog, buf, sizeof buf,
	    &err) == -1, "an empty code is refused");
	OK(followup_types_parse("Kobetsu", NULL, buf, sizeof buf, &err) == -1,
	    "a code in upper case is refused");
}

static void
due_is(const char *initial, const char *interval, enum case_stage stage,
    const char *want)
{
	struct followup_rules	r;
	struct date		d;
	char			buf[DATE_ISO_LEN];

	followup_rules_default(&r);
	followup_interval_parse(interval, stage == STAGE_INTERIM ?
	    &r.interim : &r.final, NULL);
	d = followup_due(&r, stage, day(initial));
	date_format_iso(d, buf, sizeof buf);
	IS_STR(buf, want, "%s after %s: %s", interval, initial, want);
}

static void
test_due(void)
{
	char	buf[DATE_ISO_LEN];

	date_format_iso(date_add_months(day("2021-01-31"), 1), buf,
	    sizeof buf);
	IS_STR(buf, "2021-02-28", "a month after 1-31 is the month's end");
	date_format_iso(date_add_months(day("2020-01-31"), 1), buf,
	    sizeof buf);
	IS_STR(buf, "2020-02-29", "in a leap year too");
	date_format_iso(date_add_months(day("2021-12-31"), 1), buf,
	    sizeof buf);
	IS_STR(buf, "2022-01-31", "over the year's end");
	date_format_iso(date_add_months(day("2021-03-15"), -3), buf,
	    sizeof buf);
	IS_STR(buf, "2020-12-15", "and back");
	due_is("2021-07-27", "1m", STAGE_INTERIM, "2021-08-27");
	due_is("2021-07-27", "3m", STAGE_FINAL, "2021-10-27");
	due_is("2021-07-27", "6w", STAGE_INTERIM, "2021-09-07");
	due_is("2021-07-27", "45d", STAGE_FINAL, "2021-09-10");
	due_is("2021-11-30", "3m", STAGE_FINAL, "2022-02-28");
}

/*
 * Case X's 初回 at 北's 個別 on 7/27; the meetings around it, of which
 * only some can take its 中間 and 終了前.
 */
static void
build_cases(void)
{
	meeting(1, KOBETSU, CENTER_A, "2021-07-27", STATUS_HELD);
	meeting(2, KOBETSU, CENTER_A, "2021-08-20", STATUS_PLANNED);
	meeting(3, KOBETSU, CENTER_A, "2021-10-20", STATUS_PLANNED);
	meeting(4, KOBETSU, CENTER_B, "2021-08-10", STATUS_PLANNED);
	meeting(5, JIRITSU, CENTER_A, "2021-08-05", STATUS_PLANNED);
	meeting(6, KOBETSU, CENTER_A, "2021-08-06", STATUS_CANCELLED);
	meeting(7, KOBETSU, CENTER_A, "2021-07-20", STATUS_CANCELLED);
	meeting(8, KOBETSU, CENTER_B, "2021-12-01", STATUS_HELD);
	meeting(9, KOBETSU, CENTER_B, "2021-06-01", STATUS_HELD);
	meeting(10, KOBETSU, CENTER_B, "2021-07-01", STATUS_HELD);
	meeting(11, KOBETSU, CENTER_B, "2022-02-10", STATUS_PLANNED);
	review("X", 1, STAGE_INITIAL);
	/* Y: 初回 and 中間 recorded; the 終了前 comes after the 中間 */
	review("Y", 1, STAGE_INITIAL);
	review("Y", 2, STAGE_INTERIM);
	/* Z: done with its 終了前 */
	review("Z", 9, STAGE_INITIAL);
	review("Z", 10, STAGE_FINAL);
	/* W: a 中間 with no 初回 sets nothing */
	review("W", 2, STAGE_INTERIM);
	/* V: a 初回 at a cancelled meeting did not happen */
	review("V", 7, STAGE_INITIAL);
	/* U: 初回 on 12/1 at 南, whose next 個別 is 2/10 */
	review("U", 8, STAGE_INITIAL);
}

static void
test_pending(void)
{
	const struct followup	*f;
	struct followup_rules	 rules;
	char			 buf[DATE_ISO_LEN];

	followup_rules_default(&rules);
	build_cases();
	followup_pending(&reviews, &meetings, &catalog, &rules, &pending);
	IS_INT(pending.count, 5, "X, Y and U need follow-ups: 5 of them");
	f = find("X", STAGE_INTERIM);
	OK(f != NULL && f->meeting_id == 2, "X's 中間 at the next 個別 of "
	    "its center, not the other center's or a cancelled one");
	if (f != NULL) {
		date_format_iso(f->due, buf, sizeof buf);
		IS_STR(buf, "2021-08-27", "due a month after the 初回");
		date_format_iso(f->from, buf, sizeof buf);
		IS_STR(buf, "2021-07-28", "from the day after it");
		IS_INT(f->initial_meeting_id, 1, "the 初回's meeting");
		IS_INT(f->center_id, CENTER_A, "at the 初回's center");
		IS_INT(f->type_id, KOBETSU, "of the 初回's type");
	}
	f = find("X", STAGE_FINAL);
	OK(f != NULL && f->meeting_id == 3, "X's 終了前 at 10/20, after the "
	    "中間 falls due: not the meeting the 中間 takes");
	f = find("Y", STAGE_FINAL);
	OK(f != NULL && f->meeting_id == 3, "Y's 終了前 after its 中間");
	if (f != NULL) {
		date_format_iso(f->from, buf, sizeof buf);
		IS_STR(buf, "2021-08-21", "from the day after the 中間");
	}
	OK(find("Y", STAGE_INTERIM) == NULL, "Y's 中間 is recorded");
	OK(find("Z", STAGE_INTERIM) == NULL && find("Z", STAGE_FINAL) == NULL,
	    "Z, with its 終了前 recorded, needs nothing");
	OK(find("W", STAGE_FINAL) == NULL, "W, with no 初回, needs nothing");
	OK(find("V", STAGE_INTERIM) == NULL, "V's 初回 was cancelled");
	f = find("U", STAGE_INTERIM);
	OK(f != NULL && !f->has_meeting, "U's 中間 (by 1/1) has no meeting");
	f = find("U", STAGE_FINAL);
	OK(f != NULL && f->meeting_id == 11, "U's 終了前 (by 3/1) has 2/10");
	IS_STR(pending.items[0].ref, "X", "by due date: X's 中間 first");
	IS_STR(pending.items[pending.count - 1].ref, "U",
	    "U's 終了前 last");

	/* another type named by the rules takes follow-ups too */
	followup_list_free(&pending);
	snprintf(rules.types, sizeof rules.types, "jiritsu");
	followup_pending(&reviews, &meetings, &catalog, &rules, &pending);
	f = find("X", STAGE_INTERIM);
	OK(f != NULL && f->meeting_id == 5, "with followup-types jiritsu, "
	    "X's 中間 at the earlier 自立");
}

static void
test_checks(void)
{
	struct check_input	 in;
	struct finding_list	 found;
	const struct finding	*f = NULL;
	struct followup_rules	 rules;
	size_t			 i, due = 0, over = 0;
	char			 buf[DATE_ISO_LEN];

	followup_rules_default(&rules);
	followup_list_free(&pending);
	followup_pending(&reviews, &meetings, &catalog, &rules, &pending);
	meetings.items[1].cases = 5;		/* 個別, capacity 4 */
	meetings.items[2].cases = 4;
	meetings.items[4].cases = 9;		/* 自立, no capacity */
	memset(&in, 0, sizeof in);
	in.catalog = &catalog;
	in.meetings = &meetings;
	in.fiscal_year = 2021;
	in.today = day("2021-07-01");
	in.followups = &pending;
	finding_list_init(&found);
	check_run(&in, &found);
	for (i = 0; i < found.count; i++) {
		if (found.items[i].kind == CHECK_FOLLOWUP_DUE) {
			due++;
			f = &found.items[i];
		}
		if (found.items[i].kind == CHECK_OVER_CAPACITY)
			over++;
	}
	IS_INT(due, 1, "one follow-up has no meeting: U's 中間");
	if (f != NULL) {
		date_format_iso(f->date, buf, sizeof buf);
		IS_STR(buf, "2022-01-01", "on the day it is due");
		IS_INT(f->meeting_ids[0], 8, "shown with the 初回's meeting");
		IS_INT(f->center_id, CENTER_B, "at its center");
		OK(strstr(f->message, "case U: its 中間 is due by 令和4年1月1日"
		    "(土)") != NULL, "saying which case and stage: %s",
		    f->message);
	}
	IS_INT(over, 1, "one meeting over its type's capacity");
	IS_STR(check_kind_code(CHECK_FOLLOWUP_DUE), "followup-due", "code");
	IS_STR(check_kind_code(CHECK_OVER_CAPACITY), "over-capacity", "code");
	finding_list_free(&found);
	in.fiscal_year = 2022;
	check_run(&in, &found);
	for (i = due = 0; i < found.count; i++)
		due += found.items[i].kind == CHECK_FOLLOWUP_DUE;
	IS_INT(due, 0, "none due in 2022");
	finding_list_free(&found);
	in.fiscal_year = 2021;
	in.followups = NULL;
	check_run(&in, &found);
	for (i = due = 0; i < found.count; i++)
		due += found.items[i].kind == CHECK_FOLLOWUP_DUE;
	IS_INT(due, 0, "no follow-ups given, none checked");
	finding_list_free(&found);
}

/* plan asks the same of the meetings it drafts, not stored yet (id 0) */
static void
test_draft(void)
{
	const struct followup	*f;
	struct followup_rules	 rules;
	char			 buf[DATE_ISO_LEN];

	followup_rules_default(&rules);
	meeting(0, KOBETSU, CENTER_B, "2021-12-20", STATUS_PLANNED);
	followup_list_free(&pending);
	followup_pending(&reviews, &meetings, &catalog, &rules, &pending);
	f = find("U", STAGE_INTERIM);
	OK(f != NULL && f->has_meeting && f->meeting_id == 0,
	    "a draft meeting (id 0) takes U's 中間");
	if (f != NULL) {
		date_format_iso(f->meeting_date, buf, sizeof buf);
		IS_STR(buf, "2021-12-20", "on its date");
		OK(followup_meeting_suits(&rules, &catalog, f,
		    &meetings.items[meetings.count - 1]),
		    "followup_meeting_suits says so of it");
		OK(!followup_meeting_suits(&rules, &catalog, f,
		    &meetings.items[0]), "and not of the 初回's meeting");
	}
}

int
main(void)
{
	catalog_build();
	meeting_list_init(&meetings);
	case_list_init(&reviews);
	followup_list_init(&pending);
	test_references();
	test_stages();
	test_intervals();
	test_due();
	test_pending();
	test_checks();
	test_draft();
	followup_list_free(&pending);
	case_list_free(&reviews);
	meeting_list_free(&meetings);
	catalog_free(&catalog);
	return tap_done();
}
