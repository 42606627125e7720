/*
 * store-backup.c -- consistent copies of the database made with SQLite's
 * online backup while others may be writing, restoring such a copy, and
 * the checks of `carecal fsck`.
 */
#include <sys/stat.h>
#include <sys/types.h>

#include <errno.h>
#include <fcntl.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>
#include <unistd.h>

#include "alloc.h"
#include "i18n.h"
#include "schema.h"
#include "store-private.h"

#define COPY_TRIES	200	/* times 50 ms: the busy timeout */
#define LIST_MAX	10	/* problems quoted by fsck */

/*
 * Copy all of from into to in one step: one read transaction on from,
 * so the copy is one committed state even while others write. Busy
 * locks (another writer on to) are waited for.
 */
static int
copy_database(sqlite3 *to, sqlite3 *from, char *why, size_t size)
{
	sqlite3_backup	*b;
	int		 rc, tries = 0;

	if ((b = sqlite3_backup_init(to, "main", from, "main")) == NULL) {
		snprintf(why, size, "%s", sqlite3_errmsg(to));
		return -1;
	}
	do {
		rc = sqlite3_backup_step(b, -1);
		if (rc == SQLITE_BUSY || rc == SQLITE_LOCKED)
			sqlite3_sleep(50);
	} while ((rc == SQLITE_OK || rc == SQLITE_BUSY ||
	    rc == SQLITE_LOCKED) && ++tries < COPY_TRIES);
	sqlite3_backup_finish(b);
	if (rc != SQLITE_DONE) {
		if (rc == SQLITE_READONLY)
			snprintf(why, size, "%s", _("the page sizes differ"));
		else
			snprintf(why, size, "%s", sqlite3_errstr(rc));
		return -1;
	}
	return 0;
}

int
store_copy_into(struct store *s, const char *path, const char *name,
    struct error *err)
{
	sqlite3		*to = NULL, *reader = NULL;
	sqlite3_stmt	*st;
	char		 why[256];
	int		 ok = 0, rc;

	store_vfs_init();
	if (sqlite3_open_v2(path, &to, SQLITE_OPEN_READWRITE |
	    SQLITE_OPEN_NOFOLLOW, NULL) != SQLITE_OK) {
		snprintf(why, sizeof why, "%s", to != NULL ?
		    sqlite3_errmsg(to) : strerror(ENOMEM));
		goto fail;
	}
	sqlite3_busy_timeout(to, 10000);
	/*
	 * SQLite copies nothing from a connection inside a write transaction
	 * (an upgrade's): another connection reads what is committed.
	 */
	if (!sqlite3_get_autocommit(s->db)) {
		if (sqlite3_open_v2(s->path, &reader, SQLITE_OPEN_READONLY,
		    NULL) != SQLITE_OK) {
			snprintf(why, sizeof why, "%s", reader != NULL ?
			    sqlite3_errmsg(reader) : strerror(ENOMEM));
			goto fail;
		}
		sqlite3_busy_timeout(reader, 10000);
	}
	rc = copy_database(to, reader != NULL ? reader : s->db, why,
	    sizeof why);
	sqlite3_close(reader);
	reader = NULL;
	if (rc == -1)
		goto fail;
	if (sqlite3_prepare_v2(to, "PRAGMA quick_check", -1, &st, NULL) ==
	    SQLITE_OK) {
		ok = sqlite3_step(st) == SQLITE_ROW && strcmp((const char *)
		    sqlite3_column_text(st, 0), "ok") == 0;
		sqlite3_finalize(st);
	}
	if (!ok) {
		snprintf(why, sizeof why, "%s", _("the copy does not read "
		    "back"));
		goto fail;
	}
	if (sqlite3_close(to) != SQLITE_OK) {
		snprintf(why, sizeof why, "%s", sqlite3_errmsg(to));
		to = NULL;
		goto fail;
	}
	return 0;
fail:
	sqlite3_close(reader);
	sqlite3_close(to);
	return error_set(err, ERROR_FAILURE, _("%s: copying the database: "
	    "%s"), name, why);
}

static void
unlink_beside(const char *path, const char *suffix)
{
	char	name[4096];

	snprintf(name, sizeof name, "%s%s", path, suffix);
	unlink(name);
}

/* Whether st is the database's own file, or its -wal or -shm. */
static int
is_database_file(struct store *s, const struct stat *st)
{
	static const char	*suffixes[] = { "", "-wal", "-shm" };
	struct stat		 own;
	char			 name[4096];
	size_t			 i;

	for (i = 0; i < sizeof suffixes / sizeof suffixes[0]; i++) {
		snprintf(name, sizeof name, "%s%s", s->path, suffixes[i]);
		if (stat(name, &own) == 0 && own.st_dev == st->st_dev &&
		    own.st_ino == st->st_ino)
			return 1;
	}
	return 0;
}

/*
 * Lock all of path against every other process, without waiting; *busy
 * is set when another holds a lock on any byte of it. A file that cannot
 * be opened to write is only looked at (F_GETLK). *fd keeps the lock.
 */
static int
lock_whole(struct store *s, const char *path, int *fd, int *busy,
    struct error *err)
{
	struct flock	fl;
	struct stat	st;
	int		writable = 1;

	*busy = 0;
	*fd = -1;
	/* a lock of ours dropped by closing a file of the database's own */
	if (stat(path, &st) == 0 && is_database_file(s, &st))
		return error_set(err, ERROR_INPUT, _("%s: this database "
		    "itself, in use; not replaced"), path);
	*fd = open(path, O_RDWR | O_NOFOLLOW | O_NONBLOCK | O_CLOEXEC);
	if (*fd == -1 && errno == EACCES) {
		writable = 0;
		*fd = open(path, O_RDONLY | O_NOFOLLOW | O_NONBLOCK |
		    O_CLOEXEC);
	}
	if (*fd == -1) {
		if (errno == ENOENT)
			return 0;
		return error_set(err, ERROR_FAILURE, _("%s: cannot tell "
		    "whether a program has it open (%s); not replaced"), path,
		    strerror(errno));
	}
	memset(&fl, 0, sizeof fl);
	fl.l_type = F_WRLCK;
	fl.l_whence = SEEK_SET;
	fl.l_start = 0;
	fl.l_len = 0;
	if (writable && fcntl(*fd, F_SETLK, &fl) == 0)
		return 0;
	if (writable && errno != EAGAIN && errno != EACCES)
		return error_set(err, ERROR_FAILURE, _("%s: cannot tell "
		    "whether a program has it open (%s); not replaced"), path,
		    strerror(errno));
	if (!writable && fcntl(*fd, F_GETLK, &fl) == -1)
		return error_set(err, ERROR_FAILURE, _("%s: cannot tell "
		    "whether a program has it open (%s); not replaced"), path,
		    strerror(errno));
	*busy = writable || fl.l_type != F_UNLCK;
	return 0;
}

/*
 * --force replaces a file only when no program has it open as a
 * database. SQLite's unix VFS locks bytes of a database file (from 1 GiB
 * on) and of its -shm with fcntl, and in WAL mode every connection holds
 * a read lock on both for as long as it is open (the full-screen view
 * idle, as any reader): another process's lock on any byte of either
 * means the file is in use. The write locks taken here are held until
 * the file is replaced (release_locks), so that a program opening it
 * meanwhile waits. A -wal with changes in it means the same.
 */
static int
claim_replaceable(struct store *s, const char *path, int fd[2],
    struct error *err)
{
	static const char	*suffixes[] = { "", "-shm" };
	struct stat		 st;
	char			 name[4096];
	size_t			 i;
	int			 busy;

	for (i = 0; i < 2; i++) {
		snprintf(name, sizeof name, "%s%s", path, suffixes[i]);
		if (lock_whole(s, name, &fd[i], &busy, err) == -1)
			return -1;
		if (busy)
			return error_set(err, ERROR_FAILURE, _("%s: a database "
			    "a program has open (it holds locks on %s); not "
			    "replaced"), path, name);
	}
	snprintf(name, sizeof name, "%s-wal", path);
	if (stat(name, &st) == 0 && st.st_size > 0)
		return error_set(err, ERROR_FAILURE, _("%s: a database in use "
		    "(%s is not empty); not replaced"), path, name);
	return 0;
}

static void
release_locks(int fd[2])
{
	if (fd[0] != -1)
		close(fd[0]);
	if (fd[1] != -1)
		close(fd[1]);
	fd[0] = fd[1] = -1;
}

/*
 * A file named like the -wal, -shm or -journal of an existing file would
 * be taken for that database's own when it is next opened.
 */
static int
is_companion_name(const char *path, char *db, size_t size)
{
	static const char	*suffixes[] = { "-wal", "-shm", "-journal" };
	struct stat		 st;
	size_t			 i, len = strlen(path), n;

	for (i = 0; i < sizeof suffixes / sizeof suffixes[0]; i++) {
		n = strlen(suffixes[i]);
		if (len <= n || len - n >= size ||
		    strcmp(path + len - n, suffixes[i]) != 0)
			continue;
		snprintf(db, size, "%.*s", (int)(len - n), path);
		if (stat(db, &st) == 0 && S_ISREG(st.st_mode))
			return 1;
	}
	return 0;
}

int
store_backup(struct store *s, const char *path, int flags,
    struct error *err)
{
	struct store_file	f;
	struct stat		st;
	char			db[4096];
	int			fd[2] = { -1, -1 }, rc;

	if (s->in_transaction)
		return error_set(err, ERROR_FAILURE, "internal error: backup "
		    "inside a transaction");
	if (is_companion_name(path, db, sizeof db))
		return error_set(err, ERROR_INPUT, _("%s: SQLite would take it "
		    "for a file of the database %s; name the backup otherwise"),
		    path, db);
	if (stat(path, &st) == 0 && S_ISDIR(st.st_mode))
		return error_set(err, ERROR_INPUT, _("%s: a directory; name "
		    "the backup file"), path);
	if (lstat(path, &st) == 0) {
		/* the rename below would put a file in place of /dev/null */
		if (!S_ISREG(st.st_mode))
			return error_set(err, ERROR_INPUT, _("%s: not a "
			    "regular file; not replaced"), path);
		if (!(flags & STORE_BACKUP_FORCE))
			return error_set(err, ERROR_INPUT, _("%s: exists; not "
			    "overwritten (--force replaces it)"), path);
		if (is_database_file(s, &st))
			return error_set(err, ERROR_INPUT, _("%s: this database "
			    "itself, in use; not replaced"), path);
	}
	/* written aside and renamed: a backup is whole or absent */
	if (store_file_begin(&f, path, (gid_t)-1, 0600, err) == -1)
		return -1;
	if (store_copy_into(s, f.path, path, err) == -1)
		goto fail;
	if (flags & STORE_BACKUP_FORCE) {
		if (claim_replaceable(s, path, fd, err) == -1)
			goto fail;
		if ((rc = store_file_put(&f, path, 1, err)) == 0) {
			/* the -wal of the file replaced must not meet it */
			unlink_beside(path, "-wal");
			unlink_beside(path, "-shm");
		}
		release_locks(fd);
	} else if ((rc = store_file_put(&f, path, 0, err)) == 1)
		error_set(err, ERROR_INPUT, _("%s: exists; not overwritten "
		    "(--force replaces it)"), path);
	if (rc != 0)
		goto fail;
	return 0;
fail:
	release_locks(fd);
	store_file_discard(&f);
	return -1;
}

/* "file:" and path with every byte but [A-Za-z0-9/._-~] %-escaped. */
static char *
file_uri(const char *path, const char *query)
{
	static const char	 hex[] = "0123456789ABCDEF";
	size_t			 len = strlen(path) * 3 + strlen(query) + 8;
	char			*uri = xmalloc(len), *p;
	const unsigned char	*c;

	p = uri + snprintf(uri, len, "file:");
	for (c = (const unsigned char *)path; *c != '\0'; c++) {
		if ((*c >= 'A' && *c <= 'Z') || (*c >= 'a' && *c <= 'z') ||
		    (*c >= '0' && *c <= '9') || strchr("/._-~", *c) != NULL)
			*p++ = (char)*c;
		else {
			*p++ = '%';
			*p++ = hex[*c >> 4];
			*p++ = hex[*c & 0xf];
		}
	}
	snprintf(p, len - (size_t)(p - uri), "%s", query);
	return uri;
}

/*
 * Open path to read it. A copy without a -wal beside it (a backup) is
 * opened as immutable, so that no -wal or -shm is left next to it. A
 * database that may be in use is opened read-write but query-only:
 * SQLite's locks then work as usual, and the last connection to close
 * removes the -wal and -shm as it always does.
 */
static int
open_readonly(const char *path, int may_be_live, sqlite3 **db,
    struct error *err)
{
	struct stat	 st;
	char		*wal, *uri;
	size_t		 len = strlen(path) + 5;
	int		 rc, immutable;

	wal = xmalloc(len);
	snprintf(wal, len, "%s-wal", path);
	immutable = !may_be_live && stat(wal, &st) == -1 && errno == ENOENT;
	free(wal);
	uri = file_uri(path, immutable ? "?immutable=1" : "");
	rc = SQLITE_CANTOPEN;
	store_vfs_init();
	if (may_be_live) {
		rc = sqlite3_open_v2(uri, db, SQLITE_OPEN_READWRITE |
		    SQLITE_OPEN_URI, NULL);
		if (rc == SQLITE_OK && sqlite3_exec(*db, "PRAGMA query_only = "
		    "1", NULL, NULL, NULL) != SQLITE_OK)
			rc = SQLITE_ERROR;
		if (rc != SQLITE_OK) {
			sqlite3_close(*db);
			*db = NULL;
		}
	}
	if (rc != SQLITE_OK)
		rc = sqlite3_open_v2(uri, db, SQLITE_OPEN_READONLY |
		    SQLITE_OPEN_URI, NULL);
	free(uri);
	if (rc != SQLITE_OK) {
		error_set(err, ERROR_FAILURE, "%s: %s", path, *db != NULL ?
		    sqlite3_errmsg(*db) : strerror(ENOMEM));
		sqlite3_close(*db);
		*db = NULL;
		return -1;
	}
	sqlite3_extended_result_codes(*db, 1);
	sqlite3_busy_timeout(*db, 10000);
	return 0;
}

/* The first column of a one-row query as a number; -1 on error. */
static long
query_number(sqlite3 *db, const char *sql)
{
	sqlite3_stmt	*st;
	long		 v = -1;

	if (sqlite3_prepare_v2(db, sql, -1, &st, NULL) != SQLITE_OK)
		return -1;
	if (sqlite3_step(st) == SQLITE_ROW)
		v = sqlite3_column_int64(st, 0);
	sqlite3_finalize(st);
	return v;
}

/* Append a line to a malloc'd text. */
static void
append_line(char **text, const char *line)
{
	size_t	old = *text != NULL ? strlen(*text) : 0;
	size_t	len = old + strlen(line) + 2;

	*text = xreallocarray(*text, len, 1);
	snprintf(*text + old, len - old, "%s%s", old > 0 ? "\n" : "", line);
}

static void
check_integrity(sqlite3 *db, struct store_check *c)
{
	sqlite3_stmt		*st;
	const unsigned char	*t;
	int			 rc, n = 0;

	if (sqlite3_prepare_v2(db, "PRAGMA integrity_check(10)", -1,
	    &st, NULL) != SQLITE_OK) {
		append_line(&c->integrity, sqlite3_errmsg(db));
		c->problems++;
		return;
	}
	while ((rc = sqlite3_step(st)) == SQLITE_ROW) {
		t = sqlite3_column_text(st, 0);
		if (t != NULL && strcmp((const char *)t, "ok") != 0) {
			append_line(&c->integrity, (const char *)t);
			n++;
		}
	}
	if (rc != SQLITE_DONE) {
		append_line(&c->integrity, sqlite3_errmsg(db));
		n++;
	}
	sqlite3_finalize(st);
	if (n > 0)
		c->problems++;
}

static void
check_foreign_keys(sqlite3 *db, struct store_check *c)
{
	sqlite3_stmt	*st;
	char		 line[256];
	int		 rc;

	if (sqlite3_prepare_v2(db, "SELECT \"table\", rowid, parent FROM "
	    "pragma_foreign_key_check", -1, &st, NULL) != SQLITE_OK) {
		append_line(&c->foreign_keys, sqlite3_errmsg(db));
		c->foreign_key_problems++;
		c->problems++;
		return;
	}
	while ((rc = sqlite3_step(st)) == SQLITE_ROW) {
		if (c->foreign_key_problems++ < LIST_MAX) {
			snprintf(line, sizeof line, _("%s row %lld refers to "
			    "a missing row of %s"), (const char *)
			    sqlite3_column_text(st, 0),
			    sqlite3_column_int64(st, 1), (const char *)
			    sqlite3_column_text(st, 2));
			append_line(&c->foreign_keys, line);
		}
	}
	if (rc != SQLITE_DONE) {
		append_line(&c->foreign_keys, sqlite3_errmsg(db));
		c->foreign_key_problems++;
	}
	sqlite3_finalize(st);
	if (c->foreign_key_problems > 0)
		c->problems++;
}

/* The text of a trigger of db, or NULL; malloc'd. */
static char *
trigger_sql(sqlite3 *db, const char *name)
{
	sqlite3_stmt	*st;
	char		*sql = NULL;

	if (sqlite3_prepare_v2(db, "SELECT sql FROM sqlite_schema WHERE "
	    "type = 'trigger' AND name = ?1", -1, &st, NULL) != SQLITE_OK)
		return NULL;
	sqlite3_bind_text(st, 1, name, -1, SQLITE_STATIC);
	if (sqlite3_step(st) == SQLITE_ROW &&
	    sqlite3_column_text(st, 0) != NULL)
		sql = xstrdup((const char *)sqlite3_column_text(st, 0));
	sqlite3_finalize(st);
	return sql;
}

/*
 * The triggers keep the history (every change written, none rewritten
 * or deleted) and check what a CHECK cannot: each must be there as the
 * migrations up to the file's version made it, and no other. The text
 * they made is had by running them on an empty database in memory.
 */
static void
check_triggers(sqlite3 *db, int version, struct store_check *c)
{
	sqlite3		*ref = NULL;
	sqlite3_stmt	*st;
	const char	*name, *want;
	char		 line[256], *have;
	int		 v, n = 0;

	if (sqlite3_open(":memory:", &ref) != SQLITE_OK)
		goto cannot;
	for (v = 1; v <= version; v++)
		if (sqlite3_exec(ref, schema_migration(v), NULL, NULL,
		    NULL) != SQLITE_OK)
			goto cannot;
	if (sqlite3_prepare_v2(ref, "SELECT name, sql FROM sqlite_schema "
	    "WHERE type = 'trigger' ORDER BY name", -1, &st, NULL) !=
	    SQLITE_OK)
		goto cannot;
	while (sqlite3_step(st) == SQLITE_ROW) {
		name = (const char *)sqlite3_column_text(st, 0);
		want = (const char *)sqlite3_column_text(st, 1);
		have = trigger_sql(db, name);
		if (have == NULL)
			snprintf(line, sizeof line, _("trigger %s is missing"),
			    name);
		else if (strcmp(have, want) != 0)
			snprintf(line, sizeof line, _("trigger %s was changed"),
			    name);
		if (have == NULL || strcmp(have, want) != 0) {
			append_line(&c->triggers, line);
			n++;
		}
		free(have);
	}
	sqlite3_finalize(st);
	if (sqlite3_prepare_v2(db, "SELECT name FROM sqlite_schema WHERE "
	    "type = 'trigger' ORDER BY name", -1, &st, NULL) != SQLITE_OK)
		goto cannot;
	while (sqlite3_step(st) == SQLITE_ROW) {
		name = (const char *)sqlite3_column_text(st, 0);
		if ((have = trigger_sql(ref, name)) == NULL) {
			snprintf(line, sizeof line, _("trigger %s is not "
			    "carecal's"), name);
			append_line(&c->triggers, line);
			n++;
		}
		free(have);
	}
	sqlite3_finalize(st);
	sqlite3_close(ref);
	if (n > 0)
		c->problems++;
	return;
cannot:
	append_line(&c->triggers, ref != NULL ? sqlite3_errmsg(ref) :
	    strerror(ENOMEM));
	sqlite3_close(ref);
	c->problems++;
}

/*
 * Actions and changes are numbered 1, 2, 3...: nothing carecal does
 * leaves a gap (a transaction rolled back gives its numbers again), so a
 * gap is rows deleted behind the triggers' back. One line per gap.
 */
static int
check_gaps(sqlite3 *db, const char *table, char **text)
{
	sqlite3_stmt	*st;
	char		 sql[512], line[256];
	long long	 from, to;
	int		 history, n = 0;

	history = strcmp(table, "history") == 0;
	/* table is one of two fixed names, never input */
	snprintf(sql, sizeof sql, "SELECT a.id + 1, (SELECT min(b.id) FROM "
	    "%s b WHERE b.id > a.id) - 1 FROM (SELECT 0 AS id UNION ALL "
	    "SELECT id FROM %s) a WHERE a.id < (SELECT max(id) FROM %s) AND "
	    "NOT EXISTS (SELECT 1 FROM %s b WHERE b.id = a.id + 1) "
	    "ORDER BY a.id", table, table, table, table);
	if (sqlite3_prepare_v2(db, sql, -1, &st, NULL) != SQLITE_OK) {
		append_line(text, sqlite3_errmsg(db));
		return 1;
	}
	while (sqlite3_step(st) == SQLITE_ROW) {
		if (n++ >= LIST_MAX)
			continue;
		from = sqlite3_column_int64(st, 0);
		to = sqlite3_column_int64(st, 1);
		if (from == to)
			snprintf(line, sizeof line, history ? _("change %lld "
			    "of the history is missing") : _("action #%lld is "
			    "missing"), from);
		else
			snprintf(line, sizeof line, history ? _("changes %lld "
			    "to %lld of the history are missing") :
			    _("actions #%lld to #%lld are missing"), from, to);
		append_line(text, line);
	}
	sqlite3_finalize(st);
	return n;
}

static void
check_numbering(sqlite3 *db, struct store_check *c)
{
	if (check_gaps(db, "actions", &c->numbering) +
	    check_gaps(db, "history", &c->numbering) > 0)
		c->problems++;
}

static char *
setting_group(sqlite3 *db)
{
	sqlite3_stmt	*st;
	char		*v = NULL;

	if (sqlite3_prepare_v2(db, "SELECT value FROM settings WHERE key = "
	    "'group'", -1, &st, NULL) != SQLITE_OK)
		return NULL;
	if (sqlite3_step(st) == SQLITE_ROW &&
	    sqlite3_column_text(st, 0) != NULL)
		v = xstrdup((const char *)sqlite3_column_text(st, 0));
	sqlite3_finalize(st);
	return v;
}

int
store_check_file(const char *path, int flags, struct store_check *c,
    struct error *err)
{
	struct stat	 st;
	struct error	 perm;
	sqlite3		*db;
	long		 app;

	memset(c, 0, sizeof *c);
	c->version = -1;
	if (stat(path, &st) == -1)
		return error_set(err, ERROR_FAILURE, "%s: %s", path,
		    strerror(errno));
	if (!S_ISREG(st.st_mode))
		return error_set(err, ERROR_INPUT, _("%s: not a regular file"),
		    path);
	if (open_readonly(path, !(flags & STORE_CHECK_CONTENT), &db,
	    err) == -1)
		return -1;
	app = query_number(db, "PRAGMA application_id");
	c->is_carecal = app == SCHEMA_APPLICATION_ID;
	if (!c->is_carecal) {
		/* not ours: nothing else is worth checking */
		c->problems++;
		sqlite3_close(db);
		return 0;
	}
	c->group = setting_group(db);
	if (!(flags & STORE_CHECK_CONTENT) &&
	    store_check_permissions(path, c->group, &perm) == -1) {
		c->permissions = xstrdup(perm.msg);
		c->problems++;
	}
	c->version = (int)query_number(db, "PRAGMA user_version");
	if (c->version > SCHEMA_VERSION || c->version < 1)
		c->problems++;
	check_integrity(db, c);
	check_foreign_keys(db, c);
	if (c->version >= 1 && c->version <= SCHEMA_VERSION)
		check_triggers(db, c->version, c);
	/* the history came with version 2 */
	if (c->version >= 2 && c->version <= SCHEMA_VERSION)
		check_numbering(db, c);
	c->meetings = query_number(db, "SELECT count(*) FROM meetings");
	c->actions = query_number(db, "SELECT count(*) FROM actions");
	c->changes = query_number(db, "SELECT count(*) FROM history");
	sqlite3_close(db);
	return 0;
}

void
store_check_free(struct store_check *c)
{
	free(c->permissions);
	free(c->group);
	free(c->integrity);
	free(c->foreign_keys);
	free(c->triggers);
	free(c->numbering);
	memset(c, 0, sizeof *c);
}

/* Why a file cannot be restored, from its check; NULL if it can. */
static const char *
restore_refusal(const struct store_check *c, char *buf, size_t size)
{
	if (!c->is_carecal)
		return _("not a carecal database");
	if (c->version > SCHEMA_VERSION) {
		snprintf(buf, size, _("written by a newer carecal (schema "
		    "version %d)"), c->version);
		return buf;
	}
	if (c->version < 1)
		return _("it has no carecal schema");
	if (c->integrity != NULL) {
		snprintf(buf, size, _("it is damaged: %s"), c->integrity);
		return buf;
	}
	if (c->foreign_key_problems > 0) {
		snprintf(buf, size, _("%ld rows refer to missing rows: %s"),
		    c->foreign_key_problems, c->foreign_keys);
		return buf;
	}
	/* restored, it would be a history without its guard, or with gaps */
	if (c->triggers != NULL) {
		snprintf(buf, size, _("its triggers were tampered with: %s"),
		    c->triggers);
		return buf;
	}
	if (c->numbering != NULL) {
		snprintf(buf, size, _("its history has gaps: %s"),
		    c->numbering);
		return buf;
	}
	return NULL;
}

/*
 * A whole copy of the database's content, at a new name beside it with
 * the database's mode and group: never over an existing file.
 */
static char *
keep_aside(struct store *s, struct error *err)
{
	struct store_file	 f;
	struct tm		*tm;
	time_t			 now = time(NULL);
	gid_t			 gid;
	mode_t			 mode;
	char			 stamp[32], *path;
	size_t			 len = strlen(s->path) + 64;
	int			 n, rc = 1;

	tm = localtime(&now);
	if (tm == NULL || strftime(stamp, sizeof stamp, "%Y%m%d-%H%M%S",
	    tm) == 0)
		snprintf(stamp, sizeof stamp, "%lld", (long long)now);
	path = xmalloc(len);
	snprintf(path, len, "%s.before-restore-%s", s->path, stamp);
	store_copy_mode(s, &gid, &mode);
	if (store_file_begin(&f, path, gid, mode, err) == -1) {
		free(path);
		return NULL;
	}
	if (store_copy_into(s, f.path, path, err) == 0)
		for (n = 1; n < 100 && rc == 1; n++) {
			if (n > 1)
				snprintf(path, len, "%s.before-restore-%s-%d",
				    s->path, stamp, n);
			rc = store_file_put(&f, path, 0, err);
		}
	if (rc != 0) {
		store_file_discard(&f);
		free(path);
		return NULL;
	}
	return path;
}

/*
 * Whether a database is shared belongs to the file where it lives (its
 * mode and group), not to the copy put into it: the setting stays.
 */
static int
keep_sharing(struct store *s, struct error *err)
{
	sqlite3_stmt	*st;
	int		 rc;

	if (s->group != NULL)
		return store_setting_set(s, "group", s->group, err);
	if (sqlite3_prepare_v2(s->db, "DELETE FROM settings WHERE key = "
	    "'group'", -1, &st, NULL) != SQLITE_OK)
		return store_error(s, _("writing settings"), err);
	rc = sqlite3_step(st);
	sqlite3_finalize(st);
	if (rc != SQLITE_DONE)
		return store_error(s, _("writing settings"), err);
	return 0;
}

int
store_restore(struct store *s, const char *file, char **kept,
    struct error *err)
{
	struct store_check	 c;
	sqlite3			*from;
	char			 buf[1024], why[256];
	const char		*refusal;

	*kept = NULL;
	if (s->in_transaction)
		return error_set(err, ERROR_FAILURE, "internal error: restore "
		    "inside a transaction");
	if (store_check_file(file, STORE_CHECK_CONTENT, &c, err) == -1)
		return -1;
	refusal = restore_refusal(&c, buf, sizeof buf);
	if (refusal != NULL) {
		error_set(err, ERROR_INPUT, _("%s: not restored: %s"), file,
		    refusal);
		store_check_free(&c);
		return -1;
	}
	store_check_free(&c);
	if ((*kept = keep_aside(s, err)) == NULL)
		return -1;
	if (open_readonly(file, 0, &from, err) == -1) {
		free(*kept);
		*kept = NULL;
		return -1;
	}
	if (copy_database(s->db, from, why, sizeof why) == -1) {
		sqlite3_close(from);
		free(*kept);
		*kept = NULL;
		return error_set(err, ERROR_FAILURE, _("%s: restoring from "
		    "%s: %s; the database is unchanged"), s->path, file, why);
	}
	sqlite3_close(from);
	return keep_sharing(s, err);
}
