/*
 * prompt.c -- questions to the user: yes or no on the bottom line, a
 * line of text (the form library, so Japanese can be typed), and a
 * message in a box that scrolls when it is longer than the screen.
 */
#include <stdlib.h>
#include <string.h>

#include "alloc.h"
#include "i18n.h"
#include "text.h"
#include "tui.h"

int
prompt_yes_no(struct tui *tui, const char *question)
{
	tui_draw(tui);
	return prompt_yes_no_over(tui, question);
}

int
prompt_yes_no_over(struct tui *tui, const char *question)
{
	struct tui_key	 key;
	WINDOW		*win;
	int		 x;

	/* a window of its own: what is under the line stays as it is */
	win = newwin(1, COLS, LINES - 1, 0);
	keypad(win, TRUE);
	x = draw_text(win, 0, 0, COLS - 8, question,
	    A_BOLD | draw_pair(tui, PAIR_ERROR));
	x += draw_text(win, 0, x, COLS - x, _(" (y/n) "), A_BOLD);
	wmove(win, 0, x);
	curs_set(1);
	wrefresh(win);
	tui_key_read(win, &key);
	curs_set(0);
	delwin(win);
	touchline(stdscr, LINES - 1, 1);
	if (key.code == KEY_RESIZE) {
		ungetch(KEY_RESIZE);
		return 0;
	}
	return key.code == 0 && (key.ch == 'y' || key.ch == 'Y');
}

int
prompt_line(struct tui *tui, const char *label, const char *initial,
    char **out, void (*changed)(struct tui *, const char *, void *),
    void *arg)
{
	WINDOW		*win, *sub;
	FIELD		*fields[2];
	FORM		*form;
	struct tui_key	 key;
	char		*text, msg[256];
	int		 lw, rc, result = -1;

	*out = NULL;
	lw = text_width(label) + 1;
	if (lw > COLS / 2)
		lw = COLS / 2;
	win = newwin(1, COLS, LINES - 1, 0);
	/* post_form clears the subwindow: the label stays outside it */
	sub = derwin(win, 1, COLS - lw, 0, lw);
	keypad(win, TRUE);
	fields[0] = new_field(1, COLS - lw - 1, 0, 0, 0, 0);
	fields[1] = NULL;
	field_opts_off(fields[0], O_AUTOSKIP);
	form = new_form(fields);
	form_opts_off(form, O_BS_OVERLOAD);
	set_form_win(form, win);
	set_form_sub(form, sub);
	draw_text(win, 0, 0, lw, label, A_BOLD);
	post_form(form);
	if (initial != NULL) {
		field_text_set(form, fields[0], initial);
		field_text_end(form, fields[0]);
	}
	curs_set(1);
	for (;;) {
		pos_form_cursor(form);
		wrefresh(win);
		tui_key_read(win, &key);
		if (key.code == KEY_RESIZE) {
			ungetch(KEY_RESIZE);
			break;
		}
		if (key.code == KEY_ENTER || (key.code == 0 &&
		    (key.ch == '\r' || key.ch == '\n'))) {
			*out = field_text_get(form, fields[0]);
			result = 0;
			break;
		}
		if (key.code == 0 && key.ch == TUI_ESC)
			break;
		if ((rc = field_text_key(form, &key, msg, sizeof msg)) == -1)
			beep();
		if (rc == 1 && changed != NULL) {
			text = field_text_get(form, fields[0]);
			changed(tui, text, arg);
			free(text);
			tui_draw(tui);
			touchwin(win);
		}
	}
	curs_set(0);
	unpost_form(form);
	free_form(form);
	free_field(fields[0]);
	delwin(sub);
	delwin(win);
	touchwin(stdscr);
	return result;
}

/* Split text into lines of at most width columns; returns the count. */
static size_t
wrap_lines(const char *text, int width, char ***out)
{
	char		**lines = NULL, buf[1024];
	const char	 *p = text, *nl, *sp;
	size_t		  n = 0, len, cap = 0, used;

	while (*p != '\0' || n == 0) {
		nl = strchr(p, '\n');
		len = nl != NULL ? (size_t)(nl - p) : strlen(p);
		do {
			char	*piece = xstrndup(p, len);

			text_truncate(piece, width, buf, sizeof buf);
			used = strlen(buf);
			/* a character wider than the box */
			if (used == 0 && len > 0)
				used = len;
			/* English breaks at a space; Japanese anywhere */
			if (used < len && (sp = memrchr(p, ' ', used)) !=
			    NULL && sp > p)
				used = (size_t)(sp - p) + 1;
			free(piece);
			if (n == cap) {
				cap = cap == 0 ? 16 : cap * 2;
				lines = xreallocarray(lines, cap,
				    sizeof *lines);
			}
			lines[n++] = xstrndup(p, used);
			p += used;
			len -= used;
		} while (len > 0);
		if (nl == NULL)
			break;
		p = nl + 1;
	}
	*out = lines;
	return n;
}

void
prompt_box(struct tui *tui, const char *title, const char *text,
    struct tui_key *key)
{
	WINDOW		*win;
	char		**lines;
	size_t		  n, i, top = 0, page;
	int		  width, height, inner, shown, y;

	width = COLS - 4 > 76 ? 76 : COLS - 4;
	n = wrap_lines(text, width - 4, &lines);
	height = (int)n + 4;
	if (height > LINES - 2)
		height = LINES - 2;
	inner = height - 4;
	page = inner > 0 ? (size_t)inner : 0;	/* lines of text shown */
	win = newwin(height, width, (LINES - height) / 2, (COLS - width) / 2);
	keypad(win, TRUE);
	for (;;) {
		werase(win);
		box(win, 0, 0);
		draw_text(win, 0, 2, width - 4, title, A_BOLD);
		shown = 0;
		for (i = top, y = 2; i < n && shown < inner; i++, y++, shown++)
			draw_text(win, y, 2, width - 4, lines[i], A_NORMAL);
		draw_text(win, height - 1, 2, width - 4, n > page && page > 0 ?
		    _(" j/k scroll, any other key closes ") :
		    _(" press a key "), A_DIM);
		wrefresh(win);
		tui_key_read(win, key);
		if (key->code == KEY_RESIZE) {
			ungetch(KEY_RESIZE);
			break;
		}
		if (n > page && page > 0) {
			switch (tui_key_move(key)) {
			case MOVE_DOWN:
			case MOVE_PAGE_DOWN:
				if (top + page < n)
					top += tui_key_move(key) == MOVE_DOWN ?
					    1 : page;
				if (top + page > n)
					top = n - page;
				continue;
			case MOVE_UP:
			case MOVE_PAGE_UP:
				top = tui_key_move(key) == MOVE_UP ?
				    (top > 0 ? top - 1 : 0) :
				    (top > page ? top - page : 0);
				continue;
			default:
				break;
			}
		}
		break;
	}
	for (i = 0; i < n; i++)
		free(lines[i]);
	free(lines);
	delwin(win);
	touchwin(stdscr);
	(void)tui;
}

int
prompt_warnings(struct tui *tui, const struct finding_list *warnings)
{
	struct tui_key	 key;
	char		*text;
	size_t		 i, len = 0, size = 1;

	if (warnings->count == 0)
		return 1;
	for (i = 0; i < warnings->count; i++)
		size += strlen(warnings->items[i].message) + 1;
	size += strlen(_("y  save anyway\nany other key: not saved")) + 1;
	text = xmalloc(size);
	for (i = 0; i < warnings->count; i++)
		len += (size_t)snprintf(text + len, size - len, "%s\n",
		    warnings->items[i].message);
	snprintf(text + len, size - len, "\n%s",
	    _("y  save anyway\nany other key: not saved"));
	tui_draw(tui);
	prompt_box(tui, _("Save anyway?"), text, &key);
	free(text);
	return tui_key_is(&key, 'y') || tui_key_is(&key, 'Y');
}
