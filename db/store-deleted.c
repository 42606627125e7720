/*
 * store-deleted.c -- the meetings that are deleted now, by UID: the last
 * history row of their id is a deletion and no meeting has the id (the
 * query of `history --deleted`), read once for a whole import.
 */
#include <stdlib.h>
#include <string.h>

#include "alloc.h"
#include "i18n.h"
#include "store-deleted.h"
#include "store-private.h"

static int
compare_uid(const void *pa, const void *pb)
{
	const struct deleted_uid	*a = pa, *b = pb;
	int				 c = strcmp(a->uid, b->uid);

	/* the same UID: the later meeting first */
	return c != 0 ? c : (a->id < b->id) - (a->id > b->id);
}

int
store_deleted_uids(struct store *s, struct deleted_uid **out,
    size_t *count, struct error *err)
{
	sqlite3_stmt		*st;
	struct deleted_uid	*v = NULL;
	const unsigned char	*uid;
	size_t			 n = 0, cap = 0, i, k;
	int			 rc;

	*out = NULL;
	*count = 0;
	if (sqlite3_prepare_v2(s->db, "SELECT json_extract(h.before, "
	    "'$.uid'), h.meeting_id FROM history h WHERE h.op = 'delete' "
	    "AND h.id = (SELECT max(id) FROM history l WHERE l.meeting_id = "
	    "h.meeting_id) AND NOT EXISTS (SELECT 1 FROM meetings m WHERE "
	    "m.id = h.meeting_id)", -1, &st, NULL) != SQLITE_OK)
		return store_error(s, _("reading the history"), err);
	while ((rc = sqlite3_step(st)) == SQLITE_ROW) {
		if ((uid = sqlite3_column_text(st, 0)) == NULL)
			continue;
		if (n == cap) {
			cap = cap == 0 ? 64 : cap * 2;
			v = xreallocarray(v, cap, sizeof *v);
		}
		v[n].uid = xstrdup((const char *)uid);
		v[n++].id = sqlite3_column_int64(st, 1);
	}
	sqlite3_finalize(st);
	if (rc != SQLITE_DONE) {
		deleted_uids_free(v, n);
		return store_error(s, _("reading the history"), err);
	}
	if (n > 1)
		qsort(v, n, sizeof *v, compare_uid);
	for (i = k = 0; i < n; i++) {
		if (k > 0 && strcmp(v[k - 1].uid, v[i].uid) == 0) {
			free(v[i].uid);
			continue;
		}
		v[k++] = v[i];
	}
	*out = v;
	*count = k;
	return 0;
}

const struct deleted_uid *
deleted_uids_find(const struct deleted_uid *v, size_t n, const char *uid)
{
	size_t	lo = 0, hi = n, mid;
	int	c;

	while (lo < hi) {
		mid = lo + (hi - lo) / 2;
		if ((c = strcmp(uid, v[mid].uid)) == 0)
			return &v[mid];
		if (c < 0)
			hi = mid;
		else
			lo = mid + 1;
	}
	return NULL;
}

void
deleted_uids_free(struct deleted_uid *v, size_t n)
{
	size_t	i;

	for (i = 0; i < n; i++)
		free(v[i].uid);
	free(v);
}
