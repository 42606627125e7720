/*
 * store-plan.c -- reading what a draft of the year needs, and saving the
 * draft as one action: its meetings and their advisors' bookings, which
 * one undo takes back whole.
 */
#include <stdlib.h>
#include <string.h>

#include "alloc.h"
#include "settings.h"
#include "store-plan.h"

int
store_plan_load(struct store *s, const struct catalog *cat, int fy,
    int like, struct plan_data *data, struct error *err)
{
	struct meeting_filter	f;
	size_t			i;

	memset(data, 0, sizeof *data);
	meeting_list_init(&data->like);
	meeting_list_init(&data->existing);
	meeting_filter_init(&f);
	f.has_from = f.has_to = 1;
	f.from = date_fiscal_year_start(like);
	f.to = date_fiscal_year_end(like);
	f.exclude_cancelled = 1;
	f.fields = MEETING_FIELDS_PLAN;
	if (store_meetings_load(s, &f, &data->like, err) == -1)
		return -1;
	f.from = date_fiscal_year_start(fy);
	f.to = date_fiscal_year_end(fy);
	if (store_meetings_load(s, &f, &data->existing, err) == -1)
		return -1;
	/* the city-level meetings before: the previous reporting window */
	for (i = 0; i < cat->ntypes; i++) {
		if (cat->types[i].level != LEVEL_CITY)
			continue;
		meeting_filter_init(&f);
		f.has_to = 1;
		f.to = date_add_days(date_fiscal_year_start(fy), -1);
		f.type_id = cat->types[i].id;
		f.exclude_cancelled = 1;
		f.fields = MEETING_FIELDS_PLAN;
		if (store_meetings_load(s, &f, &data->existing, err) == -1)
			return -1;
	}
	if (settings_closure_load(s, &data->closure, err) == -1)
		return -1;
	return store_advisor_book_load(s, cat, date_fiscal_year_start(fy),
	    date_fiscal_year_end(fy), &data->book, err);
}

void
plan_data_free(struct plan_data *data)
{
	meeting_list_free(&data->like);
	meeting_list_free(&data->existing);
	advisor_book_free(&data->book);
}

void
plan_data_input(struct plan_data *data, const struct catalog *cat, int fy,
    struct plan_input *in)
{
	memset(in, 0, sizeof *in);
	in->catalog = cat;
	in->fiscal_year = fy;
	in->like = &data->like;
	in->existing = &data->existing;
	in->closure = &data->closure;
	in->calendar = &data->book.calendar;
}

/* The index of draft id: the ids go down along the list (plan.h). */
static long
draft_index(const struct plan *plan, long id)
{
	size_t	lo = 0, hi = plan->meetings.count, mid;

	while (lo < hi) {
		mid = lo + (hi - lo) / 2;
		if (plan->meetings.items[mid].id == id)
			return (long)mid;
		if (plan->meetings.items[mid].id > id)
			lo = mid + 1;
		else
			hi = mid;
	}
	return -1;
}

int
store_plan_save(struct store *s, const struct catalog *cat,
    const struct plan *plan, size_t *booked, struct error *err)
{
	struct meeting	 m;
	long		*ids;
	size_t		 i, n = plan->meetings.count;
	long		 draft;
	int		 rc = 0;

	*booked = 0;
	ids = xcalloc(n + 1, sizeof *ids);
	for (i = 0; i < n && rc == 0; i++) {
		meeting_init(&m);
		meeting_copy(&m, &plan->meetings.items[i]);
		free(m.uid);
		m.uid = NULL;
		m.id = 0;
		m.status = STATUS_PLANNED;
		if ((rc = meeting_validate(&m, cat, err)) == 0 &&
		    (rc = store_meeting_insert(s, &m, err)) == 0)
			ids[i] = m.id;
		meeting_clear(&m);
	}
	for (i = 0; i < plan->nbookings && rc == 0; i++) {
		if ((draft = draft_index(plan, plan->bookings[i].meeting_id))
		    < 0)
			continue;	/* a draft dropped meanwhile */
		if ((rc = store_assign(s, ids[draft],
		    plan->bookings[i].advisor_id, 1, err)) == 0)
			(*booked)++;
	}
	free(ids);
	return rc;
}

int
store_plan_apply(struct store *s, const struct catalog *cat,
    const struct plan *plan, const char *command, size_t *booked,
    struct error *err)
{
	if (store_begin(s, command, err) == -1)
		return -1;
	if (store_plan_save(s, cat, plan, booked, err) == -1 ||
	    store_commit(s, err) == -1) {
		store_rollback(s);
		return -1;
	}
	return 0;
}
