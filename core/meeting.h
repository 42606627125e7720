/*
 * meeting.h -- one dated session of one meeting type, at one center or
 * city-level, and the rules every meeting must keep.
 */
#ifndef CARECAL_MEETING_H
#define CARECAL_MEETING_H

#include <stddef.h>

#include "catalog.h"
#include "date.h"
#include "error.h"

enum meeting_mode {
	MODE_IN_PERSON,		/* 対面 */
	MODE_HYBRID,		/* 一部オンライン: underlined in the R3 table */
	MODE_ONLINE		/* 完全オンライン: bold in the R3 table */
};
#define MODE_COUNT	3

enum meeting_status {
	STATUS_PLANNED,		/* 予定 */
	STATUS_HELD,		/* 実施済 */
	STATUS_CANCELLED	/* 中止 */
};
#define STATUS_COUNT	3

#define MEETING_UID_MAX		255
#define MEETING_VENUE_MAX	200	/* bytes */
#define MEETING_URL_MAX		1000
#define MEETING_NOTE_MAX	4000
#define MEETING_CASES_MAX	999

/* The months a city-level meeting's summary covers (集計期間). */
struct month_window {
	int	from_year, from_month;
	int	to_year, to_month;
};

struct meeting {
	long			 id;		/* 0 until stored */
	char			*uid;		/* iCalendar UID */
	long			 type_id;
	long			 center_id;	/* 0 for city-level */
	struct date		 date;
	int			 start;		/* minutes after 0:00, or -1 */
	int			 end;		/* -1 when not set */
	enum meeting_mode	 mode;
	enum meeting_status	 status;
	int			 cases;		/* -1 when not recorded */
	char			*venue;		/* NULL when empty */
	char			*url;
	char			*note;		/* private: never exported */
	int			 has_window;
	struct month_window	 window;
	long			 sequence;	/* iCalendar SEQUENCE */
	long			 version;	/* row version for conflicts */
	char			*created_at;	/* UTC, "YYYY-MM-DD HH:MM:SS" */
	char			*created_by;
	char			*updated_at;
	char			*updated_by;
};

struct meeting_list {
	struct meeting	*items;
	size_t		 count;
	size_t		 capacity;
};

/*
 * What a read of many meetings fills in (meeting_filter.fields). The
 * plan is what the summary and the plan checks look at; leaving the
 * text out spares a copy of it for each of thousands of meetings.
 */
enum meeting_fields {
	MEETING_FIELDS_ALL,	/* everything */
	MEETING_FIELDS_PLAN,	/* no text (uid, venue, url, note,
				   created_*, updated_* NULL), sequence
				   and version 0: not for editing */
	MEETING_FIELDS_SHOWN	/* the plan and the venue: what the
				   `list` table shows; not for editing */
};

/* What to select; zero/-1 fields mean "any". */
struct meeting_filter {
	int		 has_from, has_to;
	struct date	 from, to;	/* inclusive */
	long		 center_id;	/* 0: any */
	long		 type_id;	/* 0: any */
	int		 mode;		/* -1: any */
	int		 status;	/* -1: any */
	int		 exclude_cancelled;
	enum meeting_fields fields;	/* what to read, not which */
	/*
	 * 0: any; else only the meetings this advisor is booked for. The
	 * store applies it: a meeting does not hold its bookings, so
	 * meeting_filter_match does not.
	 */
	long		 advisor_id;
};

void	meeting_init(struct meeting *);
/* Frees the strings a meeting owns; the struct itself is the caller's. */
void	meeting_clear(struct meeting *);
/* Deep copy of src into dst (dst must be cleared or initialised). */
void	meeting_copy(struct meeting *, const struct meeting *);
/* Replace a string field with a copy of value ("" becomes NULL). */
void	meeting_set_text(char **, const char *);

/*
 * The fields a user gives a meeting, as bits: `carecal edit` changes
 * those its options name and keeps the rest.
 */
#define MEETING_GIVEN_TYPE	0x0001
#define MEETING_GIVEN_CENTER	0x0002
#define MEETING_GIVEN_DATE	0x0004
#define MEETING_GIVEN_START	0x0008
#define MEETING_GIVEN_END	0x0010
#define MEETING_GIVEN_MODE	0x0020
#define MEETING_GIVEN_STATUS	0x0040
#define MEETING_GIVEN_CASES	0x0080
#define MEETING_GIVEN_VENUE	0x0100
#define MEETING_GIVEN_URL	0x0200
#define MEETING_GIVEN_NOTE	0x0400
#define MEETING_GIVEN_WINDOW	0x0800
/*
 * Copies onto m the fields of given that given_fields names
 * (MEETING_GIVEN_*), text as copies; m keeps its other fields, its id,
 * UID and versions.
 */
void	meeting_apply(struct meeting *, const struct meeting *, unsigned);

void	meeting_list_init(struct meeting_list *);
/* Appends a slot initialised by meeting_init and returns it. */
struct meeting *meeting_list_add(struct meeting_list *);
void	meeting_list_free(struct meeting_list *);

/*
 * The order meetings are shown in, wherever they are read or sorted: by
 * date, then start time (all-day first), then the catalog's order of
 * their types (a type it does not know last) and of their centers
 * (city-level first, and a center it does not know with them), then id.
 * The store reads in this order: its index gives date and time, and it
 * puts the meetings of one day and time in rank order (store.h).
 */
struct meeting_rank {
	int	type_position;
	int	center_position;
	long	id;
};
/*
 * m's rank from the positions of its type and center in the catalog:
 * NULL for one the catalog does not have.
 */
void	meeting_rank_init(struct meeting_rank *, const struct meeting *,
	    const int *, const int *);
int	meeting_rank_compare(const struct meeting_rank *,
	    const struct meeting_rank *);
/* Puts a list in that order, its ranks from cat (NULL: by id alone). */
void	meeting_list_sort(struct meeting_list *, const struct catalog *);

void	meeting_filter_init(struct meeting_filter *);
int	meeting_filter_match(const struct meeting_filter *,
	    const struct meeting *);

/*
 * Checks everything a meeting must keep against the catalog: the type
 * exists, a regional type has a center and a city type none, the end
 * after the start, cases only on types that count them, text limits.
 */
int	meeting_validate(const struct meeting *, const struct catalog *,
	    struct error *);
/* 1 if a and b differ in anything a user can set. */
int	meeting_differs(const struct meeting *, const struct meeting *);

const char	*meeting_mode_code(enum meeting_mode);	/* hybrid */
const char	*meeting_mode_label(enum meeting_mode);	/* 一部オンライン */
const char	*meeting_status_code(enum meeting_status);
const char	*meeting_status_label(enum meeting_status);
/* Accepts the code or the Japanese label. */
int	meeting_mode_parse(const char *, enum meeting_mode *, struct error *);
int	meeting_status_parse(const char *, enum meeting_status *,
	    struct error *);
int	meeting_cases_parse(const char *, int *, struct error *);

/* The default reporting window: six months ending two before the month. */
void	month_window_default(struct date, struct month_window *);
/* A city-level meeting's window: its own, else the default for its date. */
void	meeting_window(const struct meeting *, struct month_window *);
/* Months counted from year 0 (2021-06: 2021 * 12 + 5), to compare windows. */
int	month_index(int, int);
/* Whether a meeting counts toward fiscal year fy's targets (not cancelled). */
int	meeting_counts_in(const struct meeting *, int);
int	month_window_contains(const struct month_window *, struct date);
int	month_window_parse(const char *, struct month_window *,
	    struct error *);
/* "2021-06..2021-11" */
void	month_window_format(const struct month_window *, char *, size_t);

#endif
