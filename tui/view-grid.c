/*
 * view-grid.c -- the year grid: Matsudo's R3 table on the screen. A row
 * per center, a column group per regional meeting type holding each
 * meeting's date as M/D, the city-level meetings in a band on top.
 */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "alloc.h"
#include "i18n.h"
#include "text.h"
#include "tui.h"

#define CELL_WIDTH	7	/* today mark, "11/19", status mark */
#define LABEL_MIN	8
#define LABEL_MAX	14

struct grid_group {
	const struct meeting_type	*type;
	int				 first;		/* first cell */
	int				 ncells;
};

struct center_row;

struct grid_row {
	long				 center_id;	/* 0: a band row */
	const struct meeting_type	*type;		/* band: its type */
	const char			*label;
	int				 retired;
};

static struct {
	struct grid_group	*groups;
	size_t			 ngroups;
	struct grid_row		*rows;
	int			 nrows;
	int			 nband;		/* rows 0..nband-1 */
	int			 ncells;	/* cells per row */
	long			*cells;		/* meeting index or -1 */
	struct center_row	*by_center;	/* sorted by center id */
	size_t			 nby_center;
	int			 label_width;
	int			 built;
	unsigned long		 serial;	/* of the meetings laid out */
	int			 row, col;	/* the cursor */
	int			 top, left;	/* first center row, cell */
} grid;

/* The grid's int rows and cells index its arrays: never negative there. */
static long *
cell_at(int row, int col)
{
	return &grid.cells[(size_t)row * (size_t)grid.ncells + (size_t)col];
}

static const struct meeting *
meeting_at(struct tui *tui, int row, int col)
{
	long	i;

	if (row < 0 || row >= grid.nrows || col < 0 || col >= grid.ncells)
		return NULL;
	i = *cell_at(row, col);
	return i < 0 ? NULL : &draft_shown(tui)->items[i];
}

static void
grid_free(void)
{
	free(grid.groups);
	free(grid.rows);
	free(grid.cells);
	free(grid.by_center);
	grid.groups = NULL;
	grid.rows = NULL;
	grid.cells = NULL;
	grid.by_center = NULL;
	grid.nby_center = 0;
	grid.ngroups = 0;
	grid.nrows = grid.nband = grid.ncells = 0;
}

/* The group of a cell, or NULL in a band row. */
static const struct grid_group *
group_of(int row, int col)
{
	size_t	g;

	if (row < grid.nband)
		return NULL;
	for (g = 0; g < grid.ngroups; g++)
		if (col >= grid.groups[g].first &&
		    col < grid.groups[g].first + grid.groups[g].ncells)
			return &grid.groups[g];
	return NULL;
}

/* A center's row, found by bsearch: a city may have hundreds. */
struct center_row {
	long	center_id;
	int	row;
};

static int
compare_center_rows(const void *a, const void *b)
{
	const struct center_row	*x = a, *y = b;

	return x->center_id < y->center_id ? -1 : x->center_id > y->center_id;
}

/* The index of the rows by center, after any change to grid.rows. */
static void
index_rows(void)
{
	size_t	n = 0;
	int	r;

	free(grid.by_center);
	grid.by_center = xcalloc((size_t)grid.nrows + 1,
	    sizeof *grid.by_center);
	for (r = grid.nband; r < grid.nrows; r++) {
		grid.by_center[n].center_id = grid.rows[r].center_id;
		grid.by_center[n++].row = r;
	}
	qsort(grid.by_center, n, sizeof *grid.by_center,
	    compare_center_rows);
	grid.nby_center = n;
}

static int
row_of_center(long center_id)
{
	struct center_row	key, *found;

	key.center_id = center_id;
	found = bsearch(&key, grid.by_center, grid.nby_center,
	    sizeof *grid.by_center, compare_center_rows);
	return found != NULL ? found->row : -1;
}

static int
group_index(long type_id)
{
	size_t	g;

	for (g = 0; g < grid.ngroups; g++)
		if (grid.groups[g].type->id == type_id)
			return (int)g;
	return -1;
}

static int
band_of_type(long type_id)
{
	int	r;

	for (r = 0; r < grid.nband; r++)
		if (grid.rows[r].type->id == type_id)
			return r;
	return -1;
}

/* Rows and column groups from the catalog and the year's meetings. */
static void
grid_layout(struct tui *tui, int **counts)
{
	const struct catalog	*cat = tui->catalog;
	const struct meeting_list *shown = draft_shown(tui);
	const struct meeting	*m;
	size_t			 i, g;
	int			 r, *band_counts, w;

	grid.groups = xcalloc(cat->ntypes + 1, sizeof *grid.groups);
	grid.rows = xcalloc(cat->ntypes + cat->ncenters + 1,
	    sizeof *grid.rows);
	for (i = 0; i < cat->ntypes; i++) {
		if (cat->types[i].level == LEVEL_CITY) {
			grid.rows[grid.nband].type = &cat->types[i];
			grid.rows[grid.nband++].label = cat->types[i].name;
		} else
			grid.groups[grid.ngroups++].type = &cat->types[i];
	}
	grid.nrows = grid.nband;
	*counts = xcalloc((cat->ncenters + 1) * (grid.ngroups + 1),
	    sizeof **counts);
	band_counts = xcalloc((size_t)grid.nband + 1, sizeof *band_counts);
	/* retired centers only when they held something this year */
	for (i = 0; i < cat->ncenters; i++) {
		grid.rows[grid.nrows].center_id = cat->centers[i].id;
		grid.rows[grid.nrows].label = cat->centers[i].name;
		grid.rows[grid.nrows++].retired = cat->centers[i].retired;
	}
	index_rows();
	for (i = 0; i < shown->count; i++) {
		m = &shown->items[i];
		if (m->center_id == 0) {
			if ((r = band_of_type(m->type_id)) >= 0)
				band_counts[r]++;
		} else if ((r = row_of_center(m->center_id)) >= 0 &&
		    (w = group_index(m->type_id)) >= 0)
			(*counts)[(size_t)(r - grid.nband) * grid.ngroups +
			    (size_t)w]++;
	}
	for (r = grid.nband; r < grid.nrows; r++) {
		if (!grid.rows[r].retired)
			continue;
		for (g = 0, w = 0; g < grid.ngroups; g++)
			w += (*counts)[(size_t)(r - grid.nband) *
			    grid.ngroups + g];
		if (w == 0)
			grid.rows[r].label = NULL;	/* hidden below */
	}
	grid.ncells = 0;
	for (g = 0; g < grid.ngroups; g++) {
		grid.groups[g].ncells = 1;
		for (r = grid.nband; r < grid.nrows; r++)
			if ((w = (*counts)[(size_t)(r - grid.nband) *
			    grid.ngroups + g]) > grid.groups[g].ncells)
				grid.groups[g].ncells = w;
		grid.groups[g].first = grid.ncells;
		grid.ncells += grid.groups[g].ncells;
	}
	for (r = 0; r < grid.nband; r++)
		if (band_counts[r] > grid.ncells)
			grid.ncells = band_counts[r];
	if (grid.ncells == 0)
		grid.ncells = 1;
	free(band_counts);
	grid.label_width = LABEL_MIN;
	for (r = 0; r < grid.nrows; r++)
		if (grid.rows[r].label != NULL &&
		    (w = text_width(grid.rows[r].label)) > grid.label_width)
			grid.label_width = w;
	if (grid.label_width > LABEL_MAX)
		grid.label_width = LABEL_MAX;
}

/* Drop the hidden (retired, idle) rows. */
static void
grid_compact(void)
{
	int	r, to = grid.nband;

	for (r = grid.nband; r < grid.nrows; r++)
		if (grid.rows[r].label != NULL)
			grid.rows[to++] = grid.rows[r];
	grid.nrows = to;
	index_rows();
}

static void
grid_fill(struct tui *tui)
{
	const struct meeting_list *shown = draft_shown(tui);
	const struct meeting	*m;
	int			*used, r, g;
	size_t			 i;

	grid.cells = xreallocarray(NULL, (size_t)grid.nrows *
	    (size_t)grid.ncells, sizeof *grid.cells);
	for (i = 0; i < (size_t)grid.nrows * (size_t)grid.ncells; i++)
		grid.cells[i] = -1;
	used = xcalloc((size_t)grid.nrows * (grid.ngroups + 1), sizeof *used);
	/* the list is in date order, so each cell list is too */
	for (i = 0; i < shown->count; i++) {
		m = &shown->items[i];
		if (m->center_id == 0) {
			if ((r = band_of_type(m->type_id)) < 0 ||
			    used[(size_t)r * (grid.ngroups + 1)] >= grid.ncells)
				continue;
			*cell_at(r, used[(size_t)r * (grid.ngroups + 1)]++) =
			    (long)i;
			continue;
		}
		if ((r = row_of_center(m->center_id)) < 0 ||
		    (g = group_index(m->type_id)) < 0)
			continue;
		*cell_at(r, grid.groups[g].first +
		    used[(size_t)r * (grid.ngroups + 1) + (size_t)g]++) =
		    (long)i;
	}
	/*
	 * A type of two columns has the fiscal year's halves, as in the
	 * summary (summary.h): a lone meeting of 下半期 in the second.
	 */
	for (g = 0; g < (int)grid.ngroups; g++) {
		if (grid.groups[g].ncells != 2)
			continue;
		for (r = grid.nband; r < grid.nrows; r++) {
			long	*first = cell_at(r, grid.groups[g].first);

			if (used[(size_t)r * (grid.ngroups + 1) +
			    (size_t)g] != 1 ||
			    date_fiscal_half(shown->items[*first].date)
			    != 2)
				continue;
			*cell_at(r, grid.groups[g].first + 1) = *first;
			*first = -1;
		}
	}
	free(used);
}

/* Tell the other views and the actions what the cursor is on. */
static void
grid_select(struct tui *tui)
{
	const struct meeting		*m = meeting_at(tui, grid.row,
					    grid.col);
	const struct grid_group		*g;
	const struct grid_row		*row;

	if (grid.nrows == 0)
		return;
	row = &grid.rows[grid.row];
	tui->sel.whole_day = 0;
	tui->sel.center_id = row->center_id;
	if (row->center_id == 0)
		tui->sel.type_id = row->type->id;
	else if ((g = group_of(grid.row, grid.col)) != NULL)
		tui->sel.type_id = g->type->id;
	tui->sel.meeting_id = m != NULL ? m->id : 0;
	if (m != NULL)
		tui->sel.date = m->date;
}

/* Put the cursor where the shared selection is. */
static void
grid_follow(struct tui *tui)
{
	const struct meeting	*m;
	int			 r, c, g;

	if (tui->sel.meeting_id != 0)
		for (r = 0; r < grid.nrows; r++)
			for (c = 0; c < grid.ncells; c++)
				if ((m = meeting_at(tui, r, c)) != NULL &&
				    m->id == tui->sel.meeting_id) {
					grid.row = r;
					grid.col = c;
					return;
				}
	r = tui->sel.center_id != 0 ? row_of_center(tui->sel.center_id) :
	    tui->sel.type_id != 0 ? band_of_type(tui->sel.type_id) : -1;
	if (r < 0)
		r = grid.row >= grid.nband && grid.row < grid.nrows ?
		    grid.row : grid.nband;
	if (r >= grid.nrows)
		r = grid.nrows - 1;
	if (r < 0)
		r = 0;
	grid.row = r;
	/* the row's first meeting on or after the selected date */
	g = r < grid.nband ? -1 : group_index(tui->sel.type_id);
	for (c = g >= 0 ? grid.groups[g].first : 0; c < grid.ncells; c++) {
		if (g >= 0 && c >= grid.groups[g].first +
		    grid.groups[g].ncells)
			break;
		if ((m = meeting_at(tui, r, c)) == NULL)
			break;
		if (date_compare(m->date, tui->sel.date) >= 0)
			break;
	}
	/* none so late: the type's last, not the next type's first */
	if (g >= 0 && c >= grid.groups[g].first + grid.groups[g].ncells)
		c = grid.groups[g].first + grid.groups[g].ncells - 1;
	if (c >= grid.ncells)
		c = grid.ncells - 1;
	grid.col = c;
}

static void
grid_reload(struct tui *tui)
{
	int	*counts = NULL;

	/* the same meetings (the view shown again): only follow */
	if (grid.built && grid.serial == tui->meetings_serial) {
		grid_follow(tui);
		if (tui_view_is(tui, &view_grid))
			grid_select(tui);
		return;
	}
	grid.built = 1;
	grid.serial = tui->meetings_serial;
	grid_free();
	grid_layout(tui, &counts);
	free(counts);
	grid_compact();
	grid_fill(tui);
	grid_follow(tui);
	if (tui_view_is(tui, &view_grid))
		grid_select(tui);
}

/* Screen geometry. */
static int
band_y(void)
{
	return TUI_TOP + 1;
}

static int
header_y(void)
{
	return band_y() + grid.nband;
}

static int
rows_y(void)
{
	return header_y() + 1;
}

static int
visible_rows(void)
{
	int	n = (LINES - 4) - rows_y() + 1;

	return n > 1 ? n : 1;
}

static int
cells_x(void)
{
	return grid.label_width + 1;
}

/* Columns of each visible cell from grid.left; returns how many fit. */
static int
cell_columns(int *xs, int max)
{
	int	c, x = cells_x(), n = 0;

	for (c = grid.left; c < grid.ncells && n < max; c++) {
		if (group_of(grid.nband, c) != NULL &&
		    group_of(grid.nband, c)->first == c)
			x++;			/* a rule before each group */
		if (x + CELL_WIDTH > COLS)
			break;
		xs[n++] = x;
		x += CELL_WIDTH;
	}
	return n;
}

static void
grid_scroll(void)
{
	int	xs[512], n, vis = visible_rows();

	if (grid.row >= grid.nband) {
		if (grid.row - grid.nband < grid.top)
			grid.top = grid.row - grid.nband;
		if (grid.row - grid.nband >= grid.top + vis)
			grid.top = grid.row - grid.nband - vis + 1;
	}
	if (grid.top > grid.nrows - grid.nband - vis)
		grid.top = grid.nrows - grid.nband - vis;
	if (grid.top < 0)
		grid.top = 0;
	if (grid.col < grid.left)
		grid.left = grid.col;
	for (;;) {
		n = cell_columns(xs, 512);
		if (grid.col < grid.left + n || grid.left >= grid.col)
			break;
		grid.left++;
	}
}

/*
 * '>' marks the first meeting of each row (or of each type in a row) on
 * or after today that will take place: a cancelled one is not next.
 */
static int
is_next_from_today(struct tui *tui, int row, int col)
{
	const struct meeting		*m = meeting_at(tui, row, col);
	const struct meeting		*prev;
	const struct grid_group		*g = group_of(row, col);
	int				 first = g != NULL ? g->first : 0, c;

	if (m == NULL || m->status == STATUS_CANCELLED ||
	    date_compare(m->date, tui->today) < 0)
		return 0;
	for (c = col - 1; c >= first; c--) {
		if ((prev = meeting_at(tui, row, c)) == NULL ||
		    date_compare(prev->date, tui->today) < 0)
			break;
		if (prev->status != STATUS_CANCELLED)
			return 0;
	}
	return 1;
}

static void
draw_cell(struct tui *tui, int y, int x, int row, int col)
{
	const struct meeting	*m = meeting_at(tui, row, col);
	char			 md[16];
	int			 cursor = row == grid.row && col == grid.col;
	attr_t			 rev = cursor ? A_REVERSE : A_NORMAL;
	int			 w;

	draw_blank(stdscr, y, x, CELL_WIDTH, rev);
	if (m == NULL)
		return;
	if (is_next_from_today(tui, row, col))
		draw_text(stdscr, y, x, 1, ">", rev | A_BOLD |
		    draw_pair(tui, PAIR_TODAY));
	draw_format_month_day(m->date, md, sizeof md);
	w = text_width(md);
	/* only the date itself carries the mode, as in the R3 table */
	draw_text(stdscr, y, x + 1 + (5 - w), w, md, rev |
	    draw_meeting_attr(tui, m));
	if (m->id < 0)		/* a draft (P): marked apart */
		draw_text(stdscr, y, x + 6, 1, "+", rev | A_BOLD |
		    draw_pair(tui, PAIR_TODAY));
	else
		draw_text(stdscr, y, x + 6, 1, draw_meeting_mark(m), rev |
		    (draw_meeting_attr(tui, m) & ~(A_UNDERLINE | A_BOLD)));
}

static void
draw_row(struct tui *tui, int y, int row, const int *xs, int n)
{
	const struct grid_row	*r = &grid.rows[row];
	const struct grid_group	*g;
	int			 i;
	attr_t			 attr = r->retired ? A_DIM : A_NORMAL;

	if (row == grid.row)
		attr |= A_BOLD;
	draw_text(stdscr, y, 0, grid.label_width, r->label, attr);
	for (i = 0; i < n; i++) {
		g = row >= grid.nband ? group_of(row, grid.left + i) : NULL;
		if (g != NULL && g->first == grid.left + i)
			mvaddch(y, xs[i] - 1, ACS_VLINE);
		draw_cell(tui, y, xs[i], row, grid.left + i);
	}
}

/*
 * "← 推進  → 自立": the types with cells off the screen to the left
 * and to the right, so that none is dropped without a word. Returns
 * the columns it took.
 */
static int
draw_hidden_groups(int y, int right, int n)
{
	const struct grid_group	*g;
	char			 left[256], more[256], buf[600];
	size_t			 i, len;

	left[0] = more[0] = '\0';
	for (i = 0; i < grid.ngroups; i++) {
		g = &grid.groups[i];
		if (g->first < grid.left) {
			len = strlen(left);
			snprintf(left + len, sizeof left - len, "%s%s",
			    len > 0 ? " " : "← ", g->type->short_name);
		}
		if (g->first + g->ncells > grid.left + n) {
			len = strlen(more);
			snprintf(more + len, sizeof more - len, "%s%s",
			    len > 0 ? " " : "→ ", g->type->short_name);
		}
	}
	if (left[0] == '\0' && more[0] == '\0')
		return 0;
	snprintf(buf, sizeof buf, "%s%s%s", left, left[0] != '\0' &&
	    more[0] != '\0' ? "  " : "", more);
	return draw_text_right(stdscr, y, 0, right, buf, A_BOLD);
}

static void
draw_header(struct tui *tui, const int *xs, int n)
{
	const struct grid_group	*g;
	char			 title[128], count[64];
	int			 i, y = header_y(), width, last, w;

	date_format_fiscal_year(tui->fiscal_year, title, sizeof title);
	snprintf(title + strlen(title), sizeof title - strlen(title), " %s",
	    _("meetings by center"));
	if (draft_active(tui))
		snprintf(title + strlen(title), sizeof title - strlen(title),
		    "  %s", _("+ draft (P: plan)"));
	draw_text(stdscr, TUI_TOP, 0, COLS, title, A_BOLD);
	snprintf(count, sizeof count, ngettext("%zu meeting", "%zu meetings",
	    tui->meetings.count), tui->meetings.count);

	w = draw_text_right(stdscr, TUI_TOP, 0, COLS - 1, count, A_NORMAL);
	draw_hidden_groups(TUI_TOP, COLS - 1 - w - 3, n);
	draw_text(stdscr, y, 0, grid.label_width, _("Center"), A_BOLD);
	for (i = 0; i < n; i++) {
		if ((g = group_of(grid.nband, grid.left + i)) == NULL)
			continue;
		if (i > 0 && g->first != grid.left + i)
			continue;
		/* the rule where the rows have one: before a group's first */
		if (g->first == grid.left + i)
			mvaddch(y, xs[i] - 1, ACS_VLINE);
		last = g->first + g->ncells - 1 - grid.left;
		if (last >= n)
			last = n - 1;
		width = xs[last] + CELL_WIDTH - xs[i];
		draw_text(stdscr, y, xs[i], width, text_width(g->type->name) <=
		    width ? g->type->name : g->type->short_name, A_BOLD);
	}
}

static void
draw_detail(struct tui *tui, int y)
{
	const struct meeting		*m = meeting_at(tui, grid.row,
					    grid.col);
	const struct grid_group		*g = group_of(grid.row, grid.col);
	char				 buf[1024];

	if (grid.nrows == 0)
		return;
	if (m != NULL && m->id < 0) {
		draft_detail(tui, m, buf, sizeof buf);
		draw_text(stdscr, y, 0, COLS, buf, A_BOLD);
		return;
	}
	if (m != NULL) {
		draw_meeting_detail(tui, y, m);
		return;
	}
	if (g != NULL)
		snprintf(buf, sizeof buf, _("%s, %s: no meeting here (a: add "
		    "one)"), grid.rows[grid.row].label, g->type->name);
	else
		snprintf(buf, sizeof buf, _("%s: no meeting here (a: add "
		    "one)"), grid.rows[grid.row].label);
	draw_text(stdscr, y, 0, COLS, buf, A_DIM);
}

static void
grid_draw(struct tui *tui)
{
	int	xs[512], n, r, y, vis = visible_rows();

	grid_scroll();
	n = cell_columns(xs, 512);
	draw_header(tui, xs, n);
	for (r = 0; r < grid.nband; r++)
		draw_row(tui, band_y() + r, r, xs, n);
	for (r = grid.nband + grid.top, y = rows_y(); r < grid.nrows &&
	    y < rows_y() + vis; r++, y++)
		draw_row(tui, y, r, xs, n);
	if (grid.nrows == grid.nband)
		draw_text(stdscr, rows_y(), 0, COLS, _("No centers yet: add "
		    "them with 'carecal center add NAME'."), A_DIM);
	draw_detail(tui, LINES - 3);
	draw_legend(tui, LINES - 2, 0, COLS);
}

static int
grid_key(struct tui *tui, const struct tui_key *key)
{
	int	vis = visible_rows(), c;

	if (grid.nrows == 0)
		return 0;
	if (draft_key(tui, key)) {
		grid_reload(tui);
		return 1;
	}
	switch (tui_key_move(key)) {
	case MOVE_UP:
		if (grid.row > 0)
			grid.row--;
		break;
	case MOVE_DOWN:
		if (grid.row < grid.nrows - 1)
			grid.row++;
		break;
	case MOVE_LEFT:
		if (grid.col > 0)
			grid.col--;
		break;
	case MOVE_RIGHT:
		if (grid.col < grid.ncells - 1)
			grid.col++;
		break;
	case MOVE_PAGE_UP:
		grid.row = grid.row - vis < grid.nband ? grid.nband :
		    grid.row - vis;
		if (grid.row >= grid.nrows)
			grid.row = grid.nrows - 1;
		break;
	case MOVE_PAGE_DOWN:
		grid.row = grid.row + vis >= grid.nrows ? grid.nrows - 1 :
		    grid.row + vis;
		break;
	case MOVE_HOME:
		grid.col = 0;
		break;
	case MOVE_END:
		/* the row's last meeting */
		for (c = grid.ncells - 1; c > 0; c--)
			if (meeting_at(tui, grid.row, c) != NULL)
				break;
		grid.col = c;
		break;
	default:
		return 0;
	}
	grid_select(tui);
	return 1;
}

static void
grid_release(void)
{
	grid_free();
	draft_free();
}

static void
grid_resize(struct tui *tui)
{
	(void)tui;
	grid_scroll();
}

const struct view view_grid = {
	N_("Year"),
	grid_draw,
	grid_key,
	grid_resize,
	grid_reload,
	NULL,
	N_("? help  a add  Enter edit  i details  g go to date  y copy  "
	    "c cancel  D delete"),
	grid_release
};
