/*
 * store.h -- the SQLite store: opening (WAL, foreign keys, busy timeout,
 * mode 0600, schema migration), one transaction per user action, and
 * the queries the rest of carecal needs. Nothing here draws or prints.
 */
#ifndef CARECAL_STORE_H
#define CARECAL_STORE_H

#include "catalog.h"
#include "error.h"
#include "meeting.h"

struct store;

#define STORE_CREATE	0x1	/* make a new file; refuse an existing one */
#define STORE_READONLY	0x2

/* Opens path; *out is freed with store_close. */
int	store_open(const char *, int, struct store **, struct error *);
void	store_close(struct store *);
const char *store_path(const struct store *);
/* Set when opening upgraded the schema: the version found (else 0). */
int	store_upgraded_from(const struct store *);
/* The path of the copy kept before an upgrade, or NULL. */
const char *store_upgrade_backup(const struct store *);

/*
 * One user action = one transaction (BEGIN IMMEDIATE). command is what
 * the user asked ("add --type kobetsu ..."), kept in the history.
 */
int	store_begin(struct store *, const char *, struct error *);
int	store_commit(struct store *, struct error *);
void	store_rollback(struct store *);

/* 1 if another connection committed since the last call (data_version). */
int	store_changed(struct store *);
/* The login name recorded with changes. */
const char *store_login(const struct store *);

/* Settings: key/value text. *value is malloc'd (NULL when not set). */
int	store_setting_get(struct store *, const char *, char **,
	    struct error *);
int	store_setting_set(struct store *, const char *, const char *,
	    struct error *);

/* The catalog, in table order; free with catalog_free. */
int	store_catalog_load(struct store *, struct catalog *, struct error *);
int	store_center_add(struct store *, const char *, struct error *);
int	store_center_rename(struct store *, const char *, const char *,
	    struct error *);
int	store_center_retire(struct store *, const char *, int,
	    struct error *);
int	store_type_add(struct store *, const struct meeting_type *,
	    struct error *);
/* Updates the type whose code is t->code. */
int	store_type_update(struct store *, const struct meeting_type *,
	    struct error *);

/* Meetings matching filter in date order, appended to list. */
int	store_meetings_load(struct store *, const struct meeting_filter *,
	    struct meeting_list *, struct error *);
/* 0 found, 1 not found, -1 error. */
int	store_meeting_get(struct store *, long, struct meeting *,
	    struct error *);
int	store_meeting_get_by_uid(struct store *, const char *,
	    struct meeting *, struct error *);
/* Stores m (uid generated when NULL); sets m->id, uid, version. */
int	store_meeting_insert(struct store *, struct meeting *,
	    struct error *);

#define STORE_KEEP_SEQUENCE	0x1	/* take m->sequence as given */
/*
 * Updates meeting m->id if its row version is still m->version (else
 * ERROR_CONFLICT); bumps version and SEQUENCE; refreshes m from the row.
 */
int	store_meeting_update(struct store *, struct meeting *, int,
	    struct error *);
/* Deletes meeting id if its row version is still version. */
int	store_meeting_delete(struct store *, long, long, struct error *);
/* Number of meetings of a center or type (for catalog changes). */
int	store_meeting_count(struct store *, long, long, long *,
	    struct error *);

#endif
