/*
 * import-plan.h -- what an incoming meeting (from CSV or iCalendar) does
 * to the database: add, update, cancel, leave alone, or skip as older.
 */
#ifndef CARECAL_IMPORT_PLAN_H
#define CARECAL_IMPORT_PLAN_H

#include "meeting.h"

enum import_action {
	IMPORT_ADD,
	IMPORT_UPDATE,
	IMPORT_CANCEL,		/* an update that cancels the meeting */
	IMPORT_UNCHANGED,
	IMPORT_SKIP_OLDER	/* its SEQUENCE is below the stored one */
};

struct import_item {
	long			line;		/* where it was in the file */
	struct meeting		meeting;	/* what came in */
	int			has_sequence;	/* the source had SEQUENCE */
	int			keep_window;	/* the source had no window */
	int			keep_note;	/* nor a note (iCalendar) */
	enum import_action	action;
};

struct import_result {
	long	added, updated, cancelled, unchanged, skipped;
};

/* existing is the stored meeting with the same UID, or NULL. */
enum import_action import_decide(const struct import_item *,
		    const struct meeting *);
/* The SEQUENCE to store for an update of existing by item. */
long		import_sequence(const struct import_item *,
		    const struct meeting *);
const char	*import_action_label(enum import_action);
void		 import_items_free(struct import_item *, size_t);

#endif
