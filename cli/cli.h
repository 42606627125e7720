/*
 * cli.h -- what every subcommand shares: the database location, opening
 * the store, reporting errors, and the options that describe a meeting.
 */
#ifndef CARECAL_CLI_H
#define CARECAL_CLI_H

#include <getopt.h>

#include "catalog.h"
#include "error.h"
#include "meeting.h"
#include "store.h"

struct command;

struct cli {
	const char		*db_option;	/* --db, or NULL */
	char			*db_path;	/* resolved */
	struct store		*store;		/* open once asked for */
	struct catalog		 catalog;
	char			*command_line;	/* for the history */
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
/* Print a usage error and the command's usage; returns 2. */
int	cli_usage_error(const struct command *, const char *, ...)
	    __attribute__((format(printf, 2, 3)));
/* Print the command's usage and options on stdout (for --help). */
int	cli_help(const struct command *, const char *);

/* getopt_long over a subcommand's arguments (argv[0] is its name). */
int	cli_getopt(int, char **, const char *, const struct option *);

/* The long options of add and edit (end with the caller's own). */
#define CLI_MEETING_OPTION_COUNT 12
extern const struct option cli_meeting_options[CLI_MEETING_OPTION_COUNT];
/*
 * Apply one meeting option (getopt's return value and optarg) to m,
 * marking it in *given (MEETING_GIVEN_*); returns 0, or -1 with err
 * filled. An empty value clears the field.
 */
int	cli_meeting_option(struct cli *, int, const char *, struct meeting *,
	    unsigned *, struct error *);

/*
 * Options read before the database is open and applied after: the
 * centers and types they name are in the catalog.
 */
#define CLI_DEFERRED_MAX	32
struct cli_deferred {
	struct {
		int		 opt;
		const char	*arg;
	}		 item[CLI_DEFERRED_MAX];
	size_t		 count;
};
/* Keeps getopt's opt and optarg; -1 when there are too many. */
int	cli_defer(struct cli_deferred *, int, const char *);

/* Parse --fy, --from, --to, --center, --type, --mode, --status. */
int	cli_filter_option(struct cli *, int, const char *,
	    struct meeting_filter *, struct error *);

/*
 * The full-screen view (tui/tui.c), when no command is given; it opens
 * the store with cli_open. terminal_utf8: the user's own locale was
 * UTF-8 (before main's switch).
 */
int	tui_run(struct cli *, int);

#endif
