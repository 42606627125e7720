/*
 * import.c -- matching incoming meetings to stored ones by UID and
 * writing the changes.
 */
#include <errno.h>
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

/* Decide and apply one item (see import_apply). */
static int
apply_item(struct store *store, const struct catalog *cat,
    struct import_item *item, const char *name, FILE *report,
    struct import_result *result, struct error *err)
{
	struct meeting	*in = &item->meeting;
	struct meeting	 existing;
	int		 found, rc = -1;

	meeting_init(&existing);
	found = in->uid == NULL ? 1 :
	    store_meeting_get_by_uid(store, in->uid, &existing, err);
	if (found == -1)
		goto done;
	item->action = import_decide(item, found == 0 ? &existing : NULL);
	switch (item->action) {
	case IMPORT_ADD:
		if (!item->has_sequence)
			in->sequence = 0;
		if (store_meeting_insert(store, in, err) == -1)
			goto done;
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
		if (store_meeting_update(store, in, STORE_KEEP_SEQUENCE,
		    err) == -1)
			goto done;
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
	rc = 0;
done:
	if (rc == -1)
		error_prefix(err, "%s:%ld: ", name, item->line);
	meeting_clear(&existing);
	return rc;
}

int
import_apply(struct store *store, const struct catalog *cat,
    struct import_item *items, size_t n, const char *name, FILE *report,
    struct import_result *result, struct error *err)
{
	size_t	i;

	memset(result, 0, sizeof *result);
	for (i = 0; i < n; i++)
		if (apply_item(store, cat, &items[i], name, report, result,
		    err) == -1)
			return -1;
	return 0;
}

/* What a dry run printed, once the whole file is known to be good. */
static int
report_copy(FILE *from, FILE *to, struct error *err)
{
	char	buf[8192];
	size_t	n;

	rewind(from);
	while ((n = fread(buf, 1, sizeof buf, from)) > 0)
		if (fwrite(buf, 1, n, to) != n)
			break;
	if (ferror(from) || ferror(to))
		return error_set(err, ERROR_FAILURE, _("writing the report: "
		    "%s"), strerror(errno));
	return 0;
}

/*
 * One record at a time: each meeting is applied as soon as it is read,
 * until a problem is found; the rest is then only checked, so that every
 * problem is reported, and the caller rolls the transaction back. A
 * dry run's lines wait in a temporary file until the file is known good.
 */
int
import_csv_file(struct store *store, const struct catalog *cat,
    const char *path, FILE *report, struct import_result *result,
    struct error *err)
{
	struct csv_reader	*reader;
	struct csv_record	 record;
	struct meetings_csv	 in;
	struct csv_meeting	 row;
	struct import_item	 item;
	struct error		 read_err;
	FILE			*lines = NULL;
	int			 rc = 0, next = 0, got;

	memset(result, 0, sizeof *result);
	if (csv_reader_open(path, &reader, err) == -1)
		return -1;
	if (report != NULL && (lines = tmpfile()) == NULL) {
		csv_reader_close(reader);
		return error_set(err, ERROR_FAILURE, _("a temporary file for "
		    "the report: %s"), strerror(errno));
	}
	error_clear(&read_err);
	meetings_csv_begin(&in, path, cat, err);
	while (rc == 0 &&
	    (next = csv_reader_next(reader, &record, &read_err)) == 1) {
		if ((got = meetings_csv_feed(&in, &record, &row)) == -1)
			rc = -1;
		if (got != 1)
			continue;
		if (in.nerrors > 0) {
			/* nothing more is written: only checked */
			meeting_clear(&row.meeting);
			continue;
		}
		memset(&item, 0, sizeof item);
		item.line = row.line;
		item.meeting = row.meeting;
		item.keep_window = !in.has_window;
		rc = apply_item(store, cat, &item, path, lines, result, err);
		meeting_clear(&item.meeting);
	}
	/* a broken file is told alone, as before any meeting was read */
	if (rc == 0 && next == -1) {
		*err = read_err;
		rc = -1;
	}
	if (rc == 0)
		rc = meetings_csv_end(&in);
	if (rc == 0 && lines != NULL)
		rc = report_copy(lines, report, err);
	if (lines != NULL)
		fclose(lines);
	meetings_csv_free(&in);
	csv_reader_close(reader);
	return rc;
}
