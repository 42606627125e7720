/*
 * ical-read.c -- the iCalendar import's reader: the file's structure,
 * its calendar properties and VTIMEZONEs, the values of times, and
 * every problem with its line; each event goes whole to ical-map.c.
 * libical parses every component and value. What is written here is
 * what libical 3.0 has no streaming form of: the file is read one
 * logical line at a time, and BEGIN/END are followed only to hand
 * libical's parser one event at a time, so that a file of 100,000
 * events never becomes one tree of hundreds of megabytes.
 */
#include <errno.h>
#include <stdarg.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <strings.h>

#include "alloc.h"
#include "i18n.h"
#include "ical-import-private.h"
#include "ical-zone.h"
#include "text.h"

#define LINE_MAX_BYTES	(8L * 1024 * 1024)	/* one unfolded line */
#define DEPTH_MAX	16
#define REPORT_MAX	20

/* A logical (unfolded) line reader over a FILE with one line of lookahead. */
struct reader {
	FILE	*fp;
	char	 block[65536];
	size_t	 pos, end;
	int	 eof;
	long	 physical;	/* physical lines read */
	char	*next;		/* the physical line read ahead */
	size_t	 next_len, next_cap;
	long	 next_no;
	int	 has_next;
	char	*line;		/* the logical line */
	size_t	 len, cap;
	long	 no;		/* the physical line it starts on */
};

enum scan_mode {
	SCAN_ALL,	/* zones as they come, and the events */
	SCAN_EVENTS	/* again, every zone known: events only */
};

enum capture {
	CAPTURE_NONE,
	CAPTURE_EVENT,
	CAPTURE_ZONE
};

struct zone {
	char		*tzid;
	icaltimezone	*zone;
};

/* The lines of the component being read, to name the line of an error. */
struct arena_line {
	size_t	offset;
	long	no;
	int	checked;	/* parsed on its own already (the cache) */
};

/*
 * A line that recurs unchanged in many events (DTSTAMP, STATUS, the
 * type, center and mode) and what libical made of it: parsing it again
 * for each of 100,000 events would cost most of the import's time.
 */
struct cached_line {
	char		 *line;
	icalproperty	**props;	/* CATEGORIES:a,b gives two */
	size_t		  count;
};

#define CACHE_SLOTS	8192	/* a power of two */
/* past this many, lines are parsed afresh */
#define CACHE_MAX	(CACHE_SLOTS / 2)
/* TZIDs without a VTIMEZONE, looked up once (libical, ICU) */
#define NAMED_MAX	32

/*
 * The reading of the file, ical-read.c's own: the lines, the time zones
 * it defines, libical's parsers and the cache of recurring lines.
 */
struct reading {
	enum scan_mode		 mode;
	struct reader		 r;
	icalparser		*parser;
	icaltimezone		*floating;
	struct zone		*zones;
	size_t			 nzones;
	struct zone		 named[NAMED_MAX];	/* zone NULL: none */
	size_t			 nnamed;
	int			 zone_late;
	char			*arena;
	size_t			 arena_len, arena_cap;
	struct arena_line	*lines;
	size_t			 nlines, lines_cap;
	long			 calendars;
	icalparser		*line_parser;
	struct cached_line	*cache;
	size_t			 ncached;
	icalproperty		**pending;
	size_t			 npending, pending_cap;
};

/* Append one whole problem to err, as many as fit; the count goes on. */
static void
problem_text(struct scan *s, const char *text)
{
	size_t	len = strlen(s->err->msg);

	s->nerrors++;
	if (s->err->kind == ERROR_NONE)
		s->err->kind = ERROR_INPUT;
	/* room for "N more problems not shown" stays */
	if (s->nerrors > REPORT_MAX ||
	    len + strlen(text) + 1 + 80 > sizeof s->err->msg) {
		s->hidden++;
		return;
	}
	snprintf(s->err->msg + len, sizeof s->err->msg - len, "%s%s",
	    len > 0 ? "\n" : "", text);
}

/* "file:line: what" (line 0: the file as a whole). */
void
ical_read_problem(struct scan *s, long line, const char *fmt, ...)
{
	char	 msg[600], text[900], shown[900];
	va_list	 ap;

	va_start(ap, fmt);
	vsnprintf(msg, sizeof msg, fmt, ap);
	va_end(ap);
	if (line > 0)
		snprintf(text, sizeof text, "%s:%ld: %s", s->name, line, msg);
	else
		snprintf(text, sizeof text, "%s: %s", s->name, msg);
	/* a value of the file it quotes reaches a terminal */
	problem_text(s, error_escape(text, shown, sizeof shown));
}

static void
reader_init(struct reader *r, FILE *fp)
{
	char	*line = r->line, *next = r->next;
	size_t	 cap = r->cap, next_cap = r->next_cap;

	memset(r, 0, sizeof *r);
	r->fp = fp;
	r->line = line;
	r->cap = cap;
	r->next = next;
	r->next_cap = next_cap;
}

static void
grow(char **buf, size_t *cap, size_t need)
{
	if (need <= *cap)
		return;
	*cap = *cap == 0 ? 256 : *cap;
	while (*cap < need)
		*cap *= 2;
	*buf = xreallocarray(*buf, *cap, 1);
}

/* The next physical line into r->next, without its CRLF: 1, 0 at EOF. */
static int
read_physical(struct reader *r, const char *name, struct error *err)
{
	const char	*nl;
	size_t		 n;
	int		 any = 0;

	r->next_len = 0;
	for (;;) {
		if (r->pos == r->end) {
			if (r->eof)
				break;
			r->pos = 0;
			r->end = fread(r->block, 1, sizeof r->block, r->fp);
			if (r->end == 0) {
				if (ferror(r->fp))
					return error_set(err, ERROR_FAILURE,
					    "%s: %s", name, strerror(errno));
				r->eof = 1;
				break;
			}
		}
		nl = memchr(r->block + r->pos, '\n', r->end - r->pos);
		n = (nl != NULL ? (size_t)(nl - r->block) : r->end) - r->pos;
		if (r->next_len + n > (size_t)LINE_MAX_BYTES)
			return error_set(err, ERROR_INPUT, _("%s:%ld: a line "
			    "longer than %ld bytes; not an iCalendar file "
			    "carecal can read"), name, r->physical + 1,
			    LINE_MAX_BYTES);
		grow(&r->next, &r->next_cap, r->next_len + n + 1);
		memcpy(r->next + r->next_len, r->block + r->pos, n);
		r->next_len += n;
		r->pos += n;
		any = 1;
		if (nl != NULL) {
			r->pos++;
			break;
		}
	}
	if (!any)
		return 0;
	/* CRLF, LF, and the CRCRLF of writers that fold through their CRLF */
	while (r->next_len > 0 && r->next[r->next_len - 1] == '\r')
		r->next_len--;
	r->next[r->next_len] = '\0';
	r->next_no = ++r->physical;
	/* a byte order mark, as some Windows programs write */
	if (r->next_no == 1 && r->next_len >= 3 &&
	    memcmp(r->next, "\xef\xbb\xbf", 3) == 0) {
		memmove(r->next, r->next + 3, r->next_len - 2);
		r->next_len -= 3;
	}
	return 1;
}

/*
 * The next logical line: a physical line and the ones after it that
 * begin with a space or tab (RFC 5545 3.1). Unfolding joins the bytes
 * back, so a UTF-8 character split by a careless writer is whole again.
 */
static int
reader_next(struct reader *r, const char *name, struct error *err)
{
	char	*swap;
	size_t	 swap_cap;
	int	 rc;

	if (!r->has_next && (rc = read_physical(r, name, err)) <= 0)
		return rc;
	r->has_next = 0;
	swap = r->line;
	swap_cap = r->cap;
	r->line = r->next;
	r->cap = r->next_cap;
	r->len = r->next_len;
	r->no = r->next_no;
	r->next = swap;
	r->next_cap = swap_cap;
	for (;;) {
		if ((rc = read_physical(r, name, err)) == -1)
			return -1;
		if (rc == 0)
			break;
		if (r->next[0] != ' ' && r->next[0] != '\t') {
			r->has_next = 1;
			break;
		}
		if (r->len + r->next_len > (size_t)LINE_MAX_BYTES)
			return error_set(err, ERROR_INPUT, _("%s:%ld: a line "
			    "longer than %ld bytes; not an iCalendar file "
			    "carecal can read"), name, r->no, LINE_MAX_BYTES);
		grow(&r->line, &r->cap, r->len + r->next_len);
		memcpy(r->line + r->len, r->next + 1, r->next_len);
		r->len += r->next_len - 1;
		r->line[r->len] = '\0';
	}
	return 1;
}

/* "BEGIN:VEVENT" gives 1 and "VEVENT" in name (upper case). */
static int
component_line(const char *line, const char *word, char *name, size_t size)
{
	size_t	n = strlen(word), len, i;

	if (strncasecmp(line, word, n) != 0)
		return 0;
	line += n;
	len = strlen(line);
	while (len > 0 && (line[len - 1] == ' ' || line[len - 1] == '\t'))
		len--;
	if (len == 0 || len >= size)
		return 0;
	for (i = 0; i < len; i++) {
		if (strchr(";:\"", line[i]) != NULL)
			return 0;
		name[i] = line[i] >= 'a' && line[i] <= 'z' ?
		    (char)(line[i] - 'a' + 'A') : line[i];
	}
	name[len] = '\0';
	return 1;
}

/* 1 if line is property name (NAME:... or NAME;...), any case. */
static int
is_property(const char *line, const char *name)
{
	size_t	n = strlen(name);

	return strncasecmp(line, name, n) == 0 &&
	    (line[n] == ':' || line[n] == ';');
}

/*
 * libical 3.0 takes an empty value ("LOCATION:", as Google writes in
 * every event) for a parse error. RFC 5545 allows empty text, so such
 * lines are left out, except where carecal needs the value.
 */
static int
is_empty_text(const char *line, size_t len)
{
	static const char	*needed[] = { "DTSTART", "DTEND", "DURATION",
				    "RRULE", "RDATE", "EXDATE",
				    "RECURRENCE-ID", "TZID", "TZOFFSETFROM",
				    "TZOFFSETTO" };
	size_t			 i;

	if (len == 0 || line[len - 1] != ':')
		return 0;
	for (i = 0; i < sizeof needed / sizeof needed[0]; i++)
		if (is_property(line, needed[i]))
			return 0;
	return 1;
}

static void
arena_reset(struct reading *rd)
{
	rd->arena_len = 0;
	rd->nlines = 0;
}

static void
arena_add(struct reading *rd, const char *line, size_t len, long no)
{
	grow(&rd->arena, &rd->arena_cap, rd->arena_len + len + 1);
	memcpy(rd->arena + rd->arena_len, line, len + 1);
	if (rd->nlines == rd->lines_cap) {
		rd->lines_cap = rd->lines_cap == 0 ? 32 : rd->lines_cap * 2;
		rd->lines = xreallocarray(rd->lines, rd->lines_cap,
		    sizeof *rd->lines);
	}
	rd->lines[rd->nlines].offset = rd->arena_len;
	rd->lines[rd->nlines].checked = 0;
	rd->lines[rd->nlines++].no = no;
	rd->arena_len += len + 1;
}

/* The line of the component's first property called name. */
long
ical_read_line_of(const struct scan *s, const char *name, long fallback)
{
	struct reading	*rd = s->reading;
	size_t		 i;

	for (i = 0; i < rd->nlines; i++)
		if (is_property(rd->arena + rd->lines[i].offset, name))
			return rd->lines[i].no;
	return fallback;
}

/* One line inside an otherwise empty component, parsed on its own. */
static icalcomponent *
parse_alone(const char *kind, const char *line)
{
	icalparser	*parser = icalparser_new();
	icalcomponent	*c, *last;
	char		 begin[80], end[80], *copy = xstrdup(line);

	snprintf(begin, sizeof begin, "BEGIN:%s", kind);
	snprintf(end, sizeof end, "END:%s", kind);
	icalparser_add_line(parser, begin);
	/* a line holding an END (after a lone CR) completes it already */
	c = icalparser_add_line(parser, copy);
	last = icalparser_add_line(parser, end);
	if (c == NULL)
		c = last;
	else if (last != NULL)
		icalcomponent_free(last);
	icalparser_free(parser);
	free(copy);
	return c;
}

static int
report_errors_of(struct scan *s, icalcomponent *c, long no)
{
	icalproperty	*p;
	int		 n = 0;

	for (p = icalcomponent_get_first_property(c, ICAL_XLICERROR_PROPERTY);
	    p != NULL; p = icalcomponent_get_next_property(c,
	    ICAL_XLICERROR_PROPERTY), n++)
		ical_read_problem(s, no, "%s", icalproperty_get_xlicerror(p));
	return n;
}

/*
 * libical marks a bad value with X-LIC-ERROR but not where it was: each
 * line of the component is parsed again alone to name its line.
 */
static void
locate_errors(struct scan *s, const char *kind, long start)
{
	struct reading	*rd = s->reading;
	icalcomponent	*c;
	const char	*line;
	size_t		 i;
	int		 found = 0;
	char		 name[64];

	for (i = 0; i < rd->nlines; i++) {
		line = rd->arena + rd->lines[i].offset;
		if (rd->lines[i].checked ||
		    component_line(line, "BEGIN:", name, sizeof name) ||
		    component_line(line, "END:", name, sizeof name))
			continue;
		if ((c = parse_alone(kind, line)) == NULL)
			continue;
		found += report_errors_of(s, c, rd->lines[i].no);
		icalcomponent_free(c);
	}
	if (found == 0)
		ical_read_problem(s, start, _("libical cannot read this %s"),
		    kind);
}

/* X-WR-TIMEZONE: Google's zone for the times that name none. */
static void
set_floating_zone(struct scan *s, const char *tzid)
{
	struct reading	*rd = s->reading;
	icaltimezone	*zone = NULL;
	size_t		 i;

	for (i = 0; i < rd->nzones && zone == NULL; i++)
		if (strcmp(rd->zones[i].tzid, tzid) == 0)
			zone = rd->zones[i].zone;
	if (zone == NULL)
		zone = ical_tzid_zone(tzid);
	if (zone != NULL)
		rd->floating = zone;
}

static void
calendar_property(struct scan *s, const char *line, long no)
{
	icalcomponent	*c;
	icalproperty	*p;
	const char	*name = NULL, *value = NULL;

	if (is_empty_text(line, strlen(line)))
		return;
	if ((c = parse_alone("VCALENDAR", line)) == NULL) {
		ical_read_problem(s, no, _("libical cannot read this line"));
		return;
	}
	if (report_errors_of(s, c, no) > 0 || (p =
	    icalcomponent_get_first_property(c, ICAL_ANY_PROPERTY)) == NULL) {
		icalcomponent_free(c);
		return;
	}
	if (icalproperty_isa(p) == ICAL_X_PROPERTY) {
		name = icalproperty_get_x_name(p);
		value = icalproperty_get_x(p);
	}
	if (icalproperty_isa(p) == ICAL_METHOD_PROPERTY &&
	    icalproperty_get_method(p) == ICAL_METHOD_CANCEL)
		s->method_cancel = s->out->method_cancel = 1;
	else if (name != NULL && value != NULL &&
	    strcasecmp(name, "X-CARECAL-NOTES") == 0)
		s->notes_included = strcasecmp(value, "INCLUDED") == 0;
	else if (name != NULL && value != NULL &&
	    strcasecmp(name, "X-WR-TIMEZONE") == 0)
		set_floating_zone(s, value);
	icalcomponent_free(c);
}

static void
add_zone(struct scan *s, icalcomponent *c, long no)
{
	struct reading	*rd = s->reading;
	icalproperty	*p = icalcomponent_get_first_property(c,
			    ICAL_TZID_PROPERTY);
	icaltimezone	*zone;
	const char	*tzid = p != NULL ? icalproperty_get_tzid(p) : NULL;
	size_t		 i;

	if (tzid == NULL || *tzid == '\0') {
		ical_read_problem(s, no, _("a VTIMEZONE without TZID"));
		icalcomponent_free(c);
		return;
	}
	for (i = 0; i < rd->nzones; i++)
		if (strcmp(rd->zones[i].tzid, tzid) == 0) {
			/* the first definition counts */
			icalcomponent_free(c);
			return;
		}
	zone = icaltimezone_new();
	if (!icaltimezone_set_component(zone, c)) {
		ical_read_problem(s, no, _("VTIMEZONE %s: libical cannot use "
		    "it"), tzid);
		icaltimezone_free(zone, 1);
		icalcomponent_free(c);
		return;
	}
	rd->zones = xreallocarray(rd->zones, rd->nzones + 1,
	    sizeof *rd->zones);
	rd->zones[rd->nzones].tzid = xstrdup(icaltimezone_get_tzid(zone));
	rd->zones[rd->nzones++].zone = zone;
}

/*
 * The zone of a TZID: the file's own VTIMEZONE, else one known by name
 * (Asia/Tokyo, Tokyo Standard Time: ical_tzid_zone). NULL if neither.
 */
static icaltimezone *
zone_find(struct scan *s, const char *tzid)
{
	struct reading	*rd = s->reading;
	icaltimezone	*zone;
	size_t		 i;

	for (i = 0; i < rd->nzones; i++)
		if (strcmp(rd->zones[i].tzid, tzid) == 0)
			return rd->zones[i].zone;
	if (rd->mode == SCAN_ALL) {
		/* a VTIMEZONE may still come later in the file */
		rd->zone_late = 1;
		return NULL;
	}
	for (i = 0; i < rd->nnamed; i++)
		if (strcmp(rd->named[i].tzid, tzid) == 0)
			return rd->named[i].zone;
	zone = ical_tzid_zone(tzid);
	/* a name of a zone, not megabytes of a hostile file */
	if (rd->nnamed < NAMED_MAX && strlen(tzid) < 256) {
		rd->named[rd->nnamed].tzid = xstrdup(tzid);
		rd->named[rd->nnamed++].zone = zone;
	}
	return zone;
}

/*
 * The lines of the event's properties called name, in order: the n-th
 * property libical read of that name is on the n-th line (*count).
 */
static long *
lines_of(const struct scan *s, const char *name, size_t *count)
{
	struct reading	*rd = s->reading;
	long		*lines = NULL;
	size_t		 i, n = 0, cap = 0;

	for (i = 0; i < rd->nlines; i++) {
		if (!is_property(rd->arena + rd->lines[i].offset, name))
			continue;
		if (n == cap) {
			cap = cap == 0 ? 8 : cap * 2;
			lines = xreallocarray(lines, cap, sizeof *lines);
		}
		lines[n++] = rd->lines[i].no;
	}
	*count = n;
	return lines;
}

/* A TZID of an event that names no zone, where it is. */
struct bad_tzid {
	long		 line;
	const char	*name;		/* DTSTART... */
	const char	*tzid;
};

static int
compare_bad_tzids(const void *pa, const void *pb)
{
	const struct bad_tzid	*a = pa, *b = pb;

	return (a->line > b->line) - (a->line < b->line);
}

/*
 * Every TZID of event c (of line start) that names no zone, each with
 * its line, in the order of the file and even after other problems: a
 * file's are all said at once. Only once every VTIMEZONE of the file
 * is known (SCAN_EVENTS).
 */
static int
check_tzids(struct scan *s, icalcomponent *c, long start)
{
	static const icalproperty_kind	 kinds[] = { ICAL_DTSTART_PROPERTY,
					    ICAL_DTEND_PROPERTY,
					    ICAL_RECURRENCEID_PROPERTY,
					    ICAL_EXDATE_PROPERTY,
					    ICAL_RDATE_PROPERTY };
	struct bad_tzid			*bad = NULL;
	icalproperty			*p;
	icalparameter			*param;
	const char			*name, *tzid;
	long				*lines = NULL;
	size_t				 k, n, nlines = 0, nbad = 0;
	size_t				 cap = 0;

	for (k = 0; k < sizeof kinds / sizeof kinds[0]; k++) {
		name = icalproperty_kind_to_string(kinds[k]);
		for (p = icalcomponent_get_first_property(c, kinds[k]), n = 0;
		    p != NULL; p = icalcomponent_get_next_property(c,
		    kinds[k]), n++) {
			param = icalproperty_get_first_parameter(p,
			    ICAL_TZID_PARAMETER);
			if (param == NULL || ((tzid =
			    icalparameter_get_tzid(param)) != NULL &&
			    zone_find(s, tzid) != NULL))
				continue;
			if (lines == NULL)
				lines = lines_of(s, name, &nlines);
			if (nbad == cap) {
				cap = cap == 0 ? 8 : cap * 2;
				bad = xreallocarray(bad, cap, sizeof *bad);
			}
			bad[nbad].line = n < nlines ? lines[n] : start;
			bad[nbad].name = name;
			bad[nbad++].tzid = tzid != NULL ? tzid : "";
		}
		free(lines);
		lines = NULL;
	}
	if (nbad == 0)
		return 0;
	qsort(bad, nbad, sizeof *bad, compare_bad_tzids);
	for (k = 0; k < nbad; k++)
		ical_read_problem(s, bad[k].line, _("%s: unknown TZID '%s' "
		    "(no VTIMEZONE for it in the file)"), bad[k].name,
		    bad[k].tzid);
	free(bad);
	return 1;
}

/*
 * A DTSTART, DTEND, RECURRENCE-ID, EXDATE or RDATE value t of property p
 * (named what) as a date or an instant; -1 when it is invalid (reported)
 * or its zone is not known yet.
 */
int
ical_read_when(struct scan *s, icalproperty *p, struct icaltimetype t,
    const char *what, long start, struct when *w)
{
	struct reading	*rd = s->reading;
	icalparameter	*param;
	const char	*tzid;

	memset(w, 0, sizeof *w);
	/* libical 3.0 takes 20211345T250000 without a word */
	if (!date_is_valid(t.year, t.month, t.day) || (!t.is_date &&
	    (t.hour > 23 || t.minute > 59 || t.second > 60))) {
		ical_read_problem(s, ical_read_line_of(s, what, start),
		    _("%s: %04d%02d%02d%s%02d%02d%02d is not a valid date or "
		    "time"), what, t.year, t.month, t.day,
		    t.is_date ? "" : "T", t.is_date ? 0 : t.hour,
		    t.is_date ? 0 : t.minute, t.is_date ? 0 : t.second);
		return -1;
	}
	w->local = t;
	if (t.is_date) {
		w->is_date = 1;
		w->date.year = t.year;
		w->date.month = t.month;
		w->date.day = t.day;
		return 0;
	}
	if (icaltime_is_utc(t))
		w->zone = icaltimezone_get_utc_timezone();
	else if ((param = icalproperty_get_first_parameter(p,
	    ICAL_TZID_PARAMETER)) == NULL)
		w->zone = rd->floating;	/* floating: carecal's own zone */
	else {
		tzid = icalparameter_get_tzid(param);
		if ((w->zone = zone_find(s, tzid)) == NULL) {
			if (rd->mode != SCAN_ALL)
				ical_read_problem(s, ical_read_line_of(s, what,
				    start), _("%s: unknown TZID '%s' (no "
				    "VTIMEZONE for it in the file)"), what,
				    tzid);
			return -1;
		}
	}
	w->local.zone = NULL;
	w->utc = icaltime_as_timet_with_zone(w->local, w->zone);
	return 0;
}

/* An instant as a date and minutes in Asia/Tokyo. */
void
ical_read_tokyo_time(const struct scan *s, time_t utc, struct date *d,
    int *minutes)
{
	struct icaltimetype	t;

	t = icaltime_from_timet_with_zone(utc, 0, s->tokyo);
	d->year = t.year;
	d->month = t.month;
	d->day = t.day;
	*minutes = t.hour * 60 + t.minute;
}

/* Where keep_sequence keeps SEQUENCE as written (libical reads an int). */
#define SEQUENCE_PARAMETER	"X-CARECAL-SEQUENCE"

/* SEQUENCE as written (keep_sequence), else as libical read it. */
long
ical_read_sequence(icalproperty *p)
{
	const char	*v;

	v = icalproperty_get_parameter_as_string(p, SEQUENCE_PARAMETER);
	if (v != NULL)
		return strtol(v, NULL, 10);
	return icalproperty_get_sequence(p);
}

/* A component is complete: libical's verdict, then what it holds. */
static void
finish_component(struct scan *s, icalcomponent *c, enum capture kind,
    long start)
{
	struct reading	*rd = s->reading;
	const char	*name = kind == CAPTURE_EVENT ? "VEVENT" : "VTIMEZONE";
	size_t		 i;

	if (c == NULL) {
		ical_read_problem(s, start, _("libical cannot read this %s"),
		    name);
		return;
	}
	if (icalcomponent_count_errors(c) > 0) {
		locate_errors(s, name, start);
		icalcomponent_free(c);
		return;
	}
	if (kind == CAPTURE_ZONE) {
		add_zone(s, c, start);
		return;
	}
	if (rd->mode == SCAN_EVENTS && check_tzids(s, c, start) > 0) {
		icalcomponent_free(c);
		return;
	}
	/* after an error, only more errors are worth looking for */
	if (s->nerrors == 0) {
		for (i = 0; i < rd->npending; i++)
			icalcomponent_add_property(c, rd->pending[i]);
		rd->npending = 0;
		ical_map_event(s, c, start);
	}
	icalcomponent_free(c);
}

static void
pending_clear(struct reading *rd)
{
	size_t	i;

	for (i = 0; i < rd->npending; i++)
		icalproperty_free(rd->pending[i]);
	rd->npending = 0;
}

static void
pending_add(struct reading *rd, icalproperty *p)
{
	if (rd->npending == rd->pending_cap) {
		rd->pending_cap = rd->pending_cap == 0 ? 32 :
		    rd->pending_cap * 2;
		rd->pending = xreallocarray(rd->pending, rd->pending_cap,
		    sizeof *rd->pending);
	}
	rd->pending[rd->npending++] = p;
}

static void	feed_inner(struct scan *, long);

/* Lines worth keeping: they recur from event to event. */
static int
is_recurring_line(const char *line)
{
	static const char	*names[] = { "DTSTAMP", "SEQUENCE", "SUMMARY",
				    "LOCATION", "DESCRIPTION", "CATEGORIES",
				    "STATUS", "TRANSP", "CLASS",
				    "X-CARECAL-CENTER", "X-CARECAL-TYPE",
				    "X-CARECAL-MODE", "X-CARECAL-CASES",
				    "X-CARECAL-WINDOW" };
	size_t			 i, n = strcspn(line, ";:");

	for (i = 0; i < sizeof names / sizeof names[0]; i++)
		if (strlen(names[i]) == n && strncasecmp(line, names[i],
		    n) == 0)
			return 1;
	return 0;
}

/* Most lines are ASCII: no need to decode them. */
static int
is_utf8(const char *s, size_t len)
{
	size_t	i;

	for (i = 0; i < len; i++)
		if ((unsigned char)s[i] >= 0x80)
			return text_utf8_valid(s + i, len - i);
	return 1;
}

static size_t
cache_hash(const char *line)
{
	uint32_t	h = 2166136261u;

	for (; *line != '\0'; line++)
		h = (h ^ (unsigned char)*line) * 16777619u;
	return h & (CACHE_SLOTS - 1);
}

/*
 * libical reads SEQUENCE into an int (99999999999 became 1215752191):
 * the digits as written are kept on the property, as a parameter, for
 * ical_read_sequence. A SEQUENCE beyond what carecal keeps is refused.
 */
#define SEQUENCE_MAX		999999999999999999LL

static void
keep_sequence(struct scan *s, long no, const char *line, icalproperty **props,
    size_t n)
{
	icalparameter	*param;
	const char	*v;
	char		*end;
	long long	 seq;
	size_t		 i;

	if ((v = strrchr(line, ':')) == NULL || v[1] < '0' || v[1] > '9')
		return;
	errno = 0;
	seq = strtoll(++v, &end, 10);
	if (*end != '\0')
		return;
	if (errno == ERANGE || seq > SEQUENCE_MAX) {
		ical_read_problem(s, no, _("SEQUENCE %.40s: larger than "
		    "carecal keeps (%lld)"), v, SEQUENCE_MAX);
		return;
	}
	for (i = 0; i < n; i++)
		if (icalproperty_isa(props[i]) == ICAL_SEQUENCE_PROPERTY) {
			param = icalparameter_new_x(v);
			icalparameter_set_xname(param, SEQUENCE_PARAMETER);
			icalproperty_add_parameter(props[i], param);
		}
}

/*
 * A property line of an event: a recurring one from the cache (parsed
 * on its own the first time, so its errors have their line at once),
 * any other straight to the event's parser.
 */
static void
feed_property(struct scan *s, long no)
{
	struct reading		*rd = s->reading;
	struct reader		*r = &rd->r;
	struct cached_line	*slot;
	icalcomponent		*c;
	icalproperty		*p, **props = NULL;
	char			 begin[] = "BEGIN:VEVENT";
	char			 end[] = "END:VEVENT";
	size_t			 i, n = 0;

	if (!is_recurring_line(r->line)) {
		feed_inner(s, no);
		return;
	}
	if (is_empty_text(r->line, r->len))
		return;
	arena_add(rd, r->line, r->len, no);
	rd->lines[rd->nlines - 1].checked = 1;
	for (i = cache_hash(r->line);; i = (i + 1) & (CACHE_SLOTS - 1)) {
		slot = &rd->cache[i];
		if (slot->line == NULL)
			break;
		if (strcmp(slot->line, r->line) == 0) {
			for (n = 0; n < slot->count; n++)
				pending_add(rd, icalproperty_new_clone(
				    slot->props[n]));
			return;
		}
	}
	icalparser_add_line(rd->line_parser, begin);
	icalparser_add_line(rd->line_parser, r->line);
	if ((c = icalparser_add_line(rd->line_parser, end)) == NULL) {
		ical_read_problem(s, no, _("libical cannot read this line"));
		icalcomponent_free(icalparser_clean(rd->line_parser));
		return;
	}
	if (report_errors_of(s, c, no) == 0)
		while ((p = icalcomponent_get_first_property(c,
		    ICAL_ANY_PROPERTY)) != NULL) {
			icalcomponent_remove_property(c, p);
			props = xreallocarray(props, n + 1, sizeof *props);
			props[n++] = p;
		}
	icalcomponent_free(c);
	keep_sequence(s, no, r->line, props, n);
	if (rd->ncached < CACHE_MAX && n > 0) {
		slot->line = xstrdup(r->line);
		slot->props = props;
		slot->count = n;
		rd->ncached++;
		for (i = 0; i < n; i++)
			pending_add(rd, icalproperty_new_clone(props[i]));
		return;
	}
	for (i = 0; i < n; i++)
		pending_add(rd, props[i]);
	free(props);
}

static icalcomponent *
feed(struct scan *s, long no)
{
	struct reading	*rd = s->reading;
	struct reader	*r = &rd->r;

	if (is_empty_text(r->line, r->len))
		return NULL;
	arena_add(rd, r->line, r->len, no);
	return icalparser_add_line(rd->parser, r->line);
}

/* A line inside a component: libical must not take it as the end. */
static void
feed_inner(struct scan *s, long no)
{
	struct reading	*rd = s->reading;
	icalcomponent	*c;
	char		 name[64];

	/*
	 * A BEGIN or END that is not a component's (it has a ':' or a CR
	 * in its name, or parameters: END;X=1:VEVENT) would unbalance
	 * libical's stack of components, which takes them as ones.
	 */
	if ((is_property(rd->r.line, "BEGIN") &&
	    !component_line(rd->r.line, "BEGIN:", name, sizeof name)) ||
	    is_property(rd->r.line, "END")) {
		ical_read_problem(s, no, _("a BEGIN or END line that names no "
		    "component"));
		return;
	}
	if ((c = feed(s, no)) != NULL) {
		/* a lone CR inside the line hid an END from carecal */
		ical_read_problem(s, no, _("libical reads an END inside this "
		    "line (a stray carriage return?)"));
		icalcomponent_free(c);
	}
}

/* Components that stand directly in a VCALENDAR, never deeper. */
static int
is_top_level(const char *name)
{
	static const char	*names[] = { "VCALENDAR", "VEVENT", "VTODO",
				    "VJOURNAL", "VFREEBUSY", "VTIMEZONE" };
	size_t			 i;

	for (i = 0; i < sizeof names / sizeof names[0]; i++)
		if (strcmp(name, names[i]) == 0)
			return 1;
	return 0;
}

/* One pass over the file. */
static void
scan_file(struct scan *s)
{
	struct reading	*rd = s->reading;
	struct {
		char	name[64];
		long	line;
	}		 stack[DEPTH_MAX];
	struct reader	*r = &rd->r;
	struct error	 e;
	icalcomponent	*c;
	enum capture	 capture = CAPTURE_NONE;
	char		 name[64];
	int		 depth = 0, rc;

	error_clear(&e);
	while ((rc = reader_next(r, s->name, &e)) == 1) {
		if (r->len == 0)
			continue;
		if (memchr(r->line, '\0', r->len) != NULL) {
			ical_read_problem(s, r->no, _("a NUL byte: not a text "
			    "file"));
			continue;
		}
		if (!is_utf8(r->line, r->len)) {
			ical_read_problem(s, r->no, _("not valid UTF-8 "
			    "(carecal reads UTF-8 iCalendar only)"));
			continue;
		}
		if (component_line(r->line, "BEGIN:", name, sizeof name)) {
			if (depth == 0 && strcmp(name, "VCALENDAR") != 0) {
				ical_read_problem(s, r->no, _("BEGIN:%s "
				    "outside BEGIN:VCALENDAR"), name);
				return;
			}
			if ((depth == 1 && strcmp(name, "VCALENDAR") == 0) ||
			    (depth >= 2 && is_top_level(name))) {
				ical_read_problem(s, r->no, _("BEGIN:%s "
				    "inside BEGIN:%s of line %ld (a missing "
				    "END:%s?)"), name, stack[depth - 1].name,
				    stack[depth - 1].line,
				    stack[depth - 1].name);
				return;
			}
			if (depth == DEPTH_MAX) {
				ical_read_problem(s, r->no, _("components "
				    "nested more than %d deep"), DEPTH_MAX);
				return;
			}
			snprintf(stack[depth].name, sizeof stack[depth].name,
			    "%s", name);
			stack[depth++].line = r->no;
			if (depth == 2) {
				if (strcmp(name, "VEVENT") == 0)
					capture = CAPTURE_EVENT;
				else if (strcmp(name, "VTIMEZONE") == 0 &&
				    rd->mode == SCAN_ALL)
					capture = CAPTURE_ZONE;
				else if (strcmp(name, "VTIMEZONE") != 0 &&
				    rd->mode == SCAN_ALL)
					s->out->other++;
				arena_reset(rd);
				pending_clear(rd);
			}
			/* a BEGIN never completes a component */
			if (capture != CAPTURE_NONE)
				feed(s, r->no);
			continue;
		}
		if (component_line(r->line, "END:", name, sizeof name)) {
			if (depth == 0) {
				ical_read_problem(s, r->no, _("END:%s without "
				    "BEGIN"), name);
				return;
			}
			if (strcmp(name, stack[depth - 1].name) != 0) {
				ical_read_problem(s, r->no, _("END:%s, but "
				    "BEGIN:%s on line %ld is still open (a "
				    "missing END?)"), name,
				    stack[depth - 1].name,
				    stack[depth - 1].line);
				return;
			}
			depth--;
			if (depth == 0)
				rd->calendars++;
			if (capture != CAPTURE_NONE) {
				c = feed(s, r->no);
				if (depth == 1) {
					finish_component(s, c, capture,
					    stack[1].line);
					capture = CAPTURE_NONE;
				}
			}
			continue;
		}
		if (depth == 0) {
			ical_read_problem(s, r->no, _("expected "
			    "BEGIN:VCALENDAR; this is not an iCalendar file"));
			return;
		}
		if (depth == 1 && rd->mode == SCAN_ALL)
			calendar_property(s, r->line, r->no);
		else if (capture == CAPTURE_EVENT && depth == 2)
			feed_property(s, r->no);
		else if (capture != CAPTURE_NONE)
			feed_inner(s, r->no);
	}
	if (rc == -1) {
		if (e.kind == ERROR_FAILURE)
			s->err->kind = ERROR_FAILURE;
		problem_text(s, e.msg);
		return;
	}
	if (depth > 0)
		ical_read_problem(s, r->physical, _("the file ends inside "
		    "BEGIN:%s of line %ld (a missing END:%s)"),
		    stack[depth - 1].name, stack[depth - 1].line,
		    stack[depth - 1].name);
	else if (r->physical == 0)
		ical_read_problem(s, 0, _("an empty file; expected "
		    "BEGIN:VCALENDAR"));
	else if (rd->calendars == 0)
		ical_read_problem(s, 0, _("no BEGIN:VCALENDAR; not an "
		    "iCalendar file"));
}

static void
scan_reset(struct scan *s)
{
	size_t	i;

	for (i = 0; i < s->out->count; i++)
		meeting_clear(&s->out->items[i].meeting);
	s->out->count = 0;
	for (i = 0; i < s->out->nunmapped; i++) {
		free(s->out->unmapped[i].uid);
		free(s->out->unmapped[i].why);
	}
	s->out->nunmapped = 0;
	s->out->outside = 0;
	for (i = 0; i < s->out->nnotices; i++) {
		free(s->out->notices[i].uid);
		free(s->out->notices[i].what);
	}
	s->out->nnotices = 0;
	s->out->text_left_out = 0;
}

int
ical_import_read(const char *path, const struct catalog *cat,
    const struct ical_import_options *opt, struct ical_import *out,
    struct error *err)
{
	struct scan	 s;
	struct reading	 reading;
	FILE		*fp;
	size_t		 i, j;

	memset(out, 0, sizeof *out);
	error_clear(err);
	memset(&s, 0, sizeof s);
	memset(&reading, 0, sizeof reading);
	s.reading = &reading;
	s.name = path;
	s.cat = cat;
	s.opt = opt;
	s.out = out;
	s.err = err;
	ical_recur_window(opt, &s);
	if ((s.tokyo = ical_zone_tokyo(err)) == NULL)
		return -1;
	reading.floating = s.tokyo;
	if ((fp = fopen(path, "rb")) == NULL)
		return error_set(err, errno == ENOENT ? ERROR_INPUT :
		    ERROR_FAILURE, "%s: %s", path, strerror(errno));
	reading.parser = icalparser_new();
	reading.line_parser = icalparser_new();
	reading.cache = xcalloc(CACHE_SLOTS, sizeof *reading.cache);
	reader_init(&reading.r, fp);
	reading.mode = SCAN_ALL;
	scan_file(&s);
	if (s.nerrors == 0 && reading.zone_late) {
		/* a TZID was used before its VTIMEZONE: again, zones known */
		scan_reset(&s);
		if (fseek(fp, 0, SEEK_SET) == -1)
			ical_read_problem(&s, 0, _("cannot read the file a "
			    "second time (for a VTIMEZONE that comes after "
			    "its use)"));
		else {
			reader_init(&reading.r, fp);
			reading.mode = SCAN_EVENTS;
			reading.calendars = 0;
			scan_file(&s);
		}
	}
	fclose(fp);
	if (s.nerrors == 0)
		ical_recur_check_uids(out);
	if (s.hidden > 0) {
		size_t	len = strlen(err->msg);
		char	shown[256];

		snprintf(err->msg + len, sizeof err->msg - len,
		    _("%s%s: %d more problems not shown"), len > 0 ? "\n" : "",
		    error_escape(path, shown, sizeof shown), s.hidden);
	}
	/*
	 * A scan stopped by an error may leave a component half built:
	 * clean attaches it to the parser's root, which free then frees.
	 */
	icalparser_clean(reading.parser);
	icalparser_free(reading.parser);
	icalparser_free(reading.line_parser);
	pending_clear(&reading);
	free(reading.pending);
	for (i = 0; i < CACHE_SLOTS; i++) {
		for (j = 0; j < reading.cache[i].count; j++)
			icalproperty_free(reading.cache[i].props[j]);
		free(reading.cache[i].props);
		free(reading.cache[i].line);
	}
	free(reading.cache);
	for (i = 0; i < reading.nzones; i++) {
		free(reading.zones[i].tzid);
		icaltimezone_free(reading.zones[i].zone, 1);
	}
	free(reading.zones);
	for (i = 0; i < reading.nnamed; i++)
		free(reading.named[i].tzid);
	free(reading.arena);
	free(reading.lines);
	free(reading.r.line);
	free(reading.r.next);
	if (s.nerrors > 0) {
		scan_reset(&s);
		err->kind = ERROR_INPUT;
		return -1;
	}
	return 0;
}

void
ical_import_free(struct ical_import *out)
{
	size_t	i;

	for (i = 0; i < out->count; i++)
		meeting_clear(&out->items[i].meeting);
	free(out->items);
	free(out->given);
	for (i = 0; i < out->nunmapped; i++) {
		free(out->unmapped[i].uid);
		free(out->unmapped[i].why);
	}
	free(out->unmapped);
	for (i = 0; i < out->nnotices; i++) {
		free(out->notices[i].uid);
		free(out->notices[i].what);
	}
	free(out->notices);
	memset(out, 0, sizeof *out);
}
