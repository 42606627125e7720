/*
 * text.c -- UTF-8 validity, display width and padding, and the bounded
 * string writer (text_buf) of the cells printed once per meeting.
 *
 * Widths come from wcwidth(3) on the decoded character, so the caller
 * must run under a UTF-8 LC_CTYPE (main() makes sure of it).
 */
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <wchar.h>

#include "text.h"

/* Decode one character; returns its length or 0 if invalid. */
static size_t
utf8_decode(const unsigned char *s, size_t len, uint32_t *cp)
{
	uint32_t	c;
	size_t		n, i;

	if (len == 0)
		return 0;
	if (s[0] < 0x80) {
		*cp = s[0];
		return 1;
	}
	if (s[0] >= 0xC2 && s[0] <= 0xDF) {
		n = 2;
		c = s[0] & 0x1F;
	} else if (s[0] >= 0xE0 && s[0] <= 0xEF) {
		n = 3;
		c = s[0] & 0x0F;
	} else if (s[0] >= 0xF0 && s[0] <= 0xF4) {
		n = 4;
		c = s[0] & 0x07;
	} else
		return 0;
	if (len < n)
		return 0;
	for (i = 1; i < n; i++) {
		if ((s[i] & 0xC0) != 0x80)
			return 0;
		c = (c << 6) | (s[i] & 0x3F);
	}
	/* overlong forms, surrogates, beyond U+10FFFF */
	if ((n == 3 && c < 0x800) || (n == 4 && (c < 0x10000 ||
	    c > 0x10FFFF)) || (c >= 0xD800 && c <= 0xDFFF))
		return 0;
	*cp = c;
	return n;
}

int
text_utf8_valid(const char *s, size_t len)
{
	const unsigned char	*p = (const unsigned char *)s;
	uint32_t		 cp;
	size_t			 n;

	while (len > 0) {
		if ((n = utf8_decode(p, len, &cp)) == 0 || cp == 0)
			return 0;
		p += n;
		len -= n;
	}
	return 1;
}

size_t
text_utf8_decode(const char *s, size_t len, uint32_t *cp)
{
	return utf8_decode((const unsigned char *)s, len, cp);
}

int
text_is_control(uint32_t cp)
{
	/* C0, DEL and C1: a terminal takes them as commands */
	if (cp < 0x20 || (cp >= 0x7F && cp <= 0x9F))
		return 1;
	/* the bidirectional marks, embeddings, overrides and isolates */
	return cp == 0x061C || cp == 0x200E || cp == 0x200F ||
	    (cp >= 0x202A && cp <= 0x202E) || (cp >= 0x2066 &&
	    cp <= 0x2069) || cp == 0x2028 || cp == 0x2029;
}

int
text_has_control(const char *s, int allow_whitespace)
{
	const unsigned char	*p = (const unsigned char *)s;
	size_t			 len, n;
	uint32_t		 cp;

	for (; *p != '\0'; p++) {
		if (allow_whitespace && (*p == '\t' || *p == '\n'))
			continue;
		if (*p < 0x20 || *p == 0x7F)
			return 1;
		/* C1 (U+0080..U+009F) is C2 80..9F; the others E2 80/81 */
		if (*p == 0xC2 || *p == 0xD8 || *p == 0xE2) {
			len = strnlen((const char *)p, 4);
			if ((n = utf8_decode(p, len, &cp)) != 0 &&
			    text_is_control(cp))
				return 1;
		}
	}
	return 0;
}

static int
char_width(uint32_t cp)
{
	int	w = wcwidth((wchar_t)cp);

	return w < 0 ? 1 : w;
}

/*
 * ASCII takes the short way: wcwidth gives a printable ASCII character
 * one column and a control character -1, which counts as one too, so a
 * byte below 0x80 is always one column. Decoding and wcwidth were 58 M
 * of `carecal list`'s 359 M instructions, most of them on ASCII.
 */
int
text_width(const char *s)
{
	const unsigned char	*p = (const unsigned char *)s;
	size_t			 len, n;
	uint32_t		 cp;
	int			 w = 0;

	while (*p != '\0' && *p < 0x80) {
		p++;
		w++;
	}
	if (*p == '\0')
		return w;
	len = strlen((const char *)p);
	while (len > 0) {
		if (*p < 0x80) {
			w++;
			p++;
			len--;
			continue;
		}
		if ((n = utf8_decode(p, len, &cp)) == 0) {
			n = 1;
			cp = '?';
		}
		w += char_width(cp);
		p += n;
		len -= n;
	}
	return w;
}

/* In runs from a line of blanks: one putc a space was slow for tables. */
void
text_print_blanks(FILE *fp, int n)
{
	static const char	blanks[] = "                                "
				    "                                ";
	size_t			chunk;

	while (n > 0) {
		chunk = (size_t)n < sizeof blanks - 1 ? (size_t)n :
		    sizeof blanks - 1;
		fwrite(blanks, 1, chunk, fp);
		n -= (int)chunk;
	}
}

void
text_print_padded(FILE *fp, const char *s, int width)
{
	fputs(s, fp);
	text_print_blanks(fp, width - text_width(s));
}

void
text_print_right(FILE *fp, const char *s, int width)
{
	text_print_blanks(fp, width - text_width(s));
	fputs(s, fp);
}

int
text_truncate(const char *s, int width, char *buf, size_t size)
{
	const unsigned char	*p = (const unsigned char *)s;
	size_t			 len = strlen(s), n, used = 0;
	uint32_t		 cp;
	int			 w = 0, cw;

	while (len > 0) {
		if ((n = utf8_decode(p, len, &cp)) == 0)
			break;
		cw = char_width(cp);
		if (w + cw > width || used + n >= size)
			break;
		memcpy(buf + used, p, n);
		used += n;
		w += cw;
		p += n;
		len -= n;
	}
	if (size > 0)
		buf[used] = '\0';
	return w;
}

char *
text_next_line(char **cursor, long *lineno)
{
	char	*line, *next;

	while ((line = *cursor) != NULL && *line != '\0') {
		(*lineno)++;
		if ((next = strchr(line, '\n')) != NULL)
			*next++ = '\0';
		*cursor = next;
		line[strcspn(line, "\r")] = '\0';
		if (line[0] != '#' && line[0] != '\0')
			return line;
	}
	return NULL;
}

size_t
text_split_tabs(char *line, char **fields, size_t max)
{
	size_t	 n = 0;
	char	*p = line;

	while (n < max) {
		fields[n++] = p;
		if ((p = strchr(p, '\t')) == NULL)
			break;
		*p++ = '\0';
	}
	return n;
}
