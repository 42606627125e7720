/*
 * form-advisors.c -- booking advisors from the meeting form (F3): a pick
 * list of those booked for the meeting, to take one off, and of those
 * free that day of each profession its type summons (any profession
 * when it summons none), to book one. Each choice is one action, as
 * `carecal assign` and `unassign` are, and `u` takes it back.
 */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "alloc.h"
#include "i18n.h"
#include "tui.h"

/* One line of the pick: an advisor to book or take off, or a need. */
struct choice {
	char		*text;
	size_t		 advisor;	/* index in the book's list */
	int		 booked;	/* choosing takes them off */
	int		 none;		/* a need nobody can meet that day */
};

struct choices {
	struct choice	*items;
	size_t		 count;
};

static void
choice_add(struct choices *c, const char *text, size_t advisor, int booked,
    int none)
{
	c->items = xreallocarray(c->items, c->count + 1, sizeof *c->items);
	c->items[c->count].text = xstrdup(text);
	c->items[c->count].advisor = advisor;
	c->items[c->count].booked = booked;
	c->items[c->count].none = none;
	c->count++;
}

static void
choices_free(struct choices *c)
{
	size_t	i;

	for (i = 0; i < c->count; i++)
		free(c->items[i].text);
	free(c->items);
	memset(c, 0, sizeof *c);
}

/* Whether advisor i of the book is booked for meeting id. */
static int
is_booked(const struct advisor_book *book, size_t i, long id)
{
	size_t	k;

	for (k = 0; k < book->assignments.count; k++)
		if (book->assignments.items[k].meeting_id == id &&
		    book->assignments.items[k].advisor_id ==
		    book->advisors.items[i].id)
			return 1;
	return 0;
}

static int
book_load(struct tui *tui, const struct meeting *m, struct advisor_book *b,
    struct error *err)
{
	return store_advisor_book_load(tui->store, tui->catalog, m->date,
	    m->date, b, err);
}

void
form_advisors_line(struct tui *tui, const struct meeting *m, char *buf,
    size_t size)
{
	struct advisor_book	 book;
	struct error		 err;
	const struct advisor	*a;
	size_t			 i, len, n = 0;

	snprintf(buf, size, "%s", "");
	if (m->id == 0 || book_load(tui, m, &book, &err) == -1) {
		if (m->id != 0)
			advisor_book_free(&book);
		return;
	}
	for (i = 0; i < book.advisors.count; i++) {
		if (!is_booked(&book, i, m->id))
			continue;
		a = &book.advisors.items[i];
		len = strlen(buf);
		snprintf(buf + len, size - len, "%s%s (%s)", n++ > 0 ?
		    ", " : "", a->name, a->profession);
	}
	advisor_book_free(&book);
}

/* The lines of the pick for meeting m. */
static void
choices_make(struct tui *tui, const struct advisor_book *book,
    const struct meeting *m, struct choices *c)
{
	const struct meeting_type	*t;
	struct summons			 need;
	size_t				*free_ones, i, k, n;
	char				 line[512];

	memset(c, 0, sizeof *c);
	for (i = 0; i < book->advisors.count; i++)
		if (is_booked(book, i, m->id)) {
			snprintf(line, sizeof line, _("* %s (%s): booked; "
			    "Enter takes them off"),
			    book->advisors.items[i].name,
			    book->advisors.items[i].profession);
			choice_add(c, line, i, 1, 0);
		}
	t = catalog_type_by_id(tui->catalog, m->type_id);
	summons_parse(t != NULL ? t->summons : NULL, &need);
	free_ones = xcalloc(book->advisors.count + 1, sizeof *free_ones);
	for (k = 0; k < (need.count > 0 ? need.count : 1); k++) {
		n = advisor_calendar_free_for(&book->calendar, need.count > 0 ?
		    &need.needs[k] : NULL, m, free_ones);
		for (i = 0; i < n; i++) {
			if (is_booked(book, free_ones[i], m->id))
				continue;
			snprintf(line, sizeof line, "  %s (%s)",
			    book->advisors.items[free_ones[i]].name,
			    book->advisors.items[free_ones[i]].profession);
			choice_add(c, line, free_ones[i], 0, 0);
		}
		if (n == 0 && need.count > 0) {
			snprintf(line, sizeof line, _("- %s: nobody free "
			    "that day"), need.needs[k].label);
			choice_add(c, line, 0, 0, 1);
		}
	}
	free(free_ones);
	summons_free(&need);
}

int
form_advisors_pick(struct tui *tui, const struct meeting *m, char *msg,
    size_t size)
{
	struct advisor_book	 book;
	struct choices		 c;
	struct error		 err;
	const struct advisor	*a;
	const char		**names;
	char			 title[256], day[DATE_JA_LEN], what[64];
	size_t			 i;
	int			 k, rc = 0;

	if (book_load(tui, m, &book, &err) == -1) {
		advisor_book_free(&book);
		snprintf(msg, size, "%s", err.msg);
		return -1;
	}
	choices_make(tui, &book, m, &c);
	if (c.count == 0) {
		snprintf(msg, size, "%s", _("no advisor can come that day "
		    "('carecal advisor add' adds them)"));
		goto done;
	}
	names = xcalloc(c.count, sizeof *names);
	for (i = 0; i < c.count; i++)
		names[i] = c.items[i].text;
	date_format_japanese(m->date, day, sizeof day);
	snprintf(title, sizeof title, _("Advisors for %s"), day);
	k = pick_one(tui, title, names, c.count, 0);
	free(names);
	if (k < 0) {
		snprintf(msg, size, "%s", "");
		goto done;
	}
	if (c.items[k].none) {
		snprintf(msg, size, "%s", c.items[k].text + 2);
		goto done;
	}
	a = &book.advisors.items[c.items[k].advisor];
	snprintf(what, sizeof what, "tui: %s %ld", c.items[k].booked ?
	    "unassign" : "assign", m->id);
	if (store_assign_action(tui->store, m->id, a->id, !c.items[k].booked,
	    what, &err) == -1) {
		snprintf(msg, size, "%s", err.msg);
		rc = -1;
	} else {
		snprintf(msg, size, c.items[k].booked ? _("took %s (%s) off "
		    "the meeting") : _("booked %s (%s)"), a->name,
		    a->profession);
		rc = 1;
	}
done:
	choices_free(&c);
	advisor_book_free(&book);
	return rc;
}
