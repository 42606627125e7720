/*
 * cmd-catalog.c -- `carecal center` and `carecal type`: keeping the
 * centers and meeting types of a database.
 */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "cmd.h"
#include "i18n.h"
#include "text.h"

static const char type_help[] = N_(
"Options of add and edit:\n"
"  --name NAME       the Japanese name (地域個別ケア会議)\n"
"  --short S         the short name for narrow columns (個別)\n"
"  --level L         regional (each center) or city (市レベル)\n"
"  --target MIN-MAX  meetings a year per center (city-wide for city);\n"
"                    '-' for none\n"
"  --cases, --no-cases   whether the type counts cases (事例)\n"
"  --group G         the rows the multi-year table groups it under, outer\n"
"                    first, by '/' (地域ケア小会議/個別課題); '-' for none\n"
"How it is scheduled:\n"
"  --length L        the usual length: minutes (90) or hours (1.5h); a\n"
"                    meeting with a start and no end lasts this long in\n"
"                    exports and bookings (90 minutes when not set);\n"
"                    '-' for not set\n"
"  --capacity N      the cases a meeting takes; '-' for not set\n"
"  --lecture, --no-lecture   a mini lecture (ミニ講義) besides the cases\n"
"  --cadence C       yearly (the target's number a year), monthly, or\n"
"                    ad-hoc (called when needed, never drafted)\n"
"  --summons LIST    the professions it summons, by ',' (or '、'), each\n"
"                    with its alternatives by '|': 'リハビリ専門職|理学療法士,\n"
"                    管理栄養士'; '-' for none\n");

static const char center_help[] = N_(
"  started NAME DATE   when the center was set up (設置): the multi-year\n"
"                      table counts the centers set up by each year's end\n"
"                      (設置地区数); a date, or a fiscal year for its first\n"
"                      day; '-' when not known\n");

static int
center_list(struct cli *cli, struct args *args)
{
	const struct center	*c;
	char			 day[DATE_JA_LEN];
	size_t			 i;

	(void)args;
	for (i = 0; i < cli->catalog.ncenters; i++) {
		c = &cli->catalog.centers[i];
		printf("%s%s", c->name, c->retired ? _(" (retired)") : "");
		if (c->has_started) {
			date_format_japanese(c->started, day, sizeof day);
			printf(_("  (set up %s)"), day);
		}
		putchar('\n');
	}
	return 0;
}

/* The changes of a center: each in the transaction of CMD_WRITE. */
static int
center_add(struct cli *cli, struct args *args)
{
	struct error	err;

	if (store_center_add(cli->store, args_string(args, 0), &err) == -1)
		return cli_fail(&err);
	return 0;
}

static int
center_rename(struct cli *cli, struct args *args)
{
	struct error	err;

	if (store_center_rename(cli->store, args_string(args, 0),
	    args_string(args, 1), &err) == -1)
		return cli_fail(&err);
	return 0;
}

static int
center_retire(struct cli *cli, struct args *args)
{
	struct error	err;

	if (store_center_retire(cli->store, args_string(args, 0), 1,
	    &err) == -1)
		return cli_fail(&err);
	return 0;
}

static int
center_unretire(struct cli *cli, struct args *args)
{
	struct error	err;

	if (store_center_retire(cli->store, args_string(args, 0), 0,
	    &err) == -1)
		return cli_fail(&err);
	return 0;
}

/* A date, a fiscal year for its first day, or - for not known. */
static int
center_started(struct cli *cli, struct args *args)
{
	struct error	 err, ignored;
	struct date	 day;
	const char	*name = args_string(args, 0);
	const char	*when = args_string(args, 1);
	int		 fy, rc;

	if (strcmp(when, "-") == 0)
		rc = store_center_set_started(cli->store, name, NULL, &err);
	else if (date_parse(when, &day, &ignored) == 0)
		rc = store_center_set_started(cli->store, name, &day, &err);
	else if (date_parse_fiscal_year(when, &fy, &ignored) == 0) {
		day = date_fiscal_year_start(fy);
		rc = store_center_set_started(cli->store, name, &day, &err);
	} else
		rc = error_set(&err, ERROR_INPUT, _("started: '%s' is "
		    "neither a date nor a fiscal year"), when);
	return rc == -1 ? cli_fail(&err) : 0;
}

/* a center's name is taken as given, -2+3 too: CMD_LITERAL */
static const struct cmd_entry center_list_entry = {
	.name = "list",
	.args = { 0, 0, NULL, N_("list takes no arguments") },
	.flags = CMD_STORE | CMD_LITERAL,
	.exec = center_list
};
static const struct cmd_entry center_add_entry = {
	.name = "add",
	.args = { 1, 1, N_("add takes 1 argument(s)"),
	    N_("add takes 1 argument(s)") },
	.flags = CMD_WRITE | CMD_LITERAL,
	.exec = center_add
};
static const struct cmd_entry center_rename_entry = {
	.name = "rename",
	.args = { 2, 2, N_("rename takes 2 argument(s)"),
	    N_("rename takes 2 argument(s)") },
	.flags = CMD_WRITE | CMD_LITERAL,
	.exec = center_rename
};
static const struct cmd_entry center_retire_entry = {
	.name = "retire",
	.args = { 1, 1, N_("retire takes 1 argument(s)"),
	    N_("retire takes 1 argument(s)") },
	.flags = CMD_WRITE | CMD_LITERAL,
	.exec = center_retire
};
static const struct cmd_entry center_unretire_entry = {
	.name = "unretire",
	.args = { 1, 1, N_("unretire takes 1 argument(s)"),
	    N_("unretire takes 1 argument(s)") },
	.flags = CMD_WRITE | CMD_LITERAL,
	.exec = center_unretire
};
static const struct cmd_entry center_started_entry = {
	.name = "started",
	.args = { 2, 2, N_("started takes 2 argument(s)"),
	    N_("started takes 2 argument(s)") },
	.flags = CMD_WRITE | CMD_LITERAL,
	.exec = center_started
};
static const struct cmd_entry *const center_verbs[] = {
	&center_list_entry,
	&center_add_entry,
	&center_rename_entry,
	&center_retire_entry,
	&center_unretire_entry,
	&center_started_entry,
	NULL
};

const struct cmd_entry cmd_center_entry = {
	.name = "center",
	.usage = "center list | add NAME | rename OLD NEW | retire NAME | "
	    "unretire NAME | started NAME DATE|-",
	.summary = N_("list, add, rename or retire centers"),
	.help = center_help,
	.verbs = center_verbs
};

/* How the type is scheduled, what is set of it. */
static void
type_print_schedule(const struct meeting_type *t)
{
	if (t->length > 0)
		printf(_("  %d min"), t->length);
	if (t->capacity > 0)
		printf(t->lecture ? _("  %d cases + lecture") :
		    _("  %d cases"), t->capacity);
	else if (t->lecture)
		printf(_("  lecture"));
	if (t->cadence == CADENCE_MONTHLY)
		printf("  %s", _("monthly"));
	else if (t->cadence == CADENCE_AD_HOC)
		printf("  %s", _("ad hoc"));
	if (t->summons != NULL)
		printf(_("  (summons %s)"), t->summons);
}

static void
type_print(const struct meeting_type *t)
{
	char	target[32];

	if (t->target_min < 0 && t->target_max < 0)
		snprintf(target, sizeof target, "-");
	else if (t->target_min == t->target_max)
		snprintf(target, sizeof target, "%d", t->target_min);
	else
		snprintf(target, sizeof target, "%d-%d", t->target_min < 0 ?
		    0 : t->target_min, t->target_max);
	text_print_padded(stdout, t->code, 12);
	fputs("  ", stdout);
	text_print_padded(stdout, t->name, 24);
	fputs("  ", stdout);
	text_print_padded(stdout, t->short_name, 8);
	printf("  %-8s  %-5s  %s", type_level_name(t->level), target,
	    t->counts_cases ? _("counts cases") : "");
	if (t->group != NULL)
		printf(_("  (group %s)"), t->group);
	type_print_schedule(t);
	putchar('\n');
}

/* A number of cases: 1 to TYPE_CAPACITY_MAX. */
static int
parse_count(const char *s, int *out)
{
	char	*end;
	long	 v = strtol(s, &end, 10);

	if (*s < '0' || *s > '9' || *end != '\0' || v < 1 ||
	    v > TYPE_CAPACITY_MAX)
		return -1;
	*out = (int)v;
	return 0;
}

static int
parse_target(const char *s, struct meeting_type *t, struct error *err)
{
	char	*end;
	long	 lo, hi;

	if (strcmp(s, "-") == 0) {
		t->target_min = t->target_max = -1;
		return 0;
	}
	lo = strtol(s, &end, 10);
	hi = lo;
	if (*end == '-')
		hi = strtol(end + 1, &end, 10);
	if (*s < '0' || *s > '9' || *end != '\0' || lo < 0 || hi < lo ||
	    hi > 1000)
		return error_set(err, ERROR_INPUT, _("--target: '%s' is not N "
		    "or MIN-MAX (or - for none)"), s);
	t->target_min = (int)lo;
	t->target_max = (int)hi;
	return 0;
}

static int
type_list(struct cli *cli, struct args *args)
{
	size_t	i;

	(void)args;
	for (i = 0; i < cli->catalog.ntypes; i++)
		type_print(&cli->catalog.types[i]);
	return 0;
}

/*
 * An option of how a type is scheduled onto t: --length, --capacity,
 * --lecture, --no-lecture, --cadence, --summons (its text in *summons,
 * the caller's to free).
 */
static int
type_schedule_option(struct meeting_type *t, int id, const char *v,
    char **summons, struct error *err)
{
	switch (id) {
	case 'L':
		t->length = 0;
		if (strcmp(v, "-") != 0 &&
		    type_length_parse(v, &t->length, err) == -1)
			goto bad;
		break;
	case 'k':
		t->capacity = 0;
		if (strcmp(v, "-") != 0 && (parse_count(v, &t->capacity) ==
		    -1))
			return error_set(err, ERROR_INPUT, _("--capacity: '%s' "
			    "is not a number of cases (1-%d) or -"), v,
			    TYPE_CAPACITY_MAX);
		break;
	case 'e':
		t->lecture = 1;
		break;
	case 'E':
		t->lecture = 0;
		break;
	case 'r':
		if (type_cadence_parse(v, &t->cadence, err) == -1)
			goto bad;
		break;
	case 'u':
		free(*summons);
		if (type_summons_normalize(v, summons, err) == -1) {
			*summons = NULL;
			goto bad;
		}
		t->summons = *summons;
		break;
	}
	return 0;
bad:
	error_prefix(err, "--%s: ", id == 'L' ? "length" : id == 'r' ?
	    "cadence" : "summons");
	return -1;
}

/*
 * add and edit: the options in the order given, over a new type or the
 * one of that code as it is; in the transaction of CMD_WRITE.
 */
static int
type_change(struct cli *cli, struct args *args, int adding)
{
	const struct meeting_type	*old;
	struct meeting_type		 t;
	struct error			 err;
	char				*v, *summons = NULL;
	size_t				 i;
	int				 rc;

	memset(&t, 0, sizeof t);
	t.code = args->values[0];
	t.target_min = t.target_max = -1;
	if (!adding) {
		if (catalog_find_type(&cli->catalog, t.code, &old,
		    &err) == -1)
			return cli_fail(&err);
		t = *old;
	}
	for (i = 0; i < args->noptions; i++) {
		v = args->options[i].value;
		switch (args->options[i].id) {
		case 'n':
			t.name = v;
			break;
		case 's':
			t.short_name = v;
			break;
		case 'l':
			if (type_level_parse(v, &t.level, &err) == -1)
				return cli_fail(&err);
			break;
		case 't':
			if (parse_target(v, &t, &err) == -1)
				return cli_fail(&err);
			break;
		case 'c':
			t.counts_cases = 1;
			break;
		case 'C':
			t.counts_cases = 0;
			break;
		case 'g':
			t.group = strcmp(v, "-") == 0 ? NULL : v;
			break;
		default:
			if (type_schedule_option(&t, args->options[i].id, v,
			    &summons, &err) == -1) {
				free(summons);
				return cli_fail(&err);
			}
			break;
		}
	}
	if (adding && t.name == NULL) {
		free(summons);
		return cli_usage_error(cli, _("add needs --name"));
	}
	rc = adding ? store_type_add(cli->store, &t, &err) :
	    store_type_update(cli->store, &t, &err);
	free(summons);
	return rc == -1 ? cli_fail(&err) : 0;
}

static int
type_add(struct cli *cli, struct args *args)
{
	return type_change(cli, args, 1);
}

static int
type_edit(struct cli *cli, struct args *args)
{
	return type_change(cli, args, 0);
}

static const struct cmd_option type_options[] = {
	{ "name",	CMD_VALUE,	'n' },
	{ "short",	CMD_VALUE,	's' },
	{ "level",	CMD_VALUE,	'l' },
	{ "target",	CMD_VALUE,	't' },
	{ "cases",	0,		'c' },
	{ "no-cases",	0,		'C' },
	{ "group",	CMD_VALUE,	'g' },
	{ "length",	CMD_VALUE,	'L' },
	{ "capacity",	CMD_VALUE,	'k' },
	{ "lecture",	0,		'e' },
	{ "no-lecture",	0,		'E' },
	{ "cadence",	CMD_VALUE,	'r' },
	{ "summons",	CMD_VALUE,	'u' },
	{ NULL, 0, 0 }
};

static const struct cmd_entry type_list_entry = {
	.name = "list",
	.args = { 0, 0, NULL, N_("list takes no arguments") },
	.flags = CMD_STORE,
	.exec = type_list
};
static const struct cmd_entry type_add_entry = {
	.name = "add",
	.options = type_options,
	.args = { 1, 1, N_("add needs a type code"), NULL },
	.flags = CMD_WRITE,
	.exec = type_add
};
static const struct cmd_entry type_edit_entry = {
	.name = "edit",
	.options = type_options,
	.args = { 1, 1, N_("edit needs a type code"), NULL },
	.flags = CMD_WRITE,
	.exec = type_edit
};
static const struct cmd_entry *const type_verbs[] = {
	&type_list_entry,
	&type_add_entry,
	&type_edit_entry,
	NULL
};

const struct cmd_entry cmd_type_entry = {
	.name = "type",
	.usage = "type list | add CODE --name NAME [--short S] "
	    "[--level regional|city] [--target MIN[-MAX]] [--cases] "
	    "[--group G] [--length L] [--capacity N] [--lecture] "
	    "[--cadence yearly|monthly|ad-hoc] [--summons LIST] | "
	    "edit CODE [same options]",
	.summary = N_("list, add or change meeting types"),
	.help = type_help,
	.verbs = type_verbs
};
