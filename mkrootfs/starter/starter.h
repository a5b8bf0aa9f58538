/* SPDX-License-Identifier: ISC */
/*
 * The starter root job: `mkrootfs starter DIR' (build.c) and what its
 * shell files offer one another: the kernel modules (modules.c), the
 * node's scripts (scripts.c) and path helpers (paths.c).  The pure
 * modules.dep reader is mkr_moddep.h.
 */
#ifndef MKROOTFS_STARTER_H
#define MKROOTFS_STARTER_H

#include "mkrootfs/mkrootfs.h"

/* build.c: the starter root in dir (what main.c runs). */
int	starter_build(const struct mkr *, const char *dir, const char *kmods,
	    char **modules, int nmodules, const char *busybox,
	    const char *netkexec);

/* mkdir -p */
int	mkdirs_p(const char *dir);

/* modules.c: NIC modules and their dependencies into the starter root. */
int	starter_modules(const char *dir, const char *kmods, char **names,
	    int n);

/* scripts.c: the starter root's scripts. */
extern const char	starter_init[];		/* /init */
extern const char	starter_udhcpc[];	/* /etc/udhcpc.script */

#endif
