/*
 * settings.c -- the settings a database keeps and their defaults.
 */
#include <stdlib.h>
#include <string.h>

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
