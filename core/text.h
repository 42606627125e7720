/*
 * text.h -- UTF-8 text as users type and see it: validity, display
 * width (a kanji takes two columns) and padding to a width.
 */
#ifndef CARECAL_TEXT_H
#define CARECAL_TEXT_H

#include <stddef.h>
#include <stdint.h>
#include <stdio.h>
#include <string.h>

/* 1 if s holds len bytes of valid UTF-8 with no NUL. */
int	text_utf8_valid(const char *, size_t);
/*
 * 1 if s has a control character (tabs and newlines allowed if asked):
 * C0, DEL, C1 or a bidirectional control (see text_is_control).
 */
int	text_has_control(const char *, int);
/* The length of the UTF-8 character at s (len bytes), 0 if invalid. */
size_t	text_utf8_decode(const char *, size_t, uint32_t *);
/*
 * 1 for a character a terminal takes as a command or that reorders what
 * it shows: C0, DEL, C1, the bidirectional marks and overrides (U+202E)
 * and the line and paragraph separators.
 */
int	text_is_control(uint32_t);
/* Display columns of s (wcwidth of each character; 1 for unknown). */
int	text_width(const char *);
/* Print s to fp and pad with spaces to width columns (left aligned). */
void	text_print_padded(FILE *, const char *, int);
/* Print s right-aligned within width columns. */
void	text_print_right(FILE *, const char *, int);
/* Print n spaces (none when n <= 0). */
void	text_print_blanks(FILE *, int);
/*
 * Copy at most width columns of s into buf (bytes of size), never cutting
 * a character; returns the columns used.
 */
int	text_truncate(const char *, int, char *, size_t);

/*
 * The lines of a data file read whole (a profile, an advisors' file):
 * the next one from *cursor, cut in place (LF or CR LF), comments (#)
 * and empty lines skipped, *lineno counting every line; NULL at the end.
 */
char	*text_next_line(char **, long *);
/* Splits line in place at its tabs into at most max fields: how many. */
size_t	text_split_tabs(char *, char **, size_t);

#endif
