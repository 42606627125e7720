/*
 * store-meetings.c -- meetings in and out of the database, with the row
 * version check that keeps two users from overwriting each other.
 */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "alloc.h"
#include "i18n.h"
#include "store-private.h"

#define MEETING_COLUMNS							\
	"m.id, m.uid, m.type_id, m.center_id, m.date, m.start_time, "	\
	"m.end_time, m.mode, m.status, m.cases, m.venue, m.url, m.note, "\
	"m.window_from, m.window_to, m.sequence, m.version, m.created_at, "\
	"m.created_by, m.updated_at, m.updated_by"

static int
digits(const unsigned char *p, int n)
{
	int	v = 0;

	while (n-- > 0)
		v = v * 10 + (*p++ - '0');
	return v;
}

/* Columns are checked by the schema: "YYYY-MM-DD", "HH:MM", "YYYY-MM". */
static char *
column_text(sqlite3_stmt *st, int i)
{
	const unsigned char	*t = sqlite3_column_text(st, i);

	return t != NULL ? xstrdup((const char *)t) : NULL;
}

static int
column_time(sqlite3_stmt *st, int i)
{
	const unsigned char	*t = sqlite3_column_text(st, i);

	if (t == NULL || sqlite3_column_bytes(st, i) != 5)
		return -1;
	return digits(t, 2) * 60 + digits(t + 3, 2);
}

void
row_to_meeting(sqlite3_stmt *st, struct meeting *m)
{
	const unsigned char	*t;
	int			 mode, status;

	meeting_init(m);
	m->id = sqlite3_column_int64(st, 0);
	m->uid = column_text(st, 1);
	m->type_id = sqlite3_column_int64(st, 2);
	m->center_id = sqlite3_column_int64(st, 3);
	t = sqlite3_column_text(st, 4);
	if (t != NULL && sqlite3_column_bytes(st, 4) == 10) {
		m->date.year = digits(t, 4);
		m->date.month = digits(t + 5, 2);
		m->date.day = digits(t + 8, 2);
	}
	m->start = column_time(st, 5);
	m->end = column_time(st, 6);
	t = sqlite3_column_text(st, 7);
	mode = t == NULL ? 0 : t[0] == 'h' ? MODE_HYBRID : t[0] == 'o' ?
	    MODE_ONLINE : MODE_IN_PERSON;
	m->mode = mode;
	t = sqlite3_column_text(st, 8);
	status = t == NULL ? 0 : t[0] == 'h' ? STATUS_HELD : t[0] == 'c' ?
	    STATUS_CANCELLED : STATUS_PLANNED;
	m->status = status;
	m->cases = sqlite3_column_type(st, 9) == SQLITE_NULL ? -1 :
	    sqlite3_column_int(st, 9);
	m->venue = column_text(st, 10);
	m->url = column_text(st, 11);
	m->note = column_text(st, 12);
	if (sqlite3_column_type(st, 13) != SQLITE_NULL &&
	    sqlite3_column_type(st, 14) != SQLITE_NULL) {
		t = sqlite3_column_text(st, 13);
		m->window.from_year = digits(t, 4);
		m->window.from_month = digits(t + 5, 2);
		t = sqlite3_column_text(st, 14);
		m->window.to_year = digits(t, 4);
		m->window.to_month = digits(t + 5, 2);
		m->has_window = 1;
	}
	m->sequence = sqlite3_column_int64(st, 15);
	m->version = sqlite3_column_int64(st, 16);
	m->created_at = column_text(st, 17);
	m->created_by = column_text(st, 18);
	m->updated_at = column_text(st, 19);
	m->updated_by = column_text(st, 20);
}

int
store_meetings_each(struct store *s, const struct meeting_filter *f,
    int (*fn)(struct meeting *, void *), void *arg, struct error *err)
{
	struct meeting	 m;
	sqlite3_stmt	*st;
	char		 sql[1024], from[DATE_ISO_LEN], to[DATE_ISO_LEN];
	int		 rc, n = 0, stop = 0;

	/* Only fixed fragments are added; every value is bound. */
	snprintf(sql, sizeof sql, "SELECT " MEETING_COLUMNS " FROM meetings m "
	    "JOIN meeting_types t ON t.id = m.type_id "
	    "LEFT JOIN centers c ON c.id = m.center_id WHERE 1%s%s%s%s%s%s%s "
	    "ORDER BY m.date, m.start_time, t.position, c.position, m.id",
	    f->has_from ? " AND m.date >= :from" : "",
	    f->has_to ? " AND m.date <= :to" : "",
	    f->center_id != 0 ? " AND m.center_id = :center" : "",
	    f->type_id != 0 ? " AND m.type_id = :type" : "",
	    f->mode != -1 ? " AND m.mode = :mode" : "",
	    f->status != -1 ? " AND m.status = :status" : "",
	    f->exclude_cancelled ? " AND m.status <> 'cancelled'" : "");
	if (sqlite3_prepare_v2(s->db, sql, -1, &st, NULL) != SQLITE_OK)
		return store_error(s, _("reading meetings"), err);
	if (f->has_from) {
		date_format_iso(f->from, from, sizeof from);
		sqlite3_bind_text(st, ++n, from, -1, SQLITE_STATIC);
	}
	if (f->has_to) {
		date_format_iso(f->to, to, sizeof to);
		sqlite3_bind_text(st, ++n, to, -1, SQLITE_STATIC);
	}
	if (f->center_id != 0)
		sqlite3_bind_int64(st, ++n, f->center_id);
	if (f->type_id != 0)
		sqlite3_bind_int64(st, ++n, f->type_id);
	if (f->mode != -1)
		sqlite3_bind_text(st, ++n, meeting_mode_code(f->mode), -1,
		    SQLITE_STATIC);
	if (f->status != -1)
		sqlite3_bind_text(st, ++n, meeting_status_code(f->status), -1,
		    SQLITE_STATIC);
	while (!stop && (rc = sqlite3_step(st)) == SQLITE_ROW) {
		row_to_meeting(st, &m);
		stop = fn(&m, arg) != 0;
		meeting_clear(&m);
	}
	sqlite3_finalize(st);
	if (stop)
		return -1;
	if (rc != SQLITE_DONE)
		return store_error(s, _("reading meetings"), err);
	return 0;
}

/* Moves each meeting into the list (store_meetings_load). */
static int
list_take(struct meeting *m, void *arg)
{
	struct meeting	*slot = meeting_list_add(arg);

	*slot = *m;
	meeting_init(m);
	return 0;
}

int
store_meetings_load(struct store *s, const struct meeting_filter *f,
    struct meeting_list *list, struct error *err)
{
	return store_meetings_each(s, f, list_take, list, err);
}

static int
get_one(struct store *s, sqlite3_stmt *st, struct meeting *m,
    struct error *err)
{
	int	rc = sqlite3_step(st);

	if (rc == SQLITE_ROW) {
		row_to_meeting(st, m);
		sqlite3_reset(st);
		return 0;
	}
	sqlite3_reset(st);
	if (rc == SQLITE_DONE)
		return 1;
	return store_error(s, _("reading a meeting"), err);
}

int
store_meeting_get(struct store *s, long id, struct meeting *m,
    struct error *err)
{
	sqlite3_stmt	*st;

	if ((st = store_statement(s, ST_MEETING_GET, "SELECT " MEETING_COLUMNS
	    " FROM meetings m WHERE m.id = ?", err)) == NULL)
		return -1;
	sqlite3_bind_int64(st, 1, id);
	return get_one(s, st, m, err);
}

int
store_meeting_get_by_uid(struct store *s, const char *uid,
    struct meeting *m, struct error *err)
{
	sqlite3_stmt	*st;

	if ((st = store_statement(s, ST_MEETING_GET_UID, "SELECT "
	    MEETING_COLUMNS " FROM meetings m WHERE m.uid = ?", err)) == NULL)
		return -1;
	sqlite3_bind_text(st, 1, uid, -1, SQLITE_STATIC);
	return get_one(s, st, m, err);
}

/* Binds ?1..?14: the fields a user sets. */
static void
bind_fields(sqlite3_stmt *st, const struct meeting *m, char *date,
    char *start, char *end, char *wfrom, char *wto)
{
	date_format_iso(m->date, date, DATE_ISO_LEN);
	sqlite3_bind_int64(st, 1, m->type_id);
	if (m->center_id != 0)
		sqlite3_bind_int64(st, 2, m->center_id);
	sqlite3_bind_text(st, 3, date, -1, SQLITE_STATIC);
	if (m->start >= 0) {
		time_format(m->start, start, TIME_LEN);
		sqlite3_bind_text(st, 4, start, -1, SQLITE_STATIC);
	}
	if (m->end >= 0) {
		time_format(m->end, end, TIME_LEN);
		sqlite3_bind_text(st, 5, end, -1, SQLITE_STATIC);
	}
	sqlite3_bind_text(st, 6, meeting_mode_code(m->mode), -1,
	    SQLITE_STATIC);
	sqlite3_bind_text(st, 7, meeting_status_code(m->status), -1,
	    SQLITE_STATIC);
	if (m->cases >= 0)
		sqlite3_bind_int(st, 8, m->cases);
	if (m->venue != NULL)
		sqlite3_bind_text(st, 9, m->venue, -1, SQLITE_STATIC);
	if (m->url != NULL)
		sqlite3_bind_text(st, 10, m->url, -1, SQLITE_STATIC);
	if (m->note != NULL)
		sqlite3_bind_text(st, 11, m->note, -1, SQLITE_STATIC);
	if (m->has_window) {
		snprintf(wfrom, 16, "%04d-%02d", m->window.from_year % 10000,
		    m->window.from_month % 100);
		snprintf(wto, 16, "%04d-%02d", m->window.to_year % 10000,
		    m->window.to_month % 100);
		sqlite3_bind_text(st, 12, wfrom, -1, SQLITE_STATIC);
		sqlite3_bind_text(st, 13, wto, -1, SQLITE_STATIC);
	}
	sqlite3_bind_int64(st, 14, m->sequence);
}

/*
 * A new UID as meeting_uid_new makes them ("<32 hex>@carecal"), from
 * SQLite's random numbers (ChaCha20, seeded once from the system):
 * opening /dev/urandom for each was a sixth of a large import's time.
 */
static char *
uid_new(struct store *s, struct error *err)
{
	sqlite3_stmt	*st;
	char		*uid = NULL;

	if ((st = store_statement(s, ST_UID_NEW, "SELECT "
	    "lower(hex(randomblob(16))) || '@carecal'", err)) == NULL)
		return NULL;
	if (sqlite3_step(st) == SQLITE_ROW)
		uid = xstrdup((const char *)sqlite3_column_text(st, 0));
	sqlite3_reset(st);
	if (uid == NULL)
		store_error(s, _("adding a meeting"), err);
	return uid;
}

int
store_meeting_insert(struct store *s, struct meeting *m, struct error *err)
{
	sqlite3_stmt	*st;
	char		 date[DATE_ISO_LEN], start[TIME_LEN], end[TIME_LEN];
	char		 wfrom[16], wto[16];
	int		 rc;

	if (m->uid == NULL && (m->uid = uid_new(s, err)) == NULL)
		return -1;
	/* the id: above any in the history, so an id is never reused */
	if ((st = store_statement(s, ST_MEETING_INSERT, "INSERT INTO meetings "
	    "(type_id, center_id, date, start_time, end_time, mode, status, "
	    "cases, venue, url, note, window_from, window_to, sequence, uid, "
	    "id, version, created_at, created_by, updated_at, updated_by) "
	    "VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9, ?10, ?11, ?12, ?13, "
	    "?14, ?15, 1 + max((SELECT coalesce(max(id), 0) FROM meetings), "
	    "(SELECT coalesce(max(meeting_id), 0) FROM history)), "
	    "1, strftime('%Y-%m-%d %H:%M:%S', 'now'), ?16, "
	    "strftime('%Y-%m-%d %H:%M:%S', 'now'), ?16)", err)) == NULL)
		return -1;
	bind_fields(st, m, date, start, end, wfrom, wto);
	sqlite3_bind_text(st, 15, m->uid, -1, SQLITE_STATIC);
	sqlite3_bind_text(st, 16, s->login, -1, SQLITE_STATIC);
	rc = sqlite3_step(st);
	sqlite3_reset(st);
	if (rc != SQLITE_DONE) {
		if ((sqlite3_extended_errcode(s->db) ==
		    SQLITE_CONSTRAINT_UNIQUE))
			return error_set(err, ERROR_INPUT, _("uid '%s': "
			    "another meeting has it already"), m->uid);
		return store_error(s, _("adding a meeting"), err);
	}
	m->id = sqlite3_last_insert_rowid(s->db);
	m->version = 1;
	return 0;
}

int
store_meeting_update(struct store *s, struct meeting *m, int flags,
    struct error *err)
{
	sqlite3_stmt	*st;
	struct meeting	 now;
	char		 date[DATE_ISO_LEN], start[TIME_LEN], end[TIME_LEN];
	char		 wfrom[16], wto[16];
	int		 rc;

	if ((st = store_statement(s, ST_MEETING_UPDATE, "UPDATE meetings SET "
	    "type_id = ?1, center_id = ?2, date = ?3, start_time = ?4, "
	    "end_time = ?5, mode = ?6, status = ?7, cases = ?8, venue = ?9, "
	    "url = ?10, note = ?11, window_from = ?12, window_to = ?13, "
	    "sequence = CASE WHEN ?17 THEN ?14 ELSE sequence + 1 END, "
	    "version = version + 1, "
	    "updated_at = strftime('%Y-%m-%d %H:%M:%S', 'now'), "
	    "updated_by = ?16 WHERE id = ?15 AND version = ?18", err)) == NULL)
		return -1;
	bind_fields(st, m, date, start, end, wfrom, wto);
	sqlite3_bind_int64(st, 15, m->id);
	sqlite3_bind_text(st, 16, s->login, -1, SQLITE_STATIC);
	sqlite3_bind_int(st, 17, (flags & STORE_KEEP_SEQUENCE) != 0);
	sqlite3_bind_int64(st, 18, m->version);
	rc = sqlite3_step(st);
	sqlite3_reset(st);
	if (rc != SQLITE_DONE)
		return store_error(s, _("changing a meeting"), err);
	if (sqlite3_changes(s->db) == 0) {
		meeting_init(&now);
		rc = store_meeting_get(s, m->id, &now, err);
		if (rc == 1)
			return error_set(err, ERROR_INPUT,
			    _("no meeting with id %ld"), m->id);
		if (rc == 0) {
			error_set(err, ERROR_CONFLICT, _("meeting %ld was "
			    "changed by %s at %s (UTC) after you opened it; "
			    "your change was not saved"), m->id,
			    now.updated_by, now.updated_at);
			meeting_clear(&now);
		}
		return -1;
	}
	rc = store_meeting_get(s, m->id, &now, err);
	if (rc != 0)
		return -1;
	meeting_clear(m);
	*m = now;
	return 0;
}

int
store_meeting_delete(struct store *s, long id, long version,
    struct error *err)
{
	sqlite3_stmt	*st;
	struct meeting	 now;
	int		 rc;

	if (sqlite3_prepare_v2(s->db, "DELETE FROM meetings WHERE id = ? AND "
	    "version = ?", -1, &st, NULL) != SQLITE_OK)
		return store_error(s, _("deleting a meeting"), err);
	sqlite3_bind_int64(st, 1, id);
	sqlite3_bind_int64(st, 2, version);
	rc = sqlite3_step(st);
	sqlite3_finalize(st);
	if (rc != SQLITE_DONE)
		return store_error(s, _("deleting a meeting"), err);
	if (sqlite3_changes(s->db) == 0) {
		meeting_init(&now);
		rc = store_meeting_get(s, id, &now, err);
		if (rc == 1)
			return error_set(err, ERROR_INPUT,
			    _("no meeting with id %ld"), id);
		if (rc == 0) {
			error_set(err, ERROR_CONFLICT, _("meeting %ld was "
			    "changed by %s at %s (UTC) after you opened it; "
			    "not deleted"), id, now.updated_by,
			    now.updated_at);
			meeting_clear(&now);
		}
		return -1;
	}
	return 0;
}

int
store_meeting_count(struct store *s, long center_id, long type_id,
    long *count, struct error *err)
{
	sqlite3_stmt	*st;
	int		 rc;

	if (sqlite3_prepare_v2(s->db, "SELECT count(*) FROM meetings WHERE "
	    "(?1 = 0 OR center_id = ?1) AND (?2 = 0 OR type_id = ?2)", -1,
	    &st, NULL) != SQLITE_OK)
		return store_error(s, _("counting meetings"), err);
	sqlite3_bind_int64(st, 1, center_id);
	sqlite3_bind_int64(st, 2, type_id);
	rc = sqlite3_step(st);
	*count = rc == SQLITE_ROW ? sqlite3_column_int64(st, 0) : 0;
	sqlite3_finalize(st);
	if (rc != SQLITE_ROW)
		return store_error(s, _("counting meetings"), err);
	return 0;
}
