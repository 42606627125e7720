/*
 * ical-module.c -- the table carecal-ical.so exports: everything the
 * program calls that needs libical (see modules.h).
 */
#include "ical-zone.h"
#include "modules.h"

MODULE_EXPORT const struct ical_module carecal_ical_module = {
	PACKAGE_VERSION,
	ical_export_begin,
	ical_export_meeting,
	ical_export_end,
	ical_import_read,
	ical_item_complete,
	ical_import_add_unmapped,
	ical_import_free,
	ical_library_free,
	ical_export_set_stamp
};
