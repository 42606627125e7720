/*
 * cmd-history.c -- `carecal history`, `undo` and `restore-meeting`: what
 * changed, by whom and with which command; taking back one's own last
 * action; bringing a deleted meeting back.
 */
#include <limits.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "action-words.h"
#include "alloc.h"
#include "cmd.h"
#include "i18n.h"
#include "text.h"

static int	history_check(struct cli *, struct args *);
static int	history_exec(struct cli *, struct args *);
static int	undo_check(struct cli *, struct args *);
static int	undo_exec(struct cli *, struct args *);
static int	restore_meeting_check(struct cli *, struct args *);
static int	restore_meeting_exec(struct cli *, struct args *);

static const char history_help[] = N_(
"Every change to a meeting is kept: each action (one command, or one\n"
"save in the full-screen view) with its time, login and command, and\n"
"for each meeting it touched the fields before → after.\n"
"  ID               only the changes of this meeting\n"
"  --since D        only actions from day D on (2021-07-29, R3.7.29, ...)\n"
"  --deleted        list the meetings that are deleted now; bring one\n"
"                   back with 'carecal restore-meeting ID'\n"
"  --include-notes  show the text of changed notes (hidden otherwise)\n"
"Advisors booked for a meeting and taken off it are shown too.\n"
"Times are local. Changes to centers and meeting types are not shown.\n");

static const char undo_help[] = N_(
"Takes back your (this login's) last action that changed meetings and\n"
"is not undone yet: an edit, a deletion, a restore, a whole import, or\n"
"advisors booked or taken off a meeting (assign, unassign).\n"
"Run it again to go further back. The undo is itself an action in the\n"
"history. When someone else changed one of those meetings afterwards,\n"
"undo refuses (exit status 1) rather than overwrite their change.\n"
"Changes to centers and meeting types are not undone.\n"
"  --dry-run   say what would be undone; change nothing\n"
"  --action N  undo action #N only if it is still that last action\n"
"              (as --dry-run showed it); otherwise refuse\n");

static const char restore_meeting_help[] = N_(
"Brings back a meeting deleted with 'carecal delete' (or by an undo), as\n"
"it was when deleted, under the same id and iCalendar UID. Its SEQUENCE\n"
"goes up, so office calendars take the re-export as an update.\n"
"'carecal history --deleted' lists the deleted meetings.\n");

static const struct cmd_option history_options[] = {
	{ "since",		CMD_VALUE,	's' },
	{ "deleted",		0,		'd' },
	{ "include-notes",	0,		'n' },
	{ NULL, 0, 0 }
};

const struct cmd_entry cmd_history_entry = {
	.name = "history",
	.usage = "history [ID] [--since D] [--deleted] [--include-notes]",
	.summary = N_("show who changed which meeting, when, and how"),
	.help = history_help,
	.options = history_options,
	.args = { 0, 1, NULL, NULL },
	.flags = CMD_STORE,
	.check = history_check,
	.exec = history_exec
};

static const struct cmd_option undo_options[] = {
	{ "dry-run",	0,		'n' },
	{ "action",	CMD_VALUE,	'a' },
	{ NULL, 0, 0 }
};

const struct cmd_entry cmd_undo_entry = {
	.name = "undo",
	.usage = "undo [--dry-run] [--action N]",
	.summary = N_("take back your last change (a whole import at once)"),
	.help = undo_help,
	.options = undo_options,
	.args = { 0, 0, NULL, NULL },
	.flags = CMD_STORE,
	.check = undo_check,
	.exec = undo_exec
};

const struct cmd_entry cmd_restore_meeting_entry = {
	.name = "restore-meeting",
	.usage = "restore-meeting ID",
	.summary = N_("bring a deleted meeting back, with its id and UID"),
	.help = restore_meeting_help,
	.args = { 1, 1, N_("give one meeting id"),
	    N_("give one meeting id") },
	.flags = CMD_STORE,
	.check = restore_meeting_check,
	.exec = restore_meeting_exec
};

/* The columns of history --deleted. */
enum { DEL_ID, DEL_AT, DEL_BY, DEL_DATE, DEL_TYPE, DEL_CENTER, DEL_COLS };

/* "令和3年7月29日(木) 個別 明第1": which meeting, in a few words. */
static void
describe(const struct meeting *m, const struct catalog *cat, char *buf,
    size_t size)
{
	const struct meeting_type	*t = catalog_type_by_id(cat,
					    m->type_id);
	const struct center		*c = catalog_center_by_id(cat,
					    m->center_id);
	char				 date[DATE_JA_LEN];

	date_format_japanese(m->date, date, sizeof date);
	snprintf(buf, size, "%s  %s%s%s", date, t != NULL ? t->short_name :
	    "?", c != NULL ? "  " : "", c != NULL ? c->name : "");
}

/* One field's value as a user reads it; "" when not set. */
enum field {
	F_DATE, F_START, F_END, F_CENTER, F_TYPE, F_MODE, F_STATUS, F_CASES,
	F_VENUE, F_URL, F_NOTE, F_WINDOW, F_UID, F_COUNT
};

static const char *field_names[F_COUNT] = {
	N_("date"), N_("start"), N_("end"), N_("center"), N_("type"),
	N_("mode"), N_("status"), N_("cases"), N_("venue"), N_("url"),
	N_("note"), N_("window"), N_("uid")
};

static void
field_value(const struct meeting *m, enum field f, const struct catalog *cat,
    char *buf, size_t size)
{
	const struct meeting_type	*t;
	const struct center		*c;

	buf[0] = '\0';
	switch (f) {
	case F_DATE:
		date_format_japanese(m->date, buf, size);
		break;
	case F_START:
		if (m->start >= 0)
			time_format(m->start, buf, size);
		break;
	case F_END:
		if (m->end >= 0)
			time_format(m->end, buf, size);
		break;
	case F_CENTER:
		if ((c = catalog_center_by_id(cat, m->center_id)) != NULL)
			snprintf(buf, size, "%s", c->name);
		break;
	case F_TYPE:
		if ((t = catalog_type_by_id(cat, m->type_id)) != NULL)
			snprintf(buf, size, "%s", t->name);
		break;
	case F_MODE:
		snprintf(buf, size, "%s", meeting_mode_label(m->mode));
		break;
	case F_STATUS:
		snprintf(buf, size, "%s", meeting_status_label(m->status));
		break;
	case F_CASES:
		if (m->cases >= 0)
			snprintf(buf, size, "%d", m->cases);
		break;
	case F_VENUE:
		snprintf(buf, size, "%s", m->venue != NULL ? m->venue : "");
		break;
	case F_URL:
		snprintf(buf, size, "%s", m->url != NULL ? m->url : "");
		break;
	case F_NOTE:
		snprintf(buf, size, "%s", m->note != NULL ? m->note : "");
		break;
	case F_WINDOW:
		if (m->has_window)
			month_window_format(&m->window, buf, size);
		break;
	case F_UID:
		snprintf(buf, size, "%s", m->uid != NULL ? m->uid : "");
		break;
	case F_COUNT:
		break;
	}
}

/* The fields an update changed, as "name  before → after" lines. */
static void
print_changes(const struct history_entry *e, const struct catalog *cat,
    int indent, int include_notes)
{
	char	*before, *after;
	size_t	 size = MEETING_NOTE_MAX + 64;
	int	 f, width = 0, shown = 0;

	for (f = 0; f < F_COUNT; f++)
		if (text_width(_(field_names[f])) > width)
			width = text_width(_(field_names[f]));
	before = xmalloc(size);
	after = xmalloc(size);
	for (f = 0; f < F_COUNT; f++) {
		field_value(&e->before, f, cat, before, size);
		field_value(&e->after, f, cat, after, size);
		if (strcmp(before, after) == 0)
			continue;
		printf("%*s", indent, "");
		text_print_padded(stdout, _(field_names[f]), width);
		if (f == F_NOTE && !include_notes)
			printf("  %s\n", _("(changed; --include-notes shows "
			    "it)"));
		else
			printf("  %s → %s\n", before[0] != '\0' ? before :
			    _("(none)"), after[0] != '\0' ? after :
			    _("(none)"));
		shown++;
	}
	if (shown == 0)
		printf("%*s%s\n", indent, "", _("(no field changed)"));
	free(before);
	free(after);
}

static const char *
op_word(const struct history_entry *e)
{
	switch (e->op) {
	case HISTORY_INSERT:
		return _("added");
	case HISTORY_DELETE:
		return _("deleted");
	case HISTORY_ASSIGN:
		return _("booked");
	case HISTORY_UNASSIGN:
		return _("unbooked");
	default:
		return _("changed");
	}
}

/*
 * The history is printed in two passes over the store, one to measure the
 * columns (without reading the meetings' values) and one to print, so
 * that memory stays flat however long it is.
 */
struct printing {
	const struct catalog	*cat;
	int			 include_notes;
	int			 wid, wlogin, wop, wmeeting;
	int			 width[DEL_COLS];	/* --deleted */
	int			 pass;
	long			 action;
	size_t			 count;
};

static int
history_measure(struct history_entry *e, void *arg)
{
	struct printing	*p = arg;
	char		 buf[64];
	int		 w;

	w = snprintf(buf, sizeof buf, "#%ld", e->action_id);
	if (w > p->wid)
		p->wid = w;
	if (e->login != NULL && (w = text_width(e->login)) > p->wlogin)
		p->wlogin = w;
	if ((w = text_width(op_word(e))) > p->wop)
		p->wop = w;
	if ((w = snprintf(buf, sizeof buf, "%ld", e->meeting_id)) >
	    p->wmeeting)
		p->wmeeting = w;
	p->count++;
	return 0;
}

static int
history_print(struct history_entry *e, void *arg)
{
	struct printing	*p = arg;
	char		 buf[256];

	if (e->action_id != p->action || e->action_id == 0) {
		p->action = e->action_id;
		snprintf(buf, sizeof buf, "#%ld", e->action_id);
		text_print_right(stdout, buf, p->wid);
		if (e->action_id == 0)
			printf("  %s\n", _("(changed outside carecal)"));
		else {
			printf("  %s  ", e->at);
			text_print_padded(stdout, e->login, p->wlogin);
			/* file names in it are anyone's: escaped */
			action_words(e->command, buf, sizeof buf);
			fputs("  ", stdout);
			error_print_escaped(stdout, buf);
			if (e->undoes != 0)
				printf(_("  (undoes #%ld)"), e->undoes);
			if (e->undone_by != 0)
				printf(_("  [undone by #%ld]"), e->undone_by);
			putchar('\n');
		}
	}
	printf("    %*ld  ", p->wmeeting, e->meeting_id);
	text_print_padded(stdout, op_word(e), p->wop);
	if (e->op == HISTORY_ASSIGN || e->op == HISTORY_UNASSIGN) {
		/* an advisor's name is anyone's text: escaped */
		fputs("  ", stdout);
		error_print_escaped(stdout, e->advisor);
		putchar('\n');
		return 0;
	}
	describe(e->op == HISTORY_DELETE ? &e->before : &e->after, p->cat,
	    buf, sizeof buf);
	printf("  %s\n", buf);
	if (e->op == HISTORY_UPDATE)
		print_changes(e, p->cat, 4 + p->wmeeting + 2,
		    p->include_notes);
	return 0;
}

/* One row of history --deleted: measured in pass 0, printed in pass 1. */
static int
deleted_row(struct history_entry *e, void *arg)
{
	struct printing			*p = arg;
	const struct meeting_type	*t;
	const struct center		*ce;
	char				*cell[DEL_COLS], buf[DATE_JA_LEN + 32];
	int				 c, w;

	t = catalog_type_by_id(p->cat, e->before.type_id);
	ce = catalog_center_by_id(p->cat, e->before.center_id);
	snprintf(buf, sizeof buf, "%ld", e->meeting_id);
	cell[DEL_ID] = xstrdup(buf);
	cell[DEL_AT] = xstrdup(e->at != NULL ? e->at : "-");
	cell[DEL_BY] = xstrdup(e->login != NULL ? e->login : "-");
	date_format_japanese(e->before.date, buf, sizeof buf);
	cell[DEL_DATE] = xstrdup(buf);
	cell[DEL_TYPE] = xstrdup(t != NULL ? t->name : "?");
	cell[DEL_CENTER] = xstrdup(ce != NULL ? ce->name : "-");
	for (c = 0; c < DEL_COLS; c++) {
		if (p->pass == 0) {
			if ((w = text_width(cell[c])) > p->width[c])
				p->width[c] = w;
		} else if (c == DEL_ID)
			text_print_right(stdout, cell[c], p->width[c]);
		else if (c == DEL_COLS - 1)
			fputs(cell[c], stdout);
		else
			text_print_padded(stdout, cell[c], p->width[c]);
		if (p->pass == 1)
			fputs(c == DEL_COLS - 1 ? "\n" : "  ", stdout);
		free(cell[c]);
	}
	p->count++;
	return 0;
}

static int
print_deleted(struct store *store, const struct history_filter *f,
    struct printing *p, struct error *err)
{
	const char	*header[DEL_COLS] = { _("ID"), _("Deleted"), _("By"),
			    _("Date"), _("Type"), _("Center") };
	int		 c;

	for (c = 0; c < DEL_COLS; c++)
		p->width[c] = text_width(header[c]);
	p->pass = 0;
	if (store_history_each(store, f, 0, deleted_row, p, err) == -1)
		return -1;
	if (p->count == 0)
		return 0;
	for (c = 0; c < DEL_COLS; c++) {
		if (c == DEL_ID)
			text_print_right(stdout, header[c], p->width[c]);
		else if (c == DEL_COLS - 1)
			fputs(header[c], stdout);
		else
			text_print_padded(stdout, header[c], p->width[c]);
		fputs(c == DEL_COLS - 1 ? "\n" : "  ", stdout);
	}
	p->pass = 1;
	return store_history_each(store, f, 0, deleted_row, p, err);
}

/*
 * What history shows, from its arguments: 0, or the exit status of the
 * error it said.
 */
static int
history_filter(struct cli *cli, const struct args *args,
    struct history_filter *filter)
{
	struct error	 err;
	const char	*since = args_get(args, 's');
	int		 status;

	history_filter_init(filter);
	filter->deleted = args_has(args, 'd');
	if (args_count(args) == 1 && (status = cli_parse_id(cli,
	    args_string(args, 0), &filter->meeting_id)) != 0)
		return status;
	if (since != NULL) {
		if (date_parse(since, &filter->since, &err) == -1) {
			error_prefix(&err, "--since: ");
			return cli_fail(&err);
		}
		filter->has_since = 1;
	}
	return 0;
}

static int
history_check(struct cli *cli, struct args *args)
{
	struct history_filter	filter;

	return history_filter(cli, args, &filter);
}

static int
history_exec(struct cli *cli, struct args *args)
{
	struct history_filter	 filter;
	struct printing		 p;
	struct meeting		 m;
	struct error		 err;
	int			 status, rc;

	if ((status = history_filter(cli, args, &filter)) != 0)
		return status;
	memset(&p, 0, sizeof p);
	p.cat = &cli->catalog;
	p.include_notes = args_has(args, 'n');
	p.action = -1;
	if ((filter.deleted ? print_deleted(cli->store, &filter, &p, &err) :
	    store_history_each(cli->store, &filter, STORE_HISTORY_NO_MEETINGS |
	    STORE_HISTORY_BOOKINGS, history_measure, &p, &err)) == -1)
		return cli_fail(&err);
	if (p.count == 0 && filter.meeting_id != 0 && !filter.has_since &&
	    !filter.deleted) {
		meeting_init(&m);
		rc = store_meeting_get(cli->store, filter.meeting_id, &m,
		    &err);
		meeting_clear(&m);
		if (rc == 1)
			error_set(&err, ERROR_INPUT, _("no meeting with id "
			    "%ld"), filter.meeting_id);
		if (rc != 0)
			return cli_fail(&err);
	}
	if (p.count == 0)
		printf(filter.deleted ? _("no deleted meetings\n") :
		    _("no changes\n"));
	else if (!filter.deleted && store_history_each(cli->store, &filter,
	    STORE_HISTORY_BOOKINGS, history_print, &p, &err) == -1)
		return cli_fail(&err);
	return 0;
}

/* --action: "#12" as history prints it, or 12; 0 when not given. */
static int
undo_action(struct cli *cli, const struct args *args, long *action)
{
	const char	*arg = args_get(args, 'a');
	char		*end;

	*action = 0;
	if (arg == NULL)
		return 0;
	*action = strtol(arg + (arg[0] == '#'), &end, 10);
	if (arg[arg[0] == '#'] == '\0' || *end != '\0' || *action <= 0 ||
	    *action == LONG_MAX)
		return cli_usage_error(cli, _("--action: '%s' is not an "
		    "action number"), arg);
	return 0;
}

static int
undo_check(struct cli *cli, struct args *args)
{
	long	action;

	return undo_action(cli, args, &action);
}

static int
undo_exec(struct cli *cli, struct args *args)
{
	struct undo_result	 r;
	struct error		 err;
	char			*command, what[512];
	long			 action;
	int			 flags = 0, rc;

	if ((rc = undo_action(cli, args, &action)) != 0)
		return rc;
	if (args_has(args, 'n'))
		flags |= STORE_UNDO_DRY_RUN;
	rc = store_undo_action(cli->store, cli->command_line, action, flags,
	    &r, &err);
	if (rc == -1)
		return cli_fail(&err);
	if (rc == 1)		/* err says why */
		return cli_fail(&err);
	action_words(r.command, what, sizeof what);
	command = error_escape_dup(what);
	printf(flags & STORE_UNDO_DRY_RUN ? _("would undo #%ld of %s: %s\n") :
	    _("undid #%ld of %s: %s\n"), r.action_id, r.at, command);
	free(command);
	/* a dry run tells what it would do, not what it did */
	printf(flags & STORE_UNDO_DRY_RUN ? _("meetings to change back: %ld, "
	    "to remove: %ld, to bring back: %ld\n") : _("meetings changed "
	    "back: %ld, removed: %ld, brought back: %ld\n"), r.changed,
	    r.removed, r.restored);
	if (r.bookings > 0)
		printf(flags & STORE_UNDO_DRY_RUN ? _("advisors' bookings to "
		    "take back: %ld\n") : _("advisors' bookings taken back: "
		    "%ld\n"), r.bookings);
	undo_result_clear(&r);
	return 0;
}

static int
restore_meeting_check(struct cli *cli, struct args *args)
{
	long	id;

	return cli_parse_id(cli, args_string(args, 0), &id);
}

static int
restore_meeting_exec(struct cli *cli, struct args *args)
{
	struct meeting	 m;
	struct error	 err;
	char		 buf[256];
	long		 id;
	int		 status;

	if ((status = cli_parse_id(cli, args_string(args, 0), &id)) != 0)
		return status;
	if (store_begin(cli->store, cli->command_line, &err) == -1)
		return cli_fail(&err);
	meeting_init(&m);
	if (store_meeting_restore(cli->store, id, &m, &err) == -1 ||
	    store_commit(cli->store, &err) == -1) {
		store_rollback(cli->store);
		meeting_clear(&m);
		return cli_fail(&err);
	}
	describe(&m, &cli->catalog, buf, sizeof buf);
	printf(_("restored meeting %ld: %s\n"), m.id, buf);
	meeting_clear(&m);
	return 0;
}
