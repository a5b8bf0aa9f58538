// SPDX-License-Identifier: ISC
/*
 * dhcpconf tables and lookups: growing the tables, scopes and their
 * parameters, freeing, finding subnets and hosts, and the effective value
 * of each parameter along a chain (most specific scope first, the global
 * scope last; chains are built in dhcpconf_chain.c).  Pure.
 */
#include <stddef.h>
#include <stdlib.h>
#include <string.h>
#include <strings.h>

#include "dhcpconf_int.h"

int
dc_grow(void *vp, size_t *n, size_t sz)
{
	void **pp = vp;
	void *v;
	size_t cap;

	/* Capacity doubles at each power of two: 1, 2, 4, 8... */
	if (*n == 0 || (*n & (*n - 1)) == 0) {
		cap = *n == 0 ? 1 : *n * 2;
		if ((v = reallocarray(*pp, cap, sz)) == NULL)
			return -1;
		*pp = v;
	}
	memset((char *)*pp + *n * sz, 0, sz);
	(*n)++;
	return 0;
}

void
dc_params_init(struct dc_params *pa)
{
	memset(pa, 0, sizeof(*pa));
	pa->default_lease = -1;
	pa->max_lease = -1;
	pa->authoritative = -1;
	pa->ping_check = -1;
	pa->ping_timeout = -1;
	pa->vendor_space = -1;
	pa->site_space = -1;
	pa->filename_expr = -1;
}

int
dc_scope_new(struct dhcpconf *c, enum dc_kind k, int parent, unsigned line)
{
	struct dc_scope *s;

	if (dc_grow(&c->scopes, &c->nscopes, sizeof(*s)) == -1)
		return -1;
	s = &c->scopes[c->nscopes - 1];
	s->kind = k;
	s->parent = parent;
	s->index = -1;
	s->line = line;
	s->cond = s->prev = s->first_cond = s->next_cond = -1;
	dc_params_init(&s->p);
	return (int)c->nscopes - 1;
}

int
dc_space_add(struct dhcpconf *c, const char *name)
{
	char (*v)[DC_NAME_MAX];

	if (name[0] == '\0' || strchr(name, '.') != NULL ||
	    strlen(name) >= DC_NAME_MAX)
		return -1;
	if (dc_grow(&c->spaces, &c->nspaces, sizeof(*v)) == -1)
		return -1;
	strlcpy(c->spaces[c->nspaces - 1], name, DC_NAME_MAX);
	return 0;
}

void
dhcpconf_free(struct dhcpconf *c)
{
	size_t i;

	for (i = 0; i < c->nscopes; i++)
		free(c->scopes[i].p.opt);
	free(c->scopes);
	free(c->subnets);
	free(c->ranges);
	free(c->pools);
	free(c->hosts);
	free(c->classes);
	free(c->defs);
	free(c->spaces);
	free(c->exprs);
	free(c->blob);
	free(c->vars);
	free(c->ignored);
	free(c->nets);
	memset(c, 0, sizeof(*c));
}

const struct dc_subnet *
dhcpconf_subnet_for(const struct dhcpconf *c, uint32_t ip)
{
	size_t i;

	for (i = 0; i < c->nsubnets; i++)
		if (ip4_in_net(ip, c->subnets[i].net, c->subnets[i].mask))
			return &c->subnets[i];
	return NULL;
}

bool
dhcpconf_same_network(const struct dc_subnet *a, const struct dc_subnet *b)
{
	return a != NULL && b != NULL && (a == b ||
	    (a->shared != -1 && a->shared == b->shared));
}

const struct dc_host *
dhcpconf_host_by_mac(const struct dhcpconf *c, const uint8_t mac[MAC_LEN])
{
	size_t i;

	for (i = 0; i < c->nhosts; i++)
		if (memcmp(c->hosts[i].mac, mac, MAC_LEN) == 0)
			return &c->hosts[i];
	return NULL;
}

const struct dc_host *
dhcpconf_host_by_name(const struct dhcpconf *c, const char *name)
{
	size_t i;

	for (i = 0; i < c->nhosts; i++)
		if (strcasecmp(c->hosts[i].name, name) == 0)
			return &c->hosts[i];
	return NULL;
}

/* The i-th scope's parameters along the chain, the global scope last. */
static const struct dc_params *
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
dhcpconf_filename(const struct dhcpconf *c, const struct dc_chain *ch,
    const struct dc_env *env, char *buf, size_t sz)
{
	const struct dc_params *pa;
	size_t i, len;

	for (i = 0; (pa = dc_at(c, ch, i)) != NULL; i++) {
		if (!pa->has_filename)
			continue;
		if (pa->filename_expr == -1)
			return pa->filename;
		if (env == NULL || sz == 0 || dhcpconf_eval_data(c,
		    pa->filename_expr, env, (uint8_t *)buf, sz - 1, &len) ==
		    -1 || memchr(buf, '\0', len) != NULL)
			return NULL;
		buf[len] = '\0';
		return buf;
	}
	return NULL;
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
