/*
 * store-years.c -- which fiscal years hold meetings: where the view and
 * `carecal check` open when today's fiscal year holds none (a demo of
 * 令和3年度 opened in another year, a calendar not yet planned).
 */
#include <stdlib.h>
#include <string.h>

#include "i18n.h"
#include "store-private.h"

/* A date column (ISO text) into *d: 1, or 0 when NULL or not a date. */
static int
column_date(sqlite3_stmt *st, int col, struct date *d)
{
	const char	*text = (const char *)sqlite3_column_text(st, col);
	struct error	 err;

	return text != NULL && date_parse(text, d, &err) == 0;
}

int
store_meetings_nearest_fiscal_year(struct store *s, int fy, int *found,
    struct error *err)
{
	sqlite3_stmt	*st;
	struct date	 before, after;
	char		 start[DATE_ISO_LEN];
	int		 rc, has_before, has_after, fy_before, fy_after;

	/* the last meeting before the year and the first from its start */
	if (sqlite3_prepare_v2(s->db, "SELECT (SELECT max(date) FROM meetings "
	    "WHERE date < ?1), (SELECT min(date) FROM meetings WHERE date >= "
	    "?1)", -1, &st, NULL) != SQLITE_OK)
		return store_error(s, _("reading the meetings"), err);
	date_format_iso(date_fiscal_year_start(fy), start, sizeof start);
	sqlite3_bind_text(st, 1, start, -1, SQLITE_TRANSIENT);
	if ((rc = sqlite3_step(st)) != SQLITE_ROW) {
		sqlite3_finalize(st);
		return store_error(s, _("reading the meetings"), err);
	}
	has_before = column_date(st, 0, &before);
	has_after = column_date(st, 1, &after);
	sqlite3_finalize(st);
	if (!has_before && !has_after)
		return 1;
	fy_before = has_before ? date_fiscal_year(before) : 0;
	fy_after = has_after ? date_fiscal_year(after) : 0;
	/* at equal distance, the later year: the plan being made */
	if (has_after && (!has_before || fy_after - fy <= fy - fy_before))
		*found = fy_after;
	else
		*found = fy_before;
	return 0;
}
