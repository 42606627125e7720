/*
 * pick.c -- a pick list (centers, meeting types, modes, statuses...)
 * built with the ncurses menu library in a box over the screen.
 */
#include <menu.h>
#include <stdlib.h>

#include "alloc.h"
#include "text.h"
#include "tui.h"

int
pick_one(struct tui *tui, const char *title, const char *const *names,
    size_t n, int current)
{
	WINDOW		*win, *sub;
	ITEM		**items;
	MENU		*menu;
	struct tui_key	 key;
	size_t		 i;
	int		 width, height, rows, w, chosen = -1, done = 0;

	if (n == 0)
		return -1;
	items = xcalloc(n + 1, sizeof *items);
	width = text_width(title) + 4;
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
		wrefresh(win);
		tui_key_read(win, &key);
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
		} else if (key.code == 0 && (key.ch == TUI_ESC ||
		    key.ch == 'q'))
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
