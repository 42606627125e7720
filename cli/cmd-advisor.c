/*
 * cmd-advisor.c -- `carecal advisor` (add, change, list and retire the
 * professionals a meeting type summons) and `carecal assign` and
 * `unassign` (book advisors for a meeting, or take the booking back).
 * Each change is one action; `carecal undo` takes a booking back.
 * Only the professionals are kept here: nothing about the people a
 * meeting discusses.
 */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "alloc.h"
#include "cmd.h"
#include "i18n.h"
#include "text.h"

static const char advisor_help[] = N_(
"Options of add and edit:\n"
"  --profession P     what the advisor is (理学療法士, 管理栄養士 ...):\n"
"                     the names the meeting types summon ('carecal type\n"
"                     list')\n"
"  --affiliation A    where they work\n"
"  --contact C        how to reach them at work\n"
"  --weekdays W       the days they usually come: 月火水木金 (default),\n"
"                     or mon-fri, mon,wed, all\n"
"  --unavailable D,...  dates they cannot come (2021-08-10, R3.8.10,\n"
"                     or FROM..TO); edit adds them to those known\n"
"Options of edit only:\n"
"  --available D,...  dates they can come after all (taken off the list)\n"
"  --name NEW         a new name\n"
"An empty --affiliation or --contact clears it. Options of list:\n"
"  --profession P     only the advisors of one profession\n"
"  --free D           only those who can come on day D (usual weekday,\n"
"                     not unavailable, not retired), with their bookings\n"
"                     that day\n"
"Advisors are retired, never deleted: the history keeps their bookings.\n"
"Keep only the professionals' work details here, never anything about\n"
"the people the meetings discuss.\n");

static const char assign_help[] = N_(
"Books each ADVISOR (by name) for meeting MEETING_ID, as one action\n"
"that 'carecal undo' takes back. An advisor who is retired, not there\n"
"on that weekday or date, at another meeting at that time (a meeting\n"
"with no end lasts its type's usual length, one with no time the whole\n"
"day), or at another center that day when the database says one center\n"
"a day ('carecal config advisor-day'), is not booked:\n"
"  --force   book them anyway (a warning says why it is unusual)\n");

static const char unassign_help[] = N_(
"Takes back the booking of each ADVISOR for meeting MEETING_ID, as one\n"
"action that 'carecal undo' takes back.\n");

static const struct cmd_option advisor_add_options[] = {
	{ "profession",		CMD_VALUE,	'p' },
	{ "affiliation",	CMD_VALUE,	'a' },
	{ "contact",		CMD_VALUE,	'c' },
	{ "weekdays",		CMD_VALUE,	'w' },
	{ "unavailable",	CMD_VALUE,	'u' },
	{ NULL, 0, 0 }
};

static const struct cmd_option advisor_edit_options[] = {
	{ "profession",		CMD_VALUE,	'p' },
	{ "affiliation",	CMD_VALUE,	'a' },
	{ "contact",		CMD_VALUE,	'c' },
	{ "weekdays",		CMD_VALUE,	'w' },
	{ "unavailable",	CMD_VALUE,	'u' },
	{ "available",		CMD_VALUE,	'v' },
	{ "name",		CMD_VALUE,	'n' },
	{ NULL, 0, 0 }
};

static const struct cmd_option advisor_list_options[] = {
	{ "profession",		CMD_VALUE,	'p' },
	{ "free",		CMD_VALUE,	'f' },
	{ NULL, 0, 0 }
};

static const struct cmd_option assign_options[] = {
	{ "force",		0,		'F' },
	{ NULL, 0, 0 }
};

/* A text option: '' and '-' leave the field empty. */
static void
set_text(char **field, const char *value)
{
	free(*field);
	*field = *value == '\0' || strcmp(value, "-") == 0 ? NULL :
	    xstrdup(value);
}

/* Dates by ',' onto a's list (on: unavailable) or off it. */
static int
set_dates(struct advisor *a, const char *value, int on, struct error *err)
{
	struct date	*days;
	size_t		 n, i;

	if (advisor_dates_parse(value, &days, &n, err) == -1) {
		error_prefix(err, on ? "--unavailable: " : "--available: ");
		return -1;
	}
	for (i = 0; i < n; i++)
		advisor_set_unavailable(a, days[i], on);
	free(days);
	return 0;
}

/* The options of add and edit in the order given, onto a. */
static int
advisor_options(const struct args *args, struct advisor *a,
    struct error *err)
{
	const char	*v;
	size_t		 i;

	for (i = 0; i < args->noptions; i++) {
		v = args->options[i].value;
		switch (args->options[i].id) {
		case 'p':
			free(a->profession);
			a->profession = xstrdup(v);
			break;
		case 'a':
			set_text(&a->affiliation, v);
			break;
		case 'c':
			set_text(&a->contact, v);
			break;
		case 'n':
			free(a->name);
			a->name = xstrdup(v);
			break;
		case 'w':
			if (advisor_weekdays_parse(v, &a->weekdays,
			    err) == -1) {
				error_prefix(err, "--weekdays: ");
				return -1;
			}
			break;
		case 'u':
		case 'v':
			if (set_dates(a, v, args->options[i].id == 'u',
			    err) == -1)
				return -1;
			break;
		}
	}
	return 0;
}

/* The advisor of that name, as stored: 0, or the exit status. */
static int
advisor_of_name(struct cli *cli, const char *name, struct advisor *a)
{
	struct error	err;
	int		rc;

	if ((rc = store_advisor_get(cli->store, name, a, &err)) == 1)
		error_set(&err, ERROR_INPUT, _("no advisor named '%s' "
		    "('carecal advisor list' shows them)"), name);
	return rc == 0 ? 0 : cli_fail(&err);
}

/* add and edit: in the transaction of CMD_WRITE. */
static int
advisor_add(struct cli *cli, struct args *args)
{
	struct advisor	a;
	struct error	err;
	int		status = 0;

	advisor_init(&a);
	a.name = xstrdup(args_string(args, 0));
	if (advisor_options(args, &a, &err) == -1)
		status = cli_fail(&err);
	else if (a.profession == NULL)
		status = cli_usage_error(cli, _("add needs --profession"));
	else if (store_advisor_add(cli->store, &a, &err) == -1)
		status = cli_fail(&err);
	advisor_clear(&a);
	return status;
}

static int
advisor_edit(struct cli *cli, struct args *args)
{
	struct advisor	a;
	struct error	err;
	int		status;

	if ((status = advisor_of_name(cli, args_string(args, 0), &a)) != 0)
		return status;
	if (advisor_options(args, &a, &err) == -1 ||
	    store_advisor_update(cli->store, &a, &err) == -1)
		status = cli_fail(&err);
	advisor_clear(&a);
	return status;
}

static int
advisor_set_retired(struct cli *cli, struct args *args, int retired)
{
	struct advisor	a;
	struct error	err;
	int		status;

	if ((status = advisor_of_name(cli, args_string(args, 0), &a)) != 0)
		return status;
	a.retired = retired;
	if (store_advisor_update(cli->store, &a, &err) == -1)
		status = cli_fail(&err);
	advisor_clear(&a);
	return status;
}

static int
advisor_retire(struct cli *cli, struct args *args)
{
	return advisor_set_retired(cli, args, 1);
}

static int
advisor_unretire(struct cli *cli, struct args *args)
{
	return advisor_set_retired(cli, args, 0);
}

/* The dates unavailable, runs of days as FROM～TO. */
static void
print_unavailable(const struct advisor *a)
{
	char	from[DATE_JA_LEN], to[DATE_JA_LEN];
	size_t	i, j;

	printf("    %s", _("unavailable:"));
	for (i = 0; i < a->nunavailable; i = j) {
		for (j = i + 1; j < a->nunavailable &&
		    date_to_days(a->unavailable[j]) ==
		    date_to_days(a->unavailable[j - 1]) + 1; j++)
			continue;
		date_format_japanese(a->unavailable[i], from, sizeof from);
		if (j - i == 1)
			printf("%s %s", i > 0 ? "," : "", from);
		else {
			date_format_japanese(a->unavailable[j - 1], to,
			    sizeof to);
			printf("%s %s～%s", i > 0 ? "," : "", from, to);
		}
	}
	putchar('\n');
}

/* The bookings of advisor i on the day of --free. */
static void
print_bookings(const struct advisor_book *book, size_t i, long day)
{
	const struct advisor_slots	*s = &book->calendar.booked[i];
	const struct center		*c;
	const struct meeting_type	*t;
	char				 from[TIME_LEN], to[TIME_LEN];
	size_t				 k;

	for (k = 0; k < s->count; k++) {
		if (s->items[k].day != day)
			continue;
		c = catalog_center_by_id(book->calendar.catalog,
		    s->items[k].center_id);
		t = catalog_type_by_id(book->calendar.catalog,
		    s->items[k].type_id);
		printf("    %s #%ld", _("booked:"), s->items[k].meeting_id);
		if (s->items[k].from > 0 || s->items[k].to < 24 * 60) {
			time_format(s->items[k].from, from, sizeof from);
			time_format(s->items[k].to, to, sizeof to);
			printf(" %s-%s", from, to);
		} else
			printf(" %s", _("(all day)"));
		printf(" %s%s%s\n", c != NULL ? c->name : "",
		    c != NULL ? " " : "", t != NULL ? t->short_name : "?");
	}
}

static int
advisor_list(struct cli *cli, struct args *args)
{
	const char		*profession = args_get(args, 'p');
	const char		*free_on = args_get(args, 'f');
	const struct advisor	*a;
	struct advisor_book	 book;
	struct error		 err;
	struct date		 day = { 1, 1, 1 };
	char			 weekdays[32];
	size_t			 i;
	int			 wname = 0, wprof = 0, wplace = 0, w;

	if (free_on != NULL && date_parse(free_on, &day, &err) == -1) {
		error_prefix(&err, "--free: ");
		return cli_fail(&err);
	}
	if (store_advisor_book_load(cli->store, &cli->catalog, day, day,
	    &book, &err) == -1) {
		advisor_book_free(&book);
		return cli_fail(&err);
	}
	for (i = 0; i < book.advisors.count; i++) {
		a = &book.advisors.items[i];
		if ((w = text_width(a->name)) > wname)
			wname = w;
		if ((w = text_width(a->profession)) > wprof)
			wprof = w;
		if (a->affiliation != NULL &&
		    (w = text_width(a->affiliation)) > wplace)
			wplace = w;
	}
	for (i = 0; i < book.advisors.count; i++) {
		a = &book.advisors.items[i];
		if (profession != NULL && strcmp(a->profession,
		    profession) != 0)
			continue;
		if (free_on != NULL && (a->retired ||
		    !(a->weekdays & (1u << date_weekday(day))) ||
		    advisor_is_unavailable(a, day)))
			continue;
		text_print_padded(stdout, a->name, wname);
		fputs("  ", stdout);
		text_print_padded(stdout, a->profession, wprof);
		advisor_weekdays_format(a->weekdays, weekdays,
		    sizeof weekdays);
		fputs("  ", stdout);
		text_print_padded(stdout, weekdays, 14);
		fputs("  ", stdout);
		text_print_padded(stdout, a->affiliation != NULL ?
		    a->affiliation : "-", wplace > 0 ? wplace : 1);
		printf("  %s%s\n", a->contact != NULL ? a->contact : "-",
		    a->retired ? _(" (retired)") : "");
		if (a->nunavailable > 0)
			print_unavailable(a);
		if (free_on != NULL)
			print_bookings(&book, i, date_to_days(day));
	}
	advisor_book_free(&book);
	return 0;
}

static const struct cmd_entry advisor_list_entry = {
	.name = "list",
	.options = advisor_list_options,
	.args = { 0, 0, NULL, N_("list takes no arguments") },
	.flags = CMD_STORE,
	.exec = advisor_list
};
static const struct cmd_entry advisor_add_entry = {
	.name = "add",
	.options = advisor_add_options,
	.args = { 1, 1, N_("add needs the advisor's name"), NULL },
	.flags = CMD_WRITE,
	.exec = advisor_add
};
static const struct cmd_entry advisor_edit_entry = {
	.name = "edit",
	.options = advisor_edit_options,
	.args = { 1, 1, N_("edit needs the advisor's name"), NULL },
	.flags = CMD_WRITE,
	.exec = advisor_edit
};
static const struct cmd_entry advisor_retire_entry = {
	.name = "retire",
	.args = { 1, 1, N_("retire takes 1 argument(s)"),
	    N_("retire takes 1 argument(s)") },
	.flags = CMD_WRITE | CMD_LITERAL,
	.exec = advisor_retire
};
static const struct cmd_entry advisor_unretire_entry = {
	.name = "unretire",
	.args = { 1, 1, N_("unretire takes 1 argument(s)"),
	    N_("unretire takes 1 argument(s)") },
	.flags = CMD_WRITE | CMD_LITERAL,
	.exec = advisor_unretire
};
static const struct cmd_entry *const advisor_verbs[] = {
	&advisor_list_entry,
	&advisor_add_entry,
	&advisor_edit_entry,
	&advisor_retire_entry,
	&advisor_unretire_entry,
	NULL
};

const struct cmd_entry cmd_advisor_entry = {
	.name = "advisor",
	.usage = "advisor list [--profession P] [--free D] | add NAME "
	    "--profession P [--affiliation A] [--contact C] [--weekdays W] "
	    "[--unavailable D,...] | edit NAME [same options] "
	    "[--available D,...] [--name NEW] | retire NAME | unretire NAME",
	.summary = N_("list, add, change or retire advisors (専門職)"),
	.help = advisor_help,
	.verbs = advisor_verbs
};

/* assign and unassign: a meeting id, then advisors. */
static int
booking_check(struct cli *cli, struct args *args)
{
	long	id;

	return cli_parse_id(cli, args_string(args, 0), &id);
}

/*
 * Each advisor named booked for the meeting (assign 1) or taken off
 * it, in the transaction of CMD_WRITE: nothing is written unless all
 * can be.
 */
static int
booking_change(struct cli *cli, struct args *args, int assign)
{
	struct advisor_book	book;
	struct advisor		a;
	struct meeting		m;
	struct error		err;
	enum advisor_state	state;
	char			why[1024];
	size_t			i, k;
	long			id, other;
	int			status = 0, rc;

	cli_parse_id(cli, args_string(args, 0), &id);
	meeting_init(&m);
	if ((rc = store_meeting_get(cli->store, id, &m, &err)) != 0) {
		if (rc == 1)
			error_set(&err, ERROR_INPUT, _("no meeting with id "
			    "%ld"), id);
		return cli_fail(&err);
	}
	if (assign && m.status == STATUS_CANCELLED) {
		meeting_clear(&m);
		error_set(&err, ERROR_INPUT, _("meeting %ld is cancelled: "
		    "nobody is booked for it"), id);
		return cli_fail(&err);
	}
	if (store_advisor_book_load(cli->store, &cli->catalog, m.date, m.date,
	    &book, &err) == -1) {
		status = cli_fail(&err);
		goto done;
	}
	for (i = 1; status == 0 && i < args_count(args); i++) {
		if ((status = advisor_of_name(cli, args_string(args, i),
		    &a)) != 0)
			break;
		k = advisor_list_index(&book.advisors, a.id);
		state = ADVISOR_FREE;
		if (assign && k != (size_t)-1 &&
		    (state = advisor_calendar_state(&book.calendar, k, &m,
		    &other)) != ADVISOR_FREE) {
			advisor_state_format(&book.calendar, k, &m, state,
			    other, why, sizeof why);
			if (!args_has(args, 'F') || state == ADVISOR_RETIRED) {
				error_set(&err, ERROR_INPUT, state ==
				    ADVISOR_RETIRED ? _("not booked: %s") :
				    _("not booked: %s (--force books them "
				    "anyway)"), why);
				status = cli_fail(&err);
			} else
				fprintf(stderr, _("carecal: warning: %s\n"),
				    why);
		}
		if (status == 0 && store_assign(cli->store, m.id, a.id,
		    assign, &err) == -1)
			status = cli_fail(&err);
		if (status == 0 && assign && k != (size_t)-1)
			advisor_calendar_add(&book.calendar, k, &m);
		advisor_clear(&a);
	}
done:
	advisor_book_free(&book);
	meeting_clear(&m);
	return status;
}

static int
assign_exec(struct cli *cli, struct args *args)
{
	return booking_change(cli, args, 1);
}

static int
unassign_exec(struct cli *cli, struct args *args)
{
	return booking_change(cli, args, 0);
}

const struct cmd_entry cmd_assign_entry = {
	.name = "assign",
	.usage = "assign MEETING_ID ADVISOR... [--force]",
	.summary = N_("book advisors for a meeting"),
	.help = assign_help,
	.options = assign_options,
	.args = { 2, -1, N_("give a meeting id and an advisor's name"),
	    NULL },
	.flags = CMD_WRITE,
	.check = booking_check,
	.exec = assign_exec
};

const struct cmd_entry cmd_unassign_entry = {
	.name = "unassign",
	.usage = "unassign MEETING_ID ADVISOR...",
	.summary = N_("take back advisors' bookings for a meeting"),
	.help = unassign_help,
	.args = { 2, -1, N_("give a meeting id and an advisor's name"),
	    NULL },
	.flags = CMD_WRITE,
	.check = booking_check,
	.exec = unassign_exec
};
