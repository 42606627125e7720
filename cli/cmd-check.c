/*
 * cmd-check.c -- `carecal check`: the plan checks of a fiscal year, one
 * finding a line, as text or CSV, for a person or for a script.
 */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "alloc.h"
#include "check.h"
#include "cmd.h"
#include "csv.h"
#include "i18n.h"
#include "settings.h"
#include "text.h"

static int	check_check(struct cli *, struct args *);
static int	check_exec(struct cli *, struct args *);

static const char check_help[] = N_(
"Options:\n"
"  --fy Y           the fiscal year (2021, R3, 令和3年度; default: the\n"
"                   current one, or when it holds no meetings the\n"
"                   nearest that does, said on standard error)\n"
"  --center NAME    only the findings about one center\n"
"  --format F       text (default; a count at the end) or csv:\n"
"                   kind,center,type,date,fiscal_year,meetings,message\n"
"  --strict         exit with status 3 when there are findings\n"
"Findings:\n"
"  target-low, target-high  meetings held or planned in the fiscal year\n"
"                   outside the type's yearly target (per center, or\n"
"                   city-wide for city-level types)\n"
"  non-working-day  a meeting on a Saturday, Sunday, national holiday or\n"
"                   closure day (see 'carecal config closure')\n"
"  clash            two meetings of one center on one day whose times\n"
"                   overlap, or one of them has no time\n"
"  window-overlap, window-gap  a city-level meeting's reporting window\n"
"                   shares months with the previous one's, or leaves\n"
"                   months out\n"
"  cases-missing    a held meeting of a type that counts cases, without\n"
"                   its number of cases\n"
"  stale-planned    a meeting still planned after its date\n"
"  advisor-clash    an advisor booked for two meetings at once (a meeting\n"
"                   with no end lasts its type's usual length), or at\n"
"                   two centers on one day when an advisor goes to one\n"
"                   center a day ('carecal config advisor-day')\n"
"  advisor-unavailable  a planned meeting's advisor who is retired, not\n"
"                   there on that weekday, or unavailable that day\n"
"  advisor-missing  a planned meeting within the booking horizon ('carecal\n"
"                   config horizon', 60 days) without an advisor of a\n"
"                   profession its type summons\n"
"  followup-due     a case's 中間 or 終了前 due in the year with no meeting\n"
"                   of its 初回's type (or of 'carecal config\n"
"                   followup-types') at its center from the stage before\n"
"                   to the day it is due ('carecal case list --due')\n"
"  over-capacity    more cases than a meeting of its type takes\n"
"Cancelled meetings are not checked and do not count.\n"
"Exit status: 0 (also with findings, unless --strict), 1 failure,\n"
"2 usage or input error, 3 findings with --strict.\n");

static const struct cmd_option check_options[] = {
	{ "fy",		CMD_VALUE,	'y' },
	{ "center",	CMD_VALUE,	'C' },
	{ "format",	CMD_VALUE,	'F' },
	{ "strict",	0,		's' },
	{ NULL, 0, 0 }
};

const struct cmd_entry cmd_check_entry = {
	.name = "check",
	.usage = "check [--fy Y] [--center NAME] [--format text|csv] "
	    "[--strict]",
	.summary = N_("check a fiscal year's plan against the targets and "
	    "the calendar"),
	.help = check_help,
	.options = check_options,
	.args = { 0, 0, NULL, NULL },
	.flags = CMD_STORE,
	.check = check_check,
	.exec = check_exec
};

enum { COL_KIND, COL_CENTER, COL_TYPE, COL_WHEN, COL_MEETINGS, COL_MESSAGE,
    NCOLS };

static void
format_meetings(const struct finding *f, const char *prefix,
    const char *separator, char *buf, size_t size)
{
	if (f->meeting_ids[0] == 0)
		snprintf(buf, size, "%s", "");
	else if (f->meeting_ids[1] == 0)
		snprintf(buf, size, "%s%ld", prefix, f->meeting_ids[0]);
	else
		snprintf(buf, size, "%s%ld%s%s%ld", prefix, f->meeting_ids[0],
		    separator, prefix, f->meeting_ids[1]);
}

static void
fill_row(char **cell, const struct finding *f, const struct catalog *cat)
{
	const struct center		*c = catalog_center_by_id(cat,
					    f->center_id);
	const struct meeting_type	*t = catalog_type_by_id(cat,
					    f->type_id);
	char				 buf[DATE_JA_LEN];

	/* in words for the reader; the CSV keeps the codes for scripts */
	cell[COL_KIND] = xstrdup(check_kind_label(f->kind));
	cell[COL_CENTER] = xstrdup(c != NULL ? c->name : "-");
	cell[COL_TYPE] = xstrdup(t != NULL ? t->name : "?");
	if (f->has_date)
		date_format_japanese(f->date, buf, sizeof buf);
	else
		date_format_fiscal_year(f->fiscal_year, buf, sizeof buf);
	cell[COL_WHEN] = xstrdup(buf);
	format_meetings(f, "#", " ", buf, sizeof buf);
	cell[COL_MEETINGS] = xstrdup(buf[0] != '\0' ? buf : "-");
	cell[COL_MESSAGE] = xstrdup(f->message);
}

static void
print_text(const struct finding **shown, size_t n, const struct catalog *cat)
{
	char	*(*rows)[NCOLS] = xreallocarray(NULL, n + 1, sizeof *rows);
	int	 width[NCOLS] = { 0 }, w, c;
	size_t	 i;

	for (i = 0; i < n; i++) {
		fill_row(rows[i], shown[i], cat);
		for (c = 0; c < NCOLS; c++)
			if ((w = text_width(rows[i][c])) > width[c])
				width[c] = w;
	}
	for (i = 0; i < n; i++) {
		for (c = 0; c < NCOLS; c++) {
			if (c == NCOLS - 1)
				printf("%s\n", rows[i][c]);
			else {
				text_print_padded(stdout, rows[i][c],
				    width[c]);
				fputs("  ", stdout);
			}
			free(rows[i][c]);
		}
	}
	free(rows);
	printf(ngettext("%zu finding\n", "%zu findings\n", n), n);
}

static void
print_csv(const struct finding **shown, size_t n, const struct catalog *cat)
{
	const struct center		*c;
	const struct meeting_type	*t;
	const struct finding		*f;
	char				 buf[64];
	size_t				 i;

	printf("kind,center,type,date,fiscal_year,meetings,message\r\n");
	for (i = 0; i < n; i++) {
		f = shown[i];
		c = catalog_center_by_id(cat, f->center_id);
		t = catalog_type_by_id(cat, f->type_id);
		csv_write_field(stdout, check_kind_code(f->kind));
		putchar(',');
		csv_write_field(stdout, c != NULL ? c->name : "");
		putchar(',');
		csv_write_field(stdout, t != NULL ? t->code : "");
		putchar(',');
		if (f->has_date) {
			date_format_iso(f->date, buf, sizeof buf);
			fputs(buf, stdout);
		}
		printf(",%d,", f->fiscal_year);
		format_meetings(f, "", " ", buf, sizeof buf);
		fputs(buf, stdout);
		putchar(',');
		csv_write_field(stdout, f->message);
		fputs("\r\n", stdout);
	}
}

/*
 * What the checks of fiscal year fy look at: its meetings, and before it
 * only the city-level ones that are not cancelled (two or three a year),
 * of which the last gives the previous reporting window of the year's
 * first. Not every earlier meeting: in a database of many years, those
 * would be most of the work and of the memory.
 */
static int
load_meetings(struct cli *cli, int fy, struct meeting_list *meetings,
    struct error *err)
{
	const struct catalog	*cat = &cli->catalog;
	struct meeting_filter	 filter;
	size_t			 i;

	meeting_filter_init(&filter);
	filter.has_from = filter.has_to = 1;
	filter.from = date_fiscal_year_start(fy);
	filter.to = date_fiscal_year_end(fy);
	/* the checks look at no text: it is not read */
	filter.fields = MEETING_FIELDS_PLAN;
	if (store_meetings_load(cli->store, &filter, meetings, err) == -1)
		return -1;
	for (i = 0; i < cat->ntypes; i++) {
		if (cat->types[i].level != LEVEL_CITY)
			continue;
		meeting_filter_init(&filter);
		filter.has_to = 1;
		filter.to = date_add_days(date_fiscal_year_start(fy), -1);
		filter.type_id = cat->types[i].id;
		filter.exclude_cancelled = 1;
		filter.fields = MEETING_FIELDS_PLAN;
		if (store_meetings_load(cli->store, &filter, meetings,
		    err) == -1)
			return -1;
	}
	return 0;
}

/*
 * The advisors and the bookings of fiscal year fy's meetings, with the
 * booking horizon and the rule of one center a day, into in.
 */
static int
load_advisors(struct cli *cli, int fy, struct check_input *in,
    struct advisor_list *advisors, struct assignment_list *assignments,
    struct error *err)
{
	struct date	first = date_fiscal_year_start(fy);
	struct date	last = date_fiscal_year_end(fy);

	if (store_advisors_for_checks(cli->store, &first, &last, advisors,
	    assignments, &in->horizon, &in->one_center_a_day, err) == -1)
		return -1;
	in->advisors = advisors;
	in->assignments = assignments;
	return 0;
}

/* Today, and the fiscal year asked for (else today's): 0 or -1. */
static int
fiscal_year(const struct args *args, struct date *today, int *fy,
    struct error *err)
{
	const char	*fy_arg = args_get(args, 'y');

	if (date_today(today, err) == -1)
		return -1;
	*fy = date_fiscal_year(*today);
	if (fy_arg != NULL && date_parse_fiscal_year(fy_arg, fy, err) == -1) {
		error_prefix(err, "--fy: ");
		return -1;
	}
	return 0;
}

/*
 * Without --fy, a current year that holds no meetings gives way to the
 * nearest that does, as the view opens there (a calendar of 令和3年度
 * checked in another year); standard error says so.
 */
static int
nearest_fiscal_year(struct cli *cli, const struct args *args, int *fy,
    struct error *err)
{
	char	mine[32], found[32];
	int	near, rc;

	if (args_get(args, 'y') != NULL)
		return 0;
	if ((rc = store_meetings_nearest_fiscal_year(cli->store, *fy, &near,
	    err)) == -1)
		return -1;
	if (rc == 1 || near == *fy)
		return 0;
	date_format_fiscal_year(*fy, mine, sizeof mine);
	date_format_fiscal_year(near, found, sizeof found);
	fprintf(stderr, _("carecal: no meetings in %s; checking %s, the "
	    "nearest fiscal year with meetings\n"), mine, found);
	*fy = near;
	return 0;
}

static int
check_check(struct cli *cli, struct args *args)
{
	struct error	 err;
	struct date	 today;
	const char	*format = args_get(args, 'F');
	int		 fy;

	if (format != NULL && strcmp(format, "text") != 0 &&
	    strcmp(format, "csv") != 0)
		return cli_usage_error(cli, _("--format: '%s' is not text or "
		    "csv"), format);
	if (fiscal_year(args, &today, &fy, &err) == -1)
		return cli_fail(&err);
	return 0;
}

static int
check_exec(struct cli *cli, struct args *args)
{
	const struct center	 *center = NULL;
	const struct finding	**shown;
	struct check_input	  in;
	struct closure		  closure;
	struct finding_list	  findings;
	struct followup_list	  followups;
	struct meeting_list	  meetings;
	struct advisor_list	  advisors;
	struct assignment_list	  assignments;
	struct error		  err;
	const char		 *format = args_get(args, 'F');
	const char		 *center_arg = args_get(args, 'C');
	size_t			  i, n;
	int			  fy;

	memset(&in, 0, sizeof in);
	if (fiscal_year(args, &in.today, &fy, &err) == -1 ||
	    nearest_fiscal_year(cli, args, &fy, &err) == -1)
		return cli_fail(&err);
	if (center_arg != NULL && catalog_match_center(&cli->catalog,
	    center_arg, &center, &err) == -1) {
		error_prefix(&err, "--center: ");
		return cli_fail(&err);
	}
	if (settings_closure_load(cli->store, &closure, &err) == -1)
		return cli_fail(&err);
	meeting_list_init(&meetings);
	followup_list_init(&followups);
	assignment_list_init(&assignments);
	advisor_list_init(&advisors);
	if (load_meetings(cli, fy, &meetings, &err) == -1 ||
	    load_advisors(cli, fy, &in, &advisors, &assignments, &err) == -1 ||
	    store_followups_load(cli->store, &cli->catalog,
	    date_fiscal_year_start(fy), date_fiscal_year_end(fy), &followups,
	    &err) == -1) {
		followup_list_free(&followups);
		meeting_list_free(&meetings);
		advisor_list_free(&advisors);
		assignment_list_free(&assignments);
		return cli_fail(&err);
	}
	in.catalog = &cli->catalog;
	in.meetings = &meetings;
	in.fiscal_year = fy;
	in.closure = &closure;
	in.followups = &followups;
	finding_list_init(&findings);
	check_run(&in, &findings);
	shown = xreallocarray(NULL, findings.count + 1, sizeof *shown);
	for (i = n = 0; i < findings.count; i++)
		if (center == NULL ||
		    findings.items[i].center_id == center->id)
			shown[n++] = &findings.items[i];
	if (format != NULL && strcmp(format, "csv") == 0)
		print_csv(shown, n, &cli->catalog);
	else
		print_text(shown, n, &cli->catalog);
	free(shown);
	finding_list_free(&findings);
	followup_list_free(&followups);
	meeting_list_free(&meetings);
	advisor_list_free(&advisors);
	assignment_list_free(&assignments);
	return args_has(args, 's') && n > 0 ? 3 : 0;
}
