/*
 * cmd-config.c -- `carecal config`: show the settings of a database and
 * change the ones a user may change (the office closure).
 */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "alloc.h"
#include "cmd.h"
#include "i18n.h"
#include "settings.h"
#include "text.h"

static int	config_exec(struct cli *, int, char **);

const struct command cmd_config = {
	"config",
	"config [KEY [VALUE]]",
	N_("show or change the settings of the database"),
	config_exec
};

static void
print_help(void)
{
	const struct setting_info	*table;
	size_t				 i, n;

	cli_help(&cmd_config, N_(
"With no KEY, every setting; with KEY, its value; with KEY and VALUE, the\n"
"new value. Settings:\n"));
	table = settings_table(&n);
	for (i = 0; i < n; i++) {
		printf("  ");
		text_print_padded(stdout, table[i].key, 9);
		printf("%s%s\n", _(table[i].what), table[i].settable ? "" :
		    _(" (read only)"));
	}
	printf(_("The closure is 12-29..01-03 until changed; "
	    "'carecal config closure none'\n"
	    "(or '') removes it. 'carecal check' reports meetings on closure "
	    "days.\n"));
}

static int
config_show(struct cli *cli, const struct setting_info *info, int with_key)
{
	struct error	 err;
	char		*value;

	if (settings_get(cli->store, info, &value, &err) == -1)
		return cli_fail(&err);
	if (strcmp(info->key, "closure") == 0 && *value == '\0') {
		free(value);
		value = xstrdup("none");
	}
	if (with_key) {
		text_print_padded(stdout, info->key, 9);
		fputs("  ", stdout);
	}
	printf("%s\n", value);
	free(value);
	return 0;
}

static int
config_set(struct cli *cli, const struct setting_info *info,
    const char *value)
{
	struct closure	closure;
	struct error	err;
	char		canonical[CLOSURE_LEN];

	/* closure is the only settable key for now */
	if (closure_parse(value, &closure, &err) == -1)
		return cli_fail(&err);
	closure_format(&closure, canonical, sizeof canonical);
	if (store_begin(cli->store, cli->command_line, &err) == -1)
		return cli_fail(&err);
	if (store_setting_set(cli->store, info->key, canonical, &err) == -1) {
		store_rollback(cli->store);
		return cli_fail(&err);
	}
	if (store_commit(cli->store, &err) == -1)
		return cli_fail(&err);
	return 0;
}

static int
config_exec(struct cli *cli, int argc, char **argv)
{
	const struct setting_info	*info, *table;
	struct error			 err;
	size_t				 i, n;
	int				 status;

	if (argc >= 2 && (strcmp(argv[1], "--help") == 0 ||
	    strcmp(argv[1], "-h") == 0)) {
		print_help();
		return 0;
	}
	if (argc > 3)
		return cli_usage_error(&cmd_config, _("too many arguments"));
	info = NULL;
	if (argc >= 2 && (info = settings_find(argv[1])) == NULL)
		return cli_usage_error(&cmd_config, _("unknown setting '%s'"),
		    argv[1]);
	if (argc == 3 && !info->settable)
		return cli_usage_error(&cmd_config, _("%s is read only"),
		    info->key);
	if (cli_open(cli, &err) == -1)
		return cli_fail(&err);
	if (argc == 3)
		return config_set(cli, info, argv[2]);
	if (info != NULL)
		return config_show(cli, info, 0);
	table = settings_table(&n);
	for (i = 0; i < n; i++)
		if ((status = config_show(cli, &table[i], 1)) != 0)
			return status;
	return 0;
}
