/*
 * ical-zone.h -- the time zone every carecal time is in (Asia/Tokyo) as
 * libical sees it, shared by iCalendar export and import, and the
 * release of libical's global state.
 */
#ifndef CARECAL_ICAL_ZONE_H
#define CARECAL_ICAL_ZONE_H

#include <libical/ical.h>

#include "error.h"

/* The TZID carecal writes and the zone its dates and times are in. */
#define ICAL_ZONE_TOKYO	"Asia/Tokyo"

/*
 * Asia/Tokyo from the system's time zone data, for converting times.
 * Owned by libical (freed by ical_library_free); NULL with err set when
 * the system has no zone data.
 */
icaltimezone	*ical_zone_tokyo(struct error *);
/*
 * A new VTIMEZONE for Asia/Tokyo from 1970 on with the TZID exactly
 * "Asia/Tokyo"; the caller frees it with icalcomponent_free.
 */
icalcomponent	*ical_zone_tokyo_component(struct error *);
/*
 * Frees what libical keeps between calls (the built-in time zones and
 * its ring of temporary buffers). Call it once iCalendar work is done;
 * libical loads them again if needed later.
 */
void		 ical_library_free(void);

#endif
