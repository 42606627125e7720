/*
 * profile.c -- reading a city profile.
 */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "alloc.h"
#include "csv.h"
#include "i18n.h"
#include "paths.h"
#include "profile.h"
#include "text.h"

#define MAX_FIELDS	24	/* a summons: a profession a field */

const char *
profile_data_dir(void)
{
	return paths_data_dir();
}

static int
parse_target(const char *s, int *out)
{
	char	*end;
	long	 v;

	if (strcmp(s, "-") == 0) {
		*out = -1;
		return 0;
	}
	v = strtol(s, &end, 10);
	if (*s == '\0' || *end != '\0' || v < 0 || v > 1000)
		return -1;
	*out = (int)v;
	return 0;
}

/* A printout's words: one line of text. */
static int
parse_words(const char *what, const char *s, char **out, struct error *err)
{
	if (*s == '\0' || strlen(s) > 200 || !text_utf8_valid(s, strlen(s)) ||
	    text_has_control(s, 0))
		return error_set(err, ERROR_INPUT, _("%s: 1-200 bytes of UTF-8 "
		    "text"), what);
	free(*out);
	*out = xstrdup(s);
	return 0;
}

/* A date, or a fiscal year standing for its first day. */
static int
parse_started(const char *s, struct center *c, struct error *err)
{
	struct error	ignored;
	int		fy;

	if (date_parse(s, &c->started, &ignored) == -1) {
		if (date_parse_fiscal_year(s, &fy, &ignored) == -1)
			return error_set(err, ERROR_INPUT, _("center '%s': "
			    "start '%s' is neither a date nor a fiscal year"),
			    c->name, s);
		c->started = date_fiscal_year_start(fy);
	}
	c->has_started = 1;
	return 0;
}

/*
 * followup interim|final INTERVAL, followup types CODES: when a case's
 * follow-ups fall due (followup.h). The types are checked against the
 * profile's once it is read (profile_load), as they may come later.
 */
static int
parse_followup(struct profile *p, char **f, size_t n, struct error *err)
{
	struct followup_interval	*interval;
	enum case_stage			 stage;

	if (n != 3)
		return error_set(err, ERROR_INPUT, _("followup: expected "
		    "'interim', 'final' or 'types' and its value"));
	if (strcmp(f[1], "types") == 0) {
		if (followup_types_parse(f[2], NULL, p->followup.types,
		    sizeof p->followup.types, err) == -1)
			return -1;
		p->has_followup_types = 1;
		return 0;
	}
	if (case_stage_parse(f[1], &stage, err) == -1 ||
	    stage == STAGE_INITIAL)
		return error_set(err, ERROR_INPUT, _("followup: '%s' is not "
		    "interim (中間), final (終了前) or types"), f[1]);
	interval = stage == STAGE_INTERIM ? &p->followup.interim :
	    &p->followup.final;
	if (followup_interval_parse(f[2], interval, err) == -1)
		return -1;
	if (stage == STAGE_INTERIM)
		p->has_interim = 1;
	else
		p->has_final = 1;
	return 0;
}

/* The type of a scheduling line, named by its code. */
static struct meeting_type *
schedule_type(struct profile *p, const char *code, struct error *err)
{
	size_t	i;

	for (i = 0; i < p->catalog.ntypes; i++)
		if (strcmp(p->catalog.types[i].code, code) == 0)
			return &p->catalog.types[i];
	error_set(err, ERROR_INPUT, _("unknown meeting type '%s' (its 'type' "
	    "line comes first)"), code);
	return NULL;
}

static int
parse_capacity(const char *s, int *out)
{
	char	*end;
	long	 v = strtol(s, &end, 10);

	if (*s < '0' || *s > '9' || *end != '\0' || v < 1 ||
	    v > TYPE_CAPACITY_MAX)
		return -1;
	*out = (int)v;
	return 0;
}

/*
 * How a type is scheduled, and how advisors are booked (profile.h):
 * 1 when the line is one of these, 0 when not, -1 on an error.
 */
static int
parse_schedule_line(struct profile *p, char **f, size_t n,
    struct error *err)
{
	struct meeting_type	*t;
	char			*summons, *list;
	size_t			 i, len, size;
	int			 rc;

	if (strcmp(f[0], "advisor-day") == 0 && n == 2) {
		if (strcmp(f[1], "one-center") != 0 &&
		    strcmp(f[1], "any") != 0)
			return error_set(err, ERROR_INPUT, _("advisor-day: "
			    "one-center or any"));
		p->one_center_a_day = strcmp(f[1], "one-center") == 0;
		return 1;
	}
	if (!((strcmp(f[0], "length") == 0 && n == 3) ||
	    (strcmp(f[0], "capacity") == 0 && (n == 3 || n == 4)) ||
	    (strcmp(f[0], "cadence") == 0 && n == 3) ||
	    (strcmp(f[0], "summons") == 0 && n >= 3)))
		return 0;
	if ((t = schedule_type(p, f[1], err)) == NULL)
		return -1;
	if (strcmp(f[0], "length") == 0) {
		if (type_length_parse(f[2], &t->length, err) == -1)
			return -1;
	} else if (strcmp(f[0], "capacity") == 0) {
		if (parse_capacity(f[2], &t->capacity) == -1 || (n == 4 &&
		    strcmp(f[3], "lecture") != 0))
			return error_set(err, ERROR_INPUT, _("capacity: "
			    "cases a meeting takes (1-%d), then 'lecture' "
			    "when a mini lecture comes besides"),
			    TYPE_CAPACITY_MAX);
		t->lecture = n == 4;
	} else if (strcmp(f[0], "cadence") == 0) {
		if (type_cadence_parse(f[2], &t->cadence, err) == -1)
			return -1;
	} else {
		/* summons: a profession a field, joined as it is stored */
		for (i = 2, size = 1; i < n; i++)
			size += strlen(f[i]) + 1;
		list = xmalloc(size);
		for (i = 2, len = 0; i < n; i++)
			len += (size_t)snprintf(list + len, size - len, "%s%s",
			    i > 2 ? "," : "", f[i]);
		rc = type_summons_normalize(list, &summons, err);
		free(list);
		if (rc == -1)
			return -1;
		free(t->summons);
		t->summons = summons;
	}
	return type_validate(t, err) == -1 ? -1 : 1;
}

static int
parse_line(struct profile *p, char *line, const char *path, long lineno,
    struct error *err)
{
	char			*f[MAX_FIELDS];
	size_t			 n = text_split_tabs(line, f, MAX_FIELDS);
	struct meeting_type	 t;
	struct center		 c;
	int			 rc;

	if (strcmp(f[0], "city") == 0 && n == 2) {
		free(p->city);
		p->city = xstrdup(f[1]);
		return 0;
	}
	if ((strcmp(f[0], "title") == 0 || strcmp(f[0], "caption") == 0) &&
	    n == 2) {
		if (parse_words(f[0], f[1], f[0][0] == 't' ? &p->title :
		    &p->caption, err) == -1)
			goto bad;
		return 0;
	}
	if (strcmp(f[0], "center") == 0 && (n == 2 || n == 3)) {
		if (center_validate_name(f[1], err) == -1)
			goto bad;
		memset(&c, 0, sizeof c);
		c.name = f[1];
		if (n == 3 && parse_started(f[2], &c, err) == -1)
			goto bad;
		c.position = (int)p->catalog.ncenters + 1;
		catalog_add_center(&p->catalog, &c);
		return 0;
	}
	if (strcmp(f[0], "type") == 0 && (n == 8 || n == 9)) {
		memset(&t, 0, sizeof t);
		t.group = n == 9 ? f[8] : NULL;
		t.code = f[1];
		t.name = f[2];
		t.short_name = f[3];
		if (type_level_parse(f[4], &t.level, err) == -1)
			goto bad;
		if (parse_target(f[5], &t.target_min) == -1 ||
		    parse_target(f[6], &t.target_max) == -1) {
			error_set(err, ERROR_INPUT, _("target: a number or "
			    "'-'"));
			goto bad;
		}
		if (strcmp(f[7], "cases") != 0 && strcmp(f[7], "-") != 0) {
			error_set(err, ERROR_INPUT, _("last field: 'cases' or "
			    "'-'"));
			goto bad;
		}
		t.counts_cases = strcmp(f[7], "cases") == 0;
		t.position = (int)p->catalog.ntypes + 1;
		if (type_validate(&t, err) == -1)
			goto bad;
		catalog_add_type(&p->catalog, &t);
		return 0;
	}
	if (strcmp(f[0], "followup") == 0) {
		if (parse_followup(p, f, n, err) == -1)
			goto bad;
		return 0;
	}
	if ((rc = parse_schedule_line(p, f, n, err)) != 0) {
		if (rc == 1)
			return 0;
		goto bad;
	}
	error_set(err, ERROR_INPUT, _("expected 'city', 'title', 'caption', "
	    "'type', 'center', 'length', 'capacity', 'cadence', 'summons', "
	    "'advisor-day' or 'followup' with its tab-separated fields"));
bad:
	error_prefix(err, "%s:%ld: ", path, lineno);
	return -1;
}

/* The follow-up rules as a whole, once the types are known. */
static int
profile_check_followup(struct profile *p, const char *path,
    struct error *err)
{
	char	types[FOLLOWUP_TYPES_LEN];

	if (followup_types_parse(p->followup.types, &p->catalog, types,
	    sizeof types, err) == 0 &&
	    followup_rules_check(&p->followup, err) == 0)
		return 0;
	error_prefix(err, "%s: followup: ", path);
	profile_free(p);
	return -1;
}

int
profile_load(const char *path, const char *name, struct profile *p,
    struct error *err)
{
	char	*data, *cursor, *line;
	size_t	 len;
	long	 lineno = 0;

	memset(p, 0, sizeof *p);
	catalog_init(&p->catalog);
	followup_rules_default(&p->followup);
	if (file_read_all(path, 1024 * 1024, &data, &len, err) == -1)
		return -1;
	p->name = xstrdup(name);
	cursor = data;
	while ((line = text_next_line(&cursor, &lineno)) != NULL) {
		if (parse_line(p, line, path, lineno, err) == -1) {
			free(data);
			profile_free(p);
			return -1;
		}
	}
	free(data);
	if (p->city == NULL || p->catalog.ntypes == 0) {
		profile_free(p);
		return error_set(err, ERROR_INPUT, _("%s: a profile needs a "
		    "'city' line and at least one 'type'"), path);
	}
	return profile_check_followup(p, path, err);
}

void
profile_free(struct profile *p)
{
	free(p->name);
	free(p->city);
	free(p->title);
	free(p->caption);
	catalog_free(&p->catalog);
	memset(p, 0, sizeof *p);
}
