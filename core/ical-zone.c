/*
 * ical-zone.c -- Asia/Tokyo for libical: the zone for conversions and
 * the VTIMEZONE that exported files carry.
 */
#include "i18n.h"
#include "ical-zone.h"

icaltimezone *
ical_zone_tokyo(struct error *err)
{
	icaltimezone	*zone;

	/* a bad value must come back as an error, never abort */
	icalerror_set_errors_are_fatal(0);
	zone = icaltimezone_get_builtin_timezone(ICAL_ZONE_TOKYO);
	if (zone == NULL || icaltimezone_get_component(zone) == NULL) {
		error_set(err, ERROR_FAILURE, _("no time zone data for %s: "
		    "install the tzdata package"), ICAL_ZONE_TOKYO);
		return NULL;
	}
	return zone;
}

icalcomponent *
ical_zone_tokyo_component(struct error *err)
{
	icaltimezone	*zone;
	icalcomponent	*vtz;
	icalproperty	*tzid;

	if ((zone = ical_zone_tokyo(err)) == NULL)
		return NULL;
	vtz = icalcomponent_new_clone(icaltimezone_get_component(zone));
	/*
	 * libical names its zones "/freeassociation.sourceforge.net/..."
	 * and starts Tokyo in 1888 (local mean time, the 1948-51 summer
	 * time): office calendars want the plain Olson name and no history
	 * older than any meeting.
	 */
	icaltimezone_truncate_vtimezone(vtz,
	    icaltime_from_string("19700101T000000Z"), icaltime_null_time(), 0);
	if ((tzid = icalcomponent_get_first_property(vtz,
	    ICAL_TZID_PROPERTY)) != NULL)
		icalproperty_set_tzid(tzid, ICAL_ZONE_TOKYO);
	else
		icalcomponent_add_property(vtz,
		    icalproperty_new_tzid(ICAL_ZONE_TOKYO));
	return vtz;
}

void
ical_library_free(void)
{
	icaltimezone_free_builtin_timezones();
	icalmemory_free_ring();
}
