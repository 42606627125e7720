/*
 * http-server.h -- the HTTP engine of `carecal serve`: GNU libmicrohttpd
 * in one thread of its own, in the module carecal-http.so (modules.h;
 * libmicrohttpd brings GnuTLS and ten more libraries, which no other
 * command needs). It answers GET and HEAD with what a handler gives
 * for the path, 304 for a conditional request that matches, 405 for
 * any other method, and leaves the rest of HTTP to libmicrohttpd
 * (malformed requests: 400; oversized ones: 431 or 414).
 */
#ifndef CARECAL_HTTP_SERVER_H
#define CARECAL_HTTP_SERVER_H

#include <sys/socket.h>

#include "error.h"
#include "http.h"

#define HTTP_OK			200
#define HTTP_NOT_MODIFIED	304
#define HTTP_NOT_FOUND		404
#define HTTP_METHOD_NOT_ALLOWED	405
#define HTTP_SERVER_ERROR	500

/* What the handler is told of a request; strings last until it returns. */
struct http_request {
	const char	*path;		/* percent-decoded, without ?query */
	const char	*host;		/* Host, or NULL */
	const char	*scheme;	/* "https" behind a proxy saying so */
};

/*
 * The handler's answer: HTTP_OK with a body it gives a reference to
 * (the server drops it once sent), HTTP_NOT_FOUND or HTTP_SERVER_ERROR
 * with none.
 */
struct http_reply {
	int			 status;
	struct http_body	*body;
};

/*
 * Called in the server's thread, one request at a time: whatever it
 * uses is the server's alone until http_server_stop returns.
 */
typedef void	(*http_handler)(void *, const struct http_request *,
		    struct http_reply *);

struct http_server_config {
	struct sockaddr_storage	 address;	/* port 0: any free one */
	socklen_t		 address_len;
	unsigned		 connection_limit;
	unsigned		 per_address_limit;
	unsigned		 timeout;	/* seconds idle, then closed */
};

struct http_server;

/*
 * Listens on the address and serves with handler(arg, ...) until
 * stopped; *out is freed by http_server_stop.
 */
int	http_server_start(const struct http_server_config *, http_handler,
	    void *, struct http_server **, struct error *);
/* The port it listens on (the one chosen for port 0). */
int	http_server_port(const struct http_server *);
/*
 * Stops accepting, gives the requests under way up to a second to be
 * answered, closes every connection and frees the server.
 */
void	http_server_stop(struct http_server *);

#endif
