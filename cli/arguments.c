/*
 * arguments.c -- a command's options and arguments, parsed once from
 * what its entry declares (cmd.h).
 */
#include <getopt.h>
#include <stdlib.h>
#include <string.h>

#include "alloc.h"
#include "arguments.h"
#include "cmd.h"

/*
 * getopt_long's tables from the entry's options. An option's getopt
 * value is its id, so that options of one id share one (--note and
 * --note-file): getopt takes a prefix of both (--no) for the first
 * rather than refusing it as ambiguous.
 */
static struct option *
long_options(const struct cmd_option *options, size_t n, char *shortopts)
{
	struct option	*longopts;
	size_t		 i, k = 0;

	longopts = xcalloc(n + 2, sizeof *longopts);
	for (i = 0; i < n; i++) {
		longopts[i].name = options[i].name;
		longopts[i].has_arg = options[i].flags & CMD_VALUE ?
		    required_argument : no_argument;
		longopts[i].val = options[i].id;
		if (options[i].flags & CMD_SHORT) {
			shortopts[k++] = (char)options[i].id;
			if (options[i].flags & CMD_VALUE)
				shortopts[k++] = ':';
		}
	}
	longopts[n].name = "help";
	longopts[n].has_arg = no_argument;
	longopts[n].val = 'h';
	shortopts[k++] = 'h';
	shortopts[k] = '\0';
	return longopts;
}

/* The entry's option getopt found: by its long name, else its letter. */
static const struct cmd_option *
option_found(const struct cmd_option *options, size_t n, int which, int id)
{
	size_t	i;

	if (which >= 0 && (size_t)which < n)
		return &options[which];
	for (i = 0; i < n; i++)
		if ((options[i].flags & CMD_SHORT) && options[i].id == id)
			return &options[i];
	return NULL;
}

int
args_parse(const struct cmd_option *options, int argc, char **argv,
    struct args *args, const char **bad)
{
	const struct cmd_option	*o;
	struct option		*longopts;
	char			*shortopts;
	size_t			 n = 0;
	int			 opt, which, rc = 0;

	memset(args, 0, sizeof *args);
	*bad = NULL;
	while (options != NULL && options[n].name != NULL)
		n++;
	shortopts = xmalloc(2 * n + 2);
	longopts = long_options(options, n, shortopts);
	args->options = xcalloc(ARGS_OPTIONS_MAX, sizeof *args->options);
	optind = 0;	/* glibc: start over, whatever was parsed before */
	opterr = 0;	/* the messages are carecal's (cmd.c) */
	for (;;) {
		which = -1;
		if ((opt = getopt_long(argc, argv, shortopts, longopts,
		    &which)) == -1)
			break;
		if (opt == 'h' && (which == -1 || (size_t)which == n)) {
			rc = ARGS_HELP;
			break;
		}
		if (opt == '?' || opt == ':' ||
		    (o = option_found(options, n, which, opt)) == NULL) {
			*bad = argv[optind - 1];
			rc = ARGS_UNKNOWN;
			break;
		}
		if (args->noptions == ARGS_OPTIONS_MAX) {
			rc = ARGS_TOO_MANY;
			break;
		}
		args->options[args->noptions].id = o->id;
		args->options[args->noptions].flags = o->flags;
		args->options[args->noptions++].value = optarg;
	}
	if (rc == 0) {
		args->values = argv + optind;
		args->count = (size_t)(argc - optind);
	}
	free(longopts);
	free(shortopts);
	return rc;
}

void
args_literal(int argc, char **argv, struct args *args)
{
	memset(args, 0, sizeof *args);
	args->values = argv + 1;
	args->count = (size_t)(argc - 1);
}

void
args_free(struct args *args)
{
	size_t	i;

	for (i = 0; i < args->nowned; i++)
		free(args->owned[i]);
	free(args->owned);
	free(args->options);
	memset(args, 0, sizeof *args);
}

int
args_has(const struct args *args, int id)
{
	size_t	i;
	int	n = 0;

	for (i = 0; i < args->noptions; i++)
		if (args->options[i].id == id)
			n++;
	return n;
}

const char *
args_get(const struct args *args, int id)
{
	size_t	i;

	for (i = args->noptions; i > 0; i--)
		if (args->options[i - 1].id == id)
			return args->options[i - 1].value;
	return NULL;
}

size_t
args_count(const struct args *args)
{
	return args->count;
}

const char *
args_string(const struct args *args, size_t i)
{
	return i < args->count ? args->values[i] : NULL;
}

void
args_replace(struct args *args, size_t i, char *value)
{
	args->owned = xreallocarray(args->owned, args->nowned + 1,
	    sizeof *args->owned);
	args->owned[args->nowned++] = value;
	args->options[i].value = value;
	args->options[i].flags &= ~CMD_FROM_FILE;
}
