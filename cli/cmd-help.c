/*
 * cmd-help.c -- `carecal help [COMMAND [ACTION]]`: what --help says,
 * for whoever asks for it as a command.
 */
#include <stdio.h>
#include <string.h>

#include "cmd.h"
#include "i18n.h"

static int	help_exec(struct cli *, struct args *);

static const char help_help[] = N_(
"With no command: the commands, the options and the environment, as\n"
"'carecal --help'. With a command (and one of its actions): what\n"
"'carecal COMMAND --help' prints.\n");

const struct cmd_entry cmd_help_entry = {
	.name = "help",
	.usage = "help [COMMAND [ACTION]]",
	.summary = N_("what carecal or one of its commands takes"),
	.help = help_help,
	.args = { 0, 2, NULL, NULL },
	/* help --db is no option of help's: an unknown command */
	.flags = CMD_LITERAL,
	.exec = help_exec
};

static int
help_exec(struct cli *cli, struct args *args)
{
	const struct cmd_entry	*entry, *const *verb;
	const char		*name = args_string(args, 0);
	const char		*action = args_string(args, 1);

	if (name == NULL) {
		carecal_usage(stdout);
		return 0;
	}
	if ((entry = cmd_find(name)) == NULL)
		return cli_usage_error(cli, _("unknown command '%s'"), name);
	if (action != NULL) {
		if (entry->verbs == NULL)
			return cli_usage_error(cli, _("unexpected argument "
			    "'%s'"), action);
		for (verb = entry->verbs; *verb != NULL; verb++)
			if (strcmp(action, (*verb)->name) == 0)
				break;
		if (*verb == NULL)
			return cli_usage_error(cli, _("unknown action '%s'"),
			    action);
	}
	/* an action's help is its command's, as `center add --help` */
	return cmd_print_help(entry);
}
