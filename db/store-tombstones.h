/*
 * store-tombstones.h -- the meetings deleted lately, as exports and
 * feeds send them: each one as it was when deleted, cancelled, with the
 * next SEQUENCE, so that an office calendar that imported it drops it
 * or marks it cancelled (a tombstone; issue 16).
 */
#ifndef CARECAL_STORE_TOMBSTONES_H
#define CARECAL_STORE_TOMBSTONES_H

#include "date.h"
#include "error.h"
#include "meeting.h"
#include "store.h"

/*
 * The tombstones of the meetings deleted on since (a local date) or
 * later and still deleted, appended to list in no order: one a UID
 * (the last deleted under it, SEQUENCE above all of them), none for a
 * UID a meeting has now, none without a note (status cancelled, note
 * NULL). A deletion made outside carecal has no date and gives none.
 * With an advisor (id not 0): only the meetings they were booked for
 * when they were deleted, for the advisor's own calendar.
 */
int	store_tombstones_load(struct store *, struct date, long,
	    struct meeting_list *, struct error *);
/*
 * The local date of the last deletion before since (whose tombstone
 * has run out): 1 and *when, or 0 if there is none.
 */
int	store_tombstones_expired(struct store *, struct date, struct date *,
	    struct error *);

#endif
