/*
 * ical-summary.h -- the SUMMARY of a meeting's event, the one line office
 * calendars show: type, center and mode in words, 【中止】 first when
 * cancelled (【中止】地域個別ケア会議（明第1）［一部オンライン］). The
 * export writes it and the import reads it back, with these two
 * functions only, so that the wording is defined once.
 */
#ifndef CARECAL_ICAL_SUMMARY_H
#define CARECAL_ICAL_SUMMARY_H

#include <stddef.h>

#include "catalog.h"
#include "meeting.h"

/* Room for any SUMMARY carecal writes (names are 100 bytes at most). */
#define ICAL_SUMMARY_MAX	512

/* What a SUMMARY names of the catalog. */
struct ical_summary {
	int				 cancelled;	/* begins 【中止】 */
	const struct meeting_type	*type;		/* NULL: none */
	const struct center		*center;	/* NULL: none */
	int				 has_mode;
	enum meeting_mode		 mode;
};

/*
 * Meeting m's SUMMARY into buf (ICAL_SUMMARY_MAX holds any); a city-level
 * meeting has no （center）, a type not in cat is "?".
 */
void	ical_summary_format(const struct meeting *, const struct catalog *,
	    char *, size_t);
/*
 * Reads a SUMMARY back: 0 if all of it is the wording above and names a
 * type, a mode and, if it has one, a center of cat (names may hold
 * brackets themselves: サービス調整（定期開催）（庵治）). Otherwise -1,
 * and out still holds what it does name: a foreign SUMMARY may be just
 * a type's name, or end in ［mode］ or （center）.
 */
int	ical_summary_parse(const char *, const struct catalog *,
	    struct ical_summary *);

#endif
