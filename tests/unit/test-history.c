/*
 * test-history.c -- the store's history, undo and restore of deleted
 * meetings, backups and restores, the checks of fsck, and who may open
 * a database (private or shared with a group).
 */
#include <sys/stat.h>

#include <grp.h>
#include <pwd.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include <sqlite3.h>

#include "schema.h"
#include "sql.h"
#include "store.h"
#include "tap.h"

static char	dir[] = "/tmp/carecal-test-history.XXXXXX";

static const char *
path_of(const char *name)
{
	static char	buf[4][256];
	static int	i;

	i = (i + 1) % 4;
	snprintf(buf[i], sizeof buf[i], "%s/%s", dir, name);
	return buf[i];
}

static struct store *
new_store(const char *name, struct catalog *cat)
{
	struct store		*s;
	struct error		 err;
	struct meeting_type	 t = { .id = 0, .code = "kobetsu",
				    .name = "地域個別ケア会議", .short_name = "個別",
				    .level = LEVEL_REGIONAL, .target_min = 4,
				    .target_max = 6, .counts_cases = 1,
				    .position = 0 };

	if (store_open(path_of(name), STORE_CREATE, &s, &err) == -1) {
		printf("# %s\n", err.msg);
		return NULL;
	}
	store_begin(s, "test setup", &err);
	store_type_add(s, &t, &err);
	store_center_add(s, "明第1", &err);
	store_center_add(s, "本庁", &err);
	store_commit(s, &err);
	if (store_publish(s, &err) == -1)
		printf("# %s\n", err.msg);
	store_catalog_load(s, cat, &err);
	return s;
}

/* Add a meeting on 2021-07-day in its own action; returns its id. */
static long
add(struct store *s, const struct catalog *cat, int day, int cases)
{
	struct meeting	m;
	struct error	err;
	long		id = -1;

	meeting_init(&m);
	m.type_id = cat->types[0].id;
	m.center_id = cat->centers[0].id;
	m.date = (struct date){ 2021, 7, day };
	m.cases = cases;
	if (store_begin(s, "add", &err) == 0 &&
	    store_meeting_insert(s, &m, &err) == 0 &&
	    store_commit(s, &err) == 0)
		id = m.id;
	else
		printf("# add: %s\n", err.msg);
	meeting_clear(&m);
	return id;
}

static int
edit_cases(struct store *s, long id, int cases, const char *command)
{
	struct meeting	m;
	struct error	err;
	int		rc = -1;

	meeting_init(&m);
	if (store_meeting_get(s, id, &m, &err) == 0 &&
	    store_begin(s, command, &err) == 0) {
		m.cases = cases;
		if (store_meeting_update(s, &m, 0, &err) == 0 &&
		    store_commit(s, &err) == 0)
			rc = 0;
		else
			store_rollback(s);
	}
	meeting_clear(&m);
	return rc;
}

static int
delete(struct store *s, long id)
{
	struct meeting	m;
	struct error	err;
	int		rc = -1;

	meeting_init(&m);
	if (store_meeting_get(s, id, &m, &err) == 0 &&
	    store_begin(s, "delete", &err) == 0) {
		if (store_meeting_delete(s, id, m.version, &err) == 0 &&
		    store_commit(s, &err) == 0)
			rc = 0;
		else
			store_rollback(s);
	}
	meeting_clear(&m);
	return rc;
}

static int
cases_of(struct store *s, long id)
{
	struct meeting	m;
	struct error	err;
	int		cases = -2;

	meeting_init(&m);
	if (store_meeting_get(s, id, &m, &err) == 0)
		cases = m.cases;
	meeting_clear(&m);
	return cases;
}

static void
test_history(void)
{
	struct store		*s;
	struct catalog		 cat;
	struct history_list	 list = { 0 };
	struct history_filter	 f;
	struct error		 err;
	long			 id, other;

	s = new_store("h.db", &cat);
	id = add(s, &cat, 27, 2);
	other = add(s, &cat, 28, 1);
	edit_cases(s, id, 5, "edit 1 --cases 5");
	delete(s, id);

	history_filter_init(&f);
	f.meeting_id = id;
	OK(store_history_load(s, &f, &list, &err) == 0 && list.count == 3,
	    "a meeting's history has its three changes");
	if (list.count == 3) {
		IS_INT(list.items[0].op, HISTORY_INSERT, "first added");
		IS_INT(list.items[0].after.cases, 2, "with 2 cases");
		IS_INT(list.items[1].op, HISTORY_UPDATE, "then changed");
		IS_INT(list.items[1].before.cases, 2, "from 2 cases");
		IS_INT(list.items[1].after.cases, 5, "to 5");
		IS_STR(list.items[1].command, "edit 1 --cases 5",
		    "the command is kept");
		OK(list.items[1].login != NULL && list.items[1].at != NULL &&
		    strlen(list.items[1].at) == 19, "with the login and the "
		    "local time");
		IS_INT(list.items[2].op, HISTORY_DELETE, "then deleted");
		IS_STR(list.items[2].before.uid, list.items[0].after.uid,
		    "the deletion keeps the UID");
	}
	history_list_free(&list);

	history_filter_init(&f);
	f.deleted = 1;
	store_history_load(s, &f, &list, &err);
	OK(list.count == 1 && list.items[0].meeting_id == id,
	    "the deleted meetings are listed");
	history_list_free(&list);

	history_filter_init(&f);
	f.has_since = 1;
	date_today(&f.since, &err);
	f.since = date_add_days(f.since, 2);
	store_history_load(s, &f, &list, &err);
	IS_INT(list.count, 0, "nothing since the day after tomorrow");
	history_list_free(&list);
	f.since = date_add_days(f.since, -4);
	store_history_load(s, &f, &list, &err);
	IS_INT(list.count, 4, "all four changes since the day before "
	    "yesterday");
	history_list_free(&list);

	IS_INT(add(s, &cat, 29, 0), other + 1 > id ? other + 1 : id + 1,
	    "a new meeting gets a new id");
	delete(s, other);
	IS_INT(add(s, &cat, 30, 0), other + 2, "the id of a deleted meeting "
	    "is never given again");
	IS_INT(exec_sql(path_of("h.db"), "DELETE FROM history"),
	    SQLITE_CONSTRAINT, "the history cannot be deleted");
	IS_INT(exec_sql(path_of("h.db"), "UPDATE history SET op = 'insert'"),
	    SQLITE_CONSTRAINT, "nor rewritten");
	IS_INT(exec_sql(path_of("h.db"), "UPDATE actions SET login = 'x'"),
	    SQLITE_CONSTRAINT, "nor who did what");
	store_close(s);
	catalog_free(&cat);
}

static void
test_undo(void)
{
	struct store		*s;
	struct catalog		 cat;
	struct undo_result	 r;
	struct meeting		 m;
	struct error		 err;
	char			*uid;
	long			 id, version;
	int			 i;

	s = new_store("u.db", &cat);
	id = add(s, &cat, 27, 2);
	edit_cases(s, id, 5, "edit");
	meeting_init(&m);
	store_meeting_get(s, id, &m, &err);
	uid = strdup(m.uid);
	version = m.version;
	meeting_clear(&m);
	delete(s, id);

	OK(store_undo_last(s, "undo", STORE_UNDO_DRY_RUN, &r, &err) == 0 &&
	    r.restored == 1, "a dry run finds the deletion");
	undo_result_clear(&r);
	IS_INT(cases_of(s, id), -2, "and changes nothing");
	OK(store_undo_last(s, "undo", 0, &r, &err) == 0 && r.restored == 1 &&
	    r.changed == 0 && r.removed == 0, "undo brings the deleted "
	    "meeting back");
	IS_STR(r.command, "delete", "it says what it undid");
	undo_result_clear(&r);
	meeting_init(&m);
	OK(store_meeting_get(s, id, &m, &err) == 0 && strcmp(m.uid, uid) ==
	    0 && m.cases == 5, "under its id, with its UID and last values");
	OK(m.version > version, "with a newer version, so a stale editor "
	    "is refused");
	meeting_clear(&m);
	OK(store_undo_last(s, "undo", 0, &r, &err) == 0 && r.changed == 1,
	    "undo again undoes the edit before");
	undo_result_clear(&r);
	IS_INT(cases_of(s, id), 2, "the cases are back to 2");
	OK(store_undo_last(s, "undo", 0, &r, &err) == 0 && r.removed == 1,
	    "undo again removes the added meeting");
	undo_result_clear(&r);
	IS_INT(cases_of(s, id), -2, "it is gone");
	OK(store_undo_last(s, "undo", 0, &r, &err) == 1, "then there is "
	    "nothing left to undo");
	IS_INT(query_long(path_of("u.db"), "SELECT count(*) FROM actions "
	    "WHERE undoes IS NOT NULL"), 3, "each undo is an action naming "
	    "the one it undid");
	IS_INT(query_long(path_of("u.db"), "SELECT count(*) FROM actions "
	    "WHERE undone = 1"), 3, "and the undone ones are marked");

	/* one action, many meetings: an import is undone as a whole */
	store_begin(s, "import x.csv", &err);
	for (i = 0; i < 3; i++) {
		meeting_init(&m);
		m.type_id = cat.types[0].id;
		m.center_id = cat.centers[1].id;
		m.date = (struct date){ 2021, 8, 1 + i };
		store_meeting_insert(s, &m, &err);
		meeting_clear(&m);
	}
	store_commit(s, &err);
	IS_INT(query_long(path_of("u.db"), "SELECT count(*) FROM meetings"),
	    3, "an import added three meetings");
	OK(store_undo_last(s, "undo", 0, &r, &err) == 0 && r.removed == 3,
	    "one undo removes all three");
	undo_result_clear(&r);
	IS_INT(query_long(path_of("u.db"), "SELECT count(*) FROM meetings"),
	    0, "none is left");
	free(uid);
	store_close(s);
	catalog_free(&cat);
}

/* Another user's change, made as carecal would record it. */
static int
change_as(const char *path, const char *login, const char *set, long id)
{
	char	sql[512];

	snprintf(sql, sizeof sql, "BEGIN IMMEDIATE; INSERT INTO actions (at, "
	    "login, command) VALUES (strftime('%%Y-%%m-%%d %%H:%%M:%%f', "
	    "'now'), '%s', 'edit %ld'); UPDATE meetings SET %s, version = "
	    "version + 1 WHERE id = %ld; COMMIT", login, id, set, id);
	return exec_sql(path, sql);
}

static void
test_undo_conflict(void)
{
	struct store		*s;
	struct catalog		 cat;
	struct undo_result	 r;
	struct error		 err;
	long			 a, b;

	s = new_store("c.db", &cat);
	a = add(s, &cat, 27, 2);
	b = add(s, &cat, 28, 2);
	edit_cases(s, a, 5, "edit a");
	IS_INT(change_as(path_of("c.db"), "bob", "venue = 'hall'", a),
	    SQLITE_OK, "bob changes the same meeting afterwards");
	OK(store_undo_last(s, "undo", 0, &r, &err) == -1 &&
	    err.kind == ERROR_CONFLICT && strstr(err.msg, "bob") != NULL &&
	    strstr(err.msg, "nothing was undone") != NULL,
	    "undo refuses, naming bob");
	IS_INT(cases_of(s, a), 5, "my change stays");
	IS_INT(query_long(path_of("c.db"), "SELECT count(*) FROM meetings "
	    "WHERE venue = 'hall'"), 1, "and so does bob's");
	IS_INT(query_long(path_of("c.db"), "SELECT count(*) FROM actions "
	    "WHERE undone = 1 OR undoes IS NOT NULL"), 0, "nothing is "
	    "marked undone");

	edit_cases(s, b, 7, "edit b");
	IS_INT(change_as(path_of("c.db"), "bob", "venue = 'room'", a),
	    SQLITE_OK, "bob changes another meeting than my last change");
	OK(store_undo_last(s, "undo", 0, &r, &err) == 0 && r.changed == 1,
	    "then my undo goes through");
	undo_result_clear(&r);
	IS_INT(cases_of(s, b), 2, "and reverts my change");
	IS_INT(query_long(path_of("c.db"), "SELECT count(*) FROM meetings "
	    "WHERE venue = 'room'"), 1, "without touching bob's");
	store_close(s);
	catalog_free(&cat);
}

static void
test_restore_meeting(void)
{
	struct store	*s;
	struct catalog	 cat;
	struct meeting	 m;
	struct error	 err;
	long		 id;

	s = new_store("r.db", &cat);
	id = add(s, &cat, 27, 3);
	delete(s, id);
	meeting_init(&m);
	store_begin(s, "restore-meeting", &err);
	OK(store_meeting_restore(s, id, &m, &err) == 0 && m.id == id &&
	    m.cases == 3, "a deleted meeting comes back");
	store_commit(s, &err);
	store_begin(s, "restore-meeting", &err);
	OK(store_meeting_restore(s, id, &m, &err) == -1 &&
	    strstr(err.msg, "not deleted") != NULL, "a meeting that exists "
	    "is not restored");
	OK(store_meeting_restore(s, 999, &m, &err) == -1 &&
	    err.kind == ERROR_INPUT, "nor an unknown id");
	store_rollback(s);
	meeting_clear(&m);
	store_close(s);
	catalog_free(&cat);
}

static int
mode_of(const char *path)
{
	struct stat	st;

	return stat(path, &st) == 0 ? (int)(st.st_mode & 07777) : -1;
}

static void
test_backup(void)
{
	struct store		*s, *s2;
	struct catalog		 cat;
	struct store_check	 c;
	struct meeting		 m;
	struct error		 err;
	char			*kept = NULL, cmd[300];
	long			 id;

	s = new_store("b.db", &cat);
	id = add(s, &cat, 27, 2);
	OK(store_backup(s, path_of("copy.db"), 0, &err) == 0, "a backup is "
	    "made");
	IS_INT(mode_of(path_of("copy.db")), 0600, "private to its maker");
	IS_INT(query_long(path_of("copy.db"), "SELECT count(*) FROM "
	    "meetings"), 1, "with the meeting");
	OK(store_backup(s, path_of("copy.db"), 0, &err) == -1 &&
	    err.kind == ERROR_INPUT && strstr(err.msg, "--force") != NULL,
	    "an existing file is not overwritten");

	/* another user in the middle of a change */
	store_open(path_of("b.db"), 0, &s2, &err);
	store_begin(s2, "add", &err);
	meeting_init(&m);
	m.type_id = cat.types[0].id;
	m.center_id = cat.centers[0].id;
	m.date = (struct date){ 2021, 9, 1 };
	store_meeting_insert(s2, &m, &err);
	meeting_clear(&m);
	OK(store_backup(s, path_of("copy.db"), STORE_BACKUP_FORCE, &err) ==
	    0, "--force replaces it, while another user is writing");
	snprintf(cmd, sizeof cmd, "ls -d %s/copy.db.tmp-* 2>/dev/null", dir);
	OK(access(path_of("copy.db-wal"), F_OK) == -1 &&
	    access(path_of("copy.db-journal"), F_OK) == -1 &&
	    system(cmd) != 0, "and nothing is left beside it");
	store_commit(s2, &err);
	store_close(s2);
	IS_INT(query_long(path_of("copy.db"), "SELECT count(*) FROM "
	    "meetings"), 1, "the copy holds what was committed, not the "
	    "change in progress");
	OK(store_backup(s, path_of("b.db"), STORE_BACKUP_FORCE, &err) ==
	    -1 && strstr(err.msg, "in use") != NULL, "--force does not "
	    "replace a database in use");
	OK(store_check_file(path_of("copy.db"), 0, &c, &err) == 0 &&
	    c.problems == 0 && c.is_carecal && c.version == SCHEMA_VERSION &&
	    c.meetings == 1, "the copy passes the checks");
	store_check_free(&c);

	edit_cases(s, id, 9, "edit");
	OK(store_restore(s, path_of("copy.db"), &kept, &err) == 0,
	    "the copy is restored");
	OK(kept != NULL && strstr(kept, "b.db.before-restore-") != NULL,
	    "the old content is kept aside");
	store_close(s);
	store_open(path_of("b.db"), 0, &s, &err);
	IS_INT(query_long(path_of("b.db"), "SELECT count(*) FROM meetings"),
	    1, "the database has the copy's meetings");
	IS_INT(cases_of(s, id), 2, "with the copy's values");
	if (kept != NULL) {
		IS_INT(query_long(kept, "SELECT count(*) FROM meetings"), 2,
		    "the kept file has what was there");
		IS_INT(mode_of(kept), 0600, "and is private");
	}
	free(kept);

	exec_sql(path_of("plain.db"), "CREATE TABLE t (x)");
	OK(store_restore(s, path_of("plain.db"), &kept, &err) == -1 &&
	    strstr(err.msg, "not a carecal database") != NULL,
	    "another program's database is not restored");
	store_close(s);
	catalog_free(&cat);
}

/* Damage a copy of path: garbage over its last page. */
static void
damage(const char *from, const char *to)
{
	char	cmd[1024];

	snprintf(cmd, sizeof cmd, "cp '%s' '%s' && size=$(stat -c %%s '%s') "
	    "&& head -c 4096 /dev/urandom | dd of='%s' bs=1 seek=$((size - "
	    "4096)) conv=notrunc status=none", from, to, to, to);
	if (system(cmd) != 0)
		printf("# %s failed\n", cmd);
}

static void
test_check(void)
{
	struct store		*s;
	struct store_check	 c;
	struct catalog		 cat;
	struct error		 err;
	char			*kept;
	int			 i;

	s = new_store("k.db", &cat);
	for (i = 1; i <= 28; i++)
		add(s, &cat, i, i);
	store_close(s);
	OK(store_check_file(path_of("k.db"), 0, &c, &err) == 0 &&
	    c.problems == 0 && c.integrity == NULL && c.meetings == 28 &&
	    c.changes == 28, "a good database passes");
	store_check_free(&c);

	exec_sql(path_of("k.db"), "PRAGMA foreign_keys = OFF; UPDATE meetings "
	    "SET center_id = 99 WHERE id = 3");
	OK(store_check_file(path_of("k.db"), 0, &c, &err) == 0 &&
	    c.problems == 1 && c.foreign_key_problems == 1 &&
	    strstr(c.foreign_keys, "centers") != NULL,
	    "a meeting of a missing center is found");
	store_check_free(&c);
	exec_sql(path_of("k.db"), "PRAGMA journal_mode = DELETE");

	damage(path_of("k.db"), path_of("bad.db"));
	OK(store_check_file(path_of("bad.db"), 0, &c, &err) == 0 &&
	    c.problems > 0 && c.integrity != NULL, "a damaged file fails the "
	    "integrity check");
	store_check_free(&c);
	store_open(path_of("k.db"), 0, &s, &err);
	OK(s != NULL && store_restore(s, path_of("bad.db"), &kept, &err) ==
	    -1 && strstr(err.msg, "damaged") != NULL && kept == NULL,
	    "and is not restored");
	store_close(s);
	catalog_free(&cat);
}

static void
test_permissions(void)
{
	struct store	*s;
	struct catalog	 cat;
	struct error	 err;
	struct group	*gr;

	s = new_store("p.db", &cat);
	store_close(s);
	catalog_free(&cat);
	if (geteuid() != 0) {
		SKIP("the permission checks", "they need root (chown)");
		return;
	}
	gr = getgrgid(0);
	chmod(path_of("p.db"), 0660);
	OK(store_open(path_of("p.db"), 0, &s, &err) == -1 &&
	    strstr(err.msg, "not a shared database") != NULL,
	    "a group-writable private database is refused, saying why");
	chmod(path_of("p.db"), 0600);
	if (chown(path_of("p.db"), 65534, 0) == 0) {
		OK(store_open(path_of("p.db"), 0, &s, &err) == -1 &&
		    strstr(err.msg, "belongs to user") != NULL,
		    "another user's private database is refused");
		chown(path_of("p.db"), 0, 0);
	}
	exec_sql(path_of("p.db"), "PRAGMA journal_mode = DELETE; INSERT INTO "
	    "settings VALUES ('group', 'no-such-group-here')");
	chmod(path_of("p.db"), 0660);
	OK(store_open(path_of("p.db"), 0, &s, &err) == -1 &&
	    strstr(err.msg, "no-such-group-here") != NULL,
	    "a database shared with an unknown group is refused");
	if (gr != NULL) {
		char	sql[256];

		snprintf(sql, sizeof sql, "UPDATE settings SET value = '%s' "
		    "WHERE key = 'group'", gr->gr_name);
		exec_sql(path_of("p.db"), sql);
		chmod(path_of("p.db"), 0660);
		OK(store_open(path_of("p.db"), 0, &s, &err) == 0 &&
		    store_group(s) != NULL, "shared with its own group, it "
		    "opens");
		store_close(s);
	}
	chmod(path_of("p.db"), 0666);
	OK(store_open(path_of("p.db"), 0, &s, &err) == -1 &&
	    strstr(err.msg, "any user") != NULL, "a world-writable one never "
	    "does");
}

/* Every row of the history, as text, to compare before and after. */
#define HISTORY_DUMP	"SELECT group_concat(id || '|' || "		\
	"coalesce(action_id, '') || '|' || meeting_id || '|' || op || '|' "\
	"|| coalesce(before, '') || '|' || coalesce(after, ''), '\n') "	\
	"FROM (SELECT * FROM history ORDER BY id)"

/*
 * A version 3 database, written by the SQL of versions 1 to 3 with an
 * action that added two meetings, one edit and one deletion, opened by
 * this carecal: upgraded to version 4 with a copy kept, its history the
 * same row for row, and undo, the history's protection and the checks
 * working as before.
 */
static void
test_upgrade_from_3(void)
{
	struct store		*s;
	struct catalog		 cat;
	struct undo_result	 r;
	struct history_filter	 f;
	struct history_list	 list = { 0 };
	struct error		 err;
	struct stat		 st;
	char			 sql[2048], *before, *after;
	const char		*path = path_of("v3.db");
	struct passwd		*pw = getpwuid(geteuid());
	int			 v;

	for (v = 1; v <= 3; v++)
		exec_sql(path, schema_migration(v));
	snprintf(sql, sizeof sql, "PRAGMA user_version = 3; "
	    "PRAGMA application_id = %d; PRAGMA foreign_keys = ON; "
	    "INSERT INTO meeting_types VALUES (1, 'kobetsu', '個別ケア', '個別',"
	    " 'regional', 4, 6, 1, 1); "
	    "INSERT INTO centers VALUES (1, '明第1', 1, 0); "
	    "INSERT INTO actions (at, login, command) VALUES "
	    "('2021-07-01 00:00:00', 'someone', 'import old.csv'); "
	    "INSERT INTO meetings (id, uid, type_id, center_id, date, mode, "
	    "status, cases, created_at, created_by, updated_at, updated_by) "
	    "VALUES (1, 'u1', 1, 1, '2021-07-27', 'hybrid', 'held', 2, 'x', "
	    "'x', 'x', 'x'), (2, 'u2', 1, 1, '2021-08-03', 'online', "
	    "'planned', NULL, 'x', 'x', 'x', 'x'); "
	    "INSERT INTO actions (at, login, command) VALUES "
	    "('2021-07-02 00:00:00', 'someone', 'edit 1'); "
	    "UPDATE meetings SET cases = 3, version = 2 WHERE id = 1; "
	    "INSERT INTO actions (at, login, command) VALUES "
	    "('2021-07-03 00:00:00', '%s', 'delete 2'); "
	    "DELETE FROM meetings WHERE id = 2;", SCHEMA_APPLICATION_ID,
	    pw != NULL ? pw->pw_name : "?");
	IS_INT(exec_sql(path, sql), SQLITE_OK, "a version 3 database with "
	    "history is made");
	chmod(path, 0600);
	before = query_text(path, HISTORY_DUMP);
	OK(before != NULL && strstr(before, "\"cases\":3") != NULL,
	    "its history holds the edit");
	if (store_open(path, 0, &s, &err) == -1) {
		printf("# %s\n", err.msg);
		free(before);
		return;
	}
	IS_INT(store_upgraded_from(s), 3, "it is upgraded from version 3");
	OK(store_upgrade_backup(s) != NULL &&
	    stat(store_upgrade_backup(s), &st) == 0,
	    "a copy of the old file is kept");
	IS_INT(query_long(path_of("v3.db.schema3.bak"), "PRAGMA "
	    "user_version"), 3, "the copy is still version 3");
	IS_INT(query_long(path, "PRAGMA user_version"), SCHEMA_VERSION,
	    "the file is now at the current version");
	after = query_text(path, HISTORY_DUMP);
	OK(before != NULL && after != NULL && strcmp(before, after) == 0,
	    "the history is the same, row for row");
	free(after);
	IS_INT(query_long(path, "SELECT count(*) FROM sqlite_schema WHERE "
	    "sql LIKE '%mode IN (%' OR sql LIKE '%status IN (%' OR "
	    "sql LIKE '%op IN (%'"), 0, "mode, status and op are not checked "
	    "against a list (a temporary index for each row)");
	IS_INT(exec_sql(path, "DELETE FROM history"), SQLITE_CONSTRAINT,
	    "the history still cannot be deleted");
	IS_INT(exec_sql(path, "UPDATE history SET op = 'insert'"),
	    SQLITE_CONSTRAINT, "nor rewritten");
	IS_INT(exec_sql(path, "INSERT INTO history (meeting_id, op) VALUES "
	    "(9, 'move')"), SQLITE_CONSTRAINT, "an unknown op is refused");
	IS_INT(exec_sql(path, "UPDATE meetings SET mode = 'zoom' WHERE id = "
	    "1"), SQLITE_CONSTRAINT, "an unknown mode is refused");
	IS_INT(exec_sql(path, "UPDATE meetings SET status = 'done' WHERE id "
	    "= 1"), SQLITE_CONSTRAINT, "an unknown status is refused");
	IS_INT(exec_sql(path, "UPDATE meeting_types SET counts_cases = 0"),
	    SQLITE_CONSTRAINT, "a type with cases recorded keeps counting "
	    "them");
	IS_INT(exec_sql(path, "INSERT INTO meetings (id, uid, type_id, "
	    "center_id, date, created_at, created_by, updated_at, updated_by)"
	    " VALUES (2, 'other', 1, 1, '2021-09-01', 'x', 'x', 'x', 'x')"),
	    SQLITE_CONSTRAINT, "a deleted meeting's id is not given to "
	    "another");
	IS_INT(exec_sql(path, "INSERT INTO meetings (uid, type_id, date, "
	    "created_at, created_by, updated_at, updated_by) VALUES ('c', 1, "
	    "'2021-09-01', 'x', 'x', 'x', 'x')"), SQLITE_CONSTRAINT,
	    "a regional meeting still needs a center");
	store_catalog_load(s, &cat, &err);
	history_filter_init(&f);
	f.meeting_id = 1;
	OK(store_history_load(s, &f, &list, &err) == 0 && list.count == 2 &&
	    list.items[1].before.cases == 2 &&
	    list.items[1].after.cases == 3 &&
	    list.items[0].after.mode == MODE_HYBRID,
	    "history 1 shows the values before and after the old edit");
	history_list_free(&list);
	OK(store_undo_last(s, "undo", 0, &r, &err) == 0 && r.restored == 1,
	    "undo takes back the deletion made before the upgrade");
	undo_result_clear(&r);
	IS_INT(query_long(path, "SELECT count(*) FROM meetings WHERE id = 2 "
	    "AND uid = 'u2' AND mode = 'online' AND cases IS NULL"), 1,
	    "meeting 2 is back as it was");
	IS_INT(query_long(path, "SELECT count(*) FROM history h JOIN actions "
	    "a ON a.id = h.action_id WHERE a.command = 'undo' AND h.op = "
	    "'insert' AND json_extract(h.after, '$.uid') = 'u2'"), 1,
	    "and the undo is in the history");
	store_close(s);
	catalog_free(&cat);
	free(before);
}

int
main(void)
{
	char	cmd[300];

	if (mkdtemp(dir) == NULL) {
		perror("mkdtemp");
		return 1;
	}
	test_history();
	test_undo();
	test_undo_conflict();
	test_restore_meeting();
	test_backup();
	test_check();
	test_permissions();
	test_upgrade_from_3();
	snprintf(cmd, sizeof cmd, "rm -rf '%s'", dir);
	if (system(cmd) != 0)
		printf("# could not remove %s\n", dir);
	return tap_done();
}
