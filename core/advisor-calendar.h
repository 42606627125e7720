/*
 * advisor-calendar.h -- when each advisor is booked, and whether one
 * can take a meeting: on a usual weekday, not on a date unavailable, at
 * no other meeting at that time (a meeting with no end lasts its type's
 * usual length; one with no time, the whole day), and, when the city
 * books an advisor for one center a day, at no other center that day.
 *
 * What `check` reads its advisor findings from, the form its list of
 * free advisors, and `plan` its bookings: build a calendar from the
 * bookings stored, ask it, and add each booking made, in turn.
 */
#ifndef CARECAL_ADVISOR_CALENDAR_H
#define CARECAL_ADVISOR_CALENDAR_H

#include <stddef.h>

#include "advisor.h"
#include "catalog.h"
#include "meeting.h"

/* One booking of one advisor, as the calendar needs it. */
struct advisor_slot {
	long	meeting_id;
	long	center_id;	/* 0: city-level */
	long	type_id;
	long	day;		/* date_to_days */
	int	from, to;	/* minutes; 0..1440 for a meeting with no time */
};

/* The bookings of one advisor, by day and start. */
struct advisor_slots {
	struct advisor_slot	*items;
	size_t			 count;
	size_t			 capacity;
};

struct advisor_calendar {
	const struct advisor_list	*advisors;
	const struct catalog		*catalog;
	int				 one_center_a_day;
	struct advisor_slots		*booked;	/* one per advisor */
};

/* Why an advisor cannot take a meeting, or ADVISOR_FREE. */
enum advisor_state {
	ADVISOR_FREE,
	ADVISOR_RETIRED,
	ADVISOR_OFF_WEEKDAY,	/* not one of the usual weekdays */
	ADVISOR_UNAVAILABLE,	/* a date unavailable */
	ADVISOR_BUSY,		/* at a meeting at that time */
	ADVISOR_ELSEWHERE	/* at another center that day */
};

/*
 * An empty calendar of the advisors (the list must outlive it, and
 * stay as it is); one_center_a_day: an advisor goes to one center a
 * day. Free with advisor_calendar_free.
 */
void	advisor_calendar_init(struct advisor_calendar *,
	    const struct advisor_list *, const struct catalog *, int);
void	advisor_calendar_free(struct advisor_calendar *);
/* Books advisor i (an index of the list) for meeting m. */
void	advisor_calendar_add(struct advisor_calendar *, size_t,
	    const struct meeting *);
/*
 * Books every assignment whose meeting is in meetings and not
 * cancelled (the others are not the calendar's to hold).
 */
void	advisor_calendar_add_all(struct advisor_calendar *,
	    const struct assignment_list *, const struct meeting_list *);

/*
 * Whether advisor i can take meeting m (its date, time and center; a
 * booking of m itself does not count): ADVISOR_FREE or why not; for
 * ADVISOR_BUSY and ADVISOR_ELSEWHERE, *other is the meeting in the way.
 */
enum advisor_state advisor_calendar_state(const struct advisor_calendar *,
	    size_t, const struct meeting *, long *);
/*
 * The advisors whose profession meets need (NULL: any) and who can
 * take meeting m, in the list's order: their indexes in out (room for
 * every advisor), and how many.
 */
size_t	advisor_calendar_free_for(const struct advisor_calendar *,
	    const struct summons_need *, const struct meeting *, size_t *);
/*
 * Why advisor i cannot take meeting m, in words: "青木 陽子 (理学療法士)
 * is at meeting 12 (明第1 地域個別ケア会議) at that time".
 */
void	advisor_state_format(const struct advisor_calendar *, size_t,
	    const struct meeting *, enum advisor_state, long, char *,
	    size_t);
/* How many bookings advisor i has in the calendar (for fairness). */
size_t	advisor_calendar_count(const struct advisor_calendar *, size_t);

#endif
