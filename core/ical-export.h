/*
 * ical-export.h -- meetings as iCalendar (RFC 5545) that office calendars
 * accept: a VCALENDAR with the Asia/Tokyo VTIMEZONE, written one VEVENT
 * at a time so memory stays flat however many meetings there are.
 */
#ifndef CARECAL_ICAL_EXPORT_H
#define CARECAL_ICAL_EXPORT_H

#include <stdio.h>
#include <time.h>

#include "catalog.h"
#include "error.h"
#include "meeting.h"

#define ICAL_EXPORT_NOTES	0x1	/* private notes go out too */
/* nothing of the cases (an advisor's own calendar): no count, no note */
#define ICAL_EXPORT_NO_CASES	0x2

struct ical_writer;

/*
 * Writes the head of a calendar named calname (X-WR-CALNAME) to fp.
 * *out is freed by ical_export_end, which also writes the end.
 */
int	ical_export_begin(FILE *, const char *, int, struct ical_writer **,
	    struct error *);
/*
 * Every event's DTSTAMP is t instead of the time of the export: a feed
 * served again while nothing changed is then the same bytes. Before
 * the first meeting.
 */
void	ical_export_set_stamp(struct ical_writer *, time_t);
/* One meeting as one VEVENT. */
int	ical_export_meeting(struct ical_writer *, const struct meeting *,
	    const struct catalog *, struct error *);
/* Ends the calendar and frees the writer; -1 if writing to fp failed. */
int	ical_export_end(struct ical_writer *, struct error *);

/*
 * A file name made from a center or type name that is safe on Windows
 * file systems (no \ / : * ? " < > |, no control character, no device
 * name such as CON or COM1, no trailing dot or space), with ".ics".
 */
void	ical_export_file_name(const char *, char *, size_t);

#endif
