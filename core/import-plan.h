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
	IMPORT_SKIP_OLDER,	/* its SEQUENCE is below the stored one */
	IMPORT_SKIP_DELETED,	/* its UID's meeting was deleted since */
	IMPORT_RESTORE		/* that meeting brought back, as it was */
};

struct import_item {
	long			line;		/* where it was in the file */
	struct meeting		meeting;	/* what came in */
	int			has_sequence;	/* the source had SEQUENCE */
	int			keep_window;	/* the source had no window */
	int			keep_note;	/* nor a note (iCalendar) */
	int			deleted;	/* a tombstone: deleted where
						   it comes from (iCalendar
						   X-CARECAL-DELETED) */
	long			read_version;	/* the row version it was
						   read at (CSV), 0: none */
	const char		*written_at;	/* when the source was last
						   written, UTC "YYYY-MM-DD
						   HH:MM:SS", or NULL */
	enum import_action	action;
};

struct import_result {
	long	added, updated, cancelled, unchanged, skipped, restored;
	/* of those added or updated, how many were worth a warning */
	long	warned;
};

/* existing is the stored meeting with the same UID, or NULL. */
enum import_action import_decide(const struct import_item *,
		    const struct meeting *);
/*
 * Whether item may update existing (the stored meeting of its UID), as
 * the full-screen view's editor may save only over what it read: -1
 * with err (ERROR_CONFLICT, naming who changed the meeting and when)
 * if item was read at another row version than existing's, or, giving
 * no version, if existing changed after the source was last written.
 */
int		import_check_fresh(const struct import_item *,
		    const struct meeting *, struct error *);
/* The SEQUENCE to store for an update of existing by item. */
long		import_sequence(const struct import_item *,
		    const struct meeting *);
const char	*import_action_label(enum import_action);

#endif
