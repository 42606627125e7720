/*
 * advisor-file.c -- reading a file of advisors and of the types whose
 * meetings book them (advisor-file.h).
 */
#include <stdlib.h>
#include <string.h>

#include "advisor-file.h"
#include "alloc.h"
#include "csv.h"
#include "i18n.h"
#include "text.h"

#define FIELDS_MAX	16

static int
known(const struct advisor_file *file, const char *name)
{
	size_t	i;

	for (i = 0; i < file->advisors.count; i++)
		if (strcmp(file->advisors.items[i].name, name) == 0)
			return 1;
	return 0;
}

static int
parse_line(struct advisor_file *file, char *line, struct error *err)
{
	struct advisor_file_booking	*b;
	struct advisor			*a;
	char				*f[FIELDS_MAX];
	size_t				 n = text_split_tabs(line, f, FIELDS_MAX), i;

	if (strcmp(f[0], "advisor") == 0 && n >= 3 && n <= 5) {
		if (known(file, f[1]))
			return error_set(err, ERROR_INPUT, _("advisor '%s' "
			    "twice"), f[1]);
		a = advisor_list_add(&file->advisors);
		a->name = xstrdup(f[1]);
		a->profession = xstrdup(f[2]);
		if (n >= 4 && *f[3] != '\0')
			a->affiliation = xstrdup(f[3]);
		if (n == 5 && advisor_weekdays_parse(f[4], &a->weekdays,
		    err) == -1)
			return -1;
		return advisor_validate(a, err);
	}
	if (strcmp(f[0], "book") == 0 && n >= 3) {
		file->bookings = xreallocarray(file->bookings,
		    file->nbookings + 1, sizeof *file->bookings);
		b = &file->bookings[file->nbookings++];
		b->type_code = xstrdup(f[1]);
		b->nnames = n - 2;
		b->names = xcalloc(b->nnames, sizeof *b->names);
		for (i = 0; i < b->nnames; i++) {
			b->names[i] = xstrdup(f[i + 2]);
			if (!known(file, b->names[i]))
				return error_set(err, ERROR_INPUT, _("'%s' is "
				    "no advisor of the file (an 'advisor' "
				    "line comes first)"), b->names[i]);
		}
		return 0;
	}
	return error_set(err, ERROR_INPUT, _("expected 'advisor' or 'book' "
	    "with its tab-separated fields"));
}

int
advisor_file_load(const char *path, struct advisor_file *file,
    struct error *err)
{
	char	*data, *cursor, *line;
	size_t	 len;
	long	 lineno = 0;

	memset(file, 0, sizeof *file);
	advisor_list_init(&file->advisors);
	if (file_read_all(path, 1024 * 1024, &data, &len, err) == -1)
		return -1;
	cursor = data;
	while ((line = text_next_line(&cursor, &lineno)) != NULL) {
		if (parse_line(file, line, err) == -1) {
			error_prefix(err, "%s:%ld: ", path, lineno);
			free(data);
			return -1;
		}
	}
	free(data);
	return 0;
}

void
advisor_file_free(struct advisor_file *file)
{
	size_t	i, j;

	advisor_list_free(&file->advisors);
	for (i = 0; i < file->nbookings; i++) {
		free(file->bookings[i].type_code);
		for (j = 0; j < file->bookings[i].nnames; j++)
			free(file->bookings[i].names[j]);
		free(file->bookings[i].names);
	}
	free(file->bookings);
	memset(file, 0, sizeof *file);
}
