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

static int	center_exec(struct cli *, int, char **);
static int	type_exec(struct cli *, int, char **);

const struct command cmd_center = {
	"center",
	"center list | add NAME | rename OLD NEW | retire NAME | "
	"unretire NAME | started NAME DATE|-",
	N_("list, add, rename or retire centers"),
	center_exec
};

const struct command cmd_type = {
	"type",
	"type list | add CODE --name NAME [--short S] [--level regional|city] "
	"[--target MIN[-MAX]] [--cases] [--group G] | edit CODE [same options]",
	N_("list, add or change meeting types"),
	type_exec
};

static const char type_help[] = N_(
"Options of add and edit:\n"
"  --name NAME       the Japanese name (地域個別ケア会議)\n"
"  --short S         the short name for narrow columns (個別)\n"
"  --level L         regional (each center) or city (市レベル)\n"
"  --target MIN-MAX  meetings a year per center (city-wide for city);\n"
"                    '-' for none\n"
"  --cases, --no-cases   whether the type counts cases (事例)\n"
"  --group G         the rows the multi-year table groups it under, outer\n"
"                    first, by '/' (地域ケア小会議/個別課題); '-' for none\n");

static const char center_help[] = N_(
"  started NAME DATE   when the center was set up (設置): the multi-year\n"
"                      table counts the centers set up by each year's end\n"
"                      (設置地区数); a date, or a fiscal year for its first\n"
"                      day; '-' when not known\n");

static int
with_transaction(struct cli *cli, int (*change)(struct cli *, char **,
    struct error *), char **args)
{
	struct error	err;

	if (store_begin(cli->store, cli->command_line, &err) == -1)
		return cli_fail(&err);
	if (change(cli, args, &err) == -1) {
		store_rollback(cli->store);
		return cli_fail(&err);
	}
	if (store_commit(cli->store, &err) == -1)
		return cli_fail(&err);
	return 0;
}

static int
center_add(struct cli *cli, char **args, struct error *err)
{
	return store_center_add(cli->store, args[0], err);
}

static int
center_rename(struct cli *cli, char **args, struct error *err)
{
	return store_center_rename(cli->store, args[0], args[1], err);
}

static int
center_retire(struct cli *cli, char **args, struct error *err)
{
	return store_center_retire(cli->store, args[0], 1, err);
}

static int
center_unretire(struct cli *cli, char **args, struct error *err)
{
	return store_center_retire(cli->store, args[0], 0, err);
}

static int
center_started(struct cli *cli, char **args, struct error *err)
{
	struct error	ignored;
	struct date	day;
	int		fy;

	if (strcmp(args[1], "-") == 0)
		return store_center_set_started(cli->store, args[0], NULL, err);
	if (date_parse(args[1], &day, &ignored) == -1) {
		if (date_parse_fiscal_year(args[1], &fy, &ignored) == -1)
			return error_set(err, ERROR_INPUT, _("started: '%s' is "
			    "neither a date nor a fiscal year"), args[1]);
		day = date_fiscal_year_start(fy);
	}
	return store_center_set_started(cli->store, args[0], &day, err);
}

static int
center_exec(struct cli *cli, int argc, char **argv)
{
	static const struct {
		const char	*name;
		int		 nargs;
		int		(*change)(struct cli *, char **,
				    struct error *);
	} actions[] = {
		{ "add", 1, center_add },
		{ "rename", 2, center_rename },
		{ "retire", 1, center_retire },
		{ "unretire", 1, center_unretire },
		{ "started", 2, center_started },
	};
	const struct center	*c;
	struct error		 err;
	char			 day[DATE_JA_LEN];
	size_t			 i;

	if (argc >= 2 && (strcmp(argv[1], "--help") == 0 ||
	    strcmp(argv[1], "-h") == 0))
		return cli_help(&cmd_center, center_help);
	if (argc < 2)
		return cli_usage_error(&cmd_center, _("which action?"));
	if (strcmp(argv[1], "list") == 0) {
		if (argc != 2)
			return cli_usage_error(&cmd_center,
			    _("list takes no arguments"));
		if (cli_open(cli, &err) == -1)
			return cli_fail(&err);
		for (i = 0; i < cli->catalog.ncenters; i++) {
			c = &cli->catalog.centers[i];
			printf("%s%s", c->name, c->retired ? _(" (retired)") :
			    "");
			if (c->has_started) {
				date_format_japanese(c->started, day,
				    sizeof day);
				printf(_("  (set up %s)"), day);
			}
			putchar('\n');
		}
		return 0;
	}
	for (i = 0; i < sizeof actions / sizeof actions[0]; i++) {
		if (strcmp(argv[1], actions[i].name) != 0)
			continue;
		if (argc != 2 + actions[i].nargs)
			return cli_usage_error(&cmd_center,
			    _("%s takes %d argument(s)"), actions[i].name,
			    actions[i].nargs);
		if (cli_open(cli, &err) == -1)
			return cli_fail(&err);
		return with_transaction(cli, actions[i].change, argv + 2);
	}
	return cli_usage_error(&cmd_center, _("unknown action '%s'"), argv[1]);
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
	putchar('\n');
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
type_exec(struct cli *cli, int argc, char **argv)
{
	static const struct option options[] = {
		{ "name",	required_argument, NULL, 'n' },
		{ "short",	required_argument, NULL, 's' },
		{ "level",	required_argument, NULL, 'l' },
		{ "target",	required_argument, NULL, 't' },
		{ "cases",	no_argument, NULL, 'c' },
		{ "no-cases",	no_argument, NULL, 'C' },
		{ "group",	required_argument, NULL, 'g' },
		{ "help",	no_argument, NULL, 'h' },
		{ NULL, 0, NULL, 0 }
	};
	const struct meeting_type	*old;
	struct meeting_type		 t;
	struct error			 err;
	const char			*action;
	size_t				 i;
	int				 opt, adding;

	if (argc < 2)
		return cli_usage_error(&cmd_type, _("which action?"));
	action = argv[1];
	if (strcmp(action, "--help") == 0 || strcmp(action, "-h") == 0)
		return cli_help(&cmd_type, type_help);
	if (strcmp(action, "list") == 0) {
		if (argc != 2)
			return cli_usage_error(&cmd_type,
			    _("list takes no arguments"));
		if (cli_open(cli, &err) == -1)
			return cli_fail(&err);
		for (i = 0; i < cli->catalog.ntypes; i++)
			type_print(&cli->catalog.types[i]);
		return 0;
	}
	if (strcmp(action, "add") != 0 && strcmp(action, "edit") != 0)
		return cli_usage_error(&cmd_type, _("unknown action '%s'"),
		    action);
	adding = strcmp(action, "add") == 0;
	if (argc < 3 || argv[2][0] == '-')
		return cli_usage_error(&cmd_type, _("%s needs a type code"),
		    action);
	if (cli_open(cli, &err) == -1)
		return cli_fail(&err);
	memset(&t, 0, sizeof t);
	t.code = argv[2];
	t.target_min = t.target_max = -1;
	if (!adding) {
		if (catalog_find_type(&cli->catalog, argv[2], &old, &err) == -1)
			return cli_fail(&err);
		t = *old;
	}
	argc -= 2;
	argv += 2;
	while ((opt = cli_getopt(argc, argv, "", options)) != -1) {
		switch (opt) {
		case 'n':
			t.name = optarg;
			break;
		case 's':
			t.short_name = optarg;
			break;
		case 'l':
			if (type_level_parse(optarg, &t.level, &err) == -1)
				return cli_fail(&err);
			break;
		case 't':
			if (parse_target(optarg, &t, &err) == -1)
				return cli_fail(&err);
			break;
		case 'c':
			t.counts_cases = 1;
			break;
		case 'C':
			t.counts_cases = 0;
			break;
		case 'g':
			t.group = strcmp(optarg, "-") == 0 ? NULL : optarg;
			break;
		case 'h':
			return cli_help(&cmd_type, type_help);
		default:
			return cli_usage_error(&cmd_type, _("unknown option or "
			    "missing value: %s"), argv[optind - 1]);
		}
	}
	if (optind != argc)
		return cli_usage_error(&cmd_type, _("unexpected argument "
		    "'%s'"), argv[optind]);
	if (adding && t.name == NULL)
		return cli_usage_error(&cmd_type, _("add needs --name"));
	if (store_begin(cli->store, cli->command_line, &err) == -1)
		return cli_fail(&err);
	if ((adding ? store_type_add(cli->store, &t, &err) :
	    store_type_update(cli->store, &t, &err)) == -1 ||
	    store_commit(cli->store, &err) == -1) {
		store_rollback(cli->store);
		return cli_fail(&err);
	}
	return 0;
}
