/*
 * http-server.c -- `carecal serve`'s HTTP engine: GNU libmicrohttpd
 * with its own polling thread (epoll), limits on connections and idle
 * time, the methods and conditional requests of read-only feeds, and a
 * shutdown that lets the requests under way finish (http-server.h).
 */
#include <sys/socket.h>

#include <arpa/inet.h>
#include <errno.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>
#include <unistd.h>

#include <microhttpd.h>

#include "alloc.h"
#include "http-server.h"
#include "i18n.h"

struct http_server {
	struct MHD_Daemon	*daemon;
	int			 fd;		/* the listening socket */
	int			 port;
	http_handler		 handler;
	void			*arg;
};

/* Ten milliseconds, a hundred times: how long the last requests get. */
#define DRAIN_STEP_NS	10000000L
#define DRAIN_STEPS	100

static void
add_header(struct MHD_Response *r, const char *name, const char *value)
{
	/* only fails for names or values no one here gives */
	(void)MHD_add_response_header(r, name, value);
}

/* What every answer about a body says of it: tag, date, no caching. */
static void
add_validators(struct MHD_Response *r, const struct http_body *b)
{
	char	date[HTTP_DATE_LEN];

	add_header(r, MHD_HTTP_HEADER_ETAG, b->etag);
	if (b->modified != (time_t)-1) {
		http_date_format(b->modified, date, sizeof date);
		add_header(r, MHD_HTTP_HEADER_LAST_MODIFIED, date);
	}
	/* caches must ask again each time: a change shows at once */
	add_header(r, MHD_HTTP_HEADER_CACHE_CONTROL, "no-cache");
}

static enum MHD_Result
queue(struct MHD_Connection *c, unsigned status, struct MHD_Response *r)
{
	enum MHD_Result	rc;

	if (r == NULL)
		return MHD_NO;	/* out of memory: the connection is closed */
	rc = MHD_queue_response(c, status, r);
	MHD_destroy_response(r);
	return rc;
}

/* A short message in the user's words, as plain text. */
static enum MHD_Result
answer_text(struct MHD_Connection *c, unsigned status, const char *text)
{
	struct MHD_Response	*r;

	r = MHD_create_response_from_buffer(strlen(text), (void *)text,
	    MHD_RESPMEM_MUST_COPY);
	if (r != NULL) {
		add_header(r, MHD_HTTP_HEADER_CONTENT_TYPE,
		    "text/plain; charset=utf-8");
		if (status == HTTP_METHOD_NOT_ALLOWED)
			add_header(r, MHD_HTTP_HEADER_ALLOW, "GET, HEAD");
	}
	return queue(c, status, r);
}

/* The response's end: its reference to the body goes. */
static void
release_body(void *arg)
{
	http_body_unref(arg);
}

/* b, whose reference the response takes over. */
static enum MHD_Result
answer_body(struct MHD_Connection *c, struct http_body *b)
{
	struct MHD_Response	*r;

	r = MHD_create_response_from_buffer_with_free_callback_cls(b->length,
	    b->data, release_body, b);
	if (r == NULL) {
		http_body_unref(b);
		return MHD_NO;
	}
	add_header(r, MHD_HTTP_HEADER_CONTENT_TYPE, b->type);
	add_validators(r, b);
	add_header(r, "X-Content-Type-Options", "nosniff");
	if (strcmp(b->type, HTTP_TYPE_HTML) == 0) {
		/* a page of links: nothing to run, nothing to load */
		add_header(r, "Content-Security-Policy",
		    "default-src 'none'; style-src 'unsafe-inline'");
		add_header(r, "Referrer-Policy", "no-referrer");
	}
	return queue(c, HTTP_OK, r);
}

/*
 * No body, so libmicrohttpd 0.9.75 says Content-Length: 0 (it cannot
 * leave the field out). RFC 9110 8.6 would have the 200's length or
 * none, but clients that do not know a 304 has no body (wrk is one)
 * then wait for that many bytes; and a cache never takes a length from
 * a 304 (RFC 9111 3.2).
 */
static enum MHD_Result
answer_not_modified(struct MHD_Connection *c, struct http_body *b)
{
	struct MHD_Response	*r;

	r = MHD_create_response_from_buffer(0, (void *)"",
	    MHD_RESPMEM_PERSISTENT);
	if (r != NULL)
		add_validators(r, b);
	http_body_unref(b);
	return queue(c, HTTP_NOT_MODIFIED, r);
}

static enum MHD_Result
answer(void *cls, struct MHD_Connection *c, const char *url,
    const char *method, const char *version, const char *upload_data,
    size_t *upload_size, void **state)
{
	struct http_server	*s = cls;
	struct http_request	 req;
	struct http_reply	 reply;
	const char		*proto;

	static int		 seen;

	(void)version;
	(void)upload_data;
	/* answered at once, before any body a client may send */
	if (strcmp(method, MHD_HTTP_METHOD_GET) != 0 &&
	    strcmp(method, MHD_HTTP_METHOD_HEAD) != 0)
		return answer_text(c, HTTP_METHOD_NOT_ALLOWED,
		    _("Only GET and HEAD: these calendars are read "
		    "only.\n"));
	/*
	 * A GET is answered once the whole request is in: answered on
	 * the first call, with the headers alone, libmicrohttpd cannot
	 * know that nothing follows and closes the connection after it.
	 */
	if (*state == NULL) {
		*state = &seen;
		return MHD_YES;
	}
	if (*upload_size != 0) {
		*upload_size = 0;	/* a GET's body means nothing here */
		return MHD_YES;
	}
	memset(&req, 0, sizeof req);
	req.path = url;
	req.host = MHD_lookup_connection_value(c, MHD_HEADER_KIND,
	    MHD_HTTP_HEADER_HOST);
	proto = MHD_lookup_connection_value(c, MHD_HEADER_KIND,
	    "X-Forwarded-Proto");
	req.scheme = proto != NULL && strcmp(proto, "https") == 0 ? "https" :
	    "http";
	memset(&reply, 0, sizeof reply);
	s->handler(s->arg, &req, &reply);
	switch (reply.status) {
	case HTTP_OK:
		if (http_not_modified(MHD_lookup_connection_value(c,
		    MHD_HEADER_KIND, MHD_HTTP_HEADER_IF_NONE_MATCH),
		    MHD_lookup_connection_value(c, MHD_HEADER_KIND,
		    MHD_HTTP_HEADER_IF_MODIFIED_SINCE), reply.body->etag,
		    reply.body->modified))
			return answer_not_modified(c, reply.body);
		return answer_body(c, reply.body);
	case HTTP_NOT_FOUND:
		return answer_text(c, HTTP_NOT_FOUND,
		    _("No calendar at this address.\n"));
	default:
		http_body_unref(reply.body);
		return answer_text(c, HTTP_SERVER_ERROR,
		    _("The calendar could not be read; the server's log "
		    "says why.\n"));
	}
}

/* A socket listening on the address: its port, or -1 and errno. */
static int
listen_on(const struct http_server_config *cfg, int *port)
{
	struct sockaddr_storage	 bound;
	socklen_t		 len = sizeof bound;
	int			 fd, on = 1, e;

	fd = socket(cfg->address.ss_family, SOCK_STREAM | SOCK_CLOEXEC |
	    SOCK_NONBLOCK, 0);
	if (fd == -1)
		return -1;
	/* a restart binds again at once, past the old TIME_WAIT */
	if (setsockopt(fd, SOL_SOCKET, SO_REUSEADDR, &on, sizeof on) == -1 ||
	    bind(fd, (const struct sockaddr *)&cfg->address,
	    cfg->address_len) == -1 || listen(fd, SOMAXCONN) == -1 ||
	    getsockname(fd, (struct sockaddr *)&bound, &len) == -1)
		goto fail;
	if (bound.ss_family == AF_INET6)
		*port = ntohs(((struct sockaddr_in6 *)&bound)->sin6_port);
	else
		*port = ntohs(((struct sockaddr_in *)&bound)->sin_port);
	return fd;
fail:
	e = errno;
	close(fd);
	errno = e;
	return -1;
}

int
http_server_start(const struct http_server_config *cfg, http_handler handler,
    void *arg, struct http_server **out, struct error *err)
{
	struct http_server	*s;
	unsigned		 flags;

	*out = NULL;
	s = xcalloc(1, sizeof *s);
	s->handler = handler;
	s->arg = arg;
	if ((s->fd = listen_on(cfg, &s->port)) == -1) {
		error_set(err, ERROR_FAILURE, "%s", strerror(errno));
		free(s);
		return -1;
	}
	/*
	 * One thread of its own, polling with epoll: the handler runs one
	 * request at a time. ITC, so that it can stop accepting first.
	 */
	flags = MHD_USE_AUTO | MHD_USE_INTERNAL_POLLING_THREAD | MHD_USE_ITC;
	if (cfg->address.ss_family == AF_INET6)
		flags |= MHD_USE_IPv6;
	s->daemon = MHD_start_daemon(flags, 0, NULL, NULL, answer, s,
	    MHD_OPTION_LISTEN_SOCKET, (MHD_socket)s->fd,
	    MHD_OPTION_CONNECTION_LIMIT, cfg->connection_limit,
	    MHD_OPTION_PER_IP_CONNECTION_LIMIT, cfg->per_address_limit,
	    MHD_OPTION_CONNECTION_TIMEOUT, cfg->timeout,
	    MHD_OPTION_END);
	if (s->daemon == NULL) {
		close(s->fd);
		free(s);
		return error_set(err, ERROR_FAILURE, _("libmicrohttpd did "
		    "not start"));
	}
	*out = s;
	return 0;
}

int
http_server_port(const struct http_server *s)
{
	return s->port;
}

void
http_server_stop(struct http_server *s)
{
	const union MHD_DaemonInfo	*info;
	struct timespec			 step = { 0, DRAIN_STEP_NS };
	MHD_socket			 fd;
	int				 i;

	fd = MHD_quiesce_daemon(s->daemon);
	for (i = 0; fd != MHD_INVALID_SOCKET && i < DRAIN_STEPS; i++) {
		info = MHD_get_daemon_info(s->daemon,
		    MHD_DAEMON_INFO_CURRENT_CONNECTIONS);
		if (info == NULL || info->num_connections == 0)
			break;
		nanosleep(&step, NULL);
	}
	MHD_stop_daemon(s->daemon);
	/* once quiesced, the socket is ours to close */
	if (fd != MHD_INVALID_SOCKET)
		close(fd);
	free(s);
}
