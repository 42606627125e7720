/*
 * plan.c -- drafting a fiscal year: how many meetings each center and
 * type still needs, on which days (last year's rhythm, else the
 * cadence), moved off days off and clashes, with the advisors booked.
 *
 * In two passes, so that what last year did comes first: the meetings
 * that carry a meeting of last year, then those the count adds. Within
 * a pass, centers and types in the catalog's order; an advisor is
 * chosen among those free by fewest bookings, then id.
 */
#include <stdarg.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "advisor.h"
#include "alloc.h"
#include "check.h"
#include "holiday.h"
#include "i18n.h"
#include "plan.h"

#define DEFAULT_WEEKDAY	3	/* Wednesday, when nothing says otherwise */

/* One meeting wanted: its month and day, its time, where it came from. */
struct slot {
	int		 month;		/* 0 April .. 11 March */
	struct date	 want;
	int		 start, end;
	enum meeting_mode mode;
	int		 carried;	/* from a meeting of last year */
	int		 has_window;
	struct month_window window;
};

/* The meetings of one center and type: last year's and this year's. */
struct group {
	const struct meeting	**like;
	size_t			  nlike;
	const struct meeting	**have;
	size_t			  nhave;
	struct slot		 *slots;	/* still to draft */
	size_t			  nslots;
};

/* What a center has on its days: meetings stored and drafted. */
struct busy {
	struct meeting	*items;		/* shallow: no strings */
	size_t		 count, capacity;
};

/* How a type usually meets, from last year's meetings of every center. */
struct usual {
	int	weekday;
	int	nth;
	int	start, end;
	int	known;
};

struct center_slot {
	long	id;
	size_t	index;
};

struct state {
	const struct plan_input	*in;
	struct center_slot	*center_slots;	/* by id */
	struct plan		*out;
	size_t			 width;		/* centers + the city column */
	struct group		*groups;	/* ntypes rows of width */
	struct busy		*busy;		/* width */
	struct usual		*usual;		/* ntypes */
	const struct meeting	**pool;		/* the groups' pointers */
	unsigned char		*no_advisor;	/* per type and need: told */
	size_t			 maxneeds;
	long			 next_id;	/* the next draft's (< 0) */
};

void
plan_init(struct plan *p)
{
	memset(p, 0, sizeof *p);
	meeting_list_init(&p->meetings);
}

void
plan_free(struct plan *p)
{
	size_t	i;

	meeting_list_free(&p->meetings);
	free(p->bookings);
	for (i = 0; i < p->nnotes; i++)
		free(p->notes[i].message);
	free(p->notes);
	plan_init(p);
}

struct date
plan_nth_weekday(int year, int month, int weekday, int nth)
{
	struct date	d = { year, month, 1 };
	int		last = date_days_in_month(year, month);

	d.day = 1 + (weekday - date_weekday(d) + 7) % 7 + 7 * (nth - 1);
	while (d.day > last)
		d.day -= 7;
	return d;
}

static void
note_add(struct state *st, long center_id, long type_id,
    const struct date *date, const char *fmt, ...)
    __attribute__((format(printf, 5, 6)));

static void
note_add(struct state *st, long center_id, long type_id,
    const struct date *date, const char *fmt, ...)
{
	struct plan	*p = st->out;
	struct plan_note *n;
	char		 buf[1024];
	va_list		 ap;

	va_start(ap, fmt);
	vsnprintf(buf, sizeof buf, fmt, ap);
	va_end(ap);
	if (p->nnotes == p->cnotes) {
		p->cnotes = p->cnotes == 0 ? 16 : p->cnotes * 2;
		p->notes = xreallocarray(p->notes, p->cnotes,
		    sizeof *p->notes);
	}
	n = &p->notes[p->nnotes++];
	memset(n, 0, sizeof *n);
	n->center_id = center_id;
	n->type_id = type_id;
	if (date != NULL) {
		n->has_date = 1;
		n->date = *date;
	}
	n->message = xstrdup(buf);
}

/* The month of fiscal year fy numbered from 0 (April) as a date's. */
static void
month_of(int fy, int month, int *year, int *mon)
{
	*mon = (month + 3) % 12 + 1;
	*year = month < 9 ? fy : fy + 1;
}

static int
fiscal_month(struct date d)
{
	return (d.month + 8) % 12;
}

/* ---- the index of centers and the groups ---- */

static int
compare_center_slots(const void *a, const void *b)
{
	const struct center_slot	*sa = a, *sb = b;

	return sa->id < sb->id ? -1 : sa->id > sb->id;
}

/* The column of a meeting's center (the city's for 0), or -1. */
static long
column_of(const struct state *st, long center_id)
{
	struct center_slot	key, *found;

	if (center_id == 0)
		return (long)st->width - 1;
	key.id = center_id;
	found = bsearch(&key, st->center_slots, st->in->catalog->ncenters,
	    sizeof *st->center_slots, compare_center_slots);
	return found != NULL ? (long)found->index : -1;
}

static long
type_index(const struct catalog *cat, long type_id)
{
	size_t	i;

	for (i = 0; i < cat->ntypes; i++)
		if (cat->types[i].id == type_id)
			return (long)i;
	return -1;
}

static struct group *
group_of(struct state *st, const struct meeting *m)
{
	long	t = type_index(st->in->catalog, m->type_id);
	long	c = column_of(st, m->center_id);

	if (t < 0 || c < 0)
		return NULL;
	if ((st->in->catalog->types[t].level == LEVEL_CITY) !=
	    (m->center_id == 0))
		return NULL;
	return &st->groups[(size_t)t * st->width + (size_t)c];
}

static int
compare_by_date(const void *a, const void *b)
{
	const struct meeting	*ma = *(const struct meeting * const *)a;
	const struct meeting	*mb = *(const struct meeting * const *)b;
	int			 c = date_compare(ma->date, mb->date);

	if (c != 0)
		return c;
	if (ma->start != mb->start)
		return ma->start < mb->start ? -1 : 1;
	return ma->id < mb->id ? -1 : ma->id > mb->id;
}

static void
busy_add(struct busy *b, const struct meeting *m)
{
	struct meeting	*copy;

	if (b->count == b->capacity) {
		b->capacity = b->capacity == 0 ? 8 : b->capacity * 2;
		b->items = xreallocarray(b->items, b->capacity,
		    sizeof *b->items);
	}
	copy = &b->items[b->count++];
	meeting_init(copy);
	copy->id = m->id;
	copy->type_id = m->type_id;
	copy->center_id = m->center_id;
	copy->date = m->date;
	copy->start = m->start;
	copy->end = m->end;
	copy->status = m->status;
}

/*
 * The groups filled in two passes over the lists (count, then place),
 * so that a thousand centers cost two arrays, not thousands.
 */
static void
groups_build(struct state *st)
{
	const struct plan_input	*in = st->in;
	const struct meeting	*m;
	struct group		*g;
	size_t			 i, n, total = 0, at = 0, pass;

	for (pass = 0; pass < 2; pass++) {
		for (i = 0; i < in->like->count; i++) {
			m = &in->like->items[i];
			if (m->status == STATUS_CANCELLED ||
			    (g = group_of(st, m)) == NULL)
				continue;
			if (pass == 0)
				g->nlike++, total++;
			else
				g->like[g->nlike++] = m;
		}
		for (i = 0; i < in->existing->count; i++) {
			m = &in->existing->items[i];
			if (!meeting_counts_in(m, in->fiscal_year) ||
			    (g = group_of(st, m)) == NULL)
				continue;
			if (pass == 0)
				g->nhave++, total++;
			else
				g->have[g->nhave++] = m;
		}
		if (pass == 1)
			break;
		st->pool = xreallocarray(NULL, total + 1, sizeof *st->pool);
		n = in->catalog->ntypes * st->width;
		for (i = 0; i < n; i++) {
			g = &st->groups[i];
			g->like = st->pool + at;
			at += g->nlike;
			g->have = st->pool + at;
			at += g->nhave;
			g->nlike = g->nhave = 0;
		}
	}
	n = in->catalog->ntypes * st->width;
	for (i = 0; i < n; i++) {
		g = &st->groups[i];
		qsort(g->like, g->nlike, sizeof *g->like, compare_by_date);
		qsort(g->have, g->nhave, sizeof *g->have, compare_by_date);
	}
	for (i = 0; i < in->existing->count; i++) {
		m = &in->existing->items[i];
		if (meeting_counts_in(m, in->fiscal_year) &&
		    column_of(st, m->center_id) >= 0)
			busy_add(&st->busy[column_of(st, m->center_id)], m);
	}
}

struct span {
	int	start, end;
};

static int
compare_times(const void *a, const void *b)
{
	const struct span	*sa = a, *sb = b;

	if (sa->start != sb->start)
		return sa->start < sb->start ? -1 : 1;
	return sa->end < sb->end ? -1 : sa->end > sb->end;
}

/* Each type's most usual weekday, week of the month and time. */
static void
usual_build(struct state *st)
{
	const struct catalog	*cat = st->in->catalog;
	const struct meeting	*m;
	struct usual		*u;
	struct span		*times;
	int			 days[7], nths[6], best;
	size_t			 t, c, k, j, most, n;

	times = xreallocarray(NULL, st->in->like->count + 1, sizeof *times);

	for (t = 0; t < cat->ntypes; t++) {
		u = &st->usual[t];
		u->weekday = DEFAULT_WEEKDAY;
		u->nth = 2;
		u->start = u->end = -1;
		memset(days, 0, sizeof days);
		memset(nths, 0, sizeof nths);
		n = 0;
		for (c = 0; c < st->width; c++)
			for (k = 0; k < st->groups[t * st->width + c].nlike;
			    k++) {
				m = st->groups[t * st->width + c].like[k];
				days[date_weekday(m->date)]++;
				n++;
			}
		if (n == 0)
			continue;
		u->known = 1;
		best = 1;	/* Monday first among equals */
		for (k = 1; k < 7; k++)
			if (days[k % 7] > days[best])
				best = (int)(k % 7);
		u->weekday = best;
		/* the week and the time most usual on that weekday */
		most = 0;
		for (c = 0; c < st->width; c++)
			for (k = 0; k < st->groups[t * st->width + c].nlike;
			    k++) {
				m = st->groups[t * st->width + c].like[k];
				if (date_weekday(m->date) != best)
					continue;
				nths[(m->date.day - 1) / 7 + 1]++;
			}
		for (k = 1; k <= 5; k++)
			if (nths[k] > nths[u->nth])
				u->nth = (int)k;
		/* the time most of them on that weekday have */
		n = 0;
		for (c = 0; c < st->width; c++)
			for (k = 0; k < st->groups[t * st->width + c].nlike;
			    k++) {
				m = st->groups[t * st->width + c].like[k];
				if (date_weekday(m->date) != best)
					continue;
				times[n].start = m->start;
				times[n++].end = m->end;
			}
		qsort(times, n, sizeof *times, compare_times);
		most = 0;
		for (k = 0; k < n; k = j) {
			for (j = k + 1; j < n && compare_times(&times[k],
			    &times[j]) == 0; j++)
				continue;
			if (j - k > most) {
				most = j - k;
				u->start = times[k].start;
				u->end = times[k].end;
			}
		}
	}
	free(times);
}

/* ---- how many, and where in the year ---- */

static int
clamp_count(const struct meeting_type *t, int n)
{
	if (t->target_min >= 0 && n < t->target_min)
		n = t->target_min;
	if (t->target_max >= 0 && n > t->target_max)
		n = t->target_max;
	return n;
}

static int
default_count(const struct meeting_type *t)
{
	if (t->cadence == CADENCE_MONTHLY)
		return clamp_count(t, 12);
	if (t->target_min >= 0)
		return t->target_min;
	return t->target_max >= 0 ? t->target_max : 0;
}

static void
slot_at_month(const struct state *st, size_t t, int month, struct slot *s)
{
	const struct usual	*u = &st->usual[t];
	int			 year, mon;

	memset(s, 0, sizeof *s);
	month_of(st->in->fiscal_year, month, &year, &mon);
	s->month = month;
	s->want = plan_nth_weekday(year, mon, u->weekday, u->nth);
	s->start = u->start;
	s->end = u->end;
	s->mode = MODE_IN_PERSON;
}

/* Last year's meeting m carried into the fiscal year: the same week. */
static void
slot_carried(const struct state *st, const struct meeting *m,
    struct slot *s)
{
	int	year, mon;

	memset(s, 0, sizeof *s);
	s->month = fiscal_month(m->date);
	month_of(st->in->fiscal_year, s->month, &year, &mon);
	s->want = plan_nth_weekday(year, mon, date_weekday(m->date),
	    (m->date.day - 1) / 7 + 1);
	s->start = m->start;
	s->end = m->end;
	s->mode = m->mode;
	s->carried = 1;
	if (m->has_window) {
		s->has_window = 1;
		s->window = m->window;
		s->window.from_year += st->in->fiscal_year -
		    date_fiscal_year(m->date);
		s->window.to_year += st->in->fiscal_year -
		    date_fiscal_year(m->date);
	}
}

/* The month furthest from the months used (the first among equals). */
static int
month_apart(const int *used, size_t nused)
{
	int	best = 0, best_gap = -1, m, gap, d;
	size_t	k;

	for (m = 0; m < 12; m++) {
		gap = 12;
		for (k = 0; k < nused; k++) {
			d = m > used[k] ? m - used[k] : used[k] - m;
			if (d < gap)
				gap = d;
		}
		if (gap > best_gap) {
			best_gap = gap;
			best = m;
		}
	}
	return best;
}

static int
compare_slots(const void *a, const void *b)
{
	const struct slot	*sa = a, *sb = b;

	if (sa->month != sb->month)
		return sa->month - sb->month;
	return date_compare(sa->want, sb->want);
}

/* The slots of group g (type t) still to draft. */
static void
group_slots(struct state *st, size_t t, struct group *g)
{
	const struct meeting_type	*type = &st->in->catalog->types[t];
	struct slot			*s;
	int				*used, n, k, best, d;
	size_t				 i, j, nused = 0;
	unsigned char			*gone;

	if (type->cadence == CADENCE_AD_HOC)
		return;
	n = st->usual[t].known ? clamp_count(type, (int)g->nlike) :
	    default_count(type);
	if (n <= (int)g->nhave || n <= 0)
		return;
	s = xcalloc((size_t)n, sizeof *s);
	used = xcalloc((size_t)n + 1, sizeof *used);
	if (g->nlike > 0) {
		/* as many of last year's as are wanted, spread */
		for (k = 0; k < n && (size_t)k < g->nlike; k++) {
			i = (size_t)k * g->nlike /
			    ((size_t)n < g->nlike ? (size_t)n : g->nlike);
			slot_carried(st, g->like[i], &s[k]);
			used[nused++] = s[k].month;
		}
		for (; k < n; k++) {
			slot_at_month(st, t, month_apart(used, nused), &s[k]);
			used[nused++] = s[k].month;
		}
	} else
		for (k = 0; k < n; k++)
			slot_at_month(st, t, (2 * k + 1) * 12 / (2 * n),
			    &s[k]);
	qsort(s, (size_t)n, sizeof *s, compare_slots);
	/* the meetings stored take the slots nearest their months */
	gone = xcalloc((size_t)n, 1);
	for (i = 0; i < g->nhave; i++) {
		best = -1;
		for (k = 0; k < n; k++) {
			if (gone[k])
				continue;
			d = abs(s[k].month - fiscal_month(g->have[i]->date));
			if (best < 0 || d < abs(s[best].month -
			    fiscal_month(g->have[i]->date)))
				best = k;
		}
		if (best >= 0)
			gone[best] = 1;
	}
	g->slots = xcalloc((size_t)n, sizeof *g->slots);
	for (k = 0, j = 0; k < n; k++)
		if (!gone[k])
			g->slots[j++] = s[k];
	g->nslots = j;
	free(gone);
	free(used);
	free(s);
}

/* ---- placing one meeting ---- */

/* Whether any advisor (not retired) meets need at all. */
static int
anyone_for(const struct advisor_calendar *cal,
    const struct summons_need *need)
{
	size_t	i;

	for (i = 0; i < cal->advisors->count; i++)
		if (!cal->advisors->items[i].retired &&
		    summons_need_accepts(need,
		    cal->advisors->items[i].profession))
			return 1;
	return 0;
}

/* Why a day will not do, or 0: a day off, a clash, no advisor. */
enum refusal {
	FINE,
	OFF,
	CLASH,
	NO_ADVISOR
};

/* The meeting of the center's in the way of m, or NULL. */
static const struct meeting *
clash_of(const struct busy *b, const struct meeting *m)
{
	size_t	i;

	for (i = 0; i < b->count; i++)
		if (check_meetings_clash(&b->items[i], m))
			return &b->items[i];
	return NULL;
}

/*
 * Whether every need of summons (with an advisor of its profession at
 * all) finds an advisor free for m; the first that does not in *need.
 */
static int
advisors_free(const struct state *st, const struct summons *need,
    const struct meeting *m, size_t *scratch, size_t *missing)
{
	const struct advisor_calendar	*cal = st->in->calendar;
	size_t				 k;

	if (cal == NULL)
		return 1;
	for (k = 0; k < need->count; k++) {
		if (advisor_calendar_free_for(cal, &need->needs[k], m,
		    scratch) > 0)
			continue;
		/* nobody of the profession at all: said once, elsewhere */
		if (!anyone_for(cal, &need->needs[k]))
			continue;
		*missing = k;
		return 0;
	}
	return 1;
}

static enum refusal
day_refused(const struct state *st, const struct busy *b,
    const struct summons *need, struct meeting *m, size_t *scratch,
    const struct meeting **other, size_t *missing)
{
	if (!workday_is_working(m->date, st->in->closure))
		return OFF;
	if ((*other = clash_of(b, m)) != NULL)
		return CLASH;
	if (!advisors_free(st, need, m, scratch, missing))
		return NO_ADVISOR;
	return FINE;
}

/*
 * The days to try for a meeting wanted on want, best first: want; the
 * same weekday a week later, earlier, two weeks later ... in the month;
 * then the other days of the month, nearest first (later first).
 */
static size_t
candidates(struct date want, struct date *out)
{
	int	last = date_days_in_month(want.year, want.month);
	int	k, day;
	size_t	n = 0;

	out[n++] = want;
	for (k = 7; k < 31; k += 7) {
		if ((day = want.day + k) <= last)
			out[n].year = want.year, out[n].month = want.month,
			    out[n++].day = day;
		if ((day = want.day - k) >= 1)
			out[n].year = want.year, out[n].month = want.month,
			    out[n++].day = day;
	}
	for (k = 1; k < 31; k++) {
		if (k % 7 == 0)
			continue;
		if ((day = want.day + k) <= last)
			out[n].year = want.year, out[n].month = want.month,
			    out[n++].day = day;
		if ((day = want.day - k) >= 1)
			out[n].year = want.year, out[n].month = want.month,
			    out[n++].day = day;
	}
	return n;
}

static void
booking_add(struct plan *p, long meeting_id, long advisor_id)
{
	if (p->nbookings == p->cbookings) {
		p->cbookings = p->cbookings == 0 ? 16 : p->cbookings * 2;
		p->bookings = xreallocarray(p->bookings, p->cbookings,
		    sizeof *p->bookings);
	}
	p->bookings[p->nbookings].meeting_id = meeting_id;
	p->bookings[p->nbookings++].advisor_id = advisor_id;
}

/* Books each need of m: the free advisor with fewest bookings, then id. */
static void
book(struct state *st, size_t t, const struct summons *need,
    const struct meeting *m, size_t *scratch)
{
	struct advisor_calendar	*cal = st->in->calendar;
	const struct advisor	*a;
	size_t			 k, i, n, best, fewest;
	char			 day[DATE_JA_LEN];

	if (cal == NULL)
		return;
	for (k = 0; k < need->count; k++) {
		if (!anyone_for(cal, &need->needs[k])) {
			if (st->no_advisor[t * st->maxneeds + k])
				continue;
			st->no_advisor[t * st->maxneeds + k] = 1;
			note_add(st, 0, st->in->catalog->types[t].id, NULL,
			    _("no advisor is a %s: none booked (carecal "
			    "advisor add)"), need->needs[k].label);
			continue;
		}
		n = advisor_calendar_free_for(cal, &need->needs[k], m,
		    scratch);
		if (n == 0) {
			date_format_japanese(m->date, day, sizeof day);
			note_add(st, m->center_id, m->type_id, &m->date,
			    _("no free %s on %s"), need->needs[k].label, day);
			continue;
		}
		best = scratch[0];
		fewest = advisor_calendar_count(cal, best);
		for (i = 1; i < n; i++)
			if (advisor_calendar_count(cal, scratch[i]) < fewest) {
				best = scratch[i];
				fewest = advisor_calendar_count(cal, best);
			}
		a = &cal->advisors->items[best];
		advisor_calendar_add(cal, best, m);
		booking_add(st->out, m->id, a->id);
	}
}

/* Why want was left, in words, with the day taken instead. */
static void
note_move(struct state *st, const struct meeting *m, struct date want,
    enum refusal why, const struct meeting *other,
    const struct summons *need, size_t missing)
{
	char	from[DATE_JA_LEN], to[DATE_JA_LEN], closure[CLOSURE_LEN];

	date_format_japanese(want, from, sizeof from);
	date_format_japanese(m->date, to, sizeof to);
	switch (why == OFF ? workday_rest_of(want, st->in->closure) :
	    REST_NONE) {
	case REST_SATURDAY:
		note_add(st, m->center_id, m->type_id, &m->date,
		    _("%s is a Saturday; moved to %s"), from, to);
		return;
	case REST_SUNDAY:
		note_add(st, m->center_id, m->type_id, &m->date,
		    _("%s is a Sunday; moved to %s"), from, to);
		return;
	case REST_HOLIDAY:
		note_add(st, m->center_id, m->type_id, &m->date,
		    _("%s is a national holiday (%s); moved to %s"), from,
		    holiday_name(want), to);
		return;
	case REST_CLOSURE:
		closure_format(st->in->closure, closure, sizeof closure);
		note_add(st, m->center_id, m->type_id, &m->date,
		    _("%s is in the office closure (%s); moved to %s"), from,
		    closure, to);
		return;
	case REST_NONE:
		break;
	}
	if (why == CLASH && other->id > 0)
		note_add(st, m->center_id, m->type_id, &m->date,
		    _("%s clashes with meeting %ld of the center; moved to "
		    "%s"), from, other->id, to);
	else if (why == CLASH)
		note_add(st, m->center_id, m->type_id, &m->date,
		    _("%s clashes with another meeting of the draft; moved "
		    "to %s"), from, to);
	else
		note_add(st, m->center_id, m->type_id, &m->date,
		    _("no free %s on %s; moved to %s"),
		    need->needs[missing].label, from, to);
}

static void
place(struct state *st, size_t t, size_t c, const struct slot *s,
    const struct summons *need, size_t *scratch)
{
	const struct meeting_type	*type = &st->in->catalog->types[t];
	const struct meeting		*other = NULL, *first_other = NULL;
	struct busy			*b = &st->busy[c];
	struct meeting			 m, *draft;
	struct date			 days[64];
	enum refusal			 why, first_why = FINE;
	size_t				 n, k, missing = 0, first_missing = 0;
	long				 fallback = -1, chosen = -1;
	char				 month[32];

	meeting_init(&m);
	m.id = st->next_id;
	m.type_id = type->id;
	m.center_id = type->level == LEVEL_CITY ? 0 :
	    st->in->catalog->centers[c].id;
	m.start = s->start;
	m.end = s->end;
	m.mode = s->mode;
	m.status = STATUS_PLANNED;
	m.cases = -1;
	m.has_window = s->has_window;
	m.window = s->window;
	n = candidates(s->want, days);
	for (k = 0; k < n; k++) {
		m.date = days[k];
		why = day_refused(st, b, need, &m, scratch, &other, &missing);
		if (k == 0) {
			first_why = why;
			first_other = other;
			first_missing = missing;
		}
		if (why == FINE) {
			chosen = (long)k;
			break;
		}
		if (why == NO_ADVISOR && fallback < 0)
			fallback = (long)k;
	}
	if (chosen < 0)
		chosen = fallback;
	if (chosen < 0) {
		date_format_era_month(s->want.year, s->want.month, month,
		    sizeof month);
		note_add(st, m.center_id, m.type_id, &s->want,
		    _("no working day of %s is free for it: not drafted"),
		    month);
		return;
	}
	m.date = days[chosen];
	st->next_id--;
	if (chosen > 0)
		note_move(st, &m, s->want, first_why, first_other, need,
		    first_missing);
	draft = meeting_list_add(&st->out->meetings);
	meeting_copy(draft, &m);
	busy_add(b, &m);
	book(st, t, need, &m, scratch);
}

/* ---- city-level windows ---- */

/*
 * Each drafted city-level meeting's window begins the month after the
 * one before ends, and ends the month before the next stored one's
 * begins: check's window findings stay away.
 */
static void
windows_fit(struct state *st)
{
	const struct catalog	*cat = st->in->catalog;
	const struct meeting	**all;
	struct meeting		*d;
	struct month_window	 prev, w, next;
	size_t			 t, i, n, cap;
	int			 pe, from, to, ns;

	cap = st->in->existing->count + st->out->meetings.count + 1;
	all = xreallocarray(NULL, cap, sizeof *all);
	for (t = 0; t < cat->ntypes; t++) {
		if (cat->types[t].level != LEVEL_CITY)
			continue;
		n = 0;
		for (i = 0; i < st->in->existing->count; i++)
			if (st->in->existing->items[i].type_id ==
			    cat->types[t].id &&
			    st->in->existing->items[i].status !=
			    STATUS_CANCELLED)
				all[n++] = &st->in->existing->items[i];
		for (i = 0; i < st->out->meetings.count; i++)
			if (st->out->meetings.items[i].type_id ==
			    cat->types[t].id)
				all[n++] = &st->out->meetings.items[i];
		qsort(all, n, sizeof *all, compare_by_date);
		for (i = 1; i < n; i++) {
			if (all[i]->id >= 0)
				continue;
			d = &st->out->meetings.items[all[i] -
			    st->out->meetings.items];
			meeting_window(all[i - 1], &prev);
			meeting_window(d, &w);
			pe = month_index(prev.to_year, prev.to_month);
			from = pe + 1;
			to = month_index(w.to_year, w.to_month);
			if (to < from)
				to = from;
			if (i + 1 < n && all[i + 1]->id > 0) {
				meeting_window(all[i + 1], &next);
				ns = month_index(next.from_year,
				    next.from_month);
				if (ns - 1 >= from)
					to = ns - 1;
			}
			if (from == month_index(w.from_year, w.from_month) &&
			    to == month_index(w.to_year, w.to_month))
				continue;
			d->has_window = 1;
			d->window.from_year = from / 12;
			d->window.from_month = from % 12 + 1;
			d->window.to_year = to / 12;
			d->window.to_month = to % 12 + 1;
		}
	}
	free(all);
}

/* ---- the order of what comes out ---- */

struct note_key {
	int		 center, type;
	long		 day;
	size_t		 seq;
	struct plan_note note;
};

static int
compare_notes(const void *a, const void *b)
{
	const struct note_key	*ka = a, *kb = b;

	if (ka->center != kb->center)
		return ka->center < kb->center ? -1 : 1;
	if (ka->type != kb->type)
		return ka->type < kb->type ? -1 : 1;
	if (ka->day != kb->day)
		return ka->day < kb->day ? -1 : 1;
	return ka->seq < kb->seq ? -1 : ka->seq > kb->seq;
}

static void
notes_sort(const struct catalog *cat, struct plan *p)
{
	const struct center		*c;
	const struct meeting_type	*t;
	struct note_key			*keys;
	size_t				 i;

	if (p->nnotes < 2)
		return;
	keys = xreallocarray(NULL, p->nnotes, sizeof *keys);
	for (i = 0; i < p->nnotes; i++) {
		c = catalog_center_by_id(cat, p->notes[i].center_id);
		t = catalog_type_by_id(cat, p->notes[i].type_id);
		keys[i].center = c != NULL ? c->position : -1;
		keys[i].type = t != NULL ? t->position : -1;
		keys[i].day = p->notes[i].has_date ?
		    date_to_days(p->notes[i].date) : -1;
		keys[i].seq = i;
		keys[i].note = p->notes[i];
	}
	qsort(keys, p->nnotes, sizeof *keys, compare_notes);
	for (i = 0; i < p->nnotes; i++)
		p->notes[i] = keys[i].note;
	free(keys);
}

static int
compare_bookings(const void *a, const void *b)
{
	const struct plan_booking	*ba = a, *bb = b;

	if (ba->meeting_id != bb->meeting_id)
		return ba->meeting_id > bb->meeting_id ? -1 : 1;
	return ba->advisor_id < bb->advisor_id ? -1 :
	    ba->advisor_id > bb->advisor_id;
}

/* The drafts in the order meetings are shown, numbered -1, -2 ... */
static void
drafts_sort(const struct catalog *cat, struct plan *p)
{
	long	*renumber;
	size_t	 i, n = p->meetings.count;

	meeting_list_sort(&p->meetings, cat);
	renumber = xcalloc(n + 1, sizeof *renumber);
	for (i = 0; i < n; i++) {
		renumber[-p->meetings.items[i].id - 1] = -(long)i - 1;
		p->meetings.items[i].id = -(long)i - 1;
	}
	for (i = 0; i < p->nbookings; i++)
		p->bookings[i].meeting_id =
		    renumber[-p->bookings[i].meeting_id - 1];
	free(renumber);
	if (p->nbookings > 1)
		qsort(p->bookings, p->nbookings, sizeof *p->bookings,
		    compare_bookings);
}

/* ---- the whole ---- */

static int
center_wanted(const struct plan_input *in, const struct center *c)
{
	size_t	i;

	if (c->retired || (c->has_started && date_compare(c->started,
	    date_fiscal_year_end(in->fiscal_year)) > 0))
		return 0;
	if (in->ncenters == 0)
		return 1;
	for (i = 0; i < in->ncenters; i++)
		if (in->centers[i] == c->id)
			return 1;
	return 0;
}

static void
draft_pass(struct state *st, int carried, struct summons *needs,
    size_t *scratch)
{
	const struct catalog	*cat = st->in->catalog;
	struct group		*g;
	size_t			 c, t, k;

	for (c = 0; c < st->width; c++) {
		if (c < cat->ncenters) {
			if (!center_wanted(st->in, &cat->centers[c]))
				continue;
		} else if (st->in->ncenters != 0)
			continue;	/* --center: no city-level meeting */
		for (t = 0; t < cat->ntypes; t++) {
			if ((cat->types[t].level == LEVEL_CITY) !=
			    (c == cat->ncenters))
				continue;
			g = &st->groups[t * st->width + c];
			for (k = 0; k < g->nslots; k++)
				if (g->slots[k].carried == carried)
					place(st, t, c, &g->slots[k],
					    &needs[t], scratch);
		}
	}
}

void
plan_make(const struct plan_input *in, struct plan *out)
{
	const struct catalog	*cat = in->catalog;
	struct state		 st;
	struct summons		*needs;
	size_t			*scratch, i, t, c;

	memset(&st, 0, sizeof st);
	st.in = in;
	st.out = out;
	st.width = cat->ncenters + 1;
	st.next_id = -1;
	st.center_slots = xreallocarray(NULL, cat->ncenters + 1,
	    sizeof *st.center_slots);
	for (i = 0; i < cat->ncenters; i++) {
		st.center_slots[i].id = cat->centers[i].id;
		st.center_slots[i].index = i;
	}
	qsort(st.center_slots, cat->ncenters, sizeof *st.center_slots,
	    compare_center_slots);
	st.groups = xcalloc(cat->ntypes * st.width + 1, sizeof *st.groups);
	st.busy = xcalloc(st.width, sizeof *st.busy);
	st.usual = xcalloc(cat->ntypes + 1, sizeof *st.usual);
	needs = xcalloc(cat->ntypes + 1, sizeof *needs);
	for (t = 0; t < cat->ntypes; t++) {
		summons_parse(cat->types[t].summons, &needs[t]);
		if (needs[t].count > st.maxneeds)
			st.maxneeds = needs[t].count;
	}
	st.no_advisor = xcalloc(cat->ntypes * (st.maxneeds + 1) + 1, 1);
	scratch = xcalloc(in->calendar != NULL ?
	    in->calendar->advisors->count + 1 : 1, sizeof *scratch);

	groups_build(&st);
	usual_build(&st);
	for (t = 0; t < cat->ntypes; t++)
		for (c = 0; c < st.width; c++)
			group_slots(&st, t, &st.groups[t * st.width + c]);
	draft_pass(&st, 1, needs, scratch);
	draft_pass(&st, 0, needs, scratch);
	windows_fit(&st);
	drafts_sort(cat, out);
	notes_sort(cat, out);

	for (t = 0; t < cat->ntypes; t++)
		summons_free(&needs[t]);
	free(needs);
	for (i = 0; i < cat->ntypes * st.width; i++)
		free(st.groups[i].slots);
	for (c = 0; c < st.width; c++)
		free(st.busy[c].items);
	free(st.groups);
	free(st.busy);
	free(st.usual);
	free(st.pool);
	free(st.no_advisor);
	free(scratch);
	free(st.center_slots);
}

void
plan_drop(struct plan *p, size_t i)
{
	long	id;
	size_t	k, j;

	if (i >= p->meetings.count)
		return;
	id = p->meetings.items[i].id;
	meeting_clear(&p->meetings.items[i]);
	memmove(&p->meetings.items[i], &p->meetings.items[i + 1],
	    (p->meetings.count - i - 1) * sizeof *p->meetings.items);
	p->meetings.count--;
	for (k = j = 0; k < p->nbookings; k++)
		if (p->bookings[k].meeting_id != id)
			p->bookings[j++] = p->bookings[k];
	p->nbookings = j;
}
