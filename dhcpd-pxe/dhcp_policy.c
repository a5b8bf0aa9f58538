// SPDX-License-Identifier: ISC
/* Address policy: subnet, host, classes, pools, address choice. */
#include <string.h>

#include "dhcpd-pxe/dhcp_policy.h"

/* The subnet scope a class or pool was declared in, or -1 (global). */
static int
dhcp_scope_subnet(const struct dhcpconf *c, int scope)
{
	for (; scope > DC_GLOBAL; scope = c->scopes[scope].parent)
		if (c->scopes[scope].kind == DC_K_SUBNET)
			return c->scopes[scope].index;
	return -1;
}

void
dhcp_ctx_init(struct dhcp_ctx *x, const struct dhcp_server *srv,
    const struct dhcp_msg *m)
{
	const struct dhcpconf *c = srv->conf;
	const uint8_t *uid;
	size_t i, uidlen;
	int sn;

	memset(x, 0, sizeof(*x));
	x->srv = srv;
	x->m = m;
	x->mac = m->chaddr;
	dhcp_pxe_classify(m, &x->cl);
	x->env.opt = dhcp_pxe_opt;
	x->env.arg = &x->cl;
	x->env.pkt = m->raw;
	x->env.pktlen = m->rawlen;
	x->env.htype = m->htype;
	x->env.chaddr = m->chaddr;
	x->env.hlen = m->hlen;
	if (m->giaddr != 0)
		x->sn = dhcpconf_subnet_for(c, m->giaddr);
	else if (m->ciaddr != 0 && dhcpconf_subnet_for(c, m->ciaddr) != NULL)
		x->sn = dhcpconf_subnet_for(c, m->ciaddr);
	else
		x->sn = dhcpconf_subnet_for(c, srv->ifaddr);
	/* ISC looks a host up by client identifier first. */
	if ((uid = dhcp_opt_get(m, DHO_CLIENT_ID, 1, &uidlen)) == NULL ||
	    (x->host = dhcpconf_host_by_uid(c, uid, uidlen)) == NULL)
		x->host = dhcpconf_host_by_mac(c, x->mac);
	x->env.known = x->host != NULL;
	x->env.is_static = x->host != NULL && x->host->has_fixed;
	x->env.host_name = x->host != NULL ? x->host->name : NULL;
	for (i = 0; i < c->nclasses && x->nclasses < DHCP_CLASSES_MAX; i++) {
		sn = dhcp_scope_subnet(c, c->classes[i].scope);
		if (sn != -1 && (x->sn == NULL || &c->subnets[sn] != x->sn))
			continue;
		if (dhcpconf_class_match(c, &c->classes[i], &x->env))
			x->classes[x->nclasses++] = (int)i;
	}
}

static bool
dhcp_in_class(const struct dhcp_ctx *x, int class)
{
	size_t i;

	for (i = 0; i < x->nclasses; i++)
		if (x->classes[i] == class)
			return true;
	return false;
}

/* May this client draw from pool p (RFC-free: ISC permit lists)? */
static bool
dhcp_pool_ok(const struct dhcp_ctx *x, int p)
{
	const struct dhcpconf *c = x->srv->conf;
	const struct dc_pool *pl = &c->pools[p];
	struct dc_chain ch = { .n = 0 };
	bool any_allow = false, allowed = false;
	size_t i;

	if (pl->subnet < 0 ||	/* a pool with no range */
	    !dhcpconf_same_network(&c->subnets[pl->subnet], x->sn))
		return false;
	dhcpconf_chain_add(c, &ch, pl->scope, &x->env);
	dhcpconf_chain_add(c, &ch, c->subnets[pl->subnet].scope, &x->env);
	dhcpconf_chain_add(c, &ch, DC_GLOBAL, &x->env);
	if (x->host == NULL &&
	    dhcpconf_permit(c, &ch, true) == DC_PERMIT_DENY)
		return false;
	if (x->host != NULL &&
	    dhcpconf_permit(c, &ch, false) == DC_PERMIT_DENY)
		return false;
	for (i = 0; i < pl->nmembers; i++) {
		if (!pl->members[i].allow) {
			if (dhcp_in_class(x, pl->members[i].class))
				return false;
			continue;
		}
		any_allow = true;
		allowed |= dhcp_in_class(x, pl->members[i].class);
	}
	return !any_allow || allowed;
}

/* Addresses never handed out dynamically. */
static bool
dhcp_reserved(const struct dhcp_ctx *x, uint32_t ip)
{
	const struct dhcpconf *c = x->srv->conf;
	size_t i;

	const struct dc_subnet *sn = dhcpconf_subnet_for(c, ip);

	if (ip == x->srv->ifaddr || (sn != NULL && (ip == sn->net ||
	    ip == (sn->net | ~sn->mask))))
		return true;
	for (i = 0; i < c->nhosts; i++)
		if (c->hosts[i].has_fixed && c->hosts[i].fixed == ip)
			return true;
	return false;
}

static bool
dhcp_reserved_cb(void *arg, uint32_t ip)
{
	return dhcp_reserved(arg, ip);
}

/* The range holding ip, in a pool this client may use; -1 if none. */
static int
dhcp_range_of(const struct dhcp_ctx *x, uint32_t ip)
{
	const struct dhcpconf *c = x->srv->conf;
	size_t i;

	for (i = 0; i < c->nranges; i++)
		if (ip >= c->ranges[i].lo && ip <= c->ranges[i].hi)
			return dhcp_pool_ok(x, c->ranges[i].pool) ? (int)i : -1;
	return -1;
}

/*
 * Does the client's host declaration give it an address on its network?
 * (A known host whose fixed address is elsewhere gets a pool address, as
 * in ISC.)
 */
static bool
dhcp_fixed_here(const struct dhcp_ctx *x)
{
	return x->host != NULL && x->host->has_fixed &&
	    dhcpconf_same_network(dhcpconf_subnet_for(x->srv->conf,
	    x->host->fixed), x->sn);
}

const struct dc_subnet *
dhcp_subnet(const struct dhcp_ctx *x, int pool)
{
	const struct dhcpconf *c = x->srv->conf;

	if (pool >= 0)
		return &c->subnets[c->pools[pool].subnet];
	if (dhcp_fixed_here(x))
		return dhcpconf_subnet_for(c, x->host->fixed);
	return x->sn;
}

bool
dhcp_addr_ok(const struct dhcp_ctx *x, uint32_t ip, int *pool)
{
	const struct dhcpconf *c = x->srv->conf;
	int r;

	*pool = -1;
	if (dhcp_fixed_here(x))
		return ip == x->host->fixed;
	if ((r = dhcp_range_of(x, ip)) == -1 || dhcp_reserved(x, ip))
		return false;
	*pool = c->ranges[r].pool;
	return lease_usable(lease_by_ip(x->srv->leases, ip), x->mac,
	    x->srv->now);
}

uint32_t
dhcp_addr_pick(struct dhcp_ctx *x, int *pool, const char **why)
{
	const struct dhcpconf *c = x->srv->conf;
	const struct lease *l;
	uint32_t ip;
	size_t i;

	*why = "no subnet for this network";
	if (x->sn == NULL)
		return 0;
	if (dhcp_fixed_here(x))
		return dhcp_addr_ok(x, x->host->fixed, pool) ?
		    x->host->fixed : 0;
	if ((l = lease_by_mac(x->srv->leases, x->mac)) != NULL &&
	    l->state != LEASE_ABANDONED && dhcp_addr_ok(x, l->ip, pool))
		return l->ip;
	if (dhcp_opt_get32(x->m, DHO_REQ_ADDR, &ip) == 0 &&
	    dhcp_addr_ok(x, ip, pool))
		return ip;
	for (i = 0; i < c->nranges; i++) {
		if (!dhcp_pool_ok(x, c->ranges[i].pool))
			continue;
		x->exhausted = true;	/* until an address is found */
		ip = lease_alloc(x->srv->leases, c, i, x->mac, x->srv->now,
		    dhcp_reserved_cb, x);
		if (ip != 0) {
			x->exhausted = false;
			*pool = c->ranges[i].pool;
			return ip;
		}
	}
	*why = x->host == NULL ? "no free address (or unknown clients denied)"
	    : "no free address";
	return 0;
}

void
dhcp_chain(const struct dhcp_ctx *x, int pool, struct dc_chain *ch)
{
	const struct dhcpconf *c = x->srv->conf;
	const struct dc_subnet *sn;
	size_t i;

	ch->n = 0;
	/*
	 * ISC applies a host declaration to a pool address only if it has
	 * no fixed address (one elsewhere does not come with its scope).
	 */
	if (x->host != NULL && (pool < 0 || !x->host->has_fixed))
		dhcpconf_chain_add(c, ch, x->host->scope, &x->env);
	/*
	 * ISC executes the classes a client matched from the last declared
	 * to the first, so the first declared overrides the others.
	 */
	for (i = 0; i < x->nclasses; i++)
		dhcpconf_chain_add(c, ch, c->classes[x->classes[i]].scope,
		    &x->env);
	if (pool >= 0)
		dhcpconf_chain_add(c, ch, c->pools[pool].scope, &x->env);
	if ((sn = dhcp_subnet(x, pool)) != NULL)
		dhcpconf_chain_add(c, ch, sn->scope, &x->env);
	dhcpconf_chain_add(c, ch, DC_GLOBAL, &x->env);
}

uint32_t
dhcp_lease_time(const struct dhcp_ctx *x, const struct dc_chain *ch)
{
	const struct dhcpconf *c = x->srv->conf;
	uint32_t req, max = dhcpconf_max_lease(c, ch);
	uint32_t min = dhcpconf_min_lease(c, ch);

	if (dhcp_opt_get32(x->m, DHO_LEASE_TIME, &req) == 0)
		return req < min ? min : req < max ? req : max;
	req = dhcpconf_default_lease(c, ch);
	return req < max ? req : max;
}
