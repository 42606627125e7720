/*
 * http.c -- HTTP's words that need no engine: shared bodies and their
 * entity tags, dates, conditional requests, encoded path segments and
 * the access token's comparison (http.h).
 */
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "alloc.h"
#include "http.h"

static const char *const weekdays[] = {
	"Sun", "Mon", "Tue", "Wed", "Thu", "Fri", "Sat"
};
static const char *const long_weekdays[] = {
	"Sunday", "Monday", "Tuesday", "Wednesday", "Thursday", "Friday",
	"Saturday"
};
static const char *const months[] = {
	"Jan", "Feb", "Mar", "Apr", "May", "Jun", "Jul", "Aug", "Sep", "Oct",
	"Nov", "Dec"
};

/* One step of the hash below: w folded in, its high bits brought down. */
static uint64_t
mix(uint64_t h, uint64_t w)
{
	h = (h ^ w) * 0x9e3779b97f4a7c15ULL;
	return h ^ (h >> 32);
}

/*
 * A strong entity tag is to change whenever the bytes do: a 64-bit
 * hash of all of them, eight at a time (a megabyte in a fraction of a
 * millisecond; a feed is not a secret, and a tag is no proof).
 */
static void
etag_of(const char *data, size_t len, char *buf, size_t size)
{
	uint64_t	h = 14695981039346656037ULL ^ len, w;
	size_t		i;

	for (i = 0; i + 8 <= len; i += 8) {
		memcpy(&w, data + i, 8);
		h = mix(h, w);
	}
	for (w = 0; i < len; i++)
		w = w << 8 | (unsigned char)data[i];
	h = mix(mix(h, w), len);
	snprintf(buf, size, "\"%016llx\"", (unsigned long long)h);
}

struct http_body *
http_body_new(char *data, size_t len, const char *type, time_t modified)
{
	struct http_body	*b = xcalloc(1, sizeof *b);

	atomic_init(&b->refs, 1);
	b->data = data;
	b->length = len;
	b->type = type;
	b->modified = modified;
	etag_of(data, len, b->etag, sizeof b->etag);
	return b;
}

struct http_body *
http_body_ref(struct http_body *b)
{
	atomic_fetch_add(&b->refs, 1);
	return b;
}

void
http_body_unref(struct http_body *b)
{
	if (b == NULL || atomic_fetch_sub(&b->refs, 1) != 1)
		return;
	free(b->data);
	free(b);
}

void
http_date_format(time_t t, char *buf, size_t size)
{
	struct tm	tm;

	if (gmtime_r(&t, &tm) == NULL) {
		snprintf(buf, size, "%s", "Thu, 01 Jan 1970 00:00:00 GMT");
		return;
	}
	snprintf(buf, size, "%s, %02d %s %04d %02d:%02d:%02d GMT",
	    weekdays[tm.tm_wday], tm.tm_mday, months[tm.tm_mon],
	    tm.tm_year + 1900, tm.tm_hour, tm.tm_min, tm.tm_sec);
}

/* n decimal digits at *p into *out; *p moves past them. */
static int
take_digits(const char **p, int n, int *out)
{
	int	v = 0;

	while (n-- > 0) {
		if (**p < '0' || **p > '9')
			return -1;
		v = v * 10 + (*(*p)++ - '0');
	}
	*out = v;
	return 0;
}

static int
take_word(const char **p, const char *word)
{
	size_t	n = strlen(word);

	if (strncmp(*p, word, n) != 0)
		return -1;
	*p += n;
	return 0;
}

/* One of names (count of them) at *p: its index, or -1. */
static int
take_name(const char **p, const char *const *names, int count)
{
	int	i;

	for (i = 0; i < count; i++)
		if (take_word(p, names[i]) == 0)
			return i;
	return -1;
}

/* "08:49:37" */
static int
take_time(const char **p, struct tm *tm)
{
	if (take_digits(p, 2, &tm->tm_hour) == -1 || take_word(p, ":") ==
	    -1 || take_digits(p, 2, &tm->tm_min) == -1 ||
	    take_word(p, ":") == -1 || take_digits(p, 2, &tm->tm_sec) == -1)
		return -1;
	return 0;
}

/* "Sun, 06 Nov 1994 08:49:37 GMT" */
static int
parse_fixdate(const char *p, struct tm *tm)
{
	if (take_name(&p, weekdays, 7) == -1 || take_word(&p, ", ") == -1 ||
	    take_digits(&p, 2, &tm->tm_mday) == -1 || take_word(&p, " ") ==
	    -1 || (tm->tm_mon = take_name(&p, months, 12)) == -1 ||
	    take_word(&p, " ") == -1 || take_digits(&p, 4, &tm->tm_year) ==
	    -1 || take_word(&p, " ") == -1 || take_time(&p, tm) == -1 ||
	    take_word(&p, " GMT") == -1 || *p != '\0')
		return -1;
	tm->tm_year -= 1900;
	return 0;
}

/* "Sunday, 06-Nov-94 08:49:37 GMT" */
static int
parse_rfc850(const char *p, struct tm *tm)
{
	int	yy;

	if (take_name(&p, long_weekdays, 7) == -1 ||
	    take_word(&p, ", ") == -1 || take_digits(&p, 2, &tm->tm_mday) ==
	    -1 || take_word(&p, "-") == -1 ||
	    (tm->tm_mon = take_name(&p, months, 12)) == -1 ||
	    take_word(&p, "-") == -1 || take_digits(&p, 2, &yy) == -1 ||
	    take_word(&p, " ") == -1 || take_time(&p, tm) == -1 ||
	    take_word(&p, " GMT") == -1 || *p != '\0')
		return -1;
	/* no sender has written this form since long before 2070 */
	tm->tm_year = yy < 70 ? yy + 100 : yy;
	return 0;
}

/* "Sun Nov  6 08:49:37 1994" */
static int
parse_asctime(const char *p, struct tm *tm)
{
	if (take_name(&p, weekdays, 7) == -1 || take_word(&p, " ") == -1 ||
	    (tm->tm_mon = take_name(&p, months, 12)) == -1 ||
	    take_word(&p, " ") == -1)
		return -1;
	if (*p == ' ') {
		p++;
		if (take_digits(&p, 1, &tm->tm_mday) == -1)
			return -1;
	} else if (take_digits(&p, 2, &tm->tm_mday) == -1)
		return -1;
	if (take_word(&p, " ") == -1 || take_time(&p, tm) == -1 ||
	    take_word(&p, " ") == -1 || take_digits(&p, 4, &tm->tm_year) ==
	    -1 || *p != '\0')
		return -1;
	tm->tm_year -= 1900;
	return 0;
}

int
http_date_parse(const char *s, time_t *out)
{
	struct tm	tm;

	memset(&tm, 0, sizeof tm);
	if (parse_fixdate(s, &tm) == -1 && parse_rfc850(s, &tm) == -1 &&
	    parse_asctime(s, &tm) == -1)
		return -1;
	/* 60: a leap second */
	if (tm.tm_mday < 1 || tm.tm_mday > 31 || tm.tm_hour > 23 ||
	    tm.tm_min > 59 || tm.tm_sec > 60)
		return -1;
	*out = timegm(&tm);
	return 0;
}

/*
 * Whether the If-None-Match list holds etag ("*" does): entity tags
 * compared weakly, W/ aside. A list that stops making sense matches
 * nothing more.
 */
static int
etag_list_matches(const char *p, const char *etag)
{
	const char	*close;
	size_t		 len = strlen(etag);

	for (;;) {
		while (*p == ' ' || *p == '\t' || *p == ',')
			p++;
		if (*p == '\0')
			return 0;
		if (*p == '*')
			return 1;
		if (strncmp(p, "W/", 2) == 0)
			p += 2;
		if (*p != '"' || (close = strchr(p + 1, '"')) == NULL)
			return 0;
		if ((size_t)(close + 1 - p) == len &&
		    memcmp(p, etag, len) == 0)
			return 1;
		p = close + 1;
	}
}

int
http_not_modified(const char *if_none_match, const char *if_modified_since,
    const char *etag, time_t modified)
{
	time_t	since;

	if (if_none_match != NULL)
		return etag_list_matches(if_none_match, etag);
	if (if_modified_since == NULL || modified == (time_t)-1 ||
	    http_date_parse(if_modified_since, &since) == -1)
		return 0;
	return modified <= since;
}

char *
http_path_encode(const char *s)
{
	static const char	 hex[] = "0123456789ABCDEF";
	const unsigned char	*p;
	char			*out, *w;

	out = w = xmalloc(strlen(s) * 3 + 1);
	for (p = (const unsigned char *)s; *p != '\0'; p++) {
		if ((*p >= 'A' && *p <= 'Z') || (*p >= 'a' && *p <= 'z') ||
		    (*p >= '0' && *p <= '9') || strchr("-._~", *p) != NULL)
			*w++ = (char)*p;
		else {
			*w++ = '%';
			*w++ = hex[*p >> 4];
			*w++ = hex[*p & 0xf];
		}
	}
	*w = '\0';
	return out;
}

int
http_token_equal(const char *given, size_t len, const char *token)
{
	size_t		n = strlen(token), i;
	unsigned char	diff = len != n;

	/* every byte of the token is looked at, whatever given holds */
	for (i = 0; i < n; i++)
		diff |= (unsigned char)((i < len ? given[i] : 0) ^ token[i]);
	return diff == 0;
}
