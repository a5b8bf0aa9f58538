// SPDX-License-Identifier: ISC
/*
 * dhcpconf networks: `subnet NET netmask MASK { ... }', `shared-network
 * NAME { subnet ... }' (subnets on one wire), `pool { ... }' and `range
 * LO [HI];' (in a pool, or directly in a subnet: its implicit pool).
 */
#include <string.h>
#include <strings.h>

#include "dhcpconf_int.h"

/* The subnet scope enclosing scope, or -1. */
static int
dc_enclosing_subnet(const struct dhcpconf *c, int scope)
{
	for (; scope != -1; scope = c->scopes[scope].parent)
		if (c->scopes[scope].kind == DC_K_SUBNET)
			return scope;
	return -1;
}

int
dc_stmt_subnet(struct dc_parser *p, int scope, const struct conftok_tok *kw)
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
	if (array_push(&c->subnets, &c->nsubnets, sizeof(sn)) == -1)
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
	if (array_push(&c->pools, &c->npools, sizeof(*c->pools)) == -1)
		return dc_fail(p, line, "out of memory");
	c->pools[c->npools - 1].scope = s;
	/* In a shared network: the subnet of its first range. */
	c->pools[c->npools - 1].subnet = c->scopes[subnet_scope].kind ==
	    DC_K_SUBNET ? c->scopes[subnet_scope].index : -1;
	c->pools[c->npools - 1].implicit = implicit;
	c->pools[c->npools - 1].line = line;
	c->scopes[s].index = (int)c->npools - 1;
	return s;
}

int
dc_stmt_pool(struct dc_parser *p, int scope, const struct conftok_tok *kw)
{
	int s;

	if ((s = dc_pool_new(p, scope, false, kw->line)) == -1)
		return -1;
	return dc_subblock(p, s);
}

/* range LO [HI]; in a pool, or in a subnet (its implicit pool). */
int
dc_stmt_range(struct dc_parser *p, int scope, const struct conftok_tok *kw)
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
	if (c->pools[pool].subnet == -1 && (sn = dhcpconf_subnet_for(c,
	    r.lo)) != NULL && sn->shared == c->scopes[scope].parent)
		c->pools[pool].subnet = (int)(sn - c->subnets);
	if (c->pools[pool].subnet == -1)
		return dc_fail(p, kw->line, "range %s is in no subnet of the "
		    "shared-network", ip4_ntoa(r.lo, a));
	sn = &c->subnets[c->pools[pool].subnet];
	if (!ip4_in_net(r.lo, sn->net, sn->mask) ||
	    !ip4_in_net(r.hi, sn->net, sn->mask))
		return dc_fail(p, kw->line, "range %s outside subnet %s",
		    ip4_ntoa(r.lo, a), ip4_ntoa(sn->net, b));
	r.pool = pool;
	if (array_push(&c->ranges, &c->nranges, sizeof(r)) == -1)
		return dc_fail(p, kw->line, "out of memory");
	c->ranges[c->nranges - 1] = r;
	return dc_semi(p);
}

/* shared-network NAME { subnet ... } */
int
dc_stmt_shared(struct dc_parser *p, int scope, const struct conftok_tok *kw)
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
	if (array_push(&c->nets, &c->nnets, sizeof(*c->nets)) == -1)
		return dc_fail(p, kw->line, "out of memory");
	strlcpy(c->nets[c->nnets - 1], t.text, DC_NAME_MAX);
	c->scopes[s].index = (int)c->nnets - 1;
	return dc_subblock(p, s);
}

