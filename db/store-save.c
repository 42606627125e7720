/*
 * store-save.c -- saving what a user gave one meeting, the one way both
 * programs do it: checked against the rules, then written as one action
 * of the history, or not at all.
 */
#include "i18n.h"
#include "settings.h"
#include "store-private.h"
#include "warnings.h"

/* The warnings of m as it would be saved, with the store as it is. */
static int
warnings_of(struct store *s, const struct catalog *cat,
    const struct closure *closure, const struct meeting *m,
    struct finding_list *out, struct error *err)
{
	struct warnings_input	in;
	struct meeting_list	others;
	int			rc = 0;

	meeting_list_init(&others);
	/* a city-level meeting clashes with none (check.h) */
	if (m->center_id != 0 && m->status != STATUS_CANCELLED)
		rc = store_meetings_of_day(s, m->center_id, m->date, &others,
		    err);
	if (rc == 0) {
		in.catalog = cat;
		in.closure = closure;
		in.others = &others;
		warnings_find(&in, m, out);
	}
	meeting_list_free(&others);
	return rc;
}

int
store_meeting_warnings(struct store *s, const struct catalog *cat,
    const struct closure *closure, const struct meeting *m,
    const struct meeting *before, struct finding_list *warnings,
    struct error *err)
{
	struct finding_list	known;
	int			rc;

	if (warnings_of(s, cat, closure, m, warnings, err) == -1)
		return -1;
	if (before == NULL || warnings->count == 0)
		return 0;
	finding_list_init(&known);
	if ((rc = warnings_of(s, cat, closure, before, &known, err)) == 0)
		warnings_drop_known(warnings, &known);
	finding_list_free(&known);
	return rc;
}

/*
 * A meeting with case references counts them (schema.c, version 8):
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
	struct closure	closure;
	struct meeting	stored;
	int		rc, found = 1;

	finding_list_init(warnings);
	if (meeting_validate(m, cat, err) == -1 ||
	    store_meeting_check_cases(s, m, err) == -1 ||
	    settings_closure_load(s, &closure, err) == -1)
		return -1;
	/*
	 * An edit is told what it brings, not what the meeting had; one
	 * deleted meanwhile is told everything (its save will be refused).
	 */
	meeting_init(&stored);
	if (m->id != 0)
		found = store_meeting_get(s, m->id, &stored, err);
	rc = found == -1 ? -1 : store_meeting_warnings(s, cat, &closure, m,
	    found == 0 ? &stored : NULL, warnings, err);
	meeting_clear(&stored);
	if (rc == -1)
		finding_list_free(warnings);
	return rc;
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
