/*
 * view-agenda.c -- the fiscal year's meetings as a list in date order,
 * narrowed by the filter (f) and by dates (d: 来週, 今月, 11月, two
 * dates, with the count of those shown), searched as you type (/, n, N).
 */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "alloc.h"
#include "i18n.h"
#include "text.h"
#include "tui.h"

static struct {
	/* the rows shown: indexes into tui->meetings */
	size_t		*rows;
	size_t		 nrows;
	unsigned long	 serial;	/* of the meetings the rows are of */
	int		 built;
	size_t		 cur, top;	/* in rows */
	char		*search;	/* the last search, or NULL */
	size_t		 search_from;	/* where an incremental search started */
	/* d: the dates shown, as typed and as read; text NULL: all */
	char		*dates_text;
	struct date_range dates;
} agenda;

static const struct meeting *
row_meeting(struct tui *tui, size_t row)
{
	return &tui->meetings.items[agenda.rows[row]];
}

/* The rows of the meetings within the dates (all without them). */
static void
build_rows(struct tui *tui)
{
	size_t	i;

	free(agenda.rows);
	agenda.rows = xcalloc(tui->meetings.count + 1, sizeof *agenda.rows);
	agenda.nrows = 0;
	for (i = 0; i < tui->meetings.count; i++)
		if (agenda.dates_text == NULL || date_range_contains(
		    &agenda.dates, tui->meetings.items[i].date))
			agenda.rows[agenda.nrows++] = i;
	agenda.serial = tui->meetings_serial;
	agenda.built = 1;
}

static void
agenda_select(struct tui *tui)
{
	const struct meeting	*m;

	tui->sel.whole_day = 0;
	if (agenda.nrows == 0) {
		tui->sel.meeting_id = 0;
		return;
	}
	m = row_meeting(tui, agenda.cur);
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

	if (!agenda.built || agenda.serial != tui->meetings_serial)
		build_rows(tui);
	agenda.cur = 0;
	for (i = 0; i < agenda.nrows; i++)
		if (row_meeting(tui, i)->id == tui->sel.meeting_id) {
			agenda.cur = i;
			break;
		}
	if (i == agenda.nrows) {
		for (i = 0; i < agenda.nrows; i++)
			if (date_compare(row_meeting(tui, i)->date,
			    tui->sel.date) >= 0)
				break;
		agenda.cur = i < agenda.nrows ? i : agenda.nrows > 0 ?
		    agenda.nrows - 1 : 0;
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
agenda_scroll(void)
{
	size_t	vis = (size_t)visible_rows();

	if (agenda.cur < agenda.top)
		agenda.top = agenda.cur;
	if (agenda.cur >= agenda.top + vis)
		agenda.top = agenda.cur - vis + 1;
	if (agenda.nrows <= vis)
		agenda.top = 0;
	else if (agenda.top > agenda.nrows - vis)
		agenda.top = agenda.nrows - vis;
}

/* "来週 10/3(日)～10/9(土): 3 of 104 meetings  (d: change  F: all)" */
static void
format_dates(struct tui *tui, char *buf, size_t size)
{
	char	span[64], count[128];

	date_range_format(&agenda.dates, span, sizeof span);
	snprintf(count, sizeof count, ngettext("%zu of %zu meeting",
	    "%zu of %zu meetings", tui->meetings.count), agenda.nrows,
	    tui->meetings.count);
	snprintf(buf, size, _("%s %s: %s  (d: change  F: all)"),
	    agenda.dates_text, span, count);
}

static void
agenda_draw(struct tui *tui)
{
	char	buf[1024];
	size_t	i, next = draw_next_from_today(tui);
	int	y, vis = visible_rows(), flags;

	if (!agenda.built || agenda.serial != tui->meetings_serial)
		agenda_reload(tui);
	agenda_scroll();
	row_draw_header(tui, TUI_TOP, 1, 0);
	for (i = agenda.top, y = TUI_TOP + 1; i < agenda.nrows &&
	    y < TUI_TOP + 1 + vis; i++, y++) {
		flags = i == agenda.cur ? ROW_CURSOR : 0;
		if (agenda.rows[i] == next)
			flags |= ROW_NEXT;
		row_draw_meeting(tui, y, 1, row_meeting(tui, i), flags);
	}
	if (agenda.nrows == 0 && agenda.dates_text != NULL)
		draw_text(stdscr, TUI_TOP + 1, 1, COLS - 1, _("No meetings "
		    "on these dates (d: other dates, F: all)."), A_DIM);
	else if (agenda.nrows == 0)
		draw_text(stdscr, TUI_TOP + 1, 1, COLS - 1, _("No meetings "
		    "in this fiscal year (a: add one, [ ]: another year)."),
		    A_DIM);
	else
		draw_meeting_detail(tui, LINES - 3, row_meeting(tui,
		    agenda.cur));
	if (agenda.search != NULL) {
		snprintf(buf, sizeof buf, _("search: %s   (n next, N "
		    "previous, / new search)"), agenda.search);
		draw_text(stdscr, LINES - 2, 0, COLS, buf, A_NORMAL);
	} else if (agenda.dates_text != NULL) {
		format_dates(tui, buf, sizeof buf);
		draw_text(stdscr, LINES - 2, 0, COLS, buf, A_BOLD);
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
	size_t	n = agenda.nrows, k, i;

	for (k = 0; k < n; k++) {
		i = (from + (dir > 0 ? k : n - k)) % n;
		if (matches(tui, row_meeting(tui, i), needle)) {
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
	if (agenda.nrows == 0)
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
	size_t	n = agenda.nrows;

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

static void
dates_clear(void)
{
	free(agenda.dates_text);
	agenda.dates_text = NULL;
	agenda.built = 0;
}

/*
 * d: only the meetings of some dates. Dates in another fiscal year
 * bring that year; dates across two show the part in the year shown.
 */
static void
dates_choose(struct tui *tui)
{
	struct date_range	 range;
	struct error		 err;
	char			*text;

	if (prompt_line(tui, _("Dates (来週, 11月, 12/1..12/15):"),
	    agenda.dates_text, &text, NULL, NULL) == -1)
		return;
	if (*text == '\0') {
		free(text);
		dates_clear();
		agenda_reload(tui);
		return;
	}
	if (date_range_parse(text, tui->today, tui->fiscal_year, &range,
	    &err) == -1) {
		tui_message(tui, 1, "%s", err.msg);
		free(text);
		return;
	}
	free(agenda.dates_text);
	agenda.dates_text = text;
	agenda.dates = range;
	agenda.built = 0;
	tui->sel.meeting_id = 0;
	tui->sel.date = range.from;
	if (date_fiscal_year(range.to) < tui->fiscal_year ||
	    date_fiscal_year(range.from) > tui->fiscal_year)
		tui_set_fiscal_year(tui, date_fiscal_year(range.from));
	agenda_reload(tui);
}

static int
agenda_key(struct tui *tui, const struct tui_key *key)
{
	size_t	n = agenda.nrows, vis = (size_t)visible_rows();

	if (tui_key_is(key, '/')) {
		search_start(tui);
		return 1;
	}
	if (tui_key_is(key, 'n') || tui_key_is(key, 'N')) {
		search_again(tui, tui_key_is(key, 'n') ? 1 : -1);
		return 1;
	}
	if (tui_key_is(key, 'd')) {
		dates_choose(tui);
		return 1;
	}
	/* F shows everything: the dates too (then the filter, tui.c) */
	if (tui_key_is(key, 'F') && agenda.dates_text != NULL)
		dates_clear();
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
	(void)tui;
	agenda_scroll();
}

static void
agenda_free(void)
{
	free(agenda.rows);
	free(agenda.search);
	free(agenda.dates_text);
	memset(&agenda, 0, sizeof agenda);
}

const struct view view_agenda = {
	N_("Agenda"),
	agenda_draw,
	agenda_key,
	agenda_resize,
	agenda_reload,
	NULL,
	N_("? help  / search  d dates  f filter  a add  Enter edit  "
	    "i details  g go to date"),
	agenda_free
};
