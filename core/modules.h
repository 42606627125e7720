/*
 * modules.h -- the parts of carecal that need large libraries, built as
 * modules the program loads the first time a command needs them: the
 * iCalendar reader and writer (libical, and through it ICU), the PDF
 * writer (pango and cairo, about 40 libraries) and the HTTP engine of
 * `serve` (libmicrohttpd, with GnuTLS and 10 more). Linked into every
 * run, they cost 14 ms of start-up to `list`, `check` and the
 * full-screen view, which never use them (issue 8: measured with perf
 * stat; libmicrohttpd alone, issue 16: bench/README.md).
 *
 * Each module exports one table under a fixed name; the program checks
 * that the table is from its own build before calling through it.
 */
#ifndef CARECAL_MODULES_H
#define CARECAL_MODULES_H

#include <stdio.h>

#include "catalog.h"
#include "error.h"
#include "http-server.h"
#include "ical-export.h"
#include "ical-import.h"
#include "meeting.h"
#include "report.h"

#define MODULE_ICAL		"carecal-ical.so"
#define MODULE_ICAL_TABLE	"carecal_ical_module"
#define MODULE_PDF		"carecal-pdf.so"
#define MODULE_PDF_TABLE	"carecal_pdf_module"
#define MODULE_HTTP		"carecal-http.so"
#define MODULE_HTTP_TABLE	"carecal_http_module"

/* The one symbol a module exports (they are built -fvisibility=hidden). */
#define MODULE_EXPORT		__attribute__((visibility("default")))

struct ical_module {
	const char	*version;	/* PACKAGE_VERSION it was built as */
	int		(*export_begin)(FILE *, const char *, int,
			    struct ical_writer **, struct error *);
	int		(*export_meeting)(struct ical_writer *,
			    const struct meeting *, const struct catalog *,
			    struct error *);
	int		(*export_end)(struct ical_writer *, struct error *);
	int		(*import_read)(const char *, const struct catalog *,
			    const struct ical_import_options *,
			    struct ical_import *, struct error *);
	int		(*item_complete)(struct import_item *, unsigned,
			    const struct meeting *, const struct catalog *,
			    struct error *);
	void		(*import_add_unmapped)(struct ical_import *, long,
			    const char *, const char *);
	void		(*import_free)(struct ical_import *);
	void		(*library_free)(void);
	void		(*export_set_stamp)(struct ical_writer *, time_t);
};

struct pdf_module {
	const char			*version;
	const struct report_format	*format;
};

/* carecal-http.so: `carecal serve`'s HTTP engine (http-server.h). */
struct http_module {
	const char	*version;
	int		(*start)(const struct http_server_config *,
			    http_handler, void *, struct http_server **,
			    struct error *);
	int		(*port)(const struct http_server *);
	void		(*stop)(struct http_server *);
};

/*
 * The loader (core/modules.c, linked into the program, never into a
 * module): ical-export.h, ical-import.h, http-server.h and
 * report_format_pdf call
 * through these tables, loading the module on first use from
 * $CARECAL_MODULEDIR or else the installed directory. A module that
 * cannot be loaded is an error of the command that needed it; nothing
 * else changes. modules_free frees what libical keeps.
 */
void	modules_free(void);

#endif
