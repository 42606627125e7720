/*
 * store-catalog.c -- reading and changing the centers and meeting types.
 */
#include <stdlib.h>
#include <string.h>

#include "alloc.h"
#include "i18n.h"
#include "store-private.h"

int
store_catalog_load(struct store *s, struct catalog *cat, struct error *err)
{
	sqlite3_stmt		*st;
	struct center		 c;
	struct meeting_type	 t;
	int			 rc;

	catalog_init(cat);
	if (sqlite3_prepare_v2(s->db, "SELECT id, name, position, retired, "
	    "started FROM centers ORDER BY position, id", -1, &st, NULL) !=
	    SQLITE_OK)
		return store_error(s, _("reading centers"), err);
	while ((rc = sqlite3_step(st)) == SQLITE_ROW) {
		memset(&c, 0, sizeof c);
		c.id = sqlite3_column_int64(st, 0);
		c.name = (char *)sqlite3_column_text(st, 1);
		c.position = sqlite3_column_int(st, 2);
		c.retired = sqlite3_column_int(st, 3);
		/* the schema keeps it a valid ISO date */
		if (sqlite3_column_type(st, 4) == SQLITE_TEXT &&
		    date_parse((const char *)sqlite3_column_text(st, 4),
		    &c.started, NULL) == 0)
			c.has_started = 1;
		catalog_add_center(cat, &c);
	}
	sqlite3_finalize(st);
	if (rc != SQLITE_DONE)
		goto fail;
	if (sqlite3_prepare_v2(s->db, "SELECT id, code, name, short_name, "
	    "level, coalesce(target_min, -1), coalesce(target_max, -1), "
	    "counts_cases, position, grp, coalesce(length, 0), "
	    "coalesce(capacity, 0), lecture, cadence, summons FROM "
	    "meeting_types ORDER BY position, id", -1, &st, NULL) !=
	    SQLITE_OK)
		goto fail;
	while ((rc = sqlite3_step(st)) == SQLITE_ROW) {
		memset(&t, 0, sizeof t);
		t.id = sqlite3_column_int64(st, 0);
		t.code = (char *)sqlite3_column_text(st, 1);
		t.name = (char *)sqlite3_column_text(st, 2);
		t.short_name = (char *)sqlite3_column_text(st, 3);
		t.level = strcmp((const char *)sqlite3_column_text(st, 4),
		    "city") == 0 ? LEVEL_CITY : LEVEL_REGIONAL;
		t.target_min = sqlite3_column_int(st, 5);
		t.target_max = sqlite3_column_int(st, 6);
		t.counts_cases = sqlite3_column_int(st, 7);
		t.position = sqlite3_column_int(st, 8);
		t.group = (char *)sqlite3_column_text(st, 9);
		t.length = sqlite3_column_int(st, 10);
		t.capacity = sqlite3_column_int(st, 11);
		t.lecture = sqlite3_column_int(st, 12);
		/* the schema keeps it one of the three */
		type_cadence_parse((const char *)sqlite3_column_text(st, 13),
		    &t.cadence, NULL);
		t.summons = (char *)sqlite3_column_text(st, 14);
		catalog_add_type(cat, &t);
	}
	sqlite3_finalize(st);
	if (rc != SQLITE_DONE)
		goto fail;
	return 0;
fail:
	store_error(s, _("reading the catalog"), err);
	catalog_free(cat);
	return -1;
}

static int
run(struct store *s, sqlite3_stmt *st, const char *doing, struct error *err)
{
	int	rc = sqlite3_step(st);

	if (rc != SQLITE_DONE) {
		store_error(s, doing, err);
		sqlite3_finalize(st);
		return -1;
	}
	sqlite3_finalize(st);
	return 0;
}

int
store_center_add(struct store *s, const char *name, struct error *err)
{
	sqlite3_stmt	*st;

	if (center_validate_name(name, err) == -1)
		return -1;
	if (sqlite3_prepare_v2(s->db, "INSERT INTO centers (name, position) "
	    "VALUES (?, (SELECT coalesce(max(position), 0) + 1 FROM centers))",
	    -1, &st, NULL) != SQLITE_OK)
		return store_error(s, _("adding a center"), err);
	sqlite3_bind_text(st, 1, name, -1, SQLITE_STATIC);
	if (run(s, st, _("adding a center"), err) == -1) {
		if (err != NULL && err->kind == ERROR_INPUT)
			error_set(err, ERROR_INPUT, _("center '%s' exists "
			    "already"), name);
		return -1;
	}
	return 0;
}

int
store_center_rename(struct store *s, const char *from, const char *to,
    struct error *err)
{
	sqlite3_stmt	*st;

	if (center_validate_name(to, err) == -1)
		return -1;
	if (sqlite3_prepare_v2(s->db, "UPDATE centers SET name = ? WHERE "
	    "name = ?", -1, &st, NULL) != SQLITE_OK)
		return store_error(s, _("renaming a center"), err);
	sqlite3_bind_text(st, 1, to, -1, SQLITE_STATIC);
	sqlite3_bind_text(st, 2, from, -1, SQLITE_STATIC);
	if (run(s, st, _("renaming a center"), err) == -1) {
		if (err != NULL && err->kind == ERROR_INPUT)
			error_set(err, ERROR_INPUT, _("center '%s' exists "
			    "already"), to);
		return -1;
	}
	if (sqlite3_changes(s->db) == 0)
		return error_set(err, ERROR_INPUT, _("unknown center '%s'"),
		    from);
	return 0;
}

int
store_center_retire(struct store *s, const char *name, int retired,
    struct error *err)
{
	sqlite3_stmt	*st;

	if (sqlite3_prepare_v2(s->db, "UPDATE centers SET retired = ? WHERE "
	    "name = ?", -1, &st, NULL) != SQLITE_OK)
		return store_error(s, _("retiring a center"), err);
	sqlite3_bind_int(st, 1, retired != 0);
	sqlite3_bind_text(st, 2, name, -1, SQLITE_STATIC);
	if (run(s, st, _("retiring a center"), err) == -1)
		return -1;
	if (sqlite3_changes(s->db) == 0)
		return error_set(err, ERROR_INPUT, _("unknown center '%s'"),
		    name);
	return 0;
}

/* When a center was set up (設置), or NULL: not known. */
int
store_center_set_started(struct store *s, const char *name,
    const struct date *started, struct error *err)
{
	sqlite3_stmt	*st;
	char		 iso[DATE_ISO_LEN];

	if (sqlite3_prepare_v2(s->db, "UPDATE centers SET started = ? WHERE "
	    "name = ?", -1, &st, NULL) != SQLITE_OK)
		return store_error(s, _("changing a center"), err);
	if (started != NULL) {
		date_format_iso(*started, iso, sizeof iso);
		sqlite3_bind_text(st, 1, iso, -1, SQLITE_STATIC);
	}
	sqlite3_bind_text(st, 2, name, -1, SQLITE_STATIC);
	if (run(s, st, _("changing a center"), err) == -1)
		return -1;
	if (sqlite3_changes(s->db) == 0)
		return error_set(err, ERROR_INPUT, _("unknown center '%s'"),
		    name);
	return 0;
}

static void
bind_type(sqlite3_stmt *st, const struct meeting_type *t)
{
	sqlite3_bind_text(st, 1, t->code, -1, SQLITE_STATIC);
	sqlite3_bind_text(st, 2, t->name, -1, SQLITE_STATIC);
	sqlite3_bind_text(st, 3, t->short_name != NULL ? t->short_name :
	    t->name, -1, SQLITE_STATIC);
	sqlite3_bind_text(st, 4, type_level_name(t->level), -1,
	    SQLITE_STATIC);
	if (t->target_min >= 0)
		sqlite3_bind_int(st, 5, t->target_min);
	if (t->target_max >= 0)
		sqlite3_bind_int(st, 6, t->target_max);
	sqlite3_bind_int(st, 7, t->counts_cases != 0);
	if (t->group != NULL && *t->group != '\0')
		sqlite3_bind_text(st, 8, t->group, -1, SQLITE_STATIC);
	/* how it is scheduled (0 and NULL: not set) */
	if (t->length > 0)
		sqlite3_bind_int(st, 9, t->length);
	if (t->capacity > 0)
		sqlite3_bind_int(st, 10, t->capacity);
	sqlite3_bind_int(st, 11, t->lecture != 0);
	sqlite3_bind_text(st, 12, type_cadence_name(t->cadence), -1,
	    SQLITE_STATIC);
	if (t->summons != NULL && *t->summons != '\0')
		sqlite3_bind_text(st, 13, t->summons, -1, SQLITE_STATIC);
}

int
store_type_add(struct store *s, const struct meeting_type *t,
    struct error *err)
{
	sqlite3_stmt	*st;

	if (type_validate(t, err) == -1)
		return -1;
	if (sqlite3_prepare_v2(s->db, "INSERT INTO meeting_types (code, name, "
	    "short_name, level, target_min, target_max, counts_cases, grp, "
	    "length, capacity, lecture, cadence, summons, position) VALUES "
	    "(?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9, ?10, ?11, ?12, ?13, (SELECT "
	    "coalesce(max(position), 0) + 1 FROM meeting_types))", -1, &st,
	    NULL) != SQLITE_OK)
		return store_error(s, _("adding a meeting type"), err);
	bind_type(st, t);
	if (run(s, st, _("adding a meeting type"), err) == -1) {
		if (err != NULL && err->kind == ERROR_INPUT)
			error_set(err, ERROR_INPUT, _("a meeting type with "
			    "code '%s' or name '%s' exists already"), t->code,
			    t->name);
		return -1;
	}
	return 0;
}

int
store_type_update(struct store *s, const struct meeting_type *t,
    struct error *err)
{
	sqlite3_stmt	*st;

	if (type_validate(t, err) == -1)
		return -1;
	if (sqlite3_prepare_v2(s->db, "UPDATE meeting_types SET name = ?2, "
	    "short_name = ?3, level = ?4, target_min = ?5, target_max = ?6, "
	    "counts_cases = ?7, grp = ?8, length = ?9, capacity = ?10, "
	    "lecture = ?11, cadence = ?12, summons = ?13 WHERE code = ?1", -1,
	    &st, NULL) != SQLITE_OK)
		return store_error(s, _("changing a meeting type"), err);
	bind_type(st, t);
	if (run(s, st, _("changing a meeting type"), err) == -1)
		return -1;
	if (sqlite3_changes(s->db) == 0)
		return error_set(err, ERROR_INPUT,
		    _("unknown meeting type '%s'"), t->code);
	return 0;
}
