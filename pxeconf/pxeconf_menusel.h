/* SPDX-License-Identifier: ISC */
/*
 * What menu.c32 and vesamenu.c32 run when nobody presses a key; the
 * run's menu module (pxeconf_ldlinux.h).  Internal to pxeconf/.  Pure.
 */
#ifndef NB_PXECONF_MENUSEL_H
#define NB_PXECONF_MENUSEL_H

#include "pxeconf/pxeconf_ldlinux.h"

/* menu.c32 / vesamenu.c32 ARGS ("~": the configuration); a menu_fn. */
int	pxeconf_run_menu(struct pxeconf_run *, const char *args, size_t n,
	    const char *file, unsigned line);

#endif
