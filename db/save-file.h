/*
 * save-file.h -- writing a file the user named (a report, a calendar)
 * so that a failure never leaves half of it, a device stays a device,
 * and neither the database nor a file planted by someone else is ever
 * written over.
 */
#ifndef CARECAL_SAVE_FILE_H
#define CARECAL_SAVE_FILE_H

#include <stdio.h>

#include "error.h"
#include "store.h"

#define SAVE_PRIVATE	0x1	/* private notes inside: 0600, or 0660 in
				   the sharing group, whatever the umask */

/*
 * Write path with write(fp, arg, err) into a new temporary file beside
 * it (O_EXCL, never through a link), synced and renamed over path when
 * complete; a terminal, /dev/null or a FIFO of one's own is written in
 * place. Refused (ERROR_INPUT, nothing written): the database of store
 * (NULL: none), its -wal, -shm or -journal (found by identity, not by
 * name), any other SQLite database or write-ahead log (by its header),
 * a symbolic link, a file someone else owns and this user may not
 * write, a device or FIFO of another user. 0, or -1 with err naming
 * the file.
 */
int	save_file(struct store *, const char *, int,
	    int (*)(FILE *, void *, struct error *), void *, struct error *);
/*
 * The checks of save_file alone, for a command that writes many files
 * and must refuse before the first: 0 when path may be written.
 */
int	save_file_check(struct store *, const char *, struct error *);

#endif
