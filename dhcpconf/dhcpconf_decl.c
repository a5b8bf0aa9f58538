// SPDX-License-Identifier: ISC
/*
 * dhcpconf host and class declarations: `host NAME { hardware ethernet
 * MAC; fixed-address IP; ... }', `class "NAME" { match if EXPR; match
 * EXPR; spawn with EXPR; ... }' and `subclass "NAME" VALUE { ... }' (the
 * client is in the subclass when the class's `match' value equals VALUE;
 * its statements inherit the class's).
 */
#include <stdlib.h>
#include <string.h>
#include <strings.h>

#include "dhcpconf_int.h"

/* A declaration's name: a word or a "string". */
static int
dc_name(struct dc_parser *p, char *dst, size_t sz, const char *what)
{
	struct conftok_tok t;

	if (dc_next(p, &t) == -1)
		return -1;
	if (t.type != CT_WORD && t.type != CT_STRING)
		return dc_fail(p, t.line, "expected a %s name", what);
	if (t.len == 0 || strlcpy(dst, t.text, sz) >= sz)
		return dc_fail(p, t.line, "bad %s name", what);
	return 0;
}

/*
 * A host is known by its hardware address or, as ISC does for InfiniBand
 * hosts (whose 20-byte addresses do not fit `hardware ethernet'), by the
 * dhcp-client-identifier its block sets.
 */
static int
dc_host_id(struct dc_parser *p, struct dc_host *h, int scope)
{
	const struct dc_params *pa = &p->c->scopes[scope].p;
	size_t i;
	int off;

	const struct dc_opt *o = NULL;
	const struct dc_expr *x;

	for (i = pa->nopt; i-- > 0 && o == NULL;)
		if (pa->opt[i].space == DC_SPACE_DHCP && pa->opt[i].code == 61)
			o = &pa->opt[i];
	if (o != NULL && o->expr == -1 && o->len > 0) {
		if ((off = dc_blob_add(p, o->data, o->len, h->line)) == -1)
			return -1;
		h = &p->c->hosts[p->c->scopes[scope].index];
		h->uid_off = (uint32_t)off;
		h->uid_len = o->len;
		return 0;
	}
	/* `option dhcp-client-identifier = ff:00:...;' is a constant too. */
	if (o != NULL && o->expr != -1 &&
	    (x = &p->c->exprs[o->expr])->op == DE_CONST && x->len > 0) {
		h->uid_off = x->off;
		h->uid_len = x->len;
		return 0;
	}
	if (h->has_mac)
		return 0;
	return dc_fail(p, h->line, "host %s has no 'hardware ethernet' and "
	    "no dhcp-client-identifier", h->name);
}

int
dc_stmt_host(struct dc_parser *p, int scope, const struct conftok_tok *kw)
{
	struct dhcpconf *c = p->c;
	struct dc_host h;
	int s;

	memset(&h, 0, sizeof(h));
	h.line = kw->line;
	h.subnet = -1;
	strlcpy(h.file, p->file, sizeof(h.file));
	if (dc_name(p, h.name, sizeof(h.name), "host") == -1)
		return -1;
	if ((s = dc_new(p, DC_K_HOST, scope, kw->line)) == -1)
		return -1;
	h.scope = s;
	if (array_push(&c->hosts, &c->nhosts, sizeof(h)) == -1)
		return dc_fail(p, kw->line, "out of memory");
	c->hosts[c->nhosts - 1] = h;
	c->scopes[s].index = (int)c->nhosts - 1;
	if (dc_subblock(p, s) == -1)
		return -1;
	return dc_host_id(p, &c->hosts[c->scopes[s].index], s);
}

int
dc_stmt_hardware(struct dc_parser *p, int scope, const struct conftok_tok *kw)
{
	struct dc_host *h = &p->c->hosts[p->c->scopes[scope].index];
	struct conftok_tok t;

	if (dc_word(p, &t, "'ethernet'") == -1)
		return -1;
	if (strcasecmp(t.text, "ethernet") != 0)
		return dc_fail(p, t.line, "unsupported hardware type '%s'",
		    t.text);
	if (dc_word(p, &t, "a MAC address") == -1)
		return -1;
	if (h->has_mac)
		return dc_fail(p, t.line, "second 'hardware' in host %s",
		    h->name);
	if (mac_parse(t.text, h->mac) == -1)
		return dc_fail(p, t.line, "bad MAC address '%s'", t.text);
	h->has_mac = true;
	return dc_semi(p);
}

int
dc_stmt_fixed(struct dc_parser *p, int scope, const struct conftok_tok *kw)
{
	struct dc_host *h = &p->c->hosts[p->c->scopes[scope].index];
	struct conftok_tok t;
	uint32_t ip;
	int ok;

	if (h->has_fixed)
		return dc_fail(p, kw->line, "second 'fixed-address' in "
		    "host %s", h->name);
	if (dc_next(p, &t) == -1 || (ok = dc_addr(p, &t, &ip)) == -1 ||
	    dc_next(p, &t) == -1)
		return -1;
	h = &p->c->hosts[p->c->scopes[scope].index];
	h->fixed = ip;
	if (conftok_is(&t, ','))
		return dc_fail(p, t.line, "only one fixed-address per host "
		    "is supported");
	if (!conftok_is(&t, ';'))
		return dc_fail(p, t.line, "expected ';', not '%s'", t.text);
	h->has_fixed = ok == 1;
	return 0;
}

/* A class or subclass: its scope and table entry; the class index. */
static int
dc_class_new(struct dc_parser *p, int scope, struct dc_class *cl)
{
	struct dhcpconf *c = p->c;
	int s;

	if ((s = dc_new(p, DC_K_CLASS, scope, cl->line)) == -1)
		return -1;
	cl->scope = s;
	if (array_push(&c->classes, &c->nclasses, sizeof(*cl)) == -1)
		return dc_fail(p, cl->line, "out of memory");
	c->classes[c->nclasses - 1] = *cl;
	c->scopes[s].index = (int)c->nclasses - 1;
	return (int)c->nclasses - 1;
}

static int
dc_class_find(const struct dhcpconf *c, const char *name)
{
	size_t i;

	for (i = 0; i < c->nclasses; i++)
		if (c->classes[i].parent == -1 &&
		    strcmp(c->classes[i].name, name) == 0)
			return (int)i;
	return -1;
}

int
dc_stmt_class(struct dc_parser *p, int scope, const struct conftok_tok *kw)
{
	struct dc_class cl;
	int k;

	memset(&cl, 0, sizeof(cl));
	cl.line = kw->line;
	cl.match = cl.submatch = cl.parent = -1;
	if (dc_name(p, cl.name, sizeof(cl.name), "class") == -1)
		return -1;
	if ((k = dc_class_find(p->c, cl.name)) != -1)
		return dc_fail(p, kw->line, "class \"%s\" already declared at "
		    "line %u", cl.name, p->c->classes[k].line);
	if ((k = dc_class_new(p, scope, &cl)) == -1)
		return -1;
	return dc_subblock(p, p->c->classes[k].scope);
}

/* subclass "CLASS" VALUE; or subclass "CLASS" VALUE { ... } */
int
dc_stmt_subclass(struct dc_parser *p, int scope, const struct conftok_tok *kw)
{
	struct dhcpconf *c = p->c;
	struct dc_class cl;
	struct conftok_tok t;
	uint8_t v[DC_OPT_MAX];
	bool text;
	int k, n;

	memset(&cl, 0, sizeof(cl));
	cl.line = kw->line;
	cl.match = cl.submatch = -1;
	if (dc_name(p, cl.name, sizeof(cl.name), "class") == -1)
		return -1;
	if ((cl.parent = dc_class_find(c, cl.name)) == -1)
		return dc_fail(p, kw->line, "unknown class '%s'", cl.name);
	if (c->classes[cl.parent].submatch == -1)
		return dc_fail(p, kw->line, "class \"%s\" has no 'match' or "
		    "'spawn with' for subclasses", cl.name);
	if ((n = dc_bytes_read(p, v, sizeof(v), &text)) == -1)
		return -1;
	if ((k = dc_blob_add(p, v, (size_t)n, kw->line)) == -1)
		return -1;
	cl.off = (uint32_t)k;
	cl.len = (uint32_t)n;
	/* Its statements inherit the class's: the class scope is its parent. */
	if ((k = dc_class_new(p, c->classes[cl.parent].scope, &cl)) == -1 ||
	    conftok_peek(&p->tok, &t, p->err) == -1)
		return -1;
	if (conftok_is(&t, ';'))
		return dc_semi(p);
	return dc_subblock(p, c->classes[k].scope);
}

/* match if EXPR; match EXPR; spawn with EXPR; (in a class) */
int
dc_stmt_match(struct dc_parser *p, int scope, const struct conftok_tok *kw)
{
	struct dc_class *cl = &p->c->classes[p->c->scopes[scope].index];
	struct conftok_tok t;
	bool spawn = kw->text[0] == 's' || kw->text[0] == 'S';
	bool cond = false;
	int e;

	if (cl->parent != -1)
		return dc_fail(p, kw->line, "'%s' in a subclass", kw->text);
	if (conftok_peek(&p->tok, &t, p->err) == -1)
		return -1;
	if (t.type == CT_WORD && strcasecmp(t.text, spawn ? "with" : "if")
	    == 0) {
		(void)dc_next(p, &t);
		cond = !spawn;
	} else if (spawn)
		return dc_fail(p, t.line, "expected 'spawn with'");
	if ((cond && cl->match != -1) || (!cond && cl->submatch != -1))
		return dc_fail(p, kw->line, "second '%s%s' in class \"%s\"",
		    kw->text, cond ? " if" : spawn ? " with" : "", cl->name);
	if (dc_expr_read(p, cond ? DX_BOOL : DX_DATA, &e) == -1)
		return -1;
	cl = &p->c->classes[p->c->scopes[scope].index];
	if (cond)
		cl->match = e;
	else {
		cl->submatch = e;
		cl->spawn = spawn;
	}
	return dc_semi(p);
}
