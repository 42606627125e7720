/*
 * view-checks.c -- the plan checks of the fiscal year (core/check.h):
 * targets not met, meetings on days the offices are closed, clashes,
 * reporting windows; Enter goes to the finding's meeting or center.
 */
#include <stdio.h>
#include <string.h>

#include "check.h"
#include "i18n.h"
#include "text.h"
#include "tui.h"

static struct {
	/* the data's findings: the year's, unfiltered (data.c) */
	const struct finding_list	*findings;
	struct finding_list		 none;	/* after an error */
	unsigned long			 generation;	/* what it is of */
	int				 fy;
	int				 built;
	int				 select;	/* set tui->sel */
	size_t				 cur, top;
	char				 error[1024];
} cv;

static void
build(struct tui *tui)
{
	struct error	err;

	cv.error[0] = '\0';
	if ((cv.findings = data_plan_findings(tui, &err)) == NULL) {
		snprintf(cv.error, sizeof cv.error, "%s", err.msg);
		cv.findings = &cv.none;
	}
	if (cv.cur >= cv.findings->count)
		cv.cur = cv.findings->count > 0 ? cv.findings->count - 1 : 0;
}

static void
select_finding(struct tui *tui)
{
	const struct finding	*f;

	if (cv.findings->count == 0)
		return;
	f = &cv.findings->items[cv.cur];
	tui->sel.meeting_id = f->meeting_ids[0];
	tui->sel.center_id = f->center_id;
	tui->sel.type_id = f->type_id;
	tui->sel.whole_day = 0;
	if (f->has_date)
		tui->sel.date = f->date;
}

/* Cheap when nothing changed: the findings are the data's. */
static void
ensure_built(struct tui *tui)
{
	int	changed = !cv.built || cv.generation != tui->generation ||
		    cv.fy != tui->fiscal_year;

	build(tui);
	cv.built = 1;
	cv.generation = tui->generation;
	cv.fy = tui->fiscal_year;
	if ((changed || cv.select) && tui_view_is(tui, &view_checks))
		select_finding(tui);
	cv.select = 0;
}

static void
checks_reload(struct tui *tui)
{
	(void)tui;
	cv.select = 1;
}

static int
visible_rows(void)
{
	int	n = (LINES - 4) - (TUI_TOP + 1) + 1;

	return n > 1 ? n : 1;
}

static void
draw_finding(struct tui *tui, int y, size_t i)
{
	const struct finding		*f = &cv.findings->items[i];
	const struct center		*c = catalog_center_by_id(tui->catalog,
					    f->center_id);
	const struct meeting_type	*t = catalog_type_by_id(tui->catalog,
					    f->type_id);
	char				 day[32];
	attr_t				 attr = i == cv.cur ? A_REVERSE :
					    A_NORMAL;
	int				 x = 1;

	if (i == cv.cur)
		draw_blank(stdscr, y, 0, COLS, A_REVERSE);
	day[0] = '\0';
	if (f->has_date)
		draw_format_day(f->date, day, sizeof day);
	draw_text(stdscr, y, x, 9, day, attr);
	x += 10;
	draw_text(stdscr, y, x, 10, c != NULL ? c->name : "", attr);
	x += 11;
	draw_text(stdscr, y, x, 4, t != NULL ? t->short_name : "", attr);
	x += 5;
	draw_text(stdscr, y, x, COLS - x, f->message, attr);
}

static void
checks_draw(struct tui *tui)
{
	char	fy[32], today[DATE_JA_LEN], buf[256];
	size_t	i, vis = (size_t)visible_rows();
	int	y;

	ensure_built(tui);
	date_format_fiscal_year(tui->fiscal_year, fy, sizeof fy);
	date_format_japanese(tui->today, today, sizeof today);
	snprintf(buf, sizeof buf, _("Plan checks of %s, as of %s"), fy,
	    today);
	draw_text(stdscr, TUI_TOP, 0, COLS, buf, A_BOLD);
	snprintf(buf, sizeof buf, ngettext("%zu finding", "%zu findings",
	    cv.findings->count), cv.findings->count);
	draw_text_right(stdscr, TUI_TOP, 0, COLS - 1, buf, A_NORMAL);
	if (cv.error[0] != '\0') {
		draw_text(stdscr, TUI_TOP + 1, 0, COLS, cv.error, A_BOLD |
		    draw_pair(tui, PAIR_ERROR));
		return;
	}
	if (cv.findings->count == 0) {
		draw_text(stdscr, TUI_TOP + 1, 1, COLS - 1, _("Nothing to "
		    "report: the plan meets its targets and rules."), A_DIM);
		return;
	}
	if (cv.cur < cv.top)
		cv.top = cv.cur;
	if (cv.cur >= cv.top + vis)
		cv.top = cv.cur - vis + 1;
	for (i = cv.top, y = TUI_TOP + 1; i < cv.findings->count &&
	    y < TUI_TOP + 1 + (int)vis; i++, y++)
		draw_finding(tui, y, i);
	draw_text(stdscr, LINES - 3, 0, COLS,
	    cv.findings->items[cv.cur].message, A_NORMAL);
	draw_text(stdscr, LINES - 2, 0, COLS, _("Enter: go to the meeting or "
	    "center in the year grid   e: edit the meeting"), A_DIM);
}

static int
checks_key(struct tui *tui, const struct tui_key *key)
{
	size_t	n, vis = (size_t)visible_rows();

	ensure_built(tui);
	n = cv.findings->count;
	if (key->code == KEY_ENTER || tui_key_is(key, '\r') ||
	    tui_key_is(key, '\n')) {
		if (n == 0)
			return 1;
		select_finding(tui);
		tui_show_view(tui, &view_grid);
		return 1;
	}
	if (n == 0)
		return 0;
	if (!tui_list_move(key, &cv.cur, n, vis))
		return 0;
	select_finding(tui);
	return 1;
}

static void
checks_resize(struct tui *tui)
{
	(void)tui;
}

const struct view view_checks = {
	N_("Checks"),
	checks_draw,
	checks_key,
	checks_resize,
	checks_reload,
	NULL,
	N_("? help  Enter go to it  e edit  i details"),
	NULL
};
