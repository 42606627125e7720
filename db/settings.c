/*
 * settings.c -- the settings a database keeps and their defaults.
 */
#include <stdio.h>
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
	{ "tombstone-days", N_("days a deleted meeting is still exported, as "
	    "cancelled, so that office calendars drop it (0 to "
	    "3660)"), TOMBSTONE_DAYS_DEFAULT, 1 },
	{ "horizon", N_("the booking horizon: days ahead in which 'check' "
	    "wants a planned meeting's summoned professions booked (0-366)"),
	    "60", 1 },
	{ "advisor-day", N_("one-center: an advisor goes to one center a "
	    "day (so two centers on one day clash); any: to several"),
	    "any", 1 },
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

/* A whole number of days, 0..TOMBSTONE_DAYS_MAX: 0, or -1. */
static int
days_parse(const char *s, int *days)
{
	int	n = 0;

	if (*s == '\0')
		return -1;
	for (; *s != '\0'; s++) {
		if (*s < '0' || *s > '9')
			return -1;
		n = n * 10 + (*s - '0');
		if (n > TOMBSTONE_DAYS_MAX)
			return -1;
	}
	*days = n;
	return 0;
}

int
settings_normalise(const struct setting_info *info, const char *value,
    char *out, size_t size, struct error *err)
{
	struct closure	closure;
	int		days;

	if (strcmp(info->key, "closure") == 0) {
		if (closure_parse(value, &closure, err) == -1)
			return -1;
		closure_format(&closure, out, size);
		return 0;
	}
	if (strcmp(info->key, "tombstone-days") == 0) {
		if (days_parse(value, &days) == -1)
			return error_set(err, ERROR_INPUT, _("tombstone-days "
			    "'%s' is not a number of days from 0 to %d"),
			    value, TOMBSTONE_DAYS_MAX);
		snprintf(out, size, "%d", days);
		return 0;
	}
	if (strcmp(info->key, "horizon") == 0) {
		if (days_parse(value, &days) == -1 || days > 366)
			return error_set(err, ERROR_INPUT, _("horizon: '%s' is "
			    "not a number of days from 0 to 366"), value);
		snprintf(out, size, "%d", days);
		return 0;
	}
	if (strcmp(info->key, "advisor-day") == 0) {
		if (strcmp(value, "one-center") != 0 &&
		    strcmp(value, "any") != 0)
			return error_set(err, ERROR_INPUT, _("advisor-day: "
			    "'%s' is not one-center or any"), value);
		snprintf(out, size, "%s", value);
		return 0;
	}
	return error_set(err, ERROR_INPUT, _("%s is read only"), info->key);
}

int
settings_tombstone_days_load(struct store *store, int *days,
    struct error *err)
{
	char	*value;
	int	 rc;

	if (settings_get(store, settings_find("tombstone-days"), &value,
	    err) == -1)
		return -1;
	/* a value not set by carecal (sqlite3 by hand) is not guessed at */
	if ((rc = days_parse(value, days)) == -1)
		error_set(err, ERROR_INPUT, _("the database's tombstone-days "
		    "setting: '%s' is not a number of days from 0 to %d"),
		    value, TOMBSTONE_DAYS_MAX);
	free(value);
	return rc;
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

int
settings_advisors_load(struct store *store, int *horizon, int *one_center,
    struct error *err)
{
	char	*value, canonical[64];
	int	 rc;

	if (settings_get(store, settings_find("horizon"), &value, err) == -1)
		return -1;
	rc = settings_normalise(settings_find("horizon"), value, canonical,
	    sizeof canonical, err);
	free(value);
	if (rc == -1) {
		error_prefix(err, _("the database's settings: "));
		return -1;
	}
	*horizon = atoi(canonical);
	if (settings_get(store, settings_find("advisor-day"), &value,
	    err) == -1)
		return -1;
	*one_center = strcmp(value, "one-center") == 0;
	free(value);
	return 0;
}
