/*
 * settings.h -- the settings a database keeps (city, profile, closure):
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
