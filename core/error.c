/*
 * error.c -- filling and prefixing struct error.
 */
#include <stdarg.h>
#include <stdio.h>
#include <string.h>

#include "error.h"

static int
error_vset(struct error *err, enum error_kind kind, const char *field,
    const char *fmt, va_list ap)
{
	if (err == NULL)
		return -1;
	err->kind = kind;
	err->field = field;
	vsnprintf(err->msg, sizeof err->msg, fmt, ap);
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
	vsnprintf(err->msg, sizeof err->msg, fmt, ap);
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
