/*
 * fuzz-ical.c -- libFuzzer target: iCalendar files read as `carecal
 * import FILE.ics` does (libical, then carecal's mapping to meetings),
 * against a small catalog. An event that becomes a meeting must be a
 * valid one.
 */
#include <locale.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include "ical-import.h"

int	LLVMFuzzerInitialize(int *, char ***);
int	LLVMFuzzerTestOneInput(const uint8_t *, size_t);

static struct catalog	cat;
static char		path[] = "/tmp/carecal-fuzz-ical.XXXXXX";

static void
remove_file(void)
{
	unlink(path);
}

int
LLVMFuzzerInitialize(int *argc, char ***argv)
{
	struct meeting_type	t = { .id = 1, .code = "kobetsu",
				    .name = "地域個別ケア会議", .short_name = "個別",
				    .level = LEVEL_REGIONAL, .target_min = 4,
				    .target_max = 6, .counts_cases = 1,
				    .position = 1 };
	struct center		c = { 1, "明第1", 1, 0, 0, { 0, 0, 0 } };
	int			fd;

	(void)argc;
	(void)argv;
	setlocale(LC_ALL, "C.UTF-8");
	catalog_init(&cat);
	catalog_add_type(&cat, &t);
	t = (struct meeting_type){ 2, "city", "市地域ケア会議", "市",
	    LEVEL_CITY, 2, 2, 0, 2, NULL };
	catalog_add_type(&cat, &t);
	catalog_add_center(&cat, &c);
	/* the reader takes a path: one file, rewritten for each input */
	if ((fd = mkstemp(path)) == -1)
		abort();
	close(fd);
	atexit(remove_file);
	return 0;
}

int
LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
	struct ical_import_options	 opt;
	struct ical_import		 in;
	struct error			 err;
	FILE				*fp;
	size_t				 i;

	if ((fp = fopen(path, "wb")) == NULL)
		abort();
	if (fwrite(data, 1, size, fp) != size || fclose(fp) != 0)
		abort();
	memset(&opt, 0, sizeof opt);
	opt.mode = -1;
	opt.today = (struct date){ 2021, 7, 29 };
	memset(&in, 0, sizeof in);
	if (ical_import_read(path, &cat, &opt, &in, &err) == 0) {
		for (i = 0; i < in.count; i++)
			if (ical_item_complete(&in.items[i], in.given[i], NULL,
			    &cat, &err) == 0 && meeting_validate(
			    &in.items[i].meeting, &cat, &err) == -1)
				abort();
	}
	ical_import_free(&in);
	return 0;
}
