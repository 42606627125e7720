/*
 * ical-file.c -- what carecal knows of .ics files without libical, so
 * that the program can name an export's file and tell an iCalendar
 * import from a CSV one before it loads the iCalendar module.
 */
#include <stdio.h>
#include <string.h>
#include <strings.h>

#include "ical-export.h"
#include "ical-import.h"

static int
is_device_name(const char *name)
{
	static const char	*devices[] = { "CON", "PRN", "AUX", "NUL" };
	size_t			 len = strcspn(name, ".");
	size_t			 i;

	/* "CON" and "con.txt" alike are devices on Windows */
	for (i = 0; i < sizeof devices / sizeof devices[0]; i++)
		if (len == 3 && strncasecmp(name, devices[i], 3) == 0)
			return 1;
	return len == 4 && (strncasecmp(name, "COM", 3) == 0 ||
	    strncasecmp(name, "LPT", 3) == 0) && name[3] >= '1' &&
	    name[3] <= '9';
}

void
ical_export_file_name(const char *name, char *buf, size_t size)
{
	const unsigned char	*s;
	char			 base[256];
	size_t			 len = 0;

	/* below 255, the limit of many file systems, with "_" and ".ics" */
	for (s = (const unsigned char *)name; *s != '\0' && len < 200; s++)
		base[len++] = *s < 0x20 || *s == 0x7f ||
		    strchr("\\/:*?\"<>|", *s) != NULL ? '_' : (char)*s;
	/* cut short: never end inside a UTF-8 character */
	if (*s != '\0' && (*s & 0xc0) == 0x80) {
		while (len > 0 &&
		    ((unsigned char)base[len - 1] & 0xc0) == 0x80)
			len--;
		if (len > 0)
			len--;	/* the character's first byte */
	}
	base[len] = '\0';
	while (len > 0 && (base[len - 1] == '.' || base[len - 1] == ' '))
		base[--len] = '\0';
	snprintf(buf, size, "%s%s.ics", len == 0 || is_device_name(base) ?
	    "_" : "", base);
}

int
ical_import_sniff(const char *path)
{
	FILE	*fp;
	char	 buf[64];
	size_t	 n, i = 0;

	if ((fp = fopen(path, "rb")) == NULL)
		return 0;
	n = fread(buf, 1, sizeof buf - 1, fp);
	fclose(fp);
	buf[n] = '\0';
	if (n >= 3 && memcmp(buf, "\xef\xbb\xbf", 3) == 0)
		i = 3;
	while (i < n && strchr(" \t\r\n", buf[i]) != NULL && buf[i] != '\0')
		i++;
	return strncasecmp(buf + i, "BEGIN:VCALENDAR", 15) == 0;
}
