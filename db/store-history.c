/*
 * store-history.c -- reading the history of changes, undoing a user's
 * last action and bringing deleted meetings back. The history itself is
 * written by the triggers of schema.c; here it is only read, and undo
 * writes through the meetings table so that it is recorded in turn.
 */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "action-words.h"
#include "alloc.h"
#include "i18n.h"
#include "store-private.h"

/* The columns of the meetings table, read from a history row's JSON. */
#define J(key)	"json_extract(?1, '$." key "')"
#define JSON_MEETING_COLUMNS						\
	J("id") ", " J("uid") ", " J("type_id") ", " J("center_id") ", "\
	J("date") ", " J("start_time") ", " J("end_time") ", "		\
	J("mode") ", " J("status") ", " J("cases") ", " J("venue") ", "	\
	J("url") ", " J("note") ", " J("window_from") ", "		\
	J("window_to") ", " J("sequence") ", " J("version") ", "	\
	J("created_at") ", " J("created_by") ", " J("updated_at") ", "	\
	J("updated_by")

/* What a user sets, in the order of the JSON_FIELDS below. */
#define USER_COLUMNS							\
	"uid, type_id, center_id, date, start_time, end_time, mode, "	\
	"status, cases, venue, url, note, window_from, window_to"
#define K(key)	"json_extract(before, '$." key "')"
#define JSON_FIELDS							\
	K("uid") ", " K("type_id") ", " K("center_id") ", " K("date")	\
	", " K("start_time") ", " K("end_time") ", " K("mode") ", "	\
	K("status") ", " K("cases") ", " K("venue") ", " K("url") ", "	\
	K("note") ", " K("window_from") ", " K("window_to")

#define NOW_UTC	"strftime('%Y-%m-%d %H:%M:%S', 'now')"
#define LOCAL(t) "strftime('%Y-%m-%d %H:%M:%S', " t ", 'localtime')"

void
history_filter_init(struct history_filter *f)
{
	memset(f, 0, sizeof *f);
}

static struct history_entry *
history_list_add(struct history_list *list)
{
	struct history_entry	*e;

	if (list->count == list->capacity) {
		list->capacity = list->capacity == 0 ? 64 :
		    list->capacity * 2;
		list->items = xreallocarray(list->items, list->capacity,
		    sizeof *list->items);
	}
	e = &list->items[list->count++];
	memset(e, 0, sizeof *e);
	meeting_init(&e->before);
	meeting_init(&e->after);
	return e;
}

void
history_list_free(struct history_list *list)
{
	size_t	i;

	for (i = 0; i < list->count; i++) {
		free(list->items[i].at);
		free(list->items[i].login);
		free(list->items[i].command);
		free(list->items[i].advisor);
		meeting_clear(&list->items[i].before);
		meeting_clear(&list->items[i].after);
	}
	free(list->items);
	memset(list, 0, sizeof *list);
}

static char *
column_copy(sqlite3_stmt *st, int i)
{
	const unsigned char	*t = sqlite3_column_text(st, i);

	return t != NULL ? xstrdup((const char *)t) : NULL;
}

/* Turn a history row's JSON (column i of st) into a meeting. */
static int
json_to_meeting(struct store *s, sqlite3_stmt *st, int i, struct meeting *m,
    struct error *err)
{
	sqlite3_stmt	*js;
	int		 rc;

	if ((js = store_statement(s, ST_HISTORY_JSON, "SELECT "
	    JSON_MEETING_COLUMNS, err)) == NULL)
		return -1;
	sqlite3_bind_value(js, 1, sqlite3_column_value(st, i));
	rc = sqlite3_step(js);
	if (rc == SQLITE_ROW)
		row_to_meeting(js, m);
	sqlite3_reset(js);
	if (rc != SQLITE_ROW)
		return store_error(s, _("reading the history"), err);
	return 0;
}

static void
entry_clear(struct history_entry *e)
{
	free(e->at);
	free(e->login);
	free(e->command);
	free(e->advisor);
	meeting_clear(&e->before);
	meeting_clear(&e->after);
}

/*
 * The bookings made and taken back that f asks for, in their order
 * (STORE_HISTORY_BOOKINGS): *out NULL when f asks for none.
 */
static int
bookings_start(struct store *s, const struct history_filter *f,
    const char *since, sqlite3_stmt **out, struct error *err)
{
	char	sql[1024];
	int	n = 0;

	*out = NULL;
	if (f->deleted)
		return 0;
	snprintf(sql, sizeof sql, "%s%s%s ORDER BY b.id", "SELECT b.id, "
	    "coalesce(b.action_id, 0), " LOCAL("a.at") ", a.login, "
	    "a.command, coalesce(a.undoes, 0), coalesce((SELECT u.id FROM "
	    "actions u WHERE u.undoes = a.id), 0), b.meeting_id, b.op, "
	    "coalesce(v.name, '?') || ' (' || coalesce(v.profession, '?') || "
	    "')' FROM assignment_history b LEFT JOIN actions a ON a.id = "
	    "b.action_id LEFT JOIN advisors v ON v.id = b.advisor_id WHERE 1",
	    f->meeting_id != 0 ? " AND b.meeting_id = ?" : "",
	    f->has_since ? " AND a.at >= strftime('%Y-%m-%d %H:%M:%f', ?, "
	    "'utc')" : "");
	if (sqlite3_prepare_v2(s->db, sql, -1, out, NULL) != SQLITE_OK)
		return store_error(s, _("reading the history"), err);
	if (f->meeting_id != 0)
		sqlite3_bind_int64(*out, ++n, f->meeting_id);
	if (f->has_since)
		sqlite3_bind_text(*out, ++n, since, -1, SQLITE_STATIC);
	return 0;
}

/* What a row of either query holds first: the action and who made it. */
static void
entry_head(sqlite3_stmt *st, struct history_entry *e)
{
	memset(e, 0, sizeof *e);
	meeting_init(&e->before);
	meeting_init(&e->after);
	e->id = sqlite3_column_int64(st, 0);
	e->action_id = sqlite3_column_int64(st, 1);
	e->at = column_copy(st, 2);
	e->login = column_copy(st, 3);
	e->command = column_copy(st, 4);
	e->undoes = sqlite3_column_int64(st, 5);
	e->undone_by = sqlite3_column_int64(st, 6);
	e->meeting_id = sqlite3_column_int64(st, 7);
}

int
store_history_each(struct store *s, const struct history_filter *f,
    int flags, int (*fn)(struct history_entry *, void *), void *arg,
    struct error *err)
{
	sqlite3_stmt		*st, *bst = NULL;
	struct history_entry	 e;
	char			 sql[2048], since[DATE_ISO_LEN] = "";
	const char		*op;
	int			 rc, brc = SQLITE_DONE, n = 0, stop = 0;

	/* Only fixed fragments are added; every value is bound. */
	snprintf(sql, sizeof sql, "%s%s%s%s ORDER BY h.id", "SELECT h.id, "
	    "coalesce(h.action_id, 0), " LOCAL("a.at") ", a.login, a.command, "
	    "coalesce(a.undoes, 0), coalesce((SELECT u.id FROM actions u "
	    "WHERE u.undoes = a.id), 0), h.meeting_id, h.op, h.before, "
	    "h.after FROM history h LEFT JOIN actions a ON a.id = h.action_id "
	    "WHERE 1",
	    f->meeting_id != 0 ? " AND h.meeting_id = ?" : "",
	    f->has_since ? " AND a.at >= strftime('%Y-%m-%d %H:%M:%f', ?, "
	    "'utc')" : "",
	    f->deleted ? " AND h.op = 'delete' AND h.id = (SELECT max(id) "
	    "FROM history l WHERE l.meeting_id = h.meeting_id) AND NOT "
	    "EXISTS (SELECT 1 FROM meetings m WHERE m.id = h.meeting_id)" :
	    "");
	if (sqlite3_prepare_v2(s->db, sql, -1, &st, NULL) != SQLITE_OK)
		return store_error(s, _("reading the history"), err);
	if (f->meeting_id != 0)
		sqlite3_bind_int64(st, ++n, f->meeting_id);
	if (f->has_since) {
		date_format_iso(f->since, since, sizeof since);
		sqlite3_bind_text(st, ++n, since, -1, SQLITE_STATIC);
	}
	if ((flags & STORE_HISTORY_BOOKINGS) &&
	    bookings_start(s, f, since, &bst, err) == -1) {
		sqlite3_finalize(st);
		return -1;
	}
	rc = sqlite3_step(st);
	if (bst != NULL)
		brc = sqlite3_step(bst);
	/*
	 * Two streams in the order of their actions, an action's changes
	 * to meetings before its bookings (a deletion takes its bookings
	 * with it; an addition is booked after it).
	 */
	while (!stop && (rc == SQLITE_ROW || brc == SQLITE_ROW)) {
		if (brc == SQLITE_ROW && (rc != SQLITE_ROW ||
		    sqlite3_column_int64(bst, 1) <
		    sqlite3_column_int64(st, 1))) {
			entry_head(bst, &e);
			op = (const char *)sqlite3_column_text(bst, 8);
			e.op = op != NULL && op[0] == 'u' ? HISTORY_UNASSIGN :
			    HISTORY_ASSIGN;
			e.advisor = column_copy(bst, 9);
			brc = sqlite3_step(bst);
		} else {
			entry_head(st, &e);
			op = (const char *)sqlite3_column_text(st, 8);
			e.op = op == NULL ? HISTORY_UPDATE : op[0] == 'i' ?
			    HISTORY_INSERT : op[0] == 'd' ? HISTORY_DELETE :
			    HISTORY_UPDATE;
			if (!(flags & STORE_HISTORY_NO_MEETINGS) &&
			    ((e.op != HISTORY_INSERT &&
			    json_to_meeting(s, st, 9, &e.before, err) == -1) ||
			    (e.op != HISTORY_DELETE &&
			    json_to_meeting(s, st, 10, &e.after, err) == -1))) {
				entry_clear(&e);
				sqlite3_finalize(st);
				sqlite3_finalize(bst);
				return -1;
			}
			rc = sqlite3_step(st);
		}
		stop = fn(&e, arg) != 0;
		entry_clear(&e);
	}
	sqlite3_finalize(st);
	sqlite3_finalize(bst);
	if (stop)
		return -1;
	if (rc != SQLITE_DONE || brc != SQLITE_DONE)
		return store_error(s, _("reading the history"), err);
	return 0;
}

/* Moves each entry into the list (store_history_load). */
static int
history_take(struct history_entry *e, void *arg)
{
	*history_list_add(arg) = *e;
	memset(e, 0, sizeof *e);
	meeting_init(&e->before);
	meeting_init(&e->after);
	return 0;
}

int
store_history_load(struct store *s, const struct history_filter *f,
    struct history_list *list, struct error *err)
{
	return store_history_each(s, f, 0, history_take, list, err);
}

void
undo_result_clear(struct undo_result *r)
{
	free(r->at);
	free(r->command);
	memset(r, 0, sizeof *r);
}

/* One meeting an action touched: its first and last history rows. */
struct touched {
	long	meeting_id;
	long	first, last;
	int	was_new;	/* the action added it */
	int	is_gone;	/* the action deleted it */
};

/*
 * Run a statement binding up to three integers and a text. Those run
 * for every meeting an undo touches are cached (which): preparing them
 * each time made the undo of a 100,000-meeting import take 28 s.
 */
static int
run(struct store *s, enum store_statement which, const char *sql, long a,
    long b, long c, const char *text, const char *doing, struct error *err)
{
	sqlite3_stmt	*st;
	int		 rc;

	if (which != ST_NONE) {
		if ((st = store_statement(s, which, sql, err)) == NULL)
			return -1;
	} else if (sqlite3_prepare_v2(s->db, sql, -1, &st, NULL) != SQLITE_OK)
		return store_error(s, doing, err);
	sqlite3_bind_int64(st, 1, a);
	sqlite3_bind_int64(st, 2, b);
	sqlite3_bind_int64(st, 3, c);
	if (text != NULL)
		sqlite3_bind_text(st, 4, text, -1, SQLITE_STATIC);
	rc = sqlite3_step(st);
	if (which != ST_NONE)
		sqlite3_reset(st);
	else
		sqlite3_finalize(st);
	if (rc != SQLITE_DONE && rc != SQLITE_ROW)
		return store_error(s, doing, err);
	return 0;
}

/*
 * Insert the meeting of history row `first` as it was before that row,
 * under its own id and UID; version and SEQUENCE continue from row
 * `last` so that editors and calendars holding an older copy notice.
 */
static int
reinsert(struct store *s, long meeting_id, long first, long last,
    struct error *err)
{
	sqlite3_stmt	*st;
	long		 other = 0;
	int		 rc;

	if ((st = store_statement(s, ST_REINSERT_UID, "SELECT m.id FROM "
	    "meetings m, history h WHERE h.id = ?1 AND m.uid = " K("uid"),
	    err)) == NULL)
		return -1;
	sqlite3_bind_int64(st, 1, first);
	if ((rc = sqlite3_step(st)) == SQLITE_ROW)
		other = sqlite3_column_int64(st, 0);
	sqlite3_reset(st);
	if (rc != SQLITE_ROW && rc != SQLITE_DONE)
		return store_error(s, _("bringing a meeting back"), err);
	if (other != 0)
		return error_set(err, ERROR_CONFLICT, _("meeting %ld cannot "
		    "come back: its UID belongs to meeting %ld now"),
		    meeting_id, other);
	/*
	 * SEQUENCE two above the last: its tombstone, exported while it
	 * was deleted, had the next one (db/store-tombstones.h).
	 */
	return run(s, ST_REINSERT, "INSERT INTO meetings (id, " USER_COLUMNS ", "
	    "sequence, version, created_at, created_by, updated_at, "
	    "updated_by) SELECT ?3, " JSON_FIELDS ", "
	    "2 + max(" K("sequence") ", (SELECT json_extract(coalesce("
	    "l.before, l.after), '$.sequence') FROM history l "
	    "WHERE l.id = ?2)), "
	    "1 + max(" K("version") ", (SELECT json_extract(coalesce("
	    "l.before, l.after), '$.version') FROM history l "
	    "WHERE l.id = ?2)), "
	    K("created_at") ", " K("created_by") ", " NOW_UTC ", ?4 "
	    "FROM history WHERE id = ?1", first, last, meeting_id, s->login,
	    _("bringing a meeting back"), err);
}

static int
undo_touched(struct store *s, const struct touched *t,
    struct undo_result *r, struct error *err)
{
	if (t->was_new && t->is_gone)
		return 0;
	if (t->was_new) {
		r->removed++;
		return run(s, ST_UNDO_REMOVE, "DELETE FROM meetings WHERE id = ?1",
		    t->meeting_id, 0, 0, NULL, _("undoing an addition"), err);
	}
	if (t->is_gone) {
		r->restored++;
		return reinsert(s, t->meeting_id, t->first, t->last, err);
	}
	r->changed++;
	return run(s, ST_UNDO_CHANGE, "UPDATE meetings SET (" USER_COLUMNS
	    ") = (SELECT "
	    JSON_FIELDS " FROM history WHERE id = ?2), "
	    "sequence = sequence + 1, version = version + 1, "
	    "updated_at = " NOW_UTC ", updated_by = ?4 WHERE id = ?1",
	    t->meeting_id, t->first, 0, s->login, _("undoing a change"), err);
}

/*
 * One case review an action touched (schema.c, version 8). Reviews are
 * only added or removed, and each of those changes its meeting too, so
 * undo_check's look at the meetings covers them: a later change to a
 * review is a later change to its meeting.
 */
struct touched_review {
	long	review_id;
	long	first;		/* its first change in the action */
	long	meeting_id;
	int	was_new;	/* the action added it */
	int	is_gone;	/* the action removed it */
	int	done;
};

static int
reviews_load(struct store *s, long action, struct touched_review **out,
    size_t *n, struct error *err)
{
	sqlite3_stmt		*st;
	struct touched_review	*t = NULL;
	size_t			 cap = 0;
	int			 rc;

	*n = 0;
	if (sqlite3_prepare_v2(s->db, "WITH t AS (SELECT review_id, min(id) "
	    "AS first, max(id) AS last FROM case_history WHERE action_id = ?1 "
	    "GROUP BY review_id) SELECT t.review_id, t.first, f.meeting_id, "
	    "f.op = 'insert', l.op = 'delete' FROM t JOIN case_history f ON "
	    "f.id = t.first JOIN case_history l ON l.id = t.last ORDER BY "
	    "t.last DESC", -1, &st, NULL) != SQLITE_OK)
		return store_error(s, _("reading the history"), err);
	sqlite3_bind_int64(st, 1, action);
	while ((rc = sqlite3_step(st)) == SQLITE_ROW) {
		if (*n == cap) {
			cap = cap == 0 ? 16 : cap * 2;
			t = xreallocarray(t, cap, sizeof *t);
		}
		t[*n].review_id = sqlite3_column_int64(st, 0);
		t[*n].first = sqlite3_column_int64(st, 1);
		t[*n].meeting_id = sqlite3_column_int64(st, 2);
		t[*n].was_new = sqlite3_column_int(st, 3);
		t[*n].is_gone = sqlite3_column_int(st, 4);
		t[*n].done = t[*n].was_new == t[*n].is_gone;
		(*n)++;
	}
	sqlite3_finalize(st);
	*out = t;
	if (rc != SQLITE_DONE) {
		free(t);
		*out = NULL;
		return store_error(s, _("reading the history"), err);
	}
	return 0;
}

/* Whether meeting id is there now. */
static int
meeting_exists(struct store *s, long id)
{
	sqlite3_stmt	*st;
	int		 found = 0;

	if (sqlite3_prepare_v2(s->db, "SELECT 1 FROM meetings WHERE id = ?1",
	    -1, &st, NULL) != SQLITE_OK)
		return 0;
	sqlite3_bind_int64(st, 1, id);
	found = sqlite3_step(st) == SQLITE_ROW;
	sqlite3_finalize(st);
	return found;
}

/*
 * Take back what the action did to reviews, in three steps around the
 * meetings (store_undo_action): before them, the reviews it added go
 * (step 0) and those it removed come back at the meetings still there
 * (step 1), so that each meeting's number of cases is its reviews'
 * count again when the meeting is changed back (the database refuses
 * another); after them, those whose meeting has just come back (2).
 */
static int
undo_reviews(struct store *s, struct touched_review *t, size_t n, int step,
    struct error *err)
{
	size_t	i;

	for (i = 0; i < n; i++) {
		if (t[i].done || (step == 0) != t[i].was_new ||
		    (step == 1 && !meeting_exists(s, t[i].meeting_id)))
			continue;
		t[i].done = 1;
		if (step == 0) {
			if (run(s, ST_NONE, "DELETE FROM case_reviews WHERE "
			    "id = ?1", t[i].review_id, 0, 0, NULL,
			    _("undoing a case"), err) == -1)
				return -1;
		} else if (run(s, ST_NONE, "INSERT INTO case_reviews (id, "
		    "ref, meeting_id, stage) SELECT review_id, ref, "
		    "meeting_id, stage FROM case_history WHERE id = ?1",
		    t[i].first, 0, 0, NULL, _("undoing a case"), err) == -1)
			return -1;
	}
	return 0;
}

/*
 * The bookings the action made or took back, taken back in turn, the
 * last first, once its meetings are as they were: a meeting it deleted
 * is back and gets its bookings again; one it added is gone, and its
 * bookings with it.
 */
static int
undo_bookings(struct store *s, struct undo_result *r, struct error *err)
{
	sqlite3_stmt	*st;
	int		 rc;

	if (sqlite3_prepare_v2(s->db, "SELECT meeting_id, advisor_id, op = "
	    "'assign' FROM assignment_history WHERE action_id = ?1 ORDER BY "
	    "id DESC", -1, &st, NULL) != SQLITE_OK)
		return store_error(s, _("reading the history"), err);
	sqlite3_bind_int64(st, 1, r->action_id);
	while ((rc = sqlite3_step(st)) == SQLITE_ROW) {
		r->bookings++;
		if (run(s, ST_NONE, sqlite3_column_int(st, 2) ?
		    "DELETE FROM assignments WHERE meeting_id = ?1 AND "
		    "advisor_id = ?2" : "INSERT OR IGNORE INTO assignments "
		    "(meeting_id, advisor_id) SELECT ?1, ?2 WHERE EXISTS "
		    "(SELECT 1 FROM meetings WHERE id = ?1)",
		    sqlite3_column_int64(st, 0), sqlite3_column_int64(st, 1),
		    0, NULL, _("undoing a booking"), err) == -1) {
			sqlite3_finalize(st);
			return -1;
		}
	}
	sqlite3_finalize(st);
	if (rc != SQLITE_DONE)
		return store_error(s, _("reading the history"), err);
	return 0;
}

/* The meetings action touched, the last touched first. */
static int
touched_load(struct store *s, long action, struct touched **out, size_t *n,
    struct error *err)
{
	sqlite3_stmt	*st;
	struct touched	*t = NULL;
	size_t		 cap = 0;
	int		 rc;

	*n = 0;
	if (sqlite3_prepare_v2(s->db, "WITH t AS (SELECT meeting_id, "
	    "min(id) AS first, max(id) AS last FROM history WHERE "
	    "action_id = ?1 GROUP BY meeting_id) SELECT t.meeting_id, "
	    "t.first, t.last, f.before IS NULL, l.after IS NULL FROM t "
	    "JOIN history f ON f.id = t.first JOIN history l ON l.id = t.last "
	    "ORDER BY t.last DESC", -1, &st, NULL) != SQLITE_OK)
		return store_error(s, _("reading the history"), err);
	sqlite3_bind_int64(st, 1, action);
	while ((rc = sqlite3_step(st)) == SQLITE_ROW) {
		if (*n == cap) {
			cap = cap == 0 ? 16 : cap * 2;
			t = xreallocarray(t, cap, sizeof *t);
		}
		t[*n].meeting_id = sqlite3_column_int64(st, 0);
		t[*n].first = sqlite3_column_int64(st, 1);
		t[*n].last = sqlite3_column_int64(st, 2);
		t[*n].was_new = sqlite3_column_int(st, 3);
		t[*n].is_gone = sqlite3_column_int(st, 4);
		(*n)++;
	}
	sqlite3_finalize(st);
	*out = t;
	if (rc != SQLITE_DONE) {
		free(t);
		*out = NULL;
		return store_error(s, _("reading the history"), err);
	}
	return 0;
}

/*
 * What came after action ?1 that its undo would overwrite: a later
 * change to a meeting it changed, a later booking or taking back of
 * one of its bookings, the later deletion of a meeting it booked for,
 * and a later booking for a meeting it added (the undo deletes it).
 */
#define LATER_CHANGES							\
	"SELECT h.id, h.action_id, h.meeting_id FROM (SELECT meeting_id, "\
	"max(id) AS last FROM history WHERE action_id = ?1 GROUP BY "	\
	"meeting_id) t JOIN history h ON h.meeting_id = t.meeting_id AND "\
	"h.id > t.last "						\
	"UNION ALL SELECT b.id, b.action_id, b.meeting_id FROM (SELECT "\
	"DISTINCT meeting_id, advisor_id FROM assignment_history WHERE "\
	"action_id = ?1) t JOIN assignment_history b ON b.meeting_id = "\
	"t.meeting_id AND b.advisor_id = t.advisor_id AND b.action_id > ?1 "\
	"UNION ALL SELECT h.id, h.action_id, h.meeting_id FROM (SELECT "	\
	"DISTINCT meeting_id FROM assignment_history WHERE action_id = ?1) "\
	"t JOIN history h ON h.meeting_id = t.meeting_id AND h.op = "	\
	"'delete' AND h.action_id > ?1 "				\
	"UNION ALL SELECT b.id, b.action_id, b.meeting_id FROM history f "\
	"JOIN assignment_history b ON b.meeting_id = f.meeting_id AND "	\
	"b.action_id > ?1 WHERE f.action_id = ?1 AND f.op = 'insert'"

/*
 * Refuse when a meeting of the action was changed afterwards by an action
 * that still stands: one undone, or an undo, cancels out with its pair.
 * The user's own later actions are all undone (else they would be the
 * one undone now), so what stands is someone else's.
 */
static int
undo_check(struct store *s, const struct undo_result *r, struct error *err)
{
	sqlite3_stmt	*st;
	char		 what[512];
	int		 rc;

	if (sqlite3_prepare_v2(s->db, "SELECT meeting_id, a.id, a.login, "
	    LOCAL("a.at") ", a.command FROM (" LATER_CHANGES ") c "
	    "LEFT JOIN actions a ON a.id = c.action_id "
	    "WHERE a.id IS NULL OR (a.undone = 0 AND a.undoes IS NULL) "
	    "ORDER BY c.action_id, c.id LIMIT 1", -1, &st, NULL) != SQLITE_OK)
		return store_error(s, _("checking the history"), err);
	sqlite3_bind_int64(st, 1, r->action_id);
	rc = sqlite3_step(st);
	if (rc == SQLITE_ROW) {
		/* the view's own actions in the reader's words */
		action_words(r->command, what, sizeof what);
		if (sqlite3_column_type(st, 1) == SQLITE_NULL)
			error_set(err, ERROR_CONFLICT, _("cannot undo '%s': "
			    "meeting %lld was changed afterwards outside "
			    "carecal; nothing was undone"), what,
			    sqlite3_column_int64(st, 0));
		else
			error_set(err, ERROR_CONFLICT, _("cannot undo '%s': "
			    "meeting %lld was changed afterwards by %s at %s "
			    "('%s'); undoing would overwrite that change, so "
			    "nothing was undone"), what,
			    sqlite3_column_int64(st, 0),
			    (const char *)sqlite3_column_text(st, 2),
			    (const char *)sqlite3_column_text(st, 3),
			    (const char *)sqlite3_column_text(st, 4));
		sqlite3_finalize(st);
		return -1;
	}
	sqlite3_finalize(st);
	if (rc != SQLITE_DONE)
		return store_error(s, _("checking the history"), err);
	return 0;
}

/*
 * The action that made the database (`carecal init`, with --demo its
 * meetings) is never undone: undone, it left an empty calendar behind,
 * one undo too many after the day's changes. The history knows it by
 * the command it records, as the command table names it.
 */
#define IS_INIT(a)							\
	"(" a ".command = 'init' OR substr(" a ".command, 1, 5) = 'init ')"

/* Why there is nothing to undo (store_undo_action returns 1): err. */
static int
undo_nothing(struct store *s, struct error *err)
{
	sqlite3_stmt	*st;
	int		 rc;

	if (sqlite3_prepare_v2(s->db, "SELECT 1 FROM actions a WHERE "
	    "a.login = ?1 AND a.undone = 0 AND " IS_INIT("a") " AND EXISTS "
	    "(SELECT 1 FROM history h WHERE h.action_id = a.id)", -1, &st,
	    NULL) != SQLITE_OK)
		return store_error(s, _("reading the history"), err);
	sqlite3_bind_text(st, 1, s->login, -1, SQLITE_STATIC);
	rc = sqlite3_step(st);
	sqlite3_finalize(st);
	if (rc == SQLITE_ROW)
		error_set(err, ERROR_FAILURE, _("nothing to undo: %s has no "
		    "change to meetings left to undo ('init', which made the "
		    "database and its meetings, is never undone)"), s->login);
	else if (rc == SQLITE_DONE)
		error_set(err, ERROR_FAILURE, _("nothing to undo: %s has no "
		    "change to meetings left to undo"), s->login);
	else
		return store_error(s, _("reading the history"), err);
	return 1;
}

/*
 * The user's last action that changed meetings, bookings or cases and
 * still stands (not init).
 */
static int
undo_find(struct store *s, struct undo_result *r, struct error *err)
{
	sqlite3_stmt	*st;
	int		 rc;

	if (sqlite3_prepare_v2(s->db, "SELECT a.id, " LOCAL("a.at") ", "
	    "a.command FROM actions a WHERE a.login = ?1 AND a.undone = 0 "
	    "AND a.undoes IS NULL AND NOT " IS_INIT("a") " AND (EXISTS (SELECT "
	    "1 FROM history h WHERE h.action_id = a.id) OR EXISTS (SELECT 1 "
	    "FROM assignment_history b WHERE b.action_id = a.id) OR EXISTS "
	    "(SELECT 1 FROM case_history c WHERE c.action_id = a.id)) ORDER "
	    "BY a.id DESC LIMIT 1", -1, &st, NULL) != SQLITE_OK)
		return store_error(s, _("reading the history"), err);
	sqlite3_bind_text(st, 1, s->login, -1, SQLITE_STATIC);
	rc = sqlite3_step(st);
	if (rc == SQLITE_ROW) {
		r->action_id = sqlite3_column_int64(st, 0);
		r->at = column_copy(st, 1);
		r->command = column_copy(st, 2);
	}
	sqlite3_finalize(st);
	if (rc == SQLITE_DONE)
		return undo_nothing(s, err);
	if (rc != SQLITE_ROW)
		return store_error(s, _("reading the history"), err);
	return 0;
}

/*
 * Why action (asked for by number) is not the one to undo, the last
 * being r (or none, r->action_id 0): -1 with err set.
 */
static int
undo_not_last(struct store *s, long action, const struct undo_result *r,
    struct error *err)
{
	sqlite3_stmt	*st;
	const char	*login;
	int		 rc;

	if (sqlite3_prepare_v2(s->db, "SELECT a.login, a.undone, "
	    "coalesce(a.undoes, 0), coalesce((SELECT u.id FROM actions u "
	    "WHERE u.undoes = a.id), 0), EXISTS (SELECT 1 FROM history h "
	    "WHERE h.action_id = a.id) OR EXISTS (SELECT 1 FROM "
	    "assignment_history b WHERE b.action_id = a.id) OR EXISTS "
	    "(SELECT 1 FROM case_history c WHERE c.action_id = a.id), "
	    IS_INIT("a") ", a.command FROM actions a WHERE a.id = ?1", -1,
	    &st, NULL) != SQLITE_OK)
		return store_error(s, _("reading the history"), err);
	sqlite3_bind_int64(st, 1, action);
	rc = sqlite3_step(st);
	if (rc != SQLITE_ROW) {
		sqlite3_finalize(st);
		if (rc != SQLITE_DONE)
			return store_error(s, _("reading the history"), err);
		return error_set(err, ERROR_INPUT, _("there is no action #%ld; "
		    "'carecal history' shows them"), action);
	}
	login = (const char *)sqlite3_column_text(st, 0);
	if (login == NULL || strcmp(login, s->login) != 0)
		error_set(err, ERROR_INPUT, _("#%ld is not yours (it is %s's): "
		    "undo takes back only your own changes; nothing was "
		    "undone"), action, login != NULL ? login : "?");
	else if (sqlite3_column_int(st, 1))
		error_set(err, ERROR_CONFLICT, _("#%ld is already undone (by "
		    "#%lld); nothing was undone"), action,
		    sqlite3_column_int64(st, 3));
	else if (sqlite3_column_int64(st, 2) != 0)
		error_set(err, ERROR_INPUT, _("#%ld is itself an undo; nothing "
		    "was undone"), action);
	else if (!sqlite3_column_int(st, 4))
		error_set(err, ERROR_INPUT, _("#%ld changed no meeting; "
		    "nothing was undone"), action);
	else if (sqlite3_column_int(st, 5))
		error_set(err, ERROR_INPUT, _("#%ld ('%s') made the database "
		    "and is never undone; nothing was undone"), action,
		    (const char *)sqlite3_column_text(st, 6));
	else
		error_set(err, ERROR_CONFLICT, _("#%ld is no longer your last "
		    "change: #%ld (%s, '%s') came after it; nothing was "
		    "undone"), action, r->action_id, r->at, r->command);
	sqlite3_finalize(st);
	return -1;
}

int
store_undo_action(struct store *s, const char *command, long action,
    int flags, struct undo_result *r, struct error *err)
{
	struct touched		*t = NULL;
	struct touched_review	*reviews = NULL;
	size_t			 n, nreviews = 0, i;
	int			 rc;

	memset(r, 0, sizeof *r);
	if (store_begin(s, command, err) == -1)
		return -1;
	/* found and checked inside the undo's own transaction */
	rc = undo_find(s, r, err);
	if (rc != -1 && action != 0 && (rc == 1 || r->action_id != action))
		rc = undo_not_last(s, action, r, err);
	if (rc != 0) {
		store_rollback(s);
		undo_result_clear(r);
		return rc;
	}
	if (undo_check(s, r, err) == -1 ||
	    touched_load(s, r->action_id, &t, &n, err) == -1 ||
	    reviews_load(s, r->action_id, &reviews, &nreviews, err) == -1)
		goto fail;
	if (undo_reviews(s, reviews, nreviews, 0, err) == -1 ||
	    undo_reviews(s, reviews, nreviews, 1, err) == -1)
		goto fail_undoing;
	for (i = 0; i < n; i++)
		if (undo_touched(s, &t[i], r, err) == -1)
			goto fail_undoing;
	if (undo_reviews(s, reviews, nreviews, 2, err) == -1 ||
	    undo_bookings(s, r, err) == -1)
		goto fail_undoing;
	if (run(s, ST_NONE, "UPDATE actions SET undone = 1 WHERE id = ?1",
	    r->action_id, 0, 0, NULL, _("marking the action undone"),
	    err) == -1 ||
	    run(s, ST_NONE, "UPDATE actions SET undoes = ?1 WHERE id = "
	    "(SELECT max(id) "
	    "FROM actions)", r->action_id, 0, 0, NULL,
	    _("marking the action undone"), err) == -1)
		goto fail;
	free(t);
	free(reviews);
	if (flags & STORE_UNDO_DRY_RUN) {
		store_rollback(s);
		return 0;
	}
	if (store_commit(s, err) == 0)
		return 0;
	undo_result_clear(r);
	return -1;
fail_undoing:
	error_prefix(err, _("undoing '%s': "), r->command);
fail:
	free(t);
	free(reviews);
	store_rollback(s);
	undo_result_clear(r);
	return -1;
}

int
store_undo_last(struct store *s, const char *command, int flags,
    struct undo_result *r, struct error *err)
{
	return store_undo_action(s, command, 0, flags, r, err);
}

int
store_meeting_restore(struct store *s, long id, struct meeting *m,
    struct error *err)
{
	sqlite3_stmt	*st;
	long		 last = 0;
	int		 rc, gone = 0;

	if (sqlite3_prepare_v2(s->db, "SELECT id, op = 'delete' FROM history "
	    "WHERE meeting_id = ?1 ORDER BY id DESC LIMIT 1", -1, &st, NULL) !=
	    SQLITE_OK)
		return store_error(s, _("reading the history"), err);
	sqlite3_bind_int64(st, 1, id);
	if ((rc = sqlite3_step(st)) == SQLITE_ROW) {
		last = sqlite3_column_int64(st, 0);
		gone = sqlite3_column_int(st, 1);
	}
	sqlite3_finalize(st);
	if (rc != SQLITE_ROW && rc != SQLITE_DONE)
		return store_error(s, _("reading the history"), err);
	if (last == 0)
		return error_set(err, ERROR_INPUT, _("no meeting with id %ld "
		    "in the history"), id);
	if (!gone)
		return error_set(err, ERROR_INPUT, _("meeting %ld is not "
		    "deleted; nothing to restore"), id);
	if (reinsert(s, id, last, last, err) == -1)
		return -1;
	meeting_clear(m);
	if ((rc = store_meeting_get(s, id, m, err)) == 1)
		return error_set(err, ERROR_FAILURE, _("meeting %ld did not "
		    "come back"), id);
	return rc;
}
