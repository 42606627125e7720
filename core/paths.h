/*
 * paths.h -- where carecal finds the files it installs: the profiles and
 * the demo, the iCalendar and PDF modules, the translations.
 */
#ifndef CARECAL_PATHS_H
#define CARECAL_PATHS_H

/*
 * Each directory is, first found: the variable's value when it is set
 * and not empty ($CARECAL_DATADIR, $CARECAL_MODULEDIR,
 * $CARECAL_LOCALEDIR); for a carecal run from its build directory, that
 * build's (the source tree's share/, the build directory, its
 * po/locale); else the directory configure was given (config.h). The
 * strings are the environment's or static: never freed.
 */
const char	*paths_data_dir(void);
const char	*paths_module_dir(void);
const char	*paths_locale_dir(void);

/*
 * dir and name joined by one slash, whatever slashes dir ends with (a
 * user's --dir ics/ prints as ics/明第1.ics, not ics//明第1.ics); "/"
 * stays the root. Malloc'd: the caller frees it.
 */
char		*paths_join(const char *, const char *);

#endif
