/*
 * meetings-csv.h -- meetings as CSV, the format of `carecal list
 * --format csv` and `carecal import FILE.csv`:
 * id,uid,date,start,end,center,type,mode,status,cases,venue,url,note,
 * version (the row version the line was read at, for import to refuse
 * a line someone else's change has made stale).
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
	long		version;	/* the version column; 0: empty */
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
/* The columns a file may have: those `list` writes, and window. */
#define MEETINGS_CSV_COLUMNS	15

/*
 * Meetings read from CSV records one at a time (comment lines, then the
 * header, then one meeting a record), so that a large file need not be
 * in memory whole. Problems are reported in err as meetings_csv_read
 * does, a uid that came on an earlier line among them (at once, before
 * the record is handed on: a second line must never reach the store as
 * an update of the meeting the first one added).
 */
struct meetings_csv {
	const char		*name;
	const struct catalog	*cat;
	struct error		*err;
	/* the field of each column, or -1 */
	int			 map[MEETINGS_CSV_COLUMNS];
	size_t			 columns;	/* fields in the header */
	int			 has_header;
	int			 has_window;	/* else stored windows stay */
	int			 has_version;	/* see import_check_fresh */
	int			 nerrors;
	long			 records;
	void			*uids;	/* tsearch(3) tree of the uids seen */
};

void	meetings_csv_begin(struct meetings_csv *, const char *,
	    const struct catalog *, struct error *);
/*
 * 1: out holds the meeting of record r (the caller clears it); 0: the
 * record gave none (a comment, the header, a blank line, or a problem
 * now in err); -1: a bad header, in err, and nothing more can be read.
 */
int	meetings_csv_feed(struct meetings_csv *, const struct csv_record *,
	    struct csv_meeting *);
/* After the last record: 0, or -1 with every problem in err. */
int	meetings_csv_end(struct meetings_csv *);
void	meetings_csv_free(struct meetings_csv *);

void	csv_meetings_free(struct csv_meeting *, size_t);

#endif
