/*
 * advisor.h -- the professionals (専門職, 助言者) a meeting type summons:
 * who they are (name, profession, affiliation, a work contact), when they
 * usually come (weekdays) and when they cannot, and which meetings they
 * are booked for. Only the professionals: nothing here is about the
 * people a meeting discusses.
 */
#ifndef CARECAL_ADVISOR_H
#define CARECAL_ADVISOR_H

#include <stddef.h>

#include "catalog.h"
#include "date.h"
#include "error.h"

#define ADVISOR_NAME_MAX	100	/* bytes */
#define ADVISOR_TEXT_MAX	200	/* affiliation, contact */
#define ADVISOR_UNAVAILABLE_MAX	1000	/* dates kept per advisor */
#define ADVISOR_WEEKDAYS_ALL	0x7fU
#define ADVISOR_WEEKDAYS_DEFAULT 0x3e	/* 月火水木金 */

struct advisor {
	long		 id;		/* 0 until stored */
	char		*name;		/* unique in a database */
	char		*profession;	/* 理学療法士, 管理栄養士 ... */
	char		*affiliation;	/* or NULL */
	char		*contact;	/* at work, or NULL */
	/* bit 1 << date_weekday() for each usual weekday (0 Sunday) */
	unsigned	 weekdays;
	struct date	*unavailable;	/* in order, no date twice */
	size_t		 nunavailable;
	int		 retired;
};

struct advisor_list {
	struct advisor	*items;
	size_t		 count;
	size_t		 capacity;
};

/* One booking: an advisor at a meeting. */
struct assignment {
	long	meeting_id;
	long	advisor_id;
};

struct assignment_list {
	struct assignment	*items;
	size_t			 count;
	size_t			 capacity;
};

void	advisor_init(struct advisor *);
void	advisor_clear(struct advisor *);
/* A deep copy of src into dst (cleared or initialised). */
void	advisor_copy(struct advisor *, const struct advisor *);
/* The fields' rules: name, profession, text lengths, weekdays. */
int	advisor_validate(const struct advisor *, struct error *);
/* Adds (1) or removes (0) a date unavailable; keeps the order. */
void	advisor_set_unavailable(struct advisor *, struct date, int);
/* 1 when day is among the advisor's dates unavailable. */
int	advisor_is_unavailable(const struct advisor *, struct date);

void	advisor_list_init(struct advisor_list *);
/* Appends an initialised slot and returns it. */
struct advisor *advisor_list_add(struct advisor_list *);
void	advisor_list_free(struct advisor_list *);
/* By id (the list in id order, as the store reads it), or NULL. */
const struct advisor *advisor_list_by_id(const struct advisor_list *, long);
/* The index of id in the list, or (size_t)-1. */
size_t	advisor_list_index(const struct advisor_list *, long);

void	assignment_list_init(struct assignment_list *);
void	assignment_list_add(struct assignment_list *, long, long);
void	assignment_list_free(struct assignment_list *);

/*
 * Weekdays as a user writes them: 月火水木金 (any of 日月火水木金土,
 * 曜 and spaces ignored), mon,tue,... or mon-fri (English, any case),
 * or 'all'; into a mask of bits 1 << weekday.
 */
int	advisor_weekdays_parse(const char *, unsigned *, struct error *);
/* 月火水木金 (Japanese whatever the locale, as the dates are). */
void	advisor_weekdays_format(unsigned, char *, size_t);
/* Dates by ',' (or '、'), each a date or FROM..TO: into adv. */
int	advisor_dates_parse(const char *, struct date **, size_t *,
	    struct error *);

/*
 * What a type summons, read from its summons text (catalog.h): the
 * needs, each met by an advisor of one of its professions. The first
 * name is what a need is called in messages.
 */
struct summons_need {
	char		 *label;	/* the first name */
	char		**accepted;	/* every name, label first */
	size_t		  naccepted;
};

struct summons {
	struct summons_need	*needs;
	size_t			 count;
};

/* From a valid summons text, or NULL: no need. Free with summons_free. */
void	summons_parse(const char *, struct summons *);
void	summons_free(struct summons *);
/* 1 when an advisor of profession meets the need. */
int	summons_need_accepts(const struct summons_need *, const char *);
/* "リハビリ専門職, 管理栄養士": the needs' labels. */
void	summons_format(const struct summons *, char *, size_t);

#endif
