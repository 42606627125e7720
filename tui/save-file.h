/*
 * save-file.h -- writing a file the user named (a report, a calendar)
 * so that a failure never leaves half of it and a device stays a device.
 */
#ifndef CARECAL_SAVE_FILE_H
#define CARECAL_SAVE_FILE_H

#include <stdio.h>

#include "error.h"

/*
 * Write path with write(fp, arg, err) into a temporary file beside it,
 * synced and renamed over path when complete; a device or FIFO such as
 * /dev/null is written in place. 0, or -1 with err naming the file.
 */
int	save_file(const char *, int (*)(FILE *, void *, struct error *),
	    void *, struct error *);

#endif
