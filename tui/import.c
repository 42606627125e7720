/*
 * import.c -- matching incoming meetings to stored ones by UID and
 * writing the changes.
 */
#include <stdlib.h>
#include <string.h>

#include "alloc.h"
#include "i18n.h"
#include "import.h"
#include "meetings-csv.h"

static void
report_item(FILE *fp, const char *name, const struct import_item *item,
    const struct catalog *cat)
{
	const struct meeting		*m = &item->meeting;
	const struct center		*c = catalog_center_by_id(cat,
					    m->center_id);
	const struct meeting_type	*t = catalog_type_by_id(cat,
					    m->type_id);
	char				 date[DATE_ISO_LEN];

	date_format_iso(m->date, date, sizeof date);
	fprintf(fp, "%s:%ld: %s %s %s %s %s\n", name, item->line,
	    import_action_label(item->action), date, t != NULL ? t->code : "?",
	    c != NULL ? c->name : "-", m->uid != NULL ? m->uid : "");
}

int
import_apply(struct store *store, const struct catalog *cat,
    struct import_item *items, size_t n, const char *name, FILE *report,
    struct import_result *result, struct error *err)
{
	struct meeting	 existing;
	size_t		 i;
	int		 found;

	memset(result, 0, sizeof *result);
	for (i = 0; i < n; i++) {
		struct import_item	*item = &items[i];
		struct meeting		*in = &item->meeting;

		meeting_init(&existing);
		found = in->uid == NULL ? 1 :
		    store_meeting_get_by_uid(store, in->uid, &existing, err);
		if (found == -1)
			return -1;
		item->action = import_decide(item, found == 0 ? &existing :
		    NULL);
		switch (item->action) {
		case IMPORT_ADD:
			if (!item->has_sequence)
				in->sequence = 0;
			if (store_meeting_insert(store, in, err) == -1)
				goto fail;
			result->added++;
			break;
		case IMPORT_UPDATE:
		case IMPORT_CANCEL:
			in->id = existing.id;
			in->version = existing.version;
			in->sequence = import_sequence(item, &existing);
			if (item->keep_window) {
				in->has_window = existing.has_window;
				in->window = existing.window;
			}
			if (item->keep_note)
				meeting_set_text(&in->note, existing.note);
			if (store_meeting_update(store, in,
			    STORE_KEEP_SEQUENCE, err) == -1)
				goto fail;
			if (item->action == IMPORT_CANCEL)
				result->cancelled++;
			else
				result->updated++;
			break;
		case IMPORT_UNCHANGED:
			result->unchanged++;
			break;
		case IMPORT_SKIP_OLDER:
			result->skipped++;
			break;
		}
		if (report != NULL && item->action != IMPORT_UNCHANGED)
			report_item(report, name, item, cat);
		meeting_clear(&existing);
	}
	return 0;
fail:
	error_prefix(err, "%s:%ld: ", name, items[i].line);
	meeting_clear(&existing);
	return -1;
}

int
import_csv_file(struct store *store, const struct catalog *cat,
    const char *path, FILE *report, struct import_result *result,
    struct error *err)
{
	struct csv_table	 table;
	struct csv_meeting	*rows;
	struct import_item	*items;
	size_t			 n, i;
	int			 rc, has_window;

	if (csv_load_file(path, &table, err) == -1)
		return -1;
	rc = meetings_csv_read(&table, path, cat, &rows, &n, err);
	has_window = meetings_csv_has_window(&table);
	csv_table_free(&table);
	if (rc == -1)
		return -1;
	items = xcalloc(n, sizeof *items);
	for (i = 0; i < n; i++) {
		items[i].line = rows[i].line;
		items[i].meeting = rows[i].meeting;
		items[i].keep_window = !has_window;
		meeting_init(&rows[i].meeting);
	}
	csv_meetings_free(rows, n);
	rc = import_apply(store, cat, items, n, path, report, result, err);
	import_items_free(items, n);
	return rc;
}
