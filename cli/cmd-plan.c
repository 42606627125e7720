/*
 * cmd-plan.c -- `carecal plan`: the draft of a fiscal year, printed for
 * review (text or CSV) or, with --apply, added as planned meetings with
 * their advisors' bookings in one action that one undo takes back.
 */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "alloc.h"
#include "cmd.h"
#include "csv.h"
#include "i18n.h"
#include "plan.h"
#include "store-plan.h"
#include "text.h"

static int	plan_check(struct cli *, struct args *);
static int	plan_exec(struct cli *, struct args *);

static const char plan_help[] = N_(
"Drafts the meetings of a fiscal year that are still missing, for each\n"
"center and type:\n"
"  how many     the type's yearly target, or last year's count kept\n"
"               within it; meetings already stored count\n"
"  when         last year's rhythm (the same month, the same nth\n"
"               weekday and time), else spread over the year by the\n"
"               type's cadence, on the weekday the type usually meets\n"
"  never        on a Saturday, Sunday, national holiday or closure day,\n"
"               nor clashing with another meeting of the center: such a\n"
"               day moves to the same weekday a week later or earlier,\n"
"               else the nearest working day of the month\n"
"  advisors     the professions the type summons, booked with free\n"
"               advisors, the fewest booked first\n"
"  windows      each city-level meeting's reporting window follows the\n"
"               previous one's\n"
"What could not be done is said in notes.\n"
"Options:\n"
"  --fy Y           the fiscal year to draft (2022, R4, 令和4年度)\n"
"  --like Y0        the fiscal year whose rhythm is followed (default:\n"
"                   the year before)\n"
"  --center NAME    only this center (may be given more than once; no\n"
"                   city-level meeting is drafted then)\n"
"  --format F       text (default) or csv:\n"
"                   date,start,end,center,type,mode,status,window,advisors\n"
"                   (the notes on standard error)\n"
"  --apply          add the draft as planned (予定) meetings with their\n"
"                   bookings, as one action: 'carecal undo' takes it back\n"
"Exit status: 0, 1 failure, 2 usage or input error.\n");

static const struct cmd_option plan_options[] = {
	{ "fy",		CMD_VALUE,	'y' },
	{ "like",	CMD_VALUE,	'l' },
	{ "center",	CMD_VALUE,	'C' },
	{ "format",	CMD_VALUE,	'F' },
	{ "apply",	0,		'a' },
	{ NULL, 0, 0 }
};

const struct cmd_entry cmd_plan_entry = {
	.name = "plan",
	.usage = "plan --fy Y [--like Y0] [--center NAME]... "
	    "[--format text|csv] [--apply]",
	.summary = N_("draft a fiscal year's meetings (and apply the draft)"),
	.help = plan_help,
	.options = plan_options,
	.args = { 0, 0, NULL, NULL },
	.flags = CMD_STORE,
	.check = plan_check,
	.exec = plan_exec
};

static int
years(const struct args *args, int *fy, int *like, struct error *err)
{
	const char	*like_arg = args_get(args, 'l');

	if (date_parse_fiscal_year(args_get(args, 'y'), fy, err) == -1) {
		error_prefix(err, "--fy: ");
		return -1;
	}
	*like = *fy - 1;
	if (like_arg != NULL &&
	    date_parse_fiscal_year(like_arg, like, err) == -1) {
		error_prefix(err, "--like: ");
		return -1;
	}
	return 0;
}

static int
plan_check(struct cli *cli, struct args *args)
{
	struct error	 err;
	const char	*format = args_get(args, 'F');
	int		 fy, like;

	if (args_get(args, 'y') == NULL)
		return cli_usage_error(cli, "%s", _("--fy: the fiscal year to "
		    "draft is needed"));
	if (format != NULL && strcmp(format, "text") != 0 &&
	    strcmp(format, "csv") != 0)
		return cli_usage_error(cli, _("--format: '%s' is not text or "
		    "csv"), format);
	if (years(args, &fy, &like, &err) == -1)
		return cli_fail(&err);
	if (like == fy)
		return cli_usage_error(cli, "%s", _("--like: another fiscal "
		    "year than --fy is needed"));
	return 0;
}

/* The centers of every --center, in the order given. */
static int
centers_of(struct cli *cli, const struct args *args, long **ids,
    size_t *n, struct error *err)
{
	const struct center	*c;
	size_t			 i;

	*ids = xcalloc(args->noptions + 1, sizeof **ids);
	*n = 0;
	for (i = 0; i < args->noptions; i++) {
		if (args->options[i].id != 'C')
			continue;
		if (catalog_match_center(&cli->catalog,
		    args->options[i].value, &c, err) == -1) {
			error_prefix(err, "--center: ");
			return -1;
		}
		(*ids)[(*n)++] = c->id;
	}
	return 0;
}

/* "明第1 自立" or "市": whom a note is about. */
static void
note_subject(const struct catalog *cat, const struct plan_note *n,
    char *buf, size_t size)
{
	const struct center		*c = catalog_center_by_id(cat,
					    n->center_id);
	const struct meeting_type	*t = catalog_type_by_id(cat,
					    n->type_id);
	const char			*type = t == NULL ? "?" :
					    t->short_name != NULL ?
					    t->short_name : t->name;

	if (c != NULL)
		snprintf(buf, size, "%s %s", c->name, type);
	else
		snprintf(buf, size, "%s", type);
}

/* The advisors booked for draft id: "name, name", from *at on. */
static void
advisors_of(const struct plan *p, const struct advisor_list *advisors,
    long id, size_t *at, char *buf, size_t size)
{
	const struct advisor	*a;
	size_t			 len = 0;

	buf[0] = '\0';
	while (*at < p->nbookings && p->bookings[*at].meeting_id > id)
		(*at)++;
	for (; *at < p->nbookings && p->bookings[*at].meeting_id == id;
	    (*at)++) {
		a = advisor_list_by_id(advisors, p->bookings[*at].advisor_id);
		if (a == NULL || len + strlen(a->name) + 3 >= size)
			continue;
		len += (size_t)snprintf(buf + len, size - len, "%s%s",
		    len > 0 ? ", " : "", a->name);
	}
}

static void
time_of(const struct meeting *m, char *buf, size_t size)
{
	char	from[TIME_LEN], to[TIME_LEN];

	if (m->start < 0) {
		snprintf(buf, size, "%s", _("all day"));
		return;
	}
	time_format(m->start, from, sizeof from);
	if (m->end < 0) {
		snprintf(buf, size, "%s", from);
		return;
	}
	time_format(m->end, to, sizeof to);
	snprintf(buf, size, "%s-%s", from, to);
}

enum { COL_DATE, COL_TIME, COL_CENTER, COL_TYPE, COL_MODE, COL_ADVISORS,
    NCOLS };

static void
print_text(const struct catalog *cat, const struct plan *p,
    const struct advisor_list *advisors, int fy)
{
	const struct meeting		*m;
	const struct center		*c;
	const struct meeting_type	*t;
	char				*(*rows)[NCOLS], buf[1024];
	char				 year[32];
	int				 width[NCOLS], w, col;
	size_t				 i, n = p->meetings.count, at = 0;

	date_format_fiscal_year(fy, year, sizeof year);
	printf(ngettext("Draft plan of %s: %zu meeting to add\n",
	    "Draft plan of %s: %zu meetings to add\n", n), year, n);
	rows = xreallocarray(NULL, n + 1, sizeof *rows);
	rows[0][COL_DATE] = xstrdup(_("Date"));
	rows[0][COL_TIME] = xstrdup(_("Time"));
	rows[0][COL_CENTER] = xstrdup(_("Center"));
	rows[0][COL_TYPE] = xstrdup(_("Type"));
	rows[0][COL_MODE] = xstrdup(_("Mode"));
	rows[0][COL_ADVISORS] = xstrdup(_("Advisors"));
	for (i = 0; i < n; i++) {
		m = &p->meetings.items[i];
		c = catalog_center_by_id(cat, m->center_id);
		t = catalog_type_by_id(cat, m->type_id);
		date_format_japanese(m->date, buf, sizeof buf);
		rows[i + 1][COL_DATE] = xstrdup(buf);
		time_of(m, buf, sizeof buf);
		rows[i + 1][COL_TIME] = xstrdup(buf);
		rows[i + 1][COL_CENTER] = xstrdup(c != NULL ? c->name : "-");
		rows[i + 1][COL_TYPE] = xstrdup(t != NULL ? t->name : "?");
		rows[i + 1][COL_MODE] = xstrdup(meeting_mode_label(m->mode));
		advisors_of(p, advisors, m->id, &at, buf, sizeof buf);
		rows[i + 1][COL_ADVISORS] = xstrdup(buf);
	}
	memset(width, 0, sizeof width);
	for (i = 0; i <= n; i++)
		for (col = 0; col < NCOLS; col++)
			if ((w = text_width(rows[i][col])) > width[col])
				width[col] = w;
	for (i = 0; i <= n && n > 0; i++) {
		for (col = 0; col < NCOLS - 1; col++) {
			/* no spaces at the end of a line */
			if (col == NCOLS - 2 && rows[i][col + 1][0] == '\0')
				fputs(rows[i][col], stdout);
			else {
				text_print_padded(stdout, rows[i][col],
				    width[col]);
				fputs("  ", stdout);
			}
		}
		printf("%s\n", rows[i][NCOLS - 1]);
	}
	for (i = 0; i <= n; i++)
		for (col = 0; col < NCOLS; col++)
			free(rows[i][col]);
	free(rows);
	if (p->nnotes > 0)
		printf(ngettext("%zu note:\n", "%zu notes:\n", p->nnotes),
		    p->nnotes);
	for (i = 0; i < p->nnotes; i++) {
		note_subject(cat, &p->notes[i], buf, sizeof buf);
		printf("  %s: %s\n", buf, p->notes[i].message);
	}
}

static void
print_csv(const struct catalog *cat, const struct plan *p,
    const struct advisor_list *advisors)
{
	const struct meeting		*m;
	const struct center		*c;
	const struct meeting_type	*t;
	char				 buf[1024];
	size_t				 i, at = 0;

	printf("date,start,end,center,type,mode,status,window,advisors\r\n");
	for (i = 0; i < p->meetings.count; i++) {
		m = &p->meetings.items[i];
		c = catalog_center_by_id(cat, m->center_id);
		t = catalog_type_by_id(cat, m->type_id);
		date_format_iso(m->date, buf, sizeof buf);
		printf("%s,", buf);
		if (m->start >= 0) {
			time_format(m->start, buf, sizeof buf);
			fputs(buf, stdout);
		}
		putchar(',');
		if (m->end >= 0) {
			time_format(m->end, buf, sizeof buf);
			fputs(buf, stdout);
		}
		putchar(',');
		csv_write_field(stdout, c != NULL ? c->name : "");
		putchar(',');
		csv_write_field(stdout, t != NULL ? t->code : "");
		printf(",%s,%s,", meeting_mode_code(m->mode),
		    meeting_status_code(m->status));
		if (m->has_window) {
			month_window_format(&m->window, buf, sizeof buf);
			fputs(buf, stdout);
		}
		putchar(',');
		advisors_of(p, advisors, m->id, &at, buf, sizeof buf);
		csv_write_field(stdout, buf);
		fputs("\r\n", stdout);
	}
	for (i = 0; i < p->nnotes; i++) {
		note_subject(cat, &p->notes[i], buf, sizeof buf);
		fprintf(stderr, "carecal: %s: %s\n", buf, p->notes[i].message);
	}
}

static int
plan_exec(struct cli *cli, struct args *args)
{
	struct plan_data	 data;
	struct plan_input	 in;
	struct plan		 plan;
	struct error		 err;
	const char		*format = args_get(args, 'F');
	long			*centers = NULL;
	size_t			 ncenters, booked = 0;
	int			 fy, like, apply = args_has(args, 'a');
	int			 rc = 0, began = 0;
	char			 year[32];
	FILE			*out;

	if (years(args, &fy, &like, &err) == -1 ||
	    centers_of(cli, args, &centers, &ncenters, &err) == -1) {
		free(centers);
		return cli_fail(&err);
	}
	/* applied, what is read and what is written are one state */
	if (apply) {
		if (store_begin(cli->store, cli->command_line, &err) == -1) {
			free(centers);
			return cli_fail(&err);
		}
		began = 1;
	}
	plan_init(&plan);
	if (store_plan_load(cli->store, &cli->catalog, fy, like, &data,
	    &err) == -1)
		rc = -1;
	else {
		plan_data_input(&data, &cli->catalog, fy, &in);
		in.centers = centers;
		in.ncenters = ncenters;
		plan_make(&in, &plan);
		if (apply && plan.meetings.count > 0 &&
		    store_plan_save(cli->store, &cli->catalog, &plan, &booked,
		    &err) == -1)
			rc = -1;
	}
	if (began && rc == 0 && plan.meetings.count > 0 &&
	    store_commit(cli->store, &err) == -1)
		rc = -1;
	else if (began && (rc == -1 || plan.meetings.count == 0))
		store_rollback(cli->store);
	if (rc == 0) {
		if (format != NULL && strcmp(format, "csv") == 0)
			print_csv(&cli->catalog, &plan, &data.book.advisors);
		else
			print_text(&cli->catalog, &plan, &data.book.advisors,
			    fy);
		date_format_fiscal_year(fy, year, sizeof year);
		out = format != NULL && strcmp(format, "csv") == 0 ? stderr :
		    stdout;
		if (apply && out == stderr)
			fputs("carecal: ", out);
		if (apply && plan.meetings.count == 0)
			fprintf(out, _("nothing to add: %s has every meeting "
			    "the plan wants\n"), year);
		else if (apply)
			fprintf(out, _("added %zu planned meetings and %zu "
			    "advisors' bookings to %s, as one action "
			    "('carecal undo' takes it back)\n"),
			    plan.meetings.count, booked, year);
	}
	plan_data_free(&data);
	plan_free(&plan);
	free(centers);
	return rc == 0 ? 0 : cli_fail(&err);
}
