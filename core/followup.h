/*
 * followup.h -- when the follow-ups of a case fall due. A 初回 sets the
 * day by which its 中間 and its 終了前 should be discussed (the intervals
 * of the city's profile), at a meeting of a suitable type at the case's
 * center; the follow-ups still to come are listed with the first meeting
 * that can take each, or none. Pure: the caller loads the reviews and
 * the meetings (store.h: store_followups_load does both), so that `plan`
 * can ask the same of the meetings it drafts.
 */
#ifndef CARECAL_FOLLOWUP_H
#define CARECAL_FOLLOWUP_H

#include <stddef.h>

#include "case.h"
#include "catalog.h"
#include "date.h"
#include "error.h"
#include "meeting.h"

enum followup_unit {
	FOLLOWUP_DAYS,		/* 10d, 10日 */
	FOLLOWUP_WEEKS,		/* 2w, 2週 */
	FOLLOWUP_MONTHS		/* 1m, 1カ月: the same day of the month */
};

struct followup_interval {
	int			 amount;	/* 1 .. FOLLOWUP_MAX_DAYS */
	enum followup_unit	 unit;
};

/* No interval is longer than two years (731d, 104w, 24m). */
#define FOLLOWUP_MAX_DAYS	731
#define FOLLOWUP_INTERVAL_LEN	16	/* "730d" and its NUL, with room */
#define FOLLOWUP_TYPES_LEN	256

/*
 * Ikoma's seed sets the 初回's goals for "1カ月後": the 中間 falls due a
 * month after it. The seed gives no figure for the 終了前: three months,
 * the usual length of the short-term intensive services (短期集中予防
 * サービス) whose end it comes before, is assumed. A profile or `carecal
 * config` says otherwise.
 */
#define FOLLOWUP_INTERIM_DEFAULT	"1m"
#define FOLLOWUP_FINAL_DEFAULT		"3m"

struct followup_rules {
	struct followup_interval interim;	/* 初回 → 中間 */
	struct followup_interval final;		/* 初回 → 終了前 */
	/*
	 * The codes of the types whose meetings may take a follow-up
	 * besides the type of the 初回's meeting, by ','; "" for none.
	 */
	char			 types[FOLLOWUP_TYPES_LEN];
};

/* The defaults above. */
void	followup_rules_default(struct followup_rules *);
/*
 * 1m, 6w, 45d, or 1カ月 (か月, ヶ月, ケ月, カ月間...), 6週 (週間),
 * 45日 (日間): 0, or -1 with err (ERROR_INPUT).
 */
int	followup_interval_parse(const char *, struct followup_interval *,
	    struct error *);
/* "1m", "6w", "45d": the form the settings keep. */
void	followup_interval_format(const struct followup_interval *, char *,
	    size_t);
/* 1カ月, 6週間, 45日: in the secretariat's words, in any locale. */
void	followup_interval_words(const struct followup_interval *, char *,
	    size_t);
/*
 * Type codes by ',' (or "-" or "" for none), each one of cat's when
 * cat is not NULL, into out (size bytes) as "a,b": 0 or -1 with err.
 */
int	followup_types_parse(const char *, const struct catalog *, char *,
	    size_t, struct error *);
/* The 終了前 must fall due after the 中間: 0, or -1 with err. */
int	followup_rules_check(const struct followup_rules *, struct error *);

/* The day by which stage is due after a 初回 on initial. */
struct date followup_due(const struct followup_rules *, enum case_stage,
	    struct date);

/* A follow-up a case still needs. */
struct followup {
	char			 ref[CASE_REF_SIZE];
	enum case_stage		 stage;		/* STAGE_INTERIM or _FINAL */
	long			 initial_meeting_id;
	struct date		 initial;	/* the 初回's date */
	long			 center_id;	/* the 初回's meeting's */
	long			 type_id;
	struct date		 from;		/* the first day it may be */
	struct date		 due;		/* the last */
	/*
	 * The first meeting that can take it, if has_meeting: its id
	 * (a draft's may be 0 or its own numbering) and date.
	 */
	int			 has_meeting;
	long			 meeting_id;
	struct date		 meeting_date;
};

struct followup_list {
	struct followup		*items;
	size_t			 count;
	size_t			 capacity;
};

void	followup_list_init(struct followup_list *);
void	followup_list_free(struct followup_list *);
/* Appends a zeroed slot and returns it (valid until the next add). */
struct followup *followup_list_add(struct followup_list *);

/*
 * Whether meeting m can take follow-up f: not cancelled, at f's center
 * (city-level for a city-level 初回), of f's type or one of rules->types,
 * dated f->from..f->due.
 */
int	followup_meeting_suits(const struct followup_rules *,
	    const struct catalog *, const struct followup *,
	    const struct meeting *);

/*
 * Appends to out the follow-ups the cases of reviews (any order) still
 * need, by due date, then reference: for each case with a 初回, its 中間
 * unless one is recorded, and its 終了前 unless recorded (a case whose
 * 終了前 is recorded needs nothing more). Reviews at cancelled meetings
 * count for nothing. A 中間 may be discussed from the day after the
 * 初回; a 終了前 from the day after the last 中間, or, with none
 * recorded, after the day the 中間 falls due, so that one meeting is not
 * counted for both. Each gets the first of meetings (any order) that
 * suits it (followup_meeting_suits), or has_meeting 0.
 */
void	followup_pending(const struct case_list *, const struct meeting_list *,
	    const struct catalog *, const struct followup_rules *,
	    struct followup_list *);

#endif
