/*
 * summary.c -- the model of the half-year summary and of the multi-year
 * table: which meetings go in which cell, which are counted, and the
 * Japanese wording the printouts share.
 */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "alloc.h"
#include "i18n.h"
#include "summary.h"
#include "text.h"

/* A center's row by its id: the catalog's ids sorted, searched. */
struct row_index {
	long	center_id;
	size_t	row;
};

static int
compare_row_index(const void *a, const void *b)
{
	const struct row_index	*x = a, *y = b;

	return x->center_id < y->center_id ? -1 :
	    x->center_id > y->center_id;
}

/* Whether a meeting goes into the totals (予定 counts unless held_only). */
static int
status_counts(enum meeting_status status, int held_only)
{
	if (status == STATUS_CANCELLED)
		return 0;
	return !held_only || status == STATUS_HELD;
}

static void
total_add(struct summary_total *t, const struct summary_date *d,
    int counts_cases)
{
	t->count++;
	if (!counts_cases)
		return;
	if (d->cases >= 0)
		t->cases += d->cases;
	else
		t->cases_missing++;
}

/* A review's meeting and stage, to find a meeting's by bsearch. */
struct stage_key {
	long		 meeting_id;
	enum case_stage	 stage;
};

static int
compare_stage_keys(const void *a, const void *b)
{
	const struct stage_key	*x = a, *y = b;

	return x->meeting_id < y->meeting_id ? -1 :
	    x->meeting_id > y->meeting_id;
}

/* The reviews by meeting; the caller frees them. */
static struct stage_key *
stage_keys_make(const struct case_list *reviews, size_t *n)
{
	struct stage_key	*k;
	size_t			 i;

	*n = reviews != NULL ? reviews->count : 0;
	k = xreallocarray(NULL, *n + 1, sizeof *k);
	for (i = 0; i < *n; i++) {
		k[i].meeting_id = reviews->items[i].meeting_id;
		k[i].stage = reviews->items[i].stage;
	}
	qsort(k, *n, sizeof *k, compare_stage_keys);
	return k;
}

/* The stages of the cases of meeting id into st (zeroed first). */
static void
stages_of(const struct stage_key *k, size_t n, long id, int *st)
{
	const struct stage_key	*hit, key = { id, STAGE_INITIAL };

	memset(st, 0, CASE_STAGE_COUNT * sizeof *st);
	if (n == 0 || (hit = bsearch(&key, k, n, sizeof *k,
	    compare_stage_keys)) == NULL)
		return;
	while (hit > k && hit[-1].meeting_id == id)
		hit--;
	for (; hit < k + n && hit->meeting_id == id; hit++)
		st[hit->stage]++;
}

static void
stages_add(struct summary_total *t, const int *st)
{
	int	i;

	for (i = 0; i < CASE_STAGE_COUNT; i++)
		t->stages[i] += st[i];
}

static void
date_of_meeting(struct summary_date *d, const struct meeting *m,
    const struct month_window *w, int held_only)
{
	d->date = m->date;
	d->mode = m->mode;
	d->status = m->status;
	d->cases = m->cases;
	d->in_window = month_window_contains(w, m->date);
	d->counted = d->in_window && status_counts(m->status, held_only);
}

void
summary_span(const struct month_window *w, const struct date *target,
    struct date *from, struct date *to)
{
	struct date	first = { w->from_year, w->from_month, 1 };
	struct date	last = { w->to_year, w->to_month, 1 };
	int		fy_first = date_fiscal_year(first);
	int		fy_last = date_fiscal_year(last);

	if (target != NULL) {
		if (date_fiscal_year(*target) < fy_first)
			fy_first = date_fiscal_year(*target);
		if (date_fiscal_year(*target) > fy_last)
			fy_last = date_fiscal_year(*target);
	}
	*from = date_fiscal_year_start(fy_first);
	*to = date_fiscal_year_end(fy_last);
}

/*
 * The place for a date among count dates in date order: after those of
 * the same day, so meetings of one day keep the order they came in. The
 * store gives meetings in date order, so the place is the end at once;
 * meetings in another order come out sorted all the same, and no cell
 * needs sorting afterwards (a qsort a cell was 3 M instructions of a
 * 20,000-meeting summary).
 */
static size_t
date_insert_at(const struct summary_date *dates, size_t count,
    struct date date)
{
	while (count > 0 && date_compare(dates[count - 1].date, date) > 0)
		count--;
	return count;
}

static void
cell_add(struct summary_cell *c, const struct summary_date *d)
{
	size_t	at;

	if (c->count == c->capacity) {
		c->capacity = c->capacity == 0 ? 4 : c->capacity * 2;
		c->dates = xreallocarray(c->dates, c->capacity,
		    sizeof *c->dates);
	}
	at = date_insert_at(c->dates, c->count, d->date);
	memmove(c->dates + at + 1, c->dates + at,
	    (c->count - at) * sizeof *c->dates);
	c->dates[at] = *d;
	c->count++;
}

static void
city_add(struct summary *s, const struct meeting_type *t,
    const struct meeting *m, const struct meeting *target)
{
	struct summary_city	*c;
	struct summary_date	 d;
	size_t			 at;

	date_of_meeting(&d, m, &s->window, s->held_only);
	s->city_meetings = xreallocarray(s->city_meetings, s->ncity + 1,
	    sizeof *s->city_meetings);
	/* in date order as the cells (see date_insert_at) */
	for (at = s->ncity; at > 0 && date_compare(
	    s->city_meetings[at - 1].when.date, d.date) > 0; at--)
		;
	memmove(s->city_meetings + at + 1, s->city_meetings + at,
	    (s->ncity - at) * sizeof *s->city_meetings);
	s->ncity++;
	c = &s->city_meetings[at];
	c->type_name = xstrdup(t->name);
	c->when = d;
	/* the target is the same row; a fresh one (id 0) matches by date */
	c->is_target = target != NULL && m->type_id == target->type_id &&
	    (target->id != 0 ? m->id == target->id :
	    date_compare(m->date, target->date) == 0);
}

static int
retired_centers(const struct catalog *cat)
{
	size_t	i;

	for (i = 0; i < cat->ncenters; i++)
		if (cat->centers[i].retired)
			return 1;
	return 0;
}

/* Rows: active centers, and retired ones that met within the span. */
static void
rows_make(struct summary *s, const struct catalog *cat,
    const struct meeting_list *list, struct date from, struct date to)
{
	unsigned char	*met = xcalloc(cat->ncenters + 1, 1);
	size_t		 i, j, n = retired_centers(cat) ? list->count : 0;

	for (i = 0; i < n; i++) {
		const struct meeting	*m = &list->items[i];

		if (m->center_id == 0 || date_compare(m->date, from) < 0 ||
		    date_compare(m->date, to) > 0)
			continue;
		/* a scan per meeting, made only when a center is retired */
		for (j = 0; j < cat->ncenters; j++)
			if (cat->centers[j].retired &&
			    cat->centers[j].id == m->center_id)
				met[j] = 1;
	}
	s->rows = xcalloc(cat->ncenters + 1, sizeof *s->rows);
	for (i = 0; i < cat->ncenters; i++) {
		if (cat->centers[i].retired && !met[i])
			continue;
		s->rows[s->nrows].center_id = cat->centers[i].id;
		s->rows[s->nrows].name = xstrdup(cat->centers[i].name);
		s->rows[s->nrows].cells = xcalloc(s->ncolumns + 1,
		    sizeof *s->rows[s->nrows].cells);
		s->nrows++;
	}
	free(met);
}

/*
 * Each date's column: its place among the cell's dates; but in a type
 * of two columns over one fiscal year, the columns are its halves, and
 * a lone meeting stands in the column of its half (小金's only 推進 of
 * R3, on 3/30, in the second, as in the city's table).
 */
static void
slots_place(struct summary *s)
{
	struct summary_cell	*cell;
	size_t			 r, c, k;

	for (r = 0; r < s->nrows; r++)
		for (c = 0; c < s->ncolumns; c++) {
			cell = &s->rows[r].cells[c];
			for (k = 0; k < cell->count; k++)
				cell->dates[k].slot = k;
			if (s->single_year && s->columns[c].slots == 2 &&
			    cell->count == 1)
				cell->dates[0].slot = (size_t)date_fiscal_half(
				    cell->dates[0].date) - 1;
		}
}

/* 令和3年度 or 平成26年度～令和元年度 */
static void
format_fiscal_years(int first, int last, char *buf, size_t size)
{
	char	a[32], b[32];	/* 令和元年度: 16 bytes */

	date_format_fiscal_year(first, a, sizeof a);
	if (first == last) {
		snprintf(buf, size, "%s", a);
		return;
	}
	date_format_fiscal_year(last, b, sizeof b);
	snprintf(buf, size, "%s～%s", a, b);
}

/* --title as given, else 令和3年度 松戸市地域ケア会議の開催状況. */
static char *
title_make(const struct summary_options *opt, int first, int last)
{
	char	years[128], buf[SUMMARY_TEXT_MAX];

	if (opt->title != NULL && *opt->title != '\0')
		return xstrdup(opt->title);
	format_fiscal_years(first, last, years, sizeof years);
	snprintf(buf, sizeof buf, "%s %s%s", years, opt->city != NULL ?
	    opt->city : "", opt->title_words != NULL &&
	    *opt->title_words != '\0' ? opt->title_words :
	    SUMMARY_TITLE_WORDS);
	return xstrdup(buf);
}

/*
 * The plan checks of fiscal year fy, worded once for every writer. The
 * meetings hold that whole year (and maybe earlier city-level ones,
 * which give the previous reporting window).
 */
static void
findings_make(struct summary *s, const struct catalog *cat,
    const struct meeting_list *list, const struct summary_options *opt,
    int fy)
{
	const struct center		*c;
	const struct meeting_type	*t;
	const struct finding		*f;
	struct check_input		 in;
	struct finding_list		 found;
	char				 when[DATE_JA_LEN], where[512];
	size_t				 i;

	memset(&in, 0, sizeof in);
	in.catalog = cat;
	in.meetings = list;
	in.fiscal_year = fy;
	in.today = opt->today;
	in.closure = opt->closure;
	in.followups = opt->followups;
	in.advisors = opt->advisors;
	in.assignments = opt->assignments;
	in.horizon = opt->horizon;
	in.one_center_a_day = opt->one_center_a_day;
	finding_list_init(&found);
	check_run(&in, &found);
	s->has_findings = 1;
	s->findings_year = fy;
	s->findings_as_of = opt->today;
	/* a printout lists the first ones; `carecal check` lists them all */
	s->nfindings_all = found.count;
	s->nfindings = found.count < SUMMARY_FINDINGS_MAX ? found.count :
	    SUMMARY_FINDINGS_MAX;
	s->findings = xcalloc(s->nfindings + 1, sizeof *s->findings);
	for (i = 0; i < s->nfindings; i++) {
		f = &found.items[i];
		c = catalog_center_by_id(cat, f->center_id);
		t = catalog_type_by_id(cat, f->type_id);
		if (f->has_date)
			date_format_japanese(f->date, when, sizeof when);
		else
			date_format_fiscal_year(f->fiscal_year, when,
			    sizeof when);
		snprintf(where, sizeof where, "%s%s%s %s",
		    c != NULL ? c->name : "", c != NULL ? " " : "",
		    t != NULL ? t->name : "", when);
		s->findings[i].kind = f->kind;
		s->findings[i].label = check_kind_label(f->kind);
		s->findings[i].where = xstrdup(where);
		s->findings[i].message = xstrdup(f->message != NULL ?
		    f->message : "");
	}
	finding_list_free(&found);
}

int
summary_build(struct summary *s, const struct catalog *cat,
    const struct meeting_list *list, const struct month_window *w,
    const struct meeting *target, const struct summary_options *opt,
    struct error *err)
{
	const struct meeting_type	*t = NULL;
	struct row_index		*index = NULL, key, *found;
	struct summary_date		 d;
	struct date			 from, to;
	struct stage_key		*stages;
	size_t				 i, j, c, nstages;
	int				 fy, st[CASE_STAGE_COUNT];

	memset(s, 0, sizeof *s);
	if (w->from_month < 1 || w->from_month > 12 || w->to_month < 1 ||
	    w->to_month > 12 || month_index(w->from_year, w->from_month) >
	    month_index(w->to_year, w->to_month))
		return error_set(err, ERROR_INPUT, _("the reporting window's "
		    "first month is after its last"));
	if (target != NULL && ((t = catalog_type_by_id(cat,
	    target->type_id)) == NULL || t->level != LEVEL_CITY)) {
		char	day[DATE_JA_LEN];

		date_format_japanese(target->date, day, sizeof day);
		return error_set(err, ERROR_INPUT, _("the meeting of %s is "
		    "not a city-level meeting"), day);
	}
	s->city = xstrdup(opt->city);
	s->window = *w;
	s->held_only = opt->held_only;
	s->by_stage = opt->reviews != NULL;
	summary_span(w, target != NULL ? &target->date : NULL, &from, &to);
	s->fy_first = date_fiscal_year(from);
	s->fy_last = date_fiscal_year(to);
	s->title = title_make(opt, s->fy_first, s->fy_last);
	s->doc_number = opt->doc_number != NULL && *opt->doc_number != '\0' ?
	    xstrdup(opt->doc_number) : NULL;
	s->has_as_of = opt->has_today;
	s->as_of = opt->today;
	if (target != NULL) {
		s->has_target = 1;
		s->target.type_name = xstrdup(t->name);
		date_of_meeting(&s->target.when, target, w, s->held_only);
		s->target.is_target = 1;
	}

	/* Columns: the regional types in catalog order. */
	s->columns = xcalloc(cat->ntypes + 1, sizeof *s->columns);
	for (i = 0; i < cat->ntypes; i++) {
		t = &cat->types[i];
		if (t->level != LEVEL_REGIONAL)
			continue;
		s->columns[s->ncolumns].type_id = t->id;
		s->columns[s->ncolumns].name = xstrdup(t->name);
		s->columns[s->ncolumns].short_name = xstrdup(t->short_name);
		s->columns[s->ncolumns].counts_cases = t->counts_cases;
		s->ncolumns++;
	}
	rows_make(s, cat, list, from, to);

	/* Lookups by id: types are few, centers may be many. */
	index = xcalloc(s->nrows + 1, sizeof *index);
	for (i = 0; i < s->nrows; i++) {
		index[i].center_id = s->rows[i].center_id;
		index[i].row = i;
	}
	qsort(index, s->nrows, sizeof *index, compare_row_index);

	s->single_year = 1;
	fy = -1;
	stages = stage_keys_make(opt->reviews, &nstages);
	for (i = 0; i < list->count; i++) {
		const struct meeting	*m = &list->items[i];

		if (date_compare(m->date, from) < 0 ||
		    date_compare(m->date, to) > 0)
			continue;
		if ((t = catalog_type_by_id(cat, m->type_id)) == NULL)
			continue;
		if (fy == -1)
			fy = date_fiscal_year(m->date);
		else if (date_fiscal_year(m->date) != fy)
			s->single_year = 0;
		if (t->level == LEVEL_CITY) {
			city_add(s, t, m, target);
			continue;
		}
		for (c = 0; c < s->ncolumns; c++)
			if (s->columns[c].type_id == m->type_id)
				break;
		key.center_id = m->center_id;
		found = bsearch(&key, index, s->nrows, sizeof *index,
		    compare_row_index);
		if (c == s->ncolumns || found == NULL)
			continue;
		date_of_meeting(&d, m, w, s->held_only);
		cell_add(&s->rows[found->row].cells[c], &d);
		if (!d.counted)
			continue;
		total_add(&s->rows[found->row].cells[c].total, &d,
		    s->columns[c].counts_cases);
		total_add(&s->rows[found->row].total, &d,
		    s->columns[c].counts_cases);
		total_add(&s->columns[c].total, &d,
		    s->columns[c].counts_cases);
		total_add(&s->total, &d, s->columns[c].counts_cases);
		if (nstages == 0)
			continue;
		stages_of(stages, nstages, m->id, st);
		stages_add(&s->rows[found->row].cells[c].total, st);
		stages_add(&s->rows[found->row].total, st);
		stages_add(&s->columns[c].total, st);
		stages_add(&s->total, st);
	}
	free(stages);
	for (i = 0; i < s->nrows; i++)
		for (j = 0; j < s->ncolumns; j++) {
			struct summary_cell	*cell = &s->rows[i].cells[j];

			if (cell->count > s->columns[j].slots)
				s->columns[j].slots = cell->count;
		}
	slots_place(s);
	free(index);
	if (opt->with_findings)
		findings_make(s, cat, list, opt, target != NULL ?
		    date_fiscal_year(target->date) : date_fiscal_year(
		    (struct date){ w->to_year, w->to_month, 1 }));
	return 0;
}

void
summary_free(struct summary *s)
{
	size_t	i, j;

	free(s->city);
	free(s->title);
	free(s->doc_number);
	free(s->target.type_name);
	for (i = 0; i < s->ncity; i++)
		free(s->city_meetings[i].type_name);
	free(s->city_meetings);
	for (i = 0; i < s->nrows; i++) {
		for (j = 0; j < s->ncolumns; j++)
			free(s->rows[i].cells[j].dates);
		free(s->rows[i].cells);
		free(s->rows[i].name);
	}
	free(s->rows);
	for (i = 0; i < s->ncolumns; i++) {
		free(s->columns[i].name);
		free(s->columns[i].short_name);
	}
	free(s->columns);
	for (i = 0; i < s->nfindings; i++) {
		free(s->findings[i].where);
		free(s->findings[i].message);
	}
	free(s->findings);
	memset(s, 0, sizeof *s);
}

static int
window_is_fiscal_year(const struct month_window *w)
{
	return w->from_month == 4 && w->to_month == 3 &&
	    w->to_year == w->from_year + 1;
}

void
summary_format_window(const struct summary *s, char *buf, size_t size)
{
	const struct month_window	*w = &s->window;
	char				 a[64], b[64];

	if (window_is_fiscal_year(w)) {
		date_format_fiscal_year(w->from_year, buf, size);
		return;
	}
	date_format_era_month(w->from_year, w->from_month, a, sizeof a);
	if (w->from_year == w->to_year && w->from_month == w->to_month) {
		snprintf(buf, size, "%s", a);
		return;
	}
	date_format_era_month(w->to_year, w->to_month, b, sizeof b);
	snprintf(buf, size, "%s～%s", a, b);
}

void
summary_format_title(const struct summary *s, char *buf, size_t size)
{
	snprintf(buf, size, "%s", s->title != NULL ? s->title : "");
}

void
summary_format_subtitle(const struct summary *s, char *buf, size_t size)
{
	char	window[128], when[DATE_JA_LEN];

	summary_format_window(s, window, sizeof window);
	if (s->has_target) {
		date_format_japanese(s->target.when.date, when, sizeof when);
		snprintf(buf, size, "%s %s　%s開催分%s", when,
		    s->target.type_name, window, s->held_only ?
		    "（実施済のみ集計）" : "（予定含む）");
	} else
		snprintf(buf, size, "%s開催分%s", window, s->held_only ?
		    "（実施済のみ集計）" : "（予定含む）");
}

/* 令和4年1月20日: the era's month and the day, without the weekday. */
static void
format_day(struct date d, char *buf, size_t size)
{
	char	month[32];	/* 令和元年12月: 20 bytes */

	date_format_era_month(d.year, d.month, month, sizeof month);
	snprintf(buf, size, "%s%d日", month, d.day);
}

void
summary_format_as_of(const struct summary *s, char *buf, size_t size)
{
	char	day[64];

	if (!s->has_as_of) {
		if (size > 0)
			buf[0] = '\0';
		return;
	}
	format_day(s->as_of, day, sizeof day);
	snprintf(buf, size, "%s現在", day);
}

void
summary_format_scope(const struct summary *s, const char *marked,
    char *buf, size_t size)
{
	char	window[128], when[DATE_JA_LEN];

	summary_format_window(s, window, sizeof window);
	if (s->has_target) {
		date_format_japanese(s->target.when.date, when, sizeof when);
		snprintf(buf, size, "※ %s日程（%s開催分）が、%sの%sで"
		    "議論する対象。", marked, window, when,
		    s->target.type_name);
	} else
		snprintf(buf, size, "※ %s日程（%s開催分）が集計の対象。",
		    marked, window);
}

void
summary_format_total(const struct summary_total *t, int counts_cases,
    char *buf, size_t size)
{
	if (!counts_cases)
		snprintf(buf, size, "%d回", t->count);
	else if (t->cases_missing == 0)
		snprintf(buf, size, "%d回、%d事例検討", t->count, t->cases);
	else
		snprintf(buf, size, "%d回、%d事例検討（事例数未記録%d回）",
		    t->count, t->cases, t->cases_missing);
}

void
summary_format_totals(const struct summary *s, char *buf, size_t size)
{
	char	window[128], one[128];
	size_t	i, len;

	summary_format_window(s, window, sizeof window);
	snprintf(buf, size, "%s%s全会議開催数：全%d回", window,
	    window_is_fiscal_year(&s->window) ? "の" : "までの",
	    s->total.count);
	for (i = 0; i < s->ncolumns; i++) {
		summary_format_total(&s->columns[i].total,
		    s->columns[i].counts_cases, one, sizeof one);
		len = strlen(buf);
		if (len < size)
			snprintf(buf + len, size - len, "　%s %s",
			    s->columns[i].name, one);
		if (!s->by_stage || !s->columns[i].counts_cases)
			continue;
		summary_format_stages(&s->columns[i].total, one, sizeof one);
		len = strlen(buf);
		if (len < size)
			snprintf(buf + len, size - len, "%s", one);
	}
}

void
summary_format_stages(const struct summary_total *t, char *buf,
    size_t size)
{
	snprintf(buf, size, "（うち%s%d・%s%d・%s%d）",
	    case_stage_label(STAGE_INITIAL), t->stages[STAGE_INITIAL],
	    case_stage_label(STAGE_INTERIM), t->stages[STAGE_INTERIM],
	    case_stage_label(STAGE_FINAL), t->stages[STAGE_FINAL]);
}

void
summary_format_findings_heading(const struct summary *s, char *buf,
    size_t size)
{
	char	year[32], day[DATE_JA_LEN];

	date_format_fiscal_year(s->findings_year, year, sizeof year);
	date_format_japanese(s->findings_as_of, day, sizeof day);
	if (s->nfindings_all == 0)
		snprintf(buf, size, "計画の点検（%s、%s現在）：指摘なし", year,
		    day);
	else if (s->nfindings_all == s->nfindings)
		snprintf(buf, size, "計画の点検（%s、%s現在）：%zu件", year,
		    day, s->nfindings);
	else
		snprintf(buf, size, "計画の点検（%s、%s現在）：%zu件（最初の"
		    "%zu件を掲載。全件は carecal check で）", year, day,
		    s->nfindings_all, s->nfindings);
}

/*
 * Written piece by piece, not with snprintf: the grid's every date is
 * written (in text, measured and then printed), and snprintf made this
 * 65 M of the 560 M instructions of a 20,000-meeting summary.
 */
void
summary_format_date(const struct summary *s, struct date d, char *buf,
    size_t size)
{
	const struct era	*era;
	int			 year;

	if (s->single_year || date_era_of(d, &era, &year) == -1)
		snprintf(buf, size, "%d月%d日", d.month, d.day);
	else
		snprintf(buf, size, "%s%d.%d.%d", era->letter, year, d.month,
		    d.day);
}

/*
 * Whether types a and b share their group's names up to level (0: the
 * outer one).
 */
static int
group_shares(const struct meeting_type *a, const struct meeting_type *b,
    int level)
{
	char	x[128], y[128];
	int	l;

	for (l = 0; l <= level; l++) {
		if (type_group_level(a->group, l, x, sizeof x) == -1 ||
		    type_group_level(b->group, l, y, sizeof y) == -1 ||
		    strcmp(x, y) != 0)
			return 0;
	}
	return 1;
}

/* A regional type's place: its groups' first members, then its own. */
struct years_order {
	size_t	key[TYPE_GROUP_LEVELS + 1];
};

static int
compare_years_order(const void *a, const void *b)
{
	const struct years_order	*x = a, *y = b;
	int				 l;

	for (l = 0; l <= TYPE_GROUP_LEVELS; l++)
		if (x->key[l] != y->key[l])
			return x->key[l] < y->key[l] ? -1 : 1;
	return 0;
}

/* The regional types' indexes, those of one group together. */
static size_t *
years_regional_order(const struct catalog *cat, size_t *n)
{
	struct years_order	*order = xcalloc(cat->ntypes + 1,
				    sizeof *order);
	size_t			*out, i, j;
	int			 l;

	*n = 0;
	for (i = 0; i < cat->ntypes; i++) {
		if (cat->types[i].level != LEVEL_REGIONAL)
			continue;
		for (l = 0; l < TYPE_GROUP_LEVELS; l++) {
			order[*n].key[l] = i;
			for (j = 0; j < i; j++)
				if (cat->types[j].level == LEVEL_REGIONAL &&
				    group_shares(&cat->types[i],
				    &cat->types[j], l)) {
					order[*n].key[l] = j;
					break;
				}
		}
		order[*n].key[TYPE_GROUP_LEVELS] = i;
		(*n)++;
	}
	qsort(order, *n, sizeof *order, compare_years_order);
	out = xcalloc(*n + 1, sizeof *out);
	for (i = 0; i < *n; i++)
		out[i] = order[i].key[TYPE_GROUP_LEVELS];
	free(order);
	return out;
}

static struct summary_years_row *
years_row_add(struct summary_years *y, const struct meeting_type *t,
    const char *name, size_t n)
{
	struct summary_years_row	*row = &y->rows[y->nrows++];

	row->name = xstrdup(t != NULL ? t->name : name);
	row->years = xcalloc(n, sizeof *row->years);
	if (t != NULL) {
		row->type_id = t->id;
		row->group = t->group != NULL ? xstrdup(t->group) : NULL;
		row->level = t->level;
		row->counts_cases = t->counts_cases;
	} else
		row->level = LEVEL_REGIONAL;
	return row;
}

/* The centers set up by day: Takamatsu's （39地区）. */
static int
centers_started_by(const struct catalog *cat, struct date day)
{
	size_t	i;
	int	n = 0;

	for (i = 0; i < cat->ncenters; i++)
		if (cat->centers[i].has_started &&
		    date_compare(cat->centers[i].started, day) <= 0)
			n++;
	return n;
}

/*
 * Types with no meeting in any of the years are left out, as the city's
 * table has no row for サービス調整, and named in y->omitted.
 */
static void
years_omit_empty(struct summary_years *y)
{
	struct summary_years_row	*row;
	char				 buf[SUMMARY_TEXT_MAX] = "";
	size_t				 r, kept = 0, i;
	size_t				 n = summary_years_count(y);
	int				 any;

	for (r = 0; r < y->nrows; r++) {
		row = &y->rows[r];
		for (i = 0, any = 0; i < n; i++)
			any |= row->years[i].count > 0;
		if (any || row->is_total || row->is_areas) {
			y->rows[kept++] = *row;
			continue;
		}
		snprintf(buf + strlen(buf), sizeof buf - strlen(buf), "%s%s",
		    buf[0] != '\0' ? "、" : "", row->name);
		free(row->name);
		free(row->group);
		free(row->years);
	}
	y->nrows = kept;
	if (buf[0] != '\0')
		y->omitted = xstrdup(buf);
}

int
summary_years_build(struct summary_years *y, const struct catalog *cat,
    const struct meeting_list *list, int first, int last,
    const struct summary_options *opt, struct error *err)
{
	const struct meeting_type	*t;
	struct summary_date		 d;
	struct summary_years_row	*row;
	struct month_window		 all;
	struct date			 end;
	char				 years[128], buf[SUMMARY_TEXT_MAX];
	size_t				 i, r, n, total = 0, nregional;
	size_t				*regional;
	int				 fy, any_cases = 0, any_started = 0;

	memset(y, 0, sizeof *y);
	if (first > last)
		return error_set(err, ERROR_INPUT, _("fiscal years %d..%d: "
		    "the first is after the last"), first, last);
	if (last - first >= SUMMARY_YEARS_MAX)
		return error_set(err, ERROR_INPUT, _("fiscal years %d..%d: at "
		    "most %d years in one table"), first, last,
		    SUMMARY_YEARS_MAX);
	y->city = xstrdup(opt->city);
	y->fy_first = first;
	y->fy_last = last;
	y->held_only = opt->held_only;
	if (opt->title != NULL && *opt->title != '\0')
		y->title = xstrdup(opt->title);
	else {
		format_fiscal_years(first, last, years, sizeof years);
		snprintf(buf, sizeof buf, "%s %s%s", years, opt->city != NULL ?
		    opt->city : "", opt->title_words != NULL &&
		    *opt->title_words != '\0' ? opt->title_words :
		    SUMMARY_TITLE_WORDS);
		y->title = xstrdup(buf);
	}
	if (opt->caption != NULL && *opt->caption != '\0') {
		snprintf(buf, sizeof buf, "■%s", opt->caption);
		y->caption = xstrdup(buf);
	}
	if (opt->doc_number != NULL && *opt->doc_number != '\0')
		y->doc_number = xstrdup(opt->doc_number);
	n = summary_years_count(y);
	if (opt->has_today && date_fiscal_year(opt->today) == last &&
	    date_compare(opt->today, date_fiscal_year_end(last)) < 0) {
		y->has_as_of = 1;
		y->as_of = opt->today;
	}
	for (i = 0; i < cat->ncenters; i++)
		if (cat->centers[i].has_started)
			any_started = 1;
	y->rows = xcalloc(cat->ntypes + 3, sizeof *y->rows);

	/* regional types by group, the areas, their total, city ones */
	regional = years_regional_order(cat, &nregional);
	for (i = 0; i < nregional; i++) {
		t = &cat->types[regional[i]];
		years_row_add(y, t, NULL, n);
		if (t->counts_cases)
			any_cases = 1;
	}
	free(regional);
	if (any_started) {
		row = years_row_add(y, NULL, "設置地区数", n);
		row->is_areas = 1;
		for (i = 0; i < n; i++) {
			end = date_fiscal_year_end(first + (int)i);
			if (y->has_as_of && i + 1 == n)
				end = y->as_of;
			row->years[i].count = centers_started_by(cat, end);
		}
	}
	total = y->nrows;
	row = years_row_add(y, NULL, "全会議（地域レベル）", n);
	row->is_total = 1;
	row->counts_cases = any_cases;
	for (i = 0; i < cat->ntypes; i++)
		if (cat->types[i].level == LEVEL_CITY)
			years_row_add(y, &cat->types[i], NULL, n);

	all.from_year = first;
	all.from_month = 4;
	all.to_year = last + 1;
	all.to_month = 3;
	for (i = 0; i < list->count; i++) {
		const struct meeting	*m = &list->items[i];

		fy = date_fiscal_year(m->date);
		if (fy < first || fy > last)
			continue;
		for (r = 0; r < y->nrows; r++)
			if (!y->rows[r].is_total && !y->rows[r].is_areas &&
			    y->rows[r].type_id == m->type_id)
				break;
		if (r == y->nrows)
			continue;
		date_of_meeting(&d, m, &all, y->held_only);
		if (!d.counted)
			continue;
		total_add(&y->rows[r].years[fy - first], &d,
		    y->rows[r].counts_cases);
		if (y->rows[r].level == LEVEL_REGIONAL)
			total_add(&y->rows[total].years[fy - first], &d,
			    y->rows[r].counts_cases);
	}
	years_omit_empty(y);
	return 0;
}

void
summary_years_free(struct summary_years *y)
{
	size_t	i;

	free(y->city);
	free(y->title);
	free(y->caption);
	free(y->doc_number);
	free(y->omitted);
	for (i = 0; i < y->nrows; i++) {
		free(y->rows[i].name);
		free(y->rows[i].group);
		free(y->rows[i].years);
	}
	free(y->rows);
	memset(y, 0, sizeof *y);
}

size_t
summary_years_count(const struct summary_years *y)
{
	return (size_t)(y->fy_last - y->fy_first + 1);
}

void
summary_years_format_title(const struct summary_years *y, char *buf,
    size_t size)
{
	snprintf(buf, size, "%s", y->title != NULL ? y->title : "");
}

void
summary_years_format_cell(const struct summary_years_row *row, size_t i,
    int cases, char *buf, size_t size)
{
	const struct summary_total	*t = &row->years[i];

	/* as the city's table: no meeting that year, a dash */
	if (t->count == 0)
		snprintf(buf, size, "－");
	else if (row->is_areas)
		snprintf(buf, size, "（%d地区）", t->count);
	else if (cases)
		snprintf(buf, size, "%d事例%s", t->cases,
		    t->cases_missing > 0 ? "※" : "");
	else
		snprintf(buf, size, "%d回", t->count);
}

void
summary_years_format_year(const struct summary_years *y, size_t i,
    char *year, size_t year_size, char *note, size_t note_size)
{
	date_format_fiscal_year(y->fy_first + (int)i, year, year_size);
	if (y->has_as_of && i + 1 == summary_years_count(y)) {
		/* the city's wording: 12月末現在 on a month's last day */
		if (y->as_of.day == date_days_in_month(y->as_of.year,
		    y->as_of.month))
			snprintf(note, note_size, "(%d月末現在)",
			    y->as_of.month);
		else
			snprintf(note, note_size, "(%d月%d日現在)",
			    y->as_of.month, y->as_of.day);
	} else if (note_size > 0)
		note[0] = '\0';
}
