// SPDX-License-Identifier: ISC
/*
 * What pxelinux boots when nobody touches the keyboard, following syslinux
 * 6's ldlinux.c (main(), load_kernel()) and execute.c.  ldlinux runs UI's
 * command, else DEFAULT's unless PROMPT asks first; at the boot: prompt a
 * TIMEOUT (or TOTALTIMEOUT) runs ONTIMEOUT, else DEFAULT, and without one
 * it waits.  A command's first word is a label (by its first word) or else
 * an image, typed by its extension or a ".type" prefix; a bare "menu" or
 * "vesamenu" is the .c32 module pxelinux finds beside it.  menu.c32 and
 * vesamenu.c32 go on in pxeconf_menusel.c, reached through the run's
 * menu pointer (they run labels and commands of this file in turn);
 * LOCALBOOT and chain.c32 boot the local disk; CONFIG starts over with
 * another file.  The run starts in pxeconf_pick.c.
 */
#include <stdarg.h>
#include <stdio.h>
#include <string.h>

#include "pxeconf/pxeconf_entry.h"
#include "pxeconf/pxeconf_file.h"
#include "pxeconf/pxeconf_ldlinux.h"
#include "pxeconf/pxeconf_lex.h"

/* Ends the run with how (PXECONF_FAIL: -1): err = "file[:line]: why". */
int
pxeconf_stop(struct pxeconf_run *r, int how, const char *file, unsigned line,
    const char *fmt, ...)
{
	char *msg = r->err->msg;
	size_t sz = sizeof(r->err->msg);
	va_list ap;
	int k;

	k = line == 0 ? snprintf(msg, sz, "%s: ", file) :
	    snprintf(msg, sz, "%s:%u: ", file, line);
	r->err->line = line;
	if (k >= 0 && (size_t)k < sz) {
		va_start(ap, fmt);
		vsnprintf(msg + k, sz - (size_t)k, fmt, ap);
		va_end(ap);
	}
	if (how == PXECONF_FAIL)
		return -1;
	r->out->how = (enum pxeconf_how)how;
	return 0;
}

/*
 * syslinux's find_label(): the first word of s against labels' first words
 * (ldlinux) or whole names (menu.c32); disabled entries and those that run
 * no command have no name to find.
 */
const struct pxeconf_label *
pxeconf_find_label(const struct pxeconf *c, const char *s, size_t n,
    bool whole)
{
	const struct pxeconf_label *lb;
	size_t i, w = pxeconf_word(s, n);

	for (i = 0; i < c->nlabels; i++) {
		lb = &c->labels[i];
		if (lb->flags & (PXECONF_L_DISABLED | PXECONF_L_NOCMD))
			continue;
		if ((whole ? lb->name.len : lb->word) == w &&
		    memcmp(lb->name.p, s, w) == 0)
			return lb;
	}
	return NULL;
}

/* Is the last path element of image s (w bytes) name? */
static bool
is_named(const char *s, size_t w, const char *name)
{
	size_t b, n = strlen(name);

	for (b = w; b > 0 && s[b - 1] != '/' && s[b - 1] != ':'; b--)
		;
	return w - b == n && memcmp(s + b, name, n) == 0;
}

/* A label's command line, then the words after its name (load_kernel()). */
int
pxeconf_run_label(struct pxeconf_run *r, const struct pxeconf *c,
    const struct pxeconf_label *lb, bool whole, const char *rest, size_t n)
{
	struct pxeconf_line l;

	if (lb->kernel.v.len == 0 && lb->type != PXECONF_T_LOCALBOOT)
		return pxeconf_stop(r, PXECONF_FAIL, lb->kernel.file,
		    lb->kernel.line, "%s without a value",
		    pxeconf_type_name(lb->type));
	pxeconf_label_cmd(lb, r->sys, &l);
	pxeconf_add(&l, rest, n);
	r->label = whole ? pxeconf_trim(lb->name.p, lb->name.len) :
	    pxeconf_trim(lb->name.p, lb->word);
	return pxeconf_execute(r, c, l.buf, l.len, false, lb->file, lb->line);
}

/* ldlinux's load_kernel(): a label, else an image of that name. */
static int
load_kernel(struct pxeconf_run *r, const struct pxeconf *c,
    struct pxeconf_val v)
{
	const struct pxeconf_label *lb;
	struct pxeconf_line l = { .len = 0 };
	const char *s = v.v.p;
	size_t w = pxeconf_word(s, v.v.len);

	if ((lb = pxeconf_find_label(c, s, v.v.len, false)) != NULL)
		return pxeconf_run_label(r, c, lb, false, s + w, v.v.len - w);
	if (c->implicit <= 0)
		return pxeconf_stop(r, PXECONF_WAIT, v.file, v.line, "%.*s "
		    "names no LABEL and IMPLICIT is 0", (int)w, s);
	r->label.set = false;
	if (is_named(s, w, "menu") || is_named(s, w, "vesamenu")) {
		/* get_extension(): the module pxelinux finds beside it */
		pxeconf_glue(&l, s, w);
		pxeconf_glue(&l, ".c32", 4);
		pxeconf_glue(&l, s + w, v.v.len - w);
		return pxeconf_execute(r, c, l.buf, l.len, true, v.file,
		    v.line);
	}
	return pxeconf_execute(r, c, s, v.v.len, true, v.file, v.line);
}

/*
 * Back at the boot: prompt (no DEFAULT, PROMPT 1, a menu that ran nothing):
 * a timeout runs ONTIMEOUT, else nobody answers.
 */
int
pxeconf_prompt(struct pxeconf_run *r, const char *file, unsigned line,
    const char *why)
{
	const struct pxeconf *c = r->main;

	if ((c->timeout > 0 || c->totaltimeout > 0) && c->ontimeout.v.set)
		return load_kernel(r, c, c->ontimeout);
	return pxeconf_stop(r, PXECONF_WAIT, file, line, "%s", why);
}

/* CONFIG file: ldlinux starts over with it (a directory: unsupported). */
static int
run_config(struct pxeconf_run *r, const char *s, size_t w, size_t nargs,
    const char *file, unsigned line)
{
	char name[PXECONF_NAMEMAX + 1];
	const char *names[1] = { name }, *root = r->root;
	const struct pxeconf *main = r->main;
	const struct pxeconf_src *src;
	struct pxeconf c;
	int rv;

	if (nargs > 0 || w == 0 || w > PXECONF_NAMEMAX)
		return pxeconf_stop(r, PXECONF_FAIL, file, line, "CONFIG: "
		    "one file name, no directory, is supported");
	memcpy(name, s, w);
	name[w] = '\0';
	src = pxeconf_find_src(r->set, r->nset, s, w);
	if ((src == NULL && r->skip) || (src != NULL && src->text == NULL))
		return pxeconf_stop(r, PXECONF_WAIT, file, line, "CONFIG %s: "
		    "no such file", name);
	if ((rv = pxeconf_load(&c, r->set, r->nset, names, 1, r->skip,
	    r->err)) == 1) {
		strlcpy(r->out->need, c.need, sizeof(r->out->need));
		rv = pxeconf_stop(r, PXECONF_NEED, file, line, "%s: not read",
		    c.need);
	} else if (rv == 0) {
		r->main = &c;
		r->root = name;
		rv = pxeconf_run_ldlinux(r, &c);
		r->main = main;
		r->root = root;
	}
	pxeconf_free(&c);
	return rv;
}

/* A COM32 module: the menus read on, chain.c32 boots a local disk. */
static int
run_module(struct pxeconf_run *r, const char *s, size_t w, const char *args,
    size_t n, const char *file, unsigned line)
{
	size_t e = w;

	if (e > 4 && memcmp(s + e - 4, ".c32", 4) == 0)
		e -= 4;		/* ".com32 menu" means menu.c32 too */
	if (is_named(s, e, "menu") || is_named(s, e, "vesamenu"))
		return r->menu(r, args, n, file, line);
	if (is_named(s, e, "chain"))
		return pxeconf_stop(r, PXECONF_LOCAL, file, line, "chain.c32 "
		    "boots a local disk: nothing to kexec");
	for (e = w; e > 0 && s[e - 1] != '/' && s[e - 1] != ':'; e--)
		;
	return pxeconf_stop(r, PXECONF_FAIL, file, line, "not a Linux kernel "
	    "image: %.*s is a COM32 module", (int)(w - e), s + e);
}

/*
 * A Linux kernel: an implicit one (a command, not a label) gets the global
 * APPEND first, as syslinux.txt says, and the global IPAPPEND strings last.
 */
static int
boot(struct pxeconf_run *r, const struct pxeconf *c, const char *s, size_t n,
    bool implicit, const char *file, unsigned line)
{
	struct pxeconf_entry *e = &r->out->e;
	struct pxeconf_line l = { .len = 0 };
	size_t i, w = pxeconf_word(s, n);
	const char *why;

	if (implicit && c->append.set && !(c->append.len == 1 &&
	    c->append.p[0] == '-'))
		pxeconf_add(&l, c->append.p, c->append.len);
	pxeconf_add(&l, s + w, n - w);
	for (i = 0; implicit && i < PXECONF_SYSAPPEND; i++)
		if ((c->ipappend & (1ul << i)) && r->sys != NULL &&
		    r->sys[i] != NULL)
			pxeconf_add(&l, r->sys[i], strlen(r->sys[i]));
	memset(e, 0, sizeof(*e));
	if (r->label.set && r->label.len > PXECONF_NAMEMAX)
		return pxeconf_stop(r, PXECONF_FAIL, file, line, "label name "
		    "too long");
	if (r->label.set)
		memcpy(e->label, r->label.p, r->label.len);
	if ((why = pxeconf_entry_make(e, s, w, &l)) != NULL)
		return pxeconf_stop(r, PXECONF_FAIL, file, line, "%s", why);
	r->out->how = PXECONF_BOOT;
	return 0;
}

/* syslinux's execute(): ".type image", or an image typed by its name. */
int
pxeconf_execute(struct pxeconf_run *r, const struct pxeconf *c,
    const char *s, size_t n, bool implicit, const char *file, unsigned line)
{
	enum pxeconf_type t;
	size_t w = pxeconf_word(s, n), a;

	if (++r->hops > PXECONF_HOPSMAX)
		return pxeconf_stop(r, PXECONF_FAIL, file, line, "labels, "
		    "menus and CONFIG run each other over %d times",
		    PXECONF_HOPSMAX);
	t = pxeconf_image_type(s, w);
	if (w > 1 && s[0] == '.' && pxeconf_type_lookup(s + 1, w - 1, &t)) {
		for (s += w, n -= w; n > 0 && pxeconf_space(*s); s++, n--)
			;
		w = pxeconf_word(s, n);
	}
	for (a = w; a < n && pxeconf_space(s[a]); a++)
		;
	switch (t) {
	case PXECONF_T_KERNEL:
	case PXECONF_T_LINUX:
		return boot(r, c, s, n, implicit, file, line);
	case PXECONF_T_LOCALBOOT:
		return pxeconf_stop(r, PXECONF_LOCAL, file, line, "LOCALBOOT "
		    "boots the local disk: nothing to kexec");
	case PXECONF_T_COM32:
		return run_module(r, s, w, s + a, n - a, file, line);
	case PXECONF_T_CONFIG:
		return run_config(r, s, w, n - a, file, line);
	default:
		return pxeconf_stop(r, PXECONF_FAIL, file, line, "not a Linux "
		    "kernel image: %.*s is a %s image", (int)w, s,
		    pxeconf_type_name(t));
	}
}

/* ldlinux's main(): UI, else DEFAULT, else (or PROMPT 1) the prompt. */
int
pxeconf_run_ldlinux(struct pxeconf_run *r, const struct pxeconf *c)
{
	if (!c->cmd.v.set)
		return pxeconf_prompt(r, c->file, 0, "no DEFAULT line");
	if (c->ui || pxeconf_num(c->prompt.v, 10) == 0)
		return load_kernel(r, c, c->cmd);
	if (c->timeout <= 0 && c->totaltimeout <= 0)
		return pxeconf_stop(r, PXECONF_WAIT, c->prompt.file,
		    c->prompt.line, "PROMPT without TIMEOUT");
	return load_kernel(r, c, c->ontimeout.v.set ? c->ontimeout : c->cmd);
}
