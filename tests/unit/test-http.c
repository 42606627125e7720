/*
 * test-http.c -- HTTP's words without the engine (core/http.h): dates in
 * all three forms RFC 9110 has a server accept and in English whatever
 * the locale, entity tags and the choice of 304, percent-encoded path
 * segments, the token's comparison, shared bodies.
 */
#include <locale.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "alloc.h"
#include "http.h"
#include "tap.h"

/* RFC 9110's example: Sun, 06 Nov 1994 08:49:37 GMT */
#define EXAMPLE	((time_t)784111777)

static void
test_dates(void)
{
	static const char *const bad[] = {
		"", "yesterday", "Sun, 06 Nov 1994 08:49:37",
		"Sun, 06 Nov 1994 08:49:37 UTC", "Sun, 6 Nov 1994 08:49:37 GMT",
		"Sun, 06 Foo 1994 08:49:37 GMT", "Sun, 06 Nov 1994 24:00:00 GMT",
		"Sun, 00 Nov 1994 08:49:37 GMT", "Sun, 06 Nov 1994 08:49:37 GMTx",
		"Sun, 06 Nov 94 08:49:37 GMT", "Sun Nov 6 08:49:37 1994",
		"Sun, 06 Nov 1994 8:49:37 GMT", "-1"
	};
	char	buf[HTTP_DATE_LEN];
	time_t	t;
	size_t	i;

	http_date_format(EXAMPLE, buf, sizeof buf);
	IS_STR(buf, "Sun, 06 Nov 1994 08:49:37 GMT", "IMF-fixdate written");
	IS_INT(strlen(buf) + 1, HTTP_DATE_LEN, "HTTP_DATE_LEN holds it");
	/* the day and month names of a Japanese locale stay out */
	if (setlocale(LC_ALL, "ja_JP.UTF-8") != NULL) {
		http_date_format(EXAMPLE, buf, sizeof buf);
		IS_STR(buf, "Sun, 06 Nov 1994 08:49:37 GMT",
		    "in English under ja_JP.UTF-8");
		setlocale(LC_ALL, "C");
	} else
		SKIP("in English under ja_JP.UTF-8", "no ja_JP.UTF-8 locale");
	http_date_format(0, buf, sizeof buf);
	IS_STR(buf, "Thu, 01 Jan 1970 00:00:00 GMT", "the epoch");

	t = 0;
	OK(http_date_parse("Sun, 06 Nov 1994 08:49:37 GMT", &t) == 0 &&
	    t == EXAMPLE, "IMF-fixdate read");
	t = 0;
	OK(http_date_parse("Sunday, 06-Nov-94 08:49:37 GMT", &t) == 0 &&
	    t == EXAMPLE, "RFC 850 read");
	t = 0;
	OK(http_date_parse("Sun Nov  6 08:49:37 1994", &t) == 0 &&
	    t == EXAMPLE, "asctime read");
	OK(http_date_parse("Wed, 29 Feb 2040 23:59:59 GMT", &t) == 0 &&
	    t == (time_t)2214172799LL, "a leap day of 2040");
	for (i = 0; i < sizeof bad / sizeof bad[0]; i++)
		OK(http_date_parse(bad[i], &t) == -1, "'%s' is no date",
		    bad[i]);
}

static void
test_conditional(void)
{
	const char	*etag = "\"0123456789abcdef\"";

	OK(!http_not_modified(NULL, NULL, etag, EXAMPLE), "nothing asked: 200");
	OK(http_not_modified(etag, NULL, etag, EXAMPLE), "the ETag: 304");
	OK(http_not_modified("W/\"0123456789abcdef\"", NULL, etag, EXAMPLE),
	    "the weak ETag: 304 (weak comparison)");
	OK(http_not_modified("\"a\", \"b\" ,W/\"0123456789abcdef\"", NULL,
	    etag, EXAMPLE), "in a list: 304");
	OK(http_not_modified("*", NULL, etag, EXAMPLE), "*: 304");
	OK(!http_not_modified("\"0123456789abcde\"", NULL, etag, EXAMPLE),
	    "a shorter tag: 200");
	OK(!http_not_modified("0123456789abcdef", NULL, etag, EXAMPLE),
	    "unquoted: 200");
	OK(!http_not_modified("\"0123456789abcdef", NULL, etag, EXAMPLE),
	    "unterminated: 200");
	OK(!http_not_modified("", NULL, etag, EXAMPLE), "empty: 200");
	OK(!http_not_modified("\"x\"", "Sun, 06 Nov 1994 08:49:37 GMT", etag,
	    EXAMPLE), "If-None-Match decides before If-Modified-Since");
	OK(http_not_modified(NULL, "Sun, 06 Nov 1994 08:49:37 GMT", etag,
	    EXAMPLE), "If-Modified-Since: the same second: 304");
	OK(http_not_modified(NULL, "Sun, 06 Nov 1994 08:49:38 GMT", etag,
	    EXAMPLE), "a second later: 304");
	OK(!http_not_modified(NULL, "Sun, 06 Nov 1994 08:49:36 GMT", etag,
	    EXAMPLE), "a second earlier: 200");
	OK(!http_not_modified(NULL, "not a date", etag, EXAMPLE),
	    "not a date: ignored, 200");
	OK(!http_not_modified(NULL, "Sun, 06 Nov 1994 08:49:37 GMT", etag,
	    (time_t)-1), "no Last-Modified: 200");
}

static void
test_encode(void)
{
	char	*s;

	s = http_path_encode("明第1");
	IS_STR(s, "%E6%98%8E%E7%AC%AC1", "a kanji name, as UTF-8 bytes");
	free(s);
	s = http_path_encode("A/B 100%?#+&=.~_-");
	IS_STR(s, "A%2FB%20100%25%3F%23%2B%26%3D.~_-",
	    "reserved bytes escaped, unreserved kept");
	free(s);
	s = http_path_encode("");
	IS_STR(s, "", "nothing");
	free(s);
}

static void
test_token(void)
{
	const char	*token = "0123456789abcdef";

	OK(http_token_equal("0123456789abcdef", 16, token), "the token");
	OK(!http_token_equal("0123456789abcdeX", 16, token), "its last byte");
	OK(!http_token_equal("X123456789abcdef", 16, token), "its first");
	OK(!http_token_equal("0123456789abcde", 15, token), "shorter");
	OK(!http_token_equal("0123456789abcdef0", 17, token), "longer");
	OK(!http_token_equal("0123456789abcdef/x", 16 + 2, token),
	    "followed by more");
	OK(http_token_equal("0123456789abcdef/x", 16, token),
	    "its length of a longer string");
	OK(!http_token_equal("", 0, token), "empty");
}

static void
test_body(void)
{
	struct http_body	*a, *b, *c;

	a = http_body_new(xstrdup("BEGIN:VCALENDAR"), 15, HTTP_TYPE_CALENDAR,
	    EXAMPLE);
	b = http_body_new(xstrdup("BEGIN:VCALENDAR"), 15, HTTP_TYPE_CALENDAR,
	    0);
	c = http_body_new(xstrdup("BEGIN:VCALENDAS"), 15, HTTP_TYPE_CALENDAR,
	    EXAMPLE);
	IS_INT(strlen(a->etag), HTTP_ETAG_LEN - 1, "an ETag of 16 hex digits");
	OK(a->etag[0] == '"' && a->etag[HTTP_ETAG_LEN - 2] == '"',
	    "quoted: a strong ETag");
	IS_STR(a->etag, b->etag, "the same bytes, the same ETag");
	OK(strcmp(a->etag, c->etag) != 0, "a byte changed, another ETag");
	OK(http_body_ref(a) == a, "a reference more");
	http_body_unref(a);
	IS_STR(a->data, "BEGIN:VCALENDAR", "one dropped: still there");
	http_body_unref(a);
	http_body_unref(b);
	http_body_unref(c);
	http_body_unref(NULL);
	OK(1, "the last ones freed (ASan and valgrind say whether)");
}

int
main(void)
{
	test_dates();
	test_conditional();
	test_encode();
	test_token();
	test_body();
	return tap_done();
}
