/*
 * ical-tzid.c -- the zone of a TZID that no VTIMEZONE of the file
 * defines, as office calendars write them: an IANA name (Asia/Tokyo),
 * a Windows name (Outlook and Exchange: "Tokyo Standard Time"), mapped
 * to IANA by the CLDR table ICU carries (libical links ICU already),
 * or an IANA name behind a writer's prefix (old Thunderbird:
 * "/mozilla.org/20070129_1/Europe/Berlin"; libical's own
 * "/freeassociation.sourceforge.net/Europe/Berlin"). Only names that
 * look like zone names reach libical, which opens a file for them.
 */
#include <string.h>

#include <unicode/ucal.h>
#include <unicode/ustring.h>

#include "ical-import-private.h"

/* Longer than any zone name of the IANA or Windows tables. */
#define TZID_MAX	128
/* "/mozilla.org/20070129_1/Europe/Berlin": the third tail is the name */
#define TAILS_MAX	4

/*
 * A name as the IANA table writes them (Asia/Tokyo, Etc/GMT+9,
 * America/Port-au-Prince). libical opens the system's zone file of a
 * name it does not list, /usr/share/zoneinfo/NAME: a TZID such as
 * "../../tmp/fifo" would have it open, and wait on, any file.
 */
static int
is_zone_name(const char *name)
{
	const char	*p;

	if (*name == '\0' || *name == '/' || *name == '.' ||
	    strlen(name) >= TZID_MAX || strstr(name, "/.") != NULL ||
	    strstr(name, "//") != NULL)
		return 0;
	for (p = name; *p != '\0'; p++)
		if (!((*p >= 'A' && *p <= 'Z') || (*p >= 'a' && *p <= 'z') ||
		    (*p >= '0' && *p <= '9') || strchr("_+-/.", *p) != NULL))
			return 0;
	return 1;
}

static icaltimezone *
builtin(const char *name)
{
	if (!is_zone_name(name))
		return NULL;
	return icaltimezone_get_builtin_timezone(name);
}

/* The IANA zone CLDR gives for Windows zone name tzid, or NULL. */
static icaltimezone *
windows_zone(const char *tzid)
{
	UChar		 windows[TZID_MAX], iana[TZID_MAX];
	UErrorCode	 status = U_ZERO_ERROR;
	char		 name[TZID_MAX];
	size_t		 i, len = strlen(tzid);
	int32_t		 n;

	/* Windows names are ASCII: "W. Europe Standard Time" */
	if (len == 0 || len >= TZID_MAX)
		return NULL;
	for (i = 0; i < len; i++)
		if ((unsigned char)tzid[i] < 0x20 ||
		    (unsigned char)tzid[i] >= 0x7f)
			return NULL;
	u_uastrncpy(windows, tzid, TZID_MAX);
	n = ucal_getTimeZoneIDForWindowsID(windows, (int32_t)len, NULL,
	    iana, TZID_MAX, &status);
	if (U_FAILURE(status) || n <= 0 || n >= TZID_MAX)
		return NULL;
	u_austrncpy(name, iana, TZID_MAX);
	name[n] = '\0';
	return builtin(name);
}

/*
 * "/mozilla.org/20070129_1/Europe/Berlin": the longest tail after a
 * '/' that names a zone libical knows ("Europe/Berlin" before "Berlin").
 */
static icaltimezone *
prefixed_zone(const char *tzid)
{
	icaltimezone	*zone;
	const char	*tail;
	int		 n = 0;

	if (tzid[0] != '/')
		return NULL;
	for (tail = strchr(tzid + 1, '/'); tail != NULL && n < TAILS_MAX;
	    tail = strchr(tail + 1, '/'), n++)
		if ((zone = builtin(tail + 1)) != NULL)
			return zone;
	return NULL;
}

icaltimezone *
ical_tzid_zone(const char *tzid)
{
	icaltimezone	*zone;

	if (tzid == NULL || *tzid == '\0')
		return NULL;
	if ((zone = builtin(tzid)) != NULL)
		return zone;
	if ((zone = windows_zone(tzid)) != NULL)
		return zone;
	return prefixed_zone(tzid);
}
