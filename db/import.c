/*
 * import.c -- matching incoming meetings to stored ones by UID and
 * writing the changes. A UID of a meeting deleted since is no new
 * meeting: it is skipped, or brought back with --restore-deleted; a CSV
 * line updates only the meeting as it was when the line was read.
 */
#include <errno.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>

#include "alloc.h"
#include "i18n.h"
#include "import.h"
#include "meetings-csv.h"
#include "settings.h"
#include "store-deleted.h"

/* One import: where it writes, what it reports, what is deleted. */
struct import_run {
	struct store		*store;
	const struct catalog	*cat;
	const char		*name;
	FILE			*report;	/* the lines of a dry run */
	int			 flags;		/* IMPORT_* */
	struct import_result	*result;
	struct deleted_uid	*deleted;	/* read at the first need */
	size_t			 ndeleted;
	int			 deleted_read;
	struct closure		 closure;	/* IMPORT_WARN, read so too */
	int			 closure_read;
};

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
	/* the file's name and UID are the file's: escaped */
	error_print_escaped(fp, name);
	fprintf(fp, ":%ld: %s %s %s %s ", item->line,
	    import_action_label(item->action), date, t != NULL ? t->code : "?",
	    c != NULL ? c->name : "-");
	error_print_escaped(fp, m->uid != NULL ? m->uid : "");
	fputc('\n', fp);
}

/*
 * An item whose UID belongs to a meeting deleted since: 1 when it is
 * one (skipped and said, or brought back with IMPORT_RESTORE_DELETED),
 * 0 when it is not, -1 on error.
 */
static int
deleted_item(struct import_run *run, struct import_item *item,
    struct error *err)
{
	const struct deleted_uid	*d;
	struct meeting			 back;
	char				*uid, *name;

	if (!run->deleted_read) {
		if (store_deleted_uids(run->store, &run->deleted,
		    &run->ndeleted, err) == -1)
			return -1;
		run->deleted_read = 1;
	}
	if ((d = deleted_uids_find(run->deleted, run->ndeleted,
	    item->meeting.uid)) == NULL)
		return 0;
	if (!(run->flags & IMPORT_RESTORE_DELETED)) {
		item->action = IMPORT_SKIP_DELETED;
		run->result->skipped++;
		uid = error_escape_dup(item->meeting.uid);
		name = error_escape_dup(run->name);
		fprintf(stderr, _("carecal: %s:%ld: %s: meeting %ld with this "
		    "UID was deleted; skipped (--restore-deleted brings it "
		    "back, as 'carecal restore-meeting %ld' does)\n"),
		    name, item->line, uid, d->id, d->id);
		free(uid);
		free(name);
		return 1;
	}
	/* as restore-meeting: as it was when deleted, its id and UID */
	meeting_init(&back);
	if (store_meeting_restore(run->store, d->id, &back, err) == -1) {
		meeting_clear(&back);
		return -1;
	}
	meeting_clear(&item->meeting);
	item->meeting = back;
	item->action = IMPORT_RESTORE;
	run->result->restored++;
	return 1;
}

/*
 * With IMPORT_WARN, count m if saving it is worth a warning, as `add`
 * (before NULL) or `edit` (before the stored meeting) would say it.
 */
static int
warn_item(struct import_run *run, const struct meeting *m,
    const struct meeting *before, struct error *err)
{
	struct finding_list	warnings;
	struct meeting		one = *m;
	int			rc;

	if (!(run->flags & IMPORT_WARN))
		return 0;
	if (!run->closure_read) {
		if (settings_closure_load(run->store, &run->closure,
		    err) == -1)
			return -1;
		run->closure_read = 1;
	}
	/* a new meeting: a file's id names no stored row */
	if (before == NULL)
		one.id = 0;
	finding_list_init(&warnings);
	rc = store_meeting_warnings(run->store, run->cat, &run->closure,
	    &one, before, &warnings, err);
	if (rc == 0 && warnings.count > 0)
		run->result->warned++;
	finding_list_free(&warnings);
	return rc;
}

/* Decide and apply one item (see import_apply). */
static int
apply_item(struct import_run *run, struct import_item *item,
    struct error *err)
{
	struct store	*store = run->store;
	struct meeting	*in = &item->meeting;
	struct meeting	 existing;
	int		 found, rc = -1;

	meeting_init(&existing);
	found = in->uid == NULL ? 1 :
	    store_meeting_get_by_uid(store, in->uid, &existing, err);
	if (found == -1)
		goto done;
	if (found == 1 && in->uid != NULL) {
		if ((found = deleted_item(run, item, err)) == -1)
			goto done;
		if (found == 1)
			goto reported;
		found = 1;
	}
	item->action = import_decide(item, found == 0 ? &existing : NULL);
	switch (item->action) {
	case IMPORT_ADD:
		if (!item->has_sequence)
			in->sequence = 0;
		if (warn_item(run, in, NULL, err) == -1 ||
		    store_meeting_insert(store, in, err) == -1)
			goto done;
		run->result->added++;
		break;
	case IMPORT_UPDATE:
	case IMPORT_CANCEL:
		if (import_check_fresh(item, &existing, err) == -1)
			goto done;
		in->id = existing.id;
		in->version = existing.version;
		in->sequence = import_sequence(item, &existing);
		if (item->keep_window) {
			in->has_window = existing.has_window;
			in->window = existing.window;
		}
		if (item->keep_note)
			meeting_set_text(&in->note, existing.note);
		if (store_meeting_check_cases(store, in, err) == -1 ||
		    warn_item(run, in, &existing, err) == -1 ||
		    store_meeting_update(store, in, STORE_KEEP_SEQUENCE,
		    err) == -1)
			goto done;
		if (item->action == IMPORT_CANCEL)
			run->result->cancelled++;
		else
			run->result->updated++;
		break;
	case IMPORT_UNCHANGED:
		run->result->unchanged++;
		break;
	case IMPORT_SKIP_OLDER:
	case IMPORT_SKIP_DELETED:
		run->result->skipped++;
		break;
	case IMPORT_RESTORE:
		break;
	}
reported:
	if (run->report != NULL && item->action != IMPORT_UNCHANGED)
		report_item(run->report, run->name, item, run->cat);
	rc = 0;
done:
	if (rc == -1)
		error_prefix(err, "%s:%ld: ", run->name, item->line);
	meeting_clear(&existing);
	return rc;
}

static void
run_begin(struct import_run *run, struct store *store,
    const struct catalog *cat, const char *name, FILE *report, int flags,
    struct import_result *result)
{
	memset(run, 0, sizeof *run);
	run->store = store;
	run->cat = cat;
	run->name = name;
	run->report = report;
	run->flags = flags;
	run->result = result;
	memset(result, 0, sizeof *result);
}

static void
run_end(struct import_run *run)
{
	deleted_uids_free(run->deleted, run->ndeleted);
}

int
import_apply(struct store *store, const struct catalog *cat,
    struct import_item *items, size_t n, const char *name, FILE *report,
    int flags, struct import_result *result, struct error *err)
{
	struct import_run	run;
	size_t			i;
	int			rc = 0;

	run_begin(&run, store, cat, name, report, flags, result);
	for (i = 0; i < n && rc == 0; i++)
		rc = apply_item(&run, &items[i], err);
	run_end(&run);
	return rc;
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
	return import_csv_file_with(store, cat, path, report, 0, result, err);
}

int
import_csv_file_with(struct store *store, const struct catalog *cat,
    const char *path, FILE *report, int flags, struct import_result *result,
    struct error *err)
{
	struct import_run	 run;
	struct csv_reader	*reader;
	struct csv_record	 record;
	struct meetings_csv	 in;
	struct csv_meeting	 row;
	struct import_item	 item;
	struct error		 read_err;
	struct tm		 tm;
	time_t			 modified;
	FILE			*lines = NULL;
	char			 written_at[32];
	int			 rc = 0, next = 0, got;

	memset(result, 0, sizeof *result);
	if (csv_reader_open(path, &reader, err) == -1)
		return -1;
	/* as the store writes updated_at: UTC, to the second */
	modified = csv_reader_modified(reader);
	if (gmtime_r(&modified, &tm) == NULL ||
	    strftime(written_at, sizeof written_at, "%Y-%m-%d %H:%M:%S",
	    &tm) == 0)
		written_at[0] = '\0';
	if (report != NULL && (lines = tmpfile()) == NULL) {
		csv_reader_close(reader);
		return error_set(err, ERROR_FAILURE, _("a temporary file for "
		    "the report: %s"), strerror(errno));
	}
	error_clear(&read_err);
	run_begin(&run, store, cat, path, lines, flags, result);
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
		item.read_version = row.version;
		item.written_at = written_at[0] != '\0' ? written_at : NULL;
		rc = apply_item(&run, &item, err);
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
	run_end(&run);
	meetings_csv_free(&in);
	csv_reader_close(reader);
	return rc;
}
