/* SPDX-License-Identifier: ISC */
/*
 * The menus of a parsed configuration as menu.c32 builds them: labels
 * recorded into the current menu, submenus, and the MENU lines that
 * choose (DEFAULT, BEGIN/END, HIDE, DISABLE, SEPARATOR, START, SHIFTKEY).
 * Internal to pxeconf/.  Pure.
 */
#ifndef NB_PXECONF_MENU_H
#define NB_PXECONF_MENU_H

#include "pxeconf/pxeconf.h"

/* The pending label into the current menu (syslinux's record()). */
void	pxeconf_record(struct pxeconf *);
/* A new (sub)menu under c->cur, made current; 0 or -1 (ENOMEM). */
int	pxeconf_menu_new(struct pxeconf *);
/*
 * A MENU line's rest, but MENU INCLUDE (pxeconf_file.c reads files): 0,
 * or -1 with err.
 */
int	pxeconf_menu_line(struct pxeconf *, const char *, size_t,
	    const char *file, unsigned line, struct perr *);

#endif
