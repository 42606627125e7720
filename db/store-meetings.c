/*
 * store-meetings.c -- meetings in and out of the database, with the row
 * version check that keeps two users from overwriting each other.
 */
#include <stddef.h>
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
/*
 * MEETING_FIELDS_PLAN: the same places, NULL for the text and 0 for
 * sequence and version, so that the date index holds every column read
 * (schema.c, version 5) and SQLite never looks up the row itself.
 */
#define PLAN_COLUMNS							\
	"m.id, NULL, m.type_id, m.center_id, m.date, m.start_time, "	\
	"m.end_time, m.mode, m.status, m.cases, NULL, NULL, NULL, "	\
	"m.window_from, m.window_to, 0, 0, NULL, NULL, NULL, NULL"
/* MEETING_FIELDS_SHOWN: the plan and the venue, also all in the index. */
#define SHOWN_COLUMNS							\
	"m.id, NULL, m.type_id, m.center_id, m.date, m.start_time, "	\
	"m.end_time, m.mode, m.status, m.cases, m.venue, NULL, NULL, "	\
	"m.window_from, m.window_to, 0, 0, NULL, NULL, NULL, NULL"

/* The text columns of MEETING_COLUMNS and the fields they fill. */
#define NTEXT	8
static const int text_columns[NTEXT] = { 1, 10, 11, 12, 17, 18, 19, 20 };
static const size_t text_fields[NTEXT] = {
	offsetof(struct meeting, uid),
	offsetof(struct meeting, venue),
	offsetof(struct meeting, url),
	offsetof(struct meeting, note),
	offsetof(struct meeting, created_at),
	offsetof(struct meeting, created_by),
	offsetof(struct meeting, updated_at),
	offsetof(struct meeting, updated_by)
};
#define TEXT_FIELD(m, k)	((char **)((char *)(m) + text_fields[k]))

static int
digits(const unsigned char *p, int n)
{
	int	v = 0;

	while (n-- > 0)
		v = v * 10 + (*p++ - '0');
	return v;
}

/* Columns are checked by the schema: "YYYY-MM-DD", "HH:MM", "YYYY-MM". */
static int
column_time(sqlite3_stmt *st, int i)
{
	const unsigned char	*t = sqlite3_column_text(st, i);

	if (t == NULL || sqlite3_column_bytes(st, i) != 5)
		return -1;
	return digits(t, 2) * 60 + digits(t + 3, 2);
}

/* Everything but the text columns, which are left NULL. */
static void
row_to_numbers(sqlite3_stmt *st, struct meeting *m)
{
	const unsigned char	*t, *u;
	int			 mode, status;

	meeting_init(m);
	m->id = sqlite3_column_int64(st, 0);
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
	if ((t = sqlite3_column_text(st, 13)) != NULL &&
	    (u = sqlite3_column_text(st, 14)) != NULL) {
		m->window.from_year = digits(t, 4);
		m->window.from_month = digits(t + 5, 2);
		m->window.to_year = digits(u, 4);
		m->window.to_month = digits(u + 5, 2);
		m->has_window = 1;
	}
	m->sequence = sqlite3_column_int64(st, 15);
	m->version = sqlite3_column_int64(st, 16);
}

void
row_to_meeting(sqlite3_stmt *st, struct meeting *m)
{
	const unsigned char	*t;
	int			 k;

	row_to_numbers(st, m);
	for (k = 0; k < NTEXT; k++)
		if ((t = sqlite3_column_text(st, text_columns[k])) != NULL)
			*TEXT_FIELD(m, k) = xstrdup((const char *)t);
}

/*
 * Ordering, as meeting.h defines it. The date index (schema.c, version
 * 5) gives meetings in date and time order; those of one day and time
 * (a run) come in no useful order, and are put in rank order
 * (meeting_rank_compare), with the positions of their types and
 * centers as the tables have them now: the order a sort by SQLite gave
 * when it joined the two tables for their positions.
 */

struct position {
	long	id;
	int	position;
};

/* A meeting's place in its run. */
struct tie {
	struct meeting_rank	rank;
	size_t			at;	/* in the run as read */
};

/* What one read of many meetings keeps from row to row. */
struct reading {
	struct store	*store;
	sqlite3_stmt	*st;
	int		 have_positions;	/* read at the first tie */
	struct position	*types, *centers;
	size_t		 ntypes, ncenters;
	struct tie	*ties;
	size_t		 nties;
};

static int
same_time(const struct meeting *a, const struct meeting *b)
{
	return a->start == b->start && date_compare(a->date, b->date) == 0;
}

static int
positions_read(struct store *s, const char *sql, struct position **out,
    size_t *count, struct error *err)
{
	sqlite3_stmt	*st;
	size_t		 capacity = 0;
	int		 rc;

	*out = NULL;
	*count = 0;
	if (sqlite3_prepare_v2(s->db, sql, -1, &st, NULL) != SQLITE_OK)
		return store_error(s, _("reading meetings"), err);
	while ((rc = sqlite3_step(st)) == SQLITE_ROW) {
		if (*count == capacity) {
			capacity = capacity == 0 ? 64 : capacity * 2;
			*out = xreallocarray(*out, capacity, sizeof **out);
		}
		(*out)[*count].id = sqlite3_column_int64(st, 0);
		(*out)[*count].position = sqlite3_column_int(st, 1);
		(*count)++;
	}
	sqlite3_finalize(st);
	if (rc != SQLITE_DONE)
		return store_error(s, _("reading meetings"), err);
	return 0;
}

/* The position of id among count in id order, or NULL. */
static const int *
position_of(const struct position *p, size_t count, long id)
{
	size_t	lo = 0, hi = count, mid;

	while (lo < hi) {
		mid = lo + (hi - lo) / 2;
		if (p[mid].id == id)
			return &p[mid].position;
		if (p[mid].id < id)
			lo = mid + 1;
		else
			hi = mid;
	}
	return NULL;
}

static int
compare_ties(const void *pa, const void *pb)
{
	const struct tie	*a = pa, *b = pb;

	return meeting_rank_compare(&a->rank, &b->rank);
}

/*
 * r->ties[0..n) become the order to hand on the run of n meetings in;
 * the catalog's positions are read once, at the first run of two or
 * more (a few thousand rows at most; run in the read's transaction).
 */
static int
order_run(struct reading *r, const struct meeting *run, size_t n,
    struct error *err)
{
	struct tie	tie;
	size_t		i, j;

	if (n > r->nties) {
		r->ties = xreallocarray(r->ties, n, sizeof *r->ties);
		r->nties = n;
	}
	for (i = 0; i < n; i++)
		r->ties[i].at = i;
	if (n < 2)
		return 0;
	if (!r->have_positions) {
		if (positions_read(r->store, "SELECT id, position FROM "
		    "meeting_types ORDER BY id", &r->types, &r->ntypes,
		    err) == -1 || positions_read(r->store, "SELECT id, "
		    "position FROM centers ORDER BY id", &r->centers,
		    &r->ncenters, err) == -1)
			return -1;
		r->have_positions = 1;
	}
	for (i = 0; i < n; i++)
		meeting_rank_init(&r->ties[i].rank, &run[i],
		    position_of(r->types, r->ntypes, run[i].type_id),
		    position_of(r->centers, r->ncenters, run[i].center_id));
	if (n > 16) {
		qsort(r->ties, n, sizeof *r->ties, compare_ties);
		return 0;
	}
	/* a run is a handful: qsort's setup would cost more than this */
	for (i = 1; i < n; i++) {
		tie = r->ties[i];
		for (j = i; j > 0 && compare_ties(&r->ties[j - 1], &tie) > 0;
		    j--)
			r->ties[j] = r->ties[j - 1];
		r->ties[j] = tie;
	}
	return 0;
}

static int
reading_start(struct store *s, const struct meeting_filter *f,
    struct reading *r, struct error *err)
{
	char	sql[1024], from[DATE_ISO_LEN], to[DATE_ISO_LEN];
	int	n = 0;

	memset(r, 0, sizeof *r);
	r->store = s;
	/* Only fixed fragments are added; every value is bound. */
	snprintf(sql, sizeof sql, "SELECT %s FROM meetings m "
	    "WHERE 1%s%s%s%s%s%s%s%s ORDER BY m.date, m.start_time",
	    f->fields == MEETING_FIELDS_PLAN ? PLAN_COLUMNS :
	    f->fields == MEETING_FIELDS_SHOWN ? SHOWN_COLUMNS : MEETING_COLUMNS,
	    f->has_from ? " AND m.date >= :from" : "",
	    f->has_to ? " AND m.date <= :to" : "",
	    f->center_id != 0 ? " AND m.center_id = :center" : "",
	    f->type_id != 0 ? " AND m.type_id = :type" : "",
	    f->mode != -1 ? " AND m.mode = :mode" : "",
	    f->status != -1 ? " AND m.status = :status" : "",
	    f->exclude_cancelled ? " AND m.status <> 'cancelled'" : "",
	    f->advisor_id != 0 ? " AND m.id IN (SELECT meeting_id FROM "
	    "assignments WHERE advisor_id = :advisor)" : "");
	if (sqlite3_prepare_v2(s->db, sql, -1, &r->st, NULL) != SQLITE_OK)
		return store_error(s, _("reading meetings"), err);
	if (f->has_from) {
		date_format_iso(f->from, from, sizeof from);
		sqlite3_bind_text(r->st, ++n, from, -1, SQLITE_TRANSIENT);
	}
	if (f->has_to) {
		date_format_iso(f->to, to, sizeof to);
		sqlite3_bind_text(r->st, ++n, to, -1, SQLITE_TRANSIENT);
	}
	if (f->center_id != 0)
		sqlite3_bind_int64(r->st, ++n, f->center_id);
	if (f->type_id != 0)
		sqlite3_bind_int64(r->st, ++n, f->type_id);
	if (f->mode != -1)
		sqlite3_bind_text(r->st, ++n, meeting_mode_code(f->mode), -1,
		    SQLITE_STATIC);
	if (f->status != -1)
		sqlite3_bind_text(r->st, ++n,
		    meeting_status_code(f->status), -1, SQLITE_STATIC);
	if (f->advisor_id != 0)
		sqlite3_bind_int64(r->st, ++n, f->advisor_id);
	return 0;
}

static void
reading_end(struct reading *r)
{
	sqlite3_finalize(r->st);
	free(r->types);
	free(r->centers);
	free(r->ties);
}

/* A run of store_meetings_each: its meetings, each with its own text. */
struct run {
	struct meeting	*items;
	size_t		 count, capacity;
};

static void
run_add(struct run *run, sqlite3_stmt *st, const struct meeting *m,
    int with_text)
{
	const unsigned char	*t;
	int			 k;

	if (run->count == run->capacity) {
		run->capacity = run->capacity == 0 ? 16 : run->capacity * 2;
		run->items = xreallocarray(run->items, run->capacity,
		    sizeof *run->items);
	}
	run->items[run->count] = *m;
	for (k = 0; k < NTEXT; k++)
		*TEXT_FIELD(&run->items[run->count], k) = with_text &&
		    (t = sqlite3_column_text(st, text_columns[k])) != NULL ?
		    xstrdup((const char *)t) : NULL;
	run->count++;
}

/* Hand on the run in order and empty it: 0, or -1 (fn stopped). */
static int
run_flush(struct reading *r, struct run *run,
    int (*fn)(struct meeting *, void *), void *arg, struct error *err)
{
	struct meeting	 m;
	size_t		 i;
	int		 rc;

	rc = order_run(r, run->items, run->count, err);
	for (i = 0; rc == 0 && i < run->count; i++) {
		m = run->items[r->ties[i].at];
		if (fn(&m, arg) != 0)
			rc = -1;
	}
	for (i = 0; i < run->count; i++)
		meeting_clear(&run->items[i]);
	run->count = 0;
	return rc;
}

int
store_meetings_each(struct store *s, const struct meeting_filter *f,
    int (*fn)(struct meeting *, void *), void *arg, struct error *err)
{
	struct reading	 r;
	struct run	 run;
	struct meeting	 m;
	size_t		 i;
	int		 rc, failed = 0;

	if (reading_start(s, f, &r, err) == -1) {
		reading_end(&r);
		return -1;
	}
	memset(&run, 0, sizeof run);
	while ((rc = sqlite3_step(r.st)) == SQLITE_ROW) {
		row_to_numbers(r.st, &m);
		/* a run ends at another day or time */
		if (run.count > 0 && !same_time(&run.items[0], &m) &&
		    run_flush(&r, &run, fn, arg, err) == -1) {
			failed = 1;
			break;
		}
		run_add(&run, r.st, &m, f->fields != MEETING_FIELDS_PLAN);
	}
	if (!failed && rc == SQLITE_DONE &&
	    run_flush(&r, &run, fn, arg, err) == -1)
		failed = 1;
	if (!failed && rc != SQLITE_DONE) {
		store_error(s, _("reading meetings"), err);
		failed = 1;
	}
	for (i = 0; i < run.count; i++)
		meeting_clear(&run.items[i]);
	free(run.items);
	reading_end(&r);
	return failed ? -1 : 0;
}

/* Copies each meeting into the list (store_meetings_load). */
static int
list_copy(struct meeting *m, void *arg)
{
	meeting_copy(meeting_list_add(arg), m);
	return 0;
}

int
store_meetings_load(struct store *s, const struct meeting_filter *f,
    struct meeting_list *list, struct error *err)
{
	return store_meetings_each(s, f, list_copy, list, err);
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

int
store_meetings_of_day(struct store *s, long center_id, struct date day,
    struct meeting_list *list, struct error *err)
{
	sqlite3_stmt	*st;
	char		 iso[DATE_ISO_LEN];
	int		 rc;

	if ((st = store_statement(s, ST_MEETINGS_OF_DAY, "SELECT "
	    PLAN_COLUMNS " FROM meetings m WHERE m.center_id = ?1 AND "
	    "m.date = ?2 AND m.status <> 'cancelled' ORDER BY m.start_time, "
	    "m.id", err)) == NULL)
		return -1;
	date_format_iso(day, iso, sizeof iso);
	sqlite3_bind_int64(st, 1, center_id);
	sqlite3_bind_text(st, 2, iso, -1, SQLITE_TRANSIENT);
	while ((rc = sqlite3_step(st)) == SQLITE_ROW)
		row_to_numbers(st, meeting_list_add(list));
	sqlite3_reset(st);
	if (rc != SQLITE_DONE)
		return store_error(s, _("reading meetings"), err);
	return 0;
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
 * A new UID ("<32 hex>@carecal", as carecal has always made them), from
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

/*
 * A time the database keeps in UTC as the local time a user reads in a
 * message (2022-01-20 12:34:56); as it is if SQLite cannot say.
 */
static void
local_time(struct store *s, const char *utc, char *buf, size_t size)
{
	sqlite3_stmt	*st;

	snprintf(buf, size, "%s", utc != NULL ? utc : "");
	if (utc == NULL || sqlite3_prepare_v2(s->db, "SELECT "
	    "strftime('%Y-%m-%d %H:%M:%S', ?, 'localtime')", -1, &st,
	    NULL) != SQLITE_OK)
		return;
	sqlite3_bind_text(st, 1, utc, -1, SQLITE_STATIC);
	if (sqlite3_step(st) == SQLITE_ROW && sqlite3_column_text(st, 0) !=
	    NULL)
		snprintf(buf, size, "%s", sqlite3_column_text(st, 0));
	sqlite3_finalize(st);
}

int
store_meeting_update(struct store *s, struct meeting *m, int flags,
    struct error *err)
{
	sqlite3_stmt	*st;
	struct meeting	 now;
	char		 date[DATE_ISO_LEN], start[TIME_LEN], end[TIME_LEN];
	char		 wfrom[16], wto[16], at[32];
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
			local_time(s, now.updated_at, at, sizeof at);
			error_set(err, ERROR_CONFLICT, _("meeting %ld was "
			    "changed by %s at %s after you opened it; your "
			    "change was not saved"), m->id, now.updated_by,
			    at);
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
	char		 at[32];
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
			local_time(s, now.updated_at, at, sizeof at);
			error_set(err, ERROR_CONFLICT, _("meeting %ld was "
			    "changed by %s at %s after you opened it; not "
			    "deleted"), id, now.updated_by, at);
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
