/*
 * main.c -- carecal's entry: locale, the global options, then the
 * command (cmd.c). With no command, the full-screen view opens.
 */
#include <getopt.h>
#include <langinfo.h>
#include <locale.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "alloc.h"
#include "cmd.h"
#include "i18n.h"
#include "paths.h"

void
carecal_usage(FILE *fp)
{
	fprintf(fp, _("usage: carecal [--db PATH] [COMMAND [ARGS...]]\n"
	    "With no command, carecal opens its full-screen view of the "
	    "database.\n\nCommands:\n"));
	cmd_print_table(fp);
	fprintf(fp, _("\nOptions:\n"
	    "  --db PATH   the database (default: $CARECAL_DB, else "
	    "$XDG_DATA_HOME/carecal/carecal.db)\n"
	    "  --help      this help; 'carecal help COMMAND' or 'carecal "
	    "COMMAND --help'\n"
	    "              for a command\n"
	    "  --version   the version\n"
	    "\nExit status: 0 success, 1 failure, 2 usage or input error, 3 "
	    "refused by\n--strict (add, edit and check).\n"));
	fprintf(fp, _("\nEnvironment:\n"
	    "  CARECAL_DB         the database when --db is not given\n"
	    "  CARECAL_TODAY      today's date as YYYY-MM-DD, for trying "
	    "things out\n"
	    "  CARECAL_DATADIR    the profiles and the demo (now %s)\n"
	    "  CARECAL_MODULEDIR  the iCalendar and PDF modules (now %s)\n"
	    "  CARECAL_LOCALEDIR  the translations (now %s)\n"),
	    paths_data_dir(), paths_module_dir(), paths_locale_dir());
}

/*
 * The program's text is UTF-8 whatever the terminal's locale says.
 * Returns 1 if the locale was UTF-8 before that (the full-screen view
 * would draw garbage on a terminal that is not).
 */
static int
setup_locale(void)
{
	int	 utf8;

	setlocale(LC_ALL, "");
	utf8 = strcmp(nl_langinfo(CODESET), "UTF-8") == 0;
	if (!utf8 && setlocale(LC_CTYPE, "C.UTF-8") == NULL)
		setlocale(LC_CTYPE, "en_US.UTF-8");
	bindtextdomain(PACKAGE, paths_locale_dir());
	bind_textdomain_codeset(PACKAGE, "UTF-8");
	textdomain(PACKAGE);
	return utf8;
}

/*
 * A note is private: the history of changes records the command with its
 * text hidden (`history --include-notes` shows the note itself). getopt
 * takes "--no" or "--not" for "--note" too.
 */
#define NOTE_HIDDEN	"***"
static int
is_note_option(const char *arg, size_t len)
{
	return len >= 3 && len <= 6 && strncmp(arg, "--note", len) == 0;
}

/* The command as typed, for the history of changes. */
static char *
join_arguments(int argc, char **argv)
{
	size_t		 len = 1;
	char		*s;
	const char	*eq;
	int		 i;

	for (i = 0; i < argc; i++)
		len += strlen(argv[i]) + 1 + sizeof NOTE_HIDDEN;
	s = xmalloc(len);
	s[0] = '\0';
	for (i = 0; i < argc; i++) {
		if (i > 0)
			strcat(s, " ");
		eq = strchr(argv[i], '=');
		if (i > 0 && is_note_option(argv[i - 1], strlen(argv[i - 1])))
			strcat(s, NOTE_HIDDEN);
		else if (eq != NULL && is_note_option(argv[i],
		    (size_t)(eq - argv[i]))) {
			strncat(s, argv[i], (size_t)(eq - argv[i]) + 1);
			strcat(s, NOTE_HIDDEN);
		} else
			strcat(s, argv[i]);
	}
	return s;
}

int
main(int argc, char **argv)
{
	static const struct option options[] = {
		{ "db",		required_argument, NULL, 'D' },
		{ "help",	no_argument, NULL, 'h' },
		{ "version",	no_argument, NULL, 'V' },
		{ NULL, 0, NULL, 0 }
	};
	const struct cmd_entry	*entry;
	struct cli		 cli;
	int			 opt, status, terminal_utf8;

	terminal_utf8 = setup_locale();
	memset(&cli, 0, sizeof cli);
	catalog_init(&cli.catalog);
	opterr = 0;
	while ((opt = getopt_long(argc, argv, "+", options, NULL)) != -1) {
		switch (opt) {
		case 'D':
			cli.db_option = optarg;
			break;
		case 'h':
			carecal_usage(stdout);
			return 0;
		case 'V':
			printf("carecal %s\n", PACKAGE_VERSION);
			return 0;
		default:
			fprintf(stderr, _("carecal: unknown option '%s'\n"),
			    argv[optind - 1]);
			carecal_usage(stderr);
			return 2;
		}
	}
	argc -= optind;
	argv += optind;
	if (argc == 0) {
		status = tui_run(&cli, terminal_utf8);
		cli_close(&cli);
		return status;
	}
	if ((entry = cmd_find(argv[0])) == NULL) {
		fprintf(stderr, _("carecal: unknown command '%s'\n"), argv[0]);
		carecal_usage(stderr);
		return 2;
	}
	/* as typed, before the command's parsing permutes argv */
	cli.command_line = join_arguments(argc, argv);
	status = cmd_run(&cli, entry, argc, argv);
	if (fflush(stdout) == EOF || ferror(stdout)) {
		perror("carecal: writing output");
		status = status == 0 ? 1 : status;
	}
	cli_close(&cli);
	free(cli.command_line);
	return status;
}
