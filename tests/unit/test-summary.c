/*
 * test-summary.c -- the summary model: what is counted in a reporting
 * window (its edges, fiscal-year crossings, cancelled and planned
 * meetings), the grid's rows and slots, the wording, the year table.
 */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "catalog.h"
#include "summary.h"
#include "tap.h"

enum { SUISHIN = 1, KOBETSU, JIRITSU, CITY };
enum { AKE = 1, HONCHO, YAGIRI, OLD };

static void
make_catalog(struct catalog *cat, int retired_old)
{
	static const struct {
		long		 id;
		const char	*code, *name, *short_name;
		enum type_level	 level;
		int		 cases;
	} types[] = {
		{ SUISHIN, "suishin", "地域包括ケア推進会議", "推進",
		    LEVEL_REGIONAL, 0 },
		{ KOBETSU, "kobetsu", "地域個別ケア会議", "個別",
		    LEVEL_REGIONAL, 1 },
		{ JIRITSU, "jiritsu", "自立支援型個別ケア会議", "自立",
		    LEVEL_REGIONAL, 1 },
		{ CITY, "city", "市地域ケア会議", "市", LEVEL_CITY, 0 },
	};
	static const char	*centers[] = { "明第1", "本庁", "矢切",
				    "旧センター" };
	struct meeting_type	 t;
	struct center		 c;
	size_t			 i;

	catalog_init(cat);
	for (i = 0; i < sizeof types / sizeof types[0]; i++) {
		memset(&t, 0, sizeof t);
		t.id = types[i].id;
		t.code = (char *)types[i].code;
		t.name = (char *)types[i].name;
		t.short_name = (char *)types[i].short_name;
		t.level = types[i].level;
		/* 自立支援型: 1-2 a year, as in Matsudo */
		t.target_min = t.id == JIRITSU ? 1 : -1;
		t.target_max = t.id == JIRITSU ? 2 : -1;
		t.counts_cases = types[i].cases;
		t.position = (int)i;
		catalog_add_type(cat, &t);
	}
	for (i = 0; i < sizeof centers / sizeof centers[0]; i++) {
		memset(&c, 0, sizeof c);
		c.id = (long)i + 1;
		c.name = (char *)centers[i];
		c.position = (int)i;
		c.retired = c.id == OLD && retired_old;
		catalog_add_center(cat, &c);
	}
}

static struct summary_options
options(const char *city)
{
	struct summary_options	o;

	memset(&o, 0, sizeof o);
	o.city = city;
	return o;
}

static struct meeting *
add(struct meeting_list *list, long type, long center, const char *iso,
    enum meeting_mode mode, enum meeting_status status, int cases)
{
	struct meeting	*m = meeting_list_add(list);

	m->id = (long)list->count;
	m->type_id = type;
	m->center_id = center;
	date_parse(iso, &m->date, NULL);
	m->mode = mode;
	m->status = status;
	m->cases = cases;
	return m;
}

static struct month_window
window(int fy, int fm, int ty, int tm)
{
	struct month_window	w = { fy, fm, ty, tm };

	return w;
}

static const struct summary_row *
row_named(const struct summary *s, const char *name)
{
	size_t	i;

	for (i = 0; i < s->nrows; i++)
		if (strcmp(s->rows[i].name, name) == 0)
			return &s->rows[i];
	return NULL;
}

static void
test_span(void)
{
	struct month_window	w = window(2021, 6, 2021, 11);
	struct date		target = { 2022, 1, 27 }, from, to;
	char			a[DATE_ISO_LEN], b[DATE_ISO_LEN];

	summary_span(&w, &target, &from, &to);
	date_format_iso(from, a, sizeof a);
	date_format_iso(to, b, sizeof b);
	IS_STR(a, "2021-04-01", "span of R3's second city meeting starts");
	IS_STR(b, "2022-03-31", "and ends with the fiscal year");

	/* 2021-07-29: its default window 2021-01..05 reaches into FY2020 */
	month_window_default((struct date){ 2021, 7, 29 }, &w);
	target = (struct date){ 2021, 7, 29 };
	summary_span(&w, &target, &from, &to);
	date_format_iso(from, a, sizeof a);
	date_format_iso(to, b, sizeof b);
	IS_STR(a, "2020-04-01", "a window in the previous fiscal year "
	    "widens the span");
	IS_STR(b, "2022-03-31", "to the target's fiscal year");

	w = window(2021, 12, 2022, 5);
	summary_span(&w, NULL, &from, &to);
	date_format_iso(from, a, sizeof a);
	date_format_iso(to, b, sizeof b);
	IS_STR(a, "2021-04-01", "a window across fiscal years: first year");
	IS_STR(b, "2023-03-31", "a window across fiscal years: last year");
}

static void
test_window_edges(void)
{
	struct catalog		 cat;
	struct meeting_list	 list;
	struct summary		 s;
	struct summary_options	 opt = options("松戸市");
	struct month_window	 w = window(2021, 6, 2021, 11);
	struct error		 err;
	const struct summary_row *r;

	make_catalog(&cat, 1);
	meeting_list_init(&list);
	add(&list, SUISHIN, AKE, "2021-05-31", MODE_IN_PERSON, STATUS_HELD,
	    -1);
	add(&list, SUISHIN, AKE, "2021-06-01", MODE_HYBRID, STATUS_HELD, -1);
	add(&list, KOBETSU, AKE, "2021-11-30", MODE_IN_PERSON, STATUS_HELD,
	    2);
	add(&list, KOBETSU, AKE, "2021-12-01", MODE_IN_PERSON, STATUS_HELD,
	    5);
	/* outside the span altogether: ignored */
	add(&list, KOBETSU, AKE, "2022-04-01", MODE_IN_PERSON, STATUS_HELD,
	    7);
	IS_INT(summary_build(&s, &cat, &list, &w, NULL, &opt, &err), 0,
	    "build the June-November summary");
	IS_INT(s.total.count, 2, "the first and the last day of the window "
	    "count, the days beside them do not");
	IS_INT(s.total.cases, 2, "cases of the counted meetings only");
	r = row_named(&s, "明第1");
	OK(r != NULL, "明第1 has a row");
	IS_INT(r->cells[0].count + r->cells[1].count, 4, "the grid shows the "
	    "fiscal year's meetings, in the window or not");
	IS_INT(r->cells[0].dates[0].in_window, 0, "2021-05-31 is outside");
	IS_INT(r->cells[0].dates[1].in_window, 1, "2021-06-01 is inside");
	IS_INT(r->cells[1].dates[0].counted, 1, "2021-11-30 is counted");
	IS_INT(r->cells[1].dates[1].counted, 0, "2021-12-01 is not");
	IS_INT(s.fy_first, 2021, "one fiscal year");
	OK(s.single_year, "dates print as M月D日 in one fiscal year");
	summary_free(&s);
	meeting_list_free(&list);
	catalog_free(&cat);
}

static void
test_fiscal_year_crossing(void)
{
	struct catalog		 cat;
	struct meeting_list	 list;
	struct summary		 s;
	struct summary_options	 opt = options(NULL);
	struct month_window	 w = window(2022, 1, 2022, 6);
	struct error		 err;
	char			 buf[SUMMARY_TEXT_MAX];

	make_catalog(&cat, 1);
	meeting_list_init(&list);
	add(&list, KOBETSU, HONCHO, "2022-03-31", MODE_IN_PERSON,
	    STATUS_HELD, 1);
	add(&list, KOBETSU, HONCHO, "2022-04-01", MODE_IN_PERSON,
	    STATUS_PLANNED, 3);
	add(&list, KOBETSU, HONCHO, "2021-12-31", MODE_IN_PERSON,
	    STATUS_HELD, 4);
	add(&list, KOBETSU, HONCHO, "2022-07-01", MODE_IN_PERSON,
	    STATUS_HELD, 8);
	IS_INT(summary_build(&s, &cat, &list, &w, NULL, &opt, &err), 0,
	    "build a window across fiscal years");
	IS_INT(s.fy_first, 2021, "the grid starts with FY2021");
	IS_INT(s.fy_last, 2022, "and ends with FY2022");
	IS_INT(s.total.count, 2, "March and April both count");
	IS_INT(s.total.cases, 4, "their cases: 1 + 3");
	OK(!s.single_year, "two fiscal years");
	summary_format_date(&s, s.rows[1].cells[1].dates[0].date, buf,
	    sizeof buf);
	IS_STR(buf, "R3.12.31", "dates carry the era year across fiscal "
	    "years");
	summary_format_window(&s, buf, sizeof buf);
	IS_STR(buf, "令和4年1月～令和4年6月", "the window's name");
	summary_format_totals(&s, buf, sizeof buf);
	IS_STR(buf, "令和4年1月～令和4年6月までの全会議開催数：全2回　"
	    "地域包括ケア推進会議 0回　地域個別ケア会議 2回、4事例検討　"
	    "自立支援型個別ケア会議 0回、0事例検討", "the totals line");
	summary_format_subtitle(&s, buf, sizeof buf);
	IS_STR(buf, "令和4年1月～令和4年6月開催分（予定含む）",
	    "a subtitle without a city meeting: the window");
	summary_free(&s);
	meeting_list_free(&list);
	catalog_free(&cat);
}

static void
test_statuses(void)
{
	struct catalog		 cat;
	struct meeting_list	 list;
	struct summary		 s;
	struct summary_options	 opt = options("松戸市");
	struct month_window	 w = window(2021, 6, 2021, 11);
	struct error		 err;
	const struct summary_row *r;
	char			 buf[SUMMARY_TEXT_MAX];

	make_catalog(&cat, 1);
	meeting_list_init(&list);
	add(&list, KOBETSU, YAGIRI, "2021-07-16", MODE_HYBRID, STATUS_HELD, 2);
	add(&list, KOBETSU, YAGIRI, "2021-09-17", MODE_ONLINE,
	    STATUS_PLANNED, 3);
	add(&list, KOBETSU, YAGIRI, "2021-10-15", MODE_IN_PERSON,
	    STATUS_CANCELLED, 4);
	add(&list, KOBETSU, YAGIRI, "2021-11-19", MODE_IN_PERSON,
	    STATUS_HELD, -1);
	add(&list, JIRITSU, YAGIRI, "2021-08-10", MODE_IN_PERSON,
	    STATUS_CANCELLED, -1);

	IS_INT(summary_build(&s, &cat, &list, &w, NULL, &opt, &err), 0,
	    "build with planned and cancelled meetings");
	r = row_named(&s, "矢切");
	IS_INT(r->total.count, 3, "planned counts (予定含む), cancelled "
	    "never");
	IS_INT(s.columns[1].total.count, 3, "個別: three meetings");
	IS_INT(s.columns[1].total.cases, 5, "個別: 2 + 3 cases");
	IS_INT(s.columns[1].total.cases_missing, 1, "one without a count");
	IS_INT(s.columns[2].total.count, 0, "a cancelled 自立 is not counted");
	IS_INT(r->cells[2].count, 1, "but it is in the grid");
	IS_INT(r->cells[1].dates[2].status, STATUS_CANCELLED,
	    "the cancelled date keeps its status");
	IS_INT(r->cells[1].dates[2].in_window, 1, "inside the window");
	IS_INT(r->cells[1].dates[2].counted, 0, "yet not counted");
	summary_format_total(&s.columns[1].total, 1, buf, sizeof buf);
	IS_STR(buf, "3回、5事例検討（事例数未記録1回）",
	    "missing case counts are said, not hidden");
	summary_free(&s);

	opt.held_only = 1;
	IS_INT(summary_build(&s, &cat, &list, &w, NULL, &opt, &err), 0,
	    "build held only");
	r = row_named(&s, "矢切");
	IS_INT(r->total.count, 2, "held only: the planned one is left out");
	IS_INT(s.columns[1].total.cases, 2, "held only: its cases too");
	IS_INT(r->cells[1].dates[1].counted, 0, "the planned date is not "
	    "counted");
	summary_format_subtitle(&s, buf, sizeof buf);
	IS_STR(buf, "令和3年6月～令和3年11月開催分（実施済のみ集計）",
	    "held only says so");
	summary_free(&s);
	meeting_list_free(&list);
	catalog_free(&cat);
}

static void
test_rows_and_city(void)
{
	struct catalog		 cat;
	struct meeting_list	 list;
	struct summary		 s;
	struct summary_options	 opt = options("松戸市");
	struct month_window	 w;
	struct meeting		*target;
	struct error		 err;
	const struct summary_row *r;
	char			 buf[SUMMARY_TEXT_MAX];

	make_catalog(&cat, 1);
	meeting_list_init(&list);
	/* not in date order: the model sorts each cell */
	add(&list, KOBETSU, AKE, "2022-01-27", MODE_IN_PERSON, STATUS_PLANNED,
	    -1);
	add(&list, KOBETSU, AKE, "2021-07-27", MODE_HYBRID, STATUS_HELD, 2);
	add(&list, KOBETSU, AKE, "2021-09-28", MODE_HYBRID, STATUS_HELD, 2);
	add(&list, KOBETSU, HONCHO, "2021-07-28", MODE_HYBRID, STATUS_HELD,
	    2);
	add(&list, CITY, 0, "2021-07-29", MODE_IN_PERSON, STATUS_HELD, -1);
	target = add(&list, CITY, 0, "2022-01-27", MODE_IN_PERSON,
	    STATUS_PLANNED, -1);
	month_window_default(target->date, &w);
	opt.with_findings = 1;
	opt.has_today = 1;
	opt.today = (struct date){ 2022, 1, 20 };

	IS_INT(summary_build(&s, &cat, &list, &w, target, &opt, &err), 0,
	    "build for the 2022-01-27 city meeting");
	OK(s.has_findings, "the plan checks ran");
	IS_INT(s.findings_year, 2021, "for the city meeting's fiscal year");
	IS_INT(s.nfindings, 3, "three active centers without a 自立支援型 "
	    "meeting, below its target");
	IS_INT(s.findings[0].kind, CHECK_TARGET_LOW, "a target finding");
	IS_STR(s.findings[0].where, "明第1 自立支援型個別ケア会議 令和3年度",
	    "named by center, type and fiscal year");
	summary_format_findings_heading(&s, buf, sizeof buf);
	IS_STR(buf, "計画の点検（令和3年度、令和4年1月20日(木)現在）：3件",
	    "the findings' heading");
	IS_INT(s.nrows, 3, "three active centers; the retired one without "
	    "meetings has no row");
	r = row_named(&s, "矢切");
	OK(r != NULL && r->total.count == 0 && r->cells[1].count == 0,
	    "a center with no meetings still has its row, with 0");
	r = row_named(&s, "明第1");
	IS_INT(s.columns[1].slots, 3, "the 個別 group is as wide as the "
	    "most meetings one center has");
	IS_INT(r->cells[1].dates[0].date.month, 7, "cells in date order: "
	    "July first");
	IS_INT(r->cells[1].dates[2].date.year, 2022, "and January last");
	IS_INT(s.total.count, 3, "the city-level meetings are not counted");
	IS_INT(s.ncity, 2, "both city meetings in the band");
	OK(!s.city_meetings[0].is_target && s.city_meetings[1].is_target,
	    "the second is the one summarised for");
	summary_format_title(&s, buf, sizeof buf);
	IS_STR(buf, "令和3年度 松戸市地域ケア会議の開催状況",
	    "the title: the fiscal year, the city and the default words");
	summary_format_subtitle(&s, buf, sizeof buf);
	IS_STR(buf, "令和4年1月27日(木) 市地域ケア会議　令和3年6月～令和3年"
	    "11月開催分（予定含む）", "the subtitle names the city meeting "
	    "and the window");
	summary_format_scope(&s, "網掛けの", buf, sizeof buf);
	IS_STR(buf, "※ 網掛けの日程（令和3年6月～令和3年11月開催分）が、"
	    "令和4年1月27日(木)の市地域ケア会議で議論する対象。",
	    "the R3 note on the shaded dates");
	summary_format_date(&s, r->cells[1].dates[0].date, buf, sizeof buf);
	IS_STR(buf, "7月27日", "dates as in the R3 table");
	summary_free(&s);

	/* a meeting of the retired center brings its row back */
	add(&list, SUISHIN, OLD, "2021-05-10", MODE_IN_PERSON, STATUS_HELD,
	    -1);
	IS_INT(summary_build(&s, &cat, &list, &w, &list.items[5], &opt, &err),
	    0, "build again");
	IS_INT(s.nrows, 4, "a retired center with meetings keeps its row");
	IS_STR(s.rows[3].name, "旧センター", "in catalog order");
	summary_free(&s);
	opt.with_findings = 0;

	/* a regional meeting is no target */
	IS_INT(summary_build(&s, &cat, &list, &w, &list.items[0], &opt, &err),
	    -1, "a regional meeting as the target is refused");
	IS_INT(err.kind, ERROR_INPUT, "as an input error");
	summary_free(&s);
	w = window(2021, 11, 2021, 6);
	IS_INT(summary_build(&s, &cat, &list, &w, NULL, &opt, &err), -1,
	    "a window whose first month is after its last is refused");
	summary_free(&s);
	w = window(2021, 4, 2022, 3);
	IS_INT(summary_build(&s, &cat, &list, &w, NULL, &opt, &err), 0,
	    "a whole fiscal year");
	summary_format_totals(&s, buf, sizeof buf);
	IS_STR(buf, "令和3年度の全会議開催数：全5回　地域包括ケア推進会議 "
	    "1回　地域個別ケア会議 4回、6事例検討（事例数未記録1回）　"
	    "自立支援型個別ケア会議 0回、0事例検討",
	    "a fiscal year's totals are named by the year");
	summary_free(&s);
	meeting_list_free(&list);
	catalog_free(&cat);
}

/*
 * Cells and the city band are in date order whatever order the meetings
 * come in, and meetings of one day stay in the order they came (as the
 * stable sort that was there kept them).
 */
static void
test_order(void)
{
	struct catalog		 cat;
	struct meeting_list	 list;
	struct summary		 s;
	struct summary_options	 opt = options(NULL);
	struct month_window	 w = window(2021, 4, 2022, 3);
	struct error		 err;
	const struct summary_cell *cell;
	char			 iso[DATE_ISO_LEN];
	size_t			 i;
	int			 k, bad = 0;

	make_catalog(&cat, 1);
	meeting_list_init(&list);
	add(&list, KOBETSU, AKE, "2021-09-28", MODE_HYBRID, STATUS_HELD, 2);
	add(&list, KOBETSU, AKE, "2021-07-27", MODE_ONLINE, STATUS_HELD, 1);
	add(&list, KOBETSU, AKE, "2021-09-28", MODE_IN_PERSON,
	    STATUS_CANCELLED, 3);
	add(&list, KOBETSU, AKE, "2021-04-05", MODE_IN_PERSON, STATUS_HELD,
	    4);
	add(&list, KOBETSU, AKE, "2021-09-28", MODE_ONLINE, STATUS_PLANNED,
	    5);
	add(&list, CITY, 0, "2022-01-27", MODE_IN_PERSON, STATUS_PLANNED, -1);
	add(&list, CITY, 0, "2021-07-29", MODE_HYBRID, STATUS_HELD, -1);
	add(&list, CITY, 0, "2021-07-29", MODE_ONLINE, STATUS_HELD, -1);
	/* and 300 in reverse order, the worst case */
	for (k = 300; k > 0; k--) {
		date_format_iso(date_add_days((struct date){ 2021, 4, 1 }, k),
		    iso, sizeof iso);
		add(&list, SUISHIN, HONCHO, iso, MODE_IN_PERSON, STATUS_HELD,
		    -1);
	}
	IS_INT(summary_build(&s, &cat, &list, &w, NULL, &opt, &err), 0,
	    "build from meetings out of order");
	cell = &row_named(&s, "明第1")->cells[1];
	IS_INT(cell->count, 5, "five 個別 in 明第1's cell");
	OK(cell->dates[0].cases == 4 && cell->dates[1].cases == 1,
	    "April, then July");
	OK(cell->dates[2].cases == 2 && cell->dates[3].cases == 3 &&
	    cell->dates[4].cases == 5, "then the three of 9月28日 in the "
	    "order they came");
	IS_INT(s.ncity, 3, "three city meetings");
	OK(s.city_meetings[0].when.mode == MODE_HYBRID &&
	    s.city_meetings[1].when.mode == MODE_ONLINE &&
	    s.city_meetings[2].when.date.year == 2022,
	    "the band in date order, one day's two as they came");
	cell = &row_named(&s, "本庁")->cells[0];
	for (i = 0; i < cell->count; i++)
		if (date_to_days(cell->dates[i].date) != date_to_days(
		    (struct date){ 2021, 4, 1 }) + (long)i + 1)
			bad++;
	OK(cell->count == 300 && bad == 0, "300 meetings given backwards "
	    "come out day by day");
	summary_free(&s);
	meeting_list_free(&list);
	catalog_free(&cat);
}

/*
 * Grid dates are written by hand: the way snprintf wrote them, cut as
 * it cut them, with the month and day alone before 明治.
 */
static void
test_date_text(void)
{
	struct summary	s;
	struct date	d = { 2021, 12, 31 }, early = { 1850, 1, 2 };
	char		buf[32], want[32];
	size_t		size;
	int		bad = 0;

	memset(&s, 0, sizeof s);
	summary_format_date(&s, d, buf, sizeof buf);
	IS_STR(buf, "R3.12.31", "an era letter and year when the grid "
	    "spans fiscal years");
	summary_format_date(&s, early, buf, sizeof buf);
	IS_STR(buf, "1月2日", "before 明治, no era: month and day");
	for (size = 0; size <= 10; size++) {
		memset(buf, 'x', sizeof buf);
		memset(want, 'x', sizeof want);
		summary_format_date(&s, d, buf, size);
		snprintf(want, size, "%s%d.%d.%d", "R", 3, 12, 31);
		bad += memcmp(buf, want, sizeof buf) != 0;
	}
	s.single_year = 1;
	for (size = 0; size <= 12; size++) {
		memset(buf, 'x', sizeof buf);
		memset(want, 'x', sizeof want);
		summary_format_date(&s, d, buf, size);
		snprintf(want, size, "%d月%d日", 12, 31);
		bad += memcmp(buf, want, sizeof buf) != 0;
	}
	IS_INT(bad, 0, "cut at every size as snprintf cuts");
}

static void
test_findings_cap(void)
{
	struct catalog		 cat;
	struct meeting_list	 list;
	struct summary		 s;
	struct summary_options	 opt = options("松戸市");
	struct month_window	 w = window(2021, 4, 2022, 3);
	struct meeting		*m;
	struct error		 err;
	char			 buf[SUMMARY_TEXT_MAX];
	int			 i;

	make_catalog(&cat, 0);
	meeting_list_init(&list);
	/* 150 meetings still planned long after their day */
	for (i = 0; i < 150; i++) {
		m = add(&list, KOBETSU, AKE, "2021-04-01", MODE_IN_PERSON,
		    STATUS_PLANNED, -1);
		m->date = date_add_days(m->date, i);
	}
	opt.with_findings = 1;
	opt.has_today = 1;
	opt.today = (struct date){ 2022, 3, 1 };
	IS_INT(summary_build(&s, &cat, &list, &w, NULL, &opt, &err), 0,
	    "build with many findings");
	OK(s.nfindings_all >= 150, "every stale plan is found (%zu)",
	    s.nfindings_all);
	IS_INT(s.nfindings, SUMMARY_FINDINGS_MAX, "the printout keeps the "
	    "first %d", SUMMARY_FINDINGS_MAX);
	summary_format_findings_heading(&s, buf, sizeof buf);
	OK(strstr(buf, "最初の100件を掲載。全件は carecal check で") != NULL,
	    "and says where the rest are");
	summary_free(&s);
	meeting_list_free(&list);
	catalog_free(&cat);
}

static void
test_years(void)
{
	struct catalog		 cat;
	struct meeting_list	 list;
	struct summary_years	 y;
	struct summary_options	 opt = options("高松市");
	struct error		 err;
	char			 year[64], note[64], buf[SUMMARY_TEXT_MAX];

	opt.has_today = 1;
	opt.today = (struct date){ 2019, 12, 31 };
	make_catalog(&cat, 0);
	meeting_list_init(&list);
	add(&list, KOBETSU, AKE, "2014-04-01", MODE_IN_PERSON, STATUS_HELD,
	    3);
	add(&list, KOBETSU, HONCHO, "2015-03-31", MODE_IN_PERSON, STATUS_HELD,
	    -1);
	add(&list, KOBETSU, HONCHO, "2015-04-01", MODE_IN_PERSON,
	    STATUS_CANCELLED, 9);
	add(&list, SUISHIN, HONCHO, "2019-06-01", MODE_IN_PERSON,
	    STATUS_PLANNED, -1);
	add(&list, CITY, 0, "2019-07-01", MODE_IN_PERSON, STATUS_HELD, -1);
	add(&list, KOBETSU, AKE, "2020-04-01", MODE_IN_PERSON, STATUS_HELD,
	    5);

	IS_INT(summary_years_build(&y, &cat, &list, 2014, 2019, &opt, &err),
	    0, "build H26..R1");
	IS_INT(summary_years_count(&y), 6, "six fiscal years");
	IS_INT(y.nrows, 4, "two regional types, their total, the city type");
	IS_STR(y.omitted, "自立支援型個別ケア会議", "the type with no meeting "
	    "in any year is left out and named");
	IS_STR(y.rows[2].name, "全会議（地域レベル）", "the total after "
	    "the regional types");
	IS_INT(y.rows[2].is_total, 1, "marked as the total");
	IS_STR(y.rows[3].name, "市地域ケア会議", "city-level types last");
	IS_INT(y.rows[1].years[0].count, 2, "H26: 2 個別 (April to March)");
	IS_INT(y.rows[1].years[0].cases, 3, "H26: 3 cases");
	IS_INT(y.rows[1].years[0].cases_missing, 1, "H26: one count missing");
	IS_INT(y.rows[1].years[1].count, 0, "H27: the cancelled one is not "
	    "counted");
	IS_INT(y.rows[0].years[5].count, 1, "R1: a planned 推進 counts");
	IS_INT(y.rows[2].years[5].count, 1, "R1: the total has it");
	IS_INT(y.rows[3].years[5].count, 1, "R1: one city meeting");
	IS_INT(y.rows[2].years[0].count, 2, "H26 total");
	summary_years_format_cell(&y.rows[0], 0, 0, buf, sizeof buf);
	IS_STR(buf, "－", "no 推進 in H26: a dash, as the city's table");
	summary_years_format_cell(&y.rows[0], 0, 1, buf, sizeof buf);
	IS_STR(buf, "－", "and on the cases' line too");
	summary_years_format_cell(&y.rows[1], 0, 1, buf, sizeof buf);
	IS_STR(buf, "3事例※", "H26: 3 cases, one meeting without a count");
	summary_years_format_year(&y, 0, year, sizeof year, note,
	    sizeof note);
	IS_STR(year, "平成26年度", "H26 by its era");
	IS_STR(note, "", "a finished year has no note");
	summary_years_format_year(&y, 5, year, sizeof year, note,
	    sizeof note);
	IS_STR(year, "令和元年度", "R1 is 令和元年度");
	IS_STR(note, "(12月末現在)", "the year in progress says as of when, "
	    "a month's last day as 月末");
	summary_years_format_title(&y, buf, sizeof buf);
	IS_STR(buf, "平成26年度～令和元年度 高松市地域ケア会議の開催状況",
	    "the title");
	OK(y.caption == NULL, "no caption unless the profile has one");
	summary_years_free(&y);

	opt.today = (struct date){ 2019, 12, 20 };
	IS_INT(summary_years_build(&y, &cat, &list, 2014, 2019, &opt, &err),
	    0, "build H26..R1 as of 2019-12-20");
	summary_years_format_year(&y, 5, year, sizeof year, note,
	    sizeof note);
	IS_STR(note, "(12月20日現在)", "another day is named");
	summary_years_free(&y);
	opt.today = (struct date){ 2019, 12, 31 };

	opt.held_only = 1;
	IS_INT(summary_years_build(&y, &cat, &list, 2019, 2019, &opt, &err),
	    0, "build R1 held only");
	IS_INT(y.rows[0].years[0].count, 0, "held only: the planned 推進 "
	    "is left out");
	summary_years_free(&y);
	IS_INT(summary_years_build(&y, &cat, &list, 2019, 2014, &opt, &err),
	    -1, "years in the wrong order are refused");
	summary_years_free(&y);
	IS_INT(summary_years_build(&y, &cat, &list, 1950, 2020, &opt, &err),
	    -1, "too many years are refused");
	summary_years_free(&y);
	meeting_list_free(&list);
	catalog_free(&cat);
}

/*
 * Takamatsu's table: rows grouped as the profile says (地域ケア小会議 over
 * all, 個別課題 over those with cases), the centers set up by each year,
 * the words of the profile, the --title and the document's number.
 */
static void
test_years_groups(void)
{
	static const struct {
		const char	*code, *name, *group;
		int		 cases;
	} types[] = {
		{ "chiiki", "地域課題", "地域ケア小会議", 0 },
		{ "case", "ケース検討", "地域ケア小会議/個別課題", 1 },
		{ "city", "高松市地域ケア会議", NULL, 0 },
		{ "plan", "プラン検討", "地域ケア小会議/個別課題", 1 },
	};
	struct catalog		 cat;
	struct meeting_list	 list;
	struct summary_years	 y;
	struct summary_options	 opt = options("高松市");
	struct meeting_type	 t;
	struct center		 c;
	struct error		 err;
	char			 buf[SUMMARY_TEXT_MAX];
	size_t			 i;

	catalog_init(&cat);
	for (i = 0; i < sizeof types / sizeof types[0]; i++) {
		memset(&t, 0, sizeof t);
		t.id = (long)i + 1;
		t.code = (char *)types[i].code;
		t.name = (char *)types[i].name;
		t.group = (char *)types[i].group;
		t.level = types[i].group != NULL ? LEVEL_REGIONAL : LEVEL_CITY;
		t.target_min = t.target_max = -1;
		t.counts_cases = types[i].cases;
		catalog_add_type(&cat, &t);
	}
	for (i = 0; i < 3; i++) {
		memset(&c, 0, sizeof c);
		c.id = (long)i + 1;
		c.name = (char *)(i == 0 ? "庵治" : i == 1 ? "香南" : "香西");
		c.has_started = i < 2;
		c.started = (struct date){ 2015 + (int)i, 4, 1 };
		catalog_add_center(&cat, &c);
	}
	meeting_list_init(&list);
	add(&list, 1, 1, "2015-05-01", MODE_IN_PERSON, STATUS_HELD, -1);
	add(&list, 2, 2, "2016-05-01", MODE_IN_PERSON, STATUS_HELD, 2);
	add(&list, 3, 0, "2016-06-01", MODE_IN_PERSON, STATUS_HELD, -1);
	add(&list, 4, 3, "2016-07-01", MODE_IN_PERSON, STATUS_HELD, 4);
	opt.title_words = "地域ケア小会議の開催状況";
	opt.caption = "地域ケア小会議課題別開催回数";
	opt.doc_number = "資料2";
	IS_INT(summary_years_build(&y, &cat, &list, 2014, 2016, &opt, &err),
	    0, "build H26..H28 of a grouped catalog");
	IS_INT(y.nrows, 6, "three types, the areas, the total, the city");
	IS_STR(y.rows[0].name, "地域課題", "the group's first member first");
	IS_STR(y.rows[1].name, "ケース検討", "then the inner group's members, "
	    "together");
	IS_STR(y.rows[2].name, "プラン検討", "though the city type stands "
	    "between them in the catalog");
	IS_STR(y.rows[2].group, "地域ケア小会議/個別課題", "a row keeps its "
	    "group");
	OK(y.rows[3].is_areas, "the centers set up after the types");
	IS_INT(y.rows[3].years[0].count, 0, "H26: none set up");
	IS_INT(y.rows[3].years[2].count, 2, "H28: two (the third has no "
	    "start)");
	summary_years_format_cell(&y.rows[3], 2, 0, buf, sizeof buf);
	IS_STR(buf, "（2地区）", "as the city's （39地区）");
	summary_years_format_cell(&y.rows[3], 0, 0, buf, sizeof buf);
	IS_STR(buf, "－", "and a dash for none");
	OK(y.rows[4].is_total && y.rows[4].years[2].count == 2, "the total "
	    "after the areas");
	summary_years_format_title(&y, buf, sizeof buf);
	IS_STR(buf, "平成26年度～平成28年度 高松市地域ケア小会議の開催状況",
	    "the title in the profile's words");
	IS_STR(y.caption, "■地域ケア小会議課題別開催回数", "its caption");
	IS_STR(y.doc_number, "資料2", "the document's number");
	summary_years_free(&y);
	opt.title = "地域ケア小会議の開催状況";
	IS_INT(summary_years_build(&y, &cat, &list, 2014, 2016, &opt, &err),
	    0, "build with --title");
	summary_years_format_title(&y, buf, sizeof buf);
	IS_STR(buf, "地域ケア小会議の開催状況", "--title replaces the title");
	summary_years_free(&y);
	meeting_list_free(&list);
	catalog_free(&cat);
}

/*
 * A type of two columns has the halves of the fiscal year: a lone
 * meeting stands in the column of its half (小金's 3/30 推進 of R3).
 */
static void
test_half_columns(void)
{
	struct catalog		 cat;
	struct meeting_list	 list;
	struct summary		 s;
	struct summary_options	 opt = options("松戸市");
	struct month_window	 w = window(2021, 6, 2021, 11);
	struct error		 err;
	const struct summary_row *r;
	char			 buf[SUMMARY_TEXT_MAX];

	make_catalog(&cat, 0);
	meeting_list_init(&list);
	add(&list, SUISHIN, AKE, "2021-05-27", MODE_HYBRID, STATUS_HELD, -1);
	add(&list, SUISHIN, AKE, "2021-11-19", MODE_HYBRID, STATUS_HELD, -1);
	add(&list, SUISHIN, HONCHO, "2022-03-30", MODE_IN_PERSON,
	    STATUS_PLANNED, -1);
	add(&list, SUISHIN, YAGIRI, "2021-09-08", MODE_IN_PERSON,
	    STATUS_HELD, -1);
	add(&list, KOBETSU, HONCHO, "2022-01-20", MODE_IN_PERSON,
	    STATUS_PLANNED, 2);
	add(&list, KOBETSU, AKE, "2021-07-27", MODE_IN_PERSON, STATUS_HELD,
	    2);
	add(&list, KOBETSU, AKE, "2021-09-28", MODE_IN_PERSON,
	    STATUS_CANCELLED, 2);
	add(&list, KOBETSU, AKE, "2021-10-28", MODE_IN_PERSON, STATUS_HELD,
	    2);
	opt.has_today = 1;
	opt.today = (struct date){ 2022, 1, 20 };
	opt.doc_number = "資料3";
	opt.title = "令和3年度 松戸市地域ケア会議の開催（予定含む）状況";
	IS_INT(summary_build(&s, &cat, &list, &w, NULL, &opt, &err), 0,
	    "build a year of two-column 推進");
	IS_INT(s.columns[0].slots, 2, "推進 has two columns");
	r = row_named(&s, "本庁");
	IS_INT(r->cells[0].dates[0].slot, 1, "本庁's only 推進, in March, in "
	    "the second (下半期)");
	r = row_named(&s, "矢切");
	IS_INT(r->cells[0].dates[0].slot, 0, "矢切's only one, in September, "
	    "in the first (上半期)");
	r = row_named(&s, "明第1");
	OK(r->cells[0].dates[0].slot == 0 && r->cells[0].dates[1].slot == 1,
	    "two in date order");
	IS_INT(s.columns[1].slots, 3, "個別 has three columns");
	r = row_named(&s, "本庁");
	IS_INT(r->cells[1].dates[0].slot, 0, "a lone 個別 of three "
	    "columns: the first");
	r = row_named(&s, "明第1");
	OK(r->cells[1].dates[1].status == STATUS_CANCELLED &&
	    !r->cells[1].dates[1].counted && r->cells[1].dates[1].in_window,
	    "a cancelled meeting in the window is not counted (not shaded)");
	IS_STR(s.doc_number, "資料3", "the document's number");
	summary_format_title(&s, buf, sizeof buf);
	IS_STR(buf, "令和3年度 松戸市地域ケア会議の開催（予定含む）状況",
	    "--title as given");
	summary_format_as_of(&s, buf, sizeof buf);
	IS_STR(buf, "令和4年1月20日現在", "as of, as a 資料 says it");
	summary_free(&s);
	meeting_list_free(&list);
	catalog_free(&cat);
}

int
main(void)
{
	test_span();
	test_window_edges();
	test_fiscal_year_crossing();
	test_statuses();
	test_rows_and_city();
	test_order();
	test_date_text();
	test_findings_cap();
	test_years();
	test_years_groups();
	test_half_columns();
	return tap_done();
}
