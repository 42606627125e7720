/*
 * fuzz-csv.c -- libFuzzer target: CSV parsing and the meetings read from
 * it against a small catalog, as `carecal import FILE.csv` does. What is
 * accepted must be valid meetings, and must read back the same after
 * `list --format csv` writes it.
 */
#include <locale.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "csv.h"
#include "meetings-csv.h"

int	LLVMFuzzerInitialize(int *, char ***);
int	LLVMFuzzerTestOneInput(const uint8_t *, size_t);

static struct catalog	cat;

int
LLVMFuzzerInitialize(int *argc, char ***argv)
{
	struct meeting_type	t = { .id = 1, .code = "kobetsu",
				    .name = "地域個別ケア会議", .short_name = "個別",
				    .level = LEVEL_REGIONAL, .target_min = 4,
				    .target_max = 6, .counts_cases = 1,
				    .position = 1 };
	struct center		c = { 1, "明第1", 1, 0, 0, { 0, 0, 0 } };

	(void)argc;
	(void)argv;
	setlocale(LC_ALL, "C.UTF-8");
	catalog_init(&cat);
	catalog_add_type(&cat, &t);
	t = (struct meeting_type){ 2, "suishin", "地域包括ケア推進会議",
	    "推進", LEVEL_REGIONAL, 2, 2, 0, 2, NULL };
	catalog_add_type(&cat, &t);
	t = (struct meeting_type){ 3, "city", "市地域ケア会議", "市",
	    LEVEL_CITY, 2, 2, 0, 3, NULL };
	catalog_add_type(&cat, &t);
	catalog_add_center(&cat, &c);
	c = (struct center){ 2, "本庁", 2, 0 };
	catalog_add_center(&cat, &c);
	c = (struct center){ 3, "旧センター", 3, 1 };
	catalog_add_center(&cat, &c);
	return 0;
}

/* Write the meetings as `list --format csv` does, then read them again. */
static void
round_trip(struct csv_meeting *rows, size_t n)
{
	struct csv_table	 table;
	struct csv_meeting	*again;
	struct error		 err;
	char			*buf = NULL;
	size_t			 len = 0, m, i;
	FILE			*fp;

	if ((fp = open_memstream(&buf, &len)) == NULL)
		abort();
	meetings_csv_write_header(fp);
	for (i = 0; i < n; i++) {
		rows[i].meeting.has_window = 0;
		meetings_csv_write(fp, &rows[i].meeting, &cat);
	}
	fclose(fp);
	if (csv_parse(buf, len, "written.csv", &table, &err) == -1 ||
	    meetings_csv_read(&table, "written.csv", &cat, &again, &m,
	    &err) == -1) {
		fprintf(stderr, "written CSV does not read back: %s\n%s\n",
		    err.msg, buf);
		abort();
	}
	if (m != n)
		abort();
	for (i = 0; i < n; i++)
		if (meeting_differs(&rows[i].meeting, &again[i].meeting)) {
			fprintf(stderr, "row %zu differs after writing:\n%s\n",
			    i, buf);
			abort();
		}
	csv_meetings_free(again, m);
	csv_table_free(&table);
	free(buf);
}

int
LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
	struct csv_table	 table;
	struct csv_meeting	*rows;
	struct error		 err;
	size_t			 n, i;

	if (csv_parse((const char *)data, size, "fuzz.csv", &table, &err) ==
	    -1)
		return 0;
	if (meetings_csv_read(&table, "fuzz.csv", &cat, &rows, &n,
	    &err) == 0) {
		for (i = 0; i < n; i++)
			if (meeting_validate(&rows[i].meeting, &cat,
			    &err) == -1)
				abort();
		round_trip(rows, n);
		csv_meetings_free(rows, n);
	}
	csv_table_free(&table);
	return 0;
}
