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
	struct closure			closure;
	struct followup_interval	interval;
	char				types[FOLLOWUP_TYPES_LEN];
	int				days;

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
	if (strcmp(info->key, "followup-interim") == 0 ||
	    strcmp(info->key, "followup-final") == 0) {
		if (followup_interval_parse(value, &interval, err) == -1)
			goto followup;
		followup_interval_format(&interval, out, size);
		return 0;
	}
	if (strcmp(info->key, "followup-types") == 0) {
		/* the codes as codes; settings_followup_value knows the types */
		if (followup_types_parse(value, NULL, types, sizeof types,
		    err) == -1)
			goto followup;
		snprintf(out, size, "%s", types[0] != '\0' ? types : "-");
		return 0;
	}
	return error_set(err, ERROR_INPUT, _("%s is read only"), info->key);
followup:
	error_prefix(err, "%s: ", info->key);
	return -1;
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
