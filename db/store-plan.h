/*
 * store-plan.h -- what `plan` needs from the store: the year taken as
 * the model, the year drafted with its advisors' calendar, the closure;
 * and the draft saved as meetings planned (予定) with their bookings.
 */
#ifndef CARECAL_STORE_PLAN_H
#define CARECAL_STORE_PLAN_H

#include "plan.h"
#include "store.h"

struct plan_data {
	struct meeting_list	like;		/* fiscal year like */
	/* fiscal year fy, and the city-level meetings before it */
	struct meeting_list	existing;
	struct closure		closure;
	/* the advisors and the bookings of fiscal year fy */
	struct advisor_book	book;
};

/*
 * Reads what drafting fiscal year fy like fiscal year like needs. Free
 * with plan_data_free, also after an error. data must not move
 * afterwards: its calendar points into it.
 */
int	store_plan_load(struct store *, const struct catalog *, int, int,
	    struct plan_data *, struct error *);
void	plan_data_free(struct plan_data *);
/* in for plan_make from data: fiscal year fy, every center. */
void	plan_data_input(struct plan_data *, const struct catalog *, int,
	    struct plan_input *);
/*
 * In the caller's transaction: every draft of plan stored as a new
 * meeting (planned), and every booking of the plan made; *booked says
 * how many. On failure the caller rolls back.
 */
int	store_plan_save(struct store *, const struct catalog *,
	    const struct plan *, size_t *, struct error *);
/* The same as one action of its own, recorded as command. */
int	store_plan_apply(struct store *, const struct catalog *,
	    const struct plan *, const char *, size_t *, struct error *);

#endif
