/*
 * alloc.h -- allocation that does not return NULL: running out of memory
 * ends the program with a message (exit 1), never a crash later on.
 */
#ifndef CARECAL_ALLOC_H
#define CARECAL_ALLOC_H

#include <stddef.h>

void	*xmalloc(size_t);
void	*xcalloc(size_t, size_t);
void	*xreallocarray(void *, size_t, size_t);
char	*xstrdup(const char *);		/* NULL stays NULL */
char	*xstrndup(const char *, size_t);
/* For allocations made elsewhere (tsearch): the same message and exit. */
void	 alloc_failed(void) __attribute__((__noreturn__));

#endif
