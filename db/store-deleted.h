/*
 * store-deleted.h -- the meetings that are deleted now, by UID, so that
 * an import of an old export does not bring one back as a new meeting
 * (issue 15, item 4).
 */
#ifndef CARECAL_STORE_DELETED_H
#define CARECAL_STORE_DELETED_H

#include <stddef.h>

#include "error.h"
#include "store.h"

/* A deleted meeting: its UID and its id (for restore-meeting). */
struct deleted_uid {
	char	*uid;
	long	 id;
};

/*
 * Every meeting deleted and not brought back since, sorted by UID (one
 * entry a UID: the last meeting deleted under it), for
 * store_deleted_find. *out (*count entries) is the caller's, freed with
 * deleted_uids_free. Read inside the caller's transaction.
 */
int	store_deleted_uids(struct store *, struct deleted_uid **, size_t *,
	    struct error *);
/* The entry of uid in a list from store_deleted_uids, or NULL. */
const struct deleted_uid *deleted_uids_find(const struct deleted_uid *,
	    size_t, const char *);
void	deleted_uids_free(struct deleted_uid *, size_t);

#endif
