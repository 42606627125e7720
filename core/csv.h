/*
 * csv.h -- RFC 4180 CSV as Excel on Japanese Windows writes and reads it:
 * UTF-8 (a leading byte-order mark is skipped), quoted fields that may
 * hold commas, quotes and newlines, CRLF or LF line ends.
 */
#ifndef CARECAL_CSV_H
#define CARECAL_CSV_H

#include <stddef.h>
#include <stdio.h>
#include <time.h>

#include "error.h"

#define CSV_MAX_RECORD	(64 * 1024)		/* bytes in one record */
#define CSV_MAX_FILE	(64 * 1024 * 1024)	/* bytes in one file */

struct csv_record {
	long	 line;		/* physical line the record starts on */
	size_t	 count;
	char	**fields;
};

struct csv_table {
	struct csv_record	*records;
	size_t			 count;
};

/*
 * Parse data (len bytes) into table; errors name `name` and the line.
 * Invalid UTF-8, a NUL byte, an unterminated quote or a record over
 * CSV_MAX_RECORD are errors (ERROR_INPUT). Free with csv_table_free.
 */
int	csv_parse(const char *, size_t, const char *, struct csv_table *,
	    struct error *);
/* Read a whole file (not a directory, readable, at most CSV_MAX_FILE). */
int	csv_load_file(const char *, struct csv_table *, struct error *);
void	csv_table_free(struct csv_table *);

/*
 * A file read one record at a time, with the checks of csv_parse, so that
 * a large file is never in memory whole. csv_reader_next gives 1 and the
 * next record (its fields valid until the next call), 0 at the end, or
 * -1 with the error in err.
 */
struct csv_reader;
int	csv_reader_open(const char *, struct csv_reader **, struct error *);
/* When the file was last modified (0 for one parsed from memory). */
time_t	csv_reader_modified(const struct csv_reader *);
int	csv_reader_next(struct csv_reader *, struct csv_record *,
	    struct error *);
void	csv_reader_close(struct csv_reader *);

/*
 * Write one field, quoted when it holds a comma, quote or line break.
 * A cell a spreadsheet would take as a formula (one beginning with =, +,
 * -, @, a tab or a carriage return, after any apostrophes) is written
 * with an apostrophe before it, as OWASP advises against CSV injection;
 * csv_field_value takes exactly that one apostrophe off again.
 */
void	csv_write_field(FILE *, const char *);
/* The value a field read from CSV stands for (see csv_write_field). */
const char *csv_field_value(const char *);

/* Read a whole file into a NUL-terminated buffer (shared with .ics). */
int	file_read_all(const char *, size_t, char **, size_t *,
	    struct error *);

#endif
