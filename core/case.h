/*
 * case.h -- a case as carecal knows it: the secretariat's anonymous
 * reference (事例番号, 2021-015), never a name or anything else about the
 * person, and the stages of its review (Ikoma's 初回, 中間, 終了前), each
 * recorded at one meeting. Names and personal details of the people
 * discussed never enter carecal: a reference that could be one is
 * refused (case_ref_parse), and a case has no free text at all.
 */
#ifndef CARECAL_CASE_H
#define CARECAL_CASE_H

#include <stddef.h>

#include "date.h"
#include "error.h"
#include "meeting.h"

/*
 * The grammar of a reference (case_ref_parse; share/carecal.1, CASE
 * REFERENCES):
 *
 *	ref	= alnum *( [sep] alnum )	1 to CASE_REF_MAX bytes
 *	alnum	= "0"-"9" / "A"-"Z" / "a"-"z"	(a-z are read as A-Z)
 *	sep	= "-" / "/" / "."
 *
 * with at least one digit, at most CASE_REF_LETTERS letters in a row (a
 * word may be a name), at most CASE_REF_DIGITS digits in all (a
 * telephone, insurance or My Number has more), and not a whole date
 * (19480315, 1948-3-15, S23.3.15: a date of birth).
 */
#define CASE_REF_MAX		16
#define CASE_REF_SIZE		(CASE_REF_MAX + 1)
#define CASE_REF_LETTERS	3
#define CASE_REF_DIGITS		9

enum case_stage {
	STAGE_INITIAL,		/* 初回: the case is first discussed */
	STAGE_INTERIM,		/* 中間: progress on the 初回's plan */
	STAGE_FINAL		/* 終了前: before the support ends */
};
#define CASE_STAGE_COUNT	3

/* One case reviewed at one meeting, at one stage. */
struct case_review {
	long			 id;		/* 0 until stored */
	char			 ref[CASE_REF_SIZE];
	long			 meeting_id;
	enum case_stage		 stage;
	/* the meeting's, as the store read them with the review */
	struct date		 date;
	long			 type_id;
	long			 center_id;	/* 0 for city-level */
	enum meeting_status	 status;
};

struct case_list {
	struct case_review	*items;
	size_t			 count;
	size_t			 capacity;
};

/*
 * A reference as typed into its canonical form in out (CASE_REF_SIZE
 * bytes: letters upper case): 0, or -1 with err saying which rule the
 * value breaks (ERROR_INPUT).
 */
int		 case_ref_parse(const char *, char *, struct error *);

/* initial, interim, final: what the database and scripts use. */
const char	*case_stage_code(enum case_stage);
/* 初回, 中間, 終了前: the words of the secretariat, in any locale. */
const char	*case_stage_label(enum case_stage);
/* A code, a label, or a label with 会議 (初回会議). */
int		 case_stage_parse(const char *, enum case_stage *,
		    struct error *);

void		 case_list_init(struct case_list *);
void		 case_list_free(struct case_list *);
/* Appends a zeroed slot and returns it (valid until the next add). */
struct case_review *case_list_add(struct case_list *);
/* By reference, then the meeting's date, stage and id. */
void		 case_list_sort(struct case_list *);

#endif
