/* SPDX-License-Identifier: ISC */
/*
 * One run of pxelinux over a set of files, as ldlinux.c32 runs it: the
 * run's state, its end (a pick, a wait, an error), labels found and run,
 * command lines executed.  Menu modules are reached through the run (its
 * menu pointer, pxeconf_run_menu() in pxeconf_menusel.c), because menus
 * and ldlinux run each other.  Internal to pxeconf/.  Pure.
 */
#ifndef NB_PXECONF_LDLINUX_H
#define NB_PXECONF_LDLINUX_H

#include "pxeconf/pxeconf.h"

#define PXECONF_FAIL	(-1)

struct pxeconf_run;

/* A menu module's line (menu.c32 ARGS): 0 with r->out->how, or -1. */
typedef int (*pxeconf_menu_fn)(struct pxeconf_run *r, const char *args,
    size_t n, const char *file, unsigned line);

struct pxeconf_run {
	const struct pxeconf_src *set;
	size_t			 nset;
	bool			 skip;		/* files not in set: skipped */
	const char *const	*sys;
	const struct pxeconf	*main;		/* what ldlinux read */
	const char		*root;		/* its file: menu.c32's "~" */
	struct pxeconf_span	 label;		/* the label being run */
	unsigned		 hops;
	pxeconf_menu_fn		 menu;		/* menu.c32, vesamenu.c32 */
	struct pxeconf_pick	*out;
	struct perr		*err;
};

/* Ends the run with how (PXECONF_FAIL: -1, an error), err = file:line. */
int	pxeconf_stop(struct pxeconf_run *, int how, const char *file,
	    unsigned line, const char *fmt, ...)
	    __attribute__((__format__(printf, 5, 6)));
/* syslinux's find_label(): by first word (ldlinux) or whole name (menu). */
const struct pxeconf_label *pxeconf_find_label(const struct pxeconf *,
	    const char *, size_t, bool whole);
/* Runs a label's command line and the words after its name. */
int	pxeconf_run_label(struct pxeconf_run *, const struct pxeconf *,
	    const struct pxeconf_label *, bool whole, const char *, size_t);
/* Back at the boot: prompt: ONTIMEOUT after a timeout, else WAIT why. */
int	pxeconf_prompt(struct pxeconf_run *, const char *file, unsigned line,
	    const char *why);
/* execute(): a command line (implicit: the global APPEND applies). */
int	pxeconf_execute(struct pxeconf_run *, const struct pxeconf *,
	    const char *, size_t, bool implicit, const char *file,
	    unsigned line);
/* ldlinux's main() on c: 0 with r->out->how, or -1 with r->err. */
int	pxeconf_run_ldlinux(struct pxeconf_run *, const struct pxeconf *c);

#endif
