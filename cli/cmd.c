/*
 * cmd.c -- the table of commands and what every command goes through:
 * its arguments parsed from its entry, --help, the usage errors, the
 * count of arguments, the store opened, exec called (cmd.h).
 */
#include <stdio.h>
#include <string.h>

#include "cmd.h"
#include "i18n.h"

static const struct cmd_entry *commands[] = {
	&cmd_init_entry,
	&cmd_list_entry,
	&cmd_add_entry,
	&cmd_edit_entry,
	&cmd_cancel_entry,
	&cmd_delete_entry,
	&cmd_import_entry,
	&cmd_export_entry,
	&cmd_serve_entry,
	&cmd_summary_entry,
	&cmd_center_entry,
	&cmd_type_entry,
	&cmd_advisor_entry,
	&cmd_assign_entry,
	&cmd_unassign_entry,
	&cmd_holidays_entry,
	&cmd_check_entry,
	&cmd_plan_entry,
	&cmd_config_entry,
	&cmd_history_entry,
	&cmd_undo_entry,
	&cmd_restore_meeting_entry,
	&cmd_backup_entry,
	&cmd_restore_entry,
	&cmd_fsck_entry,
	&cmd_case_entry,
	&cmd_help_entry,
};
#define NCOMMANDS	(sizeof commands / sizeof commands[0])

const struct cmd_entry *
cmd_find(const char *name)
{
	size_t	i;

	for (i = 0; i < NCOMMANDS; i++)
		if (strcmp(name, commands[i]->name) == 0)
			return commands[i];
	return NULL;
}

void
cmd_print_table(FILE *fp)
{
	size_t	i, len, width = 0;

	for (i = 0; i < NCOMMANDS; i++)
		if ((len = strlen(commands[i]->name)) > width)
			width = len;
	for (i = 0; i < NCOMMANDS; i++)
		fprintf(fp, "  %-*s  %s\n", (int)width, commands[i]->name,
		    _(commands[i]->summary));
}

/* --help: the usage, the summary and the help of the entry. */
int
cmd_print_help(const struct cmd_entry *entry)
{
	printf(_("usage: carecal [--db PATH] %s\n"), entry->usage);
	printf("%s\n", _(entry->summary));
	if (entry->help != NULL)
		printf("\n%s", _(entry->help));
	if (entry->help_more != NULL)
		entry->help_more();
	return 0;
}

static int
is_help(const char *arg)
{
	return strcmp(arg, "--help") == 0 || strcmp(arg, "-h") == 0;
}

/* Whether an unknown option may also be a value left out. */
static int
takes_values(const struct cmd_option *options)
{
	for (; options != NULL && options->name != NULL; options++)
		if (options->flags & CMD_VALUE)
			return 1;
	return 0;
}

static int
parse_error(struct cli *cli, const struct cmd_entry *cmd, int rc,
    const char *bad)
{
	if (rc == ARGS_TOO_MANY)
		return cli_usage_error(cli, _("too many options"));
	return cli_usage_error(cli, takes_values(cmd->options) ?
	    _("unknown option or missing value: %s") :
	    _("unknown option: %s"), bad);
}

static int
check_count(struct cli *cli, const struct cmd_entry *cmd,
    const struct args *args)
{
	size_t	n = args_count(args);

	if (n < (size_t)cmd->args.lower)
		return cli_usage_error(cli, "%s", cmd->args.few != NULL ?
		    _(cmd->args.few) : _("missing argument"));
	if (cmd->args.upper >= 0 && n > (size_t)cmd->args.upper) {
		if (cmd->args.many != NULL)
			return cli_usage_error(cli, "%s", _(cmd->args.many));
		return cli_usage_error(cli, _("unexpected argument '%s'"),
		    args_string(args, (size_t)cmd->args.upper));
	}
	return 0;
}

/* After the checks: the store, the transaction and exec. */
static int
execute(struct cli *cli, const struct cmd_entry *cmd, struct args *args)
{
	struct error	err;
	int		status;

	if ((cmd->flags & (CMD_STORE | CMD_WRITE)) &&
	    cli_open(cli, &err) == -1)
		return cli_fail(&err);
	if ((cmd->flags & CMD_WRITE) &&
	    store_begin(cli->store, cli->command_line, &err) == -1)
		return cli_fail(&err);
	status = cmd->exec(cli, args);
	if (!(cmd->flags & CMD_WRITE))
		return status;
	if (status != 0)
		store_rollback(cli->store);
	else if (store_commit(cli->store, &err) == -1)
		status = cli_fail(&err);
	return status;
}

int
cmd_run(struct cli *cli, const struct cmd_entry *entry, int argc,
    char **argv)
{
	const struct cmd_entry	*cmd = entry, *const *verb;
	struct args		 args;
	const char		*bad = NULL;
	int			 rc, status;

	cli->entry = entry;
	if (entry->verbs != NULL) {
		if (argc >= 2 && is_help(argv[1]))
			return cmd_print_help(entry);
		if (argc < 2)
			return cli_usage_error(cli, _("which action?"));
		for (verb = entry->verbs; *verb != NULL; verb++)
			if (strcmp(argv[1], (*verb)->name) == 0)
				break;
		if (*verb == NULL)
			return cli_usage_error(cli, _("unknown action '%s'"),
			    argv[1]);
		/* the action's arguments: argv[0] is its name */
		cmd = *verb;
		argc--;
		argv++;
	}
	rc = 0;
	if (cmd->flags & CMD_LITERAL) {
		args_literal(argc, argv, &args);
		if (argc >= 2 && is_help(argv[1]))
			rc = ARGS_HELP;
	} else
		rc = args_parse(cmd->options, argc, argv, &args, &bad);
	if (rc == ARGS_HELP)
		status = cmd_print_help(entry);
	else if (rc != 0)
		status = parse_error(cli, cmd, rc, bad);
	else if ((status = check_count(cli, cmd, &args)) == 0 &&
	    (cmd->check == NULL || (status = cmd->check(cli, &args)) == 0))
		status = execute(cli, cmd, &args);
	args_free(&args);
	return status;
}
