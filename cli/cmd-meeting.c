/*
 * cmd-meeting.c -- `carecal add`, `edit`, `cancel` and `delete`: one
 * meeting changed per command, in one transaction.
 */
#include <sys/stat.h>

#include <errno.h>
#include <fcntl.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include "alloc.h"
#include "cmd.h"
#include "i18n.h"

static int	add_exec(struct cli *, int, char **);
static int	edit_exec(struct cli *, int, char **);
static int	cancel_exec(struct cli *, int, char **);
static int	delete_exec(struct cli *, int, char **);

const struct command cmd_add = {
	"add",
	"add --type CODE [--center NAME] --date D [--start HH:MM] "
	"[--end HH:MM] [--mode M] [--status S] [--cases N] [--venue T] "
	"[--url U] [--note T|- | --note-file FILE] "
	"[--window YYYY-MM..YYYY-MM]",
	N_("add a meeting and print its id"),
	add_exec
};

const struct command cmd_edit = {
	"edit",
	"edit ID [--type CODE] [--center NAME] [--date D] [--start HH:MM] "
	"[--end HH:MM] [--mode M] [--status S] [--cases N] [--venue T] "
	"[--url U] [--note T|- | --note-file FILE] "
	"[--window YYYY-MM..YYYY-MM]",
	N_("change a meeting (an empty value clears a field)"),
	edit_exec
};

const struct command cmd_cancel = {
	"cancel", "cancel ID", N_("mark a meeting cancelled (中止)"),
	cancel_exec
};

const struct command cmd_delete = {
	"delete", "delete ID", N_("delete a meeting (kept in the history)"),
	delete_exec
};

static const char meeting_help[] = N_(
"Options:\n"
"  --type CODE     meeting type (see 'carecal type list')\n"
"  --center NAME   the center; none for city-level meetings\n"
"  --date D        2021-07-29, 令和3年7月29日, R3.7.29 or 令和元年5月1日\n"
"  --start HH:MM, --end HH:MM   time of day (none: all day)\n"
"  --mode M        in-person (対面), hybrid (一部オンライン) or online\n"
"  --status S      planned (予定), held (実施済) or cancelled (中止)\n"
"  --cases N       cases discussed (types that count cases)\n"
"  --venue T, --url U, --note T   where, the online link, a private note\n"
"  --note -, --note-file FILE      the note from standard input or a file:\n"
"                  the private way (a command line is seen by others on\n"
"                  the host; the history records --note T as ***)\n"
"  --window YYYY-MM..YYYY-MM   the months a city-level meeting's "
"summary covers\n");

#define MAX_GIVEN	64

/*
 * A note from a file (NULL: standard input) into *out (malloc'd): one
 * final line end taken off, CRLF read as LF. Never more than a note may
 * hold, so a wrong file (a disk image) is refused before it is read.
 */
static int
read_note(const char *path, char **out, struct error *err)
{
	struct stat	 st;
	const char	*name = path != NULL ? path : _("standard input");
	char		*buf, *p, *q, extra;
	size_t		 cap = MEETING_NOTE_MAX + 3, len = 0;
	ssize_t		 n = 0;
	int		 fd = 0;

	*out = NULL;
	if (path != NULL && (fd = open(path, O_RDONLY | O_NOCTTY |
	    O_CLOEXEC)) == -1)
		return error_set(err, ERROR_INPUT, _("--note-file %s: cannot "
		    "read: %s"), name, strerror(errno));
	if (fstat(fd, &st) == 0 && S_ISDIR(st.st_mode)) {
		if (path != NULL)
			close(fd);
		return error_set(err, ERROR_INPUT, _("--note-file %s: %s"),
		    name, strerror(EISDIR));
	}
	buf = xmalloc(cap + 1);
	while (len < cap && ((n = read(fd, buf + len, cap - len)) > 0 ||
	    (n == -1 && errno == EINTR)))
		if (n > 0)
			len += (size_t)n;
	if (n == -1 || (len == cap && read(fd, &extra, 1) > 0)) {
		if (n == -1)
			error_set(err, ERROR_INPUT, _("the note from %s: "
			    "cannot read: %s"), name, strerror(errno));
		else
			error_set(err, ERROR_INPUT, _("the note from %s: "
			    "longer than %d bytes"), name, MEETING_NOTE_MAX);
		free(buf);
		if (path != NULL)
			close(fd);
		return -1;
	}
	if (path != NULL)
		close(fd);
	if (memchr(buf, '\0', len) != NULL) {
		free(buf);
		return error_set(err, ERROR_INPUT, _("the note from %s: "
		    "contains a NUL byte; not text"), name);
	}
	buf[len] = '\0';
	for (p = q = buf; *p != '\0'; p++)
		if (!(p[0] == '\r' && p[1] == '\n'))
			*q++ = *p;
	*q = '\0';
	if (q > buf && q[-1] == '\n')
		q[-1] = '\0';
	*out = buf;
	return 0;
}

static int
meeting_options(struct cli *cli, const struct command *cmd, int argc,
    char **argv, struct meeting *m, unsigned *set, int *status)
{
	struct option	 options[CLI_MEETING_OPTION_COUNT + 3];
	struct error	 err;
	struct {
		int		 opt;
		const char	*arg;
	}		 given[MAX_GIVEN];
	char		*note = NULL;
	int		 opt, n = 0, i, rc = -1, which;

	memcpy(options, cli_meeting_options, sizeof cli_meeting_options);
	options[CLI_MEETING_OPTION_COUNT].name = "help";
	options[CLI_MEETING_OPTION_COUNT].has_arg = no_argument;
	options[CLI_MEETING_OPTION_COUNT].flag = NULL;
	options[CLI_MEETING_OPTION_COUNT].val = 'h';
	/*
	 * --note-file has --note's value, so that getopt still takes
	 * --not and --no for --note (main.c hides what follows them); which
	 * option it was tells them apart.
	 */
	options[CLI_MEETING_OPTION_COUNT + 1].name = "note-file";
	options[CLI_MEETING_OPTION_COUNT + 1].has_arg = required_argument;
	options[CLI_MEETING_OPTION_COUNT + 1].flag = NULL;
	options[CLI_MEETING_OPTION_COUNT + 1].val = 'N';
	memset(&options[CLI_MEETING_OPTION_COUNT + 2], 0, sizeof options[0]);
	for (;;) {
		which = -1;
		if ((opt = getopt_long(argc, argv, "", options, &which)) == -1)
			break;
		if (opt == 'N' && which == CLI_MEETING_OPTION_COUNT + 1)
			opt = 'F';
		if (opt == 'h') {
			*status = cli_help(cmd, meeting_help);
			goto done;
		}
		if (opt == '?' || opt == ':') {
			*status = cli_usage_error(cmd, _("unknown option or "
			    "missing value: %s"), argv[optind - 1]);
			goto done;
		}
		if (n == MAX_GIVEN) {
			*status = cli_usage_error(cmd, _("too many options"));
			goto done;
		}
		/* --note - and --note-file: the note never on the line */
		if (opt == 'F' || (opt == 'N' && strcmp(optarg, "-") == 0)) {
			if (note != NULL) {
				*status = cli_usage_error(cmd, _("--note - and "
				    "--note-file: give the note once"));
				goto done;
			}
			if (read_note(opt == 'F' ? optarg : NULL, &note,
			    &err) == -1) {
				*status = cli_fail(&err);
				goto done;
			}
			opt = 'N';
			optarg = note;
		}
		given[n].opt = opt;
		given[n++].arg = optarg;
	}
	if (cli_open(cli, &err) == -1) {
		*status = cli_fail(&err);
		goto done;
	}
	for (i = 0; i < n; i++)
		if (cli_meeting_option(cli, given[i].opt, given[i].arg, m, set,
		    &err) == -1) {
			*status = cli_fail(&err);
			goto done;
		}
	rc = 0;
done:
	free(note);
	return rc;
}

static int
parse_id(const struct command *cmd, const char *s, long *id)
{
	char	*end;

	*id = strtol(s, &end, 10);
	if (*s == '\0' || *end != '\0' || *id <= 0)
		return cli_usage_error(cmd, _("'%s' is not a meeting id"), s);
	return 0;
}

/* Checked, its warnings said, and stored as one action (store.h). */
static int
save(struct cli *cli, struct meeting *m)
{
	struct finding_list	warnings;
	struct error		err;

	if (store_meeting_check(cli->store, &cli->catalog, m, &warnings,
	    &err) == -1)
		return cli_fail(&err);
	cli_warnings(&warnings);
	finding_list_free(&warnings);
	if (store_meeting_save(cli->store, &cli->catalog, m,
	    cli->command_line, &err) == -1)
		return cli_fail(&err);
	return 0;
}

static int
add_exec(struct cli *cli, int argc, char **argv)
{
	struct meeting	m;
	unsigned	set = 0;
	int		status = 0;

	meeting_init(&m);
	if (meeting_options(cli, &cmd_add, argc, argv, &m, &set, &status) ==
	    -1)
		goto done;
	if (optind != argc) {
		status = cli_usage_error(&cmd_add, _("unexpected argument "
		    "'%s'"), argv[optind]);
		goto done;
	}
	if (!(set & MEETING_GIVEN_TYPE) || !(set & MEETING_GIVEN_DATE)) {
		status = cli_usage_error(&cmd_add, _("--type and --date are "
		    "required"));
		goto done;
	}
	if ((status = save(cli, &m)) == 0)
		printf("%ld\n", m.id);
done:
	meeting_clear(&m);
	return status;
}

static int
edit_exec(struct cli *cli, int argc, char **argv)
{
	struct meeting	m, changes;
	struct error	err;
	long		id;
	unsigned	set = 0;
	int		status = 0, rc;

	meeting_init(&m);
	meeting_init(&changes);
	if (meeting_options(cli, &cmd_edit, argc, argv, &changes, &set,
	    &status) == -1)
		goto done;
	if (optind != argc - 1) {
		status = cli_usage_error(&cmd_edit, _("give one meeting id"));
		goto done;
	}
	if ((status = parse_id(&cmd_edit, argv[optind], &id)) != 0)
		goto done;
	if ((rc = store_meeting_get(cli->store, id, &m, &err)) != 0) {
		if (rc == 1)
			error_set(&err, ERROR_INPUT, _("no meeting with id %ld"),
			    id);
		status = cli_fail(&err);
		goto done;
	}
	meeting_apply(&m, &changes, set);
	status = save(cli, &m);
done:
	meeting_clear(&m);
	meeting_clear(&changes);
	return status;
}

/* cancel and delete: an id and nothing else. */
static int
id_only(struct cli *cli, const struct command *cmd, int argc, char **argv,
    long *id, int *status)
{
	static const struct option options[] = {
		{ "help",	no_argument, NULL, 'h' },
		{ NULL, 0, NULL, 0 }
	};
	struct error	err;
	int		opt;

	while ((opt = cli_getopt(argc, argv, "", options)) != -1) {
		if (opt == 'h')
			*status = cli_help(cmd, NULL);
		else
			*status = cli_usage_error(cmd, _("unknown option: %s"),
			    argv[optind - 1]);
		return -1;
	}
	if (optind != argc - 1) {
		*status = cli_usage_error(cmd, _("give one meeting id"));
		return -1;
	}
	if ((*status = parse_id(cmd, argv[optind], id)) != 0)
		return -1;
	if (cli_open(cli, &err) == -1) {
		*status = cli_fail(&err);
		return -1;
	}
	return 0;
}

static int
cancel_exec(struct cli *cli, int argc, char **argv)
{
	struct meeting	m;
	struct error	err;
	long		id;
	int		status, rc;

	if (id_only(cli, &cmd_cancel, argc, argv, &id, &status) == -1)
		return status;
	meeting_init(&m);
	if ((rc = store_meeting_get(cli->store, id, &m, &err)) != 0) {
		if (rc == 1)
			error_set(&err, ERROR_INPUT, _("no meeting with id %ld"),
			    id);
		return cli_fail(&err);
	}
	if (m.status == STATUS_CANCELLED) {
		fprintf(stderr, _("carecal: meeting %ld is already "
		    "cancelled\n"), id);
		meeting_clear(&m);
		return 0;
	}
	m.status = STATUS_CANCELLED;
	status = save(cli, &m);
	meeting_clear(&m);
	return status;
}

static int
delete_exec(struct cli *cli, int argc, char **argv)
{
	struct meeting	m;
	struct error	err;
	long		id;
	int		status, rc;

	if (id_only(cli, &cmd_delete, argc, argv, &id, &status) == -1)
		return status;
	meeting_init(&m);
	if ((rc = store_meeting_get(cli->store, id, &m, &err)) != 0) {
		if (rc == 1)
			error_set(&err, ERROR_INPUT, _("no meeting with id %ld"),
			    id);
		return cli_fail(&err);
	}
	if (store_meeting_remove(cli->store, id, m.version, cli->command_line,
	    &err) == -1) {
		meeting_clear(&m);
		return cli_fail(&err);
	}
	meeting_clear(&m);
	return 0;
}
