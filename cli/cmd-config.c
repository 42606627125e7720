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

static void	help_settings(void);
static int	config_check(struct cli *, struct args *);
static int	config_exec(struct cli *, struct args *);

const struct cmd_entry cmd_config_entry = {
	.name = "config",
	.usage = "config [KEY [VALUE]]",
	.summary = N_("show or change the settings of the database"),
	.help = N_(
"With no KEY, every setting; with KEY, its value; with KEY and VALUE, the\n"
"new value. Settings:\n"),
	.help_more = help_settings,
	.args = { 0, 2, NULL, N_("too many arguments") },
	/* KEY and VALUE as given: a value may begin with '-' */
	.flags = CMD_STORE | CMD_LITERAL,
	.check = config_check,
	.exec = config_exec
};

/* The column of the keys: as wide as the longest. */
static int
key_width(void)
{
	const struct setting_info	*table;
	size_t				 i, n, width = 0;

	table = settings_table(&n);
	for (i = 0; i < n; i++)
		if (strlen(table[i].key) > width)
			width = strlen(table[i].key);
	return (int)width;
}

/* The settings of the table, after the help. */
static void
help_settings(void)
{
	const struct setting_info	*table;
	size_t				 i, n;

	table = settings_table(&n);
	for (i = 0; i < n; i++) {
		printf("  ");
		text_print_padded(stdout, table[i].key, key_width() + 2);
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
		text_print_padded(stdout, info->key, key_width());
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
	struct error	err;
	char		canonical[SETTING_VALUE_LEN];

	if (settings_normalise(info, value, canonical, sizeof canonical,
	    &err) == -1)
		return cli_fail(&err);
	/* the follow-up settings hold together, and name types there are */
	if (strncmp(info->key, "followup-", 9) == 0 &&
	    settings_followup_value(cli->store, &cli->catalog, info->key,
	    canonical, canonical, sizeof canonical, &err) == -1) {
		error_prefix(&err, "%s: ", info->key);
		return cli_fail(&err);
	}
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

/* KEY must be a setting, and one a user may set to be given VALUE. */
static int
config_check(struct cli *cli, struct args *args)
{
	const struct setting_info	*info;

	if (args_count(args) == 0)
		return 0;
	if ((info = settings_find(args_string(args, 0))) == NULL)
		return cli_usage_error(cli, _("unknown setting '%s'"),
		    args_string(args, 0));
	if (args_count(args) == 2 && !info->settable)
		return cli_usage_error(cli, _("%s is read only"), info->key);
	return 0;
}

static int
config_exec(struct cli *cli, struct args *args)
{
	const struct setting_info	*table;
	size_t				 i, n;
	int				 status;

	if (args_count(args) == 2)
		return config_set(cli, settings_find(args_string(args, 0)),
		    args_string(args, 1));
	if (args_count(args) == 1)
		return config_show(cli, settings_find(args_string(args, 0)),
		    0);
	table = settings_table(&n);
	for (i = 0; i < n; i++)
		if ((status = config_show(cli, &table[i], 1)) != 0)
			return status;
	return 0;
}
