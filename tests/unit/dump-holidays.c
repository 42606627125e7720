/*
 * dump-holidays.c -- prints the holidays of a range of years as
 * "YYYY-MM-DD<TAB>name" lines, for comparing with reference data.
 */
#include <errno.h>
#include <stdio.h>
#include <stdlib.h>

#include "date.h"
#include "holiday.h"

static int
parse_year(const char *s, int *year)
{
	char	*end;
	long	 v;

	errno = 0;
	v = strtol(s, &end, 10);
	if (errno != 0 || end == s || *end != '\0' || v < 1 || v > 9999)
		return -1;
	*year = (int)v;
	return 0;
}

int
main(int argc, char **argv)
{
	struct holiday	list[HOLIDAY_MAX_PER_YEAR];
	char		iso[DATE_ISO_LEN];
	size_t		n, i;
	int		first, last, year;

	if (argc != 3 || parse_year(argv[1], &first) == -1 ||
	    parse_year(argv[2], &last) == -1) {
		fprintf(stderr, "usage: dump-holidays FIRST LAST\n");
		return 2;
	}
	for (year = first; year <= last; year++) {
		n = holiday_list_year(year, list);
		for (i = 0; i < n; i++) {
			date_format_iso(list[i].date, iso, sizeof iso);
			printf("%s\t%s\n", iso, list[i].name);
		}
	}
	return fflush(stdout) == 0 ? 0 : 1;
}
