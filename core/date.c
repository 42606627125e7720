/*
 * date.c -- Gregorian arithmetic, eras, fiscal years and the parsers for
 * the ways Japanese offices write a date.
 */
#include <ctype.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>

#include "date.h"
#include "holiday.h"
#include "i18n.h"
#include "text.h"

_Static_assert(DATE_FIRST_YEAR == HOLIDAY_FIRST_YEAR &&
    DATE_LAST_YEAR == HOLIDAY_LAST_YEAR, "dates are read in the years "
    "whose holidays are known");

static const struct era eras[] = {
	/* 明治 starts with the Gregorian equivalent of 1868 (明治元年) 10/23. */
	{ "明治", "M", { 1868, 10, 23 } },
	{ "大正", "T", { 1912, 7, 30 } },
	{ "昭和", "S", { 1926, 12, 25 } },
	{ "平成", "H", { 1989, 1, 8 } },
	{ "令和", "R", { 2019, 5, 1 } },
};
#define NERAS	(sizeof eras / sizeof eras[0])

static const char *weekday_kanji[] = {
	"日", "月", "火", "水", "木", "金", "土"
};

int
date_days_in_month(int year, int month)
{
	static const int days[] = {
	    31, 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31
	};
	int	leap;

	if (month < 1 || month > 12)
		return 0;
	leap = (year % 4 == 0 && year % 100 != 0) || year % 400 == 0;
	return days[month - 1] + (month == 2 && leap);
}

int
date_is_valid(int year, int month, int day)
{
	return year >= 1 && year <= 9999 && month >= 1 && month <= 12 &&
	    day >= 1 && day <= date_days_in_month(year, month);
}

int
date_year_in_range(int year)
{
	return year >= DATE_FIRST_YEAR && year <= DATE_LAST_YEAR;
}

/* Howard Hinnant's days_from_civil: exact for the proleptic Gregorian. */
long
date_to_days(struct date d)
{
	long	y = d.year - (d.month <= 2);
	long	era = (y >= 0 ? y : y - 399) / 400;
	long	yoe = y - era * 400;
	long	doy = (153 * (d.month + (d.month > 2 ? -3 : 9)) + 2) / 5 +
		    d.day - 1;
	long	doe = yoe * 365 + yoe / 4 - yoe / 100 + doy;

	return era * 146097 + doe - 719468;
}

struct date
date_from_days(long z)
{
	struct date	d;
	long		era, doe, yoe, doy, mp, y;

	z += 719468;
	era = (z >= 0 ? z : z - 146096) / 146097;
	doe = z - era * 146097;
	yoe = (doe - doe / 1460 + doe / 36524 - doe / 146096) / 365;
	y = yoe + era * 400;
	doy = doe - (365 * yoe + yoe / 4 - yoe / 100);
	mp = (5 * doy + 2) / 153;
	d.day = (int)(doy - (153 * mp + 2) / 5 + 1);
	d.month = (int)(mp < 10 ? mp + 3 : mp - 9);
	d.year = (int)(y + (d.month <= 2));
	return d;
}

struct date
date_add_days(struct date d, long n)
{
	return date_from_days(date_to_days(d) + n);
}

struct date
date_add_months(struct date d, int n)
{
	int	months = d.year * 12 + (d.month - 1) + n, last;

	d.year = months / 12;
	d.month = months % 12 + 1;
	if (d.day > (last = date_days_in_month(d.year, d.month)))
		d.day = last;
	return d;
}

int
date_compare(struct date a, struct date b)
{
	if (a.year != b.year)
		return a.year < b.year ? -1 : 1;
	if (a.month != b.month)
		return a.month < b.month ? -1 : 1;
	if (a.day != b.day)
		return a.day < b.day ? -1 : 1;
	return 0;
}

int
date_weekday(struct date d)
{
	long	n = date_to_days(d);	/* 1970-01-01 was a Thursday */

	return (int)(((n % 7) + 7 + 4) % 7);
}

const char *
date_weekday_kanji(int wd)
{
	if (wd < 0 || wd > 6)
		return "?";
	return weekday_kanji[wd];
}

int
date_fiscal_year(struct date d)
{
	return d.month >= 4 ? d.year : d.year - 1;
}

struct date
date_fiscal_year_start(int fy)
{
	struct date	d = { fy, 4, 1 };

	return d;
}

struct date
date_fiscal_year_end(int fy)
{
	struct date	d = { fy + 1, 3, 31 };

	return d;
}

int
date_fiscal_half(struct date d)
{
	return d.month >= 4 && d.month <= 9 ? 1 : 2;
}

int
date_era_of(struct date d, const struct era **era, int *year)
{
	size_t	i;

	for (i = NERAS; i-- > 0;) {
		if (date_compare(d, eras[i].start) >= 0) {
			*era = &eras[i];
			*year = d.year - eras[i].start.year + 1;
			return 0;
		}
	}
	return -1;
}

/*
 * Parsing. The input is first folded to ASCII where a Japanese keyboard
 * gives full-width forms (２０２１／７／２９, Ｒ３．７．２９), so the
 * patterns below only see ASCII digits and punctuation beside kanji.
 */
static int
fold_input(const char *in, char *out, size_t outsz)
{
	const unsigned char	*s = (const unsigned char *)in;
	size_t			 n = 0;

	while (*s != '\0') {
		if (n + 4 >= outsz)
			return -1;
		/* U+FF01..U+FF5E, full-width ASCII: EF BC 81..EF BD 9E */
		if (s[0] == 0xEF && (s[1] == 0xBC || s[1] == 0xBD) &&
		    s[2] >= 0x80 && s[2] <= 0xBF) {
			unsigned cp = ((s[1] & 0x3F) << 6) | (s[2] & 0x3F);

			cp |= 0xF000;	/* 0xEF lead byte: U+Fxxx */
			if (cp >= 0xFF01 && cp <= 0xFF5E) {
				out[n++] = (char)(cp - 0xFF01 + 0x21);
				s += 3;
				continue;
			}
		}
		/* U+3000 ideographic space */
		if (s[0] == 0xE3 && s[1] == 0x80 && s[2] == 0x80) {
			out[n++] = ' ';
			s += 3;
			continue;
		}
		out[n++] = (char)*s++;
	}
	/* trim spaces at both ends */
	while (n > 0 && isspace((unsigned char)out[n - 1]))
		n--;
	out[n] = '\0';
	n = strspn(out, " \t");
	if (n > 0)
		memmove(out, out + n, strlen(out + n) + 1);
	return 0;
}

int
date_fold(const char *in, char *out, size_t size)
{
	return fold_input(in, out, size);
}

static int
eat(const char **p, const char *word)
{
	size_t	len = strlen(word);

	if (strncmp(*p, word, len) != 0)
		return 0;
	*p += len;
	return 1;
}

/* Up to maxdigits decimal digits; returns the count read. */
static int
eat_number(const char **p, int maxdigits, int *value)
{
	int	n = 0, v = 0;

	while (n < maxdigits && isdigit((unsigned char)(*p)[n])) {
		v = v * 10 + ((*p)[n] - '0');
		n++;
	}
	if (n == 0 || isdigit((unsigned char)(*p)[n]))
		return 0;
	*p += n;
	*value = v;
	return n;
}

static int
eat_separator(const char **p)
{
	if (**p == '-' || **p == '/' || **p == '.') {
		(*p)++;
		return 1;
	}
	return 0;
}

/* 令和, R or r; 元 as a year is 1. */
static const struct era *
eat_era(const char **p)
{
	size_t	i;

	for (i = 0; i < NERAS; i++) {
		if (eat(p, eras[i].name))
			return &eras[i];
		if (toupper((unsigned char)**p) == eras[i].letter[0] &&
		    ((*p)[1] == '\0' || isdigit((unsigned char)(*p)[1]) ||
		    strncmp(*p + 1, "元", strlen("元")) == 0)) {
			(*p)++;
			return &eras[i];
		}
	}
	return NULL;
}

static int
eat_era_year(const char **p, int *year)
{
	if (eat(p, "元")) {
		*year = 1;
		return 1;
	}
	return eat_number(p, 4, year);
}

/* Convert era + era year to a Gregorian year and check the range. */
static int
era_to_year(const struct era *era, int eyear, const char *what,
    struct error *err)
{
	const struct era	*next = era + 1 < eras + NERAS ? era + 1 : NULL;

	if (eyear < 1)
		return error_set(err, ERROR_INPUT,
		    _("invalid %s '%s': era years start at 1 (元年)"),
		    _("date"), what);
	if (next != NULL && era->start.year + eyear - 1 > next->start.year)
		return error_set(err, ERROR_INPUT,
		    _("invalid %s '%s': %s ended in its year %d"), _("date"),
		    what, era->name, next->start.year - era->start.year + 1);
	return era->start.year + eyear - 1;
}

static int
check_in_era(const struct era *era, struct date d, const char *what,
    struct error *err)
{
	const struct era	*next;
	struct date		 last;

	if (era == NULL)
		return 0;
	if (date_compare(d, era->start) < 0)
		return error_set(err, ERROR_INPUT,
		    _("invalid date '%s': %s began on %04d-%02d-%02d"), what,
		    era->name, era->start.year, era->start.month,
		    era->start.day);
	next = era + 1 < eras + NERAS ? era + 1 : NULL;
	if (next != NULL && date_compare(d, next->start) >= 0) {
		last = date_add_days(next->start, -1);
		return error_set(err, ERROR_INPUT,
		    _("invalid date '%s': %s ended on %04d-%02d-%02d"), what,
		    era->name, last.year, last.month, last.day);
	}
	return 0;
}

static int
eat_weekday(const char **p, int *wd)
{
	const char	*q = *p;
	int		 i, open;

	open = eat(&q, "(") ? 1 : eat(&q, "（") ? 2 : 0;
	if (open == 0)
		return 0;
	for (i = 0; i < 7; i++)
		if (eat(&q, weekday_kanji[i]))
			break;
	if (i == 7)
		return 0;
	if (!(open == 1 ? eat(&q, ")") : eat(&q, "）")) &&
	    !eat(&q, ")") && !eat(&q, "）"))
		return 0;
	*wd = i;
	*p = q;
	return 1;
}

int
date_parse(const char *input, struct date *out, struct error *err)
{
	char			 buf[256];
	const char		*p;
	const struct era	*era = NULL;
	int			 y = 0, m = 0, d = 0, eyear = 0, wd = -1;
	int			 kanji;

	if (input == NULL || fold_input(input, buf, sizeof buf) == -1 ||
	    buf[0] == '\0')
		return error_set(err, ERROR_INPUT,
		    _("invalid date '%s': expected 2021-07-29, 令和3年7月29日 "
		    "or R3.7.29"), input == NULL ? "" : input);
	p = buf;
	if (isdigit((unsigned char)*p)) {
		if (eat_number(&p, 4, &y) != 4)
			goto bad;
		kanji = eat(&p, "年");
		if (!kanji && !eat_separator(&p))
			goto bad;
	} else {
		if ((era = eat_era(&p)) == NULL || !eat_era_year(&p, &eyear))
			goto bad;
		kanji = eat(&p, "年");
		if (!kanji && !eat_separator(&p))
			goto bad;
		if ((y = era_to_year(era, eyear, input, err)) == -1)
			return -1;
	}
	if (!eat_number(&p, 2, &m))
		goto bad;
	if (kanji ? !eat(&p, "月") : !eat_separator(&p))
		goto bad;
	if (!eat_number(&p, 2, &d))
		goto bad;
	if (kanji && !eat(&p, "日"))
		goto bad;
	while (*p == ' ')
		p++;
	eat_weekday(&p, &wd);
	if (*p != '\0')
		goto bad;
	if (!date_is_valid(y, m, d)) {
		if (m < 1 || m > 12)
			return error_set(err, ERROR_INPUT,
			    _("invalid date '%s': there is no month %d"),
			    input, m);
		return error_set(err, ERROR_INPUT,
		    _("invalid date '%s': %d/%d has %d days"), input, y, m,
		    date_days_in_month(y, m));
	}
	out->year = y;
	out->month = m;
	out->day = d;
	if (check_in_era(era, *out, input, err) == -1)
		return -1;
	if (!date_year_in_range(y))
		return error_set(err, ERROR_INPUT, _("invalid date '%s': "
		    "carecal knows the years %d to %d (their holidays); not "
		    "%d"), input, DATE_FIRST_YEAR, DATE_LAST_YEAR, y);
	if (wd != -1 && wd != date_weekday(*out))
		return error_set(err, ERROR_INPUT,
		    _("invalid date '%s': that day is a %s曜日, not %s曜日"),
		    input, weekday_kanji[date_weekday(*out)],
		    weekday_kanji[wd]);
	return 0;
bad:
	return error_set(err, ERROR_INPUT,
	    _("invalid date '%s': expected 2021-07-29, 令和3年7月29日 "
	    "or R3.7.29"), input);
}

int
date_parse_fiscal_year(const char *input, int *fy, struct error *err)
{
	char			 buf[128];
	const char		*p;
	const struct era	*era;
	int			 eyear, y;

	if (input == NULL || fold_input(input, buf, sizeof buf) == -1)
		goto bad;
	p = buf;
	if (!eat(&p, "FY"))
		eat(&p, "fy");
	if (isdigit((unsigned char)*p)) {
		if (eat_number(&p, 4, &y) != 4)
			goto bad;
		eat(&p, "年度");
	} else {
		if ((era = eat_era(&p)) == NULL || !eat_era_year(&p, &eyear))
			goto bad;
		if (!eat(&p, "年度"))
			eat(&p, "年");
		/*
		 * An era's first fiscal year may start before the era
		 * (令和元年度 = FY2019 began 2019-04-01 under 平成).
		 */
		if (eyear < 1)
			return error_set(err, ERROR_INPUT,
			    _("invalid fiscal year '%s': era years start at "
			    "1 (元年)"), input);
		y = era->start.year + eyear - 1;
		if (era + 1 < eras + NERAS && y > era[1].start.year)
			return error_set(err, ERROR_INPUT,
			    _("invalid fiscal year '%s': %s ended in its "
			    "year %d"), input, era->name,
			    era[1].start.year - era->start.year + 1);
	}
	if (*p != '\0' || y < 1900 || y > 2200)
		goto bad;
	*fy = y;
	return 0;
bad:
	return error_set(err, ERROR_INPUT,
	    _("invalid fiscal year '%s': expected 2021, R3 or 令和3年度"),
	    input == NULL ? "" : input);
}

int
date_parse_month(const char *input, int *year, int *month,
    struct error *err)
{
	char			 buf[128];
	const char		*p;
	const struct era	*era = NULL;
	int			 y, m, eyear, kanji;
	struct date		 first, last;

	if (input == NULL || fold_input(input, buf, sizeof buf) == -1)
		goto bad;
	p = buf;
	if (isdigit((unsigned char)*p)) {
		if (eat_number(&p, 4, &y) != 4)
			goto bad;
	} else {
		if ((era = eat_era(&p)) == NULL || !eat_era_year(&p, &eyear))
			goto bad;
		if ((y = era_to_year(era, eyear, input, err)) == -1)
			return -1;
	}
	kanji = eat(&p, "年");
	if (!kanji && !eat_separator(&p))
		goto bad;
	if (!eat_number(&p, 2, &m) || (kanji && !eat(&p, "月")) || *p != '\0')
		goto bad;
	if (m < 1 || m > 12)
		return error_set(err, ERROR_INPUT,
		    _("invalid month '%s': there is no month %d"), input, m);
	if (era != NULL) {
		/* the month must overlap the era */
		first.year = last.year = y;
		first.month = last.month = m;
		first.day = 1;
		last.day = date_days_in_month(y, m);
		if (check_in_era(era, last, input, err) == -1 &&
		    check_in_era(era, first, input, err) == -1)
			return -1;
		error_clear(err);
	}
	if (!date_year_in_range(y))
		return error_set(err, ERROR_INPUT, _("invalid month '%s': "
		    "carecal knows the years %d to %d (their holidays); not "
		    "%d"), input, DATE_FIRST_YEAR, DATE_LAST_YEAR, y);
	*year = y;
	*month = m;
	return 0;
bad:
	return error_set(err, ERROR_INPUT,
	    _("invalid month '%s': expected 2021-06, 令和3年6月 or R3.6"),
	    input == NULL ? "" : input);
}

void
date_format_iso(struct date d, char *buf, size_t size)
{
	snprintf(buf, size, "%04d-%02d-%02d", d.year % 10000, d.month % 100,
	    d.day % 100);
}

/* 令和3年 (元年 for year 1). */
static void
date_format_era_year(int year, int month, char *buf, size_t size)
{
	const struct era	*era;
	struct date		 d = { year, month, 1 };
	int			 ey;

	/* the month's last day decides: 2019-05 is 令和元年 */
	d.day = date_days_in_month(year, month);
	if (date_era_of(d, &era, &ey) == -1) {
		snprintf(buf, size, "%d年", year);
		return;
	}
	if (ey == 1)
		snprintf(buf, size, "%s元年", era->name);
	else
		snprintf(buf, size, "%s%d年", era->name, ey);
}

void
date_format_japanese(struct date d, char *buf, size_t size)
{
	const struct era	*era;
	const char		*wd = weekday_kanji[date_weekday(d)];
	int			 ey;

	if (date_era_of(d, &era, &ey) == -1)
		snprintf(buf, size, "%d年%d月%d日(%s)", d.year, d.month, d.day,
		    wd);
	else if (ey == 1)
		snprintf(buf, size, "%s元年%d月%d日(%s)", era->name, d.month,
		    d.day, wd);
	else
		snprintf(buf, size, "%s%d年%d月%d日(%s)", era->name, ey,
		    d.month, d.day, wd);
}

void
date_format_era_month(int year, int month, char *buf, size_t size)
{
	char	y[32];

	date_format_era_year(year, month, y, sizeof y);
	snprintf(buf, size, "%s%d月", y, month);
}

void
date_format_fiscal_year(int fy, char *buf, size_t size)
{
	const struct era	*era;
	struct date		 end = date_fiscal_year_end(fy);
	struct date		 start = date_fiscal_year_start(fy);
	int			 ey;

	/*
	 * A fiscal year is named by the era of its start, except that the
	 * year an era begins in names the whole fiscal year after it:
	 * FY2019 is 令和元年度 and FY1988 is 昭和63年度.
	 */
	if (date_era_of(start, &era, &ey) == -1) {
		snprintf(buf, size, "%d年度", fy);
		return;
	}
	if (era + 1 < eras + NERAS && era[1].start.year == fy &&
	    date_compare(era[1].start, end) <= 0) {
		era++;
		ey = 1;
	}
	if (ey == 1)
		snprintf(buf, size, "%s元年度", era->name);
	else
		snprintf(buf, size, "%s%d年度", era->name, ey);
}

int
date_today(struct date *out, struct error *err)
{
	const char	*fixed = getenv("CARECAL_TODAY");
	time_t		 now;
	struct tm	 tm;

	if (fixed != NULL && *fixed != '\0') {
		if (date_parse(fixed, out, err) == -1) {
			error_prefix(err, "CARECAL_TODAY: ");
			return -1;
		}
		return 0;
	}
	now = time(NULL);
	if (localtime_r(&now, &tm) == NULL)
		return error_set(err, ERROR_FAILURE,
		    _("cannot read the system clock"));
	out->year = tm.tm_year + 1900;
	out->month = tm.tm_mon + 1;
	out->day = tm.tm_mday;
	return 0;
}

void
date_time_local(const char *utc, char *buf, size_t size)
{
	struct date	 d;
	struct tm	 tm;
	time_t		 t;
	char		 local[32];
	int		 h, m, sec, n = 0;

	snprintf(buf, size, "%s", utc != NULL ? utc : "");
	if (utc == NULL || sscanf(utc, "%4d-%2d-%2d %2d:%2d:%2d%n", &d.year,
	    &d.month, &d.day, &h, &m, &sec, &n) != 6 || utc[n] != '\0' ||
	    !date_is_valid(d.year, d.month, d.day) || h > 23 || m > 59 ||
	    sec > 60 || h < 0 || m < 0 || sec < 0)
		return;
	t = (time_t)date_to_days(d) * 86400 + h * 3600 + m * 60 + sec;
	if (localtime_r(&t, &tm) != NULL &&
	    strftime(local, sizeof local, "%Y-%m-%d %H:%M:%S", &tm) != 0)
		snprintf(buf, size, "%s", local);
}

int
time_parse(const char *input, int *minutes, struct error *err)
{
	char		 buf[64];
	const char	*p;
	int		 h, m;

	if (input == NULL || fold_input(input, buf, sizeof buf) == -1)
		goto bad;
	p = buf;
	if (!eat_number(&p, 2, &h) || !(eat(&p, ":") || eat(&p, "時")) ||
	    eat_number(&p, 2, &m) != 2)
		goto bad;
	eat(&p, "分");
	if (*p != '\0')
		goto bad;
	/* 24:00, midnight at the end of the day, ends a meeting */
	if ((h > 23 || m > 59) && !(h == 24 && m == 0))
		return error_set(err, ERROR_INPUT,
		    _("invalid time '%s': hours run 0-23 and minutes 0-59"),
		    input);
	*minutes = h * 60 + m;
	return 0;
bad:
	return error_set(err, ERROR_INPUT,
	    _("invalid time '%s': expected HH:MM, e.g. 13:30"),
	    input == NULL ? "" : input);
}

void
time_format(int minutes, char *buf, size_t size)
{
	snprintf(buf, size, "%02d:%02d", (minutes / 60) % 100, minutes % 60);
}
