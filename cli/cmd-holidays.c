/*
 * cmd-holidays.c -- `carecal holidays`: the national holidays of a
 * calendar year or a fiscal year, as the staff plan around them.
 */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "cmd.h"
#include "holiday.h"
#include "i18n.h"
#include "text.h"

static int	holidays_exec(struct cli *, struct args *);

static const char holidays_help[] = N_(
"Options:\n"
"  YEAR      a calendar year (default: this year)\n"
"  --fy Y    a fiscal year, April to March (2021, R3, 令和3年度)\n"
"Each line: the date, its weekday, the Japanese date and the holiday.\n"
"Holidays are known for 1955 to 2099.\n");

static const struct cmd_option holidays_options[] = {
	{ "fy",		CMD_VALUE,	'y' },
	{ NULL, 0, 0 }
};

/* No database: the holidays are computed. */
const struct cmd_entry cmd_holidays_entry = {
	.name = "holidays",
	.usage = "holidays [YEAR | --fy Y]",
	.summary = N_("list the national holidays of a year"),
	.help = holidays_help,
	.options = holidays_options,
	.args = { 0, 1, NULL, NULL },
	.exec = holidays_exec
};

static const char *weekdays[7] = {
	N_("Sun"), N_("Mon"), N_("Tue"), N_("Wed"), N_("Thu"), N_("Fri"),
	N_("Sat")
};

static int
parse_year(const char *s, int *year, struct error *err)
{
	const char	*p;

	*year = 0;
	for (p = s; *p >= '0' && *p <= '9' && p - s < 4; p++)
		*year = *year * 10 + (*p - '0');
	if (p == s || *p != '\0')
		return error_set(err, ERROR_INPUT, _("'%s' is not a year "
		    "(as 2021)"), s);
	return 0;
}

/* The holidays of year that fall between first and last. */
static size_t
collect(int year, struct date first, struct date last, struct holiday *out)
{
	struct holiday	all[HOLIDAY_MAX_PER_YEAR];
	size_t		i, n, kept = 0;

	n = holiday_list_year(year, all);
	for (i = 0; i < n; i++)
		if (date_compare(all[i].date, first) >= 0 &&
		    date_compare(all[i].date, last) <= 0)
			out[kept++] = all[i];
	return kept;
}

static void
print_holidays(const struct holiday *list, size_t n)
{
	char	iso[DATE_ISO_LEN], ja[DATE_JA_LEN];
	size_t	i;
	int	w, width = 0;

	for (i = 0; i < n; i++) {
		date_format_japanese(list[i].date, ja, sizeof ja);
		if ((w = text_width(ja)) > width)
			width = w;
	}
	for (i = 0; i < n; i++) {
		date_format_iso(list[i].date, iso, sizeof iso);
		date_format_japanese(list[i].date, ja, sizeof ja);
		printf("%s  %s  ", iso,
		    _(weekdays[date_weekday(list[i].date)]));
		text_print_padded(stdout, ja, width);
		printf("  %s\n", list[i].name);
	}
	printf(ngettext("%zu holiday\n", "%zu holidays\n", n), n);
}

static int
holidays_exec(struct cli *cli, struct args *args)
{
	struct holiday	 list[2 * HOLIDAY_MAX_PER_YEAR];
	struct error	 err;
	struct date	 today, first, last;
	const char	*fy_arg = args_get(args, 'y');
	size_t		 n;
	int		 year, fy;

	if (args_count(args) == 1 && fy_arg != NULL)
		return cli_usage_error(cli, _("give a YEAR or --fy, not "
		    "both"));
	if (fy_arg != NULL) {
		if (date_parse_fiscal_year(fy_arg, &fy, &err) == -1) {
			error_prefix(&err, "--fy: ");
			return cli_fail(&err);
		}
		if (fy < HOLIDAY_FIRST_YEAR || fy + 1 > HOLIDAY_LAST_YEAR)
			return cli_usage_error(cli,
			    _("--fy: fiscal year %d is outside %d..%d, the "
			    "fiscal years whose holidays carecal knows"), fy,
			    HOLIDAY_FIRST_YEAR, HOLIDAY_LAST_YEAR - 1);
		first = date_fiscal_year_start(fy);
		last = date_fiscal_year_end(fy);
		n = collect(fy, first, last, list);
		n += collect(fy + 1, first, last, list + n);
		print_holidays(list, n);
		return 0;
	}
	if (args_count(args) == 1) {
		if (parse_year(args_string(args, 0), &year, &err) == -1)
			return cli_fail(&err);
	} else {
		if (date_today(&today, &err) == -1)
			return cli_fail(&err);
		year = today.year;
	}
	if (year < HOLIDAY_FIRST_YEAR || year > HOLIDAY_LAST_YEAR)
		return cli_usage_error(cli, _("year %d is outside "
		    "%d..%d, the years whose holidays carecal knows"), year,
		    HOLIDAY_FIRST_YEAR, HOLIDAY_LAST_YEAR);
	first.year = last.year = year;
	first.month = first.day = 1;
	last.month = 12;
	last.day = 31;
	print_holidays(list, collect(year, first, last, list));
	return 0;
}
