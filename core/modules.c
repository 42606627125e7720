/*
 * modules.c -- the iCalendar and PDF modules, loaded when a command first
 * needs them (see core/modules.h for why). The functions of
 * ical-export.h and ical-import.h that need libical, and
 * report_format_pdf, are defined here as calls through the module's
 * table, so the code that uses them does not know the difference.
 */
#include <dlfcn.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "i18n.h"
#include "modules.h"
#include "paths.h"

static const struct ical_module	*ical;
static const struct pdf_module	*pdf;
static const struct http_module	*http;

/*
 * RTLD_NOW: a module that lacks a symbol fails here, with dlerror's
 * words, and not in the middle of writing a file.
 */
static const void *
module_load(const char *file, const char *table, const char *what,
    struct error *err)
{
	const char		*dir = paths_module_dir();
	const char *const	*version;
	char			 path[4096];
	void			*handle;

	if ((size_t)snprintf(path, sizeof path, "%s/%s", dir, file) >=
	    sizeof path) {
		error_set(err, ERROR_FAILURE, _("cannot load %s: the "
		    "directory name is too long: %s"), what, dir);
		return NULL;
	}
	if ((handle = dlopen(path, RTLD_NOW | RTLD_LOCAL)) == NULL) {
		error_set(err, ERROR_FAILURE, _("cannot load %s: %s"), what,
		    dlerror());
		return NULL;
	}
	/* both tables begin with the version they were built as */
	if ((version = dlsym(handle, table)) == NULL) {
		error_set(err, ERROR_FAILURE, _("cannot load %s: %s has no "
		    "%s"), what, path, table);
		dlclose(handle);
		return NULL;
	}
	if (strcmp(*version, PACKAGE_VERSION) != 0) {
		error_set(err, ERROR_FAILURE, _("cannot load %s: %s is from "
		    "carecal %s, this is carecal %s"), what, path, *version,
		    PACKAGE_VERSION);
		dlclose(handle);
		return NULL;
	}
	return version;
}

static int
ical_load(struct error *err)
{
	if (ical == NULL)
		ical = module_load(MODULE_ICAL, MODULE_ICAL_TABLE,
		    _("the iCalendar module"), err);
	return ical == NULL ? -1 : 0;
}

static int
pdf_load(struct error *err)
{
	if (pdf == NULL)
		pdf = module_load(MODULE_PDF, MODULE_PDF_TABLE,
		    _("the PDF module"), err);
	return pdf == NULL ? -1 : 0;
}

static int
http_load(struct error *err)
{
	if (http == NULL)
		http = module_load(MODULE_HTTP, MODULE_HTTP_TABLE,
		    _("the HTTP module"), err);
	return http == NULL ? -1 : 0;
}

int
ical_export_begin(FILE *fp, const char *name, int flags,
    struct ical_writer **w, struct error *err)
{
	if (ical_load(err) == -1)
		return -1;
	return ical->export_begin(fp, name, flags, w, err);
}

/* A writer exists only once the module is loaded: no check needed. */
int
ical_export_meeting(struct ical_writer *w, const struct meeting *m,
    const struct catalog *cat, struct error *err)
{
	return ical->export_meeting(w, m, cat, err);
}

int
ical_export_end(struct ical_writer *w, struct error *err)
{
	return ical->export_end(w, err);
}

void
ical_export_set_stamp(struct ical_writer *w, time_t t)
{
	ical->export_set_stamp(w, t);
}

int
ical_import_read(const char *path, const struct catalog *cat,
    const struct ical_import_options *opt, struct ical_import *out,
    struct error *err)
{
	/* empty, so that ical_import_free is right even if loading fails */
	memset(out, 0, sizeof *out);
	if (ical_load(err) == -1)
		return -1;
	return ical->import_read(path, cat, opt, out, err);
}

int
ical_item_complete(struct import_item *item, unsigned given,
    const struct meeting *old, const struct catalog *cat, struct error *err)
{
	if (ical_load(err) == -1)
		return -1;
	return ical->item_complete(item, given, old, cat, err);
}

/* Only for an import ical_import_read filled: the module is loaded. */
void
ical_import_add_unmapped(struct ical_import *in, long line, const char *uid,
    const char *why)
{
	ical->import_add_unmapped(in, line, uid, why);
}

void
ical_import_free(struct ical_import *in)
{
	if (ical != NULL)
		ical->import_free(in);
}

static int
pdf_write(FILE *fp, const struct summary *s, struct error *err)
{
	if (pdf_load(err) == -1)
		return -1;
	return pdf->format->write(fp, s, err);
}

static int
pdf_write_years(FILE *fp, const struct summary_years *y, struct error *err)
{
	if (pdf_load(err) == -1)
		return -1;
	return pdf->format->write_years(fp, y, err);
}

const struct report_format report_format_pdf = {
	"pdf",
	1,
	pdf_write,
	pdf_write_years
};

int
http_server_start(const struct http_server_config *cfg, http_handler handler,
    void *arg, struct http_server **out, struct error *err)
{
	*out = NULL;
	if (http_load(err) == -1)
		return -1;
	return http->start(cfg, handler, arg, out, err);
}

/* A server exists only once the module is loaded. */
int
http_server_port(const struct http_server *s)
{
	return http->port(s);
}

void
http_server_stop(struct http_server *s)
{
	http->stop(s);
}

/* The modules stay loaded to the end: a dlclose would gain nothing. */
void
modules_free(void)
{
	if (ical != NULL)
		ical->library_free();
}
