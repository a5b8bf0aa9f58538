// SPDX-License-Identifier: ISC
/*
 * The menu side of the pxelinux.cfg parser: MENU lines and the (sub)menus
 * they build, as menu.c32 and vesamenu.c32 read them (syslinux's
 * com32/menu/readconfig.c, which ldlinux.c32 shares).  A label is
 * "recorded" into the current menu when the next LABEL, MENU BEGIN, END,
 * SEPARATOR or a tagged INCLUDE starts, or the files end: only then is its
 * entry number known and its MENU DEFAULT applied.  Display lines (TITLE,
 * COLOR, LABEL, ...) are skipped.  MENU INCLUDE reads a file, so the
 * line reader (pxeconf_file.c) takes it before a MENU line comes here.
 */
#include <errno.h>
#include <string.h>

#include "common/array.h"
#include "pxeconf/pxeconf_lex.h"
#include "pxeconf/pxeconf_menu.h"

void
pxeconf_record(struct pxeconf *c)
{
	struct pxeconf_label *l;
	struct pxeconf_menu *m;

	if (!c->pending)
		return;
	c->pending = false;
	l = &c->labels[c->nlabels - 1];
	if (l->flags & PXECONF_L_HIDE) {	/* on menu.c32's hidden menu */
		l->menu = PXECONF_HIDDEN;
		return;
	}
	m = &c->menus[c->cur];
	l->menu = c->cur;
	l->index = m->nentries++;
	/* A disabled entry or one that runs no command is never default. */
	if ((l->flags & (PXECONF_L_DEFAULT | PXECONF_L_DISABLED |
	    PXECONF_L_NOCMD)) == PXECONF_L_DEFAULT)
		m->defentry = l->index;
}

/* A submenu inherits its parent's TIMEOUT and ONTIMEOUT (new_menu()). */
int
pxeconf_menu_new(struct pxeconf *c)
{
	struct pxeconf_menu *m;

	if (array_grow(&c->menus, &c->mcap, c->nmenus,
	    sizeof(*c->menus)) == -1)
		return -1;
	m = &c->menus[c->nmenus];
	memset(m, 0, sizeof(*m));
	if (c->nmenus > 0) {
		*m = c->menus[c->cur];
		m->parent = c->cur;
		m->entry = c->menus[c->cur].nentries++;
		m->nentries = m->defentry = 0;
	}
	c->cur = c->nmenus++;
	return 0;
}

/* Flags MENU lines set on the label being read (ignored outside one). */
static bool
label_flag(struct pxeconf *c, const char *s, size_t len)
{
	struct pxeconf_label *l = c->pending ?
	    &c->labels[c->nlabels - 1] : NULL;
	unsigned f;
	size_t o;

	if (pxeconf_kw(s, len, "hide", &o))
		f = PXECONF_L_HIDE;
	else if (pxeconf_kw(s, len, "disable", &o) ||
	    pxeconf_kw(s, len, "disabled", &o))
		f = PXECONF_L_DISABLED;
	else if (pxeconf_kw(s, len, "quit", &o) ||
	    pxeconf_kw(s, len, "goto", &o))
		f = PXECONF_L_NOCMD;
	else if (pxeconf_kw(s, len, "exit", &o))
		f = c->cur != 0 ? PXECONF_L_NOCMD : 0;	/* top: ignored */
	else
		return false;
	if (l != NULL)
		l->flags |= f;
	return true;
}

/*
 * MENU DEFAULT marks the label being read; right after MENU BEGIN it makes
 * the submenu its parent's default entry instead.
 */
static void
menu_default(struct pxeconf *c)
{
	struct pxeconf_menu *m = &c->menus[c->cur];

	if (c->pending)
		c->labels[c->nlabels - 1].flags |= PXECONF_L_DEFAULT;
	else if (c->cur != 0)
		c->menus[m->parent].defentry = m->entry;
}

int
pxeconf_menu_line(struct pxeconf *c, const char *s, size_t len,
    const char *file, unsigned line, struct perr *err)
{
	size_t o;

	if (pxeconf_kw(s, len, "default", &o))
		menu_default(c);
	else if (label_flag(c, s, len))
		;
	else if (pxeconf_kw(s, len, "separator", &o)) {
		pxeconf_record(c);
		c->menus[c->cur].nentries++;	/* a disabled entry */
	} else if (pxeconf_kw(s, len, "begin", &o)) {
		pxeconf_record(c);
		if (pxeconf_menu_new(c) == -1) {
			perr_set(err, file, line, "%s", strerror(errno));
			return -1;
		}
	} else if (pxeconf_kw(s, len, "end", &o)) {
		pxeconf_record(c);
		c->cur = c->menus[c->cur].parent;
	} else if (pxeconf_kw(s, len, "start", &o)) {
		c->has_start = true;
		c->start = c->cur;
	} else if (pxeconf_kw(s, len, "shiftkey", &o))
		c->shiftkey = true;
	return 0;
}
