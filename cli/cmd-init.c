/*
 * cmd-init.c -- `carecal init`: a new database from a city profile,
 * optionally with the Matsudo R3 demo calendar.
 */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include "alloc.h"
#include "cmd.h"
#include "i18n.h"
#include "import.h"
#include "profile.h"

static int	init_exec(struct cli *, struct args *);

static const char init_help[] = N_(
"Options:\n"
"  --profile NAME  the city profile: matsudo (default) or takamatsu, or\n"
"                  the path of a profile file\n"
"  --demo          the Matsudo profile and the R3 (FY2021) calendar\n"
"  --group NAME    share the database with the Unix group NAME: the file\n"
"                  and its -wal/-shm are made 0660 in that group and\n"
"                  its directory (new or empty) setgid; otherwise the\n"
"                  file is private (0600)\n"
"An existing database is never overwritten.\n");

static const struct cmd_option init_options[] = {
	{ "profile",	CMD_VALUE,	'p' },
	{ "demo",	0,		'd' },
	{ "group",	CMD_VALUE,	'g' },
	{ NULL, 0, 0 }
};

/* It makes the store itself: no CMD_STORE. */
const struct cmd_entry cmd_init_entry = {
	.name = "init",
	.usage = "init [--profile matsudo|takamatsu|FILE] [--demo] "
	    "[--group NAME]",
	.summary = N_("create a new database from a city profile"),
	.help = init_help,
	.options = init_options,
	.args = { 0, 0, NULL, NULL },
	.exec = init_exec
};

static char *
profile_path(const char *name)
{
	const char	*dir = profile_data_dir();
	size_t		 len;
	char		*path;

	if (strchr(name, '/') != NULL)
		return xstrdup(name);
	len = strlen(dir) + strlen(name) + sizeof "/profiles/.txt";
	path = xmalloc(len);
	snprintf(path, len, "%s/profiles/%s.txt", dir, name);
	return path;
}

/* What the profile says of a case's follow-ups (settings.h). */
static int
load_followup(struct store *store, const struct profile *p,
    struct error *err)
{
	char	v[FOLLOWUP_INTERVAL_LEN];

	if (p->has_interim) {
		followup_interval_format(&p->followup.interim, v, sizeof v);
		if (store_setting_set(store, "followup-interim", v, err) == -1)
			return -1;
	}
	if (p->has_final) {
		followup_interval_format(&p->followup.final, v, sizeof v);
		if (store_setting_set(store, "followup-final", v, err) == -1)
			return -1;
	}
	if (p->has_followup_types && store_setting_set(store,
	    "followup-types", p->followup.types[0] != '\0' ?
	    p->followup.types : "-", err) == -1)
		return -1;
	return 0;
}

static int
load_catalog(struct store *store, const struct profile *p, struct error *err)
{
	size_t	i;

	if (store_setting_set(store, "city", p->city, err) == -1 ||
	    store_setting_set(store, "profile", p->name, err) == -1)
		return -1;
	/* the printout's words, when the profile has its own */
	if ((p->title != NULL && store_setting_set(store, "title", p->title,
	    err) == -1) || (p->caption != NULL && store_setting_set(store,
	    "caption", p->caption, err) == -1))
		return -1;
	if (load_followup(store, p, err) == -1)
		return -1;
	for (i = 0; i < p->catalog.ntypes; i++)
		if (store_type_add(store, &p->catalog.types[i], err) == -1)
			return -1;
	for (i = 0; i < p->catalog.ncenters; i++)
		if (store_center_add(store, p->catalog.centers[i].name,
		    err) == -1 || (p->catalog.centers[i].has_started &&
		    store_center_set_started(store, p->catalog.centers[i].name,
		    &p->catalog.centers[i].started, err) == -1))
			return -1;
	return 0;
}

static int
init_exec(struct cli *cli, struct args *args)
{
	struct profile	 profile;
	struct error	 err;
	struct import_result result;
	const char	*name = "matsudo", *group = args_get(args, 'g');
	char		*path, *demo = NULL;
	int		 want_demo = args_has(args, 'd');
	size_t		 len;

	if (args_get(args, 'p') != NULL)
		name = args_get(args, 'p');
	if (want_demo && strcmp(name, "matsudo") != 0)
		return cli_usage_error(cli, _("--demo is the Matsudo "
		    "calendar; it goes with --profile matsudo only"));
	path = profile_path(name);
	if (profile_load(path, name, &profile, &err) == -1) {
		free(path);
		return cli_fail(&err);
	}
	free(path);
	if (cli_resolve_db(cli, &err) == -1 || (group != NULL ?
	    store_create_shared(cli->db_path, group, &cli->store, &err) :
	    store_open(cli->db_path, STORE_CREATE, &cli->store, &err)) == -1)
		goto fail;
	/* built under a temporary name: it appears whole, or not at all */
	if (store_begin(cli->store, cli->command_line, &err) == -1)
		goto fail_close;
	if (load_catalog(cli->store, &profile, &err) == -1 ||
	    store_catalog_load(cli->store, &cli->catalog, &err) == -1)
		goto fail_close;
	if (want_demo) {
		len = strlen(profile_data_dir()) + sizeof "/demo/matsudo-r3.csv";
		demo = xmalloc(len);
		snprintf(demo, len, "%s/demo/matsudo-r3.csv",
		    profile_data_dir());
		if (import_csv_file(cli->store, &cli->catalog, demo, 0,
		    &result, &err) == -1)
			goto fail_close;
	}
	if (store_commit(cli->store, &err) == -1 ||
	    store_publish(cli->store, &err) == -1)
		goto fail_close;
	printf(_("created %s (%s, %zu centers, %zu meeting types"),
	    cli->db_path, profile.city, profile.catalog.ncenters,
	    profile.catalog.ntypes);
	if (want_demo)
		printf(_(", %ld demo meetings"), result.added);
	printf(")\n");
	if (group != NULL)
		printf(_("shared with group %s: the file and its -wal and "
		    "-shm are writable by the group, nobody else\n"), group);
	free(demo);
	profile_free(&profile);
	return 0;
fail_close:
	store_close(cli->store);
	cli->store = NULL;
fail:
	free(demo);
	profile_free(&profile);
	return cli_fail(&err);
}
