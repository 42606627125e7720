/*
 * ical-map.c -- the events of an iCalendar file as meetings: type,
 * center and mode from X-CARECAL-* (carecal's own files), CATEGORIES,
 * the SUMMARY carecal writes or the caller's options; status, venue,
 * URL and note; the times in Asia/Tokyo, one day at most. An event that
 * cannot be a meeting is set aside (unmapped) with the reason.
 */
#include <stdarg.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <strings.h>

#include "alloc.h"
#include "i18n.h"
#include "ical-import-private.h"
#include "ical-summary.h"
#include "text.h"

void
ical_map_unmapped(struct scan *s, long line, const char *uid, const char *fmt,
    ...)
{
	char	why[600];
	va_list	ap;

	va_start(ap, fmt);
	vsnprintf(why, sizeof why, fmt, ap);
	va_end(ap);
	ical_import_add_unmapped(s->out, line, uid, why);
}

void
ical_map_notice(struct scan *s, long line, const char *uid, const char *fmt,
    ...)
{
	struct ical_import	*out = s->out;
	struct ical_notice	*n;
	char			 what[600];
	va_list			 ap;

	va_start(ap, fmt);
	vsnprintf(what, sizeof what, fmt, ap);
	va_end(ap);
	if (out->nnotices == out->notices_capacity) {
		out->notices_capacity = out->notices_capacity == 0 ? 16 :
		    out->notices_capacity * 2;
		out->notices = xreallocarray(out->notices,
		    out->notices_capacity, sizeof *out->notices);
	}
	n = &out->notices[out->nnotices++];
	n->line = line;
	n->uid = xstrdup(uid);
	n->what = xstrdup(what);
}

/*
 * The date and times of one occurrence starting at start and lasting
 * length (seconds, or days for a date; -1 when the event gave no end).
 */
int
ical_map_times(struct scan *s, const struct when *start, long length,
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
	ical_read_tokyo_time(s, start->utc, &m->date, &m->start);
	m->end = -1;
	if (length <= 0)
		return 0;
	ical_read_tokyo_time(s, start->utc + length, &end_date, &end);
	if (date_compare(end_date, m->date) != 0) {
		/* until midnight: 24:00, as the next day's 00:00 again */
		if (end == 0 && date_to_days(end_date) ==
		    date_to_days(m->date) + 1)
			end = 24 * 60;
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

/* The new item, or NULL when its date is outside --from/--to. */
struct import_item *
ical_map_add(struct scan *s, const struct ical_event *base,
    const struct meeting *times, const char *uid, unsigned flags)
{
	struct ical_import	*out = s->out;
	struct import_item	*item;

	if (!in_range(s->opt, times->date)) {
		out->outside++;
		return NULL;
	}
	if (!date_year_in_range(times->date.year)) {
		ical_map_unmapped(s, base->line, uid, _("its date "
		    "%04d-%02d-%02d is outside the years carecal knows (%d to "
		    "%d, their holidays)"), times->date.year % 10000,
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
	if ((base->flags & EVENT_ALL_DAY) && times->start == 0 &&
	    times->end == 24 * 60)
		item->meeting.start = item->meeting.end = -1;
	if (base->flags & EVENT_STATUS_BY_DATE)
		item->meeting.status = date_compare(times->date,
		    s->opt->today) < 0 ? STATUS_HELD : STATUS_PLANNED;
	return item;
}

/*
 * The SUMMARY carecal writes (ical-summary.h), or what of it a foreign
 * one has: for what the event did not give otherwise.
 */
static int
map_summary(const char *summary, const struct catalog *cat,
    struct ical_event *ev)
{
	struct ical_summary	named;
	const unsigned		all = ICAL_GIVEN_TYPE | ICAL_GIVEN_CENTER |
				    ICAL_GIVEN_MODE;
	int			only_names;

	ical_summary_parse(summary, cat, &named);
	/*
	 * a type, perhaps its center and a mode, nothing else: a name not
	 * known in （） is more
	 */
	only_names = named.type != NULL && (named.center != NULL ||
	    strstr(summary, "（") == NULL);
	if ((ev->given & all) == all)
		return only_names;
	if (!(ev->given & ICAL_GIVEN_MODE) && named.has_mode) {
		ev->meeting.mode = named.mode;
		ev->given |= ICAL_GIVEN_MODE;
	}
	if (!(ev->given & ICAL_GIVEN_CENTER) && named.center != NULL) {
		ev->meeting.center_id = named.center->id;
		ev->given |= ICAL_GIVEN_CENTER;
	}
	if (!(ev->given & ICAL_GIVEN_TYPE) && named.type != NULL) {
		ev->meeting.type_id = named.type->id;
		ev->given |= ICAL_GIVEN_TYPE;
	}
	return only_names;
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
	} else if (strcasecmp(name, "X-CARECAL-END") == 0 &&
	    strcasecmp(value, "USUAL") == 0)
		ev->given |= GIVEN_USUAL_END;
	return 0;
bad:
	ical_read_problem(s, ical_read_line_of(s, name, start), "%s: %s", name,
	    e.msg);
	return -1;
}

/* A web address: the only links a meeting keeps (no tel:, mailto:). */
static int
is_web(const char *v)
{
	return v != NULL && (strncmp(v, "https://", 8) == 0 ||
	    strncmp(v, "http://", 7) == 0);
}

/* A character of a link (RFC 3986: unreserved, reserved and %). */
static int
is_link_char(char c)
{
	return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') ||
	    (c >= '0' && c <= '9') ||
	    (c != '\0' && strchr("-._~:/?#[]@!$&'()*+,;=%", c) != NULL);
}

/*
 * The hosts of online meetings (Google Meet, Microsoft Teams, Zoom,
 * Webex): a DESCRIPTION's other links (a map, a document, Teams' own
 * "Meeting options") are not the meeting's.
 */
static int
is_meeting_host(const char *host, size_t len)
{
	static const char	*hosts[] = { "meet.google.com",
				    "teams.microsoft.com", "teams.live.com",
				    "zoom.us", "webex.com" };
	size_t			 i, n;

	for (i = 0; i < sizeof hosts / sizeof hosts[0]; i++) {
		n = strlen(hosts[i]);
		if (len == n && strncasecmp(host, hosts[i], n) == 0)
			return 1;
		/* us02web.zoom.us, city.webex.com */
		if (i >= 3 && len > n && host[len - n - 1] == '.' &&
		    strncasecmp(host + len - n, hosts[i], n) == 0)
			return 1;
	}
	return 0;
}

/*
 * The first link to an online meeting in a DESCRIPTION, as Google
 * writes it ("Google Meet に参加: https://meet.google.com/abc-defg-hij")
 * and Outlook ("ここをクリックして会議に参加してください<https://teams.
 * microsoft.com/l/meetup-join/...>"); a new string, or NULL.
 */
static char *
meeting_link(const char *text)
{
	const char	*p, *host, *h, *end;
	char		*link;

	for (p = text; (p = strstr(p, "http")) != NULL; p++) {
		if (!is_web(p))
			continue;
		host = strchr(p, '/') + 2;
		for (end = host; is_link_char(*end); end++)
			;
		/* a sentence's full stop or closing bracket is not its */
		while (end > host && strchr(".,;:!?)]'", end[-1]) != NULL)
			end--;
		for (h = host; h < end && strchr("/?#:", *h) == NULL; h++)
			;
		if (!is_meeting_host(host, (size_t)(h - host)) ||
		    end - p > MEETING_URL_MAX) {
			/* on after this link: never through it again */
			if (end > p)
				p = end - 1;
			continue;
		}
		link = xcalloc(1, (size_t)(end - p) + 1);
		memcpy(link, p, (size_t)(end - p));
		return link;
	}
	return NULL;
}

/*
 * LOCATION as one line: an address as Apple writes it ("松戸市役所\n千葉県
 * 松戸市根本387-5\n日本") is "松戸市役所 千葉県松戸市根本387-5 日本".
 */
static char *
one_line(const char *text)
{
	char		*out = xstrdup(text), *w = out;
	const char	*r = text;

	while (*r == ' ' || *r == '\t' || *r == '\r' || *r == '\n')
		r++;
	for (; *r != '\0'; r++) {
		if (*r != '\r' && *r != '\n' && *r != '\t') {
			*w++ = *r;
			continue;
		}
		while (w > out && w[-1] == ' ')
			w--;
		while (r[1] == ' ' || r[1] == '\t' || r[1] == '\r' ||
		    r[1] == '\n')
			r++;
		*w++ = ' ';
	}
	while (w > out && w[-1] == ' ')
		w--;
	*w = '\0';
	return out;
}

/* What Outlook writes as LOCATION of a Teams meeting: no place. */
static int
is_service_label(const char *v)
{
	static const char	*labels[] = { "Microsoft Teams",
				    "Microsoft Teams Meeting",
				    "Microsoft Teams 会議",
				    "Microsoft Teams ミーティング" };
	size_t			 i;

	for (i = 0; i < sizeof labels / sizeof labels[0]; i++)
		if (strcasecmp(v, labels[i]) == 0)
			return 1;
	return 0;
}

/*
 * The venue of LOCATION, on one line and within the limit (cut at a
 * character; said once the event is imported), or none when it names
 * no place: a link (the meeting's, into *link) or the label of Teams.
 */
static void
map_location(const char *location, struct ical_event *ev, char **link)
{
	char	*v = one_line(location);
	size_t	 len = strlen(v), n;

	if (is_web(v) && strpbrk(v, " ") == NULL) {
		if (*link == NULL && len <= MEETING_URL_MAX)
			*link = v;
		else
			free(v);
		return;
	}
	if (*v == '\0' || is_service_label(v)) {
		free(v);
		return;
	}
	if (len > MEETING_VENUE_MAX) {
		n = MEETING_VENUE_MAX;
		while (n > 0 && ((unsigned char)v[n] & 0xc0) == 0x80)
			n--;
		while (n > 0 && v[n - 1] == ' ')
			n--;
		v[n] = '\0';
		ev->location_cut = len;
	}
	ev->meeting.venue = v;
}

/* X-...: a link of another calendar's own, to the online meeting. */
static int
is_link_property(const char *name)
{
	return strcasecmp(name, "X-GOOGLE-CONFERENCE") == 0 ||
	    strcasecmp(name, "X-MICROSOFT-SKYPETEAMSMEETINGURL") == 0;
}

/*
 * The online meeting's link: URL, CONFERENCE (RFC 7986), then, from
 * another calendar, Google's and Microsoft's own properties, a LOCATION
 * that is a link, a link to a meeting in DESCRIPTION: the first that
 * is a web address.
 */
static void
map_link(icalcomponent *c, struct ical_event *ev, int carecal,
    const char *x_link, char *location_link)
{
	icalproperty	*p;
	const char	*v = NULL;
	char		*found = NULL;

	if ((p = icalcomponent_get_first_property(c, ICAL_URL_PROPERTY)) !=
	    NULL)
		v = icalproperty_get_url(p);
	if (!is_web(v) && (p = icalcomponent_get_first_property(c,
	    ICAL_CONFERENCE_PROPERTY)) != NULL)
		v = icalproperty_get_conference(p);
	/* carecal's DESCRIPTION may hold a note: only URL is the link */
	if (!is_web(v) && !carecal)
		v = x_link;
	if (!is_web(v) && !carecal)
		v = location_link;
	if (!is_web(v) && !carecal && (p = icalcomponent_get_first_property(c,
	    ICAL_DESCRIPTION_PROPERTY)) != NULL &&
	    icalproperty_get_description(p) != NULL)
		v = found = meeting_link(icalproperty_get_description(p));
	meeting_set_text(&ev->meeting.url, is_web(v) ? v : NULL);
	free(found);
}

/* Everything but the times: UID, SEQUENCE, fields, status, venue, URL. */
static int
map_properties(struct scan *s, icalcomponent *c, struct ical_event *ev)
{
	icalproperty	*p;
	const char	*v, *name, *x_link = NULL;
	char		*location_link = NULL;
	int		 carecal = 0, only_names = 0;

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
		} else if (is_link_property(name) && x_link == NULL &&
		    is_web(v))
			x_link = v;
		else if ((strcasecmp(name, "X-MICROSOFT-CDO-ALLDAYEVENT") ==
		    0 || strcasecmp(name,
		    "X-MICROSOFT-MSNCALENDAR-ALLDAYEVENT") == 0) &&
		    strcasecmp(v, "TRUE") == 0)
			ev->flags |= EVENT_ALL_DAY;
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
		only_names = map_summary(v, s->cat, ev);
	else
		only_names = 1;
	/*
	 * carecal keeps no free text of another calendar (carecal(1)); a
	 * cancellation's is only the event's again
	 */
	p = icalcomponent_get_first_property(c, ICAL_DESCRIPTION_PROPERTY);
	v = p != NULL ? icalproperty_get_description(p) : NULL;
	if (!carecal && !s->method_cancel && (!only_names ||
	    (v != NULL && v[strspn(v, " \t\r\n")] != '\0')))
		ev->flags |= EVENT_TEXT_LEFT_OUT;

	/* carecal's own: TENTATIVE planned, CONFIRMED held */
	ev->meeting.status = STATUS_PLANNED;
	if ((p = icalcomponent_get_first_property(c, ICAL_STATUS_PROPERTY)) !=
	    NULL && icalproperty_get_status(p) == ICAL_STATUS_CANCELLED)
		ev->meeting.status = STATUS_CANCELLED;
	else if (s->method_cancel)
		ev->meeting.status = STATUS_CANCELLED;
	else if (!carecal)
		ev->flags |= EVENT_STATUS_BY_DATE;
	else if (p != NULL && icalproperty_get_status(p) ==
	    ICAL_STATUS_CONFIRMED)
		ev->meeting.status = STATUS_HELD;
	p = icalcomponent_get_first_property(c, ICAL_SEQUENCE_PROPERTY);
	if (p != NULL && ical_read_sequence(p) > 0)
		ev->meeting.sequence = ical_read_sequence(p);
	p = icalcomponent_get_first_property(c, ICAL_LOCATION_PROPERTY);
	if (p != NULL) {
		/* carecal's own come back as they were */
		if (carecal)
			meeting_set_text(&ev->meeting.venue,
			    icalproperty_get_location(p));
		else if ((v = icalproperty_get_location(p)) != NULL)
			map_location(v, ev, &location_link);
		ev->given |= ICAL_GIVEN_VENUE;
	}
	map_link(c, ev, carecal, x_link, location_link);
	free(location_link);
	if (ev->meeting.url != NULL)
		ev->given |= ICAL_GIVEN_URL;
	/* a link and a place: hybrid; a link alone: online */
	if (!(ev->given & ICAL_GIVEN_MODE) && ev->meeting.url != NULL) {
		ev->meeting.mode = ev->meeting.venue != NULL ? MODE_HYBRID :
		    MODE_ONLINE;
		ev->given |= ICAL_GIVEN_MODE;
	}

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
		if (ical_read_when(s, p, icalproperty_get_dtend(p), "DTEND", 0,
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

void
ical_map_event(struct scan *s, icalcomponent *c, long line)
{
	struct ical_event	 base;
	struct meeting		 times;
	struct when		 start;
	icalproperty		*p;
	const char		*uid;
	char			 why[256];
	long			 length;
	size_t			 before = s->out->count;

	memset(&base, 0, sizeof base);
	meeting_init(&base.meeting);
	meeting_init(&times);
	base.line = line;
	p = icalcomponent_get_first_property(c, ICAL_UID_PROPERTY);
	uid = p != NULL ? icalproperty_get_uid(p) : NULL;
	if (uid == NULL || *uid == '\0') {
		ical_map_unmapped(s, line, NULL, _("no UID"));
		return;
	}
	if (strlen(uid) > MEETING_UID_MAX || strpbrk(uid, " \t") != NULL ||
	    text_has_control(uid, 0)) {
		ical_map_unmapped(s, line, NULL, _("the UID is longer than %d "
		    "bytes, or has spaces or control characters"),
		    MEETING_UID_MAX);
		return;
	}
	if ((p = icalcomponent_get_first_property(c, ICAL_DTSTART_PROPERTY)) ==
	    NULL) {
		ical_map_unmapped(s, line, uid, _("no DTSTART"));
		return;
	}
	if (ical_read_when(s, p, icalproperty_get_dtstart(p), "DTSTART", line,
	    &start) == -1)
		return;
	switch (event_length(s, c, &start, &length)) {
	case LENGTH_OK:
		break;
	case LENGTH_UNKNOWN:
		return;
	case LENGTH_MIXED:
		ical_map_unmapped(s, line, uid, _("DTSTART and DTEND are not "
		    "both dates or both times"));
		return;
	case LENGTH_NEGATIVE:
		ical_map_unmapped(s, line, uid, _("it ends before it starts"));
		return;
	}
	base.meeting.uid = xstrdup(uid);
	if (map_properties(s, c, &base) == -1)
		goto done;
	/* carecal's own DTEND for a meeting with no end, still that long */
	if ((base.given & GIVEN_USUAL_END) && !start.is_date && length ==
	    60L * type_length_or_default(catalog_type_by_id(s->cat,
	    base.meeting.type_id)))
		length = -1;
	base.given &= ~GIVEN_USUAL_END;

	if ((p = icalcomponent_get_first_property(c,
	    ICAL_RECURRENCEID_PROPERTY)) != NULL) {
		/* one changed instance of a recurring event */
		ical_recur_override(s, p, &base, &start, length);
		goto done;
	}
	if (icalcomponent_get_first_property(c, ICAL_RRULE_PROPERTY) != NULL ||
	    icalcomponent_get_first_property(c, ICAL_RDATE_PROPERTY) != NULL) {
		ical_recur_expand(s, c, &base, &start, length);
		goto done;
	}
	if (ical_map_times(s, &start, length, &times, why,
	    sizeof why) == -1) {
		ical_map_unmapped(s, line, uid, "%s", why);
		goto done;
	}
	ical_map_add(s, &base, &times, uid, 0);
done:
	/* what was left out of an event imported */
	if (s->out->count > before && base.location_cut > 0)
		ical_map_notice(s, ical_read_line_of(s, "LOCATION", line), uid,
		    _("LOCATION has %zu bytes, more than a venue holds (%d): "
		    "the venue is cut to its first %zu bytes"),
		    base.location_cut,
		    MEETING_VENUE_MAX, strlen(base.meeting.venue));
	if (s->out->count > before && (base.flags & EVENT_TEXT_LEFT_OUT))
		s->out->text_left_out++;
	meeting_clear(&base.meeting);
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
