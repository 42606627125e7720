/*
 * summary.h -- the summary a city-level meeting (市地域ケア会議) discusses,
 * as in Matsudo's R3 table: the fiscal year's grid of centers and
 * regional meeting types, and the totals of the reporting window; and
 * the multi-year table of meetings and cases per type (Takamatsu's
 * 地域ケア小会議 table). The model only: writers are report-*.c.
 */
#ifndef CARECAL_SUMMARY_H
#define CARECAL_SUMMARY_H

#include <stddef.h>

#include "case.h"
#include "catalog.h"
#include "check.h"
#include "date.h"
#include "error.h"
#include "meeting.h"

#define SUMMARY_YEARS_MAX	50	/* fiscal years in one table */
#define SUMMARY_TEXT_MAX	1024	/* bytes of a title or totals line */
#define SUMMARY_FINDINGS_MAX	100	/* findings printed; `check` has all */

#define SUMMARY_TITLE_WORDS	"地域ケア会議の開催状況"

struct summary_options {
	int		 held_only;	/* count held ones only, not 予定 */
	const char	*city;		/* 松戸市 (settings "city"), or NULL */
	/*
	 * The date the printout is as of (--as-of, else today): printed
	 * in its heading, a year in progress, the plan checks.
	 */
	int		 has_today;
	struct date	 today;
	int		 with_findings;	/* run the plan checks (needs today) */
	const struct closure *closure;	/* for them; NULL: none */
	/* the follow-ups the cases still need, for them; NULL: none */
	const struct followup_list *followups;
	/*
	 * The case reviews of the meetings (any order), to count the
	 * cases of each type by stage (初回, 中間, 終了前) in the totals;
	 * NULL: not counted.
	 */
	const struct case_list *reviews;
	/* for their advisor findings (check.h), or NULL: none */
	const struct advisor_list *advisors;
	const struct assignment_list *assignments;
	int		 horizon;
	int		 one_center_a_day;
	const char	*title;		/* the whole title (--title), or NULL */
	const char	*title_words;	/* after the city (setting "title") */
	const char	*caption;	/* over the multi-year table, or NULL */
	const char	*doc_number;	/* 資料3, printed top right, or NULL */
};

/* Meetings and cases; cancelled meetings are never in a total. */
struct summary_total {
	int	count;
	int	cases;		/* the recorded case counts added up */
	int	cases_missing;	/* counted meetings with no case count */
	/* the cases recorded by reference, by stage (by_stage) */
	int	stages[CASE_STAGE_COUNT];
};

/* One meeting as the grid shows it. */
struct summary_date {
	struct date		date;
	enum meeting_mode	mode;
	enum meeting_status	status;
	int			cases;		/* -1 when not recorded */
	int			in_window;	/* its month is in window */
	int			counted;	/* in the window's totals */
	size_t			slot;		/* its column in its type */
};

/*
 * The meetings of one center and one regional type, in date order. A
 * date stands in the column of its slot: the k-th date in the k-th,
 * except in a type of two columns, which are the halves of the fiscal
 * year (上半期, 下半期): a lone meeting stands in the column of its half.
 */
struct summary_cell {
	struct summary_date	*dates;
	size_t			 count;
	size_t			 capacity;
	struct summary_total	 total;
};

/* A regional meeting type: a column group of the grid. */
struct summary_column {
	long			 type_id;
	char			*name;		/* 地域個別ケア会議 */
	char			*short_name;	/* 個別 */
	int			 counts_cases;
	size_t			 slots;		/* most dates one center has */
	struct summary_total	 total;
};

/* A center: a row of the grid. */
struct summary_row {
	long			 center_id;
	char			*name;
	struct summary_cell	*cells;		/* one per column */
	struct summary_total	 total;		/* all its counted meetings */
};

/* A city-level meeting, in the band above the grid. */
struct summary_city {
	char			*type_name;	/* 市地域ケア会議 */
	struct summary_date	 when;
	int			 is_target;	/* the one summarised for */
};

/* A plan-check finding, worded for the printout. */
struct summary_finding {
	enum check_kind		 kind;
	const char		*label;		/* the kind, translated */
	char			*where;		/* 明第1 個別 令和3年度 */
	char			*message;	/* what and why (check.h) */
};

struct summary {
	char			*city;		/* NULL when not set */
	char			*title;		/* as printed */
	char			*doc_number;	/* 資料3, or NULL */
	int			 has_as_of;	/* the date it is as of */
	struct date		 as_of;
	int			 fy_first;	/* the grid's fiscal years */
	int			 fy_last;
	int			 single_year;	/* all in one fiscal year */
	struct month_window	 window;
	int			 held_only;
	int			 by_stage;	/* stages in the totals */
	int			 has_target;
	struct summary_city	 target;
	struct summary_city	*city_meetings;	/* date order */
	size_t			 ncity;
	struct summary_column	*columns;
	size_t			 ncolumns;
	struct summary_row	*rows;
	size_t			 nrows;
	struct summary_total	 total;		/* all regional meetings */

	/* The plan checks (check.h) of the fiscal year so far. */
	int			 has_findings;
	int			 findings_year;	/* the target's, else the
						   window's last */
	struct date		 findings_as_of;
	struct summary_finding	*findings;	/* check_run's order */
	size_t			 nfindings;	/* the ones printed */
	size_t			 nfindings_all;	/* how many check_run found */
};

/*
 * The dates whose meetings a summary needs: the whole fiscal years that
 * the window and the target meeting (may be NULL) fall in.
 */
void	summary_span(const struct month_window *, const struct date *,
	    struct date *, struct date *);

/*
 * Build the summary of window from meetings (any order; those outside
 * the span are ignored) for target, a city-level meeting or NULL.
 * Rows are the catalog's centers, retired ones only when they have
 * meetings in the span. Planned meetings count unless held_only;
 * cancelled ones never. Free with summary_free, even after an error.
 */
int	summary_build(struct summary *, const struct catalog *,
	    const struct meeting_list *, const struct month_window *,
	    const struct meeting *, const struct summary_options *,
	    struct error *);
void	summary_free(struct summary *);

/*
 * The wording of the printout, in Japanese whatever the locale: it is
 * the city's document, as the R3 table is (each fills buf of size).
 */
/* 令和3年6月～令和3年11月, or 令和3年度 for a whole fiscal year */
void	summary_format_window(const struct summary *, char *, size_t);
/* 令和3年度 松戸市地域ケア会議の開催状況, or --title */
void	summary_format_title(const struct summary *, char *, size_t);
/*
 * 令和4年1月27日(木) 市地域ケア会議　令和3年6月～令和3年11月開催分
 * （予定含む）
 */
void	summary_format_subtitle(const struct summary *, char *, size_t);
/* 令和4年1月20日現在, or "" */
void	summary_format_as_of(const struct summary *, char *, size_t);
/* ※ {網掛けの}日程（令和3年6月～令和3年11月開催分）が、...の対象。 */
void	summary_format_scope(const struct summary *, const char *, char *,
	    size_t);
/*
 * 令和3年6月～...までの全会議開催数：全54回　地域包括ケア推進会議 17回　...,
 * by stage: 個別ケア会議 9回、20事例検討（うち初回8・中間7・終了前5）
 */
void	summary_format_totals(const struct summary *, char *, size_t);
/* 7月27日, or R3.7.27 when the grid spans fiscal years */
void	summary_format_date(const struct summary *, struct date, char *,
	    size_t);
/* （うち初回8・中間7・終了前5）: the cases of a total by stage */
void	summary_format_stages(const struct summary_total *, char *, size_t);
/* 計画の点検（令和3年度、令和4年1月20日現在）：4件 */
void	summary_format_findings_heading(const struct summary *, char *,
	    size_t);
/* 17回 or 31回、63事例検討 (and the meetings without a count) */
void	summary_format_total(const struct summary_total *, int, char *,
	    size_t);

/* The multi-year table: fiscal years × meeting types. */
struct summary_years_row {
	long			 type_id;	/* 0 for the total, the areas */
	char			*name;		/* 全会議（地域レベル） */
	char			*group;		/* 地域ケア小会議/個別課題 */
	int			 is_total;
	/*
	 * The centers set up (設置) by the end of each year, by the as-of
	 * date in a year in progress, in years[].count: the row 設置地区数,
	 * there when a center carries its start.
	 */
	int			 is_areas;
	enum type_level		 level;
	int			 counts_cases;
	struct summary_total	*years;		/* one per fiscal year */
};

struct summary_years {
	char			*city;
	char			*title;		/* as printed */
	char			*caption;	/* ■…, or NULL */
	char			*doc_number;	/* or NULL */
	char			*omitted;	/* types with no meeting */
	int			 fy_first;
	int			 fy_last;
	int			 held_only;
	int			 has_as_of;	/* the last year goes on */
	struct date		 as_of;
	/*
	 * Regional types (those of one group together, in the order of
	 * the first of them), the areas row, the total of the regional
	 * types, then city-level types.
	 */
	struct summary_years_row *rows;
	size_t			 nrows;
};

/* Count meetings (any order) per fiscal year first..last and type. */
int	summary_years_build(struct summary_years *, const struct catalog *,
	    const struct meeting_list *, int, int,
	    const struct summary_options *, struct error *);
void	summary_years_free(struct summary_years *);
size_t	summary_years_count(const struct summary_years *);
/* 平成26年度～令和元年度 高松市地域ケア小会議の開催状況, or --title */
void	summary_years_format_title(const struct summary_years *, char *,
	    size_t);
/* The cell of a row in a year: 39回, 31事例, （39地区） or －. */
void	summary_years_format_cell(const struct summary_years_row *, size_t,
	    int, char *, size_t);
/* 平成26年度 (and its heading note, 12月末現在, in the second) */
void	summary_years_format_year(const struct summary_years *, size_t,
	    char *, size_t, char *, size_t);

#endif
