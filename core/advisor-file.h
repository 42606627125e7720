/*
 * advisor-file.h -- a file of advisors and of the meeting types whose
 * meetings book them: how the R3 demo gets its (fictional) advisors.
 */
#ifndef CARECAL_ADVISOR_FILE_H
#define CARECAL_ADVISOR_FILE_H

#include <stddef.h>

#include "advisor.h"
#include "error.h"

/* Every meeting of a type books these advisors (by name). */
struct advisor_file_booking {
	char	 *type_code;
	char	**names;
	size_t	  nnames;
};

struct advisor_file {
	struct advisor_list		 advisors;	/* ids 0 */
	struct advisor_file_booking	*bookings;
	size_t				 nbookings;
};

/*
 * Lines of tab-separated fields, # comments and blank lines:
 *   advisor	NAME	PROFESSION	[AFFILIATION	[WEEKDAYS]]
 *   book	TYPE	NAME...
 * A book line names advisors of the file. Free with advisor_file_free
 * (also after an error).
 */
int	advisor_file_load(const char *, struct advisor_file *,
	    struct error *);
void	advisor_file_free(struct advisor_file *);

#endif
