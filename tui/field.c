/*
 * field.c -- one line of text in a field of the ncurses form library,
 * typed in Japanese as well as ASCII.
 *
 * formw (ncurses 6.4) handles wide characters only in a field that
 * neither scrolls nor fills up: a kanji typed into a horizontally
 * scrolling field leaves "^@" in the buffer, one typed into a full
 * static field loses the text before it, and REQ_END_FIELD counts
 * characters where it should count columns (tried under tmux with
 * form_driver_w). So text fields here are static, a character that
 * would fill the last column is refused with a message, and the cursor
 * is moved to the end one character at a time. Only ASCII may scroll.
 */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <wchar.h>

#include "alloc.h"
#include "i18n.h"
#include "text.h"
#include "tui.h"

char *
field_text_get(FORM *form, FIELD *field)
{
	const char	*buf;
	char		*s;
	size_t		 len;

	if (form != NULL && current_field(form) == field)
		form_driver(form, REQ_VALIDATION);
	if ((buf = field_buffer(field, 0)) == NULL)
		return xstrdup("");
	while (*buf == ' ')
		buf++;
	len = strlen(buf);
	while (len > 0 && buf[len - 1] == ' ')
		len--;
	s = xstrndup(buf, len);
	return s;
}

void
field_text_set(FORM *form, FIELD *field, const char *s)
{
	set_field_buffer(field, 0, s != NULL ? s : "");
	if (form != NULL && current_field(form) == field)
		form_driver(form, REQ_BEG_FIELD);
}

void
field_text_end(FORM *form, FIELD *field)
{
	char	*s = field_text_get(form, field);
	size_t	 n = mbstowcs(NULL, s, 0);

	form_driver(form, REQ_BEG_FIELD);
	if (n != (size_t)-1)
		while (n-- > 0)
			form_driver(form, REQ_NEXT_CHAR);
	free(s);
}

/* The cursor's column within the current field. */
static int
cursor_column(FORM *form)
{
	FIELD	*field = current_field(form);
	int	 rows, cols, frow, fcol, nrow, nbuf, y, x;

	if (field_info(field, &rows, &cols, &frow, &fcol, &nrow,
	    &nbuf) != E_OK)
		return 0;
	pos_form_cursor(form);
	getyx(form_sub(form), y, x);
	(void)y;
	return x - fcol;
}

/* Refuse what formw would mangle: see the comment at the top. */
static int
check_room(FORM *form, wint_t ch, char *msg, size_t size)
{
	FIELD	*field = current_field(form);
	char	*s;
	int	 rows, cols, frow, fcol, nrow, nbuf, w;

	if (field_info(field, &rows, &cols, &frow, &fcol, &nrow,
	    &nbuf) != E_OK)
		return -1;
	if (!(field_opts(field) & (Field_Options)O_STATIC)) {
		if (ch < 0x80)
			return 0;
		snprintf(msg, size, "%s", _("only ASCII characters can be "
		    "typed in this field"));
		return -1;
	}
	s = field_text_get(form, field);
	w = wcwidth((wchar_t)ch);
	if (w < 1)
		w = 1;
	w += text_width(s);
	free(s);
	if (w <= cols - 1)
		return 0;
	snprintf(msg, size, _("this field holds at most %d columns"),
	    cols - 1);
	return -1;
}

int
field_text_key(FORM *form, const struct tui_key *key, char *msg,
    size_t size)
{
	char	*s;
	int	 width;

	if (key->code == 0 && key->ch >= 0x20 && key->ch != 0x7f) {
		if (check_room(form, key->ch, msg, size) == -1)
			return -1;
		form_driver_w(form, OK, (wchar_t)key->ch);
		return 1;
	}
	switch (key->code != 0 ? key->code : (int)key->ch) {
	case KEY_BACKSPACE:
	case 0x7f:
	case TUI_CTRL('h'):
		form_driver(form, REQ_DEL_PREV);
		return 1;
	case KEY_DC:
	case TUI_CTRL('d'):
		form_driver(form, REQ_DEL_CHAR);
		return 1;
	case KEY_LEFT:
	case TUI_CTRL('b'):
		form_driver(form, REQ_PREV_CHAR);
		return 1;
	case KEY_RIGHT:
	case TUI_CTRL('f'):
		/* not into the padding, where a character would leave gaps */
		s = field_text_get(form, current_field(form));
		width = text_width(s);
		free(s);
		if (cursor_column(form) < width)
			form_driver(form, REQ_NEXT_CHAR);
		return 1;
	case KEY_HOME:
	case TUI_CTRL('a'):
		form_driver(form, REQ_BEG_FIELD);
		return 1;
	case KEY_END:
	case TUI_CTRL('e'):
		field_text_end(form, current_field(form));
		return 1;
	case TUI_CTRL('u'):
		form_driver(form, REQ_CLR_FIELD);
		return 1;
	case TUI_CTRL('k'):
		form_driver(form, REQ_CLR_EOF);
		return 1;
	}
	return 0;
}

void
field_key_fold(struct tui_key *key)
{
	if (key->code != 0)
		return;
	/* U+FF01..U+FF5E are ASCII 0x21..0x7E; U+3000 is the space */
	if (key->ch >= 0xff01 && key->ch <= 0xff5e)
		key->ch -= 0xff01 - 0x21;
	else if (key->ch == 0x3000)
		key->ch = ' ';
}
