// SPDX-License-Identifier: ISC
/*
 * Command lines, as pxelinux builds and runs them: a label's line as
 * syslinux's record() makes it (image and its options, APPEND or the
 * global one, " initrd=" INITRD, the IPAPPEND strings; ".type " in front
 * for an image keyword other than KERNEL), and a Linux kernel's line
 * taken apart into the kernel, the initrds of the first initrd= and the
 * rest.
 */
#include <string.h>

#include "pxeconf/pxeconf_entry.h"
#include "pxeconf/pxeconf_lex.h"

/* Appends a space-separated chunk (itself possibly several words). */
void
pxeconf_add(struct pxeconf_line *l, const char *s, size_t n)
{
	while (n > 0 && pxeconf_space(*s)) {
		s++;
		n--;
	}
	while (n > 0 && pxeconf_space(s[n - 1]))
		n--;
	if (n == 0)
		return;
	if (l->len > 0)
		pxeconf_glue(l, " ", 1);
	pxeconf_glue(l, s, n);
}

/* Appends bytes right after the last ones, with no space between. */
void
pxeconf_glue(struct pxeconf_line *l, const char *s, size_t n)
{
	if (l->overflow || l->len + n >= sizeof(l->buf)) {
		l->overflow = true;
		return;
	}
	memcpy(l->buf + l->len, s, n);
	l->len += n;
	l->buf[l->len] = '\0';
}

void
pxeconf_label_cmd(const struct pxeconf_label *lb,
    const char *const sys[PXECONF_SYSAPPEND], struct pxeconf_line *l)
{
	struct pxeconf_span a = lb->append.set ? lb->append : lb->gappend;
	size_t i;

	memset(l, 0, sizeof(*l));
	if (lb->type != PXECONF_T_KERNEL) {
		pxeconf_glue(l, ".", 1);
		pxeconf_glue(l, pxeconf_type_name(lb->type),
		    strlen(pxeconf_type_name(lb->type)));
		pxeconf_glue(l, " ", 1);
		pxeconf_glue(l, lb->kernel.v.p, lb->kernel.v.len);
	} else
		pxeconf_add(l, lb->kernel.v.p, lb->kernel.v.len);
	if (a.set && !(a.len == 1 && a.p[0] == '-'))
		pxeconf_add(l, a.p, a.len);
	if (lb->initrd.set) {
		/* INITRD x becomes " initrd=x" after APPEND (record()). */
		pxeconf_add(l, "initrd=", 7);
		pxeconf_glue(l, lb->initrd.p, lb->initrd.len);
	}
	for (i = 0; i < PXECONF_SYSAPPEND; i++)
		if ((lb->ipappend & (1ul << i)) && sys != NULL &&
		    sys[i] != NULL)
			pxeconf_add(l, sys[i], strlen(sys[i]));
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

const char *
pxeconf_entry_make(struct pxeconf_entry *e, const char *kernel, size_t klen,
    const struct pxeconf_line *args)
{
	struct pxeconf_line out = { .len = 0 };
	const char *s = args->buf, *errstr;
	size_t n = args->len, w;
	bool seen = false;

	if (args->overflow)
		return "command line too long";
	if (klen == 0)
		return "no kernel named";
	if (klen > PXECONF_NAMEMAX)
		return "kernel name too long";
	memcpy(e->kernel, kernel, klen);
	e->kernel[klen] = '\0';
	while (n > 0) {
		for (; n > 0 && pxeconf_space(*s); s++, n--)
			;
		w = pxeconf_word(s, n);
		if (w >= 7 && strncmp(s, "initrd=", 7) == 0) {
			/* The first initrd= counts (kernel.c's strstr()). */
			if (!seen && (errstr = initrd_list(e, s + 7,
			    w - 7)) != NULL)
				return errstr;
			seen = true;
		} else
			pxeconf_add(&out, s, w);
		s += w;
		n -= w;
	}
	memcpy(e->cmdline, out.buf, out.len);
	e->cmdline[out.len] = '\0';
	return NULL;
}

void
pxeconf_entry_last(const struct pxeconf_entry *e,
    char name[PXECONF_NAMEMAX + 1])
{
	const char *s = e->ninitrd > 0 ? e->initrd[e->ninitrd - 1] :
	    e->kernel;

	if (strncmp(s, "::", 2) == 0)
		s += 2;
	while (*s == '/')
		s++;
	strlcpy(name, s, PXECONF_NAMEMAX + 1);
}
