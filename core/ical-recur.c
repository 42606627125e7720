/*
 * ical-recur.c -- recurring events in the iCalendar import: RRULE and
 * RDATE give one meeting per occurrence in a window (--from/--to, or the
 * fiscal year), less EXDATE; a RECURRENCE-ID replaces its occurrence.
 * libical steps through each rule; carecal bounds how far and how many,
 * so that no file can make an import take unbounded time or memory.
 */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "alloc.h"
#include "i18n.h"
#include "ical-import-private.h"

#define OCCURRENCES_MAX	1000	/* meetings of one RRULE in the range */
#define ITERATIONS_MAX	100000L	/* RRULE steps before the range ends */
/*
 * A whole file: the meetings its RRULEs and RDATEs give, and the steps
 * libical may take to find them (see rule_cost), so that a file of many
 * recurring events is refused in bounded time and memory.
 */
#define EXPANSION_MAX		50000L
#define EXPANSION_COST_MAX	500000.0

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

/*
 * One changed instance of a recurring event, its RECURRENCE-ID p: the
 * meeting of the occurrence it names, at the times it gives.
 */
void
ical_recur_override(struct scan *s, icalproperty *p,
    const struct ical_event *base, const struct when *start, long length)
{
	struct meeting	 times;
	struct when	 rid;
	const char	*uid = base->meeting.uid;
	long		 line = base->line;
	char		 why[256], derived[MEETING_UID_MAX + 32];

	meeting_init(&times);
	if (ical_read_when(s, p, icalproperty_get_recurrenceid(p),
	    "RECURRENCE-ID", line, &rid) == -1)
		return;
	if (ical_map_times(s, &rid, -1, &times, why, sizeof why) == -1 ||
	    occurrence_uid(uid, &times, derived, sizeof derived) == -1) {
		ical_map_unmapped(s, line, uid, _("the UID is too long to "
		    "name each occurrence"));
		return;
	}
	if (ical_map_times(s, start, length, &times, why, sizeof why) == -1) {
		ical_map_unmapped(s, line, uid, "%s", why);
		return;
	}
	if (in_window(s, times.date))
		ical_map_add(s, base, &times, derived, GIVEN_OVERRIDE);
}

/* Which occurrences EXDATE takes out, as Tokyo instants or dates. */
struct exclusions {
	struct when	*items;
	size_t		 count;
};

/* The day of a time as written (in its own zone), or of a date. */
static struct date
day_of(const struct when *w)
{
	struct date	d;

	if (w->is_date)
		return w->date;
	d.year = w->local.year;
	d.month = w->local.month;
	d.day = w->local.day;
	return d;
}

/*
 * An EXDATE of the other kind than the series' DTSTART takes out its
 * day: EXDATE;VALUE=DATE:20210607 on a series at 13:30 (RFC 5545 wants
 * the same kind; writers differ).
 */
static int
excluded(const struct exclusions *x, const struct when *w)
{
	size_t	i;

	for (i = 0; i < x->count; i++) {
		if (!w->is_date && !x->items[i].is_date) {
			if (w->utc == x->items[i].utc)
				return 1;
		} else if (date_compare(day_of(w), day_of(&x->items[i])) == 0)
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
 * match, unless UNTIL stops it; ical_recur_expand sets one), times the
 * hours, minutes and seconds each step may give.
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
	long			line;
	char			window[2 * DATE_JA_LEN + 4];

	line = ical_read_line_of(s, "RRULE", base->line);
	if (rule->freq == ICAL_SECONDLY_RECURRENCE ||
	    rule->freq == ICAL_MINUTELY_RECURRENCE) {
		ical_read_problem(s, line, _("RRULE: FREQ=%s steps by seconds "
		    "or minutes; refused (a meeting recurs hourly at most)"),
		    icalrecur_freq_to_string(rule->freq));
		return -1;
	}
	if (s->expansion_refused)
		return -1;
	s->expansion_cost += rule_cost(s, rule, start);
	if (s->expansion_cost > EXPANSION_COST_MAX) {
		s->expansion_refused = 1;
		ical_read_problem(s, line, _("RRULE: expanding the recurring "
		    "events of the file would take more than %ld steps in %s; "
		    "nothing imported (give a narrower --from and --to, or "
		    "split the file)"), (long)EXPANSION_COST_MAX,
		    window_text(s, window, sizeof window));
		return -1;
	}
	/*
	 * UNTIL in UTC (as Google writes it: 20200319T045959Z, the end of
	 * the last occurrence) against a DTSTART in its own zone: libical
	 * would compare the two as if both were local, and drop the last
	 * occurrence; the iterator steps in the start's local time
	 */
	if (!icaltime_is_null_time(rule->until) && !rule->until.is_date &&
	    !start->is_date && icaltime_is_utc(rule->until) &&
	    start->zone != NULL) {
		rule->until = icaltime_convert_to_zone(rule->until,
		    start->zone);
		rule->until.zone = NULL;
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
		ical_read_tokyo_time(s, w->utc, &times.date, &times.start);
	if (!in_window(s, times.date))
		return 0;
	if (ical_map_times(s, w, length, &times, why, sizeof why) == -1) {
		ical_map_unmapped(s, base->line, uid, "%s", why);
		return -1;
	}
	if (occurrence_uid(uid, &times, derived, sizeof derived) == -1) {
		ical_map_unmapped(s, base->line, uid, _("the UID is too long "
		    "to name each occurrence"));
		return -1;
	}
	if (s->expansion_refused)
		return -1;
	if (++s->expanded > EXPANSION_MAX) {
		/* once: no event is expanded any more */
		s->expansion_refused = 1;
		ical_read_problem(s, base->line, _("the recurring events of "
		    "the file give more than %ld meetings in %s; nothing "
		    "imported (give a narrower --from and --to, or split the "
		    "file)"), EXPANSION_MAX, window_text(s, why, sizeof why));
		return -1;
	}
	if (++*count > OCCURRENCES_MAX) {
		ical_map_unmapped(s, base->line, uid, _("it repeats more than "
		    "%d times in %s; give --from and --to"), OCCURRENCES_MAX,
		    window_text(s, why, sizeof why));
		return -1;
	}
	ical_map_add(s, base, &times, derived, GIVEN_EXPANDED);
	return 0;
}

/*
 * A series with no occurrence in the window is said, with its first
 * day, rather than counted as nothing: its dates need --from/--to.
 */
static void
no_occurrence(struct scan *s, const struct ical_event *base,
    const struct when *start)
{
	struct date	first;
	char		window[2 * DATE_JA_LEN + 4], day[DATE_JA_LEN];
	int		minutes;

	if (start->is_date)
		first = start->date;
	else
		ical_read_tokyo_time(s, start->utc, &first, &minutes);
	date_format_japanese(first, day, sizeof day);
	ical_map_notice(s, base->line, base->meeting.uid, _("a recurring "
	    "event from %s with no occurrence in %s; none imported (give "
	    "--from and --to for its dates)"), day,
	    window_text(s, window, sizeof window));
}

/* RRULE and RDATE: one meeting per occurrence in the window. */
int
ical_recur_expand(struct scan *s, icalcomponent *c,
    const struct ical_event *base, const struct when *start, long length)
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
		if (ical_read_when(s, p, icalproperty_get_exdate(p), "EXDATE",
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
			ical_read_problem(s, ical_read_line_of(s, "RRULE",
			    base->line), _("RRULE: libical cannot expand it"));
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
		if (ical_read_when(s, p, t, "RDATE", base->line, &w) == -1)
			goto done;
		if (w.is_date != start->is_date || excluded(&x, &w))
			continue;
		if (emit_occurrence(s, base, &w, length, uid, &count) == -1)
			goto done;
	}
	rc = 0;
	if (count == 0)
		no_occurrence(s, base, start);
done:
	free(x.items);
	return rc;
}

/* Indices of out's items by UID (qsort_r: out is the context). */
static int
compare_by_uid(const void *pa, const void *pb, void *arg)
{
	const struct ical_import	*out = arg;
	size_t				 a = *(const size_t *)pa;
	size_t				 b = *(const size_t *)pb;
	int				 c = strcmp(out->items[a].meeting.uid,
					    out->items[b].meeting.uid);

	if (c != 0)
		return c;
	return (a > b) - (a < b);
}

/* UID/20210705 or UID/20210705T1330: a UID an occurrence has. */
static int
is_occurrence_of(const char *uid, const char *key, size_t len)
{
	return strncmp(uid, key, len) == 0 && (uid[len] == '\0' ||
	    (uid[len] == 'T' && strlen(uid + len) == 5));
}

/*
 * A changed instance whose RECURRENCE-ID is a date where its series
 * has times, or a time where it has dates (RFC 5545 wants the kind of
 * DTSTART; writers differ), names the one occurrence of its series on
 * that day: it takes that occurrence's UID (UID/20210705T1330).
 */
static void
match_override_days(struct ical_import *out)
{
	struct import_item	*items = out->items;
	const char		*uid, *slash;
	size_t			*expanded, n = 0, i, k, lo, hi, mid, len;
	size_t			 found = 0, matches;
	char			 key[MEETING_UID_MAX + 32];
	int			 exact;

	expanded = xcalloc(out->count, sizeof *expanded);
	for (i = 0; i < out->count; i++)
		if (out->given[i] & GIVEN_EXPANDED)
			expanded[n++] = i;
	qsort_r(expanded, n, sizeof *expanded, compare_by_uid, out);
	for (i = 0; i < out->count && n > 0; i++) {
		uid = items[i].meeting.uid;
		if (!(out->given[i] & GIVEN_OVERRIDE) ||
		    (slash = strrchr(uid, '/')) == NULL || strlen(slash) < 9)
			continue;
		/* the series' UID and the day: "UID/20210705" */
		len = (size_t)(slash + 9 - uid);
		memcpy(key, uid, len);
		key[len] = '\0';
		for (lo = 0, hi = n; lo < hi;) {
			mid = lo + (hi - lo) / 2;
			if (strcmp(items[expanded[mid]].meeting.uid, key) < 0)
				lo = mid + 1;
			else
				hi = mid;
		}
		for (k = lo, matches = 0, exact = 0; k < n && strncmp(
		    items[expanded[k]].meeting.uid, key, len) == 0; k++) {
			if (!is_occurrence_of(items[expanded[k]].meeting.uid,
			    key, len))
				continue;
			exact |= strcmp(items[expanded[k]].meeting.uid,
			    uid) == 0;
			found = expanded[k];
			matches++;
		}
		if (!exact && matches == 1) {
			free(items[i].meeting.uid);
			items[i].meeting.uid =
			    xstrdup(items[found].meeting.uid);
		}
	}
	free(expanded);
}

/*
 * One meeting per UID: a changed instance (RECURRENCE-ID) replaces the
 * occurrence its RRULE made; any other second use of a UID is refused.
 */
void
ical_recur_check_uids(struct ical_import *out)
{
	struct import_item	*items = out->items;
	size_t			*by_uid, i, k, kept, next;
	char			 why[128];

	if (out->count < 2) {
		for (i = 0; i < out->count; i++)
			out->given[i] &= ICAL_GIVEN_ALL;
		return;
	}
	match_override_days(out);
	by_uid = xcalloc(out->count, sizeof *by_uid);
	for (i = 0; i < out->count; i++)
		by_uid[i] = i;
	qsort_r(by_uid, out->count, sizeof *by_uid, compare_by_uid, out);
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

/* RRULEs expand in --from..--to, or the fiscal year of today. */
void
ical_recur_window(const struct ical_import_options *o, struct scan *s)
{
	int	fy = date_fiscal_year(o->today);

	if (o->has_from)
		fy = date_fiscal_year(o->from);
	else if (o->has_to)
		fy = date_fiscal_year(o->to);
	s->expand_from = o->has_from ? o->from : date_fiscal_year_start(fy);
	s->expand_to = o->has_to ? o->to : date_fiscal_year_end(fy);
}
