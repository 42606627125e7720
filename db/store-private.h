/*
 * store-private.h -- what the store's files share and nobody else sees:
 * the connection and its cache of prepared statements.
 */
#ifndef CARECAL_STORE_PRIVATE_H
#define CARECAL_STORE_PRIVATE_H

#include <sys/types.h>

#include <sqlite3.h>

#include "store.h"

/*
 * A file the store is making (db/store-file.c): path, in the private
 * directory dir (0700) beside the name it will have.
 */
struct store_file {
	char	*dir;
	char	*path;
};

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
	ST_MEETINGS_OF_DAY,	/* a save's warnings, once per import item */
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
	int		 flags;		/* those it was opened with */
	struct store_file creating;	/* STORE_CREATE, until published */
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
 * The meetings of center on day that are not cancelled, their plan
 * (MEETING_FIELDS_PLAN), by start time (none first) and id, appended to
 * list: what a save's warnings read (store-save.c), by a statement kept
 * prepared, as an import asks it for every meeting.
 */
int		 store_meetings_of_day(struct store *, long, struct date,
		    struct meeting_list *, struct error *);
/*
 * Refuse a database (or its -wal or -shm) that another user can write:
 * world-writable, group-writable unless shared with that group (group
 * not NULL), or owned by someone else unless shared.
 */
int		 store_check_permissions(const char *, const char *,
		    struct error *);
/* Fill err from the connection's last error, with what we were doing. */
int		 store_error(struct store *, const char *, struct error *);
/*
 * Copy the whole database, one committed state, into file, an empty
 * file of ours; check that the copy reads back. Messages name name.
 */
int		 store_copy_into(struct store *, const char *, const char *,
		    struct error *);

/*
 * Begin a file to be put at final later: f->path, empty, with mode (and
 * group gid unless -1), in a new private directory beside final.
 */
int		 store_file_begin(struct store_file *, const char *, gid_t,
		    mode_t, struct error *);
/*
 * Put f at final and discard the directory: 0 done; 1 final exists and
 * replace is 0 (nothing changed, err says so, f stays for another try);
 * -1 error (f stays). Links are never followed: a link at final is
 * replaced itself, or (replace 0) refused.
 */
int		 store_file_put(struct store_file *, const char *, int,
		    struct error *);
/*
 * mkdir path with mode (exactly) and group gid unless -1, both as it
 * appears: 0, or -1 and errno (EEXIST: path exists).
 */
int		 store_file_mkdir(const char *, gid_t, mode_t);
/* Remove f, what SQLite left beside it and its directory. */
void		 store_file_discard(struct store_file *);
/* The mode and group for a copy of the database: 0600, or its group's. */
void		 store_copy_mode(struct store *, gid_t *, mode_t *);
/*
 * Before SQLite opens a file: the -wal, -shm and -journal it makes have
 * their database's mode from the start (db/store-vfs.c). Once is enough.
 */
void		 store_vfs_init(void);

#endif
