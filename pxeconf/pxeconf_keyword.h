/* SPDX-License-Identifier: ISC */
/*
 * The keyword lines of pxelinux.cfg (not MENU, TEXT or INCLUDE, which
 * pxeconf_file.c reads): LABEL and what a label holds, the global APPEND
 * and IPAPPEND, DEFAULT, UI and the prompt's settings.  Internal to
 * pxeconf/.  Pure.
 */
#ifndef NB_PXECONF_KEYWORD_H
#define NB_PXECONF_KEYWORD_H

#include "pxeconf/pxeconf.h"

/* A keyword line of file at line into c: 0, or -1 with err. */
int	pxeconf_keyword(struct pxeconf *, const char *, size_t,
	    const char *file, unsigned line, struct perr *);

#endif
