/*
 * meeting.c -- the meeting record: lifetime, the fields a user gives,
 * the order meetings are shown in, validation, the words for modes and
 * statuses, reporting windows and UIDs.
 */
#include <errno.h>
#include <limits.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "alloc.h"
#include "i18n.h"
#include "meeting.h"
#include "text.h"

static const char *mode_codes[] = { "in-person", "hybrid", "online" };
static const char *mode_labels[] = { "対面", "一部オンライン",
    "完全オンライン" };
static const char *status_codes[] = { "planned", "held", "cancelled" };
static const char *status_labels[] = { "予定", "実施済", "中止" };

void
meeting_init(struct meeting *m)
{
	memset(m, 0, sizeof *m);
	m->start = m->end = -1;
	m->cases = -1;
	m->mode = MODE_IN_PERSON;
	m->status = STATUS_PLANNED;
}

void
meeting_clear(struct meeting *m)
{
	free(m->uid);
	free(m->venue);
	free(m->url);
	free(m->note);
	free(m->created_at);
	free(m->created_by);
	free(m->updated_at);
	free(m->updated_by);
	meeting_init(m);
}

void
meeting_copy(struct meeting *dst, const struct meeting *src)
{
	*dst = *src;
	dst->uid = xstrdup(src->uid);
	dst->venue = xstrdup(src->venue);
	dst->url = xstrdup(src->url);
	dst->note = xstrdup(src->note);
	dst->created_at = xstrdup(src->created_at);
	dst->created_by = xstrdup(src->created_by);
	dst->updated_at = xstrdup(src->updated_at);
	dst->updated_by = xstrdup(src->updated_by);
}

void
meeting_set_text(char **field, const char *value)
{
	free(*field);
	*field = value != NULL && *value != '\0' ? xstrdup(value) : NULL;
}

void
meeting_apply(struct meeting *m, const struct meeting *given,
    unsigned given_fields)
{
	if (given_fields & MEETING_GIVEN_TYPE)
		m->type_id = given->type_id;
	if (given_fields & MEETING_GIVEN_CENTER)
		m->center_id = given->center_id;
	if (given_fields & MEETING_GIVEN_DATE)
		m->date = given->date;
	if (given_fields & MEETING_GIVEN_START)
		m->start = given->start;
	if (given_fields & MEETING_GIVEN_END)
		m->end = given->end;
	if (given_fields & MEETING_GIVEN_MODE)
		m->mode = given->mode;
	if (given_fields & MEETING_GIVEN_STATUS)
		m->status = given->status;
	if (given_fields & MEETING_GIVEN_CASES)
		m->cases = given->cases;
	if (given_fields & MEETING_GIVEN_VENUE)
		meeting_set_text(&m->venue, given->venue);
	if (given_fields & MEETING_GIVEN_URL)
		meeting_set_text(&m->url, given->url);
	if (given_fields & MEETING_GIVEN_NOTE)
		meeting_set_text(&m->note, given->note);
	if (given_fields & MEETING_GIVEN_WINDOW) {
		m->has_window = given->has_window;
		m->window = given->window;
	}
}

void
meeting_list_init(struct meeting_list *list)
{
	memset(list, 0, sizeof *list);
}

struct meeting *
meeting_list_add(struct meeting_list *list)
{
	if (list->count == list->capacity) {
		list->capacity = list->capacity == 0 ? 64 :
		    list->capacity * 2;
		list->items = xreallocarray(list->items, list->capacity,
		    sizeof *list->items);
	}
	meeting_init(&list->items[list->count]);
	return &list->items[list->count++];
}

void
meeting_list_free(struct meeting_list *list)
{
	size_t	i;

	for (i = 0; i < list->count; i++)
		meeting_clear(&list->items[i]);
	free(list->items);
	meeting_list_init(list);
}

void
meeting_rank_init(struct meeting_rank *r, const struct meeting *m,
    const int *type_position, const int *center_position)
{
	r->type_position = type_position != NULL ? *type_position : INT_MAX;
	if (m->center_id == 0 || center_position == NULL)
		r->center_position = INT_MIN;
	else
		r->center_position = *center_position;
	r->id = m->id;
}

int
meeting_rank_compare(const struct meeting_rank *a,
    const struct meeting_rank *b)
{
	if (a->type_position != b->type_position)
		return a->type_position < b->type_position ? -1 : 1;
	if (a->center_position != b->center_position)
		return a->center_position < b->center_position ? -1 : 1;
	return a->id < b->id ? -1 : a->id > b->id;
}

static void
rank_in(const struct catalog *cat, const struct meeting *m,
    struct meeting_rank *r)
{
	const struct meeting_type	*t = NULL;
	const struct center		*c = NULL;

	if (cat != NULL) {
		t = catalog_type_by_id(cat, m->type_id);
		c = catalog_center_by_id(cat, m->center_id);
	}
	meeting_rank_init(r, m, t != NULL ? &t->position : NULL,
	    c != NULL ? &c->position : NULL);
}

static int
compare_in_catalog(const void *pa, const void *pb, void *cat)
{
	const struct meeting	*a = pa, *b = pb;
	struct meeting_rank	 ra, rb;
	int			 c;

	if ((c = date_compare(a->date, b->date)) != 0)
		return c;
	if (a->start != b->start)
		return a->start < b->start ? -1 : 1;
	rank_in(cat, a, &ra);
	rank_in(cat, b, &rb);
	return meeting_rank_compare(&ra, &rb);
}

void
meeting_list_sort(struct meeting_list *list, const struct catalog *cat)
{
	if (list->count > 1)
		qsort_r(list->items, list->count, sizeof *list->items,
		    compare_in_catalog, (void *)cat);
}

void
meeting_filter_init(struct meeting_filter *f)
{
	memset(f, 0, sizeof *f);
	f->mode = -1;
	f->status = -1;
}

int
meeting_filter_match(const struct meeting_filter *f, const struct meeting *m)
{
	if (f->has_from && date_compare(m->date, f->from) < 0)
		return 0;
	if (f->has_to && date_compare(m->date, f->to) > 0)
		return 0;
	if (f->center_id != 0 && m->center_id != f->center_id)
		return 0;
	if (f->type_id != 0 && m->type_id != f->type_id)
		return 0;
	if (f->mode != -1 && (int)m->mode != f->mode)
		return 0;
	if (f->status != -1 && (int)m->status != f->status)
		return 0;
	if (f->exclude_cancelled && m->status == STATUS_CANCELLED)
		return 0;
	return 1;
}

static int
validate_text(const char *code, const char *field, const char *value,
    size_t max, int multiline, struct error *err)
{
	size_t	len;

	if (value == NULL)
		return 0;
	len = strlen(value);
	if (len > max)
		return error_set_field(err, ERROR_INPUT, code,
		    _("%s: longer than %zu bytes"), field, max);
	if (!text_utf8_valid(value, len))
		return error_set_field(err, ERROR_INPUT, code,
		    _("%s: not valid UTF-8"), field);
	if (text_has_control(value, multiline))
		return error_set_field(err, ERROR_INPUT, code,
		    _("%s: contains a control character"), field);
	return 0;
}

int
meeting_validate(const struct meeting *m, const struct catalog *cat,
    struct error *err)
{
	const struct meeting_type	*type;
	const struct center		*center;
	char				 t1[TIME_LEN], t2[TIME_LEN];

	if ((type = catalog_type_by_id(cat, m->type_id)) == NULL)
		return error_set_field(err, ERROR_INPUT, "type",
		    _("type: no meeting type with id %ld"), m->type_id);
	if (!date_is_valid(m->date.year, m->date.month, m->date.day))
		return error_set_field(err, ERROR_INPUT, "date",
		    _("date: not a valid date"));
	if (type->level == LEVEL_CITY && m->center_id != 0)
		return error_set_field(err, ERROR_INPUT, "center",
		    _("center: %s is a city-level meeting and has no center"),
		    type->code);
	if (type->level == LEVEL_REGIONAL) {
		if (m->center_id == 0)
			return error_set_field(err, ERROR_INPUT, "center",
			    _("center: %s meetings are held by a center; "
			    "give --center"), type->code);
		if ((center = catalog_center_by_id(cat, m->center_id)) ==
		    NULL)
			return error_set_field(err, ERROR_INPUT, "center",
			    _("center: no center with id %ld"), m->center_id);
	}
	/* an end at midnight is 24:00 (the next day's 00:00) */
	if (m->start < -1 || m->start >= 24 * 60 || m->end < -1 ||
	    m->end > 24 * 60)
		return error_set_field(err, ERROR_INPUT, "start",
		    _("start/end: not a time of day"));
	if (m->end != -1 && m->start == -1)
		return error_set_field(err, ERROR_INPUT, "end",
		    _("end: an end time needs a start time"));
	if (m->end != -1 && m->end <= m->start) {
		time_format(m->start, t1, sizeof t1);
		time_format(m->end, t2, sizeof t2);
		return error_set_field(err, ERROR_INPUT, "end",
		    _("end: %s is not after the start %s"), t2, t1);
	}
	if ((unsigned)m->mode >= MODE_COUNT)
		return error_set_field(err, ERROR_INPUT, "mode",
		    _("mode: unknown mode"));
	if ((unsigned)m->status >= STATUS_COUNT)
		return error_set_field(err, ERROR_INPUT, "status",
		    _("status: unknown status"));
	if (m->cases < -1 || m->cases > MEETING_CASES_MAX)
		return error_set_field(err, ERROR_INPUT, "cases",
		    _("cases: %d is not between 0 and %d"), m->cases,
		    MEETING_CASES_MAX);
	if (m->cases != -1 && !type->counts_cases)
		return error_set_field(err, ERROR_INPUT, "cases",
		    _("cases: %s meetings do not count cases"), type->code);
	if (m->has_window) {
		if (type->level != LEVEL_CITY)
			return error_set_field(err, ERROR_INPUT, "window",
			    _("window: only city-level meetings have a "
			    "reporting window"));
		if (m->window.from_year * 12 + m->window.from_month >
		    m->window.to_year * 12 + m->window.to_month)
			return error_set_field(err, ERROR_INPUT, "window",
			    _("window: the first month is after the last"));
	}
	if (validate_text("venue", _("venue"), m->venue, MEETING_VENUE_MAX,
	    0, err) == -1 ||
	    validate_text("url", _("url"), m->url, MEETING_URL_MAX, 0,
	    err) == -1 ||
	    validate_text("note", _("note"), m->note, MEETING_NOTE_MAX, 1,
	    err) == -1)
		return -1;
	if (m->url != NULL && strncmp(m->url, "https://", 8) != 0 &&
	    strncmp(m->url, "http://", 7) != 0)
		return error_set_field(err, ERROR_INPUT, "url",
		    _("url: '%s' does not start with https:// or http://"),
		    m->url);
	if (m->url != NULL && strpbrk(m->url, " \"<>") != NULL)
		return error_set_field(err, ERROR_INPUT, "url",
		    _("url: '%s' contains a space, quote or angle bracket"),
		    m->url);
	return 0;
}

static int
strings_differ(const char *a, const char *b)
{
	if (a == NULL || b == NULL)
		return (a == NULL) != (b == NULL);
	return strcmp(a, b) != 0;
}

int
meeting_differs(const struct meeting *a, const struct meeting *b)
{
	return a->type_id != b->type_id || a->center_id != b->center_id ||
	    date_compare(a->date, b->date) != 0 || a->start != b->start ||
	    a->end != b->end || a->mode != b->mode ||
	    a->status != b->status || a->cases != b->cases ||
	    strings_differ(a->venue, b->venue) ||
	    strings_differ(a->url, b->url) ||
	    strings_differ(a->note, b->note) ||
	    a->has_window != b->has_window ||
	    (a->has_window && memcmp(&a->window, &b->window,
	    sizeof a->window) != 0);
}

const char *
meeting_mode_code(enum meeting_mode mode)
{
	return (unsigned)mode < MODE_COUNT ? mode_codes[mode] : "?";
}

const char *
meeting_mode_label(enum meeting_mode mode)
{
	return (unsigned)mode < MODE_COUNT ? mode_labels[mode] : "?";
}

const char *
meeting_status_code(enum meeting_status status)
{
	return (unsigned)status < STATUS_COUNT ? status_codes[status] : "?";
}

const char *
meeting_status_label(enum meeting_status status)
{
	return (unsigned)status < STATUS_COUNT ? status_labels[status] : "?";
}

int
meeting_mode_parse(const char *s, enum meeting_mode *out, struct error *err)
{
	int	i;

	for (i = 0; i < MODE_COUNT; i++)
		if (strcmp(s, mode_codes[i]) == 0 ||
		    strcmp(s, mode_labels[i]) == 0) {
			*out = i;
			return 0;
		}
	if (strcmp(s, "オンライン") == 0) {
		*out = MODE_ONLINE;
		return 0;
	}
	return error_set(err, ERROR_INPUT,
	    _("invalid mode '%s': expected in-person, hybrid or online"), s);
}

int
meeting_status_parse(const char *s, enum meeting_status *out,
    struct error *err)
{
	int	i;

	for (i = 0; i < STATUS_COUNT; i++)
		if (strcmp(s, status_codes[i]) == 0 ||
		    strcmp(s, status_labels[i]) == 0) {
			*out = i;
			return 0;
		}
	if (strcmp(s, "canceled") == 0) {
		*out = STATUS_CANCELLED;
		return 0;
	}
	return error_set(err, ERROR_INPUT,
	    _("invalid status '%s': expected planned, held or cancelled"), s);
}

int
meeting_cases_parse(const char *s, int *out, struct error *err)
{
	char	*end;
	long	 v;

	errno = 0;
	v = strtol(s, &end, 10);
	if (*s == '\0' || *end != '\0' || errno != 0 || s[0] == '+' ||
	    s[0] == ' ')
		return error_set(err, ERROR_INPUT,
		    _("invalid cases '%s': expected a whole number"), s);
	if (v < 0 || v > MEETING_CASES_MAX)
		return error_set(err, ERROR_INPUT,
		    _("invalid cases '%s': must be between 0 and %d"), s,
		    MEETING_CASES_MAX);
	*out = (int)v;
	return 0;
}

void
month_window_default(struct date d, struct month_window *w)
{
	int	last = d.year * 12 + (d.month - 1) - 2;	/* two months before */
	int	first = last - 5;

	w->from_year = first / 12;
	w->from_month = first % 12 + 1;
	w->to_year = last / 12;
	w->to_month = last % 12 + 1;
}

void
meeting_window(const struct meeting *m, struct month_window *w)
{
	if (m->has_window)
		*w = m->window;
	else
		month_window_default(m->date, w);
}

int
month_index(int year, int month)
{
	return year * 12 + month - 1;
}

int
meeting_counts_in(const struct meeting *m, int fy)
{
	return m->status != STATUS_CANCELLED &&
	    date_fiscal_year(m->date) == fy;
}

int
month_window_contains(const struct month_window *w, struct date d)
{
	int	m = d.year * 12 + d.month;

	return m >= w->from_year * 12 + w->from_month &&
	    m <= w->to_year * 12 + w->to_month;
}

int
month_window_parse(const char *s, struct month_window *w, struct error *err)
{
	const char	*dots = strstr(s, "..");
	char		 first[64];
	size_t		 len;

	if (dots == NULL || (len = (size_t)(dots - s)) >= sizeof first)
		return error_set(err, ERROR_INPUT,
		    _("invalid window '%s': expected 2021-06..2021-11"), s);
	memcpy(first, s, len);
	first[len] = '\0';
	if (date_parse_month(first, &w->from_year, &w->from_month, err) ==
	    -1 || date_parse_month(dots + 2, &w->to_year, &w->to_month,
	    err) == -1)
		return -1;
	if (w->from_year * 12 + w->from_month > w->to_year * 12 + w->to_month)
		return error_set(err, ERROR_INPUT,
		    _("invalid window '%s': the first month is after the "
		    "last"), s);
	return 0;
}

void
month_window_format(const struct month_window *w, char *buf, size_t size)
{
	snprintf(buf, size, "%04d-%02d..%04d-%02d", w->from_year % 10000,
	    w->from_month % 100, w->to_year % 10000, w->to_month % 100);
}
