/*
 * view-month.c -- a month as a wall calendar: seven columns from Sunday,
 * Sundays and holidays in red with the holiday's name, each day's
 * meetings as the type's short name and the center, marked as in the
 * year grid.
 */
#include <stdio.h>
#include <string.h>

#include "holiday.h"
#include "i18n.h"
#include "text.h"
#include "tui.h"

static void
month_select(struct tui *tui)
{
	size_t	first, n = data_day_range(tui, tui->sel.date, &first);

	tui->sel.whole_day = 1;
	tui->sel.meeting_id = n > 0 ? tui->meetings.items[first].id : 0;
	tui->sel.center_id = n == 1 ? tui->meetings.items[first].center_id :
	    0;
	tui->sel.type_id = n == 1 ? tui->meetings.items[first].type_id : 0;
}

static void
month_reload(struct tui *tui)
{
	if (tui_view_is(tui, &view_month))
		month_select(tui);
}

static void
draw_day(struct tui *tui, struct date d, int y, int x, int width,
    int height)
{
	const struct meeting		*m;
	const struct meeting_type	*t;
	const struct center		*c;
	const char			*holiday = holiday_name(d);
	char				 buf[256];
	size_t				 first, n, i;
	int				 line, cursor, today, used;
	attr_t				 attr;

	cursor = date_compare(d, tui->sel.date) == 0;
	today = date_compare(d, tui->today) == 0;
	attr = draw_day_attr(tui, d) | (cursor ? A_REVERSE : A_NORMAL);
	draw_blank(stdscr, y, x, width, cursor ? A_REVERSE : A_NORMAL);
	snprintf(buf, sizeof buf, "%2d", d.day);
	draw_text(stdscr, y, x, 2, buf, attr | (today ? A_BOLD |
	    A_UNDERLINE : A_NORMAL));
	if (today)
		draw_text(stdscr, y, x + 2, 1, ">", A_BOLD | (cursor ?
		    A_REVERSE : A_NORMAL) | draw_pair(tui, PAIR_TODAY));
	if (holiday != NULL)	/* a column apart from the next day */
		draw_text(stdscr, y, x + 3, width - 4, holiday, attr);
	n = data_day_range(tui, d, &first);
	for (i = 0, line = 1; i < n && line < height; i++, line++) {
		if (line == height - 1 && i + 1 < n) {
			snprintf(buf, sizeof buf, _("+%zu more"), n - i);
			draw_text(stdscr, y + line, x, width, buf, A_DIM);
			break;
		}
		m = &tui->meetings.items[first + i];
		t = catalog_type_by_id(tui->catalog, m->type_id);
		c = catalog_center_by_id(tui->catalog, m->center_id);
		snprintf(buf, sizeof buf, "%s%s", t != NULL ? t->short_name :
		    "?", c != NULL ? c->name : "");
		attr = draw_meeting_attr(tui, m);
		used = draw_text(stdscr, y + line, x, width - 1, buf, attr);
		draw_text(stdscr, y + line, x + used, 1, draw_meeting_mark(m),
		    attr & ~(A_UNDERLINE | A_BOLD));
	}
}

static void
draw_detail(struct tui *tui, int y)
{
	const struct meeting_type	*t;
	const struct center		*c;
	char				 buf[1024], day[32];
	size_t				 first, n, i, len;

	n = data_day_range(tui, tui->sel.date, &first);
	if (n == 1) {
		draw_meeting_detail(tui, y, &tui->meetings.items[first]);
		return;
	}
	draw_format_day(tui->sel.date, day, sizeof day);
	if (n == 0) {
		snprintf(buf, sizeof buf, _("%s: no meetings (a: add one)"),
		    day);
		draw_text(stdscr, y, 0, COLS, buf, A_DIM);
		return;
	}
	snprintf(buf, sizeof buf, ngettext("%s: %zu meeting (Enter: choose)",
	    "%s: %zu meetings (Enter: choose)", n), day, n);
	for (i = 0; i < n; i++) {
		t = catalog_type_by_id(tui->catalog,
		    tui->meetings.items[first + i].type_id);
		c = catalog_center_by_id(tui->catalog,
		    tui->meetings.items[first + i].center_id);
		len = strlen(buf);
		snprintf(buf + len, sizeof buf - len, " %s%s", t != NULL ?
		    t->short_name : "?", c != NULL ? c->name : "");
	}
	draw_text(stdscr, y, 0, COLS, buf, A_NORMAL);
}

static void
month_draw(struct tui *tui)
{
	struct date	d = tui->sel.date, first;
	char		buf[128], iso[16];
	int		width = COLS / 7, offset, weeks, height, y0, wd, i;
	int		days = date_days_in_month(d.year, d.month);

	date_format_era_month(d.year, d.month, buf, sizeof buf);
	snprintf(iso, sizeof iso, " (%04d-%02d)", d.year, d.month);
	strncat(buf, iso, sizeof buf - strlen(buf) - 1);
	draw_text(stdscr, TUI_TOP, 0, COLS, buf, A_BOLD);
	for (wd = 0; wd < 7; wd++)
		draw_text(stdscr, TUI_TOP + 1, wd * width + 1, width - 1,
		    date_weekday_kanji(wd), A_BOLD | (wd == 0 ?
		    draw_pair(tui, PAIR_HOLIDAY) : wd == 6 ?
		    draw_pair(tui, PAIR_SATURDAY) : A_NORMAL));
	first.year = d.year;
	first.month = d.month;
	first.day = 1;
	offset = date_weekday(first);
	weeks = (offset + days + 6) / 7;
	y0 = TUI_TOP + 2;
	height = (LINES - 4 - y0) / weeks;
	if (height < 2)
		height = 2;
	for (i = 0; i < days; i++) {
		struct date	day = first;

		day.day = i + 1;
		draw_day(tui, day, y0 + (offset + i) / 7 * height,
		    (offset + i) % 7 * width, width, height);
	}
	draw_detail(tui, LINES - 3);
	draw_legend(tui, LINES - 2, 0, COLS);
}

static int
month_key(struct tui *tui, const struct tui_key *key)
{
	struct date	d = tui->sel.date;
	int		days = date_days_in_month(d.year, d.month);

	switch (tui_key_move(key)) {
	case MOVE_LEFT:
		d = date_add_days(d, -1);
		break;
	case MOVE_RIGHT:
		d = date_add_days(d, 1);
		break;
	case MOVE_UP:
		d = date_add_days(d, -7);
		break;
	case MOVE_DOWN:
		d = date_add_days(d, 7);
		break;
	case MOVE_PAGE_UP:
	case MOVE_PAGE_DOWN:
		if (tui_key_move(key) == MOVE_PAGE_UP && --d.month == 0) {
			d.month = 12;
			d.year--;
		} else if (tui_key_move(key) == MOVE_PAGE_DOWN &&
		    ++d.month == 13) {
			d.month = 1;
			d.year++;
		}
		if (d.day > date_days_in_month(d.year, d.month))
			d.day = date_days_in_month(d.year, d.month);
		break;
	case MOVE_HOME:
		d.day = 1;
		break;
	case MOVE_END:
		d.day = days;
		break;
	default:
		return 0;
	}
	if (d.year < 1 || d.year > 9999)
		return 1;
	tui_select_date(tui, d);
	month_select(tui);
	return 1;
}

static void
month_resize(struct tui *tui)
{
	(void)tui;
}

const struct view view_month = {
	N_("Month"),
	month_draw,
	month_key,
	month_resize,
	month_reload,
	NULL,
	N_("? help  a add  Enter edit  i details  g go to date  "
	    "PgUp/PgDn month  y copy  c cancel"),
	NULL
};
