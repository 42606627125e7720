/*
 * data.c -- the meetings the views work on, read from the store one
 * fiscal year at a time (never the whole table), with the neighbouring
 * years read ahead a few days at a time while the user is idle so that
 * [ and ] answer at once, and the unfiltered plan that the summary and
 * the checks need put together from what is already in memory where it
 * can be (a year not in memory is read for the plan only, without its
 * text), with the year's plan checks worked out once (they are the slow
 * part).
 */
#include <stdlib.h>
#include <string.h>

#include "alloc.h"
#include "check.h"
#include "settings.h"
#include "tui.h"

/* the years shown and read ahead, and the unfiltered ones of the plan */
#define CACHE_YEARS	6
/*
 * A step of the read-ahead reads about this many meetings: 0.3 ms, at
 * most 4 ms here (a whole year of 10,000 in one step was 40-50 ms, and a
 * key pressed meanwhile waited for all of it). 64, 128 or 512 a step
 * read a year in the same time in all (60 ms); 64 makes the shortest
 * steps. The first step of a year reads one day: how busy the year is,
 * is not known yet.
 */
#define PREFETCH_ROWS	64
#define PREFETCH_FIRST	1

struct year_entry {
	int			 used;
	int			 fy;
	struct meeting_filter	 filter;	/* its dates are unused */
	/* MEETING_FIELDS_PLAN: read for the plan only, never shown */
	enum meeting_fields	 fields;
	struct meeting_list	 list;
	/*
	 * A year being read ahead (data_prefetch) is partial until it is
	 * whole, and only then shown or lent to the plan: next is its
	 * first day not read yet, span the days the next step reads.
	 */
	int			 partial;
	struct date		 next;
	int			 span;
	unsigned long		 last_used;
};

static struct {
	struct year_entry	 years[CACHE_YEARS];
	unsigned long		 clock;
	int			 current_fy;	/* what tui->meetings holds */
	struct meeting_filter	 current_filter;
	int			 has_current;
	int			 has_city;
	struct meeting_list	 city;		/* every city-level meeting */
	int			 has_findings;
	int			 findings_fy;
	struct finding_list	 findings;	/* its plan checks */
	/*
	 * The array data_plan_borrow lends, kept from one plan to the
	 * next: a new one for each was 4 MB of fresh pages to fault in.
	 */
	struct meeting		*plan;
	size_t			 plan_capacity;
	struct meeting		*plan_lent;	/* out on loan, or NULL */
} cache;

static int
same_filter(const struct meeting_filter *a, const struct meeting_filter *b)
{
	return a->center_id == b->center_id && a->type_id == b->type_id &&
	    a->mode == b->mode && a->status == b->status &&
	    a->exclude_cancelled == b->exclude_cancelled;
}

static int
filter_is_empty(const struct meeting_filter *f)
{
	struct meeting_filter	none;

	meeting_filter_init(&none);
	return same_filter(f, &none);
}

/* A whole year read with at least fields (a plan serves the plan only). */
static struct year_entry *
find(int fy, const struct meeting_filter *f, enum meeting_fields fields)
{
	struct year_entry	*e;
	size_t			 i;

	for (i = 0; i < CACHE_YEARS; i++) {
		e = &cache.years[i];
		if (e->used && !e->partial && e->fy == fy &&
		    same_filter(&e->filter, f) &&
		    (e->fields == MEETING_FIELDS_ALL || e->fields == fields))
			return e;
	}
	return NULL;
}

/* The year being read ahead, its first days in. */
static struct year_entry *
find_partial(int fy, const struct meeting_filter *f)
{
	struct year_entry	*e;
	size_t			 i;

	for (i = 0; i < CACHE_YEARS; i++) {
		e = &cache.years[i];
		if (e->used && e->partial && e->fy == fy &&
		    same_filter(&e->filter, f))
			return e;
	}
	return NULL;
}

/* Once a year is read whole, its plan is of no more use. */
static void
forget_plan(int fy, const struct meeting_filter *f)
{
	struct year_entry	*e;
	size_t			 i;

	for (i = 0; i < CACHE_YEARS; i++) {
		e = &cache.years[i];
		if (e->used && e->fy == fy && same_filter(&e->filter, f) &&
		    e->fields == MEETING_FIELDS_PLAN) {
			meeting_list_free(&e->list);
			memset(e, 0, sizeof *e);
		}
	}
}

/* A free entry, or the one used longest ago (emptied). */
static struct year_entry *
take_entry(void)
{
	struct year_entry	*e = &cache.years[0];
	size_t			 i;

	for (i = 0; i < CACHE_YEARS; i++) {
		if (!cache.years[i].used) {
			e = &cache.years[i];
			break;
		}
		if (cache.years[i].last_used < e->last_used)
			e = &cache.years[i];
	}
	if (e->used)
		meeting_list_free(&e->list);
	memset(e, 0, sizeof *e);
	return e;
}

static int
query_year(struct tui *tui, int fy, const struct meeting_filter *filter,
    enum meeting_fields fields, struct meeting_list *list, struct error *err)
{
	struct meeting_filter	f = *filter;

	f.fields = fields;
	f.has_from = f.has_to = 1;
	f.from = date_fiscal_year_start(fy);
	f.to = date_fiscal_year_end(fy);
	meeting_list_init(list);
	if (store_meetings_load(tui->store, &f, list, err) == -1) {
		meeting_list_free(list);
		return -1;
	}
	return 0;
}

/*
 * Read the next span of the partial entry e, or (whole) all it still
 * lacks. The store gives each span in the order of a whole year's read
 * (by date first), and spans follow one another day after day, so the
 * list is the same as that of one read of the year. The next span is
 * sized to hold about PREFETCH_ROWS meetings at the density of this one,
 * growing at most twofold (a quiet week can come before a busy month).
 * On failure e is dropped.
 */
static int
read_span(struct tui *tui, struct year_entry *e, int whole,
    struct error *err)
{
	struct meeting_filter	f = e->filter;
	struct date		end = date_fiscal_year_end(e->fy);
	size_t			before = e->list.count, n;
	long			days, span;

	f.fields = MEETING_FIELDS_ALL;
	f.has_from = f.has_to = 1;
	f.from = e->next;
	f.to = whole ? end : date_add_days(e->next, e->span - 1);
	if (date_compare(f.to, end) > 0)
		f.to = end;
	if (store_meetings_load(tui->store, &f, &e->list, err) == -1) {
		meeting_list_free(&e->list);
		memset(e, 0, sizeof *e);
		return -1;
	}
	e->last_used = ++cache.clock;
	if (date_compare(f.to, end) == 0) {
		e->partial = 0;
		forget_plan(e->fy, &e->filter);
		return 0;
	}
	e->next = date_add_days(f.to, 1);
	days = date_to_days(f.to) - date_to_days(f.from) + 1;
	n = e->list.count - before;
	span = 2L * e->span;
	if (n > 0 && days * PREFETCH_ROWS / (long)n < span)
		span = days * PREFETCH_ROWS / (long)n;
	e->span = span < 1 ? 1 : span > 366 ? 366 : (int)span;
	return 0;
}

static void
data_forget(void)
{
	size_t	i;

	for (i = 0; i < CACHE_YEARS; i++)
		if (cache.years[i].used)
			meeting_list_free(&cache.years[i].list);
	meeting_list_free(&cache.city);
	memset(cache.years, 0, sizeof cache.years);
	cache.has_city = 0;
	finding_list_free(&cache.findings);
	cache.has_findings = 0;
	free(cache.plan);	/* NULL while lent: freed on its return */
	cache.plan = NULL;
	cache.plan_capacity = 0;
}

int
data_load_year(struct tui *tui, struct error *err)
{
	struct year_entry	*e;
	struct meeting_list	 list;

	if (cache.has_current && cache.current_fy == tui->fiscal_year &&
	    same_filter(&cache.current_filter, &tui->filter))
		return 0;
	/* a year partly read ahead: the rest of it in one read */
	if ((e = find_partial(tui->fiscal_year, &tui->filter)) != NULL &&
	    read_span(tui, e, 1, err) == -1)
		return -1;
	if ((e = find(tui->fiscal_year, &tui->filter,
	    MEETING_FIELDS_ALL)) != NULL) {
		list = e->list;
		memset(e, 0, sizeof *e);
	} else if (query_year(tui, tui->fiscal_year, &tui->filter,
	    MEETING_FIELDS_ALL, &list, err) == -1)
		return -1;
	forget_plan(tui->fiscal_year, &tui->filter);
	/* the year shown before stays at hand for going back */
	if (cache.has_current) {
		e = take_entry();
		e->used = 1;
		e->fy = cache.current_fy;
		e->filter = cache.current_filter;
		e->list = tui->meetings;
		e->last_used = ++cache.clock;
	} else
		meeting_list_free(&tui->meetings);
	tui->meetings = list;
	tui->meetings_serial++;
	cache.current_fy = tui->fiscal_year;
	cache.current_filter = tui->filter;
	cache.has_current = 1;
	return 0;
}

void
data_reset(struct tui *tui)
{
	data_forget();
	tui->generation++;
	tui->meetings_serial++;
	meeting_list_free(&tui->meetings);
	cache.has_current = 0;
}

static int	load_city(struct tui *, struct error *);

/*
 * The neighbouring years are read a span of days per step (read_span),
 * so that a key pressed meanwhile never waits long. A partial year is of
 * no use until it is whole (data_load_year reads the rest of it at
 * once); a change of the data (data_reset) drops it with everything.
 */
int
data_prefetch(struct tui *tui)
{
	struct year_entry	*e;
	struct error		 err;
	int			 fy, k;

	/* the city-level meetings the summary and the checks look back on */
	if (!cache.has_city)
		return load_city(tui, &err) == 0;

	for (k = 0; k < 2; k++) {
		fy = tui->fiscal_year + (k == 0 ? 1 : -1);
		if (fy < 1 || fy > 9998 || find(fy, &tui->filter,
		    MEETING_FIELDS_ALL) != NULL)
			continue;
		if ((e = find_partial(fy, &tui->filter)) == NULL) {
			e = take_entry();
			meeting_list_init(&e->list);
			e->used = 1;
			e->fy = fy;
			e->filter = tui->filter;
			e->fields = MEETING_FIELDS_ALL;
			e->partial = 1;
			e->next = date_fiscal_year_start(fy);
			e->span = PREFETCH_FIRST;
		}
		/* on failure, tried again when it is needed */
		return read_span(tui, e, 0, &err) == 0;
	}
	/* the year's plan checks, for the summary and the checks views */
	if (!cache.has_findings || cache.findings_fy != tui->fiscal_year)
		return data_plan_findings(tui, &err) != NULL;
	return 0;
}

/*
 * Right after the first screen, before the first key is read: what the
 * summary and checks views need of this year, the city-level meetings
 * and the plan checks (at 10,000 meetings a year the checks made the
 * first switch to either view take 25 ms). The neighbouring years wait
 * for idle time.
 */
void
data_warm(struct tui *tui)
{
	struct error	err;

	if (!cache.has_city && load_city(tui, &err) == -1)
		return;
	(void)data_plan_findings(tui, &err);
}

/* The meetings of src dated from..to: [*lo, *end). src is in date order. */
static void
find_range(const struct meeting_list *src, struct date from, struct date to,
    size_t *lo, size_t *end)
{
	size_t	hi = src->count, mid;

	*lo = 0;
	while (*lo < hi) {	/* the first dated from or later */
		mid = *lo + (hi - *lo) / 2;
		if (date_compare(src->items[mid].date, from) < 0)
			*lo = mid + 1;
		else
			hi = mid;
	}
	for (*end = *lo; *end < src->count &&
	    date_compare(src->items[*end].date, to) <= 0; (*end)++)
		continue;
}

/*
 * Append the meetings of src dated from..to as shallow copies: their
 * strings stay src's (see data_plan_borrow).
 */
static void
borrow_range(struct meeting_list *out, const struct meeting_list *src,
    struct date from, struct date to)
{
	size_t	lo, end;

	find_range(src, from, to, &lo, &end);
	if (end == lo)
		return;
	if (out->count + (end - lo) > out->capacity) {
		out->capacity = out->count + (end - lo);
		out->items = xreallocarray(out->items, out->capacity,
		    sizeof *out->items);
	}
	memcpy(out->items + out->count, src->items + lo,
	    (end - lo) * sizeof *out->items);
	out->count += end - lo;
}

static int
load_city(struct tui *tui, struct error *err)
{
	struct meeting_filter	f;
	size_t			i;

	if (cache.has_city)
		return 0;
	meeting_list_init(&cache.city);
	for (i = 0; i < tui->catalog->ntypes; i++) {
		if (tui->catalog->types[i].level != LEVEL_CITY)
			continue;
		meeting_filter_init(&f);
		f.type_id = tui->catalog->types[i].id;
		f.fields = MEETING_FIELDS_PLAN;
		if (store_meetings_load(tui->store, &f, &cache.city,
		    err) == -1) {
			meeting_list_free(&cache.city);
			return -1;
		}
	}
	/* one query per type: put them back in the store's order */
	meeting_list_sort(&cache.city, tui->catalog);
	cache.has_city = 1;
	return 0;
}

int
data_plan_borrow(struct tui *tui, struct date from, struct date to,
    struct meeting_list *list, struct error *err)
{
	struct meeting_filter	 none;
	struct year_entry	*e;
	int			 fy, lending = cache.plan_lent == NULL;

	meeting_list_init(list);
	meeting_filter_init(&none);
	if (lending) {
		/* the array of the plan before, its pages in memory already */
		list->items = cache.plan;
		list->capacity = cache.plan_capacity;
		cache.plan = NULL;
		cache.plan_capacity = 0;
	}
	/*
	 * The entries used here are the most recently used, so the ones
	 * taken for later years (a span has at most three) never evict
	 * one borrowed from a moment ago.
	 */
	for (fy = date_fiscal_year(from); fy <= date_fiscal_year(to); fy++) {
		if (fy == tui->fiscal_year && filter_is_empty(&tui->filter)) {
			borrow_range(list, &tui->meetings, from, to);
			continue;
		}
		/* a year not read yet: only what the plan needs of it */
		if ((e = find(fy, &none, MEETING_FIELDS_PLAN)) == NULL) {
			e = take_entry();
			if (query_year(tui, fy, &none, MEETING_FIELDS_PLAN,
			    &e->list, err) == -1)
				goto fail;
			e->used = 1;
			e->fy = fy;
			e->filter = none;
			e->fields = MEETING_FIELDS_PLAN;
		}
		e->last_used = ++cache.clock;
		borrow_range(list, &e->list, from, to);
	}
	if (load_city(tui, err) == -1)
		goto fail;
	borrow_range(list, &cache.city, (struct date){ 1, 1, 1 },
	    date_add_days(from, -1));
	if (lending)
		cache.plan_lent = list->items;
	return 0;
fail:
	if (lending)
		cache.plan_lent = list->items;
	data_plan_release(list);
	return -1;
}

void
data_plan_release(struct meeting_list *list)
{
	if (list->items != NULL && list->items == cache.plan_lent) {
		cache.plan = list->items;
		cache.plan_capacity = list->capacity;
		cache.plan_lent = NULL;
	} else
		free(list->items);
	meeting_list_init(list);
}

int
data_plan_city(struct tui *tui, int fy, const struct meeting **city,
    size_t *count, struct error *err)
{
	size_t	lo, end;

	*city = NULL;
	*count = 0;
	if (load_city(tui, err) == -1)
		return -1;
	find_range(&cache.city, date_fiscal_year_start(fy),
	    date_fiscal_year_end(fy), &lo, &end);
	*city = cache.city.items + lo;
	*count = end - lo;
	return 0;
}

/*
 * The advisors and the bookings of fiscal year fy, with their settings,
 * for its checks (as `carecal check` has them); the caller frees both.
 */
static int
plan_advisors(struct tui *tui, int fy, struct check_input *in,
    struct advisor_list *advisors, struct assignment_list *assignments,
    struct error *err)
{
	struct date	first = date_fiscal_year_start(fy);
	struct date	last = date_fiscal_year_end(fy);

	return store_advisors_for_checks(tui->store, &first, &last, advisors,
	    assignments, &in->horizon, &in->one_center_a_day, err);
}

const struct finding_list *
data_plan_findings(struct tui *tui, struct error *err)
{
	struct check_input	in;
	struct meeting_list	plan;
	struct closure		closure;
	struct followup_list	followups;
	struct advisor_list	advisors;
	struct assignment_list	assignments;

	if (cache.has_findings && cache.findings_fy == tui->fiscal_year)
		return &cache.findings;
	finding_list_free(&cache.findings);
	cache.has_findings = 0;
	followup_list_init(&followups);
	memset(&in, 0, sizeof in);
	if (plan_advisors(tui, tui->fiscal_year, &in, &advisors, &assignments,
	    err) == -1) {
		advisor_list_free(&advisors);
		assignment_list_free(&assignments);
		return NULL;
	}
	if (settings_closure_load(tui->store, &closure, err) == -1 ||
	    store_followups_load(tui->store, tui->catalog,
	    date_fiscal_year_start(tui->fiscal_year),
	    date_fiscal_year_end(tui->fiscal_year), &followups, err) == -1 ||
	    data_plan_borrow(tui, date_fiscal_year_start(tui->fiscal_year),
	    date_fiscal_year_end(tui->fiscal_year), &plan, err) == -1) {
		followup_list_free(&followups);
		advisor_list_free(&advisors);
		assignment_list_free(&assignments);
		return NULL;
	}
	in.advisors = &advisors;
	in.assignments = &assignments;
	in.catalog = tui->catalog;
	in.meetings = &plan;
	in.fiscal_year = tui->fiscal_year;
	in.today = tui->today;
	in.closure = &closure;
	in.followups = &followups;
	check_run(&in, &cache.findings);
	data_plan_release(&plan);
	followup_list_free(&followups);
	advisor_list_free(&advisors);
	assignment_list_free(&assignments);
	cache.has_findings = 1;
	cache.findings_fy = tui->fiscal_year;
	return &cache.findings;
}

size_t
data_day_range(struct tui *tui, struct date d, size_t *first)
{
	const struct meeting_list	*list = &tui->meetings;
	size_t				 lo = 0, hi = list->count, mid;

	/* the list is in date order */
	while (lo < hi) {
		mid = lo + (hi - lo) / 2;
		if (date_compare(list->items[mid].date, d) < 0)
			lo = mid + 1;
		else
			hi = mid;
	}
	*first = lo;
	for (hi = lo; hi < list->count &&
	    date_compare(list->items[hi].date, d) == 0; hi++)
		continue;
	return hi - lo;
}
