/*
 * save-file.c -- writing a file the user asked for (a summary, a
 * calendar) through a temporary file beside it, renamed over it only
 * when complete: a failure never leaves half a file behind. A device
 * or a pipe (/dev/null, a FIFO) is written as it is: renaming over it
 * would replace /dev/null with a regular file.
 */
#include <sys/stat.h>

#include <errno.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include "alloc.h"
#include "save-file.h"

static int
write_in_place(const char *path, int (*write)(FILE *, void *,
    struct error *), void *arg, struct error *err)
{
	FILE	*fp;
	int	 rc;

	if ((fp = fopen(path, "wb")) == NULL)
		return error_set(err, ERROR_FAILURE, "%s: %s", path,
		    strerror(errno));
	if ((rc = write(fp, arg, err)) == -1)
		error_prefix(err, "%s: ", path);
	if (fclose(fp) == EOF && rc == 0)
		rc = error_set(err, ERROR_FAILURE, "%s: %s", path,
		    strerror(errno));
	return rc;
}

int
save_file(const char *path, int (*write)(FILE *, void *, struct error *),
    void *arg, struct error *err)
{
	struct stat	 st;
	FILE		*fp;
	char		*tmp;
	size_t		 len = strlen(path) + sizeof ".XXXXXX";
	mode_t		 mask;
	int		 fd, rc;

	if (stat(path, &st) == 0 && !S_ISREG(st.st_mode)) {
		if (S_ISDIR(st.st_mode))
			return error_set(err, ERROR_INPUT, "%s: %s", path,
			    strerror(EISDIR));
		return write_in_place(path, write, arg, err);
	}
	tmp = xmalloc(len);
	snprintf(tmp, len, "%s.XXXXXX", path);
	if ((fd = mkstemp(tmp)) == -1) {
		rc = error_set(err, ERROR_FAILURE, "%s: %s", path,
		    strerror(errno));
		free(tmp);
		return rc;
	}
	/* mkstemp makes 0600; a document to share gets the usual mode */
	mask = umask(0);
	umask(mask);
	if (fchmod(fd, 0666 & ~mask) == -1 ||
	    (fp = fdopen(fd, "wb")) == NULL) {
		rc = error_set(err, ERROR_FAILURE, "%s: %s", path,
		    strerror(errno));
		close(fd);
		unlink(tmp);
		free(tmp);
		return rc;
	}
	if ((rc = write(fp, arg, err)) == -1)
		error_prefix(err, "%s: ", path);
	if ((fflush(fp) == EOF || ferror(fp) || fsync(fileno(fp)) == -1) &&
	    rc == 0)
		rc = error_set(err, ERROR_FAILURE, "%s: %s", path,
		    strerror(errno));
	if (fclose(fp) == EOF && rc == 0)
		rc = error_set(err, ERROR_FAILURE, "%s: %s", path,
		    strerror(errno));
	if (rc == 0 && rename(tmp, path) == -1)
		rc = error_set(err, ERROR_FAILURE, "%s: %s", path,
		    strerror(errno));
	if (rc != 0)
		unlink(tmp);
	free(tmp);
	return rc;
}
