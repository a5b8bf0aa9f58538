// SPDX-License-Identifier: ISC
/*
 * dhcpconf tables and lookups: scopes and their parameters, freeing,
 * finding subnets and hosts.  Every table grows by array_push(), which
 * keeps no capacity.  The effective value of each parameter along a chain
 * is dhcpconf_param.c.  Pure.
 */
#include <stddef.h>
#include <stdlib.h>
#include <string.h>
#include <strings.h>

#include "dhcpconf_int.h"

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
	pa->use_host_names = -1;
	pa->always_broadcast = -1;
	pa->min_lease = -1;
}

int
dc_scope_new(struct dhcpconf *c, enum dc_kind k, int parent, unsigned line)
{
	struct dc_scope *s;

	if (array_push(&c->scopes, &c->nscopes, sizeof(*s)) == -1)
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
	if (array_push(&c->spaces, &c->nspaces, sizeof(*v)) == -1)
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
		if (c->hosts[i].has_mac &&
		    memcmp(c->hosts[i].mac, mac, MAC_LEN) == 0)
			return &c->hosts[i];
	return NULL;
}

const struct dc_host *
dhcpconf_host_by_uid(const struct dhcpconf *c, const uint8_t *uid, size_t len)
{
	size_t i;

	for (i = 0; len > 0 && i < c->nhosts; i++)
		if (c->hosts[i].uid_len == len &&
		    memcmp(c->blob + c->hosts[i].uid_off, uid, len) == 0)
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

int
dc_note_ignored(struct dhcpconf *c, const char *text, unsigned line,
    const char *why)
{
	struct dc_ignored g;
	size_t i;

	for (i = 0; i < c->nignored; i++)
		if (strcasecmp(c->ignored[i].text, text) == 0)
			return 0;	/* said once */
	memset(&g, 0, sizeof(g));
	strlcpy(g.text, text, sizeof(g.text));
	g.line = line;
	g.why = why;
	if (array_push(&c->ignored, &c->nignored, sizeof(g)) == -1)
		return -1;
	c->ignored[c->nignored - 1] = g;
	return 0;
}

int
dc_real_scope(const struct dhcpconf *c, int s)
{
	while (c->scopes[s].kind == DC_K_COND && c->scopes[s].cond == -1 &&
	    c->scopes[s].prev == -1)
		s = c->scopes[s].parent;
	return s;
}

enum dc_ectx
dc_expr_type(const struct dhcpconf *c, int e)
{
	const struct dc_expr *x = &c->exprs[e];

	switch (x->op) {
	case DE_AND: case DE_OR: case DE_NOT: case DE_EQ: case DE_NE:
	case DE_EXISTS: case DE_KNOWN: case DE_STATIC:
		return DX_BOOL;
	case DE_NUM: case DE_EXTRACT_INT:
		return DX_NUM;
	case DE_VAR:
		return dc_expr_type(c, x->a);
	default:
		return DX_DATA;
	}
}
