/*
 * sql.c -- SQL run on a database file beside the store, for the unit
 * tests of db/ (test-store, test-history).
 */
#include <sqlite3.h>
#include <stdlib.h>
#include <string.h>

#include "sql.h"

int
exec_sql(const char *path, const char *sql)
{
	sqlite3	*db;
	int	 rc;

	if (sqlite3_open(path, &db) != SQLITE_OK)
		return -1;
	sqlite3_busy_timeout(db, 5000);
	rc = sqlite3_exec(db, sql, NULL, NULL, NULL);
	sqlite3_close(db);
	return rc;
}

/* Prepared and stepped once on a read-only connection: 0 on a row. */
static int
first_row(const char *path, const char *sql, sqlite3 **db,
    sqlite3_stmt **st)
{
	*st = NULL;
	if (sqlite3_open_v2(path, db, SQLITE_OPEN_READONLY, NULL) !=
	    SQLITE_OK)
		return -1;
	if (sqlite3_prepare_v2(*db, sql, -1, st, NULL) != SQLITE_OK ||
	    sqlite3_step(*st) != SQLITE_ROW)
		return -1;
	return 0;
}

long
query_long(const char *path, const char *sql)
{
	sqlite3		*db;
	sqlite3_stmt	*st;
	long		 v = -1;

	if (first_row(path, sql, &db, &st) == 0)
		v = sqlite3_column_int64(st, 0);
	sqlite3_finalize(st);
	sqlite3_close(db);
	return v;
}

char *
query_text(const char *path, const char *sql)
{
	sqlite3		*db;
	sqlite3_stmt	*st;
	char		*v = NULL;

	if (first_row(path, sql, &db, &st) == 0 &&
	    sqlite3_column_text(st, 0) != NULL)
		v = strdup((const char *)sqlite3_column_text(st, 0));
	sqlite3_finalize(st);
	sqlite3_close(db);
	return v;
}
