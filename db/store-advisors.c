/*
 * store-advisors.c -- the advisors (専門職) and their bookings in and out
 * of the database. A booking made or taken back is recorded by the
 * triggers of schema.c (version 7) under the running action, as a
 * meeting's change is, so that undo takes it back (store-history.c).
 */
#include <stdlib.h>
#include <string.h>

#include "alloc.h"
#include "i18n.h"
#include "settings.h"
#include "store-private.h"

#define ADVISOR_COLUMNS							\
	"id, name, profession, affiliation, contact, weekdays, retired"

static char *
column_copy(sqlite3_stmt *st, int i)
{
	const unsigned char	*t = sqlite3_column_text(st, i);

	return t != NULL ? xstrdup((const char *)t) : NULL;
}

static void
row_to_advisor(sqlite3_stmt *st, struct advisor *a)
{
	advisor_init(a);
	a->id = sqlite3_column_int64(st, 0);
	a->name = column_copy(st, 1);
	a->profession = column_copy(st, 2);
	a->affiliation = column_copy(st, 3);
	a->contact = column_copy(st, 4);
	a->weekdays = (unsigned)sqlite3_column_int(st, 5);
	a->retired = sqlite3_column_int(st, 6);
}

/* The dates unavailable of every advisor in list (in id order). */
static int
unavailable_load(struct store *s, struct advisor_list *list, long only,
    struct error *err)
{
	sqlite3_stmt	*st;
	struct advisor	*a = NULL;
	struct date	 day;
	size_t		 i;
	long		 id;
	int		 rc;

	if (sqlite3_prepare_v2(s->db, "SELECT advisor_id, date FROM "
	    "advisor_unavailable WHERE ?1 = 0 OR advisor_id = ?1 ORDER BY "
	    "advisor_id, date", -1, &st, NULL) != SQLITE_OK)
		return store_error(s, _("reading advisors"), err);
	sqlite3_bind_int64(st, 1, only);
	while ((rc = sqlite3_step(st)) == SQLITE_ROW) {
		id = sqlite3_column_int64(st, 0);
		if (a == NULL || a->id != id) {
			i = advisor_list_index(list, id);
			a = i == (size_t)-1 ? NULL : &list->items[i];
		}
		/* the schema keeps it a valid ISO date, the rows in order */
		if (a == NULL || date_parse((const char *)
		    sqlite3_column_text(st, 1), &day, NULL) == -1)
			continue;
		a->unavailable = xreallocarray(a->unavailable,
		    a->nunavailable + 1, sizeof *a->unavailable);
		a->unavailable[a->nunavailable++] = day;
	}
	sqlite3_finalize(st);
	if (rc != SQLITE_DONE)
		return store_error(s, _("reading advisors"), err);
	return 0;
}

static int
advisors_read(struct store *s, const char *name, struct advisor_list *list,
    struct error *err)
{
	sqlite3_stmt	*st;
	int		 rc;

	if (sqlite3_prepare_v2(s->db, "SELECT " ADVISOR_COLUMNS " FROM "
	    "advisors WHERE ?1 IS NULL OR name = ?1 ORDER BY id", -1, &st,
	    NULL) != SQLITE_OK)
		return store_error(s, _("reading advisors"), err);
	if (name != NULL)
		sqlite3_bind_text(st, 1, name, -1, SQLITE_STATIC);
	while ((rc = sqlite3_step(st)) == SQLITE_ROW)
		row_to_advisor(st, advisor_list_add(list));
	sqlite3_finalize(st);
	if (rc != SQLITE_DONE)
		return store_error(s, _("reading advisors"), err);
	if (list->count == 0)
		return 0;
	return unavailable_load(s, list, name != NULL ? list->items[0].id :
	    0, err);
}

/* Every advisor, in id order (retired ones too), with dates unavailable. */
static int
store_advisors_load(struct store *s, struct advisor_list *list,
    struct error *err)
{
	advisor_list_init(list);
	if (advisors_read(s, NULL, list, err) == -1) {
		advisor_list_free(list);
		return -1;
	}
	return 0;
}

int
store_advisor_get(struct store *s, const char *name, struct advisor *a,
    struct error *err)
{
	struct advisor_list	list;

	advisor_init(a);
	advisor_list_init(&list);
	if (advisors_read(s, name, &list, err) == -1) {
		advisor_list_free(&list);
		return -1;
	}
	if (list.count == 0) {
		advisor_list_free(&list);
		return 1;
	}
	*a = list.items[0];
	free(list.items);
	return 0;
}

int
store_advisor_find(struct store *s, const char *name, long *id,
    struct error *err)
{
	struct advisor	a;
	int		rc;

	*id = 0;
	if ((rc = store_advisor_get(s, name, &a, err)) == 1)
		return error_set(err, ERROR_INPUT, _("no advisor named '%s' "
		    "('carecal advisor list' shows them)"), name);
	*id = a.id;
	advisor_clear(&a);
	return rc;
}

static int
step_done(struct store *s, sqlite3_stmt *st, const char *doing,
    struct error *err)
{
	int	rc = sqlite3_step(st);

	sqlite3_finalize(st);
	if (rc != SQLITE_DONE)
		return store_error(s, doing, err);
	return 0;
}

/* The advisor's dates unavailable as a: the old ones replaced. */
static int
unavailable_save(struct store *s, const struct advisor *a,
    struct error *err)
{
	sqlite3_stmt	*st;
	char		 iso[DATE_ISO_LEN];
	size_t		 i;
	int		 rc = SQLITE_DONE;

	if (sqlite3_prepare_v2(s->db, "DELETE FROM advisor_unavailable WHERE "
	    "advisor_id = ?1", -1, &st, NULL) != SQLITE_OK)
		return store_error(s, _("saving an advisor"), err);
	sqlite3_bind_int64(st, 1, a->id);
	if (step_done(s, st, _("saving an advisor"), err) == -1)
		return -1;
	if (sqlite3_prepare_v2(s->db, "INSERT INTO advisor_unavailable "
	    "(advisor_id, date) VALUES (?1, ?2)", -1, &st, NULL) != SQLITE_OK)
		return store_error(s, _("saving an advisor"), err);
	for (i = 0; i < a->nunavailable && rc == SQLITE_DONE; i++) {
		sqlite3_reset(st);
		date_format_iso(a->unavailable[i], iso, sizeof iso);
		sqlite3_bind_int64(st, 1, a->id);
		sqlite3_bind_text(st, 2, iso, -1, SQLITE_TRANSIENT);
		rc = sqlite3_step(st);
	}
	sqlite3_finalize(st);
	if (rc != SQLITE_DONE)
		return store_error(s, _("saving an advisor"), err);
	return 0;
}

static void
bind_advisor(sqlite3_stmt *st, const struct advisor *a)
{
	sqlite3_bind_text(st, 1, a->name, -1, SQLITE_STATIC);
	sqlite3_bind_text(st, 2, a->profession, -1, SQLITE_STATIC);
	if (a->affiliation != NULL)
		sqlite3_bind_text(st, 3, a->affiliation, -1, SQLITE_STATIC);
	if (a->contact != NULL)
		sqlite3_bind_text(st, 4, a->contact, -1, SQLITE_STATIC);
	sqlite3_bind_int(st, 5, (int)a->weekdays);
	sqlite3_bind_int(st, 6, a->retired != 0);
}

int
store_advisor_add(struct store *s, struct advisor *a, struct error *err)
{
	sqlite3_stmt	*st;

	if (advisor_validate(a, err) == -1)
		return -1;
	if (sqlite3_prepare_v2(s->db, "INSERT INTO advisors (name, "
	    "profession, affiliation, contact, weekdays, retired) VALUES "
	    "(?1, ?2, ?3, ?4, ?5, ?6)", -1, &st, NULL) != SQLITE_OK)
		return store_error(s, _("adding an advisor"), err);
	bind_advisor(st, a);
	if (step_done(s, st, _("adding an advisor"), err) == -1) {
		if (err != NULL && err->kind == ERROR_INPUT)
			error_set(err, ERROR_INPUT, _("an advisor named '%s' "
			    "exists already"), a->name);
		return -1;
	}
	a->id = sqlite3_last_insert_rowid(s->db);
	return unavailable_save(s, a, err);
}

int
store_advisor_update(struct store *s, const struct advisor *a,
    struct error *err)
{
	sqlite3_stmt	*st;

	if (advisor_validate(a, err) == -1)
		return -1;
	if (sqlite3_prepare_v2(s->db, "UPDATE advisors SET name = ?1, "
	    "profession = ?2, affiliation = ?3, contact = ?4, weekdays = ?5, "
	    "retired = ?6 WHERE id = ?7", -1, &st, NULL) != SQLITE_OK)
		return store_error(s, _("changing an advisor"), err);
	bind_advisor(st, a);
	sqlite3_bind_int64(st, 7, a->id);
	if (step_done(s, st, _("changing an advisor"), err) == -1) {
		if (err != NULL && err->kind == ERROR_INPUT)
			error_set(err, ERROR_INPUT, _("an advisor named '%s' "
			    "exists already"), a->name);
		return -1;
	}
	if (sqlite3_changes(s->db) == 0)
		return error_set(err, ERROR_INPUT, _("no advisor with id %ld"),
		    a->id);
	return unavailable_save(s, a, err);
}

/*
 * The bookings of the meetings dated first..last (NULL: no bound),
 * appended to list in date order (a meeting's by advisor id).
 */
static int
store_assignments_load(struct store *s, const struct date *first,
    const struct date *last, struct assignment_list *list,
    struct error *err)
{
	sqlite3_stmt	*st;
	char		 from[DATE_ISO_LEN], to[DATE_ISO_LEN];
	int		 rc;

	/*
	 * The meetings of the days in the date index's order, each one's
	 * bookings by advisor: no sort (an order by id within a day was a
	 * quarter of `check` on a prefecture's year, 10,000 meetings).
	 */
	if (sqlite3_prepare_v2(s->db, "SELECT a.meeting_id, a.advisor_id "
	    "FROM meetings m JOIN assignments a ON a.meeting_id = m.id "
	    "WHERE m.date >= ?1 AND m.date <= ?2 ORDER BY m.date", -1, &st,
	    NULL) != SQLITE_OK)
		return store_error(s, _("reading bookings"), err);
	date_format_iso(first != NULL ? *first : (struct date){ 1, 1, 1 },
	    from, sizeof from);
	date_format_iso(last != NULL ? *last : (struct date){ 9999, 12, 31 },
	    to, sizeof to);
	sqlite3_bind_text(st, 1, from, -1, SQLITE_STATIC);
	sqlite3_bind_text(st, 2, to, -1, SQLITE_STATIC);
	while ((rc = sqlite3_step(st)) == SQLITE_ROW)
		assignment_list_add(list, sqlite3_column_int64(st, 0),
		    sqlite3_column_int64(st, 1));
	sqlite3_finalize(st);
	if (rc != SQLITE_DONE)
		return store_error(s, _("reading bookings"), err);
	return 0;
}

/* Whether meeting_id exists (1), and the advisor and how. */
static int
booking_check(struct store *s, long meeting_id, long advisor_id,
    int *booked, int *retired, struct error *err)
{
	sqlite3_stmt	*st;
	int		 rc, found = 0;

	if (sqlite3_prepare_v2(s->db, "SELECT (SELECT count(*) FROM meetings "
	    "WHERE id = ?1), (SELECT retired FROM advisors WHERE id = ?2), "
	    "EXISTS (SELECT 1 FROM assignments WHERE meeting_id = ?1 AND "
	    "advisor_id = ?2)", -1, &st, NULL) != SQLITE_OK)
		return store_error(s, _("reading bookings"), err);
	sqlite3_bind_int64(st, 1, meeting_id);
	sqlite3_bind_int64(st, 2, advisor_id);
	if ((rc = sqlite3_step(st)) == SQLITE_ROW) {
		found = sqlite3_column_int(st, 0);
		*retired = sqlite3_column_type(st, 1) == SQLITE_NULL ? -1 :
		    sqlite3_column_int(st, 1);
		*booked = sqlite3_column_int(st, 2);
	}
	sqlite3_finalize(st);
	if (rc != SQLITE_ROW)
		return store_error(s, _("reading bookings"), err);
	if (!found)
		return error_set(err, ERROR_INPUT, _("no meeting with id %ld"),
		    meeting_id);
	if (*retired == -1)
		return error_set(err, ERROR_INPUT, _("no advisor with id %ld"),
		    advisor_id);
	return 0;
}

int
store_assign(struct store *s, long meeting_id, long advisor_id, int assign,
    struct error *err)
{
	sqlite3_stmt	*st;
	int		 booked = 0, retired = 0;

	if (booking_check(s, meeting_id, advisor_id, &booked, &retired,
	    err) == -1)
		return -1;
	if (assign && booked)
		return error_set(err, ERROR_INPUT, _("the advisor is booked "
		    "for meeting %ld already"), meeting_id);
	if (!assign && !booked)
		return error_set(err, ERROR_INPUT, _("the advisor is not "
		    "booked for meeting %ld"), meeting_id);
	if (assign && retired)
		return error_set(err, ERROR_INPUT, _("the advisor is retired: "
		    "not booked"));
	if (sqlite3_prepare_v2(s->db, assign ? "INSERT INTO assignments "
	    "(meeting_id, advisor_id) VALUES (?1, ?2)" : "DELETE FROM "
	    "assignments WHERE meeting_id = ?1 AND advisor_id = ?2", -1, &st,
	    NULL) != SQLITE_OK)
		return store_error(s, _("booking an advisor"), err);
	sqlite3_bind_int64(st, 1, meeting_id);
	sqlite3_bind_int64(st, 2, advisor_id);
	return step_done(s, st, _("booking an advisor"), err);
}

int
store_assign_action(struct store *s, long meeting_id, long advisor_id,
    int assign, const char *command, struct error *err)
{
	if (store_begin(s, command, err) == -1)
		return -1;
	if (store_assign(s, meeting_id, advisor_id, assign, err) == -1) {
		store_rollback(s);
		return -1;
	}
	return store_commit(s, err);
}

int
store_advisors_for_checks(struct store *s, const struct date *first,
    const struct date *last, struct advisor_list *advisors,
    struct assignment_list *assignments, int *horizon, int *one_center,
    struct error *err)
{
	advisor_list_init(advisors);
	assignment_list_init(assignments);
	if (settings_advisors_load(s, horizon, one_center, err) == -1 ||
	    store_advisors_load(s, advisors, err) == -1 ||
	    store_assignments_load(s, first, last, assignments, err) == -1)
		return -1;
	return 0;
}

int
store_advisor_book_load(struct store *s, const struct catalog *cat,
    struct date first, struct date last, struct advisor_book *book,
    struct error *err)
{
	struct meeting_filter	f;

	memset(book, 0, sizeof *book);
	advisor_list_init(&book->advisors);
	meeting_list_init(&book->meetings);
	assignment_list_init(&book->assignments);
	/* the calendar stays empty (zero) until all is read */
	meeting_filter_init(&f);
	f.has_from = f.has_to = 1;
	f.from = first;
	f.to = last;
	f.exclude_cancelled = 1;
	f.fields = MEETING_FIELDS_PLAN;
	if (settings_advisors_load(s, &book->horizon,
	    &book->one_center_a_day, err) == -1 ||
	    store_advisors_load(s, &book->advisors, err) == -1 ||
	    store_meetings_load(s, &f, &book->meetings, err) == -1 ||
	    store_assignments_load(s, &first, &last, &book->assignments,
	    err) == -1)
		return -1;
	advisor_calendar_init(&book->calendar, &book->advisors, cat,
	    book->one_center_a_day);
	advisor_calendar_add_all(&book->calendar, &book->assignments,
	    &book->meetings);
	return 0;
}

void
advisor_book_free(struct advisor_book *book)
{
	advisor_calendar_free(&book->calendar);
	advisor_list_free(&book->advisors);
	meeting_list_free(&book->meetings);
	assignment_list_free(&book->assignments);
}
