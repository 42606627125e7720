/*
 * cmd-summary.c -- `carecal summary`: the printout a city-level meeting
 * discusses (the reporting window's grid and totals), or the table of
 * one or more fiscal years, as text, CSV or PDF.
 */
#include <sys/stat.h>

#include <errno.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include "alloc.h"
#include "cmd.h"
#include "save-file.h"
#include "i18n.h"
#include "report.h"
#include "settings.h"
#include "summary.h"
#include "text.h"

static int	summary_check(struct cli *, struct args *);
static int	summary_exec(struct cli *, struct args *);

static const char summary_help[] = N_(
"What to summarise (one of):\n"
"  --for DATE          the city-level meeting on DATE: its reporting "
"window,\n"
"                      else the six months ending two months before it\n"
"  --from M --to M     the months M..M (2021-06, 令和3年6月, R3.6)\n"
"  --fy Y              one fiscal year (2021, R3, 令和3年度)\n"
"  --fy Y..Y           fiscal years × meeting types, meetings and cases\n"
"Options:\n"
"  --format F          text (default), csv (UTF-8 with BOM, for Excel) "
"or pdf\n"
"  -o FILE             write to FILE (needed for pdf); '-' is standard "
"output\n"
"  --held-only         count held meetings only (default: planned too)\n"
"The printout as a 資料 for the meeting's papers:\n"
"  --doc-number TEXT   its number (資料3), printed top right\n"
"  --as-of DATE        the date it is as of (令和4年1月20日現在), printed in\n"
"                      its heading (default: today)\n"
"  --title TEXT        its title (default: the fiscal year, the city and\n"
"                      the profile's words, as\n"
"                      令和3年度 松戸市地域ケア会議の開催状況)\n"
"  --with-checks       add the plan checks of the year as of that date\n"
"  --by-stage          count the cases recorded by reference in each type's\n"
"                      total by stage: （うち初回8・中間7・終了前5）\n"
"                      (one window or fiscal year)\n"
"Cancelled meetings are shown struck through but never counted. A type\n"
"shown in two columns has the fiscal year's halves in them (上半期,\n"
"下半期): a center's lone meeting stands in the column of its half.\n");

static const struct cmd_option summary_options[] = {
	{ "for",	CMD_VALUE,		'f' },
	{ "from",	CMD_VALUE,		'F' },
	{ "to",		CMD_VALUE,		't' },
	{ "fy",		CMD_VALUE,		'y' },
	{ "format",	CMD_VALUE,		'm' },
	{ "output",	CMD_VALUE | CMD_SHORT,	'o' },
	{ "held-only",	0,			'H' },
	{ "doc-number",	CMD_VALUE,		'n' },
	{ "as-of",	CMD_VALUE,		'a' },
	{ "title",	CMD_VALUE,		'T' },
	{ "with-checks", 0,			'c' },
	{ "by-stage",	0,			'B' },
	{ NULL, 0, 0 }
};

const struct cmd_entry cmd_summary_entry = {
	.name = "summary",
	.usage = "summary (--for DATE | --from YYYY-MM --to YYYY-MM | "
	    "--fy Y[..Y]) [--format text|csv|pdf] [-o FILE] [--held-only] "
	    "[--doc-number TEXT] [--as-of DATE] [--title TEXT] "
	    "[--with-checks] [--by-stage]",
	.summary = N_("the summary table for a city-level meeting, or of "
	    "fiscal years"),
	.help = summary_help,
	.options = summary_options,
	.args = { 0, 0, NULL, NULL },
	.flags = CMD_STORE,
	.check = summary_check,
	.exec = summary_exec
};

static const struct report_format *formats[] = {
	&report_format_text,
	&report_format_csv,
	&report_format_pdf,
};
#define NFORMATS	(sizeof formats / sizeof formats[0])

/* What the command line asked for. */
struct request {
	const char	*for_arg;
	const char	*from_arg;
	const char	*to_arg;
	const char	*fy_arg;
	const char	*output;
	const char	*as_of_arg;
	const char	*format_arg;
	const struct report_format *format;	/* NULL: not one */
	int		 by_stage;
	struct summary_options options;
};

/*
 * The request from the options (the last of each), with its day: 0, or
 * -1 with err set (--as-of is not a date).
 */
static int
request_from(const struct args *args, struct request *rq,
    struct error *err)
{
	size_t	i;

	memset(rq, 0, sizeof *rq);
	rq->for_arg = args_get(args, 'f');
	rq->from_arg = args_get(args, 'F');
	rq->to_arg = args_get(args, 't');
	rq->fy_arg = args_get(args, 'y');
	rq->output = args_get(args, 'o');
	rq->as_of_arg = args_get(args, 'a');
	if ((rq->format_arg = args_get(args, 'm')) == NULL)
		rq->format_arg = "text";
	for (i = 0; i < NFORMATS; i++)
		if (strcmp(rq->format_arg, formats[i]->name) == 0)
			rq->format = formats[i];
	rq->options.held_only = args_has(args, 'H');
	rq->options.doc_number = args_get(args, 'n');
	rq->options.title = args_get(args, 'T');
	rq->options.with_findings = args_has(args, 'c');
	rq->by_stage = args_has(args, 'B');
	if (rq->as_of_arg == NULL)
		return date_today(&rq->options.today, err);
	if (date_parse(rq->as_of_arg, &rq->options.today, err) == -1) {
		error_prefix(err, "--as-of: ");
		return -1;
	}
	return 0;
}

/* "2014..2019", "H26..R1" or one year. */
static int
parse_fiscal_years(const char *arg, int *first, int *last, struct error *err)
{
	const char	*dots = strstr(arg, "..");
	char		 buf[64];
	size_t		 len;

	if (dots == NULL) {
		if (date_parse_fiscal_year(arg, first, err) == -1)
			return -1;
		*last = *first;
		return 0;
	}
	if ((len = (size_t)(dots - arg)) >= sizeof buf)
		return error_set(err, ERROR_INPUT, _("invalid fiscal years "
		    "'%s': expected 2014..2019"), arg);
	memcpy(buf, arg, len);
	buf[len] = '\0';
	if (date_parse_fiscal_year(buf, first, err) == -1 ||
	    date_parse_fiscal_year(dots + 2, last, err) == -1)
		return -1;
	if (*first > *last)
		return error_set(err, ERROR_INPUT, _("invalid fiscal years "
		    "'%s': the first is after the last"), arg);
	if (*last - *first >= SUMMARY_YEARS_MAX)
		return error_set(err, ERROR_INPUT, _("invalid fiscal years "
		    "'%s': at most %d years in one table"), arg,
		    SUMMARY_YEARS_MAX);
	return 0;
}

static int
load_range(struct cli *cli, struct date from, struct date to,
    struct meeting_list *list, struct error *err)
{
	struct meeting_filter	filter;

	meeting_filter_init(&filter);
	filter.has_from = filter.has_to = 1;
	filter.from = from;
	filter.to = to;
	/* the summary prints no venue, note or UID: not read */
	filter.fields = MEETING_FIELDS_PLAN;
	return store_meetings_load(cli->store, &filter, list, err);
}

/*
 * The city-level meetings before from: the plan checks compare the
 * first reporting window of the year with the one before it.
 */
static int
load_earlier_city(struct cli *cli, struct date from,
    struct meeting_list *list, struct error *err)
{
	struct meeting_filter	filter;
	size_t			i;

	for (i = 0; i < cli->catalog.ntypes; i++) {
		if (cli->catalog.types[i].level != LEVEL_CITY)
			continue;
		meeting_filter_init(&filter);
		filter.has_to = 1;
		filter.to = date_add_days(from, -1);
		filter.type_id = cli->catalog.types[i].id;
		filter.fields = MEETING_FIELDS_PLAN;
		if (store_meetings_load(cli->store, &filter, list, err) == -1)
			return -1;
	}
	return 0;
}

static int
is_city_level(const struct cli *cli, const struct meeting *m)
{
	const struct meeting_type	*t = catalog_type_by_id(&cli->catalog,
					    m->type_id);

	return t != NULL && t->level == LEVEL_CITY;
}

/* No city-level meeting on that day: say which ones the year has. */
static int
no_city_meeting(struct cli *cli, struct date day, struct error *err)
{
	struct meeting_list	 list;
	char			 day_ja[DATE_JA_LEN], fy[64], known[512];
	size_t			 i, len = 0;
	int			 year = date_fiscal_year(day);

	meeting_list_init(&list);
	if (load_range(cli, date_fiscal_year_start(year),
	    date_fiscal_year_end(year), &list, err) == -1) {
		meeting_list_free(&list);
		return -1;
	}
	known[0] = '\0';
	for (i = 0; i < list.count && len + DATE_JA_LEN + 4 < sizeof known;
	    i++) {
		if (!is_city_level(cli, &list.items[i]))
			continue;
		date_format_japanese(list.items[i].date, day_ja,
		    sizeof day_ja);
		len += (size_t)snprintf(known + len, sizeof known - len,
		    "%s%s", len > 0 ? "、" : "", day_ja);
	}
	meeting_list_free(&list);
	date_format_japanese(day, day_ja, sizeof day_ja);
	date_format_fiscal_year(year, fy, sizeof fy);
	if (len == 0)
		return error_set(err, ERROR_INPUT, _("--for: no city-level "
		    "meeting on %s, and none in %s; use --from and --to for a "
		    "window without one"), day_ja, fy);
	return error_set(err, ERROR_INPUT, _("--for: no city-level meeting on "
	    "%s; the city-level meetings of %s are on %s"), day_ja, fy, known);
}

/* The city-level meeting on a day; prefers one that is not cancelled. */
static int
find_city_meeting(struct cli *cli, struct date day, struct meeting *out,
    struct error *err)
{
	struct meeting_list	 list;
	const struct meeting	*found = NULL;
	size_t			 i;

	meeting_list_init(&list);
	if (load_range(cli, day, day, &list, err) == -1) {
		meeting_list_free(&list);
		return -1;
	}
	for (i = 0; i < list.count; i++) {
		if (!is_city_level(cli, &list.items[i]))
			continue;
		if (found == NULL || (found->status == STATUS_CANCELLED &&
		    list.items[i].status != STATUS_CANCELLED))
			found = &list.items[i];
	}
	if (found != NULL)
		meeting_copy(out, found);
	meeting_list_free(&list);
	if (found == NULL)
		return no_city_meeting(cli, day, err);
	return 0;
}

static int
build_summary(struct cli *cli, const struct request *rq, struct summary *s,
    struct error *err)
{
	struct meeting_list	 list;
	struct meeting		 target;
	struct month_window	 window;
	struct case_filter	 filter;
	struct case_list	 reviews;
	struct followup_list	 followups;
	struct date		 day, from, to;
	struct summary_options	 opt = rq->options;
	struct advisor_list	 advisors;
	struct assignment_list	 assignments;
	int			 fy, rc;

	meeting_init(&target);
	memset(s, 0, sizeof *s);
	if (rq->for_arg != NULL) {
		if (date_parse(rq->for_arg, &day, err) == -1) {
			error_prefix(err, "--for: ");
			return -1;
		}
		if (find_city_meeting(cli, day, &target, err) == -1)
			return -1;
		if (target.has_window)
			window = target.window;
		else
			month_window_default(target.date, &window);
	} else if (rq->fy_arg != NULL) {
		if (date_parse_fiscal_year(rq->fy_arg, &fy, err) == -1) {
			error_prefix(err, "--fy: ");
			return -1;
		}
		window.from_year = fy;
		window.from_month = 4;
		window.to_year = fy + 1;
		window.to_month = 3;
	} else {
		if (date_parse_month(rq->from_arg, &window.from_year,
		    &window.from_month, err) == -1) {
			error_prefix(err, "--from: ");
			return -1;
		}
		if (date_parse_month(rq->to_arg, &window.to_year,
		    &window.to_month, err) == -1) {
			error_prefix(err, "--to: ");
			return -1;
		}
		if (window.from_year * 12 + window.from_month >
		    window.to_year * 12 + window.to_month)
			return error_set(err, ERROR_INPUT, _("--from %s is "
			    "after --to %s"), rq->from_arg, rq->to_arg);
	}
	/* only the fiscal years the printout shows are read */
	summary_span(&window, rq->for_arg != NULL ? &target.date : NULL,
	    &from, &to);
	meeting_list_init(&list);
	case_list_init(&reviews);
	followup_list_init(&followups);
	advisor_list_init(&advisors);
	assignment_list_init(&assignments);
	rc = load_range(cli, from, to, &list, err);
	if (rc == 0)
		rc = load_earlier_city(cli, from, &list, err);
	/* the cases by stage, and the follow-ups the checks report */
	if (rc == 0 && rq->by_stage) {
		case_filter_init(&filter);
		filter.has_from = filter.has_to = 1;
		filter.from = from;
		filter.to = to;
		rc = store_case_reviews_load(cli->store, &filter, &reviews,
		    err);
		opt.reviews = &reviews;
	}
	if (rc == 0 && opt.with_findings) {
		rc = store_followups_load(cli->store, &cli->catalog, from, to,
		    &followups, err);
		opt.followups = &followups;
	}
	/* the plan checks, as `carecal check` has them: with the advisors */
	if (rc == 0 && opt.with_findings && (rc = store_advisors_for_checks(
	    cli->store, &from, &to, &advisors, &assignments, &opt.horizon,
	    &opt.one_center_a_day, err)) == 0) {
		opt.advisors = &advisors;
		opt.assignments = &assignments;
	}
	if (rc == 0)
		rc = summary_build(s, &cli->catalog, &list, &window,
		    rq->for_arg != NULL ? &target : NULL, &opt, err);
	followup_list_free(&followups);
	case_list_free(&reviews);
	meeting_list_free(&list);
	advisor_list_free(&advisors);
	assignment_list_free(&assignments);
	meeting_clear(&target);
	return rc;
}

static int
build_years(struct cli *cli, const struct request *rq,
    struct summary_years *y, struct error *err)
{
	struct meeting_list	list;
	int			first, last, rc;

	memset(y, 0, sizeof *y);
	if (parse_fiscal_years(rq->fy_arg, &first, &last, err) == -1) {
		error_prefix(err, "--fy: ");
		return -1;
	}
	meeting_list_init(&list);
	rc = load_range(cli, date_fiscal_year_start(first),
	    date_fiscal_year_end(last), &list, err);
	if (rc == 0)
		rc = summary_years_build(y, &cli->catalog, &list, first, last,
		    &rq->options, err);
	meeting_list_free(&list);
	return rc;
}

struct report_job {
	const struct request		*rq;
	const struct summary		*summary;
	const struct summary_years	*years;
};

static int
write_job(FILE *fp, void *arg, struct error *err)
{
	const struct report_job	*job = arg;

	return job->summary != NULL ? job->rq->format->write(fp,
	    job->summary, err) : job->rq->format->write_years(fp, job->years,
	    err);
}

/* To stdout, or to -o FILE never left half written (see save_file). */
static int
write_report(struct store *store, const struct request *rq,
    const struct summary *s, const struct summary_years *y,
    struct error *err)
{
	struct report_job	job = { rq, s, y };

	if (rq->output == NULL || strcmp(rq->output, "-") == 0)
		return write_job(stdout, &job, err);
	return save_file(store, rq->output, 0, write_job, &job, err);
}

/* A line of a printout: printable text of a sensible length. */
static int
check_words(struct cli *cli, const char *option, const char *s)
{
	if (s == NULL)
		return 0;
	if (*s == '\0' || strlen(s) > 200 || !text_utf8_valid(s, strlen(s)) ||
	    text_has_control(s, 0)) {
		cli_usage_error(cli, _("%s: 1-200 bytes of text on one line"),
		    option);
		return -1;
	}
	return 0;
}

static int
check_request(struct cli *cli, const struct request *rq)
{
	int	kinds;

	kinds = (rq->for_arg != NULL) + (rq->fy_arg != NULL) +
	    (rq->from_arg != NULL || rq->to_arg != NULL);
	if (kinds == 0)
		return cli_usage_error(cli, _("say what to summarise: --for "
		    "DATE, --from and --to, or --fy"));
	if (kinds > 1)
		return cli_usage_error(cli, _("--for, --from/--to and --fy do "
		    "not go together"));
	if ((rq->from_arg != NULL) != (rq->to_arg != NULL))
		return cli_usage_error(cli, _("--from and --to go together"));
	if (rq->format == NULL)
		return cli_usage_error(cli, _("--format: '%s' is not text, "
		    "csv or pdf"), rq->format_arg);
	if (rq->by_stage && rq->fy_arg != NULL &&
	    strstr(rq->fy_arg, "..") != NULL)
		return cli_usage_error(cli, _("--by-stage counts the cases of "
		    "one window or fiscal year, not of --fy Y..Y"));
	if (rq->output != NULL && *rq->output == '\0')
		return cli_usage_error(cli, _("-o: empty file name"));
	if (check_words(cli, "--doc-number", rq->options.doc_number) == -1 ||
	    check_words(cli, "--title", rq->options.title) == -1)
		return 2;
	if (rq->format->binary && (rq->output == NULL ||
	    (strcmp(rq->output, "-") == 0 && isatty(STDOUT_FILENO))))
		return cli_usage_error(cli, _("--format %s writes a file, not "
		    "to a terminal: give -o FILE"), rq->format->name);
	return 0;
}

static int
summary_check(struct cli *cli, struct args *args)
{
	struct request	rq;
	struct error	err;
	int		status;

	if (request_from(args, &rq, &err) == 0)
		return check_request(cli, &rq);
	/* the words of the command line first, then the date */
	if ((status = check_request(cli, &rq)) != 0)
		return status;
	return cli_fail(&err);
}

static int
summary_exec(struct cli *cli, struct args *args)
{
	struct request		 rq;
	struct closure		 closure;
	struct summary		 s;
	struct summary_years	 y;
	struct error		 err;
	char			*city = NULL, *title = NULL, *caption = NULL;
	int			 rc, years;

	if (request_from(args, &rq, &err) == -1)
		return cli_fail(&err);
	/* --fy with a range is the multi-year table */
	years = rq.fy_arg != NULL && strstr(rq.fy_arg, "..") != NULL;
	if (store_setting_get(cli->store, "city", &city, &err) == -1 ||
	    store_setting_get(cli->store, "title", &title, &err) == -1 ||
	    store_setting_get(cli->store, "caption", &caption, &err) == -1 ||
	    settings_closure_load(cli->store, &closure, &err) == -1) {
		free(city);
		free(title);
		free(caption);
		return cli_fail(&err);
	}
	rq.options.has_today = 1;
	rq.options.city = city;
	rq.options.title_words = title;
	rq.options.caption = caption;
	rq.options.closure = &closure;
	if (years) {
		rc = build_years(cli, &rq, &y, &err);
		if (rc == 0)
			rc = write_report(cli->store, &rq, NULL, &y, &err);
		summary_years_free(&y);
	} else {
		rc = build_summary(cli, &rq, &s, &err);
		if (rc == 0)
			rc = write_report(cli->store, &rq, &s, NULL, &err);
		summary_free(&s);
	}
	free(city);
	free(title);
	free(caption);
	return rc == 0 ? 0 : cli_fail(&err);
}
