// SPDX-License-Identifier: ISC
/*
 * pxelinux.cfg keyword lines (words: pxeconf_lex.c): LABEL and what a
 * label holds, the global APPEND and IPAPPEND, DEFAULT, UI and the
 * prompt's settings; keywords pxelinux ignores in unattended boots are
 * skipped.  Values are spans of the callers' buffers: nothing is copied.
 */
#include <errno.h>
#include <string.h>

#include "common/array.h"
#include "pxeconf/pxeconf_keyword.h"
#include "pxeconf/pxeconf_lex.h"
#include "pxeconf/pxeconf_menu.h"

static struct pxeconf_val
val(const char *s, size_t len, const char *file, unsigned line)
{
	struct pxeconf_val v = { pxeconf_trim(s, len), file, line };

	return v;
}

/*
 * LABEL name: menu.c32 names it by the whole value, pxelinux by its first
 * word; until an image line the label boots an image of its own name.
 */
static int
new_label(struct pxeconf *c, const char *s, size_t len, const char *file,
    unsigned line, struct perr *err)
{
	struct pxeconf_label *l;

	if (pxeconf_word(s, len) == 0) {
		perr_set(err, file, line, "LABEL without a name");
		return -1;
	}
	pxeconf_record(c);
	if (array_grow(&c->labels, &c->cap, c->nlabels,
	    sizeof(*c->labels)) == -1) {
		perr_set(err, file, line, "%s", strerror(errno));
		return -1;
	}
	l = &c->labels[c->nlabels++];
	memset(l, 0, sizeof(*l));
	l->name.p = s;
	l->name.len = len;
	l->name.set = true;
	l->word = pxeconf_word(s, len);
	l->kernel = val(s, len, file, line);
	l->type = PXECONF_T_KERNEL;
	l->gappend = c->append;
	l->ipappend = c->ipappend;
	l->menu = c->cur;
	l->file = file;
	l->line = line;
	c->pending = true;
	return 0;
}

/* Keywords that set a number or a command line of their own. */
static bool
global(struct pxeconf *c, const char *s, size_t len, const char *file,
    unsigned line)
{
	struct pxeconf_menu *m = &c->menus[c->cur];
	struct pxeconf_val v;
	size_t o;

	if (pxeconf_kw(s, len, "timeout", &o)) {
		v = val(s + o, len - o, file, line);
		c->tmo = m->tmo = v;
		c->timeout = m->timeout = pxeconf_num(v.v, 10);
	} else if (pxeconf_kw(s, len, "totaltimeout", &o))
		c->totaltimeout = pxeconf_num(pxeconf_trim(s + o, len - o), 10);
	else if (pxeconf_kw(s, len, "ontimeout", &o)) {
		v = val(s + o, len - o, file, line);
		v.v.set = v.v.len > 0;	/* an empty one is never run */
		c->ontimeout = m->ontimeout = v;
	} else if (pxeconf_kw(s, len, "prompt", &o))
		c->prompt = val(s + o, len - o, file, line);
	else if (pxeconf_kw(s, len, "implicit", &o))
		c->implicit = pxeconf_num(pxeconf_trim(s + o, len - o), 10);
	else
		return false;
	return true;
}

/* DEFAULT and UI: UI's command wins over every DEFAULT (ldlinux). */
static int
deflt(struct pxeconf *c, const char *s, size_t len, const char *file,
    unsigned line, struct perr *err)
{
	struct pxeconf_val v;
	size_t o;
	bool ui;

	ui = !pxeconf_kw(s, len, "default", &o);
	if (ui && !pxeconf_kw(s, len, "ui", &o))
		return 1;
	v = val(s + o, len - o, file, line);
	if (v.v.len == 0) {
		perr_set(err, file, line, "%s without a value", ui ? "UI" :
		    "DEFAULT");
		return -1;
	}
	if (!ui)
		c->deflt = v;
	if (ui || !c->ui)
		c->cmd = v;
	c->ui |= ui;
	return 0;
}

/* The keywords that matter inside and outside a LABEL. */
int
pxeconf_keyword(struct pxeconf *c, const char *s, size_t len, const char *file,
    unsigned line, struct perr *err)
{
	struct pxeconf_label *l = c->pending ?
	    &c->labels[c->nlabels - 1] : NULL;
	enum pxeconf_type t;
	struct pxeconf_span v;
	size_t o;

	if (pxeconf_kw(s, len, "label", &o))
		return new_label(c, s + o, len - o, file, line, err);
	if (pxeconf_type_kw(s, len, &t, &o)) {
		if (l != NULL) {	/* ignored outside a label */
			l->kernel = val(s + o, len - o, file, line);
			l->type = t;
		}
		return 0;
	}
	if (pxeconf_kw(s, len, "append", &o)) {
		v = pxeconf_trim(s + o, len - o);
		if (l != NULL)
			l->append = v;
		else
			c->append = v;
	} else if (pxeconf_kw(s, len, "initrd", &o)) {
		if (l != NULL)		/* pxelinux ignores a global one */
			l->initrd = pxeconf_trim(s + o, len - o);
	} else if (pxeconf_kw(s, len, "ipappend", &o) ||
	    pxeconf_kw(s, len, "sysappend", &o)) {
		v = pxeconf_trim(s + o, len - o);
		if (l != NULL)
			l->ipappend = (unsigned long)pxeconf_num(v, 0);
		else
			c->ipappend = (unsigned long)pxeconf_num(v, 0);
	} else if (!global(c, s, len, file, line))
		return deflt(c, s, len, file, line, err) == -1 ? -1 : 0;
	return 0;
}

