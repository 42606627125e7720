/*
 * store-tombstones.c -- the meetings deleted lately, read from the
 * history: a deletion is the last row of its meeting id, and no meeting
 * has that id or its UID now (store-tombstones.h).
 */
#include <stdlib.h>
#include <string.h>

#include "alloc.h"
#include "i18n.h"
#include "store-private.h"
#include "store-tombstones.h"

/* The columns of the meetings table, from the deleted row's JSON. */
#define B(key)	"json_extract(h.before, '$." key "')"
#define BEFORE_COLUMNS							\
	B("id") ", " B("uid") ", " B("type_id") ", " B("center_id") ", "\
	B("date") ", " B("start_time") ", " B("end_time") ", "		\
	B("mode") ", " B("status") ", " B("cases") ", " B("venue") ", "	\
	B("url") ", " B("note") ", " B("window_from") ", "		\
	B("window_to") ", " B("sequence") ", " B("version") ", "	\
	B("created_at") ", " B("created_by") ", " B("updated_at") ", "	\
	B("updated_by")

/*
 * The actions since the day come first (CROSS JOIN keeps them the
 * outer loop): a few, each with its history by the index, rather than
 * the whole history scanned for deletions.
 */
#define DELETIONS							\
	"FROM actions a CROSS JOIN history h ON h.action_id = a.id "	\
	"WHERE h.op = 'delete' "

static int
compare_uid(const void *pa, const void *pb)
{
	const struct meeting	*a = pa, *b = pb;

	return strcmp(a->uid, b->uid);
}

/*
 * One tombstone a UID: the meeting made last (ids only grow) with the
 * highest SEQUENCE of them all.
 */
static void
one_per_uid(struct meeting_list *list, size_t first)
{
	struct meeting	*v = list->items + first, *keep;
	size_t		 n = list->count - first, i, k;

	if (n < 2)
		return;
	qsort(v, n, sizeof *v, compare_uid);
	for (i = k = 0; i < n; i++) {
		if (k > 0 && strcmp(v[k - 1].uid, v[i].uid) == 0) {
			keep = v[k - 1].id > v[i].id ? &v[k - 1] : &v[i];
			if (v[k - 1].sequence > keep->sequence)
				keep->sequence = v[k - 1].sequence;
			if (v[i].sequence > keep->sequence)
				keep->sequence = v[i].sequence;
			if (keep == &v[i]) {
				meeting_clear(&v[k - 1]);
				v[k - 1] = v[i];
			} else
				meeting_clear(&v[i]);
			continue;
		}
		v[k++] = v[i];
	}
	list->count = first + k;
}

int
store_tombstones_load(struct store *s, struct date since, long advisor,
    struct meeting_list *list, struct error *err)
{
	sqlite3_stmt	*st;
	struct meeting	*m;
	char		 day[DATE_ISO_LEN];
	size_t		 first = list->count, i;
	int		 rc;

	if (sqlite3_prepare_v2(s->db, "SELECT " BEFORE_COLUMNS " "
	    DELETIONS "AND a.at >= strftime('%Y-%m-%d %H:%M:%f', ?1, 'utc') "
	    "AND h.id = (SELECT max(l.id) FROM history l WHERE "
	    "l.meeting_id = h.meeting_id) "
	    "AND NOT EXISTS (SELECT 1 FROM meetings m WHERE m.id = "
	    "h.meeting_id OR m.uid = " B("uid") ") "
	    /* the deletion took the advisor's booking with it */
	    "AND (?2 = 0 OR EXISTS (SELECT 1 FROM assignment_history b "
	    "WHERE b.meeting_id = h.meeting_id AND b.advisor_id = ?2 AND "
	    "b.action_id = a.id AND b.op = 'unassign'))", -1, &st, NULL) !=
	    SQLITE_OK)
		return store_error(s, _("reading the history"), err);
	date_format_iso(since, day, sizeof day);
	sqlite3_bind_text(st, 1, day, -1, SQLITE_TRANSIENT);
	sqlite3_bind_int64(st, 2, advisor);
	while ((rc = sqlite3_step(st)) == SQLITE_ROW) {
		m = meeting_list_add(list);
		row_to_meeting(st, m);
		if (m->uid == NULL) {
			meeting_clear(m);
			list->count--;
		}
	}
	sqlite3_finalize(st);
	if (rc != SQLITE_DONE)
		return store_error(s, _("reading the history"), err);
	one_per_uid(list, first);
	for (i = first; i < list->count; i++) {
		m = &list->items[i];
		m->status = STATUS_CANCELLED;
		m->sequence++;
		free(m->note);
		m->note = NULL;
	}
	return 0;
}

int
store_tombstones_expired(struct store *s, struct date since,
    struct date *when, struct error *err)
{
	sqlite3_stmt	*st;
	const char	*t;
	char		 day[DATE_ISO_LEN];
	int		 rc, found = 0;

	if (sqlite3_prepare_v2(s->db, "SELECT date(max(a.at), 'localtime') "
	    DELETIONS "AND a.at < strftime('%Y-%m-%d %H:%M:%f', ?1, 'utc')",
	    -1, &st, NULL) != SQLITE_OK)
		return store_error(s, _("reading the history"), err);
	date_format_iso(since, day, sizeof day);
	sqlite3_bind_text(st, 1, day, -1, SQLITE_TRANSIENT);
	rc = sqlite3_step(st);
	if (rc == SQLITE_ROW && (t = (const char *)sqlite3_column_text(st,
	    0)) != NULL && date_parse(t, when, NULL) == 0)
		found = 1;
	sqlite3_finalize(st);
	if (rc != SQLITE_ROW)
		return store_error(s, _("reading the history"), err);
	return found;
}
