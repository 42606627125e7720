/*
 * cmd.h -- the commands as data: one struct cmd_entry per command, each
 * in its cmd-*.c, collected in one table in cmd.c, as tmux declares its
 * commands. The entry says what the command takes; cmd.c parses the
 * command line once from it (arguments.c), answers --help and usage
 * errors, checks the count of arguments, opens the store when asked,
 * and calls exec with the arguments parsed.
 *
 * A new command is a new cmd-*.c with its entry, added to the table:
 *
 *	static const struct cmd_option assign_options[] = {
 *		{ "from",	CMD_VALUE,	'f' },
 *		{ NULL, 0, 0 }
 *	};
 *	const struct cmd_entry cmd_assign_entry = {
 *		.name = "assign",
 *		.usage = "assign CASE ADVISOR [--from DATE]",
 *		.summary = N_("give a case to an advisor"),
 *		.help = assign_help,
 *		.options = assign_options,
 *		.args = { 2, 2, N_("give a case and an advisor"), NULL },
 *		.flags = CMD_STORE | CMD_WRITE,
 *		.exec = assign_exec
 *	};
 *
 * and in exec, args_get(args, 'f') for --from, args_string(args, 0) for
 * CASE. A usage check beyond the count (values that go together, a
 * format) goes in .check, which runs before the store opens. A command
 * of actions (`center add NAME`) lists one entry per action in .verbs;
 * its own entry has the name, usage and help.
 */
#ifndef CARECAL_CMD_H
#define CARECAL_CMD_H

#include <stdio.h>

#include "arguments.h"
#include "cli.h"

/* One option of a command, --name: cmd_option.flags */
#define CMD_VALUE	0x1	/* takes one value: --name V or --name=V */
#define CMD_SHORT	0x2	/* id is also a one-letter option: -o FILE */
/*
 * The value names a file that holds the option's value: --note-file
 * FILE is --note with FILE's text. The same id as the plain option, so
 * that a prefix of both (--no) means the plain one; the command reads
 * the file (args_option.flags, args_replace).
 */
#define CMD_FROM_FILE	0x4

struct cmd_option {
	const char	*name;
	int		 flags;		/* CMD_VALUE, CMD_SHORT... */
	int		 id;		/* what args_get asks for; not 'h' */
};

struct cmd_entry {
	const char		*name;
	/* after "carecal [--db PATH] "; a verb has its command's */
	const char		*usage;
	const char		*summary;	/* N_(): a line in --help */
	const char		*help;		/* N_(): the rest of --help */
	/* prints what follows help when it is made of data, or NULL */
	void			(*help_more)(void);

	/* ending with { NULL }; --help and -h come with every command */
	const struct cmd_option	*options;
	struct {
		int		 lower;		/* positional arguments */
		int		 upper;		/* -1: any number */
		/*
		 * N_(): the usage error when fewer are given, or NULL
		 * ("missing argument"); and when more are, or NULL
		 * ("unexpected argument 'X'")
		 */
		const char	*few;
		const char	*many;
	}			 args;

#define CMD_STORE	0x1	/* the store and catalog open for exec */
/*
 * exec runs inside one transaction, recorded in the history as the
 * command line: committed when it returns 0, else rolled back. For a
 * command that says nothing when it succeeds (else the commit could
 * fail after it said so).
 */
#define CMD_WRITE	0x2
/*
 * No options: every argument is taken as given, one that begins with
 * '-' too (a center may be named -2+3), but a first --help or -h.
 */
#define CMD_LITERAL	0x4
	int			 flags;

	/*
	 * A command of actions: the first argument names one of these
	 * entries (NULL-terminated), which takes the rest; the command's
	 * own entry has no options, arguments or exec.
	 */
	const struct cmd_entry	*const *verbs;

	/*
	 * Usage checks beyond the count, before the store opens (a usage
	 * error touches nothing): 0, or the exit status; may replace a
	 * value (args_replace). Or NULL.
	 */
	int			(*check)(struct cli *, struct args *);
	/* Returns the exit status: 0, 1 failure, 2 usage or input. */
	int			(*exec)(struct cli *, struct args *);
};

/* main.c */
/* carecal --help: the commands, the options, the environment. */
void	carecal_usage(FILE *);

/* cmd.c */
/* The command named so, or NULL. */
const struct cmd_entry *cmd_find(const char *);
/* "  name  summary" for each command, for carecal --help. */
void	cmd_print_table(FILE *);
/* COMMAND --help: the entry's usage, summary and help on stdout. */
int	cmd_print_help(const struct cmd_entry *);
/*
 * Runs the command entry with its arguments (argv[0] its name): the
 * exit status. cli->command_line is what the history records.
 */
int	cmd_run(struct cli *, const struct cmd_entry *, int, char **);

extern const struct cmd_entry cmd_init_entry;
extern const struct cmd_entry cmd_list_entry;
extern const struct cmd_entry cmd_add_entry;
extern const struct cmd_entry cmd_edit_entry;
extern const struct cmd_entry cmd_cancel_entry;
extern const struct cmd_entry cmd_delete_entry;
extern const struct cmd_entry cmd_import_entry;
extern const struct cmd_entry cmd_export_entry;
extern const struct cmd_entry cmd_serve_entry;
extern const struct cmd_entry cmd_summary_entry;
extern const struct cmd_entry cmd_center_entry;
extern const struct cmd_entry cmd_type_entry;
extern const struct cmd_entry cmd_advisor_entry;
extern const struct cmd_entry cmd_assign_entry;
extern const struct cmd_entry cmd_unassign_entry;
extern const struct cmd_entry cmd_holidays_entry;
extern const struct cmd_entry cmd_check_entry;
extern const struct cmd_entry cmd_plan_entry;
extern const struct cmd_entry cmd_config_entry;
extern const struct cmd_entry cmd_history_entry;
extern const struct cmd_entry cmd_undo_entry;
extern const struct cmd_entry cmd_restore_meeting_entry;
extern const struct cmd_entry cmd_backup_entry;
extern const struct cmd_entry cmd_restore_entry;
extern const struct cmd_entry cmd_fsck_entry;
extern const struct cmd_entry cmd_case_entry;
extern const struct cmd_entry cmd_help_entry;

#endif
