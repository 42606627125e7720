/*
 * export.c -- one calendar of meetings from the store as iCalendar:
 * the meetings read ten years at a time so that memory stays flat, the
 * tombstones of the deleted ones after them (export.h).
 */
#include <stdio.h>
#include <string.h>

#include "export.h"
#include "i18n.h"
#include "settings.h"
#include "store-tombstones.h"

/*
 * The store reads a whole list at once: ten years at a time keeps the
 * memory of a large export flat (one window before 1900, one from 2200),
 * and only the years that have meetings are asked for.
 */
#define WINDOW_YEARS	10
#define WINDOW_FIRST	1900
#define WINDOW_LAST	2200

void
export_calendar_init(struct export_calendar *cal, const char *calname)
{
	memset(cal, 0, sizeof *cal);
	cal->calname = calname;
	meeting_filter_init(&cal->filter);
	cal->stamp = (time_t)-1;
}

/* The window year falls in (as the loop below numbers them). */
static int
window_of(int year)
{
	if (year < WINDOW_FIRST)
		return WINDOW_FIRST - WINDOW_YEARS;
	if (year >= WINDOW_LAST)
		return WINDOW_LAST;
	return WINDOW_FIRST + (year - WINDOW_FIRST) / WINDOW_YEARS *
	    WINDOW_YEARS;
}

/* f narrowed to the window starting in year; 0 if nothing is left. */
static int
window_filter(const struct meeting_filter *f, int year,
    struct meeting_filter *out)
{
	struct date	lo = { year, 1, 1 };
	struct date	hi = { year + WINDOW_YEARS - 1, 12, 31 };

	*out = *f;
	if (year >= WINDOW_FIRST && (!out->has_from ||
	    date_compare(out->from, lo) < 0)) {
		out->from = lo;
		out->has_from = 1;
	}
	if (year < WINDOW_LAST && (!out->has_to ||
	    date_compare(out->to, hi) > 0)) {
		out->to = hi;
		out->has_to = 1;
	}
	return !(out->has_from && out->has_to &&
	    date_compare(out->from, out->to) > 0);
}

/* The meetings of a calendar in f (the city-level ones: of every type). */
static int
calendar_load(struct store *store, const struct catalog *cat, int city,
    const struct meeting_filter *f, struct meeting_list *list,
    struct error *err)
{
	struct meeting_filter	 one = *f;
	size_t			 i;

	if (!city)
		return store_meetings_load(store, f, list, err);
	for (i = 0; i < cat->ntypes; i++) {
		if (cat->types[i].level != LEVEL_CITY || (f->type_id != 0 &&
		    f->type_id != cat->types[i].id))
			continue;
		one.type_id = cat->types[i].id;
		if (store_meetings_load(store, &one, list, err) == -1)
			return -1;
	}
	meeting_list_sort(list, cat);
	return 0;
}

int
export_tombstones_since(struct store *store, struct date *since, int *days,
    struct error *err)
{
	struct date	today;

	if (settings_tombstone_days_load(store, days, err) == -1 ||
	    date_today(&today, err) == -1)
		return -1;
	*since = date_add_days(today, 1 - (long)*days);
	return 0;
}

int
export_tombstones_write(struct ical_writer *w, struct store *store,
    const struct catalog *cat, const struct meeting_filter *f, int city,
    size_t *count, struct error *err)
{
	const struct meeting_type	*t;
	struct meeting_list		 list;
	struct meeting			*m;
	struct date			 since;
	size_t				 i;
	int				 days, rc = 0;

	*count = 0;
	if (f->exclude_cancelled)
		return 0;
	if (export_tombstones_since(store, &since, &days, err) == -1)
		return -1;
	if (days == 0)
		return 0;
	meeting_list_init(&list);
	if (store_tombstones_load(store, since, f->advisor_id, &list,
	    err) == -1) {
		meeting_list_free(&list);
		return -1;
	}
	meeting_list_sort(&list, cat);
	for (i = 0; rc == 0 && i < list.count; i++) {
		m = &list.items[i];
		/* a type it no longer knows: nothing to say the event is */
		if ((t = catalog_type_by_id(cat, m->type_id)) == NULL ||
		    (city && t->level != LEVEL_CITY) ||
		    !meeting_filter_match(f, m))
			continue;
		if ((rc = ical_export_meeting(w, m, cat, err)) == 0)
			(*count)++;
	}
	meeting_list_free(&list);
	return rc;
}

int
export_calendar_write(FILE *fp, struct store *store,
    const struct catalog *cat, const struct export_calendar *cal,
    struct export_count *count, struct error *err)
{
	struct ical_writer	*w;
	struct meeting_filter	 f;
	struct meeting_list	 list;
	struct error		 ignored;
	struct date		 first, last;
	size_t			 i;
	int			 year, end, rc;

	memset(count, 0, sizeof *count);
	if ((rc = store_meeting_dates(store, &first, &last, err)) == -1)
		return -1;
	/* no meeting at all: no window */
	year = rc == 1 ? window_of(first.year) : WINDOW_LAST + WINDOW_YEARS;
	end = rc == 1 ? window_of(last.year) : WINDOW_LAST;
	if (ical_export_begin(fp, cal->calname, cal->flags, &w, err) == -1)
		return -1;
	if (cal->stamp != (time_t)-1)
		ical_export_set_stamp(w, cal->stamp);
	for (rc = 0; rc == 0 && year <= end; year += WINDOW_YEARS) {
		if (!window_filter(&cal->filter, year, &f))
			continue;
		meeting_list_init(&list);
		rc = calendar_load(store, cat, cal->city, &f, &list, err);
		for (i = 0; rc == 0 && i < list.count; i++)
			rc = ical_export_meeting(w, &list.items[i], cat, err);
		count->meetings += list.count;
		meeting_list_free(&list);
	}
	if (rc == 0)
		rc = export_tombstones_write(w, store, cat, &cal->filter,
		    cal->city, &count->tombstones, err);
	if (rc == -1) {
		ical_export_end(w, &ignored);
		return -1;
	}
	return ical_export_end(w, err);
}

void
export_calendar_name(const struct catalog *cat, const char *city,
    long center_id, long type_id, char *buf, size_t size)
{
	const struct center		*c = catalog_center_by_id(cat,
					    center_id);
	const struct meeting_type	*t = catalog_type_by_id(cat,
					    type_id);

	snprintf(buf, size, "%s %s", c != NULL ? c->name : city,
	    t != NULL ? t->name : "地域ケア会議");
}
