/*
 * settings.c -- the settings a database keeps and their defaults.
 */
#include <stdlib.h>
#include <string.h>

#include <stdio.h>

#include "alloc.h"
#include "i18n.h"
#include "settings.h"

static const struct setting_info settings[] = {
	{ "city", N_("the city's name, from the profile"), NULL, 0 },
	{ "profile", N_("the profile the database was made from"), NULL, 0 },
	{ "title", N_("the summary's title after the city, from the "
	    "profile"), "地域ケア会議の開催状況", 0 },
	{ "caption", N_("the multi-year table's caption, from the profile"),
	    "-", 0 },
	{ "closure", N_("days the offices close every year (年末年始), "
	    "MM-DD..MM-DD or none"), CLOSURE_DEFAULT, 1 },
	{ "followup-interim", N_("when a case's 中間 falls due after its "
	    "初回: 1m, 6w, 45d"), FOLLOWUP_INTERIM_DEFAULT, 1 },
	{ "followup-final", N_("when a case's 終了前 falls due after its "
	    "初回"), FOLLOWUP_FINAL_DEFAULT, 1 },
	{ "followup-types", N_("types whose meetings take follow-ups besides "
	    "the 初回's type: codes by ',', or -"), "-", 1 },
};

const struct setting_info *
settings_table(size_t *n)
{
	*n = sizeof settings / sizeof settings[0];
	return settings;
}

const struct setting_info *
settings_find(const char *key)
{
	size_t	i;

	for (i = 0; i < sizeof settings / sizeof settings[0]; i++)
		if (strcmp(settings[i].key, key) == 0)
			return &settings[i];
	return NULL;
}

int
settings_get(struct store *store, const struct setting_info *info,
    char **value, struct error *err)
{
	if (store_setting_get(store, info->key, value, err) == -1)
		return -1;
	if (*value == NULL)
		*value = xstrdup(info->fallback != NULL ? info->fallback : "");
	return 0;
}

int
settings_closure_load(struct store *store, struct closure *closure,
    struct error *err)
{
	char	*value;
	int	 rc;

	if (settings_get(store, settings_find("closure"), &value, err) == -1)
		return -1;
	rc = closure_parse(value, closure, err);
	free(value);
	if (rc == -1)
		error_prefix(err, _("the database's closure setting: "));
	return rc;
}

/* The three follow-up settings into r, one of them as value if key. */
static int
followup_read(struct store *store, const struct catalog *cat,
    const char *key, const char *value, struct followup_rules *r,
    struct error *err)
{
	static const char	*keys[] = { "followup-interim",
				    "followup-final", "followup-types" };
	char			*v;
	size_t			 i;
	int			 rc;

	memset(r, 0, sizeof *r);
	for (i = 0; i < 3; i++) {
		if (key != NULL && strcmp(key, keys[i]) == 0)
			v = xstrdup(value);
		else if (settings_get(store, settings_find(keys[i]), &v,
		    err) == -1)
			return -1;
		rc = i == 0 ? followup_interval_parse(v, &r->interim, err) :
		    i == 1 ? followup_interval_parse(v, &r->final, err) :
		    followup_types_parse(v, cat, r->types, sizeof r->types,
		    err);
		free(v);
		if (rc == -1) {
			if (key == NULL || strcmp(key, keys[i]) != 0)
				error_prefix(err, _("the database's %s "
				    "setting: "), keys[i]);
			return -1;
		}
	}
	return followup_rules_check(r, err);
}

int
settings_followup_load(struct store *store, struct followup_rules *r,
    struct error *err)
{
	return followup_read(store, NULL, NULL, NULL, r, err);
}

int
settings_followup_value(struct store *store, const struct catalog *cat,
    const char *key, const char *value, char *out, size_t size,
    struct error *err)
{
	struct followup_rules	r;

	if (followup_read(store, cat, key, value, &r, err) == -1)
		return -1;
	if (strcmp(key, "followup-interim") == 0)
		followup_interval_format(&r.interim, out, size);
	else if (strcmp(key, "followup-final") == 0)
		followup_interval_format(&r.final, out, size);
	else
		snprintf(out, size, "%s", r.types[0] != '\0' ? r.types : "-");
	return 0;
}
