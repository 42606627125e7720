/*
 * followup.c -- when a case's 中間 and 終了前 fall due, and which
 * meetings can take them (followup.h).
 */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "alloc.h"
#include "followup.h"
#include "i18n.h"

/* The words an interval may end in, and their unit. */
static const struct {
	const char		*word;
	enum followup_unit	 unit;
} unit_words[] = {
	{ "d", FOLLOWUP_DAYS },
	{ "日", FOLLOWUP_DAYS },
	{ "日間", FOLLOWUP_DAYS },
	{ "w", FOLLOWUP_WEEKS },
	{ "週", FOLLOWUP_WEEKS },
	{ "週間", FOLLOWUP_WEEKS },
	{ "m", FOLLOWUP_MONTHS },
	{ "か月", FOLLOWUP_MONTHS },
	{ "カ月", FOLLOWUP_MONTHS },
	{ "ヶ月", FOLLOWUP_MONTHS },
	{ "ケ月", FOLLOWUP_MONTHS },
	{ "ヵ月", FOLLOWUP_MONTHS },
	{ "箇月", FOLLOWUP_MONTHS },
	{ "か月間", FOLLOWUP_MONTHS },
	{ "カ月間", FOLLOWUP_MONTHS },
	{ "ヶ月間", FOLLOWUP_MONTHS },
	{ "ケ月間", FOLLOWUP_MONTHS },
	{ "ヵ月間", FOLLOWUP_MONTHS },
	{ "箇月間", FOLLOWUP_MONTHS },
};
#define NUNIT_WORDS	(sizeof unit_words / sizeof unit_words[0])

/*
 * The length of an interval in hundredths of a day (a month is 30.44
 * days), as near as comparing two intervals and the limit need.
 */
static long
interval_length(const struct followup_interval *i)
{
	switch (i->unit) {
	case FOLLOWUP_WEEKS:
		return i->amount * 700L;
	case FOLLOWUP_MONTHS:
		return i->amount * 3044L;
	default:
		return i->amount * 100L;
	}
}

void
followup_rules_default(struct followup_rules *r)
{
	memset(r, 0, sizeof *r);
	followup_interval_parse(FOLLOWUP_INTERIM_DEFAULT, &r->interim, NULL);
	followup_interval_parse(FOLLOWUP_FINAL_DEFAULT, &r->final, NULL);
}

int
followup_interval_parse(const char *s, struct followup_interval *out,
    struct error *err)
{
	const char	*p = s;
	long		 n = 0;
	size_t		 i;

	while (*p >= '0' && *p <= '9' && n <= FOLLOWUP_MAX_DAYS)
		n = n * 10 + (*p++ - '0');
	if (p != s && n >= 1)
		for (i = 0; i < NUNIT_WORDS; i++)
			if (strcmp(p, unit_words[i].word) == 0) {
				out->amount = (int)n;
				out->unit = unit_words[i].unit;
				if (interval_length(out) <=
				    FOLLOWUP_MAX_DAYS * 100L)
					return 0;
				return error_set(err, ERROR_INPUT,
				    _("interval '%s' is longer than two "
				    "years"), s);
			}
	return error_set(err, ERROR_INPUT, _("invalid interval '%s': "
	    "expected a number of months, weeks or days, as 1m, 6w, 45d "
	    "or 1カ月"), s);
}

void
followup_interval_format(const struct followup_interval *i, char *buf,
    size_t size)
{
	snprintf(buf, size, "%d%s", i->amount, i->unit == FOLLOWUP_MONTHS ?
	    "m" : i->unit == FOLLOWUP_WEEKS ? "w" : "d");
}

void
followup_interval_words(const struct followup_interval *i, char *buf,
    size_t size)
{
	snprintf(buf, size, "%d%s", i->amount, i->unit == FOLLOWUP_MONTHS ?
	    "カ月" : i->unit == FOLLOWUP_WEEKS ? "週間" : "日");
}

int
followup_types_parse(const char *s, const struct catalog *cat, char *out,
    size_t size, struct error *err)
{
	const struct meeting_type	*t;
	const char			*p = s, *end;
	char				 code[64];
	size_t				 len, used = 0;

	out[0] = '\0';
	if (strcmp(s, "-") == 0 || *s == '\0')
		return 0;
	for (; *p != '\0'; p = *end == ',' ? end + 1 : end) {
		end = p + strcspn(p, ",");
		if ((len = (size_t)(end - p)) == 0 || len >= sizeof code)
			return error_set(err, ERROR_INPUT, _("invalid types "
			    "'%s': expected type codes separated by ','"), s);
		memcpy(code, p, len);
		code[len] = '\0';
		if (strspn(code, "abcdefghijklmnopqrstuvwxyz0123456789_-") !=
		    len)
			return error_set(err, ERROR_INPUT, _("invalid types "
			    "'%s': '%s' is not a type code"), s, code);
		if (cat != NULL) {
			if ((t = catalog_type_by_code(cat, code)) == NULL)
				return error_set(err, ERROR_INPUT, _("invalid "
				    "types '%s': there is no type '%s'"), s,
				    code);
			if (!t->counts_cases)
				return error_set(err, ERROR_INPUT, _("invalid "
				    "types '%s': %s does not count cases"), s,
				    t->name);
		}
		if (used + len + 2 > size)
			return error_set(err, ERROR_INPUT, _("invalid types "
			    "'%s': too long"), s);
		used += (size_t)snprintf(out + used, size - used, "%s%s",
		    used > 0 ? "," : "", code);
	}
	return 0;
}

int
followup_rules_check(const struct followup_rules *r, struct error *err)
{
	char	interim[FOLLOWUP_INTERVAL_LEN], final[FOLLOWUP_INTERVAL_LEN];

	if (interval_length(&r->final) > interval_length(&r->interim))
		return 0;
	followup_interval_format(&r->interim, interim, sizeof interim);
	followup_interval_format(&r->final, final, sizeof final);
	return error_set(err, ERROR_INPUT, _("the 終了前 (%s after the 初回) "
	    "must fall due after the 中間 (%s)"), final, interim);
}

struct date
followup_due(const struct followup_rules *r, enum case_stage stage,
    struct date initial)
{
	const struct followup_interval	*i;

	if (stage == STAGE_INITIAL)
		return initial;
	i = stage == STAGE_INTERIM ? &r->interim : &r->final;
	switch (i->unit) {
	case FOLLOWUP_MONTHS:
		return date_add_months(initial, i->amount);
	case FOLLOWUP_WEEKS:
		return date_add_days(initial, 7L * i->amount);
	default:
		return date_add_days(initial, i->amount);
	}
}

void
followup_list_init(struct followup_list *list)
{
	memset(list, 0, sizeof *list);
}

void
followup_list_free(struct followup_list *list)
{
	free(list->items);
	followup_list_init(list);
}

struct followup *
followup_list_add(struct followup_list *list)
{
	struct followup	*f;

	if (list->count == list->capacity) {
		list->capacity = list->capacity == 0 ? 16 :
		    list->capacity * 2;
		list->items = xreallocarray(list->items, list->capacity,
		    sizeof *list->items);
	}
	f = &list->items[list->count++];
	memset(f, 0, sizeof *f);
	return f;
}

/* Whether code is one of the list "a,b,c". */
static int
code_listed(const char *list, const char *code)
{
	size_t	len = strlen(code);
	const char *p;

	for (p = list; *p != '\0'; p += strcspn(p, ","), p += *p == ',')
		if (strncmp(p, code, len) == 0 &&
		    (p[len] == ',' || p[len] == '\0'))
			return 1;
	return 0;
}

int
followup_meeting_suits(const struct followup_rules *r,
    const struct catalog *cat, const struct followup *f,
    const struct meeting *m)
{
	const struct meeting_type	*t;

	if (m->status == STATUS_CANCELLED || m->center_id != f->center_id ||
	    date_compare(m->date, f->from) < 0 ||
	    date_compare(m->date, f->due) > 0)
		return 0;
	if (m->type_id == f->type_id)
		return 1;
	return r->types[0] != '\0' &&
	    (t = catalog_type_by_id(cat, m->type_id)) != NULL &&
	    code_listed(r->types, t->code);
}

/* The first meeting that suits f, into f. */
static void
find_meeting(const struct followup_rules *r, const struct catalog *cat,
    const struct meeting_list *meetings, struct followup *f)
{
	const struct meeting	*m;
	size_t			 i;

	for (i = 0; i < meetings->count; i++) {
		m = &meetings->items[i];
		if (!followup_meeting_suits(r, cat, f, m))
			continue;
		if (!f->has_meeting ||
		    date_compare(m->date, f->meeting_date) < 0 ||
		    (date_compare(m->date, f->meeting_date) == 0 &&
		    m->id < f->meeting_id)) {
			f->has_meeting = 1;
			f->meeting_id = m->id;
			f->meeting_date = m->date;
		}
	}
}

static int
compare_by_ref(const void *a, const void *b)
{
	const struct case_review	*ra = *(const struct case_review *
					    const *)a;
	const struct case_review	*rb = *(const struct case_review *
					    const *)b;
	int				 c;

	if ((c = strcmp(ra->ref, rb->ref)) != 0)
		return c;
	if ((c = date_compare(ra->date, rb->date)) != 0)
		return c;
	return ra->id < rb->id ? -1 : ra->id > rb->id;
}

static int
compare_by_due(const void *a, const void *b)
{
	const struct followup	*fa = a, *fb = b;
	int			 c;

	if ((c = date_compare(fa->due, fb->due)) != 0)
		return c;
	if ((c = strcmp(fa->ref, fb->ref)) != 0)
		return c;
	return (int)fa->stage - (int)fb->stage;
}

/* The follow-ups of one case, its reviews r[0..n) in date order. */
static void
case_pending(const struct case_review **r, size_t n,
    const struct meeting_list *meetings, const struct catalog *cat,
    const struct followup_rules *rules, struct followup_list *out)
{
	const struct case_review	*initial = NULL;
	struct followup			*f;
	struct date			 after;
	size_t				 i;
	int				 interims = 0;

	for (i = 0; i < n; i++) {
		if (r[i]->stage == STAGE_FINAL)
			return;
		if (r[i]->stage == STAGE_INITIAL && initial == NULL)
			initial = r[i];
	}
	if (initial == NULL)
		return;
	after = followup_due(rules, STAGE_INTERIM, initial->date);
	for (i = 0; i < n; i++)
		if (r[i]->stage == STAGE_INTERIM) {
			interims++;
			after = r[i]->date;
		}
	if (interims == 0) {
		f = followup_list_add(out);
		memcpy(f->ref, initial->ref, sizeof f->ref);
		f->stage = STAGE_INTERIM;
		f->from = date_add_days(initial->date, 1);
		f->due = followup_due(rules, STAGE_INTERIM, initial->date);
	}
	f = followup_list_add(out);
	memcpy(f->ref, initial->ref, sizeof f->ref);
	f->stage = STAGE_FINAL;
	f->from = date_add_days(after, 1);
	f->due = followup_due(rules, STAGE_FINAL, initial->date);
	/* what the one or two have in common: the 初回 */
	for (f = &out->items[out->count - 1 - (interims == 0)];
	    f < out->items + out->count; f++) {
		f->initial_meeting_id = initial->meeting_id;
		f->initial = initial->date;
		f->center_id = initial->center_id;
		f->type_id = initial->type_id;
		find_meeting(rules, cat, meetings, f);
	}
}

void
followup_pending(const struct case_list *reviews,
    const struct meeting_list *meetings, const struct catalog *cat,
    const struct followup_rules *rules, struct followup_list *out)
{
	const struct case_review	**r;
	size_t				  i, j, n = 0, first = out->count;

	r = xreallocarray(NULL, reviews->count + 1, sizeof *r);
	for (i = 0; i < reviews->count; i++)
		if (reviews->items[i].status != STATUS_CANCELLED)
			r[n++] = &reviews->items[i];
	qsort(r, n, sizeof *r, compare_by_ref);
	for (i = 0; i < n; i = j) {
		for (j = i + 1; j < n && strcmp(r[j]->ref, r[i]->ref) == 0;
		    j++)
			continue;
		case_pending(r + i, j - i, meetings, cat, rules, out);
	}
	free(r);
	if (out->count - first > 1)
		qsort(out->items + first, out->count - first,
		    sizeof *out->items, compare_by_due);
}
