/*
 * feeds.c -- the feeds of `carecal serve` (feeds.h): which path is which
 * calendar, each made once per state of the database (PRAGMA
 * data_version) and day, in a read transaction of its own.
 */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>

#include "alloc.h"
#include "export.h"
#include "feed-index.h"
#include "feeds.h"
#include "i18n.h"
#include "store-tombstones.h"

#define PATH_ALL	"/calendar.ics"
#define PREFIX_CENTER	"/centers/"
#define PREFIX_TYPE	"/types/"
#define SUFFIX		".ics"

/* A calendar asked for, whatever its slot after the catalog changes. */
struct feed_key {
	long	center_id;	/* 0: none */
	long	type_id;	/* 0: none */
};

struct feeds {
	struct store		*store;
	int			 fresh;		/* read since a change */
	struct catalog		 catalog;
	char			*city;
	struct date		 today;
	time_t			 modified;	/* the last change */
	/* made so far: every meeting, then each center, then each type */
	struct http_body	**bodies;
	size_t			 nbodies;
	/* made before the last change, to make again (feeds_warm) */
	struct feed_key		*wanted;
	size_t			 nwanted;
};

struct feeds *
feeds_new(struct store *store)
{
	struct feeds	*f = xcalloc(1, sizeof *f);

	f->store = store;
	catalog_init(&f->catalog);
	return f;
}

/* The key of slot (see struct feeds). */
static struct feed_key
key_of(const struct feeds *f, size_t slot)
{
	struct feed_key	k = { 0, 0 };
	size_t		ncenters = f->catalog.ncenters;

	if (slot >= 1 && slot <= ncenters)
		k.center_id = f->catalog.centers[slot - 1].id;
	else if (slot > ncenters)
		k.type_id = f->catalog.types[slot - 1 - ncenters].id;
	return k;
}

/* The slot of k in the catalog now; nbodies when it is gone. */
static size_t
slot_of(const struct feeds *f, struct feed_key k)
{
	const struct center		*c;
	const struct meeting_type	*t;

	if (k.center_id != 0)
		return (c = catalog_center_by_id(&f->catalog,
		    k.center_id)) == NULL ? f->nbodies :
		    1 + (size_t)(c - f->catalog.centers);
	if (k.type_id != 0)
		return (t = catalog_type_by_id(&f->catalog,
		    k.type_id)) == NULL ? f->nbodies : 1 +
		    f->catalog.ncenters + (size_t)(t - f->catalog.types);
	return 0;
}

static void
want(struct feeds *f, struct feed_key k)
{
	size_t	i;

	for (i = 0; i < f->nwanted; i++)
		if (f->wanted[i].center_id == k.center_id &&
		    f->wanted[i].type_id == k.type_id)
			return;
	f->wanted = xreallocarray(f->wanted, f->nwanted + 1,
	    sizeof *f->wanted);
	f->wanted[f->nwanted++] = k;
}

static void
forget(struct feeds *f)
{
	size_t	i;

	/* what was made is wanted again; what was wanted still is */
	for (i = 0; i < f->nbodies; i++)
		if (f->bodies[i] != NULL)
			want(f, key_of(f, i));
	for (i = 0; i < f->nbodies; i++)
		http_body_unref(f->bodies[i]);
	free(f->bodies);
	f->bodies = NULL;
	f->nbodies = 0;
	catalog_free(&f->catalog);
	catalog_init(&f->catalog);
	free(f->city);
	f->city = NULL;
	f->fresh = 0;
}

void
feeds_free(struct feeds *f)
{
	if (f == NULL)
		return;
	forget(f);
	free(f->wanted);
	free(f);
}

/* Local midnight at the start of d. */
static time_t
midnight(struct date d)
{
	struct tm	tm;

	memset(&tm, 0, sizeof tm);
	tm.tm_year = d.year - 1900;
	tm.tm_mon = d.month - 1;
	tm.tm_mday = d.day;
	tm.tm_isdst = -1;
	return mktime(&tm);
}

/*
 * When the feeds last changed: the last action, or the start of the
 * day a deleted meeting's tombstone ran out if that is later. Never
 * later than now; now if nothing was ever recorded.
 */
static int
last_modified(struct feeds *f, time_t *out, struct error *err)
{
	struct date	since, expired;
	time_t		now = time(NULL), t;
	int		days, found;

	if (store_last_change(f->store, out, err) == -1 ||
	    export_tombstones_since(f->store, &since, &days, err) == -1)
		return -1;
	if (days > 0) {
		if ((found = store_tombstones_expired(f->store, since,
		    &expired, err)) == -1)
			return -1;
		if (found && (t = midnight(date_add_days(expired, days))) >
		    *out)
			*out = t;
	}
	if (*out == (time_t)-1 || *out > now)
		*out = now;
	return 0;
}

/* Catalog, city and date of the state the feeds are made from. */
static int
refresh(struct feeds *f, struct error *err)
{
	struct date	today;
	int		rc;

	if (date_today(&today, err) == -1)
		return -1;
	/* store_changed is 1 the first time, and after any commit */
	if (store_changed(f->store) || date_compare(today, f->today) != 0)
		forget(f);
	if (f->fresh)
		return 0;
	f->today = today;
	if (store_read_begin(f->store, err) == -1)
		return -1;
	rc = store_catalog_load(f->store, &f->catalog, err);
	if (rc == 0)
		rc = store_setting_get(f->store, "city", &f->city, err);
	if (rc == 0)
		rc = last_modified(f, &f->modified, err);
	store_read_end(f->store);
	if (rc == -1) {
		forget(f);
		return -1;
	}
	if (f->city == NULL)
		f->city = xstrdup("");
	f->nbodies = 1 + f->catalog.ncenters + f->catalog.ntypes;
	f->bodies = xcalloc(f->nbodies, sizeof *f->bodies);
	f->fresh = 1;
	return 0;
}

/* The calendar of slot (see struct feeds), from the database. */
static int
make_calendar(struct feeds *f, size_t slot, struct http_body **out,
    struct error *err)
{
	struct export_calendar	 cal;
	struct export_count	 count;
	struct feed_key		 k = key_of(f, slot);
	FILE			*fp;
	char			 calname[512], *data = NULL;
	size_t			 size = 0;
	int			 rc;

	export_calendar_name(&f->catalog, f->city, k.center_id, k.type_id,
	    calname, sizeof calname);
	export_calendar_init(&cal, calname);
	cal.filter.center_id = k.center_id;
	cal.filter.type_id = k.type_id;
	cal.stamp = f->modified;
	if ((fp = open_memstream(&data, &size)) == NULL)
		return error_set(err, ERROR_FAILURE, _("out of memory"));
	if ((rc = store_read_begin(f->store, err)) == 0) {
		rc = export_calendar_write(fp, f->store, &f->catalog, &cal,
		    &count, err);
		store_read_end(f->store);
	}
	if (fclose(fp) == EOF && rc == 0)
		rc = error_set(err, ERROR_FAILURE, _("out of memory"));
	if (rc == -1) {
		free(data);
		return -1;
	}
	*out = http_body_new(data, size, HTTP_TYPE_CALENDAR, f->modified);
	return 0;
}

/* The page of links: made for each request, as its base may differ. */
static int
make_index(struct feeds *f, const char *base, struct http_body **out,
    struct error *err)
{
	struct feed_link	*links;
	char			*html, *enc, title[512];
	size_t			 n = 0, i, len;

	links = xcalloc(f->nbodies, sizeof *links);
	links[n].kind = FEED_ALL;
	links[n].name = "すべてのセンター・会議";
	links[n++].path = xstrdup(PATH_ALL);
	for (i = 0; i < f->catalog.ncenters; i++) {
		enc = http_path_encode(f->catalog.centers[i].name);
		links[n].kind = FEED_CENTER;
		links[n].name = f->catalog.centers[i].name;
		links[n].retired = f->catalog.centers[i].retired;
		links[n].path = xmalloc(strlen(enc) + sizeof PREFIX_CENTER +
		    sizeof SUFFIX);
		sprintf((char *)links[n++].path, "%s%s%s", PREFIX_CENTER, enc,
		    SUFFIX);
		free(enc);
	}
	for (i = 0; i < f->catalog.ntypes; i++) {
		enc = http_path_encode(f->catalog.types[i].code);
		links[n].kind = FEED_TYPE;
		links[n].name = f->catalog.types[i].name;
		links[n].path = xmalloc(strlen(enc) + sizeof PREFIX_TYPE +
		    sizeof SUFFIX);
		sprintf((char *)links[n++].path, "%s%s%s", PREFIX_TYPE, enc,
		    SUFFIX);
		free(enc);
	}
	snprintf(title, sizeof title, "%s%s地域ケア会議 公開カレンダー",
	    f->city, *f->city != '\0' ? " " : "");
	html = feed_index_html(title, base, links, n, &len);
	for (i = 0; i < n; i++)
		free((char *)links[i].path);
	free(links);
	if (html == NULL)
		return error_set(err, ERROR_FAILURE, _("out of memory"));
	*out = http_body_new(html, len, HTTP_TYPE_HTML, f->modified);
	return 0;
}

/* "NAME" out of PREFIX NAME SUFFIX, in buf; NULL if path is not so. */
static const char *
name_in(const char *path, const char *prefix, char *buf, size_t size)
{
	size_t	len = strlen(path), plen = strlen(prefix);
	size_t	slen = strlen(SUFFIX);

	if (len <= plen + slen || strncmp(path, prefix, plen) != 0 ||
	    strcmp(path + len - slen, SUFFIX) != 0 ||
	    len - plen - slen >= size)
		return NULL;
	memcpy(buf, path + plen, len - plen - slen);
	buf[len - plen - slen] = '\0';
	return buf;
}

/* The slot of path: 0 and *slot, 1 when none (the index: nbodies). */
static int
find_slot(struct feeds *f, const char *path, size_t *slot)
{
	const struct center		*c;
	const struct meeting_type	*t;
	const char			*name;
	char				 buf[1024];

	if (strcmp(path, "/") == 0) {
		*slot = f->nbodies;
		return 0;
	}
	if (strcmp(path, PATH_ALL) == 0) {
		*slot = 0;
		return 0;
	}
	if ((name = name_in(path, PREFIX_CENTER, buf, sizeof buf)) != NULL &&
	    (c = catalog_center_by_name(&f->catalog, name)) != NULL) {
		*slot = 1 + (size_t)(c - f->catalog.centers);
		return 0;
	}
	if ((name = name_in(path, PREFIX_TYPE, buf, sizeof buf)) != NULL &&
	    (t = catalog_type_by_code(&f->catalog, name)) != NULL) {
		*slot = 1 + f->catalog.ncenters +
		    (size_t)(t - f->catalog.types);
		return 0;
	}
	return 1;
}

int
feeds_warm(struct feeds *f, struct error *err)
{
	size_t	slot;
	int	made = 0;

	if (refresh(f, err) == -1)
		return -1;
	while (f->nwanted > 0) {
		slot = slot_of(f, f->wanted[f->nwanted - 1]);
		if (slot < f->nbodies && f->bodies[slot] == NULL) {
			if (make_calendar(f, slot, &f->bodies[slot], err) ==
			    -1)
				return -1;
			made = 1;
		}
		f->nwanted--;
	}
	return made;
}

int
feeds_get(struct feeds *f, const char *path, const char *base,
    struct http_body **out, struct error *err)
{
	size_t	slot;

	*out = NULL;
	if (refresh(f, err) == -1)
		return -1;
	if (find_slot(f, path, &slot) == 1)
		return 1;
	if (slot == f->nbodies)
		return make_index(f, base, out, err);
	if (f->bodies[slot] == NULL &&
	    make_calendar(f, slot, &f->bodies[slot], err) == -1)
		return -1;
	*out = http_body_ref(f->bodies[slot]);
	return 0;
}
