// SPDX-License-Identifier: ISC
/*
 * The picker's entry points (pxeconf.h): a run of pxelinux set up over the
 * caller's files, with menu.c32 as its menu module, started at ldlinux's
 * main() (pxeconf_ldlinux.c), and what it ends with.
 */
#include <string.h>

#include "pxeconf/pxeconf_file.h"
#include "pxeconf/pxeconf_ldlinux.h"
#include "pxeconf/pxeconf_menusel.h"

int
pxeconf_pick(const struct pxeconf_src *set, size_t nset,
    const char *const sys[PXECONF_SYSAPPEND], struct pxeconf_pick *pick,
    struct perr *err)
{
	struct pxeconf_run r = { .set = set, .nset = nset, .sys = sys,
	    .menu = pxeconf_run_menu, .out = pick, .err = err };
	struct pxeconf c;
	int rv;

	memset(pick, 0, sizeof(*pick));
	if (nset == 0)
		return pxeconf_stop(&r, PXECONF_FAIL, "pxelinux.cfg", 0,
		    "no file");
	r.root = set[0].name;
	if ((rv = pxeconf_load(&c, set, nset, &set[0].name, 1, false,
	    err)) == 1) {
		strlcpy(pick->need, c.need, sizeof(pick->need));
		rv = pxeconf_stop(&r, PXECONF_NEED, c.file, 0, "%s: not read",
		    c.need);
	} else if (rv == 0) {
		r.main = &c;
		rv = pxeconf_run_ldlinux(&r, &c);
	}
	pxeconf_free(&c);
	return rv;
}

/* The run on a parsed file: how, or -1. */
static int
run_parsed(const struct pxeconf *c, const char *const sys[],
    struct pxeconf_pick *pick, struct perr *err)
{
	struct pxeconf_run r = { .set = c->set, .nset = c->nset, .skip =
	    c->skip_unknown, .sys = sys, .main = c, .root = c->file,
	    .menu = pxeconf_run_menu, .out = pick, .err = err };

	memset(pick, 0, sizeof(*pick));
	if (pxeconf_run_ldlinux(&r, c) == -1)
		return -1;
	return (int)pick->how;
}

int
pxeconf_resolve(const struct pxeconf *c,
    const char *const sys[PXECONF_SYSAPPEND], struct pxeconf_entry *e,
    struct perr *err)
{
	struct pxeconf_pick pick;

	if (run_parsed(c, sys, &pick, err) != PXECONF_BOOT)
		return -1;
	memcpy(e, &pick.e, sizeof(*e));
	return 0;
}

int
pxeconf_lastfile(const struct pxeconf *c, char name[PXECONF_NAMEMAX + 1],
    struct perr *err)
{
	struct pxeconf_pick pick;

	switch (run_parsed(c, NULL, &pick, err)) {
	case PXECONF_BOOT:
		pxeconf_entry_last(&pick.e, name);
		return 1;
	case PXECONF_LOCAL:
		return 0;
	default:
		return -1;
	}
}
