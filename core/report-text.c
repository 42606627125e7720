/*
 * report-text.c -- the summary as plain text for the terminal and lpr:
 * columns aligned by display width, and marks in place of underline,
 * bold, strike-through and shading, explained in the legend.
 */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "alloc.h"
#include "i18n.h"
#include "report.h"
#include "text.h"

#define GAP		2	/* columns between the table's column groups */
#define TOKEN_MAX	64

/* One output line, built first so that trailing blanks can be cut. */
struct line {
	char	*buf;
	size_t	 len;
	size_t	 capacity;
	int	 width;
};

static void
line_add(struct line *l, const char *s)
{
	size_t	n = strlen(s);

	if (l->len + n + 1 > l->capacity) {
		while (l->len + n + 1 > l->capacity)
			l->capacity = l->capacity == 0 ? 256 :
			    l->capacity * 2;
		l->buf = xreallocarray(l->buf, l->capacity, 1);
	}
	memcpy(l->buf + l->len, s, n + 1);
	l->len += n;
	l->width += text_width(s);
}

/*
 * Spaces up to width, all at once: one at a time was a tenth of a large
 * summary's work.
 */
static void
line_pad_to(struct line *l, int width)
{
	size_t	n;

	if (l->width >= width)
		return;
	n = (size_t)(width - l->width);
	if (l->len + n + 1 > l->capacity) {
		while (l->len + n + 1 > l->capacity)
			l->capacity = l->capacity == 0 ? 256 :
			    l->capacity * 2;
		l->buf = xreallocarray(l->buf, l->capacity, 1);
	}
	memset(l->buf + l->len, ' ', n);
	l->len += n;
	l->buf[l->len] = '\0';
	l->width = width;
}

/* s left-aligned in width columns from the current end. */
static void
line_cell(struct line *l, const char *s, int width)
{
	int	start = l->width;

	line_add(l, s);
	line_pad_to(l, start + width);
}

static void
line_cell_right(struct line *l, const char *s, int width)
{
	line_pad_to(l, l->width + width - text_width(s));
	line_add(l, s);
}

static void
line_flush(FILE *fp, struct line *l)
{
	while (l->len > 0 && l->buf[l->len - 1] == ' ')
		l->len--;
	if (l->len > 0)
		fwrite(l->buf, 1, l->len, fp);
	fputc('\n', fp);
	l->len = 0;
	l->width = 0;
	if (l->buf != NULL)
		l->buf[0] = '\0';
}

static void
line_rule(FILE *fp, int width)
{
	int	i;

	for (i = 0; i < width; i++)
		fputc('-', fp);
	fputc('\n', fp);
}

/*
 * A date with its marks: [ ] counted in the window's totals, _ _ hybrid,
 * * * online, × cancelled, (予) planned but not counted (--held-only).
 */
static void
format_token(const struct summary *s, const struct summary_date *d,
    const char *text, char *buf, size_t size)
{
	const char	*edge = d->mode == MODE_HYBRID ? "_" :
			    d->mode == MODE_ONLINE ? "*" : "";

	snprintf(buf, size, "%s%s%s%s%s%s%s", d->counted ? "[" : "",
	    d->status == STATUS_CANCELLED ? "×" : "", edge, text, edge,
	    s->held_only && d->status == STATUS_PLANNED ? "(予)" : "",
	    d->counted ? "]" : "");
}

/*
 * The grid's days as text, each written once: a summary of 20,000
 * meetings over two fiscal years writes each of its 730 days some 55
 * times (each date is measured, then printed), and writing them all was
 * 65 M of its 560 M instructions.
 */
#define DAY_TEXTS_MAX	(366 * 20)	/* days kept: 20 fiscal years */

struct day_texts {
	const struct summary	*s;
	long			 first;	/* date_to_days of the first kept */
	size_t			 count;
	char			(*text)[TOKEN_MAX];	/* "" until written */
};

static void
day_texts_init(struct day_texts *dt, const struct summary *s)
{
	long	last;

	dt->s = s;
	dt->first = date_to_days(date_fiscal_year_start(s->fy_first));
	last = date_to_days(date_fiscal_year_end(s->fy_last));
	dt->count = last >= dt->first && last - dt->first < DAY_TEXTS_MAX ?
	    (size_t)(last - dt->first + 1) : 0;
	dt->text = xcalloc(dt->count + 1, sizeof *dt->text);
}

/* summary_format_date's text of d: kept, or written into buf. */
static const char *
day_text(struct day_texts *dt, struct date d, char *buf, size_t size)
{
	long	i = date_to_days(d) - dt->first;

	if (i < 0 || (size_t)i >= dt->count) {
		summary_format_date(dt->s, d, buf, size);
		return buf;
	}
	/* never "" once written: it has the day's number */
	if (dt->text[i][0] == '\0')
		summary_format_date(dt->s, d, dt->text[i], sizeof dt->text[i]);
	return dt->text[i];
}

static void
grid_token(struct day_texts *dt, const struct summary_date *d, char *buf,
    size_t size)
{
	char	text[TOKEN_MAX];

	format_token(dt->s, d, day_text(dt, d->date, text, sizeof text), buf,
	    size);
}

static void
write_legend(FILE *fp, const struct summary *s)
{
	char	buf[SUMMARY_TEXT_MAX];

	summary_format_scope(s, "[ ] で囲んだ", buf, sizeof buf);
	fprintf(fp, "%s\n", buf);
	fprintf(fp, "※ _日付_ は一部オンライン、*日付* は完全オンラインで"
	    "実施又は実施予定。×日付 は中止（集計に含まない）。\n");
	if (s->held_only)
		fprintf(fp, "※ 日付(予) は予定（実施済のみ集計するため集計に"
		    "含まない）。\n");
}

/*
 * text on the left and right at the two ends of width (or two blanks
 * apart when they do not fit), as a 資料 has its number top right.
 */
static void
write_ends(FILE *fp, const char *left, const char *right, int width)
{
	struct line	l = { NULL, 0, 0, 0 };
	int		w = text_width(left) + text_width(right);

	line_add(&l, left);
	if (*right != '\0') {
		line_pad_to(&l, w + GAP <= width ? width - text_width(right) :
		    text_width(left) + GAP);
		line_add(&l, right);
	}
	line_flush(fp, &l);
	free(l.buf);
}

/* The document's number, title, subtitle and the date it is as of. */
static void
write_heading(FILE *fp, const struct summary *s, int width)
{
	char	buf[SUMMARY_TEXT_MAX], as_of[128];

	if (s->doc_number != NULL)
		write_ends(fp, "", s->doc_number, width);
	summary_format_title(s, buf, sizeof buf);
	fprintf(fp, "%s\n", buf);
	summary_format_subtitle(s, buf, sizeof buf);
	summary_format_as_of(s, as_of, sizeof as_of);
	write_ends(fp, buf, as_of, width);
}

static void
write_city_band(FILE *fp, const struct summary *s, int label_width)
{
	struct line	 l = { NULL, 0, 0, 0 };
	char		 text[DATE_JA_LEN], token[TOKEN_MAX];
	const char	*label;
	size_t		 i;

	if (s->ncity == 0)
		return;
	/* one label when every city-level meeting is of one type */
	label = s->city_meetings[0].type_name;
	for (i = 1; i < s->ncity; i++)
		if (strcmp(s->city_meetings[i].type_name, label) != 0)
			label = "市レベルの会議";
	line_cell(&l, label, label_width);
	for (i = 0; i < s->ncity; i++) {
		const struct summary_date	*d = &s->city_meetings[i].when;
		struct summary_date		 shown = *d;

		/*
		 * City-level meetings are never in the regional totals,
		 * and the one being prepared for is planned of course.
		 */
		shown.counted = 0;
		if (shown.status == STATUS_PLANNED)
			shown.status = STATUS_HELD;
		date_format_japanese(d->date, text, sizeof text);
		format_token(s, &shown, text, token, sizeof token);
		line_add(&l, "  ");
		line_add(&l, token);
	}
	line_flush(fp, &l);
	fputc('\n', fp);
	free(l.buf);
}

static void
write_findings(FILE *fp, const struct summary *s)
{
	char	buf[SUMMARY_TEXT_MAX];
	size_t	i;

	if (!s->has_findings)
		return;
	summary_format_findings_heading(s, buf, sizeof buf);
	fprintf(fp, "\n%s\n", buf);
	for (i = 0; i < s->nfindings; i++)
		fprintf(fp, "・%s（%s）：%s\n", s->findings[i].where,
		    s->findings[i].label, s->findings[i].message);
}

static int
write_summary(FILE *fp, const struct summary *s, struct error *err)
{
	struct line		 l = { NULL, 0, 0, 0 };
	struct day_texts	 days;
	char			 buf[SUMMARY_TEXT_MAX], token[TOKEN_MAX];
	const char		*header;
	int			*slot_width, *group_width, name_width;
	int			 count_width, total_width, w;
	size_t			 r, c, k, nslots = 0, first;

	for (c = 0; c < s->ncolumns; c++)
		nslots += s->columns[c].slots;
	slot_width = xcalloc(nslots + 1, sizeof *slot_width);
	group_width = xcalloc(s->ncolumns + 1, sizeof *group_width);
	day_texts_init(&days, s);

	name_width = text_width("センター");
	for (r = 0; r < s->nrows; r++)
		if ((w = text_width(s->rows[r].name)) > name_width)
			name_width = w;
	if (s->ncity > 0 && (w = text_width(s->city_meetings[0].type_name)) >
	    name_width)
		name_width = w;
	count_width = text_width("期間内");
	for (r = 0; r < s->nrows; r++) {
		snprintf(buf, sizeof buf, "%d回", s->rows[r].total.count);
		if ((w = text_width(buf)) > count_width)
			count_width = w;
	}

	/* each slot as wide as its widest date; a group as its name */
	total_width = name_width;
	for (c = 0, first = 0; c < s->ncolumns; first += s->columns[c].slots,
	    c++) {
		for (r = 0; r < s->nrows; r++)
			for (k = 0; k < s->rows[r].cells[c].count; k++) {
				const struct summary_date *d =
				    &s->rows[r].cells[c].dates[k];

				grid_token(&days, d, token, sizeof token);
				if ((w = text_width(token)) >
				    slot_width[first + d->slot])
					slot_width[first + d->slot] = w;
			}
		for (k = 0; k < s->columns[c].slots; k++)
			group_width[c] += slot_width[first + k] +
			    (k > 0 ? 1 : 0);
		header = s->columns[c].name;
		if (text_width(header) > group_width[c] &&
		    text_width(s->columns[c].short_name) < text_width(header))
			header = s->columns[c].short_name;
		if ((w = text_width(header)) > group_width[c]) {
			if (s->columns[c].slots > 0)
				slot_width[first + s->columns[c].slots - 1] +=
				    w - group_width[c];
			group_width[c] = w;
		}
		total_width += GAP + group_width[c];
	}
	total_width += GAP + count_width;

	write_heading(fp, s, total_width);
	write_legend(fp, s);
	fputc('\n', fp);
	write_city_band(fp, s, name_width);

	line_cell(&l, "センター", name_width);
	for (c = 0; c < s->ncolumns; c++) {
		header = s->columns[c].name;
		if (text_width(header) > group_width[c])
			header = s->columns[c].short_name;
		line_add(&l, "  ");
		line_cell(&l, header, group_width[c]);
	}
	line_add(&l, "  ");
	line_cell_right(&l, "期間内", count_width);
	line_flush(fp, &l);
	line_rule(fp, total_width);

	for (r = 0; r < s->nrows; r++) {
		line_cell(&l, s->rows[r].name, name_width);
		for (c = 0, first = 0; c < s->ncolumns;
		    first += s->columns[c].slots, c++) {
			const struct summary_cell *cell = &s->rows[r].cells[c];
			int			   start;

			line_add(&l, "  ");
			start = l.width;
			for (k = 0; k < cell->count; k++) {
				const struct summary_date *d = &cell->dates[k];
				size_t			   j;
				int			   x = start;

				/* in the column of its slot (summary.h) */
				for (j = 0; j < d->slot; j++)
					x += slot_width[first + j] + 1;
				line_pad_to(&l, x);
				grid_token(&days, d, token, sizeof token);
				line_cell(&l, token, slot_width[first +
				    d->slot]);
			}
			line_pad_to(&l, start + group_width[c]);
		}
		line_add(&l, "  ");
		snprintf(buf, sizeof buf, "%d回", s->rows[r].total.count);
		line_cell_right(&l, buf, count_width);
		line_flush(fp, &l);
	}
	line_rule(fp, total_width);
	summary_format_totals(s, buf, sizeof buf);
	fprintf(fp, "%s\n", buf);
	write_findings(fp, s);

	free(l.buf);
	free(slot_width);
	free(group_width);
	free(days.text);
	if (ferror(fp))
		return error_set(err, ERROR_FAILURE, _("writing the summary "
		    "failed"));
	return 0;
}

#define INDENT	2	/* columns a group's members stand in by */

/* How deep a row stands: the names of its group. */
static int
years_depth(const struct summary_years_row *row)
{
	char	buf[128];
	int	depth = 0;

	while (depth < TYPE_GROUP_LEVELS && type_group_level(row->group,
	    depth, buf, sizeof buf) == 0)
		depth++;
	return depth;
}

/*
 * The grouping rows before row r: each name of its group that the row
 * before did not have (地域ケア小会議, then 個別課題 over ケース検討).
 */
static void
write_years_groups(FILE *fp, const struct summary_years *y, size_t r)
{
	char	name[128], prev[128];
	int	level, same = 1;

	for (level = 0; type_group_level(y->rows[r].group, level, name,
	    sizeof name) == 0; level++) {
		if (same && r > 0 && type_group_level(y->rows[r - 1].group,
		    level, prev, sizeof prev) == 0 && strcmp(name, prev) == 0)
			continue;
		same = 0;
		fprintf(fp, "%*s%s\n", level * INDENT, "", name);
	}
}

static int
write_years(FILE *fp, const struct summary_years *y, struct error *err)
{
	struct line	 l = { NULL, 0, 0, 0 };
	char		 buf[SUMMARY_TEXT_MAX], note[64];
	size_t		 n = summary_years_count(y), i, r;
	int		 label_width = 0, unit_width, cell_width = 0, w;
	int		 missing = 0, cases, rule;

	unit_width = text_width("事例");
	for (r = 0; r < y->nrows; r++)
		if ((w = years_depth(&y->rows[r]) * INDENT +
		    text_width(y->rows[r].name)) > label_width)
			label_width = w;
	for (i = 0; i < n; i++) {
		summary_years_format_year(y, i, buf, sizeof buf, note,
		    sizeof note);
		if ((w = text_width(buf)) > cell_width)
			cell_width = w;
		if ((w = text_width(note)) > cell_width)
			cell_width = w;
		for (r = 0; r < y->nrows; r++)
			for (cases = 0; cases < 2; cases++) {
				summary_years_format_cell(&y->rows[r], i,
				    cases, buf, sizeof buf);
				if ((w = text_width(buf)) > cell_width)
					cell_width = w;
				if (y->rows[r].years[i].cases_missing > 0)
					missing = 1;
			}
	}
	rule = label_width + GAP + unit_width + (int)n * (GAP + cell_width);

	if (y->doc_number != NULL)
		write_ends(fp, "", y->doc_number, rule);
	summary_years_format_title(y, buf, sizeof buf);
	fprintf(fp, "%s\n", buf);
	if (y->caption != NULL)
		fprintf(fp, "%s\n", y->caption);
	fputc('\n', fp);
	line_cell(&l, "会議種別", label_width + GAP + unit_width);
	for (i = 0; i < n; i++) {
		summary_years_format_year(y, i, buf, sizeof buf, note,
		    sizeof note);
		line_add(&l, "  ");
		line_cell_right(&l, buf, cell_width);
	}
	line_flush(fp, &l);
	if (y->has_as_of) {
		line_pad_to(&l, label_width + GAP + unit_width);
		for (i = 0; i < n; i++) {
			summary_years_format_year(y, i, buf, sizeof buf, note,
			    sizeof note);
			line_add(&l, "  ");
			line_cell_right(&l, note, cell_width);
		}
		line_flush(fp, &l);
	}
	line_rule(fp, rule);
	for (r = 0; r < y->nrows; r++) {
		const struct summary_years_row	*row = &y->rows[r];
		int				 indent = years_depth(row) *
						    INDENT;

		if (row->is_total || (r > 0 && row->level !=
		    y->rows[r - 1].level))
			line_rule(fp, rule);
		write_years_groups(fp, y, r);
		for (cases = 0; cases < 1 + row->counts_cases; cases++) {
			line_pad_to(&l, indent);
			line_cell(&l, cases == 0 ? row->name : "",
			    label_width - indent);
			line_add(&l, "  ");
			line_cell(&l, row->is_areas ? "" : cases == 0 ? "回" :
			    "事例", unit_width);
			for (i = 0; i < n; i++) {
				summary_years_format_cell(row, i, cases, buf,
				    sizeof buf);
				line_add(&l, "  ");
				line_cell_right(&l, buf, cell_width);
			}
			line_flush(fp, &l);
		}
	}
	line_rule(fp, rule);
	if (missing)
		fprintf(fp, "※ 事例数の記録がない会議を含む（その会議の事例は"
		    "数えていない）。\n");
	fprintf(fp, "※ %s中止は含まない。－は開催なし。\n", y->held_only ?
	    "実施済の会議のみ。" : "予定を含む。");
	for (r = 0; r < y->nrows; r++)
		if (y->rows[r].is_areas)
			fprintf(fp, "※ 設置地区数は、各年度末（年度途中は"
			    "集計日）までに設置された地区の数。\n");
	if (y->omitted != NULL)
		fprintf(fp, "※ 開催のない会議種別（%s）は省略。\n", y->omitted);
	free(l.buf);
	if (ferror(fp))
		return error_set(err, ERROR_FAILURE, _("writing the summary "
		    "failed"));
	return 0;
}

const struct report_format report_format_text = {
	"text",
	0,
	write_summary,
	write_years
};
