/*
 * meetings-csv.c -- meetings to and from CSV records.
 */
#include <search.h>
#include <stdlib.h>
#include <string.h>

#include "alloc.h"
#include "i18n.h"
#include "meetings-csv.h"
#include "text.h"

enum column {
	COL_ID, COL_UID, COL_DATE, COL_START, COL_END, COL_CENTER, COL_TYPE,
	COL_MODE, COL_STATUS, COL_CASES, COL_VENUE, COL_URL, COL_NOTE,
	COL_WINDOW, COL_VERSION, COL_COUNT
};
_Static_assert(COL_COUNT == MEETINGS_CSV_COLUMNS, "the columns of a file");
/* `list` writes the first 13 and version, last; window is only read. */
#define COL_WRITTEN	COL_WINDOW

static const char *column_names[COL_COUNT] = {
	"id", "uid", "date", "start", "end", "center", "type", "mode",
	"status", "cases", "venue", "url", "note", "window", "version"
};

#define MAX_REPORTED	20

void
meetings_csv_write_header(FILE *fp)
{
	int	i;

	for (i = 0; i < COL_WRITTEN; i++)
		fprintf(fp, "%s%s", i > 0 ? "," : "", column_names[i]);
	fprintf(fp, ",%s\r\n", column_names[COL_VERSION]);
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
	fputc(',', fp);
	if (m->version > 0)
		fprintf(fp, "%ld", m->version);
	fputs("\r\n", fp);
}

/* Append one problem to the report in err. */
static void
report(struct error *err, int *nerrors, const char *name, long line,
    const char *field, const char *why)
{
	size_t	len = strlen(err->msg);
	char	shown[256];

	(*nerrors)++;
	if (*nerrors > MAX_REPORTED)
		return;
	/* why is escaped already (error_set); the file's name is anyone's */
	snprintf(err->msg + len, sizeof err->msg - len, "%s%s:%ld: %s%s%s",
	    len > 0 ? "\n" : "", error_escape(name, shown, sizeof shown),
	    line, field != NULL ? field : "", field != NULL ? ": " : "", why);
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

	/* a cell `list` wrote as '=... reads back as =... */
	for (i = 0; i < COL_COUNT; i++)
		v[i] = map[i] >= 0 && (size_t)map[i] < r->count ?
		    csv_field_value(r->fields[map[i]]) : "";
	meeting_init(m);
	out->line = r->line;
	out->id = strtol(v[COL_ID], &end, 10);
	if (*end != '\0')
		report(err, nerrors, name, r->line, "id",
		    _("not a number (leave it empty for a new meeting)"));
	m->uid = v[COL_UID][0] != '\0' ? xstrdup(v[COL_UID]) : NULL;
	if (m->uid != NULL && (strlen(m->uid) > MEETING_UID_MAX ||
	    strpbrk(m->uid, " \t") != NULL || text_has_control(m->uid, 0)))
		report(err, nerrors, name, r->line, "uid",
		    _("at most 255 bytes of printable characters without "
		    "spaces"));
	out->version = 0;
	if (v[COL_VERSION][0] != '\0' && ((out->version =
	    strtol(v[COL_VERSION], &end, 10)) <= 0 || *end != '\0'))
		report(err, nerrors, name, r->line, "version",
		    _("not a row version (a whole number above 0, as 'list "
		    "--format csv' writes it)"));
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
static int
is_comment(const struct csv_record *r)
{
	return r->count > 0 && r->fields[0][0] == '#';
}

static int
is_blank(const struct csv_record *r)
{
	return r->count == 1 && r->fields[0][0] == '\0';
}

static int
compare_uids(const void *a, const void *b)
{
	return strcmp(a, b);
}

/* 1 if uid came on an earlier line, else kept for the lines after. */
static int
seen_uid(struct meetings_csv *in, const char *uid)
{
	char	*copy = xstrdup(uid), **found;

	if ((found = tsearch(copy, &in->uids, compare_uids)) == NULL)
		alloc_failed();
	if (*found != copy) {
		free(copy);
		return 1;
	}
	return 0;
}

void
meetings_csv_begin(struct meetings_csv *in, const char *name,
    const struct catalog *cat, struct error *err)
{
	memset(in, 0, sizeof *in);
	in->name = name;
	in->cat = cat;
	in->err = err;
	error_clear(err);
}

static int
read_header(struct meetings_csv *in, const struct csv_record *h)
{
	size_t	i;
	int	j, k;

	for (j = 0; j < COL_COUNT; j++)
		in->map[j] = -1;
	for (i = 0; i < h->count; i++) {
		for (k = 0; k < COL_COUNT; k++)
			if (strcmp(h->fields[i], column_names[k]) == 0)
				break;
		if (k == COL_COUNT)
			return error_set(in->err, ERROR_INPUT, _("%s:%ld: "
			    "unknown column '%s' in the header (expected id,"
			    "uid,date,start,end,center,type,mode,status,cases,"
			    "venue,url,note,version,window)"), in->name,
			    h->line, h->fields[i]);
		if (in->map[k] != -1)
			return error_set(in->err, ERROR_INPUT, _("%s:%ld: "
			    "column '%s' twice in the header"), in->name,
			    h->line, h->fields[i]);
		in->map[k] = (int)i;
	}
	if (in->map[COL_DATE] == -1 || in->map[COL_TYPE] == -1)
		return error_set(in->err, ERROR_INPUT, _("%s:%ld: the header "
		    "needs at least the columns date and type"), in->name,
		    h->line);
	in->columns = h->count;
	in->has_header = 1;
	in->has_window = in->map[COL_WINDOW] != -1;
	in->has_version = in->map[COL_VERSION] != -1;
	return 0;
}

int
meetings_csv_feed(struct meetings_csv *in, const struct csv_record *r,
    struct csv_meeting *out)
{
	char	why[128];

	in->records++;
	if (!in->has_header) {
		if (is_comment(r))
			return 0;
		return read_header(in, r) == -1 ? -1 : 0;
	}
	if (is_blank(r))
		return 0;
	if (r->count != in->columns) {
		snprintf(why, sizeof why, _("%zu fields, but the header has "
		    "%zu"), r->count, in->columns);
		report(in->err, &in->nerrors, in->name, r->line, NULL, why);
		return 0;
	}
	if (read_record(r, in->map, in->name, in->cat, out, in->err,
	    &in->nerrors) == -1) {
		meeting_clear(&out->meeting);
		return 0;
	}
	if (out->meeting.uid != NULL && seen_uid(in, out->meeting.uid)) {
		report(in->err, &in->nerrors, in->name, r->line, "uid",
		    _("the same uid as an earlier line"));
		meeting_clear(&out->meeting);
		return 0;
	}
	return 1;
}

int
meetings_csv_end(struct meetings_csv *in)
{
	size_t	len;
	char	shown[256];

	if (in->records == 0)
		return error_set(in->err, ERROR_INPUT, _("%s: empty file; "
		    "expected a header line"), in->name);
	if (!in->has_header)
		return error_set(in->err, ERROR_INPUT, _("%s: no header "
		    "line"), in->name);
	if (in->nerrors == 0)
		return 0;
	len = strlen(in->err->msg);
	if (in->nerrors > MAX_REPORTED)
		snprintf(in->err->msg + len, sizeof in->err->msg - len,
		    _("\n%s: %d more problems not shown"),
		    error_escape(in->name, shown, sizeof shown),
		    in->nerrors - MAX_REPORTED);
	in->err->kind = ERROR_INPUT;
	return -1;
}

void
meetings_csv_free(struct meetings_csv *in)
{
	tdestroy(in->uids, free);
	in->uids = NULL;
}

int
meetings_csv_read(const struct csv_table *t, const char *name,
    const struct catalog *cat, struct csv_meeting **out, size_t *count,
    struct error *err)
{
	struct meetings_csv	 in;
	struct csv_meeting	*v;
	size_t			 i, n = 0;
	int			 rc = 0;

	*out = NULL;
	*count = 0;
	meetings_csv_begin(&in, name, cat, err);
	v = xcalloc(t->count + 1, sizeof *v);
	for (i = 0; i < t->count && rc != -1; i++)
		if ((rc = meetings_csv_feed(&in, &t->records[i], &v[n])) == 1)
			n++;
	if (rc != -1)
		rc = meetings_csv_end(&in);
	meetings_csv_free(&in);
	if (rc == -1) {
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
