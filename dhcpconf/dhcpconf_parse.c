// SPDX-License-Identifier: ISC
/*
 * dhcpconf parser: the block structure of dhcpd.conf (global scope,
 * subnet, pool, group, host, class) and the statements that only make
 * sense in one kind of block (range, hardware, fixed-address).  Parameter
 * statements are in dhcpconf_stmt.c, options in dhcpconf_opt.c.  Every
 * error is "file:line: reason"; the first one stops the parse.
 */
#include <errno.h>
#include <stdarg.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <strings.h>

#include "dhcpconf_int.h"

static const char *const dc_kind_name[] = {
	"top level", "group", "subnet", "pool", "host", "class", "if",
	"shared-network"
};

int
dc_fail(struct dc_parser *p, unsigned line, const char *fmt, ...)
{
	char msg[PERR_MSGLEN];
	va_list ap;

	va_start(ap, fmt);
	vsnprintf(msg, sizeof(msg), fmt, ap);
	va_end(ap);
	perr_set(p->err, p->file, line, "%s", msg);
	return -1;
}

int
dc_next(struct dc_parser *p, struct conftok_tok *t)
{
	if (conftok_next(&p->tok, t, p->err) == -1)
		return -1;
	if (t->type == CT_EOF)
		return dc_fail(p, t->line, "unexpected end of file");
	return 0;
}

int
dc_expect(struct dc_parser *p, char punct)
{
	struct conftok_tok t;

	if (dc_next(p, &t) == -1)
		return -1;
	if (!conftok_is(&t, punct))
		return dc_fail(p, t.line, "expected '%c', not '%s'", punct,
		    t.text);
	return 0;
}

int
dc_semi(struct dc_parser *p)
{
	return dc_expect(p, ';');
}

int
dc_word(struct dc_parser *p, struct conftok_tok *t, const char *what)
{
	if (dc_next(p, t) == -1)
		return -1;
	if (t->type != CT_WORD)
		return dc_fail(p, t->line, "expected %s, not '%s'", what,
		    t->text);
	return 0;
}

int
dc_ip(struct dc_parser *p, uint32_t *ip, unsigned *line)
{
	struct conftok_tok t;

	if (dc_word(p, &t, "an IPv4 address") == -1)
		return -1;
	if (ip4_parse(t.text, ip) == -1)
		return dc_fail(p, t.line, "bad IPv4 address '%s'", t.text);
	if (line != NULL)
		*line = t.line;
	return 0;
}

static int dc_block(struct dc_parser *, int scope);

int
dc_subblock(struct dc_parser *p, int scope)
{
	int r;

	if (dc_expect(p, '{') == -1)
		return -1;
	if (++p->depth > DC_DEPTH_MAX)
		return dc_fail(p, p->c->scopes[scope].line, "blocks nested "
		    "too deeply");
	r = dc_block(p, scope);
	p->depth--;
	return r;
}

int
dc_new(struct dc_parser *p, enum dc_kind k, int parent, unsigned line)
{
	int s;

	if ((s = dc_scope_new(p->c, k, parent, line)) == -1)
		return dc_fail(p, line, "out of memory");
	return s;
}

/* The subnet scope enclosing scope, or -1. */
static int
dc_enclosing_subnet(const struct dhcpconf *c, int scope)
{
	for (; scope != -1; scope = c->scopes[scope].parent)
		if (c->scopes[scope].kind == DC_K_SUBNET)
			return scope;
	return -1;
}

static int
st_subnet(struct dc_parser *p, int scope, const struct conftok_tok *kw)
{
	struct dhcpconf *c = p->c;
	struct dc_subnet sn;
	struct conftok_tok t;
	char a[IP4_STRLEN];
	int s;

	if (dc_enclosing_subnet(c, scope) != -1)
		return dc_fail(p, kw->line, "subnet inside a subnet");
	memset(&sn, 0, sizeof(sn));
	sn.line = kw->line;
	if (dc_ip(p, &sn.net, NULL) == -1 || dc_word(p, &t, "'netmask'") == -1)
		return -1;
	if (strcasecmp(t.text, "netmask") != 0)
		return dc_fail(p, t.line, "expected 'netmask'");
	if (dc_ip(p, &sn.mask, NULL) == -1)
		return -1;
	if (!ip4_mask_valid(sn.mask))
		return dc_fail(p, kw->line, "bad netmask %s",
		    ip4_ntoa(sn.mask, a));
	if ((sn.net & ~sn.mask) != 0)
		return dc_fail(p, kw->line, "subnet %s has bits outside its "
		    "netmask", ip4_ntoa(sn.net, a));
	if ((s = dc_new(p, DC_K_SUBNET, scope, kw->line)) == -1)
		return -1;
	sn.scope = s;
	for (sn.shared = scope; sn.shared != -1 &&
	    c->scopes[sn.shared].kind != DC_K_SHARED;
	    sn.shared = c->scopes[sn.shared].parent)
		;
	if (dc_grow(&c->subnets, &c->nsubnets, sizeof(sn)) == -1)
		return dc_fail(p, kw->line, "out of memory");
	c->subnets[c->nsubnets - 1] = sn;
	c->scopes[s].index = (int)c->nsubnets - 1;
	return dc_subblock(p, s);
}

static int
dc_pool_new(struct dc_parser *p, int subnet_scope, bool implicit,
    unsigned line)
{
	struct dhcpconf *c = p->c;
	int s;

	if ((s = dc_new(p, DC_K_POOL, subnet_scope, line)) == -1)
		return -1;
	if (dc_grow(&c->pools, &c->npools, sizeof(*c->pools)) == -1)
		return dc_fail(p, line, "out of memory");
	c->pools[c->npools - 1].scope = s;
	c->pools[c->npools - 1].subnet = c->scopes[subnet_scope].index;
	c->pools[c->npools - 1].implicit = implicit;
	c->pools[c->npools - 1].line = line;
	c->scopes[s].index = (int)c->npools - 1;
	return s;
}

static int
st_pool(struct dc_parser *p, int scope, const struct conftok_tok *kw)
{
	int s;

	if ((s = dc_pool_new(p, scope, false, kw->line)) == -1)
		return -1;
	return dc_subblock(p, s);
}

/* range LO [HI]; in a pool, or in a subnet (its implicit pool). */
static int
st_range(struct dc_parser *p, int scope, const struct conftok_tok *kw)
{
	struct dhcpconf *c = p->c;
	const struct dc_subnet *sn;
	struct dc_range r;
	struct conftok_tok t;
	char a[IP4_STRLEN], b[IP4_STRLEN];
	size_t i;
	int pool = -1;

	memset(&r, 0, sizeof(r));
	r.line = kw->line;
	if (dc_word(p, &t, "an IPv4 address") == -1)
		return -1;
	/* The range serves DHCP clients as any other; BOOTP is not served. */
	if (strcasecmp(t.text, "dynamic-bootp") == 0 && (dc_ignore(p,
	    "range dynamic-bootp", kw->line, "dhcpd-pxe answers DHCP, not "
	    "BOOTP: the range serves DHCP clients") == -1 ||
	    dc_word(p, &t, "an IPv4 address") == -1))
		return -1;
	if (ip4_parse(t.text, &r.lo) == -1)
		return dc_fail(p, t.line, "bad IPv4 address '%s'", t.text);
	r.hi = r.lo;
	if (conftok_peek(&p->tok, &t, p->err) == -1)
		return -1;
	if (t.type == CT_WORD && dc_ip(p, &r.hi, NULL) == -1)
		return -1;
	if (r.lo > r.hi)
		return dc_fail(p, kw->line, "range starts after its end");
	if (c->scopes[scope].kind == DC_K_POOL)
		pool = c->scopes[scope].index;
	for (i = 0; pool == -1 && i < c->npools; i++)
		if (c->pools[i].implicit && c->pools[i].scope > 0 &&
		    c->scopes[c->pools[i].scope].parent == scope)
			pool = (int)i;
	if (pool == -1) {
		if (dc_pool_new(p, scope, true, kw->line) == -1)
			return -1;
		pool = (int)c->npools - 1;
	}
	sn = &c->subnets[c->pools[pool].subnet];
	if (!ip4_in_net(r.lo, sn->net, sn->mask) ||
	    !ip4_in_net(r.hi, sn->net, sn->mask))
		return dc_fail(p, kw->line, "range %s outside subnet %s",
		    ip4_ntoa(r.lo, a), ip4_ntoa(sn->net, b));
	r.pool = pool;
	if (dc_grow(&c->ranges, &c->nranges, sizeof(r)) == -1)
		return dc_fail(p, kw->line, "out of memory");
	c->ranges[c->nranges - 1] = r;
	return dc_semi(p);
}

/* shared-network NAME { subnet ... } */
static int
st_shared(struct dc_parser *p, int scope, const struct conftok_tok *kw)
{
	struct dhcpconf *c = p->c;
	struct conftok_tok t;
	int s;

	if (dc_next(p, &t) == -1)
		return -1;
	if ((t.type != CT_WORD && t.type != CT_STRING) || t.len == 0 ||
	    t.len >= DC_NAME_MAX)
		return dc_fail(p, t.line, "expected a shared-network name");
	if ((s = dc_new(p, DC_K_SHARED, scope, kw->line)) == -1)
		return -1;
	if (dc_grow(&c->nets, &c->nnets, sizeof(*c->nets)) == -1)
		return dc_fail(p, kw->line, "out of memory");
	strlcpy(c->nets[c->nnets - 1], t.text, DC_NAME_MAX);
	c->scopes[s].index = (int)c->nnets - 1;
	return dc_subblock(p, s);
}

static int
st_group(struct dc_parser *p, int scope, const struct conftok_tok *kw)
{
	int s;

	if ((s = dc_new(p, DC_K_GROUP, scope, kw->line)) == -1)
		return -1;
	return dc_subblock(p, s);
}

static const struct {
	const char	*kw;
	dc_stmt_fn	 fn;
	unsigned	 where;
} dc_blocks[] = {
	{ "subnet", st_subnet, DC_IN(DC_K_GLOBAL) | DC_IN(DC_K_GROUP) |
	    DC_IN(DC_K_SHARED) },
	{ "shared-network", st_shared, DC_IN(DC_K_GLOBAL) |
	    DC_IN(DC_K_GROUP) },
	{ "group", st_group, DC_IN(DC_K_GLOBAL) | DC_IN(DC_K_GROUP) |
	    DC_IN(DC_K_SUBNET) | DC_IN(DC_K_SHARED) },
	{ "host", dc_stmt_host, DC_IN(DC_K_GLOBAL) | DC_IN(DC_K_GROUP) |
	    DC_IN(DC_K_SUBNET) | DC_IN(DC_K_SHARED) },
	{ "class", dc_stmt_class, DC_IN(DC_K_GLOBAL) | DC_IN(DC_K_GROUP) |
	    DC_IN(DC_K_SUBNET) | DC_IN(DC_K_SHARED) },
	{ "subclass", dc_stmt_subclass, DC_IN(DC_K_GLOBAL) |
	    DC_IN(DC_K_GROUP) | DC_IN(DC_K_SUBNET) },
	{ "pool", st_pool, DC_IN(DC_K_SUBNET) },
	{ "range", st_range, DC_IN(DC_K_SUBNET) | DC_IN(DC_K_POOL) },
	{ "hardware", dc_stmt_hardware, DC_IN(DC_K_HOST) },
	{ "fixed-address", dc_stmt_fixed, DC_IN(DC_K_HOST) },
};

static dc_stmt_fn
dc_stmt_find(const char *kw, unsigned *where)
{
	size_t i;

	for (i = 0; i < sizeof(dc_blocks) / sizeof(dc_blocks[0]); i++)
		if (strcasecmp(kw, dc_blocks[i].kw) == 0) {
			*where = dc_blocks[i].where;
			return dc_blocks[i].fn;
		}
	return dc_param_stmt(kw, where);
}

/* May statement kw (allowed `where') stand in a block of kind k? */
static int
dc_allowed(struct dc_parser *p, const struct conftok_tok *t, unsigned where,
    enum dc_kind k)
{
	if (k == DC_K_COND && (where & DC_EXEC) == 0)
		return dc_fail(p, t->line, "'%s' is not allowed in an if",
		    t->text);
	if (k != DC_K_COND && (where & DC_IN(k)) == 0)
		return dc_fail(p, t->line, "'%s' is not allowed %s%s", t->text,
		    k == DC_K_GLOBAL ? "at the " : "in a ", dc_kind_name[k]);
	return 0;
}

/*
 * Statements up to the '}' closing scope (or the end, at top level).
 * Executable statements after an `if' go to a continuation scope (ps),
 * declarations to the block itself.
 */
static int
dc_block(struct dc_parser *p, int scope)
{
	struct conftok_tok t;
	dc_stmt_fn fn;
	unsigned where;
	int ps = scope;
	bool after_if = false;

	for (;;) {
		if (conftok_next(&p->tok, &t, p->err) == -1)
			return -1;
		if (t.type == CT_EOF && scope == DC_GLOBAL)
			return 0;
		if (t.type == CT_EOF)
			return dc_fail(p, t.line, "missing '}' of the %s "
			    "declared at line %u",
			    dc_kind_name[p->c->scopes[scope].kind],
			    p->c->scopes[scope].line);
		if (conftok_is(&t, '}') && scope != DC_GLOBAL)
			return 0;
		if (t.type != CT_WORD)
			return dc_fail(p, t.line, "unexpected '%s'", t.text);
		if ((fn = dc_stmt_find(t.text, &where)) == NULL)
			return dc_fail(p, t.line, "unsupported statement '%s'",
			    t.text);
		if (dc_allowed(p, &t, where, p->c->scopes[scope].kind) == -1)
			return -1;
		if (fn == dc_stmt_if) {
			if (dc_stmt_if(p, scope, &t) == -1)
				return -1;
			after_if = true;
			continue;
		}
		if ((where & DC_EXEC) != 0 && after_if) {
			if ((ps = dc_cont(p, scope, t.line)) == -1)
				return -1;
			after_if = false;
		}
		if (fn(p, (where & DC_EXEC) != 0 ? ps : scope, &t) == -1)
			return -1;
	}
}

int
dhcpconf_parse(struct dhcpconf *c, const char *text, size_t len,
    const char *file, struct perr *err)
{
	struct dc_parser p;

	memset(c, 0, sizeof(*c));
	memset(&p, 0, sizeof(p));
	strlcpy(c->file, file, sizeof(c->file));
	conftok_init(&p.tok, text, len, file);
	p.c = c;
	p.err = err;
	p.file = file;
	if (dc_space_add(c, "dhcp") == -1 ||
	    dc_scope_new(c, DC_K_GLOBAL, -1, 0) == -1) {
		perr_set(err, file, 0, "out of memory");
		goto fail;
	}
	if (dc_block(&p, DC_GLOBAL) == -1 || dc_check(c, file, err) == -1)
		goto fail;
	return 0;
fail:
	dhcpconf_free(c);
	return -1;
}
