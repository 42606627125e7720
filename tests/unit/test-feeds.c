/*
 * test-feeds.c -- the feeds of `carecal serve` over a store read only
 * while another connection writes (db/feeds.h): which path is which
 * calendar, a body kept while nothing changes and made again after a
 * commit, by feeds_warm before anyone asks; DTSTAMP and Last-Modified
 * the last change, or the day a tombstone ran out. Needs the iCalendar
 * module (CARECAL_MODULEDIR, as make check sets it).
 */
#include <stdlib.h>
#include <string.h>
#include <time.h>
#include <unistd.h>

#include "feeds.h"
#include "modules.h"
#include "store.h"
#include "tap.h"

static char	dir[] = "/tmp/carecal-test-feeds.XXXXXX";
static char	path[256];

/* A database with one type, one center, one meeting; the writer's. */
static struct store *
new_store(struct catalog *cat, struct meeting *m)
{
	struct store		*s;
	struct error		 err;
	struct meeting_type	 t = { 0, "kobetsu", "地域個別ケア会議", "個別",
				    LEVEL_REGIONAL, 4, 6, 1, 0, NULL,
				    0, 0, 0, CADENCE_YEARLY, NULL };

	snprintf(path, sizeof path, "%s/feeds.db", dir);
	if (store_open(path, STORE_CREATE, &s, &err) == -1) {
		printf("# %s\n", err.msg);
		return NULL;
	}
	store_begin(s, "test setup", &err);
	store_type_add(s, &t, &err);
	store_center_add(s, "明第1", &err);
	store_setting_set(s, "city", "松戸市", &err);
	store_commit(s, &err);
	if (store_publish(s, &err) == -1)
		printf("# %s\n", err.msg);
	store_catalog_load(s, cat, &err);
	meeting_init(m);
	m->type_id = cat->types[0].id;
	m->center_id = cat->centers[0].id;
	m->date = (struct date){ 2021, 8, 5 };
	m->start = 13 * 60 + 30;
	m->end = 15 * 60;
	meeting_set_text(&m->note, "非公開のメモ");
	if (store_meeting_save(s, cat, m, "add", &err) == -1)
		printf("# %s\n", err.msg);
	return s;
}

static int
has(const struct http_body *b, const char *text)
{
	return b != NULL && memmem(b->data, b->length, text,
	    strlen(text)) != NULL;
}

/* DTSTAMP as the feed writes it for t. */
static void
stamp_line(time_t t, char *buf, size_t size)
{
	struct tm	tm;

	gmtime_r(&t, &tm);
	strftime(buf, size, "DTSTAMP:%Y%m%dT%H%M%SZ", &tm);
}

int
main(void)
{
	struct catalog		 cat;
	struct meeting		 m;
	struct store		*w, *ro;
	struct feeds		*f;
	struct http_body	*a = NULL, *b = NULL, *c = NULL;
	struct error		 err;
	char			 line[64], uid[300];
	time_t			 last;
	int			 rc;

	if (mkdtemp(dir) == NULL)
		return 99;
	unsetenv("CARECAL_TODAY");
	catalog_init(&cat);
	if ((w = new_store(&cat, &m)) == NULL ||
	    store_open(path, STORE_READONLY, &ro, &err) == -1) {
		printf("Bail out! no store\n");
		return 1;
	}
	snprintf(uid, sizeof uid, "UID:%s", m.uid);
	f = feeds_new(ro);

	IS_INT(feeds_get(f, "/calendar.ics", "", &a, &err), 0,
	    "/calendar.ics");
	OK(has(a, uid), "holds the meeting");
	OK(!has(a, "非公開のメモ"), "never its note");
	OK(a != NULL && strcmp(a->type, HTTP_TYPE_CALENDAR) == 0,
	    "as text/calendar");
	store_last_change(w, &last, &err);
	OK(a != NULL && a->modified == last,
	    "Last-Modified: the last change");
	stamp_line(last, line, sizeof line);
	OK(has(a, line), "DTSTAMP: the last change too (%s)", line);
	IS_INT(feeds_get(f, "/calendar.ics", "", &b, &err), 0, "again");
	OK(a == b, "the same body, kept");
	http_body_unref(b);
	b = NULL;
	IS_INT(feeds_get(f, "/centers/明第1.ics", "", &b, &err), 0,
	    "/centers/明第1.ics");
	OK(has(b, uid), "the center's meeting");
	http_body_unref(b);
	IS_INT(feeds_get(f, "/types/kobetsu.ics", "", &b, &err), 0,
	    "/types/kobetsu.ics");
	http_body_unref(b);
	IS_INT(feeds_get(f, "/", "https://cal.example.jp/t0ken", &b, &err), 0,
	    "/");
	OK(has(b, "https://cal.example.jp/t0ken/centers/%E6%98%8E%E7%AC%AC1"
	    ".ics"), "the page: the center's URL from the base, encoded");
	OK(b != NULL && strcmp(b->type, HTTP_TYPE_HTML) == 0, "as HTML");
	http_body_unref(b);
	b = NULL;
	IS_INT(feeds_get(f, "/centers/明第2.ics", "", &b, &err), 1,
	    "an unknown center: not found");
	IS_INT(feeds_get(f, "/types/city.ics", "", &b, &err), 1,
	    "an unknown type: not found");
	IS_INT(feeds_get(f, "/calendar.ics/", "", &b, &err), 1,
	    "a path that is almost one: not found");
	OK(b == NULL, "and no body");
	IS_INT(feeds_warm(f, &err), 0, "nothing changed: nothing to warm");

	/* another connection commits: made again before anyone asks */
	m.mode = MODE_ONLINE;
	rc = store_meeting_save(w, &cat, &m, "edit", &err);
	IS_INT(rc, 0, "an edit by the writer");
	IS_INT(feeds_warm(f, &err), 1, "warmed: the feeds asked for, made");
	IS_INT(feeds_warm(f, &err), 0, "and then nothing more");
	IS_INT(feeds_get(f, "/calendar.ics", "", &b, &err), 0,
	    "/calendar.ics after the edit");
	OK(b != a && b != NULL && strcmp(a->etag, b->etag) != 0,
	    "another body, another ETag");
	OK(has(b, "［完全オンライン］"), "with the change");
	OK(has(a, "［対面］"), "the old body, still held, as it was");
	http_body_unref(a);
	http_body_unref(b);
	a = b = NULL;

	/* deleted: its tombstone; and the day it runs out */
	rc = store_meeting_remove(w, m.id, m.version, "delete", &err);
	IS_INT(rc, 0, "the writer deletes it");
	IS_INT(feeds_get(f, "/calendar.ics", "", &a, &err), 0,
	    "/calendar.ics after the deletion");
	OK(has(a, uid) && has(a, "STATUS:CANCELLED") &&
	    has(a, "SEQUENCE:2"), "its tombstone: CANCELLED, SEQUENCE:2");
	store_last_change(w, &last, &err);
	setenv("CARECAL_TODAY", "2099-01-01", 1);
	IS_INT(feeds_get(f, "/calendar.ics", "", &c, &err), 0,
	    "/calendar.ics on another day");
	OK(!has(c, uid), "the tombstone ran out (400 days)");
	/* it ran out on a day not yet come by the clock: now, at most */
	OK(c != NULL && c->modified >= last && c->modified <= time(NULL),
	    "Last-Modified: not before the deletion, never in the future");
	unsetenv("CARECAL_TODAY");

	http_body_unref(a);
	http_body_unref(c);
	feeds_free(f);
	modules_free();
	store_close(ro);
	store_close(w);
	catalog_free(&cat);
	meeting_clear(&m);
	snprintf(line, sizeof line, "rm -rf '%s'", dir);
	if (system(line) != 0)
		printf("# could not remove %s\n", dir);
	return tap_done();
}
