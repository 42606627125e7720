/*
 * draft.c -- `P` on the year grid: the draft of the fiscal year shown
 * (core/plan.h) laid out among the stored meetings, each draft marked
 * '+'. d drops the draft under the cursor, m moves it to another day,
 * A saves them all as one action (as `carecal plan --apply`), Esc or P
 * leaves the draft unsaved.
 */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "alloc.h"
#include "i18n.h"
#include "store-plan.h"
#include "tui.h"

static struct {
	int			active;
	int			fiscal_year;
	struct plan		plan;
	struct advisor_list	advisors;	/* for the detail line */
	struct meeting_list	shown;		/* stored and drafted */
	unsigned long		shown_serial;	/* tui->meetings_serial */
	int			built;
} draft;

int
draft_active(const struct tui *tui)
{
	return draft.active && tui->fiscal_year == draft.fiscal_year;
}

void
draft_free(void)
{
	if (draft.active) {
		plan_free(&draft.plan);
		advisor_list_free(&draft.advisors);
	}
	meeting_list_free(&draft.shown);
	memset(&draft, 0, sizeof draft);
}

const struct meeting_list *
draft_shown(struct tui *tui)
{
	size_t	i;

	if (!draft_active(tui))
		return &tui->meetings;
	if (draft.built && draft.shown_serial == tui->meetings_serial)
		return &draft.shown;
	meeting_list_free(&draft.shown);
	meeting_list_init(&draft.shown);
	for (i = 0; i < tui->meetings.count; i++)
		meeting_copy(meeting_list_add(&draft.shown),
		    &tui->meetings.items[i]);
	for (i = 0; i < draft.plan.meetings.count; i++)
		if (meeting_filter_match(&tui->filter,
		    &draft.plan.meetings.items[i]))
			meeting_copy(meeting_list_add(&draft.shown),
			    &draft.plan.meetings.items[i]);
	meeting_list_sort(&draft.shown, tui->catalog);
	draft.built = 1;
	draft.shown_serial = tui->meetings_serial;
	return &draft.shown;
}

/* Something changed in the draft: the grid lays it out again. */
static void
changed(struct tui *tui)
{
	draft.built = 0;
	tui->meetings_serial++;
}

void
draft_start(struct tui *tui)
{
	struct plan_data	 data;
	struct plan_input	 in;
	struct error		 err;
	char			 year[32];
	size_t			 i;

	draft_free();
	plan_init(&draft.plan);
	if (store_plan_load(tui->store, tui->catalog, tui->fiscal_year,
	    tui->fiscal_year - 1, &data, &err) == -1) {
		plan_data_free(&data);
		tui_message(tui, 1, "%s", err.msg);
		return;
	}
	plan_data_input(&data, tui->catalog, tui->fiscal_year, &in);
	plan_make(&in, &draft.plan);
	/* the names of the advisors booked, kept after the data goes */
	advisor_list_init(&draft.advisors);
	for (i = 0; i < data.book.advisors.count; i++)
		advisor_copy(advisor_list_add(&draft.advisors),
		    &data.book.advisors.items[i]);
	plan_data_free(&data);
	draft.active = 1;
	draft.fiscal_year = tui->fiscal_year;
	date_format_fiscal_year(tui->fiscal_year, year, sizeof year);
	/* the keys first: at 80 columns the end of the line is cut */
	tui_message(tui, 0, ngettext("A save all  d drop  m move  Esc leave  "
	    "(draft of %s: %zu meeting to add, %zu notes)",
	    "A save all  d drop  m move  Esc leave  (draft of %s: %zu "
	    "meetings to add, %zu notes)", draft.plan.meetings.count), year,
	    draft.plan.meetings.count, draft.plan.nnotes);
	changed(tui);
}

/* The index in the draft of id, or -1. */
static long
index_of(long id)
{
	size_t	i;

	for (i = 0; i < draft.plan.meetings.count; i++)
		if (draft.plan.meetings.items[i].id == id)
			return (long)i;
	return -1;
}

void
draft_detail(const struct tui *tui, const struct meeting *m, char *buf,
    size_t size)
{
	const struct center		*c = catalog_center_by_id(tui->catalog,
					    m->center_id);
	const struct meeting_type	*t = catalog_type_by_id(tui->catalog,
					    m->type_id);
	const struct advisor		*a;
	size_t				 i, len;
	char				 day[DATE_JA_LEN];

	date_format_japanese(m->date, day, sizeof day);
	snprintf(buf, size, _("+ draft: %s %s %s"), day,
	    c != NULL ? c->name : "", t != NULL ? t->name : "?");
	for (i = 0; i < draft.plan.nbookings; i++) {
		if (draft.plan.bookings[i].meeting_id != m->id ||
		    (a = advisor_list_by_id(&draft.advisors,
		    draft.plan.bookings[i].advisor_id)) == NULL)
			continue;
		len = strlen(buf);
		snprintf(buf + len, size - len, " %s", a->name);
	}
	for (i = 0; i < draft.plan.nnotes; i++) {
		if (draft.plan.notes[i].center_id != m->center_id ||
		    draft.plan.notes[i].type_id != m->type_id ||
		    !draft.plan.notes[i].has_date ||
		    date_compare(draft.plan.notes[i].date, m->date) != 0)
			continue;
		len = strlen(buf);
		snprintf(buf + len, size - len, ": %s",
		    draft.plan.notes[i].message);
	}
}

static void
leave(struct tui *tui, const char *message)
{
	draft_free();
	tui->meetings_serial++;
	tui_message(tui, 0, "%s", message);
}

static void
save(struct tui *tui)
{
	struct error	err;
	size_t		booked, n = draft.plan.meetings.count;
	char		command[64], year[32];

	if (n == 0) {
		leave(tui, _("nothing to save: the draft is empty"));
		return;
	}
	snprintf(command, sizeof command, "plan --fy %d --apply (view)",
	    draft.fiscal_year);
	if (store_plan_apply(tui->store, tui->catalog, &draft.plan, command,
	    &booked, &err) == -1) {
		tui_message(tui, 1, "%s", err.msg);
		return;
	}
	date_format_fiscal_year(draft.fiscal_year, year, sizeof year);
	draft_free();
	tui_reload(tui);
	tui_message(tui, 0, _("added %zu planned meetings and %zu "
	    "advisors' bookings to %s, as one action ('carecal undo' takes "
	    "it back)\n"), n, booked, year);
	/* the message is one line */
	tui->message[strcspn(tui->message, "\n")] = '\0';
}

static void
move_to(struct tui *tui, long i)
{
	struct meeting	*m = &draft.plan.meetings.items[i];
	struct error	 err;
	struct date	 d;
	char		*text, day[DATE_JA_LEN];
	size_t		 k, j;

	date_format_iso(m->date, day, sizeof day);
	if (prompt_line(tui, _("Move the draft to:"), day, &text, NULL,
	    NULL) == -1)
		return;
	if (date_parse(text, &d, &err) == -1) {
		free(text);
		tui_message(tui, 1, "%s", err.msg);
		return;
	}
	free(text);
	if (date_fiscal_year(d) != draft.fiscal_year) {
		tui_message(tui, 1, "%s", _("a draft stays in its fiscal "
		    "year"));
		return;
	}
	m->date = d;
	/* its advisors were free on the old day, not surely on this one */
	for (k = j = 0; k < draft.plan.nbookings; k++)
		if (draft.plan.bookings[k].meeting_id != m->id)
			draft.plan.bookings[j++] = draft.plan.bookings[k];
	date_format_japanese(d, day, sizeof day);
	if (j != draft.plan.nbookings)
		tui_message(tui, 0, _("moved to %s; its advisors are no "
		    "longer booked: book them with F3 once saved"), day);
	else
		tui_message(tui, 0, _("moved to %s"), day);
	draft.plan.nbookings = j;
	tui->sel.date = d;
	changed(tui);
}

int
draft_key(struct tui *tui, const struct tui_key *key)
{
	long	i;

	if (!draft_active(tui) || key->code != 0) {
		if (tui_key_is(key, 'P')) {
			draft_start(tui);
			return 1;
		}
		return 0;
	}
	i = tui->sel.meeting_id < 0 ? index_of(tui->sel.meeting_id) : -1;
	switch (key->ch) {
	case 'P':
	case TUI_ESC:
		if (prompt_yes_no(tui, _("Leave the draft without saving it? "
		    "(y/n)")))
			leave(tui, _("the draft was left unsaved"));
		return 1;
	case 'A':
		save(tui);
		return 1;
	case 'd':
		if (i < 0) {
			tui_message(tui, 1, "%s", _("not a draft: d drops a "
			    "draft (+)"));
			return 1;
		}
		plan_drop(&draft.plan, (size_t)i);
		tui->sel.meeting_id = 0;
		tui_message(tui, 0, "%s", _("the draft was dropped"));
		changed(tui);
		return 1;
	case 'm':
		if (i < 0)
			tui_message(tui, 1, "%s", _("not a draft: m moves a "
			    "draft (+)"));
		else
			move_to(tui, i);
		return 1;
	case 'e':
	case 'c':
	case 'D':
	case 'y':
	case 'i':
	case '\r':
	case '\n':
		if (i < 0)
			return 0;
		tui_message(tui, 1, "%s", _("a draft is not stored yet: A "
		    "saves the draft, d drops it, m moves it"));
		return 1;
	}
	return 0;
}

const char *
draft_keys(void)
{
	return N_("? help  A save all  d drop  m move  Esc leave the draft");
}
