/*
 * store-file.c -- the files the store makes (a new database, a backup,
 * the copies kept before an upgrade or a restore): each is built in a
 * private directory beside its name, where nobody can plant a link or
 * meet it half-written, and put under its name only once complete, never
 * over a file carecal did not make (unless the user said to replace it).
 */
#include <sys/stat.h>
#include <sys/types.h>

#include <errno.h>
#include <fcntl.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include "alloc.h"
#include "i18n.h"
#include "store-private.h"

/* What SQLite may leave beside a database it had open. */
static const char	*companions[] = { "-journal", "-wal", "-shm" };

int
store_file_begin(struct store_file *f, const char *final, gid_t gid,
    mode_t mode, struct error *err)
{
	size_t	len = strlen(final) + sizeof ".tmp-XXXXXX";
	int	fd;

	memset(f, 0, sizeof *f);
	/* mkdtemp makes it 0700: nobody else can add anything inside */
	f->dir = xmalloc(len);
	snprintf(f->dir, len, "%s.tmp-XXXXXX", final);
	if (mkdtemp(f->dir) == NULL) {
		error_set(err, ERROR_FAILURE, _("%s: cannot create: %s"),
		    final, strerror(errno));
		free(f->dir);
		f->dir = NULL;
		return -1;
	}
	len = strlen(f->dir) + sizeof "/new.db";
	f->path = xmalloc(len);
	snprintf(f->path, len, "%s/new.db", f->dir);
	fd = open(f->path, O_WRONLY | O_CREAT | O_EXCL | O_NOFOLLOW |
	    O_CLOEXEC, 0600);
	if (fd == -1) {
		error_set(err, ERROR_FAILURE, _("%s: cannot create: %s"),
		    f->path, strerror(errno));
		store_file_discard(f);
		return -1;
	}
	/* the mode exactly, whatever the umask */
	if ((gid != (gid_t)-1 && fchown(fd, (uid_t)-1, gid) == -1) ||
	    fchmod(fd, mode) == -1) {
		error_set(err, ERROR_FAILURE, _("%s: cannot give it mode %04o: "
		    "%s"), f->path, (unsigned)mode, strerror(errno));
		close(fd);
		store_file_discard(f);
		return -1;
	}
	close(fd);
	return 0;
}

/* Make sure a rename within dir survives a power cut. */
static void
store_sync_directory_of(const char *path)
{
	char	*dir = xstrdup(path), *slash;
	int	 fd;

	if ((slash = strrchr(dir, '/')) == NULL)
		snprintf(dir, 2, ".");
	else
		slash[slash == dir] = '\0';
	if ((fd = open(dir, O_RDONLY | O_DIRECTORY | O_CLOEXEC)) != -1) {
		fsync(fd);
		close(fd);
	}
	free(dir);
}

/*
 * renameat2 refuses to replace; where the file system cannot (EINVAL),
 * a hard link does the same: link(2) never follows a link at its new
 * name and fails if the name exists.
 */
static int
rename_noreplace(const char *from, const char *to)
{
#ifdef RENAME_NOREPLACE
	if (renameat2(AT_FDCWD, from, AT_FDCWD, to, RENAME_NOREPLACE) == 0)
		return 0;
	if (errno != EINVAL && errno != ENOSYS && errno != ENOTSUP)
		return -1;
#endif
	if (link(from, to) == -1)
		return -1;
	unlink(from);
	return 0;
}

/*
 * renameat2 refuses to replace; where the file system cannot, rename(2)
 * would replace an empty directory at to: it is looked for first (one
 * made in between, empty, would be replaced by one just like it).
 */
static int
rename_directory_noreplace(const char *from, const char *to)
{
	struct stat	st;

#ifdef RENAME_NOREPLACE
	if (renameat2(AT_FDCWD, from, AT_FDCWD, to, RENAME_NOREPLACE) == 0)
		return 0;
	if (errno != EINVAL && errno != ENOSYS && errno != ENOTSUP)
		return -1;
#endif
	if (lstat(to, &st) == 0) {
		errno = EEXIST;
		return -1;
	}
	if (errno != ENOENT)
		return -1;
	return rename(from, to);
}

/*
 * A new directory at path, with mode and (gid not -1) group from the
 * moment it has that name: made under a temporary name beside it and
 * renamed, so that a process killed halfway leaves at most an empty
 * directory of its own aside, never one at path that the group cannot
 * use. -1 with errno EEXIST when path exists.
 */
int
store_file_mkdir(const char *path, gid_t gid, mode_t mode)
{
	size_t	 len = strlen(path) + sizeof ".tmp-XXXXXX";
	char	*tmp = xmalloc(len);
	int	 fd, rc = -1, saved;

	snprintf(tmp, len, "%s.tmp-XXXXXX", path);
	if (mkdtemp(tmp) == NULL) {
		free(tmp);
		return -1;
	}
	/* by its descriptor: the name is in a directory others may share */
	fd = open(tmp, O_RDONLY | O_DIRECTORY | O_NOFOLLOW | O_CLOEXEC);
	if (fd != -1 && (gid == (gid_t)-1 || fchown(fd, (uid_t)-1,
	    gid) == 0) && fchmod(fd, mode) == 0)
		rc = rename_directory_noreplace(tmp, path);
	saved = errno;
	if (fd != -1)
		close(fd);
	if (rc == -1)
		rmdir(tmp);
	free(tmp);
	errno = saved;
	return rc;
}

int
store_file_put(struct store_file *f, const char *final, int replace,
    struct error *err)
{
	int	rc;

	rc = replace ? rename(f->path, final) :
	    rename_noreplace(f->path, final);
	if (rc == -1 && errno == EEXIST) {
		error_set(err, ERROR_INPUT, _("%s: exists; not overwritten"),
		    final);
		return 1;
	}
	if (rc == -1)
		return error_set(err, ERROR_FAILURE, _("%s: cannot rename to "
		    "%s: %s"), f->path, final, strerror(errno));
	store_sync_directory_of(final);
	store_file_discard(f);
	return 0;
}

void
store_file_discard(struct store_file *f)
{
	char	name[4096];
	size_t	i;

	if (f->path != NULL) {
		unlink(f->path);
		for (i = 0; i < sizeof companions / sizeof companions[0]; i++) {
			snprintf(name, sizeof name, "%s%s", f->path,
			    companions[i]);
			unlink(name);
		}
	}
	if (f->dir != NULL)
		rmdir(f->dir);
	free(f->path);
	free(f->dir);
	memset(f, 0, sizeof *f);
}
