/*
 * test-warnings.c -- what is said before one meeting is saved
 * (warnings.h): the day off, the clash by check's own rule, what an edit
 * already had; and the names a user types for a type or a center
 * (catalog_find_type, catalog_match_center).
 */
#include <stdio.h>
#include <string.h>

#include "check.h"
#include "tap.h"
#include "warnings.h"
#include "workday.h"

enum { MEI = 1, KOGANE = 2, KOGANEHARA = 3, MEI2W = 4, MEI2E = 5 };
enum { SUISHIN = 10, KOBETSU = 11, KOBETSU2 = 12, CITY = 20 };

static struct catalog	catalog;

static void
catalog_build(void)
{
	static const char	*names[] = { "明第1", "小金", "小金原",
				    "明第2西", "明第2東" };
	struct center		 c = { 0 };
	struct meeting_type	 t = { 0 };
	int			 i;

	catalog_init(&catalog);
	for (i = 0; i < 5; i++) {
		c.id = i + 1;
		c.name = (char *)names[i];
		c.position = i + 1;
		catalog_add_center(&catalog, &c);
	}
	t.id = SUISHIN, t.code = "suishin", t.name = "地域包括ケア推進会議";
	t.short_name = "推進", t.level = LEVEL_REGIONAL, t.position = 1;
	catalog_add_type(&catalog, &t);
	t.id = KOBETSU, t.code = "kobetsu", t.name = "地域個別ケア会議";
	t.short_name = "個別", t.position = 2;
	catalog_add_type(&catalog, &t);
	t.id = CITY, t.code = "city", t.name = "市地域ケア会議";
	t.short_name = "市", t.level = LEVEL_CITY, t.position = 3;
	catalog_add_type(&catalog, &t);
}

static struct meeting
at(long id, long type, long center, const char *date, int start, int end)
{
	struct meeting	m;
	struct error	err;

	meeting_init(&m);
	m.id = id;
	m.type_id = type;
	m.center_id = center;
	m.start = start;
	m.end = end;
	if (date_parse(date, &m.date, &err) == -1)
		printf("# bad date in the test: %s\n", date);
	return m;
}

static void
test_clash_rule(void)
{
	struct meeting	a, b;

	a = at(1, SUISHIN, MEI, "2021-12-14", 13 * 60, 14 * 60);
	b = at(2, KOBETSU, MEI, "2021-12-14", 13 * 60 + 30, 15 * 60);
	OK(check_meetings_clash(&a, &b) && check_meetings_clash(&b, &a),
	    "13:00-14:00 and 13:30-15:00 of one center clash, either way");
	b.start = 14 * 60;
	OK(!check_meetings_clash(&a, &b), "one that starts when the other "
	    "ends does not");
	b.start = -1;
	b.end = -1;
	OK(check_meetings_clash(&a, &b), "one without a time clashes");
	b.start = 13 * 60 + 59;
	OK(check_meetings_clash(&a, &b), "a start without an end is a "
	    "minute: 13:59 is inside 13:00-14:00");
	b.center_id = KOGANE;
	OK(!check_meetings_clash(&a, &b), "another center does not");
	a.center_id = b.center_id = 0;
	OK(!check_meetings_clash(&a, &b), "city-level meetings do not");
	a.center_id = b.center_id = MEI;
	b.status = STATUS_CANCELLED;
	OK(!check_meetings_clash(&a, &b), "a cancelled one does not");
	b.status = STATUS_PLANNED;
	b.date.day = 15;
	OK(!check_meetings_clash(&a, &b), "another day does not");
}

static const char *
only_message(const struct finding_list *w, enum check_kind kind)
{
	if (w->count != 1 || w->items[0].kind != kind)
		return NULL;
	return w->items[0].message;
}

static void
test_days_off(void)
{
	struct warnings_input	 in = { &catalog, NULL, NULL };
	struct finding_list	 w;
	struct closure		 closure;
	struct error		 err;
	struct meeting		 m;

	closure_parse(CLOSURE_DEFAULT, &closure, &err);
	in.closure = &closure;
	finding_list_init(&w);
	m = at(0, KOBETSU, MEI, "2021-12-12", -1, -1);
	warnings_find(&in, &m, &w);
	IS_STR(only_message(&w, CHECK_NON_WORKING_DAY),
	    "令和3年12月12日(日) is a Sunday", "a Sunday is named");
	IS_INT(w.items[0].meeting_ids[0], 0, "a new meeting has no id");
	IS_INT(w.items[0].fiscal_year, 2021, "in its fiscal year");
	finding_list_free(&w);
	m.date.day = 11;
	warnings_find(&in, &m, &w);
	IS_STR(only_message(&w, CHECK_NON_WORKING_DAY),
	    "令和3年12月11日(土) is a Saturday", "a Saturday is named");
	finding_list_free(&w);
	m = at(0, KOBETSU, MEI, "2021-11-23", -1, -1);
	warnings_find(&in, &m, &w);
	IS_STR(only_message(&w, CHECK_NON_WORKING_DAY),
	    "令和3年11月23日(火) is a national holiday (勤労感謝の日)",
	    "a holiday is named with its name");
	finding_list_free(&w);
	m = at(0, CITY, 0, "2022-01-03", -1, -1);
	warnings_find(&in, &m, &w);
	IS_STR(only_message(&w, CHECK_NON_WORKING_DAY),
	    "令和4年1月3日(月) is in the office closure (12-29..01-03)",
	    "a closure day, with the closure (city-level too)");
	finding_list_free(&w);
	in.closure = NULL;
	warnings_find(&in, &m, &w);
	IS_INT(w.count, 0, "without a closure, 1/3 is a working day");
	m = at(0, KOBETSU, MEI, "2021-12-12", -1, -1);
	m.status = STATUS_CANCELLED;
	warnings_find(&in, &m, &w);
	IS_INT(w.count, 0, "a cancelled meeting has no warning");
	finding_list_free(&w);
}

static void
test_clashes(void)
{
	struct warnings_input	 in = { &catalog, NULL, NULL };
	struct meeting_list	 others;
	struct finding_list	 w;
	struct meeting		 m, *o;

	meeting_list_init(&others);
	o = meeting_list_add(&others);
	*o = at(7, SUISHIN, MEI, "2021-12-14", 13 * 60, 14 * 60);
	o = meeting_list_add(&others);
	*o = at(8, KOBETSU, MEI, "2021-12-14", -1, -1);
	o = meeting_list_add(&others);
	*o = at(9, KOBETSU, MEI, "2021-12-14", 16 * 60, -1);
	in.others = &others;
	finding_list_init(&w);

	m = at(0, KOBETSU, MEI, "2021-12-14", 13 * 60 + 30, 15 * 60);
	warnings_find(&in, &m, &w);
	IS_INT(w.count, 2, "13:30-15:00 clashes with 13:00-14:00 and the "
	    "untimed one, not with 16:00");
	IS_STR(w.count > 0 ? w.items[0].message : NULL, "clashes with "
	    "meeting 7 (令和3年12月14日(火) 13:00-14:00, 地域包括ケア推進会議 "
	    "at 明第1): the times overlap", "the other named: id, day and "
	    "time, type, center");
	IS_INT(w.count > 0 ? w.items[0].meeting_ids[1] : 0, 7,
	    "the finding keeps the other's id");
	IS_STR(w.count > 1 ? w.items[1].message : NULL, "clashes with "
	    "meeting 8 (令和3年12月14日(火), 地域個別ケア会議 at 明第1): the "
	    "same day, and one of them has no time", "an untimed one says "
	    "so");
	finding_list_free(&w);

	/* an edit of meeting 8 itself: its stored row is no other */
	m = at(8, KOBETSU, MEI, "2021-12-14", 17 * 60, -1);
	warnings_find(&in, &m, &w);
	IS_INT(w.count, 0, "meeting 8 at 17:00 clashes with nothing, not "
	    "with its own row");
	finding_list_free(&w);
	meeting_list_free(&others);
}

static void
test_drop_known(void)
{
	struct warnings_input	 in = { &catalog, NULL, NULL };
	struct meeting_list	 others;
	struct finding_list	 now, before;
	struct meeting		 m, stored, *o;

	meeting_list_init(&others);
	o = meeting_list_add(&others);
	*o = at(7, SUISHIN, MEI, "2021-12-12", -1, -1);
	in.others = &others;
	finding_list_init(&now);
	finding_list_init(&before);

	stored = at(5, KOBETSU, MEI, "2021-12-12", 10 * 60, -1);
	m = stored;
	m.start = 11 * 60;
	warnings_find(&in, &stored, &before);
	warnings_find(&in, &m, &now);
	IS_INT(now.count, 2, "a Sunday and a clash");
	warnings_drop_known(&now, &before);
	IS_INT(now.count, 0, "both known before the edit: nothing to say");
	finding_list_free(&now);
	finding_list_free(&before);

	stored.date.day = 5;		/* another Sunday, no meeting 7 */
	warnings_find(&in, &stored, &before);
	warnings_find(&in, &m, &now);
	warnings_drop_known(&now, &before);
	IS_INT(now.count, 2, "moved from one Sunday to another: both told "
	    "again");
	finding_list_free(&now);
	finding_list_free(&before);

	stored = m;
	stored.status = STATUS_CANCELLED;
	warnings_find(&in, &stored, &before);
	warnings_find(&in, &m, &now);
	warnings_drop_known(&now, &before);
	IS_INT(now.count, 2, "planned again after being cancelled: told");
	finding_list_free(&now);
	finding_list_free(&before);
	meeting_list_free(&others);
}

static void
test_names(void)
{
	const struct meeting_type	*t;
	const struct center		*c;
	struct meeting_type		 extra = { 0 };
	struct error			 err;

	OK(catalog_find_type(&catalog, "kobetsu", &t, &err) == 0 &&
	    t->id == KOBETSU, "a type by its code");
	OK(catalog_find_type(&catalog, "地域個別ケア会議", &t, &err) == 0 &&
	    t->id == KOBETSU, "by its name");
	OK(catalog_find_type(&catalog, "個別", &t, &err) == 0 &&
	    t->id == KOBETSU, "by its short name");
	OK(catalog_find_type(&catalog, "個", &t, &err) == -1 &&
	    strstr(err.msg, "kobetsu (個別)") != NULL, "a start of one is "
	    "unknown; the message lists codes with short names");
	extra.id = KOBETSU2, extra.code = "kobetsu2";
	extra.name = "第二個別ケア会議", extra.short_name = "個別";
	extra.position = 4;
	catalog_add_type(&catalog, &extra);
	OK(catalog_find_type(&catalog, "個別", &t, &err) == -1 &&
	    err.kind == ERROR_INPUT && strstr(err.msg, "kobetsu "
	    "(地域個別ケア会議), kobetsu2 (第二個別ケア会議)") != NULL,
	    "a short name two types share is refused, naming both");
	OK(catalog_find_type(&catalog, "第二個別ケア会議", &t, &err) == 0 &&
	    t->id == KOBETSU2, "their names tell them apart");

	OK(catalog_match_center(&catalog, "小金", &c, &err) == 0 &&
	    c->id == KOGANE, "a whole name wins over a longer one");
	OK(catalog_match_center(&catalog, "小金原", &c, &err) == 0 &&
	    c->id == KOGANEHARA, "the longer by its name");
	OK(catalog_match_center(&catalog, "明第2西", &c, &err) == 0 &&
	    c->id == MEI2W, "a whole name");
	OK(catalog_match_center(&catalog, "明第1", &c, &err) == 0 &&
	    c->id == MEI && catalog_match_center(&catalog, "明第", &c,
	    &err) == -1, "明第 fits three");
	OK(strstr(err.msg, "明第1, 明第2西, 明第2東") != NULL,
	    "named in table order");
	OK(catalog_match_center(&catalog, "明第2", &c, &err) == -1 &&
	    c == NULL && err.kind == ERROR_INPUT, "明第2 fits two");
	OK(catalog_match_center(&catalog, "明第2東", &c, &err) == 0 &&
	    c->id == MEI2E, "明第2東 is one");
	OK(catalog_match_center(&catalog, "\xe6\x98", &c, &err) == -1 &&
	    strstr(err.msg, "unknown center") != NULL, "half a character "
	    "is no start");
	OK(catalog_match_center(&catalog, "", &c, &err) == -1,
	    "nor is nothing");
	OK(catalog_find_center(&catalog, "小金", &c, &err) == 0 &&
	    catalog_find_center(&catalog, "明第1", &c, &err) == 0 &&
	    catalog_find_center(&catalog, "明第2", &c, &err) == -1,
	    "catalog_find_center (files) takes whole names only");
}

int
main(void)
{
	catalog_build();
	test_clash_rule();
	test_days_off();
	test_clashes();
	test_drop_known();
	test_names();
	catalog_free(&catalog);
	return tap_done();
}
