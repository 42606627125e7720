/*
 * cli.c -- the pieces the commands share.
 */
#include <stdarg.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "alloc.h"
#include "cli.h"
#include "cmd.h"
#include "i18n.h"
#include "paths.h"

int
cli_resolve_db(struct cli *cli, struct error *err)
{
	const char	*env, *home;

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
		cli->db_path = paths_join(env, "carecal/carecal.db");
		return 0;
	}
	if ((home = getenv("HOME")) == NULL || *home != '/')
		return error_set(err, ERROR_INPUT, _("no database given: use "
		    "--db PATH or set CARECAL_DB (HOME is not set)"));
	cli->db_path = paths_join(home, ".local/share/carecal/carecal.db");
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
cli_usage_error(struct cli *cli, const char *fmt, ...)
{
	char	msg[1024];
	va_list	ap;

	/* the values it quotes are the user's: escaped (error_escape) */
	va_start(ap, fmt);
	vsnprintf(msg, sizeof msg, fmt, ap);
	va_end(ap);
	fputs("carecal: ", stderr);
	error_print_escaped(stderr, msg);
	fprintf(stderr, _("\nusage: carecal [--db PATH] %s\n"),
	    cli->entry->usage);
	fprintf(stderr, _("Try 'carecal %s --help'.\n"), cli->entry->name);
	return 2;
}

int
cli_parse_id(struct cli *cli, const char *s, long *id)
{
	char	*end;

	*id = strtol(s, &end, 10);
	if (*s == '\0' || *end != '\0' || *id <= 0)
		return cli_usage_error(cli, _("'%s' is not a meeting id"), s);
	return 0;
}

static int
with_field(struct error *err, const char *field)
{
	error_prefix(err, "--%s: ", field);
	return -1;
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
		if (catalog_match_center(&cli->catalog, arg, &center,
		    err) == -1)
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
	case 'A':
		if (store_advisor_find(cli->store, arg, &f->advisor_id,
		    err) == -1)
			return with_field(err, "advisor");
		break;
	default:
		return error_set(err, ERROR_INPUT, _("unknown option"));
	}
	if (f->has_from && f->has_to && date_compare(f->from, f->to) > 0)
		return error_set(err, ERROR_INPUT, _("--from is after --to"));
	return 0;
}
