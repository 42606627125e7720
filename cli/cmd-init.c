/*
 * cmd-init.c -- `carecal init`: a new database from a city profile,
 * optionally with the Matsudo R3 demo calendar.
 */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include "advisor-file.h"
#include "alloc.h"
#include "cmd.h"
#include "i18n.h"
#include "import.h"
#include "paths.h"
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
	char	*file, *path;
	size_t	 len;

	if (strchr(name, '/') != NULL)
		return xstrdup(name);
	len = strlen(name) + sizeof "profiles/.txt";
	file = xmalloc(len);
	snprintf(file, len, "profiles/%s.txt", name);
	path = paths_join(profile_data_dir(), file);
	free(file);
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
	if (p->one_center_a_day && store_setting_set(store, "advisor-day",
	    "one-center", err) == -1)
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

/*
 * The demo's advisors (share/demo/matsudo-r3-advisors.txt), each booked
 * for every demo meeting of the types the file says.
 */
static int
load_demo_advisors(struct cli *cli, struct error *err)
{
	const struct meeting_type	*t;
	struct advisor_file		 file;
	struct meeting_filter		 f;
	struct meeting_list		 meetings;
	struct advisor			*a;
	char				*path;
	size_t				 len, i, j, k;
	int				 rc = -1;

	len = strlen(profile_data_dir()) +
	    sizeof "/demo/matsudo-r3-advisors.txt";
	path = xmalloc(len);
	snprintf(path, len, "%s/demo/matsudo-r3-advisors.txt",
	    profile_data_dir());
	meeting_list_init(&meetings);
	if (advisor_file_load(path, &file, err) == -1) {
		/* the error names the file and line */
		advisor_file_free(&file);
		free(path);
		return -1;
	}
	for (i = 0; i < file.advisors.count; i++)
		if (store_advisor_add(cli->store, &file.advisors.items[i],
		    err) == -1)
			goto done;
	for (i = 0; i < file.nbookings; i++) {
		if (catalog_find_type(&cli->catalog,
		    file.bookings[i].type_code, &t, err) == -1)
			goto done;
		meeting_filter_init(&f);
		f.type_id = t->id;
		f.fields = MEETING_FIELDS_PLAN;
		meeting_list_free(&meetings);
		if (store_meetings_load(cli->store, &f, &meetings, err) == -1)
			goto done;
		for (j = 0; j < file.bookings[i].nnames; j++) {
			for (k = 0, a = NULL; k < file.advisors.count; k++)
				if (strcmp(file.advisors.items[k].name,
				    file.bookings[i].names[j]) == 0)
					a = &file.advisors.items[k];
			for (k = 0; a != NULL && k < meetings.count; k++)
				if (store_assign(cli->store,
				    meetings.items[k].id, a->id, 1, err) == -1)
					goto done;
		}
	}
	rc = 0;
done:
	if (rc == -1)
		error_prefix(err, "%s: ", path);
	meeting_list_free(&meetings);
	advisor_file_free(&file);
	free(path);
	return rc;
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
		demo = paths_join(profile_data_dir(), "demo/matsudo-r3.csv");
		if (import_csv_file(cli->store, &cli->catalog, demo, 0,
		    &result, &err) == -1 ||
		    load_demo_advisors(cli, &err) == -1)
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
