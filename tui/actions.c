/*
 * actions.c -- what the keys do to meetings: add, edit, cancel, delete
 * and duplicate, each one transaction recorded in the history as
 * "tui: ...", each working on the row as it is now in the database;
 * and undo, which takes the last of them (or of any command) back.
 */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "action-words.h"
#include "alloc.h"
#include "i18n.h"
#include "text.h"
#include "tui.h"

/* A short description for pick lists and questions. */
static void
describe(struct tui *tui, const struct meeting *m, char *buf, size_t size)
{
	const struct meeting_type	*t = catalog_type_by_id(tui->catalog,
					    m->type_id);
	const struct center		*c = catalog_center_by_id(tui->catalog,
					    m->center_id);
	char				 day[32], times[16];

	draw_format_day(m->date, day, sizeof day);
	draw_format_times(m, times, sizeof times);
	snprintf(buf, size, "%s %s%s%s %s %s", day, times, *times != '\0' ?
	    " " : "", t != NULL ? t->name : "?", c != NULL ? c->name : "",
	    meeting_mode_label(m->mode));
}

/* In the month view the cursor is on a day: choose among its meetings. */
static long
pick_of_day(struct tui *tui)
{
	const char	**names;
	char		**text;
	long		 *ids, id = 0;
	size_t		  i, n = 0;
	int		  k;

	names = xcalloc(tui->meetings.count + 1, sizeof *names);
	text = xcalloc(tui->meetings.count + 1, sizeof *text);
	ids = xcalloc(tui->meetings.count + 1, sizeof *ids);
	for (i = 0; i < tui->meetings.count; i++) {
		if (date_compare(tui->meetings.items[i].date,
		    tui->sel.date) != 0)
			continue;
		text[n] = xmalloc(256);
		describe(tui, &tui->meetings.items[i], text[n], 256);
		names[n] = text[n];
		ids[n++] = tui->meetings.items[i].id;
	}
	if (n == 1)
		id = ids[0];
	else if (n > 1 && (k = pick_one(tui, _("Which meeting?"), names, n,
	    0)) >= 0)
		id = ids[k];
	else if (n == 0)
		tui_message(tui, 0, "%s", _("no meeting on this day"));
	for (i = 0; i < n; i++)
		free(text[i]);
	free(text);
	free(names);
	free(ids);
	return id;
}

/* The meeting under the cursor, read again: 0, or -1 (message set). */
static int
selected_meeting(struct tui *tui, struct meeting *m)
{
	struct error	err;
	long		id = tui->sel.meeting_id;
	int		rc;

	if (tui->sel.whole_day && (id = pick_of_day(tui)) == 0)
		return -1;
	if (id == 0) {
		tui_message(tui, 0, "%s", _("no meeting under the cursor "
		    "(a: add one)"));
		return -1;
	}
	meeting_init(m);
	if ((rc = store_meeting_get(tui->store, id, m, &err)) == 0)
		return 0;
	if (rc == 1)
		tui_message(tui, 1, _("meeting %ld is gone: someone deleted "
		    "it"), id);
	else
		tui_message(tui, 1, "%s", err.msg);
	tui_reload(tui);
	return -1;
}

/* Show m after a change, in its own fiscal year. */
static void
show_meeting(struct tui *tui, const struct meeting *m)
{
	tui->sel.meeting_id = m->id;
	tui->sel.date = m->date;
	tui->sel.center_id = m->center_id;
	tui->sel.type_id = m->type_id;
	tui->fiscal_year = date_fiscal_year(m->date);
	tui_reload(tui);
}

/*
 * m saved as one action recorded as what (store_meeting_save), once its
 * warnings are answered; 0, or -1 with the message set.
 */
static int
save_meeting(struct tui *tui, const char *what, struct meeting *m)
{
	struct finding_list	warnings;
	struct error		err;
	int			go;

	if (store_meeting_check(tui->store, tui->catalog, m, &warnings,
	    &err) == -1) {
		tui_message(tui, 1, "%s", err.msg);
		return -1;
	}
	go = prompt_warnings(tui, &warnings);
	finding_list_free(&warnings);
	if (!go) {
		tui_message(tui, 0, "%s", _("nothing saved"));
		return -1;
	}
	if (store_meeting_save(tui->store, tui->catalog, m, what,
	    &err) == -1) {
		tui_message(tui, 1, "%s", err.msg);
		tui_reload(tui);
		return -1;
	}
	return 0;
}

void
action_add(struct tui *tui)
{
	const struct meeting_type	*t;
	struct meeting			 m;
	size_t				 i;

	meeting_init(&m);
	/*
	 * The day of the cursor in the views of days (month, week); on a
	 * cell of the grid, or a meeting of the agenda, its center and
	 * type only: a copy of its date would be a second meeting that day
	 * (form.c leaves a date of year 0 empty).
	 */
	if (tui_view_is(tui, &view_month) || tui_view_is(tui, &view_week))
		m.date = tui->sel.date;
	else
		memset(&m.date, 0, sizeof m.date);
	if ((t = catalog_type_by_id(tui->catalog, tui->sel.type_id)) == NULL)
		for (i = 0; i < tui->catalog->ntypes && t == NULL; i++)
			if (tui->catalog->types[i].level == LEVEL_REGIONAL)
				t = &tui->catalog->types[i];
	if (t != NULL) {
		m.type_id = t->id;
		if (t->level == LEVEL_REGIONAL)
			m.center_id = tui->sel.center_id;
	}
	switch (form_meeting(tui, &m)) {
	case FORM_SAVED:
		tui_message(tui, 0, _("meeting %ld added"), m.id);
		show_meeting(tui, &m);
		break;
	case FORM_QUIT:
		tui->quit = 1;
		break;
	default:
		break;
	}
	meeting_clear(&m);
}

void
action_edit(struct tui *tui)
{
	struct meeting	m;
	long		id;

	if (selected_meeting(tui, &m) == -1)
		return;
	id = m.id;
	switch (form_meeting(tui, &m)) {
	case FORM_SAVED:
		/* deleted meanwhile, it may have been saved as a new one */
		if (m.id != id)
			tui_message(tui, 0, _("meeting %ld added (%ld was "
			    "deleted)"), m.id, id);
		else
			tui_message(tui, 0, _("meeting %ld saved"), m.id);
		show_meeting(tui, &m);
		break;
	case FORM_QUIT:
		tui->quit = 1;
		break;
	default:
		/* a refused save may have brought news */
		tui_reload(tui);
		break;
	}
	meeting_clear(&m);
}

void
action_cancel(struct tui *tui)
{
	struct meeting	m;
	char		what[64];

	if (selected_meeting(tui, &m) == -1)
		return;
	if (m.status == STATUS_CANCELLED)
		tui_message(tui, 0, _("meeting %ld is already cancelled"),
		    m.id);
	else {
		m.status = STATUS_CANCELLED;
		snprintf(what, sizeof what, "tui: cancel %ld", m.id);
		if (save_meeting(tui, what, &m) == 0) {
			tui_message(tui, 0, _("meeting %ld cancelled (中止)"),
			    m.id);
			show_meeting(tui, &m);
		}
	}
	meeting_clear(&m);
}

void
action_delete(struct tui *tui)
{
	struct meeting	m;
	struct error	err;
	char		what[64], desc[256], question[512];

	if (selected_meeting(tui, &m) == -1)
		return;
	describe(tui, &m, desc, sizeof desc);
	snprintf(question, sizeof question, _("Delete meeting %ld, %s?"),
	    m.id, desc);
	if (prompt_yes_no(tui, question)) {
		snprintf(what, sizeof what, "tui: delete %ld", m.id);
		if (store_meeting_remove(tui->store, m.id, m.version, what,
		    &err) == -1) {
			tui_message(tui, 1, "%s", err.msg);
			tui_reload(tui);
		} else {
			tui_message(tui, 0, _("meeting %ld deleted (kept in "
			    "the history)"), m.id);
			tui->sel.meeting_id = 0;
			tui_reload(tui);
		}
	} else
		tui_message(tui, 0, "%s", _("nothing deleted"));
	meeting_clear(&m);
}

void
action_duplicate(struct tui *tui)
{
	struct meeting	m, copy;
	struct error	err;
	char		iso[DATE_ISO_LEN], day[DATE_JA_LEN], what[96], *text;
	struct date	d;

	if (selected_meeting(tui, &m) == -1)
		return;
	date_format_iso(m.date, iso, sizeof iso);
	if (prompt_line(tui, _("Copy to date:"), iso, &text, NULL, NULL) ==
	    -1) {
		meeting_clear(&m);
		return;
	}
	if (date_parse(text, &d, &err) == -1) {
		tui_message(tui, 1, "%s", err.msg);
		free(text);
		meeting_clear(&m);
		return;
	}
	free(text);
	/*
	 * A new session: planned, its own UID and window; the cases kept,
	 * as a 個別ケア会議 usually plans as many as the last one had.
	 */
	meeting_init(&copy);
	meeting_apply(&copy, &m, MEETING_GIVEN_TYPE | MEETING_GIVEN_CENTER |
	    MEETING_GIVEN_START | MEETING_GIVEN_END | MEETING_GIVEN_MODE |
	    MEETING_GIVEN_CASES | MEETING_GIVEN_VENUE | MEETING_GIVEN_URL |
	    MEETING_GIVEN_NOTE);
	copy.date = d;
	date_format_iso(d, iso, sizeof iso);
	snprintf(what, sizeof what, "tui: duplicate %ld to %s", m.id, iso);
	date_format_japanese(d, day, sizeof day);
	if (save_meeting(tui, what, &copy) == 0) {
		tui_message(tui, 0, _("meeting %ld copied to %s as meeting "
		    "%ld"), m.id, day, copy.id);
		show_meeting(tui, &copy);
	}
	meeting_clear(&copy);
	meeting_clear(&m);
}

/*
 * u: take back this login's last action, as `carecal undo` does. A dry
 * run first says what that is (an import reverts many meetings at once)
 * and finds a conflict before anything is asked; y then undoes that very
 * action, by its number, or nothing.
 */
void
action_undo(struct tui *tui)
{
	struct undo_result	r;
	struct error		err;
	struct tui_key		key;
	char			text[2048], what[512];
	long			shown;
	int			rc;

	rc = store_undo_last(tui->store, "undo (u)", STORE_UNDO_DRY_RUN, &r,
	    &err);
	if (rc == -1) {
		/* a conflict names who and when: too long for one line */
		tui_message(tui, 1, "%s", err.msg);
		tui_draw(tui);
		prompt_box(tui, _("Cannot undo"), err.msg, &key);
		return;
	}
	if (rc == 1) {
		tui_message(tui, 0, "%s", _("nothing to undo"));
		return;
	}
	action_words(r.command, what, sizeof what);
	snprintf(text, sizeof text, _("#%ld of %s: %s\n\nmeetings changed "
	    "back: %ld, removed: %ld, brought back: %ld\n\ny  undo it\nany "
	    "other key: keep it"), r.action_id, r.at, what, r.changed,
	    r.removed, r.restored);
	if (r.bookings > 0)
		snprintf(text, sizeof text, _("#%ld of %s: %s\n\nmeetings "
		    "changed back: %ld, removed: %ld, brought back: %ld\n"
		    "advisors' bookings taken back: %ld\n\ny  undo it\nany "
		    "other key: keep it"), r.action_id, r.at, what, r.changed,
		    r.removed, r.restored, r.bookings);
	shown = r.action_id;
	undo_result_clear(&r);
	tui_draw(tui);
	prompt_box(tui, _("Undo your last change?"), text, &key);
	if (!tui_key_is(&key, 'y') && !tui_key_is(&key, 'Y')) {
		tui_message(tui, 0, "%s", _("nothing undone"));
		return;
	}
	/*
	 * The action shown, or none: another carecal of this login may have
	 * made a newer one while the question was on the screen.
	 */
	rc = store_undo_action(tui->store, "undo (u)", shown, 0, &r, &err);
	if (rc == -1) {
		tui_message(tui, 1, "%s", err.msg);
		tui_draw(tui);
		prompt_box(tui, _("Cannot undo"), err.msg, &key);
	} else if (rc == 1)
		tui_message(tui, 0, "%s", _("nothing to undo"));
	else {
		action_words(r.command, what, sizeof what);
		tui_message(tui, 0, _("undid #%ld: %s"), r.action_id, what);
		undo_result_clear(&r);
	}
	tui_reload(tui);
}

/* "Label     value" lines of the details box; value may run on. */
static void
add_line(char *buf, size_t size, const char *label, const char *value)
{
	size_t	len = strlen(buf);
	int	pad = 10 - text_width(label);

	if (value == NULL || *value == '\0')
		value = "-";
	snprintf(buf + len, size - len, "%s%*s %s\n", label, pad > 0 ? pad :
	    0, "", value);
}

void
action_details(struct tui *tui)
{
	const struct meeting_type	*t;
	const struct center		*c;
	struct meeting			 m;
	struct tui_key			 key;
	char				 text[8192], word[256], title[64];
	char				 at[64];

	if (selected_meeting(tui, &m) == -1)
		return;
	t = catalog_type_by_id(tui->catalog, m.type_id);
	c = catalog_center_by_id(tui->catalog, m.center_id);
	text[0] = '\0';
	add_line(text, sizeof text, _("Type"), t != NULL ? t->name : "?");
	add_line(text, sizeof text, _("Center"), c != NULL ? c->name : NULL);
	date_format_japanese(m.date, word, sizeof word);
	add_line(text, sizeof text, _("Date"), word);
	draw_format_times(&m, word, sizeof word);
	add_line(text, sizeof text, _("Time"), word);
	add_line(text, sizeof text, _("Mode"), meeting_mode_label(m.mode));
	add_line(text, sizeof text, _("Status"),
	    meeting_status_label(m.status));
	word[0] = '\0';
	if (m.cases >= 0)
		snprintf(word, sizeof word, "%d", m.cases);
	add_line(text, sizeof text, _("Cases"), word);
	add_line(text, sizeof text, _("Venue"), m.venue);
	add_line(text, sizeof text, _("URL"), m.url);
	add_line(text, sizeof text, _("Note"), m.note);
	word[0] = '\0';
	if (m.has_window)
		month_window_format(&m.window, word, sizeof word);
	add_line(text, sizeof text, _("Window"), word);
	date_time_local(m.created_at != NULL ? m.created_at : "", at,
	    sizeof at);
	snprintf(word, sizeof word, "%s %s", at, m.created_by != NULL ?
	    m.created_by : "");
	add_line(text, sizeof text, _("Added"), word);
	date_time_local(m.updated_at != NULL ? m.updated_at : "", at,
	    sizeof at);
	snprintf(word, sizeof word, "%s %s", at, m.updated_by != NULL ?
	    m.updated_by : "");
	add_line(text, sizeof text, _("Changed"), word);
	snprintf(title, sizeof title, _("Meeting %ld"), m.id);
	tui_draw(tui);
	prompt_box(tui, title, text, &key);
	meeting_clear(&m);
}
