/*
 * test-store.c -- the SQLite store: how a file is created and opened,
 * migration from an older schema, what the database itself refuses,
 * row-version conflicts, change detection and the history triggers,
 * and the order meetings are read in.
 */
#include <sys/stat.h>

#include <stdlib.h>
#include <unistd.h>

#include <sqlite3.h>

#include "schema.h"
#include "sql.h"
#include "store.h"
#include "tap.h"

static char	dir[] = "/tmp/carecal-test-store.XXXXXX";

static const char *
path_of(const char *name)
{
	static char	buf[4][256];
	static int	i;

	i = (i + 1) % 4;
	snprintf(buf[i], sizeof buf[i], "%s/%s", dir, name);
	return buf[i];
}

static char *
file_bytes(const char *path, size_t *len)
{
	FILE	*fp = fopen(path, "rb");
	char	*buf;

	if (fp == NULL)
		return NULL;
	fseek(fp, 0, SEEK_END);
	*len = (size_t)ftell(fp);
	rewind(fp);
	buf = malloc(*len + 1);
	if (fread(buf, 1, *len, fp) != *len)
		*len = 0;
	fclose(fp);
	return buf;
}

/* A catalog like Matsudo's, in a new store. */
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
	t = (struct meeting_type){ .id = 0, .code = "suishin",
	    .name = "地域包括ケア推進会議", .short_name = "推進",
	    .level = LEVEL_REGIONAL, .target_min = 2, .target_max = 2,
	    .counts_cases = 0, .position = 0 };
	store_type_add(s, &t, &err);
	t = (struct meeting_type){ .id = 0, .code = "city",
	    .name = "市地域ケア会議", .short_name = "市",
	    .level = LEVEL_CITY, .target_min = 2, .target_max = 2,
	    .counts_cases = 0, .position = 0 };
	store_type_add(s, &t, &err);
	store_center_add(s, "明第1", &err);
	store_commit(s, &err);
	if (store_publish(s, &err) == -1)
		printf("# %s\n", err.msg);
	store_catalog_load(s, cat, &err);
	return s;
}

static void
test_create_and_open(void)
{
	struct store	*s;
	struct catalog	 cat;
	struct error	 err;
	struct stat	 st;
	char		*before, *after;
	size_t		 lb, la;

	s = new_store("a.db", &cat);
	OK(s != NULL, "a new store is created");
	OK(stat(path_of("a.db"), &st) == 0 && (st.st_mode & 0777) == 0600,
	    "the file is created with mode 0600");
	store_close(s);
	catalog_free(&cat);
	OK(stat(path_of("a.db-wal"), &st) != 0 ||
	    (st.st_mode & 0777) == 0600, "the WAL file is private too");
	IS_INT(query_long(path_of("a.db"), "PRAGMA user_version"),
	    SCHEMA_VERSION, "the schema version is current");
	IS_INT(query_long(path_of("a.db"), "PRAGMA application_id"),
	    SCHEMA_APPLICATION_ID, "the application id marks it as ours");
	OK(store_open(path_of("a.db"), 0, &s, &err) == 0, "it opens again");
	store_close(s);

	before = file_bytes(path_of("a.db"), &lb);
	OK(store_open(path_of("a.db"), STORE_CREATE, &s, &err) == -1 &&
	    strstr(err.msg, "already exists") != NULL,
	    "init refuses an existing database");
	after = file_bytes(path_of("a.db"), &la);
	OK(lb == la && memcmp(before, after, lb) == 0, "and leaves it as it "
	    "was");
	free(before);
	free(after);
	OK(store_open(path_of("none.db"), 0, &s, &err) == -1 &&
	    strstr(err.msg, "carecal init") != NULL,
	    "a missing database points to 'carecal init'");
}

/* Files in dir whose names begin with prefix. */
static int
count_names(const char *prefix)
{
	char	cmd[512];
	FILE	*fp;
	int	n = 0, c;

	snprintf(cmd, sizeof cmd, "ls -a '%s' | grep -c '^%s'", dir, prefix);
	if ((fp = popen(cmd, "r")) == NULL)
		return -1;
	if (fscanf(fp, "%d", &n) != 1)
		n = -1;
	while ((c = fgetc(fp)) != EOF)
		;
	pclose(fp);
	return n;
}

/*
 * A new database is built aside and appears only with store_publish,
 * never over a file that appeared meanwhile; a store closed before
 * leaves nothing behind.
 */
static void
test_create_aside(void)
{
	struct store	*s;
	struct error	 err;
	FILE		*fp;
	char		*before;
	size_t		 lb;

	OK(store_open(path_of("aside.db"), STORE_CREATE, &s, &err) == 0,
	    "a new store is opened");
	OK(access(path_of("aside.db"), F_OK) == -1, "nothing is at its name "
	    "yet");
	store_close(s);
	IS_INT(count_names("aside\\.db"), 0, "closed unpublished, it leaves "
	    "nothing behind");

	store_open(path_of("race.db"), STORE_CREATE, &s, &err);
	fp = fopen(path_of("race.db"), "w");
	fputs("someone else's\n", fp);
	fclose(fp);
	OK(s != NULL && store_publish(s, &err) == -1 &&
	    strstr(err.msg, "nothing was created") != NULL,
	    "a file that appeared meanwhile is not replaced");
	before = file_bytes(path_of("race.db"), &lb);
	OK(before != NULL && lb == 15 && memcmp(before, "someone else's\n",
	    15) == 0, "and keeps what it held");
	free(before);
	store_close(s);
	IS_INT(count_names("race\\.db"), 1, "and nothing else is left");

	OK(store_open(path_of("pub.db"), STORE_CREATE, &s, &err) == 0 &&
	    store_publish(s, &err) == 0, "published, it is at its name");
	OK(store_begin(s, "test", &err) == 0 && store_commit(s, &err) == 0,
	    "and the store goes on working on it");
	store_close(s);
	IS_INT(count_names("pub\\.db"), 1, "without a file beside it");
}

static void
test_refusals(void)
{
	struct store	*s;
	struct error	 err;
	FILE		*fp;
	char		*before, *after;
	size_t		 lb, la;

	exec_sql(path_of("other.db"), "CREATE TABLE t (x); "
	    "INSERT INTO t VALUES (1)");
	OK(store_open(path_of("other.db"), 0, &s, &err) == -1 &&
	    strstr(err.msg, "not a carecal one") != NULL,
	    "another program's SQLite file is refused");
	fp = fopen(path_of("text.db"), "w");
	fputs("this is not a database at all, just some words\n", fp);
	fclose(fp);
	chmod(path_of("text.db"), 0600);
	OK(store_open(path_of("text.db"), 0, &s, &err) == -1 &&
	    err.kind == ERROR_INPUT && strstr(err.msg, "not a carecal "
	    "database") != NULL, "a text file is refused");

	s = NULL;
	store_open(path_of("new.db"), STORE_CREATE, &s, &err);
	store_publish(s, &err);
	store_close(s);
	exec_sql(path_of("new.db"), "PRAGMA journal_mode = DELETE; "
	    "PRAGMA user_version = 99");
	before = file_bytes(path_of("new.db"), &lb);
	OK(store_open(path_of("new.db"), 0, &s, &err) == -1 &&
	    strstr(err.msg, "newer carecal (schema version 99") != NULL,
	    "a file from a newer carecal is refused");
	after = file_bytes(path_of("new.db"), &la);
	OK(lb == la && memcmp(before, after, lb) == 0,
	    "and is left byte for byte as it was");
	free(before);
	free(after);

	chmod(path_of("a.db"), 0666);
	OK(store_open(path_of("a.db"), 0, &s, &err) == -1 &&
	    strstr(err.msg, "any user on this host can write it") != NULL,
	    "a world-writable database is refused, saying why");
	chmod(path_of("a.db"), 0600);
}

static void
test_migration(void)
{
	struct store	*s;
	struct error	 err;
	struct stat	 st;
	char		 sql[256];

	/* a version 1 file, as the first carecal made it */
	exec_sql(path_of("v1.db"), schema_migration(1));
	snprintf(sql, sizeof sql, "PRAGMA user_version = 1; "
	    "PRAGMA application_id = %d; "
	    "INSERT INTO meeting_types VALUES (1, 'kobetsu', '個別ケア', '個別',"
	    " 'regional', 4, 6, 1, 1); "
	    "INSERT INTO centers VALUES (1, '明第1', 1, 0); ",
	    SCHEMA_APPLICATION_ID);
	exec_sql(path_of("v1.db"), sql);
	exec_sql(path_of("v1.db"), "INSERT INTO meetings (uid, type_id, "
	    "center_id, date, cases, created_at, created_by, updated_at, "
	    "updated_by) VALUES ('u1', 1, 1, '2021-07-27', 2, 'x', 'x', 'x', "
	    "'x')");
	chmod(path_of("v1.db"), 0600);
	OK(store_open(path_of("v1.db"), 0, &s, &err) == 0,
	    "a version 1 database opens");
	IS_INT(s != NULL ? store_upgraded_from(s) : -1, 1,
	    "and is upgraded from version 1");
	OK(s != NULL && store_upgrade_backup(s) != NULL &&
	    stat(store_upgrade_backup(s), &st) == 0,
	    "a copy of the old file is kept");
	store_close(s);
	IS_INT(query_long(path_of("v1.db"), "PRAGMA user_version"),
	    SCHEMA_VERSION, "the file is now at the current version");
	IS_INT(query_long(path_of("v1.db"), "SELECT cases FROM meetings "
	    "WHERE uid = 'u1'"), 2, "its meeting survived");
	IS_INT(query_long(path_of("v1.db"), "SELECT count(*) FROM "
	    "sqlite_schema WHERE name = 'history'"), 1,
	    "the history table was added");
	IS_INT(query_long(path_of("v1.db.schema1.bak"), "PRAGMA "
	    "user_version"), 1, "the kept copy is still version 1");
	IS_INT(query_long(path_of("v1.db.schema1.bak"), "SELECT count(*) "
	    "FROM meetings"), 1, "with its meeting");
}

static void
refused_by_sql(const char *what, const char *values)
{
	char	sql[1024];

	snprintf(sql, sizeof sql, "PRAGMA foreign_keys = ON; INSERT INTO "
	    "meetings (uid, type_id, center_id, date, start_time, end_time, "
	    "mode, status, cases, window_from, window_to, created_at, "
	    "created_by, updated_at, updated_by) VALUES (%s, 'x', 'x', 'x', "
	    "'x')", values);
	IS_INT(exec_sql(path_of("a.db"), sql), SQLITE_CONSTRAINT,
	    "the database itself refuses %s", what);
}

static void
test_constraints(void)
{
	/* type 1 kobetsu (cases), 2 suishin (no cases), 3 city; center 1 */
	IS_INT(exec_sql(path_of("a.db"), "INSERT INTO meetings (uid, type_id,"
	    " center_id, date, created_at, created_by, updated_at, "
	    "updated_by) VALUES ('ok', 1, 1, '2021-07-27', 'x', 'x', 'x', "
	    "'x')"), SQLITE_OK, "a good row goes in by plain SQL");
	refused_by_sql("mode 'zoom'", "'u2', 1, 1, '2021-07-27', NULL, NULL, "
	    "'zoom', 'held', NULL, NULL, NULL");
	refused_by_sql("status 'done'", "'u3', 1, 1, '2021-07-27', NULL, NULL, "
	    "'hybrid', 'done', NULL, NULL, NULL");
	refused_by_sql("an end before the start", "'u4', 1, 1, '2021-07-27', "
	    "'15:00', '13:00', 'hybrid', 'held', NULL, NULL, NULL");
	refused_by_sql("an end without a start", "'u5', 1, 1, '2021-07-27', "
	    "NULL, '13:00', 'hybrid', 'held', NULL, NULL, NULL");
	refused_by_sql("negative cases", "'u6', 1, 1, '2021-07-27', NULL, "
	    "NULL, 'hybrid', 'held', -1, NULL, NULL");
	refused_by_sql("cases on a type that does not count them", "'u7', 2, "
	    "1, '2021-07-27', NULL, NULL, 'hybrid', 'held', 2, NULL, NULL");
	refused_by_sql("2021-02-29", "'u8', 1, 1, '2021-02-29', NULL, NULL, "
	    "'hybrid', 'held', NULL, NULL, NULL");
	refused_by_sql("25:00", "'u9', 1, 1, '2021-07-27', '25:00', NULL, "
	    "'hybrid', 'held', NULL, NULL, NULL");
	refused_by_sql("a center on a city meeting", "'u10', 3, 1, "
	    "'2021-07-29', NULL, NULL, 'hybrid', 'held', NULL, NULL, NULL");
	refused_by_sql("a regional meeting without center", "'u11', 1, NULL, "
	    "'2021-07-29', NULL, NULL, 'hybrid', 'held', NULL, NULL, NULL");
	refused_by_sql("a window on a regional meeting", "'u12', 1, 1, "
	    "'2021-07-29', NULL, NULL, 'hybrid', 'held', NULL, '2021-06', "
	    "'2021-11'");
	refused_by_sql("a window backwards", "'u13', 3, NULL, "
	    "'2022-01-27', NULL, NULL, 'hybrid', 'held', NULL, '2021-11', "
	    "'2021-06'");
	refused_by_sql("an unknown center", "'u14', 1, 99, "
	    "'2021-07-29', NULL, NULL, 'hybrid', 'held', NULL, NULL, NULL");
	refused_by_sql("a duplicate uid", "'ok', 1, 1, "
	    "'2021-07-29', NULL, NULL, 'hybrid', 'held', NULL, NULL, NULL");
	IS_INT(exec_sql(path_of("a.db"), "UPDATE meeting_types SET "
	    "counts_cases = 0 WHERE code = 'kobetsu' AND EXISTS (SELECT 1); "
	    "UPDATE meetings SET cases = 1 WHERE uid = 'ok'; UPDATE "
	    "meeting_types SET counts_cases = 0 WHERE code = 'kobetsu'"),
	    SQLITE_CONSTRAINT, "a type with counted cases cannot stop "
	    "counting them");
}

static void
test_meetings(void)
{
	struct store		*s1, *s2;
	struct catalog		 cat;
	struct meeting		 m, m2, got;
	struct meeting_list	 list;
	struct meeting_filter	 f;
	struct error		 err;
	long			 id;

	s1 = new_store("m.db", &cat);
	store_open(path_of("m.db"), 0, &s2, &err);
	store_changed(s1);
	meeting_init(&m);
	m.type_id = catalog_type_by_code(&cat, "kobetsu")->id;
	m.center_id = cat.centers[0].id;
	m.date = (struct date){ 2021, 7, 27 };
	m.mode = MODE_HYBRID;
	m.cases = 2;
	store_begin(s1, "add", &err);
	OK(store_meeting_insert(s1, &m, &err) == 0 && m.id > 0 &&
	    m.uid != NULL && strlen(m.uid) > 10, "a meeting is stored with a "
	    "new UID");
	store_commit(s1, &err);
	id = m.id;
	OK(store_changed(s2) == 1 && store_changed(s2) == 0,
	    "the other connection sees one change");
	meeting_init(&m2);
	store_meeting_get(s2, id, &m2, &err);
	IS_STR(m2.uid, m.uid, "read back with the same UID");
	IS_INT(m2.mode, MODE_HYBRID, "read back hybrid");

	/* s2 edits first; s1's older copy must not overwrite it */
	m2.cases = 5;
	store_begin(s2, "edit", &err);
	OK(store_meeting_update(s2, &m2, 0, &err) == 0 && m2.version == 2 &&
	    m2.sequence == 1, "an edit bumps version and SEQUENCE");
	store_commit(s2, &err);
	m.cases = 7;
	store_begin(s1, "edit", &err);
	OK(store_meeting_update(s1, &m, 0, &err) == -1 &&
	    err.kind == ERROR_CONFLICT && strstr(err.msg, "changed by") !=
	    NULL, "a stale edit is refused as a conflict");
	store_rollback(s1);
	meeting_init(&got);
	store_meeting_get(s1, id, &got, &err);
	IS_INT(got.cases, 5, "and the other user's value stays");
	meeting_clear(&got);
	OK(store_meeting_delete(s1, id, 1, &err) == -1 &&
	    err.kind == ERROR_CONFLICT, "a stale delete is refused too");

	meeting_filter_init(&f);
	f.has_from = f.has_to = 1;
	f.from = (struct date){ 2021, 7, 1 };
	f.to = (struct date){ 2021, 7, 31 };
	meeting_list_init(&list);
	OK(store_meetings_load(s1, &f, &list, &err) == 0 && list.count == 1,
	    "a date filter finds it");
	meeting_list_free(&list);
	f.to = (struct date){ 2021, 7, 26 };
	store_meetings_load(s1, &f, &list, &err);
	IS_INT(list.count, 0, "the day before is outside");
	meeting_list_free(&list);

	store_begin(s1, "delete", &err);
	OK(store_meeting_delete(s1, id, 2, &err) == 0, "a current delete "
	    "works");
	store_commit(s1, &err);
	store_close(s1);
	store_close(s2);
	IS_INT(query_long(path_of("m.db"), "SELECT count(*) FROM history "
	    "WHERE meeting_id = 1"), 3, "insert, update and delete are all "
	    "in the history");
	IS_INT(query_long(path_of("m.db"), "SELECT count(DISTINCT action_id) "
	    "FROM history WHERE meeting_id = 1"), 3, "each under its own "
	    "action");
	meeting_clear(&m);
	meeting_clear(&m2);
	catalog_free(&cat);
}

/*
 * A meeting as a line of text, every column in the table's order: SQL
 * (MEETING_LINE) writes a row so and dump_meeting a meeting the store
 * read, so that the two can be compared.
 */
#define MEETING_LINE(text, number)					\
	"m.id || '|' || " text("uid") " || '|' || m.type_id || '|' || "	\
	"coalesce(m.center_id, 0) || '|' || m.date || '|' || "		\
	"coalesce(m.start_time, '') || '|' || "				\
	"coalesce(m.end_time, '') || '|' || m.mode || '|' || "		\
	"m.status || '|' || "						\
	"coalesce(m.cases, '') || '|' || " text("venue") " || '|' || "	\
	text("url") " || '|' || " text("note") " || '|' || "		\
	"coalesce(m.window_from || '..' || m.window_to, '') || '|' || "	\
	number("sequence") " || '|' || " number("version") " || '|' "	\
	"|| " text("created_at")					\
	" || '|' || " text("created_by") " || '|' || "			\
	text("updated_at") " || '|' || " text("updated_by") " || char(10)"
#define TEXT_ALL(col)	"coalesce(m." col ", '')"
#define NUMBER_ALL(col)	"m." col
/* what MEETING_FIELDS_PLAN leaves out */
#define TEXT_NONE(col)	"''"
#define NUMBER_NONE(col) "0"
/*
 * The lines of the meetings in the order carecal has always shown them:
 * SQLite's own sort, joining the types and centers for their positions,
 * as the store read them before schema 5.
 */
#define MEETINGS_DUMP(text, number, where)				\
	"SELECT group_concat(line, '') FROM (SELECT "			\
	MEETING_LINE(text, number)					\
	" AS line FROM meetings m JOIN meeting_types t ON t.id = m.type_id "\
	"LEFT JOIN centers c ON c.id = m.center_id " where " ORDER BY "	\
	"m.date, m.start_time, t.position, c.position, m.id)"

struct dump {
	char	*text;
	size_t	 len, size;
	size_t	 count, stop_at;
};

static const char *
or_empty(const char *s)
{
	return s != NULL ? s : "";
}

static void
dump_meeting(struct dump *d, const struct meeting *m)
{
	char	date[DATE_ISO_LEN], start[TIME_LEN] = "", end[TIME_LEN] = "";
	char	cases[16] = "", window[32] = "", line[8192];
	int	n;

	date_format_iso(m->date, date, sizeof date);
	if (m->start >= 0)
		time_format(m->start, start, sizeof start);
	if (m->end >= 0)
		time_format(m->end, end, sizeof end);
	if (m->cases >= 0)
		snprintf(cases, sizeof cases, "%d", m->cases);
	if (m->has_window)
		snprintf(window, sizeof window, "%04d-%02d..%04d-%02d",
		    m->window.from_year, m->window.from_month,
		    m->window.to_year, m->window.to_month);
	n = snprintf(line, sizeof line, "%ld|%s|%ld|%ld|%s|%s|%s|%s|%s|%s|"
	    "%s|%s|%s|%s|%ld|%ld|%s|%s|%s|%s\n", m->id, or_empty(m->uid),
	    m->type_id, m->center_id, date, start, end,
	    meeting_mode_code(m->mode), meeting_status_code(m->status), cases,
	    or_empty(m->venue), or_empty(m->url), or_empty(m->note), window,
	    m->sequence, m->version, or_empty(m->created_at),
	    or_empty(m->created_by), or_empty(m->updated_at),
	    or_empty(m->updated_by));
	if (d->len + (size_t)n + 1 > d->size) {
		d->size = (d->len + (size_t)n + 1) * 2;
		d->text = realloc(d->text, d->size);
	}
	memcpy(d->text + d->len, line, (size_t)n + 1);
	d->len += (size_t)n;
	d->count++;
}

static void
dump_list(struct dump *d, const struct meeting_list *list)
{
	size_t	i;

	for (i = 0; i < list->count; i++)
		dump_meeting(d, &list->items[i]);
}

static int
dump_each(struct meeting *m, void *arg)
{
	struct dump	*d = arg;

	dump_meeting(d, m);
	return d->stop_at != 0 && d->count == d->stop_at ? -1 : 0;
}

/* What SQLite plans for a query: its steps, one a line. */
static char *
query_plan(const char *path, const char *sql)
{
	sqlite3		*db;
	sqlite3_stmt	*st;
	char		 explain[1024], *out = calloc(1, 4096);
	size_t		 len = 0;

	snprintf(explain, sizeof explain, "EXPLAIN QUERY PLAN %s", sql);
	if (sqlite3_open_v2(path, &db, SQLITE_OPEN_READONLY, NULL) ==
	    SQLITE_OK && sqlite3_prepare_v2(db, explain, -1, &st, NULL) ==
	    SQLITE_OK) {
		while (sqlite3_step(st) == SQLITE_ROW && len < 3500)
			len += (size_t)snprintf(out + len, 4096 - len, "%s\n",
			    (const char *)sqlite3_column_text(st, 3));
		sqlite3_finalize(st);
	}
	sqlite3_close(db);
	return out;
}

/*
 * A version 4 database whose ids run against the catalog's order: the
 * types and centers were put in another order than made, and meetings
 * share a day and a time across types and centers (a city-level one
 * too), some without a time; 40 on one day, with long venues, more
 * than the store reads at once at first.
 */
static void
make_version_4(const char *path)
{
	char	sql[4096];
	int	v;

	for (v = 1; v <= 4; v++)
		exec_sql(path, schema_migration(v));
	snprintf(sql, sizeof sql, "PRAGMA user_version = 4; "
	    "PRAGMA application_id = %d; "
	    "INSERT INTO meeting_types VALUES (1, 'kobetsu', '個別ケア', '個別',"
	    " 'regional', 4, 6, 1, 3), (2, 'suishin', '推進会議', '推進', "
	    "'regional', 2, 2, 0, 1), (3, 'city', '市地域ケア会議', '市', "
	    "'city', 2, 2, 0, 2); "
	    "INSERT INTO centers VALUES (1, '明第1', 3, 0), (2, '明第2', 1, 0), "
	    "(3, '小金', 2, 1); "
	    "INSERT INTO meetings (id, uid, type_id, center_id, date, "
	    "start_time, end_time, mode, status, cases, venue, url, note, "
	    "window_from, window_to, sequence, version, created_at, "
	    "created_by, updated_at, updated_by) VALUES "
	    "(1, 'u1', 1, 1, '2021-07-27', '14:00', '15:30', 'hybrid', "
	    "'held', 2, '会議室A', NULL, 'メモ', NULL, NULL, 0, 1, "
	    "'2021-04-01 00:00:00', 'a', '2021-04-01 00:00:00', 'a'), "
	    "(2, 'u2', 2, 2, '2021-07-27', '14:00', NULL, 'in-person', "
	    "'planned', NULL, NULL, 'https://example.jp/x', NULL, NULL, "
	    "NULL, 3, 4, 'c', 'b', 'u', 'c'), "
	    "(3, 'u3', 1, 2, '2021-07-27', '14:00', NULL, 'online', "
	    "'cancelled', NULL, 'v', NULL, NULL, NULL, NULL, 0, 1, 'c', 'b', "
	    "'u', 'c'), "
	    "(4, 'u4', 3, NULL, '2021-07-27', '14:00', NULL, 'hybrid', "
	    "'held', NULL, NULL, NULL, NULL, '2021-02', '2021-05', 1, 2, 'c', "
	    "'b', 'u', 'c'), "
	    "(5, 'u5', 1, 3, '2021-07-27', NULL, NULL, 'in-person', 'held', "
	    "1, NULL, NULL, NULL, NULL, NULL, 0, 1, 'c', 'b', 'u', 'c'), "
	    "(6, 'u6', 2, 1, '2021-07-27', NULL, NULL, 'in-person', 'held', "
	    "NULL, NULL, NULL, NULL, NULL, NULL, 0, 1, 'c', 'b', 'u', 'c'), "
	    "(7, 'u7', 1, 1, '2021-07-27', '09:30', NULL, 'in-person', "
	    "'held', NULL, NULL, NULL, NULL, NULL, NULL, 0, 1, 'c', 'b', 'u', "
	    "'c'), "
	    "(8, 'u8', 1, 1, '2021-07-26', '14:00', NULL, 'in-person', "
	    "'held', NULL, NULL, NULL, NULL, NULL, NULL, 0, 1, 'c', 'b', 'u', "
	    "'c'), "
	    "(9, 'u9', 1, 2, '2021-07-27', '14:00', NULL, 'in-person', "
	    "'held', NULL, NULL, NULL, NULL, NULL, NULL, 0, 1, 'c', 'b', 'u', "
	    "'c'); "
	    "WITH RECURSIVE k(n) AS (SELECT 10 UNION ALL SELECT n + 1 FROM k "
	    "WHERE n < 49) INSERT INTO meetings (id, uid, type_id, center_id,"
	    " date, venue, created_at, created_by, updated_at, updated_by) "
	    "SELECT n, 'u' || n, 1 + n %% 2, 1 + n %% 3, '2021-08-02', "
	    "printf('%%.150c', char(65 + n %% 26)), 'c', 'b', 'u', 'c' "
	    "FROM k ORDER BY n DESC;", SCHEMA_APPLICATION_ID);
	IS_INT(exec_sql(path, sql), SQLITE_OK, "a version 4 database with "
	    "49 meetings is made");
	chmod(path, 0600);
}

static void
test_upgrade_from_4(void)
{
	struct store		*s;
	struct meeting_filter	 f;
	struct meeting_list	 list, shown;
	struct dump		 d;
	struct error		 err;
	const char		*path = path_of("v4.db");
	char			*want, *want_plan, *want_center, *plan;
	size_t			 i;
	int			 plain;

	make_version_4(path);
	want = query_text(path, MEETINGS_DUMP(TEXT_ALL, NUMBER_ALL, ""));
	want_plan = query_text(path, MEETINGS_DUMP(TEXT_NONE, NUMBER_NONE,
	    ""));
	want_center = query_text(path, MEETINGS_DUMP(TEXT_ALL, NUMBER_ALL,
	    "WHERE m.center_id = 2"));
	plan = query_plan(path, "SELECT m.id FROM meetings m JOIN "
	    "meeting_types t ON t.id = m.type_id LEFT JOIN centers c ON c.id "
	    "= m.center_id WHERE m.date >= '2021-04-01' AND m.date <= "
	    "'2022-03-31' ORDER BY m.date, m.start_time, t.position, "
	    "c.position, m.id");
	OK(strstr(plan, "TEMP B-TREE") != NULL, "version 4 read meetings "
	    "through a sort by SQLite");
	free(plan);
	if (want == NULL || want_plan == NULL || want_center == NULL ||
	    store_open(path, 0, &s, &err) == -1) {
		OK(0, "the version 4 database opens");
		free(want);
		free(want_plan);
		free(want_center);
		return;
	}
	IS_INT(store_upgraded_from(s), 4, "it is upgraded from version 4");
	IS_INT(query_long(path_of("v4.db.schema4.bak"), "PRAGMA "
	    "user_version"), 4, "a copy is kept at version 4");
	IS_INT(query_long(path, "PRAGMA user_version"), SCHEMA_VERSION,
	    "the file is now at the current version");
	plan = query_plan(path, "SELECT m.id FROM meetings m WHERE m.date >= "
	    "'2021-04-01' AND m.date <= '2022-03-31' ORDER BY m.date, "
	    "m.start_time");
	OK(strstr(plan, "meetings_by_date_time") != NULL &&
	    strstr(plan, "TEMP B-TREE") == NULL, "a fiscal year is read in "
	    "date and time order from the index, with no sort");
	free(plan);
	plan = query_plan(path, "SELECT m.id, m.type_id, m.center_id, "
	    "m.date, m.start_time, m.end_time, m.mode, m.status, m.cases, "
	    "m.window_from, m.window_to FROM meetings m WHERE m.date >= "
	    "'2021-04-01' AND m.date <= '2022-03-31' AND m.status <> "
	    "'cancelled' ORDER BY m.date, m.start_time");
	OK(strstr(plan, "COVERING INDEX meetings_by_date_time") != NULL &&
	    strstr(plan, "TEMP B-TREE") == NULL, "what the plan needs of "
	    "each meeting is read from the index alone");
	free(plan);

	meeting_filter_init(&f);
	meeting_list_init(&list);
	memset(&d, 0, sizeof d);
	OK(store_meetings_load(s, &f, &list, &err) == 0 && list.count == 49,
	    "every meeting is read");
	dump_list(&d, &list);
	IS_STR(d.text, want, "in the order and with the values SQLite's "
	    "sort gave before the upgrade");
	free(d.text);

	/* what `list` shows: the plan and the venue, the index alone */
	f.fields = MEETING_FIELDS_SHOWN;
	meeting_list_init(&shown);
	OK(store_meetings_load(s, &f, &shown, &err) == 0 &&
	    shown.count == list.count, "the shown fields are read");
	for (i = 0, plain = 1; i < shown.count && i < list.count; i++)
		plain = plain && shown.items[i].id == list.items[i].id &&
		    strcmp(or_empty(shown.items[i].venue),
		    or_empty(list.items[i].venue)) == 0 &&
		    shown.items[i].uid == NULL && shown.items[i].url == NULL &&
		    shown.items[i].note == NULL &&
		    shown.items[i].created_at == NULL &&
		    shown.items[i].updated_by == NULL;
	OK(plain, "in the same order, with the venue and no other text");
	meeting_list_free(&shown);
	f.fields = MEETING_FIELDS_ALL;
	plan = query_plan(path, "SELECT m.id, m.type_id, m.center_id, "
	    "m.date, m.start_time, m.end_time, m.mode, m.status, m.cases, "
	    "m.venue, m.window_from, m.window_to FROM meetings m WHERE "
	    "m.date >= '2021-04-01' AND m.date <= '2022-03-31' ORDER BY "
	    "m.date, m.start_time");
	OK(strstr(plan, "COVERING INDEX meetings_by_date_time") != NULL &&
	    strstr(plan, "TEMP B-TREE") == NULL, "and from the index alone");
	free(plan);
	memset(&d, 0, sizeof d);
	OK(store_meetings_each(s, &f, dump_each, &d, &err) == 0,
	    "they are read one by one");
	IS_STR(d.text, want, "in the same order, with the same values");
	free(d.text);
	memset(&d, 0, sizeof d);
	d.stop_at = 3;
	OK(store_meetings_each(s, &f, dump_each, &d, &err) == -1 &&
	    d.count == 3, "a reader that stops is not called again");
	free(d.text);

	/* loaded after one meeting already in the list: appended */
	meeting_list_free(&list);
	meeting_init(meeting_list_add(&list));
	f.fields = MEETING_FIELDS_PLAN;
	OK(store_meetings_load(s, &f, &list, &err) == 0 && list.count == 50,
	    "the plan fields are appended to a list");
	for (i = 1, plain = 1; i < list.count; i++)
		plain = plain && list.items[i].uid == NULL &&
		    list.items[i].venue == NULL && list.items[i].url == NULL &&
		    list.items[i].note == NULL &&
		    list.items[i].created_at == NULL &&
		    list.items[i].updated_by == NULL;
	OK(plain, "without their text");
	memset(&d, 0, sizeof d);
	for (i = 1; i < list.count; i++)
		dump_meeting(&d, &list.items[i]);
	IS_STR(d.text, want_plan, "and everything else as before, in the "
	    "same order");
	free(d.text);
	meeting_list_free(&list);
	memset(&d, 0, sizeof d);
	OK(store_meetings_each(s, &f, dump_each, &d, &err) == 0,
	    "read one by one without their text");
	IS_STR(d.text, want_plan, "they are the same");
	free(d.text);

	/* a center's: another index, which SQLite may sort itself */
	meeting_filter_init(&f);
	f.center_id = 2;
	memset(&d, 0, sizeof d);
	store_meetings_load(s, &f, &list, &err);
	dump_list(&d, &list);
	IS_STR(d.text, want_center, "a center's meetings come in the same "
	    "order as before");
	free(d.text);
	meeting_list_free(&list);
	store_close(s);
	free(want);
	free(want_plan);
	free(want_center);
}

/*
 * The one save path of both programs (store-save.c): checked, then one
 * action of the history, or nothing at all.
 */
static void
test_save(void)
{
	struct store		*s1, *s2;
	struct catalog		 cat;
	struct finding_list	 warnings;
	struct meeting		 m, theirs, got;
	struct error		 err;
	const char		*path = path_of("save.db");
	long			 actions;

	if ((s1 = new_store("save.db", &cat)) == NULL ||
	    store_open(path, 0, &s2, &err) == -1) {
		OK(0, "a store to save in");
		return;
	}
	actions = query_long(path, "SELECT count(*) FROM actions");
	meeting_init(&m);
	m.type_id = catalog_type_by_code(&cat, "kobetsu")->id;
	m.date = (struct date){ 2021, 7, 27 };
	warnings.count = 99;
	OK(store_meeting_check(s1, &cat, &m, &warnings, &err) == -1 &&
	    err.field != NULL && strcmp(err.field, "center") == 0,
	    "a regional meeting without a center is refused, at its field");
	IS_INT(warnings.count, 0, "with no warnings");
	OK(store_meeting_save(s1, &cat, &m, "add bad", &err) == -1 &&
	    m.id == 0, "and not saved even when asked");
	IS_INT(query_long(path, "SELECT count(*) FROM actions"), actions,
	    "no action is recorded for it");

	m.center_id = cat.centers[0].id;
	OK(store_meeting_check(s1, &cat, &m, &warnings, &err) == 0 &&
	    warnings.count == 0, "with its center it may be saved");
	finding_list_free(&warnings);
	OK(store_meeting_save(s1, &cat, &m, "add --type kobetsu", &err) == 0 &&
	    m.id > 0 && m.uid != NULL && m.version == 1, "saved, it has its "
	    "id, UID and version");
	IS_INT(query_long(path, "SELECT count(*) FROM history h JOIN actions a"
	    " ON a.id = h.action_id WHERE a.command = 'add --type kobetsu'"),
	    1, "as one action of the history, under its command");

	meeting_init(&theirs);
	store_meeting_get(s2, m.id, &theirs, &err);
	theirs.cases = 3;
	OK(store_meeting_save(s2, &cat, &theirs, "edit theirs", &err) == 0 &&
	    theirs.version == 2, "someone else saves a change");
	m.cases = 5;
	OK(store_meeting_save(s1, &cat, &m, "edit mine", &err) == -1 &&
	    err.kind == ERROR_CONFLICT && m.version == 1, "a save over it "
	    "from the older copy is a conflict");
	IS_INT(query_long(path, "SELECT count(*) FROM actions WHERE command "
	    "= 'edit mine'"), 0, "and leaves no action behind");
	meeting_init(&got);
	store_meeting_get(s1, m.id, &got, &err);
	IS_INT(got.cases, 3, "their value stays");
	meeting_clear(&got);
	OK(store_meeting_remove(s1, m.id, m.version, "delete mine",
	    &err) == -1 && err.kind == ERROR_CONFLICT, "so does a stale "
	    "removal");
	OK(store_meeting_remove(s1, m.id, theirs.version, "delete", &err) ==
	    0 && store_meeting_get(s1, m.id, &got, &err) == 1, "a current "
	    "one removes it");
	IS_INT(query_long(path, "SELECT count(*) FROM history h JOIN actions a"
	    " ON a.id = h.action_id WHERE a.command = 'delete' AND "
	    "h.op = 'delete'"), 1, "as one action");
	meeting_clear(&m);
	meeting_clear(&theirs);
	catalog_free(&cat);
	store_close(s1);
	store_close(s2);
}

/* The ids of a list, "19 18 17". */
static void
ids_of(const struct meeting_list *list, char *buf, size_t size)
{
	size_t	i, len = 0;

	buf[0] = '\0';
	for (i = 0; i < list->count && len < size; i++)
		len += (size_t)snprintf(buf + len, size - len, "%s%ld",
		    i > 0 ? " " : "", list->items[i].id);
}

/*
 * The order meetings are shown in has one definition (meeting.h): the
 * store reads in it and meeting_list_sort sorts in it, also for a center
 * or a type the catalog does not know (a row written with the foreign
 * keys off): a center it does not know with the city-level ones, a type
 * it does not know last.
 */
static void
test_order(void)
{
	struct store		*s;
	struct catalog		 cat;
	struct meeting_filter	 f;
	struct meeting_list	 read, sorted;
	struct error		 err;
	const char		*path = path_of("order.db");
	char			 got[256], want[256];
	size_t			 i;

	if ((s = new_store("order.db", &cat)) == NULL) {
		OK(0, "a store for the order");
		return;
	}
	store_begin(s, "test setup", &err);
	store_center_add(s, "明第2", &err);
	store_center_add(s, "小金", &err);
	store_commit(s, &err);
	/* positions against the ids' order; foreign keys off (sql.c) */
	IS_INT(exec_sql(path, "UPDATE meeting_types SET position = "
	    "CASE id WHEN 1 THEN 3 WHEN 2 THEN 1 ELSE 2 END; "
	    "UPDATE centers SET position = CASE id WHEN 1 THEN 3 "
	    "WHEN 2 THEN 1 ELSE 2 END; "
	    "INSERT INTO meetings (id, uid, type_id, center_id, date, "
	    "start_time, created_at, created_by, updated_at, updated_by) "
	    "VALUES (10, 'o10', 1, 1, '2021-07-27', '14:00', 'c', 'b', 'u', "
	    "'c'), (11, 'o11', 2, 1, '2021-07-27', '14:00', 'c', 'b', 'u', "
	    "'c'), (12, 'o12', 1, 2, '2021-07-27', '14:00', 'c', 'b', 'u', "
	    "'c'), (13, 'o13', 3, NULL, '2021-07-27', '14:00', 'c', 'b', 'u',"
	    " 'c'), (14, 'o14', 1, 99, '2021-07-27', '14:00', 'c', 'b', 'u', "
	    "'c'), (15, 'o15', 98, 2, '2021-07-27', '14:00', 'c', 'b', 'u', "
	    "'c'), (16, 'o16', 1, 3, '2021-07-27', '14:00', 'c', 'b', 'u', "
	    "'c'), (17, 'o17', 2, 99, '2021-07-27', '14:00', 'c', 'b', 'u', "
	    "'c'), (18, 'o18', 1, 1, '2021-07-27', NULL, 'c', 'b', 'u', 'c'), "
	    "(19, 'o19', 1, 2, '2021-07-27', NULL, 'c', 'b', 'u', 'c');"),
	    SQLITE_OK, "ten meetings of one day, two of them all-day, one of "
	    "an unknown type, two of an unknown center");
	catalog_free(&cat);
	store_catalog_load(s, &cat, &err);
	meeting_filter_init(&f);
	meeting_list_init(&read);
	meeting_list_init(&sorted);
	OK(store_meetings_load(s, &f, &read, &err) == 0 && read.count == 10,
	    "the store reads them");
	ids_of(&read, got, sizeof got);
	snprintf(want, sizeof want, "19 18 17 11 13 14 12 16 10 15");
	IS_STR(got, want, "all-day first; then by type, by center with the "
	    "unknown one among the city-level, an unknown type last");
	for (i = read.count; i > 0; i--)
		meeting_copy(meeting_list_add(&sorted), &read.items[i - 1]);
	meeting_list_sort(&sorted, &cat);
	ids_of(&sorted, got, sizeof got);
	IS_STR(got, want, "meeting_list_sort puts them in the same order");
	meeting_list_free(&read);
	meeting_list_free(&sorted);
	catalog_free(&cat);
	store_close(s);
}

/* Where the view and `check` open: the fiscal year nearest with meetings. */
static void
test_nearest_fiscal_year(void)
{
	struct store	*s;
	struct catalog	 cat;
	struct meeting	 m;
	struct error	 err;
	int		 fy = 0;
	size_t		 i;
	static const struct date dates[] = {
		{ 2019, 6, 1 }, { 2022, 3, 31 }, { 2025, 4, 1 }
	};

	if ((s = new_store("years.db", &cat)) == NULL) {
		OK(0, "a store for the years");
		return;
	}
	IS_INT(store_meetings_nearest_fiscal_year(s, 2021, &fy, &err), 1,
	    "no meetings: no year to open on");
	for (i = 0; i < sizeof dates / sizeof dates[0]; i++) {
		meeting_init(&m);
		m.type_id = catalog_type_by_code(&cat, "kobetsu")->id;
		m.center_id = cat.centers[0].id;
		m.date = dates[i];
		if (store_meeting_save(s, &cat, &m, "add", &err) == -1)
			printf("# %s\n", err.msg);
		meeting_clear(&m);
	}
	OK(store_meetings_nearest_fiscal_year(s, 2021, &fy, &err) == 0 &&
	    fy == 2021, "a year with meetings is itself (its last day)");
	OK(store_meetings_nearest_fiscal_year(s, 2022, &fy, &err) == 0 &&
	    fy == 2021, "an empty year: the nearest (2021, not 2025)");
	OK(store_meetings_nearest_fiscal_year(s, 2023, &fy, &err) == 0 &&
	    fy == 2025, "the later of two at the same distance (2025)");
	OK(store_meetings_nearest_fiscal_year(s, 2010, &fy, &err) == 0 &&
	    fy == 2019, "before them all: the first");
	OK(store_meetings_nearest_fiscal_year(s, 2040, &fy, &err) == 0 &&
	    fy == 2025, "after them all: the last");
	catalog_free(&cat);
	store_close(s);
}

int
main(void)
{
	char	cmd[300];

	if (mkdtemp(dir) == NULL) {
		perror("mkdtemp");
		return 1;
	}
	test_create_and_open();
	test_create_aside();
	test_refusals();
	test_migration();
	test_constraints();
	test_meetings();
	test_upgrade_from_4();
	test_order();
	test_save();
	test_nearest_fiscal_year();
	snprintf(cmd, sizeof cmd, "rm -rf '%s'", dir);
	if (system(cmd) != 0)
		printf("# could not remove %s\n", dir);
	return tap_done();
}
