/*
 * form.c -- the meeting editor: a form of the ncurses form library with
 * pick lists (menu library) for type, center, mode and status and text
 * fields for the rest. Wrong input is shown at its field with the
 * reason; nothing is stored until the whole meeting is valid, and then
 * as one action (store_meeting_check, store_meeting_save). A save that
 * meets someone else's newer change is refused and their values shown.
 */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "alloc.h"
#include "i18n.h"
#include "text.h"
#include "tui.h"

#define LABEL_X		2
#define FIELD_X		14

enum field_id {
	F_TYPE, F_CENTER, F_DATE, F_START, F_END, F_MODE, F_STATUS, F_CASES,
	F_VENUE, F_URL, F_NOTE, F_WINDOW, NFIELDS
};

static const char *const field_labels[NFIELDS] = {
	N_("Type"), N_("Center"), N_("Date"), N_("Start"), N_("End"),
	N_("Mode"), N_("Status"), N_("Cases"), N_("Venue"), N_("URL"),
	N_("Note"), N_("Window")
};

/* The codes core names fields by (struct error's field), per field. */
static const char *const field_codes[NFIELDS] = {
	"type", "center", "date", "start", "end", "mode", "status", "cases",
	"venue", "url", "note", "window"
};

struct editor {
	struct tui	*tui;
	struct meeting	 orig;		/* as it was opened */
	struct meeting	 work;		/* the pick fields' values live here */
	char		*text[NFIELDS];	/* every field's text, kept across */
	char		*error[NFIELDS];	/* why the field is wrong */
	int		 locked[NFIELDS];	/* too long to edit here */
	char		 message[2048];
	int		 message_is_error;
	char		 advisors[1024];	/* booked, as stored (F3) */
	int		 current;
	WINDOW		*win;
	WINDOW		*sub;		/* the fields; post_form clears it */
	FIELD		*fields[NFIELDS + 1];
	FORM		*form;
};

static int
is_pick(int f)
{
	return f == F_TYPE || f == F_CENTER || f == F_MODE || f == F_STATUS;
}

static const struct meeting_type *
work_type(struct editor *ed)
{
	return catalog_type_by_id(ed->tui->catalog, ed->work.type_id);
}

/* Whether a field means anything for the type chosen. */
static int
is_active(struct editor *ed, int f)
{
	const struct meeting_type	*t = work_type(ed);

	switch (f) {
	case F_CENTER:
		return t == NULL || t->level == LEVEL_REGIONAL;
	case F_CASES:
		return t != NULL && t->counts_cases;
	case F_WINDOW:
		return t != NULL && t->level == LEVEL_CITY;
	default:
		return 1;
	}
}

static void
set_text(struct editor *ed, int f, const char *s)
{
	free(ed->text[f]);
	ed->text[f] = xstrdup(s != NULL ? s : "");
}

static void
set_error(struct editor *ed, int f, const char *s)
{
	free(ed->error[f]);
	ed->error[f] = s != NULL ? xstrdup(s) : NULL;
}

/* The text a pick field shows. */
static void
pick_texts(struct editor *ed)
{
	const struct meeting_type	*t = work_type(ed);
	const struct center		*c;

	set_text(ed, F_TYPE, t != NULL ? t->name : "");
	c = catalog_center_by_id(ed->tui->catalog, ed->work.center_id);
	set_text(ed, F_CENTER, !is_active(ed, F_CENTER) ? "-" : c != NULL ?
	    c->name : "");
	set_text(ed, F_MODE, meeting_mode_label(ed->work.mode));
	set_text(ed, F_STATUS, meeting_status_label(ed->work.status));
}

/* Every field's text from a meeting. */
static void
texts_from(struct editor *ed, const struct meeting *m)
{
	char	buf[64];

	pick_texts(ed);
	buf[0] = '\0';
	if (m->date.year != 0)	/* year 0: no date yet (action_add) */
		date_format_iso(m->date, buf, sizeof buf);
	set_text(ed, F_DATE, buf);
	buf[0] = '\0';
	if (m->start >= 0)
		time_format(m->start, buf, sizeof buf);
	set_text(ed, F_START, buf);
	buf[0] = '\0';
	if (m->end >= 0)
		time_format(m->end, buf, sizeof buf);
	set_text(ed, F_END, buf);
	buf[0] = '\0';
	if (m->cases >= 0)
		snprintf(buf, sizeof buf, "%d", m->cases);
	set_text(ed, F_CASES, buf);
	set_text(ed, F_VENUE, m->venue);
	set_text(ed, F_URL, m->url);
	set_text(ed, F_NOTE, m->note);
	buf[0] = '\0';
	if (m->has_window)
		month_window_format(&m->window, buf, sizeof buf);
	set_text(ed, F_WINDOW, buf);
}

/*
 * A field's width, whatever the window's: what is typed at 200 columns
 * stays editable at 80 (a text wider than its field is kept as is, see
 * lock_long_texts, and the fields do not scroll, see field.c).
 */
static int
field_width(int f)
{
	int	wide = TUI_MIN_COLS - FIELD_X - 2;

	switch (f) {
	case F_TYPE:
		return 26;
	case F_CENTER:
		return 16;
	case F_DATE:
		return 22;
	case F_START:
	case F_END:
		return 6;
	case F_MODE:
		return 16;
	case F_STATUS:
		return 10;
	case F_CASES:
		return 4;
	case F_WINDOW:
		return 18;
	default:
		return wide;
	}
}

static int
is_ascii(const char *s)
{
	for (; *s != '\0'; s++)
		if ((unsigned char)*s >= 0x80)
			return 0;
	return 1;
}

/*
 * A stored text that this form cannot hold (wider than the field, or
 * with line breaks) is shown but kept as it is: see field.c for why the
 * fields do not scroll.
 */
static void
lock_long_texts(struct editor *ed)
{
	static const int	 texts[] = { F_VENUE, F_URL, F_NOTE };
	size_t			 i;
	int			 f;
	const char		*s;

	for (i = 0; i < sizeof texts / sizeof texts[0]; i++) {
		f = texts[i];
		s = ed->text[f];
		if (f == F_URL)
			ed->locked[f] = !is_ascii(s);
		else
			ed->locked[f] = strchr(s, '\n') != NULL ||
			    text_width(s) > field_width(f) - 1;
	}
}

static void
editor_build(struct editor *ed)
{
	int	f, y;

	ed->win = newwin(LINES - 1, COLS, 0, 0);
	ed->sub = derwin(ed->win, NFIELDS, COLS - FIELD_X, 2, FIELD_X);
	keypad(ed->win, TRUE);
	for (f = 0; f < NFIELDS; f++) {
		y = f;
		ed->fields[f] = new_field(1, field_width(f), y, 0, 0, 0);
		field_opts_off(ed->fields[f], O_AUTOSKIP | O_BLANK);
		if (f == F_URL && !ed->locked[f]) {
			/* ASCII scrolls safely; a URL may be long */
			field_opts_off(ed->fields[f], O_STATIC);
			set_max_field(ed->fields[f], MEETING_URL_MAX);
		}
		if (is_pick(f) || ed->locked[f])
			field_opts_off(ed->fields[f], O_EDIT);
		if (!is_active(ed, f))
			field_opts_off(ed->fields[f], O_ACTIVE);
		set_field_back(ed->fields[f], is_pick(f) ? A_BOLD :
		    ed->error[f] != NULL ? A_UNDERLINE | A_BOLD |
		    draw_pair(ed->tui, PAIR_ERROR) : A_UNDERLINE);
		set_field_buffer(ed->fields[f], 0, ed->text[f]);
	}
	ed->fields[NFIELDS] = NULL;
	ed->form = new_form(ed->fields);
	/* Backspace at a field's start stays there: ed->current follows */
	form_opts_off(ed->form, O_BS_OVERLOAD);
	set_form_win(ed->form, ed->win);
	set_form_sub(ed->form, ed->sub);
}

static void
editor_destroy(struct editor *ed)
{
	int	f;

	if (ed->form == NULL)
		return;
	unpost_form(ed->form);
	free_form(ed->form);
	for (f = 0; f < NFIELDS; f++)
		free_field(ed->fields[f]);
	delwin(ed->sub);
	delwin(ed->win);
	ed->form = NULL;
	ed->win = NULL;
	ed->sub = NULL;
}

/* Keep what was typed in the current field before the form goes. */
static void
sync_current(struct editor *ed)
{
	int	f = ed->current;

	if (ed->form == NULL || is_pick(f) || ed->locked[f])
		return;
	free(ed->text[f]);
	ed->text[f] = field_text_get(ed->form, ed->fields[f]);
}

static void
editor_draw_static(struct editor *ed)
{
	char	title[128];
	int	f;

	werase(ed->win);
	if (ed->orig.id == 0)
		snprintf(title, sizeof title, "%s", _("New meeting"));
	else
		snprintf(title, sizeof title, _("Meeting %ld"), ed->orig.id);
	draw_text(ed->win, 0, LABEL_X, COLS - LABEL_X, title, A_BOLD);
	for (f = 0; f < NFIELDS; f++)
		draw_text(ed->win, 2 + f, LABEL_X, FIELD_X - LABEL_X - 1,
		    _(field_labels[f]), is_active(ed, f) ? A_NORMAL : A_DIM);
	draw_text(ed->win, 2 + NFIELDS + 3, LABEL_X, COLS - LABEL_X,
	    _("F2 or Ctrl-S save   Esc leave without saving   Tab next "
	    "field"), A_DIM);
	draw_text(ed->win, 2 + NFIELDS + 4, LABEL_X, COLS - LABEL_X,
	    _("on a list: Enter or Space to choose, Left/Right to step   "
	    "Ctrl-Q quit"), A_DIM);
}

/* The advisors booked for a stored meeting, under the keys (F3). */
static void
editor_draw_advisors(struct editor *ed, int y)
{
	char	line[1200];

	if (ed->orig.id == 0 || y >= LINES - 1)
		return;
	snprintf(line, sizeof line, _("F3 advisors: %s"),
	    ed->advisors[0] != '\0' ? ed->advisors : _("none booked"));
	draw_blank(ed->win, y, 0, COLS, A_NORMAL);
	draw_text(ed->win, y, LABEL_X, COLS - LABEL_X - 1, line, A_NORMAL);
}

/*
 * The date as it is typed, in the reader's words with its weekday
 * (令和3年12月14日(火)), beside the field: a Sunday is seen at once.
 */
static void
draw_date_preview(struct editor *ed, int x)
{
	struct error	 err;
	struct date	 d;
	char		*s, day[DATE_JA_LEN];

	if (ed->error[F_DATE] != NULL || x >= COLS)
		return;
	s = ed->current == F_DATE && ed->form != NULL ?
	    field_text_get(ed->form, ed->fields[F_DATE]) :
	    xstrdup(ed->text[F_DATE]);
	if (*s != '\0' && date_parse_in_fiscal_year(s, ed->tui->fiscal_year,
	    &d, &err) == 0) {
		date_format_japanese(d, day, sizeof day);
		draw_text(ed->win, 2 + F_DATE, x, COLS - x - 1, day,
		    A_BOLD | draw_day_attr(ed->tui, d));
	}
	free(s);
}

/* The parts that change: errors beside the fields, the message line. */
static void
editor_draw_dynamic(struct editor *ed)
{
	int	f, x, y = 2 + NFIELDS + 1;

	for (f = 0; f < NFIELDS; f++) {
		x = FIELD_X + field_width(f) + 1;
		if (x >= COLS)
			continue;
		draw_blank(ed->win, 2 + f, x, COLS - x, A_NORMAL);
		if (ed->error[f] != NULL)
			draw_text(ed->win, 2 + f, x, COLS - x - 1,
			    ed->error[f], A_BOLD |
			    draw_pair(ed->tui, PAIR_ERROR));
		else if (ed->locked[f] && f == ed->current)
			draw_text(ed->win, 2 + f, x, COLS - x - 1,
			    _("(kept as is)"), A_DIM);
		else if (f == F_DATE)
			draw_date_preview(ed, x);
	}
	draw_blank(ed->win, y, 0, COLS, A_NORMAL);
	draw_text(ed->win, y, LABEL_X, COLS - LABEL_X - 1, ed->message,
	    ed->message_is_error ? A_BOLD | draw_pair(ed->tui, PAIR_ERROR) :
	    A_NORMAL);
	editor_draw_advisors(ed, 2 + NFIELDS + 5);
}

static void
editor_post(struct editor *ed)
{
	editor_draw_static(ed);
	post_form(ed->form);
	if (!is_active(ed, ed->current))
		ed->current = F_DATE;
	set_current_field(ed->form, ed->fields[ed->current]);
	if (!is_pick(ed->current) && !ed->locked[ed->current])
		field_text_end(ed->form, ed->fields[ed->current]);
}

/* keep_typed: the current field's text is kept, not the stored one. */
static void
editor_rebuild(struct editor *ed, int keep_typed)
{
	if (keep_typed)
		sync_current(ed);
	editor_destroy(ed);
	editor_build(ed);
	editor_post(ed);
}

static void
message(struct editor *ed, int is_error, const char *s)
{
	snprintf(ed->message, sizeof ed->message, "%s", s);
	ed->message_is_error = is_error;
}

/* Parse one text field into ed->work; 0, or -1 with its error set. */
static int
check_field(struct editor *ed, int f)
{
	struct error	 err;
	const char	*s = ed->text[f];
	int		 rc = 0;

	set_error(ed, f, NULL);
	if (!is_active(ed, f) || is_pick(f) || ed->locked[f])
		return 0;
	error_clear(&err);
	switch (f) {
	case F_DATE:
		if (*s == '\0')
			rc = error_set(&err, ERROR_INPUT, "%s",
			    _("a date is needed (2021-07-29, 令和3年7月29日, "
			    "R3.7.29, 7/29)"));
		else
			rc = date_parse_in_fiscal_year(s,
			    ed->tui->fiscal_year, &ed->work.date, &err);
		break;
	case F_START:
		ed->work.start = -1;
		if (*s != '\0')
			rc = time_parse(s, &ed->work.start, &err);
		break;
	case F_END:
		ed->work.end = -1;
		if (*s != '\0')
			rc = time_parse(s, &ed->work.end, &err);
		break;
	case F_CASES:
		ed->work.cases = -1;
		if (*s != '\0')
			rc = meeting_cases_parse(s, &ed->work.cases, &err);
		break;
	case F_WINDOW:
		ed->work.has_window = 0;
		if (*s != '\0' && (rc = month_window_parse(s,
		    &ed->work.window, &err)) == 0)
			ed->work.has_window = 1;
		break;
	case F_VENUE:
		meeting_set_text(&ed->work.venue, s);
		break;
	case F_URL:
		meeting_set_text(&ed->work.url, s);
		break;
	case F_NOTE:
		meeting_set_text(&ed->work.note, s);
		break;
	}
	if (rc == -1)
		set_error(ed, f, err.msg);
	if (ed->form != NULL)
		set_field_back(ed->fields[f], rc == -1 ? A_UNDERLINE |
		    A_BOLD | draw_pair(ed->tui, PAIR_ERROR) : A_UNDERLINE);
	return rc;
}

/* The fields a type does not use are emptied, not hidden with data. */
static void
apply_type(struct editor *ed)
{
	if (!is_active(ed, F_CENTER))
		ed->work.center_id = 0;
	if (!is_active(ed, F_CASES)) {
		ed->work.cases = -1;
		set_text(ed, F_CASES, "");
	}
	if (!is_active(ed, F_WINDOW)) {
		ed->work.has_window = 0;
		set_text(ed, F_WINDOW, "");
	}
}

/* Step (dir -1, +1) or choose from a list (dir 0) in a pick field. */
static void
pick_field(struct editor *ed, int f, int dir)
{
	const struct catalog	 *cat = ed->tui->catalog;
	const char		**names = NULL;
	long			 *ids = NULL;
	size_t			  n = 0, i;
	int			  cur = 0, k;

	if (f == F_TYPE || f == F_CENTER) {
		size_t	max = f == F_TYPE ? cat->ntypes : cat->ncenters;

		names = xcalloc(max + 1, sizeof *names);
		ids = xcalloc(max + 1, sizeof *ids);
		for (i = 0; i < max; i++) {
			if (f == F_CENTER && cat->centers[i].retired &&
			    cat->centers[i].id != ed->work.center_id)
				continue;
			names[n] = f == F_TYPE ? cat->types[i].name :
			    cat->centers[i].name;
			ids[n] = f == F_TYPE ? cat->types[i].id :
			    cat->centers[i].id;
			if (ids[n] == (f == F_TYPE ? ed->work.type_id :
			    ed->work.center_id))
				cur = (int)n;
			n++;
		}
	} else {
		n = f == F_MODE ? MODE_COUNT : STATUS_COUNT;
		names = xcalloc(n, sizeof *names);
		for (i = 0; i < n; i++)
			names[i] = f == F_MODE ? meeting_mode_label(i) :
			    meeting_status_label(i);
		cur = f == F_MODE ? (int)ed->work.mode : (int)ed->work.status;
	}
	if (n == 0) {
		free(names);
		free(ids);
		return;
	}
	if (dir != 0)
		k = (cur + dir + (int)n) % (int)n;
	else {
		k = pick_one(ed->tui, _(field_labels[f]), names, n, cur);
		touchwin(ed->win);
	}
	if (k >= 0) {
		switch (f) {
		case F_TYPE:
			ed->work.type_id = ids[k];
			break;
		case F_CENTER:
			ed->work.center_id = ids[k];
			break;
		case F_MODE:
			ed->work.mode = k;
			break;
		default:
			ed->work.status = k;
			break;
		}
	}
	free(names);
	free(ids);
	if (k < 0)
		return;
	if (f == F_TYPE) {
		apply_type(ed);
		pick_texts(ed);
		editor_rebuild(ed, 1);	/* fields come with the type */
	} else {
		pick_texts(ed);
		set_field_buffer(ed->fields[f], 0, ed->text[f]);
	}
}

/* The field core's error is about, or -1 (not one of the form's). */
static int
field_of_error(const struct error *err)
{
	int	f;

	if (err->field == NULL)
		return -1;
	for (f = 0; f < NFIELDS; f++)
		if (strcmp(err->field, field_codes[f]) == 0)
			return f;
	return -1;
}

static void
focus(struct editor *ed, int f)
{
	if (f < 0 || !is_active(ed, f))
		return;
	sync_current(ed);
	ed->current = f;
	set_current_field(ed->form, ed->fields[f]);
	if (!is_pick(f) && !ed->locked[f])
		field_text_end(ed->form, ed->fields[f]);
}

/*
 * Every field parsed, the whole meeting valid and its warnings answered
 * (store_meeting_check): 0, else -1.
 */
static int
editor_validate(struct editor *ed)
{
	struct finding_list	warnings;
	struct error		err;
	char			buf[1024];
	int			f, bad = -1, go;

	sync_current(ed);
	for (f = 0; f < NFIELDS; f++)
		if (check_field(ed, f) == -1 && bad == -1)
			bad = f;
	if (bad != -1) {
		snprintf(buf, sizeof buf, _("not saved: %s: %s"),
		    _(field_labels[bad]), ed->error[bad]);
		message(ed, 1, buf);
		focus(ed, bad);
		return -1;
	}
	if (store_meeting_check(ed->tui->store, ed->tui->catalog, &ed->work,
	    &warnings, &err) == -1) {
		snprintf(buf, sizeof buf, _("not saved: %s"), err.msg);
		message(ed, 1, buf);
		if ((f = field_of_error(&err)) >= 0) {
			set_error(ed, f, err.msg);
			focus(ed, f);
		}
		return -1;
	}
	go = prompt_warnings(ed->tui, &warnings);
	finding_list_free(&warnings);
	touchwin(ed->win);
	if (!go) {
		message(ed, 0, _("not saved"));
		return -1;
	}
	return 0;
}

/* 1 if a field differs from the meeting as it was opened (ed->orig). */
static int
editor_changed(struct editor *ed)
{
	struct editor	was;
	int		f, changed = 0;

	sync_current(ed);
	memset(&was, 0, sizeof was);
	was.tui = ed->tui;
	meeting_copy(&was.work, &ed->orig);
	texts_from(&was, &ed->orig);
	for (f = 0; f < NFIELDS; f++) {
		if (strcmp(was.text[f], ed->text[f]) != 0)
			changed = 1;
		free(was.text[f]);
		free(was.error[f]);
	}
	meeting_clear(&was.work);
	return changed;
}

/* Esc: leave at once if nothing was changed, else after a y. */
static int
editor_leave(struct editor *ed)
{
	if (!editor_changed(ed))
		return FORM_LEFT;
	if (prompt_yes_no_over(ed->tui, _("Discard your changes to this "
	    "meeting?")))
		return FORM_LEFT;
	touchwin(ed->win);
	message(ed, 0, _("your changes are still here: F2 saves them"));
	return -1;
}

/* Their values beside yours, for the refused save. */
static void
describe_conflict(struct editor *ed, const struct meeting *theirs,
    const char *why, char *buf, size_t size)
{
	struct editor	 other;
	size_t		 len;
	int		 f;

	memset(&other, 0, sizeof other);
	other.tui = ed->tui;
	meeting_copy(&other.work, theirs);
	texts_from(&other, theirs);
	snprintf(buf, size, "%s\n\n%s\n", why, _("Their values (yours where "
	    "they differ):"));
	for (f = 0; f < NFIELDS; f++) {
		const char	*label = _(field_labels[f]);
		int		 pad = 10 - text_width(label);

		/* padded by display width: 開催形態 takes eight columns */
		len = strlen(buf);
		if (strcmp(other.text[f], ed->text[f]) == 0)
			snprintf(buf + len, size - len, "  %s%*s %s\n",
			    label, pad > 0 ? pad : 0, "", other.text[f]);
		else
			snprintf(buf + len, size - len,
			    "* %s%*s %s   (%s %s)\n", label, pad > 0 ? pad : 0,
			    "", other.text[f], _("yours:"),
			    *ed->text[f] != '\0' ? ed->text[f] : "-");
	}
	len = strlen(buf);
	snprintf(buf + len, size - len, "\n%s\n%s\n%s", _("r  take their "
	    "version into the form (your changes are dropped)"), _("o  save "
	    "yours over theirs"), _("any other key: back to your changes, "
	    "unsaved"));
	for (f = 0; f < NFIELDS; f++) {
		free(other.text[f]);
		free(other.error[f]);
	}
	meeting_clear(&other.work);
}

/*
 * The meeting was deleted (in another terminal) while it was open here:
 * 1 save it as a new meeting, 0 discard the changes and leave, -1 back
 * to the form unsaved.
 */
static int
resolve_deleted(struct editor *ed)
{
	struct tui_key	key;
	char		text[1024];

	snprintf(text, sizeof text, _("Meeting %ld was deleted after you "
	    "opened it (in another terminal, or by an undo).\n\n"
	    "n  save yours as a new meeting\n"
	    "d  discard your changes\n"
	    "any other key: back to your changes, unsaved"), ed->work.id);
	prompt_box(ed->tui, _("Not saved: someone deleted this meeting"),
	    text, &key);
	touchwin(ed->win);
	if (tui_key_is(&key, 'n') || tui_key_is(&key, 'N')) {
		/* a new meeting: its own id and UID (the old one's is gone) */
		ed->work.id = 0;
		free(ed->work.uid);
		ed->work.uid = NULL;
		ed->work.version = 0;
		ed->work.sequence = 0;
		return 1;
	}
	if (tui_key_is(&key, 'd') || tui_key_is(&key, 'D'))
		return 0;
	message(ed, 1, _("not saved: someone deleted this meeting "
	    "meanwhile"));
	return -1;
}

/* After a refused save: show theirs and let the user decide. */
static int
resolve_conflict(struct editor *ed, const struct error *why)
{
	struct meeting	theirs;
	struct error	err;
	struct tui_key	key;
	char		buf[8192], msg[1200];
	int		rc;

	meeting_init(&theirs);
	if ((rc = store_meeting_get(ed->tui->store, ed->work.id, &theirs,
	    &err)) == 1)
		return resolve_deleted(ed) == 1 ? 1 : -1;
	if (rc != 0) {
		message(ed, 1, err.msg);
		return -1;
	}
	sync_current(ed);
	describe_conflict(ed, &theirs, why->msg, buf, sizeof buf);
	prompt_box(ed->tui, _("Not saved: someone else changed this meeting"),
	    buf, &key);
	touchwin(ed->win);
	snprintf(msg, sizeof msg, _("not saved: %s"), why->msg);
	message(ed, 1, msg);
	if (tui_key_is(&key, 'r')) {
		meeting_clear(&ed->orig);
		meeting_copy(&ed->orig, &theirs);
		meeting_clear(&ed->work);
		meeting_copy(&ed->work, &theirs);
		texts_from(ed, &theirs);
		lock_long_texts(ed);
		message(ed, 0, _("their version is in the form now"));
		editor_rebuild(ed, 0);
		rc = -1;
	} else if (tui_key_is(&key, 'o')) {
		/* an explicit choice, made after seeing their values */
		ed->work.version = theirs.version;
		ed->orig.version = theirs.version;
		rc = 1;
	} else
		rc = -1;
	meeting_clear(&theirs);
	return rc;
}

/* 1 if meeting id is no longer in the database. */
static int
is_deleted(struct editor *ed, long id)
{
	struct meeting	m;
	struct error	err;
	int		rc;

	if (id == 0)
		return 0;
	meeting_init(&m);
	rc = store_meeting_get(ed->tui->store, id, &m, &err);
	meeting_clear(&m);
	return rc == 1;
}

/*
 * Store the meeting as one action (store_meeting_save): 0 saved, -1 not
 * (the message says why), -2 not and the user chose to discard it.
 */
static int
editor_save(struct editor *ed)
{
	struct error	err;
	char		what[64], buf[1200];
	int		rc;

	if (editor_validate(ed) == -1)
		return -1;
	for (;;) {
		if (ed->work.id == 0)
			snprintf(what, sizeof what, "tui: add");
		else
			snprintf(what, sizeof what, "tui: edit %ld",
			    ed->work.id);
		if (store_meeting_save(ed->tui->store, ed->tui->catalog,
		    &ed->work, what, &err) == 0)
			return 0;
		if (err.kind == ERROR_CONFLICT) {
			/* theirs is shown: yours is saved over it, or not */
			if (resolve_conflict(ed, &err) != 1)
				return -1;
			continue;
		}
		if (is_deleted(ed, ed->work.id)) {
			if ((rc = resolve_deleted(ed)) == 1)
				continue;
			return rc == 0 ? -2 : -1;
		}
		snprintf(buf, sizeof buf, _("not saved: %s"), err.msg);
		message(ed, 1, buf);
		return -1;
	}
}

/* Leaving a field: parse it so the reason shows at once. */
static void
leave_field(struct editor *ed, int req)
{
	int	from = ed->current;

	sync_current(ed);
	if (form_driver(ed->form, req) != E_OK)
		return;
	check_field(ed, from);
	ed->current = field_index(current_field(ed->form));
	if (!is_pick(ed->current) && !ed->locked[ed->current])
		field_text_end(ed->form, ed->fields[ed->current]);
	if (ed->error[from] == NULL && ed->message_is_error)
		message(ed, 0, "");
	if (ed->error[ed->current] != NULL)
		message(ed, 1, ed->error[ed->current]);
}

static int
is_enter(const struct tui_key *key)
{
	return key->code == KEY_ENTER || tui_key_is(key, '\r') ||
	    tui_key_is(key, '\n');
}

/*
 * F3: book the advisors of the meeting as it is stored (form-advisors.c),
 * once what decides who can come (type, center, day, times, status) is
 * saved.
 */
static void
editor_advisors(struct editor *ed)
{
	char	msg[1024];
	int	f, rc;

	if (ed->orig.id == 0) {
		message(ed, 1, _("save the meeting first (F2), then book its "
		    "advisors (F3)"));
		return;
	}
	sync_current(ed);
	for (f = F_DATE; f <= F_END; f++)
		check_field(ed, f);
	if (ed->work.type_id != ed->orig.type_id ||
	    ed->work.center_id != ed->orig.center_id ||
	    date_compare(ed->work.date, ed->orig.date) != 0 ||
	    ed->work.start != ed->orig.start || ed->work.end != ed->orig.end ||
	    ed->work.status != ed->orig.status) {
		message(ed, 1, _("save the changes first (F2): advisors are "
		    "booked for the meeting as saved"));
		return;
	}
	rc = form_advisors_pick(ed->tui, &ed->orig, msg, sizeof msg);
	touchwin(ed->win);
	if (rc == 1)
		form_advisors_line(ed->tui, &ed->orig, ed->advisors,
		    sizeof ed->advisors);
	message(ed, rc == -1, msg);
}

/*
 * The fields of digits, where a Japanese keyboard's full-width ones
 * (１３：３０, 令和３年１２月１４日) are taken as typed in ASCII: the parsers
 * read both, but twice as wide they would not fit the field.
 */
static int
is_numeric(int f)
{
	return f == F_DATE || f == F_START || f == F_END || f == F_CASES ||
	    f == F_WINDOW;
}

/* One key; returns a form_result when the editor is done, else -1. */
static int
editor_key(struct editor *ed, const struct tui_key *key)
{
	struct tui_key	folded = *key;
	char		msg[256];
	int		f = ed->current, rc;

	if (key->code == KEY_F(2) || tui_key_is(key, TUI_CTRL('s'))) {
		if ((rc = editor_save(ed)) == 0)
			return FORM_SAVED;
		return rc == -2 ? FORM_LEFT : -1;
	}
	if (tui_key_is(key, TUI_ESC))
		return editor_leave(ed);
	if (key->code == KEY_F(3)) {
		editor_advisors(ed);
		return -1;
	}
	if (tui_key_is(key, TUI_CTRL('q'))) {
		if (prompt_yes_no_over(ed->tui, _("Quit carecal without saving "
		    "this meeting?")))
			return FORM_QUIT;
		touchwin(ed->win);
		return -1;
	}
	if (tui_key_is(key, '\t') || key->code == KEY_DOWN || (is_enter(key) &&
	    !is_pick(f))) {
		leave_field(ed, REQ_NEXT_FIELD);
		return -1;
	}
	if (key->code == KEY_BTAB || key->code == KEY_UP) {
		leave_field(ed, REQ_PREV_FIELD);
		return -1;
	}
	if (is_pick(f)) {
		if (is_enter(key) || tui_key_is(key, ' '))
			pick_field(ed, f, 0);
		else if (key->code == KEY_LEFT || key->code == KEY_RIGHT)
			pick_field(ed, f, key->code == KEY_LEFT ? -1 : 1);
		else
			message(ed, 0, _("choose with Enter or Space, step "
			    "with Left and Right"));
		return -1;
	}
	if (ed->locked[f]) {
		snprintf(msg, sizeof msg, _("this text is too long to edit "
		    "here; change it with 'carecal edit %ld --%s ...'"),
		    ed->work.id, field_codes[f]);
		message(ed, 1, msg);
		return -1;
	}
	if (is_numeric(f))
		field_key_fold(&folded);
	if ((rc = field_text_key(ed->form, &folded, msg, sizeof msg)) == -1)
		message(ed, 1, msg);
	else if (rc == 1 && ed->message_is_error && ed->error[f] == NULL)
		message(ed, 0, "");
	return -1;
}

/* Below 80x24 the form waits, saying how large it must be. */
static int
wait_big_enough(struct editor *ed)
{
	struct tui_key	key;

	editor_destroy(ed);
	while (!tui_big_enough()) {
		tui_draw_too_small();
		refresh();
		tui_key_read(stdscr, &key);
		if (tui_key_is(&key, TUI_ESC))
			return -1;
	}
	editor_build(ed);
	editor_post(ed);
	return 0;
}

/* The form's keys on the status line, below it. */
static const char form_keys[] = N_("F2 save  Esc leave  Tab next field  "
    "Space choose  Ctrl-Q quit");

enum form_result
form_meeting(struct tui *tui, struct meeting *m)
{
	struct editor	ed;
	struct tui_key	key;
	int		f, result = -1;

	memset(&ed, 0, sizeof ed);
	ed.tui = tui;
	meeting_copy(&ed.orig, m);
	meeting_copy(&ed.work, m);
	texts_from(&ed, m);
	lock_long_texts(&ed);
	form_advisors_line(tui, m, ed.advisors, sizeof ed.advisors);
	ed.current = F_DATE;
	if (!tui_big_enough() && wait_big_enough(&ed) == -1)
		result = FORM_LEFT;
	else if (ed.form == NULL) {
		editor_build(&ed);
		editor_post(&ed);
	}
	curs_set(1);
	tui->message[0] = '\0';
	while (result == -1) {
		tui_draw_status(tui, form_keys);
		editor_draw_dynamic(&ed);
		pos_form_cursor(ed.form);
		wrefresh(ed.win);
		tui_key_read(ed.win, &key);
		if (key.code == KEY_RESIZE) {
			sync_current(&ed);
			if (!tui_big_enough() && wait_big_enough(&ed) == -1)
				result = FORM_LEFT;
			else
				editor_rebuild(&ed, 1);
			continue;
		}
		result = editor_key(&ed, &key);
	}
	curs_set(0);
	if (result == FORM_SAVED) {
		meeting_clear(m);
		meeting_copy(m, &ed.work);
	}
	editor_destroy(&ed);
	for (f = 0; f < NFIELDS; f++) {
		free(ed.text[f]);
		free(ed.error[f]);
	}
	meeting_clear(&ed.orig);
	meeting_clear(&ed.work);
	touchwin(stdscr);
	return result;
}
