/*
 * error.c -- filling and prefixing struct error, and the one escaping of
 * control characters for everything carecal quotes to a terminal.
 */
#include <stdarg.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "alloc.h"
#include "error.h"
#include "text.h"

/* Room for the longest form of one character ("\u2069"). */
#define ESCAPED_MAX	16

/*
 * The n bytes at s as shown (into out, at least ESCAPED_MAX bytes, not
 * NUL-ended): returns how many bytes of s were used, and their form's
 * length in *outlen.
 */
static size_t
escape_one(const char *s, size_t n, char *out, size_t *outlen)
{
	unsigned char	c = (unsigned char)*s;
	uint32_t	cp;
	size_t		len;

	if (c >= 0x20 && c < 0x7F) {
		*out = (char)c;
		*outlen = 1;
		return 1;
	}
	if (c < 0x80) {
		switch (c) {
		case '\n':
			memcpy(out, "\\n", 2);
			break;
		case '\r':
			memcpy(out, "\\r", 2);
			break;
		case '\t':
			memcpy(out, "\\t", 2);
			break;
		default:
			*outlen = (size_t)snprintf(out, ESCAPED_MAX, "\\x%02x",
			    c);
			return 1;
		}
		*outlen = 2;
		return 1;
	}
	if ((len = text_utf8_decode(s, n, &cp)) == 0) {
		*outlen = (size_t)snprintf(out, ESCAPED_MAX, "\\x%02x", c);
		return 1;
	}
	if (text_is_control(cp)) {
		*outlen = (size_t)snprintf(out, ESCAPED_MAX, "\\u%04x",
		    (unsigned)cp);
		return len;
	}
	memcpy(out, s, len);
	*outlen = len;
	return len;
}

char *
error_escape(const char *s, char *buf, size_t size)
{
	char	one[ESCAPED_MAX];
	size_t	n = strlen(s), used = 0, step, len;

	if (size == 0)
		return buf;
	while (n > 0) {
		step = escape_one(s, n, one, &len);
		if (used + len >= size)
			break;
		memcpy(buf + used, one, len);
		used += len;
		s += step;
		n -= step;
	}
	buf[used] = '\0';
	return buf;
}

char *
error_escape_dup(const char *s)
{
	size_t	size;

	if (s == NULL)
		return NULL;
	/* a byte is at most four ("\x1b"); a character at most itself */
	size = strlen(s) * 4 + 1;
	return error_escape(s, xmalloc(size), size);
}

void
error_print_escaped(FILE *fp, const char *s)
{
	char	one[ESCAPED_MAX];
	size_t	n = strlen(s), step, len;

	while (n > 0) {
		step = escape_one(s, n, one, &len);
		fwrite(one, 1, len, fp);
		s += step;
		n -= step;
	}
}

/* What fmt makes of ap, escaped, into buf (size bytes). */
static void
format_escaped(char *buf, size_t size, const char *fmt, va_list ap)
{
	char	raw[sizeof ((struct error *)NULL)->msg];

	vsnprintf(raw, sizeof raw, fmt, ap);
	error_escape(raw, buf, size);
}

static int
error_vset(struct error *err, enum error_kind kind, const char *field,
    const char *fmt, va_list ap)
{
	if (err == NULL)
		return -1;
	err->kind = kind;
	err->field = field;
	format_escaped(err->msg, sizeof err->msg, fmt, ap);
	return -1;
}

int
error_set(struct error *err, enum error_kind kind, const char *fmt, ...)
{
	va_list	ap;

	va_start(ap, fmt);
	error_vset(err, kind, NULL, fmt, ap);
	va_end(ap);
	return -1;
}

int
error_set_field(struct error *err, enum error_kind kind, const char *field,
    const char *fmt, ...)
{
	va_list	ap;

	va_start(ap, fmt);
	error_vset(err, kind, field, fmt, ap);
	va_end(ap);
	return -1;
}

void
error_prefix(struct error *err, const char *fmt, ...)
{
	char	old[sizeof err->msg];
	size_t	len;
	va_list	ap;

	if (err == NULL)
		return;
	memcpy(old, err->msg, sizeof old);
	va_start(ap, fmt);
	format_escaped(err->msg, sizeof err->msg, fmt, ap);
	va_end(ap);
	len = strlen(err->msg);
	if (len < sizeof err->msg - 1)
		memcpy(err->msg + len, old, strnlen(old, sizeof err->msg -
		    len - 1));
	err->msg[sizeof err->msg - 1] = '\0';
	err->msg[len + strnlen(old, sizeof err->msg - len - 1)] = '\0';
}

void
error_clear(struct error *err)
{
	if (err == NULL)
		return;
	err->kind = ERROR_NONE;
	err->field = NULL;
	err->msg[0] = '\0';
}

int
error_exit_status(const struct error *err)
{
	switch (err->kind) {
	case ERROR_NONE:
		return 0;
	case ERROR_INPUT:
		return 2;
	default:
		return 1;
	}
}
