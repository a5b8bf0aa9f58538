/* SPDX-License-Identifier: ISC */
/*
 * Included by every unit suite: Check, and the prototype of every
 * <module>_suite() from the generated list (mk/suites.sh), so check_all.c
 * and the suites agree on them.
 */
#ifndef NB_TESTS_H
#define NB_TESTS_H

#include <check.h>

#define X(fn)	Suite *fn(void);
#include "suites.h"
#undef X

#endif
