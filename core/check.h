/*
 * check.h -- plan checks: where a fiscal year's plan falls short of the
 * targets or breaks the rules of the calendar, as findings a person can
 * act on. Pure: the caller loads the catalog and the meetings.
 */
#ifndef CARECAL_CHECK_H
#define CARECAL_CHECK_H

#include <stddef.h>

#include "advisor.h"
#include "catalog.h"
#include "date.h"
#include "followup.h"
#include "meeting.h"
#include "workday.h"

enum check_kind {
	CHECK_TARGET_LOW,	/* fewer meetings than the type's target */
	CHECK_TARGET_HIGH,	/* more than the target */
	CHECK_NON_WORKING_DAY,	/* weekend, holiday or closure */
	CHECK_CLASH,		/* same center, same day, times overlap */
	CHECK_WINDOW_OVERLAP,	/* city-level windows share months */
	CHECK_WINDOW_GAP,	/* months in no city-level window */
	CHECK_CASES_MISSING,	/* held, counts cases, none recorded */
	CHECK_STALE_PLANNED,	/* still planned after its date */
	CHECK_ADVISOR_CLASH,	/* an advisor at two meetings at once, or
				   at two centers on a day of one center */
	CHECK_ADVISOR_UNAVAILABLE, /* booked when not available */
	CHECK_ADVISOR_MISSING,	/* planned soon, a profession unbooked */
	CHECK_FOLLOWUP_DUE,	/* a case's 中間 or 終了前 has no meeting */
	CHECK_OVER_CAPACITY	/* more cases than the type takes */
};
#define CHECK_KIND_COUNT	13

struct finding {
	enum check_kind	 kind;
	long		 center_id;	/* 0: city-wide or city-level */
	long		 type_id;
	int		 fiscal_year;
	int		 has_date;	/* 0: about the whole fiscal year */
	struct date	 date;		/* the meeting's date */
	/*
	 * The meetings concerned, 0 when unused: [0] is the one to show
	 * (the later of a clash or of two city-level windows).
	 */
	long		 meeting_ids[2];
	long		 advisor_id;	/* the advisor concerned, or 0 */
	char		*message;	/* what and why, translated; owned */
};

struct finding_list {
	struct finding	*items;
	size_t		 count;
	size_t		 capacity;
};

struct check_input {
	const struct catalog		*catalog;
	/*
	 * May hold meetings of other years: only those of fiscal_year are
	 * checked, earlier city-level ones give the previous window.
	 */
	const struct meeting_list	*meetings;
	int				 fiscal_year;
	struct date			 today;		/* for stale-planned */
	const struct closure		*closure;	/* NULL: none */
	/*
	 * The follow-ups the cases still need (followup_pending), or
	 * NULL: those due in fiscal_year with no meeting to take them are
	 * findings.
	 */
	const struct followup_list	*followups;
	/*
	 * The advisors (in id order) and the bookings of the meetings
	 * given, or NULL: no advisor findings (core/check-advisors.c).
	 * horizon: the days from today within which a planned meeting
	 * should have every profession its type summons booked;
	 * one_center_a_day: an advisor goes to one center a day.
	 */
	const struct advisor_list	*advisors;
	const struct assignment_list	*assignments;
	int				 horizon;
	int				 one_center_a_day;
};

void	finding_list_init(struct finding_list *);
/* Frees the findings' messages and the array; the list is reusable. */
void	finding_list_free(struct finding_list *);
/*
 * Appends a finding of kind with a copy of message, the rest zero, and
 * returns it (valid until the next append): for warnings found outside
 * check_run, before a save (store.h).
 */
struct finding *finding_list_append(struct finding_list *, enum check_kind,
	    const char *);

/*
 * Appends the findings of in->fiscal_year to out: first those about the
 * whole year (targets, in center then type order, city-wide first), then
 * those about meetings in date order. Cancelled meetings count for
 * nothing; retired centers are not held to targets. The caller frees
 * out with finding_list_free.
 */
void	check_run(const struct check_input *, struct finding_list *);

/*
 * Whether two meetings clash, as check_run finds them: the same center
 * (not city-level), the same day, neither cancelled, and their times
 * overlap, or one of them has no time (it may take the whole day).
 */
int	check_meetings_clash(const struct meeting *, const struct meeting *);
/*
 * Appends a finding of kind about meeting m (its center, type, fiscal
 * year, date and id) saying message (copied); returns it.
 */
struct finding *finding_list_add(struct finding_list *, enum check_kind,
	    const struct meeting *, const char *);

/* The stable ASCII code of a kind: target-low, clash, ... */
const char	*check_kind_code(enum check_kind);
/* The same in words for a reader, translated: 目標未達, 重複, ... */
const char	*check_kind_label(enum check_kind);

#endif
