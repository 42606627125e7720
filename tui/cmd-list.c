/*
 * cmd-list.c -- `carecal list`: meetings as an aligned Japanese table or
 * as CSV (the import format).
 */
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

struct row {
	char	*cell[NCOLS];
};

static void
fill_row(struct row *r, const struct meeting *m, const struct catalog *cat)
{
	const struct center		*c = catalog_center_by_id(cat,
					    m->center_id);
	const struct meeting_type	*t = catalog_type_by_id(cat,
					    m->type_id);
	char				 buf[DATE_JA_LEN], t1[TIME_LEN];
	char				 t2[TIME_LEN];

	snprintf(buf, sizeof buf, "%ld", m->id);
	r->cell[COL_ID] = xstrdup(buf);
	date_format_japanese(m->date, buf, sizeof buf);
	r->cell[COL_DATE] = xstrdup(buf);
	if (m->start < 0)
		snprintf(buf, sizeof buf, "%s", _("all day"));
	else {
		time_format(m->start, t1, sizeof t1);
		if (m->end < 0)
			snprintf(buf, sizeof buf, "%s", t1);
		else {
			time_format(m->end, t2, sizeof t2);
			snprintf(buf, sizeof buf, "%s-%s", t1, t2);
		}
	}
	r->cell[COL_TIME] = xstrdup(buf);
	r->cell[COL_CENTER] = xstrdup(c != NULL ? c->name : "-");
	r->cell[COL_TYPE] = xstrdup(t != NULL ? t->name : "?");
	r->cell[COL_MODE] = xstrdup(meeting_mode_label(m->mode));
	r->cell[COL_STATUS] = xstrdup(meeting_status_label(m->status));
	if (m->cases >= 0)
		snprintf(buf, sizeof buf, "%d", m->cases);
	else
		buf[0] = '\0';
	r->cell[COL_CASES] = xstrdup(buf);
	r->cell[COL_VENUE] = xstrdup(m->venue != NULL ? m->venue : "");
}

/*
 * The text table is printed in two passes over the store, one to measure
 * the columns and one to print, so that no list of every meeting is ever
 * held: memory stays flat however many there are.
 */
struct table {
	const struct catalog	*cat;
	int			 width[NCOLS];
	int			 printing;
	size_t			 count;
};

static void
print_cell(const char *cell, int c, int width, int last)
{
	if (c == COL_ID || c == COL_CASES)
		text_print_right(stdout, cell, width);
	else if (c == last)
		fputs(cell, stdout);
	else
		text_print_padded(stdout, cell, width);
}

static int
table_row(struct meeting *m, void *arg)
{
	struct table	*t = arg;
	struct row	 r;
	int		 c, w, last;

	fill_row(&r, m, t->cat);
	if (!t->printing) {
		for (c = 0; c < NCOLS; c++)
			if ((w = text_width(r.cell[c])) > t->width[c])
				t->width[c] = w;
	} else {
		/* stop after the last non-empty cell: no trailing blanks */
		for (last = NCOLS - 1; last > 0 && r.cell[last][0] == '\0';
		    last--)
			;
		for (c = 0; c <= last; c++) {
			if (c > 0)
				fputs("  ", stdout);
			print_cell(r.cell[c], c, t->width[c], last);
		}
		fputc('\n', stdout);
	}
	for (c = 0; c < NCOLS; c++)
		free(r.cell[c]);
	t->count++;
	return 0;
}

static int
print_text(struct store *store, const struct meeting_filter *f,
    const struct catalog *cat, struct error *err)
{
	const char	*header[NCOLS] = { _("ID"), _("Date"), _("Time"),
			    _("Center"), _("Type"), _("Mode"), _("Status"),
			    _("Cases"), _("Venue") };
	struct table	 t;
	int		 c;

	memset(&t, 0, sizeof t);
	t.cat = cat;
	for (c = 0; c < NCOLS; c++)
		t.width[c] = text_width(header[c]);
	if (store_meetings_each(store, f, table_row, &t, err) == -1)
		return -1;
	for (c = 0; c < NCOLS; c++) {
		print_cell(header[c], c, t.width[c], NCOLS - 1);
		fputs(c == NCOLS - 1 ? "\n" : "  ", stdout);
	}
	t.printing = 1;
	t.count = 0;
	if (store_meetings_each(store, f, table_row, &t, err) == -1)
		return -1;
	printf(ngettext("%zu meeting\n", "%zu meetings\n", t.count),
	    t.count);
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
