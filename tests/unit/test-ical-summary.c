/*
 * test-ical-summary.c -- the SUMMARY wording of the iCalendar export and
 * import: every type, center, mode and status comes back as written,
 * also when names hold full-width brackets themselves; a foreign SUMMARY
 * is not taken for carecal's, and gives only what it does name.
 */
#include <locale.h>
#include <stdio.h>
#include <string.h>

#include "ical-summary.h"
#include "tap.h"

/* Matsudo's types, Takamatsu's bracketed one, and traps for the parse. */
enum {
	SUISHIN = 1, KOBETSU, CHOSEI, CHOSEI_PLAIN, CITY, CITY_WHOLE,
	NTYPES = CITY_WHOLE
};
enum { AKE = 1, DANCHI, NESTED, MODE_LIKE, UNBALANCED, LEADING, TEIKI,
	NCENTERS = TEIKI };

static struct catalog	cat;

static void
make_catalog(void)
{
	static const struct {
		long		 id;
		const char	*code, *name, *short_name;
		enum type_level	 level;
	} types[] = {
		{ SUISHIN, "suishin", "地域包括ケア推進会議", "推進",
		    LEVEL_REGIONAL },
		{ KOBETSU, "kobetsu", "地域個別ケア会議", "個別",
		    LEVEL_REGIONAL },
		/* Takamatsu's: サービス調整（定期開催）（庵治）［対面］ */
		{ CHOSEI, "chosei", "サービス調整（定期開催）", "調整",
		    LEVEL_REGIONAL },
		/* its name is the other's up to the bracket */
		{ CHOSEI_PLAIN, "service", "サービス調整", "サービス",
		    LEVEL_REGIONAL },
		{ CITY, "city", "市地域ケア会議", "市", LEVEL_CITY },
		{ CITY_WHOLE, "zentai", "市地域ケア会議（全体会）", "全体",
		    LEVEL_CITY },
	};
	static const char	*centers[] = {
		"明第1",
		"常盤平（団地）",
		"新松戸（東（2））",
		"小金［北］",
		"馬橋）",
		"（新）矢切",
		"定期開催"	/* as the bracket of CHOSEI's name */
	};
	struct meeting_type	 t;
	struct center		 c;
	size_t			 i;

	catalog_init(&cat);
	for (i = 0; i < sizeof types / sizeof types[0]; i++) {
		memset(&t, 0, sizeof t);
		t.id = types[i].id;
		t.code = (char *)types[i].code;
		t.name = (char *)types[i].name;
		t.short_name = (char *)types[i].short_name;
		t.level = types[i].level;
		t.target_min = t.target_max = -1;
		t.position = (int)i;
		catalog_add_type(&cat, &t);
	}
	for (i = 0; i < sizeof centers / sizeof centers[0]; i++) {
		memset(&c, 0, sizeof c);
		c.id = (long)i + 1;
		c.name = (char *)centers[i];
		c.position = (int)i;
		catalog_add_center(&cat, &c);
	}
}

static const char *
format(long type, long center, enum meeting_mode mode,
    enum meeting_status status, char *buf, size_t size)
{
	struct meeting	m;

	meeting_init(&m);
	m.type_id = type;
	m.center_id = center;
	m.mode = mode;
	m.status = status;
	ical_summary_format(&m, &cat, buf, size);
	return buf;
}

/* Each written SUMMARY is read back as the meeting it was made of. */
static void
test_round_trip(void)
{
	const struct meeting_type	*t;
	const struct center		*c;
	struct ical_summary		 got;
	char				 buf[ICAL_SUMMARY_MAX];
	char				 first[ICAL_SUMMARY_MAX + 64];
	long				 type, center;
	int				 mode, status, bad, rc;

	for (type = 1; type <= NTYPES; type++) {
		t = catalog_type_by_id(&cat, type);
		for (center = t->level == LEVEL_CITY ? 0 : 1;
		    center <= (t->level == LEVEL_CITY ? 0 : NCENTERS);
		    center++) {
			c = catalog_center_by_id(&cat, center);
			bad = 0;
			first[0] = '\0';
			for (mode = 0; mode < MODE_COUNT; mode++)
				for (status = 0; status < STATUS_COUNT;
				    status++) {
					format(type, center, mode, status,
					    buf, sizeof buf);
					rc = ical_summary_parse(buf, &cat,
					    &got);
					if (rc == 0 && got.type == t &&
					    got.center == c &&
					    got.has_mode &&
					    got.mode == (enum meeting_mode)
					    mode && got.cancelled ==
					    (status == STATUS_CANCELLED))
						continue;
					if (bad++ == 0)
						snprintf(first, sizeof first,
						    "%s: rc %d, type %ld, "
						    "center %ld", buf, rc,
						    got.type != NULL ?
						    got.type->id : 0,
						    got.center != NULL ?
						    got.center->id : 0);
				}
			OK(bad == 0, "round trip: %s%s%s%s, every mode and "
			    "status", t->name, c != NULL ? "（" : "",
			    c != NULL ? c->name : "", c != NULL ? "）" : "");
			if (bad > 0)
				printf("#   %d wrong, first %s\n", bad, first);
		}
	}
}

/* The wording itself, as office calendars show it. */
static void
test_wording(void)
{
	char	buf[ICAL_SUMMARY_MAX];

	IS_STR(format(KOBETSU, AKE, MODE_HYBRID, STATUS_CANCELLED, buf,
	    sizeof buf), "【中止】地域個別ケア会議（明第1）［一部オンライン］",
	    "cancelled, regional, hybrid");
	IS_STR(format(CITY, 0, MODE_IN_PERSON, STATUS_HELD, buf, sizeof buf),
	    "市地域ケア会議［対面］", "city-level: no center");
	IS_STR(format(CHOSEI, NESTED, MODE_ONLINE, STATUS_PLANNED, buf,
	    sizeof buf), "サービス調整（定期開催）（新松戸（東（2）））"
	    "［完全オンライン］", "names with brackets are written as they "
	    "are");
	IS_STR(format(99, AKE, MODE_IN_PERSON, STATUS_PLANNED, buf,
	    sizeof buf), "?（明第1）［対面］", "a type not in the catalog");
	/* the center that is also the bracket of CHOSEI's name */
	IS_STR(format(CHOSEI_PLAIN, TEIKI, MODE_IN_PERSON, STATUS_PLANNED,
	    buf, sizeof buf), "サービス調整（定期開催）［対面］",
	    "サービス調整 at 定期開催 reads as CHOSEI's name would");
}

static void
expect(const char *summary, int rc, long type, long center, int mode,
    int cancelled, const char *what)
{
	struct ical_summary	got;
	int			got_rc;

	got_rc = ical_summary_parse(summary, &cat, &got);
	OK(got_rc == rc && (got.type != NULL ? got.type->id : 0) == type &&
	    (got.center != NULL ? got.center->id : 0) == center &&
	    (got.has_mode ? (int)got.mode : -1) == mode &&
	    got.cancelled == cancelled, "%s", what);
	if (got_rc != rc)
		printf("#   rc %d, want %d\n", got_rc, rc);
}

/* A SUMMARY carecal did not write: only what it names, and -1. */
static void
test_foreign(void)
{
	char	long_one[ICAL_SUMMARY_MAX + 100];
	size_t	i;

	expect("Team meeting", -1, 0, 0, -1, 0, "foreign: nothing named");
	expect("", -1, 0, 0, -1, 0, "empty: nothing named");
	expect("【中止】", -1, 0, 0, -1, 1, "【中止】 alone: only cancelled");
	expect("打合せ（明第1）", -1, 0, AKE, -1, 0,
	    "foreign, ends in a center: the center, as before");
	expect("Weekly sync［対面］", -1, 0, 0, MODE_IN_PERSON, 0,
	    "foreign, ends in a mode: the mode, as before");
	expect("地域個別ケア会議", -1, KOBETSU, 0, -1, 0,
	    "a type's name alone: the type, no mode");
	expect("地域個別ケア会議（どこか）［対面］", -1, KOBETSU, 0,
	    MODE_IN_PERSON, 0, "a center not in the catalog: the rest");
	expect("地域個別ケア会議(明第1)[対面]", -1, 0, 0, -1, 0,
	    "half-width brackets are not carecal's");
	expect("市地域ケア会議（明第1）［対面］", -1, CITY, AKE,
	    MODE_IN_PERSON, 0, "a city-level type never has a center");
	expect("個別（明第1）［hybrid］", 0, KOBETSU, AKE, MODE_HYBRID, 0,
	    "short name and mode code are read too");
	expect("市地域ケア会議（全体会）", -1, CITY_WHOLE, 0, -1, 0,
	    "a bracketed type's name alone is that type");
	/* both readings name the catalog: a regional type at a center wins */
	expect("サービス調整（定期開催）", -1, CHOSEI_PLAIN, TEIKI, -1, 0,
	    "ambiguous: type（center） before a bracketed type's name");
	expect("サービス調整（定期開催）（明第1）［対面］", 0, CHOSEI, AKE,
	    MODE_IN_PERSON, 0, "Takamatsu's bracketed type at a center");
	for (i = 0; i < sizeof long_one - 1; i++)
		long_one[i] = 'x';
	long_one[i] = '\0';
	memcpy(long_one + sizeof long_one - 1 - strlen("［対面］"), "［対面］",
	    strlen("［対面］"));
	expect(long_one, -1, 0, 0, -1, 0, "longer than any carecal writes");
}

int
main(void)
{
	setlocale(LC_ALL, "C.UTF-8");
	make_catalog();
	test_wording();
	test_round_trip();
	test_foreign();
	catalog_free(&cat);
	return tap_done();
}
