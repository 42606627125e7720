/*
 * plan.h -- the draft of a fiscal year (年間開催計画（案）): for each
 * center and type the meetings still missing, on last year's rhythm
 * (the same month, the same nth weekday, the same time) or spread over
 * the year by the type's cadence; never on a day off, never clashing
 * with another meeting of the center; the advisors each type summons
 * booked fairly; and in words what could not be done. Pure: the caller
 * loads last year's and this year's meetings and the advisors.
 */
#ifndef CARECAL_PLAN_H
#define CARECAL_PLAN_H

#include <stddef.h>

#include "advisor-calendar.h"
#include "catalog.h"
#include "date.h"
#include "meeting.h"
#include "workday.h"

struct plan_input {
	const struct catalog		*catalog;
	int				 fiscal_year;
	/*
	 * The meetings of the year taken as the model (--like), and those
	 * already stored: of the fiscal year (they count, and the drafts
	 * keep clear of them) and the city-level ones before it (the
	 * previous reporting window). Cancelled ones count for nothing.
	 */
	const struct meeting_list	*like;
	const struct meeting_list	*existing;
	const struct closure		*closure;	/* NULL: none */
	/* Only these centers (ids), or all when ncenters is 0. */
	const long			*centers;
	size_t				 ncenters;
	/*
	 * The advisors' calendar with the bookings stored, or NULL: none
	 * booked. The drafts' bookings are added to it.
	 */
	struct advisor_calendar		*calendar;
};

/* A booking of a draft: the draft's id (negative), the advisor's. */
struct plan_booking {
	long	meeting_id;
	long	advisor_id;
};

/* What the draft could not do as wanted, in words. */
struct plan_note {
	long		 center_id;	/* 0: city-level or city-wide */
	long		 type_id;
	int		 has_date;
	struct date	 date;
	char		*message;	/* translated; owned */
};

struct plan {
	/*
	 * The drafted meetings (planned; ids -1, -2, ... until saved), in
	 * the order meetings are shown; the ids go down along the list,
	 * also after a draft is dropped or moved (its place is kept).
	 */
	struct meeting_list	 meetings;
	struct plan_booking	*bookings;	/* by meeting, then need */
	size_t			 nbookings, cbookings;
	struct plan_note	*notes;		/* by center, type, date */
	size_t			 nnotes, cnotes;
};

void	plan_init(struct plan *);
void	plan_free(struct plan *);
/* Drafts into plan (initialised); deterministic for the same input. */
void	plan_make(const struct plan_input *, struct plan *);
/* Drops draft i and its bookings (the full-screen view's `d`). */
void	plan_drop(struct plan *, size_t);
/*
 * The nth weekday of a month (第4火曜): nth 1..5, the last one when the
 * month has fewer.
 */
struct date plan_nth_weekday(int, int, int, int);

#endif
