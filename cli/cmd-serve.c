/*
 * cmd-serve.c -- `carecal serve`: the calendars as live feeds over HTTP,
 * read only, for office calendars that subscribe to a URL (db/feeds.h),
 * with libmicrohttpd in its own thread (core/http-server.h) until
 * SIGTERM or SIGINT.
 */
#include <sys/stat.h>

#include <arpa/inet.h>
#include <netinet/in.h>
#include <errno.h>
#include <pthread.h>
#include <signal.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "alloc.h"
#include "cmd.h"
#include "feeds.h"
#include "http-server.h"
#include "i18n.h"
#include "modules.h"

#define LISTEN_DEFAULT		"127.0.0.1:8323"
#define TOKEN_MIN		16
#define TOKEN_MAX		256
/*
 * Limits against clients that hold connections: a city's offices
 * subscribe with a few hundred calendars at most, each asking now and
 * then; an idle connection is closed after a quarter of a minute.
 */
#define CONNECTION_LIMIT	512
#define PER_ADDRESS_LIMIT	256
#define IDLE_TIMEOUT		15

static int	serve_check(struct cli *, struct args *);
static int	serve_exec(struct cli *, struct args *);

static const char serve_help[] = N_(
"Serves the calendars over HTTP, read only, for office calendars that\n"
"subscribe to a URL (Outlook \"from Internet\", Google Calendar \"from\n"
"URL\", Thunderbird network calendars), until SIGTERM or Ctrl-C:\n"
"  /calendar.ics        every meeting\n"
"  /centers/NAME.ics    one center's (NAME URL-encoded)\n"
"  /types/CODE.ics      one meeting type's\n"
"  /                    a page listing them, in Japanese\n"
"Each is what 'carecal export' writes (cancelled meetings, and deleted\n"
"ones as cancelled; never the notes); a change committed by anyone\n"
"shows at the next request. Answers If-None-Match and If-Modified-Since\n"
"with 304. It only reads the database and keeps no one waiting.\n"
"  --listen ADDR:PORT   where (127.0.0.1:8323, [::1]:8323; port 0: any\n"
"                       free port, printed)\n"
"  --token-file FILE    every path begins with /TOKEN/, the token FILE\n"
"                       holds (16 to 256 letters, digits, . _ ~ -);\n"
"                       any other path is not found\n"
"Off the loopback, serve behind the city's reverse proxy (TLS) with a\n"
"token: see the man page.\n");

static const struct cmd_option serve_options[] = {
	{ "listen",	CMD_VALUE,	'l' },
	{ "token-file",	CMD_VALUE,	'k' },
	{ NULL, 0, 0 }
};

const struct cmd_entry cmd_serve_entry = {
	.name = "serve",
	.usage = "serve [--listen ADDR:PORT] [--token-file FILE]",
	.summary = N_("serve the calendars as feeds office calendars "
	    "subscribe to"),
	.help = serve_help,
	.options = serve_options,
	.args = { 0, 0, NULL, NULL },
	.check = serve_check,
	.exec = serve_exec
};

/*
 * Every half second, the calendars a change made stale are made again
 * (feeds_warm), so that the next request finds them ready.
 */
#define WARM_EVERY_NS		500000000L

/*
 * What the handler needs. The feeds (and the store under them) are
 * used by the server's thread and, to warm them, by the main one: one
 * at a time, under lock.
 */
struct serve {
	pthread_mutex_t	 lock;
	struct feeds	*feeds;
	const char	*token;		/* NULL: none */
	char		 address[64];	/* as a URL says it: [::1]:8323 */
};

/* "ADDR:PORT", IPv6 in brackets, into cfg: 0, or -1. */
static int
listen_parse(const char *s, struct http_server_config *cfg)
{
	struct sockaddr_in	*in4 = (struct sockaddr_in *)&cfg->address;
	struct sockaddr_in6	*in6 = (struct sockaddr_in6 *)&cfg->address;
	const char		*colon, *p;
	char			 host[INET6_ADDRSTRLEN + 1];
	size_t			 len;
	long			 port = 0;

	memset(&cfg->address, 0, sizeof cfg->address);
	if (*s == '[') {
		if ((p = strchr(s, ']')) == NULL || p[1] != ':')
			return -1;
		colon = p + 1;
		len = (size_t)(p - s - 1);
		s++;
	} else {
		if ((colon = strrchr(s, ':')) == NULL)
			return -1;
		len = (size_t)(colon - s);
	}
	if (len == 0 || len >= sizeof host || colon[1] == '\0' ||
	    strlen(colon + 1) > 5)
		return -1;
	for (p = colon + 1; *p != '\0'; p++) {
		if (*p < '0' || *p > '9')
			return -1;
		port = port * 10 + (*p - '0');
	}
	if (port > 65535)
		return -1;
	memcpy(host, s, len);
	host[len] = '\0';
	if (inet_pton(AF_INET, host, &in4->sin_addr) == 1) {
		in4->sin_family = AF_INET;
		in4->sin_port = htons((uint16_t)port);
		cfg->address_len = sizeof *in4;
	} else if (inet_pton(AF_INET6, host, &in6->sin6_addr) == 1) {
		in6->sin6_family = AF_INET6;
		in6->sin6_port = htons((uint16_t)port);
		cfg->address_len = sizeof *in6;
	} else
		return -1;
	return 0;
}

static int
is_loopback(const struct sockaddr_storage *ss)
{
	const struct sockaddr_in	*a4;
	const struct in6_addr		*a6;

	if (ss->ss_family == AF_INET) {
		a4 = (const struct sockaddr_in *)ss;
		return (ntohl(a4->sin_addr.s_addr) >> 24) == 127;
	}
	a6 = &((const struct sockaddr_in6 *)ss)->sin6_addr;
	return IN6_IS_ADDR_LOOPBACK(a6) || (IN6_IS_ADDR_V4MAPPED(a6) &&
	    a6->s6_addr[12] == 127);
}

/* The address and port, as in a URL. */
static void
address_format(const struct sockaddr_storage *ss, int port, char *buf,
    size_t size)
{
	char	host[INET6_ADDRSTRLEN];

	if (ss->ss_family == AF_INET6) {
		inet_ntop(AF_INET6, &((const struct sockaddr_in6 *)ss)->
		    sin6_addr, host, sizeof host);
		snprintf(buf, size, "[%s]:%d", host, port);
	} else {
		inet_ntop(AF_INET, &((const struct sockaddr_in *)ss)->sin_addr,
		    host, sizeof host);
		snprintf(buf, size, "%s:%d", host, port);
	}
}

static int
is_token_char(int c)
{
	return (c >= 'A' && c <= 'Z') || (c >= 'a' && c <= 'z') ||
	    (c >= '0' && c <= '9') || c == '.' || c == '_' || c == '~' ||
	    c == '-';
}

/* The token FILE holds, without its line's end: malloc'd, or NULL. */
static char *
token_read(const char *path, struct error *err)
{
	struct stat	 sb;
	FILE		*fp;
	char		 buf[TOKEN_MAX + 3];
	size_t		 n, i;

	if ((fp = fopen(path, "r")) == NULL) {
		error_set(err, ERROR_INPUT, "--token-file %s: %s", path,
		    strerror(errno));
		return NULL;
	}
	n = fread(buf, 1, sizeof buf - 1, fp);
	if (fstat(fileno(fp), &sb) == 0 && (sb.st_mode & S_IROTH))
		fprintf(stderr, _("carecal: warning: --token-file %s: any "
		    "user on this host can read it (mode %04o)\n"), path,
		    (unsigned)(sb.st_mode & 07777));
	fclose(fp);
	while (n > 0 && strchr("\r\n \t", buf[n - 1]) != NULL)
		n--;
	buf[n] = '\0';
	for (i = 0; i < n && is_token_char((unsigned char)buf[i]); i++)
		;
	if (n < TOKEN_MIN || n > TOKEN_MAX || i < n) {
		error_set(err, ERROR_INPUT, _("--token-file %s: the token "
		    "must be one line of %d to %d letters, digits or . _ ~ - "
		    "(as 'openssl rand -hex 16' makes)"), path, TOKEN_MIN,
		    TOKEN_MAX);
		return NULL;
	}
	return xstrdup(buf);
}

/* A Host a client sent that may go in the page's links as it is. */
static int
host_is_plain(const char *host)
{
	const char	*p;

	if (host == NULL || *host == '\0' || strlen(host) > 255)
		return 0;
	for (p = host; *p != '\0'; p++)
		if (!((*p >= 'A' && *p <= 'Z') || (*p >= 'a' && *p <= 'z') ||
		    (*p >= '0' && *p <= '9') || strchr(".-:[]", *p) != NULL))
			return 0;
	return 1;
}

/* The path after /TOKEN, or NULL when the token is not there. */
static const char *
strip_token(const char *path, const char *token)
{
	size_t	len;

	if (*path != '/')
		return NULL;
	path++;
	len = strcspn(path, "/");
	if (!http_token_equal(path, len, token))
		return NULL;
	/* /TOKEN is the page of links, as /TOKEN/ is */
	return path[len] == '\0' ? "/" : path + len;
}

static void
serve_handle(void *arg, const struct http_request *req,
    struct http_reply *reply)
{
	struct serve	*s = arg;
	struct error	 err;
	const char	*path = req->path;
	char		 base[600];
	int		 rc;

	reply->status = HTTP_NOT_FOUND;
	if (s->token != NULL && (path = strip_token(path, s->token)) == NULL)
		return;
	snprintf(base, sizeof base, "%s://%s%s%s", req->scheme,
	    host_is_plain(req->host) ? req->host : s->address,
	    s->token != NULL ? "/" : "", s->token != NULL ? s->token : "");
	pthread_mutex_lock(&s->lock);
	rc = feeds_get(s->feeds, path, base, &reply->body, &err);
	pthread_mutex_unlock(&s->lock);
	if (rc == 0)
		reply->status = HTTP_OK;
	else if (rc == -1) {
		fprintf(stderr, "carecal: serve: %s\n", err.msg);
		reply->status = HTTP_SERVER_ERROR;
	}
}

static int
serve_check(struct cli *cli, struct args *args)
{
	struct http_server_config	cfg;
	const char			*listen = args_get(args, 'l');

	if (listen != NULL && listen_parse(listen, &cfg) == -1)
		return cli_usage_error(cli, _("--listen: '%s' is not "
		    "ADDR:PORT (as 127.0.0.1:8323 or [::1]:8323)"), listen);
	return 0;
}

/*
 * Warms the feeds until SIGTERM or SIGINT (blocked in every thread)
 * comes, and returns it. A failure is said once, until one succeeds.
 */
static int
warm_until_stopped(struct serve *s, const sigset_t *stop)
{
	struct timespec	every = { 0, WARM_EVERY_NS };
	struct error	err;
	int		sig, failing = 0;

	for (;;) {
		if ((sig = sigtimedwait(stop, NULL, &every)) > 0)
			return sig;
		if (errno != EAGAIN)
			continue;	/* EINTR: another signal */
		pthread_mutex_lock(&s->lock);
		if (feeds_warm(s->feeds, &err) == -1) {
			if (!failing)
				fprintf(stderr, "carecal: serve: %s\n",
				    err.msg);
			failing = 1;
		} else
			failing = 0;
		pthread_mutex_unlock(&s->lock);
	}
}

static int
serve_run(struct cli *cli, struct args *args, const sigset_t *stop)
{
	struct http_server_config	 cfg;
	struct http_server		*server;
	struct http_body		*body;
	struct serve			 s;
	struct error			 err;
	const char			*listen = args_get(args, 'l');
	const char			*token_file = args_get(args, 'k');
	char				*token = NULL;
	int				 rc, sig;

	memset(&cfg, 0, sizeof cfg);
	memset(&s, 0, sizeof s);
	pthread_mutex_init(&s.lock, NULL);
	if (listen == NULL)
		listen = LISTEN_DEFAULT;
	(void)listen_parse(listen, &cfg);	/* checked */
	cfg.connection_limit = CONNECTION_LIMIT;
	cfg.per_address_limit = PER_ADDRESS_LIMIT;
	cfg.timeout = IDLE_TIMEOUT;
	if (token_file != NULL && (token = token_read(token_file, &err)) ==
	    NULL)
		return cli_fail(&err);
	if (token == NULL && !is_loopback(&cfg.address))
		fprintf(stderr, _("carecal: warning: serving on %s without "
		    "--token-file: anyone who can reach this host reads the "
		    "calendars\n"), listen);
	/* read only: never a write lock, never a terminal kept waiting */
	if (cli_resolve_db(cli, &err) == -1 || store_open(cli->db_path,
	    STORE_READONLY, &cli->store, &err) == -1) {
		free(token);
		return cli_fail(&err);
	}
	s.feeds = feeds_new(cli->store);
	s.token = token;
	/* made once here: a database or module that fails, fails now */
	if (feeds_get(s.feeds, "/calendar.ics", "", &body, &err) == -1) {
		rc = cli_fail(&err);
		goto done;
	}
	http_body_unref(body);
	if (http_server_start(&cfg, serve_handle, &s, &server, &err) == -1) {
		error_prefix(&err, _("--listen %s: cannot serve there: "),
		    listen);
		rc = cli_fail(&err);
		goto done;
	}
	address_format(&cfg.address, http_server_port(server), s.address,
	    sizeof s.address);
	printf(_("carecal: serving %s at http://%s/%s (SIGTERM or Ctrl-C "
	    "stops)\n"), cli->db_path, s.address, token != NULL ?
	    "TOKEN/" : "");
	fflush(stdout);
	sig = warm_until_stopped(&s, stop);
	http_server_stop(server);
	printf(_("carecal: stopped (%s)\n"), sig == SIGTERM ? "SIGTERM" :
	    "SIGINT");
	rc = 0;
done:
	feeds_free(s.feeds);
	pthread_mutex_destroy(&s.lock);
	free(token);
	return rc;
}

static int
serve_exec(struct cli *cli, struct args *args)
{
	sigset_t	stop;
	int		status;

	/*
	 * Blocked before the server's thread starts, which so inherits
	 * the mask: the signals come to sigwait here, and a signal sent
	 * while the feeds are first made waits for it.
	 */
	sigemptyset(&stop);
	sigaddset(&stop, SIGTERM);
	sigaddset(&stop, SIGINT);
	pthread_sigmask(SIG_BLOCK, &stop, NULL);
	/* a client gone mid-answer is no reason to die */
	signal(SIGPIPE, SIG_IGN);
	status = serve_run(cli, args, &stop);
	modules_free();
	return status;
}
