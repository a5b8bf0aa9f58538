/* SPDX-License-Identifier: ISC */
/*
 * For the pxeconf suites: pxeconf_pick() called again for every file it
 * asks for, as netkexec does, the file coming from the suite's loader
 * (NULL text: there is no such file).
 */
#ifndef NB_PXECONF_TEST_H
#define NB_PXECONF_TEST_H

#include <string.h>

#include "common/pxeconf.h"

/* The text of file `name' (NUL-terminated), or NULL if there is none. */
typedef const char *(*pxt_load_fn)(void *arg, const char *name);

static const char *const pxt_sys[PXECONF_SYSAPPEND] = {
	"ip=192.0.2.10:192.0.2.1:192.0.2.1:255.255.255.0",
	"BOOTIF=01-52-54-00-12-34-56"
};

/* pxeconf_pick() on root until it needs no more files: 0 or -1. */
static inline int
pxt_pick(const char *root, pxt_load_fn load, void *arg,
    struct pxeconf_pick *pk, struct perr *err)
{
	static char names[PXECONF_FILESMAX][PXECONF_NAMEMAX + 1];
	struct pxeconf_src set[PXECONF_FILESMAX];
	size_t n = 0;
	int r;

	do {
		if (n == PXECONF_FILESMAX)
			return -1;
		strlcpy(names[n], n == 0 ? root : pk->need,
		    sizeof(names[n]));
		set[n].name = names[n];
		set[n].text = load(arg, names[n]);
		set[n].len = set[n].text != NULL ? strlen(set[n].text) : 0;
		n++;
	} while ((r = pxeconf_pick(set, n, pxt_sys, pk, err)) == 0 &&
	    pk->how == PXECONF_NEED);
	return r;
}

#endif
