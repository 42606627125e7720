/*
 * cmd.h -- the subcommands: one struct command per cmd-*.c, collected
 * in one table in main.c.
 */
#ifndef CARECAL_CMD_H
#define CARECAL_CMD_H

#include "cli.h"

struct command {
	const char	*name;
	const char	*usage;		/* after "carecal [--db PATH] " */
	const char	*summary;	/* one line for --help */
	/* Returns the exit status: 0, 1 failure, 2 usage or input. */
	int		(*exec)(struct cli *, int, char **);
};

extern const struct command cmd_init;
extern const struct command cmd_list;
extern const struct command cmd_add;
extern const struct command cmd_edit;
extern const struct command cmd_cancel;
extern const struct command cmd_delete;
extern const struct command cmd_center;
extern const struct command cmd_type;
extern const struct command cmd_import;
extern const struct command cmd_export;

extern const struct command cmd_summary;
extern const struct command cmd_holidays;
extern const struct command cmd_check;
extern const struct command cmd_config;
extern const struct command cmd_history;
extern const struct command cmd_undo;
extern const struct command cmd_restore_meeting;
extern const struct command cmd_backup;
extern const struct command cmd_restore;
extern const struct command cmd_fsck;

#endif
