/*
 * ical-import.c -- iCalendar files to meetings. libical parses every
 * component and value. What is written here is what libical 3.0 has no
 * streaming form of: the file is read one logical line at a time, and
 * BEGIN/END are followed only to hand libical's parser one event at a
 * time, so that a file of 100,000 events never becomes one tree of
 * hundreds of megabytes.
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
#include "ical-import.h"
#include "ical-zone.h"
#include "text.h"

#define LINE_MAX_BYTES	(8L * 1024 * 1024)	/* one unfolded line */
#define DEPTH_MAX	16
#define REPORT_MAX	20
#define OCCURRENCES_MAX	1000	/* meetings of one RRULE in the range */
#define ITERATIONS_MAX	100000L	/* RRULE steps before the range ends */
/*
 * A whole file: the meetings its RRULEs and RDATEs give, and the steps
 * libical may take to find them (see rule_cost), so that a file of many
 * recurring events is refused in bounded time and memory.
 */
#define EXPANSION_MAX		50000L
#define EXPANSION_COST_MAX	500000.0

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

/* What an event says, before its occurrences become items. */
struct ical_event {
	long		line;		/* its BEGIN:VEVENT */
	struct meeting	meeting;
	unsigned	given;		/* ICAL_GIVEN_* */
};

/* More bits of ical_import.given, for check_uids. */
#define GIVEN_OVERRIDE	0x100	/* RECURRENCE-ID: one changed instance */
#define GIVEN_EXPANDED	0x200	/* an occurrence of an RRULE or RDATE */

/* A time as a meeting needs it: a date, or an instant. */
struct when {
	int			is_date;
	struct date		date;		/* when is_date */
	time_t			utc;		/* otherwise */
	struct icaltimetype	local;		/* as written (for RRULE) */
	icaltimezone		*zone;		/* what local is in */
};

struct scan {
	const char				*name;
	const struct catalog			*cat;
	const struct ical_import_options	*opt;
	struct ical_import			*out;
	struct error				*err;
	int					 nerrors;
	int					 hidden;
	enum scan_mode				 mode;
	struct reader				 r;
	icalparser				*parser;
	icaltimezone				*tokyo;
	icaltimezone				*floating;
	struct zone				*zones;
	size_t					 nzones;
	int					 zone_late;
	int					 notes_included;
	int					 method_cancel;
	struct date				 expand_from, expand_to;
	long					 expanded;
	double					 expansion_cost;
	int					 expansion_refused;
	char					*arena;
	size_t					 arena_len, arena_cap;
	struct arena_line			*lines;
	size_t					 nlines, lines_cap;
	long					 calendars;
	icalparser				*line_parser;
	struct cached_line			*cache;
	size_t					 ncached;
	icalproperty				**pending;
	size_t					 npending, pending_cap;
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
static void
problem(struct scan *s, long line, const char *fmt, ...)
    __attribute__((format(printf, 3, 4)));

static void
problem(struct scan *s, long line, const char *fmt, ...)
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
arena_reset(struct scan *s)
{
	s->arena_len = 0;
	s->nlines = 0;
}

static void
arena_add(struct scan *s, const char *line, size_t len, long no)
{
	grow(&s->arena, &s->arena_cap, s->arena_len + len + 1);
	memcpy(s->arena + s->arena_len, line, len + 1);
	if (s->nlines == s->lines_cap) {
		s->lines_cap = s->lines_cap == 0 ? 32 : s->lines_cap * 2;
		s->lines = xreallocarray(s->lines, s->lines_cap,
		    sizeof *s->lines);
	}
	s->lines[s->nlines].offset = s->arena_len;
	s->lines[s->nlines].checked = 0;
	s->lines[s->nlines++].no = no;
	s->arena_len += len + 1;
}

/* The line of the component's first property called name. */
static long
arena_line_of(const struct scan *s, const char *name, long fallback)
{
	size_t	i;

	for (i = 0; i < s->nlines; i++)
		if (is_property(s->arena + s->lines[i].offset, name))
			return s->lines[i].no;
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
		problem(s, no, "%s", icalproperty_get_xlicerror(p));
	return n;
}

/*
 * libical marks a bad value with X-LIC-ERROR but not where it was: each
 * line of the component is parsed again alone to name its line.
 */
static void
locate_errors(struct scan *s, const char *kind, long start)
{
	icalcomponent	*c;
	const char	*line;
	size_t		 i;
	int		 found = 0;
	char		 name[64];

	for (i = 0; i < s->nlines; i++) {
		line = s->arena + s->lines[i].offset;
		if (s->lines[i].checked ||
		    component_line(line, "BEGIN:", name, sizeof name) ||
		    component_line(line, "END:", name, sizeof name))
			continue;
		if ((c = parse_alone(kind, line)) == NULL)
			continue;
		found += report_errors_of(s, c, s->lines[i].no);
		icalcomponent_free(c);
	}
	if (found == 0)
		problem(s, start, _("libical cannot read this %s"), kind);
}

/* X-WR-TIMEZONE: Google's zone for the times that name none. */
static void
set_floating_zone(struct scan *s, const char *tzid)
{
	icaltimezone	*zone = NULL;
	size_t		 i;

	for (i = 0; i < s->nzones && zone == NULL; i++)
		if (strcmp(s->zones[i].tzid, tzid) == 0)
			zone = s->zones[i].zone;
	if (zone == NULL)
		zone = icaltimezone_get_builtin_timezone(tzid);
	if (zone != NULL)
		s->floating = zone;
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
		problem(s, no, _("libical cannot read this line"));
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
		s->method_cancel = 1;
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
	icalproperty	*p = icalcomponent_get_first_property(c,
			    ICAL_TZID_PROPERTY);
	icaltimezone	*zone;
	const char	*tzid = p != NULL ? icalproperty_get_tzid(p) : NULL;
	size_t		 i;

	if (tzid == NULL || *tzid == '\0') {
		problem(s, no, _("a VTIMEZONE without TZID"));
		icalcomponent_free(c);
		return;
	}
	for (i = 0; i < s->nzones; i++)
		if (strcmp(s->zones[i].tzid, tzid) == 0) {
			/* the first definition counts */
			icalcomponent_free(c);
			return;
		}
	zone = icaltimezone_new();
	if (!icaltimezone_set_component(zone, c)) {
		problem(s, no, _("VTIMEZONE %s: libical cannot use it"), tzid);
		icaltimezone_free(zone, 1);
		icalcomponent_free(c);
		return;
	}
	s->zones = xreallocarray(s->zones, s->nzones + 1, sizeof *s->zones);
	s->zones[s->nzones].tzid = xstrdup(icaltimezone_get_tzid(zone));
	s->zones[s->nzones++].zone = zone;
}

/*
 * The zone of a TZID: the file's own VTIMEZONE, else one libical knows
 * by name (Asia/Tokyo, America/New_York). NULL if neither.
 */
static icaltimezone *
zone_find(struct scan *s, const char *tzid)
{
	icaltimezone	*zone;
	size_t		 i;

	for (i = 0; i < s->nzones; i++)
		if (strcmp(s->zones[i].tzid, tzid) == 0)
			return s->zones[i].zone;
	if (s->mode == SCAN_ALL) {
		/* a VTIMEZONE may still come later in the file */
		s->zone_late = 1;
		return NULL;
	}
	if ((zone = icaltimezone_get_builtin_timezone(tzid)) != NULL)
		return zone;
	return icaltimezone_get_builtin_timezone_from_tzid(tzid);
}

/*
 * A DTSTART, DTEND, RECURRENCE-ID, EXDATE or RDATE value t of property p
 * (named what) as a date or an instant; -1 when it is invalid (reported)
 * or its zone is not known yet.
 */
static int
when_of(struct scan *s, icalproperty *p, struct icaltimetype t,
    const char *what, long start, struct when *w)
{
	icalparameter	*param;
	const char	*tzid;

	memset(w, 0, sizeof *w);
	/* libical 3.0 takes 20211345T250000 without a word */
	if (!date_is_valid(t.year, t.month, t.day) || (!t.is_date &&
	    (t.hour > 23 || t.minute > 59 || t.second > 60))) {
		problem(s, arena_line_of(s, what, start), _("%s: "
		    "%04d%02d%02d%s%02d%02d%02d is not a valid date or time"),
		    what, t.year, t.month, t.day, t.is_date ? "" : "T",
		    t.is_date ? 0 : t.hour, t.is_date ? 0 : t.minute,
		    t.is_date ? 0 : t.second);
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
		w->zone = s->floating;	/* floating: carecal's own zone */
	else {
		tzid = icalparameter_get_tzid(param);
		if ((w->zone = zone_find(s, tzid)) == NULL) {
			if (s->mode != SCAN_ALL)
				problem(s, arena_line_of(s, what, start),
				    _("%s: unknown TZID '%s' (no VTIMEZONE "
				    "for it in the file)"), what, tzid);
			return -1;
		}
	}
	w->local.zone = NULL;
	w->utc = icaltime_as_timet_with_zone(w->local, w->zone);
	return 0;
}

/* An instant as a date and minutes in Asia/Tokyo. */
static void
tokyo_time(const struct scan *s, time_t utc, struct date *d, int *minutes)
{
	struct icaltimetype	t;

	t = icaltime_from_timet_with_zone(utc, 0, s->tokyo);
	d->year = t.year;
	d->month = t.month;
	d->day = t.day;
	*minutes = t.hour * 60 + t.minute;
}

static void
unmapped(struct scan *s, long line, const char *uid, const char *fmt, ...)
    __attribute__((format(printf, 4, 5)));

static void
unmapped(struct scan *s, long line, const char *uid, const char *fmt, ...)
{
	char	why[600];
	va_list	ap;

	va_start(ap, fmt);
	vsnprintf(why, sizeof why, fmt, ap);
	va_end(ap);
	ical_import_add_unmapped(s->out, line, uid, why);
}

/*
 * The date and times of one occurrence starting at start and lasting
 * length (seconds, or days for a date; -1 when the event gave no end).
 */
static int
occurrence_times(struct scan *s, const struct when *start, long length,
    struct meeting *m, char *why, size_t size)
{
	struct date	end_date;
	int		end;

	if (start->is_date) {
		m->date = start->date;
		m->start = m->end = -1;
		if (length > 1) {
			snprintf(why, size, _("it lasts %ld days; a meeting "
			    "is one day"), length);
			return -1;
		}
		return 0;
	}
	tokyo_time(s, start->utc, &m->date, &m->start);
	m->end = -1;
	if (length <= 0)
		return 0;
	tokyo_time(s, start->utc + length, &end_date, &end);
	if (date_compare(end_date, m->date) != 0) {
		/* until midnight is until the last minute of the day */
		if (end == 0 && date_to_days(end_date) ==
		    date_to_days(m->date) + 1)
			end = 24 * 60 - 1;
		else {
			snprintf(why, size, _("it ends on a later day in "
			    "Asia/Tokyo; a meeting is within one day"));
			return -1;
		}
	}
	m->end = end > m->start ? end : -1;
	return 0;
}

static int
in_range(const struct ical_import_options *o, struct date d)
{
	return !(o->has_from && date_compare(d, o->from) < 0) &&
	    !(o->has_to && date_compare(d, o->to) > 0);
}

static int
in_window(const struct scan *s, struct date d)
{
	return date_compare(d, s->expand_from) >= 0 &&
	    date_compare(d, s->expand_to) <= 0;
}

/* "UID/20210729" or "UID/20210729T1330": one meeting per occurrence. */
static int
occurrence_uid(const char *uid, const struct meeting *m, char *buf,
    size_t size)
{
	int	n;

	if (m->start < 0)
		n = snprintf(buf, size, "%s/%04d%02d%02d", uid, m->date.year,
		    m->date.month, m->date.day);
	else
		n = snprintf(buf, size, "%s/%04d%02d%02dT%02d%02d", uid,
		    m->date.year, m->date.month, m->date.day, m->start / 60,
		    m->start % 60);
	return n < 0 || (size_t)n >= size || n > MEETING_UID_MAX ? -1 : 0;
}

/* The new item, or NULL when its date is outside --from/--to. */
static struct import_item *
add_event(struct scan *s, const struct ical_event *base,
    const struct meeting *times, const char *uid, unsigned flags)
{
	struct ical_import	*out = s->out;
	struct import_item	*item;

	if (!in_range(s->opt, times->date)) {
		out->outside++;
		return NULL;
	}
	if (!date_year_in_range(times->date.year)) {
		unmapped(s, base->line, uid, _("its date %04d-%02d-%02d is "
		    "outside the years carecal knows (%d to %d, their "
		    "holidays)"), times->date.year % 10000,
		    times->date.month, times->date.day, DATE_FIRST_YEAR,
		    DATE_LAST_YEAR);
		return NULL;
	}
	if (out->count == out->capacity) {
		out->capacity = out->capacity == 0 ? 256 : out->capacity * 2;
		out->items = xreallocarray(out->items, out->capacity,
		    sizeof *out->items);
		out->given = xreallocarray(out->given, out->capacity,
		    sizeof *out->given);
	}
	/* a note the file does not give is kept as stored, by import_apply */
	out->given[out->count] = (unsigned short)(base->given | flags |
	    ICAL_GIVEN_NOTE);
	item = &out->items[out->count++];
	memset(item, 0, sizeof *item);
	item->line = base->line;
	item->has_sequence = 1;
	item->keep_note = !(base->given & ICAL_GIVEN_NOTE);
	meeting_copy(&item->meeting, &base->meeting);
	free(item->meeting.uid);
	item->meeting.uid = xstrdup(uid);
	item->meeting.date = times->date;
	item->meeting.start = times->start;
	item->meeting.end = times->end;
	return item;
}

/*
 * The SUMMARY carecal writes:
 * 【中止】地域個別ケア会議（明第1）［一部オンライン］
 */
static void
map_summary(const char *summary, const struct catalog *cat,
    struct ical_event *ev)
{
	const struct meeting_type	*type;
	const struct center		*center;
	enum meeting_mode		 mode;
	char				 buf[512], *open, *close;
	size_t				 len, close_len;

	if (strncmp(summary, "【中止】", strlen("【中止】")) == 0)
		summary += strlen("【中止】");
	snprintf(buf, sizeof buf, "%s", summary);
	len = strlen(buf);
	close_len = strlen("］");
	if (len > close_len && strcmp(buf + len - close_len, "］") == 0 &&
	    (open = strstr(buf, "［")) != NULL) {
		buf[len - close_len] = '\0';
		if (!(ev->given & ICAL_GIVEN_MODE) && meeting_mode_parse(
		    open + strlen("［"), &mode, NULL) == 0) {
			ev->meeting.mode = mode;
			ev->given |= ICAL_GIVEN_MODE;
		}
		*open = '\0';
	}
	len = strlen(buf);
	if ((close = strstr(buf, "）")) != NULL && close + strlen("）") ==
	    buf + len && (open = strstr(buf, "（")) != NULL && open < close) {
		*close = '\0';
		if (!(ev->given & ICAL_GIVEN_CENTER) &&
		    (center = catalog_center_by_name(cat,
		    open + strlen("（"))) != NULL) {
			ev->meeting.center_id = center->id;
			ev->given |= ICAL_GIVEN_CENTER;
		}
		*open = '\0';
	}
	if (!(ev->given & ICAL_GIVEN_TYPE) &&
	    (type = catalog_type_by_label(cat, buf)) != NULL) {
		ev->meeting.type_id = type->id;
		ev->given |= ICAL_GIVEN_TYPE;
	}
}

static void
map_category(const char *value, const struct catalog *cat,
    struct ical_event *ev)
{
	const struct meeting_type	*type;
	const struct center		*center;
	enum meeting_mode		 mode;

	if (!(ev->given & ICAL_GIVEN_TYPE) &&
	    (type = catalog_type_by_label(cat, value)) != NULL) {
		ev->meeting.type_id = type->id;
		ev->given |= ICAL_GIVEN_TYPE;
	} else if (!(ev->given & ICAL_GIVEN_CENTER) &&
	    (center = catalog_center_by_name(cat, value)) != NULL) {
		ev->meeting.center_id = center->id;
		ev->given |= ICAL_GIVEN_CENTER;
	} else if (!(ev->given & ICAL_GIVEN_MODE) &&
	    meeting_mode_parse(value, &mode, NULL) == 0) {
		ev->meeting.mode = mode;
		ev->given |= ICAL_GIVEN_MODE;
	}
}

/* X-CARECAL-*: -1 for a value carecal itself cannot have written. */
static int
map_carecal(struct scan *s, const char *name, const char *value,
    struct ical_event *ev, long start)
{
	const struct meeting_type	*type;
	const struct center		*center;
	enum meeting_mode		 mode;
	struct error			 e;

	if (strcasecmp(name, "X-CARECAL-TYPE") == 0) {
		if ((type = catalog_type_by_code(s->cat, value)) != NULL) {
			ev->meeting.type_id = type->id;
			ev->given |= ICAL_GIVEN_TYPE;
		}
	} else if (strcasecmp(name, "X-CARECAL-CENTER") == 0) {
		if ((center = catalog_center_by_name(s->cat, value)) != NULL) {
			ev->meeting.center_id = center->id;
			ev->given |= ICAL_GIVEN_CENTER;
		}
	} else if (strcasecmp(name, "X-CARECAL-MODE") == 0) {
		if (meeting_mode_parse(value, &mode, &e) == -1)
			goto bad;
		ev->meeting.mode = mode;
		ev->given |= ICAL_GIVEN_MODE;
	} else if (strcasecmp(name, "X-CARECAL-CASES") == 0) {
		if (meeting_cases_parse(value, &ev->meeting.cases, &e) == -1)
			goto bad;
	} else if (strcasecmp(name, "X-CARECAL-WINDOW") == 0) {
		if (month_window_parse(value, &ev->meeting.window, &e) == -1)
			goto bad;
		ev->meeting.has_window = 1;
	} else if (strcasecmp(name, "X-CARECAL-NOTE") == 0) {
		meeting_set_text(&ev->meeting.note, value);
		ev->given |= ICAL_GIVEN_NOTE;
	}
	return 0;
bad:
	problem(s, arena_line_of(s, name, start), "%s: %s", name, e.msg);
	return -1;
}

/* Where keep_sequence keeps SEQUENCE as written (libical reads an int). */
#define SEQUENCE_PARAMETER	"X-CARECAL-SEQUENCE"

/* SEQUENCE as written (keep_sequence), else as libical read it. */
static long
sequence_of(icalproperty *p)
{
	const char	*v;

	v = icalproperty_get_parameter_as_string(p, SEQUENCE_PARAMETER);
	if (v != NULL)
		return strtol(v, NULL, 10);
	return icalproperty_get_sequence(p);
}

/* Everything but the times: UID, SEQUENCE, fields, status, venue, URL. */
static int
map_event(struct scan *s, icalcomponent *c, struct ical_event *ev)
{
	icalproperty	*p;
	const char	*v, *name;
	int		 carecal = 0;

	for (p = icalcomponent_get_first_property(c, ICAL_X_PROPERTY);
	    p != NULL; p = icalcomponent_get_next_property(c,
	    ICAL_X_PROPERTY)) {
		name = icalproperty_get_x_name(p);
		if (name == NULL || (v = icalproperty_get_x(p)) == NULL)
			continue;
		if (strncasecmp(name, "X-CARECAL-", 10) == 0) {
			if (strcasecmp(name, "X-CARECAL-TYPE") == 0)
				carecal = 1;
			if (map_carecal(s, name, v, ev, ev->line) == -1)
				return -1;
		} else if (strcasecmp(name, "X-GOOGLE-CONFERENCE") == 0 &&
		    ev->meeting.url == NULL)
			meeting_set_text(&ev->meeting.url, v);
	}
	/*
	 * carecal writes these whenever there are some; other calendars may
	 * drop what they do not know, which then stays as stored
	 */
	if (carecal)
		ev->given |= ICAL_GIVEN_CASES | ICAL_GIVEN_WINDOW |
		    ICAL_GIVEN_VENUE | ICAL_GIVEN_URL;
	if (s->notes_included)
		ev->given |= ICAL_GIVEN_NOTE;
	for (p = icalcomponent_get_first_property(c, ICAL_CATEGORIES_PROPERTY);
	    p != NULL; p = icalcomponent_get_next_property(c,
	    ICAL_CATEGORIES_PROPERTY))
		if ((v = icalproperty_get_categories(p)) != NULL)
			map_category(v, s->cat, ev);
	if ((p = icalcomponent_get_first_property(c, ICAL_SUMMARY_PROPERTY)) !=
	    NULL && (v = icalproperty_get_summary(p)) != NULL)
		map_summary(v, s->cat, ev);
	if (!(ev->given & ICAL_GIVEN_TYPE) && s->opt->type_id != 0) {
		ev->meeting.type_id = s->opt->type_id;
		ev->given |= ICAL_GIVEN_TYPE;
	}
	if (!(ev->given & ICAL_GIVEN_CENTER) && s->opt->center_id != 0) {
		ev->meeting.center_id = s->opt->center_id;
		ev->given |= ICAL_GIVEN_CENTER;
	}
	if (!(ev->given & ICAL_GIVEN_MODE) && s->opt->mode >= 0) {
		ev->meeting.mode = s->opt->mode;
		ev->given |= ICAL_GIVEN_MODE;
	}

	ev->meeting.status = STATUS_PLANNED;
	if ((p = icalcomponent_get_first_property(c, ICAL_STATUS_PROPERTY)) !=
	    NULL) {
		if (icalproperty_get_status(p) == ICAL_STATUS_CONFIRMED)
			ev->meeting.status = STATUS_HELD;
		else if (icalproperty_get_status(p) == ICAL_STATUS_CANCELLED)
			ev->meeting.status = STATUS_CANCELLED;
	}
	if (s->method_cancel)
		ev->meeting.status = STATUS_CANCELLED;
	p = icalcomponent_get_first_property(c, ICAL_SEQUENCE_PROPERTY);
	if (p != NULL && sequence_of(p) > 0)
		ev->meeting.sequence = sequence_of(p);
	p = icalcomponent_get_first_property(c, ICAL_LOCATION_PROPERTY);
	if (p != NULL) {
		meeting_set_text(&ev->meeting.venue,
		    icalproperty_get_location(p));
		ev->given |= ICAL_GIVEN_VENUE;
	}
	if ((p = icalcomponent_get_first_property(c, ICAL_URL_PROPERTY)) ==
	    NULL)
		p = icalcomponent_get_first_property(c,
		    ICAL_CONFERENCE_PROPERTY);
	if (p != NULL) {
		v = icalproperty_isa(p) == ICAL_URL_PROPERTY ?
		    icalproperty_get_url(p) : icalproperty_get_conference(p);
		meeting_set_text(&ev->meeting.url, v);
	}
	/* a foreign link that is no web address (tel:, mailto:) stays out */
	if (ev->meeting.url != NULL && strncmp(ev->meeting.url, "https://",
	    8) != 0 && strncmp(ev->meeting.url, "http://", 7) != 0)
		meeting_set_text(&ev->meeting.url, NULL);
	if (ev->meeting.url != NULL)
		ev->given |= ICAL_GIVEN_URL;
	return 0;
}

enum length {
	LENGTH_OK,
	LENGTH_UNKNOWN,		/* an invalid value or a zone not known yet */
	LENGTH_MIXED,		/* a date with a time */
	LENGTH_NEGATIVE		/* it ends before it starts */
};

/*
 * The length of an event from DTEND or DURATION: seconds, or days for
 * an all-day event; -1 when it gives neither.
 */
static enum length
event_length(struct scan *s, icalcomponent *c, const struct when *start,
    long *length)
{
	icalproperty		*p;
	struct when		 end;
	struct icaltimetype	 t;

	*length = -1;
	if ((p = icalcomponent_get_first_property(c, ICAL_DTEND_PROPERTY)) !=
	    NULL) {
		if (when_of(s, p, icalproperty_get_dtend(p), "DTEND", 0,
		    &end) == -1)
			return LENGTH_UNKNOWN;
	} else if ((p = icalcomponent_get_first_property(c,
	    ICAL_DURATION_PROPERTY)) != NULL) {
		t = icaltime_add(start->local, icalproperty_get_duration(p));
		end = *start;
		if (start->is_date) {
			end.date.year = t.year;
			end.date.month = t.month;
			end.date.day = t.day;
		} else
			end.utc = icaltime_as_timet_with_zone(t, start->zone);
	} else
		return LENGTH_OK;
	if (end.is_date != start->is_date)
		return LENGTH_MIXED;
	if (start->is_date)
		*length = date_to_days(end.date) - date_to_days(start->date);
	else
		*length = (long)(end.utc - start->utc);
	return *length < 0 ? LENGTH_NEGATIVE : LENGTH_OK;
}

/* Which occurrences EXDATE takes out, as Tokyo instants or dates. */
struct exclusions {
	struct when	*items;
	size_t		 count;
};

static int
excluded(const struct exclusions *x, const struct when *w)
{
	size_t	i;

	for (i = 0; i < x->count; i++) {
		if (w->is_date && x->items[i].is_date &&
		    date_compare(w->date, x->items[i].date) == 0)
			return 1;
		if (!w->is_date && !x->items[i].is_date &&
		    w->utc == x->items[i].utc)
			return 1;
	}
	return 0;
}

/*
 * The window RRULEs expand in, as messages print dates:
 * 令和3年4月1日(木)～令和4年3月31日(木).
 */
static const char *
window_text(const struct scan *s, char *buf, size_t size)
{
	char	from[DATE_JA_LEN], to[DATE_JA_LEN];

	date_format_japanese(s->expand_from, from, sizeof from);
	date_format_japanese(s->expand_to, to, sizeof to);
	snprintf(buf, size, "%s～%s", from, to);
	return buf;
}

/* How many values a BY list of an RRULE holds. */
static int
by_count(const short *list, int size)
{
	int	n = 0;

	while (n < size && list[n] != ICAL_RECURRENCE_ARRAY_MAX)
		n++;
	return n;
}

/*
 * What expanding rule from start to the end of the window may cost:
 * libical looks at every step of the rule's frequency between them
 * (every hour of the years to 2582 for an hourly rule that can never
 * match, unless UNTIL stops it; expand() sets one), times the hours,
 * minutes and seconds each step may give.
 */
static double
rule_cost(const struct scan *s, const struct icalrecurrencetype *rule,
    const struct when *start)
{
	static const double	unit[] = { 1, 60, 3600, 86400, 604800,
				    2629746, 31556952 };
	long			from, to;
	double			steps;
	int			n;

	from = date_to_days(start->is_date ? start->date :
	    (struct date){ start->local.year, start->local.month,
	    start->local.day });
	/* without COUNT, libical starts a year before the window */
	if (rule->count == 0 && from < date_to_days(s->expand_from) - 366)
		from = date_to_days(s->expand_from) - 366;
	to = date_to_days(s->expand_to) + 2;
	if ((unsigned)rule->freq >= sizeof unit / sizeof unit[0] || to < from)
		return 1;
	steps = (double)(to - from) * 86400.0 / unit[rule->freq] + 1;
	if ((n = by_count(rule->by_hour, ICAL_BY_HOUR_SIZE)) > 1)
		steps *= n;
	if ((n = by_count(rule->by_minute, ICAL_BY_MINUTE_SIZE)) > 1)
		steps *= n;
	if ((n = by_count(rule->by_second, ICAL_BY_SECOND_SIZE)) > 1)
		steps *= n;
	return steps;
}

/*
 * An RRULE that carecal expands, with an UNTIL soon after the window
 * (occurrences after it are not used), or -1 with the problem reported.
 */
static int
rule_check(struct scan *s, const struct ical_event *base,
    const struct when *start, struct icalrecurrencetype *rule)
{
	struct icaltimetype	until;
	long			line = arena_line_of(s, "RRULE", base->line);
	char			window[2 * DATE_JA_LEN + 4];

	if (rule->freq == ICAL_SECONDLY_RECURRENCE ||
	    rule->freq == ICAL_MINUTELY_RECURRENCE) {
		problem(s, line, _("RRULE: FREQ=%s steps by seconds or "
		    "minutes; refused (a meeting recurs hourly at most)"),
		    icalrecur_freq_to_string(rule->freq));
		return -1;
	}
	if (s->expansion_refused)
		return -1;
	s->expansion_cost += rule_cost(s, rule, start);
	if (s->expansion_cost > EXPANSION_COST_MAX) {
		s->expansion_refused = 1;
		problem(s, line, _("RRULE: expanding the recurring events of "
		    "the file would take more than %ld steps in %s; nothing "
		    "imported (give a narrower --from and --to, or split the "
		    "file)"), (long)EXPANSION_COST_MAX,
		    window_text(s, window, sizeof window));
		return -1;
	}
	until = start->local;
	until.is_date = start->is_date;
	until.year = s->expand_to.year;
	until.month = s->expand_to.month;
	until.day = s->expand_to.day;
	until = icaltime_add(until, icaldurationtype_from_int(2 * 86400));
	if (icaltime_is_null_time(rule->until) ||
	    icaltime_compare(rule->until, until) > 0)
		rule->until = until;
	return 0;
}

static int
emit_occurrence(struct scan *s, const struct ical_event *base,
    const struct when *w, long length, const char *uid, long *count)
{
	struct meeting		 times;
	char			 why[256], derived[MEETING_UID_MAX + 32];

	meeting_init(&times);
	if (w->is_date)
		times.date = w->date;
	else
		tokyo_time(s, w->utc, &times.date, &times.start);
	if (!in_window(s, times.date))
		return 0;
	if (occurrence_times(s, w, length, &times, why, sizeof why) == -1) {
		unmapped(s, base->line, uid, "%s", why);
		return -1;
	}
	if (occurrence_uid(uid, &times, derived, sizeof derived) == -1) {
		unmapped(s, base->line, uid, _("the UID is too long to name "
		    "each occurrence"));
		return -1;
	}
	if (s->expansion_refused)
		return -1;
	if (++s->expanded > EXPANSION_MAX) {
		/* once: no event is expanded any more */
		s->expansion_refused = 1;
		problem(s, base->line, _("the recurring events of the file "
		    "give more than %ld meetings in %s; nothing imported "
		    "(give a narrower --from and --to, or split the file)"),
		    EXPANSION_MAX, window_text(s, why, sizeof why));
		return -1;
	}
	if (++*count > OCCURRENCES_MAX) {
		unmapped(s, base->line, uid, _("it repeats more than %d times "
		    "in %s; give --from and --to"), OCCURRENCES_MAX,
		    window_text(s, why, sizeof why));
		return -1;
	}
	add_event(s, base, &times, derived, GIVEN_EXPANDED);
	return 0;
}

/* RRULE and RDATE: one meeting per occurrence in the window. */
static int
expand(struct scan *s, icalcomponent *c, const struct ical_event *base,
    const struct when *start, long length)
{
	struct exclusions	 x = { NULL, 0 };
	icalproperty		*p;
	icalrecur_iterator	*it;
	struct icaltimetype	 t, from;
	struct when		 w;
	long			 count = 0, steps;
	const char		*uid = base->meeting.uid;
	int			 rc = -1;

	for (p = icalcomponent_get_first_property(c, ICAL_EXDATE_PROPERTY);
	    p != NULL; p = icalcomponent_get_next_property(c,
	    ICAL_EXDATE_PROPERTY)) {
		if (when_of(s, p, icalproperty_get_exdate(p), "EXDATE",
		    base->line, &w) == -1)
			goto done;
		x.items = xreallocarray(x.items, x.count + 1, sizeof *x.items);
		x.items[x.count++] = w;
	}
	/* DTSTART is always the first occurrence (RFC 5545 3.8.5.3) */
	if (!excluded(&x, start) && emit_occurrence(s, base, start, length,
	    uid, &count) == -1)
		goto done;
	for (p = icalcomponent_get_first_property(c, ICAL_RRULE_PROPERTY);
	    p != NULL; p = icalcomponent_get_next_property(c,
	    ICAL_RRULE_PROPERTY)) {
		struct icalrecurrencetype	rule;

		rule = icalproperty_get_rrule(p);
		if (rule_check(s, base, start, &rule) == -1)
			goto done;
		if ((it = icalrecur_iterator_new(rule, start->local)) ==
		    NULL) {
			problem(s, arena_line_of(s, "RRULE", base->line),
			    _("RRULE: libical cannot expand it"));
			goto done;
		}
		/* skip the years before the window (not with COUNT) */
		from = start->local;
		from.year = s->expand_from.year - 1;
		from.month = 1;
		from.day = 1;
		if (rule.count == 0 && icaltime_compare(from,
		    start->local) > 0)
			icalrecur_iterator_set_start(it, from);
		for (steps = 0; steps < ITERATIONS_MAX; steps++) {
			t = icalrecur_iterator_next(it);
			if (icaltime_is_null_time(t) || t.year >
			    s->expand_to.year + 1)
				break;
			if (icaltime_compare(t, start->local) == 0)
				continue;
			w = *start;
			if (start->is_date) {
				w.date.year = t.year;
				w.date.month = t.month;
				w.date.day = t.day;
			} else
				w.utc = icaltime_as_timet_with_zone(t,
				    start->zone);
			w.local = t;
			if (excluded(&x, &w))
				continue;
			if (emit_occurrence(s, base, &w, length, uid,
			    &count) == -1) {
				icalrecur_iterator_free(it);
				goto done;
			}
		}
		icalrecur_iterator_free(it);
	}
	for (p = icalcomponent_get_first_property(c, ICAL_RDATE_PROPERTY);
	    p != NULL; p = icalcomponent_get_next_property(c,
	    ICAL_RDATE_PROPERTY)) {
		struct icaldatetimeperiodtype	rdate;

		rdate = icalproperty_get_rdate(p);
		t = icaltime_is_null_time(rdate.time) ? rdate.period.start :
		    rdate.time;
		if (when_of(s, p, t, "RDATE", base->line, &w) == -1)
			goto done;
		if (w.is_date != start->is_date || excluded(&x, &w))
			continue;
		if (emit_occurrence(s, base, &w, length, uid, &count) == -1)
			goto done;
	}
	rc = 0;
done:
	free(x.items);
	return rc;
}

static void
read_event(struct scan *s, icalcomponent *c, long line)
{
	struct ical_event	 base;
	struct meeting		 times;
	struct when		 start, rid;
	icalproperty		*p;
	const char		*uid;
	char			 why[256], derived[MEETING_UID_MAX + 32];
	long			 length;

	memset(&base, 0, sizeof base);
	meeting_init(&base.meeting);
	meeting_init(&times);
	base.line = line;
	p = icalcomponent_get_first_property(c, ICAL_UID_PROPERTY);
	uid = p != NULL ? icalproperty_get_uid(p) : NULL;
	if (uid == NULL || *uid == '\0') {
		unmapped(s, line, NULL, _("no UID"));
		return;
	}
	if (strlen(uid) > MEETING_UID_MAX || strpbrk(uid, " \t") != NULL ||
	    text_has_control(uid, 0)) {
		unmapped(s, line, NULL, _("the UID is longer than %d bytes, or "
		    "has spaces or control characters"), MEETING_UID_MAX);
		return;
	}
	if ((p = icalcomponent_get_first_property(c, ICAL_DTSTART_PROPERTY)) ==
	    NULL) {
		unmapped(s, line, uid, _("no DTSTART"));
		return;
	}
	if (when_of(s, p, icalproperty_get_dtstart(p), "DTSTART", line,
	    &start) == -1)
		return;
	switch (event_length(s, c, &start, &length)) {
	case LENGTH_OK:
		break;
	case LENGTH_UNKNOWN:
		return;
	case LENGTH_MIXED:
		unmapped(s, line, uid, _("DTSTART and DTEND are not both "
		    "dates or both times"));
		return;
	case LENGTH_NEGATIVE:
		unmapped(s, line, uid, _("it ends before it starts"));
		return;
	}
	base.meeting.uid = xstrdup(uid);
	if (map_event(s, c, &base) == -1)
		goto done;

	if ((p = icalcomponent_get_first_property(c,
	    ICAL_RECURRENCEID_PROPERTY)) != NULL) {
		/* one changed instance of a recurring event */
		if (when_of(s, p, icalproperty_get_recurrenceid(p),
		    "RECURRENCE-ID", line, &rid) == -1)
			goto done;
		if (occurrence_times(s, &rid, -1, &times, why,
		    sizeof why) == -1 || occurrence_uid(uid, &times, derived,
		    sizeof derived) == -1) {
			unmapped(s, line, uid, _("the UID is too long to name "
			    "each occurrence"));
			goto done;
		}
		if (occurrence_times(s, &start, length, &times, why,
		    sizeof why) == -1) {
			unmapped(s, line, uid, "%s", why);
			goto done;
		}
		if (in_window(s, times.date))
			add_event(s, &base, &times, derived, GIVEN_OVERRIDE);
		goto done;
	}
	if (icalcomponent_get_first_property(c, ICAL_RRULE_PROPERTY) != NULL ||
	    icalcomponent_get_first_property(c, ICAL_RDATE_PROPERTY) != NULL) {
		expand(s, c, &base, &start, length);
		goto done;
	}
	if (occurrence_times(s, &start, length, &times, why,
	    sizeof why) == -1) {
		unmapped(s, line, uid, "%s", why);
		goto done;
	}
	add_event(s, &base, &times, uid, 0);
done:
	meeting_clear(&base.meeting);
}

/* A component is complete: libical's verdict, then what it holds. */
static void
finish_component(struct scan *s, icalcomponent *c, enum capture kind,
    long start)
{
	const char	*name = kind == CAPTURE_EVENT ? "VEVENT" : "VTIMEZONE";
	size_t		 i;

	if (c == NULL) {
		problem(s, start, _("libical cannot read this %s"), name);
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
	/* after an error, only more errors are worth looking for */
	if (s->nerrors == 0) {
		for (i = 0; i < s->npending; i++)
			icalcomponent_add_property(c, s->pending[i]);
		s->npending = 0;
		read_event(s, c, start);
	}
	icalcomponent_free(c);
}

static void
pending_clear(struct scan *s)
{
	size_t	i;

	for (i = 0; i < s->npending; i++)
		icalproperty_free(s->pending[i]);
	s->npending = 0;
}

static void
pending_add(struct scan *s, icalproperty *p)
{
	if (s->npending == s->pending_cap) {
		s->pending_cap = s->pending_cap == 0 ? 32 : s->pending_cap * 2;
		s->pending = xreallocarray(s->pending, s->pending_cap,
		    sizeof *s->pending);
	}
	s->pending[s->npending++] = p;
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
 * sequence_of. A SEQUENCE beyond what carecal keeps is refused.
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
		problem(s, no, _("SEQUENCE %.40s: larger than carecal keeps "
		    "(%lld)"), v, SEQUENCE_MAX);
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
	struct reader		*r = &s->r;
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
	arena_add(s, r->line, r->len, no);
	s->lines[s->nlines - 1].checked = 1;
	for (i = cache_hash(r->line);; i = (i + 1) & (CACHE_SLOTS - 1)) {
		slot = &s->cache[i];
		if (slot->line == NULL)
			break;
		if (strcmp(slot->line, r->line) == 0) {
			for (n = 0; n < slot->count; n++)
				pending_add(s, icalproperty_new_clone(
				    slot->props[n]));
			return;
		}
	}
	icalparser_add_line(s->line_parser, begin);
	icalparser_add_line(s->line_parser, r->line);
	if ((c = icalparser_add_line(s->line_parser, end)) == NULL) {
		problem(s, no, _("libical cannot read this line"));
		icalcomponent_free(icalparser_clean(s->line_parser));
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
	if (s->ncached < CACHE_MAX && n > 0) {
		slot->line = xstrdup(r->line);
		slot->props = props;
		slot->count = n;
		s->ncached++;
		for (i = 0; i < n; i++)
			pending_add(s, icalproperty_new_clone(props[i]));
		return;
	}
	for (i = 0; i < n; i++)
		pending_add(s, props[i]);
	free(props);
}

static icalcomponent *
feed(struct scan *s, long no)
{
	struct reader	*r = &s->r;

	if (is_empty_text(r->line, r->len))
		return NULL;
	arena_add(s, r->line, r->len, no);
	return icalparser_add_line(s->parser, r->line);
}

/* A line inside a component: libical must not take it as the end. */
static void
feed_inner(struct scan *s, long no)
{
	icalcomponent	*c;
	char		 name[64];

	/*
	 * A BEGIN or END that is not a component's (it has a ':' or a CR
	 * in its name) would unbalance libical's stack of components.
	 */
	if ((strncasecmp(s->r.line, "BEGIN:", 6) == 0 &&
	    !component_line(s->r.line, "BEGIN:", name, sizeof name)) ||
	    strncasecmp(s->r.line, "END:", 4) == 0) {
		problem(s, no, _("a BEGIN or END line that names no "
		    "component"));
		return;
	}
	if ((c = feed(s, no)) != NULL) {
		/* a lone CR inside the line hid an END from carecal */
		problem(s, no, _("libical reads an END inside this line (a "
		    "stray carriage return?)"));
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
	struct {
		char	name[64];
		long	line;
	}		 stack[DEPTH_MAX];
	struct reader	*r = &s->r;
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
			problem(s, r->no, _("a NUL byte: not a text file"));
			continue;
		}
		if (!is_utf8(r->line, r->len)) {
			problem(s, r->no, _("not valid UTF-8 (carecal reads "
			    "UTF-8 iCalendar only)"));
			continue;
		}
		if (component_line(r->line, "BEGIN:", name, sizeof name)) {
			if (depth == 0 && strcmp(name, "VCALENDAR") != 0) {
				problem(s, r->no, _("BEGIN:%s outside "
				    "BEGIN:VCALENDAR"), name);
				return;
			}
			if ((depth == 1 && strcmp(name, "VCALENDAR") == 0) ||
			    (depth >= 2 && is_top_level(name))) {
				problem(s, r->no, _("BEGIN:%s inside BEGIN:%s "
				    "of line %ld (a missing END:%s?)"), name,
				    stack[depth - 1].name,
				    stack[depth - 1].line,
				    stack[depth - 1].name);
				return;
			}
			if (depth == DEPTH_MAX) {
				problem(s, r->no, _("components nested more "
				    "than %d deep"), DEPTH_MAX);
				return;
			}
			snprintf(stack[depth].name, sizeof stack[depth].name,
			    "%s", name);
			stack[depth++].line = r->no;
			if (depth == 2) {
				if (strcmp(name, "VEVENT") == 0)
					capture = CAPTURE_EVENT;
				else if (strcmp(name, "VTIMEZONE") == 0 &&
				    s->mode == SCAN_ALL)
					capture = CAPTURE_ZONE;
				else if (strcmp(name, "VTIMEZONE") != 0 &&
				    s->mode == SCAN_ALL)
					s->out->other++;
				arena_reset(s);
				pending_clear(s);
			}
			/* a BEGIN never completes a component */
			if (capture != CAPTURE_NONE)
				feed(s, r->no);
			continue;
		}
		if (component_line(r->line, "END:", name, sizeof name)) {
			if (depth == 0) {
				problem(s, r->no, _("END:%s without BEGIN"),
				    name);
				return;
			}
			if (strcmp(name, stack[depth - 1].name) != 0) {
				problem(s, r->no, _("END:%s, but BEGIN:%s on "
				    "line %ld is still open (a missing END?)"),
				    name, stack[depth - 1].name,
				    stack[depth - 1].line);
				return;
			}
			depth--;
			if (depth == 0)
				s->calendars++;
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
			problem(s, r->no, _("expected BEGIN:VCALENDAR; this "
			    "is not an iCalendar file"));
			return;
		}
		if (depth == 1 && s->mode == SCAN_ALL)
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
		problem(s, r->physical, _("the file ends inside BEGIN:%s of "
		    "line %ld (a missing END:%s)"), stack[depth - 1].name,
		    stack[depth - 1].line, stack[depth - 1].name);
	else if (r->physical == 0)
		problem(s, 0, _("an empty file; expected BEGIN:VCALENDAR"));
	else if (s->calendars == 0)
		problem(s, 0, _("no BEGIN:VCALENDAR; not an iCalendar file"));
}

void
ical_import_add_unmapped(struct ical_import *out, long line, const char *uid,
    const char *why)
{
	struct ical_unmapped	*u;

	if (out->nunmapped == out->unmapped_capacity) {
		out->unmapped_capacity = out->unmapped_capacity == 0 ? 16 :
		    out->unmapped_capacity * 2;
		out->unmapped = xreallocarray(out->unmapped,
		    out->unmapped_capacity, sizeof *out->unmapped);
	}
	u = &out->unmapped[out->nunmapped++];
	u->line = line;
	u->uid = xstrdup(uid);
	u->why = xstrdup(why);
}

static const struct ical_import *sort_import;

static int
compare_by_uid(const void *pa, const void *pb)
{
	size_t	a = *(const size_t *)pa, b = *(const size_t *)pb;
	int	c = strcmp(sort_import->items[a].meeting.uid,
		    sort_import->items[b].meeting.uid);

	if (c != 0)
		return c;
	return (a > b) - (a < b);
}

/*
 * One meeting per UID: a changed instance (RECURRENCE-ID) replaces the
 * occurrence its RRULE made; any other second use of a UID is refused.
 */
static void
check_uids(struct ical_import *out)
{
	struct import_item	*items = out->items;
	size_t			*by_uid, i, k, kept, next;
	char			 why[128];

	if (out->count < 2) {
		for (i = 0; i < out->count; i++)
			out->given[i] &= ICAL_GIVEN_ALL;
		return;
	}
	by_uid = xcalloc(out->count, sizeof *by_uid);
	for (i = 0; i < out->count; i++)
		by_uid[i] = i;
	sort_import = out;
	qsort(by_uid, out->count, sizeof *by_uid, compare_by_uid);
	sort_import = NULL;
	kept = by_uid[0];
	for (i = 1; i < out->count; i++) {
		next = by_uid[i];
		if (strcmp(items[kept].meeting.uid,
		    items[next].meeting.uid) != 0) {
			kept = next;
			continue;
		}
		if ((out->given[kept] & GIVEN_EXPANDED) &&
		    (out->given[next] & GIVEN_OVERRIDE)) {
			items[kept].line = -1;
			kept = next;
		} else if (out->given[next] & GIVEN_EXPANDED)
			items[next].line = -1;
		else {
			snprintf(why, sizeof why,
			    _("the same UID as line %ld"), items[kept].line);
			ical_import_add_unmapped(out, items[next].line,
			    items[next].meeting.uid, why);
			items[next].line = -1;
		}
	}
	free(by_uid);
	for (i = k = 0; i < out->count; i++) {
		if (items[i].line == -1) {
			meeting_clear(&items[i].meeting);
			continue;
		}
		items[k] = items[i];
		out->given[k++] = out->given[i] & ICAL_GIVEN_ALL;
	}
	out->count = k;
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
}

/* RRULEs expand in --from..--to, or the fiscal year of today. */
static void
expansion_window(const struct ical_import_options *o, struct scan *s)
{
	int	fy = date_fiscal_year(o->today);

	if (o->has_from)
		fy = date_fiscal_year(o->from);
	else if (o->has_to)
		fy = date_fiscal_year(o->to);
	s->expand_from = o->has_from ? o->from : date_fiscal_year_start(fy);
	s->expand_to = o->has_to ? o->to : date_fiscal_year_end(fy);
}

int
ical_import_read(const char *path, const struct catalog *cat,
    const struct ical_import_options *opt, struct ical_import *out,
    struct error *err)
{
	struct scan	 s;
	FILE		*fp;
	size_t		 i, j;

	memset(out, 0, sizeof *out);
	error_clear(err);
	memset(&s, 0, sizeof s);
	s.name = path;
	s.cat = cat;
	s.opt = opt;
	s.out = out;
	s.err = err;
	expansion_window(opt, &s);
	if ((s.tokyo = ical_zone_tokyo(err)) == NULL)
		return -1;
	s.floating = s.tokyo;
	if ((fp = fopen(path, "rb")) == NULL)
		return error_set(err, errno == ENOENT ? ERROR_INPUT :
		    ERROR_FAILURE, "%s: %s", path, strerror(errno));
	s.parser = icalparser_new();
	s.line_parser = icalparser_new();
	s.cache = xcalloc(CACHE_SLOTS, sizeof *s.cache);
	reader_init(&s.r, fp);
	s.mode = SCAN_ALL;
	scan_file(&s);
	if (s.nerrors == 0 && s.zone_late) {
		/* a TZID was used before its VTIMEZONE: again, zones known */
		scan_reset(&s);
		if (fseek(fp, 0, SEEK_SET) == -1)
			problem(&s, 0, _("cannot read the file a second time "
			    "(for a VTIMEZONE that comes after its use)"));
		else {
			reader_init(&s.r, fp);
			s.mode = SCAN_EVENTS;
			s.calendars = 0;
			scan_file(&s);
		}
	}
	fclose(fp);
	if (s.nerrors == 0)
		check_uids(out);
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
	icalparser_clean(s.parser);
	icalparser_free(s.parser);
	icalparser_free(s.line_parser);
	pending_clear(&s);
	free(s.pending);
	for (i = 0; i < CACHE_SLOTS; i++) {
		for (j = 0; j < s.cache[i].count; j++)
			icalproperty_free(s.cache[i].props[j]);
		free(s.cache[i].props);
		free(s.cache[i].line);
	}
	free(s.cache);
	for (i = 0; i < s.nzones; i++) {
		free(s.zones[i].tzid);
		icaltimezone_free(s.zones[i].zone, 1);
	}
	free(s.zones);
	free(s.arena);
	free(s.lines);
	free(s.r.line);
	free(s.r.next);
	if (s.nerrors > 0) {
		scan_reset(&s);
		err->kind = ERROR_INPUT;
		return -1;
	}
	return 0;
}

int
ical_item_complete(struct import_item *item, unsigned given,
    const struct meeting *existing, const struct catalog *cat,
    struct error *err)
{
	struct meeting			*m = &item->meeting;
	const struct meeting_type	*type;

	if (existing != NULL) {
		if (!(given & ICAL_GIVEN_TYPE))
			m->type_id = existing->type_id;
		if (!(given & ICAL_GIVEN_CENTER))
			m->center_id = existing->center_id;
		if (!(given & ICAL_GIVEN_MODE))
			m->mode = existing->mode;
		if (!(given & ICAL_GIVEN_CASES))
			m->cases = existing->cases;
		if (!(given & ICAL_GIVEN_VENUE))
			meeting_set_text(&m->venue, existing->venue);
		if (!(given & ICAL_GIVEN_URL))
			meeting_set_text(&m->url, existing->url);
		if (!(given & ICAL_GIVEN_WINDOW)) {
			m->has_window = existing->has_window;
			m->window = existing->window;
		}
		given = ICAL_GIVEN_ALL;
	}
	if (!(given & ICAL_GIVEN_TYPE) ||
	    (type = catalog_type_by_id(cat, m->type_id)) == NULL)
		return error_set(err, ERROR_INPUT, _("no meeting type: "
		    "neither X-CARECAL-TYPE, CATEGORIES nor SUMMARY name one "
		    "of this database; give --type"));
	if (type->level == LEVEL_CITY)
		m->center_id = 0;
	else if (!(given & ICAL_GIVEN_CENTER) || m->center_id == 0)
		return error_set(err, ERROR_INPUT, _("no center: neither "
		    "X-CARECAL-CENTER, CATEGORIES nor SUMMARY name one of "
		    "this database; give --center"));
	/* cases a foreign event did not give belong to no other type */
	if (!type->counts_cases && !(given & ICAL_GIVEN_CASES))
		m->cases = -1;
	return meeting_validate(m, cat, err);
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
	memset(out, 0, sizeof *out);
}
