// SPDX-License-Identifier: ISC
/*
 * pxeconf_resolve(): from a parsed pxelinux.cfg file to the kernel, the
 * initrds and the command line pxelinux would boot unattended.  DEFAULT
 * either names a LABEL (syslinux's find_label: exact, case-sensitive, first
 * match) or is an implicit kernel; for the latter, the global APPEND comes
 * first "so that options typed after the kernel override it" (syslinux.txt),
 * which is what the seed's "DEFAULT linux" plus a global APPEND relies on.
 */
#include <stdio.h>
#include <string.h>

#include "common/pxeconf.h"

/* Image names pxelinux runs as something other than a Linux kernel. */
static const char *const not_linux[] = {
	".c32", ".img", ".bss", ".bin", ".bs", ".0", NULL
};

struct line {
	char	buf[PXECONF_CMDLINEMAX];
	size_t	len;
	bool	overflow;
};

static bool
is_space(char c)
{
	return (unsigned char)c <= ' ';
}

/* Appends a space-separated chunk (itself possibly several words). */
static void
add(struct line *l, const char *s, size_t n)
{
	while (n > 0 && is_space(*s)) {
		s++;
		n--;
	}
	while (n > 0 && is_space(s[n - 1]))
		n--;
	if (n == 0)
		return;
	if (l->overflow || l->len + (l->len > 0) + n >= sizeof(l->buf)) {
		l->overflow = true;
		return;
	}
	if (l->len > 0)
		l->buf[l->len++] = ' ';
	memcpy(l->buf + l->len, s, n);
	l->len += n;
	l->buf[l->len] = '\0';
}

/* Appends bytes right after the last ones, with no space between. */
static void
glue(struct line *l, const char *s, size_t n)
{
	if (l->overflow || l->len + n >= sizeof(l->buf)) {
		l->overflow = true;
		return;
	}
	memcpy(l->buf + l->len, s, n);
	l->len += n;
	l->buf[l->len] = '\0';
}

static size_t
word_len(const char *s, size_t n)
{
	size_t i;

	for (i = 0; i < n && !is_space(s[i]); i++)
		;
	return i;
}

static bool
span_is(struct pxeconf_span v, const char *s)
{
	return v.len == strlen(s) && memcmp(v.p, s, v.len) == 0;
}

/* syslinux's find_label(): exact and case-sensitive; the first wins. */
static const struct pxeconf_label *
find_label(const struct pxeconf *c, const char *name, size_t n)
{
	size_t i;

	for (i = 0; i < c->nlabels; i++)
		if (c->labels[i].name.len == n &&
		    memcmp(c->labels[i].name.p, name, n) == 0)
			return &c->labels[i];
	return NULL;
}

/*
 * The image name, refused when its extension makes pxelinux run it as
 * something else (parse_image_type() in ldlinux.c): a COM32 module, a
 * boot sector, a floppy image, a PXE NBP.
 */
static int
set_kernel(struct pxeconf_entry *e, const char *s, size_t n)
{
	size_t i, el;

	for (i = 0; not_linux[i] != NULL; i++) {
		el = strlen(not_linux[i]);
		if (n >= el && memcmp(s + n - el, not_linux[i], el) == 0)
			return -1;
	}
	if (n > PXECONF_NAMEMAX)
		return -1;
	memcpy(e->kernel, s, n);
	e->kernel[n] = '\0';
	return 0;
}

/* The IPAPPEND/SYSAPPEND strings for the bits set, lowest bit first. */
static void
sysappend(struct line *l, unsigned long bits,
    const char *const sys[PXECONF_SYSAPPEND])
{
	size_t i;

	for (i = 0; i < PXECONF_SYSAPPEND; i++)
		if ((bits & (1ul << i)) && sys != NULL && sys[i] != NULL)
			add(l, sys[i], strlen(sys[i]));
}

/*
 * "initrd=a,b": fills e->initrd[].  An empty name ("a,,b", a trailing
 * comma) is refused: pxelinux would try to fetch "" and stop there.
 */
static const char *
initrd_list(struct pxeconf_entry *e, const char *s, size_t n)
{
	size_t k;

	do {
		for (k = 0; k < n && s[k] != ','; k++)
			;
		if (k == 0)
			return "empty initrd name";
		if (k > PXECONF_NAMEMAX)
			return "initrd name too long";
		if (e->ninitrd == PXECONF_INITRDMAX)
			return "too many initrds";
		memcpy(e->initrd[e->ninitrd], s, k);
		e->initrd[e->ninitrd++][k] = '\0';
		s += k;
		n -= k;
	} while (n-- > 0 && *s++ == ',');
	return NULL;
}

/* Moves initrd= words out of `full' into e; the rest is the cmdline. */
static const char *
split_initrd(struct pxeconf_entry *e, const struct line *full)
{
	struct line out = { .len = 0 };
	const char *s = full->buf, *errstr;
	size_t n = full->len, w;
	bool seen = false;

	while (n > 0) {
		for (; n > 0 && is_space(*s); s++, n--)
			;
		w = word_len(s, n);
		if (w >= 7 && strncmp(s, "initrd=", 7) == 0) {
			if (!seen && (errstr = initrd_list(e, s + 7,
			    w - 7)) != NULL)
				return errstr;
			seen = true;
		} else
			add(&out, s, w);
		s += w;
		n -= w;
	}
	memcpy(e->cmdline, out.buf, out.len);
	e->cmdline[out.len] = '\0';
	return NULL;
}

/* A LABEL: its image line, APPEND (or the global one), INITRD, IPAPPEND. */
static const char *
from_label(const struct pxeconf *c, const struct pxeconf_label *lb,
    const char *const sys[PXECONF_SYSAPPEND], struct pxeconf_entry *e,
    struct line *full)
{
	struct pxeconf_span a;
	size_t w;

	if (lb->name.len > PXECONF_NAMEMAX)
		return "label name too long";
	memcpy(e->label, lb->name.p, lb->name.len);
	e->label[lb->name.len] = '\0';
	if (span_is(lb->type, "localboot"))
		return "LOCALBOOT boots the local disk: nothing to kexec";
	if (!span_is(lb->type, "kernel") && !span_is(lb->type, "linux"))
		return "not a Linux kernel image";
	w = word_len(lb->kernel.p, lb->kernel.len);
	if (set_kernel(e, lb->kernel.p, w) == -1)
		return "not a Linux kernel image, or name too long";
	add(full, lb->kernel.p + w, lb->kernel.len - w);
	a = lb->append.set ? lb->append : c->append;
	if (a.set && !span_is(a, "-"))
		add(full, a.p, a.len);
	if (lb->initrd.set) {
		/* INITRD x becomes " initrd=x" after APPEND (record()). */
		add(full, "initrd=", 7);
		glue(full, lb->initrd.p, lb->initrd.len);
	}
	sysappend(full, lb->has_ipappend ? lb->ipappend : c->ipappend, sys);
	return NULL;
}

/*
 * With a UI menu, what the menu boots when left alone: the MENU DEFAULT
 * label, else the label DEFAULT names, else the first entry (menu.c32's
 * defentry starts at 0; readconfig.c moves it only to a label).
 */
static const struct pxeconf_label *
menu_entry(const struct pxeconf *c)
{
	const struct pxeconf_label *lb;

	if (c->menu_default > 0)
		return &c->labels[c->menu_default - 1];
	if (c->deflt.set && (lb = find_label(c, c->deflt.p,
	    word_len(c->deflt.p, c->deflt.len))) != NULL)
		return lb;
	return &c->labels[0];
}

int
pxeconf_resolve(const struct pxeconf *c,
    const char *const sys[PXECONF_SYSAPPEND], struct pxeconf_entry *e,
    struct perr *err)
{
	const struct pxeconf_label *lb = NULL;
	struct line full = { .len = 0 };
	const char *errstr = NULL, *rest = "";
	size_t w = 0, nrest = 0;
	unsigned line = c->deflt_line;

	memset(e, 0, sizeof(*e));
	if (c->ui && c->nlabels > 0)
		lb = menu_entry(c);
	else if (!c->deflt.set) {
		snprintf(err->msg, sizeof(err->msg), "%s: no DEFAULT line",
		    c->file);
		err->line = 0;
		return -1;
	} else {
		w = word_len(c->deflt.p, c->deflt.len);
		rest = c->deflt.p + w;
		nrest = c->deflt.len - w;
		lb = find_label(c, c->deflt.p, w);
	}
	if (lb != NULL) {
		line = lb->line;
		errstr = from_label(c, lb, sys, e, &full);
	} else if (set_kernel(e, c->deflt.p, w) == -1)
		errstr = "DEFAULT names no LABEL and no Linux kernel";
	else {
		if (c->append.set && !span_is(c->append, "-"))
			add(&full, c->append.p, c->append.len);
		sysappend(&full, c->ipappend, sys);
	}
	if (errstr == NULL) {
		add(&full, rest, nrest);
		if (full.overflow)
			errstr = "command line too long";
		else
			errstr = split_initrd(e, &full);
	}
	if (errstr != NULL) {
		perr_set(err, c->file, line, "%s", errstr);
		return -1;
	}
	return 0;
}

/*
 * The file pxelinux fetches last for the entry it boots: the last initrd of
 * the first initrd= list, else the kernel, leading slashes removed (the
 * form a transfer log names it in).  No IPAPPEND strings: they add no file.
 */
int
pxeconf_lastfile(const struct pxeconf *c, char name[PXECONF_NAMEMAX + 1],
    struct perr *err)
{
	const struct pxeconf_label *lb = NULL;
	struct pxeconf_entry e;
	const char *s;

	if (c->ui && c->nlabels > 0)
		lb = menu_entry(c);
	else if (c->deflt.set)
		lb = find_label(c, c->deflt.p,
		    word_len(c->deflt.p, c->deflt.len));
	if (lb != NULL && span_is(lb->type, "localboot"))
		return 0;
	if (pxeconf_resolve(c, NULL, &e, err) == -1)
		return -1;
	s = e.ninitrd > 0 ? e.initrd[e.ninitrd - 1] : e.kernel;
	while (*s == '/')
		s++;
	strlcpy(name, s, PXECONF_NAMEMAX + 1);
	return 1;
}
