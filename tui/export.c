/*
 * export.c -- `x`: the meetings the views show (the fiscal year, through
 * the filter) as an iCalendar file for the office calendars, written by
 * core's exporter (libical) as `carecal export` writes it: cancelled
 * meetings too, and the tombstones of those deleted lately.
 */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "alloc.h"
#include "export.h"
#include "i18n.h"
#include "ical-export.h"
#include "tui.h"

struct export_job {
	struct tui	*tui;
	const char	*calname;
	int		 flags;
	size_t		 count;
};

static int
write_calendar(FILE *fp, void *arg, struct error *err)
{
	struct export_job	*job = arg;
	struct ical_writer	*w;
	struct meeting_filter	 shown = job->tui->filter;
	struct error		 ignored;
	const struct meeting	*m;
	size_t			 i, deleted;

	job->count = 0;
	if (ical_export_begin(fp, job->calname, job->flags, &w, err) == -1)
		return -1;
	for (i = 0; i < job->tui->meetings.count; i++) {
		m = &job->tui->meetings.items[i];
		if (ical_export_meeting(w, m, job->tui->catalog, err) == -1) {
			ical_export_end(w, &ignored);
			return -1;
		}
		job->count++;
	}
	/* the deleted ones the views would show, were they there */
	shown.has_from = shown.has_to = 1;
	shown.from = date_fiscal_year_start(job->tui->fiscal_year);
	shown.to = date_fiscal_year_end(job->tui->fiscal_year);
	if (export_tombstones_write(w, job->tui->store, job->tui->catalog,
	    &shown, 0, &deleted, err) == -1) {
		ical_export_end(w, &ignored);
		return -1;
	}
	return ical_export_end(w, err);
}

/* "松戸市 地域ケア会議 令和3年度", "明第1 地域個別ケア会議 令和3年度" */
static void
calendar_name(struct tui *tui, const char *city, char *buf, size_t size)
{
	const struct center		*c = catalog_center_by_id(tui->catalog,
					    tui->filter.center_id);
	const struct meeting_type	*t = catalog_type_by_id(tui->catalog,
					    tui->filter.type_id);
	char				 fy[32];

	date_format_fiscal_year(tui->fiscal_year, fy, sizeof fy);
	snprintf(buf, size, "%s%s%s %s", c != NULL ? c->name : city,
	    c != NULL || *city != '\0' ? " " : "",
	    t != NULL ? t->name : "地域ケア会議", fy);
}

void
export_dialog(struct tui *tui)
{
	struct export_job	 job;
	struct error		 err;
	const char		*choices[2];
	char			 calname[512], file[256], *city = NULL, *path;
	int			 k;

	choices[0] = _("without the private notes");
	choices[1] = _("with the private notes");
	if ((k = pick_one(tui, _("Export the meetings shown as iCalendar"),
	    choices, 2, 0)) < 0)
		return;
	if (store_setting_get(tui->store, "city", &city, &err) == -1) {
		tui_message(tui, 1, "%s", err.msg);
		return;
	}
	calendar_name(tui, city != NULL ? city : "", calname, sizeof calname);
	free(city);
	ical_export_file_name(calname, file, sizeof file);
	if (prompt_line(tui, _("Export to file:"), file, &path, NULL,
	    NULL) == -1)
		return;
	memset(&job, 0, sizeof job);
	job.tui = tui;
	job.calname = calname;
	job.flags = k == 1 ? ICAL_EXPORT_NOTES : 0;
	if (*path == '\0')
		tui_message(tui, 1, "%s", _("no file name: nothing written"));
	else if (save_file(tui->store, path, k == 1 ? SAVE_PRIVATE : 0,
	    write_calendar, &job, &err) == -1)
		tui_message(tui, 1, "%s", err.msg);
	else
		tui_message(tui, 0, ngettext("%s: %zu meeting exported",
		    "%s: %zu meetings exported", job.count), path, job.count);
	free(path);
}
