/*
 * meeting-row.c -- a meeting as one row of columns (date, time, center,
 * type, mode, status, cases, venue), with its header: the agenda's rows
 * and the week's, which leaves the date to its day's heading.
 */
#include <stdio.h>
#include <string.h>

#include "i18n.h"
#include "text.h"
#include "tui.h"

enum { COL_DATE, COL_TIME, COL_CENTER, COL_TYPE, COL_MODE, COL_STATUS,
    COL_CASES, COL_VENUE, NCOLS };

/* Column widths; the type's is set by the screen, the venue's is the rest. */
static const int base_width[NCOLS] = { 9, 11, 10, 0, 14, 7, 5, 0 };

/* Full type names when they fit, else the short ones (推進, 個別). */
static int
type_full_names(void)
{
	return COLS >= 110;
}

static void
widths(const struct tui *tui, int *width)
{
	size_t	i;
	int	w;

	memcpy(width, base_width, sizeof base_width);
	width[COL_TYPE] = 4;
	for (i = 0; i < tui->catalog->ntypes; i++)
		if ((w = text_width(type_full_names() ?
		    tui->catalog->types[i].name :
		    tui->catalog->types[i].short_name)) > width[COL_TYPE])
			width[COL_TYPE] = w;
}

static void
draw_columns(const struct tui *tui, int y, int x, int flags,
    const char *const *cells, const attr_t *attrs)
{
	int	width[NCOLS], c, w;

	widths(tui, width);
	for (c = (flags & ROW_NO_DATE) ? COL_TIME : COL_DATE; c < NCOLS &&
	    x < COLS; c++) {
		w = width[c] > 0 ? width[c] : COLS - x;
		if (c == COL_CASES)
			draw_text_right(stdscr, y, x, w, cells[c], attrs[c]);
		else
			draw_text(stdscr, y, x, w, cells[c], attrs[c]);
		x += w + 1;
	}
}

void
row_draw_header(const struct tui *tui, int y, int x, int flags)
{
	const char	*head[NCOLS];
	attr_t		 attrs[NCOLS];
	int		 k;

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
	draw_columns(tui, y, x, flags, head, attrs);
}

void
row_draw_meeting(const struct tui *tui, int y, int x,
    const struct meeting *m, int flags)
{
	const struct meeting_type	*t = catalog_type_by_id(tui->catalog,
					    m->type_id);
	const struct center		*c = catalog_center_by_id(tui->catalog,
					    m->center_id);
	const char			*cells[NCOLS];
	attr_t				 attrs[NCOLS];
	char				 day[32], times[16], cases[16];
	char				 status[64];
	int				 k;
	attr_t				 base = (flags & ROW_CURSOR) ?
					    A_REVERSE : A_NORMAL;

	if (flags & ROW_CURSOR)
		draw_blank(stdscr, y, 0, COLS, A_REVERSE);
	if (flags & ROW_NEXT)
		draw_text(stdscr, y, x - 1, 1, ">", base | A_BOLD |
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
	draw_columns(tui, y, x, flags, cells, attrs);
}
