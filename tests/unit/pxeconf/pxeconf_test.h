/* SPDX-License-Identifier: ISC */
/*
 * For the pxeconf suites: pxeconf_files_pick(), as netkexec and wakeup
 * call it, each file coming from the suite's loader (NULL: there is no
 * such file).
 */
#ifndef NB_PXECONF_TEST_H
#define NB_PXECONF_TEST_H

#include <stdlib.h>
#include <string.h>

#include "pxeconf/pxeconf_files.h"

/* The text of file `name' (NUL-terminated), or NULL if there is none. */
typedef const char *(*pxt_load_fn)(void *arg, const char *name);

static const char *const pxt_sys[PXECONF_SYSAPPEND] = {
	"ip=192.0.2.10:192.0.2.1:192.0.2.1:255.255.255.0",
	"BOOTIF=01-52-54-00-12-34-56"
};

struct pxt_loader {
	pxt_load_fn	 load;
	void		*arg;
};

/* pxeconf_load_fn over a suite's loader. */
static inline int
pxt_adapt(const void *a, const char *name, char **text, size_t *len,
    struct perr *err)
{
	const struct pxt_loader *l = a;
	const char *t = l->load(l->arg, name);

	(void)err;
	if (t == NULL)
		return 0;
	*len = strlen(t);
	return (*text = strdup(t)) != NULL ? 1 : -1;
}

/* pxeconf_files_pick() on root: 0 or -1. */
static inline int
pxt_pick(const char *root, pxt_load_fn load, void *arg,
    struct pxeconf_pick *pk, struct perr *err)
{
	static struct pxeconf_files f;
	struct pxt_loader l = { load, arg };
	const char *t = load(arg, root);
	int r;

	pxeconf_files_add(&f, root, t != NULL ? strdup(t) : NULL,
	    t != NULL ? strlen(t) : 0);
	r = pxeconf_files_pick(&f, pxt_sys, pxt_adapt, &l, pk, err);
	pxeconf_files_free(&f);
	return r;
}

#endif
