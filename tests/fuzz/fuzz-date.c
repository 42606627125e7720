/*
 * fuzz-date.c -- libFuzzer target: the parsers of dates, fiscal years,
 * months and times on any bytes. Whatever they accept must be a real
 * date (or time) that formats and parses back to itself.
 */
#include <locale.h>
#include <stdint.h>
#include <stdlib.h>
#include <string.h>

#include "date.h"

int	LLVMFuzzerInitialize(int *, char ***);
int	LLVMFuzzerTestOneInput(const uint8_t *, size_t);

int
LLVMFuzzerInitialize(int *argc, char ***argv)
{
	(void)argc;
	(void)argv;
	setlocale(LC_ALL, "C.UTF-8");
	return 0;
}

int
LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
	struct error	 err;
	struct date	 d, again;
	const struct era *era;
	char		*s, buf[DATE_JA_LEN];
	int		 fy, year, month, minutes, back, era_year;

	s = malloc(size + 1);
	memcpy(s, data, size);
	s[size] = '\0';
	if (date_parse(s, &d, &err) == 0) {
		if (!date_is_valid(d.year, d.month, d.day))
			abort();
		date_format_iso(d, buf, sizeof buf);
		if (d.year >= 1 && d.year <= 9999 &&
		    (date_parse(buf, &again, &err) == -1 ||
		    date_compare(d, again) != 0))
			abort();
		date_format_japanese(d, buf, sizeof buf);
		if (date_era_of(d, &era, &era_year) == 0 &&
		    (date_parse(buf, &again, &err) == -1 ||
		    date_compare(d, again) != 0))
			abort();
		(void)date_fiscal_year(d);
		(void)date_weekday(d);
	}
	if (date_parse_fiscal_year(s, &fy, &err) == 0) {
		d = date_fiscal_year_start(fy);
		if (!date_is_valid(d.year, d.month, d.day))
			abort();
		date_format_fiscal_year(fy, buf, sizeof buf);
	}
	if (date_parse_month(s, &year, &month, &err) == 0) {
		if (month < 1 || month > 12)
			abort();
		date_format_era_month(year, month, buf, sizeof buf);
	}
	if (time_parse(s, &minutes, &err) == 0) {
		/* 24:00 ends a day */
		if (minutes < 0 || minutes > 24 * 60)
			abort();
		time_format(minutes, buf, sizeof buf);
		if (time_parse(buf, &back, &err) == -1 || back != minutes)
			abort();
	}
	free(s);
	return 0;
}
