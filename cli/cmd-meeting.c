/*
 * cmd-meeting.c -- `carecal add`, `edit`, `cancel` and `delete`: one
 * meeting changed per command, as one action (store_meeting_save).
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

static int	meeting_check(struct cli *, struct args *);
static int	add_exec(struct cli *, struct args *);
static int	edit_exec(struct cli *, struct args *);
static int	id_check(struct cli *, struct args *);
static int	cancel_exec(struct cli *, struct args *);
static int	delete_exec(struct cli *, struct args *);

static const char meeting_help[] = N_(
"Options:\n"
"  --type TYPE     meeting type: its code, name or short name (kobetsu,\n"
"                  地域個別ケア会議 or 個別; see 'carecal type list')\n"
"  --center NAME   the center, or the start of its name when no other\n"
"                  center's starts so; none for city-level meetings\n"
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
"summary covers\n"
"  --strict        refuse what would be warned of: exit status 3, nothing\n"
"                  saved\n"
"\n"
"A meeting on a Saturday, Sunday, holiday or closure day ('carecal config\n"
"closure'), or clashing with another meeting of its center (times that\n"
"overlap, or the same day when one has no time), is saved with a warning\n"
"on standard error that names the day or the other meeting. edit warns\n"
"only of what the change brings.\n");

/* What edit, cancel and delete say when not given one id. */
static const char one_id[] = N_("give one meeting id");

/* The options of add and edit, each a field of the meeting. */
static const struct cmd_option meeting_options[] = {
	{ "type",	CMD_VALUE,	'T' },
	{ "center",	CMD_VALUE,	'C' },
	{ "date",	CMD_VALUE,	'd' },
	{ "start",	CMD_VALUE,	's' },
	{ "end",	CMD_VALUE,	'e' },
	{ "mode",	CMD_VALUE,	'm' },
	{ "status",	CMD_VALUE,	'S' },
	{ "cases",	CMD_VALUE,	'n' },
	{ "venue",	CMD_VALUE,	'v' },
	{ "url",	CMD_VALUE,	'u' },
	{ "note",	CMD_VALUE,	'N' },
	{ "window",	CMD_VALUE,	'w' },
	/* --note from a file: main.c hides what follows --note (--no...) */
	{ "note-file",	CMD_VALUE | CMD_FROM_FILE, 'N' },
	{ "strict",	0,		'X' },
	{ NULL, 0, 0 }
};

const struct cmd_entry cmd_add_entry = {
	.name = "add",
	.usage = "add --type TYPE [--center NAME] --date D [--start HH:MM] "
	    "[--end HH:MM] [--mode M] [--status S] [--cases N] [--venue T] "
	    "[--url U] [--note T|- | --note-file FILE] "
	    "[--window YYYY-MM..YYYY-MM] [--strict]",
	.summary = N_("add a meeting and print its id"),
	.help = meeting_help,
	.options = meeting_options,
	.args = { 0, 0, NULL, NULL },
	.flags = CMD_STORE,
	.check = meeting_check,
	.exec = add_exec
};

const struct cmd_entry cmd_edit_entry = {
	.name = "edit",
	.usage = "edit ID [--type TYPE] [--center NAME] [--date D] "
	    "[--start HH:MM] [--end HH:MM] [--mode M] [--status S] "
	    "[--cases N] [--venue T] [--url U] "
	    "[--note T|- | --note-file FILE] [--window YYYY-MM..YYYY-MM] "
	    "[--strict]",
	.summary = N_("change a meeting (an empty value clears a field)"),
	.help = meeting_help,
	.options = meeting_options,
	.args = { 1, 1, one_id, one_id },
	.flags = CMD_STORE,
	.check = meeting_check,
	.exec = edit_exec
};

const struct cmd_entry cmd_cancel_entry = {
	.name = "cancel",
	.usage = "cancel ID",
	.summary = N_("mark a meeting cancelled (中止)"),
	.args = { 1, 1, one_id, one_id },
	.flags = CMD_STORE,
	.check = id_check,
	.exec = cancel_exec
};

const struct cmd_entry cmd_delete_entry = {
	.name = "delete",
	.usage = "delete ID",
	.summary = N_("delete a meeting (kept in the history)"),
	.args = { 1, 1, one_id, one_id },
	.flags = CMD_STORE,
	.check = id_check,
	.exec = delete_exec
};

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

/*
 * --note - and --note-file: the note read before the store opens, in
 * place of what named it, so that exec sees --note TEXT.
 */
static int
meeting_check(struct cli *cli, struct args *args)
{
	struct error	 err;
	char		*note;
	size_t		 i;
	int		 notes = 0;

	for (i = 0; i < args->noptions; i++) {
		if (args->options[i].id != 'N' ||
		    (!(args->options[i].flags & CMD_FROM_FILE) &&
		    strcmp(args->options[i].value, "-") != 0))
			continue;
		if (notes++)
			return cli_usage_error(cli, _("--note - and "
			    "--note-file: give the note once"));
		if (read_note(args->options[i].flags & CMD_FROM_FILE ?
		    args->options[i].value : NULL, &note, &err) == -1)
			return cli_fail(&err);
		args_replace(args, i, note);
	}
	return 0;
}

static int
with_field(struct error *err, const char *field)
{
	error_prefix(err, "--%s: ", field);
	return -1;
}

/*
 * One option of add or edit onto m, marked in *given (MEETING_GIVEN_*):
 * 0, or -1 with err filled. An empty value clears the field.
 */
static int
meeting_option(struct cli *cli, int id, const char *arg, struct meeting *m,
    unsigned *given, struct error *err)
{
	const struct meeting_type	*type;
	const struct center		*center;
	enum meeting_mode		 mode;
	enum meeting_status		 status;
	int				 empty = arg[0] == '\0';

	switch (id) {
	case 'T':
		if (catalog_find_type(&cli->catalog, arg, &type, err) == -1)
			return with_field(err, "type");
		m->type_id = type->id;
		*given |= MEETING_GIVEN_TYPE;
		break;
	case 'C':
		if (empty)
			m->center_id = 0;
		else if (catalog_match_center(&cli->catalog, arg, &center,
		    err) == -1)
			return with_field(err, "center");
		else
			m->center_id = center->id;
		*given |= MEETING_GIVEN_CENTER;
		break;
	case 'd':
		if (date_parse(arg, &m->date, err) == -1)
			return with_field(err, "date");
		*given |= MEETING_GIVEN_DATE;
		break;
	case 's':
		if (empty)
			m->start = -1;
		else if (time_parse(arg, &m->start, err) == -1)
			return with_field(err, "start");
		*given |= MEETING_GIVEN_START;
		break;
	case 'e':
		if (empty)
			m->end = -1;
		else if (time_parse(arg, &m->end, err) == -1)
			return with_field(err, "end");
		*given |= MEETING_GIVEN_END;
		break;
	case 'm':
		if (meeting_mode_parse(arg, &mode, err) == -1)
			return with_field(err, "mode");
		m->mode = mode;
		*given |= MEETING_GIVEN_MODE;
		break;
	case 'S':
		if (meeting_status_parse(arg, &status, err) == -1)
			return with_field(err, "status");
		m->status = status;
		*given |= MEETING_GIVEN_STATUS;
		break;
	case 'n':
		if (empty)
			m->cases = -1;
		else if (meeting_cases_parse(arg, &m->cases, err) == -1)
			return with_field(err, "cases");
		*given |= MEETING_GIVEN_CASES;
		break;
	case 'v':
		meeting_set_text(&m->venue, arg);
		*given |= MEETING_GIVEN_VENUE;
		break;
	case 'u':
		meeting_set_text(&m->url, arg);
		*given |= MEETING_GIVEN_URL;
		break;
	case 'N':
		meeting_set_text(&m->note, arg);
		*given |= MEETING_GIVEN_NOTE;
		break;
	case 'w':
		if (empty)
			m->has_window = 0;
		else if (month_window_parse(arg, &m->window, err) == -1)
			return with_field(err, "window");
		else
			m->has_window = 1;
		*given |= MEETING_GIVEN_WINDOW;
		break;
	}
	return 0;
}

/* The options in the order given (the catalog is open): 0 or -1. */
static int
meeting_fields(struct cli *cli, const struct args *args, struct meeting *m,
    unsigned *given, struct error *err)
{
	size_t	i;

	for (i = 0; i < args->noptions; i++)
		if (args->options[i].value != NULL && meeting_option(cli,
		    args->options[i].id, args->options[i].value, m, given,
		    err) == -1)
			return -1;
	return 0;
}

/*
 * Checked, its warnings said, and stored as one action (store.h); with
 * strict, a warning refuses it: exit status 3, as `check --strict`.
 */
static int
save(struct cli *cli, struct meeting *m, int strict)
{
	struct finding_list	warnings;
	struct error		err;
	size_t			n;

	if (store_meeting_check(cli->store, &cli->catalog, m, &warnings,
	    &err) == -1)
		return cli_fail(&err);
	cli_warnings(&warnings);
	n = warnings.count;
	finding_list_free(&warnings);
	if (strict && n > 0) {
		fprintf(stderr, "%s\n", _("carecal: not saved (--strict)"));
		return 3;
	}
	if (store_meeting_save(cli->store, &cli->catalog, m,
	    cli->command_line, &err) == -1)
		return cli_fail(&err);
	return 0;
}

static int
add_exec(struct cli *cli, struct args *args)
{
	struct meeting	m;
	struct error	err;
	unsigned	given = 0;
	int		status;

	meeting_init(&m);
	if (meeting_fields(cli, args, &m, &given, &err) == -1)
		status = cli_fail(&err);
	else if (!(given & MEETING_GIVEN_TYPE) ||
	    !(given & MEETING_GIVEN_DATE))
		status = cli_usage_error(cli, _("--type and --date are "
		    "required"));
	else if ((status = save(cli, &m, args_has(args, 'X'))) == 0)
		printf("%ld\n", m.id);
	meeting_clear(&m);
	return status;
}

/* The meeting of the id given, as it is now: 0, or the exit status. */
static int
meeting_of_id(struct cli *cli, const struct args *args, struct meeting *m)
{
	struct error	err;
	long		id;
	int		status, rc;

	if ((status = cli_parse_id(cli, args_string(args, 0), &id)) != 0)
		return status;
	if ((rc = store_meeting_get(cli->store, id, m, &err)) == 0)
		return 0;
	if (rc == 1)
		error_set(&err, ERROR_INPUT, _("no meeting with id %ld"), id);
	return cli_fail(&err);
}

static int
edit_exec(struct cli *cli, struct args *args)
{
	struct meeting	m, changes;
	struct error	err;
	unsigned	given = 0;
	int		status;

	meeting_init(&m);
	meeting_init(&changes);
	if (meeting_fields(cli, args, &changes, &given, &err) == -1)
		status = cli_fail(&err);
	else if ((status = meeting_of_id(cli, args, &m)) == 0) {
		meeting_apply(&m, &changes, given);
		status = save(cli, &m, args_has(args, 'X'));
	}
	meeting_clear(&m);
	meeting_clear(&changes);
	return status;
}

/* cancel and delete: a meeting id, and nothing else. */
static int
id_check(struct cli *cli, struct args *args)
{
	long	id;

	return cli_parse_id(cli, args_string(args, 0), &id);
}

static int
cancel_exec(struct cli *cli, struct args *args)
{
	struct meeting	m;
	int		status;

	meeting_init(&m);
	if ((status = meeting_of_id(cli, args, &m)) != 0)
		return status;
	if (m.status == STATUS_CANCELLED)
		fprintf(stderr, _("carecal: meeting %ld is already "
		    "cancelled\n"), m.id);
	else {
		m.status = STATUS_CANCELLED;
		status = save(cli, &m, 0);
	}
	meeting_clear(&m);
	return status;
}

static int
delete_exec(struct cli *cli, struct args *args)
{
	struct meeting	m;
	struct error	err;
	int		status;

	meeting_init(&m);
	if ((status = meeting_of_id(cli, args, &m)) != 0)
		return status;
	if (store_meeting_remove(cli->store, m.id, m.version,
	    cli->command_line, &err) == -1)
		status = cli_fail(&err);
	meeting_clear(&m);
	return status;
}
