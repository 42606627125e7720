/*
 * profile.h -- a city's profile: its name, centers and meeting types,
 * read from share/profiles/NAME.txt when a database is created.
 */
#ifndef CARECAL_PROFILE_H
#define CARECAL_PROFILE_H

#include "catalog.h"
#include "error.h"
#include "followup.h"

struct profile {
	char		*name;		/* matsudo */
	char		*city;		/* 松戸市 */
	char		*title;		/* 地域ケア会議の開催状況, or NULL */
	char		*caption;	/* 課題別開催回数, or NULL */
	struct catalog	 catalog;	/* ids are 0: not stored yet */
	/*
	 * When a case's follow-ups fall due (followup.h): the defaults,
	 * or what the followup lines say; has_* for what they said.
	 */
	struct followup_rules followup;
	int		 has_interim, has_final, has_followup_types;
	int		 one_center_a_day;	/* advisor-day one-center */
};

/*
 * Parse a profile file: lines of tab-separated fields,
 *   city	松戸市
 *   title	地域ケア会議の開催状況	(the summary's words after the city)
 *   caption	地域ケア小会議課題別開催回数	(over the multi-year table)
 *   type	CODE	NAME	SHORT	regional|city	MIN|-	MAX|-	cases|-
 *   	[GROUP]	(the ninth field, optional)
 *   center	NAME	[STARTED]
 * and the follow-ups of a case (followup.h), each line optional:
 *   followup	interim|中間	INTERVAL	(1m, 6w, 45d, 1カ月)
 *   followup	final|終了前	INTERVAL
 *   followup	types	CODE[,CODE...]	(besides the 初回's type)
 * and how a type (named by its code, after its type line) is scheduled:
 *   length	CODE	MINUTES	(90, or 1.5h)
 *   capacity	CODE	CASES	[lecture]	(a mini lecture besides)
 *   cadence	CODE	yearly|monthly|ad-hoc
 *   summons	CODE	PROFESSION	PROFESSION...	(alternatives by '|')
 *   advisor-day	one-center|any	(an advisor goes to one center a day)
 * with # comments and blank lines. GROUP is the multi-year table's
 * grouping (地域ケア小会議/個別課題); STARTED when the center was set up
 * (設置), a date or a fiscal year (its first day). Free with
 * profile_free.
 */
int	profile_load(const char *, const char *, struct profile *,
	    struct error *);
void	profile_free(struct profile *);

/* Where installed data lives: paths_data_dir (paths.h). */
const char *profile_data_dir(void);

#endif
