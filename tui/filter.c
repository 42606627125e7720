/*
 * filter.c -- which meetings the views show: one center, type, mode or
 * status, each chosen from a pick list; the status line says which.
 */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "alloc.h"
#include "i18n.h"
#include "tui.h"

enum { FILTER_CENTER, FILTER_TYPE, FILTER_MODE, FILTER_STATUS,
    FILTER_CLEAR, FILTER_COUNT };

static void
choose_center(struct tui *tui)
{
	const struct catalog	 *cat = tui->catalog;
	const char		**names = xcalloc(cat->ncenters + 1,
				    sizeof *names);
	size_t			  i, current = 0;
	int			  k;

	names[0] = _("(any center)");
	for (i = 0; i < cat->ncenters; i++) {
		names[i + 1] = cat->centers[i].name;
		if (cat->centers[i].id == tui->filter.center_id)
			current = i + 1;
	}
	if ((k = pick_one(tui, _("Center"), names, cat->ncenters + 1,
	    (int)current)) >= 0)
		tui->filter.center_id = k == 0 ? 0 : cat->centers[k - 1].id;
	free(names);
}

static void
choose_type(struct tui *tui)
{
	const struct catalog	 *cat = tui->catalog;
	const char		**names = xcalloc(cat->ntypes + 1,
				    sizeof *names);
	size_t			  i, current = 0;
	int			  k;

	names[0] = _("(any type)");
	for (i = 0; i < cat->ntypes; i++) {
		names[i + 1] = cat->types[i].name;
		if (cat->types[i].id == tui->filter.type_id)
			current = i + 1;
	}
	if ((k = pick_one(tui, _("Meeting type"), names, cat->ntypes + 1,
	    (int)current)) >= 0)
		tui->filter.type_id = k == 0 ? 0 : cat->types[k - 1].id;
	free(names);
}

static void
choose_mode(struct tui *tui)
{
	const char	*names[MODE_COUNT + 1];
	int		 i, k;

	names[0] = _("(any mode)");
	for (i = 0; i < MODE_COUNT; i++)
		names[i + 1] = meeting_mode_label(i);
	if ((k = pick_one(tui, _("Mode"), names, MODE_COUNT + 1,
	    tui->filter.mode + 1)) >= 0)
		tui->filter.mode = k - 1;
}

static void
choose_status(struct tui *tui)
{
	const char	*names[STATUS_COUNT + 1];
	int		 i, k;

	names[0] = _("(any status)");
	for (i = 0; i < STATUS_COUNT; i++)
		names[i + 1] = meeting_status_label(i);
	if ((k = pick_one(tui, _("Status"), names, STATUS_COUNT + 1,
	    tui->filter.status + 1)) >= 0)
		tui->filter.status = k - 1;
}

void
filter_choose(struct tui *tui)
{
	const char	*names[FILTER_COUNT];
	int		 k;

	names[FILTER_CENTER] = _("Center");
	names[FILTER_TYPE] = _("Meeting type");
	names[FILTER_MODE] = _("Mode");
	names[FILTER_STATUS] = _("Status");
	names[FILTER_CLEAR] = _("Show everything");
	if ((k = pick_one(tui, _("Filter by"), names, FILTER_COUNT, 0)) < 0)
		return;
	switch (k) {
	case FILTER_CENTER:
		choose_center(tui);
		break;
	case FILTER_TYPE:
		choose_type(tui);
		break;
	case FILTER_MODE:
		choose_mode(tui);
		break;
	case FILTER_STATUS:
		choose_status(tui);
		break;
	default:
		filter_clear(tui);
		return;
	}
	tui_reload(tui);
}

void
filter_clear(struct tui *tui)
{
	tui->filter.center_id = 0;
	tui->filter.type_id = 0;
	tui->filter.mode = -1;
	tui->filter.status = -1;
	tui_reload(tui);
}

static void
append(char *buf, size_t size, const char *s)
{
	size_t	len = strlen(buf);

	if (len > 0 && len + 1 < size)
		buf[len++] = ' ';
	snprintf(buf + len, size - len, "%s", s);
}

void
filter_describe(const struct tui *tui, char *buf, size_t size)
{
	const struct center		*c;
	const struct meeting_type	*t;

	buf[0] = '\0';
	if (tui->filter.center_id != 0 && (c = catalog_center_by_id(
	    tui->catalog, tui->filter.center_id)) != NULL)
		append(buf, size, c->name);
	if (tui->filter.type_id != 0 && (t = catalog_type_by_id(
	    tui->catalog, tui->filter.type_id)) != NULL)
		append(buf, size, t->short_name);
	if (tui->filter.mode != -1)
		append(buf, size, meeting_mode_label(tui->filter.mode));
	if (tui->filter.status != -1)
		append(buf, size, meeting_status_label(tui->filter.status));
}
