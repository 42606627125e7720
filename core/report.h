/*
 * report.h -- the writers of the summary printout, one file per format
 * (report-text.c, report-csv.c, report-pdf.c), all of one shape so that
 * a new format is a new file and one line in the command's table.
 */
#ifndef CARECAL_REPORT_H
#define CARECAL_REPORT_H

#include <stdio.h>

#include "error.h"
#include "summary.h"

struct report_format {
	const char	*name;		/* text, csv, pdf */
	int		 binary;	/* never to a terminal */
	/* Write to fp; on failure -1 with err (what the caller prints). */
	int		(*write)(FILE *, const struct summary *,
			    struct error *);
	int		(*write_years)(FILE *, const struct summary_years *,
			    struct error *);
};

extern const struct report_format report_format_text;
extern const struct report_format report_format_csv;
extern const struct report_format report_format_pdf;

#endif
