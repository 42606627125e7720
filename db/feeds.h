/*
 * feeds.h -- the calendars `carecal serve` publishes (公開カレンダー):
 * every meeting at /calendar.ics, each center's at /centers/NAME.ics
 * (NAME percent-encoded), each type's at /types/CODE.ics, and the page
 * that lists them at /. Each is what `carecal export` writes (cancelled
 * meetings and tombstones, never the notes), made from one committed
 * state of the database, and kept until the database or the day
 * changes (then made again when next asked for, or by feeds_warm,
 * whichever is first): its DTSTAMP and Last-Modified are the last change, so the
 * same state is always the same bytes and the same entity tag.
 */
#ifndef CARECAL_FEEDS_H
#define CARECAL_FEEDS_H

#include "error.h"
#include "http.h"
#include "store.h"

struct feeds;

/* The feeds of store, read when first asked; freed with feeds_free. */
struct feeds *feeds_new(struct store *);
void	feeds_free(struct feeds *);

/*
 * The body at path (decoded, from the top), with a reference for the
 * caller: 0; 1 when no feed has that path; -1 when the database could
 * not be read. base is what the index's URLs begin with
 * ("http://host:8323", and the token's segment when there is one).
 */
int	feeds_get(struct feeds *, const char *, const char *,
	    struct http_body **, struct error *);
/*
 * After a change (or a new day), makes again the calendars that were
 * asked for before it, so that the next request finds them made rather
 * than waits while one is: 1 if it made any, 0 if there was nothing to
 * make, -1 when the database could not be read.
 */
int	feeds_warm(struct feeds *, struct error *);

#endif
