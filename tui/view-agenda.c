/*
 * view-agenda.c -- the fiscal year's meetings as a list in date order,
 * narrowed by the filter (f) and searched as you type (/, n, N).
 */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "alloc.h"
#include "i18n.h"
#include "text.h"
#include "tui.h"

enum { COL_DATE, COL_TIME, COL_CENTER, COL_TYPE, COL_MODE, COL_STATUS,
    COL_CASES, COL_VENUE, NCOLS };

/* Column widths; the type's is set by the screen, the venue's is the rest. */
static int col_width[NCOLS] = { 9, 11, 10, 0, 14, 7, 5, 0 };

/* Full type names when they fit, else the short ones (推進, 個別). */
static int
type_full_names(void)
{
	return COLS >= 110;
}

static struct {
	size_t	 cur, top;
	char	*search;	/* the last search, or NULL */
	size_t	 search_from;	/* where an incremental search started */
} agenda;

static void
agenda_select(struct tui *tui)
{
	const struct meeting	*m;

	tui->sel.whole_day = 0;
	if (tui->meetings.count == 0) {
		tui->sel.meeting_id = 0;
		return;
	}
	m = &tui->meetings.items[agenda.cur];
	tui->sel.meeting_id = m->id;
	tui->sel.date = m->date;
	tui->sel.center_id = m->center_id;
	tui->sel.type_id = m->type_id;
}

/* The cursor onto the selected meeting, else the selected date. */
static void
agenda_reload(struct tui *tui)
{
	size_t	i;

	agenda.cur = 0;
	for (i = 0; i < tui->meetings.count; i++)
		if (tui->meetings.items[i].id == tui->sel.meeting_id) {
			agenda.cur = i;
			break;
		}
	if (i == tui->meetings.count) {
		for (i = 0; i < tui->meetings.count; i++)
			if (date_compare(tui->meetings.items[i].date,
			    tui->sel.date) >= 0)
				break;
		agenda.cur = i < tui->meetings.count ? i :
		    tui->meetings.count > 0 ? tui->meetings.count - 1 : 0;
	}
	if (tui_view_is(tui, &view_agenda))
		agenda_select(tui);
}

static int
visible_rows(void)
{
	int	n = (LINES - 4) - (TUI_TOP + 1) + 1;

	return n > 1 ? n : 1;
}

static void
agenda_scroll(struct tui *tui)
{
	size_t	vis = (size_t)visible_rows();

	if (agenda.cur < agenda.top)
		agenda.top = agenda.cur;
	if (agenda.cur >= agenda.top + vis)
		agenda.top = agenda.cur - vis + 1;
	if (tui->meetings.count <= vis)
		agenda.top = 0;
	else if (agenda.top > tui->meetings.count - vis)
		agenda.top = tui->meetings.count - vis;
}

static void
draw_columns(int y, const char *const *cells, const attr_t *attrs)
{
	int	c, x = 1, w;

	for (c = 0; c < NCOLS && x < COLS; c++) {
		w = col_width[c] > 0 ? col_width[c] : COLS - x;
		if (c == COL_CASES)
			draw_text_right(stdscr, y, x, w, cells[c], attrs[c]);
		else
			draw_text(stdscr, y, x, w, cells[c], attrs[c]);
		x += w + 1;
	}
}

static void
draw_meeting_row(struct tui *tui, int y, size_t i)
{
	const struct meeting		*m = &tui->meetings.items[i];
	const struct meeting_type	*t = catalog_type_by_id(tui->catalog,
					    m->type_id);
	const struct center		*c = catalog_center_by_id(tui->catalog,
					    m->center_id);
	const char			*cells[NCOLS];
	attr_t				 attrs[NCOLS];
	char				 day[32], times[16], cases[16];
	char				 status[64];
	int				 k, cursor = i == agenda.cur;
	attr_t				 base = cursor ? A_REVERSE : A_NORMAL;

	if (cursor)
		draw_blank(stdscr, y, 0, COLS, A_REVERSE);
	/* today's place: the first meeting on or after it */
	if (date_compare(m->date, tui->today) >= 0 && (i == 0 ||
	    date_compare(tui->meetings.items[i - 1].date, tui->today) < 0))
		draw_text(stdscr, y, 0, 1, ">", base | A_BOLD |
		    draw_pair(tui, PAIR_TODAY));
	draw_format_day(m->date, day, sizeof day);
	draw_format_times(m, times, sizeof times);
	if (m->cases >= 0)
		snprintf(cases, sizeof cases, "%d", m->cases);
	else
		cases[0] = '\0';
	snprintf(status, sizeof status, "%s%s",
	    meeting_status_label(m->status), draw_meeting_mark(m));
	cells[COL_DATE] = day;
	cells[COL_TIME] = times;
	cells[COL_CENTER] = c != NULL ? c->name : "-";
	cells[COL_TYPE] = t == NULL ? "?" : type_full_names() ? t->name :
	    t->short_name;
	cells[COL_MODE] = meeting_mode_label(m->mode);
	cells[COL_STATUS] = status;
	cells[COL_CASES] = cases;
	cells[COL_VENUE] = m->venue != NULL ? m->venue : "";
	for (k = 0; k < NCOLS; k++)
		attrs[k] = base | (m->status == STATUS_CANCELLED ? A_DIM :
		    A_NORMAL);
	attrs[COL_DATE] = attrs[COL_MODE] = base | draw_meeting_attr(tui, m);
	attrs[COL_STATUS] |= draw_meeting_attr(tui, m) & ~(A_UNDERLINE |
	    A_BOLD);
	draw_columns(y, cells, attrs);
}

static void
agenda_draw(struct tui *tui)
{
	const char	*head[NCOLS];
	attr_t		 attrs[NCOLS];
	char		 buf[1024];
	size_t		 i;
	int		 y, k, vis = visible_rows();

	agenda_scroll(tui);
	col_width[COL_TYPE] = 4;
	for (i = 0; i < tui->catalog->ntypes; i++)
		if ((k = text_width(type_full_names() ?
		    tui->catalog->types[i].name :
		    tui->catalog->types[i].short_name)) > col_width[COL_TYPE])
			col_width[COL_TYPE] = k;
	head[COL_DATE] = _("Date");
	head[COL_TIME] = _("Time");
	head[COL_CENTER] = _("Center");
	head[COL_TYPE] = _("Type");
	head[COL_MODE] = _("Mode");
	head[COL_STATUS] = _("Status");
	head[COL_CASES] = _("Cases");
	head[COL_VENUE] = _("Venue");
	for (k = 0; k < NCOLS; k++)
		attrs[k] = A_BOLD;
	draw_columns(TUI_TOP, head, attrs);
	for (i = agenda.top, y = TUI_TOP + 1; i < tui->meetings.count &&
	    y < TUI_TOP + 1 + vis; i++, y++)
		draw_meeting_row(tui, y, i);
	if (tui->meetings.count == 0)
		draw_text(stdscr, TUI_TOP + 1, 1, COLS - 1, _("No meetings "
		    "in this fiscal year (a: add one, [ ]: another year)."),
		    A_DIM);
	else {
		draw_meeting_line(tui, &tui->meetings.items[agenda.cur], buf,
		    sizeof buf);
		draw_text(stdscr, LINES - 3, 0, COLS, buf, A_NORMAL);
	}
	if (agenda.search != NULL) {
		snprintf(buf, sizeof buf, _("search: %s   (n next, N "
		    "previous, / new search)"), agenda.search);
		draw_text(stdscr, LINES - 2, 0, COLS, buf, A_NORMAL);
	} else
		draw_legend(tui, LINES - 2, 0, COLS);
}

static int
matches(struct tui *tui, const struct meeting *m, const char *needle)
{
	const struct meeting_type	*t = catalog_type_by_id(tui->catalog,
					    m->type_id);
	const struct center		*c = catalog_center_by_id(tui->catalog,
					    m->center_id);
	const char			*hay[10];
	char				 iso[DATE_ISO_LEN], ja[DATE_JA_LEN];
	size_t				 k;

	if (*needle == '\0')
		return 1;
	date_format_iso(m->date, iso, sizeof iso);
	date_format_japanese(m->date, ja, sizeof ja);
	hay[0] = iso;
	hay[1] = ja;
	hay[2] = c != NULL ? c->name : NULL;
	hay[3] = t != NULL ? t->name : NULL;
	hay[4] = t != NULL ? t->code : NULL;
	hay[5] = meeting_mode_label(m->mode);
	hay[6] = meeting_status_label(m->status);
	hay[7] = m->venue;
	hay[8] = m->note;
	hay[9] = m->url;
	for (k = 0; k < sizeof hay / sizeof hay[0]; k++)
		if (hay[k] != NULL && strcasestr(hay[k], needle) != NULL)
			return 1;
	return 0;
}

/* From `from` (included) in direction dir, wrapping; 1 if found. */
static int
find(struct tui *tui, const char *needle, size_t from, int dir)
{
	size_t	n = tui->meetings.count, k, i;

	for (k = 0; k < n; k++) {
		i = (from + (dir > 0 ? k : n - k)) % n;
		if (matches(tui, &tui->meetings.items[i], needle)) {
			agenda.cur = i;
			return 1;
		}
	}
	return 0;
}

static void
search_changed(struct tui *tui, const char *text, void *arg)
{
	(void)arg;
	if (tui->meetings.count == 0)
		return;
	if (!find(tui, text, agenda.search_from, 1)) {
		agenda.cur = agenda.search_from;
		tui_message(tui, 1, _("no meeting matches '%s'"), text);
	} else
		tui->message[0] = '\0';
	agenda_select(tui);
}

static void
search_start(struct tui *tui)
{
	char	*text;

	agenda.search_from = agenda.cur;
	if (prompt_line(tui, "/", NULL, &text, search_changed, NULL) == -1) {
		agenda.cur = agenda.search_from;
		tui->message[0] = '\0';
	} else {
		free(agenda.search);
		agenda.search = *text != '\0' ? text : NULL;
		if (agenda.search == NULL)
			free(text);
	}
	agenda_select(tui);
}

static void
search_again(struct tui *tui, int dir)
{
	size_t	n = tui->meetings.count;

	if (agenda.search == NULL) {
		tui_message(tui, 0, "%s", _("no search yet: press / to "
		    "search"));
		return;
	}
	if (n == 0 || !find(tui, agenda.search, (agenda.cur + (dir > 0 ? 1 :
	    n - 1)) % n, dir))
		tui_message(tui, 1, _("no meeting matches '%s'"),
		    agenda.search);
	agenda_select(tui);
}

static int
agenda_key(struct tui *tui, const struct tui_key *key)
{
	size_t	n = tui->meetings.count, vis = (size_t)visible_rows();

	if (tui_key_is(key, '/')) {
		search_start(tui);
		return 1;
	}
	if (tui_key_is(key, 'n') || tui_key_is(key, 'N')) {
		search_again(tui, tui_key_is(key, 'n') ? 1 : -1);
		return 1;
	}
	if (n == 0)
		return 0;
	if (!tui_list_move(key, &agenda.cur, n, vis))
		return 0;
	agenda_select(tui);
	return 1;
}

static void
agenda_resize(struct tui *tui)
{
	agenda_scroll(tui);
}

const struct view view_agenda = {
	N_("Agenda"),
	agenda_draw,
	agenda_key,
	agenda_resize,
	agenda_reload,
	NULL
};
