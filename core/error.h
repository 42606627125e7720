/*
 * error.h -- errors as values: a kind that picks the exit status and a
 * message a user can act on (which file, line, field and value).
 */
#ifndef CARECAL_ERROR_H
#define CARECAL_ERROR_H

#include <stddef.h>
#include <stdio.h>

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

/*
 * Text quoted to a terminal (an error message, a file name, a recorded
 * command) with every control character shown escaped, so that a value
 * can neither move the cursor nor retitle the window nor reorder the
 * line: C0 and DEL as \n, \r, \t or \x1b, C1 and the bidirectional
 * controls as \u009b or \u202e (text_is_control), a byte that is not
 * UTF-8 as \xff. error_set and error_prefix escape what they format.
 *
 * error_escape writes into buf (size bytes; cut between characters,
 * always ended) and returns buf; error_escape_dup returns a malloc'd
 * copy (the caller frees it); error_print_escaped writes to fp.
 */
char	*error_escape(const char *, char *, size_t);
char	*error_escape_dup(const char *);
void	 error_print_escaped(FILE *, const char *);

#endif
