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

static int	list_exec(struct cli *, int, char **);

const struct command cmd_list = {
	"list",
	"list [--from D] [--to D] [--fy Y] [--center NAME] [--type CODE] "
	"[--mode M] [--status S] [--format text|csv]",
	N_("list meetings in date order"),
	list_exec
};

static const char list_help[] = N_(
"Options:\n"
"  --from D, --to D   first and last date (2021-07-29, 令和3年7月29日, "
"R3.7.29)\n"
"  --fy Y             one fiscal year (2021, R3, 令和3年度)\n"
"  --center NAME      one center\n"
"  --type CODE        one meeting type (see 'carecal type list')\n"
"  --mode M           in-person, hybrid or online\n"
"  --status S         planned, held or cancelled\n"
"  --format F         text (default) or csv: id,uid,date,start,end,"
"center,type,\n"
"                     mode,status,cases,venue,url,note\n");

enum { COL_ID, COL_DATE, COL_TIME, COL_CENTER, COL_TYPE, COL_MODE,
    COL_STATUS, COL_CASES, COL_VENUE, NCOLS };

/*
 * The text table: one pass over the store, each row's cells kept in one
 * growing buffer (about 150 bytes a meeting) with their display widths,
 * then printed once the columns are measured. A second query to print
 * would double the work and could see other rows than the first, if
 * someone changed the plan in between.
 */
struct table {
	const struct catalog	*cat;
	int			 width[NCOLS];
	char			*text;	/* the cells, each ending in NUL */
	size_t			 len, size;
	unsigned short		*cell_width;	/* NCOLS a row */
	size_t			 count, rows;
};

static void
add_cell(struct table *t, int c, const char *cell)
{
	size_t	n = strlen(cell) + 1;
	int	w = text_width(cell);

	while (t->len + n > t->size) {
		t->size = t->size == 0 ? 1 << 16 : t->size * 2;
		t->text = xreallocarray(t->text, t->size, 1);
	}
	memcpy(t->text + t->len, cell, n);
	t->len += n;
	if (w > USHRT_MAX)
		w = USHRT_MAX;
	t->cell_width[t->count * NCOLS + c] = (unsigned short)w;
	if (w > t->width[c])
		t->width[c] = w;
}

static int
table_row(struct meeting *m, void *arg)
{
	struct table			*t = arg;
	const struct center		*c = catalog_center_by_id(t->cat,
					    m->center_id);
	const struct meeting_type	*type = catalog_type_by_id(t->cat,
					    m->type_id);
	char				 buf[DATE_JA_LEN], t1[TIME_LEN];
	char				 t2[TIME_LEN];

	if (t->count == t->rows) {
		t->rows = t->rows == 0 ? 1024 : t->rows * 2;
		t->cell_width = xreallocarray(t->cell_width, t->rows,
		    NCOLS * sizeof *t->cell_width);
	}
	snprintf(buf, sizeof buf, "%ld", m->id);
	add_cell(t, COL_ID, buf);
	date_format_japanese(m->date, buf, sizeof buf);
	add_cell(t, COL_DATE, buf);
	if (m->start < 0)
		add_cell(t, COL_TIME, _("all day"));
	else {
		time_format(m->start, t1, sizeof t1);
		if (m->end < 0)
			add_cell(t, COL_TIME, t1);
		else {
			time_format(m->end, t2, sizeof t2);
			snprintf(buf, sizeof buf, "%s-%s", t1, t2);
			add_cell(t, COL_TIME, buf);
		}
	}
	add_cell(t, COL_CENTER, c != NULL ? c->name : "-");
	add_cell(t, COL_TYPE, type != NULL ? type->name : "?");
	add_cell(t, COL_MODE, meeting_mode_label(m->mode));
	add_cell(t, COL_STATUS, meeting_status_label(m->status));
	if (m->cases >= 0)
		snprintf(buf, sizeof buf, "%d", m->cases);
	else
		buf[0] = '\0';
	add_cell(t, COL_CASES, buf);
	add_cell(t, COL_VENUE, m->venue != NULL ? m->venue : "");
	t->count++;
	return 0;
}

static void
pad(int n)
{
	for (; n > 0; n--)
		putchar(' ');
}

/* Cells: NCOLS strings one after the other; widths: theirs. */
static void
print_row(const char *cells, const unsigned short *widths,
    const int *width)
{
	const char	*cell[NCOLS];
	int		 c, last;

	for (c = 0; c < NCOLS; c++) {
		cell[c] = cells;
		cells += strlen(cells) + 1;
	}
	/* stop after the last non-empty cell: no trailing blanks */
	for (last = NCOLS - 1; last > 0 && cell[last][0] == '\0'; last--)
		;
	for (c = 0; c <= last; c++) {
		if (c > 0)
			fputs("  ", stdout);
		if (c == COL_ID || c == COL_CASES)
			pad(width[c] - widths[c]);
		fputs(cell[c], stdout);
		if (c != last && c != COL_ID && c != COL_CASES)
			pad(width[c] - widths[c]);
	}
	putchar('\n');
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
	const char	*p;
	size_t		 i;
	int		 c;

	memset(&t, 0, sizeof t);
	t.cat = cat;
	for (c = 0; c < NCOLS; c++)
		header_width[c] = (unsigned short)(t.width[c] =
		    text_width(header[c]));
	if (store_meetings_each(store, f, table_row, &t, err) == -1) {
		free(t.text);
		free(t.cell_width);
		return -1;
	}
	/* the header is padded to the last column, as it always was */
	for (c = 0; c < NCOLS; c++) {
		if (c == COL_ID || c == COL_CASES)
			pad(t.width[c] - header_width[c]);
		fputs(header[c], stdout);
		if (c == NCOLS - 1)
			putchar('\n');
		else {
			if (c != COL_ID && c != COL_CASES)
				pad(t.width[c] - header_width[c]);
			fputs("  ", stdout);
		}
	}
	for (i = 0, p = t.text; i < t.count; i++) {
		print_row(p, t.cell_width + i * NCOLS, t.width);
		for (c = 0; c < NCOLS; c++)
			p += strlen(p) + 1;
	}
	printf(ngettext("%zu meeting\n", "%zu meetings\n", t.count),
	    t.count);
	free(t.text);
	free(t.cell_width);
	return 0;
}

static int
csv_row(struct meeting *m, void *arg)
{
	meetings_csv_write(stdout, m, arg);
	return 0;
}

static int
list_exec(struct cli *cli, int argc, char **argv)
{
	static const struct option options[] = {
		{ "from",	required_argument, NULL, 'f' },
		{ "to",		required_argument, NULL, 't' },
		{ "fy",		required_argument, NULL, 'y' },
		{ "center",	required_argument, NULL, 'C' },
		{ "type",	required_argument, NULL, 'T' },
		{ "mode",	required_argument, NULL, 'm' },
		{ "status",	required_argument, NULL, 'S' },
		{ "format",	required_argument, NULL, 'F' },
		{ "help",	no_argument, NULL, 'h' },
		{ NULL, 0, NULL, 0 }
	};
	struct meeting_filter	 filter;
	struct error		 err;
	const char		*format = "text";
	size_t			 i;
	int			 opt, nopts = 0;
	struct {
		int		 opt;
		const char	*arg;
	}			 given[32];

	meeting_filter_init(&filter);
	/* options are read first, applied once the catalog is open */
	while ((opt = cli_getopt(argc, argv, "", options)) != -1) {
		switch (opt) {
		case 'h':
			return cli_help(&cmd_list, list_help);
		case 'F':
			format = optarg;
			break;
		case '?':
		case ':':
			return cli_usage_error(&cmd_list, _("unknown option or "
			    "missing value: %s"), argv[optind - 1]);
		default:
			if (nopts == 32)
				return cli_usage_error(&cmd_list,
				    _("too many options"));
			given[nopts].opt = opt;
			given[nopts++].arg = optarg;
		}
	}
	if (optind != argc)
		return cli_usage_error(&cmd_list, _("unexpected argument "
		    "'%s'"), argv[optind]);
	if (strcmp(format, "text") != 0 && strcmp(format, "csv") != 0)
		return cli_usage_error(&cmd_list, _("--format: '%s' is not "
		    "text or csv"), format);
	if (cli_open(cli, &err) == -1)
		return cli_fail(&err);
	for (i = 0; i < (size_t)nopts; i++)
		if (cli_filter_option(cli, given[i].opt, given[i].arg, &filter,
		    &err) == -1)
			return cli_fail(&err);
	if (strcmp(format, "csv") == 0) {
		meetings_csv_write_header(stdout);
		if (store_meetings_each(cli->store, &filter, csv_row,
		    &cli->catalog, &err) == -1)
			return cli_fail(&err);
	} else if (print_text(cli->store, &filter, &cli->catalog,
	    &err) == -1)
		return cli_fail(&err);
	return 0;
}
