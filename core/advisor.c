/*
 * advisor.c -- the professionals a meeting type summons: their fields
 * and rules, their weekdays and dates unavailable as users write them,
 * and what a type's summons asks for.
 */
#include <ctype.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <strings.h>

#include "advisor.h"
#include "alloc.h"
#include "i18n.h"
#include "text.h"

void
advisor_init(struct advisor *a)
{
	memset(a, 0, sizeof *a);
	a->weekdays = ADVISOR_WEEKDAYS_DEFAULT;
}

void
advisor_clear(struct advisor *a)
{
	free(a->name);
	free(a->profession);
	free(a->affiliation);
	free(a->contact);
	free(a->unavailable);
	advisor_init(a);
}

void
advisor_copy(struct advisor *dst, const struct advisor *src)
{
	*dst = *src;
	dst->name = xstrdup(src->name);
	dst->profession = xstrdup(src->profession);
	dst->affiliation = xstrdup(src->affiliation);
	dst->contact = xstrdup(src->contact);
	dst->unavailable = NULL;
	if (src->nunavailable > 0) {
		dst->unavailable = xreallocarray(NULL, src->nunavailable,
		    sizeof *dst->unavailable);
		memcpy(dst->unavailable, src->unavailable,
		    src->nunavailable * sizeof *dst->unavailable);
	}
}

static int
text_ok(const char *s, size_t max)
{
	size_t	len = strlen(s);

	return len >= 1 && len <= max && text_utf8_valid(s, len) &&
	    !text_has_control(s, 0);
}

int
advisor_validate(const struct advisor *a, struct error *err)
{
	if (a->name == NULL || !text_ok(a->name, ADVISOR_NAME_MAX))
		return error_set_field(err, ERROR_INPUT, "name",
		    _("advisor name '%s': 1-%d bytes of text without control "
		    "characters"), a->name != NULL ? a->name : "",
		    ADVISOR_NAME_MAX);
	if (a->profession == NULL)
		return error_set_field(err, ERROR_INPUT, "profession",
		    _("an advisor needs a profession (--profession)"));
	if (profession_validate(a->profession, err) == -1)
		return -1;
	if (a->affiliation != NULL && !text_ok(a->affiliation,
	    ADVISOR_TEXT_MAX))
		return error_set_field(err, ERROR_INPUT, "affiliation",
		    _("affiliation '%s': 1-%d bytes of text without control "
		    "characters"), a->affiliation, ADVISOR_TEXT_MAX);
	if (a->contact != NULL && !text_ok(a->contact, ADVISOR_TEXT_MAX))
		return error_set_field(err, ERROR_INPUT, "contact",
		    _("contact '%s': 1-%d bytes of text without control "
		    "characters"), a->contact, ADVISOR_TEXT_MAX);
	if (a->weekdays == 0 || (a->weekdays & ~ADVISOR_WEEKDAYS_ALL) != 0)
		return error_set_field(err, ERROR_INPUT, "weekdays",
		    _("weekdays: at least one of 日月火水木金土"));
	if (a->nunavailable > ADVISOR_UNAVAILABLE_MAX)
		return error_set_field(err, ERROR_INPUT, "unavailable",
		    _("unavailable: more than %d dates"),
		    ADVISOR_UNAVAILABLE_MAX);
	return 0;
}

/* Where day is, or would go, in the advisor's dates. */
static size_t
unavailable_bound(const struct advisor *a, struct date day)
{
	size_t	lo = 0, hi = a->nunavailable, mid;

	while (lo < hi) {
		mid = lo + (hi - lo) / 2;
		if (date_compare(a->unavailable[mid], day) < 0)
			lo = mid + 1;
		else
			hi = mid;
	}
	return lo;
}

int
advisor_is_unavailable(const struct advisor *a, struct date day)
{
	size_t	at = unavailable_bound(a, day);

	return at < a->nunavailable &&
	    date_compare(a->unavailable[at], day) == 0;
}

void
advisor_set_unavailable(struct advisor *a, struct date day, int on)
{
	size_t	at = unavailable_bound(a, day);
	int	has = at < a->nunavailable &&
		    date_compare(a->unavailable[at], day) == 0;

	if (on && !has) {
		a->unavailable = xreallocarray(a->unavailable,
		    a->nunavailable + 1, sizeof *a->unavailable);
		memmove(a->unavailable + at + 1, a->unavailable + at,
		    (a->nunavailable - at) * sizeof *a->unavailable);
		a->unavailable[at] = day;
		a->nunavailable++;
	} else if (!on && has) {
		memmove(a->unavailable + at, a->unavailable + at + 1,
		    (a->nunavailable - at - 1) * sizeof *a->unavailable);
		a->nunavailable--;
	}
}

void
advisor_list_init(struct advisor_list *list)
{
	memset(list, 0, sizeof *list);
}

struct advisor *
advisor_list_add(struct advisor_list *list)
{
	struct advisor	*a;

	if (list->count == list->capacity) {
		list->capacity = list->capacity == 0 ? 16 : list->capacity * 2;
		list->items = xreallocarray(list->items, list->capacity,
		    sizeof *list->items);
	}
	a = &list->items[list->count++];
	advisor_init(a);
	return a;
}

void
advisor_list_free(struct advisor_list *list)
{
	size_t	i;

	for (i = 0; i < list->count; i++)
		advisor_clear(&list->items[i]);
	free(list->items);
	advisor_list_init(list);
}

size_t
advisor_list_index(const struct advisor_list *list, long id)
{
	size_t	lo = 0, hi = list->count, mid;

	while (lo < hi) {
		mid = lo + (hi - lo) / 2;
		if (list->items[mid].id == id)
			return mid;
		if (list->items[mid].id < id)
			lo = mid + 1;
		else
			hi = mid;
	}
	return (size_t)-1;
}

const struct advisor *
advisor_list_by_id(const struct advisor_list *list, long id)
{
	size_t	i = advisor_list_index(list, id);

	return i == (size_t)-1 ? NULL : &list->items[i];
}

void
assignment_list_init(struct assignment_list *list)
{
	memset(list, 0, sizeof *list);
}

void
assignment_list_add(struct assignment_list *list, long meeting_id,
    long advisor_id)
{
	if (list->count == list->capacity) {
		list->capacity = list->capacity == 0 ? 64 : list->capacity * 2;
		list->items = xreallocarray(list->items, list->capacity,
		    sizeof *list->items);
	}
	list->items[list->count].meeting_id = meeting_id;
	list->items[list->count].advisor_id = advisor_id;
	list->count++;
}

void
assignment_list_free(struct assignment_list *list)
{
	free(list->items);
	assignment_list_init(list);
}

static const char *const weekday_english[7] = {
	"sun", "mon", "tue", "wed", "thu", "fri", "sat"
};

static int
weekday_of_english(const char *s, size_t n)
{
	int	i;

	for (i = 0; i < 7; i++)
		if (n == 3 && strncasecmp(s, weekday_english[i], 3) == 0)
			return i;
	return -1;
}

/* mon,tue or mon-fri: English names, as the C locale's users may. */
static int
weekdays_english(const char *s, unsigned *out)
{
	const char	*p = s;
	unsigned	 mask = 0;
	int		 a, b;

	for (;;) {
		if ((a = weekday_of_english(p, strcspn(p, ",-"))) == -1)
			return -1;
		p += 3;
		b = a;
		if (*p == '-') {
			p++;
			if ((b = weekday_of_english(p, strcspn(p, ",-"))) ==
			    -1)
				return -1;
			p += 3;
		}
		for (;; a = (a + 1) % 7) {
			mask |= 1u << a;
			if (a == b)
				break;
		}
		if (*p == '\0')
			break;
		if (*p++ != ',')
			return -1;
	}
	*out = mask;
	return 0;
}

int
advisor_weekdays_parse(const char *s, unsigned *out, struct error *err)
{
	static const char	*kanji = "日月火水木金土";
	const char		*p = s, *k;
	unsigned		 mask = 0;

	if (strcasecmp(s, "all") == 0 || strcmp(s, "毎日") == 0) {
		*out = ADVISOR_WEEKDAYS_ALL;
		return 0;
	}
	if (weekdays_english(s, out) == 0)
		return 0;
	while (*p != '\0') {
		if (*p == ' ' || *p == ',') {
			p++;
			continue;
		}
		/* 月曜日: the 日 of 曜日 is no Sunday */
		if (strncmp(p, "曜日", 6) == 0) {
			p += 6;
			continue;
		}
		if (strncmp(p, "曜", 3) == 0 || strncmp(p, "、", 3) == 0) {
			p += 3;
			continue;
		}
		for (k = kanji; *k != '\0'; k += 3)
			if (strncmp(p, k, 3) == 0)
				break;
		if (*k == '\0')
			goto bad;
		mask |= 1u << ((k - kanji) / 3);
		p += 3;
	}
	if (mask == 0)
		goto bad;
	*out = mask;
	return 0;
bad:
	return error_set_field(err, ERROR_INPUT, "weekdays", _("weekdays '%s': "
	    "write them as 月火水木金 (or mon-fri, mon,wed, all)"), s);
}

void
advisor_weekdays_format(unsigned mask, char *buf, size_t size)
{
	size_t	len = 0;
	int	i, d;

	if (size > 0)
		buf[0] = '\0';
	/* Monday first, as an office week is read */
	for (i = 1; i <= 7; i++) {
		d = i % 7;
		if (!(mask & (1u << d)) || len + 4 > size)
			continue;
		memcpy(buf + len, date_weekday_kanji(d), 3);
		len += 3;
		buf[len] = '\0';
	}
}

int
advisor_dates_parse(const char *s, struct date **out, size_t *n,
    struct error *err)
{
	struct advisor	 tmp;
	struct date	 from, to, d;
	const char	*p = s, *dots;
	char		 one[256];
	size_t		 len;

	advisor_init(&tmp);
	*out = NULL;
	*n = 0;
	for (;;) {
		len = strcspn(p, ",");
		if (strstr(p, "、") != NULL && (size_t)(strstr(p, "、") - p) <
		    len)
			len = (size_t)(strstr(p, "、") - p);
		snprintf(one, sizeof one, "%.*s", (int)len, p);
		if ((dots = strstr(one, "..")) != NULL) {
			one[dots - one] = '\0';
			if (date_parse(one, &from, err) == -1 ||
			    date_parse(dots + 2, &to, err) == -1)
				goto fail;
			if (date_compare(from, to) > 0 ||
			    date_to_days(to) - date_to_days(from) >=
			    ADVISOR_UNAVAILABLE_MAX) {
				error_set(err, ERROR_INPUT, _("'%s..%s': not "
				    "a range of dates (the first first, at "
				    "most %d days)"), one, dots + 2,
				    ADVISOR_UNAVAILABLE_MAX);
				goto fail;
			}
		} else {
			if (date_parse(one, &from, err) == -1)
				goto fail;
			to = from;
		}
		for (d = from; date_compare(d, to) <= 0;
		    d = date_add_days(d, 1)) {
			advisor_set_unavailable(&tmp, d, 1);
			if (tmp.nunavailable > ADVISOR_UNAVAILABLE_MAX) {
				error_set(err, ERROR_INPUT, _("more than %d "
				    "dates"), ADVISOR_UNAVAILABLE_MAX);
				goto fail;
			}
		}
		p += len;
		if (*p == '\0')
			break;
		p += *p == ',' ? 1 : 3;
	}
	*out = tmp.unavailable;
	*n = tmp.nunavailable;
	return 0;
fail:
	advisor_clear(&tmp);
	return -1;
}

void
summons_parse(const char *text, struct summons *s)
{
	struct summons_need	*need;
	const char		*p;
	size_t			 len;

	memset(s, 0, sizeof *s);
	if (text == NULL || *text == '\0')
		return;
	need = NULL;
	for (p = text;; p += len + 1) {
		len = strcspn(p, ",|");
		if (need == NULL) {
			s->needs = xreallocarray(s->needs, s->count + 1,
			    sizeof *s->needs);
			need = &s->needs[s->count++];
			memset(need, 0, sizeof *need);
		}
		need->accepted = xreallocarray(need->accepted,
		    need->naccepted + 1, sizeof *need->accepted);
		need->accepted[need->naccepted++] = xstrndup(p, len);
		need->label = need->accepted[0];
		if (p[len] == '\0')
			break;
		if (p[len] == ',')
			need = NULL;
	}
}

void
summons_free(struct summons *s)
{
	size_t	i, j;

	for (i = 0; i < s->count; i++) {
		for (j = 0; j < s->needs[i].naccepted; j++)
			free(s->needs[i].accepted[j]);
		free(s->needs[i].accepted);
	}
	free(s->needs);
	memset(s, 0, sizeof *s);
}

int
summons_need_accepts(const struct summons_need *need, const char *profession)
{
	size_t	i;

	for (i = 0; i < need->naccepted; i++)
		if (strcmp(need->accepted[i], profession) == 0)
			return 1;
	return 0;
}

void
summons_format(const struct summons *s, char *buf, size_t size)
{
	size_t	i, len;

	if (size > 0)
		buf[0] = '\0';
	for (i = 0; i < s->count; i++) {
		len = strlen(buf);
		snprintf(buf + len, size - len, "%s%s", i > 0 ? ", " : "",
		    s->needs[i].label);
	}
}
