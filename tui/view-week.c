/*
 * view-week.c -- a week, Sunday to Saturday as the month draws it: each
 * day under its heading (red on Sundays and holidays, with the
 * holiday's name), its meetings as rows of the agenda's columns, and a
 * day with none left empty to be filled (a on its heading).
 */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "alloc.h"
#include "holiday.h"
#include "i18n.h"
#include "text.h"
#include "tui.h"

#define ROW_X	3	/* a meeting's columns; '>' just before them */

struct week_line {
	struct date	date;
	long		index;		/* in tui->meetings; -1: the heading */
};

static struct {
	struct week_line	*lines;
	size_t			 nlines;
	size_t			 cur, top;
	struct date		 start;		/* the Sunday */
	size_t			 count;		/* meetings in the week */
	unsigned long		 serial;	/* of the meetings shown */
	int			 built;
} wk;

static int
in_year(struct tui *tui, struct date d)
{
	return date_fiscal_year(d) == tui->fiscal_year;
}

/* The week of the selected date: each day's heading and meetings. */
static void
build(struct tui *tui)
{
	struct date	d;
	size_t		first, n, i, k;
	int		day;

	wk.start = date_add_days(tui->sel.date,
	    -date_weekday(tui->sel.date));
	free(wk.lines);
	wk.lines = NULL;
	wk.nlines = wk.count = 0;
	for (k = 0, day = 0; day < 7; day++) {
		d = date_add_days(wk.start, day);
		n = in_year(tui, d) ? data_day_range(tui, d, &first) : 0;
		wk.lines = xreallocarray(wk.lines, wk.nlines + n + 1,
		    sizeof *wk.lines);
		wk.lines[k].date = d;
		wk.lines[k++].index = -1;
		for (i = 0; i < n; i++) {
			wk.lines[k].date = d;
			wk.lines[k++].index = (long)(first + i);
		}
		wk.nlines = k;
		wk.count += n;
	}
	wk.serial = tui->meetings_serial;
	wk.built = 1;
}

static void
week_select(struct tui *tui)
{
	const struct week_line	*l = &wk.lines[wk.cur];
	const struct meeting	*m;
	size_t			 first, n;

	tui->sel.date = l->date;
	if (l->index >= 0) {
		m = &tui->meetings.items[l->index];
		tui->sel.whole_day = 0;
		tui->sel.meeting_id = m->id;
		tui->sel.center_id = m->center_id;
		tui->sel.type_id = m->type_id;
		return;
	}
	/* a day: as in the month, the actions pick among its meetings */
	n = in_year(tui, l->date) ? data_day_range(tui, l->date, &first) : 0;
	tui->sel.whole_day = 1;
	tui->sel.meeting_id = n > 0 ? tui->meetings.items[first].id : 0;
	tui->sel.center_id = n == 1 ? tui->meetings.items[first].center_id :
	    0;
	tui->sel.type_id = n == 1 ? tui->meetings.items[first].type_id : 0;
}

/* The week of the selection, the cursor on its meeting or its day. */
static void
week_reload(struct tui *tui)
{
	size_t	i;

	build(tui);
	wk.cur = 0;
	for (i = 0; i < wk.nlines; i++) {
		if (wk.lines[i].index >= 0 && !tui->sel.whole_day &&
		    tui->meetings.items[wk.lines[i].index].id ==
		    tui->sel.meeting_id) {
			wk.cur = i;
			break;
		}
		if (wk.lines[i].index < 0 && date_compare(wk.lines[i].date,
		    tui->sel.date) == 0)
			wk.cur = i;
	}
	if (tui_view_is(tui, &view_week))
		week_select(tui);
}

static int
first_y(void)
{
	return TUI_TOP + 2;
}

static int
visible_lines(void)
{
	int	n = (LINES - 4) - first_y() + 1;

	return n > 1 ? n : 1;
}

static void
week_scroll(void)
{
	size_t	vis = (size_t)visible_lines();

	if (wk.cur < wk.top)
		wk.top = wk.cur;
	if (wk.cur >= wk.top + vis)
		wk.top = wk.cur - vis + 1;
	if (wk.nlines <= vis)
		wk.top = 0;
	else if (wk.top > wk.nlines - vis)
		wk.top = wk.nlines - vis;
}

static void
draw_heading(struct tui *tui, int y, const struct week_line *l, int cursor)
{
	const char	*holiday = holiday_name(l->date);
	char		 buf[128], fy[32];
	size_t		 first;
	attr_t		 rev = cursor ? A_REVERSE : A_NORMAL, attr;
	int		 x, today = date_compare(l->date, tui->today) == 0;

	if (cursor)
		draw_blank(stdscr, y, 0, COLS, A_REVERSE);
	draw_format_day(l->date, buf, sizeof buf);
	attr = rev | A_BOLD | draw_day_attr(tui, l->date) |
	    (today ? A_UNDERLINE : A_NORMAL);
	x = draw_text(stdscr, y, 0, COLS, buf, attr) + 1;
	if (holiday != NULL)
		x += draw_text(stdscr, y, x, COLS - x, holiday, rev |
		    draw_day_attr(tui, l->date)) + 1;
	if (today)
		x += draw_text(stdscr, y, x, COLS - x, _("today"), rev |
		    A_BOLD) + 1;
	if (!in_year(tui, l->date)) {
		date_format_fiscal_year(date_fiscal_year(l->date), fy,
		    sizeof fy);
		snprintf(buf, sizeof buf, _("(%s: Left/Right to go there)"),
		    fy);
		draw_text(stdscr, y, x + 1, COLS - x - 1, buf, rev | A_DIM);
	} else if (data_day_range(tui, l->date, &first) == 0)
		draw_text(stdscr, y, x + 1, COLS - x - 1, _("no meetings"),
		    rev | A_DIM);
}

static void
draw_detail(struct tui *tui, int y)
{
	const struct week_line	*l = &wk.lines[wk.cur];
	char			 buf[256], day[32];
	size_t			 first, n;

	if (l->index >= 0) {
		draw_meeting_detail(tui, y, &tui->meetings.items[l->index]);
		return;
	}
	draw_format_day(l->date, day, sizeof day);
	n = in_year(tui, l->date) ? data_day_range(tui, l->date, &first) : 0;
	if (n == 0)
		snprintf(buf, sizeof buf, _("%s: no meetings (a: add one)"),
		    day);
	else
		snprintf(buf, sizeof buf, ngettext("%s: %zu meeting "
		    "(Enter: choose)", "%s: %zu meetings (Enter: choose)", n),
		    day, n);
	draw_text(stdscr, y, 0, COLS, buf, n == 0 ? A_DIM : A_NORMAL);
}

static void
week_draw(struct tui *tui)
{
	const struct week_line	*l;
	char			 from[DATE_JA_LEN], to[DATE_JA_LEN];
	char			 buf[256];
	size_t			 i, next = draw_next_from_today(tui);
	int			 y, flags, vis = visible_lines();

	if (!wk.built || wk.serial != tui->meetings_serial)
		week_reload(tui);
	week_scroll();
	date_format_japanese(wk.start, from, sizeof from);
	date_format_japanese(date_add_days(wk.start, 6), to, sizeof to);
	snprintf(buf, sizeof buf, "%s～%s", from, to);
	draw_text(stdscr, TUI_TOP, 0, COLS, buf, A_BOLD);
	snprintf(buf, sizeof buf, ngettext("%zu meeting", "%zu meetings",
	    wk.count), wk.count);
	draw_text_right(stdscr, TUI_TOP, 0, COLS - 1, buf, A_NORMAL);
	row_draw_header(tui, TUI_TOP + 1, ROW_X, ROW_NO_DATE);
	for (i = wk.top, y = first_y(); i < wk.nlines && y < first_y() + vis;
	    i++, y++) {
		l = &wk.lines[i];
		if (l->index < 0) {
			draw_heading(tui, y, l, i == wk.cur);
			continue;
		}
		flags = ROW_NO_DATE | (i == wk.cur ? ROW_CURSOR : 0) |
		    ((size_t)l->index == next ? ROW_NEXT : 0);
		row_draw_meeting(tui, y, ROW_X, &tui->meetings.items[l->index],
		    flags);
	}
	draw_detail(tui, LINES - 3);
	draw_legend(tui, LINES - 2, 0, COLS);
}

/* The heading of the day n days after the cursor's. */
static void
go_day(struct tui *tui, long n)
{
	struct date	d = date_add_days(wk.lines[wk.cur].date, n);

	if (d.year < DATE_FIRST_YEAR || d.year > DATE_LAST_YEAR)
		return;
	/* the selection follows, and the week with it (week_reload) */
	tui->sel.whole_day = 1;
	tui_select_date(tui, d);
}

static int
week_key(struct tui *tui, const struct tui_key *key)
{
	size_t	vis = (size_t)visible_lines();

	if (wk.nlines == 0)
		return 0;
	switch (tui_key_move(key)) {
	case MOVE_LEFT:
		go_day(tui, -1);
		return 1;
	case MOVE_RIGHT:
		go_day(tui, 1);
		return 1;
	case MOVE_PAGE_UP:
		go_day(tui, -7);
		return 1;
	case MOVE_PAGE_DOWN:
		go_day(tui, 7);
		return 1;
	default:
		break;
	}
	if (!tui_list_move(key, &wk.cur, wk.nlines, vis))
		return 0;
	week_select(tui);
	return 1;
}

static void
week_resize(struct tui *tui)
{
	(void)tui;
	week_scroll();
}

static void
week_free(void)
{
	free(wk.lines);
	memset(&wk, 0, sizeof wk);
}

const struct view view_week = {
	N_("Week"),
	week_draw,
	week_key,
	week_resize,
	week_reload,
	NULL,
	N_("? help  Left/Right day  PgUp/PgDn week  a add  Enter edit  "
	    "i details  g go to date"),
	week_free
};
