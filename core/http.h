/*
 * http.h -- what carecal knows of HTTP without its engine (libmicrohttpd,
 * in the module of http-server.h): the bodies `carecal serve` answers
 * with, shared by reference; dates (RFC 9110 5.6.7) and entity tags
 * for conditional requests (RFC 9110 13.1); path segments
 * percent-encoded (RFC 3986); an access token compared in constant time.
 */
#ifndef CARECAL_HTTP_H
#define CARECAL_HTTP_H

#include <stdatomic.h>
#include <stddef.h>
#include <time.h>

#define HTTP_TYPE_CALENDAR	"text/calendar; charset=utf-8"
#define HTTP_TYPE_HTML		"text/html; charset=utf-8"

/* "Sun, 06 Nov 1994 08:49:37 GMT" and its NUL */
#define HTTP_DATE_LEN		30
/* "\"0123456789abcdef\"" and its NUL */
#define HTTP_ETAG_LEN		19

/*
 * A body as served: its bytes, their type, a strong entity tag made
 * from them and when they last changed (-1: unknown). Never changed
 * once made; whoever holds it (the cache of the feeds, each response
 * being sent) holds a reference.
 */
struct http_body {
	atomic_int	 refs;
	char		*data;
	size_t		 length;
	const char	*type;			/* HTTP_TYPE_*: static */
	char		 etag[HTTP_ETAG_LEN];
	time_t		 modified;
};

/* A body of data (malloc'd, taken), with one reference: the caller's. */
struct http_body *http_body_new(char *, size_t, const char *, time_t);
struct http_body *http_body_ref(struct http_body *);
/* Drops a reference; the last one frees the body. NULL is ignored. */
void	http_body_unref(struct http_body *);

/* An IMF-fixdate, in English whatever the locale. */
void	http_date_format(time_t, char *, size_t);
/*
 * Any of the three forms RFC 9110 has recipients accept (IMF-fixdate,
 * RFC 850, asctime): 0, or -1 when it is none of them.
 */
int	http_date_parse(const char *, time_t *);

/*
 * Whether a GET of a body with etag and modified (-1: unknown) that
 * carries these request fields (NULL when absent) is answered 304 Not
 * Modified: If-None-Match when present (weak comparison, "*" matches),
 * else If-Modified-Since (RFC 9110 13.2.2).
 */
int	http_not_modified(const char *, const char *, const char *, time_t);

/*
 * s percent-encoded as one path segment: every byte but the unreserved
 * ones of RFC 3986 as %XX. malloc'd; the caller frees it.
 */
char	*http_path_encode(const char *);

/*
 * 1 if the len bytes of given are token, in a time that depends on the
 * token's length only, not on how much of it given matches.
 */
int	http_token_equal(const char *, size_t, const char *);

#endif
