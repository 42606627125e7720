/*
 * store.h -- the SQLite store: opening (WAL, foreign keys, busy timeout,
 * mode 0600, schema migration), one transaction per user action, and
 * the queries the rest of carecal needs. Nothing here draws or prints.
 */
#ifndef CARECAL_STORE_H
#define CARECAL_STORE_H

#include <time.h>

#include "advisor.h"
#include "advisor-calendar.h"
#include "case.h"
#include "catalog.h"
#include "check.h"
#include "error.h"
#include "followup.h"
#include "meeting.h"

struct store;

#define STORE_CREATE	0x1	/* make a new file; refuse an existing one */
#define STORE_READONLY	0x2

/*
 * Opens path; *out is freed with store_close. A file that is empty, or
 * of a schema version carecal does not know, is refused before anything
 * is written to it. With STORE_CREATE the new database is built under a
 * temporary name beside path, in a private directory, and appears at
 * path only with store_publish: a store closed (or a process killed)
 * before that leaves no database behind.
 */
int	store_open(const char *, int, struct store **, struct error *);
/*
 * Put a new database (STORE_CREATE) at its path, whole, once its first
 * actions are committed; never over a file that appeared there meanwhile
 * (then nothing is created). The store stays open on it.
 */
int	store_publish(struct store *, struct error *);
void	store_close(struct store *);
const char *store_path(const struct store *);
/* Set when opening upgraded the schema: the version found (else 0). */
int	store_upgraded_from(const struct store *);
/* The path of the copy kept before an upgrade, or NULL. */
const char *store_upgrade_backup(const struct store *);

/*
 * One user action = one transaction (BEGIN IMMEDIATE). command is what
 * the user asked ("add --type kobetsu ..."), kept in the history.
 */
int	store_begin(struct store *, const char *, struct error *);
int	store_commit(struct store *, struct error *);
void	store_rollback(struct store *);

/* 1 if another connection committed since the last call (data_version). */
int	store_changed(struct store *);
/*
 * A read of one committed state (`carecal serve`): in WAL it keeps no
 * writer waiting. Ended by store_read_end.
 */
int	store_read_begin(struct store *, struct error *);
void	store_read_end(struct store *);
/* When the last action was committed, or (time_t)-1 if none was. */
int	store_last_change(struct store *, time_t *, struct error *);
/* The first and last day of any meeting: 1, or 0 when there is none. */
int	store_meeting_dates(struct store *, struct date *, struct date *,
	    struct error *);

/* Settings: key/value text. *value is malloc'd (NULL when not set). */
int	store_setting_get(struct store *, const char *, char **,
	    struct error *);
int	store_setting_set(struct store *, const char *, const char *,
	    struct error *);

/* The catalog, in table order; free with catalog_free. */
int	store_catalog_load(struct store *, struct catalog *, struct error *);
int	store_center_add(struct store *, const char *, struct error *);
int	store_center_rename(struct store *, const char *, const char *,
	    struct error *);
int	store_center_retire(struct store *, const char *, int,
	    struct error *);
int	store_center_set_started(struct store *, const char *,
	    const struct date *, struct error *);
int	store_type_add(struct store *, const struct meeting_type *,
	    struct error *);
/* Updates the type whose code is t->code. */
int	store_type_update(struct store *, const struct meeting_type *,
	    struct error *);

/*
 * Meetings are read by date, then start time (none first), then the
 * catalog's order of their types and of their centers (city-level
 * first), then id; filter->fields says what is read of each.
 *
 * store_meetings_each hands each meeting matching filter to fn(m, arg),
 * so that memory stays flat however many there are. m and its strings
 * are the store's and last only until fn returns: fn neither frees nor
 * keeps them (it keeps a meeting_copy). fn returns 0 to go on, or -1 to
 * stop, which this returns (err is fn's to fill then).
 */
int	store_meetings_each(struct store *, const struct meeting_filter *,
	    int (*)(struct meeting *, void *), void *, struct error *);
/* Meetings matching filter, appended to list (they are the list's). */
int	store_meetings_load(struct store *, const struct meeting_filter *,
	    struct meeting_list *, struct error *);
/* 0 found, 1 not found, -1 error. */
int	store_meeting_get(struct store *, long, struct meeting *,
	    struct error *);
int	store_meeting_get_by_uid(struct store *, const char *,
	    struct meeting *, struct error *);
/* Stores m (uid generated when NULL); sets m->id, uid, version. */
int	store_meeting_insert(struct store *, struct meeting *,
	    struct error *);

#define STORE_KEEP_SEQUENCE	0x1	/* take m->sequence as given */
/*
 * Updates meeting m->id if its row version is still m->version (else
 * ERROR_CONFLICT); bumps version and SEQUENCE; refreshes m from the row.
 */
int	store_meeting_update(struct store *, struct meeting *, int,
	    struct error *);
/* Deletes meeting id if its row version is still version. */
int	store_meeting_delete(struct store *, long, long, struct error *);
/*
 * The fiscal year nearest fy that holds meetings, fy itself when it
 * does (the later of two at the same distance): 0 with *found set, 1
 * when the database holds none, -1 error.
 */
int	store_meetings_nearest_fiscal_year(struct store *, int, int *,
	    struct error *);
/* Number of meetings of a center or type (for catalog changes). */
int	store_meeting_count(struct store *, long, long, long *,
	    struct error *);

/*
 * ---- Saving a meeting: one user action ----
 * db/store-save.c: what a user gave one meeting (carecal add, edit,
 * cancel and delete; the full-screen view's form and keys), saved the
 * one way both programs do it.
 *
 * store_meeting_check: 0 when m keeps the rules (meeting_validate
 * against the catalog), else -1 with err naming the field, and nothing
 * may be saved. warnings receives what is worth saying before saving
 * but does not stop it (findings of check.h about m: a weekend, a
 * holiday, a clash with another meeting of its center): the command
 * line prints them on standard error and saves (--strict: refuses),
 * the form asks first. They are core's (warnings.h) against the other
 * meetings of the center on that day and the database's closure; an
 * edit (m->id set) is told only what it brings, not what the stored
 * meeting already had. The caller frees warnings with finding_list_free
 * (empty on -1).
 */
int	store_meeting_check(struct store *, const struct catalog *,
	    const struct meeting *, struct finding_list *, struct error *);
/*
 * The warnings part of it, for what saves many meetings (an import):
 * closure given, before the meeting as stored (NULL: a new one), inside
 * the caller's transaction if any. Appends to warnings.
 */
int	store_meeting_warnings(struct store *, const struct catalog *,
	    const struct closure *, const struct meeting *,
	    const struct meeting *, struct finding_list *, struct error *);
/*
 * m, valid again, as one action recorded in the history as command:
 * inserted when m->id is 0 (m gets its id, UID and version), else
 * updated if its row is still at m->version (ERROR_CONFLICT if someone
 * changed it since) and m refreshed from the row. On failure nothing is
 * written.
 */
int	store_meeting_save(struct store *, const struct catalog *,
	    struct meeting *, const char *, struct error *);
/* Meeting id deleted, if still at version, as one action (command). */
int	store_meeting_remove(struct store *, long, long, const char *,
	    struct error *);

/*
 * ---- Advisors (専門職) and their bookings ----
 * db/store-advisors.c. Advisors are retired, never deleted.
 */

/* The advisor of that name: 0 found, 1 not, -1 error; clear a after. */
int	store_advisor_get(struct store *, const char *, struct advisor *,
	    struct error *);
/* The id of the advisor of that name; ERROR_INPUT naming it if none. */
int	store_advisor_find(struct store *, const char *, long *,
	    struct error *);
/*
 * In the caller's transaction: a new advisor (a->id set), or advisor
 * a->id changed to a, its dates unavailable replaced by a's.
 */
int	store_advisor_add(struct store *, struct advisor *, struct error *);
int	store_advisor_update(struct store *, const struct advisor *,
	    struct error *);
/*
 * In the caller's transaction: advisor advisor_id booked for meeting
 * meeting_id (assign 1), or the booking taken back (0); recorded in the
 * history under the running action. ERROR_INPUT when either does not
 * exist, when booked already (or not booked), or when booking a retired
 * advisor.
 */
int	store_assign(struct store *, long, long, int, struct error *);
/* The same as one action of its own, recorded as command. */
int	store_assign_action(struct store *, long, long, int, const char *,
	    struct error *);
/*
 * What the plan checks need to find the advisors' findings (check.h):
 * every advisor, the bookings of the meetings dated first..last (NULL:
 * no bound), the booking horizon and whether an advisor goes to one
 * center a day. The caller frees both lists, also after an error.
 */
int	store_advisors_for_checks(struct store *, const struct date *,
	    const struct date *, struct advisor_list *,
	    struct assignment_list *, int *, int *, struct error *);

/*
 * What the advisors' calendar of some days needs, read together: every
 * advisor, the meetings of the days (MEETING_FIELDS_PLAN) and their
 * bookings, the calendar built from them (advisor-calendar.h), and the
 * advisors' settings. How the form finds the advisors free for a
 * meeting and `plan` books them: load the days, ask the calendar
 * (advisor_calendar_free_for), add each booking made to it.
 */
struct advisor_book {
	struct advisor_list	advisors;
	struct meeting_list	meetings;
	struct assignment_list	assignments;
	struct advisor_calendar	calendar;
	int			horizon;	/* days: settings.h */
	int			one_center_a_day;
};
/* The days first..last; free with advisor_book_free (also on error). */
int	store_advisor_book_load(struct store *, const struct catalog *,
	    struct date, struct date, struct advisor_book *, struct error *);
void	advisor_book_free(struct advisor_book *);

/*
 * ---- History, undo, backups, checks and sharing ----
 * db/store-history.c, db/store-backup.c and the group mode of store.c.
 */

enum history_op {
	HISTORY_INSERT,
	HISTORY_UPDATE,
	HISTORY_DELETE,
	HISTORY_ASSIGN,		/* an advisor booked for the meeting */
	HISTORY_UNASSIGN	/* a booking taken back */
};

/* One meeting changed by one action: one row of the history. */
struct history_entry {
	long		 id;		/* the changes' order */
	long		 action_id;	/* 0: made outside carecal */
	char		*at;		/* local time, "YYYY-MM-DD HH:MM:SS" */
	char		*login;		/* NULL when action_id is 0 */
	char		*command;
	long		 undoes;	/* the action this one undid, or 0 */
	long		 undone_by;	/* the action that undid this, or 0 */
	long		 meeting_id;
	enum history_op	 op;
	struct meeting	 before;	/* set unless op is HISTORY_INSERT */
	struct meeting	 after;		/* set unless op is HISTORY_DELETE */
	/*
	 * HISTORY_ASSIGN and HISTORY_UNASSIGN (STORE_HISTORY_BOOKINGS):
	 * the advisor, "name (profession)"; before and after are empty.
	 */
	char		*advisor;
};

struct history_list {
	struct history_entry	*items;
	size_t			 count;
	size_t			 capacity;
};

struct history_filter {
	long		 meeting_id;	/* 0: every meeting */
	int		 has_since;
	struct date	 since;		/* actions from this day (local) on */
	int		 deleted;	/* only deletions not undone since */
};

void	history_filter_init(struct history_filter *);
#define STORE_HISTORY_NO_MEETINGS 0x1	/* before and after left empty */
/* the bookings made and taken back too, each in its action's place */
#define STORE_HISTORY_BOOKINGS	0x2
/*
 * Each change matching filter, oldest first, handed to fn(e, arg) and
 * then cleared, so that memory stays flat however long the history is.
 * fn may keep what it takes out of e (leaving NULL or meeting_init
 * behind); it returns 0 to go on, or -1 to stop, which this returns.
 */
int	store_history_each(struct store *, const struct history_filter *,
	    int, int (*)(struct history_entry *, void *), void *,
	    struct error *);
/* The changes matching filter, oldest first, appended to list. */
int	store_history_load(struct store *, const struct history_filter *,
	    struct history_list *, struct error *);
void	history_list_free(struct history_list *);

/* What an undo did (or would do); strings are malloc'd. */
struct undo_result {
	long	 action_id;	/* the action undone */
	char	*at;		/* when it was made, local time */
	char	*command;	/* what it was */
	long	 changed;	/* meetings changed back */
	long	 removed;	/* meetings it had added, deleted again */
	long	 restored;	/* meetings it had deleted, brought back */
	long	 bookings;	/* advisors' bookings it made or took
				   back, taken back in turn */
};

#define STORE_UNDO_DRY_RUN	0x1	/* find and check, change nothing */
/*
 * Undo the last action of the store's login that changed meetings or their
 * bookings and is not undone yet (a whole import at once), in one
 * transaction of its own that is recorded as an action (command) marking
 * the other undone; never the `init` that made the database. Returns 0
 * done, 1 nothing to undo (err says so, and why), -1 error:
 * ERROR_CONFLICT when a later action of someone else changed one of its
 * meetings (then nothing changes).
 * When 0 is returned, free result with undo_result_clear.
 */
int	store_undo_last(struct store *, const char *, int,
	    struct undo_result *, struct error *);
/*
 * The same for action, which must be that last action: shown to the user
 * (a dry run) and asked for by number, it is undone only if nothing of
 * this login came after it meanwhile; otherwise -1 and nothing changes
 * (ERROR_CONFLICT when it is no longer the last or already undone,
 * ERROR_INPUT when it is not this login's, not one, or changed no
 * meeting). action 0 is store_undo_last.
 */
int	store_undo_action(struct store *, const char *, long, int,
	    struct undo_result *, struct error *);
void	undo_result_clear(struct undo_result *);

/*
 * Inside the caller's transaction: bring deleted meeting id back as it
 * was, with its id and UID (version goes up, SEQUENCE past its
 * tombstone's). m receives it.
 */
int	store_meeting_restore(struct store *, long, struct meeting *,
	    struct error *);

#define STORE_BACKUP_FORCE	0x1	/* replace an existing file */
/*
 * A consistent copy of the database in a new file (mode 0600) made with
 * SQLite's online backup while others may be writing; it appears under
 * its name only once complete.
 */
int	store_backup(struct store *, const char *, int, struct error *);
/*
 * Replace the database's content with that of file, a carecal database
 * that passes the checks of store_check_file. The old content is first
 * copied to "PATH.before-restore-YYYYMMDD-HHMMSS", whose path goes to
 * *kept (malloc'd). Reopen the store afterwards: the schema may be older.
 */
int	store_restore(struct store *, const char *, char **,
	    struct error *);

/* What `carecal fsck` finds; every string is malloc'd or NULL. */
struct store_check {
	int	 problems;	/* how many checks failed */
	char	*permissions;	/* NULL when fine, else why not */
	char	*group;		/* the sharing group, or NULL (private) */
	int	 is_carecal;	/* the application id is ours */
	int	 version;	/* PRAGMA user_version */
	char	*integrity;	/* NULL when ok, else the problems */
	long	 foreign_key_problems;
	char	*foreign_keys;	/* the first problems, one a line */
	char	*triggers;	/* NULL when as carecal made them, else how
				   they differ, one a line */
	char	*numbering;	/* NULL when the actions and the history
				   have no gaps, else the gaps, one a line */
	long	 meetings, actions, changes;
};
#define STORE_CHECK_CONTENT	0x1	/* not the file's permissions */
/*
 * Check a database file without changing it; check->problems counts what
 * is wrong. -1 only when it cannot be checked at all.
 */
int	store_check_file(const char *, int, struct store_check *,
	    struct error *);
void	store_check_free(struct store_check *);

/*
 * Create a database shared by a Unix group: the file and its -wal/-shm
 * 0660 in that group, the directory setgid and group-writable; the
 * group is recorded in the settings ("group").
 */
int	store_create_shared(const char *, const char *, struct store **,
	    struct error *);
/* The sharing group, or NULL for a private database. */
const char *store_group(const struct store *);

/*
 * ---- Cases and their follow-ups ----
 * db/store-cases.c: the reviews of cases (case.h) recorded at meetings,
 * each addition or removal one action of the history that undo takes
 * back; and the follow-ups they still need (followup.h). A meeting with
 * reviews has their count as its number of cases (schema.c, version 8):
 * store_meeting_check refuses another, store_meeting_remove refuses to
 * delete it.
 */

/* Which reviews to read; zero fields mean "any". */
struct case_filter {
	const char	*ref;		/* canonical (case_ref_parse) */
	long		 meeting_id;
	int		 has_from, has_to;
	struct date	 from, to;	/* the meeting's date, inclusive */
};

void	case_filter_init(struct case_filter *);
/*
 * The reviews matching filter, with their meeting's date, type, center
 * and status, appended to list in case_list_sort's order.
 */
int	store_case_reviews_load(struct store *, const struct case_filter *,
	    struct case_list *, struct error *);
/* How many reviews meeting id has. */
int	store_case_count(struct store *, long, long *, struct error *);
/*
 * -1 with err (ERROR_INPUT, in words) when m, a stored meeting, has
 * reviews and a number of cases other than their count: what the
 * database would refuse (store_meeting_check asks it; so does import).
 */
int	store_meeting_check_cases(struct store *, const struct meeting *,
	    struct error *);

/*
 * store_case_check: 0 when r (ref, meeting_id, stage given) may be
 * recorded, and r gets its meeting's date, type, center and status;
 * else -1 with err saying why: no such meeting, a type that does not
 * count cases, a cancelled meeting, the case already at that meeting, a
 * second 初回 or 終了前, or stages out of order by date (初回, then 中間,
 * then 終了前). warnings receives what is worth saying but does not stop
 * it (more cases than the type takes, a follow-up with no 初回 or at
 * another center than the 初回's); the caller frees it.
 */
int	store_case_check(struct store *, const struct catalog *,
	    struct case_review *, struct finding_list *, struct error *);
/*
 * r checked again and recorded as one action (command); r->id is set.
 * The meeting's number of cases becomes the count of its reviews.
 */
int	store_case_add(struct store *, const struct catalog *,
	    struct case_review *, const char *, struct error *);
/*
 * Removes the review of case ref at meeting id (0: its only one; more
 * than one is an input error naming them) as one action (command);
 * removed gets the review (may be NULL).
 */
int	store_case_remove(struct store *, const char *, long, const char *,
	    struct case_review *, struct error *);

/*
 * The follow-ups (followup_pending) due from..to: the reviews, the
 * meetings that could take them and the rules (settings.h) read for the
 * caller. What `check` reports and `case list --due` shows; `plan`
 * calls followup_pending itself with the meetings it drafts.
 */
int	store_followups_load(struct store *, const struct catalog *,
	    struct date, struct date, struct followup_list *, struct error *);

#endif
