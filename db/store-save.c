/*
 * store-save.c -- saving what a user gave one meeting, the one way both
 * programs do it: checked against the rules, then written as one action
 * of the history, or not at all.
 */
#include "i18n.h"
#include "store.h"

/*
 * A meeting with case references counts them (schema.c, version 7):
 * its number of cases is theirs, or it is refused here in words before
 * the database refuses it.
 */
int
store_meeting_check_cases(struct store *s, const struct meeting *m,
    struct error *err)
{
	long	n;

	if (m->id == 0)
		return 0;
	if (store_case_count(s, m->id, &n, err) == -1)
		return -1;
	if (n == 0 || m->cases == n)
		return 0;
	return error_set_field(err, ERROR_INPUT, "cases", _("meeting %ld has "
	    "%ld case references: its number of cases is their count, %ld; "
	    "add or remove references with 'carecal case' instead"), m->id,
	    n, n);
}

int
store_meeting_check(struct store *s, const struct catalog *cat,
    const struct meeting *m, struct finding_list *warnings,
    struct error *err)
{
	/*
	 * The store is for what the warnings will read: the other
	 * meetings of the center that day, the closure (settings.h).
	 */
	finding_list_init(warnings);
	if (meeting_validate(m, cat, err) == -1)
		return -1;
	return store_meeting_check_cases(s, m, err);
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
	long	n;
	int	rc;

	if (store_begin(s, command, err) == -1)
		return -1;
	/* what a meeting discussed is not lost with it */
	if ((rc = store_case_count(s, id, &n, err)) == 0 && n > 0)
		rc = error_set(err, ERROR_INPUT, _("meeting %ld has %ld case "
		    "references: remove them first ('carecal case list' shows "
		    "them), or mark the meeting cancelled"), id, n);
	if (rc == -1 || store_meeting_delete(s, id, version, err) == -1 ||
	    store_commit(s, err) == -1) {
		store_rollback(s);
		return -1;
	}
	return 0;
}
