/*
 * cmd-list.c -- `carecal list`: meetings as an aligned Japanese table or
 * as CSV (the import format).
 */
#include <limits.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "alloc.h"
#include "cmd.h"
#include "i18n.h"
#include "meetings-csv.h"
#include "text.h"

static int	list_check(struct cli *, struct args *);
static int	list_exec(struct cli *, struct args *);

static const char list_help[] = N_(
"Options:\n"
"  --from D, --to D   first and last date (2021-07-29, 令和3年7月29日, "
"R3.7.29)\n"
"  --fy Y             one fiscal year (2021, R3, 令和3年度)\n"
"  --center NAME      one center: its name, or the start of it that fits\n"
"                     no other center\n"
"  --type TYPE        one meeting type: its code, name or short name\n"
"                     (kobetsu, 地域個別ケア会議, 個別; 'carecal type list')\n"
"  --mode M           in-person (対面), hybrid (一部オンライン) or online\n"
"  --status S         planned (予定), held (実施済) or cancelled (中止)\n"
"  --advisor NAME     the meetings an advisor is booked for\n"
"  --format F         text (default) or csv: id,uid,date,start,end,"
"center,type,\n"
"                     mode,status,cases,venue,url,note\n");

static const struct cmd_option list_options[] = {
	{ "from",	CMD_VALUE,	'f' },
	{ "to",		CMD_VALUE,	't' },
	{ "fy",		CMD_VALUE,	'y' },
	{ "center",	CMD_VALUE,	'C' },
	{ "type",	CMD_VALUE,	'T' },
	{ "mode",	CMD_VALUE,	'm' },
	{ "status",	CMD_VALUE,	'S' },
	{ "advisor",	CMD_VALUE,	'A' },
	{ "format",	CMD_VALUE,	'F' },
	{ NULL, 0, 0 }
};

const struct cmd_entry cmd_list_entry = {
	.name = "list",
	.usage = "list [--from D] [--to D] [--fy Y] [--center NAME] "
	    "[--type TYPE] [--mode M] [--status S] [--advisor NAME] "
	    "[--format text|csv]",
	.summary = N_("list meetings in date order"),
	.help = list_help,
	.options = list_options,
	.args = { 0, 0, NULL, NULL },
	.flags = CMD_STORE,
	.check = list_check,
	.exec = list_exec
};

enum { COL_ID, COL_DATE, COL_TIME, COL_CENTER, COL_TYPE, COL_MODE,
    COL_STATUS, COL_CASES, COL_VENUE, NCOLS };

/*
 * The text table: one pass over the store, each row's cells kept in one
 * growing buffer (about 150 bytes a meeting) with their display widths,
 * then printed once the columns are measured. A second query to print
 * would double the work and could see other rows than the first, if
 * someone changed the plan in between.
 *
 * A row costs little besides the store's work: the names of centers and
 * types, the labels and the dates repeat from row to row, so their
 * widths are measured once (text_width was 58 M of the 359 M
 * instructions of 10,000 rows), and the numbers are written by hand
 * (snprintf was 62 M of them).
 */
struct table {
	const struct catalog	*cat;
	int			 width[NCOLS];
	char			*text;	/* the cells, each ending in NUL */
	size_t			 len, size;
	unsigned short		*cell_width;	/* NCOLS a row */
	size_t			 count, rows;
	size_t			 longest;	/* bytes of the longest row */

	/* widths measured once; -1 until then */
	int			*center_width;	/* as cat->centers */
	int			*type_width;	/* as cat->types */
	int			 mode_width[MODE_COUNT];
	int			 status_width[STATUS_COUNT];
	const char		*all_day;	/* translated once */
	int			 all_day_width;

	/* the last date written: rows come in date order */
	int			 has_date;
	struct date		 date;
	char			 date_text[DATE_JA_LEN];
	size_t			 date_len;
	int			 date_width;
};

static void
table_init(struct table *t, const struct catalog *cat)
{
	size_t	i;
	int	c;

	memset(t, 0, sizeof *t);
	t->cat = cat;
	t->center_width = xcalloc(cat->ncenters + 1,
	    sizeof *t->center_width);
	for (i = 0; i < cat->ncenters; i++)
		t->center_width[i] = -1;
	t->type_width = xcalloc(cat->ntypes + 1, sizeof *t->type_width);
	for (i = 0; i < cat->ntypes; i++)
		t->type_width[i] = -1;
	for (c = 0; c < MODE_COUNT; c++)
		t->mode_width[c] = text_width(meeting_mode_label(c));
	for (c = 0; c < STATUS_COUNT; c++)
		t->status_width[c] = text_width(meeting_status_label(c));
	t->all_day = _("all day");
	t->all_day_width = text_width(t->all_day);
}

static void
table_free(struct table *t)
{
	free(t->text);
	free(t->cell_width);
	free(t->center_width);
	free(t->type_width);
}

/* Cell c of the row being added: n bytes of text, w columns wide. */
static void
add_cell(struct table *t, int c, const char *cell, size_t n, int w)
{
	while (t->len + n + 1 > t->size) {
		t->size = t->size == 0 ? 1 << 16 : t->size * 2;
		t->text = xreallocarray(t->text, t->size, 1);
	}
	memcpy(t->text + t->len, cell, n);
	t->text[t->len + n] = '\0';
	t->len += n + 1;
	if (w > USHRT_MAX)
		w = USHRT_MAX;
	t->cell_width[t->count * NCOLS + (size_t)c] = (unsigned short)w;
	if (w > t->width[c])
		t->width[c] = w;
}

/* A cell of ASCII digits and punctuation: as wide as it is long. */
static void
add_ascii_cell(struct table *t, int c, const char *s)
{
	size_t	n = strlen(s);

	add_cell(t, c, s, n, (int)n);
}

/*
 * A string whose width is kept in *width (-1: not yet measured), or is
 * measured each time when width is NULL.
 */
static void
add_known_cell(struct table *t, int c, const char *s, int *width)
{
	int	w;

	if (width == NULL)
		w = text_width(s);
	else {
		if (*width < 0)
			*width = text_width(s);
		w = *width;
	}
	add_cell(t, c, s, strlen(s), w);
}

static int
table_row(struct meeting *m, void *arg)
{
	struct table			*t = arg;
	const struct center		*c = catalog_center_by_id(t->cat,
					    m->center_id);
	const struct meeting_type	*type = catalog_type_by_id(t->cat,
					    m->type_id);
	const char			*s;
	char				 buf[64], t1[TIME_LEN];
	char				 t2[TIME_LEN];
	size_t				 row_start = t->len;

	if (t->count == t->rows) {
		t->rows = t->rows == 0 ? 1024 : t->rows * 2;
		t->cell_width = xreallocarray(t->cell_width, t->rows,
		    NCOLS * sizeof *t->cell_width);
	}
	snprintf(buf, sizeof buf, "%ld", m->id);
	add_ascii_cell(t, COL_ID, buf);

	if (!t->has_date || date_compare(m->date, t->date) != 0) {
		date_format_japanese(m->date, t->date_text,
		    sizeof t->date_text);
		t->date_len = strlen(t->date_text);
		t->date_width = text_width(t->date_text);
		t->date = m->date;
		t->has_date = 1;
	}
	add_cell(t, COL_DATE, t->date_text, t->date_len, t->date_width);

	if (m->start < 0)
		add_known_cell(t, COL_TIME, t->all_day, &t->all_day_width);
	else {
		time_format(m->start, t1, sizeof t1);
		if (m->end >= 0) {
			time_format(m->end, t2, sizeof t2);
			snprintf(buf, sizeof buf, "%s-%s", t1, t2);
		} else
			snprintf(buf, sizeof buf, "%s", t1);
		add_ascii_cell(t, COL_TIME, buf);
	}

	/* "-" and "?" (no center, unknown ids) are rare: measured each time */
	add_known_cell(t, COL_CENTER, c != NULL ? c->name : "-",
	    c != NULL ? &t->center_width[c - t->cat->centers] : NULL);
	add_known_cell(t, COL_TYPE, type != NULL ? type->name : "?",
	    type != NULL ? &t->type_width[type - t->cat->types] : NULL);
	add_known_cell(t, COL_MODE, meeting_mode_label(m->mode),
	    (unsigned)m->mode < MODE_COUNT ? &t->mode_width[m->mode] : NULL);
	add_known_cell(t, COL_STATUS, meeting_status_label(m->status),
	    (unsigned)m->status < STATUS_COUNT ?
	    &t->status_width[m->status] : NULL);

	buf[0] = '\0';
	if (m->cases >= 0)
		snprintf(buf, sizeof buf, "%d", m->cases);
	add_ascii_cell(t, COL_CASES, buf);

	/*
	 * The venue is the last column, never padded, so its width is never
	 * used: not measured (it was a third of text_width's work).
	 */
	s = m->venue != NULL ? m->venue : "";
	add_cell(t, COL_VENUE, s, strlen(s), 0);

	if (t->len - row_start > t->longest)
		t->longest = t->len - row_start;
	t->count++;
	return 0;
}

/*
 * One line into out, which has room for the cells, the widths' blanks
 * and the gaps: numbers right-aligned, the others padded, nothing after
 * the last cell (a row stops after its last non-empty one). Widths: the
 * cells'. Returns the end of the line, after its newline. Written in
 * memory and printed at once: a putchar a blank and an fputs a cell were
 * a tenth of `carecal list`.
 */
static char *
format_line(char *out, const char *const *cell, const size_t *len,
    const unsigned short *widths, const int *width, int last)
{
	int	c, pad;

	for (c = 0; c <= last; c++) {
		pad = width[c] - widths[c];
		if (c > 0) {
			memcpy(out, "  ", 2);
			out += 2;
		}
		if ((c == COL_ID || c == COL_CASES) && pad > 0) {
			memset(out, ' ', (size_t)pad);
			out += pad;
		}
		memcpy(out, cell[c], len[c]);
		out += len[c];
		if (c != last && c != COL_ID && c != COL_CASES && pad > 0) {
			memset(out, ' ', (size_t)pad);
			out += pad;
		}
	}
	*out++ = '\n';
	return out;
}

static int
print_text(struct store *store, const struct meeting_filter *f,
    const struct catalog *cat, struct error *err)
{
	const char	*header[NCOLS] = { _("ID"), _("Date"), _("Time"),
			    _("Center"), _("Type"), _("Mode"), _("Status"),
			    _("Cases"), _("Venue") };
	unsigned short	 header_width[NCOLS];
	struct table	 t;
	const char	*p, *cell[NCOLS];
	char		*line, *end;
	size_t		 i, size, len[NCOLS], header_len = 0;
	int		 c, last;

	table_init(&t, cat);
	for (c = 0; c < NCOLS; c++) {
		header_width[c] = (unsigned short)(t.width[c] =
		    text_width(header[c]));
		len[c] = strlen(header[c]);
		header_len += len[c] + 1;
	}
	if (store_meetings_each(store, f, table_row, &t, err) == -1) {
		table_free(&t);
		return -1;
	}

	/* a line holds any row: its bytes, its blanks, the gaps, '\n' */
	size = (header_len > t.longest ? header_len : t.longest) +
	    2 * NCOLS + 1;
	for (c = 0; c < NCOLS; c++)
		size += (size_t)t.width[c];
	line = xmalloc(size);

	/* the header is padded to the last column, as it always was */
	end = format_line(line, header, len, header_width, t.width,
	    NCOLS - 1);
	fwrite(line, 1, (size_t)(end - line), stdout);
	for (i = 0, p = t.text; i < t.count; i++) {
		for (c = 0; c < NCOLS; c++) {
			cell[c] = p;
			len[c] = strlen(p);
			p += len[c] + 1;
		}
		for (last = NCOLS - 1; last > 0 && len[last] == 0; last--)
			;
		end = format_line(line, cell, len, t.cell_width + i * NCOLS,
		    t.width, last);
		fwrite(line, 1, (size_t)(end - line), stdout);
	}
	printf(ngettext("%zu meeting\n", "%zu meetings\n", t.count),
	    t.count);
	free(line);
	table_free(&t);
	return 0;
}

static int
csv_row(struct meeting *m, void *arg)
{
	meetings_csv_write(stdout, m, arg);
	return 0;
}

static int
list_check(struct cli *cli, struct args *args)
{
	const char	*format = args_get(args, 'F');

	if (format != NULL && strcmp(format, "text") != 0 &&
	    strcmp(format, "csv") != 0)
		return cli_usage_error(cli, _("--format: '%s' is not text or "
		    "csv"), format);
	return 0;
}

static int
list_exec(struct cli *cli, struct args *args)
{
	struct meeting_filter	 filter;
	struct error		 err;
	const char		*format = args_get(args, 'F');
	size_t			 i;

	meeting_filter_init(&filter);
	/* in the order given, now that the catalog is open */
	for (i = 0; i < args->noptions; i++)
		if (args->options[i].id != 'F' && cli_filter_option(cli,
		    args->options[i].id, args->options[i].value, &filter,
		    &err) == -1)
			return cli_fail(&err);
	if (format != NULL && strcmp(format, "csv") == 0) {
		meetings_csv_write_header(stdout);
		if (store_meetings_each(cli->store, &filter, csv_row,
		    &cli->catalog, &err) == -1)
			return cli_fail(&err);
	} else {
		/* the table shows no text but the venue: not read */
		filter.fields = MEETING_FIELDS_SHOWN;
		if (print_text(cli->store, &filter, &cli->catalog,
		    &err) == -1)
			return cli_fail(&err);
	}
	return 0;
}
