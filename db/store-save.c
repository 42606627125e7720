/*
 * store-save.c -- saving what a user gave one meeting, the one way both
 * programs do it: checked against the rules, then written as one action
 * of the history, or not at all.
 */
#include "store.h"

int
store_meeting_check(struct store *s, const struct catalog *cat,
    const struct meeting *m, struct finding_list *warnings,
    struct error *err)
{
	/*
	 * The store is for what the warnings will read: the other
	 * meetings of the center that day, the closure (settings.h).
	 */
	(void)s;
	finding_list_init(warnings);
	return meeting_validate(m, cat, err);
}

int
store_meeting_save(struct store *s, const struct catalog *cat,
    struct meeting *m, const char *command, struct error *err)
{
	if (meeting_validate(m, cat, err) == -1 ||
	    store_begin(s, command, err) == -1)
		return -1;
	if ((m->id == 0 ? store_meeting_insert(s, m, err) :
	    store_meeting_update(s, m, 0, err)) == -1 ||
	    store_commit(s, err) == -1) {
		store_rollback(s);
		return -1;
	}
	return 0;
}

int
store_meeting_remove(struct store *s, long id, long version,
    const char *command, struct error *err)
{
	if (store_begin(s, command, err) == -1)
		return -1;
	if (store_meeting_delete(s, id, version, err) == -1 ||
	    store_commit(s, err) == -1) {
		store_rollback(s);
		return -1;
	}
	return 0;
}
