/*
 * case.c -- case references and the stages of a case's review: the
 * grammar that keeps names and personal details out (case.h).
 */
#include <stdint.h>
#include <stdlib.h>
#include <string.h>

#include "alloc.h"
#include "case.h"
#include "i18n.h"
#include "text.h"

static const char *stage_codes[CASE_STAGE_COUNT] = {
	"initial", "interim", "final"
};
static const char *stage_labels[CASE_STAGE_COUNT] = {
	"初回", "中間", "終了前"
};

const char *
case_stage_code(enum case_stage stage)
{
	return (unsigned)stage < CASE_STAGE_COUNT ? stage_codes[stage] : "?";
}

const char *
case_stage_label(enum case_stage stage)
{
	return (unsigned)stage < CASE_STAGE_COUNT ? stage_labels[stage] : "?";
}

int
case_stage_parse(const char *s, enum case_stage *out, struct error *err)
{
	size_t	i, len;

	for (i = 0; i < CASE_STAGE_COUNT; i++) {
		len = strlen(stage_labels[i]);
		if (strcmp(s, stage_codes[i]) == 0 ||
		    strcmp(s, stage_labels[i]) == 0 ||
		    (strncmp(s, stage_labels[i], len) == 0 &&
		    strcmp(s + len, "会議") == 0)) {
			*out = (enum case_stage)i;
			return 0;
		}
	}
	return error_set(err, ERROR_INPUT, _("invalid stage '%s': expected "
	    "初回 (initial), 中間 (interim) or 終了前 (final)"), s);
}

static int
is_separator(int c)
{
	return c == '-' || c == '/' || c == '.';
}

static int
is_letter(int c)
{
	return (c >= 'A' && c <= 'Z') || (c >= 'a' && c <= 'z');
}

static int
is_digit(int c)
{
	return c >= '0' && c <= '9';
}

/* The value of n digits at s. */
static int
number(const char *s, size_t n)
{
	int	v = 0;

	while (n-- > 0)
		v = v * 10 + (*s++ - '0');
	return v;
}

/*
 * A month and a day that a calendar has (29 February too: the year of
 * an era date is not worked out).
 */
static int
month_day(int month, int day)
{
	static const int	days[12] = { 31, 29, 31, 30, 31, 30, 31, 31,
				    30, 31, 30, 31 };

	return month >= 1 && month <= 12 && day >= 1 &&
	    day <= days[month - 1];
}

/*
 * 1 if ref (canonical: upper case) is a whole date, as a date of birth
 * is written: 19480315, 1948-3-15, 1948/03/15, S23.3.15, S230315,
 * S.23.3.15 (M, T, S, H, R: 明治 to 令和).
 */
static int
ref_is_date(const char *ref)
{
	const char	*group[4];
	size_t		 glen[4], n = 0, len, i;
	const char	*p = ref;
	int		 era = 0, year;

	if (strchr("MTSHR", ref[0]) != NULL) {
		era = 1;
		p = ref + 1;
		if (is_separator(*p))
			p++;
	}
	/* the groups of digits between separators */
	while (*p != '\0') {
		if (n == 4)
			return 0;
		group[n] = p;
		while (is_digit(*p))
			p++;
		glen[n] = (size_t)(p - group[n]);
		if (glen[n] == 0 || (*p != '\0' && !is_separator(*p)))
			return 0;
		n++;
		if (*p != '\0')
			p++;
	}
	if (n == 1) {
		/* YYYYMMDD, or the era's YYMMDD */
		len = era ? 6 : 8;
		if (glen[0] != len)
			return 0;
		year = number(group[0], len - 4);
		return (era || (year >= 1900 && year <= 2099)) &&
		    month_day(number(group[0] + len - 4, 2),
		    number(group[0] + len - 2, 2));
	}
	if (n != 3)
		return 0;
	for (i = 1; i < 3; i++)
		if (glen[i] > 2)
			return 0;
	if (era ? glen[0] > 2 : glen[0] != 4)
		return 0;
	year = number(group[0], glen[0]);
	return (era || (year >= 1900 && year <= 2099)) &&
	    month_day(number(group[1], glen[1]), number(group[2], glen[2]));
}

/*
 * The first character of s that a reference may not hold, for the
 * message: whether it is a full-width form of one that it may (２, Ａ,
 * －), and its bytes (len).
 */
static const char *
ref_bad_character(const char *s, size_t *len, int *full_width)
{
	uint32_t	c;
	size_t		n;

	*full_width = 0;
	for (; *s != '\0'; s += n) {
		if ((unsigned char)*s < 0x80) {
			n = 1;
			if (is_digit(*s) || is_letter(*s) || is_separator(*s))
				continue;
			*len = 1;
			return s;
		}
		if ((n = text_utf8_decode(s, strlen(s), &c)) == 0) {
			*len = 1;
			return s;
		}
		/* ０-９, Ａ-Ｚ, ａ-ｚ, －, ／, ．; the minus, the long vowel */
		*full_width = (c >= 0xff10 && c <= 0xff19) ||
		    (c >= 0xff21 && c <= 0xff3a) ||
		    (c >= 0xff41 && c <= 0xff5a) || c == 0xff0d ||
		    c == 0xff0f || c == 0xff0e || c == 0x2212 || c == 0x30fc;
		*len = n;
		return s;
	}
	return NULL;
}

int
case_ref_parse(const char *s, char *out, struct error *err)
{
	const char	*bad;
	char		 what[16];
	size_t		 len, i, n;
	int		 full_width, digits = 0, run = 0;

	out[0] = '\0';
	if (*s == '\0')
		return error_set(err, ERROR_INPUT, "%s", _("a case reference "
		    "may not be empty: give the secretariat's number of the "
		    "case (2021-015)"));
	if ((bad = ref_bad_character(s, &n, &full_width)) != NULL) {
		memcpy(what, bad, n < sizeof what ? n : sizeof what - 1);
		what[n < sizeof what ? n : sizeof what - 1] = '\0';
		if (full_width)
			return error_set(err, ERROR_INPUT, _("case reference "
			    "'%s': '%s' is a full-width character; type the "
			    "reference in half-width (半角) digits and "
			    "letters, as 2021-015"), s, what);
		if (*what == ' ')
			return error_set(err, ERROR_INPUT, _("case reference "
			    "'%s' has a space: a reference is one word of "
			    "digits, letters A-Z and - / . (2021-015), never "
			    "a name"), s);
		return error_set(err, ERROR_INPUT, _("case reference '%s': "
		    "'%s' may not be used; a reference holds only digits, "
		    "letters A-Z and - / . (2021-015), never a name or "
		    "other personal details"), s, what);
	}
	if ((len = strlen(s)) > CASE_REF_MAX)
		return error_set(err, ERROR_INPUT, _("case reference '%s' is "
		    "longer than %d characters"), s, CASE_REF_MAX);
	for (i = 0; i < len; i++) {
		if (is_separator(s[i]) && (i == 0 || i == len - 1 ||
		    is_separator(s[i + 1])))
			return error_set(err, ERROR_INPUT, _("case reference "
			    "'%s': - / . go between digits or letters, one at "
			    "a time"), s);
		if (is_digit(s[i]))
			digits++;
		run = is_letter(s[i]) ? run + 1 : 0;
		if (run > CASE_REF_LETTERS)
			return error_set(err, ERROR_INPUT, _("case reference "
			    "'%s' has a word in it (more than %d letters in a "
			    "row), which may be a name: use the secretariat's "
			    "number (2021-015)"), s, CASE_REF_LETTERS);
	}
	if (digits == 0)
		return error_set(err, ERROR_INPUT, _("case reference '%s' has "
		    "no digit: a reference is the secretariat's number of "
		    "the case (2021-015), never a name"), s);
	if (digits > CASE_REF_DIGITS)
		return error_set(err, ERROR_INPUT, _("case reference '%s' has "
		    "%d digits, more than %d: it may be a telephone, "
		    "insurance or My Number; use the secretariat's number "
		    "(2021-015)"), s, digits, CASE_REF_DIGITS);
	for (i = 0; i < len; i++)
		out[i] = s[i] >= 'a' && s[i] <= 'z' ? s[i] - 'a' + 'A' : s[i];
	out[len] = '\0';
	if (ref_is_date(out)) {
		out[0] = '\0';
		return error_set(err, ERROR_INPUT, _("case reference '%s' is "
		    "a date, which may be a date of birth: use the "
		    "secretariat's number (2021-015)"), s);
	}
	return 0;
}

void
case_list_init(struct case_list *list)
{
	memset(list, 0, sizeof *list);
}

void
case_list_free(struct case_list *list)
{
	free(list->items);
	case_list_init(list);
}

struct case_review *
case_list_add(struct case_list *list)
{
	struct case_review	*r;

	if (list->count == list->capacity) {
		list->capacity = list->capacity == 0 ? 16 :
		    list->capacity * 2;
		list->items = xreallocarray(list->items, list->capacity,
		    sizeof *list->items);
	}
	r = &list->items[list->count++];
	memset(r, 0, sizeof *r);
	return r;
}

static int
compare_reviews(const void *a, const void *b)
{
	const struct case_review	*ra = a, *rb = b;
	int				 c;

	if ((c = strcmp(ra->ref, rb->ref)) != 0)
		return c;
	if ((c = date_compare(ra->date, rb->date)) != 0)
		return c;
	if (ra->stage != rb->stage)
		return ra->stage < rb->stage ? -1 : 1;
	return ra->id < rb->id ? -1 : ra->id > rb->id;
}

void
case_list_sort(struct case_list *list)
{
	if (list->count > 1)
		qsort(list->items, list->count, sizeof *list->items,
		    compare_reviews);
}
