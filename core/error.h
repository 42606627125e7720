/*
 * error.h -- errors as values: a kind that picks the exit status and a
 * message a user can act on (which file, line, field and value).
 */
#ifndef CARECAL_ERROR_H
#define CARECAL_ERROR_H

#include <stddef.h>

enum error_kind {
	ERROR_NONE = 0,
	ERROR_INPUT,		/* bad usage or bad data: exit status 2 */
	ERROR_FAILURE,		/* anything else went wrong: exit status 1 */
	ERROR_CONFLICT		/* someone else changed the row: exit 1 */
};

struct error {
	enum error_kind	kind;
	const char	*field;	/* the input field at fault ("date"), or NULL */
	char		msg[1024];
};

/* Set err (if not NULL) and return -1, so callers can `return error_set()`. */
int	error_set(struct error *, enum error_kind, const char *, ...)
	    __attribute__((format(printf, 3, 4)));
/* The same, naming the field at fault by its code (a static string). */
int	error_set_field(struct error *, enum error_kind, const char *,
	    const char *, ...) __attribute__((format(printf, 4, 5)));
/* Prefix the message already in err with more context ("file.csv:3: "). */
void	error_prefix(struct error *, const char *, ...)
	    __attribute__((format(printf, 2, 3)));
void	error_clear(struct error *);
int	error_exit_status(const struct error *);

#endif
