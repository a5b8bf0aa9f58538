// SPDX-License-Identifier: ISC
/*
 * What menu.c32 and vesamenu.c32 run when nobody presses a key (syslinux's
 * menumain.c, run_menu() and do_hidden_menu()): the files they are given,
 * else the configuration; the start menu is MENU START's, or the DEFAULT
 * label's under UI, which is also the default entry, else the last MENU
 * DEFAULT, else the first entry.  Without TIMEOUT (or TOTALTIMEOUT) the
 * menu waits; with one it runs ONTIMEOUT (a label by its whole name, or a
 * command) or the default entry.  MENU SHIFTKEY runs the default at once.
 * A menu without entries, or whose default runs nothing, returns to
 * pxelinux's boot: prompt.
 */
#include <string.h>

#include "pxeconf/pxeconf_file.h"
#include "pxeconf/pxeconf_lex.h"
#include "pxeconf/pxeconf_menusel.h"

#define MENUFILES	8	/* files one menu module line may name */

/* The menu's choice when its time is up (run_menu(), do_hidden_menu()). */
static int
menu_pick(struct pxeconf_run *r, const struct pxeconf *m, const char *file,
    unsigned line)
{
	const struct pxeconf_label *lb;
	const struct pxeconf_menu *cm;
	size_t i, mi = m->has_start ? m->start : 0, def;

	def = m->menus[mi].defentry;
	if (m->ui && m->deflt.v.set && (lb = pxeconf_find_label(m,
	    m->deflt.v.p, m->deflt.v.len, true)) != NULL &&
	    lb->menu != PXECONF_HIDDEN) {
		mi = lb->menu;	/* DEFAULT: both MENU DEFAULT and START */
		def = lb->index;
	}
	cm = &m->menus[mi];
	if (cm->nentries == 0)
		return pxeconf_prompt(r, file, line, "the menu has no LABEL");
	if (!m->shiftkey && cm->timeout <= 0 && m->totaltimeout <= 0) {
		if (cm->tmo.file == NULL)
			return pxeconf_stop(r, PXECONF_WAIT, file, line,
			    "the menu has no TIMEOUT");
		return pxeconf_stop(r, PXECONF_WAIT, cm->tmo.file, cm->tmo.line,
		    "the menu's TIMEOUT is %.*s", (int)cm->tmo.v.len,
		    cm->tmo.v.p);
	}
	if (!m->shiftkey && cm->ontimeout.v.set) {
		/* unlabel(): a label by its whole name, or a command */
		if ((lb = pxeconf_find_label(m, cm->ontimeout.v.p,
		    cm->ontimeout.v.len, true)) != NULL) {
			i = pxeconf_word(cm->ontimeout.v.p,
			    cm->ontimeout.v.len);
			return pxeconf_run_label(r, m, lb, true,
			    cm->ontimeout.v.p + i, cm->ontimeout.v.len - i);
		}
		r->label.set = false;
		return pxeconf_execute(r, m, cm->ontimeout.v.p,
		    cm->ontimeout.v.len, false, cm->ontimeout.file,
		    cm->ontimeout.line);
	}
	for (i = 0; i < m->nlabels; i++) {
		lb = &m->labels[i];
		if (lb->menu == mi && lb->index == def && (lb->flags &
		    (PXECONF_L_DISABLED | PXECONF_L_NOCMD)) == 0)
			return pxeconf_run_label(r, m, lb, true, "", 0);
	}
	return pxeconf_prompt(r, file, line, "the menu's default entry runs "
	    "no command (a submenu or a separator)");
}

/* menu.c32 / vesamenu.c32 ARGS: the files it reads ("~": the config). */
int
pxeconf_run_menu(struct pxeconf_run *r, const char *args, size_t n,
    const char *file, unsigned line)
{
	char buf[MENUFILES][PXECONF_NAMEMAX + 1];
	const char *names[MENUFILES];
	struct pxeconf m;
	size_t k = 0, w;
	int rv;

	while (n > 0) {
		for (; n > 0 && pxeconf_space(*args); args++, n--)
			;
		if ((w = pxeconf_word(args, n)) == 0)
			break;
		if (k == MENUFILES || w > PXECONF_NAMEMAX)
			return pxeconf_stop(r, PXECONF_FAIL, file, line,
			    "menu module: too many files, or a name too long");
		memcpy(buf[k], args, w);
		buf[k][w] = '\0';
		names[k] = strcmp(buf[k], "~") == 0 ? r->root : buf[k];
		k++;
		args += w;
		n -= w;
	}
	if (k == 0 || (k == 1 && names[0] == r->root))
		return menu_pick(r, r->main, file, line);
	if ((rv = pxeconf_load(&m, r->set, r->nset, names, k, r->skip,
	    r->err)) == 0)
		rv = menu_pick(r, &m, file, line);
	else if (rv == 1) {
		strlcpy(r->out->need, m.need, sizeof(r->out->need));
		rv = pxeconf_stop(r, PXECONF_NEED, file, line, "%s: not read",
		    m.need);
	}
	pxeconf_free(&m);
	return rv;
}
