/*
 * action-words.c -- the words a user reads for a recorded action (see
 * action-words.h).
 */
#include <stdio.h>
#include <string.h>

#include "action-words.h"
#include "date.h"
#include "i18n.h"

void
action_words(const char *command, char *buf, size_t size)
{
	char		verb[16], iso[DATE_ISO_LEN + 1], day[DATE_JA_LEN];
	struct date	d;
	long		id;
	int		end = 0;

	snprintf(buf, size, "%s", command);
	if (strcmp(command, "tui: add") == 0) {
		snprintf(buf, size, "%s", _("tui: add"));
		return;
	}
	if (strcmp(command, "undo (u)") == 0) {
		snprintf(buf, size, "%s", _("undo (u)"));
		return;
	}
	if (sscanf(command, "tui: duplicate %ld to %10s%n", &id, iso,
	    &end) == 2 && command[end] == '\0' &&
	    date_parse(iso, &d, NULL) == 0) {
		date_format_japanese(d, day, sizeof day);
		snprintf(buf, size, _("tui: duplicate %ld to %s"), id, day);
		return;
	}
	if (sscanf(command, "tui: %15s %ld%n", verb, &id, &end) != 2 ||
	    command[end] != '\0')
		return;
	if (strcmp(verb, "edit") == 0)
		snprintf(buf, size, _("tui: edit %ld"), id);
	else if (strcmp(verb, "cancel") == 0)
		snprintf(buf, size, _("tui: cancel %ld"), id);
	else if (strcmp(verb, "delete") == 0)
		snprintf(buf, size, _("tui: delete %ld"), id);
	else if (strcmp(verb, "assign") == 0)
		snprintf(buf, size, _("tui: book an advisor for %ld"), id);
	else if (strcmp(verb, "unassign") == 0)
		snprintf(buf, size, _("tui: take an advisor off %ld"), id);
}
