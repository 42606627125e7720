/*
 * meetings-csv.c -- meetings to and from CSV records.
 */
#include <stdlib.h>
#include <string.h>

#include "alloc.h"
#include "i18n.h"
#include "meetings-csv.h"

enum column {
	COL_ID, COL_UID, COL_DATE, COL_START, COL_END, COL_CENTER, COL_TYPE,
	COL_MODE, COL_STATUS, COL_CASES, COL_VENUE, COL_URL, COL_NOTE,
	COL_WINDOW, COL_COUNT
};
/* `list` writes the first 13; window is read when present. */
#define COL_WRITTEN	COL_WINDOW

static const char *column_names[COL_COUNT] = {
	"id", "uid", "date", "start", "end", "center", "type", "mode",
	"status", "cases", "venue", "url", "note", "window"
};

#define MAX_REPORTED	20

void
meetings_csv_write_header(FILE *fp)
{
	int	i;

	for (i = 0; i < COL_WRITTEN; i++)
		fprintf(fp, "%s%s", i > 0 ? "," : "", column_names[i]);
	fputs("\r\n", fp);
}

void
meetings_csv_write(FILE *fp, const struct meeting *m,
    const struct catalog *cat)
{
	const struct center		*c = catalog_center_by_id(cat,
					    m->center_id);
	const struct meeting_type	*t = catalog_type_by_id(cat,
					    m->type_id);
	char				 buf[DATE_ISO_LEN];

	fprintf(fp, "%ld,", m->id);
	csv_write_field(fp, m->uid);
	date_format_iso(m->date, buf, sizeof buf);
	fprintf(fp, ",%s,", buf);
	if (m->start >= 0) {
		time_format(m->start, buf, sizeof buf);
		fputs(buf, fp);
	}
	fputc(',', fp);
	if (m->end >= 0) {
		time_format(m->end, buf, sizeof buf);
		fputs(buf, fp);
	}
	fputc(',', fp);
	csv_write_field(fp, c != NULL ? c->name : "");
	fputc(',', fp);
	csv_write_field(fp, t != NULL ? t->code : "");
	fprintf(fp, ",%s,%s,", meeting_mode_code(m->mode),
	    meeting_status_code(m->status));
	if (m->cases >= 0)
		fprintf(fp, "%d", m->cases);
	fputc(',', fp);
	csv_write_field(fp, m->venue);
	fputc(',', fp);
	csv_write_field(fp, m->url);
	fputc(',', fp);
	csv_write_field(fp, m->note);
	fputs("\r\n", fp);
}

/* Append one problem to the report in err. */
static void
report(struct error *err, int *nerrors, const char *name, long line,
    const char *field, const char *why)
{
	size_t	len = strlen(err->msg);

	(*nerrors)++;
	if (*nerrors > MAX_REPORTED)
		return;
	snprintf(err->msg + len, sizeof err->msg - len, "%s%s:%ld: %s%s%s",
	    len > 0 ? "\n" : "", name, line, field != NULL ? field : "",
	    field != NULL ? ": " : "", why);
}

static int
read_record(const struct csv_record *r, const int *map, const char *name,
    const struct catalog *cat, struct csv_meeting *out, struct error *err,
    int *nerrors)
{
	struct meeting			*m = &out->meeting;
	const struct center		*center;
	const struct meeting_type	*type = NULL;
	struct error			 e;
	const char			*v[COL_COUNT];
	enum meeting_mode		 mode;
	enum meeting_status		 status;
	int				 i, before = *nerrors;
	char				*end;

	for (i = 0; i < COL_COUNT; i++)
		v[i] = map[i] >= 0 && (size_t)map[i] < r->count ?
		    r->fields[map[i]] : "";
	meeting_init(m);
	out->line = r->line;
	out->id = strtol(v[COL_ID], &end, 10);
	if (*end != '\0')
		report(err, nerrors, name, r->line, "id",
		    _("not a number (leave it empty for a new meeting)"));
	m->uid = v[COL_UID][0] != '\0' ? xstrdup(v[COL_UID]) : NULL;
	if (m->uid != NULL && (strlen(m->uid) > MEETING_UID_MAX ||
	    strpbrk(m->uid, " \t") != NULL))
		report(err, nerrors, name, r->line, "uid",
		    _("at most 255 characters without spaces"));
	if (v[COL_DATE][0] == '\0')
		report(err, nerrors, name, r->line, "date", _("missing"));
	else if (date_parse(v[COL_DATE], &m->date, &e) == -1)
		report(err, nerrors, name, r->line, "date", e.msg);
	if (v[COL_START][0] != '\0' && time_parse(v[COL_START], &m->start,
	    &e) == -1)
		report(err, nerrors, name, r->line, "start", e.msg);
	if (v[COL_END][0] != '\0' && time_parse(v[COL_END], &m->end,
	    &e) == -1)
		report(err, nerrors, name, r->line, "end", e.msg);
	if (v[COL_TYPE][0] == '\0')
		report(err, nerrors, name, r->line, "type", _("missing"));
	else if (catalog_find_type(cat, v[COL_TYPE], &type, &e) == -1)
		report(err, nerrors, name, r->line, "type", e.msg);
	else
		m->type_id = type->id;
	if (v[COL_CENTER][0] != '\0') {
		if (catalog_find_center(cat, v[COL_CENTER], &center, &e) == -1)
			report(err, nerrors, name, r->line, "center", e.msg);
		else
			m->center_id = center->id;
	}
	if (v[COL_MODE][0] != '\0') {
		if (meeting_mode_parse(v[COL_MODE], &mode, &e) == -1)
			report(err, nerrors, name, r->line, "mode", e.msg);
		else
			m->mode = mode;
	}
	if (v[COL_STATUS][0] != '\0') {
		if (meeting_status_parse(v[COL_STATUS], &status, &e) == -1)
			report(err, nerrors, name, r->line, "status", e.msg);
		else
			m->status = status;
	}
	if (v[COL_CASES][0] != '\0' && meeting_cases_parse(v[COL_CASES],
	    &m->cases, &e) == -1)
		report(err, nerrors, name, r->line, "cases", e.msg);
	meeting_set_text(&m->venue, v[COL_VENUE]);
	meeting_set_text(&m->url, v[COL_URL]);
	meeting_set_text(&m->note, v[COL_NOTE]);
	if (v[COL_WINDOW][0] != '\0') {
		if (month_window_parse(v[COL_WINDOW], &m->window, &e) == -1)
			report(err, nerrors, name, r->line, "window", e.msg);
		else
			m->has_window = 1;
	}
	/* the field-level checks only when every field read cleanly */
	if (*nerrors == before && meeting_validate(m, cat, &e) == -1)
		report(err, nerrors, name, r->line, NULL, e.msg);
	return *nerrors == before ? 0 : -1;
}

/* Comment lines (# ...) may stand before the header. */
static size_t
header_index(const struct csv_table *t)
{
	size_t	i;

	for (i = 0; i < t->count && t->records[i].count > 0 &&
	    t->records[i].fields[0][0] == '#'; i++)
		;
	return i;
}

int
meetings_csv_has_window(const struct csv_table *t)
{
	size_t	h = header_index(t), i;

	for (i = 0; h < t->count && i < t->records[h].count; i++)
		if (strcmp(t->records[h].fields[i], "window") == 0)
			return 1;
	return 0;
}

static int
is_blank(const struct csv_record *r)
{
	return r->count == 1 && r->fields[0][0] == '\0';
}

static int
compare_uids(const void *pa, const void *pb)
{
	const struct csv_meeting *a = *(const struct csv_meeting *const *)pa;
	const struct csv_meeting *b = *(const struct csv_meeting *const *)pb;
	int c = strcmp(a->meeting.uid, b->meeting.uid);

	return c != 0 ? c : (a->line > b->line) - (a->line < b->line);
}

/* Sorted, so a large file is checked in n log n. */
static void
check_duplicate_uids(struct csv_meeting *v, size_t n, const char *name,
    struct error *err, int *nerrors)
{
	struct csv_meeting	**by_uid = xcalloc(n, sizeof *by_uid);
	size_t			  i, k = 0;

	for (i = 0; i < n; i++)
		if (v[i].meeting.uid != NULL)
			by_uid[k++] = &v[i];
	qsort(by_uid, k, sizeof *by_uid, compare_uids);
	for (i = 1; i < k; i++)
		if (strcmp(by_uid[i]->meeting.uid,
		    by_uid[i - 1]->meeting.uid) == 0)
			report(err, nerrors, name, by_uid[i]->line, "uid",
			    _("the same uid as an earlier line"));
	free(by_uid);
}

int
meetings_csv_read(const struct csv_table *t, const char *name,
    const struct catalog *cat, struct csv_meeting **out, size_t *count,
    struct error *err)
{
	const struct csv_record	*h;
	struct csv_meeting	*v;
	int			 map[COL_COUNT];
	size_t			 i, first, n = 0;
	int			 j, k, nerrors = 0;

	*out = NULL;
	*count = 0;
	error_clear(err);
	if (t->count == 0)
		return error_set(err, ERROR_INPUT, _("%s: empty file; "
		    "expected a header line"), name);
	if ((first = header_index(t)) == t->count)
		return error_set(err, ERROR_INPUT, _("%s: no header line"),
		    name);
	h = &t->records[first];
	for (j = 0; j < COL_COUNT; j++)
		map[j] = -1;
	for (i = 0; i < h->count; i++) {
		for (k = 0; k < COL_COUNT; k++)
			if (strcmp(h->fields[i], column_names[k]) == 0)
				break;
		if (k == COL_COUNT)
			return error_set(err, ERROR_INPUT, _("%s:%ld: unknown "
			    "column '%s' in the header (expected id,uid,date,"
			    "start,end,center,type,mode,status,cases,venue,"
			    "url,note,window)"), name, h->line, h->fields[i]);
		if (map[k] != -1)
			return error_set(err, ERROR_INPUT, _("%s:%ld: column "
			    "'%s' twice in the header"), name, h->line,
			    h->fields[i]);
		map[k] = (int)i;
	}
	if (map[COL_DATE] == -1 || map[COL_TYPE] == -1)
		return error_set(err, ERROR_INPUT, _("%s:%ld: the header needs "
		    "at least the columns date and type"), name, h->line);
	v = xcalloc(t->count, sizeof *v);
	for (i = first + 1; i < t->count; i++) {
		const struct csv_record	*r = &t->records[i];

		if (is_blank(r))
			continue;
		if (r->count != h->count) {
			char	why[128];

			snprintf(why, sizeof why, _("%zu fields, but the "
			    "header has %zu"), r->count, h->count);
			report(err, &nerrors, name, r->line, NULL, why);
			continue;
		}
		if (read_record(r, map, name, cat, &v[n], err, &nerrors) == 0)
			n++;
		else
			meeting_clear(&v[n].meeting);
	}
	if (nerrors == 0)
		check_duplicate_uids(v, n, name, err, &nerrors);
	if (nerrors > 0) {
		size_t	len = strlen(err->msg);

		if (nerrors > MAX_REPORTED)
			snprintf(err->msg + len, sizeof err->msg - len,
			    _("\n%s: %d more problems not shown"), name,
			    nerrors - MAX_REPORTED);
		err->kind = ERROR_INPUT;
		csv_meetings_free(v, n);
		return -1;
	}
	*out = v;
	*count = n;
	return 0;
}

void
csv_meetings_free(struct csv_meeting *v, size_t n)
{
	size_t	i;

	for (i = 0; i < n; i++)
		meeting_clear(&v[i].meeting);
	free(v);
}
