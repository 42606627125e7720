/*
 * cmd-export.c -- `carecal export`: meetings as iCalendar for the office
 * calendars staff already use, to standard output, to one file, or one
 * file per center or per meeting type.
 */
#include <errno.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <strings.h>
#include <sys/stat.h>
#include <unistd.h>

#include "alloc.h"
#include "cmd.h"
#include "save-file.h"
#include "i18n.h"
#include "ical-export.h"
#include "modules.h"

static int	export_check(struct cli *, struct args *);
static int	export_exec(struct cli *, struct args *);

static const char export_help[] = N_(
"Options:\n"
"  --from D, --to D     first and last date (2021-07-29, 令和3年7月29日, "
"R3.7.29)\n"
"  --fy Y               one fiscal year (2021, R3, 令和3年度)\n"
"  --center NAME        one center\n"
"  --type CODE          one meeting type\n"
"  --advisor NAME       the advisor's own calendar: the meetings they are\n"
"                       booked for, without case data (no cases, no\n"
"                       notes)\n"
"  --include-cancelled  cancelled meetings too (STATUS:CANCELLED)\n"
"  --include-notes      the private notes too (left out by default)\n"
"  -o FILE              write FILE instead of standard output\n"
"  --split-by center|type, --dir DIR\n"
"                       one file per center (and one for city-level\n"
"                       meetings) or per type in DIR, named after them\n"
"Times are in Asia/Tokyo; a meeting without a time is an all-day event.\n"
"Each meeting keeps its UID and SEQUENCE, so importing a newer export\n"
"into an office calendar updates its events instead of adding copies.\n");

static const struct cmd_option export_options[] = {
	{ "from",		CMD_VALUE,		'f' },
	{ "to",			CMD_VALUE,		't' },
	{ "fy",			CMD_VALUE,		'y' },
	{ "center",		CMD_VALUE,		'C' },
	{ "type",		CMD_VALUE,		'T' },
	{ "advisor",		CMD_VALUE,		'A' },
	{ "include-cancelled",	0,			'c' },
	{ "include-notes",	0,			'N' },
	{ "output",		CMD_VALUE | CMD_SHORT,	'o' },
	{ "split-by",		CMD_VALUE,		's' },
	{ "dir",		CMD_VALUE,		'd' },
	{ NULL, 0, 0 }
};

const struct cmd_entry cmd_export_entry = {
	.name = "export",
	.usage = "export [--from D] [--to D] [--fy Y] [--center NAME] "
	    "[--type CODE] [--advisor NAME] [--include-cancelled] "
	    "[--include-notes] "
	    "[-o FILE | --split-by center|type --dir DIR]",
	.summary = N_("export meetings as iCalendar (.ics) for office "
	    "calendars"),
	.help = export_help,
	.options = export_options,
	.args = { 0, 0, NULL, NULL },
	.flags = CMD_STORE,
	.check = export_check,
	.exec = export_exec
};

/* One calendar of the export: a file name, a title and what it holds. */
struct group {
	char			 file[256];
	char			 calname[256];
	struct meeting_filter	 filter;
	int			 city;	/* the city-level meetings */
	int			 retired;	/* a file only if used */
};

/*
 * The store reads a whole list at once: ten years at a time keeps the
 * memory of a large export flat (one window before 1900, one from 2200).
 */
#define WINDOW_YEARS	10
#define WINDOW_FIRST	1900
#define WINDOW_LAST	2200

/* f narrowed to the window starting in year; 0 if nothing is left. */
static int
window_filter(const struct meeting_filter *f, int year,
    struct meeting_filter *out)
{
	struct date	lo = { year, 1, 1 };
	struct date	hi = { year + WINDOW_YEARS - 1, 12, 31 };

	*out = *f;
	if (year >= WINDOW_FIRST && (!out->has_from ||
	    date_compare(out->from, lo) < 0)) {
		out->from = lo;
		out->has_from = 1;
	}
	if (year < WINDOW_LAST && (!out->has_to ||
	    date_compare(out->to, hi) > 0)) {
		out->to = hi;
		out->has_to = 1;
	}
	return !(out->has_from && out->has_to &&
	    date_compare(out->from, out->to) > 0);
}

/* The meetings of a group in f (the city-level ones: of every type). */
static int
group_load(struct cli *cli, const struct group *g,
    const struct meeting_filter *f, struct meeting_list *list,
    struct error *err)
{
	struct meeting_filter	 one = *f;
	size_t			 i;

	if (!g->city)
		return store_meetings_load(cli->store, f, list, err);
	for (i = 0; i < cli->catalog.ntypes; i++) {
		if (cli->catalog.types[i].level != LEVEL_CITY || (f->type_id !=
		    0 && f->type_id != cli->catalog.types[i].id))
			continue;
		one.type_id = cli->catalog.types[i].id;
		if (store_meetings_load(cli->store, &one, list, err) == -1)
			return -1;
	}
	meeting_list_sort(list, &cli->catalog);
	return 0;
}

static int
write_calendar(FILE *fp, struct cli *cli, const struct group *g, int flags,
    size_t *count, struct error *err)
{
	struct ical_writer	*w;
	struct meeting_filter	 f;
	struct meeting_list	 list;
	struct error		 ignored;
	size_t			 i;
	int			 year, rc = 0;

	*count = 0;
	if (ical_export_begin(fp, g->calname, flags, &w, err) == -1)
		return -1;
	for (year = WINDOW_FIRST - WINDOW_YEARS; rc == 0 &&
	    year <= WINDOW_LAST; year += WINDOW_YEARS) {
		if (!window_filter(&g->filter, year, &f))
			continue;
		meeting_list_init(&list);
		rc = group_load(cli, g, &f, &list, err);
		for (i = 0; rc == 0 && i < list.count; i++)
			rc = ical_export_meeting(w, &list.items[i],
			    &cli->catalog, err);
		*count += list.count;
		meeting_list_free(&list);
	}
	if (rc == -1) {
		ical_export_end(w, &ignored);
		return -1;
	}
	return ical_export_end(w, err);
}

struct calendar_job {
	struct cli		*cli;
	const struct group	*group;
	int			 flags;
	size_t			*count;
};

static int
write_job(FILE *fp, void *arg, struct error *err)
{
	struct calendar_job	*job = arg;

	return write_calendar(fp, job->cli, job->group, job->flags,
	    job->count, err);
}

/* Never half a calendar: see save_file. */
static int
write_file(const char *path, struct cli *cli, const struct group *g,
    int flags, size_t *count, struct error *err)
{
	struct calendar_job	job = { cli, g, flags, count };

	return save_file(cli->store, path, flags & ICAL_EXPORT_NOTES ?
	    SAVE_PRIVATE : 0, write_job, &job, err);
}

/* "松戸市 地域ケア会議", "明第1 地域個別ケア会議" */
static void
calendar_name(const struct catalog *cat, const char *city, long center_id,
    long type_id, char *buf, size_t size)
{
	const struct center		*c = catalog_center_by_id(cat,
					    center_id);
	const struct meeting_type	*t = catalog_type_by_id(cat,
					    type_id);

	snprintf(buf, size, "%s %s", c != NULL ? c->name : city,
	    t != NULL ? t->name : "地域ケア会議");
}

/* "松戸市 地域ケア会議 青木 陽子": the advisor's name after the rest. */
static void
advisor_calendar_name(const char *name, char *buf, size_t size)
{
	size_t	len = strlen(buf);

	snprintf(buf + len, size - len, " %s", name);
}

static struct group *
group_add(struct group **groups, size_t *n, const struct meeting_filter *f,
    const char *name)
{
	struct group	*g;
	char		 file[240], *dot;
	size_t		 i;
	int		 k = 1;

	*groups = xreallocarray(*groups, *n + 1, sizeof **groups);
	g = &(*groups)[(*n)++];
	memset(g, 0, sizeof *g);
	g->filter = *f;
	ical_export_file_name(name, file, sizeof file);
	snprintf(g->file, sizeof g->file, "%s", file);
	/* Windows folds case: 'A?' and 'a*' would be one file there */
	for (i = 0; i + 1 < *n; i++)
		if (strcasecmp((*groups)[i].file, g->file) == 0) {
			dot = strrchr(file, '.');
			*dot = '\0';
			snprintf(g->file, sizeof g->file, "%s-%d.ics", file,
			    ++k);
			*dot = '.';
			i = (size_t)-1;	/* and check the new name too */
		}
	return g;
}

static void
groups_by_center(const struct catalog *cat, const struct meeting_filter *f,
    const char *city, struct group **groups, size_t *n)
{
	const struct meeting_type	*t = catalog_type_by_id(cat,
					    f->type_id);
	struct meeting_filter		 one = *f;
	struct group			*g;
	size_t				 i;

	if (t == NULL || t->level == LEVEL_REGIONAL)
		for (i = 0; i < cat->ncenters; i++) {
			if (f->center_id != 0 && f->center_id !=
			    cat->centers[i].id)
				continue;
			one.center_id = cat->centers[i].id;
			g = group_add(groups, n, &one, cat->centers[i].name);
			g->retired = cat->centers[i].retired;
			calendar_name(cat, city, one.center_id, f->type_id,
			    g->calname, sizeof g->calname);
		}
	if (f->center_id == 0 && (t == NULL || t->level == LEVEL_CITY)) {
		for (i = 0; i < cat->ntypes; i++)
			if (cat->types[i].level == LEVEL_CITY)
				break;
		if (i == cat->ntypes)
			return;
		g = group_add(groups, n, f, city);
		g->city = 1;
		calendar_name(cat, city, 0, t != NULL ? t->id :
		    cat->types[i].id, g->calname, sizeof g->calname);
	}
}

static void
groups_by_type(const struct catalog *cat, const struct meeting_filter *f,
    const char *city, struct group **groups, size_t *n)
{
	struct meeting_filter	 one = *f;
	struct group		*g;
	size_t			 i;

	for (i = 0; i < cat->ntypes; i++) {
		if (f->type_id != 0 && f->type_id != cat->types[i].id)
			continue;
		one.type_id = cat->types[i].id;
		g = group_add(groups, n, &one, cat->types[i].code);
		calendar_name(cat, city, f->center_id, one.type_id,
		    g->calname, sizeof g->calname);
	}
}

static int
export_split(struct cli *cli, const struct meeting_filter *f,
    const char *city, const char *by, const char *dir, int flags,
    struct error *err)
{
	struct group		*groups = NULL;
	struct stat		 sb;
	char			*path;
	size_t			 n = 0, i, len, count;
	long			 held;
	int			 rc = 0, pass;

	/* a link planted at DIR would take the files elsewhere */
	if (mkdir(dir, 0777) == -1 && (errno != EEXIST ||
	    lstat(dir, &sb) == -1 || !S_ISDIR(sb.st_mode))) {
		if (errno == EEXIST && S_ISLNK(sb.st_mode))
			return error_set(err, ERROR_INPUT, _("--dir %s: is a "
			    "symbolic link; not followed, nothing written "
			    "(name the directory itself)"), dir);
		return error_set(err, ERROR_FAILURE, "%s: %s", dir,
		    errno == EEXIST ? strerror(ENOTDIR) : strerror(errno));
	}
	if (strcmp(by, "center") == 0)
		groups_by_center(&cli->catalog, f, city, &groups, &n);
	else
		groups_by_type(&cli->catalog, f, city, &groups, &n);
	/* every file is checked before the first is written */
	for (pass = 0; pass < 2; pass++)
		for (i = 0; i < n && rc == 0; i++) {
			/* a retired center's file only if it ever had some */
			if (groups[i].retired) {
				if ((rc = store_meeting_count(cli->store,
				    groups[i].filter.center_id, 0, &held,
				    err)) == -1)
					break;
				if (held == 0)
					continue;
			}
			len = strlen(dir) + strlen(groups[i].file) + 2;
			path = xmalloc(len);
			snprintf(path, len, "%s/%s", dir, groups[i].file);
			if (pass == 0)
				rc = save_file_check(cli->store, path, err);
			else if ((rc = write_file(path, cli, &groups[i], flags,
			    &count, err)) == 0)
				printf(ngettext("%s: %zu meeting\n",
				    "%s: %zu meetings\n", count), path, count);
			free(path);
		}
	free(groups);
	return rc;
}

static int
export_check(struct cli *cli, struct args *args)
{
	const char	*output = args_get(args, 'o');
	const char	*split = args_get(args, 's');
	const char	*dir = args_get(args, 'd');

	if (split != NULL && strcmp(split, "center") != 0 &&
	    strcmp(split, "type") != 0)
		return cli_usage_error(cli, _("--split-by: '%s' is not center "
		    "or type"), split);
	if ((split != NULL) != (dir != NULL))
		return cli_usage_error(cli, _("--split-by and --dir go "
		    "together"));
	if (split != NULL && output != NULL)
		return cli_usage_error(cli, _("-o writes one file; --split-by "
		    "writes many: give one of them"));
	if (output != NULL && *output == '\0')
		return cli_usage_error(cli, _("-o: empty file name"));
	if (args_get(args, 'A') != NULL && args_has(args, 'N'))
		return cli_usage_error(cli, _("--advisor writes a calendar for "
		    "an advisor: it never holds notes (--include-notes)"));
	return 0;
}

static int
export_run(struct cli *cli, struct args *args)
{
	struct meeting_filter	 filter;
	struct group		 whole;
	struct error		 err;
	const char		*output = args_get(args, 'o');
	const char		*split = args_get(args, 's');
	char			*city = NULL;
	size_t			 i, count;
	int			 flags = 0, rc;

	meeting_filter_init(&filter);
	filter.exclude_cancelled = !args_has(args, 'c');
	if (args_has(args, 'N'))
		flags |= ICAL_EXPORT_NOTES;
	/* --from, --to, --fy, --center, --type in the order given */
	for (i = 0; i < args->noptions; i++) {
		switch (args->options[i].id) {
		case 'f':
		case 't':
		case 'y':
		case 'C':
		case 'T':
		case 'A':
			if (cli_filter_option(cli, args->options[i].id,
			    args->options[i].value, &filter, &err) == -1)
				return cli_fail(&err);
			break;
		}
	}
	/* an advisor's calendar holds nothing about the cases */
	if (filter.advisor_id != 0)
		flags |= ICAL_EXPORT_NO_CASES;
	if (store_setting_get(cli->store, "city", &city, &err) == -1)
		return cli_fail(&err);
	if (split != NULL) {
		rc = export_split(cli, &filter, city != NULL ? city : "",
		    split, args_get(args, 'd'), flags, &err);
		free(city);
		return rc == -1 ? cli_fail(&err) : 0;
	}
	memset(&whole, 0, sizeof whole);
	whole.filter = filter;
	calendar_name(&cli->catalog, city != NULL ? city : "",
	    filter.center_id, filter.type_id, whole.calname,
	    sizeof whole.calname);
	if (filter.advisor_id != 0)
		advisor_calendar_name(args_get(args, 'A'), whole.calname,
		    sizeof whole.calname);
	free(city);
	if (output == NULL || strcmp(output, "-") == 0)
		rc = write_calendar(stdout, cli, &whole, flags, &count, &err);
	else if ((rc = write_file(output, cli, &whole, flags, &count,
	    &err)) == 0)
		printf(ngettext("%s: %zu meeting\n", "%s: %zu meetings\n",
		    count), output, count);
	return rc == -1 ? cli_fail(&err) : 0;
}

static int
export_exec(struct cli *cli, struct args *args)
{
	int	status = export_run(cli, args);

	modules_free();
	return status;
}
