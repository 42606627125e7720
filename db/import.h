/*
 * import.h -- applying imported meetings to the store, shared by
 * `carecal import`, `carecal init --demo` and the TUI.
 */
#ifndef CARECAL_IMPORT_H
#define CARECAL_IMPORT_H

#include <stdio.h>

#include "catalog.h"
#include "import-plan.h"
#include "store.h"

/* A UID of a deleted meeting brings it back (else it is skipped). */
#define IMPORT_RESTORE_DELETED	0x1
/*
 * Count in result->warned the meetings added or updated that `add` or
 * `edit` would warn of (store_meeting_warnings): one query more each.
 */
#define IMPORT_WARN		0x2

/*
 * Decide and apply every item inside the caller's transaction; with a
 * report stream, print one line per item that changes something. The
 * caller commits, or rolls back for a dry run. flags: IMPORT_*.
 */
int	import_apply(struct store *, const struct catalog *,
	    struct import_item *, size_t, const char *, FILE *, int,
	    struct import_result *, struct error *);
/* Read a CSV file of meetings and apply it (see import_apply). */
int	import_csv_file(struct store *, const struct catalog *, const char *,
	    FILE *, struct import_result *, struct error *);
int	import_csv_file_with(struct store *, const struct catalog *,
	    const char *, FILE *, int, struct import_result *,
	    struct error *);

#endif
