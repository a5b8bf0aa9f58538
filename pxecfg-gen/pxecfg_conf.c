// SPDX-License-Identifier: ISC
/*
 * pxecfg-gen.conf(5) parser.  Statements end with ';', blocks are braced,
 * values are words or "strings"; a template is a list of strings, one per
 * line of the generated file.  Unknown statements are errors with
 * file:line, never ignored.  Names of profiles are checked afterwards by
 * pxecfg_conf_check(), so a profile may be defined after it is used.
 */
#include <string.h>
#include <strings.h>

#include "common/array.h"
#include "pxecfg_conf_int.h"

/* The group and default files follow the nodes' default unless set. */
static int
cp_default(struct cp *cp)
{
	struct pxecfg_conf *c = cp->c;

	if (cp_pname(cp, c->profile, &c->profile_line, false) == -1)
		return -1;
	if (c->group_line == 0 && c->group[0] != '\0')
		strlcpy(c->group, c->profile, sizeof(c->group));
	if (c->dflt_line == 0 && c->dflt[0] != '\0')
		strlcpy(c->dflt, c->profile, sizeof(c->dflt));
	return 0;
}

/* "base NAME;" copies an earlier profile's contents, keeping our name. */
static int
cp_base(struct cp *cp, struct pxecfg_profile *p)
{
	const struct pxecfg_profile *from;
	char name[PXECFG_NAMELEN];
	unsigned line;

	if (cp_pname(cp, name, &line, false) == -1)
		return -1;
	if ((from = pxecfg_conf_profile(cp->c, name)) == NULL || from == p) {
		perr_set(cp->err, cp->file, line, "base: no profile named %s "
		    "defined before", name);
		return -1;
	}
	strlcpy(name, p->name, sizeof(name));
	line = p->line;
	*p = *from;
	strlcpy(p->name, name, sizeof(p->name));
	p->line = line;
	return 0;
}

static int
cp_profile_stmt(struct cp *cp, struct pxecfg_profile *p,
    const struct conftok_tok *kw)
{
	const char *k = kw->text;

	if (kw->type != CT_WORD)
		return cp_fail(cp, kw->line, "expected a profile statement");
	if (strcmp(k, "base") == 0)
		return cp_base(cp, p);
	if (strcmp(k, "kernel") == 0)
		return cp_one(cp, p->kernel, sizeof(p->kernel));
	if (strcmp(k, "initrd") == 0)
		return cp_one(cp, p->initrd, sizeof(p->initrd));
	if (strcmp(k, "append") == 0)
		return cp_list(cp, p->append, sizeof(p->append), false);
	if (strcmp(k, "http") == 0)
		return cp_http(cp, p->http);
	if (strcmp(k, "pxelinux") == 0)
		return cp_list(cp, p->pxelinux, sizeof(p->pxelinux), true);
	if (strcmp(k, "ipxe") == 0)
		return cp_list(cp, p->ipxe, sizeof(p->ipxe), true);
	if (strcmp(k, "grub") == 0)
		return cp_list(cp, p->grub, sizeof(p->grub), true);
	perr_set(cp->err, cp->file, kw->line, "unknown profile statement %s",
	    k);
	return -1;
}

/* Reads "{ stmt... }" after `what NAME', calling fn for each statement. */
static int
cp_block(struct cp *cp, int (*fn)(struct cp *, void *,
    const struct conftok_tok *), void *arg)
{
	struct conftok_tok t;

	if (conftok_next(&cp->ct, &t, cp->err) == -1)
		return -1;
	if (!conftok_is(&t, '{'))
		return cp_fail(cp, t.line, "expected '{'");
	for (;;) {
		if (conftok_next(&cp->ct, &t, cp->err) == -1)
			return -1;
		if (conftok_is(&t, '}'))
			return 0;
		if (t.type == CT_EOF)
			return cp_fail(cp, t.line, "missing '}'");
		if (fn(cp, arg, &t) == -1)
			return -1;
	}
}

static int
cp_profile_fn(struct cp *cp, void *arg, const struct conftok_tok *t)
{
	return cp_profile_stmt(cp, arg, t);
}

static int
cp_profile(struct cp *cp)
{
	struct pxecfg_conf *c = cp->c;
	struct pxecfg_profile *p = NULL;
	struct conftok_tok t;
	size_t i;

	if (cp_value(cp, &t) == -1)
		return -1;
	for (i = 0; i < c->nprof && p == NULL; i++)
		if (strcmp(c->prof[i].name, t.text) == 0)
			p = &c->prof[i];
	if (p == NULL) {
		if (c->nprof == PXECFG_PROFMAX)
			return cp_fail(cp, t.line, "too many profiles");
		if (t.len >= sizeof(p->name) || strcmp(t.text, "none") == 0)
			return cp_fail(cp, t.line, "bad profile name");
		p = &c->prof[c->nprof++];
		memset(p, 0, sizeof(*p));
		strlcpy(p->name, t.text, sizeof(p->name));
	}
	p->line = t.line;
	if (cp_block(cp, cp_profile_fn, p) == -1)
		return -1;
	if (p->pxelinux[0] == '\0') {
		perr_set(cp->err, cp->file, p->line, "profile %s has no "
		    "pxelinux template (give one, or a base)", p->name);
		return -1;
	}
	return 0;
}

static int
cp_node_fn(struct cp *cp, void *arg, const struct conftok_tok *t)
{
	struct pxecfg_nodeset *n = arg;

	if (t->type != CT_WORD || strcmp(t->text, "profile") != 0) {
		perr_set(cp->err, cp->file, t->line, "unknown node statement "
		    "%s", t->text);
		return -1;
	}
	return cp_pname(cp, n->profile, &n->line, false);
}

static int
cp_node(struct cp *cp)
{
	struct pxecfg_conf *c = cp->c;
	struct pxecfg_nodeset *n;
	struct conftok_tok t;
	size_t i;

	if (cp_value(cp, &t) == -1)
		return -1;
	if (!text_hostname_ok(t.text))
		return cp_fail(cp, t.line, "bad host name");
	for (i = 0; i < c->nnode; i++)
		if (strcasecmp(c->node[i].name, t.text) == 0) {
			perr_set(cp->err, cp->file, t.line, "node %s already "
			    "set at line %u", t.text, c->node[i].line);
			return -1;
		}
	if (array_grow(&c->node, &c->nodecap, c->nnode, sizeof(*c->node)) ==
	    -1)
		return cp_fail(cp, t.line, "out of memory");
	n = &c->node[c->nnode];
	memset(n, 0, sizeof(*n));
	strlcpy(n->name, t.text, sizeof(n->name));
	if (cp_block(cp, cp_node_fn, n) == -1)
		return -1;
	n->line = t.line;
	c->nnode++;
	return 0;
}

static int
cp_stmt(struct cp *cp, const struct conftok_tok *kw)
{
	struct pxecfg_conf *c = cp->c;
	const char *k = kw->text;

	if (kw->type != CT_WORD)
		return cp_fail(cp, kw->line, "expected a statement");
	if (strcmp(k, "kernel") == 0)
		return cp_one(cp, c->kernel, sizeof(c->kernel));
	if (strcmp(k, "initrd") == 0)
		return cp_one(cp, c->initrd, sizeof(c->initrd));
	if (strcmp(k, "device") == 0)
		return cp_one(cp, c->device, sizeof(c->device));
	if (strcmp(k, "append") == 0)
		return cp_list(cp, c->append, sizeof(c->append), false);
	if (strcmp(k, "http") == 0)
		return cp_http(cp, c->http);
	if (strcmp(k, "names") == 0)
		return cp_names(cp);
	if (strcmp(k, "ipxe") == 0)
		return cp_bool(cp, &c->ipxe);
	if (strcmp(k, "grub") == 0)
		return cp_bool(cp, &c->grub);
	if (strcmp(k, "default-profile") == 0)
		return cp_default(cp);
	if (strcmp(k, "group-files") == 0)
		return cp_pname(cp, c->group, &c->group_line, true);
	if (strcmp(k, "default-file") == 0)
		return cp_pname(cp, c->dflt, &c->dflt_line, true);
	if (strcmp(k, "profile") == 0)
		return cp_profile(cp);
	if (strcmp(k, "node") == 0)
		return cp_node(cp);
	perr_set(cp->err, cp->file, kw->line, "unknown statement %s", k);
	return -1;
}

int
pxecfg_conf_parse(struct pxecfg_conf *c, const char *text, size_t len,
    const char *file, struct perr *err)
{
	struct cp cp;
	struct conftok_tok t;

	memset(&cp, 0, sizeof(cp));
	conftok_init(&cp.ct, text, len, file);
	cp.c = c;
	cp.err = err;
	cp.file = file;
	c->file = file;
	for (;;) {
		if (conftok_next(&cp.ct, &t, err) == -1)
			return -1;
		if (t.type == CT_EOF)
			return 0;
		if (cp_stmt(&cp, &t) == -1)
			return -1;
	}
}
