// SPDX-License-Identifier: ISC
/*
 * The effective value of each parameter along a chain: the most specific
 * scope that sets it wins, the global scope is consulted last (chains are
 * built in dhcpconf_chain.c), and ISC's defaults apply when none does.
 * Pure.
 */
#include <stddef.h>
#include <string.h>

#include "dhcpconf_int.h"

/* The i-th scope's parameters along the chain, the global scope last. */
const struct dc_params *
dc_at(const struct dhcpconf *c, const struct dc_chain *ch, size_t i)
{
	if (i < ch->n)
		return &c->scopes[ch->v[i]].p;
	return i == ch->n ? &c->scopes[DC_GLOBAL].p : NULL;
}

const struct dc_opt *
dhcpconf_option(const struct dhcpconf *c, const struct dc_chain *ch,
    int space, uint8_t code)
{
	const struct dc_params *pa;
	size_t i, k;

	for (i = 0; (pa = dc_at(c, ch, i)) != NULL; i++)
		for (k = pa->nopt; k-- > 0;)	/* the last one set wins */
			if (pa->opt[k].space == space &&
			    pa->opt[k].code == code)
				return &pa->opt[k];
	return NULL;
}

bool
dhcpconf_opt_ip(const struct dhcpconf *c, const struct dc_chain *ch,
    uint8_t code, uint32_t *ip)
{
	const struct dc_opt *o;

	if ((o = dhcpconf_option(c, ch, DC_SPACE_DHCP, code)) == NULL ||
	    o->len < 4)
		return false;
	*ip = (uint32_t)o->data[0] << 24 | (uint32_t)o->data[1] << 16 |
	    (uint32_t)o->data[2] << 8 | o->data[3];
	return true;
}

bool
dhcpconf_next_server(const struct dhcpconf *c, const struct dc_chain *ch,
    uint32_t *ip)
{
	const struct dc_params *pa;
	size_t i;

	for (i = 0; (pa = dc_at(c, ch, i)) != NULL; i++)
		if (pa->has_next_server) {
			*ip = pa->next_server;
			return true;
		}
	return false;
}

const char *
dhcpconf_server_name(const struct dhcpconf *c, const struct dc_chain *ch)
{
	const struct dc_params *pa;
	size_t i;

	for (i = 0; (pa = dc_at(c, ch, i)) != NULL; i++)
		if (pa->has_server_name)
			return pa->server_name;
	return NULL;
}

/*
 * The first value set (not -1) along the chain of the int64_t (wide) or
 * int parameter at offset off, else dflt.
 */
static int64_t
dc_first(const struct dhcpconf *c, const struct dc_chain *ch, size_t off,
    bool wide, int64_t dflt)
{
	const struct dc_params *pa;
	int64_t v64;
	size_t i;
	int v;

	for (i = 0; (pa = dc_at(c, ch, i)) != NULL; i++) {
		if (wide)
			memcpy(&v64, (const char *)pa + off, sizeof(v64));
		else {
			memcpy(&v, (const char *)pa + off, sizeof(v));
			v64 = v;
		}
		if (v64 != -1)
			return v64;
	}
	return dflt;
}

#define DC_FIRST(c, ch, f, d) dc_first((c), (ch),			\
	offsetof(struct dc_params, f),					\
	sizeof(((struct dc_params *)0)->f) == sizeof(int64_t), (d))

bool
dhcpconf_use_host_names(const struct dhcpconf *c, const struct dc_chain *ch)
{
	return DC_FIRST(c, ch, use_host_names, 0) == 1;
}

bool
dhcpconf_always_broadcast(const struct dhcpconf *c, const struct dc_chain *ch)
{
	return DC_FIRST(c, ch, always_broadcast, 0) == 1;
}

uint32_t
dhcpconf_min_lease(const struct dhcpconf *c, const struct dc_chain *ch)
{
	return (uint32_t)DC_FIRST(c, ch, min_lease, 0);
}

bool
dhcpconf_server_id(const struct dhcpconf *c, const struct dc_chain *ch,
    uint32_t *ip)
{
	const struct dc_params *pa;
	size_t i;

	for (i = 0; (pa = dc_at(c, ch, i)) != NULL; i++)
		if (pa->has_server_id) {
			*ip = pa->server_id;
			return true;
		}
	return false;
}

uint32_t
dhcpconf_default_lease(const struct dhcpconf *c, const struct dc_chain *ch)
{
	return (uint32_t)DC_FIRST(c, ch, default_lease, 43200);
}

uint32_t
dhcpconf_max_lease(const struct dhcpconf *c, const struct dc_chain *ch)
{
	return (uint32_t)DC_FIRST(c, ch, max_lease, 86400);
}

int
dhcpconf_vendor_space(const struct dhcpconf *c, const struct dc_chain *ch)
{
	return (int)DC_FIRST(c, ch, vendor_space, -1);
}

int
dhcpconf_site_space(const struct dhcpconf *c, const struct dc_chain *ch)
{
	return (int)DC_FIRST(c, ch, site_space, -1);
}

bool
dhcpconf_authoritative(const struct dhcpconf *c, const struct dc_chain *ch)
{
	return DC_FIRST(c, ch, authoritative, 0) == 1;
}

bool
dhcpconf_ping_check(const struct dhcpconf *c, const struct dc_chain *ch)
{
	return DC_FIRST(c, ch, ping_check, 0) == 1;
}

uint32_t
dhcpconf_ping_timeout(const struct dhcpconf *c, const struct dc_chain *ch)
{
	return (uint32_t)DC_FIRST(c, ch, ping_timeout, 1);
}

uint32_t
dhcpconf_netmask(const struct dhcpconf *c, const struct dc_chain *ch,
    const struct dc_subnet *sn)
{
	uint32_t m;

	if (dhcpconf_opt_ip(c, ch, 1, &m))
		return m;
	return sn != NULL ? sn->mask : 0;
}

enum dc_permit
dhcpconf_permit(const struct dhcpconf *c, const struct dc_chain *ch,
    bool unknown)
{
	const struct dc_params *pa;
	enum dc_permit v;
	size_t i;

	for (i = 0; (pa = dc_at(c, ch, i)) != NULL; i++) {
		v = unknown ? pa->unknown_clients : pa->known_clients;
		if (v != DC_PERMIT_UNSET)
			return v;
	}
	return DC_PERMIT_UNSET;
}

enum dc_permit
dhcpconf_booting(const struct dhcpconf *c, const struct dc_chain *ch)
{
	const struct dc_params *pa;
	size_t i;

	for (i = 0; (pa = dc_at(c, ch, i)) != NULL; i++)
		if (pa->booting != DC_PERMIT_UNSET)
			return pa->booting;
	return DC_PERMIT_UNSET;
}

const uint8_t *
dc_client_opt(const struct dhcpconf *c, const struct dc_env *env, int space,
    uint8_t code, size_t *len)
{
	const uint8_t *v;
	size_t i, n, k;

	if (env->opt == NULL)
		return NULL;
	if (space == DC_SPACE_DHCP)
		return env->opt(env->arg, space, code, len);
	for (i = 0; i < c->ndefs; i++) {
		if (c->defs[i].type != DC_OT_ENCAP || c->defs[i].encap != space ||
		    c->defs[i].space != DC_SPACE_DHCP ||
		    (v = env->opt(env->arg, DC_SPACE_DHCP, c->defs[i].code,
		    &n)) == NULL)
			continue;
		for (k = 0; k + 2 <= n && v[k + 1] <= n - k - 2;
		    k += 2 + (size_t)v[k + 1])
			if (v[k] == code) {
				*len = v[k + 1];
				return v + k + 2;
			}
	}
	return NULL;
}
