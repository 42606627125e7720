/*
 * profile.h -- a city's profile: its name, centers and meeting types,
 * read from share/profiles/NAME.txt when a database is created.
 */
#ifndef CARECAL_PROFILE_H
#define CARECAL_PROFILE_H

#include "catalog.h"
#include "error.h"

struct profile {
	char		*name;		/* matsudo */
	char		*city;		/* 松戸市 */
	struct catalog	 catalog;	/* ids are 0: not stored yet */
};

/*
 * Parse a profile file: lines of tab-separated fields,
 *   city	松戸市
 *   type	CODE	NAME	SHORT	regional|city	MIN|-	MAX|-	cases|-
 *   center	NAME
 * with # comments and blank lines. Free with profile_free.
 */
int	profile_load(const char *, const char *, struct profile *,
	    struct error *);
void	profile_free(struct profile *);

/* Where installed data lives: paths_data_dir (paths.h). */
const char *profile_data_dir(void);

#endif
