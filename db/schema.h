/*
 * schema.h -- the database schema, versioned by PRAGMA user_version and
 * migrated forward one step at a time.
 */
#ifndef CARECAL_SCHEMA_H
#define CARECAL_SCHEMA_H

#include <sqlite3.h>

#include "error.h"

#define SCHEMA_VERSION		6
#define SCHEMA_APPLICATION_ID	0x43434131	/* "CCA1" */

/* The SQL that takes a database from version n-1 to n (1-based). */
const char	*schema_migration(int);
/*
 * Bring db to SCHEMA_VERSION inside one transaction. *from receives the
 * version found. A version newer than ours is refused (ERROR_FAILURE).
 */
int		 schema_migrate(sqlite3 *, const char *, int *, struct error *);
int		 schema_version(sqlite3 *, int *, struct error *);

#endif
