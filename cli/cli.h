/*
 * cli.h -- what the commands share: the database location, opening the
 * store, reporting errors, the options that pick meetings, and meeting
 * ids.
 */
#ifndef CARECAL_CLI_H
#define CARECAL_CLI_H

#include "catalog.h"
#include "check.h"
#include "error.h"
#include "meeting.h"
#include "store.h"

struct cmd_entry;

struct cli {
	const char		*db_option;	/* --db, or NULL */
	char			*db_path;	/* resolved */
	struct store		*store;		/* open once asked for */
	struct catalog		 catalog;
	char			*command_line;	/* for the history */
	const struct cmd_entry	*entry;		/* running: its usage */
};

/* The database path: --db, else $CARECAL_DB, else XDG data home. */
int	cli_resolve_db(struct cli *, struct error *);
/* Open the store and load the catalog. */
int	cli_open(struct cli *, struct error *);
void	cli_close(struct cli *);

/* Print "carecal: message" on stderr; returns the exit status. */
int	cli_fail(const struct error *);
/* Print what is worth knowing before a save (store_meeting_check). */
void	cli_warnings(const struct finding_list *);
/* Print a usage error and the running command's usage; returns 2. */
int	cli_usage_error(struct cli *, const char *, ...)
	    __attribute__((format(printf, 2, 3)));

/* A meeting id as given: 0, or the usage error's status. */
int	cli_parse_id(struct cli *, const char *, long *);

/*
 * The options that pick meetings, by their ids: --fy ('y'), --from
 * ('f'), --to ('t'), --center ('C'), --type ('T'), --mode ('m'),
 * --status ('S'), --advisor ('A', the meetings an advisor is booked
 * for), applied to f once the store and catalog are open.
 */
int	cli_filter_option(struct cli *, int, const char *,
	    struct meeting_filter *, struct error *);

/*
 * The full-screen view (tui/tui.c), when no command is given; it opens
 * the store with cli_open. terminal_utf8: the user's own locale was
 * UTF-8 (before main's switch).
 */
int	tui_run(struct cli *, int);

#endif
