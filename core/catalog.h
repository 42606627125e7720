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
	 * The cases one meeting takes (Toyoake: 4), 0 when not set; the
	 * check over-capacity (check.h) reads it.
	 */
	int		 capacity;
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

/* Lookups that fill err with the choices when nothing matches. */
int	catalog_find_center(const struct catalog *, const char *,
	    const struct center **, struct error *);
int	catalog_find_type(const struct catalog *, const char *,
	    const struct meeting_type **, struct error *);

/* Checks of one entry's fields before it is stored. */
int	center_validate_name(const char *, struct error *);
int	type_validate(const struct meeting_type *, struct error *);
/* A type's group: at most TYPE_GROUP_LEVELS names of text, by '/'. */
#define TYPE_GROUP_LEVELS	3
int	type_validate_group(const char *, struct error *);
/* The level-th name of a group (0: outer) into buf; 0, or -1 if none. */
int	type_group_level(const char *, int, char *, size_t);

const char	*type_level_name(enum type_level);
int		 type_level_parse(const char *, enum type_level *,
		    struct error *);

#endif
