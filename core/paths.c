/*
 * paths.c -- where carecal finds the files it installs (paths.h): so that
 * the program runs where it is built as it runs where it is installed,
 * with no variable to set.
 */
#include <limits.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>

#include "alloc.h"
#include "paths.h"

/* The variable's value, or NULL when it is unset or empty. */
static const char *
paths_variable(const char *name)
{
	const char	*v = getenv(name);

	return v != NULL && *v != '\0' ? v : NULL;
}

/*
 * The directory of the running program if it is a build directory, else
 * NULL. A build directory is where configure left config.status; no
 * installed carecal sits beside one. Linux names the program in
 * /proc/self/exe, with symbolic links resolved.
 */
static const char *
paths_build_dir(void)
{
	static char	 dir[PATH_MAX];
	static int	 looked, found;
	char		 probe[PATH_MAX + sizeof "/config.status"];
	char		*slash;
	struct stat	 sb;
	ssize_t		 n;

	if (looked)
		return found ? dir : NULL;
	looked = 1;
	n = readlink("/proc/self/exe", dir, sizeof dir);
	if (n <= 0 || (size_t)n >= sizeof dir)
		return NULL;
	dir[n] = '\0';
	if ((slash = strrchr(dir, '/')) == NULL)
		return NULL;
	*slash = '\0';
	if ((size_t)snprintf(probe, sizeof probe, "%s/config.status", dir) >=
	    sizeof probe)
		return NULL;
	if (stat(probe, &sb) == -1 || !S_ISREG(sb.st_mode))
		return NULL;
	found = 1;
	return dir;
}

/*
 * The build's directory BUILD, or a directory WHAT under it ("po/locale")
 * or under its source tree (SOURCE set: BUILD_SRCDIR, as configure was
 * given it, relative to the build directory unless it is absolute).
 * Written into BUF once; NULL if it does not fit.
 */
static const char *
paths_in_build(char *buf, size_t size, const char *build, int source,
    const char *what)
{
	int	 n;

	if (*buf != '\0')
		return buf;
	if (!source || strcmp(BUILD_SRCDIR, ".") == 0)
		n = snprintf(buf, size, "%s/%s", build, what);
	else if (BUILD_SRCDIR[0] == '/')
		n = snprintf(buf, size, "%s/%s", BUILD_SRCDIR, what);
	else
		n = snprintf(buf, size, "%s/%s/%s", build, BUILD_SRCDIR, what);
	if (n < 0 || (size_t)n >= size) {
		*buf = '\0';
		return NULL;
	}
	return buf;
}

const char *
paths_data_dir(void)
{
	static char	 buf[PATH_MAX * 2];
	const char	*dir, *build;

	if ((dir = paths_variable("CARECAL_DATADIR")) != NULL)
		return dir;
	if ((build = paths_build_dir()) != NULL &&
	    (dir = paths_in_build(buf, sizeof buf, build, 1, "share")) != NULL)
		return dir;
	return PKGDATADIR;
}

const char *
paths_module_dir(void)
{
	const char	*dir;

	if ((dir = paths_variable("CARECAL_MODULEDIR")) != NULL)
		return dir;
	if ((dir = paths_build_dir()) != NULL)
		return dir;
	return PKGLIBDIR;
}

const char *
paths_locale_dir(void)
{
	static char	 buf[PATH_MAX + sizeof "/po/locale"];
	const char	*dir, *build;

	if ((dir = paths_variable("CARECAL_LOCALEDIR")) != NULL)
		return dir;
	if ((build = paths_build_dir()) != NULL && (dir = paths_in_build(buf,
	    sizeof buf, build, 0, "po/locale")) != NULL)
		return dir;
	return LOCALEDIR;
}

char *
paths_join(const char *dir, const char *name)
{
	size_t	 len = strlen(dir), size;
	char	*path;

	while (len > 1 && dir[len - 1] == '/')
		len--;
	size = len + strlen(name) + 2;
	path = xmalloc(size);
	snprintf(path, size, "%.*s%s%s", (int)len, dir,
	    len > 0 && dir[len - 1] == '/' ? "" : "/", name);
	return path;
}
