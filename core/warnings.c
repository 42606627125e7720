/*
 * warnings.c -- the warnings about one meeting before it is saved: the
 * day off it falls on and the meetings of its center it clashes with,
 * each told in words that name them (check.c finds the same in a whole
 * year's plan).
 */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "holiday.h"
#include "i18n.h"
#include "warnings.h"

/* "令和3年12月12日(日) 13:30-15:00", the time left out when none. */
static void
day_and_time(const struct meeting *m, char *buf, size_t size)
{
	char	day[DATE_JA_LEN], from[TIME_LEN], to[TIME_LEN];

	date_format_japanese(m->date, day, sizeof day);
	if (m->start < 0) {
		snprintf(buf, size, "%s", day);
		return;
	}
	time_format(m->start, from, sizeof from);
	if (m->end < 0) {
		snprintf(buf, size, "%s %s", day, from);
		return;
	}
	time_format(m->end, to, sizeof to);
	snprintf(buf, size, "%s %s-%s", day, from, to);
}

static void
warn_day_off(const struct warnings_input *in, const struct meeting *m,
    struct finding_list *out)
{
	char	day[DATE_JA_LEN], closure[CLOSURE_LEN], msg[512];

	date_format_japanese(m->date, day, sizeof day);
	switch (workday_rest_of(m->date, in->closure)) {
	case REST_NONE:
		return;
	case REST_HOLIDAY:
		snprintf(msg, sizeof msg, _("%s is a national holiday (%s)"),
		    day, holiday_name(m->date));
		break;
	case REST_SATURDAY:
		snprintf(msg, sizeof msg, _("%s is a Saturday"), day);
		break;
	case REST_SUNDAY:
		snprintf(msg, sizeof msg, _("%s is a Sunday"), day);
		break;
	default:
		closure_format(in->closure, closure, sizeof closure);
		snprintf(msg, sizeof msg, _("%s is in the office closure "
		    "(%s)"), day, closure);
		break;
	}
	finding_list_add(out, CHECK_NON_WORKING_DAY, m, msg);
}

static void
warn_clash(const struct warnings_input *in, const struct meeting *m,
    const struct meeting *other, struct finding_list *out)
{
	const struct meeting_type	*t;
	const struct center		*c;
	struct finding			*f;
	char				 when[DATE_JA_LEN + 16], msg[1024];

	t = catalog_type_by_id(in->catalog, other->type_id);
	c = catalog_center_by_id(in->catalog, other->center_id);
	day_and_time(other, when, sizeof when);
	if (m->start < 0 || other->start < 0)
		snprintf(msg, sizeof msg, _("clashes with meeting %ld (%s, %s "
		    "at %s): the same day, and one of them has no time"),
		    other->id, when, t != NULL ? t->name : "?",
		    c != NULL ? c->name : "?");
	else
		snprintf(msg, sizeof msg, _("clashes with meeting %ld (%s, %s "
		    "at %s): the times overlap"), other->id, when,
		    t != NULL ? t->name : "?", c != NULL ? c->name : "?");
	f = finding_list_add(out, CHECK_CLASH, m, msg);
	f->meeting_ids[1] = other->id;
}

void
warnings_find(const struct warnings_input *in, const struct meeting *m,
    struct finding_list *out)
{
	const struct meeting	*other;
	size_t			 i;

	if (m->status == STATUS_CANCELLED)
		return;
	warn_day_off(in, m, out);
	for (i = 0; in->others != NULL && i < in->others->count; i++) {
		other = &in->others->items[i];
		/* the row m replaces is no other meeting */
		if (m->id != 0 && other->id == m->id)
			continue;
		if (check_meetings_clash(m, other))
			warn_clash(in, m, other, out);
	}
}

static int
is_known(const struct finding *f, const struct finding_list *before)
{
	const struct finding	*b;
	size_t			 i;

	for (i = 0; i < before->count; i++) {
		b = &before->items[i];
		if (b->kind == f->kind && b->has_date == f->has_date &&
		    date_compare(b->date, f->date) == 0 &&
		    b->meeting_ids[1] == f->meeting_ids[1])
			return 1;
	}
	return 0;
}

void
warnings_drop_known(struct finding_list *now,
    const struct finding_list *before)
{
	size_t	i, kept = 0;

	for (i = 0; i < now->count; i++) {
		if (is_known(&now->items[i], before)) {
			free(now->items[i].message);
			continue;
		}
		now->items[kept++] = now->items[i];
	}
	now->count = kept;
}
