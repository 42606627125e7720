/*
 * pick.c -- a pick list (centers, meeting types, modes, statuses...)
 * built with the ncurses menu library in a box over the screen, where
 * typing jumps to a name.
 *
 * The jump is matched here, not by the menu library's pattern
 * (menu_pattern, REQ_NEXT_MATCH): ncurses 6.4 adds only single-byte
 * printable characters to it (set_menu_pattern("常盤") is E_NO_MATCH,
 * menu_driver of a wide character E_UNKNOWN_COMMAND, tried under
 * ja_JP.UTF-8), and the names here are Japanese. Matching is by
 * prefix first, then anywhere in the name (団地 finds 常盤平団地), ASCII
 * without case.
 */
#include <limits.h>
#include <menu.h>
#include <stdlib.h>
#include <string.h>
#include <wchar.h>

#include "alloc.h"
#include "i18n.h"
#include "text.h"
#include "tui.h"

#define PATTERN_MAX	128

static int
name_has(const char *name, const char *pattern, int prefix)
{
	if (prefix)
		return strncasecmp(name, pattern, strlen(pattern)) == 0;
	return strcasestr(name, pattern) != NULL;
}

/*
 * The item to jump to: dir 0, from the top, the first whose name starts
 * with pattern, else the first that has it; dir +1 or -1, the next one
 * after cur (wrapping) that has it (Tab, Shift-Tab). -1 when none.
 */
static int
find_match(const char *const *names, int n, const char *pattern, int cur,
    int dir)
{
	int	i, k;

	if (dir == 0) {
		for (i = 0; i < n; i++)
			if (name_has(names[i], pattern, 1))
				return i;
		for (i = 0; i < n; i++)
			if (name_has(names[i], pattern, 0))
				return i;
		return -1;
	}
	for (k = 1; k <= n; k++) {
		i = ((cur + dir * k) % n + n) % n;
		if (name_has(names[i], pattern, 0))
			return i;
	}
	return -1;
}

/* A character typed onto the end of pattern (what does not fit is not). */
static void
pattern_add(char *pattern, size_t size, wint_t ch)
{
	char		typed[MB_LEN_MAX];
	mbstate_t	state;
	size_t		len, used = strlen(pattern);

	memset(&state, 0, sizeof state);
	if ((len = wcrtomb(typed, (wchar_t)ch, &state)) == (size_t)-1 ||
	    used + len >= size)
		return;
	memcpy(pattern + used, typed, len);
	pattern[used + len] = '\0';
}

/* Remove the last character of a UTF-8 string. */
static void
pattern_back(char *pattern)
{
	size_t	len = strlen(pattern);

	while (len > 0 && ((unsigned char)pattern[len - 1] & 0xc0) == 0x80)
		len--;
	if (len > 0)
		len--;
	pattern[len] = '\0';
}

static void
draw_pattern(WINDOW *win, int width, int height, const char *pattern,
    int found)
{
	char	buf[PATTERN_MAX + 128];

	mvwhline(win, height - 1, 1, ACS_HLINE, width - 2);
	if (*pattern == '\0')
		snprintf(buf, sizeof buf, " %s ", _("type to jump"));
	else if (found)
		snprintf(buf, sizeof buf, _(" jump: %s (Tab: next) "),
		    pattern);
	else
		snprintf(buf, sizeof buf, _(" jump: %s: none "), pattern);
	draw_text(win, height - 1, 2, width - 4, buf, *pattern == '\0' ?
	    A_DIM : A_BOLD);
}

int
pick_one(struct tui *tui, const char *title, const char *const *names,
    size_t n, int current)
{
	WINDOW		*win, *sub;
	ITEM		**items;
	MENU		*menu;
	struct tui_key	 key;
	char		 pattern[PATTERN_MAX] = "";
	size_t		 i;
	int		 width, height, rows, w, chosen = -1, done = 0;
	int		 found = 1, k, dir;

	if (n == 0)
		return -1;
	items = xcalloc(n + 1, sizeof *items);
	width = text_width(title) + 4;
	if (width < text_width(_(" jump: %s (Tab: next) ")) + 16)
		width = text_width(_(" jump: %s (Tab: next) ")) + 16;
	for (i = 0; i < n; i++) {
		items[i] = new_item(names[i], "");
		if ((w = text_width(names[i]) + 6) > width)
			width = w;
	}
	if (width > COLS - 2)
		width = COLS - 2;
	rows = (int)n;
	if (rows > LINES - 6)
		rows = LINES - 6;
	height = rows + 2;
	menu = new_menu(items);
	win = newwin(height, width, (LINES - height) / 2, (COLS - width) / 2);
	sub = derwin(win, rows, width - 2, 1, 1);
	keypad(win, TRUE);
	set_menu_win(menu, win);
	set_menu_sub(menu, sub);
	set_menu_format(menu, rows, 1);
	set_menu_mark(menu, "> ");
	menu_opts_off(menu, O_SHOWDESC);
	post_menu(menu);
	if (current >= 0 && (size_t)current < n)
		set_current_item(menu, items[current]);
	box(win, 0, 0);
	draw_text(win, 0, 2, width - 4, title, A_BOLD);
	while (!done) {
		draw_pattern(win, width, height, pattern, found);
		pos_menu_cursor(menu);
		wrefresh(win);
		tui_key_read(win, &key);
		/* letters are typed to jump: only the arrows etc. move */
		if (key.code == 0 && key.ch > ' ' && key.ch != 0x7f) {
			pattern_add(pattern, sizeof pattern, key.ch);
			if ((found = (k = find_match(names, (int)n, pattern,
			    0, 0)) >= 0))
				set_current_item(menu, items[k]);
			else
				beep();
			continue;
		}
		if (key.code == KEY_BACKSPACE || tui_key_is(&key, 0x7f) ||
		    tui_key_is(&key, TUI_CTRL('h'))) {
			pattern_back(pattern);
			found = 1;
			if (*pattern != '\0' && (found = (k = find_match(names,
			    (int)n, pattern, 0, 0)) >= 0))
				set_current_item(menu, items[k]);
			continue;
		}
		if ((tui_key_is(&key, '\t') || key.code == KEY_BTAB ||
		    tui_key_is(&key, TUI_CTRL('n')) ||
		    tui_key_is(&key, TUI_CTRL('p'))) && *pattern != '\0') {
			dir = tui_key_is(&key, '\t') ||
			    tui_key_is(&key, TUI_CTRL('n')) ? 1 : -1;
			if ((k = find_match(names, (int)n, pattern,
			    item_index(current_item(menu)), dir)) >= 0)
				set_current_item(menu, items[k]);
			continue;
		}
		switch (tui_key_move(&key)) {
		case MOVE_UP:
			menu_driver(menu, REQ_UP_ITEM);
			continue;
		case MOVE_DOWN:
			menu_driver(menu, REQ_DOWN_ITEM);
			continue;
		case MOVE_PAGE_UP:
			menu_driver(menu, REQ_SCR_UPAGE);
			continue;
		case MOVE_PAGE_DOWN:
			menu_driver(menu, REQ_SCR_DPAGE);
			continue;
		case MOVE_HOME:
			menu_driver(menu, REQ_FIRST_ITEM);
			continue;
		case MOVE_END:
			menu_driver(menu, REQ_LAST_ITEM);
			continue;
		default:
			break;
		}
		if (key.code == KEY_ENTER || (key.code == 0 && (key.ch ==
		    '\r' || key.ch == '\n' || key.ch == ' '))) {
			chosen = item_index(current_item(menu));
			done = 1;
		} else if (key.code == KEY_RESIZE) {
			ungetch(KEY_RESIZE);
			done = 1;
		} else if (key.code == 0 && key.ch == TUI_ESC)
			done = 1;
	}
	unpost_menu(menu);
	free_menu(menu);
	for (i = 0; i < n; i++)
		free_item(items[i]);
	free(items);
	delwin(sub);
	delwin(win);
	touchwin(stdscr);
	(void)tui;
	return chosen;
}
