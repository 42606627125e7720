/*
 * test-meeting.c -- the rules every meeting keeps, the words for modes
 * and statuses, reporting windows, the import decisions, text widths.
 */
#include <locale.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "catalog.h"
#include "import-plan.h"
#include "meeting.h"
#include "tap.h"
#include "text.h"

static struct catalog	cat;

static void
make_catalog(void)
{
	struct meeting_type	t = { .id = 0, .code = "kobetsu",
				    .name = "地域個別ケア会議", .short_name = "個別",
				    .level = LEVEL_REGIONAL, .target_min = 4,
				    .target_max = 6, .counts_cases = 1,
				    .position = 1 };
	struct center		c = { 0, "明第1", 1, 0, 0, { 0, 0, 0 } };

	catalog_init(&cat);
	t.id = 1;
	catalog_add_type(&cat, &t);
	t = (struct meeting_type){ .id = 2, .code = "suishin",
	    .name = "地域包括ケア推進会議", .short_name = "推進",
	    .level = LEVEL_REGIONAL, .target_min = 2, .target_max = 2,
	    .counts_cases = 0, .position = 2 };
	catalog_add_type(&cat, &t);
	t = (struct meeting_type){ .id = 3, .code = "city",
	    .name = "市地域ケア会議", .short_name = "市",
	    .level = LEVEL_CITY, .target_min = 2, .target_max = 2,
	    .counts_cases = 0, .position = 3 };
	catalog_add_type(&cat, &t);
	c.id = 10;
	catalog_add_center(&cat, &c);
}

static struct meeting
valid_meeting(void)
{
	struct meeting	m;

	meeting_init(&m);
	m.type_id = 1;
	m.center_id = 10;
	m.date = (struct date){ 2021, 7, 27 };
	return m;
}

/* Refused with a message containing WHY, naming FIELD (the editor puts
 * the cursor there). */
static void
refused(struct meeting *m, const char *field, const char *why,
    const char *what)
{
	struct error	err;

	error_clear(&err);
	OK(meeting_validate(m, &cat, &err) == -1 && err.kind == ERROR_INPUT &&
	    strstr(err.msg, why) != NULL, "%s is refused (%s)", what, why);
	if (strstr(err.msg, why) == NULL)
		printf("#   message: %s\n", err.msg);
	IS_STR(err.field != NULL ? err.field : "(none)", field,
	    "%s: the field at fault is %s", what, field);
	meeting_clear(m);
}

static void
test_validation(void)
{
	struct meeting	m;
	struct error	err;

	m = valid_meeting();
	OK(meeting_validate(&m, &cat, &err) == 0, "a plain meeting is valid");
	m.start = 13 * 60 + 30;
	m.end = 15 * 60;
	m.cases = 3;
	meeting_set_text(&m.venue, "松戸市役所 新館5階");
	meeting_set_text(&m.url, "https://example.jp/meet/1");
	meeting_set_text(&m.note, "line one\nline two");
	OK(meeting_validate(&m, &cat, &err) == 0, "every field set is valid");
	meeting_clear(&m);

	m = valid_meeting();
	m.type_id = 99;
	refused(&m, "type", "no meeting type", "an unknown type");
	m = valid_meeting();
	m.center_id = 0;
	refused(&m, "center", "held by a center",
	    "a regional meeting without center");
	m = valid_meeting();
	m.type_id = 3;
	refused(&m, "center", "has no center", "a city meeting with a center");
	m = valid_meeting();
	m.start = 15 * 60;
	m.end = 13 * 60;
	refused(&m, "end", "not after the start", "an end before the start");
	m = valid_meeting();
	m.start = m.end = 15 * 60;
	refused(&m, "end", "not after the start", "an end equal to the start");
	m = valid_meeting();
	m.end = 15 * 60;
	refused(&m, "end", "needs a start", "an end without a start");
	m = valid_meeting();
	m.start = 19 * 60;
	m.end = 24 * 60;
	OK(meeting_validate(&m, &cat, &err) == 0,
	    "an end at 24:00 (midnight) is valid");
	m.end = 24 * 60 + 1;
	refused(&m, "start", "not a time of day", "an end after 24:00");
	m = valid_meeting();
	m.start = 24 * 60;
	refused(&m, "start", "not a time of day", "a start at 24:00");
	m = valid_meeting();
	m.cases = -5;
	refused(&m, "cases", "between 0 and", "negative cases");
	m = valid_meeting();
	m.type_id = 2;
	m.cases = 1;
	refused(&m, "cases", "do not count cases", "cases on 推進会議");
	m = valid_meeting();
	m.has_window = 1;
	m.window = (struct month_window){ 2021, 6, 2021, 11 };
	refused(&m, "window", "only city-level", "a window on a regional meeting");
	m = valid_meeting();
	m.type_id = 3;
	m.center_id = 0;
	m.has_window = 1;
	m.window = (struct month_window){ 2021, 11, 2021, 6 };
	refused(&m, "window", "first month is after", "a window backwards");
	m = valid_meeting();
	meeting_set_text(&m.url, "ftp://example.jp/");
	refused(&m, "url", "https://", "a URL that is not http(s)");
	m = valid_meeting();
	meeting_set_text(&m.venue, "room\x01");
	refused(&m, "venue", "control character", "a control character in venue");
	m = valid_meeting();
	meeting_set_text(&m.venue, "\xff\xfe");
	refused(&m, "venue", "UTF-8", "invalid UTF-8 in venue");
	m = valid_meeting();
	m.date = (struct date){ 2021, 2, 29 };
	refused(&m, "date", "not a valid date", "2021-02-29");
}

static void
test_words(void)
{
	enum meeting_mode	mode;
	enum meeting_status	status;
	struct error		err;
	int			cases;

	OK(meeting_mode_parse("hybrid", &mode, &err) == 0 &&
	    mode == MODE_HYBRID, "mode 'hybrid'");
	OK(meeting_mode_parse("一部オンライン", &mode, &err) == 0 &&
	    mode == MODE_HYBRID, "mode '一部オンライン'");
	OK(meeting_mode_parse("完全オンライン", &mode, &err) == 0 &&
	    mode == MODE_ONLINE, "mode '完全オンライン'");
	OK(meeting_mode_parse("対面", &mode, &err) == 0 &&
	    mode == MODE_IN_PERSON, "mode '対面'");
	OK(meeting_mode_parse("zoom", &mode, &err) == -1 &&
	    strstr(err.msg, "in-person, hybrid or online") != NULL,
	    "mode 'zoom' refused with the choices");
	OK(meeting_status_parse("中止", &status, &err) == 0 &&
	    status == STATUS_CANCELLED, "status '中止'");
	OK(meeting_status_parse("held", &status, &err) == 0 &&
	    status == STATUS_HELD, "status 'held'");
	OK(meeting_status_parse("done", &status, &err) == -1, "status 'done' "
	    "refused");
	IS_STR(meeting_mode_label(MODE_HYBRID), "一部オンライン",
	    "hybrid is 一部オンライン");
	IS_STR(meeting_status_label(STATUS_HELD), "実施済", "held is 実施済");
	OK(meeting_cases_parse("12", &cases, &err) == 0 && cases == 12,
	    "cases 12");
	OK(meeting_cases_parse("-1", &cases, &err) == -1, "cases -1 refused");
	OK(meeting_cases_parse("3x", &cases, &err) == -1, "cases 3x refused");
	OK(meeting_cases_parse("", &cases, &err) == -1, "empty cases refused");
	OK(meeting_cases_parse("99999999999999999999", &cases, &err) == -1,
	    "huge cases refused");
}

static void
test_windows(void)
{
	struct month_window	w;
	struct error		err;
	struct date		d = { 2022, 1, 27 };
	char			buf[32];

	month_window_default(d, &w);
	month_window_format(&w, buf, sizeof buf);
	IS_STR(buf, "2021-06..2021-11", "2022-01-27 covers 2021-06..2021-11");
	d = (struct date){ 2021, 7, 29 };
	month_window_default(d, &w);
	month_window_format(&w, buf, sizeof buf);
	IS_STR(buf, "2020-12..2021-05", "2021-07-29 covers 2020-12..2021-05");
	d = (struct date){ 2021, 3, 1 };
	month_window_default(d, &w);
	month_window_format(&w, buf, sizeof buf);
	IS_STR(buf, "2020-08..2021-01", "2021-03-01 covers 2020-08..2021-01");
	OK(month_window_parse("2021-06..2021-11", &w, &err) == 0,
	    "window parses");
	OK(month_window_contains(&w, (struct date){ 2021, 6, 1 }) &&
	    month_window_contains(&w, (struct date){ 2021, 11, 30 }) &&
	    !month_window_contains(&w, (struct date){ 2021, 5, 31 }) &&
	    !month_window_contains(&w, (struct date){ 2021, 12, 1 }),
	    "window edges: first and last day of its months");
	OK(month_window_parse("2021-11..2021-06", &w, &err) == -1,
	    "backwards window refused");
	OK(month_window_parse("2021-06", &w, &err) == -1,
	    "window without .. refused");
}

static void
test_import_decisions(void)
{
	struct import_item	item;
	struct meeting		old = valid_meeting();

	memset(&item, 0, sizeof item);
	item.meeting = valid_meeting();
	IS_INT(import_decide(&item, NULL), IMPORT_ADD, "unknown uid: add");
	IS_INT(import_decide(&item, &old), IMPORT_UNCHANGED,
	    "same content: unchanged");
	item.meeting.cases = 4;
	IS_INT(import_decide(&item, &old), IMPORT_UPDATE,
	    "other content: update");
	item.meeting.status = STATUS_CANCELLED;
	IS_INT(import_decide(&item, &old), IMPORT_CANCEL,
	    "cancelled content: cancel");
	item.has_sequence = 1;
	old.sequence = 3;
	item.meeting.sequence = 2;
	IS_INT(import_decide(&item, &old), IMPORT_SKIP_OLDER,
	    "lower SEQUENCE: skipped as older");
	item.meeting.sequence = 3;
	item.meeting.status = old.status;
	IS_INT(import_decide(&item, &old), IMPORT_UPDATE,
	    "equal SEQUENCE, other content: update");
	IS_INT(import_sequence(&item, &old), 4, "and SEQUENCE grows to 4");
	item.meeting.sequence = 7;
	IS_INT(import_sequence(&item, &old), 7,
	    "a higher incoming SEQUENCE is kept");
	meeting_clear(&item.meeting);
	item.meeting = valid_meeting();
	item.meeting.sequence = 3;
	IS_INT(import_decide(&item, &old), IMPORT_UNCHANGED,
	    "equal SEQUENCE, same content: unchanged");
	item.keep_window = 1;
	old.has_window = 1;
	IS_INT(import_decide(&item, &old), IMPORT_UNCHANGED,
	    "a source without windows keeps the stored window");
	meeting_clear(&item.meeting);
	meeting_clear(&old);
}

static void
test_text(void)
{
	char	buf[32];

	IS_INT(text_width("明第1"), 5, "明第1 is 5 columns wide");
	IS_INT(text_width("abc"), 3, "abc is 3 columns");
	IS_INT(text_width("一部オンライン"), 14, "一部オンライン is 14 columns");
	IS_INT(text_truncate("地域個別ケア会議", 5, buf, sizeof buf), 4,
	    "truncating to 5 columns never cuts a kanji");
	IS_STR(buf, "地域", "and keeps 地域");
	OK(text_utf8_valid("令和", strlen("令和")), "令和 is UTF-8");
	OK(!text_utf8_valid("\xe4\xbb", 2), "a cut character is not");
	OK(!text_utf8_valid("\xc0\xaf", 2), "an overlong form is not");
	OK(!text_utf8_valid("\xed\xa0\x80", 3), "a surrogate is not");
}

/*
 * Lookups by name and id agree with a plain scan whatever the order of
 * adding: names out of order, ids with gaps, a name given twice (the
 * first added is found), names that are prefixes of others.
 */
static void
test_catalog_lookup(void)
{
	struct catalog		 big;
	struct center		 c = { 0, NULL, 0, 0, 0, { 0, 0, 0 } };
	const struct center	*got;
	char			 name[32];
	size_t			 i;
	int			 k, bad_name = 0, bad_id = 0;

	catalog_init(&big);
	for (k = 0; k < 300; k++) {
		/* 0, 7, 14, ... mod 300: every number once, out of order */
		snprintf(name, sizeof name, "圏域%d", (k * 7) % 300);
		c.id = k < 150 ? k + 1 : k + 1000;
		c.name = name;
		c.position = k;
		catalog_add_center(&big, &c);
	}
	c.id = 5000;
	c.name = "圏域7";
	catalog_add_center(&big, &c);	/* the same name again */
	for (i = 0; i < big.ncenters; i++) {
		got = catalog_center_by_name(&big, big.centers[i].name);
		if (got == NULL || (strcmp(big.centers[i].name, "圏域7") != 0 &&
		    got != &big.centers[i]))
			bad_name++;
		if (catalog_center_by_id(&big, big.centers[i].id) !=
		    &big.centers[i])
			bad_id++;
	}
	IS_INT(bad_name, 0, "each of 301 centers found by its name");
	IS_INT(bad_id, 0, "each found by its id, gaps and all");
	got = catalog_center_by_name(&big, "圏域7");
	OK(got != NULL && got->id == 2, "a name given twice finds the first");
	OK(catalog_center_by_name(&big, "圏域") == NULL &&
	    catalog_center_by_name(&big, "圏域3000") == NULL &&
	    catalog_center_by_name(&big, "") == NULL,
	    "a prefix, a longer name, the empty name: not found");
	OK(catalog_center_by_id(&big, 151) == NULL &&
	    catalog_center_by_id(&big, 0) == NULL &&
	    catalog_center_by_id(&big, -1) == NULL,
	    "ids not there are not found");
	catalog_free(&big);
}

/* meeting_apply: the fields given, and only those, from another meeting */
static void
test_apply(void)
{
	struct meeting	m, given;

	meeting_init(&m);
	m.id = 7;
	m.uid = strdup("u7@carecal");
	m.type_id = 1;
	m.center_id = 10;
	m.date = (struct date){ 2021, 7, 29 };
	m.start = 13 * 60;
	m.venue = strdup("会議室A");
	m.note = strdup("keep");
	m.version = 3;
	meeting_init(&given);
	given.type_id = 2;
	given.date = (struct date){ 2021, 8, 2 };
	given.start = -1;
	given.venue = strdup("会議室B");
	given.cases = 4;
	meeting_apply(&m, &given, MEETING_GIVEN_DATE | MEETING_GIVEN_START |
	    MEETING_GIVEN_VENUE);
	OK(date_compare(m.date, given.date) == 0 && m.start == -1 &&
	    m.venue != NULL && strcmp(m.venue, "会議室B") == 0 &&
	    m.venue != given.venue, "the fields given are copied, text as "
	    "a copy");
	OK(m.type_id == 1 && m.center_id == 10 && m.cases == -1 &&
	    strcmp(m.note, "keep") == 0 && m.id == 7 && m.version == 3 &&
	    strcmp(m.uid, "u7@carecal") == 0, "the others are kept, and the "
	    "id, UID and version");
	meeting_apply(&m, &given, MEETING_GIVEN_NOTE | MEETING_GIVEN_CASES);
	OK(m.note == NULL && m.cases == 4, "an empty field given clears it");
	meeting_clear(&m);
	meeting_clear(&given);
}

int
main(void)
{
	setlocale(LC_ALL, "C.UTF-8");
	make_catalog();
	test_validation();
	test_words();
	test_windows();
	test_import_decisions();
	test_text();
	test_catalog_lookup();
	test_apply();
	catalog_free(&cat);
	return tap_done();
}
