/*
 * import-plan.c -- the rules of import, apart from any file format:
 * a known UID updates its meeting when the SEQUENCE is higher, or equal
 * with different content; a lower SEQUENCE is stale and skipped. A CSV
 * line updates its meeting only if it was read at the meeting's row
 * version (or, without one, before the meeting last changed).
 */
#include <stdlib.h>
#include <string.h>

#include "date.h"
#include "i18n.h"
#include "import-plan.h"

static int
differs(const struct import_item *item, const struct meeting *existing)
{
	struct meeting	incoming = item->meeting;

	/* a source without a window leaves the stored one alone */
	if (item->keep_window) {
		incoming.has_window = existing->has_window;
		incoming.window = existing->window;
	}
	if (item->keep_note)
		incoming.note = existing->note;
	return meeting_differs(&incoming, existing);
}

enum import_action
import_decide(const struct import_item *item, const struct meeting *existing)
{
	const struct meeting	*in = &item->meeting;

	if (existing == NULL)
		return IMPORT_ADD;
	if (item->has_sequence && in->sequence < existing->sequence)
		return IMPORT_SKIP_OLDER;
	if (!differs(item, existing) && !(item->has_sequence &&
	    in->sequence > existing->sequence))
		return IMPORT_UNCHANGED;
	if (in->status == STATUS_CANCELLED &&
	    existing->status != STATUS_CANCELLED)
		return IMPORT_CANCEL;
	return IMPORT_UPDATE;
}

int
import_check_fresh(const struct import_item *item,
    const struct meeting *existing, struct error *err)
{
	const char	*by = existing->updated_by != NULL ?
			    existing->updated_by : "?";
	char		 at[32], saved[32];

	/* both kept in UTC, both told in the reader's local time */
	date_time_local(existing->updated_at != NULL ? existing->updated_at :
	    "?", at, sizeof at);
	if (item->read_version > 0) {
		if (item->read_version == existing->version)
			return 0;
		return error_set(err, ERROR_CONFLICT, _("meeting %ld was "
		    "changed by %s at %s after this line was read (its "
		    "version is %ld, the line's %ld); nothing imported: list "
		    "it again and make the change there"), existing->id, by,
		    at, existing->version, item->read_version);
	}
	/* no version: the file's time stands for when it was read */
	if (item->written_at == NULL || existing->updated_at == NULL ||
	    strcmp(existing->updated_at, item->written_at) <= 0)
		return 0;
	date_time_local(item->written_at, saved, sizeof saved);
	return error_set(err, ERROR_CONFLICT, _("meeting %ld was changed by "
	    "%s at %s, after the file was last saved (%s), and the line has "
	    "no version; nothing imported: list it again with 'carecal list "
	    "--format csv' and make the change there"), existing->id, by, at,
	    saved);
}

long
import_sequence(const struct import_item *item, const struct meeting *existing)
{
	/* office calendars take an update only if SEQUENCE grows */
	if (item->has_sequence && item->meeting.sequence > existing->sequence)
		return item->meeting.sequence;
	return existing->sequence + 1;
}

const char *
import_action_label(enum import_action action)
{
	switch (action) {
	case IMPORT_ADD:
		return _("add");
	case IMPORT_UPDATE:
		return _("update");
	case IMPORT_CANCEL:
		return _("cancel");
	case IMPORT_UNCHANGED:
		return _("unchanged");
	case IMPORT_SKIP_OLDER:
		return _("skip (older)");
	case IMPORT_SKIP_DELETED:
		return _("skip (deleted)");
	case IMPORT_RESTORE:
		return _("restore");
	}
	return "?";
}
