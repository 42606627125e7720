/*
 * http-module.c -- the table carecal-http.so exports: `carecal serve`'s
 * HTTP engine (see modules.h).
 */
#include "http-server.h"
#include "modules.h"

MODULE_EXPORT const struct http_module carecal_http_module = {
	PACKAGE_VERSION,
	http_server_start,
	http_server_port,
	http_server_stop
};
