/*
 * cli.c -- the pieces every subcommand shares.
 */
#include <stdarg.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "alloc.h"
#include "cmd.h"
#include "i18n.h"

int
cli_resolve_db(struct cli *cli, struct error *err)
{
	const char	*env, *home;
	size_t		 len;

	free(cli->db_path);
	cli->db_path = NULL;
	if (cli->db_option != NULL) {
		if (*cli->db_option == '\0')
			return error_set(err, ERROR_INPUT,
			    _("--db: empty path"));
		cli->db_path = xstrdup(cli->db_option);
		return 0;
	}
	if ((env = getenv("CARECAL_DB")) != NULL && *env != '\0') {
		cli->db_path = xstrdup(env);
		return 0;
	}
	if ((env = getenv("XDG_DATA_HOME")) != NULL && *env == '/') {
		len = strlen(env) + sizeof "/carecal/carecal.db";
		cli->db_path = xmalloc(len);
		snprintf(cli->db_path, len, "%s/carecal/carecal.db", env);
		return 0;
	}
	if ((home = getenv("HOME")) == NULL || *home != '/')
		return error_set(err, ERROR_INPUT, _("no database given: use "
		    "--db PATH or set CARECAL_DB (HOME is not set)"));
	len = strlen(home) + sizeof "/.local/share/carecal/carecal.db";
	cli->db_path = xmalloc(len);
	snprintf(cli->db_path, len, "%s/.local/share/carecal/carecal.db",
	    home);
	return 0;
}

int
cli_open(struct cli *cli, struct error *err)
{
	if (cli->store != NULL)
		return 0;
	if (cli_resolve_db(cli, err) == -1 ||
	    store_open(cli->db_path, 0, &cli->store, err) == -1)
		return -1;
	if (store_upgraded_from(cli->store) != 0)
		fprintf(stderr, _("carecal: %s: upgraded from schema %d to the "
		    "current one; the old file was kept as %s\n"),
		    cli->db_path, store_upgraded_from(cli->store),
		    store_upgrade_backup(cli->store));
	if (store_catalog_load(cli->store, &cli->catalog, err) == -1) {
		store_close(cli->store);
		cli->store = NULL;
		return -1;
	}
	return 0;
}

void
cli_close(struct cli *cli)
{
	catalog_free(&cli->catalog);
	store_close(cli->store);
	cli->store = NULL;
	free(cli->db_path);
	cli->db_path = NULL;
}

int
cli_fail(const struct error *err)
{
	fprintf(stderr, "carecal: %s\n", err->msg[0] != '\0' ? err->msg :
	    _("unknown error"));
	return err->kind == ERROR_NONE ? 1 : error_exit_status(err);
}

void
cli_warnings(const struct finding_list *warnings)
{
	size_t	i;

	for (i = 0; i < warnings->count; i++)
		fprintf(stderr, _("carecal: warning: %s\n"),
		    warnings->items[i].message);
}

int
cli_usage_error(const struct command *cmd, const char *fmt, ...)
{
	char	msg[1024];
	va_list	ap;

	/* the values it quotes are the user's: escaped (error_escape) */
	va_start(ap, fmt);
	vsnprintf(msg, sizeof msg, fmt, ap);
	va_end(ap);
	fputs("carecal: ", stderr);
	error_print_escaped(stderr, msg);
	fprintf(stderr, _("\nusage: carecal [--db PATH] %s\n"), cmd->usage);
	fprintf(stderr, _("Try 'carecal %s --help'.\n"), cmd->name);
	return 2;
}

int
cli_help(const struct command *cmd, const char *details)
{
	printf(_("usage: carecal [--db PATH] %s\n"), cmd->usage);
	printf("%s\n", _(cmd->summary));
	if (details != NULL)
		printf("\n%s", _(details));
	return 0;
}

int
cli_getopt(int argc, char **argv, const char *shortopts,
    const struct option *longopts)
{
	return getopt_long(argc, argv, shortopts, longopts, NULL);
}

const struct option cli_meeting_options[] = {
	{ "type",	required_argument, NULL, 'T' },
	{ "center",	required_argument, NULL, 'C' },
	{ "date",	required_argument, NULL, 'd' },
	{ "start",	required_argument, NULL, 's' },
	{ "end",	required_argument, NULL, 'e' },
	{ "mode",	required_argument, NULL, 'm' },
	{ "status",	required_argument, NULL, 'S' },
	{ "cases",	required_argument, NULL, 'n' },
	{ "venue",	required_argument, NULL, 'v' },
	{ "url",	required_argument, NULL, 'u' },
	{ "note",	required_argument, NULL, 'N' },
	{ "window",	required_argument, NULL, 'w' },
};

static int
with_field(struct error *err, const char *field)
{
	error_prefix(err, "--%s: ", field);
	return -1;
}

int
cli_meeting_option(struct cli *cli, int opt, const char *arg,
    struct meeting *m, unsigned *set, struct error *err)
{
	const struct meeting_type	*type;
	const struct center		*center;
	enum meeting_mode		 mode;
	enum meeting_status		 status;
	int				 empty = arg[0] == '\0';

	switch (opt) {
	case 'T':
		if (catalog_find_type(&cli->catalog, arg, &type, err) == -1)
			return with_field(err, "type");
		m->type_id = type->id;
		*set |= MEETING_GIVEN_TYPE;
		break;
	case 'C':
		if (empty)
			m->center_id = 0;
		else if (catalog_find_center(&cli->catalog, arg, &center,
		    err) == -1)
			return with_field(err, "center");
		else
			m->center_id = center->id;
		*set |= MEETING_GIVEN_CENTER;
		break;
	case 'd':
		if (date_parse(arg, &m->date, err) == -1)
			return with_field(err, "date");
		*set |= MEETING_GIVEN_DATE;
		break;
	case 's':
		if (empty)
			m->start = -1;
		else if (time_parse(arg, &m->start, err) == -1)
			return with_field(err, "start");
		*set |= MEETING_GIVEN_START;
		break;
	case 'e':
		if (empty)
			m->end = -1;
		else if (time_parse(arg, &m->end, err) == -1)
			return with_field(err, "end");
		*set |= MEETING_GIVEN_END;
		break;
	case 'm':
		if (meeting_mode_parse(arg, &mode, err) == -1)
			return with_field(err, "mode");
		m->mode = mode;
		*set |= MEETING_GIVEN_MODE;
		break;
	case 'S':
		if (meeting_status_parse(arg, &status, err) == -1)
			return with_field(err, "status");
		m->status = status;
		*set |= MEETING_GIVEN_STATUS;
		break;
	case 'n':
		if (empty)
			m->cases = -1;
		else if (meeting_cases_parse(arg, &m->cases, err) == -1)
			return with_field(err, "cases");
		*set |= MEETING_GIVEN_CASES;
		break;
	case 'v':
		meeting_set_text(&m->venue, arg);
		*set |= MEETING_GIVEN_VENUE;
		break;
	case 'u':
		meeting_set_text(&m->url, arg);
		*set |= MEETING_GIVEN_URL;
		break;
	case 'N':
		meeting_set_text(&m->note, arg);
		*set |= MEETING_GIVEN_NOTE;
		break;
	case 'w':
		if (empty)
			m->has_window = 0;
		else if (month_window_parse(arg, &m->window, err) == -1)
			return with_field(err, "window");
		else
			m->has_window = 1;
		*set |= MEETING_GIVEN_WINDOW;
		break;
	default:
		return error_set(err, ERROR_INPUT, _("unknown option"));
	}
	return 0;
}

int
cli_filter_option(struct cli *cli, int opt, const char *arg,
    struct meeting_filter *f, struct error *err)
{
	const struct meeting_type	*type;
	const struct center		*center;
	enum meeting_mode		 mode;
	enum meeting_status		 status;
	int				 fy;

	switch (opt) {
	case 'y':
		if (date_parse_fiscal_year(arg, &fy, err) == -1)
			return with_field(err, "fy");
		f->has_from = f->has_to = 1;
		f->from = date_fiscal_year_start(fy);
		f->to = date_fiscal_year_end(fy);
		break;
	case 'f':
		if (date_parse(arg, &f->from, err) == -1)
			return with_field(err, "from");
		f->has_from = 1;
		break;
	case 't':
		if (date_parse(arg, &f->to, err) == -1)
			return with_field(err, "to");
		f->has_to = 1;
		break;
	case 'C':
		if (catalog_find_center(&cli->catalog, arg, &center, err) == -1)
			return with_field(err, "center");
		f->center_id = center->id;
		break;
	case 'T':
		if (catalog_find_type(&cli->catalog, arg, &type, err) == -1)
			return with_field(err, "type");
		f->type_id = type->id;
		break;
	case 'm':
		if (meeting_mode_parse(arg, &mode, err) == -1)
			return with_field(err, "mode");
		f->mode = mode;
		break;
	case 'S':
		if (meeting_status_parse(arg, &status, err) == -1)
			return with_field(err, "status");
		f->status = status;
		break;
	default:
		return error_set(err, ERROR_INPUT, _("unknown option"));
	}
	if (f->has_from && f->has_to && date_compare(f->from, f->to) > 0)
		return error_set(err, ERROR_INPUT, _("--from is after --to"));
	return 0;
}

int
cli_defer(struct cli_deferred *d, int opt, const char *arg)
{
	if (d->count == CLI_DEFERRED_MAX)
		return -1;
	d->item[d->count].opt = opt;
	d->item[d->count++].arg = arg;
	return 0;
}
