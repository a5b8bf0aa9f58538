/* SPDX-License-Identifier: ISC */
/*
 * The files one pxelinux configuration reads, for the programs that run
 * pxeconf_pick() (netkexec over TFTP, wakeup from the TFTP root): the
 * node's file first, then every file the core asks for, got through the
 * caller's loader and kept until pxeconf_files_free().  No I/O here.
 */
#ifndef NB_PXECONF_FILES_H
#define NB_PXECONF_FILES_H

#include "pxeconf/pxeconf.h"

struct pxeconf_files {
	struct pxeconf_src	 set[PXECONF_FILESMAX];
	char			 name[PXECONF_FILESMAX][PXECONF_NAMEMAX + 1];
	char			*text[PXECONF_FILESMAX];	/* owned */
	size_t			 n;
};

/*
 * Gets file `name' as the configuration names it ("::x", "/x", "x"):
 * 1 with *text (malloc'd; the files own it) and *len, 0 when there is no
 * such file (pxelinux skips it), -1 to stop (err says why).
 */
typedef int (*pxeconf_load_fn)(const void *arg, const char *name,
    char **text, size_t *len, struct perr *err);

/* Adds a file (text owned from here on, NULL: none); -1 when full. */
int	pxeconf_files_add(struct pxeconf_files *, const char *name,
	    char *text, size_t len);
/*
 * pxeconf_pick() over the files (the first added is the node's), loading
 * each file it asks for: 0 with pick->how BOOT, LOCAL or WAIT (err says
 * why for the last two), or -1 with err (the core's errors, the loader's,
 * over PXECONF_FILESMAX files).
 */
int	pxeconf_files_pick(struct pxeconf_files *,
	    const char *const sysappend[PXECONF_SYSAPPEND], pxeconf_load_fn,
	    const void *arg, struct pxeconf_pick *, struct perr *err);
void	pxeconf_files_free(struct pxeconf_files *);

#endif
