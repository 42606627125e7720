/*
 * action-words.h -- a recorded action in the reader's words: the
 * full-screen view records its changes in the history as stable text
 * ("tui: cancel 105"), shown translated (画面操作: 会議 105 を中止). A
 * command line is shown as it was typed.
 */
#ifndef CARECAL_ACTION_WORDS_H
#define CARECAL_ACTION_WORDS_H

#include <stddef.h>

/* The words of command into buf of size. */
void	action_words(const char *, char *, size_t);

#endif
