/*
 * feed-index.h -- the page `carecal serve` shows at its top address: in
 * Japanese whatever the locale (it is for the office, as the exported
 * calendars are), each feed (公開カレンダー) with the URL staff copy into
 * Outlook, Google Calendar or Thunderbird.
 */
#ifndef CARECAL_FEED_INDEX_H
#define CARECAL_FEED_INDEX_H

#include <stddef.h>

enum feed_kind {
	FEED_ALL,		/* /calendar.ics */
	FEED_CENTER,		/* /centers/NAME.ics */
	FEED_TYPE		/* /types/CODE.ics */
};

struct feed_link {
	enum feed_kind	 kind;
	const char	*name;		/* as shown: 明第1, 地域個別ケア会議 */
	const char	*path;		/* from the top, percent-encoded */
	int		 retired;	/* a center no longer in use */
};

/*
 * The page, as HTML (malloc'd, *len bytes): title names the city's
 * calendars, base is what each path follows ("http://host:8323", with
 * the token's segment when there is one); every text is escaped.
 */
char	*feed_index_html(const char *, const char *, const struct feed_link *,
	    size_t, size_t *);

#endif
