/*
 * warnings.h -- what is worth saying before one meeting is saved, while
 * the mistake can still be undone by the one making it: a day the
 * offices are closed (a weekend, a holiday, the closure), or a clash
 * with another meeting of its center, each named. The same rules as
 * `carecal check` (check.h), said of one meeting. Pure: the caller
 * gives the other meetings of its center and day.
 */
#ifndef CARECAL_WARNINGS_H
#define CARECAL_WARNINGS_H

#include "catalog.h"
#include "check.h"
#include "meeting.h"
#include "workday.h"

struct warnings_input {
	const struct catalog		*catalog;
	const struct closure		*closure;	/* NULL: none */
	/*
	 * The meetings of the center on the day (m's stored row among
	 * them is skipped by its id), or NULL for none.
	 */
	const struct meeting_list	*others;
};

/*
 * Appends the warnings about m to out: CHECK_NON_WORKING_DAY, then
 * CHECK_CLASH for each other meeting it clashes with
 * (check_meetings_clash), in the order of in->others. A cancelled
 * meeting has none. The messages name the day (令和3年12月12日(日)) and
 * the other meeting (its id, date, time, type and center).
 */
void	warnings_find(const struct warnings_input *, const struct meeting *,
	    struct finding_list *);
/*
 * Drops from now the warnings that before (the same meeting as stored)
 * already had: an edit is told only what it brings. Two are the same
 * when of one kind, on one day, about the same other meeting.
 */
void	warnings_drop_known(struct finding_list *,
	    const struct finding_list *);

#endif
