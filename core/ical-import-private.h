/*
 * ical-import-private.h -- what the parts of the iCalendar import share
 * and nobody else sees: ical-read.c reads the file (lines, properties,
 * time zones, every problem with its line), ical-map.c makes meetings
 * of its events, ical-recur.c expands the recurring ones. The rest of
 * carecal uses ical-import.h.
 */
#ifndef CARECAL_ICAL_IMPORT_PRIVATE_H
#define CARECAL_ICAL_IMPORT_PRIVATE_H

#include <time.h>

#include <libical/ical.h>

#include "ical-import.h"

/* What an event says, before its occurrences become items. */
struct ical_event {
	long		line;		/* its BEGIN:VEVENT */
	struct meeting	meeting;
	unsigned	given;		/* ICAL_GIVEN_* */
	unsigned	flags;		/* EVENT_* */
	size_t		location_cut;	/* LOCATION's length, if cut */
};

/*
 * Another calendar's event: its STATUS:CONFIRMED says the event is on,
 * not that it was held, so each occurrence is held before today and
 * planned from today on (cancelled stays cancelled).
 */
#define EVENT_STATUS_BY_DATE	0x1
/* Exchange's all-day event, written from midnight to midnight */
#define EVENT_ALL_DAY		0x2
/* another calendar's SUMMARY or DESCRIPTION, which carecal does not keep */
#define EVENT_TEXT_LEFT_OUT	0x4

/* More bits of ical_import.given, for ical_recur_check_uids. */
#define GIVEN_OVERRIDE	0x100U	/* RECURRENCE-ID: one changed instance */
#define GIVEN_EXPANDED	0x200U	/* an occurrence of an RRULE or RDATE */
/* X-CARECAL-END:USUAL: DTEND is the type's usual length, no end stored */
#define GIVEN_USUAL_END	0x400U
/* X-CARECAL-DELETED:TRUE: the tombstone of a meeting deleted at its source */
#define GIVEN_DELETED	0x800U

/* A time as a meeting needs it: a date, or an instant. */
struct when {
	int			is_date;
	struct date		date;		/* when is_date */
	time_t			utc;		/* otherwise */
	struct icaltimetype	local;		/* as written (for RRULE) */
	icaltimezone		*zone;		/* what local is in */
};

struct reading;		/* ical-read.c's own: lines, zones, parsers */

/* One import: the file, what it becomes, and every problem found. */
struct scan {
	const char				*name;
	const struct catalog			*cat;
	const struct ical_import_options	*opt;
	struct ical_import			*out;
	struct error				*err;
	int					 nerrors;
	int					 hidden;
	icaltimezone				*tokyo;
	int					 notes_included;
	int					 method_cancel;
	struct date				 expand_from, expand_to;
	long					 expanded;
	double					 expansion_cost;
	int					 expansion_refused;
	struct reading				*reading;
};

/*
 * ical-read.c: a problem of the file, "file:line: what" (line 0: the
 * file as a whole), into err; any one makes the whole import fail.
 */
void	ical_read_problem(struct scan *, long, const char *, ...)
	    __attribute__((format(printf, 3, 4)));
/* The line of the event's first property called name, else fallback. */
long	ical_read_line_of(const struct scan *, const char *, long);
/*
 * A DTSTART, DTEND, RECURRENCE-ID, EXDATE or RDATE value of a property
 * (named what, in the event of line start) as a date or an instant; -1
 * when it is invalid (reported) or its zone is not known yet.
 */
int	ical_read_when(struct scan *, icalproperty *, struct icaltimetype,
	    const char *, long, struct when *);
/* An instant as a date and minutes in Asia/Tokyo. */
void	ical_read_tokyo_time(const struct scan *, time_t, struct date *,
	    int *);
/* SEQUENCE as written, though libical reads it into an int. */
long	ical_read_sequence(icalproperty *);

/*
 * ical-tzid.c: the zone of a TZID no VTIMEZONE of the file defines: an
 * IANA name, a Windows name (by ICU's CLDR table) or an IANA name after
 * a writer's prefix (/mozilla.org/20070129_1/Europe/Berlin); NULL if
 * none. Owned by libical.
 */
icaltimezone	*ical_tzid_zone(const char *);

/*
 * ical-map.c: event c, complete and valid, of line line: its meetings
 * (one, or one per occurrence) into s->out, else why it cannot be one
 * into s->out->unmapped.
 */
void	ical_map_event(struct scan *, icalcomponent *, long);
/* An event that cannot be a meeting, and why (printf-like). */
void	ical_map_unmapped(struct scan *, long, const char *, const char *,
	    ...) __attribute__((format(printf, 4, 5)));
/* What the import changed in or left out of an event (printf-like). */
void	ical_map_notice(struct scan *, long, const char *, const char *, ...)
	    __attribute__((format(printf, 4, 5)));
/*
 * The date and times of one occurrence starting at start and lasting
 * length (seconds, or days for a date; -1 when the event gave no end)
 * into m; -1 with the reason in why when it cannot be a meeting.
 */
int	ical_map_times(struct scan *, const struct when *, long,
	    struct meeting *, char *, size_t);
/*
 * The item of one occurrence (times: its date, start and end; uid: its
 * own) of the event base, flags GIVEN_*: NULL when its date is outside
 * --from/--to, or refused.
 */
struct import_item *ical_map_add(struct scan *, const struct ical_event *,
	    const struct meeting *, const char *, unsigned);

/*
 * ical-recur.c: the window RRULEs expand in: --from..--to, or the
 * fiscal year of today.
 */
void	ical_recur_window(const struct ical_import_options *, struct scan *);
/*
 * RRULE and RDATE of event c (base: what it says; start and length:
 * its first occurrence): one meeting per occurrence in the window, less
 * EXDATE; -1 when one is refused.
 */
int	ical_recur_expand(struct scan *, icalcomponent *,
	    const struct ical_event *, const struct when *, long);
/*
 * A changed instance of a recurring event (p: its RECURRENCE-ID): the
 * meeting of the occurrence it names, at its own start and length.
 */
void	ical_recur_override(struct scan *, icalproperty *,
	    const struct ical_event *, const struct when *, long);
/*
 * One meeting per UID: a changed instance replaces the occurrence its
 * RRULE made; any other second use of a UID is refused (unmapped).
 */
void	ical_recur_check_uids(struct ical_import *);

#endif
