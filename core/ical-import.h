/*
 * ical-import.h -- meetings from iCalendar (RFC 5545) files: carecal's own
 * exports come back exactly (X-CARECAL-*), files from Outlook or Google
 * are mapped by CATEGORIES, the SUMMARY carecal writes, or the caller's
 * defaults. libical parses; the file is read one event at a time.
 */
#ifndef CARECAL_ICAL_IMPORT_H
#define CARECAL_ICAL_IMPORT_H

#include "catalog.h"
#include "date.h"
#include "error.h"
#include "import-plan.h"
#include "meeting.h"

/* What the caller says about events that do not say it themselves. */
struct ical_import_options {
	long		type_id;	/* --type, 0: none */
	long		center_id;	/* --center, 0: none */
	int		mode;		/* --mode, -1: none */
	int		has_from, has_to;	/* only meetings in these */
	struct date	from, to;
	struct date	today;		/* RRULEs expand in its fiscal year */
};

/* The fields an event gave (the rest come from the stored meeting). */
#define ICAL_GIVEN_TYPE		0x01
#define ICAL_GIVEN_CENTER	0x02
#define ICAL_GIVEN_MODE		0x04
#define ICAL_GIVEN_CASES	0x08
#define ICAL_GIVEN_NOTE		0x10
#define ICAL_GIVEN_WINDOW	0x20
#define ICAL_GIVEN_VENUE	0x40
#define ICAL_GIVEN_URL		0x80
#define ICAL_GIVEN_ALL		0xff

/* An event that cannot become a meeting, and why. */
struct ical_unmapped {
	long	 line;
	char	*uid;			/* NULL when it had none */
	char	*why;
};

/*
 * What the import changed in an event or left out of it, said but not
 * stopping it: a venue cut to the limit, a series with no occurrence
 * in --from/--to.
 */
struct ical_notice {
	long	 line;
	char	*uid;
	char	*what;
};

/*
 * items[i] is the meeting an event (or one occurrence of a recurring
 * one) makes, with the line of its BEGIN:VEVENT and has_sequence set;
 * given[i] says which of its fields the event gave (ICAL_GIVEN_*); a
 * note it did not give is marked keep_note instead. notices are said
 * and imported; text_left_out counts the events of other calendars
 * whose SUMMARY or DESCRIPTION carecal did not keep (it keeps no free
 * text of theirs, see carecal(1)). In a file of METHOD:CANCEL, an item
 * whose UID the database does not have is skipped by the caller.
 */
struct ical_import {
	struct import_item	*items;
	unsigned short		*given;
	size_t			 count;
	struct ical_unmapped	*unmapped;
	size_t			 nunmapped;
	long			 outside;	/* out of --from/--to */
	long			 other;		/* VTODO...: not read */
	size_t			 capacity, unmapped_capacity;
	struct ical_notice	*notices;
	size_t			 nnotices, notices_capacity;
	long			 text_left_out;	/* foreign SUMMARY or
						   DESCRIPTION not kept */
	int			 method_cancel;	/* METHOD:CANCEL */
};

/*
 * Reads the iCalendar file path. A file with any error (structure,
 * encoding, a value libical or carecal cannot read, an unknown TZID)
 * gives -1 and every error with its line in err (up to a limit), and
 * nothing in out. Otherwise out holds the events in file order, and
 * those that cannot be meetings in out->unmapped. Free with
 * ical_import_free either way.
 */
int	ical_import_read(const char *, const struct catalog *,
	    const struct ical_import_options *, struct ical_import *,
	    struct error *);
/*
 * Fills what an item's event did not give (given: ICAL_GIVEN_*) from
 * existing (the stored meeting with the same UID, or NULL: defaults)
 * and checks the meeting; -1 with the reason in err when it cannot be
 * one.
 */
int	ical_item_complete(struct import_item *, unsigned,
	    const struct meeting *, const struct catalog *, struct error *);
void	ical_import_add_unmapped(struct ical_import *, long, const char *,
	    const char *);
void	ical_import_free(struct ical_import *);

/* 1 if the file begins like iCalendar (BEGIN:VCALENDAR). */
int	ical_import_sniff(const char *);

#endif
