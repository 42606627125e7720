/*
 * advisor-calendar.c -- each advisor's bookings in day and time order,
 * and whether one more meeting fits among them.
 */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "advisor-calendar.h"
#include "alloc.h"
#include "i18n.h"

void
advisor_calendar_init(struct advisor_calendar *cal,
    const struct advisor_list *advisors, const struct catalog *cat,
    int one_center_a_day)
{
	memset(cal, 0, sizeof *cal);
	cal->advisors = advisors;
	cal->catalog = cat;
	cal->one_center_a_day = one_center_a_day;
	cal->booked = xcalloc(advisors->count + 1, sizeof *cal->booked);
}

void
advisor_calendar_free(struct advisor_calendar *cal)
{
	size_t	i;

	if (cal->booked != NULL)
		for (i = 0; i < cal->advisors->count; i++)
			free(cal->booked[i].items);
	free(cal->booked);
	memset(cal, 0, sizeof *cal);
}

/* A meeting's time as the calendar counts it: [*from, *to) minutes. */
static void
advisor_meeting_span(const struct meeting *m, const struct meeting_type *t,
    int *from, int *to)
{
	if (m->start < 0) {
		*from = 0;
		*to = 24 * 60;
		return;
	}
	*from = m->start;
	*to = m->end > m->start ? m->end : m->start +
	    type_length_or_default(t);
	if (*to > 24 * 60)
		*to = 24 * 60;
}

static int
compare_slots(const struct advisor_slot *a, const struct advisor_slot *b)
{
	if (a->day != b->day)
		return a->day < b->day ? -1 : 1;
	if (a->from != b->from)
		return a->from < b->from ? -1 : 1;
	return a->meeting_id < b->meeting_id ? -1 :
	    a->meeting_id > b->meeting_id;
}

/* The first slot of s on day, or where it would be. */
static size_t
day_bound(const struct advisor_slots *s, long day)
{
	size_t	lo = 0, hi = s->count, mid;

	while (lo < hi) {
		mid = lo + (hi - lo) / 2;
		if (s->items[mid].day < day)
			lo = mid + 1;
		else
			hi = mid;
	}
	return lo;
}

static void
slot_of(const struct advisor_calendar *cal, const struct meeting *m,
    struct advisor_slot *slot)
{
	memset(slot, 0, sizeof *slot);
	slot->meeting_id = m->id;
	slot->center_id = m->center_id;
	slot->type_id = m->type_id;
	slot->day = date_to_days(m->date);
	advisor_meeting_span(m, catalog_type_by_id(cal->catalog, m->type_id),
	    &slot->from, &slot->to);
}

void
advisor_calendar_add(struct advisor_calendar *cal, size_t i,
    const struct meeting *m)
{
	struct advisor_slots	*s = &cal->booked[i];
	struct advisor_slot	 slot;
	size_t			 at;

	slot_of(cal, m, &slot);
	if (s->count == s->capacity) {
		s->capacity = s->capacity == 0 ? 8 : s->capacity * 2;
		s->items = xreallocarray(s->items, s->capacity,
		    sizeof *s->items);
	}
	/* bookings mostly come in date order: from the end */
	for (at = s->count; at > 0 && compare_slots(&s->items[at - 1],
	    &slot) > 0; at--)
		continue;
	memmove(s->items + at + 1, s->items + at,
	    (s->count - at) * sizeof *s->items);
	s->items[at] = slot;
	s->count++;
}

/* Meetings by id, to find an assignment's meeting. */
static int
compare_by_id(const void *a, const void *b)
{
	const struct meeting	*ma = *(const struct meeting * const *)a;
	const struct meeting	*mb = *(const struct meeting * const *)b;

	return ma->id < mb->id ? -1 : ma->id > mb->id;
}

static const struct meeting *
meeting_of_id(const struct meeting **by_id, size_t n, long id)
{
	size_t	lo = 0, hi = n, mid;

	while (lo < hi) {
		mid = lo + (hi - lo) / 2;
		if (by_id[mid]->id == id)
			return by_id[mid];
		if (by_id[mid]->id < id)
			lo = mid + 1;
		else
			hi = mid;
	}
	return NULL;
}

void
advisor_calendar_add_all(struct advisor_calendar *cal,
    const struct assignment_list *assigned, const struct meeting_list *ml)
{
	const struct meeting	**by_id, *m;
	size_t			  i, n = 0, a;

	by_id = xreallocarray(NULL, ml->count + 1, sizeof *by_id);
	for (i = 0; i < ml->count; i++)
		if (ml->items[i].status != STATUS_CANCELLED)
			by_id[n++] = &ml->items[i];
	qsort(by_id, n, sizeof *by_id, compare_by_id);
	for (i = 0; i < assigned->count; i++) {
		m = meeting_of_id(by_id, n, assigned->items[i].meeting_id);
		a = advisor_list_index(cal->advisors,
		    assigned->items[i].advisor_id);
		if (m != NULL && a != (size_t)-1)
			advisor_calendar_add(cal, a, m);
	}
	free(by_id);
}

enum advisor_state
advisor_calendar_state(const struct advisor_calendar *cal, size_t i,
    const struct meeting *m, long *other)
{
	const struct advisor		*a = &cal->advisors->items[i];
	const struct advisor_slots	*s = &cal->booked[i];
	struct advisor_slot		 want;
	size_t				 k;

	*other = 0;
	if (a->retired)
		return ADVISOR_RETIRED;
	if (!(a->weekdays & (1u << date_weekday(m->date))))
		return ADVISOR_OFF_WEEKDAY;
	if (advisor_is_unavailable(a, m->date))
		return ADVISOR_UNAVAILABLE;
	slot_of(cal, m, &want);
	for (k = day_bound(s, want.day); k < s->count &&
	    s->items[k].day == want.day; k++) {
		if (m->id != 0 && s->items[k].meeting_id == m->id)
			continue;
		if (s->items[k].from < want.to && want.from < s->items[k].to) {
			*other = s->items[k].meeting_id;
			return ADVISOR_BUSY;
		}
		if (cal->one_center_a_day &&
		    s->items[k].center_id != want.center_id) {
			*other = s->items[k].meeting_id;
			return ADVISOR_ELSEWHERE;
		}
	}
	return ADVISOR_FREE;
}

size_t
advisor_calendar_free_for(const struct advisor_calendar *cal,
    const struct summons_need *need, const struct meeting *m, size_t *out)
{
	const struct advisor	*a;
	size_t			 i, n = 0;
	long			 other;

	for (i = 0; i < cal->advisors->count; i++) {
		a = &cal->advisors->items[i];
		if (need != NULL && !summons_need_accepts(need, a->profession))
			continue;
		if (advisor_calendar_state(cal, i, m, &other) == ADVISOR_FREE)
			out[n++] = i;
	}
	return n;
}

size_t
advisor_calendar_count(const struct advisor_calendar *cal, size_t i)
{
	return cal->booked[i].count;
}

void
advisor_state_format(const struct advisor_calendar *cal, size_t i,
    const struct meeting *m, enum advisor_state state, long other,
    char *buf, size_t size)
{
	const struct advisor		*a = &cal->advisors->items[i];
	const struct advisor_slots	*s = &cal->booked[i];
	const struct center		*c = NULL;
	const struct meeting_type	*t = NULL;
	char				 day[DATE_JA_LEN], usual[32];
	char				 place[256];
	size_t				 k;

	for (k = 0; k < s->count; k++)
		if (s->items[k].meeting_id == other) {
			c = catalog_center_by_id(cal->catalog,
			    s->items[k].center_id);
			t = catalog_type_by_id(cal->catalog,
			    s->items[k].type_id);
		}
	snprintf(place, sizeof place, "%s%s%s", c != NULL ? c->name : "",
	    c != NULL ? " " : "", t != NULL ? t->name : "?");
	date_format_japanese(m->date, day, sizeof day);
	switch (state) {
	case ADVISOR_FREE:
		snprintf(buf, size, _("%s (%s) is free then"), a->name,
		    a->profession);
		break;
	case ADVISOR_RETIRED:
		snprintf(buf, size, _("%s (%s) is retired"), a->name,
		    a->profession);
		break;
	case ADVISOR_OFF_WEEKDAY:
		advisor_weekdays_format(a->weekdays, usual, sizeof usual);
		snprintf(buf, size, _("%s (%s) does not usually come on %s "
		    "(usual weekdays: %s)"), a->name, a->profession, day,
		    usual);
		break;
	case ADVISOR_UNAVAILABLE:
		snprintf(buf, size, _("%s (%s) is not available on %s"),
		    a->name, a->profession, day);
		break;
	case ADVISOR_BUSY:
		snprintf(buf, size, _("%s (%s) is booked for meeting %ld (%s) "
		    "at that time"), a->name, a->profession, other, place);
		break;
	case ADVISOR_ELSEWHERE:
		snprintf(buf, size, _("%s (%s) is booked for meeting %ld (%s) "
		    "that day, at another center; an advisor goes to one "
		    "center a day"), a->name, a->profession, other, place);
		break;
	}
}
