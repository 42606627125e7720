/*
 * store-cases.c -- the reviews of cases recorded at meetings, each
 * addition or removal one action, and the follow-ups the cases still
 * need. The meeting's number of cases follows its reviews by the
 * triggers of schema.c (version 8); the history of reviews is written
 * by them too, and read back by undo (store-history.c).
 */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "alloc.h"
#include "i18n.h"
#include "settings.h"
#include "store-private.h"

void
case_filter_init(struct case_filter *f)
{
	memset(f, 0, sizeof *f);
}

static enum case_stage
stage_of(const unsigned char *s)
{
	if (s != NULL && s[0] == 'f')
		return STAGE_FINAL;
	if (s != NULL && s[0] == 'i' && s[2] == 't')
		return STAGE_INTERIM;
	return STAGE_INITIAL;
}

int
store_case_reviews_load(struct store *s, const struct case_filter *f,
    struct case_list *list, struct error *err)
{
	sqlite3_stmt		*st;
	struct case_review	*r;
	const unsigned char	*t;
	char			 from[DATE_ISO_LEN], to[DATE_ISO_LEN];
	int			 rc;

	if (sqlite3_prepare_v2(s->db, "SELECT r.id, r.ref, r.meeting_id, "
	    "r.stage, m.date, m.type_id, coalesce(m.center_id, 0), m.status "
	    "FROM case_reviews r JOIN meetings m ON m.id = r.meeting_id "
	    "WHERE (?1 IS NULL OR r.ref = ?1) "
	    "AND (?2 = 0 OR r.meeting_id = ?2) "
	    "AND (?3 IS NULL OR m.date >= ?3) "
	    "AND (?4 IS NULL OR m.date <= ?4) "
	    "ORDER BY r.ref, m.date, r.stage, r.id", -1, &st, NULL) !=
	    SQLITE_OK)
		return store_error(s, _("reading the cases"), err);
	if (f->ref != NULL)
		sqlite3_bind_text(st, 1, f->ref, -1, SQLITE_STATIC);
	sqlite3_bind_int64(st, 2, f->meeting_id);
	if (f->has_from) {
		date_format_iso(f->from, from, sizeof from);
		sqlite3_bind_text(st, 3, from, -1, SQLITE_STATIC);
	}
	if (f->has_to) {
		date_format_iso(f->to, to, sizeof to);
		sqlite3_bind_text(st, 4, to, -1, SQLITE_STATIC);
	}
	while ((rc = sqlite3_step(st)) == SQLITE_ROW) {
		r = case_list_add(list);
		r->id = sqlite3_column_int64(st, 0);
		/* the schema keeps it within CASE_REF_MAX */
		snprintf(r->ref, sizeof r->ref, "%s",
		    (const char *)sqlite3_column_text(st, 1));
		r->meeting_id = sqlite3_column_int64(st, 2);
		r->stage = stage_of(sqlite3_column_text(st, 3));
		t = sqlite3_column_text(st, 4);
		if (t == NULL || date_parse((const char *)t, &r->date,
		    NULL) == -1)
			memset(&r->date, 0, sizeof r->date);
		r->type_id = sqlite3_column_int64(st, 5);
		r->center_id = sqlite3_column_int64(st, 6);
		t = sqlite3_column_text(st, 7);
		r->status = t == NULL ? STATUS_PLANNED : t[0] == 'h' ?
		    STATUS_HELD : t[0] == 'c' ? STATUS_CANCELLED :
		    STATUS_PLANNED;
	}
	sqlite3_finalize(st);
	if (rc != SQLITE_DONE)
		return store_error(s, _("reading the cases"), err);
	return 0;
}

int
store_case_count(struct store *s, long meeting_id, long *n,
    struct error *err)
{
	sqlite3_stmt	*st;
	int		 rc;

	if (sqlite3_prepare_v2(s->db, "SELECT count(*) FROM case_reviews "
	    "WHERE meeting_id = ?1", -1, &st, NULL) != SQLITE_OK)
		return store_error(s, _("reading the cases"), err);
	sqlite3_bind_int64(st, 1, meeting_id);
	rc = sqlite3_step(st);
	*n = rc == SQLITE_ROW ? sqlite3_column_int64(st, 0) : 0;
	sqlite3_finalize(st);
	if (rc != SQLITE_ROW)
		return store_error(s, _("reading the cases"), err);
	return 0;
}

/* "令和3年7月27日(火), meeting 30": where a review is, in a message. */
static void
review_where(const struct case_review *r, char *buf, size_t size)
{
	char	day[DATE_JA_LEN];

	date_format_japanese(r->date, day, sizeof day);
	snprintf(buf, size, _("meeting %ld on %s"), r->meeting_id, day);
}

/*
 * The order of the stages by date: each 中間 after the 初回, the 終了前
 * after both; one 初回 and one 終了前 a case.
 */
static int
check_stages(const struct case_review *r, const struct case_list *others,
    struct error *err)
{
	const struct case_review	*o;
	const char			*stage = case_stage_label(r->stage);
	char				 where[128];
	size_t				 i;
	int				 c;

	for (i = 0; i < others->count; i++) {
		o = &others->items[i];
		review_where(o, where, sizeof where);
		if (o->meeting_id == r->meeting_id)
			return error_set(err, ERROR_INPUT, _("case %s is "
			    "already recorded at meeting %ld, as its %s"),
			    r->ref, r->meeting_id, case_stage_label(o->stage));
		if (o->stage == r->stage && r->stage != STAGE_INTERIM)
			return error_set(err, ERROR_INPUT, _("case %s already "
			    "has its %s, at %s; a case has one"), r->ref,
			    stage, where);
		if (o->status == STATUS_CANCELLED)
			continue;
		c = date_compare(r->date, o->date);
		if (o->stage < r->stage && c <= 0)
			return error_set(err, ERROR_INPUT, _("case %s: its %s "
			    "must come after its %s, at %s"), r->ref, stage,
			    case_stage_label(o->stage), where);
		if (o->stage > r->stage && c >= 0)
			return error_set(err, ERROR_INPUT, _("case %s: its %s "
			    "must come before its %s, at %s"), r->ref, stage,
			    case_stage_label(o->stage), where);
	}
	return 0;
}

/* A warning before the save (store.h), about r's meeting. */
static void
warn(struct finding_list *w, enum check_kind kind,
    const struct case_review *r, const char *message)
{
	struct finding	*f;

	if (w == NULL)
		return;
	f = finding_list_append(w, kind, message);
	f->center_id = r->center_id;
	f->type_id = r->type_id;
	f->has_date = 1;
	f->date = r->date;
	f->fiscal_year = date_fiscal_year(r->date);
	f->meeting_ids[0] = r->meeting_id;
}

/* Warnings about the case's follow-up: no 初回, another center. */
static void
warn_followup(struct store *s, const struct catalog *cat,
    const struct case_review *r, const struct case_list *others,
    struct finding_list *w)
{
	const struct case_review	*initial = NULL;
	const struct center		*c;
	char				 msg[512], where[128];
	size_t				 i;

	(void)s;
	if (r->stage == STAGE_INITIAL)
		return;
	for (i = 0; i < others->count; i++)
		if (others->items[i].stage == STAGE_INITIAL)
			initial = &others->items[i];
	if (initial == NULL) {
		snprintf(msg, sizeof msg, _("case %s has no 初回 recorded: "
		    "its follow-ups are not scheduled"), r->ref);
		warn(w, CHECK_FOLLOWUP_DUE, r, msg);
	} else if (initial->center_id != r->center_id) {
		review_where(initial, where, sizeof where);
		c = catalog_center_by_id(cat, initial->center_id);
		snprintf(msg, sizeof msg, _("case %s had its 初回 at another "
		    "center (%s, %s)"), r->ref, c != NULL ? c->name : "-",
		    where);
		warn(w, CHECK_FOLLOWUP_DUE, r, msg);
	}
}

/*
 * Everything store_case_check says, inside or outside the caller's
 * transaction; warnings may be NULL.
 */
static int
case_validate(struct store *s, const struct catalog *cat,
    struct case_review *r, struct finding_list *warnings, struct error *err)
{
	const struct meeting_type	*t;
	struct case_filter		 filter;
	struct case_list		 others;
	struct meeting			 m;
	char				 msg[512], ref[CASE_REF_SIZE];
	long				 n;
	int				 rc;

	if (case_ref_parse(r->ref, ref, err) == -1)
		return -1;
	memcpy(r->ref, ref, sizeof r->ref);
	meeting_init(&m);
	if ((rc = store_meeting_get(s, r->meeting_id, &m, err)) != 0) {
		if (rc == 1)
			error_set(err, ERROR_INPUT,
			    _("no meeting with id %ld"), r->meeting_id);
		return -1;
	}
	r->date = m.date;
	r->type_id = m.type_id;
	r->center_id = m.center_id;
	r->status = m.status;
	meeting_clear(&m);
	t = catalog_type_by_id(cat, r->type_id);
	if (t == NULL || !t->counts_cases)
		return error_set(err, ERROR_INPUT, _("meeting %ld is a %s, "
		    "which does not count cases"), r->meeting_id,
		    t != NULL ? t->name : "?");
	if (r->status == STATUS_CANCELLED)
		return error_set(err, ERROR_INPUT, _("meeting %ld is "
		    "cancelled: a case is recorded at a meeting held or "
		    "planned"), r->meeting_id);
	case_filter_init(&filter);
	filter.ref = r->ref;
	case_list_init(&others);
	if (store_case_reviews_load(s, &filter, &others, err) == -1 ||
	    check_stages(r, &others, err) == -1 ||
	    store_case_count(s, r->meeting_id, &n, err) == -1) {
		case_list_free(&others);
		return -1;
	}
	warn_followup(s, cat, r, &others, warnings);
	case_list_free(&others);
	if (t->capacity > 0 && n + 1 > t->capacity) {
		snprintf(msg, sizeof msg, _("meeting %ld will have %ld cases, "
		    "more than the %d a meeting of this type takes"),
		    r->meeting_id, n + 1, t->capacity);
		warn(warnings, CHECK_OVER_CAPACITY, r, msg);
	}
	return 0;
}

int
store_case_check(struct store *s, const struct catalog *cat,
    struct case_review *r, struct finding_list *warnings, struct error *err)
{
	finding_list_init(warnings);
	return case_validate(s, cat, r, warnings, err);
}

int
store_case_add(struct store *s, const struct catalog *cat,
    struct case_review *r, const char *command, struct error *err)
{
	sqlite3_stmt	*st;
	int		 rc;

	if (store_begin(s, command, err) == -1)
		return -1;
	if (case_validate(s, cat, r, NULL, err) == -1)
		goto fail;
	if (sqlite3_prepare_v2(s->db, "INSERT INTO case_reviews (ref, "
	    "meeting_id, stage) VALUES (?1, ?2, ?3)", -1, &st, NULL) !=
	    SQLITE_OK) {
		store_error(s, _("recording the case"), err);
		goto fail;
	}
	sqlite3_bind_text(st, 1, r->ref, -1, SQLITE_STATIC);
	sqlite3_bind_int64(st, 2, r->meeting_id);
	sqlite3_bind_text(st, 3, case_stage_code(r->stage), -1,
	    SQLITE_STATIC);
	rc = sqlite3_step(st);
	sqlite3_finalize(st);
	if (rc != SQLITE_DONE) {
		store_error(s, _("recording the case"), err);
		goto fail;
	}
	r->id = sqlite3_last_insert_rowid(s->db);
	return store_commit(s, err);
fail:
	store_rollback(s);
	return -1;
}

/* "30, 48": the meetings of a case's reviews, for a message. */
static void
meeting_ids(const struct case_list *list, char *buf, size_t size)
{
	size_t	i, len = 0;

	buf[0] = '\0';
	for (i = 0; i < list->count && len + 24 < size; i++)
		len += (size_t)snprintf(buf + len, size - len, "%s%ld",
		    i > 0 ? ", " : "", list->items[i].meeting_id);
}

int
store_case_remove(struct store *s, const char *ref, long meeting_id,
    const char *command, struct case_review *removed, struct error *err)
{
	struct case_filter	 filter;
	struct case_list	 found;
	sqlite3_stmt		*st;
	char			 canonical[CASE_REF_SIZE], ids[256];
	int			 rc;

	if (case_ref_parse(ref, canonical, err) == -1)
		return -1;
	if (store_begin(s, command, err) == -1)
		return -1;
	case_filter_init(&filter);
	filter.ref = canonical;
	filter.meeting_id = meeting_id;
	case_list_init(&found);
	if (store_case_reviews_load(s, &filter, &found, err) == -1)
		goto fail;
	if (found.count == 0) {
		if (meeting_id != 0)
			error_set(err, ERROR_INPUT, _("case %s is not "
			    "recorded at meeting %ld"), canonical, meeting_id);
		else
			error_set(err, ERROR_INPUT, _("case %s is not "
			    "recorded at any meeting"), canonical);
		goto fail;
	}
	if (found.count > 1) {
		meeting_ids(&found, ids, sizeof ids);
		error_set(err, ERROR_INPUT, _("case %s is recorded at "
		    "meetings %s: say which with --meeting"), canonical, ids);
		goto fail;
	}
	if (sqlite3_prepare_v2(s->db, "DELETE FROM case_reviews WHERE id = ?1",
	    -1, &st, NULL) != SQLITE_OK) {
		store_error(s, _("removing the case"), err);
		goto fail;
	}
	sqlite3_bind_int64(st, 1, found.items[0].id);
	rc = sqlite3_step(st);
	sqlite3_finalize(st);
	if (rc != SQLITE_DONE) {
		store_error(s, _("removing the case"), err);
		goto fail;
	}
	if (removed != NULL)
		*removed = found.items[0];
	case_list_free(&found);
	return store_commit(s, err);
fail:
	case_list_free(&found);
	store_rollback(s);
	return -1;
}

int
store_followups_load(struct store *s, const struct catalog *cat,
    struct date from, struct date to, struct followup_list *out,
    struct error *err)
{
	struct followup_rules	 rules;
	struct case_filter	 filter;
	struct case_list	 reviews;
	struct meeting_filter	 mf;
	struct meeting_list	 meetings;
	struct followup_list	 all;
	struct date		 first;
	size_t			 i;
	int			 any = 0, rc = -1;

	if (settings_followup_load(s, &rules, err) == -1)
		return -1;
	case_filter_init(&filter);
	case_list_init(&reviews);
	meeting_list_init(&meetings);
	followup_list_init(&all);
	if (store_case_reviews_load(s, &filter, &reviews, err) == -1)
		goto done;
	/*
	 * The meetings that can take a follow-up due from..to come after
	 * a 初回 whose 終了前 falls due from `from` on: none before the
	 * first of those is read.
	 */
	for (i = 0; i < reviews.count; i++)
		if (reviews.items[i].stage == STAGE_INITIAL &&
		    date_compare(followup_due(&rules, STAGE_FINAL,
		    reviews.items[i].date), from) >= 0 &&
		    (!any || date_compare(reviews.items[i].date, first) < 0)) {
			first = reviews.items[i].date;
			any = 1;
		}
	if (any) {
		meeting_filter_init(&mf);
		mf.has_from = mf.has_to = 1;
		mf.from = first;
		mf.to = to;
		mf.exclude_cancelled = 1;
		mf.fields = MEETING_FIELDS_PLAN;
		if (store_meetings_load(s, &mf, &meetings, err) == -1)
			goto done;
	}
	followup_pending(&reviews, &meetings, cat, &rules, &all);
	for (i = 0; i < all.count; i++)
		if (date_compare(all.items[i].due, from) >= 0 &&
		    date_compare(all.items[i].due, to) <= 0)
			*followup_list_add(out) = all.items[i];
	rc = 0;
done:
	followup_list_free(&all);
	meeting_list_free(&meetings);
	case_list_free(&reviews);
	return rc;
}
