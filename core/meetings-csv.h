/*
 * meetings-csv.h -- meetings as CSV, the format of `carecal list
 * --format csv` and `carecal import FILE.csv`:
 * id,uid,date,start,end,center,type,mode,status,cases,venue,url,note
 */
#ifndef CARECAL_MEETINGS_CSV_H
#define CARECAL_MEETINGS_CSV_H

#include <stdio.h>

#include "catalog.h"
#include "csv.h"
#include "meeting.h"

void	meetings_csv_write_header(FILE *);
void	meetings_csv_write(FILE *, const struct meeting *,
	    const struct catalog *);

/* A meeting read from a CSV record, with where it came from. */
struct csv_meeting {
	long		line;
	long		id;		/* the id column, informational */
	struct meeting	meeting;	/* uid NULL when the column is empty */
};

/*
 * Turn the records of table (header first) into meetings checked against
 * the catalog. Every bad record is reported (up to a limit) in err, one
 * per line, "name:line: field: why". *out is an array of *count entries,
 * freed with csv_meetings_free.
 */
int	meetings_csv_read(const struct csv_table *, const char *,
	    const struct catalog *, struct csv_meeting **, size_t *,
	    struct error *);
/* 1 if the header has a window column (else stored windows are kept). */
int	meetings_csv_has_window(const struct csv_table *);
void	csv_meetings_free(struct csv_meeting *, size_t);

#endif
