/*
 * tap.h -- the unit tests' few checks, printed as TAP so that automake's
 * tap-driver counts every check, not just every program.
 */
#ifndef CARECAL_TAP_H
#define CARECAL_TAP_H

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

static int tap_count, tap_failed;

static void
tap_result(int ok, const char *what, const char *file, int line)
{
	tap_count++;
	if (!ok)
		tap_failed++;
	printf("%sok %d - %s%s", ok ? "" : "not ", tap_count, what,
	    ok ? "\n" : "");
	if (!ok)
		printf(" (%s:%d)\n", file, line);
	fflush(stdout);
}

#define OK(cond, ...) do {						\
	char tap_what_[512];						\
	snprintf(tap_what_, sizeof tap_what_, __VA_ARGS__);		\
	tap_result((cond) != 0, tap_what_, __FILE__, __LINE__);		\
} while (0)

#define IS_INT(got, want, ...) do {					\
	long long tap_g_ = (long long)(got), tap_w_ = (long long)(want);\
	char tap_what_[512];						\
	snprintf(tap_what_, sizeof tap_what_, __VA_ARGS__);		\
	tap_result(tap_g_ == tap_w_, tap_what_, __FILE__, __LINE__);	\
	if (tap_g_ != tap_w_)						\
		printf("#   got %lld, want %lld\n", tap_g_, tap_w_);	\
} while (0)

#define IS_STR(got, want, ...) do {					\
	const char *tap_g_ = (got), *tap_w_ = (want);			\
	int tap_ok_ = tap_g_ != NULL && tap_w_ != NULL ?		\
	    strcmp(tap_g_, tap_w_) == 0 : tap_g_ == tap_w_;		\
	char tap_what_[512];						\
	snprintf(tap_what_, sizeof tap_what_, __VA_ARGS__);		\
	tap_result(tap_ok_, tap_what_, __FILE__, __LINE__);		\
	if (!tap_ok_)							\
		printf("#   got '%s', want '%s'\n",			\
		    tap_g_ ? tap_g_ : "(null)", tap_w_ ? tap_w_ : "(null)");\
} while (0)

/*
 * SKIP(WHAT, WHY): a check that cannot run here (it needs root), as TAP
 * "ok N - WHAT # SKIP WHY"; under CARECAL_TEST_ALL=1 (CI), where nothing
 * may be skipped, a failure (tests/need.sh).
 */
static inline void
tap_skip(const char *what, const char *why, const char *file, int line)
{
	const char	*all = getenv("CARECAL_TEST_ALL");

	if (all != NULL && strcmp(all, "1") == 0) {
		tap_result(0, what, file, line);
		printf("#   %s (CARECAL_TEST_ALL=1: nothing may be skipped)\n",
		    why);
		return;
	}
	tap_count++;
	printf("ok %d - %s # SKIP %s\n", tap_count, what, why);
	fflush(stdout);
}
#define SKIP(what, why)	tap_skip((what), (why), __FILE__, __LINE__)

static int
tap_done(void)
{
	printf("1..%d\n", tap_count);
	return tap_failed == 0 ? 0 : 1;
}

#endif
