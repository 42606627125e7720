/*
 * check-advisors.c -- the plan checks of the advisors' bookings: one
 * advisor at two meetings at once (or at two centers on one day, where
 * an advisor goes to one center a day), an advisor booked for a planned
 * meeting on a day they are not available, and a planned meeting within
 * the booking horizon that lacks a profession its type summons.
 *
 * Held meetings are facts: an advisor who came on an unusual weekday
 * came. Only planned meetings are held to the advisors' availability
 * and to the summons; a clash is a clash in either.
 */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "advisor-calendar.h"
#include "alloc.h"
#include "check-private.h"
#include "i18n.h"

/* "明第1 地域個別ケア会議", or the type alone for a city-level one. */
static void
where(const struct catalog *cat, long center_id, long type_id, char *buf,
    size_t size)
{
	const struct center		*c = catalog_center_by_id(cat,
					    center_id);
	const struct meeting_type	*t = catalog_type_by_id(cat, type_id);

	snprintf(buf, size, "%s%s%s", c != NULL ? c->name : "",
	    c != NULL ? " " : "", t != NULL ? t->name : "?");
}

/* Two bookings of one advisor on one day, earlier first. */
static void
check_pair(const struct check_input *in, const struct advisor *a,
    const struct advisor_slot *earlier, const struct advisor_slot *later,
    int one_center, struct finding_list *out)
{
	struct finding	*f;
	struct date	 day = date_from_days(later->day);
	char		 place[256];

	if (!(earlier->from < later->to && later->from < earlier->to) &&
	    !(one_center && earlier->center_id != later->center_id))
		return;
	f = finding_add(out, CHECK_ADVISOR_CLASH, later->center_id,
	    later->type_id, in->fiscal_year, &day);
	f->meeting_ids[0] = later->meeting_id;
	f->meeting_ids[1] = earlier->meeting_id;
	f->advisor_id = a->id;
	where(in->catalog, earlier->center_id, earlier->type_id, place,
	    sizeof place);
	if (earlier->from < later->to && later->from < earlier->to)
		finding_say(f, _("%s (%s) is also booked for meeting %ld "
		    "(%s) at the same time"), a->name, a->profession,
		    earlier->meeting_id, place);
	else
		finding_say(f, _("%s (%s) is also booked for meeting %ld "
		    "(%s) that day, at another center; an advisor goes to "
		    "one center a day"), a->name, a->profession,
		    earlier->meeting_id, place);
}

/* Every two bookings of an advisor on one day of the fiscal year. */
static void
check_clashes(const struct check_input *in,
    const struct advisor_calendar *cal, struct finding_list *out)
{
	const struct advisor_slots	*s;
	long				 first, last;
	size_t				 i, j, k, end;

	first = date_to_days(date_fiscal_year_start(in->fiscal_year));
	last = date_to_days(date_fiscal_year_end(in->fiscal_year));
	for (i = 0; i < in->advisors->count; i++) {
		s = &cal->booked[i];
		for (j = 0; j < s->count; j = end) {
			for (end = j + 1; end < s->count &&
			    s->items[end].day == s->items[j].day; end++)
				continue;
			if (s->items[j].day < first || s->items[j].day > last)
				continue;
			for (k = j; k < end; k++) {
				size_t	l;

				for (l = k + 1; l < end; l++)
					check_pair(in, &in->advisors->items[i],
					    &s->items[k], &s->items[l],
					    cal->one_center_a_day, out);
			}
		}
	}
}

static int
compare_assignments(const void *a, const void *b)
{
	const struct assignment	*x = a, *y = b;

	if (x->meeting_id != y->meeting_id)
		return x->meeting_id < y->meeting_id ? -1 : 1;
	return x->advisor_id < y->advisor_id ? -1 :
	    x->advisor_id > y->advisor_id;
}

/* The first of the sorted assignments of meeting id (or count). */
static size_t
first_of(const struct assignment *as, size_t n, long id)
{
	size_t	lo = 0, hi = n, mid;

	while (lo < hi) {
		mid = lo + (hi - lo) / 2;
		if (as[mid].meeting_id < id)
			lo = mid + 1;
		else
			hi = mid;
	}
	return lo;
}

/* An advisor booked for planned meeting m on a day they cannot come. */
static void
check_available(const struct check_input *in, const struct meeting *m,
    const struct advisor *a, struct finding_list *out)
{
	struct finding	*f;
	char		 usual[32], day[DATE_JA_LEN];
	int		 wd = date_weekday(m->date);

	if (!a->retired && (a->weekdays & (1u << wd)) &&
	    !advisor_is_unavailable(a, m->date))
		return;
	f = finding_add(out, CHECK_ADVISOR_UNAVAILABLE, m->center_id,
	    m->type_id, in->fiscal_year, &m->date);
	f->meeting_ids[0] = m->id;
	f->advisor_id = a->id;
	date_format_japanese(m->date, day, sizeof day);
	if (a->retired)
		finding_say(f, _("%s (%s) is booked but retired"), a->name,
		    a->profession);
	else if (advisor_is_unavailable(a, m->date))
		finding_say(f, _("%s (%s) is booked but not available on "
		    "%s"), a->name, a->profession, day);
	else {
		advisor_weekdays_format(a->weekdays, usual, sizeof usual);
		finding_say(f, _("%s (%s) is booked on a %s, not one of "
		    "their usual weekdays (%s)"), a->name, a->profession,
		    date_weekday_kanji(wd), usual);
	}
}

/* The needs of m's type that none of its advisors meets. */
static void
check_summons(const struct check_input *in, const struct meeting *m,
    const struct summons *need, const struct assignment *as, size_t n,
    struct finding_list *out)
{
	const struct advisor	*a;
	struct finding		*f;
	char			 missing[1024], all[1024];
	size_t			 i, k, len, nmissing = 0;
	int			 met;

	missing[0] = '\0';
	for (i = 0; i < need->count; i++) {
		met = 0;
		for (k = 0; k < n && !met; k++)
			met = (a = advisor_list_by_id(in->advisors,
			    as[k].advisor_id)) != NULL &&
			    summons_need_accepts(&need->needs[i],
			    a->profession);
		if (met)
			continue;
		len = strlen(missing);
		snprintf(missing + len, sizeof missing - len, "%s%s",
		    nmissing++ > 0 ? ", " : "", need->needs[i].label);
	}
	if (nmissing == 0)
		return;
	summons_format(need, all, sizeof all);
	f = finding_add(out, CHECK_ADVISOR_MISSING, m->center_id, m->type_id,
	    in->fiscal_year, &m->date);
	f->meeting_ids[0] = m->id;
	finding_say(f, _("no %s booked yet (the type summons %s; the meeting "
	    "is within the booking horizon of %d days)"), missing, all,
	    in->horizon);
}

/* Each planned meeting of the year: who is booked, who is missing. */
static void
check_meetings(const struct check_input *in, struct finding_list *out)
{
	const struct meeting_list	*ml = in->meetings;
	const struct meeting		*m;
	const struct advisor		*a;
	const struct meeting_type	*t;
	struct assignment		*as;
	struct summons			*needs;
	struct date			 until;
	size_t				 i, n = in->assignments->count;
	size_t				 at, end, ti;

	as = xreallocarray(NULL, n + 1, sizeof *as);
	if (n > 0)	/* items is NULL when there are none */
		memcpy(as, in->assignments->items, n * sizeof *as);
	qsort(as, n, sizeof *as, compare_assignments);
	needs = xcalloc(in->catalog->ntypes + 1, sizeof *needs);
	for (ti = 0; ti < in->catalog->ntypes; ti++)
		summons_parse(in->catalog->types[ti].summons, &needs[ti]);
	until = date_add_days(in->today, in->horizon);
	for (i = 0; i < ml->count; i++) {
		m = &ml->items[i];
		if (m->status != STATUS_PLANNED ||
		    date_fiscal_year(m->date) != in->fiscal_year)
			continue;
		at = first_of(as, n, m->id);
		for (end = at; end < n && as[end].meeting_id == m->id;
		    end++) {
			if ((a = advisor_list_by_id(in->advisors,
			    as[end].advisor_id)) != NULL)
				check_available(in, m, a, out);
		}
		if (date_compare(m->date, in->today) < 0 ||
		    date_compare(m->date, until) > 0 ||
		    (t = catalog_type_by_id(in->catalog, m->type_id)) == NULL)
			continue;
		/* the catalog's own entry: its index is its place */
		ti = (size_t)(t - in->catalog->types);
		if (needs[ti].count > 0)
			check_summons(in, m, &needs[ti], as + at, end - at,
			    out);
	}
	for (ti = 0; ti < in->catalog->ntypes; ti++)
		summons_free(&needs[ti]);
	free(needs);
	free(as);
}

void
check_advisors(const struct check_input *in, struct finding_list *out)
{
	struct advisor_calendar	cal;

	advisor_calendar_init(&cal, in->advisors, in->catalog,
	    in->one_center_a_day);
	advisor_calendar_add_all(&cal, in->assignments, in->meetings);
	check_clashes(in, &cal, out);
	advisor_calendar_free(&cal);
	check_meetings(in, out);
}
