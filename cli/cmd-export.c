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
#include "export.h"
#include "i18n.h"
#include "ical-export.h"
#include "modules.h"
#include "paths.h"

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
"  --without-cancelled  no cancelled meetings, nor deleted ones (by\n"
"                       default they go out as STATUS:CANCELLED with\n"
"                       【中止】 in the title, so that calendars mark\n"
"                       them; a deleted one for tombstone-days days)\n"
"  --include-cancelled  accepted, as before; cancelled ones are in anyway\n"
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
	{ "without-cancelled",	0,			'W' },
	{ "include-notes",	0,			'N' },
	{ "output",		CMD_VALUE | CMD_SHORT,	'o' },
	{ "split-by",		CMD_VALUE,		's' },
	{ "dir",		CMD_VALUE,		'd' },
	{ NULL, 0, 0 }
};

const struct cmd_entry cmd_export_entry = {
	.name = "export",
	.usage = "export [--from D] [--to D] [--fy Y] [--center NAME] "
	    "[--type CODE] [--advisor NAME] [--without-cancelled] "
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

/* One calendar of the export: a file name and what it holds. */
struct group {
	char			 file[256];
	char			 calname[256];
	struct export_calendar	 cal;
	int			 retired;	/* a file only if used */
};

struct calendar_job {
	struct cli		*cli;
	const struct group	*group;
	struct export_count	*count;
};

static int
write_job(FILE *fp, void *arg, struct error *err)
{
	struct calendar_job	*job = arg;
	struct export_calendar	 cal = job->group->cal;

	/* the groups move as they are added: the name is taken here */
	cal.calname = job->group->calname;
	return export_calendar_write(fp, job->cli->store, &job->cli->catalog,
	    &cal, job->count, err);
}

/* Never half a calendar: see save_file. */
static int
write_file(const char *path, struct cli *cli, const struct group *g,
    struct error *err)
{
	struct export_count	count;
	struct calendar_job	job = { cli, g, &count };

	if (save_file(cli->store, path, g->cal.flags & ICAL_EXPORT_NOTES ?
	    SAVE_PRIVATE : 0, write_job, &job, err) == -1)
		return -1;
	printf(ngettext("%s: %zu meeting\n", "%s: %zu meetings\n",
	    count.meetings), path, count.meetings);
	if (count.tombstones > 0)
		printf(ngettext("%s: also %zu deleted meeting, as cancelled\n",
		    "%s: also %zu deleted meetings, as cancelled\n",
		    count.tombstones), path, count.tombstones);
	return 0;
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
    int flags, const char *name)
{
	struct group	*g;
	char		 file[240], *dot;
	size_t		 i;
	int		 k = 1;

	*groups = xreallocarray(*groups, *n + 1, sizeof **groups);
	g = &(*groups)[(*n)++];
	memset(g, 0, sizeof *g);
	export_calendar_init(&g->cal, NULL);
	g->cal.filter = *f;
	g->cal.flags = flags;
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
    int flags, const char *city, struct group **groups, size_t *n)
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
			g = group_add(groups, n, &one, flags,
			    cat->centers[i].name);
			g->retired = cat->centers[i].retired;
			export_calendar_name(cat, city, one.center_id,
			    f->type_id, g->calname, sizeof g->calname);
		}
	if (f->center_id == 0 && (t == NULL || t->level == LEVEL_CITY)) {
		for (i = 0; i < cat->ntypes; i++)
			if (cat->types[i].level == LEVEL_CITY)
				break;
		if (i == cat->ntypes)
			return;
		g = group_add(groups, n, f, flags, city);
		g->cal.city = 1;
		export_calendar_name(cat, city, 0, t != NULL ? t->id :
		    cat->types[i].id, g->calname, sizeof g->calname);
	}
}

static void
groups_by_type(const struct catalog *cat, const struct meeting_filter *f,
    int flags, const char *city, struct group **groups, size_t *n)
{
	struct meeting_filter	 one = *f;
	struct group		*g;
	size_t			 i;

	for (i = 0; i < cat->ntypes; i++) {
		if (f->type_id != 0 && f->type_id != cat->types[i].id)
			continue;
		one.type_id = cat->types[i].id;
		g = group_add(groups, n, &one, flags, cat->types[i].code);
		export_calendar_name(cat, city, f->center_id, one.type_id,
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
	size_t			 n = 0, i;
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
		groups_by_center(&cli->catalog, f, flags, city, &groups, &n);
	else
		groups_by_type(&cli->catalog, f, flags, city, &groups, &n);
	/* every file is checked before the first is written */
	for (pass = 0; pass < 2; pass++)
		for (i = 0; i < n && rc == 0; i++) {
			/* a retired center's file only if it ever had some */
			if (groups[i].retired) {
				if ((rc = store_meeting_count(cli->store,
				    groups[i].cal.filter.center_id, 0, &held,
				    err)) == -1)
					break;
				if (held == 0)
					continue;
			}
			path = paths_join(dir, groups[i].file);
			if (pass == 0)
				rc = save_file_check(cli->store, path, err);
			else
				rc = write_file(path, cli, &groups[i], err);
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
	struct export_count	 count;
	struct error		 err;
	const char		*output = args_get(args, 'o');
	const char		*split = args_get(args, 's');
	char			*city = NULL;
	size_t			 i;
	int			 flags = 0, rc;

	meeting_filter_init(&filter);
	/* --include-cancelled, the old default's way out, is the default */
	filter.exclude_cancelled = args_has(args, 'W');
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
	export_calendar_init(&whole.cal, whole.calname);
	whole.cal.filter = filter;
	whole.cal.flags = flags;
	export_calendar_name(&cli->catalog, city != NULL ? city : "",
	    filter.center_id, filter.type_id, whole.calname,
	    sizeof whole.calname);
	if (filter.advisor_id != 0)
		advisor_calendar_name(args_get(args, 'A'), whole.calname,
		    sizeof whole.calname);
	free(city);
	if (output == NULL || strcmp(output, "-") == 0)
		rc = export_calendar_write(stdout, cli->store, &cli->catalog,
		    &whole.cal, &count, &err);
	else
		rc = write_file(output, cli, &whole, &err);
	return rc == -1 ? cli_fail(&err) : 0;
}

static int
export_exec(struct cli *cli, struct args *args)
{
	int	status = export_run(cli, args);

	modules_free();
	return status;
}
