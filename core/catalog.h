/*
 * catalog.h -- the centers (地域包括支援センター) and meeting types (会議種別)
 * of one database. Types and their targets are data, not code.
 */
#ifndef CARECAL_CATALOG_H
#define CARECAL_CATALOG_H

#include <stddef.h>

#include "date.h"
#include "error.h"

enum type_level {
	LEVEL_REGIONAL,		/* held by each center */
	LEVEL_CITY		/* 市地域ケア会議: one for the whole city */
};

/* How a type's meetings come in the year (what `plan` drafts by). */
enum type_cadence {
	CADENCE_YEARLY,		/* the target's number a year, spread */
	CADENCE_MONTHLY,	/* once a month (Toyoake's conferences) */
	CADENCE_AD_HOC		/* called when needed (Ikoma's 随時): the
				   target counts them, nothing is drafted */
};

/* The length export gives a timed meeting with no end (issue 16). */
#define TYPE_LENGTH_DEFAULT	90
#define TYPE_LENGTH_MAX		(24 * 60)
#define TYPE_CAPACITY_MAX	999
#define TYPE_SUMMONS_MAX	400	/* bytes of the summons text */

struct center {
	long	 id;
	char	*name;
	int	 position;	/* row order in the table */
	int	 retired;	/* kept for history, hidden from new plans */
	int		 has_started;	/* set up (設置) on started */
	struct date	 started;
};

struct meeting_type {
	long		 id;
	char		*code;		/* ASCII: suishin, kobetsu, ... */
	char		*name;		/* 地域個別ケア会議 */
	char		*short_name;	/* 個別 */
	enum type_level	 level;
	int		 target_min;	/* per center (city: city-wide) and */
	int		 target_max;	/* fiscal year; -1 when not set */
	int		 counts_cases;
	int		 position;
	/*
	 * The rows the multi-year table groups it under, outer first and
	 * joined by '/' (地域ケア小会議/個別課題), or NULL.
	 */
	char		*group;
	/*
	 * How it is scheduled: the usual length in minutes and the cases a
	 * meeting takes (0: not set), a mini lecture (ミニ講義) besides them
	 * (Toyoake's 要介護: 3 cases and a lecture), the cadence, and the
	 * professions it summons: names by ',', each with its alternatives
	 * by '|' (リハビリ専門職|理学療法士,管理栄養士), or NULL
	 * (core/advisor.h reads it). The check over-capacity (check.h)
	 * reads capacity.
	 */
	int		 length;
	int		 capacity;
	int		 lecture;
	enum type_cadence cadence;
	char		*summons;
};

struct catalog {
	struct center		*centers;
	size_t			 ncenters;
	size_t			*by_name;	/* centers' indexes, by name */
	struct meeting_type	*types;
	size_t			 ntypes;
};

void	catalog_init(struct catalog *);
void	catalog_free(struct catalog *);
/* Copies the strings; returns the new entry (valid until the next add). */
struct center *catalog_add_center(struct catalog *, const struct center *);
struct meeting_type *catalog_add_type(struct catalog *,
	    const struct meeting_type *);

const struct center	*catalog_center_by_id(const struct catalog *, long);
const struct center	*catalog_center_by_name(const struct catalog *,
			    const char *);
const struct meeting_type *catalog_type_by_id(const struct catalog *, long);
const struct meeting_type *catalog_type_by_code(const struct catalog *,
			    const char *);
/* By code or by Japanese name or short name (for foreign files). */
const struct meeting_type *catalog_type_by_label(const struct catalog *,
			    const char *);

/*
 * Lookups that fill err with the choices when nothing matches:
 * catalog_find_center by the exact name (a file's); catalog_match_center
 * by the name, else by the start of one name that no other starts with
 * (what a user types: 明第2 starts 明第2西 and 明第2東, and is refused
 * naming both); catalog_find_type by code, name or short name (a short
 * name two types share is refused, naming them).
 */
int	catalog_find_center(const struct catalog *, const char *,
	    const struct center **, struct error *);
int	catalog_match_center(const struct catalog *, const char *,
	    const struct center **, struct error *);
int	catalog_find_type(const struct catalog *, const char *,
	    const struct meeting_type **, struct error *);

/* Checks of one entry's fields before it is stored. */
int	center_validate_name(const char *, struct error *);
int	type_validate(const struct meeting_type *, struct error *);
/*
 * A profession (職種): 1-50 bytes of UTF-8 text without a control
 * character, ',', '、' or '|' (the separators of a summons).
 */
#define PROFESSION_MAX	50
int	profession_validate(const char *, struct error *);
/*
 * A summons as a user writes it (',' or '、' between professions, '|'
 * between alternatives, spaces around them ignored; '' or '-' for none)
 * into the stored form: *out malloc'd, or NULL for none.
 */
int	type_summons_normalize(const char *, char **, struct error *);
/* A type's group: at most TYPE_GROUP_LEVELS names of text, by '/'. */
#define TYPE_GROUP_LEVELS	3
/* The level-th name of a group (0: outer) into buf; 0, or -1 if none. */
int	type_group_level(const char *, int, char *, size_t);

const char	*type_level_name(enum type_level);
int		 type_level_parse(const char *, enum type_level *,
		    struct error *);
/* yearly, monthly, ad-hoc (毎月 and 随時 are read too). */
const char	*type_cadence_name(enum type_cadence);
int		 type_cadence_parse(const char *, enum type_cadence *,
		    struct error *);
/*
 * A usual length as written: minutes (90, 90m, 90分) or hours (1.5h,
 * 1.5時間); 1 minute to a day.
 */
int		 type_length_parse(const char *, int *, struct error *);
/* The minutes of a meeting of type t with no end: its length, or 90. */
int		 type_length_or_default(const struct meeting_type *);

#endif
