/*
 * report-csv.c -- the summary as CSV for Excel on Japanese Windows:
 * UTF-8 with a byte-order mark (without it Excel reads Shift_JIS), CRLF
 * line ends, one row per center and meeting type, then the totals.
 */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "alloc.h"
#include "csv.h"
#include "i18n.h"
#include "report.h"

#define BOM	"\xEF\xBB\xBF"

static void
write_record(FILE *fp, const char **fields, size_t n)
{
	size_t	i;

	for (i = 0; i < n; i++) {
		if (i > 0)
			fputc(',', fp);
		csv_write_field(fp, fields[i]);
	}
	fputs("\r\n", fp);
}

/* A number, or "" for a cases column of a type that has none. */
static const char *
number(char *buf, size_t size, int shown, int value)
{
	if (!shown)
		return "";
	snprintf(buf, size, "%d", value);
	return buf;
}

/* 2021-07-27(一部オンライン) 2021-09-28 ...: one list of a cell's dates. */
static char *
date_list(const struct summary *s, const struct summary_cell *cell,
    int counted)
{
	char	*buf;
	size_t	 size = cell->count * 64 + 1, len = 0, k;
	char	 iso[DATE_ISO_LEN], how[64];

	buf = xmalloc(size);
	buf[0] = '\0';
	for (k = 0; k < cell->count; k++) {
		const struct summary_date	*d = &cell->dates[k];
		const char			*mark = "";

		if (d->counted != counted)
			continue;
		if (d->status == STATUS_CANCELLED)
			mark = "(中止)";
		else if (d->status == STATUS_PLANNED && s->held_only)
			mark = "(予定)";
		date_format_iso(d->date, iso, sizeof iso);
		if (d->mode != MODE_IN_PERSON)
			snprintf(how, sizeof how, "(%s)",
			    meeting_mode_label(d->mode));
		else
			how[0] = '\0';
		len += (size_t)snprintf(buf + len, size - len, "%s%s%s%s",
		    len > 0 ? " " : "", iso, how, mark);
	}
	return buf;
}

/*
 * The heading of a 資料: the title with the document's number in the
 * table's last column (top right in Excel), the subtitle with the date
 * it is as of there, then an empty record before the table.
 */
static void
write_heading(FILE *fp, const char *title, const char *doc_number,
    const char *subtitle, const char *as_of, size_t ncolumns)
{
	const char	*f[8];
	size_t		 i;

	for (i = 0; i < ncolumns; i++)
		f[i] = "";
	f[0] = title;
	f[ncolumns - 1] = doc_number != NULL ? doc_number : "";
	write_record(fp, f, ncolumns);
	if (subtitle != NULL) {
		f[0] = subtitle;
		f[ncolumns - 1] = as_of;
		write_record(fp, f, ncolumns);
	}
	fputs("\r\n", fp);
}

static int
write_summary(FILE *fp, const struct summary *s, struct error *err)
{
	static const char	*header[] = { "センター", "会議種別", "回数",
				    "事例数", "事例数未記録", "集計対象の日付",
				    "その他の日付" };
	const char		*f[7];
	char			 count[32], cases[32], missing[32];
	char			 window[128], label[256], as_of[128];
	char			 line[SUMMARY_TEXT_MAX];
	char			 title[SUMMARY_TEXT_MAX];
	char			*in, *out;
	size_t			 r, c;

	fputs(BOM, fp);
	summary_format_title(s, title, sizeof title);
	summary_format_subtitle(s, line, sizeof line);
	summary_format_as_of(s, as_of, sizeof as_of);
	write_heading(fp, title, s->doc_number, line, as_of, 7);
	write_record(fp, header, 7);
	for (r = 0; r < s->nrows; r++)
		for (c = 0; c < s->ncolumns; c++) {
			const struct summary_cell	*cell =
			    &s->rows[r].cells[c];
			int				 cc =
			    s->columns[c].counts_cases;

			in = date_list(s, cell, 1);
			out = date_list(s, cell, 0);
			f[0] = s->rows[r].name;
			f[1] = s->columns[c].name;
			f[2] = number(count, sizeof count, 1,
			    cell->total.count);
			f[3] = number(cases, sizeof cases, cc,
			    cell->total.cases);
			f[4] = number(missing, sizeof missing, cc,
			    cell->total.cases_missing);
			f[5] = in;
			f[6] = out;
			write_record(fp, f, 7);
			free(in);
			free(out);
		}
	summary_format_window(s, window, sizeof window);
	snprintf(label, sizeof label, "合計（%s）", window);
	for (c = 0; c < s->ncolumns; c++) {
		int	cc = s->columns[c].counts_cases;

		f[0] = label;
		f[1] = s->columns[c].name;
		f[2] = number(count, sizeof count, 1,
		    s->columns[c].total.count);
		f[3] = number(cases, sizeof cases, cc,
		    s->columns[c].total.cases);
		f[4] = number(missing, sizeof missing, cc,
		    s->columns[c].total.cases_missing);
		write_record(fp, f, 5);
	}
	f[0] = label;
	f[1] = "全会議";
	f[2] = number(count, sizeof count, 1, s->total.count);
	f[3] = number(cases, sizeof cases, 1, s->total.cases);
	f[4] = number(missing, sizeof missing, 1, s->total.cases_missing);
	write_record(fp, f, 5);
	/* the R3 wording, for pasting into the meeting's papers */
	summary_format_totals(s, line, sizeof line);
	f[0] = line;
	write_record(fp, f, 1);
	if (s->has_findings) {
		summary_format_findings_heading(s, line, sizeof line);
		f[0] = line;
		write_record(fp, f, 1);
		for (r = 0; r < s->nfindings; r++) {
			f[0] = s->findings[r].label;
			f[1] = s->findings[r].where;
			f[2] = s->findings[r].message;
			write_record(fp, f, 3);
		}
	}
	if (ferror(fp))
		return error_set(err, ERROR_FAILURE, _("writing the summary "
		    "failed"));
	return 0;
}

static int
write_years(FILE *fp, const struct summary_years *y, struct error *err)
{
	static const char	*header[] = { "年度", "会議種別", "回数",
				    "事例数", "事例数未記録", "備考", "区分" };
	const char		*f[7];
	char			 year[64], note[64], count[32], cases[32];
	char			 missing[32];
	size_t			 i, r;

	fputs(BOM, fp);
	write_heading(fp, y->title != NULL ? y->title : "", y->doc_number,
	    y->caption, "", 7);
	write_record(fp, header, 7);
	for (i = 0; i < summary_years_count(y); i++) {
		summary_years_format_year(y, i, year, sizeof year, note,
		    sizeof note);
		for (r = 0; r < y->nrows; r++) {
			const struct summary_years_row *row = &y->rows[r];
			const struct summary_total     *t = &row->years[i];
			int				cc = row->counts_cases;

			f[0] = year;
			f[1] = row->name;
			f[2] = number(count, sizeof count, 1, t->count);
			f[3] = number(cases, sizeof cases, cc, t->cases);
			f[4] = number(missing, sizeof missing, cc,
			    t->cases_missing);
			f[5] = note;
			/* the grouping rows of the printout, as one path */
			f[6] = row->group != NULL ? row->group : "";
			write_record(fp, f, 7);
		}
	}
	if (ferror(fp))
		return error_set(err, ERROR_FAILURE, _("writing the summary "
		    "failed"));
	return 0;
}

const struct report_format report_format_csv = {
	"csv",
	0,
	write_summary,
	write_years
};
