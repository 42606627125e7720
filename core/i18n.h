/*
 * i18n.h -- gettext for every user-visible string; English in the code,
 * Japanese in po/ja.po.
 */
#ifndef CARECAL_I18N_H
#define CARECAL_I18N_H

#include <libintl.h>

#define _(s)	gettext(s)
#define N_(s)	s

#endif
