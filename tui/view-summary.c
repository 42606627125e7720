/*
 * view-summary.c -- the summary a city-level meeting discusses, before
 * it is printed: the year's table with the reporting window's dates
 * shaded, the totals line, and `w` to write it as PDF, CSV or text with
 * the report writers (core/report.h).
 */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "alloc.h"
#include "i18n.h"
#include "report.h"
#include "settings.h"
#include "summary.h"
#include "text.h"
#include "tui.h"

#define CELL_WIDTH	6	/* "11/19" and a mark */

static struct {
	int		 built;
	unsigned long	 generation;	/* what the summary is of: */
	int		 fy;
	long		 built_target;
	struct summary	 summary;	/* without the findings' text */
	struct meeting	*city;		/* the fiscal year's city-level ones */
	size_t		 ncity;
	long		 target_id;	/* the one summarised, 0: the year */
	int		 top;		/* first row shown */
	char		 error[1024];
} sv;

static const struct meeting *
target(void)
{
	size_t	i;

	for (i = 0; i < sv.ncity; i++)
		if (sv.city[i].id == sv.target_id)
			return &sv.city[i];
	return NULL;
}

static void
free_city(void)
{
	size_t	i;

	for (i = 0; i < sv.ncity; i++)
		meeting_clear(&sv.city[i]);
	free(sv.city);
	sv.city = NULL;
	sv.ncity = 0;
}

/* The city-level meetings of the year, whatever the view's filter. */
static int
load_city(struct tui *tui, struct error *err)
{
	const struct meeting	*city;
	size_t			 i, n;

	free_city();
	if (data_plan_city(tui, tui->fiscal_year, &city, &n, err) == -1)
		return -1;
	sv.city = xcalloc(n + 1, sizeof *sv.city);
	for (i = 0; i < n; i++)
		meeting_copy(&sv.city[sv.ncity++], &city[i]);
	return 0;
}

/* Keep the meeting chosen before; else the next one from today. */
static void
choose_target(struct tui *tui)
{
	size_t	i;

	if (target() != NULL)
		return;
	sv.target_id = 0;
	for (i = 0; i < sv.ncity; i++)
		if (sv.city[i].status != STATUS_CANCELLED) {
			sv.target_id = sv.city[i].id;
			if (date_compare(sv.city[i].date, tui->today) >= 0)
				break;
		}
}

/* What `w` asks before it writes, as summary's options (cmd-summary.c). */
struct write_choice {
	int		 with_findings;
	char		*doc_number;	/* or NULL */
	struct date	 as_of;
	char		*title;		/* or NULL: the default */
};

/*
 * A written summary's plan checks have the advisors' findings, as the
 * Checks view and `carecal check` do: the advisors and the bookings of
 * from..to into options (both lists the caller's to free).
 */
static int
summary_advisors(struct tui *tui, struct summary_options *options,
    struct date from, struct date to, struct advisor_list *advisors,
    struct assignment_list *assignments, struct error *err)
{
	advisor_list_init(advisors);
	assignment_list_init(assignments);
	if (!options->with_findings)
		return 0;
	if (store_advisors_for_checks(tui->store, &from, &to, advisors,
	    assignments, &options->horizon, &options->one_center_a_day,
	    err) == -1)
		return -1;
	options->advisors = advisors;
	options->assignments = assignments;
	return 0;
}

/*
 * The summary of the target into out, as the view shows it (choice
 * NULL) or as `w` writes it: the plan checks' text only a written
 * summary prints (the view shows their number, from
 * data_plan_findings).
 */
static int
build(struct tui *tui, struct summary *out, const struct write_choice *choice,
    struct error *err)
{
	const struct meeting	*t;
	struct summary_options	 options;
	struct meeting_list	 list;
	struct month_window	 window;
	struct closure		 closure;
	struct date		 from, to;
	struct advisor_list	 advisors;
	struct assignment_list	 assignments;
	char			*city = NULL, *words = NULL, *caption = NULL;
	int			 rc;

	memset(out, 0, sizeof *out);
	if ((t = target()) != NULL) {
		if (t->has_window)
			window = t->window;
		else
			month_window_default(t->date, &window);
	} else {
		window.from_year = tui->fiscal_year;
		window.from_month = 4;
		window.to_year = tui->fiscal_year + 1;
		window.to_month = 3;
	}
	if (store_setting_get(tui->store, "city", &city, err) == -1 ||
	    store_setting_get(tui->store, "title", &words, err) == -1 ||
	    store_setting_get(tui->store, "caption", &caption, err) == -1 ||
	    settings_closure_load(tui->store, &closure, err) == -1) {
		free(city);
		free(words);
		free(caption);
		return -1;
	}
	memset(&options, 0, sizeof options);
	options.city = city;
	options.title_words = words;
	options.caption = caption;
	options.has_today = 1;
	options.today = tui->today;
	options.closure = &closure;
	if (choice != NULL) {
		options.today = choice->as_of;
		options.with_findings = choice->with_findings;
		options.doc_number = choice->doc_number;
		options.title = choice->title;
	}
	summary_span(&window, t != NULL ? &t->date : NULL, &from, &to);
	rc = summary_advisors(tui, &options, from, to, &advisors,
	    &assignments, err);
	if (rc == 0)
		rc = data_plan_borrow(tui, from, to, &list, err);
	if (rc == 0) {
		rc = summary_build(out, tui->catalog, &list, &window, t,
		    &options, err);
		data_plan_release(&list);
	}
	advisor_list_free(&advisors);
	assignment_list_free(&assignments);
	free(city);
	free(words);
	free(caption);
	return rc;
}

static void
summary_reload(struct tui *tui)
{
	if (!tui_view_is(tui, &view_summary))
		return;
	/* a city-level meeting chosen elsewhere becomes the target */
	if (tui->sel.meeting_id != 0 && !tui->sel.whole_day) {
		const struct meeting_type *t = catalog_type_by_id(tui->catalog,
		    tui->sel.type_id);

		if (t != NULL && t->level == LEVEL_CITY)
			sv.target_id = tui->sel.meeting_id;
	}
}

static void
summary_select(struct tui *tui)
{
	const struct meeting	*t = target();

	if (t == NULL)
		return;
	tui->sel.meeting_id = t->id;
	tui->sel.date = t->date;
	tui->sel.center_id = 0;
	tui->sel.type_id = t->type_id;
	tui->sel.whole_day = 0;
}

/*
 * Built again only when the data, the year or the target changed:
 * switching to this view and back costs nothing.
 */
static void
ensure_built(struct tui *tui)
{
	struct error	err;

	if (!sv.built || sv.generation != tui->generation ||
	    sv.fy != tui->fiscal_year) {
		if (load_city(tui, &err) == -1) {
			snprintf(sv.error, sizeof sv.error, "%s", err.msg);
			return;
		}
		sv.generation = tui->generation;
		sv.fy = tui->fiscal_year;
		sv.built_target = -1;
	}
	choose_target(tui);
	if (sv.built && sv.built_target == sv.target_id) {
		if (tui_view_is(tui, &view_summary))
			summary_select(tui);
		return;
	}
	if (sv.built)
		summary_free(&sv.summary);
	sv.error[0] = '\0';
	if (build(tui, &sv.summary, NULL, &err) == -1)
		snprintf(sv.error, sizeof sv.error, "%s", err.msg);
	sv.built = 1;		/* summary_free even after an error */
	sv.built_target = sv.target_id;
	if (tui_view_is(tui, &view_summary))
		summary_select(tui);
}

/* While the user is idle: the summary ready before 4 is pressed. */
static int
summary_idle(struct tui *tui)
{
	if (sv.built && sv.generation == tui->generation &&
	    sv.fy == tui->fiscal_year && sv.built_target == sv.target_id)
		return 0;
	ensure_built(tui);
	/* after an error, again when the user comes back to it */
	return sv.error[0] == '\0';
}

/* 計画の点検（…）：4件, the count from the data's plan checks. */
static void
format_findings_heading(struct tui *tui, char *buf, size_t size)
{
	const struct finding_list	*found;
	struct summary			 heading = sv.summary;
	struct error			 err;

	buf[0] = '\0';
	if ((found = data_plan_findings(tui, &err)) == NULL)
		return;
	heading.has_findings = 1;
	heading.findings_year = tui->fiscal_year;
	heading.findings_as_of = tui->today;
	heading.nfindings_all = found->count;
	heading.nfindings = found->count < SUMMARY_FINDINGS_MAX ?
	    found->count : SUMMARY_FINDINGS_MAX;
	heading.findings = NULL;
	summary_format_findings_heading(&heading, buf, size);
}

static attr_t
date_attr(struct tui *tui, const struct summary_date *d)
{
	struct meeting	m;
	attr_t		attr;

	meeting_init(&m);
	m.mode = d->mode;
	m.status = d->status;
	attr = draw_meeting_attr(tui, &m);
	/*
	 * The shaded cells of the R3 table: what the meeting discusses and
	 * counts; a cancelled one in the window is not shaded.
	 */
	if (d->counted)
		attr |= A_REVERSE;
	return attr;
}

static int
draw_date(struct tui *tui, int y, int x, const struct summary_date *d)
{
	struct meeting	m;
	char		md[16];
	int		w;

	meeting_init(&m);
	m.status = d->status;
	draw_format_month_day(d->date, md, sizeof md);
	w = text_width(md);
	draw_text(stdscr, y, x + 5 - w, w, md, date_attr(tui, d));
	draw_text(stdscr, y, x + 5, 1, draw_meeting_mark(&m),
	    date_attr(tui, d) & ~(A_UNDERLINE | A_BOLD | A_REVERSE));
	return CELL_WIDTH;
}

static int
label_width(void)
{
	size_t	i;
	int	w = 8, n;

	for (i = 0; i < sv.summary.nrows; i++)
		if ((n = text_width(sv.summary.rows[i].name)) > w)
			w = n;
	return w > 14 ? 14 : w;
}

static void
draw_band(struct tui *tui, int y)
{
	const struct summary_city	*c;
	char				 buf[64];
	size_t				 i;
	int				 x;

	x = sv.summary.ncity > 0 ? draw_text(stdscr, y, 0, COLS,
	    sv.summary.city_meetings[0].type_name, A_NORMAL) + 2 : 0;
	for (i = 0; i < sv.summary.ncity && x < COLS; i++) {
		c = &sv.summary.city_meetings[i];
		draw_format_day(c->when.date, buf, sizeof buf);
		x += draw_text(stdscr, y, x, COLS - x, buf, date_attr(tui,
		    &c->when) | (c->is_target ? A_BOLD | A_STANDOUT :
		    A_NORMAL)) + 2;
	}
}

/* "→ 自立 in window": the columns the screen is too narrow for. */
static void
add_hidden(char *buf, size_t size, const char *name)
{
	size_t	len = strlen(buf);

	snprintf(buf + len, size - len, "%s%s", len > 0 ? " " : "→ ", name);
}

static void
draw_table(struct tui *tui, int y, int last)
{
	const struct summary_column	*col;
	const struct summary_row	*row;
	const struct summary_cell	*cell;
	char				 buf[64], hidden[256];
	size_t				 c, r, k;
	int				 lw = label_width(), x, width;

	draw_text(stdscr, y, 0, lw, _("Center"), A_BOLD);
	hidden[0] = '\0';
	for (c = 0, x = lw + 1; c < sv.summary.ncolumns; c++) {
		col = &sv.summary.columns[c];
		width = (int)col->slots * CELL_WIDTH;
		if (width < CELL_WIDTH)
			width = CELL_WIDTH;
		if (x + width > COLS)
			add_hidden(hidden, sizeof hidden, col->short_name);
		if (x < COLS)
			draw_text(stdscr, y, x, width, text_width(col->name) <=
			    width ? col->name : col->short_name, A_BOLD);
		x += width + 1;
	}
	if (x >= COLS || text_width(_("in window")) > COLS - x)
		add_hidden(hidden, sizeof hidden, _("in window"));
	draw_text(stdscr, y, x, COLS - x, _("in window"), A_BOLD);
	/* what the width leaves out is named, not dropped without a word */
	if (hidden[0] != '\0')
		draw_text_right(stdscr, TUI_TOP, 0, COLS - 1, hidden, A_BOLD);
	for (r = (size_t)sv.top, y++; r < sv.summary.nrows && y <= last;
	    r++, y++) {
		row = &sv.summary.rows[r];
		draw_text(stdscr, y, 0, lw, row->name, A_NORMAL);
		for (c = 0, x = lw + 1; c < sv.summary.ncolumns; c++) {
			col = &sv.summary.columns[c];
			cell = &row->cells[c];
			width = (int)col->slots * CELL_WIDTH;
			if (width < CELL_WIDTH)
				width = CELL_WIDTH;
			/* each in the column of its slot (summary.h) */
			for (k = 0; k < cell->count; k++)
				if (x + (int)(cell->dates[k].slot + 1) *
				    CELL_WIDTH <= COLS)
					draw_date(tui, y, x +
					    (int)cell->dates[k].slot *
					    CELL_WIDTH, &cell->dates[k]);
			x += width + 1;
		}
		if (x < COLS) {
			summary_format_total(&row->total, 0, buf, sizeof buf);
			draw_text(stdscr, y, x, COLS - x, buf, A_NORMAL);
		}
	}
}

/* Long Japanese lines over several screen lines; returns lines used. */
static int
draw_wrapped(int y, int max_lines, const char *s, attr_t attr)
{
	char	piece[1024];
	int	n = 0;
	size_t	used;

	while (*s != '\0' && n < max_lines) {
		text_truncate(s, COLS - 1, piece, sizeof piece);
		if ((used = strlen(piece)) == 0)
			break;
		draw_text(stdscr, y + n++, 0, COLS, piece, attr);
		s += used;
	}
	return n;
}

static void
summary_draw(struct tui *tui)
{
	char	buf[2048];
	int	last;

	ensure_built(tui);
	if (sv.error[0] != '\0') {
		draw_wrapped(TUI_TOP, 3, sv.error, A_BOLD |
		    draw_pair(tui, PAIR_ERROR));
		return;
	}
	summary_format_title(&sv.summary, buf, sizeof buf);
	draw_text(stdscr, TUI_TOP, 0, COLS, buf, A_BOLD);
	summary_format_subtitle(&sv.summary, buf, sizeof buf);
	draw_text(stdscr, TUI_TOP + 1, 0, COLS, buf, A_NORMAL);
	draw_band(tui, TUI_TOP + 2);
	last = LINES - 5;
	draw_table(tui, TUI_TOP + 3, last);
	summary_format_totals(&sv.summary, buf, sizeof buf);
	draw_wrapped(last + 1, 2, buf, A_BOLD);
	format_findings_heading(tui, buf, sizeof buf);
	if (buf[0] != '\0')
		strncat(buf, "  ", sizeof buf - strlen(buf) - 1);
	strncat(buf, sv.ncity > 0 ? _("(Left/Right: another city-level "
	    "meeting, w: write it, 5: the checks)") : _("(no city-level "
	    "meeting this year: the whole year; w: write it)"),
	    sizeof buf - strlen(buf) - 1);
	draw_text(stdscr, LINES - 2, 0, COLS, buf, A_NORMAL);
}

struct write_job {
	const struct report_format	*format;
	struct summary			*summary;
};

static int
write_summary(FILE *fp, void *arg, struct error *err)
{
	const struct write_job	*job = arg;

	return job->format->write(fp, job->summary, err);
}

/* Asks for a line; -1 when the user leaves with Esc. */
static int
ask(struct tui *tui, const char *label, const char *initial, char **out)
{
	if (prompt_line(tui, label, initial, out, NULL, NULL) == -1) {
		tui_message(tui, 0, "%s", _("nothing written"));
		return -1;
	}
	return 0;
}

/*
 * The choices of `carecal summary` as a 資料: the plan checks or not,
 * the document's number, the date it is as of, its title. Enter keeps
 * each default. 0, or -1 when the user left (or gave a bad date).
 */
static int
ask_choices(struct tui *tui, struct write_choice *c)
{
	const char	*checks[2];
	char		*text, iso[DATE_ISO_LEN], title[SUMMARY_TEXT_MAX];
	struct error	 err;
	int		 k;

	memset(c, 0, sizeof *c);
	c->as_of = tui->today;
	checks[0] = _("without the plan checks");
	checks[1] = _("with the plan checks");
	if ((k = pick_one(tui, _("The plan checks of the year"), checks, 2,
	    0)) < 0)
		return -1;
	c->with_findings = k == 1;
	if (ask(tui, _("Document number (資料番号; empty: none):"), "",
	    &text) == -1)
		return -1;
	if (*text != '\0')
		c->doc_number = text;
	else
		free(text);
	date_format_iso(tui->today, iso, sizeof iso);
	if (ask(tui, _("As of (date):"), iso, &text) == -1)
		return -1;
	if (date_parse(text, &c->as_of, &err) == -1) {
		tui_message(tui, 1, "%s", err.msg);
		free(text);
		return -1;
	}
	free(text);
	summary_format_title(&sv.summary, title, sizeof title);
	if (ask(tui, _("Title:"), title, &text) == -1)
		return -1;
	if (*text != '\0' && strcmp(text, title) != 0)
		c->title = text;
	else
		free(text);
	return 0;
}

static void
write_dialog(struct tui *tui)
{
	static const struct report_format *const formats[] = {
		&report_format_pdf, &report_format_csv, &report_format_text
	};
	const struct meeting	*t = target();
	const char		*names[3];
	struct write_choice	 choice;
	struct write_job	 job;
	struct summary		 full;
	struct error		 err;
	char			 name[128], iso[DATE_ISO_LEN], *path;
	int			 k;

	if (sv.error[0] != '\0' || !sv.built)
		return;
	names[0] = "PDF";
	names[1] = "CSV";
	names[2] = _("text");
	if ((k = pick_one(tui, _("Write the summary as"), names, 3, 0)) < 0)
		return;
	if (ask_choices(tui, &choice) == -1) {
		free(choice.doc_number);
		free(choice.title);
		return;
	}
	if (t != NULL) {
		date_format_iso(t->date, iso, sizeof iso);
		snprintf(name, sizeof name, "summary-%s.%s", iso,
		    k == 2 ? "txt" : formats[k]->name);
	} else
		snprintf(name, sizeof name, "summary-fy%d.%s",
		    tui->fiscal_year, k == 2 ? "txt" : formats[k]->name);
	if (prompt_line(tui, _("Write to file:"), name, &path, NULL,
	    NULL) == -1) {
		free(choice.doc_number);
		free(choice.title);
		return;
	}
	if (*path == '\0') {
		tui_message(tui, 1, "%s", _("no file name: nothing written"));
		free(path);
		free(choice.doc_number);
		free(choice.title);
		return;
	}
	/* built again with the choices (and the findings, if asked) */
	job.format = formats[k];
	job.summary = &full;
	if (build(tui, &full, &choice, &err) == -1 ||
	    save_file(tui->store, path, 0, write_summary, &job, &err) == -1)
		tui_message(tui, 1, "%s", err.msg);
	else
		tui_message(tui, 0, _("wrote %s"), path);
	summary_free(&full);
	free(path);
	free(choice.doc_number);
	free(choice.title);
}

static int
summary_key(struct tui *tui, const struct tui_key *key)
{
	size_t	i;

	ensure_built(tui);
	if (tui_key_is(key, 'w')) {
		write_dialog(tui);
		return 1;
	}
	switch (tui_key_move(key)) {
	case MOVE_LEFT:
	case MOVE_RIGHT:
		for (i = 0; i < sv.ncity; i++)
			if (sv.city[i].id == sv.target_id)
				break;
		if (i == sv.ncity)
			return 1;
		if (tui_key_move(key) == MOVE_LEFT && i > 0)
			sv.target_id = sv.city[i - 1].id;
		else if (tui_key_move(key) == MOVE_RIGHT && i + 1 < sv.ncity)
			sv.target_id = sv.city[i + 1].id;
		ensure_built(tui);
		return 1;
	case MOVE_UP:
	case MOVE_PAGE_UP:
		sv.top -= tui_key_move(key) == MOVE_UP ? 1 : LINES / 2;
		if (sv.top < 0)
			sv.top = 0;
		return 1;
	case MOVE_DOWN:
	case MOVE_PAGE_DOWN:
		sv.top += tui_key_move(key) == MOVE_DOWN ? 1 : LINES / 2;
		if (sv.top > (int)sv.summary.nrows - 1)
			sv.top = sv.summary.nrows > 0 ?
			    (int)sv.summary.nrows - 1 : 0;
		return 1;
	case MOVE_HOME:
		sv.top = 0;
		return 1;
	default:
		return 0;
	}
}

static void
summary_resize(struct tui *tui)
{
	(void)tui;
}

/* At the end: what the view keeps. */
static void
summary_release(void)
{
	if (sv.built)
		summary_free(&sv.summary);
	free_city();
	sv.built = 0;
}

const struct view view_summary = {
	N_("Summary"),
	summary_draw,
	summary_key,
	summary_resize,
	summary_reload,
	summary_idle,
	N_("? help  Left/Right city meeting  w write  Up/Down scroll"),
	summary_release
};
