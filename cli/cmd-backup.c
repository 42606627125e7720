/*
 * cmd-backup.c -- `carecal backup`, `restore` and `fsck`: consistent
 * copies of the database, putting one back, and checking a database.
 */
#include <sys/stat.h>

#include <grp.h>
#include <pwd.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include "alloc.h"
#include "cmd.h"
#include "i18n.h"
#include "schema.h"

static int	file_check(struct cli *, struct args *);
static int	backup_exec(struct cli *, struct args *);
static int	restore_exec(struct cli *, struct args *);
static int	fsck_exec(struct cli *, struct args *);

static const char backup_help[] = N_(
"Makes a consistent copy with SQLite's online backup: others may go on\n"
"working; the copy holds every change committed when it started. FILE\n"
"is created private (mode 0600) and appears only once complete.\n"
"  --force   replace FILE if it exists (never a database in use)\n");

static const char restore_help[] = N_(
"Replaces the whole database with FILE, a backup made by 'carecal\n"
"backup'. FILE must be a carecal database that passes the integrity\n"
"check. The current content is first copied to\n"
"DB.before-restore-YYYYMMDD-HHMMSS. Others may keep the database open:\n"
"the copy goes through SQLite's locks. Whether the database is shared\n"
"with a group stays as it is.\n"
"  --yes   do not ask (otherwise asks on the terminal)\n");

static const char fsck_help[] = N_(
"Checks, without changing anything: that the file is a carecal database\n"
"and its schema version; who can write it (the file and its -wal/-shm);\n"
"SQLite's integrity_check and foreign_key_check; that the triggers that\n"
"keep the history are there as carecal made them, and that no action or\n"
"change is missing from the history. Exit status 1 when a problem is\n"
"found.\n");

static const struct cmd_option backup_options[] = {
	{ "force",	0,	'f' },
	{ NULL, 0, 0 }
};

const struct cmd_entry cmd_backup_entry = {
	.name = "backup",
	.usage = "backup FILE [--force]",
	.summary = N_("copy the database to FILE, safely while others work"),
	.help = backup_help,
	.options = backup_options,
	.args = { 1, 1, N_("give one file"), N_("give one file") },
	.flags = CMD_STORE,
	.check = file_check,
	.exec = backup_exec
};

static const struct cmd_option restore_options[] = {
	{ "yes",	0,	'y' },
	{ NULL, 0, 0 }
};

const struct cmd_entry cmd_restore_entry = {
	.name = "restore",
	.usage = "restore FILE [--yes]",
	.summary = N_("replace the database with a backup (the old one is "
	    "kept)"),
	.help = restore_help,
	.options = restore_options,
	.args = { 1, 1, N_("give one file"), N_("give one file") },
	.flags = CMD_STORE,
	.check = file_check,
	.exec = restore_exec
};

/* It checks the file as it is, without opening it as the store. */
const struct cmd_entry cmd_fsck_entry = {
	.name = "fsck",
	.usage = "fsck",
	.summary = N_("check the database file and say what is wrong"),
	.help = fsck_help,
	.args = { 0, 0, NULL, NULL },
	.exec = fsck_exec
};

/* backup and restore: FILE must be a name. */
static int
file_check(struct cli *cli, struct args *args)
{
	if (args_string(args, 0)[0] == '\0')
		return cli_usage_error(cli, _("empty file name"));
	return 0;
}

static int
backup_exec(struct cli *cli, struct args *args)
{
	struct store_check	 c;
	struct error		 err;
	const char		*file = args_string(args, 0);

	if (store_backup(cli->store, file, args_has(args, 'f') ?
	    STORE_BACKUP_FORCE : 0, &err) == -1)
		return cli_fail(&err);
	if (store_check_file(file, STORE_CHECK_CONTENT, &c, &err) == -1)
		return cli_fail(&err);
	if (c.problems > 0) {
		store_check_free(&c);
		error_set(&err, ERROR_FAILURE, _("%s: the copy fails its "
		    "checks; run 'carecal --db %s fsck'"), file, file);
		return cli_fail(&err);
	}
	printf(ngettext("%s: a copy of %s with %ld meeting\n",
	    "%s: a copy of %s with %ld meetings\n",
	    (unsigned long)c.meetings), file,
	    cli->db_path, c.meetings);
	store_check_free(&c);
	return 0;
}

/* Ask on the terminal; 1 for yes. */
static int
confirm(const char *question)
{
	char	answer[64];

	fprintf(stderr, "%s [y/N] ", question);
	fflush(stderr);
	if (fgets(answer, sizeof answer, stdin) == NULL)
		return 0;
	answer[strcspn(answer, "\r\n")] = '\0';
	return strcmp(answer, "y") == 0 || strcmp(answer, "Y") == 0 ||
	    strcmp(answer, "yes") == 0 || strcmp(answer, _("yes")) == 0;
}

static int
restore_exec(struct cli *cli, struct args *args)
{
	struct store_check	 c;
	struct error		 err;
	const char		*file = args_string(args, 0);
	char			*kept, question[1024];
	int			 yes = args_has(args, 'y'), bad;

	/* the checks first: nobody is asked about a file that will not do */
	if (store_check_file(file, STORE_CHECK_CONTENT, &c, &err) == -1)
		return cli_fail(&err);
	bad = !c.is_carecal || c.version > SCHEMA_VERSION ||
	    c.integrity != NULL || c.foreign_key_problems > 0 ||
	    c.triggers != NULL || c.numbering != NULL;
	store_check_free(&c);
	if (!bad && !yes) {
		if (!isatty(STDIN_FILENO)) {
			error_set(&err, ERROR_INPUT, _("restore replaces the "
			    "whole database: run it on a terminal to be "
			    "asked, or give --yes"));
			return cli_fail(&err);
		}
		snprintf(question, sizeof question, _("replace %s with %s?"),
		    cli->db_path, file);
		if (!confirm(question)) {
			fprintf(stderr, _("carecal: not restored\n"));
			return 1;
		}
	}
	if (store_restore(cli->store, file, &kept, &err) == -1)
		return cli_fail(&err);
	printf(_("restored %s from %s; what it held before is kept in %s\n"),
	    cli->db_path, file, kept);
	free(kept);
	/* reopened: an older backup's schema is upgraded now */
	store_close(cli->store);
	cli->store = NULL;
	catalog_free(&cli->catalog);
	if (cli_open(cli, &err) == -1)
		return cli_fail(&err);
	return 0;
}

static void
print_problem(const char *what, const char *text)
{
	const char	*p, *nl;

	printf(_("  %s: PROBLEM\n"), what);
	for (p = text; p != NULL && *p != '\0'; p = nl != NULL ? nl + 1 :
	    NULL) {
		nl = strchr(p, '\n');
		printf("      %.*s\n", nl != NULL ? (int)(nl - p) :
		    (int)strlen(p), p);
	}
}

static void
print_sharing(const char *path, const char *group)
{
	struct stat	 st;
	struct passwd	*pw;

	if (stat(path, &st) == -1)
		return;
	pw = getpwuid(st.st_uid);
	if (group != NULL)
		printf(_("  who can write it: shared with group %s (mode "
		    "%04o, owner %s): ok\n"), group,
		    (unsigned)(st.st_mode & 07777),
		    pw != NULL ? pw->pw_name : "?");
	else
		printf(_("  who can write it: private (mode %04o, owner %s): "
		    "ok\n"), (unsigned)(st.st_mode & 07777), pw != NULL ?
		    pw->pw_name : "?");
}

static int
fsck_exec(struct cli *cli, struct args *args)
{
	struct store_check	 c;
	struct error		 err;
	char			 line[128];
	int			 problems;

	(void)args;
	if (cli_resolve_db(cli, &err) == -1 ||
	    store_check_file(cli->db_path, 0, &c, &err) == -1)
		return cli_fail(&err);
	printf("%s\n", cli->db_path);
	if (!c.is_carecal)
		printf(_("  not a carecal database (another program's file, "
		    "or not a database at all): PROBLEM\n"));
	else {
		if (c.version > SCHEMA_VERSION)
			printf(_("  schema version %d: written by a newer "
			    "carecal (this one knows up to %d): PROBLEM\n"),
			    c.version, SCHEMA_VERSION);
		else if (c.version < 1)
			printf(_("  schema version %d: no carecal tables: "
			    "PROBLEM\n"), c.version);
		else if (c.version < SCHEMA_VERSION)
			printf(_("  schema version %d: older; upgraded when "
			    "next opened: ok\n"), c.version);
		else
			printf(_("  schema version %d (current): ok\n"),
			    c.version);
		if (c.permissions != NULL)
			print_problem(_("who can write it"), c.permissions);
		else
			print_sharing(cli->db_path, c.group);
		if (c.integrity != NULL)
			print_problem(_("integrity check"), c.integrity);
		else
			printf(_("  integrity check: ok\n"));
		if (c.foreign_key_problems > 0) {
			snprintf(line, sizeof line, ngettext("foreign keys "
			    "(%ld row refers to a missing row)",
			    "foreign keys (%ld rows refer to missing rows)",
			    (unsigned long)c.foreign_key_problems),
			    c.foreign_key_problems);
			print_problem(line, c.foreign_keys);
		} else
			printf(_("  foreign keys: ok\n"));
		if (c.triggers != NULL)
			print_problem(_("triggers"), c.triggers);
		else if (c.version >= 1 && c.version <= SCHEMA_VERSION)
			printf(_("  triggers: ok\n"));
		if (c.numbering != NULL)
			print_problem(_("history numbers"), c.numbering);
		else if (c.version >= 2 && c.version <= SCHEMA_VERSION)
			printf(_("  history numbers: ok\n"));
		if (c.meetings >= 0)
			printf(_("  meetings: %ld, actions: %ld, changes in "
			    "the history: %ld\n"), c.meetings,
			    c.actions > 0 ? c.actions : 0,
			    c.changes > 0 ? c.changes : 0);
	}
	problems = c.problems;
	store_check_free(&c);
	if (problems == 0)
		printf(_("no problems found\n"));
	else
		printf(ngettext("%d problem found\n", "%d problems found\n",
		    (unsigned long)problems), problems);
	return problems == 0 ? 0 : 1;
}
