/*
 * tui.c -- the full-screen front end's loop: the terminal set up and
 * restored, the table of views, the keys every view shares, the status
 * line and help, and a look at the database twice a second so that a
 * change made in another terminal appears without a restart.
 */
#include <locale.h>
#include <stdarg.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>
#include <unistd.h>

#include "alloc.h"
#include "cli.h"
#include "i18n.h"
#include "modules.h"
#include "text.h"
#include "tui.h"

static const struct view *views[] = {
	&view_grid,
	&view_month,
	&view_agenda,
	&view_summary,
	&view_checks,
	&view_week,
};
#define NVIEWS	(sizeof views / sizeof views[0])

static const char help_draft[] = N_(
"\n"
"The year's draft (year grid)\n"
"  P                   draft the fiscal year shown (as carecal plan):\n"
"                      the drafts marked +, among the stored meetings\n"
"  A                   save every draft as planned, one action (u undoes)\n"
"  d, m                drop the draft under the cursor, move it to a day\n"
"  Esc, P              leave the draft unsaved\n");

static const char help_text[] = N_(
"Moving\n"
"  arrows, h j k l     move the cursor\n"
"  PgUp PgDn           a page (a month in the month view)\n"
"  Home End            first and last\n"
"  Tab, Shift-Tab      next and previous view\n"
"  1 2 3 4 5 6         year grid, month, agenda, summary, checks, week\n"
"  [ ]                 previous and next fiscal year\n"
"  t                   today\n"
"  g                   go to a date: 2021-12-14, 令和3年12月14日,\n"
"                      R3.12.14, or 12/14 in the fiscal year shown\n"
"\n"
"Meetings\n"
"  a                   add a meeting: the center and type of the cursor,\n"
"                      or its day in the month and week views\n"
"  Enter, e            edit the meeting under the cursor\n"
"  i                   all of it: the whole venue, URL and note\n"
"  c                   cancel it (中止)\n"
"  D                   delete it (asks first)\n"
"  y                   duplicate it to another date (cases kept)\n"
"  x                   export the meetings shown as iCalendar (.ics)\n"
"  u                   undo your last change (says what, asks first)\n"
"\n"
"Showing\n"
"  f                   filter by center, type, mode or status\n"
"  F                   show everything again\n"
"  /  n  N             agenda: search, next match, previous match\n"
"  d                   agenda: only some dates (来週, 今月, 11月,\n"
"                      12/1..12/15), with how many there are\n"
"  Left, Right         week: the previous and next day\n"
"  PgUp, PgDn          week: the previous and next week\n"
"  Left, Right         summary: the previous and next city-level meeting\n"
"  w                   summary: write it as PDF, CSV or text\n"
"  Enter               checks: go to the finding's meeting or center\n"
"  Ctrl-L              draw the screen again\n"
"  ?, F1               this help\n"
"  q                   quit\n"
"\n"
"In the editor\n"
"  Tab, Down           next field\n"
"  Shift-Tab, Up       previous field\n"
"  Enter, Space        on a list field: choose from the list\n"
"  Left, Right         on a list field: previous and next choice\n"
"  Ctrl-U, Ctrl-K      clear the field, clear to its end\n"
"  F2, Ctrl-S          save (only when every field is valid)\n"
"  Esc                 leave without saving (asks first if changed)\n"
"  Ctrl-Q              quit carecal (asks first)\n"
"\n"
"In a pick list, type to jump to the first name with what is typed\n"
"(Tab: the next one, Backspace: type again).\n"
"\n"
"In the year grid an underlined date was partly online (一部オンライン),\n"
"a bold one fully online (完全オンライン); * marks a planned meeting,\n"
"x a cancelled one, > the next meeting from today in each row (not a\n"
"cancelled one). → 自立 on the top line names the types the width\n"
"leaves out: scroll with Right and Left.\n");

static double
now_ms(void)
{
	struct timespec	ts;

	clock_gettime(CLOCK_MONOTONIC, &ts);
	return (double)ts.tv_sec * 1000.0 + (double)ts.tv_nsec / 1e6;
}

int
tui_view_is(const struct tui *tui, const struct view *view)
{
	return views[tui->view] == view;
}

enum tui_move
tui_key_move(const struct tui_key *key)
{
	switch (key->code) {
	case KEY_UP:
		return MOVE_UP;
	case KEY_DOWN:
		return MOVE_DOWN;
	case KEY_LEFT:
		return MOVE_LEFT;
	case KEY_RIGHT:
		return MOVE_RIGHT;
	case KEY_PPAGE:
		return MOVE_PAGE_UP;
	case KEY_NPAGE:
		return MOVE_PAGE_DOWN;
	case KEY_HOME:
		return MOVE_HOME;
	case KEY_END:
		return MOVE_END;
	case 0:
		break;
	default:
		return MOVE_NONE;
	}
	switch (key->ch) {
	case 'k':
		return MOVE_UP;
	case 'j':
		return MOVE_DOWN;
	case 'h':
		return MOVE_LEFT;
	case 'l':
		return MOVE_RIGHT;
	case TUI_CTRL('b'):
		return MOVE_PAGE_UP;
	case TUI_CTRL('f'):
		return MOVE_PAGE_DOWN;
	default:
		return MOVE_NONE;
	}
}

int
tui_list_move(const struct tui_key *key, size_t *cur, size_t n, size_t page)
{
	switch (tui_key_move(key)) {
	case MOVE_UP:
	case MOVE_LEFT:
		if (*cur > 0)
			(*cur)--;
		return 1;
	case MOVE_DOWN:
	case MOVE_RIGHT:
		if (*cur + 1 < n)
			(*cur)++;
		return 1;
	case MOVE_PAGE_UP:
		*cur = *cur > page ? *cur - page : 0;
		return 1;
	case MOVE_PAGE_DOWN:
		*cur = *cur + page < n ? *cur + page : n - 1;
		return 1;
	case MOVE_HOME:
		*cur = 0;
		return 1;
	case MOVE_END:
		*cur = n - 1;
		return 1;
	default:
		return 0;
	}
}

int
tui_key_is(const struct tui_key *key, wint_t ch)
{
	return key->code == 0 && key->ch == ch;
}

void
tui_key_read(WINDOW *win, struct tui_key *key)
{
	wint_t	wc;
	int	rc;

	wtimeout(win, -1);
	while ((rc = wget_wch(win, &wc)) == ERR)
		continue;
	key->code = rc == KEY_CODE_YES ? (int)wc : 0;
	key->ch = rc == KEY_CODE_YES ? 0 : wc;
}

void
tui_message(struct tui *tui, int is_error, const char *fmt, ...)
{
	va_list	ap;

	va_start(ap, fmt);
	vsnprintf(tui->message, sizeof tui->message, fmt, ap);
	va_end(ap);
	tui->message_is_error = is_error;
}

static void
views_follow(struct tui *tui)
{
	size_t	i;

	for (i = 0; i < NVIEWS; i++)
		views[i]->reload(tui);
}

/* The fiscal year's meetings (read ahead, or from the store). */
static int
show_year(struct tui *tui)
{
	struct error	err;
	int		rc;

	if ((rc = data_load_year(tui, &err)) == -1)
		tui_message(tui, 1, "%s", err.msg);
	views_follow(tui);
	return rc;
}

int
tui_reload(struct tui *tui)
{
	data_reset(tui);
	return show_year(tui);
}

/* The same month and day in another fiscal year. */
static struct date
date_in_fiscal_year(struct date d, int fy)
{
	d.year = d.month >= 4 ? fy : fy + 1;
	if (d.day > date_days_in_month(d.year, d.month))
		d.day = date_days_in_month(d.year, d.month);
	return d;
}

void
tui_set_fiscal_year(struct tui *tui, int fy)
{
	if (fy < 1 || fy > 9998)
		return;
	tui->fiscal_year = fy;
	tui->sel.date = date_in_fiscal_year(tui->sel.date, fy);
	tui->sel.meeting_id = 0;
	show_year(tui);
}

void
tui_select_date(struct tui *tui, struct date d)
{
	tui->sel.date = d;
	tui->sel.meeting_id = 0;
	if (date_fiscal_year(d) != tui->fiscal_year) {
		tui->fiscal_year = date_fiscal_year(d);
		show_year(tui);
	} else
		views_follow(tui);
}

int
tui_big_enough(void)
{
	return COLS >= TUI_MIN_COLS && LINES >= TUI_MIN_LINES;
}

void
tui_draw_too_small(void)
{
	char	buf[256];
	int	y = LINES / 2 - 1;

	erase();
	snprintf(buf, sizeof buf, _("carecal needs at least %d×%d; this "
	    "terminal is %d×%d."), TUI_MIN_COLS, TUI_MIN_LINES, COLS, LINES);
	draw_text(stdscr, y > 0 ? y : 0, 0, COLS, buf, A_BOLD);
	draw_text(stdscr, y > 0 ? y + 1 : 1, 0, COLS, _("Make the window "
	    "larger, or press q to quit."), A_NORMAL);
}

static void
draw_tab_bar(struct tui *tui)
{
	char	buf[128], today[DATE_JA_LEN];
	size_t	i;
	int	x = 0;
	attr_t	bar = A_REVERSE | draw_pair(tui, PAIR_BAR);

	draw_blank(stdscr, 0, 0, COLS, bar);
	for (i = 0; i < NVIEWS; i++) {
		snprintf(buf, sizeof buf, " %zu %s ", i + 1,
		    _(views[i]->name));
		x += draw_text(stdscr, 0, x, COLS - x, buf, i == tui->view ?
		    A_BOLD : bar) + 1;
	}
	draw_format_day(tui->today, today, sizeof today);
	snprintf(buf, sizeof buf, _("? help  today %s"), today);
	/* narrow: today alone (the bottom line has the keys) */
	if (text_width(buf) > COLS - x - 1)
		snprintf(buf, sizeof buf, _("today %s"), today);
	draw_text_right(stdscr, 0, x, COLS - x - 1, buf, bar);
}

static void	draw_status_keys(struct tui *, const char *);

static void
draw_status_line(struct tui *tui)
{
	draw_status_keys(tui, tui_view_is(tui, &view_grid) &&
	    draft_active(tui) ? draft_keys() : views[tui->view]->keys);
}

void
tui_draw_status(struct tui *tui, const char *keys)
{
	draw_status_keys(tui, keys);
	wnoutrefresh(stdscr);
}

/* The status line, with keys (N_()) where no message is shown. */
static void
draw_status_keys(struct tui *tui, const char *keys)
{
	char	fy[32], filter[256], buf[512];
	int	x = 0, y = LINES - 1, w;

	draw_blank(stdscr, y, 0, COLS, A_REVERSE | draw_pair(tui, PAIR_BAR));
	/* the end of a long path says more than its start */
	w = text_width(tui->db_path);
	snprintf(buf, sizeof buf, " %s", w > 28 ? tui->db_path +
	    strlen(tui->db_path) - 27 : tui->db_path);
	x += draw_text(stdscr, y, x, COLS - x, buf, A_REVERSE |
	    draw_pair(tui, PAIR_BAR)) + 2;
	date_format_fiscal_year(tui->fiscal_year, fy, sizeof fy);
	x += draw_text(stdscr, y, x, COLS - x, fy, A_REVERSE | A_BOLD |
	    draw_pair(tui, PAIR_BAR)) + 2;
	filter_describe(tui, filter, sizeof filter);
	if (filter[0] != '\0') {
		snprintf(buf, sizeof buf, _("filter: %s"), filter);
		x += draw_text(stdscr, y, x, COLS - x, buf, A_REVERSE |
		    draw_pair(tui, PAIR_BAR)) + 2;
	}
	if (tui->message[0] != '\0')
		draw_text(stdscr, y, x, COLS - x, tui->message,
		    tui->message_is_error ? A_BOLD | draw_pair(tui,
		    PAIR_ERROR) : A_REVERSE | draw_pair(tui, PAIR_BAR));
	else if (keys != NULL)
		draw_keys(y, x, COLS - x - 1, _(keys), A_REVERSE |
		    draw_pair(tui, PAIR_BAR));
}

void
tui_draw(struct tui *tui)
{
	erase();
	if (!tui_big_enough())
		tui_draw_too_small();
	else {
		draw_tab_bar(tui);
		views[tui->view]->draw(tui);
		draw_status_line(tui);
	}
	wnoutrefresh(stdscr);
	doupdate();
}

static void
show_help(struct tui *tui)
{
	struct tui_key	key;
	const char	*a = _(help_text), *b = _(help_draft);
	char		*text;

	tui_draw(tui);
	/* the draft's keys in a block of their own (draft.c) */
	text = xmalloc(strlen(a) + strlen(b) + 1);
	memcpy(text, a, strlen(a));
	memcpy(text + strlen(a), b, strlen(b) + 1);
	prompt_box(tui, _("carecal: keys"), text, &key);
	free(text);
}

static void
switch_view(struct tui *tui, size_t view)
{
	if (view >= NVIEWS)
		return;
	tui->view = view;
	views[view]->reload(tui);
}

void
tui_show_view(struct tui *tui, const struct view *view)
{
	size_t	i;

	for (i = 0; i < NVIEWS; i++)
		if (views[i] == view)
			switch_view(tui, i);
}

/* Another connection committed: read the catalog and meetings again. */
static int
poll_changes(struct tui *tui)
{
	struct catalog	fresh;
	struct error	err;

	if (!store_changed(tui->store))
		return 0;
	catalog_init(&fresh);
	if (store_catalog_load(tui->store, &fresh, &err) == -1) {
		catalog_free(&fresh);
		tui_message(tui, 1, "%s", err.msg);
		return 1;
	}
	catalog_free(tui->catalog);
	*tui->catalog = fresh;
	/* the answer to the user's last key matters more than this */
	if (tui_reload(tui) == 0 && tui->message[0] == '\0')
		tui_message(tui, 0, "%s", _("updated: the database was "
		    "changed elsewhere"));
	return 1;
}

/* g: a date as typed anywhere (date-range.h); 12/14 in the year shown. */
static void
go_to_date(struct tui *tui)
{
	struct error	 err;
	struct date	 d;
	char		*text, day[DATE_JA_LEN];

	if (prompt_line(tui, _("Go to date:"), NULL, &text, NULL,
	    NULL) == -1 || *text == '\0') {
		free(text);
		return;
	}
	if (date_parse_in_fiscal_year(text, tui->fiscal_year, &d,
	    &err) == -1)
		tui_message(tui, 1, "%s", err.msg);
	else {
		tui->sel.whole_day = 1;
		tui_select_date(tui, d);
		date_format_japanese(d, day, sizeof day);
		tui_message(tui, 0, "%s", day);
	}
	free(text);
}

static void
handle_key(struct tui *tui, const struct tui_key *key)
{
	size_t	i;

	if (key->code == KEY_RESIZE) {
		for (i = 0; i < NVIEWS; i++)
			views[i]->resize(tui);
		return;
	}
	if (!tui_big_enough()) {
		if (tui_key_is(key, 'q') || tui_key_is(key, TUI_CTRL('c')))
			tui->quit = 1;
		return;
	}
	tui->message[0] = '\0';
	/* a view's own keys first: the checks view's Enter is not edit */
	if (views[tui->view]->key(tui, key))
		return;
	switch (key->code) {
	case KEY_BTAB:
		switch_view(tui, (tui->view + NVIEWS - 1) % NVIEWS);
		return;
	case KEY_ENTER:
		action_edit(tui);
		return;
	case KEY_F(1):
		show_help(tui);
		return;
	case 0:
		break;
	default:
		return;
	}
	switch (key->ch) {
	case 'q':
	case TUI_CTRL('c'):
		tui->quit = 1;
		return;
	case '?':
		show_help(tui);
		return;
	case '\t':
		switch_view(tui, (tui->view + 1) % NVIEWS);
		return;
	case '[':
		tui_set_fiscal_year(tui, tui->fiscal_year - 1);
		return;
	case ']':
		tui_set_fiscal_year(tui, tui->fiscal_year + 1);
		return;
	case 't':
		tui_select_date(tui, tui->today);
		return;
	case 'a':
		action_add(tui);
		return;
	case 'e':
	case '\r':
	case '\n':
		action_edit(tui);
		return;
	case 'c':
		action_cancel(tui);
		return;
	case 'D':
		action_delete(tui);
		return;
	case 'y':
		action_duplicate(tui);
		return;
	case 'u':
		action_undo(tui);
		return;
	case 'i':
		action_details(tui);
		return;
	case 'g':
		go_to_date(tui);
		return;
	case 'x':
		export_dialog(tui);
		return;
	case 'f':
		filter_choose(tui);
		return;
	case 'F':
		filter_clear(tui);
		return;
	case TUI_CTRL('l'):
		clearok(curscr, TRUE);
		return;
	}
	if (key->ch >= '1' && key->ch <= '9')
		switch_view(tui, key->ch - '1');
}

/* One piece of the work done while the user is idle: 1 if there was. */
static int
idle_step(struct tui *tui)
{
	size_t	i;

	if (data_prefetch(tui))
		return 1;
	for (i = 0; i < NVIEWS; i++)
		if (views[i]->idle != NULL && views[i]->idle(tui))
			return 1;
	return 0;
}

/*
 * The idle work starts this long after the last key. Its steps are short
 * (see data_prefetch): a key pressed during one waits a few ms at most.
 * 50 ms is longer than the interval of a key held down (auto-repeat,
 * 30-40 ms), which then never waits for one, and short enough that a
 * neighbouring year (10,000 meetings: 160 steps, 60 ms in all) is read
 * before the next [ or ] of a user paging through the years: measured,
 * one every 0.1 s or more found it read; at 500 ms (the delay before)
 * one every 0.3 s found none, and each [ took a whole read, 40-50 ms.
 */
#define IDLE_DELAY_MS	50

#ifdef CARECAL_BENCH_HOOKS
static int
compare_double(const void *a, const void *b)
{
	double	x = *(const double *)a, y = *(const double *)b;

	return x < y ? -1 : x > y;
}

/*
 * CARECAL_BENCH_KEYS: replay these characters as key presses, time each
 * from the key to the redrawn screen, then quit and report on stderr.
 * Only in carecal-bench, the test build (Makefile.am), never in carecal.
 * A '.' is a pause of the user: the idle work is done, outside the keys'
 * times; its steps are counted and the longest reported, as that is how
 * long a key pressed during one would wait. A ',' is a short pause: one
 * step of it, so that the next key finds it under way.
 */
static void
bench_replay(struct tui *tui, const char *keys, double start)
{
	struct tui_key	 key;
	double		 first, t, *times, total = 0;
	double		 longest = 0;
	size_t		 n = 0, len = strlen(keys), step, i, nidle = 0;
	int		 more;
	wchar_t		*replayed;
	mbstate_t	 state;

	tui_draw(tui);
	data_warm(tui);
	first = now_ms() - start;
	wchar_t		 wc;

	times = xcalloc(len + 1, sizeof *times);
	replayed = xcalloc(len + 1, sizeof *replayed);
	memset(&state, 0, sizeof state);
	while (len > 0) {
		step = mbrtowc(&wc, keys, len, &state);
		if (step == 0 || step > len)
			break;
		keys += step;
		len -= step;
		if (wc == L'.' || wc == L',') {
			do {
				t = now_ms();
				more = idle_step(tui);
				t = now_ms() - t;
				if (t > longest)
					longest = t;
				if (more)
					nidle++;
			} while (more && wc == L'.');
			continue;
		}
		key.code = 0;
		key.ch = (wint_t)wc;	/* mbrtowc's: a character, not WEOF */
		t = now_ms();
		handle_key(tui, &key);
		tui_draw(tui);
		times[n] = now_ms() - t;
		replayed[n] = wc;
		total += times[n++];
	}
	endwin();
	for (i = 0; i < n; i++)
		fprintf(stderr, "key %zu '%lc': %.3f ms\n", i + 1,
		    (wint_t)replayed[i], times[i]);
	fprintf(stderr, "first screen: %.2f ms (%zu meetings loaded)\n",
	    first, tui->meetings.count);
	if (n > 0) {
		qsort(times, n, sizeof *times, compare_double);
		fprintf(stderr, "keys: %zu, mean %.3f ms, median %.3f ms, "
		    "max %.3f ms\n", n, total / (double)n, times[n / 2], times[n - 1]);
	}
	fprintf(stderr, "idle: %zu steps, longest %.3f ms\n", nidle, longest);
	free(times);
	free(replayed);
	tui->quit = 1;
}
#endif

static void
tui_loop(struct tui *tui)
{
	struct tui_key	 key;
	double		 last_poll = now_ms();
	wint_t		 wc;
	int		 rc, changed, busy = 0, pending = 1;

	tui_draw(tui);
	data_warm(tui);
	while (!tui->quit) {
		/*
		 * Idle work goes on step by step, a key between any two. It
		 * starts IDLE_DELAY_MS after a key, which may have made some
		 * (pending); once there is none, only the look at the
		 * database wakes the loop.
		 */
		wtimeout(stdscr, busy ? 0 : pending ? IDLE_DELAY_MS :
		    TUI_POLL_MS);
		rc = wget_wch(stdscr, &wc);
		if (rc != ERR) {
			key.code = rc == KEY_CODE_YES ? (int)wc : 0;
			key.ch = rc == KEY_CODE_YES ? 0 : wc;
			handle_key(tui, &key);
		}
		changed = 0;
		/*
		 * Before each step of the idle work too (a PRAGMA, 6 us):
		 * another's commit is seen before the next span of a year
		 * being read ahead, which data_reset then drops, rather
		 * than being put together from before and after it.
		 */
		if (busy || now_ms() - last_poll >= TUI_POLL_MS) {
			changed = poll_changes(tui);
			last_poll = now_ms();
		}
		/*
		 * idle: read the next and previous years ahead, run the
		 * plan checks, build the summary
		 */
		if (rc == ERR && !changed) {
			busy = pending = idle_step(tui);
			continue;
		}
		busy = 0;
		pending = 1;
		if (!tui->quit)
			tui_draw(tui);
	}
}

static void
setup_colors(struct tui *tui)
{
	if (!has_colors() || start_color() == ERR)
		return;
	use_default_colors();
	init_pair(PAIR_HOLIDAY, COLOR_RED, -1);
	init_pair(PAIR_SATURDAY, COLOR_BLUE, -1);
	init_pair(PAIR_PLANNED, COLOR_CYAN, -1);
	init_pair(PAIR_TODAY, COLOR_YELLOW, -1);
	init_pair(PAIR_ERROR, COLOR_RED, -1);
	init_pair(PAIR_BAR, -1, -1);
	tui->has_colors = 1;
}

/* Which variable set the locale, for the message when it is not UTF-8. */
static const char *
locale_source(char *buf, size_t size)
{
	static const char	*names[] = { "LC_ALL", "LC_CTYPE", "LANG" };
	const char		*v;
	size_t			 i;

	for (i = 0; i < sizeof names / sizeof names[0]; i++)
		if ((v = getenv(names[i])) != NULL && *v != '\0') {
			snprintf(buf, size, "%s=%s", names[i], v);
			return buf;
		}
	snprintf(buf, size, "%s", _("no LANG set"));
	return buf;
}

/*
 * Today's fiscal year, or when it holds no meetings and another does,
 * the nearest that does (a demo of 令和3年度 opened in any year), with
 * the status line saying so.
 */
static int
open_nearest_year(struct tui *tui, struct error *err)
{
	char	mine[32], found[32];
	int	fy, rc;

	if ((rc = store_meetings_nearest_fiscal_year(tui->store,
	    tui->fiscal_year, &fy, err)) == -1)
		return -1;
	if (rc == 1 || fy == tui->fiscal_year)
		return 0;
	date_format_fiscal_year(tui->fiscal_year, mine, sizeof mine);
	date_format_fiscal_year(fy, found, sizeof found);
	tui_message(tui, 0, _("no meetings in %s: showing %s, the nearest"),
	    mine, found);
	tui->fiscal_year = fy;
	tui->sel.date = date_in_fiscal_year(tui->today, fy);
	return 0;
}

int
tui_run(struct cli *cli, int terminal_utf8)
{
	struct tui	 tui;
	struct error	 err;
	SCREEN		*screen;
	const char	*term;
	char		 buf[256];
	size_t		 i;
#ifdef CARECAL_BENCH_HOOKS
	const char	*bench = getenv("CARECAL_BENCH_KEYS");
	double		 start = now_ms();
#endif

	if (!terminal_utf8) {
		fprintf(stderr, _("carecal: the full-screen view needs a "
		    "UTF-8 locale and this one is not (%s); set "
		    "LANG=C.UTF-8 or LANG=ja_JP.UTF-8, or use a command "
		    "(carecal --help)\n"),
		    locale_source(buf, sizeof buf));
		return 1;
	}
	/* no command and no terminal: a usage error, as for a script */
	if (!isatty(STDIN_FILENO) || !isatty(STDOUT_FILENO)) {
		fprintf(stderr, _("carecal: no command given, and the "
		    "full-screen view needs a terminal; see 'carecal --help' "
		    "for the commands\n"));
		return 2;
	}
	if (cli_open(cli, &err) == -1)
		return cli_fail(&err);
	memset(&tui, 0, sizeof tui);
	tui.store = cli->store;
	tui.catalog = &cli->catalog;
	tui.db_path = cli->db_path;
	if (date_today(&tui.today, &err) == -1)
		return cli_fail(&err);
	tui.fiscal_year = date_fiscal_year(tui.today);
	tui.sel.date = tui.today;
	if (open_nearest_year(&tui, &err) == -1)
		return cli_fail(&err);
	meeting_filter_init(&tui.filter);
	meeting_list_init(&tui.meetings);
	store_changed(tui.store);	/* from now on, only others' commits */

	if ((screen = newterm(NULL, stdout, stdin)) == NULL) {
		term = getenv("TERM");
		fprintf(stderr, _("carecal: cannot use the terminal '%s'\n"),
		    term != NULL ? term : "");
		return 1;
	}
	set_term(screen);
	raw();
	noecho();
	nonl();
	keypad(stdscr, TRUE);
	set_escdelay(25);
	curs_set(0);
	setup_colors(&tui);
	tui_reload(&tui);
#ifdef CARECAL_BENCH_HOOKS
	if (bench != NULL)
		bench_replay(&tui, bench, start);
	else
		tui_loop(&tui);
#else
	tui_loop(&tui);
#endif
	endwin();
	delscreen(screen);
	for (i = 0; i < NVIEWS; i++)
		if (views[i]->free != NULL)
			views[i]->free();
	data_reset(&tui);
	modules_free();
	return 0;
}
