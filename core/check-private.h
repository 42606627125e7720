/*
 * check-private.h -- what the files of the plan checks share: adding a
 * finding, and the checks that live in a file of their own.
 */
#ifndef CARECAL_CHECK_PRIVATE_H
#define CARECAL_CHECK_PRIVATE_H

#include "check.h"

/* Appends a finding about the whole year (date NULL) or one day. */
struct finding	*finding_add(struct finding_list *, enum check_kind, long,
		    long, int, const struct date *);
/* The finding's message, formatted. */
void		 finding_say(struct finding *, const char *, ...)
		    __attribute__((format(printf, 2, 3)));

/* check-advisors.c: advisor-clash, advisor-unavailable, advisor-missing */
void		 check_advisors(const struct check_input *,
		    struct finding_list *);

#endif
