/*
 * draw.c -- text on the screen by display width (a kanji takes two
 * columns) and how a meeting looks: the R3 table's legend, with
 * underlined hybrid dates, bold online dates, marks for the rest.
 */
#include <stdio.h>
#include <string.h>
#include <wchar.h>

#include "holiday.h"
#include "i18n.h"
#include "text.h"
#include "tui.h"

#define DRAW_MAX_CHARS	1024

static void	draw_meeting_line(const struct tui *, const struct meeting *,
		    char *, size_t);

/*
 * Decode s into wide characters that fit in width columns. Characters
 * the terminal cannot show (controls, invalid bytes) become '?' so a
 * stray byte in the data never moves the cursor or the columns.
 */
static size_t
decode_fitting(const char *s, int width, wchar_t *out, size_t size,
    int *used)
{
	mbstate_t	 state;
	size_t		 n = 0, len = strlen(s), step;
	wchar_t		 wc;
	int		 w, cols = 0;

	memset(&state, 0, sizeof state);
	while (len > 0 && n + 1 < size) {
		step = mbrtowc(&wc, s, len, &state);
		if (step == (size_t)-1 || step == (size_t)-2 || step == 0) {
			memset(&state, 0, sizeof state);
			wc = L'?';
			step = 1;
		}
		if ((w = wcwidth(wc)) < 0) {
			wc = wc == L'\n' || wc == L'\t' ? L' ' : L'?';
			w = 1;
		}
		if (cols + w > width)
			break;
		out[n++] = wc;
		cols += w;
		s += step;
		len -= step;
	}
	out[n] = L'\0';
	*used = cols;
	return n;
}

/*
 * wattrset takes the attributes as an int (historical); X/Open's
 * wattr_set takes attr_t and the colour pair apart, a short: carecal's
 * few pairs fit.
 */
static void
set_attr(WINDOW *win, attr_t attr)
{
	wattr_set(win, attr & ~A_COLOR, (short)PAIR_NUMBER(attr), NULL);
}

int
draw_text(WINDOW *win, int y, int x, int width, const char *s, attr_t attr)
{
	wchar_t	buf[DRAW_MAX_CHARS];
	size_t	n;
	int	used;

	if (width <= 0 || s == NULL)
		return 0;
	n = decode_fitting(s, width, buf, DRAW_MAX_CHARS, &used);
	if (n == 0)
		return 0;
	set_attr(win, attr);
	mvwaddnwstr(win, y, x, buf, (int)n);
	wattrset(win, A_NORMAL);
	return used;
}

int
draw_text_right(WINDOW *win, int y, int x, int width, const char *s,
    attr_t attr)
{
	wchar_t	buf[DRAW_MAX_CHARS];
	size_t	n;
	int	used;

	if (width <= 0 || s == NULL)
		return 0;
	n = decode_fitting(s, width, buf, DRAW_MAX_CHARS, &used);
	if (n == 0)
		return 0;
	set_attr(win, attr);
	mvwaddnwstr(win, y, x + width - used, buf, (int)n);
	wattrset(win, A_NORMAL);
	return used;
}

void
draw_blank(WINDOW *win, int y, int x, int width, attr_t attr)
{
	set_attr(win, attr);
	for (; width > 0; width--)
		mvwaddch(win, y, x++, ' ');
	wattrset(win, A_NORMAL);
}

attr_t
draw_pair(const struct tui *tui, enum tui_pair pair)
{
	return tui->has_colors ? COLOR_PAIR(pair) : A_NORMAL;
}

attr_t
draw_meeting_attr(const struct tui *tui, const struct meeting *m)
{
	attr_t	attr = A_NORMAL;

	if (m->mode == MODE_HYBRID)
		attr |= A_UNDERLINE;
	else if (m->mode == MODE_ONLINE)
		attr |= A_BOLD;
	if (m->status == STATUS_CANCELLED)
		attr |= A_DIM;
	else if (m->status == STATUS_PLANNED)
		attr |= draw_pair(tui, PAIR_PLANNED);
	return attr;
}

const char *
draw_meeting_mark(const struct meeting *m)
{
	switch (m->status) {
	case STATUS_PLANNED:
		return "*";
	case STATUS_CANCELLED:
		return "x";
	default:
		return " ";
	}
}

attr_t
draw_day_attr(const struct tui *tui, struct date d)
{
	int	wd = date_weekday(d);

	if (wd == 0 || holiday_name(d) != NULL)
		return draw_pair(tui, PAIR_HOLIDAY) | (tui->has_colors ? 0 :
		    A_BOLD);
	if (wd == 6)
		return draw_pair(tui, PAIR_SATURDAY);
	return A_NORMAL;
}

size_t
draw_next_from_today(const struct tui *tui)
{
	const struct meeting	*m;
	size_t			 i;

	for (i = 0; i < tui->meetings.count; i++) {
		m = &tui->meetings.items[i];
		if (date_compare(m->date, tui->today) >= 0 &&
		    m->status != STATUS_CANCELLED)
			break;
	}
	return i;
}

void
draw_meeting_detail(const struct tui *tui, int y, const struct meeting *m)
{
	static const char	 more[] = " …i";
	char			 buf[2048];
	attr_t			 attr = draw_meeting_attr(tui, m) & ~A_DIM;
	int			 used;

	draw_meeting_line(tui, m, buf, sizeof buf);
	if (text_width(buf) <= COLS) {
		draw_text(stdscr, y, 0, COLS, buf, attr);
		return;
	}
	/* the rest is a key away: i shows the whole meeting */
	used = draw_text(stdscr, y, 0, COLS - text_width(more), buf, attr);
	draw_text(stdscr, y, used, COLS - used, more, A_DIM);
}

int
draw_keys(int y, int x, int width, const char *keys, attr_t attr)
{
	char		 item[256], word[256];
	const char	*p = keys, *end, *space;
	int		 used = 0, w, kw;
	size_t		 len, key;

	while (*p != '\0') {
		if ((end = strstr(p, "  ")) == NULL)
			end = p + strlen(p);
		len = (size_t)(end - p) < sizeof item ? (size_t)(end - p) :
		    sizeof item - 1;
		memcpy(item, p, len);
		item[len] = '\0';
		w = text_width(item);
		if (used + w > width)
			break;
		/* the key in bold, what it does beside it */
		space = strchr(item, ' ');
		key = space != NULL ? (size_t)(space - item) : len;
		memcpy(word, item, key);
		word[key] = '\0';
		kw = draw_text(stdscr, y, x + used, width - used, word,
		    attr | A_BOLD);
		draw_text(stdscr, y, x + used + kw, width - used - kw,
		    item + key, attr);
		used += w + 2;
		for (p = end; *p == ' '; p++)
			continue;
	}
	return used;
}

void
draw_legend(const struct tui *tui, int y, int x, int width)
{
	char	buf[128];
	int	end = x + width;

	x += draw_text(stdscr, y, x, end - x, meeting_mode_label(MODE_HYBRID),
	    A_UNDERLINE) + 2;
	x += draw_text(stdscr, y, x, end - x, meeting_mode_label(MODE_ONLINE),
	    A_BOLD) + 2;
	snprintf(buf, sizeof buf, "*%s", meeting_status_label(STATUS_PLANNED));
	x += draw_text(stdscr, y, x, end - x, buf,
	    draw_pair(tui, PAIR_PLANNED)) + 2;
	snprintf(buf, sizeof buf, "x%s",
	    meeting_status_label(STATUS_CANCELLED));
	x += draw_text(stdscr, y, x, end - x, buf, A_DIM) + 2;
	x += draw_text(stdscr, y, x, end - x, ">",
	    draw_pair(tui, PAIR_TODAY) | A_BOLD);
	draw_text(stdscr, y, x, end - x, _("next from today"), A_NORMAL);
}

void
draw_format_month_day(struct date d, char *buf, size_t size)
{
	snprintf(buf, size, "%d/%d", d.month, d.day);
}

void
draw_format_day(struct date d, char *buf, size_t size)
{
	snprintf(buf, size, "%d/%d(%s)", d.month, d.day,
	    date_weekday_kanji(date_weekday(d)));
}

void
draw_format_times(const struct meeting *m, char *buf, size_t size)
{
	char	start[TIME_LEN], end[TIME_LEN];

	if (m->start < 0) {
		if (size > 0)
			buf[0] = '\0';
		return;
	}
	time_format(m->start, start, sizeof start);
	if (m->end < 0) {
		snprintf(buf, size, "%s", start);
		return;
	}
	time_format(m->end, end, sizeof end);
	snprintf(buf, size, "%s-%s", start, end);
}

/* Append " s" to buf unless s is empty. */
static void
append_word(char *buf, size_t size, const char *s)
{
	size_t	len = strlen(buf);

	if (s == NULL || *s == '\0' || len + 1 >= size)
		return;
	snprintf(buf + len, size - len, "%s%s", len > 0 ? " " : "", s);
}

/* One line about a meeting: date, time, center, type, mode, status... */
static void
draw_meeting_line(const struct tui *tui, const struct meeting *m,
    char *buf, size_t size)
{
	const struct meeting_type	*type;
	const struct center		*center;
	char				 word[DATE_JA_LEN];

	type = catalog_type_by_id(tui->catalog, m->type_id);
	center = catalog_center_by_id(tui->catalog, m->center_id);
	snprintf(buf, size, "#%ld", m->id);
	date_format_japanese(m->date, word, sizeof word);
	append_word(buf, size, word);
	draw_format_times(m, word, sizeof word);
	append_word(buf, size, word);
	append_word(buf, size, center != NULL ? center->name : NULL);
	append_word(buf, size, type != NULL ? type->name : "?");
	append_word(buf, size, meeting_mode_label(m->mode));
	append_word(buf, size, meeting_status_label(m->status));
	if (m->cases >= 0) {
		snprintf(word, sizeof word, ngettext("%d case", "%d cases",
		    (unsigned long)m->cases), m->cases);
		append_word(buf, size, word);
	}
	append_word(buf, size, m->venue);
	append_word(buf, size, m->url);
}
