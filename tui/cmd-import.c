/*
 * cmd-import.c -- `carecal import FILE`: meetings from a CSV file (the
 * format of `list --format csv`), all of them or none.
 */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "cmd.h"
#include "i18n.h"
#include "import.h"

static int	import_exec(struct cli *, int, char **);

const struct command cmd_import = {
	"import",
	"import FILE.csv [--dry-run]",
	N_("import meetings from CSV (all rows or none)"),
	import_exec
};

static const char import_help[] = N_(
"The CSV has the columns of 'carecal list --format csv':\n"
"  id,uid,date,start,end,center,type,mode,status,cases,venue,url,note\n"
"(and optionally window). An empty uid adds a meeting; a known uid\n"
"updates that meeting. Any error imports nothing.\n"
"Options:\n"
"  --dry-run   print what would be added and updated; change nothing\n");

static void
print_result(const struct import_result *r, int dry_run)
{
	printf(dry_run ? _("would add %ld, update %ld, cancel %ld; %ld "
	    "unchanged, %ld skipped\n") : _("added %ld, updated %ld, "
	    "cancelled %ld; %ld unchanged, %ld skipped\n"), r->added,
	    r->updated, r->cancelled, r->unchanged, r->skipped);
}

static int
import_exec(struct cli *cli, int argc, char **argv)
{
	static const struct option options[] = {
		{ "dry-run",	no_argument, NULL, 'n' },
		{ "help",	no_argument, NULL, 'h' },
		{ NULL, 0, NULL, 0 }
	};
	struct import_result	 result;
	struct error		 err;
	const char		*path;
	int			 opt, dry_run = 0;

	while ((opt = cli_getopt(argc, argv, "", options)) != -1) {
		switch (opt) {
		case 'n':
			dry_run = 1;
			break;
		case 'h':
			return cli_help(&cmd_import, import_help);
		default:
			return cli_usage_error(&cmd_import, _("unknown option "
			    "or missing value: %s"), argv[optind - 1]);
		}
	}
	if (optind != argc - 1)
		return cli_usage_error(&cmd_import, _("give one file"));
	path = argv[optind];
	if (cli_open(cli, &err) == -1)
		return cli_fail(&err);
	if (store_begin(cli->store, cli->command_line, &err) == -1)
		return cli_fail(&err);
	if (import_csv_file(cli->store, &cli->catalog, path,
	    dry_run ? stdout : NULL, &result, &err) == -1) {
		store_rollback(cli->store);
		return cli_fail(&err);
	}
	if (dry_run)
		store_rollback(cli->store);
	else if (store_commit(cli->store, &err) == -1)
		return cli_fail(&err);
	print_result(&result, dry_run);
	return 0;
}
