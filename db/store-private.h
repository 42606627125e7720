/*
 * store-private.h -- what the store's files share and nobody else sees:
 * the connection and its cache of prepared statements.
 */
#ifndef CARECAL_STORE_PRIVATE_H
#define CARECAL_STORE_PRIVATE_H

#include <sqlite3.h>

#include "store.h"

enum store_statement {
	ST_MEETING_INSERT,
	ST_MEETING_UPDATE,
	ST_MEETING_GET,
	ST_MEETING_GET_UID,
	ST_HISTORY_JSON,
	ST_UID_NEW,
	ST_UNDO_REMOVE,		/* undo, once per meeting touched: */
	ST_UNDO_CHANGE,
	ST_REINSERT,
	ST_REINSERT_UID,
	ST_NONE,		/* not cached (run once) */
	ST_COUNT = ST_NONE
};

struct store {
	sqlite3		*db;
	char		*path;
	char		*login;
	char		*upgrade_backup;
	char		*group;		/* shared with this Unix group */
	int		 upgraded_from;
	int		 in_transaction;
	long		 data_version;
	sqlite3_stmt	*cached[ST_COUNT];
};

/* A cached statement, reset and unbound, ready to bind and step. */
sqlite3_stmt	*store_statement(struct store *, enum store_statement,
		    const char *, struct error *);
/* A meeting from a row whose first columns are those of the table. */
void		 row_to_meeting(sqlite3_stmt *, struct meeting *);
/*
 * Refuse a database (or its -wal or -shm) that another user can write:
 * world-writable, group-writable unless shared with that group (group
 * not NULL), or owned by someone else unless shared.
 */
int		 store_check_permissions(const char *, const char *,
		    struct error *);
/* Fill err from the connection's last error, with what we were doing. */
int		 store_error(struct store *, const char *, struct error *);

#endif
