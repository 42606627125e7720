/*
 * arguments.h -- a command's arguments as its entry declares them
 * (cmd.h): the options given, in the order given, and the positional
 * arguments; parsed once with getopt_long, in the spirit of tmux's
 * args_parse and args_get.
 */
#ifndef CARECAL_ARGUMENTS_H
#define CARECAL_ARGUMENTS_H

#include <stddef.h>

struct cmd_option;

/* Options beyond this many are a usage error ("too many options"). */
#define ARGS_OPTIONS_MAX	32

struct args_option {
	int		 id;		/* the cmd_option's */
	int		 flags;		/* the cmd_option's: CMD_FROM_FILE */
	char		*value;		/* NULL for an option without one */
};

struct args {
	struct args_option	*options;	/* in the order given */
	size_t			 noptions;
	char			**values;	/* the positional arguments */
	size_t			 count;
	char			**owned;	/* values args_replace gave */
	size_t			 nowned;
};

/* args_parse's results besides 0 */
#define ARGS_HELP	1	/* --help or -h: nothing else is parsed */
#define ARGS_UNKNOWN	2	/* *bad: an unknown option or one without
				   its value */
#define ARGS_TOO_MANY	3	/* more than ARGS_OPTIONS_MAX options */
/*
 * Parses argv[1..argc) (argv[0] is the command's name, argv is
 * permuted as getopt_long does) against options, ending with { NULL }.
 * Returns 0 or ARGS_*; free args with args_free whatever it returns.
 */
int		 args_parse(const struct cmd_option *, int, char **,
		     struct args *, const char **);
/* argv[1..argc) as they are, all positional (CMD_LITERAL). */
void		 args_literal(int, char **, struct args *);
void		 args_free(struct args *);

/* How many times the option id was given. */
int		 args_has(const struct args *, int);
/* The last value of option id, or NULL. */
const char	*args_get(const struct args *, int);
/* The positional arguments: how many, and the i-th or NULL. */
size_t		 args_count(const struct args *);
const char	*args_string(const struct args *, size_t);
/*
 * Option i of args->options takes value instead (args frees it): a
 * value read from where the option's value said (CMD_FROM_FILE).
 */
void		 args_replace(struct args *, size_t, char *);

#endif
