/*
 * store.c -- opening the database the one safe way, transactions,
 * settings and change detection.
 */
#include <sys/stat.h>
#include <sys/types.h>

#include <errno.h>
#include <fcntl.h>
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

/* mkdir -p for the default location's parents, private to the user. */
static int
make_parents(const char *path, struct error *err)
{
	char	*copy = xstrdup(path), *p;

	for (p = copy + 1; (p = strchr(p, '/')) != NULL; p++) {
		*p = '\0';
		if (mkdir(copy, 0700) == -1 && errno != EEXIST) {
			error_set(err, ERROR_FAILURE, _("%s: cannot create "
			    "directory: %s"), copy, strerror(errno));
			free(copy);
			return -1;
		}
		*p = '/';
	}
	free(copy);
	return 0;
}

static int
create_file(const char *path, struct error *err)
{
	int	fd;

	if (make_parents(path, err) == -1)
		return -1;
	fd = open(path, O_WRONLY | O_CREAT | O_EXCL | O_CLOEXEC, 0600);
	if (fd == -1) {
		if (errno == EEXIST)
			return error_set(err, ERROR_INPUT, _("%s: a database "
			    "already exists there; not overwritten"), path);
		return error_set(err, ERROR_FAILURE, _("%s: cannot create: "
		    "%s"), path, strerror(errno));
	}
	close(fd);
	return 0;
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
	return 0;
}

/* The database must be ours: a fresh file, or one with our application id. */
static int
check_identity(struct store *s, int *fresh, struct error *err)
{
	sqlite3_stmt	*st;
	int		 app = 0, tables = 0, rc;

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
	if ((sqlite3_extended_errcode(s->db) & 0xff) == SQLITE_BUSY)
		return store_error(s, s->path, err);
	return error_set(err, ERROR_INPUT, _("%s: not a carecal database "
	    "(%s)"), s->path, sqlite3_errmsg(s->db));
}

/* Before an upgrade, keep a consistent copy of the old file. */
static int
backup_before_upgrade(struct store *s, int version, struct error *err)
{
	sqlite3		*to;
	sqlite3_backup	*b;
	char		*path;
	size_t		 len = strlen(s->path) + 32;
	int		 rc, fd;

	path = xmalloc(len);
	snprintf(path, len, "%s.schema%d.bak", s->path, version);
	fd = open(path, O_WRONLY | O_CREAT | O_TRUNC | O_CLOEXEC, 0600);
	if (fd == -1) {
		error_set(err, ERROR_FAILURE, _("%s: cannot keep a copy "
		    "before upgrading: %s"), path, strerror(errno));
		free(path);
		return -1;
	}
	close(fd);
	if (sqlite3_open_v2(path, &to, SQLITE_OPEN_READWRITE, NULL) !=
	    SQLITE_OK) {
		error_set(err, ERROR_FAILURE, "%s: %s", path,
		    sqlite3_errmsg(to));
		sqlite3_close(to);
		free(path);
		return -1;
	}
	b = sqlite3_backup_init(to, "main", s->db, "main");
	rc = b != NULL ? sqlite3_backup_step(b, -1) : SQLITE_ERROR;
	if (b != NULL)
		sqlite3_backup_finish(b);
	if (rc != SQLITE_DONE) {
		error_set(err, ERROR_FAILURE, _("%s: cannot keep a copy "
		    "before upgrading: %s"), path, sqlite3_errmsg(to));
		sqlite3_close(to);
		free(path);
		return -1;
	}
	sqlite3_close(to);
	s->upgrade_backup = path;
	return 0;
}

int
store_open(const char *path, int flags, struct store **out,
    struct error *err)
{
	struct store	*s;
	int		 fresh = 0, version, from;
	int		 oflags = SQLITE_OPEN_READWRITE | SQLITE_OPEN_NOMUTEX;

	*out = NULL;
	if (flags & STORE_CREATE) {
		if (create_file(path, err) == -1)
			return -1;
	} else if (check_file(path, err) == -1)
		return -1;
	if (flags & STORE_READONLY)
		oflags = SQLITE_OPEN_READONLY | SQLITE_OPEN_NOMUTEX;
	s = xcalloc(1, sizeof *s);
	s->path = xstrdup(path);
	s->login = login_name();
	s->data_version = -1;
	if (sqlite3_open_v2(path, &s->db, oflags, NULL) != SQLITE_OK) {
		error_set(err, ERROR_FAILURE, "%s: %s", path,
		    s->db != NULL ? sqlite3_errmsg(s->db) : "out of memory");
		goto fail;
	}
	sqlite3_extended_result_codes(s->db, 1);
	sqlite3_busy_timeout(s->db, BUSY_TIMEOUT_MS);
	if (check_identity(s, &fresh, err) == -1)
		goto fail;
	if (schema_version(s->db, &version, err) == -1)
		goto fail;
	if (version > SCHEMA_VERSION) {
		/* refused before anything (even WAL mode) touches the file */
		schema_migrate(s->db, path, &from, err);
		goto fail;
	}
	if (exec_plain(s, "PRAGMA foreign_keys = ON", err) == -1)
		goto fail;
	if (!(flags & STORE_READONLY) && (exec_plain(s,
	    "PRAGMA journal_mode = WAL", err) == -1 ||
	    exec_plain(s, "PRAGMA synchronous = FULL", err) == -1))
		goto fail;
	if (version < SCHEMA_VERSION) {
		if (flags & STORE_READONLY) {
			error_set(err, ERROR_FAILURE, _("%s: needs an upgrade "
			    "of its schema; open it once read-write"), path);
			goto fail;
		}
		if (!fresh && version > 0 &&
		    backup_before_upgrade(s, version, err) == -1)
			goto fail;
		if (schema_migrate(s->db, path, &from, err) == -1)
			goto fail;
		s->upgraded_from = fresh ? 0 : from;
	}
	*out = s;
	return 0;
fail:
	store_close(s);
	if (flags & STORE_CREATE)
		unlink(path);
	return -1;
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
	free(s->path);
	free(s->login);
	free(s->upgrade_backup);
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

const char *
store_login(const struct store *s)
{
	return s->login;
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
