/*
 * store-vfs.c -- the files SQLite makes beside a database (its -wal, -shm
 * and -journal) get the database's mode as they are created.
 *
 * SQLite's unix VFS creates them with the database's mode, through the
 * umask, and only then fchmods them to that mode. Between the two, a
 * -wal or -shm of a shared (0660) database made by a user whose umask
 * is 077 is 0600: another member of the group cannot open it ("unable to
 * open database file"), or opens the -shm read-only ("attempt to write
 * a readonly database"); and a process killed there leaves it so for
 * good. The unix VFS lets its open(2) be replaced: this one clears the
 * umask for those creations alone, so that the file has its mode from
 * the moment it has a name. carecal runs no threads: the umask is
 * nobody else's meanwhile.
 */
#include <sys/stat.h>
#include <sys/types.h>

#include <errno.h>
#include <fcntl.h>
#include <string.h>

#include "store-private.h"

static int
is_companion(const char *path)
{
	static const char	*suffixes[] = { "-wal", "-shm", "-journal" };
	size_t			 i, len = strlen(path), n;

	for (i = 0; i < sizeof suffixes / sizeof suffixes[0]; i++) {
		n = strlen(suffixes[i]);
		if (len > n && strcmp(path + len - n, suffixes[i]) == 0)
			return 1;
	}
	return 0;
}

/* As SQLite's own: open(2) with these arguments. */
static int
open_companion(const char *path, int flags, int mode)
{
	mode_t	mask;
	int	fd, saved;

	if (!(flags & O_CREAT) || !is_companion(path))
		return open(path, flags, (mode_t)mode);
	mask = umask(0);
	fd = open(path, flags, (mode_t)mode);
	saved = errno;
	umask(mask);
	errno = saved;
	return fd;
}

void
store_vfs_init(void)
{
	static int	 done;
	sqlite3_vfs	*vfs;

	if (done)
		return;
	done = 1;
	/*
	 * Another VFS (or a unix VFS that cannot replace its calls) keeps
	 * SQLite's own open and fchmod.
	 */
	if (sqlite3_initialize() != SQLITE_OK ||
	    (vfs = sqlite3_vfs_find(NULL)) == NULL || vfs->iVersion < 3 ||
	    vfs->xSetSystemCall == NULL || strncmp(vfs->zName, "unix", 4) != 0)
		return;
	vfs->xSetSystemCall(vfs, "open", (sqlite3_syscall_ptr)open_companion);
}
