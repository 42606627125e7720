/*
 * ical-export.c -- meetings to iCalendar with libical. libical makes the
 * text of every line (escaping, folding at 75 octets on UTF-8 character
 * boundaries, CRLF); this file decides what goes in, streams the events
 * between the calendar's head and its end, and reuses the text libical
 * made for a line that recurs unchanged (the same DTSTAMP, STATUS, type,
 * center and mode in thousands of events). UID, DTSTART and DTEND, new
 * in each event, are written here when their text is plain (write_uid,
 * write_time): libical made half of an export's instructions on them.
 */
#include <stdint.h>
#include <stdlib.h>
#include <string.h>
#include <strings.h>
#include <time.h>

#include "alloc.h"
#include "i18n.h"
#include "ical-export.h"
#include "ical-summary.h"
#include "ical-zone.h"

/* Lines whose text depends on their value alone: made once, reused. */
enum line_kind {
	LINE_DTSTAMP,
	LINE_DESCRIPTION,
	LINE_SUMMARY,
	LINE_LOCATION,
	LINE_CATEGORY,
	LINE_STATUS,
	LINE_TRANSP,
	LINE_X_CENTER,
	LINE_X_TYPE,
	LINE_X_MODE,
	LINE_X_CASES,
	LINE_X_WINDOW,
	LINE_X_END,
	LINE_X_DELETED
};

struct cached_line {
	enum line_kind	 kind;
	char		*value;
	char		*text;		/* what libical made of it */
};

#define CACHE_SLOTS	8192	/* a power of two */
/* past this many, lines are made afresh */
#define CACHE_MAX	(CACHE_SLOTS / 2)

struct ical_writer {
	FILE			*fp;
	int			 flags;
	char			*tail;		/* "END:VCALENDAR\r\n" */
	char			*event_begin;	/* "BEGIN:VEVENT\r\n" */
	char			*event_end;	/* "END:VEVENT\r\n" */
	struct icaltimetype	 stamp;		/* DTSTAMP: the export */
	struct cached_line	*cache;		/* open addressing */
	size_t			 ncached;
	/* translated once, not for each of 100,000 events */
	const char		*online_label, *cases_label, *window_label;
};

static void
add_x(icalcomponent *comp, const char *name, const char *value)
{
	icalproperty	*p = icalproperty_new_x(value);

	icalproperty_set_x_name(p, name);
	icalcomponent_add_property(comp, p);
}

static icalproperty *
new_x(const char *name, const char *value)
{
	icalproperty	*p = icalproperty_new_x(value);

	icalproperty_set_x_name(p, name);
	return p;
}

/*
 * libical 3.0 folds a property with its CRLF counted in: a line that
 * fills its last 75 octets exactly comes out as "...\r\r\n \n" (a bare
 * LF, a lone CR) or "...\r\n \r\n" (an empty continuation line). Both
 * unfold to the right text; here they become the plain CRLF they mean.
 */
static char *
repair_folding(char *text)
{
	char	*cr = text, *w;
	size_t	 n;

	while ((cr = strchr(cr, '\r')) != NULL) {
		if (strncmp(cr, "\r\r\n \n", 5) == 0 ||
		    strncmp(cr, "\r\n \r\n", 5) == 0) {
			w = cr + 2;
			n = strlen(cr + 5);
			cr[0] = '\r';
			cr[1] = '\n';
			memmove(w, cr + 5, n + 1);
			cr = w;
		} else
			cr++;
	}
	return text;
}

/* What libical makes of property p, put right; p is freed. */
static char *
property_text(icalproperty *p)
{
	char	*text = repair_folding(icalproperty_as_ical_string_r(p));

	icalproperty_free(p);
	return text;
}

/* Writes a string, freeing it. */
static void
write_string(FILE *fp, char *s)
{
	fputs(s, fp);
	free(s);
}

/* Writes the line of one property and frees the property. */
static void
write_property(FILE *fp, icalproperty *p)
{
	write_string(fp, property_text(p));
}

/*
 * Splits what libical made of component c at its "END:" line: *head gets
 * the text before, *tail the rest. c is freed.
 */
static int
split_component(icalcomponent *c, const char *end, char **head, char **tail)
{
	char	*text = repair_folding(icalcomponent_as_ical_string_r(c));
	size_t	 len = strlen(text), tail_len = strlen(end);

	icalcomponent_free(c);
	if (len < tail_len || strcmp(text + len - tail_len, end) != 0) {
		free(text);
		return -1;
	}
	*tail = xstrdup(text + len - tail_len);
	text[len - tail_len] = '\0';
	*head = text;
	return 0;
}

static icalproperty_status
status_of(enum meeting_status status)
{
	switch (status) {
	case STATUS_HELD:
		return ICAL_STATUS_CONFIRMED;
	case STATUS_CANCELLED:
		return ICAL_STATUS_CANCELLED;
	case STATUS_PLANNED:
		break;
	}
	return ICAL_STATUS_TENTATIVE;
}

static icalproperty *
make_line(const struct ical_writer *w, enum line_kind kind, const char *value)
{
	switch (kind) {
	case LINE_DTSTAMP:
		return icalproperty_new_dtstamp(w->stamp);
	case LINE_DESCRIPTION:
		return icalproperty_new_description(value);
	case LINE_SUMMARY:
		return icalproperty_new_summary(value);
	case LINE_LOCATION:
		return icalproperty_new_location(value);
	case LINE_CATEGORY:
		return icalproperty_new_categories(value);
	case LINE_STATUS:
		return icalproperty_new_status(status_of(value[0] - '0'));
	case LINE_TRANSP:
		return icalproperty_new_transp(ICAL_TRANSP_OPAQUE);
	case LINE_X_CENTER:
		return new_x("X-CARECAL-CENTER", value);
	case LINE_X_TYPE:
		return new_x("X-CARECAL-TYPE", value);
	case LINE_X_MODE:
		return new_x("X-CARECAL-MODE", value);
	case LINE_X_CASES:
		return new_x("X-CARECAL-CASES", value);
	case LINE_X_WINDOW:
		return new_x("X-CARECAL-WINDOW", value);
	case LINE_X_END:
		return new_x("X-CARECAL-END", value);
	case LINE_X_DELETED:
		return new_x("X-CARECAL-DELETED", value);
	}
	return NULL;
}

/* FNV-1a over the kind and the value. */
static size_t
line_hash(enum line_kind kind, const char *value)
{
	uint32_t	h = 2166136261u ^ (uint32_t)kind;

	for (; *value != '\0'; value++)
		h = (h ^ (unsigned char)*value) * 16777619u;
	return h & (CACHE_SLOTS - 1);
}

/* The line for kind and value, as libical wrote it the first time. */
static void
write_line(struct ical_writer *w, enum line_kind kind, const char *value)
{
	struct cached_line	*slot;
	size_t			 i;

	for (i = line_hash(kind, value);; i = (i + 1) & (CACHE_SLOTS - 1)) {
		slot = &w->cache[i];
		if (slot->text == NULL)
			break;
		if (slot->kind == kind && strcmp(slot->value, value) == 0) {
			fputs(slot->text, w->fp);
			return;
		}
	}
	if (w->ncached == CACHE_MAX) {
		/* so many different values: no use keeping them */
		write_property(w->fp, make_line(w, kind, value));
		return;
	}
	slot->kind = kind;
	slot->value = xstrdup(value);
	slot->text = property_text(make_line(w, kind, value));
	w->ncached++;
	fputs(slot->text, w->fp);
}

int
ical_export_begin(FILE *fp, const char *calname, int flags,
    struct ical_writer **out, struct error *err)
{
	struct ical_writer	*w;
	icalcomponent		*cal, *vtz;
	char			*head = NULL, *event_begin = NULL;
	char			*event_end = NULL;

	*out = NULL;
	if ((vtz = ical_zone_tokyo_component(err)) == NULL)
		return -1;
	cal = icalcomponent_new_vcalendar();
	icalcomponent_add_property(cal, icalproperty_new_prodid(
	    "-//carecal//carecal " PACKAGE_VERSION "//JA"));
	icalcomponent_add_property(cal, icalproperty_new_version("2.0"));
	icalcomponent_add_property(cal, icalproperty_new_calscale(
	    "GREGORIAN"));
	icalcomponent_add_property(cal, icalproperty_new_method(
	    ICAL_METHOD_PUBLISH));
	add_x(cal, "X-WR-CALNAME", calname);
	add_x(cal, "X-WR-TIMEZONE", ICAL_ZONE_TOKYO);
	/* so that an import knows a missing X-CARECAL-NOTE means none */
	if (flags & ICAL_EXPORT_NOTES)
		add_x(cal, "X-CARECAL-NOTES", "INCLUDED");
	icalcomponent_add_component(cal, vtz);
	w = xcalloc(1, sizeof *w);
	/*
	 * The events go between libical's own head and end of the calendar
	 * rather than into one tree: 100,000 meetings as one component tree
	 * would take hundreds of megabytes.
	 */
	if (split_component(cal, "END:VCALENDAR\r\n", &head, &w->tail) == -1 ||
	    split_component(icalcomponent_new_vevent(), "END:VEVENT\r\n",
	    &event_begin, &event_end) == -1) {
		free(head);
		free(w->tail);
		free(event_begin);
		free(event_end);
		free(w);
		return error_set(err, ERROR_FAILURE,
		    _("libical wrote a component without its end"));
	}
	w->event_begin = event_begin;
	w->event_end = event_end;
	w->fp = fp;
	w->flags = flags;
	w->cache = xcalloc(CACHE_SLOTS, sizeof *w->cache);
	/*
	 * The labels of DESCRIPTION in Japanese whatever the locale, as the
	 * CATEGORIES: the calendar is shared with the office, not one
	 * user's screen. An import reads the X-CARECAL- properties, not
	 * these, so files with the older English labels read the same.
	 */
	w->online_label = "オンライン会議";
	w->cases_label = "事例数";
	w->window_label = "集計期間";
	w->stamp = icaltime_from_timet_with_zone(time(NULL), 0,
	    icaltimezone_get_utc_timezone());
	write_string(fp, head);
	*out = w;
	return 0;
}

/* A floating local time or date; the caller adds TZID when timed. */
static struct icaltimetype
local_time(struct date d, int minutes)
{
	struct icaltimetype	t;

	t = minutes < 0 ? icaltime_null_date() : icaltime_null_time();
	t.year = d.year;
	t.month = d.month;
	t.day = d.day;
	if (minutes >= 0) {
		t.hour = minutes / 60;
		t.minute = minutes % 60;
	}
	return t;
}

/*
 * DTSTART or DTEND as libical writes it (tests/cli's expected exports):
 * digits only, nothing to escape, too short to fold.
 */
static void
write_time(FILE *fp, const char *name, struct icaltimetype t)
{
	if (t.is_date)
		fprintf(fp, "%s;VALUE=DATE:%04d%02d%02d\r\n", name, t.year,
		    t.month, t.day);
	else
		fprintf(fp, "%s;TZID=" ICAL_ZONE_TOKYO ":%04d%02d%02dT%02d%02d"
		    "00\r\n", name, t.year, t.month, t.day, t.hour, t.minute);
}

/*
 * The UID: as libical writes it when it is printable ASCII that TEXT
 * does not escape (',', ';', '\\') and too short to fold (libical folds
 * from 69 octets of UID on), as carecal's own and most calendars' are;
 * any other through libical.
 */
static void
write_uid(FILE *fp, const char *uid)
{
	const char	*p;

	for (p = uid; *p > ' ' && *p < 0x7f && strchr(",;\\", *p) == NULL;
	    p++)
		;
	if (*p != '\0' || p - uid > 68) {
		write_property(fp, icalproperty_new_uid(uid));
		return;
	}
	fputs("UID:", fp);
	fputs(uid, fp);
	fputs("\r\n", fp);
}

static void
write_times(FILE *fp, const struct meeting *m,
    const struct meeting_type *type)
{
	struct icaltimetype	t;
	int			end;

	if (m->start < 0) {
		/* an all-day event ends (exclusively) the next day */
		t = local_time(m->date, -1);
		write_time(fp, "DTSTART", t);
		t = local_time(date_add_days(m->date, 1), -1);
		write_time(fp, "DTEND", t);
		return;
	}
	t = local_time(m->date, m->start);
	write_time(fp, "DTSTART", t);
	/*
	 * No end time: the type's usual length (90 minutes when it has
	 * none), not an event of no length, which office calendars show as
	 * a line; X-CARECAL-END:USUAL (ical_export_meeting) says so, so
	 * that carecal reads it back with no end.
	 */
	end = m->end >= 0 ? m->end : m->start + type_length_or_default(type);
	t = local_time(date_add_days(m->date, end / (24 * 60)),
	    end % (24 * 60));
	write_time(fp, "DTEND", t);
}

static void
append_line(char **text, size_t *len, const char *line)
{
	size_t	n = strlen(line);

	*text = xreallocarray(*text, *len + n + 2, 1);
	snprintf(*text + *len, n + 2, "%s%s", *len > 0 ? "\n" : "", line);
	*len += n + (*len > 0);
}

/* The DESCRIPTION: what a person reading the calendar needs. */
static char *
description(const struct ical_writer *w, const struct meeting *m)
{
	char	*text = NULL, line[MEETING_URL_MAX + 128], window[32];
	size_t	 len = 0;

	if (m->url != NULL) {
		snprintf(line, sizeof line, "%s: %s", w->online_label, m->url);
		append_line(&text, &len, line);
	}
	if (m->cases >= 0 && !(w->flags & ICAL_EXPORT_NO_CASES)) {
		snprintf(line, sizeof line, "%s: %d", w->cases_label,
		    m->cases);
		append_line(&text, &len, line);
	}
	if (m->has_window) {
		month_window_format(&m->window, window, sizeof window);
		snprintf(line, sizeof line, "%s: %s", w->window_label, window);
		append_line(&text, &len, line);
	}
	if ((w->flags & ICAL_EXPORT_NOTES) &&
	    !(w->flags & ICAL_EXPORT_NO_CASES) && m->note != NULL)
		append_line(&text, &len, m->note);
	return text;
}

int
ical_export_meeting(struct ical_writer *w, const struct meeting *m,
    const struct catalog *cat, int how, struct error *err)
{
	const struct meeting_type	*t = catalog_type_by_id(cat,
					    m->type_id);
	const struct center		*c = catalog_center_by_id(cat,
					    m->center_id);
	icalproperty			*p;
	char				 summary[ICAL_SUMMARY_MAX];
	char				 number[32], *text;

	if (t == NULL || m->uid == NULL)
		return error_set(err, ERROR_FAILURE, _("meeting %ld: no type "
		    "or no UID"), m->id);
	fputs(w->event_begin, w->fp);
	write_uid(w->fp, m->uid);
	write_line(w, LINE_DTSTAMP, "");
	/*
	 * SEQUENCE as stored, 64 bits: libical holds it in an int. A number
	 * needs no escaping, nor folding.
	 */
	fprintf(w->fp, "SEQUENCE:%ld\r\n", m->sequence);
	write_times(w->fp, m, t);
	ical_summary_format(m, cat, summary, sizeof summary);
	write_line(w, LINE_SUMMARY, summary);
	if (m->venue != NULL)
		write_line(w, LINE_LOCATION, m->venue);
	if ((text = description(w, m)) != NULL) {
		write_line(w, LINE_DESCRIPTION, text);
		free(text);
	}
	write_line(w, LINE_CATEGORY, t->name);
	write_line(w, LINE_CATEGORY, meeting_mode_label(m->mode));
	if (c != NULL)
		write_line(w, LINE_CATEGORY, c->name);
	if (m->url != NULL) {
		write_property(w->fp, icalproperty_new_url(m->url));
		/* RFC 7986; Outlook and Thunderbird ignore it, hence URL */
		p = icalproperty_new_conference(m->url);
		icalproperty_add_parameter(p,
		    icalparameter_new_value(ICAL_VALUE_URI));
		icalproperty_add_parameter(p,
		    icalparameter_new_feature(ICAL_FEATURE_VIDEO));
		icalproperty_add_parameter(p,
		    icalparameter_new_label(w->online_label));
		write_property(w->fp, p);
	}
	snprintf(number, sizeof number, "%d", (int)m->status);
	write_line(w, LINE_STATUS, number);
	write_line(w, LINE_TRANSP, "");
	/* what carecal needs to read its own file back exactly */
	if (c != NULL)
		write_line(w, LINE_X_CENTER, c->name);
	write_line(w, LINE_X_TYPE, t->code);
	write_line(w, LINE_X_MODE, meeting_mode_code(m->mode));
	if (m->cases >= 0 && !(w->flags & ICAL_EXPORT_NO_CASES)) {
		snprintf(number, sizeof number, "%d", m->cases);
		write_line(w, LINE_X_CASES, number);
	}
	if (m->start >= 0 && m->end < 0)
		write_line(w, LINE_X_END, "USUAL");
	if (m->has_window) {
		month_window_format(&m->window, number, sizeof number);
		write_line(w, LINE_X_WINDOW, number);
	}
	if (how & ICAL_EVENT_DELETED)
		write_line(w, LINE_X_DELETED, "TRUE");
	if ((w->flags & ICAL_EXPORT_NOTES) &&
	    !(w->flags & ICAL_EXPORT_NO_CASES) && m->note != NULL)
		write_property(w->fp, new_x("X-CARECAL-NOTE", m->note));
	fputs(w->event_end, w->fp);
	return 0;
}

int
ical_export_end(struct ical_writer *w, struct error *err)
{
	size_t	i;
	int	rc = 0;

	fputs(w->tail, w->fp);
	if (fflush(w->fp) == EOF || ferror(w->fp))
		rc = error_set(err, ERROR_FAILURE, _("writing the calendar "
		    "failed"));
	for (i = 0; i < CACHE_SLOTS; i++) {
		free(w->cache[i].value);
		free(w->cache[i].text);
	}
	free(w->cache);
	free(w->event_begin);
	free(w->event_end);
	free(w->tail);
	free(w);
	return rc;
}

void
ical_export_set_stamp(struct ical_writer *w, time_t t)
{
	w->stamp = icaltime_from_timet_with_zone(t, 0,
	    icaltimezone_get_utc_timezone());
}
