/*
 * catalog.c -- lookups in the centers and meeting types of a database.
 */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "alloc.h"
#include "catalog.h"
#include "i18n.h"
#include "text.h"

static int	type_validate_group(const char *, struct error *);
static int	type_validate_summons(const char *, struct error *);

void
catalog_init(struct catalog *cat)
{
	memset(cat, 0, sizeof *cat);
}

void
catalog_free(struct catalog *cat)
{
	size_t	i;

	for (i = 0; i < cat->ncenters; i++)
		free(cat->centers[i].name);
	for (i = 0; i < cat->ntypes; i++) {
		free(cat->types[i].code);
		free(cat->types[i].name);
		free(cat->types[i].short_name);
		free(cat->types[i].group);
		free(cat->types[i].summons);
	}
	free(cat->centers);
	free(cat->by_name);
	free(cat->types);
	catalog_init(cat);
}

/*
 * The first place in by_name whose center's name is not below name
 * (after: not below or equal). A prefecture's thousand centers made the
 * linear lookup a twentieth of an import.
 */
static size_t
name_bound(const struct catalog *cat, const char *name, int after)
{
	size_t	lo = 0, hi = cat->ncenters, mid;
	int	cmp;

	while (lo < hi) {
		mid = lo + (hi - lo) / 2;
		cmp = strcmp(cat->centers[cat->by_name[mid]].name, name);
		if (cmp < 0 || (after && cmp == 0))
			lo = mid + 1;
		else
			hi = mid;
	}
	return lo;
}

struct center *
catalog_add_center(struct catalog *cat, const struct center *c)
{
	struct center	*n;

	size_t		 at;

	cat->centers = xreallocarray(cat->centers, cat->ncenters + 1,
	    sizeof *cat->centers);
	cat->by_name = xreallocarray(cat->by_name, cat->ncenters + 1,
	    sizeof *cat->by_name);
	/* after any of the same name, so a lookup finds the first added */
	at = name_bound(cat, c->name, 1);
	memmove(cat->by_name + at + 1, cat->by_name + at,
	    (cat->ncenters - at) * sizeof *cat->by_name);
	cat->by_name[at] = cat->ncenters;
	n = &cat->centers[cat->ncenters++];
	*n = *c;
	n->name = xstrdup(c->name);
	return n;
}

struct meeting_type *
catalog_add_type(struct catalog *cat, const struct meeting_type *t)
{
	struct meeting_type	*n;

	cat->types = xreallocarray(cat->types, cat->ntypes + 1,
	    sizeof *cat->types);
	n = &cat->types[cat->ntypes++];
	*n = *t;
	n->code = xstrdup(t->code);
	n->name = xstrdup(t->name);
	n->short_name = xstrdup(t->short_name != NULL ? t->short_name :
	    t->name);
	n->group = t->group != NULL && *t->group != '\0' ?
	    xstrdup(t->group) : NULL;
	n->summons = t->summons != NULL && *t->summons != '\0' ?
	    xstrdup(t->summons) : NULL;
	return n;
}

const struct center *
catalog_center_by_id(const struct catalog *cat, long id)
{
	size_t	i;

	/* ids are usually 1, 2, 3... in table order */
	if (id >= 1 && (size_t)id <= cat->ncenters &&
	    cat->centers[id - 1].id == id)
		return &cat->centers[id - 1];
	for (i = 0; i < cat->ncenters; i++)
		if (cat->centers[i].id == id)
			return &cat->centers[i];
	return NULL;
}

const struct center *
catalog_center_by_name(const struct catalog *cat, const char *name)
{
	size_t	at = name_bound(cat, name, 0);

	if (at < cat->ncenters &&
	    strcmp(cat->centers[cat->by_name[at]].name, name) == 0)
		return &cat->centers[cat->by_name[at]];
	return NULL;
}

const struct meeting_type *
catalog_type_by_id(const struct catalog *cat, long id)
{
	size_t	i;

	for (i = 0; i < cat->ntypes; i++)
		if (cat->types[i].id == id)
			return &cat->types[i];
	return NULL;
}

const struct meeting_type *
catalog_type_by_code(const struct catalog *cat, const char *code)
{
	size_t	i;

	for (i = 0; i < cat->ntypes; i++)
		if (strcmp(cat->types[i].code, code) == 0)
			return &cat->types[i];
	return NULL;
}

const struct meeting_type *
catalog_type_by_label(const struct catalog *cat, const char *label)
{
	const struct meeting_type	*t;
	size_t				 i;

	if ((t = catalog_type_by_code(cat, label)) != NULL)
		return t;
	for (i = 0; i < cat->ntypes; i++)
		if (strcmp(cat->types[i].name, label) == 0 ||
		    strcmp(cat->types[i].short_name, label) == 0)
			return &cat->types[i];
	return NULL;
}

/* ", " and name onto choices, or ", ..." once it is full. */
static void
choices_add(char *choices, size_t size, const char *name)
{
	size_t	len = strlen(choices);

	if (len >= 5 && strcmp(choices + len - 5, ", ...") == 0)
		return;
	if (len + strlen(name) + 8 >= size) {
		snprintf(choices + len, size - len, ", ...");
		return;
	}
	snprintf(choices + len, size - len, "%s%s", len > 0 ? ", " : "",
	    name);
}

static int
center_unknown(const struct catalog *cat, const char *name,
    struct error *err)
{
	char	choices[600] = "";
	size_t	i;

	for (i = 0; i < cat->ncenters; i++)
		choices_add(choices, sizeof choices, cat->centers[i].name);
	return error_set(err, ERROR_INPUT,
	    _("unknown center '%s' (known: %s)"), name,
	    choices[0] != '\0' ? choices : _("none"));
}

int
catalog_find_center(const struct catalog *cat, const char *name,
    const struct center **out, struct error *err)
{
	if ((*out = catalog_center_by_name(cat, name)) != NULL)
		return 0;
	return center_unknown(cat, name, err);
}

int
catalog_match_center(const struct catalog *cat, const char *text,
    const struct center **out, struct error *err)
{
	const struct center	*c;
	char			 choices[600] = "";
	size_t			 i, len = strlen(text), n = 0;

	if ((*out = catalog_center_by_name(cat, text)) != NULL)
		return 0;
	/* in table order, as the user reads them; once per command */
	if (len > 0 && text_utf8_valid(text, len))
		for (i = 0; i < cat->ncenters; i++) {
			c = &cat->centers[i];
			if (strncmp(c->name, text, len) != 0)
				continue;
			*out = c;
			n++;
			choices_add(choices, sizeof choices, c->name);
		}
	if (n == 1)
		return 0;
	*out = NULL;
	if (n == 0)
		return center_unknown(cat, text, err);
	return error_set(err, ERROR_INPUT, _("center '%s' could be %s: give "
	    "more of the name"), text, choices);
}

int
catalog_find_type(const struct catalog *cat, const char *label,
    const struct meeting_type **out, struct error *err)
{
	const struct meeting_type	*t;
	char				 choices[600] = "", one[256];
	size_t				 i, n = 0;

	/* a code or a name is one type's; a short name may be several's */
	if ((*out = catalog_type_by_code(cat, label)) != NULL)
		return 0;
	for (i = 0; i < cat->ntypes; i++)
		if (strcmp(cat->types[i].name, label) == 0) {
			*out = &cat->types[i];
			return 0;
		}
	for (i = 0; i < cat->ntypes; i++) {
		t = &cat->types[i];
		if (strcmp(t->short_name, label) != 0)
			continue;
		*out = t;
		n++;
		snprintf(one, sizeof one, "%s (%s)", t->code, t->name);
		choices_add(choices, sizeof choices, one);
	}
	if (n == 1)
		return 0;
	*out = NULL;
	if (n > 1)
		return error_set(err, ERROR_INPUT, _("meeting type '%s' could "
		    "be %s: give the code or the name"), label, choices);
	for (i = 0; i < cat->ntypes; i++) {
		t = &cat->types[i];
		snprintf(one, sizeof one, "%s (%s)", t->code, t->short_name);
		choices_add(choices, sizeof choices, one);
	}
	return error_set(err, ERROR_INPUT,
	    _("unknown meeting type '%s' (known: %s)"), label,
	    choices[0] != '\0' ? choices : _("none"));
}

int
center_validate_name(const char *name, struct error *err)
{
	size_t	len = strlen(name);

	if (len == 0)
		return error_set(err, ERROR_INPUT,
		    _("center name: must not be empty"));
	if (len > 100)
		return error_set(err, ERROR_INPUT,
		    _("center name: longer than 100 bytes"));
	if (!text_utf8_valid(name, len))
		return error_set(err, ERROR_INPUT,
		    _("center name: not valid UTF-8"));
	if (text_has_control(name, 0))
		return error_set(err, ERROR_INPUT,
		    _("center name: contains a control character"));
	return 0;
}

int
type_validate(const struct meeting_type *t, struct error *err)
{
	const char	*p;
	size_t		 len;

	len = t->code != NULL ? strlen(t->code) : 0;
	if (len == 0 || len > 32 || t->code[0] < 'a' || t->code[0] > 'z')
		return error_set(err, ERROR_INPUT,
		    _("type code '%s': 1-32 characters a-z, 0-9, '-' or "
		    "'_', starting with a letter"), t->code ? t->code : "");
	for (p = t->code; *p != '\0'; p++)
		if (!((*p >= 'a' && *p <= 'z') || (*p >= '0' && *p <= '9') ||
		    *p == '-' || *p == '_'))
			return error_set(err, ERROR_INPUT,
			    _("type code '%s': 1-32 characters a-z, 0-9, "
			    "'-' or '_', starting with a letter"), t->code);
	if (t->name == NULL || t->name[0] == '\0' || strlen(t->name) > 100 ||
	    !text_utf8_valid(t->name, strlen(t->name)) ||
	    text_has_control(t->name, 0))
		return error_set(err, ERROR_INPUT,
		    _("type name: 1-100 bytes of UTF-8 text"));
	if (t->short_name != NULL && (strlen(t->short_name) > 30 ||
	    !text_utf8_valid(t->short_name, strlen(t->short_name)) ||
	    text_has_control(t->short_name, 0)))
		return error_set(err, ERROR_INPUT,
		    _("type short name: at most 30 bytes of UTF-8 text"));
	if (type_validate_group(t->group, err) == -1)
		return -1;
	if (t->target_min < -1 || t->target_max < -1 ||
	    (t->target_min >= 0 && t->target_max >= 0 &&
	    t->target_max < t->target_min))
		return error_set(err, ERROR_INPUT,
		    _("type target: %d-%d is not a range (minimum first)"),
		    t->target_min, t->target_max);
	if (t->length < 0 || t->length > TYPE_LENGTH_MAX)
		return error_set(err, ERROR_INPUT, _("type length: %d "
		    "minutes is not 1-%d"), t->length, TYPE_LENGTH_MAX);
	if (t->capacity < 0 || t->capacity > TYPE_CAPACITY_MAX)
		return error_set(err, ERROR_INPUT, _("type capacity: %d "
		    "cases is not 1-%d"), t->capacity, TYPE_CAPACITY_MAX);
	if (t->capacity > 0 && !t->counts_cases)
		return error_set(err, ERROR_INPUT, _("type capacity: the "
		    "type does not count cases"));
	if ((unsigned)t->cadence > CADENCE_AD_HOC)
		return error_set(err, ERROR_INPUT, _("type cadence: not "
		    "yearly, monthly or ad-hoc"));
	return type_validate_summons(t->summons, err);
}

/* A type's group: at most TYPE_GROUP_LEVELS names of text, by '/'. */
static int
type_validate_group(const char *group, struct error *err)
{
	const char	*p, *slash;
	int		 levels = 0;

	if (group == NULL || *group == '\0')
		return 0;
	if (strlen(group) > 100 || !text_utf8_valid(group, strlen(group)) ||
	    text_has_control(group, 0))
		return error_set(err, ERROR_INPUT, _("type group: at most 100 "
		    "bytes of UTF-8 text"));
	for (p = group;; p = slash + 1) {
		slash = strchr(p, '/');
		if ((slash != NULL ? slash : p + strlen(p)) == p)
			return error_set(err, ERROR_INPUT, _("type group "
			    "'%s': an empty name between '/'"), group);
		if (++levels > TYPE_GROUP_LEVELS)
			return error_set(err, ERROR_INPUT, _("type group "
			    "'%s': at most %d names"), group,
			    TYPE_GROUP_LEVELS);
		if (slash == NULL)
			return 0;
	}
}

int
type_group_level(const char *group, int level, char *buf, size_t size)
{
	const char	*p = group, *slash;
	size_t		 len;

	if (size > 0)
		buf[0] = '\0';
	if (group == NULL || *group == '\0')
		return -1;
	for (; level > 0; level--) {
		if ((slash = strchr(p, '/')) == NULL)
			return -1;
		p = slash + 1;
	}
	len = strcspn(p, "/");
	snprintf(buf, size, "%.*s", (int)len, p);
	return 0;
}

const char *
type_level_name(enum type_level level)
{
	return level == LEVEL_CITY ? "city" : "regional";
}

int
type_level_parse(const char *s, enum type_level *out, struct error *err)
{
	if (strcmp(s, "regional") == 0 || strcmp(s, "地域") == 0)
		*out = LEVEL_REGIONAL;
	else if (strcmp(s, "city") == 0 || strcmp(s, "市") == 0)
		*out = LEVEL_CITY;
	else
		return error_set(err, ERROR_INPUT,
		    _("invalid level '%s': expected regional or city"), s);
	return 0;
}

int
profession_validate(const char *s, struct error *err)
{
	size_t	len = strlen(s);

	if (len == 0 || len > PROFESSION_MAX || !text_utf8_valid(s, len) ||
	    text_has_control(s, 0) || strpbrk(s, ",|") != NULL ||
	    strstr(s, "、") != NULL)
		return error_set(err, ERROR_INPUT, _("profession '%s': 1-%d "
		    "bytes of text without ',', '、' or '|'"), s,
		    PROFESSION_MAX);
	return 0;
}

/* A summons as stored: professions by ',', alternatives by '|'. */
static int
type_validate_summons(const char *summons, struct error *err)
{
	char		 name[TYPE_SUMMONS_MAX + 1];
	const char	*p;
	size_t		 len;

	if (summons == NULL || *summons == '\0')
		return 0;
	if (strlen(summons) > TYPE_SUMMONS_MAX)
		return error_set(err, ERROR_INPUT, _("type summons: longer "
		    "than %d bytes"), TYPE_SUMMONS_MAX);
	for (p = summons;; p += len + 1) {
		len = strcspn(p, ",|");
		snprintf(name, sizeof name, "%.*s", (int)len, p);
		if (profession_validate(name, err) == -1) {
			error_prefix(err, _("type summons: "));
			return -1;
		}
		if (p[len] == '\0')
			return 0;
	}
}

/* s without the spaces (ASCII or 全角) at its ends, as n bytes. */
static const char *
trim(const char *s, size_t *n)
{
	while (*n > 0 && (*s == ' ' || *s == '\t')) {
		s++;
		(*n)--;
	}
	while (*n >= 3 && strncmp(s, "　", 3) == 0) {
		s += 3;
		*n -= 3;
	}
	while (*n > 0 && (s[*n - 1] == ' ' || s[*n - 1] == '\t'))
		(*n)--;
	while (*n >= 3 && strncmp(s + *n - 3, "　", 3) == 0)
		*n -= 3;
	return s;
}

int
type_summons_normalize(const char *in, char **out, struct error *err)
{
	char		*buf, *w;
	const char	*p, *name;
	size_t		 n, len;

	*out = NULL;
	if (*in == '\0' || strcmp(in, "-") == 0)
		return 0;
	w = buf = xmalloc(strlen(in) + 1);
	for (p = in;; p += n) {
		/* a name ends at ',', '|', '、' or the end */
		for (n = 0; p[n] != '\0' && p[n] != ',' && p[n] != '|' &&
		    strncmp(p + n, "、", 3) != 0; n++)
			continue;
		len = n;
		name = trim(p, &len);
		memcpy(w, name, len);
		w += len;
		if (p[n] == '\0')
			break;
		*w++ = p[n] == '|' ? '|' : ',';
		n += p[n] == ',' || p[n] == '|' ? 1 : 3;
	}
	*w = '\0';
	if (type_validate_summons(buf, err) == -1) {
		free(buf);
		return -1;
	}
	*out = buf;
	return 0;
}

const char *
type_cadence_name(enum type_cadence cadence)
{
	switch (cadence) {
	case CADENCE_MONTHLY:
		return "monthly";
	case CADENCE_AD_HOC:
		return "ad-hoc";
	case CADENCE_YEARLY:
		break;
	}
	return "yearly";
}

int
type_cadence_parse(const char *s, enum type_cadence *out, struct error *err)
{
	if (strcmp(s, "yearly") == 0 || strcmp(s, "年") == 0)
		*out = CADENCE_YEARLY;
	else if (strcmp(s, "monthly") == 0 || strcmp(s, "毎月") == 0)
		*out = CADENCE_MONTHLY;
	else if (strcmp(s, "ad-hoc") == 0 || strcmp(s, "随時") == 0)
		*out = CADENCE_AD_HOC;
	else
		return error_set(err, ERROR_INPUT, _("invalid cadence '%s': "
		    "expected yearly, monthly or ad-hoc"), s);
	return 0;
}

int
type_length_parse(const char *s, int *out, struct error *err)
{
	const char	*p = s;
	long		 whole = 0, tenths = 0;
	int		 digits = 0, hours;

	while (*p >= '0' && *p <= '9' && digits < 6) {
		whole = whole * 10 + (*p++ - '0');
		digits++;
	}
	if (digits > 0 && *p == '.' && p[1] >= '0' && p[1] <= '9' &&
	    (p[2] < '0' || p[2] > '9')) {
		tenths = p[1] - '0';
		p += 2;
	}
	hours = strcmp(p, "h") == 0 || strcmp(p, "時間") == 0;
	if (digits == 0 || (!hours && tenths != 0) || (!hours && *p != '\0' &&
	    strcmp(p, "m") != 0 && strcmp(p, "min") != 0 &&
	    strcmp(p, "分") != 0))
		return error_set(err, ERROR_INPUT, _("length '%s': minutes "
		    "(90) or hours (1.5h)"), s);
	if (hours)
		whole = whole * 60 + tenths * 6;
	if (whole < 1 || whole > TYPE_LENGTH_MAX)
		return error_set(err, ERROR_INPUT, _("length '%s': 1 minute "
		    "to %d hours"), s, TYPE_LENGTH_MAX / 60);
	*out = (int)whole;
	return 0;
}

int
type_length_or_default(const struct meeting_type *t)
{
	return t != NULL && t->length > 0 ? t->length : TYPE_LENGTH_DEFAULT;
}
