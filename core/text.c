/*
 * text.c -- UTF-8 validity and display width.
 *
 * Widths come from wcwidth(3) on the decoded character, so the caller
 * must run under a UTF-8 LC_CTYPE (main() makes sure of it).
 */
#include <stdint.h>
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

int
text_has_control(const char *s, int allow_whitespace)
{
	const unsigned char	*p = (const unsigned char *)s;

	for (; *p != '\0'; p++) {
		if (allow_whitespace && (*p == '\t' || *p == '\n'))
			continue;
		if (*p < 0x20 || *p == 0x7F)
			return 1;
	}
	return 0;
}

static int
char_width(uint32_t cp)
{
	int	w = wcwidth((wchar_t)cp);

	return w < 0 ? 1 : w;
}

int
text_width(const char *s)
{
	const unsigned char	*p = (const unsigned char *)s;
	size_t			 len = strlen(s), n;
	uint32_t		 cp;
	int			 w = 0;

	while (len > 0) {
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

void
text_print_padded(FILE *fp, const char *s, int width)
{
	int	w = text_width(s);

	fputs(s, fp);
	for (; w < width; w++)
		fputc(' ', fp);
}

void
text_print_right(FILE *fp, const char *s, int width)
{
	int	w = text_width(s);

	for (; w < width; w++)
		fputc(' ', fp);
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
