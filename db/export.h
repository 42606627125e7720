/*
 * export.h -- one calendar of the store's meetings as iCalendar, as
 * `carecal export` writes it and `carecal serve` serves it: the
 * meetings a filter picks, cancelled ones too (STATUS:CANCELLED, 【中止】
 * in the SUMMARY), then the tombstones of those deleted in the last
 * tombstone-days days (store-tombstones.h), so that a calendar that
 * imported or subscribed to an earlier one learns of both.
 */
#ifndef CARECAL_EXPORT_H
#define CARECAL_EXPORT_H

#include <stdio.h>
#include <time.h>

#include "catalog.h"
#include "error.h"
#include "ical-export.h"
#include "meeting.h"
#include "store.h"

struct export_calendar {
	const char		*calname;	/* X-WR-CALNAME */
	/* exclude_cancelled: no cancelled meeting, and no tombstone */
	struct meeting_filter	 filter;
	int			 city;		/* the city-level meetings,
						   of every city type */
	int			 flags;		/* ICAL_EXPORT_NOTES */
	time_t			 stamp;		/* DTSTAMP; -1: now */
};

/* What a calendar held. */
struct export_count {
	size_t	meetings;
	size_t	tombstones;
};

/* Every meeting, named calname, DTSTAMP the time of writing. */
void	export_calendar_init(struct export_calendar *, const char *);
int	export_calendar_write(FILE *, struct store *, const struct catalog *,
	    const struct export_calendar *, struct export_count *,
	    struct error *);
/*
 * The tombstones that filter picks (with city, only those of city-level
 * types), in the order meetings are shown in, to w; *count of them.
 * For a calendar written from meetings already read (the full-screen
 * view's export).
 */
int	export_tombstones_write(struct ical_writer *, struct store *,
	    const struct catalog *, const struct meeting_filter *, int,
	    size_t *, struct error *);
/*
 * The day from which a deletion still gives a tombstone: today less
 * the database's tombstone-days (into *days) plus one; 0 days, none.
 */
int	export_tombstones_since(struct store *, struct date *, int *,
	    struct error *);
/*
 * A calendar's name from what it holds: "明第1 地域個別ケア会議", and
 * the city's name for no center, "地域ケア会議" for no type.
 */
void	export_calendar_name(const struct catalog *, const char *, long,
	    long, char *, size_t);

#endif
