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
month_number(int year, int month)
{
	return year * 12 + (month - 1);
}

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
	size_t				 i, j, c;
	int				 fy;

	memset(s, 0, sizeof *s);
	if (w->from_month < 1 || w->from_month > 12 || w->to_month < 1 ||
	    w->to_month > 12 || month_number(w->from_year, w->from_month) >
	    month_number(w->to_year, w->to_month))
		return error_set(err, ERROR_INPUT, _("the reporting window's "
		    "first month is after its last"));
	if (target != NULL && ((t = catalog_type_by_id(cat,
	    target->type_id)) == NULL || t->level != LEVEL_CITY))
		return error_set(err, ERROR_INPUT, _("the meeting of "
		    "%04d-%02d-%02d is not a city-level meeting"),
		    target->date.year, target->date.month, target->date.day);
	s->city = xstrdup(opt->city);
	s->window = *w;
	s->held_only = opt->held_only;
	summary_span(w, target != NULL ? &target->date : NULL, &from, &to);
	s->fy_first = date_fiscal_year(from);
	s->fy_last = date_fiscal_year(to);
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
	}
	for (i = 0; i < s->nrows; i++)
		for (j = 0; j < s->ncolumns; j++) {
			struct summary_cell	*cell = &s->rows[i].cells[j];

			if (cell->count > s->columns[j].slots)
				s->columns[j].slots = cell->count;
		}
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
	char	window[128];

	summary_format_window(s, window, sizeof window);
	snprintf(buf, size, "%s%s%s 地域ケア会議 開催状況",
	    s->city != NULL ? s->city : "", s->city != NULL ? " " : "",
	    window);
}

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

void
summary_format_subtitle(const struct summary *s, char *buf, size_t size)
{
	char	years[128], when[DATE_JA_LEN];

	format_fiscal_years(s->fy_first, s->fy_last, years, sizeof years);
	if (s->has_target) {
		date_format_japanese(s->target.when.date, when, sizeof when);
		snprintf(buf, size, "%s %s　%sの開催%s状況", when,
		    s->target.type_name, years, s->held_only ? "" :
		    "（予定含む）");
	} else
		snprintf(buf, size, "%sの開催%s状況", years, s->held_only ?
		    "" : "（予定含む）");
	if (s->held_only)
		snprintf(buf + strlen(buf), size - strlen(buf),
		    "（集計は実施済のみ）");
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
	}
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
	struct text_buf		 b;
	int			 year;

	text_buf_init(&b, buf, size);
	if (s->single_year || date_era_of(d, &era, &year) == -1) {
		text_buf_add_long(&b, d.month, 0);
		text_buf_add(&b, "月");
		text_buf_add_long(&b, d.day, 0);
		text_buf_add(&b, "日");
	} else {
		text_buf_add(&b, era->letter);
		text_buf_add_long(&b, year, 0);
		text_buf_add_mem(&b, ".", 1);
		text_buf_add_long(&b, d.month, 0);
		text_buf_add_mem(&b, ".", 1);
		text_buf_add_long(&b, d.day, 0);
	}
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
	size_t				 i, r, n, total = 0;
	int				 fy, pass, any_cases = 0;

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
	n = summary_years_count(y);
	if (opt->has_today && date_fiscal_year(opt->today) == last &&
	    date_compare(opt->today, date_fiscal_year_end(last)) < 0) {
		y->has_as_of = 1;
		y->as_of = opt->today;
	}
	y->rows = xcalloc(cat->ntypes + 2, sizeof *y->rows);
	/* regional types and their total, as in the grid; city ones after */
	for (pass = 0; pass < 2; pass++) {
		for (i = 0; i < cat->ntypes; i++) {
			t = &cat->types[i];
			if ((pass == 0) != (t->level == LEVEL_REGIONAL))
				continue;
			row = &y->rows[y->nrows++];
			row->type_id = t->id;
			row->name = xstrdup(t->name);
			row->level = t->level;
			row->counts_cases = t->counts_cases;
			row->years = xcalloc(n, sizeof *row->years);
			if (t->level == LEVEL_REGIONAL && t->counts_cases)
				any_cases = 1;
		}
		if (pass == 0) {
			total = y->nrows;
			row = &y->rows[y->nrows++];
			row->name = xstrdup("全会議（地域レベル）");
			row->is_total = 1;
			row->level = LEVEL_REGIONAL;
			row->counts_cases = any_cases;
			row->years = xcalloc(n, sizeof *row->years);
		}
	}
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
			if (!y->rows[r].is_total &&
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
	return 0;
}

void
summary_years_free(struct summary_years *y)
{
	size_t	i;

	free(y->city);
	for (i = 0; i < y->nrows; i++) {
		free(y->rows[i].name);
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
	char	years[128];

	format_fiscal_years(y->fy_first, y->fy_last, years, sizeof years);
	snprintf(buf, size, "%s%s%s 地域ケア会議 開催状況%s",
	    y->city != NULL ? y->city : "", y->city != NULL ? " " : "",
	    years, y->held_only ? "（実施済のみ）" : "（予定含む）");
}

void
summary_years_format_year(const struct summary_years *y, size_t i,
    char *year, size_t year_size, char *note, size_t note_size)
{
	date_format_fiscal_year(y->fy_first + (int)i, year, year_size);
	if (y->has_as_of && i + 1 == summary_years_count(y))
		snprintf(note, note_size, "(%d月%d日現在)", y->as_of.month,
		    y->as_of.day);
	else if (note_size > 0)
		note[0] = '\0';
}
