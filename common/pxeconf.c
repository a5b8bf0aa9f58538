// SPDX-License-Identifier: ISC
/*
 * pxelinux.cfg parser.  A line is a keyword (case-insensitive, ended by
 * white space or the end of the line) and a value running to the end of
 * the line; white space is anything up to ' ', as in syslinux.  Keywords
 * pxelinux ignores in unattended boots are skipped, TEXT ... ENDTEXT blocks
 * included (their lines are not keywords).  Values are spans of the
 * caller's buffer: nothing is copied.
 */
#include <errno.h>
#include <stdlib.h>
#include <string.h>

#include "common/text.h"
#include "common/pxeconf.h"

static const char *const image_types[] = {
	"kernel", "linux", "localboot", "boot", "bss", "pxe", "fdimage",
	"comboot", "com32", "config", NULL
};

/* syslinux's my_isspace(): every control character counts as space. */
static bool
is_space(char c)
{
	return (unsigned char)c <= ' ';
}

/* The keyword kw at *s (any case) followed by space or the end? */
static bool
looking_at(const char *s, size_t len, const char *kw, size_t *vp)
{
	size_t i, n = strlen(kw);

	if (len < n)
		return false;
	for (i = 0; i < n; i++)
		if ((s[i] | 0x20) != kw[i])
			return false;
	if (len > n && !is_space(s[n]))
		return false;
	for (i = n; i < len && is_space(s[i]); i++)
		;
	*vp = i;
	return true;
}

/* A value without its trailing white space (a CR before the LF too). */
static struct pxeconf_span
span(const char *s, size_t len)
{
	struct pxeconf_span sp = { s, len, true };

	while (sp.len > 0 && is_space(sp.p[sp.len - 1]))
		sp.len--;
	return sp;
}

/* IPAPPEND's number: strtoul() base 0 on a bounded copy, as syslinux. */
static unsigned long
number(struct pxeconf_span v)
{
	char buf[32];

	if (v.len >= sizeof(buf))
		v.len = sizeof(buf) - 1;
	memcpy(buf, v.p, v.len);
	buf[v.len] = '\0';
	return strtoul(buf, NULL, 0);
}

/* The label being parsed, or NULL in the global section. */
static struct pxeconf_label *
cur(struct pxeconf *c)
{
	return c->nlabels == 0 ? NULL : &c->labels[c->nlabels - 1];
}

/*
 * LABEL name: only the first word names it (syslinux's __refdup_word), and
 * until a KERNEL line the label boots an image of its own name.
 */
static int
new_label(struct pxeconf *c, struct pxeconf_span v, unsigned line,
    struct perr *err)
{
	struct pxeconf_label *l;
	size_t n;

	for (n = 0; n < v.len && !is_space(v.p[n]); n++)
		;
	if (n == 0) {
		perr_set(err, c->file, line, "LABEL without a name");
		return -1;
	}
	if (text_grow(&c->labels, &c->cap, c->nlabels,
	    sizeof(*c->labels)) == -1) {
		perr_set(err, c->file, line, "%s", strerror(errno));
		return -1;
	}
	l = &c->labels[c->nlabels++];
	memset(l, 0, sizeof(*l));
	l->name = span(v.p, n);
	l->kernel = l->name;		/* an image named like its label */
	l->type = span("kernel", 6);
	l->line = line;
	return 0;
}

/* The keywords that matter inside and outside a LABEL. */
static int
keyword(struct pxeconf *c, const char *s, size_t len, unsigned line,
    struct perr *err)
{
	struct pxeconf_label *l = cur(c);
	struct pxeconf_span v;
	size_t i, o;

	if (looking_at(s, len, "label", &o))
		return new_label(c, span(s + o, len - o), line, err);
	for (i = 0; image_types[i] != NULL; i++)
		if (looking_at(s, len, image_types[i], &o)) {
			v = span(s + o, len - o);
			if (v.len == 0) {
				perr_set(err, c->file, line, "%s without a "
				    "value", image_types[i]);
				return -1;
			}
			if (l != NULL) {	/* pxelinux ignores it outside */
				l->kernel = v;
				l->type = span(image_types[i],
				    strlen(image_types[i]));
			}
			return 0;
		}
	if (looking_at(s, len, "append", &o)) {
		if (l != NULL)
			l->append = span(s + o, len - o);
		else
			c->append = span(s + o, len - o);
	} else if (looking_at(s, len, "initrd", &o)) {
		/* pxelinux ignores a global INITRD too */
		if (l != NULL)
			l->initrd = span(s + o, len - o);
	} else if (looking_at(s, len, "ipappend", &o) ||
	    looking_at(s, len, "sysappend", &o)) {
		if (l != NULL) {
			l->ipappend = number(span(s + o, len - o));
			l->has_ipappend = true;
		} else
			c->ipappend = number(span(s + o, len - o));
	} else if (looking_at(s, len, "default", &o)) {
		c->deflt = span(s + o, len - o);
		c->deflt_line = line;
		if (c->deflt.len == 0) {
			perr_set(err, c->file, line, "DEFAULT without a value");
			return -1;
		}
	} else if (looking_at(s, len, "ui", &o))
		c->ui = true;
	return 0;
}

/* MENU lines: only MENU DEFAULT matters; MENU INCLUDE is refused. */
static int
menu(struct pxeconf *c, const char *s, size_t len, unsigned line,
    struct perr *err)
{
	size_t o;

	if (looking_at(s, len, "default", &o)) {
		if (c->nlabels > 0)
			c->menu_default = c->nlabels;
	} else if (looking_at(s, len, "include", &o)) {
		perr_set(err, c->file, line, "MENU INCLUDE is not supported");
		return -1;
	}
	return 0;
}

/* One line without its end of line; *in_text tracks TEXT blocks. */
static int
parse_line(struct pxeconf *c, const char *s, size_t len, unsigned line,
    bool *in_text, struct perr *err)
{
	size_t o;

	while (len > 0 && is_space(*s)) {
		s++;
		len--;
	}
	if (*in_text) {
		if (looking_at(s, len, "endtext", &o))
			*in_text = false;
		return 0;
	}
	if (looking_at(s, len, "text", &o)) {
		*in_text = true;
		return 0;
	}
	if (looking_at(s, len, "menu", &o))
		return menu(c, s + o, len - o, line, err);
	if (looking_at(s, len, "include", &o)) {
		perr_set(err, c->file, line, "INCLUDE is not supported");
		return -1;
	}
	return keyword(c, s, len, line, err);
}

int
pxeconf_parse(struct pxeconf *c, const char *text, size_t len,
    const char *file, struct perr *err)
{
	const char *nl;
	size_t n;
	unsigned line = 0;
	bool in_text = false;

	memset(c, 0, sizeof(*c));
	c->file = file;
	while (len > 0) {
		line++;
		nl = memchr(text, '\n', len);
		n = nl != NULL ? (size_t)(nl - text) : len;
		if (n > 0 && text[n - 1] == '\r')
			n--;
		if (n >= PXECONF_LINEMAX) {
			perr_set(err, file, line, "line too long");
			return -1;
		}
		if (memchr(text, '\0', n) != NULL) {
			perr_set(err, file, line, "NUL byte in line");
			return -1;
		}
		if (parse_line(c, text, n, line, &in_text, err) == -1)
			return -1;
		n = nl != NULL ? (size_t)(nl - text) + 1 : len;
		text += n;
		len -= n;
	}
	return 0;
}

void
pxeconf_free(struct pxeconf *c)
{
	free(c->labels);
	c->labels = NULL;
	c->nlabels = c->cap = 0;
}
