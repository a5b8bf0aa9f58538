// SPDX-License-Identifier: ISC
/*
 * pxelinux.cfg files: lines (cut at the first CR, as syslinux does), TEXT
 * ... ENDTEXT blocks (their lines are not keywords), MENU lines to
 * pxeconf_menu.c, the rest to pxeconf_keyword().  INCLUDE reads a file of
 * the caller's set in place, as syslinux does; one the set holds without
 * text is skipped as pxelinux skips a file it cannot open, one it lacks is
 * asked for (PXECONF_NEED).
 */
#include <errno.h>
#include <stdlib.h>
#include <string.h>

#include "pxeconf/pxeconf_file.h"
#include "pxeconf/pxeconf_keyword.h"
#include "pxeconf/pxeconf_lex.h"
#include "pxeconf/pxeconf_menu.h"

static int	include(struct pxeconf *, const char *, size_t, const char *,
		    unsigned, unsigned, struct perr *);

/* One line without its end of line; *in_text tracks TEXT blocks. */
static int
parse_line(struct pxeconf *c, const char *s, size_t len, const char *file,
    unsigned line, unsigned depth, bool *in_text, struct perr *err)
{
	size_t o;

	while (len > 0 && pxeconf_space(*s)) {
		s++;
		len--;
	}
	if (*in_text) {
		if (pxeconf_kw(s, len, "endtext", &o))
			*in_text = false;
		return 0;
	}
	if (pxeconf_kw(s, len, "menu", &o)) {
		s += o;
		len -= o;
		/* MENU INCLUDE reads a file as INCLUDE does (readconfig.c). */
		if (pxeconf_kw(s, len, "include", &o))
			return include(c, s + o, len - o, file, line, depth,
			    err);
		return pxeconf_menu_line(c, s, len, file, line, err);
	}
	if (pxeconf_kw(s, len, "text", &o)) {
		*in_text = true;
		return 0;
	}
	if (pxeconf_kw(s, len, "include", &o))
		return include(c, s + o, len - o, file, line, depth, err);
	return pxeconf_keyword(c, s, len, file, line, err);
}

static int
parse_src(struct pxeconf *c, const struct pxeconf_src *src, unsigned depth,
    struct perr *err)
{
	const char *text = src->text, *nl, *cr;
	size_t n, len = src->len;
	unsigned line = 0;
	bool in_text = false;
	int r;

	while (len > 0) {
		line++;
		nl = memchr(text, '\n', len);
		n = nl != NULL ? (size_t)(nl - text) : len;
		if (n >= PXECONF_LINEMAX) {
			perr_set(err, src->name, line, "line too long");
			return -1;
		}
		if (memchr(text, '\0', n) != NULL) {
			perr_set(err, src->name, line, "NUL byte in line");
			return -1;
		}
		if ((cr = memchr(text, '\r', n)) != NULL)
			n = (size_t)(cr - text);	/* syslinux's cut */
		if ((r = parse_line(c, text, n, src->name, line, depth,
		    &in_text, err)) != 0)
			return r;
		n = nl != NULL ? (size_t)(nl - text) + 1 : len;
		text += n;
		len -= n;
	}
	return 0;
}

const struct pxeconf_src *
pxeconf_find_src(const struct pxeconf_src *set, size_t nset,
    const char *name, size_t n)
{
	size_t i;

	for (i = 0; i < nset; i++)
		if (strlen(set[i].name) == n &&
		    memcmp(set[i].name, name, n) == 0)
			return &set[i];
	return NULL;
}

/*
 * INCLUDE: reads the file named by the first word of s; 1 (PXECONF_NEED)
 * when c's set lacks it, -1 with err.  A tag after the name makes the
 * file a submenu, as menu.c32 does (MENU BEGIN tag ... MENU END).  The
 * parser's recursion: parse_src() -> parse_line() -> include().
 */
static int
include(struct pxeconf *c, const char *s, size_t len, const char *file,
    unsigned line, unsigned depth, struct perr *err)
{
	const struct pxeconf_src *src;
	struct pxeconf_span tag;
	size_t n = pxeconf_word(s, len);
	int r;

	if (n == 0)
		return 0;
	if (n > PXECONF_NAMEMAX) {
		perr_set(err, file, line, "INCLUDE name too long");
		return -1;
	}
	if ((src = pxeconf_find_src(c->set, c->nset, s, n)) == NULL) {
		if (c->skip_unknown)
			return 0;
		memcpy(c->need, s, n);
		c->need[n] = '\0';
		return 1;
	}
	if (src->text == NULL)
		return 0;
	if (depth + 1 >= PXECONF_DEPTHMAX) {
		perr_set(err, file, line, "INCLUDE nested deeper than %d",
		    PXECONF_DEPTHMAX);
		return -1;
	}
	for (; n < len && pxeconf_space(s[n]); n++)
		;
	tag = pxeconf_trim(s + n, len - n);
	if (tag.len > 0) {
		pxeconf_record(c);
		if (pxeconf_menu_new(c) == -1) {
			perr_set(err, file, line, "%s", strerror(errno));
			return -1;
		}
	}
	r = parse_src(c, src, depth + 1, err);
	if (tag.len > 0) {
		pxeconf_record(c);
		c->cur = c->menus[c->cur].parent;
	}
	return r;
}

int
pxeconf_load(struct pxeconf *c, const struct pxeconf_src *set, size_t nset,
    const char *const *names, size_t n, bool skip, struct perr *err)
{
	size_t i;
	int r;

	memset(c, 0, sizeof(*c));
	c->file = n > 0 ? names[0] : "";
	c->set = set;
	c->nset = nset;
	c->skip_unknown = skip;
	c->implicit = 1;
	if (pxeconf_menu_new(c) == -1) {
		perr_set(err, c->file, 0, "%s", strerror(errno));
		return -1;
	}
	for (i = 0; i < n; i++)
		if ((r = include(c, names[i], strlen(names[i]), c->file, 0, 0,
		    err)) != 0)
			return r;
	pxeconf_record(c);
	return 0;
}

int
pxeconf_parse_set(struct pxeconf *c, const struct pxeconf_src *set,
    size_t nset, const char *const *names, size_t n, struct perr *err)
{
	return pxeconf_load(c, set, nset, names, n, false, err);
}

int
pxeconf_parse(struct pxeconf *c, const char *text, size_t len,
    const char *file, struct perr *err)
{
	struct pxeconf_src own = { file, text, len };
	int r;

	if ((r = pxeconf_load(c, NULL, 0, &file, 0, true, err)) != 0)
		return r;
	c->own = own;
	c->set = &c->own;
	c->nset = 1;
	c->file = file;
	if ((r = parse_src(c, &c->own, 0, err)) != 0)
		return r;
	pxeconf_record(c);
	return 0;
}

void
pxeconf_free(struct pxeconf *c)
{
	free(c->labels);
	free(c->menus);
	c->labels = NULL;
	c->menus = NULL;
	c->nlabels = c->cap = c->nmenus = c->mcap = 0;
}
