/*
 * cmd-case.c -- `carecal case`: the cases a meeting discussed, by the
 * secretariat's reference and stage (初回, 中間, 終了前), and the
 * follow-ups they still need. Each addition or removal is one action
 * that undo takes back.
 */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "alloc.h"
#include "cmd.h"
#include "i18n.h"
#include "text.h"

static const char case_help[] = N_(
"  list [REF]     the reviews recorded, by case and date; with --due the\n"
"                 follow-ups still to come, by the day they are due, with\n"
"                 the first meeting that can take each, or none\n"
"    --due          the follow-ups instead of the reviews\n"
"    --fy Y         reviews held, or follow-ups due, in one fiscal year\n"
"    --center NAME  one center's\n"
"  add REF --meeting ID --stage S\n"
"                 record that meeting ID discussed case REF at stage S:\n"
"                 初回 (initial), 中間 (interim) or 終了前 (final)\n"
"  remove REF [--meeting ID]   (or delete) take the record back; --meeting\n"
"                 says which when the case is at more than one\n"
"REF is the secretariat's own number of the case (2021-015), never a name:\n"
"1-16 half-width digits and letters A-Z with - / . between them, at least\n"
"one digit, no word of more than 3 letters, at most 9 digits, not a date.\n"
"A 初回 sets when the 中間 and the 終了前 fall due ('carecal config\n"
"followup-interim', 'followup-final'); 'carecal check' reports those with\n"
"no meeting to take them. A meeting with cases recorded has their count\n"
"as its number of cases (事例数).\n");

/* The table of list: cells of one row each, measured, then printed. */
struct case_table {
	char	**cells;
	size_t	  ncols, nrows, capacity;
	int	 *width;
};

static void
table_init(struct case_table *t, size_t ncols)
{
	memset(t, 0, sizeof *t);
	t->ncols = ncols;
	t->width = xcalloc(ncols, sizeof *t->width);
}

static void
table_add(struct case_table *t, const char *const *row)
{
	size_t	c;
	int	w;

	if (t->nrows == t->capacity) {
		t->capacity = t->capacity == 0 ? 16 : t->capacity * 2;
		t->cells = xreallocarray(t->cells, t->capacity * t->ncols,
		    sizeof *t->cells);
	}
	for (c = 0; c < t->ncols; c++) {
		t->cells[t->nrows * t->ncols + c] = xstrdup(row[c]);
		if ((w = text_width(row[c])) > t->width[c])
			t->width[c] = w;
	}
	t->nrows++;
}

static void
table_print(struct case_table *t)
{
	size_t	r, c;

	for (r = 0; r < t->nrows; r++)
		for (c = 0; c < t->ncols; c++) {
			if (c + 1 == t->ncols)
				printf("%s\n", t->cells[r * t->ncols + c]);
			else {
				text_print_padded(stdout,
				    t->cells[r * t->ncols + c], t->width[c]);
				fputs("  ", stdout);
			}
		}
}

static void
table_free(struct case_table *t)
{
	size_t	i;

	for (i = 0; i < t->nrows * t->ncols; i++)
		free(t->cells[i]);
	free(t->cells);
	free(t->width);
}

/* The reference argument, canonical, into ref: 0 or the exit status. */
static int
ref_argument(const struct args *args, char *ref)
{
	struct error	err;

	if (case_ref_parse(args_string(args, 0), ref, &err) == -1)
		return cli_fail(&err);
	return 0;
}

/* --meeting ID, when given: 0 or the exit status. */
static int
meeting_option(struct cli *cli, const struct args *args, long *id)
{
	const char	*v = args_get(args, 'm');

	*id = 0;
	if (v == NULL)
		return 0;
	return cli_parse_id(cli, v, id);
}

/*
 * Usage checks before the store opens: a reference that could be a
 * name is refused before anything is opened or recorded.
 */
static int
add_check(struct cli *cli, struct args *args)
{
	struct error	 err;
	enum case_stage	 stage;
	char		 ref[CASE_REF_SIZE];
	long		 id;
	int		 status;

	if ((status = ref_argument(args, ref)) != 0 ||
	    (status = meeting_option(cli, args, &id)) != 0)
		return status;
	if (id == 0 || args_get(args, 's') == NULL)
		return cli_usage_error(cli, _("add needs --meeting ID and "
		    "--stage 初回|中間|終了前"));
	if (case_stage_parse(args_get(args, 's'), &stage, &err) == -1) {
		error_prefix(&err, "--stage: ");
		return cli_fail(&err);
	}
	return 0;
}

static int
remove_check(struct cli *cli, struct args *args)
{
	char	ref[CASE_REF_SIZE];
	long	id;
	int	status;

	if ((status = ref_argument(args, ref)) != 0)
		return status;
	return meeting_option(cli, args, &id);
}

static int
list_check(struct cli *cli, struct args *args)
{
	struct error	 err;
	char		 ref[CASE_REF_SIZE];
	int		 fy;

	(void)cli;
	if (args_count(args) == 1 &&
	    case_ref_parse(args_string(args, 0), ref, &err) == -1)
		return cli_fail(&err);
	if (args_get(args, 'y') != NULL &&
	    date_parse_fiscal_year(args_get(args, 'y'), &fy, &err) == -1) {
		error_prefix(&err, "--fy: ");
		return cli_fail(&err);
	}
	return 0;
}

/*
 * What is worth saying before the case is recorded: the store's
 * warnings, and the number of cases the meeting had typed that its
 * references now replace.
 */
static int
add_warnings(struct cli *cli, struct case_review *r)
{
	struct finding_list	 warnings;
	struct meeting		 m;
	struct error		 err;
	long			 n;

	if (store_case_check(cli->store, &cli->catalog, r, &warnings,
	    &err) == -1)
		return cli_fail(&err);
	cli_warnings(&warnings);
	finding_list_free(&warnings);
	meeting_init(&m);
	if (store_meeting_get(cli->store, r->meeting_id, &m, &err) != 0 ||
	    store_case_count(cli->store, r->meeting_id, &n, &err) == -1) {
		meeting_clear(&m);
		return cli_fail(&err);
	}
	if (n == 0 && m.cases >= 0 && m.cases != 1)
		fprintf(stderr, _("carecal: warning: meeting %ld had %d cases "
		    "as typed; with case references recorded its number of "
		    "cases is their count, now 1\n"), m.id, m.cases);
	meeting_clear(&m);
	return 0;
}

static int
case_add(struct cli *cli, struct args *args)
{
	struct case_review	r;
	struct error		err;
	int			status;

	memset(&r, 0, sizeof r);
	snprintf(r.ref, sizeof r.ref, "%s", args_string(args, 0));
	r.meeting_id = strtol(args_get(args, 'm'), NULL, 10);
	(void)case_stage_parse(args_get(args, 's'), &r.stage, NULL);
	if ((status = add_warnings(cli, &r)) != 0)
		return status;
	if (store_case_add(cli->store, &cli->catalog, &r, cli->command_line,
	    &err) == -1)
		return cli_fail(&err);
	return 0;
}

static int
case_remove(struct cli *cli, struct args *args)
{
	struct error	err;
	long		id = 0;

	if (args_get(args, 'm') != NULL)
		id = strtol(args_get(args, 'm'), NULL, 10);
	if (store_case_remove(cli->store, args_string(args, 0), id,
	    cli->command_line, NULL, &err) == -1)
		return cli_fail(&err);
	return 0;
}

/* What list picks: a case, a fiscal year, a center. */
struct list_request {
	char		 ref[CASE_REF_SIZE];	/* "" for every case */
	int		 has_fy;
	struct date	 from, to;
	long		 center_id;		/* -1: any */
};

static int
list_request(struct cli *cli, const struct args *args,
    struct list_request *rq)
{
	const struct center	*c;
	struct error		 err;
	int			 fy;

	memset(rq, 0, sizeof *rq);
	rq->center_id = -1;
	rq->from.year = DATE_FIRST_YEAR;
	rq->from.month = rq->from.day = 1;
	rq->to.year = DATE_LAST_YEAR;
	rq->to.month = 12;
	rq->to.day = 31;
	if (args_count(args) == 1)
		(void)case_ref_parse(args_string(args, 0), rq->ref, NULL);
	if (args_get(args, 'y') != NULL) {
		(void)date_parse_fiscal_year(args_get(args, 'y'), &fy, NULL);
		rq->has_fy = 1;
		rq->from = date_fiscal_year_start(fy);
		rq->to = date_fiscal_year_end(fy);
	}
	if (args_get(args, 'C') != NULL) {
		if (catalog_find_center(&cli->catalog, args_get(args, 'C'), &c,
		    &err) == -1) {
			error_prefix(&err, "--center: ");
			return cli_fail(&err);
		}
		rq->center_id = c->id;
	}
	return 0;
}

static const char *
center_name(const struct cli *cli, long id)
{
	const struct center	*c = catalog_center_by_id(&cli->catalog, id);

	return c != NULL ? c->name : "-";
}

static const char *
type_name(const struct cli *cli, long id)
{
	const struct meeting_type *t = catalog_type_by_id(&cli->catalog, id);

	return t != NULL ? t->name : "?";
}

static int
list_reviews(struct cli *cli, const struct list_request *rq)
{
	struct case_filter	 filter;
	struct case_list	 list;
	struct case_table	 table;
	const struct case_review *r;
	struct error		 err;
	char			 day[DATE_JA_LEN], id[32], status[64];
	const char		*row[7];
	size_t			 i, cases = 0;

	case_filter_init(&filter);
	filter.ref = rq->ref[0] != '\0' ? rq->ref : NULL;
	filter.has_from = filter.has_to = 1;
	filter.from = rq->from;
	filter.to = rq->to;
	case_list_init(&list);
	if (store_case_reviews_load(cli->store, &filter, &list, &err) == -1) {
		case_list_free(&list);
		return cli_fail(&err);
	}
	table_init(&table, 7);
	row[0] = _("Case");
	row[1] = _("Stage");
	row[2] = _("Date");
	row[3] = _("Meeting");
	row[4] = _("Center");
	row[5] = _("Type");
	row[6] = _("Status");
	table_add(&table, row);
	for (i = 0; i < list.count; i++) {
		r = &list.items[i];
		if (rq->center_id >= 0 && r->center_id != rq->center_id)
			continue;
		if (table.nrows == 1 ||
		    strcmp(r->ref, list.items[i - 1].ref) != 0)
			cases++;
		date_format_japanese(r->date, day, sizeof day);
		snprintf(id, sizeof id, "#%ld", r->meeting_id);
		snprintf(status, sizeof status, "%s",
		    meeting_status_label(r->status));
		row[0] = r->ref;
		row[1] = case_stage_label(r->stage);
		row[2] = day;
		row[3] = id;
		row[4] = center_name(cli, r->center_id);
		row[5] = type_name(cli, r->type_id);
		row[6] = status;
		table_add(&table, row);
	}
	table_print(&table);
	/* the counts of reviews and of cases, each in its own plural */
	printf(ngettext("%zu review", "%zu reviews", table.nrows - 1),
	    table.nrows - 1);
	printf(ngettext(" of %zu case\n", " of %zu cases\n", cases), cases);
	table_free(&table);
	case_list_free(&list);
	return 0;
}

static int
list_due(struct cli *cli, const struct list_request *rq)
{
	struct followup_list	 list;
	struct case_table	 table;
	const struct followup	*f;
	struct error		 err;
	char			 due[DATE_JA_LEN], when[DATE_JA_LEN + 32];
	const char		*row[6];
	size_t			 i, none = 0;

	followup_list_init(&list);
	if (store_followups_load(cli->store, &cli->catalog, rq->from, rq->to,
	    &list, &err) == -1) {
		followup_list_free(&list);
		return cli_fail(&err);
	}
	table_init(&table, 6);
	row[0] = _("Case");
	row[1] = _("Stage");
	row[2] = _("Due by");
	row[3] = _("Center");
	row[4] = _("Type");
	row[5] = _("Meeting that can take it");
	table_add(&table, row);
	for (i = 0; i < list.count; i++) {
		f = &list.items[i];
		if ((rq->ref[0] != '\0' && strcmp(f->ref, rq->ref) != 0) ||
		    (rq->center_id >= 0 && f->center_id != rq->center_id))
			continue;
		date_format_japanese(f->due, due, sizeof due);
		if (!f->has_meeting) {
			snprintf(when, sizeof when, "%s", _("none"));
			none++;
		} else {
			date_format_japanese(f->meeting_date, when,
			    sizeof when);
			snprintf(when + strlen(when), sizeof when -
			    strlen(when), " #%ld", f->meeting_id);
		}
		row[0] = f->ref;
		row[1] = case_stage_label(f->stage);
		row[2] = due;
		row[3] = center_name(cli, f->center_id);
		row[4] = type_name(cli, f->type_id);
		row[5] = when;
		table_add(&table, row);
	}
	table_print(&table);
	printf(ngettext("%zu follow-up, %zu with no meeting to take it\n",
	    "%zu follow-ups, %zu with no meeting to take them\n",
	    table.nrows - 1), table.nrows - 1, none);
	table_free(&table);
	followup_list_free(&list);
	return 0;
}

static int
case_list(struct cli *cli, struct args *args)
{
	struct list_request	rq;
	int			status;

	if ((status = list_request(cli, args, &rq)) != 0)
		return status;
	return args_has(args, 'd') ? list_due(cli, &rq) :
	    list_reviews(cli, &rq);
}

static const struct cmd_option list_options[] = {
	{ "due",	0,		'd' },
	{ "fy",		CMD_VALUE,	'y' },
	{ "center",	CMD_VALUE,	'C' },
	{ NULL, 0, 0 }
};
static const struct cmd_option add_options[] = {
	{ "meeting",	CMD_VALUE,	'm' },
	{ "stage",	CMD_VALUE,	's' },
	{ NULL, 0, 0 }
};
static const struct cmd_option remove_options[] = {
	{ "meeting",	CMD_VALUE,	'm' },
	{ NULL, 0, 0 }
};

static const struct cmd_entry case_list_entry = {
	.name = "list",
	.options = list_options,
	.args = { 0, 1, NULL, N_("list takes at most one case reference") },
	.flags = CMD_STORE,
	.check = list_check,
	.exec = case_list
};
/* add and remove save through the store, each as one action */
static const struct cmd_entry case_add_entry = {
	.name = "add",
	.options = add_options,
	.args = { 1, 1, N_("add needs a case reference"),
	    N_("add takes one case reference") },
	.flags = CMD_STORE,
	.check = add_check,
	.exec = case_add
};
static const struct cmd_entry case_remove_entry = {
	.name = "remove",
	.options = remove_options,
	.args = { 1, 1, N_("remove needs a case reference"),
	    N_("remove takes one case reference") },
	.flags = CMD_STORE,
	.check = remove_check,
	.exec = case_remove
};
static const struct cmd_entry case_delete_entry = {
	.name = "delete",
	.options = remove_options,
	.args = { 1, 1, N_("delete needs a case reference"),
	    N_("delete takes one case reference") },
	.flags = CMD_STORE,
	.check = remove_check,
	.exec = case_remove
};
static const struct cmd_entry *const case_verbs[] = {
	&case_list_entry,
	&case_add_entry,
	&case_remove_entry,
	&case_delete_entry,
	NULL
};

const struct cmd_entry cmd_case_entry = {
	.name = "case",
	.usage = "case list [REF] [--due] [--fy Y] [--center NAME] | "
	    "add REF --meeting ID --stage 初回|中間|終了前 | "
	    "remove REF [--meeting ID]",
	.summary = N_("record the cases a meeting discussed (初回, 中間, "
	    "終了前) and list their follow-ups"),
	.help = case_help,
	.verbs = case_verbs
};
