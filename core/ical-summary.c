/*
 * ical-summary.c -- the SUMMARY wording of a meeting's event, written by
 * the export and read back by the import: 【中止】, the type's name, the
 * center in （）, the mode in ［］, all full-width as Japanese office
 * calendars show them.
 */
#include <stdio.h>
#include <string.h>

#include "ical-summary.h"

#define CANCELLED	"【中止】"
#define CENTER_OPEN	"（"
#define CENTER_CLOSE	"）"
#define MODE_OPEN	"［"
#define MODE_CLOSE	"］"

void
ical_summary_format(const struct meeting *m, const struct catalog *cat,
    char *buf, size_t size)
{
	const struct meeting_type	*t = catalog_type_by_id(cat,
					    m->type_id);
	const struct center		*c = catalog_center_by_id(cat,
					    m->center_id);

	snprintf(buf, size, "%s%s%s%s%s" MODE_OPEN "%s" MODE_CLOSE,
	    m->status == STATUS_CANCELLED ? CANCELLED : "",
	    t != NULL ? t->name : "?", c != NULL ? CENTER_OPEN : "",
	    c != NULL ? c->name : "", c != NULL ? CENTER_CLOSE : "",
	    meeting_mode_label(m->mode));
}

static int
ends_with(const char *s, size_t len, const char *suffix)
{
	size_t	n = strlen(suffix);

	return len >= n && memcmp(s + len - n, suffix, n) == 0;
}

/* The last word in s, or NULL. */
static char *
last_of(char *s, const char *word)
{
	char	*p, *last = NULL;

	for (p = s; (p = strstr(p, word)) != NULL; p += strlen(word))
		last = p;
	return last;
}

/*
 * "type（center）" (of length len) where both are names of cat, the
 * type a regional one: names may hold brackets too, so each （ is
 * tried as the one that opens the center. 0 if one is.
 */
static int
split_center(char *buf, size_t len, const struct catalog *cat,
    struct ical_summary *out)
{
	const struct meeting_type	*type;
	const struct center		*center;
	size_t				 close = len - strlen(CENTER_CLOSE);
	char				*open;
	int				 rc = -1;

	buf[close] = '\0';
	for (open = strstr(buf, CENTER_OPEN); open != NULL && rc == -1;
	    open = strstr(open + strlen(CENTER_OPEN), CENTER_OPEN)) {
		*open = '\0';
		type = catalog_type_by_label(cat, buf);
		*open = CENTER_OPEN[0];
		if (type == NULL || type->level != LEVEL_REGIONAL)
			continue;
		center = catalog_center_by_name(cat,
		    open + strlen(CENTER_OPEN));
		if (center != NULL) {
			out->type = type;
			out->center = center;
			rc = 0;
		}
	}
	buf[close] = CENTER_CLOSE[0];
	return rc;
}

int
ical_summary_parse(const char *summary, const struct catalog *cat,
    struct ical_summary *out)
{
	char	 buf[ICAL_SUMMARY_MAX], *open, *close;
	size_t	 len;
	int	 named = 0;

	memset(out, 0, sizeof *out);
	if (strncmp(summary, CANCELLED, strlen(CANCELLED)) == 0) {
		out->cancelled = 1;
		summary += strlen(CANCELLED);
	}
	if ((len = strlen(summary)) >= sizeof buf)
		return -1;
	memcpy(buf, summary, len + 1);

	/* ［mode］ at the end; no mode's name holds a bracket */
	if (ends_with(buf, len, MODE_CLOSE)) {
		buf[len - strlen(MODE_CLOSE)] = '\0';
		if ((open = last_of(buf, MODE_OPEN)) != NULL) {
			if (meeting_mode_parse(open + strlen(MODE_OPEN),
			    &out->mode, NULL) == 0)
				out->has_mode = 1;
			*open = '\0';
			len = strlen(buf);
		} else
			buf[len - strlen(MODE_CLOSE)] = MODE_CLOSE[0];
	}

	/* type（center）, or a type alone (a city-level one) */
	if (ends_with(buf, len, CENTER_CLOSE) &&
	    split_center(buf, len, cat, out) == 0)
		named = 1;
	else if ((out->type = catalog_type_by_label(cat, buf)) != NULL)
		named = 1;
	else if ((close = strstr(buf, CENTER_CLOSE)) != NULL &&
	    close + strlen(CENTER_CLOSE) == buf + len &&
	    (open = strstr(buf, CENTER_OPEN)) != NULL && open < close) {
		/* not all known: what is, as a foreign SUMMARY may say it */
		*close = '\0';
		out->center = catalog_center_by_name(cat,
		    open + strlen(CENTER_OPEN));
		*open = '\0';
		out->type = catalog_type_by_label(cat, buf);
	}
	return named && out->has_mode ? 0 : -1;
}
