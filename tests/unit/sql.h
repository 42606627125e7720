/*
 * sql.h -- what the store's unit tests ask of a database file directly,
 * beside the store: run SQL, read one value.
 */
#ifndef CARECAL_TEST_SQL_H
#define CARECAL_TEST_SQL_H

/* Run sql on the file (waiting up to 5 s for a lock): SQLite's code. */
int	 exec_sql(const char *, const char *);
/* The first column of the first row, read-only: the number, or -1. */
long	 query_long(const char *, const char *);
/* The same as text (malloc'd), or NULL. */
char	*query_text(const char *, const char *);

#endif
