/*
 * store.c -- opening the database the one safe way, transactions,
 * settings and change detection.
 */
#include <sys/stat.h>
#include <sys/types.h>

#include <dirent.h>
#include <errno.h>
#include <fcntl.h>
#include <grp.h>
#include <limits.h>
#include <pwd.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include "alloc.h"
#include "i18n.h"
#include "schema.h"
#include "store-private.h"

#define BUSY_TIMEOUT_MS	10000

int
store_error(struct store *s, const char *doing, struct error *err)
{
	int	code = sqlite3_extended_errcode(s->db);

	/* a CHECK or trigger refusing bad data is the input's fault */
	if ((code & 0xff) == SQLITE_CONSTRAINT)
		return error_set(err, ERROR_INPUT, _("%s: refused by the "
		    "database: %s"), doing, sqlite3_errmsg(s->db));
	if ((code & 0xff) == SQLITE_BUSY)
		return error_set(err, ERROR_FAILURE, _("%s: the database "
		    "stayed locked by another user for %d seconds; try "
		    "again"), doing, BUSY_TIMEOUT_MS / 1000);
	return error_set(err, ERROR_FAILURE, "%s: %s", doing,
	    sqlite3_errmsg(s->db));
}

sqlite3_stmt *
store_statement(struct store *s, enum store_statement which, const char *sql,
    struct error *err)
{
	sqlite3_stmt	*st = s->cached[which];

	if (st == NULL) {
		if (sqlite3_prepare_v3(s->db, sql, -1,
		    SQLITE_PREPARE_PERSISTENT, &st, NULL) != SQLITE_OK) {
			store_error(s, _("preparing a query"), err);
			return NULL;
		}
		s->cached[which] = st;
	}
	sqlite3_reset(st);
	sqlite3_clear_bindings(st);
	return st;
}

static int
exec_plain(struct store *s, const char *sql, struct error *err)
{
	if (sqlite3_exec(s->db, sql, NULL, NULL, NULL) != SQLITE_OK)
		return store_error(s, s->path, err);
	return 0;
}

static char *
login_name(void)
{
	struct passwd	*pw;
	const char	*name;

	if ((pw = getpwuid(geteuid())) != NULL && pw->pw_name != NULL)
		return xstrdup(pw->pw_name);
	if ((name = getenv("LOGNAME")) != NULL && *name != '\0')
		return xstrdup(name);
	return xstrdup("unknown");
}

/*
 * mkdir -p for the database's parents: private to the user, or for a
 * shared database (gid not -1) setgid and writable by that group.
 */
static int
make_parents(const char *path, gid_t gid, struct error *err)
{
	struct stat	 st;
	char		*copy = xstrdup(path), *p;
	mode_t		 mode = gid == (gid_t)-1 ? 0700 : 02770;

	for (p = copy + 1; (p = strchr(p, '/')) != NULL; p++) {
		*p = '\0';
		if (stat(copy, &st) == -1 && (errno != ENOENT ||
		    (store_file_mkdir(copy, gid, mode) == -1 &&
		    errno != EEXIST)))
			goto fail;
		*p = '/';
	}
	free(copy);
	return 0;
fail:
	error_set(err, ERROR_FAILURE, _("%s: cannot create directory: %s"),
	    copy, strerror(errno));
	free(copy);
	return -1;
}

/*
 * A new database is built under a temporary name beside path (see
 * store_publish): 0600, or 0660 in group gid when gid is not -1. Any
 * file at path, even empty, even a link, is left alone.
 */
static int
new_file(struct store *s, gid_t gid, struct error *err)
{
	struct stat	st;

	if (lstat(s->path, &st) == 0)
		return error_set(err, ERROR_INPUT, _("%s: a file already "
		    "exists there; not overwritten"), s->path);
	if (errno != ENOENT)
		return error_set(err, ERROR_FAILURE, "%s: %s", s->path,
		    strerror(errno));
	if (make_parents(s->path, gid, err) == -1)
		return -1;
	return store_file_begin(&s->creating, s->path, gid,
	    gid == (gid_t)-1 ? 0600 : 0660, err);
}

static int
in_group(gid_t gid)
{
	gid_t	groups[NGROUPS_MAX + 1];
	int	n, i;

	if (geteuid() == 0 || getegid() == gid)
		return 1;
	n = getgroups(NGROUPS_MAX + 1, groups);
	for (i = 0; i < n; i++)
		if (groups[i] == gid)
			return 1;
	return 0;
}

static int
directory_is_empty(const char *path)
{
	DIR		*d;
	struct dirent	*e;
	int		 empty = 1;

	if ((d = opendir(path)) == NULL)
		return 0;
	while (empty && (e = readdir(d)) != NULL)
		if (strcmp(e->d_name, ".") != 0 &&
		    strcmp(e->d_name, "..") != 0)
			empty = 0;
	closedir(d);
	return empty;
}

/*
 * The directory of a shared database: setgid, so that the -wal and -shm
 * SQLite creates there belong to the group, and writable by the group,
 * so that members can create them. An existing directory is changed only
 * when it is ours and empty: making a home directory group-writable
 * would hand it to the group.
 */
static int
shared_directory(const char *path, const char *group, gid_t gid,
    struct error *err)
{
	struct stat	 st;
	char		*dir = xstrdup(path), *slash;
	const mode_t	 want = S_ISGID | S_IRWXG;

	if ((slash = strrchr(dir, '/')) == NULL) {
		free(dir);
		dir = xstrdup(".");
	} else if (slash == dir)
		slash[1] = '\0';
	else
		*slash = '\0';
	if (stat(dir, &st) == -1) {
		error_set(err, ERROR_FAILURE, "%s: %s", dir, strerror(errno));
		goto fail;
	}
	if (st.st_mode & S_IWOTH) {
		error_set(err, ERROR_INPUT, _("%s: any user can write in this "
		    "directory; a shared database needs a directory of its "
		    "own"), dir);
		goto fail;
	}
	if (st.st_gid == gid && (st.st_mode & want) == want)
		goto done;
	if (st.st_uid != geteuid() || !directory_is_empty(dir)) {
		error_set(err, ERROR_INPUT, _("%s: a shared database needs a "
		    "directory of its own, in group %s, setgid and writable "
		    "by the group. Name a new directory, or have its owner "
		    "run: chgrp %s '%s' && chmod 2770 '%s'"), dir, group,
		    group, dir, dir);
		goto fail;
	}
	if (chown(dir, (uid_t)-1, gid) == -1 ||
	    chmod(dir, (st.st_mode & 07777) | want) == -1) {
		error_set(err, ERROR_FAILURE, _("%s: cannot give it to group "
		    "%s: %s"), dir, group, strerror(errno));
		goto fail;
	}
done:
	free(dir);
	return 0;
fail:
	free(dir);
	return -1;
}

static int
new_shared_file(struct store *s, const char *group, struct error *err)
{
	struct group	*gr;
	gid_t		 gid;

	if ((gr = getgrnam(group)) == NULL)
		return error_set(err, ERROR_INPUT, _("--group: no group '%s' "
		    "on this host"), group);
	gid = gr->gr_gid;
	if (!in_group(gid))
		return error_set(err, ERROR_INPUT, _("--group: you are not "
		    "in group '%s'"), group);
	if (make_parents(s->path, gid, err) == -1 ||
	    shared_directory(s->path, group, gid, err) == -1)
		return -1;
	return new_file(s, gid, err);
}

static const char *
user_name(uid_t uid, char *buf, size_t size)
{
	struct passwd	*pw = getpwuid(uid);

	if (pw != NULL && pw->pw_name != NULL)
		return pw->pw_name;
	snprintf(buf, size, "%lu", (unsigned long)uid);
	return buf;
}

static const char *
group_name(gid_t gid, char *buf, size_t size)
{
	struct group	*gr = getgrgid(gid);

	if (gr != NULL && gr->gr_name != NULL)
		return gr->gr_name;
	snprintf(buf, size, "%lu", (unsigned long)gid);
	return buf;
}

/* One of the database's files; see store_check_permissions. */
static int
check_one_file(const char *path, const struct stat *st, const char *group,
    struct error *err)
{
	struct group	*gr;
	char		 buf[32];
	unsigned	 mode = st->st_mode & 07777;

	if (st->st_mode & S_IWOTH)
		return error_set(err, ERROR_FAILURE, _("%s: any user on this "
		    "host can write it (mode %04o); not opened. Make it "
		    "private with chmod 600, or share it with a group using "
		    "'carecal init --group'"), path, mode);
	if (group == NULL) {
		if (st->st_mode & S_IWGRP)
			return error_set(err, ERROR_FAILURE, _("%s: group %s "
			    "can write it (mode %04o), but it is not a shared "
			    "database; not opened. Make it private with chmod "
			    "600, or share a new one with 'carecal init "
			    "--group'"), path, group_name(st->st_gid, buf,
			    sizeof buf), mode);
		if (st->st_uid != geteuid() && st->st_uid != 0)
			return error_set(err, ERROR_FAILURE,
			    _("%s: it belongs to user %s, who can change it "
			    "under you, and it is not a shared database; not "
			    "opened"), path, user_name(st->st_uid, buf,
			    sizeof buf));
		return 0;
	}
	if ((gr = getgrnam(group)) == NULL)
		return error_set(err, ERROR_FAILURE, _("%s: shared with group "
		    "%s, which this host does not have; not opened"), path,
		    group);
	if (st->st_gid != gr->gr_gid && (st->st_mode & S_IWGRP))
		return error_set(err, ERROR_FAILURE, _("%s: shared with group "
		    "%s, but group %s can write it; not opened. Its owner can "
		    "fix it: chgrp %s '%s'"), path, group,
		    group_name(st->st_gid, buf, sizeof buf), group, path);
	return 0;
}

int
store_check_permissions(const char *path, const char *group,
    struct error *err)
{
	static const char	*suffixes[] = { "", "-wal", "-shm" };
	struct stat		 st;
	char			 name[4096];
	size_t			 i;

	for (i = 0; i < sizeof suffixes / sizeof suffixes[0]; i++) {
		snprintf(name, sizeof name, "%s%s", path, suffixes[i]);
		if (stat(name, &st) == -1) {
			if (errno == ENOENT && i > 0)
				continue;
			return error_set(err, ERROR_FAILURE, "%s: %s", name,
			    strerror(errno));
		}
		if (check_one_file(name, &st, group, err) == -1)
			return -1;
	}
	return 0;
}

/*
 * The settings say whether the database is shared, so this runs once it
 * is open and before anything is written to it.
 */
static int
check_sharing(struct store *s, int fresh, struct error *err)
{
	sqlite3_stmt	*st;
	int		 rc;

	if (!fresh) {
		if (sqlite3_prepare_v2(s->db, "SELECT value FROM settings "
		    "WHERE key = 'group'", -1, &st, NULL) != SQLITE_OK)
			return store_error(s, s->path, err);
		rc = sqlite3_step(st);
		if (rc == SQLITE_ROW && sqlite3_column_text(st, 0) != NULL)
			s->group = xstrdup((const char *)
			    sqlite3_column_text(st, 0));
		sqlite3_finalize(st);
		if (rc != SQLITE_ROW && rc != SQLITE_DONE)
			return store_error(s, s->path, err);
	}
	return store_check_permissions(s->path, s->group, err);
}

static int
check_file(const char *path, struct error *err)
{
	struct stat	st;

	if (stat(path, &st) == -1) {
		if (errno == ENOENT)
			return error_set(err, ERROR_FAILURE, _("%s: no "
			    "database there; create one with 'carecal init' "
			    "or name another with --db"), path);
		return error_set(err, ERROR_FAILURE, "%s: %s", path,
		    strerror(errno));
	}
	if (!S_ISREG(st.st_mode))
		return error_set(err, ERROR_INPUT, _("%s: not a regular file"),
		    path);
	if (st.st_mode & S_IWOTH)
		return error_set(err, ERROR_FAILURE, _("%s: any user on this "
		    "host can write it (mode %04o); not opened. Make it "
		    "private with chmod 600, or share it with a group using "
		    "'carecal init --group'"), path,
		    (unsigned)(st.st_mode & 07777));
	/* a shared file is group-writable; the settings tell, once open */
	if (!(st.st_mode & S_IWGRP))
		return check_one_file(path, &st, NULL, err);
	return 0;
}

/* Which of the database's files we may not open to read and write. */
static int
unopenable(struct store *s, struct error *err)
{
	static const char	*suffixes[] = { "", "-wal", "-shm" };
	struct stat		 st;
	char			 name[4096], buf[32];
	size_t			 i;
	int			 e;

	for (i = 0; i < sizeof suffixes / sizeof suffixes[0]; i++) {
		snprintf(name, sizeof name, "%s%s", s->path, suffixes[i]);
		if (access(name, R_OK | W_OK) == 0 || errno == ENOENT)
			continue;
		e = errno;
		if (stat(name, &st) == -1)
			break;
		return error_set(err, ERROR_FAILURE, _("%s: cannot open %s "
		    "(user %s's, mode %04o): %s; not opened"), s->path, name,
		    user_name(st.st_uid, buf, sizeof buf),
		    (unsigned)(st.st_mode & 07777), strerror(e));
	}
	return 0;
}

/* The database must be ours: a fresh file, or one with our application id. */
static int
check_identity(struct store *s, int *fresh, struct error *err)
{
	sqlite3_stmt	*st;
	int		 app = 0, tables = 0, rc, code;

	if (sqlite3_prepare_v2(s->db, "SELECT (SELECT application_id FROM "
	    "pragma_application_id), (SELECT count(*) FROM sqlite_schema)",
	    -1, &st, NULL) != SQLITE_OK)
		goto notours;
	rc = sqlite3_step(st);
	if (rc == SQLITE_ROW) {
		app = sqlite3_column_int(st, 0);
		tables = sqlite3_column_int(st, 1);
	}
	sqlite3_finalize(st);
	if (rc != SQLITE_ROW)
		goto notours;
	*fresh = tables == 0;
	if (app != SCHEMA_APPLICATION_ID && tables != 0)
		return error_set(err, ERROR_INPUT, _("%s: an SQLite database, "
		    "but not a carecal one; not opened"), s->path);
	return 0;
notours:
	code = sqlite3_extended_errcode(s->db) & 0xff;
	/* what cannot be read as a database is not ours */
	if (code == SQLITE_NOTADB || code == SQLITE_CORRUPT)
		return error_set(err, ERROR_INPUT, _("%s: not a carecal "
		    "database (%s)"), s->path, sqlite3_errmsg(s->db));
	/* a -wal or -shm we may not open (another program's) is no proof */
	if ((code == SQLITE_CANTOPEN || code == SQLITE_READONLY) &&
	    unopenable(s, err) == -1)
		return -1;
	return store_error(s, s->path, err);
}

/* The mode and group of a copy of the database: those of its file. */
void
store_copy_mode(struct store *s, gid_t *gid, mode_t *mode)
{
	struct stat	st;

	*gid = (gid_t)-1;
	*mode = 0600;
	/* a shared database's old content stays the group's */
	if (s->group != NULL && stat(s->path, &st) == 0) {
		*gid = st.st_gid;
		*mode = 0660;
	}
}

/*
 * Before an upgrade, keep a whole copy of the old file, inside the
 * upgrade's transaction: nobody changes the file meanwhile, nor makes
 * the copy too. A name already taken (an older copy, or anything anyone
 * put there) is left alone: the next free one is used.
 */
static int
backup_before_upgrade(struct store *s, int version, struct error *err)
{
	struct store_file	 f;
	gid_t			 gid;
	mode_t			 mode;
	char			*path;
	size_t			 len = strlen(s->path) + 48;
	int			 n, rc = 1;

	path = xmalloc(len);
	snprintf(path, len, "%s.schema%d.bak", s->path, version);
	store_copy_mode(s, &gid, &mode);
	if (store_file_begin(&f, path, gid, mode, err) == -1 ||
	    store_copy_into(s, f.path, path, err) == -1) {
		error_prefix(err, _("%s: cannot keep a copy before upgrading: "),
		    s->path);
		store_file_discard(&f);
		free(path);
		return -1;
	}
	for (n = 1; n < 100 && rc == 1; n++) {
		if (n > 1)
			snprintf(path, len, "%s.schema%d-%d.bak", s->path,
			    version, n);
		rc = store_file_put(&f, path, 0, err);
	}
	if (rc != 0) {
		error_prefix(err, _("%s: cannot keep a copy before upgrading: "),
		    s->path);
		store_file_discard(&f);
		free(path);
		return -1;
	}
	s->upgrade_backup = path;
	return 0;
}

/*
 * Upgrade an older schema. The first process to take the write lock
 * upgrades; the others wait for it (the busy timeout), then find the
 * file upgraded and go on with it.
 */
static int
upgrade(struct store *s, int fresh, struct error *err)
{
	int	version;

	if (exec_plain(s, "BEGIN IMMEDIATE", err) == -1)
		return -1;
	if (schema_version(s->db, &version, err) == -1)
		goto fail;
	if (version == SCHEMA_VERSION)
		return exec_plain(s, "COMMIT", err);
	if ((!fresh && backup_before_upgrade(s, version, err) == -1) ||
	    schema_migrate(s->db, s->path, version, err) == -1 ||
	    exec_plain(s, "COMMIT", err) == -1)
		goto fail;
	s->upgraded_from = fresh ? 0 : version;
	return 0;
fail:
	sqlite3_exec(s->db, "ROLLBACK", NULL, NULL, NULL);
	/* the file is as it was: its copy is not needed */
	if (s->upgrade_backup != NULL)
		unlink(s->upgrade_backup);
	free(s->upgrade_backup);
	s->upgrade_backup = NULL;
	return -1;
}

static int
connect_db(struct store *s, const char *file, int flags, struct error *err)
{
	int	oflags = SQLITE_OPEN_READWRITE | SQLITE_OPEN_NOMUTEX;

	if (flags & STORE_READONLY)
		oflags = SQLITE_OPEN_READONLY | SQLITE_OPEN_NOMUTEX;
	store_vfs_init();
	if (sqlite3_open_v2(file, &s->db, oflags, NULL) != SQLITE_OK)
		return error_set(err, ERROR_FAILURE, "%s: %s", s->path,
		    s->db != NULL ? sqlite3_errmsg(s->db) : "out of memory");
	sqlite3_extended_result_codes(s->db, 1);
	sqlite3_busy_timeout(s->db, BUSY_TIMEOUT_MS);
	return 0;
}

/*
 * Turn a file in rollback mode into WAL. That takes the exclusive lock:
 * two processes opening such a file at once each hold a shared lock and
 * want it, and SQLite answers one of them SQLITE_BUSY at once instead of
 * calling the busy handler (it would deadlock). So the busy timeout is
 * kept here by hand; once one has switched, the others find WAL set.
 */
static int
wal_mode(struct store *s, struct error *err)
{
	int	waited, rc;

	for (waited = 0;; waited += 10) {
		rc = sqlite3_exec(s->db, "PRAGMA journal_mode = WAL", NULL,
		    NULL, NULL);
		if (rc == SQLITE_OK)
			return 0;
		if ((rc & 0xff) != SQLITE_BUSY || waited >= BUSY_TIMEOUT_MS)
			return store_error(s, s->path, err);
		sqlite3_sleep(10);
	}
}

/* What every connection sets, once the file is known to be ours. */
static int
configure_db(struct store *s, int flags, struct error *err)
{
	if (exec_plain(s, "PRAGMA foreign_keys = ON", err) == -1)
		return -1;
	/*
	 * Each insert of a large import journals the pages it touches (the
	 * history trigger makes every statement able to fail halfway); on
	 * a temporary file that is two writes per page: in memory, half the
	 * time of importing 100,000 meetings.
	 */
	if (exec_plain(s, "PRAGMA temp_store = MEMORY", err) == -1)
		return -1;
	/*
	 * A large import writes index pages all over (UIDs are random):
	 * with SQLite's default 2 MiB cache, pages went out to the WAL and
	 * were read back many times over. 8 MiB holds the indexes of
	 * 100,000 meetings and keeps a bulk command's memory under 64 MB.
	 */
	if (exec_plain(s, "PRAGMA cache_size = -8192", err) == -1)
		return -1;
	if (!(flags & STORE_READONLY) && (wal_mode(s, err) == -1 ||
	    exec_plain(s, "PRAGMA synchronous = FULL", err) == -1))
		return -1;
	return 0;
}

/* store_open, and store_create_shared when group is not NULL. */
static int
open_store(const char *path, int flags, const char *group,
    struct store **out, struct error *err)
{
	struct store	*s;
	const char	*file = path;
	int		 fresh = 0, version;

	*out = NULL;
	s = xcalloc(1, sizeof *s);
	s->path = xstrdup(path);
	s->login = login_name();
	s->data_version = -1;
	s->flags = flags;
	if (flags & STORE_CREATE) {
		if ((group != NULL ? new_shared_file(s, group, err) :
		    new_file(s, (gid_t)-1, err)) == -1)
			goto fail;
		file = s->creating.path;
	} else if (check_file(path, err) == -1)
		goto fail;
	if (connect_db(s, file, flags, err) == -1 ||
	    check_identity(s, &fresh, err) == -1)
		goto fail;
	if (flags & STORE_CREATE)
		s->group = xstrdup(group);
	else if (check_sharing(s, fresh, err) == -1)
		goto fail;
	/* refused before anything (even WAL mode) touches the file */
	if (schema_version(s->db, &version, err) == -1 ||
	    schema_check_version(version, path, err) == -1)
		goto fail;
	if (!(flags & STORE_CREATE) && fresh) {
		error_set(err, ERROR_INPUT, _("%s: empty, not a carecal "
		    "database; not opened ('carecal init' makes a new one "
		    "where no file is)"), path);
		goto fail;
	}
	if (!fresh && version == 0) {
		error_set(err, ERROR_FAILURE, _("%s: schema version %d is not "
		    "one carecal ever wrote; not opened"), path, version);
		goto fail;
	}
	if (configure_db(s, flags, err) == -1)
		goto fail;
	if (version < SCHEMA_VERSION) {
		if (flags & STORE_READONLY) {
			error_set(err, ERROR_FAILURE, _("%s: needs an upgrade "
			    "of its schema; open it once read-write"), path);
			goto fail;
		}
		if (upgrade(s, fresh, err) == -1)
			goto fail;
	}
	if ((flags & STORE_CREATE) && group != NULL &&
	    store_setting_set(s, "group", group, err) == -1)
		goto fail;
	*out = s;
	return 0;
fail:
	store_close(s);
	return -1;
}

int
store_open(const char *path, int flags, struct store **out,
    struct error *err)
{
	return open_store(path, flags, NULL, out, err);
}

int
store_create_shared(const char *path, const char *group, struct store **out,
    struct error *err)
{
	return open_store(path, STORE_CREATE, group, out, err);
}

static void
forget_statements(struct store *s)
{
	int	i;

	for (i = 0; i < ST_COUNT; i++) {
		sqlite3_finalize(s->cached[i]);
		s->cached[i] = NULL;
	}
}

int
store_publish(struct store *s, struct error *err)
{
	struct stat	 st;
	char		*wal;
	size_t		 len;
	int		 rc;

	if (s->creating.dir == NULL)
		return 0;
	if (s->in_transaction)
		return error_set(err, ERROR_FAILURE, "internal error: "
		    "publishing inside a transaction");
	/* all of it in the file itself, which alone is renamed */
	forget_statements(s);
	if (sqlite3_close(s->db) != SQLITE_OK)
		return error_set(err, ERROR_FAILURE, "%s: %s", s->path,
		    sqlite3_errmsg(s->db));
	s->db = NULL;
	len = strlen(s->creating.path) + sizeof "-wal";
	wal = xmalloc(len);
	snprintf(wal, len, "%s-wal", s->creating.path);
	rc = stat(wal, &st) == 0 && st.st_size > 0;
	free(wal);
	if (rc)
		return error_set(err, ERROR_FAILURE, _("%s: the new database "
		    "could not be written whole; nothing was created"),
		    s->path);
	if (store_file_put(&s->creating, s->path, 0, err) != 0) {
		error_prefix(err, _("nothing was created: "));
		return -1;
	}
	if (connect_db(s, s->path, s->flags & ~STORE_CREATE, err) == -1 ||
	    configure_db(s, s->flags & ~STORE_CREATE, err) == -1)
		return -1;
	return 0;
}

const char *
store_group(const struct store *s)
{
	return s->group;
}

void
store_close(struct store *s)
{
	int	i;

	if (s == NULL)
		return;
	for (i = 0; i < ST_COUNT; i++)
		sqlite3_finalize(s->cached[i]);
	if (s->in_transaction)
		sqlite3_exec(s->db, "ROLLBACK", NULL, NULL, NULL);
	sqlite3_close(s->db);
	/* a new database never published leaves nothing behind */
	store_file_discard(&s->creating);
	free(s->path);
	free(s->login);
	free(s->upgrade_backup);
	free(s->group);
	free(s);
}

const char *
store_path(const struct store *s)
{
	return s->path;
}

int
store_upgraded_from(const struct store *s)
{
	return s->upgraded_from;
}

const char *
store_upgrade_backup(const struct store *s)
{
	return s->upgrade_backup;
}

int
store_begin(struct store *s, const char *command, struct error *err)
{
	sqlite3_stmt	*st;
	int		 rc;

	if (s->in_transaction)
		return error_set(err, ERROR_FAILURE,
		    "internal error: nested transaction");
	if (exec_plain(s, "BEGIN IMMEDIATE", err) == -1)
		return -1;
	s->in_transaction = 1;
	if (sqlite3_prepare_v2(s->db, "INSERT INTO actions (at, login, "
	    "command) VALUES (strftime('%Y-%m-%d %H:%M:%f', 'now'), ?, ?)",
	    -1, &st, NULL) != SQLITE_OK) {
		store_error(s, _("recording the action"), err);
		store_rollback(s);
		return -1;
	}
	sqlite3_bind_text(st, 1, s->login, -1, SQLITE_STATIC);
	sqlite3_bind_text(st, 2, command, -1, SQLITE_STATIC);
	rc = sqlite3_step(st);
	sqlite3_finalize(st);
	if (rc != SQLITE_DONE) {
		store_error(s, _("recording the action"), err);
		store_rollback(s);
		return -1;
	}
	return 0;
}

int
store_commit(struct store *s, struct error *err)
{
	if (exec_plain(s, "COMMIT", err) == -1) {
		store_rollback(s);
		return -1;
	}
	s->in_transaction = 0;
	return 0;
}

void
store_rollback(struct store *s)
{
	if (s->in_transaction)
		sqlite3_exec(s->db, "ROLLBACK", NULL, NULL, NULL);
	s->in_transaction = 0;
}

int
store_changed(struct store *s)
{
	sqlite3_stmt	*st;
	long		 v = -1;

	if (sqlite3_prepare_v2(s->db, "PRAGMA data_version", -1, &st,
	    NULL) != SQLITE_OK)
		return 0;
	if (sqlite3_step(st) == SQLITE_ROW)
		v = sqlite3_column_int64(st, 0);
	sqlite3_finalize(st);
	if (v == s->data_version)
		return 0;
	s->data_version = v;
	return 1;
}

int
store_read_begin(struct store *s, struct error *err)
{
	if (s->in_transaction)
		return error_set(err, ERROR_FAILURE,
		    "internal error: nested transaction");
	if (exec_plain(s, "BEGIN DEFERRED", err) == -1)
		return -1;
	s->in_transaction = 1;
	return 0;
}

void
store_read_end(struct store *s)
{
	/* nothing was written: ending it cannot lose anything */
	store_rollback(s);
}

int
store_last_change(struct store *s, time_t *when, struct error *err)
{
	sqlite3_stmt	*st;
	int		 rc;

	*when = (time_t)-1;
	if (sqlite3_prepare_v2(s->db, "SELECT CAST(strftime('%s', max(at)) "
	    "AS INTEGER) FROM actions", -1, &st, NULL) != SQLITE_OK)
		return store_error(s, _("reading the history"), err);
	rc = sqlite3_step(st);
	if (rc == SQLITE_ROW && sqlite3_column_type(st, 0) != SQLITE_NULL)
		*when = (time_t)sqlite3_column_int64(st, 0);
	sqlite3_finalize(st);
	if (rc != SQLITE_ROW)
		return store_error(s, _("reading the history"), err);
	return 0;
}

int
store_meeting_dates(struct store *s, struct date *first, struct date *last,
    struct error *err)
{
	sqlite3_stmt	*st;
	const char	*a, *b;
	int		 rc, found = 0;

	/* both from the date index, each in one step */
	if (sqlite3_prepare_v2(s->db, "SELECT (SELECT min(date) FROM "
	    "meetings), (SELECT max(date) FROM meetings)", -1, &st, NULL) !=
	    SQLITE_OK)
		return store_error(s, _("reading meetings"), err);
	rc = sqlite3_step(st);
	if (rc == SQLITE_ROW &&
	    (a = (const char *)sqlite3_column_text(st, 0)) != NULL &&
	    (b = (const char *)sqlite3_column_text(st, 1)) != NULL &&
	    date_parse(a, first, NULL) == 0 && date_parse(b, last, NULL) == 0)
		found = 1;
	sqlite3_finalize(st);
	if (rc != SQLITE_ROW)
		return store_error(s, _("reading meetings"), err);
	return found;
}

int
store_setting_get(struct store *s, const char *key, char **value,
    struct error *err)
{
	sqlite3_stmt	*st;
	int		 rc;

	*value = NULL;
	if (sqlite3_prepare_v2(s->db, "SELECT value FROM settings WHERE "
	    "key = ?", -1, &st, NULL) != SQLITE_OK)
		return store_error(s, _("reading settings"), err);
	sqlite3_bind_text(st, 1, key, -1, SQLITE_STATIC);
	rc = sqlite3_step(st);
	if (rc == SQLITE_ROW)
		*value = xstrdup((const char *)sqlite3_column_text(st, 0));
	sqlite3_finalize(st);
	if (rc != SQLITE_ROW && rc != SQLITE_DONE)
		return store_error(s, _("reading settings"), err);
	return 0;
}

int
store_setting_set(struct store *s, const char *key, const char *value,
    struct error *err)
{
	sqlite3_stmt	*st;
	int		 rc;

	if (sqlite3_prepare_v2(s->db, "INSERT INTO settings (key, value) "
	    "VALUES (?, ?) ON CONFLICT (key) DO UPDATE SET value = "
	    "excluded.value", -1, &st, NULL) != SQLITE_OK)
		return store_error(s, _("writing settings"), err);
	sqlite3_bind_text(st, 1, key, -1, SQLITE_STATIC);
	sqlite3_bind_text(st, 2, value, -1, SQLITE_STATIC);
	rc = sqlite3_step(st);
	sqlite3_finalize(st);
	if (rc != SQLITE_DONE)
		return store_error(s, _("writing settings"), err);
	return 0;
}
