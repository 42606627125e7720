/*
 * cmd-import.c -- `carecal import FILE`: meetings from a CSV file (the
 * format of `list --format csv`) or an iCalendar file (carecal's own
 * exports, Outlook, Google), all of them or none.
 */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <strings.h>

#include "alloc.h"
#include "cmd.h"
#include "i18n.h"
#include "ical-import.h"
#include "import.h"
#include "modules.h"

static int	import_check(struct cli *, struct args *);
static int	import_exec(struct cli *, struct args *);

static const char import_help[] = N_(
"A file ending in .ics or .ical, or beginning with BEGIN:VCALENDAR, is\n"
"iCalendar; any other is CSV. Any error imports nothing.\n"
"\n"
"CSV has the columns of 'carecal list --format csv':\n"
"  id,uid,date,start,end,center,type,mode,status,cases,venue,url,note,\n"
"  version\n"
"(and optionally window). An empty uid adds a meeting; a known uid\n"
"updates that meeting, if it is still at the line's version: a line\n"
"someone else's change has made stale is refused, and nothing is\n"
"imported. A line without a version may update only a meeting not\n"
"changed since the file was last saved.\n"
"\n"
"iCalendar: a file carecal exported comes back exactly. Events from\n"
"other calendars take their type, center and mode from CATEGORIES or\n"
"the SUMMARY carecal writes, else from the options below; a link to an\n"
"online meeting (URL, Google Meet, Teams, Zoom, also in DESCRIPTION)\n"
"makes the mode hybrid with a LOCATION, online without. Their status\n"
"comes from the date: held before today, planned from today on, and\n"
"cancelled when STATUS:CANCELLED. Their SUMMARY and DESCRIPTION are\n"
"not kept (the report says so). An event whose UID is known keeps\n"
"what the file does not say. A known UID is updated when its SEQUENCE\n"
"is higher (or equal with other content); STATUS:CANCELLED cancels,\n"
"as does METHOD:CANCEL (of an unknown UID: skipped, and said). Times\n"
"are converted to Asia/Tokyo, from the file's VTIMEZONEs or IANA and\n"
"Windows zone names; RRULEs give one meeting per occurrence within\n"
"--from/--to (default: the current fiscal year).\n"
"\n"
"A uid of a meeting deleted since is skipped, and said, as is the\n"
"tombstone of a meeting deleted where the file was written\n"
"(X-CARECAL-DELETED): it never changes or adds a meeting here.\n"
"\n"
"Options:\n"
"  --dry-run          print what would be added, updated, cancelled and\n"
"                     skipped; change nothing\n"
"  --restore-deleted  bring deleted meetings whose uid comes back, as\n"
"                     'carecal restore-meeting' does\n"
"  --type TYPE, --center NAME, --mode M\n"
"                     for iCalendar events that do not say (see above)\n"
"  --skip-unmapped    import the rest when some events cannot be mapped\n"
"  --from D, --to D   only meetings on these dates (iCalendar)\n");

static const struct cmd_option import_options[] = {
	{ "dry-run",		0,		'n' },
	{ "type",		CMD_VALUE,	'T' },
	{ "center",		CMD_VALUE,	'C' },
	{ "mode",		CMD_VALUE,	'm' },
	{ "from",		CMD_VALUE,	'f' },
	{ "to",			CMD_VALUE,	't' },
	{ "skip-unmapped",	0,		's' },
	{ "restore-deleted",	0,		'R' },
	{ NULL, 0, 0 }
};

const struct cmd_entry cmd_import_entry = {
	.name = "import",
	.usage = "import FILE.csv|FILE.ics [--dry-run] [--restore-deleted] "
	    "[--center NAME] [--type TYPE] [--mode M] [--skip-unmapped] "
	    "[--from D] [--to D]",
	.summary = N_("import meetings from CSV or iCalendar (all or none)"),
	.help = import_help,
	.options = import_options,
	.args = { 1, 1, N_("give one file"), N_("give one file") },
	.flags = CMD_STORE,
	.check = import_check,
	.exec = import_exec
};

static void
print_result(const struct import_result *r, int dry_run)
{
	printf(dry_run ? _("would add %ld, update %ld, cancel %ld; %ld "
	    "unchanged, %ld skipped\n") : _("added %ld, updated %ld, "
	    "cancelled %ld; %ld unchanged, %ld skipped\n"), r->added,
	    r->updated, r->cancelled, r->unchanged, r->skipped);
	if (r->restored > 0)
		printf(dry_run ? ngettext("would bring %ld deleted meeting "
		    "back\n", "would bring %ld deleted meetings back\n",
		    (unsigned long)r->restored) : ngettext("brought %ld "
		    "deleted meeting back\n", "brought %ld deleted meetings "
		    "back\n", (unsigned long)r->restored), r->restored);
	/* as add and edit would warn, one count rather than a line each */
	if (r->warned > 0)
		fprintf(stderr, ngettext("carecal: warning: %ld of them falls "
		    "on a Saturday, Sunday, holiday or closure day, or clashes "
		    "with another meeting of its center; 'carecal check' "
		    "lists them\n", "carecal: warning: %ld of them fall on a "
		    "Saturday, Sunday, holiday or closure day, or clash with "
		    "another meeting of their center; 'carecal check' lists "
		    "them\n", (unsigned long)r->warned), r->warned);
}

/* .ics and .ical by name; otherwise BEGIN:VCALENDAR at the start. */
static int
is_icalendar(const char *path)
{
	const char	*dot = strrchr(path, '.');

	if (dot != NULL && strchr(dot, '/') == NULL) {
		if (strcasecmp(dot, ".ics") == 0 ||
		    strcasecmp(dot, ".ical") == 0)
			return 1;
		if (strcasecmp(dot, ".csv") == 0)
			return 0;
	}
	return ical_import_sniff(path);
}

static int
compare_unmapped(const void *pa, const void *pb)
{
	const struct ical_unmapped	*a = pa, *b = pb;

	return (a->line > b->line) - (a->line < b->line);
}

static void
print_unmapped(const char *path, struct ical_import *in, int skipping)
{
	const struct ical_unmapped	*u;
	size_t				 i;
	char				*uid, *why, *name;

	qsort(in->unmapped, in->nunmapped, sizeof *in->unmapped,
	    compare_unmapped);
	/* the file's name, its UIDs and what they were refused for */
	name = error_escape_dup(path);
	for (i = 0; i < in->nunmapped; i++) {
		u = &in->unmapped[i];
		uid = error_escape_dup(u->uid != NULL ? u->uid :
		    _("(no UID)"));
		why = error_escape_dup(u->why);
		fprintf(stderr, skipping ? _("carecal: %s:%ld: %s: skipped: "
		    "%s\n") : _("carecal: %s:%ld: %s: cannot be mapped: %s\n"),
		    name, u->line, uid, why);
		free(uid);
		free(why);
	}
	free(name);
}

static int
compare_notices(const void *pa, const void *pb)
{
	const struct ical_notice	*a = pa, *b = pb;

	return (a->line > b->line) - (a->line < b->line);
}

/* What the import changed in or left out of events it imports. */
static void
print_notices(const char *path, struct ical_import *in)
{
	const struct ical_notice	*n;
	size_t				 i;
	char				*uid, *what, *name;

	if (in->nnotices == 0)
		return;
	qsort(in->notices, in->nnotices, sizeof *in->notices,
	    compare_notices);
	name = error_escape_dup(path);
	for (i = 0; i < in->nnotices; i++) {
		n = &in->notices[i];
		uid = error_escape_dup(n->uid != NULL ? n->uid : "");
		what = error_escape_dup(n->what);
		fprintf(stderr, _("carecal: %s:%ld: %s: %s\n"), name, n->line,
		    uid, what);
		free(uid);
		free(what);
	}
	free(name);
}

/*
 * A METHOD:CANCEL for a meeting the database does not have, or the
 * tombstone of a meeting deleted where the file was written (kept, the
 * id of the stored meeting with its UID, 0 when none): skipped.
 */
static void
print_cancel_unknown(const char *path, const struct import_item *item,
    long kept)
{
	char	*uid = error_escape_dup(item->meeting.uid);
	char	*name = error_escape_dup(path);

	if (item->deleted && kept != 0)
		fprintf(stderr, _("carecal: %s:%ld: %s: a meeting deleted "
		    "where the file was written (X-CARECAL-DELETED); meeting "
		    "%ld here is kept as it is ('carecal delete %ld' if it "
		    "should go too); skipped\n"), name, item->line, uid, kept,
		    kept);
	else if (item->deleted)
		fprintf(stderr, _("carecal: %s:%ld: %s: a meeting deleted "
		    "where the file was written (X-CARECAL-DELETED), which "
		    "this database does not have; skipped\n"), name,
		    item->line, uid);
	else
		fprintf(stderr, _("carecal: %s:%ld: %s: METHOD:CANCEL of a "
		    "meeting this database does not have; skipped\n"), name,
		    item->line, uid);
	free(uid);
	free(name);
}

/*
 * What an event did not say comes from the stored meeting with its UID
 * (looked up inside the transaction); items that still cannot be
 * meetings move to the unmapped, a cancel (METHOD:CANCEL) of an unknown
 * UID and every tombstone (X-CARECAL-DELETED) are skipped (counted in
 * skipped), the rest close up in place.
 */
static int
complete_items(struct cli *cli, const char *path, struct ical_import *in,
    long *skipped, struct error *err)
{
	struct import_item	*item;
	struct meeting		 existing;
	struct error		 why;
	size_t			 i, k = 0;
	int			 found;

	*skipped = 0;
	for (i = 0; i < in->count; i++) {
		item = &in->items[i];
		meeting_init(&existing);
		found = 1;
		if ((in->method_cancel || item->deleted ||
		    in->given[i] != ICAL_GIVEN_ALL) &&
		    (found = store_meeting_get_by_uid(cli->store,
		    item->meeting.uid, &existing, err)) == -1) {
			/* what was moved or cleared stays consistent */
			for (; i < in->count; i++)
				in->items[k++] = in->items[i];
			in->count = k;
			return -1;
		}
		/* a tombstone never changes another database's meeting */
		if (item->deleted || (found == 1 && in->method_cancel)) {
			print_cancel_unknown(path, item, found == 0 ?
			    existing.id : 0);
			(*skipped)++;
			meeting_clear(&item->meeting);
		} else if (ical_item_complete(item, in->given[i], found == 0 ?
		    &existing : NULL, &cli->catalog, &why) == -1) {
			ical_import_add_unmapped(in, item->line,
			    item->meeting.uid, why.msg);
			meeting_clear(&item->meeting);
		} else
			in->items[k++] = *item;
		meeting_clear(&existing);
	}
	in->count = k;
	return 0;
}

static void
print_skipped_older(const char *path, const struct import_item *items,
    size_t n)
{
	size_t	 i;
	char	*uid, *name = error_escape_dup(path);

	for (i = 0; i < n; i++) {
		if (items[i].action != IMPORT_SKIP_OLDER)
			continue;
		uid = error_escape_dup(items[i].meeting.uid);
		fprintf(stderr, _("carecal: %s:%ld: %s: SEQUENCE %ld is older "
		    "than the stored meeting's; skipped\n"), name,
		    items[i].line, uid, items[i].meeting.sequence);
		free(uid);
	}
	free(name);
}

/* What an iCalendar import left out, after the counts. */
static void
print_left_out(const struct ical_import *in)
{
	if (in->nunmapped > 0)
		printf(ngettext("%zu event could not be mapped and was "
		    "skipped\n", "%zu events could not be mapped and were "
		    "skipped\n", in->nunmapped), in->nunmapped);
	if (in->outside > 0)
		printf(ngettext("%ld meeting outside --from/--to was left "
		    "out\n", "%ld meetings outside --from/--to were left "
		    "out\n", (unsigned long)in->outside), in->outside);
	if (in->other > 0)
		printf(ngettext("%ld component that is not an event (VTODO, "
		    "VJOURNAL...) was ignored\n", "%ld components that are "
		    "not events (VTODO, VJOURNAL...) were ignored\n",
		    (unsigned long)in->other), in->other);
	if (in->text_left_out > 0)
		printf(ngettext("the SUMMARY or DESCRIPTION of %ld event "
		    "from another calendar was left out (carecal keeps no "
		    "free text of other calendars; see carecal(1))\n",
		    "the SUMMARY or DESCRIPTION of %ld events from another "
		    "calendar were left out (carecal keeps no free text of "
		    "other calendars; see carecal(1))\n",
		    (unsigned long)in->text_left_out), in->text_left_out);
}

static int
import_ical(struct cli *cli, const char *path,
    const struct ical_import_options *opt, int dry_run, int skip_unmapped,
    int flags)
{
	struct ical_import	 in;
	struct import_result	 result;
	struct error		 err;
	long			 skipped;

	if (ical_import_read(path, &cli->catalog, opt, &in, &err) == -1) {
		ical_import_free(&in);
		return cli_fail(&err);
	}
	if (store_begin(cli->store, cli->command_line, &err) == -1)
		goto fail;
	if (complete_items(cli, path, &in, &skipped, &err) == -1)
		goto fail_rollback;
	print_notices(path, &in);
	if (in.nunmapped > 0) {
		print_unmapped(path, &in, skip_unmapped);
		if (!skip_unmapped) {
			error_set(&err, ERROR_INPUT, ngettext("%s: %zu event "
			    "cannot be mapped; nothing imported (give --type, "
			    "--center or --skip-unmapped)", "%s: %zu events "
			    "cannot be mapped; nothing imported (give --type, "
			    "--center or --skip-unmapped)", in.nunmapped),
			    path, in.nunmapped);
			goto fail_rollback;
		}
	}
	if (import_apply(cli->store, &cli->catalog, in.items, in.count, path,
	    dry_run ? stdout : NULL, flags, &result, &err) == -1)
		goto fail_rollback;
	result.skipped += skipped;
	if (!dry_run)
		print_skipped_older(path, in.items, in.count);
	if (dry_run)
		store_rollback(cli->store);
	else if (store_commit(cli->store, &err) == -1)
		goto fail;
	print_result(&result, dry_run);
	print_left_out(&in);
	ical_import_free(&in);
	return 0;
fail_rollback:
	store_rollback(cli->store);
fail:
	ical_import_free(&in);
	return cli_fail(&err);
}

static int
import_csv(struct cli *cli, const char *path, int dry_run, int flags)
{
	struct import_result	result;
	struct error		err;

	if (store_begin(cli->store, cli->command_line, &err) == -1)
		return cli_fail(&err);
	if (import_csv_file_with(cli->store, &cli->catalog, path,
	    dry_run ? stdout : NULL, flags, &result, &err) == -1) {
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

/*
 * --type, --center, --mode, --from, --to, once the catalog is open; the
 * other options are not these (0).
 */
static int
ical_option(struct cli *cli, int id, const char *arg,
    struct ical_import_options *o, struct error *err)
{
	const struct meeting_type	*type;
	const struct center		*center;
	enum meeting_mode		 mode;

	switch (id) {
	case 'T':
		if (catalog_find_type(&cli->catalog, arg, &type, err) == -1)
			break;
		o->type_id = type->id;
		return 0;
	case 'C':
		if (catalog_match_center(&cli->catalog, arg, &center,
		    err) == -1)
			break;
		o->center_id = center->id;
		return 0;
	case 'm':
		if (meeting_mode_parse(arg, &mode, err) == -1)
			break;
		o->mode = mode;
		return 0;
	case 'f':
		if (date_parse(arg, &o->from, err) == -1)
			break;
		o->has_from = 1;
		return 0;
	case 't':
		if (date_parse(arg, &o->to, err) == -1)
			break;
		o->has_to = 1;
		return 0;
	default:
		return 0;	/* not one of those */
	}
	error_prefix(err, "--%s: ", id == 'T' ? "type" : id == 'C' ?
	    "center" : id == 'm' ? "mode" : id == 'f' ? "from" : "to");
	return -1;
}

/* The options that only iCalendar events need: how many were given. */
static int
ical_options_given(const struct args *args)
{
	return args_has(args, 'T') + args_has(args, 'C') +
	    args_has(args, 'm') + args_has(args, 'f') + args_has(args, 't') +
	    args_has(args, 's');
}

static int
import_check(struct cli *cli, struct args *args)
{
	struct error	 err;
	struct date	 today;
	const char	*path = args_string(args, 0);

	if (!is_icalendar(path)) {
		if (ical_options_given(args) > 0)
			return cli_usage_error(cli, _("--type, --center, "
			    "--mode, --from, --to and --skip-unmapped are for "
			    "iCalendar files; %s is CSV"), path);
		return 0;
	}
	if (date_today(&today, &err) == -1)
		return cli_fail(&err);
	return 0;
}

static int
import_run(struct cli *cli, struct args *args)
{
	struct ical_import_options	 o;
	struct error			 err;
	const char			*path = args_string(args, 0);
	size_t				 i;
	int				 dry_run = args_has(args, 'n');
	int				 flags = 0;

	flags |= IMPORT_WARN;
	if (args_has(args, 'R'))
		flags |= IMPORT_RESTORE_DELETED;
	if (!is_icalendar(path))
		return import_csv(cli, path, dry_run, flags);
	memset(&o, 0, sizeof o);
	o.mode = -1;
	if (date_today(&o.today, &err) == -1)
		return cli_fail(&err);
	/* --type, --center, --mode, --from, --to in the order given */
	for (i = 0; i < args->noptions; i++)
		if (ical_option(cli, args->options[i].id,
		    args->options[i].value, &o, &err) == -1)
			return cli_fail(&err);
	if (o.has_from && o.has_to && date_compare(o.from, o.to) > 0) {
		error_set(&err, ERROR_INPUT, _("--from is after --to"));
		return cli_fail(&err);
	}
	return import_ical(cli, path, &o, dry_run, args_has(args, 's'),
	    flags);
}

static int
import_exec(struct cli *cli, struct args *args)
{
	int	status = import_run(cli, args);

	modules_free();
	return status;
}
