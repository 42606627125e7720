/*
 * report-pdf.c -- the summary as a printable PDF (cairo and pango): A4
 * landscape with a Japanese font embedded; hybrid dates underlined,
 * online ones bold, cancelled ones struck through and the dates counted
 * in the window shaded, as in Matsudo's R3 table. A grid longer than a
 * page continues on the next with its header repeated.
 */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include <cairo.h>
#include <cairo-pdf.h>
#include <fontconfig/fontconfig.h>
#include <pango/pangocairo.h>

#include "alloc.h"
#include "i18n.h"
#include "modules.h"
#include "report.h"

#define PAGE_WIDTH	841.89		/* A4 landscape, in points */
#define PAGE_HEIGHT	595.28
#define MARGIN		28.0
#define PAD		3.0
#define TITLE_SIZE	14.0
#define SUBTITLE_SIZE	10.0
#define LEGEND_SIZE	8.5
#define HEADER_SIZE	8.0
#define TOTALS_SIZE	9.5
#define FOOTER_SIZE	8.0
#define DATE_SIZE_MAX	9.0		/* dates shrink to fit, down to */
#define DATE_SIZE_MIN	7.0		/* this, then wrap onto lines */
#define LINE_FACTOR	2.0		/* a grid line's height per point, */
#define LINE_FACTOR_MAX	2.8		/* and when there is room */
#define SHADE		0.82		/* gray of the counted dates */
#define SHADE16		((guint16)(SHADE * 65535))	/* the same for pango */

/*
 * The Japanese fonts preferred, first found first used. IPAex Gothic
 * (fonts-ipaexfont-gothic) first: it is metrically compatible with the
 * MS Gothic of the city's own documents, and at 6 MB against Noto's
 * 20 MB collection per face, a large summary's peak memory fell from
 * 79 MB to 25 MB. Its bold is synthesised. A font is known by any of
 * its family names: under ja_JP fontconfig names IPAex Gothic first
 * as 「IPAexゴシック」.
 */
static const char *font_families[] = {
	"IPAexGothic", "Noto Sans CJK JP", "IPAGothic"
};
#define FAMILY_MAX	256

enum {
	STYLE_UNDERLINE = 0x01,		/* 一部オンライン */
	STYLE_BOLD = 0x02,		/* 完全オンライン */
	STYLE_STRIKE = 0x04,		/* 中止 */
	STYLE_SHADE = 0x08,		/* counted in the window */
	STYLE_GRAY = 0x10		/* planned, not counted (held only) */
};

struct pdf {
	FILE		*fp;
	int		 write_failed;
	cairo_surface_t	*surface;
	cairo_t		*cr;
	PangoLayout	*layout;
	char		 family[FAMILY_MAX];
	GHashTable	*dates;		/* "style label" -> its PangoLayout */
	int		 page;
	int		 npages;
};

/* Text with styled runs, for pango. */
struct rich {
	char		 buf[SUMMARY_TEXT_MAX];
	size_t		 len;
	PangoAttrList	*attrs;
};

static cairo_status_t
pdf_write(void *closure, const unsigned char *data, unsigned int length)
{
	struct pdf	*p = closure;

	if (fwrite(data, 1, length, p->fp) != length) {
		p->write_failed = 1;
		return CAIRO_STATUS_WRITE_ERROR;
	}
	return CAIRO_STATUS_SUCCESS;
}

/* Whether a font carries name among its family names, in any language. */
static int
font_has_family(FcPattern *font, const char *name)
{
	FcChar8	*family;
	int	 i;

	for (i = 0; FcPatternGetString(font, FC_FAMILY, i, &family) ==
	    FcResultMatch; i++)
		if (FcStrCmpIgnoreCase(family,
		    (const FcChar8 *)name) == 0)
			return 1;
	return 0;
}

/*
 * The family to write with: of the outline fonts whose languages cover
 * Japanese (fontconfig's lang "ja", as `fc-list :lang=ja`), one of the
 * preferred ones, else the one of the smallest family name, so that
 * the choice does not depend on the order fontconfig lists them in.
 * -1 when there is none.
 */
static int
font_family_find(char *buf, size_t size)
{
	FcPattern	*pattern;
	FcObjectSet	*objects;
	FcFontSet	*fonts;
	FcLangSet	*langs;
	FcChar8		*family, *best = NULL;
	size_t		 f;
	int		 i;

	buf[0] = '\0';
	if (!FcInit())
		return -1;
	pattern = FcPatternCreate();
	langs = FcLangSetCreate();
	FcLangSetAdd(langs, (const FcChar8 *)"ja");
	FcPatternAddLangSet(pattern, FC_LANG, langs);
	FcLangSetDestroy(langs);
	FcPatternAddBool(pattern, FC_OUTLINE, FcTrue);
	objects = FcObjectSetBuild(FC_FAMILY, (char *)NULL);
	fonts = FcFontList(NULL, pattern, objects);
	FcObjectSetDestroy(objects);
	FcPatternDestroy(pattern);
	if (fonts == NULL)
		return -1;
	for (f = 0; buf[0] == '\0' && f < sizeof font_families /
	    sizeof font_families[0]; f++)
		for (i = 0; i < fonts->nfont; i++)
			if (font_has_family(fonts->fonts[i],
			    font_families[f])) {
				snprintf(buf, size, "%s", font_families[f]);
				break;
			}
	for (i = 0; buf[0] == '\0' && i < fonts->nfont; i++)
		if (FcPatternGetString(fonts->fonts[i], FC_FAMILY, 0,
		    &family) == FcResultMatch && (best == NULL ||
		    strcmp((const char *)family, (const char *)best) < 0))
			best = family;
	if (buf[0] == '\0' && best != NULL)
		snprintf(buf, size, "%s", (const char *)best);
	FcFontSetDestroy(fonts);
	return buf[0] != '\0' ? 0 : -1;
}

static int
pdf_open(struct pdf *p, FILE *fp, const char *title, struct error *err)
{
	cairo_font_options_t	*options;
	PangoContext		*context;

	memset(p, 0, sizeof *p);
	p->fp = fp;
	if (font_family_find(p->family, sizeof p->family) == -1)
		return error_set(err, ERROR_FAILURE, _("no Japanese font for "
		    "the PDF: install fonts-ipaexfont-gothic or fonts-noto-cjk"));
	p->surface = cairo_pdf_surface_create_for_stream(pdf_write, p,
	    PAGE_WIDTH, PAGE_HEIGHT);
	cairo_pdf_surface_set_metadata(p->surface, CAIRO_PDF_METADATA_TITLE,
	    title);
	cairo_pdf_surface_set_metadata(p->surface, CAIRO_PDF_METADATA_CREATOR,
	    PACKAGE_NAME " " PACKAGE_VERSION);
	p->cr = cairo_create(p->surface);
	p->layout = pango_cairo_create_layout(p->cr);
	/* unhinted metrics: what is measured is what is printed */
	context = pango_layout_get_context(p->layout);
	options = cairo_font_options_create();
	cairo_font_options_set_hint_metrics(options, CAIRO_HINT_METRICS_OFF);
	cairo_font_options_set_hint_style(options, CAIRO_HINT_STYLE_NONE);
	pango_cairo_context_set_font_options(context, options);
	cairo_font_options_destroy(options);
	pango_layout_context_changed(p->layout);
	p->dates = g_hash_table_new_full(g_str_hash, g_str_equal, g_free,
	    g_object_unref);
	p->page = 1;
	return 0;
}

static int
pdf_close(struct pdf *p, struct error *err)
{
	cairo_status_t	status = cairo_status(p->cr);

	g_hash_table_destroy(p->dates);
	g_object_unref(p->layout);
	cairo_destroy(p->cr);
	cairo_surface_finish(p->surface);
	if (status == CAIRO_STATUS_SUCCESS)
		status = cairo_surface_status(p->surface);
	cairo_surface_destroy(p->surface);
	if (p->write_failed)
		return error_set(err, ERROR_FAILURE, _("writing the PDF "
		    "failed"));
	if (status != CAIRO_STATUS_SUCCESS)
		return error_set(err, ERROR_FAILURE, _("making the PDF "
		    "failed: %s"), cairo_status_to_string(status));
	return 0;
}

static void
rich_init(struct rich *r)
{
	r->buf[0] = '\0';
	r->len = 0;
	r->attrs = pango_attr_list_new();
}

static void
rich_attr(struct rich *r, PangoAttribute *a, size_t start, size_t end)
{
	a->start_index = (guint)start;
	a->end_index = (guint)end;
	pango_attr_list_insert(r->attrs, a);
}

static void
rich_add(struct rich *r, const char *text, int style)
{
	size_t	start = r->len, n = strlen(text);

	if (n >= sizeof r->buf - r->len)
		return;
	memcpy(r->buf + r->len, text, n + 1);
	r->len += n;
	if (style & STYLE_UNDERLINE)
		rich_attr(r, pango_attr_underline_new(PANGO_UNDERLINE_SINGLE),
		    start, r->len);
	if (style & STYLE_BOLD)
		rich_attr(r, pango_attr_weight_new(PANGO_WEIGHT_BOLD), start,
		    r->len);
	if (style & STYLE_STRIKE)
		rich_attr(r, pango_attr_strikethrough_new(TRUE), start,
		    r->len);
	if (style & STYLE_SHADE)
		rich_attr(r, pango_attr_background_new(SHADE16, SHADE16,
		    SHADE16), start, r->len);
	if (style & STYLE_GRAY)
		rich_attr(r, pango_attr_foreground_new(0x7000, 0x7000,
		    0x7000), start, r->len);
}

static void
rich_clear(struct rich *r)
{
	pango_attr_list_unref(r->attrs);
	r->attrs = NULL;
}

/* Set the layout to text in size points, wrapped in width (if > 0). */
static void
pdf_set_text(struct pdf *p, const char *text, PangoAttrList *attrs,
    double size, int bold, double width, PangoAlignment align)
{
	PangoFontDescription	*font = pango_font_description_new();

	pango_font_description_set_family(font, p->family);
	pango_font_description_set_absolute_size(font, size * PANGO_SCALE);
	pango_font_description_set_weight(font, bold ? PANGO_WEIGHT_BOLD :
	    PANGO_WEIGHT_NORMAL);
	pango_layout_set_font_description(p->layout, font);
	pango_font_description_free(font);
	pango_layout_set_attributes(p->layout, attrs);
	pango_layout_set_text(p->layout, text, -1);
	pango_layout_set_width(p->layout, width > 0 ?
	    (int)(width * PANGO_SCALE) : -1);
	pango_layout_set_wrap(p->layout, PANGO_WRAP_WORD_CHAR);
	pango_layout_set_alignment(p->layout, align);
}

static void
pdf_size(struct pdf *p, double *w, double *h)
{
	int	pw, ph;

	pango_layout_get_size(p->layout, &pw, &ph);
	if (w != NULL)
		*w = (double)pw / PANGO_SCALE;
	if (h != NULL)
		*h = (double)ph / PANGO_SCALE;
}

static double
pdf_measure(struct pdf *p, const char *text, double size, int bold,
    double width)
{
	double	w, h;

	pdf_set_text(p, text, NULL, size, bold, width, PANGO_ALIGN_LEFT);
	pdf_size(p, &w, &h);
	return width > 0 ? h : w;
}

/*
 * Draw the layout's text in the box x, y, w, h: aligned as asked and
 * centred vertically. Returns the text's height.
 */
static double
pdf_draw(struct pdf *p, double x, double y, double w, double h)
{
	double	tw, th;

	pdf_size(p, &tw, &th);
	if (pango_layout_get_width(p->layout) < 0) {
		if (pango_layout_get_alignment(p->layout) ==
		    PANGO_ALIGN_CENTER)
			x += (w - tw) / 2;
		else if (pango_layout_get_alignment(p->layout) ==
		    PANGO_ALIGN_RIGHT)
			x += w - tw;
	}
	if (h > th)
		y += (h - th) / 2;
	cairo_set_source_rgb(p->cr, 0, 0, 0);
	cairo_move_to(p->cr, x, y);
	pango_cairo_show_layout(p->cr, p->layout);
	return th;
}

static double
pdf_text(struct pdf *p, const char *text, double size, int bold,
    double x, double y, double w)
{
	pdf_set_text(p, text, NULL, size, bold, w, PANGO_ALIGN_LEFT);
	return pdf_draw(p, x, y, w, 0);
}

static void
pdf_line(struct pdf *p, double x1, double y1, double x2, double y2,
    double width)
{
	cairo_set_source_rgb(p->cr, 0, 0, 0);
	cairo_set_line_width(p->cr, width);
	cairo_move_to(p->cr, x1, y1);
	cairo_line_to(p->cr, x2, y2);
	cairo_stroke(p->cr);
}

static void
pdf_box(struct pdf *p, double x, double y, double w, double h,
    double width)
{
	cairo_set_source_rgb(p->cr, 0, 0, 0);
	cairo_set_line_width(p->cr, width);
	cairo_rectangle(p->cr, x, y, w, h);
	cairo_stroke(p->cr);
}

static void
pdf_shade(struct pdf *p, double x, double y, double w, double h)
{
	cairo_set_source_rgb(p->cr, SHADE, SHADE, SHADE);
	cairo_rectangle(p->cr, x, y, w, h);
	cairo_fill(p->cr);
}

static void
pdf_footer(struct pdf *p)
{
	char	buf[64];

	snprintf(buf, sizeof buf, "%d / %d", p->page, p->npages);
	pdf_set_text(p, buf, NULL, FOOTER_SIZE, 0, 0, PANGO_ALIGN_CENTER);
	pdf_draw(p, MARGIN, PAGE_HEIGHT - MARGIN + 6, PAGE_WIDTH - 2 * MARGIN,
	    0);
}

static void
pdf_next_page(struct pdf *p)
{
	pdf_footer(p);
	cairo_show_page(p->cr);
	p->page++;
}

static int
date_style(const struct summary *s, const struct summary_date *d)
{
	int	style = 0;

	if (d->mode == MODE_HYBRID)
		style |= STYLE_UNDERLINE;
	else if (d->mode == MODE_ONLINE)
		style |= STYLE_BOLD;
	if (d->status == STATUS_CANCELLED)
		style |= STYLE_STRIKE;
	else if (s->held_only && d->status == STATUS_PLANNED)
		style |= STYLE_GRAY;
	return style;
}

/* The grid's geometry, worked out once for every page. */
struct grid {
	double	 x, width;
	double	 name_width, count_width, slot_width;
	double	 date_size, line_height;
	size_t	 lines;		/* lines of dates in one row */
	size_t	*columns;	/* per meeting type: slots on one line */
	double	 titles_height;	/* title and subtitle */
	double	 top_height;	/* and the legend */
	double	 band_height;	/* the city-level meetings */
	double	 header_height;
	double	 totals_height;
	double	 findings_height;
	PangoLayout **finding_layouts;	/* the heading, then each finding */
	double	*finding_heights;
	size_t	 rows_per_page;
	char	 title[SUMMARY_TEXT_MAX];
	char	 subtitle[SUMMARY_TEXT_MAX];
	char	 as_of[128];
	const char *doc_number;
	char	 totals[SUMMARY_TEXT_MAX];
	char	 band_label[256];
	char	**headers;	/* per meeting type, lines by '\n' */
	double	*header_sizes;
};

#define HEADER_NOTE	"（実施済又は予定）"
#define HEADER_SIZE_MIN	5.0

/* The size text fits width in on one line (lines by '\n'), or min. */
static double
pdf_fit(struct pdf *p, const char *text, double size, double min, int bold,
    double width)
{
	for (; size > min; size -= 0.5)
		if (pdf_measure(p, text, size, bold, 0) <= width)
			return size;
	return min;
}

/*
 * A type's heading in width, never broken inside a word: the name and
 * 実施済又は予定 on one line, else on two, else the short name over it,
 * at the size that fits (pango would break Japanese anywhere).
 */
static void
group_header(struct pdf *p, const struct summary_column *c, double width,
    char **text, double *size)
{
	char	 buf[3][SUMMARY_TEXT_MAX];
	size_t	 i;

	snprintf(buf[0], sizeof buf[0], "%s%s", c->name, HEADER_NOTE);
	snprintf(buf[1], sizeof buf[1], "%s\n%s", c->name, HEADER_NOTE);
	snprintf(buf[2], sizeof buf[2], "%s\n%s", c->short_name, HEADER_NOTE);
	for (i = 0; i < 3; i++)
		if (pdf_measure(p, buf[i], HEADER_SIZE, 1, 0) <= width)
			break;
	if (i == 3) {
		/* the name over the note, smaller; the short name at worst */
		i = pdf_fit(p, buf[1], HEADER_SIZE, HEADER_SIZE_MIN, 1, width) >
		    HEADER_SIZE_MIN ? 1 : 2;
		*size = pdf_fit(p, buf[i], HEADER_SIZE, HEADER_SIZE_MIN, 1,
		    width);
	} else
		*size = HEADER_SIZE;
	*text = xstrdup(buf[i]);
}

static int
compare_long(const void *a, const void *b)
{
	const long	*x = a, *y = b;

	return *x < *y ? -1 : *x > *y;
}

/*
 * The widest date label at DATE_SIZE_MAX. Each distinct label (and
 * weight) is measured once: a fiscal year has at most 366 of them, while
 * a grid may hold thousands of dates.
 */
static double
widest_date(struct pdf *p, const struct summary *s)
{
	char	buf[64];
	long	*keys;
	double	 w, widest = 0;
	size_t	 r, c, k, n = 0, all = 0;

	for (r = 0; r < s->nrows; r++)
		for (c = 0; c < s->ncolumns; c++)
			all += s->rows[r].cells[c].count;
	keys = xreallocarray(NULL, all + 1, sizeof *keys);
	for (r = 0; r < s->nrows; r++)
		for (c = 0; c < s->ncolumns; c++)
			for (k = 0; k < s->rows[r].cells[c].count; k++) {
				const struct summary_date *d =
				    &s->rows[r].cells[c].dates[k];

				keys[n++] = date_to_days(d->date) * 2 +
				    (d->mode == MODE_ONLINE);
			}
	qsort(keys, n, sizeof *keys, compare_long);
	for (k = 0; k < n; k++) {
		if (k > 0 && keys[k] == keys[k - 1])
			continue;
		summary_format_date(s, date_from_days(keys[k] / 2), buf,
		    sizeof buf);
		w = pdf_measure(p, buf, DATE_SIZE_MAX, (int)(keys[k] % 2), 0);
		if (w > widest)
			widest = w;
	}
	free(keys);
	if (widest == 0)
		widest = pdf_measure(p, "12月31日", DATE_SIZE_MAX, 1, 0);
	return widest;
}

/* Fewest columns of slots the widest date fits, shrinking, then wrapping. */
static void
grid_fit_dates(struct pdf *p, const struct summary *s, struct grid *g)
{
	double	area = g->width - g->name_width - g->count_width, need;
	double	widest = widest_date(p, s);
	size_t	c, total;

	for (g->lines = 1;; g->lines++) {
		total = 0;
		for (c = 0; c < s->ncolumns; c++) {
			size_t	slots = s->columns[c].slots > 0 ?
				    s->columns[c].slots : 1;

			g->columns[c] = (slots + g->lines - 1) / g->lines;
			total += g->columns[c];
		}
		for (g->date_size = DATE_SIZE_MAX;
		    g->date_size >= DATE_SIZE_MIN; g->date_size -= 0.5) {
			/* unhinted text scales with its size */
			need = widest * g->date_size / DATE_SIZE_MAX +
			    2 * PAD;
			if (need * (double)total <= area)
				break;
		}
		if (g->date_size >= DATE_SIZE_MIN || total <= s->ncolumns)
			break;
	}
	if (g->date_size < DATE_SIZE_MIN)
		g->date_size = DATE_SIZE_MIN;
	g->slot_width = area / (double)total;
	g->line_height = g->date_size * LINE_FACTOR;
}

/* The line of finding i, or the findings' heading for i 0. */
static void
finding_line(const struct summary *s, size_t i, char *buf, size_t size)
{
	if (i == 0)
		summary_format_findings_heading(s, buf, size);
	else
		snprintf(buf, size, "・%s（%s）：%s", s->findings[i - 1].where,
		    s->findings[i - 1].label, s->findings[i - 1].message);
}

static double
finding_size(size_t i)
{
	return i == 0 ? SUBTITLE_SIZE : LEGEND_SIZE + 0.5;
}

/*
 * Each finding's line laid out once (the heading first): measured to
 * plan the pages, then drawn. Returns their height together.
 */
static double
findings_prepare(struct pdf *p, const struct summary *s, struct grid *g)
{
	char	buf[SUMMARY_TEXT_MAX];
	double	h = 8;
	size_t	i;

	if (!s->has_findings)
		return 0;
	g->finding_layouts = xcalloc(s->nfindings + 1,
	    sizeof *g->finding_layouts);
	g->finding_heights = xcalloc(s->nfindings + 1,
	    sizeof *g->finding_heights);
	for (i = 0; i <= s->nfindings; i++) {
		finding_line(s, i, buf, sizeof buf);
		pdf_set_text(p, buf, NULL, finding_size(i), i == 0, g->width,
		    PANGO_ALIGN_LEFT);
		g->finding_layouts[i] = pango_layout_copy(p->layout);
		pdf_size(p, NULL, &g->finding_heights[i]);
		g->finding_heights[i] += 2;
		h += g->finding_heights[i];
	}
	return h;
}

static void
findings_free(const struct summary *s, struct grid *g)
{
	size_t	i;

	for (i = 0; g->finding_layouts != NULL && i <= s->nfindings; i++)
		g_object_unref(g->finding_layouts[i]);
	free(g->finding_layouts);
	free(g->finding_heights);
}

static double	titles_height(struct pdf *, const struct grid *);

static void
grid_layout(struct pdf *p, const struct summary *s, struct grid *g)
{
	double	w, h, body;
	size_t	r, c, i;

	g->x = MARGIN;
	g->width = PAGE_WIDTH - 2 * MARGIN;
	summary_format_title(s, g->title, sizeof g->title);
	summary_format_subtitle(s, g->subtitle, sizeof g->subtitle);
	summary_format_as_of(s, g->as_of, sizeof g->as_of);
	g->doc_number = s->doc_number;
	summary_format_totals(s, g->totals, sizeof g->totals);
	snprintf(g->band_label, sizeof g->band_label, "%s", s->ncity > 0 ?
	    s->city_meetings[0].type_name : "");
	for (i = 1; i < s->ncity; i++)
		if (strcmp(s->city_meetings[i].type_name, g->band_label) != 0)
			snprintf(g->band_label, sizeof g->band_label,
			    "市レベルの会議");

	g->name_width = pdf_measure(p, "センター", HEADER_SIZE, 1, 0);
	for (r = 0; r < s->nrows; r++)
		if ((w = pdf_measure(p, s->rows[r].name, DATE_SIZE_MAX, 0,
		    0)) > g->name_width)
			g->name_width = w;
	if ((w = pdf_measure(p, g->band_label, HEADER_SIZE, 1, 0)) >
	    g->name_width)
		g->name_width = w;
	g->name_width += 2 * PAD;
	g->count_width = pdf_measure(p, "期間内", HEADER_SIZE, 1, 0) +
	    2 * PAD;
	g->columns = xcalloc(s->ncolumns + 1, sizeof *g->columns);
	grid_fit_dates(p, s, g);

	/* title, subtitle and two lines of legend, with room for a third */
	g->titles_height = titles_height(p, g);
	g->top_height = g->titles_height + 3 * pdf_measure(p, "※",
	    LEGEND_SIZE, 0, g->width) + 8;
	g->band_height = s->ncity > 0 ? g->line_height : 0;
	g->header_height = pdf_measure(p, "センター", HEADER_SIZE, 1, 0);
	g->headers = xcalloc(s->ncolumns + 1, sizeof *g->headers);
	g->header_sizes = xcalloc(s->ncolumns + 1, sizeof *g->header_sizes);
	for (c = 0; c < s->ncolumns; c++) {
		group_header(p, &s->columns[c], (double)g->columns[c] *
		    g->slot_width - 2 * PAD, &g->headers[c],
		    &g->header_sizes[c]);
		pdf_set_text(p, g->headers[c], NULL, g->header_sizes[c], 1, 0,
		    PANGO_ALIGN_CENTER);
		pdf_size(p, NULL, &h);
		if (h > g->header_height)
			g->header_height = h;
	}
	g->header_height += 2 * PAD;
	g->totals_height = pdf_measure(p, g->totals, TOTALS_SIZE, 1,
	    g->width - 2 * PAD) + 2 * PAD + 6;
	g->findings_height = findings_prepare(p, s, g);
	body = PAGE_HEIGHT - 2 * MARGIN - g->top_height - g->band_height -
	    g->header_height - g->totals_height;
	g->rows_per_page = body <= 0 ? 1 : (size_t)(body / (g->line_height *
	    (double)g->lines));
	if (g->rows_per_page == 0)
		g->rows_per_page = 1;
	/*
	 * A table that fits one page gets roomier rows, as the R3 one, in
	 * the room the findings leave.
	 */
	if (s->nrows > 0 && s->nrows <= g->rows_per_page) {
		h = (body - g->findings_height - 1) /
		    (double)(s->nrows * g->lines);
		if (h > g->date_size * LINE_FACTOR_MAX)
			h = g->date_size * LINE_FACTOR_MAX;
		if (h > g->line_height)
			g->line_height = h;
	}
}

static void
draw_legend(struct pdf *p, const struct summary *s, double *y)
{
	struct rich	r;
	char		scope[SUMMARY_TEXT_MAX];
	double		w = PAGE_WIDTH - 2 * MARGIN;

	summary_format_scope(s, "網掛けの", scope, sizeof scope);
	/* the first word of the scope sentence shown shaded */
	rich_init(&r);
	rich_add(&r, "※ ", 0);
	rich_add(&r, "網掛け", STYLE_SHADE);
	rich_add(&r, scope + strlen("※ 網掛け"), 0);
	pdf_set_text(p, r.buf, r.attrs, LEGEND_SIZE, 0, w, PANGO_ALIGN_LEFT);
	*y += pdf_draw(p, MARGIN, *y, w, 0);
	rich_clear(&r);

	rich_init(&r);
	rich_add(&r, "※ ", 0);
	rich_add(&r, "下線", STYLE_UNDERLINE);
	rich_add(&r, "の日程は一部オンラインで、", 0);
	rich_add(&r, "太字", STYLE_BOLD);
	rich_add(&r, "は完全オンラインで会議を実施又は実施予定。", 0);
	rich_add(&r, "取消線", STYLE_STRIKE);
	rich_add(&r, "は中止（集計に含まない）。", 0);
	if (s->held_only) {
		rich_add(&r, "灰色", STYLE_GRAY);
		rich_add(&r, "は予定（実施済のみ集計するため含まない）。", 0);
	}
	pdf_set_text(p, r.buf, r.attrs, LEGEND_SIZE, 0, w, PANGO_ALIGN_LEFT);
	*y += pdf_draw(p, MARGIN, *y, w, 0);
	rich_clear(&r);
}

/*
 * A date's layout, shaped once per label and style: a grid holds
 * thousands of dates but a year has only 366 labels.
 */
static PangoLayout *
date_layout(struct pdf *p, const struct grid *g, const char *text,
    int style)
{
	PangoLayout	*layout;
	struct rich	 r;
	char		 key[96];

	snprintf(key, sizeof key, "%d %s", style, text);
	if ((layout = g_hash_table_lookup(p->dates, key)) != NULL)
		return layout;
	rich_init(&r);
	rich_add(&r, text, style);
	pdf_set_text(p, r.buf, r.attrs, g->date_size, 0, 0,
	    PANGO_ALIGN_CENTER);
	rich_clear(&r);
	layout = pango_layout_copy(p->layout);
	g_hash_table_insert(p->dates, g_strdup(key), layout);
	return layout;
}

static void
draw_date(struct pdf *p, const struct summary *s, const struct grid *g,
    const struct summary_date *d, const char *text, double x, double y,
    double w, double h)
{
	PangoLayout	*layout = date_layout(p, g, text, date_style(s, d));
	int		 tw, th;

	if (d->counted)
		pdf_shade(p, x, y, w, h);
	pango_layout_get_size(layout, &tw, &th);
	cairo_set_source_rgb(p->cr, 0, 0, 0);
	cairo_move_to(p->cr, x + (w - (double)tw / PANGO_SCALE) / 2,
	    y + (h - (double)th / PANGO_SCALE) / 2);
	pango_cairo_show_layout(p->cr, layout);
}

static double
draw_band(struct pdf *p, const struct summary *s, const struct grid *g,
    double y)
{
	char			buf[DATE_JA_LEN];
	double			x, w;
	size_t			i;

	if (s->ncity == 0)
		return y;
	pdf_set_text(p, g->band_label, NULL, HEADER_SIZE, 1, 0,
	    PANGO_ALIGN_CENTER);
	pdf_draw(p, g->x, y, g->name_width, g->band_height);
	/* the city-level meetings share the width of the date columns */
	x = g->x + g->name_width;
	w = (g->width - g->name_width) / (double)(s->ncity < 2 ? 2 :
	    s->ncity);
	for (i = 0; i < s->ncity; i++) {
		struct summary_date	shown = s->city_meetings[i].when;

		/* never counted; and no gray for the planned ones */
		shown.counted = 0;
		if (shown.status == STATUS_PLANNED)
			shown.status = STATUS_HELD;
		date_format_japanese(shown.date, buf, sizeof buf);
		draw_date(p, s, g, &shown, buf, x + (double)i * w, y, w,
		    g->band_height);
		if (s->city_meetings[i].is_target)
			pdf_box(p, x + (double)i * w + 1, y + 1, w - 2,
			    g->band_height - 2, 0.8);
	}
	pdf_box(p, g->x, y, g->width, g->band_height, 0.8);
	pdf_line(p, g->x + g->name_width, y, g->x + g->name_width,
	    y + g->band_height, 0.8);
	return y + g->band_height;
}

static double
draw_header(struct pdf *p, const struct summary *s, const struct grid *g,
    double y)
{
	double	x = g->x, w;
	size_t	c;

	cairo_set_source_rgb(p->cr, 0.93, 0.93, 0.93);
	cairo_rectangle(p->cr, g->x, y, g->width, g->header_height);
	cairo_fill(p->cr);
	pdf_set_text(p, "センター", NULL, HEADER_SIZE, 1, 0,
	    PANGO_ALIGN_CENTER);
	pdf_draw(p, x, y, g->name_width, g->header_height);
	x += g->name_width;
	for (c = 0; c < s->ncolumns; c++) {
		w = (double)g->columns[c] * g->slot_width;
		pdf_set_text(p, g->headers[c], NULL, g->header_sizes[c], 1, 0,
		    PANGO_ALIGN_CENTER);
		pdf_draw(p, x + PAD, y, w - 2 * PAD, g->header_height);
		pdf_line(p, x, y, x, y + g->header_height, 0.8);
		x += w;
	}
	pdf_line(p, x, y, x, y + g->header_height, 0.8);
	pdf_set_text(p, "期間内", NULL, HEADER_SIZE, 1, 0,
	    PANGO_ALIGN_CENTER);
	pdf_draw(p, x, y, g->count_width, g->header_height);
	pdf_box(p, g->x, y, g->width, g->header_height, 0.8);
	return y + g->header_height;
}

static double
draw_row(struct pdf *p, const struct summary *s, const struct grid *g,
    const struct summary_row *row, double y)
{
	char	buf[64];
	double	x = g->x, h = g->line_height * (double)g->lines, gx;
	size_t	c, k, col, line;

	pdf_set_text(p, row->name, NULL, DATE_SIZE_MAX, 0, 0,
	    PANGO_ALIGN_LEFT);
	pdf_draw(p, x + PAD, y, g->name_width, h);
	x += g->name_width;
	for (c = 0; c < s->ncolumns; c++) {
		const struct summary_cell	*cell = &row->cells[c];

		gx = x;
		for (k = 0; k < cell->count; k++) {
			/* in the column of its slot (summary.h) */
			col = cell->dates[k].slot % g->columns[c];
			line = cell->dates[k].slot / g->columns[c];
			summary_format_date(s, cell->dates[k].date, buf,
			    sizeof buf);
			draw_date(p, s, g, &cell->dates[k], buf,
			    gx + (double)col * g->slot_width,
			    y + (double)line * g->line_height,
			    g->slot_width, g->line_height);
		}
		/* thin lines between slots, a firm one between types */
		for (col = 1; col < g->columns[c]; col++) {
			cairo_set_source_rgb(p->cr, 0.6, 0.6, 0.6);
			cairo_set_line_width(p->cr, 0.3);
			cairo_move_to(p->cr, gx + (double)col * g->slot_width,
			    y);
			cairo_line_to(p->cr, gx + (double)col * g->slot_width,
			    y + h);
			cairo_stroke(p->cr);
		}
		pdf_line(p, x, y, x, y + h, 0.8);
		x += (double)g->columns[c] * g->slot_width;
	}
	pdf_line(p, x, y, x, y + h, 0.8);
	snprintf(buf, sizeof buf, "%d回", row->total.count);
	pdf_set_text(p, buf, NULL, DATE_SIZE_MAX, 0, 0, PANGO_ALIGN_RIGHT);
	pdf_draw(p, x, y, g->count_width - PAD, h);
	/* after the shading, which would cover them */
	pdf_line(p, g->x, y, g->x + g->width, y, 0.4);
	pdf_line(p, g->x, y + h, g->x + g->width, y + h, 0.4);
	pdf_line(p, g->x, y, g->x, y + h, 0.8);
	pdf_line(p, g->x + g->width, y, g->x + g->width, y + h, 0.8);
	return y + h;
}

/*
 * A heading of one line, never broken: the title centred with the
 * document's number top right, the subtitle with the date it is as of
 * on the right. The sizes that fit are worked out once.
 */
struct heading {
	const char	*left;		/* centred in what the right leaves */
	const char	*right;		/* or NULL */
	double		 size;		/* of the left */
	double		 right_size;
	int		 bold;
};

static double
heading_fit(struct pdf *p, struct heading *h, double width)
{
	double	rw = 0, rh = 0, lh;

	if (h->right != NULL && *h->right != '\0') {
		pdf_set_text(p, h->right, NULL, h->right_size, 0, 0,
		    PANGO_ALIGN_LEFT);
		pdf_size(p, &rw, &rh);
		rw += 8;
	}
	h->size = pdf_fit(p, h->left, h->size, LEGEND_SIZE - 2, h->bold,
	    width - 2 * rw);
	pdf_set_text(p, h->left, NULL, h->size, h->bold, 0,
	    PANGO_ALIGN_CENTER);
	pdf_size(p, NULL, &lh);
	return lh > rh ? lh : rh;
}

static double
heading_draw(struct pdf *p, const struct heading *h, double x, double y,
    double width, double height)
{
	double	rw = 0;

	if (h->right != NULL && *h->right != '\0') {
		pdf_set_text(p, h->right, NULL, h->right_size, 0, 0,
		    PANGO_ALIGN_RIGHT);
		pdf_size(p, &rw, NULL);
		pdf_draw(p, x, y, width, height);
		rw += 8;
	}
	pdf_set_text(p, h->left, NULL, h->size, h->bold, 0,
	    PANGO_ALIGN_CENTER);
	pdf_draw(p, x + rw, y, width - 2 * rw, height);
	return y + height;
}

static void
headings_of(const struct grid *g, struct heading *title,
    struct heading *subtitle)
{
	title->left = g->title;
	title->right = g->doc_number;
	title->size = TITLE_SIZE;
	title->right_size = SUBTITLE_SIZE + 1;
	title->bold = 1;
	subtitle->left = g->subtitle;
	subtitle->right = g->as_of;
	subtitle->size = SUBTITLE_SIZE;
	subtitle->right_size = SUBTITLE_SIZE;
	subtitle->bold = 0;
}

static double
titles_height(struct pdf *p, const struct grid *g)
{
	struct heading	title, subtitle;

	headings_of(g, &title, &subtitle);
	return heading_fit(p, &title, g->width) + heading_fit(p, &subtitle,
	    g->width) + 4;
}

/* The title and subtitle; returns where the page goes on. */
static double
draw_titles(struct pdf *p, const struct grid *g)
{
	struct heading	title, subtitle;
	double		y = MARGIN, h;

	headings_of(g, &title, &subtitle);
	h = heading_fit(p, &title, g->width);
	y = heading_draw(p, &title, MARGIN, y, g->width, h);
	h = heading_fit(p, &subtitle, g->width);
	return heading_draw(p, &subtitle, MARGIN, y, g->width, h) + 4;
}

/*
 * The plan-check findings after the totals from y on, going on to new
 * pages as needed. With draw 0 only counts the pages it would add.
 */
static int
draw_findings(struct pdf *p, const struct summary *s, const struct grid *g,
    double y, int draw)
{
	double	h;
	size_t	i;
	int	pages = 0;

	if (!s->has_findings)
		return 0;
	y += 8;
	for (i = 0; i <= s->nfindings; i++) {
		h = g->finding_heights[i];
		if (y + h > PAGE_HEIGHT - MARGIN) {
			pages++;
			if (draw)
				pdf_next_page(p);
			y = (draw ? draw_titles(p, g) : MARGIN +
			    g->titles_height) + 8;
		}
		if (draw) {
			cairo_set_source_rgb(p->cr, 0, 0, 0);
			cairo_move_to(p->cr, g->x, y);
			pango_cairo_show_layout(p->cr, g->finding_layouts[i]);
		}
		y += h;
	}
	return pages;
}

static int
write_summary(FILE *fp, const struct summary *s, struct error *err)
{
	struct pdf	p;
	struct grid	g;
	double		y, top;
	size_t		r, first, pages, last_rows;

	memset(&g, 0, sizeof g);
	summary_format_title(s, g.title, sizeof g.title);
	if (pdf_open(&p, fp, g.title, err) == -1)
		return -1;
	grid_layout(&p, s, &g);
	pages = s->nrows == 0 ? 1 : (s->nrows + g.rows_per_page - 1) /
	    g.rows_per_page;
	last_rows = s->nrows - (pages - 1) * g.rows_per_page;
	y = MARGIN + g.top_height + g.band_height + g.header_height +
	    (double)last_rows * g.line_height * (double)g.lines +
	    g.totals_height;
	p.npages = (int)pages + draw_findings(&p, s, &g, y, 0);
	for (first = 0; first == 0 || first < s->nrows;
	    first += g.rows_per_page) {
		if (first > 0)
			pdf_next_page(&p);
		y = draw_titles(&p, &g);
		draw_legend(&p, s, &y);
		y = MARGIN + g.top_height;
		y = draw_band(&p, s, &g, y);
		y = draw_header(&p, s, &g, y);
		top = y;
		for (r = first; r < s->nrows && r < first + g.rows_per_page;
		    r++)
			y = draw_row(&p, s, &g, &s->rows[r], y);
		pdf_box(&p, g.x, top, g.width, y - top, 0.8);
	}
	/* the totals close the table on its last page */
	y += 6;
	pdf_set_text(&p, g.totals, NULL, TOTALS_SIZE, 1, g.width - 2 * PAD,
	    PANGO_ALIGN_LEFT);
	pdf_draw(&p, g.x + PAD, y + PAD, g.width - 2 * PAD, 0);
	pdf_box(&p, g.x, y, g.width, g.totals_height - 6, 0.8);
	y += g.totals_height - 6;
	draw_findings(&p, s, &g, y, 1);
	pdf_footer(&p);
	findings_free(s, &g);
	for (r = 0; r < s->ncolumns; r++)
		free(g.headers[r]);
	free(g.headers);
	free(g.header_sizes);
	free(g.columns);
	return pdf_close(&p, err);
}

/*
 * The multi-year table's geometry: types down, fiscal years across; on
 * the left a column per level of the types' groups, whose names span
 * the rows of their members (地域ケア小会議 over all four of Takamatsu's
 * rows, 個別課題 over three), as in the city's table.
 */
struct years_grid {
	double	size;			/* of its text */
	double	group_width[TYPE_GROUP_LEVELS];
	double	label_width, unit_width, cell_width, line_height;
	size_t	first, last;		/* the years on this page */
};

static void
years_fill(struct pdf *p, double x, double y, double w, double h)
{
	cairo_set_source_rgb(p->cr, 0.93, 0.93, 0.93);
	cairo_rectangle(p->cr, x, y, w, h);
	cairo_fill(p->cr);
}

static double
years_row_height(const struct years_grid *g,
    const struct summary_years_row *row)
{
	return g->line_height * (1 + row->counts_cases);
}

/* Where a row's name starts: after the columns of its groups. */
static double
years_name_x(const struct years_grid *g, const struct summary_years_row *row)
{
	char	buf[128];
	double	x = MARGIN;
	int	l;

	for (l = 0; l < TYPE_GROUP_LEVELS && type_group_level(row->group, l,
	    buf, sizeof buf) == 0; l++)
		x += g->group_width[l];
	return x;
}

/* Whether rows a and b share their groups' names up to level. */
static int
years_same_group(const struct summary_years_row *a,
    const struct summary_years_row *b, int level)
{
	char	x[128], y[128];
	int	l;

	for (l = 0; l <= level; l++)
		if (type_group_level(a->group, l, x, sizeof x) == -1 ||
		    type_group_level(b->group, l, y, sizeof y) == -1 ||
		    strcmp(x, y) != 0)
			return 0;
	return 1;
}

/* The heading row: 会議種別 and the fiscal years. */
static double
draw_years_heading(struct pdf *p, const struct summary_years *y,
    const struct years_grid *g, double top)
{
	char	year[64], note[64], buf[160];
	double	x = MARGIN + g->label_width + g->unit_width;
	double	h = g->line_height * 2;
	size_t	i;

	years_fill(p, MARGIN, top, g->label_width + g->unit_width +
	    g->cell_width * (double)(g->last - g->first), h);
	pdf_set_text(p, "会議種別", NULL, g->size, 1, 0, PANGO_ALIGN_CENTER);
	pdf_draw(p, MARGIN, top, g->label_width + g->unit_width, h);
	for (i = g->first; i < g->last; i++) {
		summary_years_format_year(y, i, year, sizeof year, note,
		    sizeof note);
		snprintf(buf, sizeof buf, "%s%s%s", year,
		    note[0] != '\0' ? "\n" : "", note);
		pdf_set_text(p, buf, NULL, g->size, 1, 0, PANGO_ALIGN_CENTER);
		pdf_draw(p, x, top, g->cell_width, h);
		pdf_line(p, x, top, x, top + h, 0.8);
		x += g->cell_width;
	}
	pdf_box(p, MARGIN, top, x - MARGIN, h, 0.8);
	return top + h;
}

/*
 * The names of the groups that begin at row r, each in a box as tall as
 * the rows that share it.
 */
static void
draw_years_groups(struct pdf *p, const struct summary_years *y,
    const struct years_grid *g, size_t r, double top)
{
	char	name[128];
	double	x = MARGIN, h;
	size_t	k;
	int	l;

	for (l = 0; type_group_level(y->rows[r].group, l, name,
	    sizeof name) == 0; l++) {
		if (r > 0 && years_same_group(&y->rows[r], &y->rows[r - 1],
		    l)) {
			x += g->group_width[l];
			continue;
		}
		h = 0;
		for (k = r; k < y->nrows && years_same_group(&y->rows[r],
		    &y->rows[k], l); k++)
			h += years_row_height(g, &y->rows[k]);
		pdf_set_text(p, name, NULL, g->size, 0, 0,
		    PANGO_ALIGN_CENTER);
		pdf_draw(p, x, top, g->group_width[l], h);
		pdf_box(p, x, top, g->group_width[l], h, 0.8);
		x += g->group_width[l];
	}
}

/* One type: 回 on a line, and 事例 on a second for types with cases. */
static double
draw_years_row(struct pdf *p, const struct summary_years *ys, size_t r,
    const struct years_grid *g, double top)
{
	const struct summary_years_row	*row = &ys->rows[r];
	char				 buf[64];
	double				 h = years_row_height(g, row), x = 0;
	double				 y, name_x = years_name_x(g, row);
	double				 left = MARGIN + g->label_width +
					    g->unit_width;
	size_t				 i;
	int				 cases;

	if (row->is_total)
		years_fill(p, name_x, top, left - name_x + g->cell_width *
		    (double)(g->last - g->first), h);
	draw_years_groups(p, ys, g, r, top);
	pdf_set_text(p, row->name, NULL, g->size, row->is_total, 0,
	    PANGO_ALIGN_LEFT);
	pdf_draw(p, name_x + PAD, top, MARGIN + g->label_width - name_x, h);
	for (cases = 0; cases < 1 + row->counts_cases; cases++) {
		y = top + g->line_height * cases;
		if (!row->is_areas) {
			pdf_set_text(p, cases ? "事例" : "回", NULL, g->size,
			    0, 0, PANGO_ALIGN_CENTER);
			pdf_draw(p, MARGIN + g->label_width, y, g->unit_width,
			    g->line_height);
		}
		for (i = g->first, x = left; i < g->last; i++) {
			summary_years_format_cell(row, i, cases, buf,
			    sizeof buf);
			pdf_set_text(p, buf, NULL, g->size, row->is_total, 0,
			    PANGO_ALIGN_RIGHT);
			pdf_draw(p, x, y, g->cell_width - 2 * PAD,
			    g->line_height);
			pdf_line(p, x, top, x, top + h, 0.8);
			x += g->cell_width;
		}
	}
	pdf_line(p, MARGIN + g->label_width, top, MARGIN + g->label_width,
	    top + h, 0.4);
	pdf_box(p, name_x, top, x - name_x, h, 0.8);
	return top + h;
}

/* The group columns' and the names' widths. */
static void
years_measure(struct pdf *p, const struct summary_years *y,
    struct years_grid *g)
{
	char	name[128];
	double	w, groups = 0;
	size_t	r;
	int	l;

	for (r = 0; r < y->nrows; r++)
		for (l = 0; type_group_level(y->rows[r].group, l, name,
		    sizeof name) == 0; l++)
			if ((w = pdf_measure(p, name, g->size, 0, 0) +
			    2 * PAD) > g->group_width[l])
				g->group_width[l] = w;
	for (l = 0; l < TYPE_GROUP_LEVELS; l++)
		groups += g->group_width[l];
	g->label_width = groups;
	for (r = 0; r < y->nrows; r++)
		if ((w = years_name_x(g, &y->rows[r]) - MARGIN +
		    pdf_measure(p, y->rows[r].name, g->size, 1, 0) +
		    2 * PAD) > g->label_width)
			g->label_width = w;
}

static int
write_years(FILE *fp, const struct summary_years *y, struct error *err)
{
	struct pdf		p;
	struct years_grid	g;
	struct heading		title;
	char			name[SUMMARY_TEXT_MAX], text[SUMMARY_TEXT_MAX];
	double			width = PAGE_WIDTH - 2 * MARGIN, w, top, h;
	size_t			n = summary_years_count(y), per_page, r;
	int			areas = 0, missing = 0;

	summary_years_format_title(y, name, sizeof name);
	if (pdf_open(&p, fp, name, err) == -1)
		return -1;
	memset(&g, 0, sizeof g);
	memset(&title, 0, sizeof title);
	title.left = name;
	title.right = y->doc_number;
	title.size = TITLE_SIZE;
	title.right_size = SUBTITLE_SIZE + 1;
	title.bold = 1;
	h = heading_fit(&p, &title, width);
	g.size = DATE_SIZE_MAX;
	years_measure(&p, y, &g);
	g.unit_width = pdf_measure(&p, "事例", g.size, 0, 0) + 2 * PAD;
	g.cell_width = pdf_measure(&p, "平成31年度", g.size, 1, 0) + 4 * PAD;
	g.line_height = g.size * LINE_FACTOR;
	/* as many years as fit a page, the rest on the next pages */
	w = width - g.label_width - g.unit_width;
	per_page = w > g.cell_width ? (size_t)(w / g.cell_width) : 1;
	if (per_page > n)
		per_page = n;
	if (w / (double)per_page > g.cell_width)
		g.cell_width = w / (double)per_page;
	if (g.cell_width > 90)
		g.cell_width = 90;
	for (r = 0; r < y->nrows; r++) {
		areas |= y->rows[r].is_areas;
		for (n = 0; n < summary_years_count(y); n++)
			missing |= y->rows[r].years[n].cases_missing > 0;
	}
	n = summary_years_count(y);
	p.npages = (int)((n + per_page - 1) / per_page);
	for (g.first = 0; g.first < n; g.first += per_page) {
		if (g.first > 0)
			pdf_next_page(&p);
		g.last = g.first + per_page < n ? g.first + per_page : n;
		top = heading_draw(&p, &title, MARGIN, MARGIN, width, h) + 4;
		if (y->caption != NULL)
			top += pdf_text(&p, y->caption, SUBTITLE_SIZE + 1, 1,
			    MARGIN, top, width) + 4;
		top = draw_years_heading(&p, y, &g, top + 4);
		for (r = 0; r < y->nrows; r++)
			top = draw_years_row(&p, y, r, &g, top);
		snprintf(text, sizeof text, "※ %s中止は含まない。－は開催なし。"
		    "%s%s%s%s%s", y->held_only ? "実施済の会議のみ。" :
		    "予定を含む。", missing ? "事例数の記録がない会議は※（その"
		    "会議の事例は数えていない）。" : "", areas ?
		    "設置地区数は、各年度末（年度途中は集計日）までに設置"
		    "された地区の数。" : "", y->omitted != NULL ?
		    "開催のない会議種別（" : "", y->omitted != NULL ?
		    y->omitted : "", y->omitted != NULL ? "）は省略。" : "");
		pdf_text(&p, text, LEGEND_SIZE, 0, MARGIN, top + 6, width);
	}
	pdf_footer(&p);
	return pdf_close(&p, err);
}

const struct report_format report_format_pdf = {
	"pdf",
	1,
	write_summary,
	write_years
};

/* The table carecal-pdf.so exports (see modules.h). */
MODULE_EXPORT const struct pdf_module carecal_pdf_module = {
	PACKAGE_VERSION,
	&report_format_pdf
};
