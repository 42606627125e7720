/*
 * check.c -- the plan checks of one fiscal year: yearly targets per
 * center and type, meetings on days the offices are closed, clashes at
 * one center, city-level reporting windows that overlap or leave months
 * out, and records left incomplete (cases, status).
 */
#include <limits.h>
#include <stdarg.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "alloc.h"
#include "check.h"
#include "check-private.h"
#include "holiday.h"
#include "i18n.h"

static const char *kind_codes[CHECK_KIND_COUNT] = {
	[CHECK_TARGET_LOW] = "target-low",
	[CHECK_TARGET_HIGH] = "target-high",
	[CHECK_NON_WORKING_DAY] = "non-working-day",
	[CHECK_CLASH] = "clash",
	[CHECK_WINDOW_OVERLAP] = "window-overlap",
	[CHECK_WINDOW_GAP] = "window-gap",
	[CHECK_CASES_MISSING] = "cases-missing",
	[CHECK_STALE_PLANNED] = "stale-planned",
	[CHECK_ADVISOR_CLASH] = "advisor-clash",
	[CHECK_ADVISOR_UNAVAILABLE] = "advisor-unavailable",
	[CHECK_ADVISOR_MISSING] = "advisor-missing",
	[CHECK_FOLLOWUP_DUE] = "followup-due",
	[CHECK_OVER_CAPACITY] = "over-capacity",
};

/* What a reader of a printout is told, as the codes are for scripts. */
static const char *kind_labels[CHECK_KIND_COUNT] = {
	[CHECK_TARGET_LOW] = N_("below the target"),
	[CHECK_TARGET_HIGH] = N_("above the target"),
	[CHECK_NON_WORKING_DAY] = N_("on a day off"),
	[CHECK_CLASH] = N_("clash"),
	[CHECK_WINDOW_OVERLAP] = N_("windows overlap"),
	[CHECK_WINDOW_GAP] = N_("months left out"),
	[CHECK_CASES_MISSING] = N_("cases not recorded"),
	[CHECK_STALE_PLANNED] = N_("still planned"),
	[CHECK_ADVISOR_CLASH] = N_("advisor double-booked"),
	[CHECK_ADVISOR_UNAVAILABLE] = N_("advisor not available"),
	[CHECK_ADVISOR_MISSING] = N_("advisor not booked"),
	[CHECK_FOLLOWUP_DUE] = N_("follow-up due"),
	[CHECK_OVER_CAPACITY] = N_("over capacity"),
};

const char *
check_kind_label(enum check_kind kind)
{
	if ((unsigned)kind >= CHECK_KIND_COUNT)
		return "?";
	return _(kind_labels[kind]);
}

const char *
check_kind_code(enum check_kind kind)
{
	if ((unsigned)kind >= CHECK_KIND_COUNT)
		return "?";
	return kind_codes[kind];
}

void
finding_list_init(struct finding_list *list)
{
	memset(list, 0, sizeof *list);
}

void
finding_list_free(struct finding_list *list)
{
	size_t	i;

	for (i = 0; i < list->count; i++)
		free(list->items[i].message);
	free(list->items);
	finding_list_init(list);
}

/* Appends a finding about the whole year (date NULL) or one day. */
struct finding *
finding_add(struct finding_list *list, enum check_kind kind, long center_id,
    long type_id, int fy, const struct date *date)
{
	struct finding	*f;

	if (list->count == list->capacity) {
		list->capacity = list->capacity == 0 ? 16 : list->capacity * 2;
		list->items = xreallocarray(list->items, list->capacity,
		    sizeof *list->items);
	}
	f = &list->items[list->count++];
	memset(f, 0, sizeof *f);
	f->kind = kind;
	f->center_id = center_id;
	f->type_id = type_id;
	f->fiscal_year = fy;
	if (date != NULL) {
		f->has_date = 1;
		f->date = *date;
	}
	return f;
}

struct finding *
finding_list_append(struct finding_list *list, enum check_kind kind,
    const char *message)
{
	struct finding	*f = finding_add(list, kind, 0, 0, 0, NULL);

	f->message = xstrdup(message);
	return f;
}

void
finding_say(struct finding *f, const char *fmt, ...)
{
	char	buf[1024];
	va_list	ap;

	va_start(ap, fmt);
	vsnprintf(buf, sizeof buf, fmt, ap);
	va_end(ap);
	f->message = xstrdup(buf);
}

struct finding *
finding_list_add(struct finding_list *list, enum check_kind kind,
    const struct meeting *m, const char *message)
{
	struct finding	*f;

	f = finding_add(list, kind, m->center_id, m->type_id,
	    date_fiscal_year(m->date), &m->date);
	f->meeting_ids[0] = m->id;
	f->message = xstrdup(message);
	return f;
}

/* "2 a year", "1-2 a year", "at least 1 a year": words for a target. */
static void
target_format(const struct meeting_type *t, char *buf, size_t size)
{
	if (t->target_min == t->target_max)
		snprintf(buf, size, _("%d a year"), t->target_min);
	else if (t->target_max < 0)
		snprintf(buf, size, _("at least %d a year"), t->target_min);
	else if (t->target_min < 0)
		snprintf(buf, size, _("at most %d a year"), t->target_max);
	else
		snprintf(buf, size, _("%d-%d a year"), t->target_min,
		    t->target_max);
}

static void
check_target(const struct check_input *in, const struct meeting_type *t,
    long center_id, int n, struct finding_list *out)
{
	struct finding	*f;
	char		 target[128];

	target_format(t, target, sizeof target);
	if (t->target_min >= 0 && n < t->target_min) {
		f = finding_add(out, CHECK_TARGET_LOW, center_id, t->id,
		    in->fiscal_year, NULL);
		finding_say(f, _("%d held or planned in the fiscal year, "
		    "below the target of %s"), n, target);
	} else if (t->target_max >= 0 && n > t->target_max) {
		f = finding_add(out, CHECK_TARGET_HIGH, center_id, t->id,
		    in->fiscal_year, NULL);
		finding_say(f, _("%d held or planned in the fiscal year, "
		    "above the target of %s"), n, target);
	}
}

/* A center's id and its place in the catalog, to find it by bsearch. */
struct center_slot {
	long	id;
	size_t	index;
};

static int
compare_slots(const void *a, const void *b)
{
	const struct center_slot	*sa = a, *sb = b;

	return sa->id < sb->id ? -1 : sa->id > sb->id;
}

/*
 * The meetings that count, per type and center (a city-level type's in
 * the column after the centers), in one pass over the meetings: with a
 * thousand centers, a pass per center and type would be the whole cost.
 * The caller frees the counts, ntypes rows of ncenters + 1.
 */
static int *
targets_count(const struct check_input *in)
{
	const struct catalog	*cat = in->catalog;
	const struct meeting	*m;
	struct center_slot	*slots, key, *slot;
	size_t			 i, t, width = cat->ncenters + 1;
	int			*n;

	n = xcalloc(cat->ntypes * width + 1, sizeof *n);
	slots = xreallocarray(NULL, cat->ncenters + 1, sizeof *slots);
	for (i = 0; i < cat->ncenters; i++) {
		slots[i].id = cat->centers[i].id;
		slots[i].index = i;
	}
	qsort(slots, cat->ncenters, sizeof *slots, compare_slots);
	for (i = 0; i < in->meetings->count; i++) {
		m = &in->meetings->items[i];
		if (!meeting_counts_in(m, in->fiscal_year))
			continue;
		for (t = 0; t < cat->ntypes; t++)
			if (cat->types[t].id == m->type_id)
				break;
		if (t == cat->ntypes)
			continue;
		if (cat->types[t].level == LEVEL_CITY) {
			n[t * width + cat->ncenters]++;
			continue;
		}
		key.id = m->center_id;
		slot = bsearch(&key, slots, cat->ncenters, sizeof *slots,
		    compare_slots);
		if (slot != NULL)
			n[t * width + slot->index]++;
	}
	free(slots);
	return n;
}

static void
check_targets(const struct check_input *in, struct finding_list *out)
{
	const struct catalog		*cat = in->catalog;
	const struct meeting_type	*t;
	size_t				 i, j, width = cat->ncenters + 1;
	int				*n = targets_count(in);

	for (i = 0; i < cat->ntypes; i++) {
		t = &cat->types[i];
		if (t->target_min < 0 && t->target_max < 0)
			continue;
		if (t->level == LEVEL_CITY) {
			check_target(in, t, 0, n[i * width + cat->ncenters],
			    out);
			continue;
		}
		for (j = 0; j < cat->ncenters; j++)
			if (!cat->centers[j].retired)
				check_target(in, t, cat->centers[j].id,
				    n[i * width + j], out);
	}
	free(n);
}

static void
check_working_day(const struct check_input *in, const struct meeting *m,
    struct finding_list *out)
{
	enum workday_rest	 rest = workday_rest_of(m->date, in->closure);
	struct finding		*f;
	char			 closure[CLOSURE_LEN];

	if (rest == REST_NONE)
		return;
	f = finding_add(out, CHECK_NON_WORKING_DAY, m->center_id, m->type_id,
	    in->fiscal_year, &m->date);
	f->meeting_ids[0] = m->id;
	switch (rest) {
	case REST_HOLIDAY:
		finding_say(f, _("falls on a national holiday (%s)"),
		    holiday_name(m->date));
		break;
	case REST_SATURDAY:
		finding_say(f, "%s", _("falls on a Saturday"));
		break;
	case REST_SUNDAY:
		finding_say(f, "%s", _("falls on a Sunday"));
		break;
	default:
		closure_format(in->closure, closure, sizeof closure);
		finding_say(f, _("falls in the office closure (%s)"), closure);
		break;
	}
}

/* The minutes a meeting takes; without an end, just its start. */
static void
meeting_span(const struct meeting *m, int *from, int *to)
{
	*from = m->start;
	*to = m->end > m->start ? m->end : m->start + 1;
}

int
check_meetings_clash(const struct meeting *a, const struct meeting *b)
{
	int	a0, a1, b0, b1;

	if (a->center_id == 0 || a->center_id != b->center_id ||
	    date_compare(a->date, b->date) != 0 ||
	    a->status == STATUS_CANCELLED || b->status == STATUS_CANCELLED)
		return 0;
	/* without a time a meeting may take the day: it clashes with any */
	if (a->start < 0 || b->start < 0)
		return 1;
	meeting_span(a, &a0, &a1);
	meeting_span(b, &b0, &b1);
	return a0 < b1 && b0 < a1;
}

static void
check_clash(const struct check_input *in, const struct meeting *a,
    const struct meeting *b, struct finding_list *out)
{
	const struct meeting_type	*t;
	const struct meeting		*later = b, *earlier = a;
	struct finding			*f;
	int				 untimed;

	if (!check_meetings_clash(a, b))
		return;
	untimed = a->start < 0 || b->start < 0;
	if (!untimed) {
		if (a->start > b->start || (a->start == b->start &&
		    a->id > b->id)) {
			later = a;
			earlier = b;
		}
	} else if (a->id > b->id) {
		later = a;
		earlier = b;
	}
	t = catalog_type_by_id(in->catalog, earlier->type_id);
	f = finding_add(out, CHECK_CLASH, later->center_id, later->type_id,
	    in->fiscal_year, &later->date);
	f->meeting_ids[0] = later->id;
	f->meeting_ids[1] = earlier->id;
	if (untimed)
		finding_say(f, _("on the same day as meeting %ld (%s) at "
		    "the same center, and one of them has no time"),
		    earlier->id, t != NULL ? t->name : "?");
	else
		finding_say(f, _("overlaps meeting %ld (%s) at the same "
		    "center on the same day"), earlier->id,
		    t != NULL ? t->name : "?");
}

/* By center, then day, then place in the list. */
static int
compare_by_center_day(const void *a, const void *b)
{
	const struct meeting	*ma = *(const struct meeting * const *)a;
	const struct meeting	*mb = *(const struct meeting * const *)b;
	int			 c;

	if (ma->center_id != mb->center_id)
		return ma->center_id < mb->center_id ? -1 : 1;
	if ((c = date_compare(ma->date, mb->date)) != 0)
		return c;
	return ma < mb ? -1 : ma > mb;
}

/* Meeting day[k] against the others of its day, day[k + 1..end). */
static void
check_clashes_with(const struct check_input *in,
    const struct meeting **day, size_t k, size_t end,
    struct finding_list *out)
{
	size_t	i;

	for (i = k + 1; i < end; i++)
		check_clash(in, day[k], day[i], out);
}

/*
 * Every two meetings of one center on one day, each pair once. Sorted by
 * center and day, a pair is side by side: no search through the whole
 * year for each meeting, which at ten thousand a year was the cost.
 */
static void
check_clashes(const struct check_input *in, struct finding_list *out)
{
	const struct meeting_list	*ml = in->meetings;
	const struct meeting		**day;
	size_t				 i, j, k, n = 0;

	day = xreallocarray(NULL, ml->count + 1, sizeof *day);
	for (i = 0; i < ml->count; i++)
		if (ml->items[i].center_id != 0 &&
		    meeting_counts_in(&ml->items[i], in->fiscal_year))
			day[n++] = &ml->items[i];
	qsort(day, n, sizeof *day, compare_by_center_day);
	for (i = 0; i < n; i = j) {
		for (j = i + 1; j < n && day[j]->center_id ==
		    day[i]->center_id && date_compare(day[j]->date,
		    day[i]->date) == 0; j++)
			continue;
		for (k = i; k < j; k++)
			check_clashes_with(in, day, k, j, out);
	}
	free(day);
}

/*
 * 令和3年6月～令和3年7月, or 令和3年6月 for one month: months as the
 * printouts and the summary word them, whatever the locale.
 */
static void
month_range_format(int first, int last, char *buf, size_t size)
{
	char	a[32], b[32];	/* 令和元年12月: 20 bytes */

	date_format_era_month(first / 12, first % 12 + 1, a, sizeof a);
	if (first == last) {
		snprintf(buf, size, "%s", a);
		return;
	}
	date_format_era_month(last / 12, last % 12 + 1, b, sizeof b);
	snprintf(buf, size, "%s～%s", a, b);
}

/* Compares the window of cur with that of prev, the city meeting before. */
static void
check_window_pair(const struct check_input *in, const struct meeting *prev,
    const struct meeting *cur, struct finding_list *out)
{
	struct month_window	 wp, wc;
	struct finding		*f;
	char			 sp[80], sc[80], months[80];
	char			 day[DATE_JA_LEN];
	int			 ps, pe, cs, ce;

	meeting_window(prev, &wp);
	meeting_window(cur, &wc);
	ps = month_index(wp.from_year, wp.from_month);
	pe = month_index(wp.to_year, wp.to_month);
	cs = month_index(wc.from_year, wc.from_month);
	ce = month_index(wc.to_year, wc.to_month);
	if (cs == pe + 1)
		return;
	month_range_format(ps, pe, sp, sizeof sp);
	month_range_format(cs, ce, sc, sizeof sc);
	date_format_japanese(prev->date, day, sizeof day);
	f = finding_add(out, cs > pe ? CHECK_WINDOW_GAP : CHECK_WINDOW_OVERLAP,
	    0, cur->type_id, in->fiscal_year, &cur->date);
	f->meeting_ids[0] = cur->id;
	f->meeting_ids[1] = prev->id;
	if (cs > pe) {
		month_range_format(pe + 1, cs - 1, months, sizeof months);
		finding_say(f, _("no reporting window covers %s: this one "
		    "is %s, the previous meeting's (%s) is %s"), months, sc,
		    day, sp);
	} else if (ce >= ps) {
		month_range_format(cs > ps ? cs : ps, ce < pe ? ce : pe,
		    months, sizeof months);
		finding_say(f, _("reporting window %s shares %s with the "
		    "previous meeting's (%s, %s)"), sc, months, day, sp);
	} else
		finding_say(f, _("reporting window %s comes before the "
		    "previous meeting's (%s, %s)"), sc, day, sp);
}

static int
compare_by_date(const void *a, const void *b)
{
	const struct meeting	*ma = *(const struct meeting * const *)a;
	const struct meeting	*mb = *(const struct meeting * const *)b;
	int			 c = date_compare(ma->date, mb->date);

	if (c != 0)
		return c;
	return ma->id < mb->id ? -1 : ma->id > mb->id;
}

/*
 * Each city-level type's meetings follow one another: the windows of
 * one and of the next should meet with no month shared or left out.
 */
static void
check_windows(const struct check_input *in, struct finding_list *out)
{
	const struct meeting_list	*ml = in->meetings;
	const struct meeting		**city;
	const struct meeting_type	*t;
	struct date			 end;
	size_t				 i, j, n;

	end = date_fiscal_year_end(in->fiscal_year);
	city = xreallocarray(NULL, ml->count + 1, sizeof *city);
	for (i = 0; i < in->catalog->ntypes; i++) {
		t = &in->catalog->types[i];
		if (t->level != LEVEL_CITY)
			continue;
		n = 0;
		for (j = 0; j < ml->count; j++)
			if (ml->items[j].type_id == t->id &&
			    ml->items[j].status != STATUS_CANCELLED &&
			    date_compare(ml->items[j].date, end) <= 0)
				city[n++] = &ml->items[j];
		qsort(city, n, sizeof *city, compare_by_date);
		for (j = 1; j < n; j++)
			if (date_fiscal_year(city[j]->date) ==
			    in->fiscal_year)
				check_window_pair(in, city[j - 1], city[j],
				    out);
	}
	free(city);
}

static void
check_meeting(const struct check_input *in, const struct meeting *m,
    struct finding_list *out)
{
	const struct meeting_type	*t;
	struct finding			*f;

	check_working_day(in, m, out);
	t = catalog_type_by_id(in->catalog, m->type_id);
	if (m->status == STATUS_HELD && t != NULL && t->counts_cases &&
	    m->cases < 0) {
		f = finding_add(out, CHECK_CASES_MISSING, m->center_id,
		    m->type_id, in->fiscal_year, &m->date);
		f->meeting_ids[0] = m->id;
		finding_say(f, "%s", _("held, but the number of cases is "
		    "not recorded"));
	}
	if (m->status == STATUS_PLANNED &&
	    date_compare(m->date, in->today) < 0) {
		f = finding_add(out, CHECK_STALE_PLANNED, m->center_id,
		    m->type_id, in->fiscal_year, &m->date);
		f->meeting_ids[0] = m->id;
		finding_say(f, "%s", _("still marked planned, but the date "
		    "has passed: mark it held or cancelled"));
	}
	if (t != NULL && t->capacity > 0 && m->cases > t->capacity) {
		f = finding_add(out, CHECK_OVER_CAPACITY, m->center_id,
		    m->type_id, in->fiscal_year, &m->date);
		f->meeting_ids[0] = m->id;
		finding_say(f, _("%d cases, more than the %d a meeting of "
		    "this type takes"), m->cases, t->capacity);
	}
}

/*
 * A case's 中間 or 終了前 due in the fiscal year with no meeting to take
 * it (followup.h); shown with the 初回's meeting, on the day it is due.
 */
static void
check_followups(const struct check_input *in, struct finding_list *out)
{
	const struct followup	*fu;
	struct finding		*f;
	char			 due[DATE_JA_LEN], from[DATE_JA_LEN];
	char			 initial[DATE_JA_LEN];
	size_t			 i;

	for (i = 0; in->followups != NULL && i < in->followups->count; i++) {
		fu = &in->followups->items[i];
		if (fu->has_meeting ||
		    date_fiscal_year(fu->due) != in->fiscal_year)
			continue;
		f = finding_add(out, CHECK_FOLLOWUP_DUE, fu->center_id,
		    fu->type_id, in->fiscal_year, &fu->due);
		f->meeting_ids[0] = fu->initial_meeting_id;
		date_format_japanese(fu->due, due, sizeof due);
		date_format_japanese(fu->from, from, sizeof from);
		date_format_japanese(fu->initial, initial, sizeof initial);
		finding_say(f, _("case %s: its %s is due by %s, and no "
		    "meeting that can take it is held or planned from %s to "
		    "then (初回 on %s)"), fu->ref, case_stage_label(fu->stage),
		    due, from, initial);
	}
}

/* What findings are sorted by; positions come from the catalog. */
struct sort_key {
	int		has_date;
	long		day;
	int		center;
	int		type;
	int		kind;
	long		id, other;
	long		advisor;
	struct finding	finding;
};

static int
compare_keys(const void *a, const void *b)
{
	const struct sort_key	*ka = a, *kb = b;

	if (ka->has_date != kb->has_date)
		return ka->has_date - kb->has_date;
	if (ka->day != kb->day)
		return ka->day < kb->day ? -1 : 1;
	if (ka->center != kb->center)
		return ka->center < kb->center ? -1 : 1;
	if (ka->type != kb->type)
		return ka->type < kb->type ? -1 : 1;
	if (ka->kind != kb->kind)
		return ka->kind - kb->kind;
	if (ka->id != kb->id)
		return ka->id < kb->id ? -1 : 1;
	if (ka->other != kb->other)
		return ka->other < kb->other ? -1 : 1;
	return ka->advisor < kb->advisor ? -1 : ka->advisor > kb->advisor;
}

/* Sorts the findings from index first on (C11 has no qsort_r). */
static void
findings_sort(const struct catalog *cat, struct finding_list *list,
    size_t first)
{
	const struct center		*c;
	const struct meeting_type	*t;
	struct sort_key			*keys;
	struct finding			*f;
	size_t				 i, n = list->count - first;

	if (n < 2)
		return;
	keys = xreallocarray(NULL, n, sizeof *keys);
	for (i = 0; i < n; i++) {
		f = &list->items[first + i];
		c = catalog_center_by_id(cat, f->center_id);
		t = catalog_type_by_id(cat, f->type_id);
		keys[i].has_date = f->has_date;
		keys[i].day = f->has_date ? date_to_days(f->date) : 0;
		keys[i].center = f->center_id == 0 ? INT_MIN :
		    c != NULL ? c->position : INT_MAX;
		keys[i].type = t != NULL ? t->position : INT_MAX;
		keys[i].kind = (int)f->kind;
		keys[i].id = f->meeting_ids[0];
		keys[i].other = f->meeting_ids[1];
		keys[i].advisor = f->advisor_id;
		keys[i].finding = *f;
	}
	qsort(keys, n, sizeof *keys, compare_keys);
	for (i = 0; i < n; i++)
		list->items[first + i] = keys[i].finding;
	free(keys);
}

void
check_run(const struct check_input *in, struct finding_list *out)
{
	const struct meeting_list	*ml = in->meetings;
	size_t				 i, first = out->count;

	check_targets(in, out);
	for (i = 0; i < ml->count; i++)
		if (meeting_counts_in(&ml->items[i], in->fiscal_year))
			check_meeting(in, &ml->items[i], out);
	check_clashes(in, out);
	check_windows(in, out);
	if (in->advisors != NULL && in->assignments != NULL)
		check_advisors(in, out);
	check_followups(in, out);
	findings_sort(in->catalog, out, first);
}
