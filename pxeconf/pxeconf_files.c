// SPDX-License-Identifier: ISC
/*
 * pxeconf_pick() called again for each file it asks for, the files kept in
 * one struct; see pxeconf_files.h.  The loader is the caller's I/O.
 */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "pxeconf/pxeconf_files.h"

int
pxeconf_files_add(struct pxeconf_files *f, const char *name, char *text,
    size_t len)
{
	if (f->n == PXECONF_FILESMAX)
		return -1;
	strlcpy(f->name[f->n], name, sizeof(f->name[f->n]));
	f->text[f->n] = text;
	f->set[f->n].name = f->name[f->n];
	f->set[f->n].text = text;
	f->set[f->n].len = text != NULL ? len : 0;
	f->n++;
	return 0;
}

int
pxeconf_files_pick(struct pxeconf_files *f,
    const char *const sys[PXECONF_SYSAPPEND], pxeconf_load_fn load,
    const void *arg, struct pxeconf_pick *pk, struct perr *err)
{
	char *text;
	size_t len;
	int r;

	for (;;) {
		if (pxeconf_pick(f->set, f->n, sys, pk, err) == -1)
			return -1;
		if (pk->how != PXECONF_NEED)
			return 0;
		text = NULL;
		len = 0;
		if ((r = load(arg, pk->need, &text, &len, err)) == -1)
			return -1;
		if (pxeconf_files_add(f, pk->need, r == 1 ? text : NULL,
		    len) == -1) {
			free(text);
			snprintf(err->msg, sizeof(err->msg), "%s: more than "
			    "%d files", f->name[0], PXECONF_FILESMAX);
			return -1;
		}
	}
}

void
pxeconf_files_free(struct pxeconf_files *f)
{
	while (f->n > 0)
		free(f->text[--f->n]);
}
