/* SPDX-License-Identifier: ISC */
/*
 * Reading a configuration's files into a struct pxeconf (lines, TEXT
 * blocks, INCLUDE), for the public pxeconf_parse*() and for the picker,
 * which reads the files that menu modules and CONFIG name.  Internal to
 * pxeconf/.  Pure.
 */
#ifndef NB_PXECONF_FILE_H
#define NB_PXECONF_FILE_H

#include "pxeconf/pxeconf.h"

/* The file of set called name (n bytes), or NULL. */
const struct pxeconf_src *pxeconf_find_src(const struct pxeconf_src *,
	    size_t, const char *name, size_t n);
/*
 * pxeconf_parse_set(); skip: a name not in set is skipped, not needed.
 * Free c with pxeconf_free() whatever it returns.
 */
int	pxeconf_load(struct pxeconf *c, const struct pxeconf_src *, size_t,
	    const char *const *names, size_t n, bool skip, struct perr *);

#endif
