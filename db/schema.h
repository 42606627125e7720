/*
 * schema.h -- the database schema, versioned by PRAGMA user_version and
 * migrated forward one step at a time.
 */
#ifndef CARECAL_SCHEMA_H
#define CARECAL_SCHEMA_H

#include <sqlite3.h>

#include "error.h"

#define SCHEMA_VERSION		8
#define SCHEMA_APPLICATION_ID	0x43434131	/* "CCA1" */

/* The SQL that takes a database from version n-1 to n (1-based). */
const char	*schema_migration(int);
/*
 * Bring db from version from to SCHEMA_VERSION, inside the caller's write
 * transaction (BEGIN IMMEDIATE: whoever else would upgrade the file waits
 * for it, then finds it upgraded). A version carecal does not know is
 * refused (ERROR_FAILURE) before anything runs.
 */
int		 schema_migrate(sqlite3 *, const char *, int, struct error *);
/* -1 (err set, naming path) for a version newer than ours or negative. */
int		 schema_check_version(int, const char *, struct error *);
int		 schema_version(sqlite3 *, int *, struct error *);

#endif
