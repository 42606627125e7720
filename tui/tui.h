/*
 * tui.h -- the full-screen front end: its shared state, the views (one
 * struct view per view-*.c, collected in one table in tui.c) and the
 * pieces they share: drawing, prompts, pick lists, the meeting editor.
 */
#ifndef CARECAL_TUI_H
#define CARECAL_TUI_H

#include <stdio.h>

#include <curses.h>
#include <form.h>
#include <wchar.h>

#include "catalog.h"
#include "check.h"
#include "date.h"
#include "date-range.h"
#include "meeting.h"
#include "save-file.h"
#include "store.h"

#define TUI_MIN_COLS	80
#define TUI_MIN_LINES	24
#define TUI_POLL_MS	500	/* how often another writer is looked for */

#define TUI_CTRL(c)	((c) & 0x1f)	/* the key Ctrl-c */
#define TUI_ESC		0x1b

/* Color pairs; without colors the attributes alone tell things apart. */
enum tui_pair {
	PAIR_NONE,
	PAIR_HOLIDAY,		/* Sundays and holidays: red */
	PAIR_SATURDAY,		/* blue */
	PAIR_PLANNED,		/* 予定: cyan */
	PAIR_TODAY,		/* today's position: yellow */
	PAIR_ERROR,		/* messages that need attention */
	PAIR_BAR		/* the tab bar and status line */
};

/* A key as get_wch returns it: a KEY_ code, or a character. */
struct tui_key {
	int	code;		/* KEY_UP ...; 0 for a character */
	wint_t	ch;		/* the character when code is 0 */
};

/* Cursor movements every view understands (arrows and h/j/k/l). */
enum tui_move {
	MOVE_NONE,
	MOVE_UP,
	MOVE_DOWN,
	MOVE_LEFT,
	MOVE_RIGHT,
	MOVE_PAGE_UP,
	MOVE_PAGE_DOWN,
	MOVE_HOME,
	MOVE_END
};

/*
 * What the cursor is on, shared by the views so that switching views
 * keeps the place, and read by the actions (a, e, c, D, y).
 */
struct tui_selection {
	long		meeting_id;	/* 0: an empty cell or a day */
	struct date	date;
	long		center_id;	/* the row's center, for `a` */
	long		type_id;	/* the column's type, for `a` */
	int		whole_day;	/* the actions pick among the day's */
};

struct tui {
	struct store		*store;
	struct catalog		*catalog;	/* the cli's; reloaded */
	const char		*db_path;
	struct date		 today;
	int			 fiscal_year;
	/* center, type, mode and status; the dates are the year's */
	struct meeting_filter	 filter;
	/* the fiscal year's meetings that pass the filter, date order */
	struct meeting_list	 meetings;
	/* grows at each data_reset: what a view built from data is stale */
	unsigned long		 generation;
	/* grows whenever meetings is another list (year, filter, data) */
	unsigned long		 meetings_serial;
	struct tui_selection	 sel;
	size_t			 view;
	int			 has_colors;
	int			 quit;
	char			 message[512];
	int			 message_is_error;
};

struct view {
	const char	*name;		/* N_(): shown in the tab bar */
	void		(*draw)(struct tui *);
	/* 1 if the key was the view's own */
	int		(*key)(struct tui *, const struct tui_key *);
	void		(*resize)(struct tui *);
	/* the meetings or the selection changed: rebuild and follow */
	void		(*reload)(struct tui *);
	/* work ahead while the user is idle: 1 if it did some; or NULL */
	int		(*idle)(struct tui *);
	/*
	 * N_(): the view's keys for the bottom line, "KEY what" items
	 * two spaces apart, the most useful first (as many as fit)
	 */
	const char	*keys;
	/* at the end: free what the view keeps */
	void		(*free)(void);
};

extern const struct view view_grid;
extern const struct view view_month;
extern const struct view view_agenda;
extern const struct view view_summary;
extern const struct view view_checks;
extern const struct view view_week;

/* tui.c */
/* The lines a view may draw on: 1 .. LINES - 2. */
#define TUI_TOP		1
#define TUI_BOTTOM	(LINES - 2)
/* 1 if view is the one on the screen. */
int		tui_view_is(const struct tui *, const struct view *);
/* Put view on the screen, following the shared selection. */
void		tui_show_view(struct tui *, const struct view *);

enum tui_move	tui_key_move(const struct tui_key *);
/*
 * A cursor over a list of n > 0 rows with pages of page rows: moved by
 * the key, 1; not a moving key, 0 and the cursor as it was.
 */
int		tui_list_move(const struct tui_key *, size_t *, size_t, size_t);
int		tui_key_is(const struct tui_key *, wint_t);
/* Read a key from a window, waiting as long as it takes (dialogs). */
void		tui_key_read(WINDOW *, struct tui_key *);
void		tui_message(struct tui *, int, const char *, ...)
		    __attribute__((format(printf, 3, 4)));
/* Load the fiscal year's meetings again and let every view follow. */
int		tui_reload(struct tui *);
/* Show another fiscal year (keeps the month and day when it can). */
void		tui_set_fiscal_year(struct tui *, int);
/* Move the shared selection to a date, changing year if needed. */
void		tui_select_date(struct tui *, struct date);
/* 1 if the screen is at least TUI_MIN_COLS x TUI_MIN_LINES. */
int		tui_big_enough(void);
/* Draw the "needs at least 80x24" notice over the whole screen. */
void		tui_draw_too_small(void);
/*
 * The status line alone with other keys (N_(), as struct view's): a
 * dialog over the view says its own. Refreshed with the next doupdate.
 */
void		tui_draw_status(struct tui *, const char *);
/* Redraw the views, the bars and the status line. */
void		tui_draw(struct tui *);

/* data.c */
/* tui->meetings for tui->fiscal_year and tui->filter. */
int		data_load_year(struct tui *, struct error *);
/*
 * One piece of the work ahead, done while the user is idle: the
 * city-level meetings, a few days of a neighbouring year (a key pressed
 * meanwhile waits a few ms at most), the year's plan checks. 1 if there
 * was one to do.
 */
int		data_prefetch(struct tui *);
/* After the first screen: the current year's city meetings and checks. */
void		data_warm(struct tui *);
/* The database changed: forget everything read (tui->meetings too). */
void		data_reset(struct tui *);
/* The meetings of day d: [*first, *first + n) of tui->meetings. */
size_t		data_day_range(struct tui *, struct date, size_t *);
/*
 * Every meeting from..to whatever the filter, and the city-level ones
 * before from (the plan checks compare a year's first reporting window
 * with the one before it), into list as shallow copies: their strings
 * belong to the cache and last until the next data_* call, and are NULL
 * for a year read for the plan only (MEETING_FIELDS_PLAN). Free list
 * with data_plan_release, never meeting_list_free.
 */
int		data_plan_borrow(struct tui *, struct date, struct date,
		    struct meeting_list *, struct error *);
void		data_plan_release(struct meeting_list *);
/*
 * The city-level meetings of fiscal year fy whatever the filter, in the
 * store's order, without their text: *city points into the cache and
 * lasts until the next data_* call.
 */
int		data_plan_city(struct tui *, int, const struct meeting **,
		    size_t *, struct error *);
/*
 * The plan checks of the fiscal year shown, whatever the filter: run
 * once per year and database state (data_prefetch runs them while the
 * user is idle). Owned by the cache; NULL with err set on failure.
 */
const struct finding_list *data_plan_findings(struct tui *, struct error *);

/* draw.c */
/* Put UTF-8 s at y, x within width columns, never cutting a character. */
int		draw_text(WINDOW *, int, int, int, const char *, attr_t);
/* The same, right-aligned within width columns. */
int		draw_text_right(WINDOW *, int, int, int, const char *, attr_t);
void		draw_blank(WINDOW *, int, int, int, attr_t);
attr_t		draw_pair(const struct tui *, enum tui_pair);
/* How a meeting looks, as in the R3 legend. */
attr_t		draw_meeting_attr(const struct tui *,
		    const struct meeting *);
/* ' ' held, '*' planned, 'x' cancelled */
const char	*draw_meeting_mark(const struct meeting *);
/* A day's color: Sundays and holidays red, Saturdays blue. */
attr_t		draw_day_attr(const struct tui *, struct date);
/*
 * The index in tui->meetings of the next meeting from today that will
 * take place (not cancelled), marked '>'; count when there is none.
 */
size_t		draw_next_from_today(const struct tui *);
/* One line about m at y; a line too long for the screen ends "… i". */
void		draw_meeting_detail(const struct tui *, int,
		    const struct meeting *);
/* A view's keys (struct view's keys) on the status line: whole items. */
int		draw_keys(int, int, int, const char *, attr_t);
/* The legend line: underlined hybrid, bold online, marks. */
void		draw_legend(const struct tui *, int, int, int);
/* "M/D" */
void		draw_format_month_day(struct date, char *, size_t);
/* "10/7(木)" */
void		draw_format_day(struct date, char *, size_t);
/* "13:30-15:00", "13:30" or "" */
void		draw_format_times(const struct meeting *, char *, size_t);

/* meeting-row.c: a meeting as a row of columns (the agenda, the week) */
#define ROW_NO_DATE	0x1	/* the week: its day heads the rows */
#define ROW_CURSOR	0x2
#define ROW_NEXT	0x4	/* '>' in the column before x */
void		row_draw_header(const struct tui *, int, int, int);
void		row_draw_meeting(const struct tui *, int, int,
		    const struct meeting *, int);

/* field.c: one line of text in a form field, safe for wide characters */
/* The field's text without the padding; free it. */
char		*field_text_get(FORM *, FIELD *);
void		 field_text_set(FORM *, FIELD *, const char *);
/* Put the cursor after the last character. */
void		 field_text_end(FORM *, FIELD *);
/*
 * Apply an editing key (characters, Backspace, Delete, arrows, Home,
 * End, ^U, ^K) to the current field: 1 if it was one, 0 if not, -1 if
 * refused (the field is full: msg says so).
 */
int		 field_text_key(FORM *, const struct tui_key *, char *,
		    size_t);
/* A full-width ASCII character (１, ：) as its ASCII one, the rest kept. */
void		 field_key_fold(struct tui_key *);

/* prompt.c: questions on the bottom line */
/* 1 for y, 0 for anything else. */
int		 prompt_yes_no(struct tui *, const char *);
/* The same over a dialog (the form), which stays on the screen. */
int		 prompt_yes_no_over(struct tui *, const char *);
/*
 * A line of text; changed(text, arg) is called after each edit. Returns
 * 0 with *out (malloc'd) on Enter, -1 on Esc.
 */
int		 prompt_line(struct tui *, const char *, const char *,
		    char **, void (*)(struct tui *, const char *, void *),
		    void *);
/* A message in a box until a key is pressed; returns the key. */
void		 prompt_box(struct tui *, const char *, const char *,
		    struct tui_key *);
/*
 * What is worth knowing before a save (store_meeting_check's warnings),
 * in a box: 1 to save anyway (y), else 0; 1 at once when there are none.
 */
int		 prompt_warnings(struct tui *, const struct finding_list *);

/* pick.c: a pick list built with the menu library */
/* The index chosen, or -1 when left with Esc. */
int		 pick_one(struct tui *, const char *, const char *const *,
		    size_t, int);

/* export.c: `x`, the meetings shown as an iCalendar file */
void		 export_dialog(struct tui *);

/* form.c: the meeting editor */
enum form_result {
	FORM_SAVED,		/* stored: m holds the row as stored */
	FORM_LEFT,		/* Esc: nothing changed */
	FORM_QUIT		/* the user asked to quit carecal */
};
/* Edit m (a new one when m->id is 0) and store it in one transaction. */
enum form_result form_meeting(struct tui *, struct meeting *);

/* form-advisors.c: the advisors of a meeting, from its form (F3) */
/* "青木 陽子 (理学療法士), 石田 …" booked for meeting m as stored. */
void		 form_advisors_line(struct tui *, const struct meeting *,
		    char *, size_t);
/*
 * A pick of the advisors booked for stored meeting m (choosing one
 * takes it off) and of those free that day of each profession its type
 * summons (choosing one books it), each one action: 1 when a booking
 * changed, 0 when not, -1 on an error; msg says what happened.
 */
int		 form_advisors_pick(struct tui *, const struct meeting *,
		    char *, size_t);

/* actions.c: what the keys do to meetings, one transaction each */
void		 action_add(struct tui *);
void		 action_edit(struct tui *);
void		 action_cancel(struct tui *);
void		 action_delete(struct tui *);
void		 action_duplicate(struct tui *);
/* i: everything about the meeting under the cursor, in a box. */
void		 action_details(struct tui *);
/* u: undo this login's last change, after saying what it was. */
void		 action_undo(struct tui *);

/* draft.c: `P`, the year's draft plan on the year grid */
/* 1 while a draft of the fiscal year shown is on the grid. */
int		 draft_active(const struct tui *);
/* P: draft the fiscal year shown (plan.h) and show it. */
void		 draft_start(struct tui *);
/*
 * The meetings the grid lays out: tui->meetings, and the drafts (ids
 * below 0) while a draft is active; valid until the next draft call.
 */
const struct meeting_list *draft_shown(struct tui *);
/* P, and while active A (save all), d (drop), m (move), Esc: 1 if taken. */
int		 draft_key(struct tui *, const struct tui_key *);
/* The detail line of draft m: its date, advisors and notes. */
void		 draft_detail(const struct tui *, const struct meeting *, char *,
		    size_t);
/* The status line's keys while a draft is active (N_()). */
const char	*draft_keys(void);
void		 draft_free(void);

/* filter.c: which meetings the views show */
/* Choose a center, type, mode or status from pick lists. */
void		 filter_choose(struct tui *);
void		 filter_clear(struct tui *);
/* Describe the filter for the status line ("" when none). */
void		 filter_describe(const struct tui *, char *, size_t);

#endif
