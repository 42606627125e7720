/*
 * save-file.c -- writing a file the user asked for (a summary, a
 * calendar) through a temporary file beside it, renamed over it only
 * when complete: a failure never leaves half a file behind.
 *
 * In a directory others share, what is at the name may not be what the
 * user thinks: the database itself (a hard link, or its -wal file), a
 * symbolic link planted to another user's file, someone else's file, a
 * FIFO someone else reads. Each is looked at before anything is written
 * and refused; the temporary file is made with O_EXCL (mkstemp), and a
 * name that was free is taken without replacing what may have appeared
 * there meanwhile (RENAME_NOREPLACE). A device or a pipe of one's own
 * (/dev/null, a terminal, a FIFO) is written as it is: renaming over it
 * would replace /dev/null with a regular file.
 */
#include <sys/stat.h>

#include <errno.h>
#include <fcntl.h>
#include <grp.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include "alloc.h"
#include "i18n.h"
#include "save-file.h"

/* What is at the path before anything is written. */
struct target {
	int		exists;
	struct stat	st;		/* lstat */
};

static int
same_file(const struct stat *a, const struct stat *b)
{
	return a->st_dev == b->st_dev && a->st_ino == b->st_ino;
}

/* The directory part of path ("." for none), malloc'd, and its name. */
static char *
split_path(const char *path, const char **name)
{
	const char	*slash = strrchr(path, '/');

	if (slash == NULL) {
		*name = path;
		return xstrdup(".");
	}
	*name = slash + 1;
	if (slash == path)
		return xstrdup("/");
	return xstrndup(path, (size_t)(slash - path));
}

static const char *const database_files[] = { "", "-wal", "-shm",
    "-journal" };
#define NDATABASE_FILES	(sizeof database_files / sizeof database_files[0])

/*
 * 1 if path is the database db, its -wal, -shm or -journal: the same
 * file (a hard link too, or a link to it), or, for a name not taken
 * yet, the same name in the same directory (SQLite would take a -wal
 * made there for its own).
 */
static int
is_database_at(const char *db, const char *path, const struct target *t)
{
	struct stat	 dst, pst, dirst, pdirst;
	char		*name, *ddir, *pdir;
	const char	*dbase, *pbase;
	size_t		 i, len;
	int		 found = 0, followed;

	followed = t->exists && stat(path, &pst) == 0;
	len = strlen(db) + sizeof "-journal";
	name = xmalloc(len);
	for (i = 0; i < NDATABASE_FILES && !found; i++) {
		snprintf(name, len, "%s%s", db, database_files[i]);
		if (stat(name, &dst) == -1)
			continue;
		found = (t->exists && same_file(&t->st, &dst)) ||
		    (followed && same_file(&pst, &dst));
	}
	free(name);
	if (found || t->exists)
		return found;
	ddir = split_path(db, &dbase);
	pdir = split_path(path, &pbase);
	if (stat(ddir, &dirst) == 0 && stat(pdir, &pdirst) == 0 &&
	    same_file(&dirst, &pdirst)) {
		len = strlen(dbase);
		for (i = 0; i < NDATABASE_FILES && !found; i++)
			found = strncmp(pbase, dbase, len) == 0 &&
			    strcmp(pbase + len, database_files[i]) == 0;
	}
	free(ddir);
	free(pdir);
	return found;
}

/* SQLite keeps the -wal beside the file a link to the database names. */
static int
is_database(const char *db, const char *path, const struct target *t)
{
	char	*real;
	int	 found;

	if ((found = is_database_at(db, path, t)) ||
	    (real = realpath(db, NULL)) == NULL)
		return found;
	found = strcmp(real, db) != 0 && is_database_at(real, path, t);
	free(real);
	return found;
}

/*
 * 1 if the open file begins as an SQLite database, write-ahead log or
 * WAL index does (by their headers, whatever the name), 0 if not, -1
 * if it cannot be read.
 */
static int
has_sqlite_header(int fd)
{
	unsigned char	h[100];
	uint32_t	magic, index[2];
	ssize_t		n;

	if ((n = pread(fd, h, sizeof h, 0)) == -1)
		return -1;
	if (n >= 16 && memcmp(h, "SQLite format 3", 16) == 0)
		return 1;
	if (n >= 32) {
		/* the WAL header, big-endian; the index, native, twice */
		magic = (uint32_t)h[0] << 24 | (uint32_t)h[1] << 16 |
		    (uint32_t)h[2] << 8 | h[3];
		if (magic == 0x377f0682 || magic == 0x377f0683)
			return 1;
	}
	if (n >= 52) {
		memcpy(&index[0], h, 4);
		memcpy(&index[1], h + 48, 4);
		if (index[0] == 3007000 && index[1] == 3007000)
			return 1;
	}
	return 0;
}

/* Refuse what must not be written over; 0 when path may be written. */
static int
check_target(struct store *store, const char *path, struct target *t,
    struct error *err)
{
	int	fd, rc;

	memset(t, 0, sizeof *t);
	if (lstat(path, &t->st) == 0)
		t->exists = 1;
	else if (errno != ENOENT)
		return error_set(err, ERROR_FAILURE, "%s: %s", path,
		    strerror(errno));
	if (store != NULL && is_database(store_path(store), path, t))
		return error_set(err, ERROR_INPUT, _("%s: is the database %s "
		    "or its -wal or -shm file; nothing written"), path,
		    store_path(store));
	if (!t->exists)
		return 0;
	if (S_ISLNK(t->st.st_mode))
		return error_set(err, ERROR_INPUT, _("%s: is a symbolic link; "
		    "not followed, nothing written (name the file itself)"),
		    path);
	if (S_ISDIR(t->st.st_mode))
		return error_set(err, ERROR_INPUT, "%s: %s", path,
		    strerror(EISDIR));
	if (S_ISCHR(t->st.st_mode) || S_ISFIFO(t->st.st_mode)) {
		if (t->st.st_uid != geteuid() && t->st.st_uid != 0)
			return error_set(err, ERROR_INPUT, _("%s: a device or "
			    "pipe of another user; nothing written"), path);
		return 0;
	}
	if (!S_ISREG(t->st.st_mode))
		return error_set(err, ERROR_INPUT, _("%s: not a regular "
		    "file, a terminal or a pipe; nothing written"), path);
	if (t->st.st_uid != geteuid() &&
	    faccessat(AT_FDCWD, path, W_OK, AT_EACCESS) == -1)
		return error_set(err, ERROR_INPUT, _("%s: belongs to another "
		    "user and you may not write it; not replaced"), path);
	if ((fd = open(path, O_RDONLY | O_NOFOLLOW | O_NONBLOCK |
	    O_CLOEXEC)) == -1)
		return error_set(err, ERROR_FAILURE, _("%s: cannot read it to "
		    "make sure it is no database: %s"), path, strerror(errno));
	rc = has_sqlite_header(fd);
	close(fd);
	if (rc == -1)
		return error_set(err, ERROR_FAILURE, _("%s: cannot read it to "
		    "make sure it is no database: %s"), path, strerror(errno));
	if (rc == 1)
		return error_set(err, ERROR_INPUT, _("%s: is an SQLite "
		    "database; nothing written (name another file)"), path);
	return 0;
}

/* A device or FIFO: written as it is, never truncated or replaced. */
static int
write_in_place(const char *path, const struct target *t,
    int (*write)(FILE *, void *, struct error *), void *arg,
    struct error *err)
{
	struct stat	 st;
	FILE		*fp;
	int		 fd, rc;

	if ((fd = open(path, O_WRONLY | O_NOFOLLOW | O_NOCTTY |
	    O_CLOEXEC)) == -1)
		return error_set(err, ERROR_FAILURE, "%s: %s", path,
		    strerror(errno));
	if (fstat(fd, &st) == -1 || !same_file(&st, &t->st) ||
	    S_ISREG(st.st_mode)) {
		close(fd);
		return error_set(err, ERROR_FAILURE, _("%s: changed while it "
		    "was being written; nothing written"), path);
	}
	if ((fp = fdopen(fd, "wb")) == NULL) {
		close(fd);
		return error_set(err, ERROR_FAILURE, "%s: %s", path,
		    strerror(errno));
	}
	if ((rc = write(fp, arg, err)) == -1)
		error_prefix(err, "%s: ", path);
	if (fclose(fp) == EOF && rc == 0)
		rc = error_set(err, ERROR_FAILURE, "%s: %s", path,
		    strerror(errno));
	return rc;
}

/*
 * The new file's mode: the usual one for a document to share, or, with
 * private notes in it, 0600 whatever the umask (0660 and the sharing
 * group when the database has one and the group can be given).
 */
static int
set_mode(int fd, struct store *store, int flags)
{
	const char	*name;
	struct group	*gr;
	mode_t		 mask;

	if (!(flags & SAVE_PRIVATE)) {
		mask = umask(0);
		umask(mask);
		return fchmod(fd, 0666 & ~mask);
	}
	if (store != NULL && (name = store_group(store)) != NULL &&
	    (gr = getgrnam(name)) != NULL && fchown(fd, (uid_t)-1,
	    gr->gr_gid) == 0)
		return fchmod(fd, 0660);
	return fchmod(fd, 0600);
}

/* tmp to path: over the file checked, or to a name still free. */
static int
put_in_place(const char *tmp, const char *path, const struct target *t,
    struct error *err)
{
	struct stat	st;

	if (!t->exists) {
		if (renameat2(AT_FDCWD, tmp, AT_FDCWD, path,
		    RENAME_NOREPLACE) == 0)
			return 0;
		if (errno == EEXIST)
			return error_set(err, ERROR_FAILURE, _("%s: appeared "
			    "while it was being written; not replaced"),
			    path);
		if (errno != EINVAL && errno != ENOSYS)
			return error_set(err, ERROR_FAILURE, "%s: %s", path,
			    strerror(errno));
		/* a file system without it: a link fails on a taken name */
		if (link(tmp, path) == 0) {
			unlink(tmp);
			return 0;
		}
		if (errno == EEXIST)
			return error_set(err, ERROR_FAILURE, _("%s: appeared "
			    "while it was being written; not replaced"),
			    path);
	} else if (lstat(path, &st) == -1 || !same_file(&st, &t->st) ||
	    !S_ISREG(st.st_mode))
		return error_set(err, ERROR_FAILURE, _("%s: changed while it "
		    "was being written; not replaced"), path);
	if (rename(tmp, path) == -1)
		return error_set(err, ERROR_FAILURE, "%s: %s", path,
		    strerror(errno));
	return 0;
}

/* The rename lasts: the directory's entry is on disk too. */
static void
sync_directory(const char *path)
{
	const char	*name;
	char		*dir = split_path(path, &name);
	int		 fd;

	if ((fd = open(dir, O_RDONLY | O_DIRECTORY | O_CLOEXEC)) != -1) {
		fsync(fd);
		close(fd);
	}
	free(dir);
}

int
save_file_check(struct store *store, const char *path, struct error *err)
{
	struct target	t;

	return check_target(store, path, &t, err);
}

int
save_file(struct store *store, const char *path, int flags,
    int (*write)(FILE *, void *, struct error *), void *arg,
    struct error *err)
{
	struct target	 t;
	FILE		*fp;
	char		*tmp;
	size_t		 len = strlen(path) + sizeof ".XXXXXX";
	int		 fd, rc;

	if (check_target(store, path, &t, err) == -1)
		return -1;
	if (t.exists && !S_ISREG(t.st.st_mode))
		return write_in_place(path, &t, write, arg, err);
	tmp = xmalloc(len);
	snprintf(tmp, len, "%s.XXXXXX", path);
	if ((fd = mkstemp(tmp)) == -1) {
		rc = error_set(err, ERROR_FAILURE, "%s: %s", path,
		    strerror(errno));
		free(tmp);
		return rc;
	}
	if (set_mode(fd, store, flags) == -1 ||
	    (fp = fdopen(fd, "wb")) == NULL) {
		rc = error_set(err, ERROR_FAILURE, "%s: %s", path,
		    strerror(errno));
		close(fd);
		unlink(tmp);
		free(tmp);
		return rc;
	}
	if ((rc = write(fp, arg, err)) == -1)
		error_prefix(err, "%s: ", path);
	if ((fflush(fp) == EOF || ferror(fp) || fsync(fileno(fp)) == -1) &&
	    rc == 0)
		rc = error_set(err, ERROR_FAILURE, "%s: %s", path,
		    strerror(errno));
	if (fclose(fp) == EOF && rc == 0)
		rc = error_set(err, ERROR_FAILURE, "%s: %s", path,
		    strerror(errno));
	if (rc == 0)
		rc = put_in_place(tmp, path, &t, err);
	if (rc != 0)
		unlink(tmp);
	else
		sync_directory(path);
	free(tmp);
	return rc;
}
