/*
 * settings.h -- the settings a database keeps (city, profile, closure,
 * how long deleted meetings are exported):
 * their defaults, which ones a user may change, and reading the closure
 * for the commands and views that need it.
 */
#ifndef CARECAL_SETTINGS_H
#define CARECAL_SETTINGS_H

#include <stddef.h>

#include "error.h"
#include "followup.h"
#include "store.h"
#include "workday.h"

struct setting_info {
	const char	*key;
	const char	*what;		/* N_() text for --help */
	const char	*fallback;	/* when not stored, or NULL */
	int		 settable;	/* by `carecal config KEY VALUE` */
};

/* The known settings, in the order `carecal config` lists them. */
const struct setting_info *settings_table(size_t *);
const struct setting_info *settings_find(const char *);

/*
 * The value a user sees: the stored one, else the fallback, else "".
 * *value is malloc'd; the caller frees it.
 */
int	settings_get(struct store *, const struct setting_info *, char **,
	    struct error *);

/*
 * A value a user gives a settable key, checked and in the form the
 * database keeps (closure 8-13..8-16 is kept as 08-13..08-16, the horizon
 * as days, advisor-day as one-center or any, a follow-up interval 1カ月
 * as 1m, follow-up types as codes by ',' or -), at most
 * SETTING_VALUE_LEN bytes with its NUL. The follow-up settings are then
 * checked against each other and the catalog: settings_followup_value.
 */
#define SETTING_VALUE_LEN	FOLLOWUP_TYPES_LEN
int	settings_normalise(const struct setting_info *, const char *, char *,
	    size_t, struct error *);

/*
 * How many days a deleted meeting is still exported, as cancelled
 * (tombstone-days; TOMBSTONE_DAYS_DEFAULT until changed).
 */
#define TOMBSTONE_DAYS_DEFAULT	"400"
#define TOMBSTONE_DAYS_MAX	3660
int	settings_tombstone_days_load(struct store *, int *, struct error *);

/*
 * The advisors' settings: the booking horizon in days (60 until changed)
 * and whether an advisor goes to one center a day.
 */
int	settings_advisors_load(struct store *, int *, int *, struct error *);

/* The closure of the database (CLOSURE_DEFAULT until changed). */
int	settings_closure_load(struct store *, struct closure *,
	    struct error *);
/*
 * When the follow-ups of a case fall due: followup-interim,
 * followup-final and followup-types (the defaults of followup.h until
 * the profile or `carecal config` set them).
 */
int	settings_followup_load(struct store *, struct followup_rules *,
	    struct error *);
/*
 * A new value for one of the follow-up settings (key) checked against
 * the others and the catalog, as stored, into out (size bytes).
 */
int	settings_followup_value(struct store *, const struct catalog *,
	    const char *, const char *, char *, size_t, struct error *);

#endif
