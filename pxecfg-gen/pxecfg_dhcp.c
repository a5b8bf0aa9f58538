// SPDX-License-Identifier: ISC
/*
 * From dhcpconf's scopes to pxecfg-gen's subnets and nodes.  Building the
 * chain by hand (host, PXE classes, subnet) rather than with
 * dhcpconf_host_chain() is what puts the classes in; the order is ISC's.
 */
#include <string.h>

#include "pxecfg_dhcp.h"

/* What a BIOS PXE ROM sends as option 60 (iPXE's, see DESIGN.md). */
static const char pxe_vci[] = "PXEClient:Arch:00000:UNDI:002001";
static const uint8_t pxe_arch[] = { 0, 0 };

static const uint8_t *
pxe_option(void *arg, int space, uint8_t code, size_t *len)
{
	(void)arg;
	if (space != DC_SPACE_DHCP)
		return NULL;
	if (code == 60) {
		*len = sizeof(pxe_vci) - 1;
		return (const uint8_t *)pxe_vci;
	}
	if (code == 93) {
		*len = sizeof(pxe_arch);
		return pxe_arch;
	}
	return NULL;
}

/* Does a class declared in scope `s' apply on subnet scope `sub'? */
static bool
class_in(const struct dhcpconf *c, int s, int sub)
{
	for (; s > DC_GLOBAL; s = c->scopes[s].parent)
		if (c->scopes[s].kind == DC_K_SUBNET)
			return s == sub;
	return true;
}

/*
 * The chain of a BIOS PXE client (the host h, or an unknown client):
 * host scopes, the classes it matches (the first declared most
 * specific, as in ISC), subnet, with the if branches such a client
 * takes.
 */
static void
pxe_chain(const struct dhcpconf *c, const struct dc_host *h, int sub,
    struct dc_chain *ch)
{
	struct dc_env env;
	size_t i;

	memset(&env, 0, sizeof(env));
	env.opt = pxe_option;
	env.htype = 1;
	if (h != NULL) {
		env.chaddr = h->mac;
		env.hlen = MAC_LEN;
		env.known = true;
		env.is_static = h->has_fixed;
		env.host_name = h->name;
	}
	ch->n = 0;
	if (h != NULL)
		dhcpconf_chain_add(c, ch, h->scope, &env);
	for (i = 0; i < c->nclasses; i++)
		if (class_in(c, c->classes[i].scope, sub) &&
		    dhcpconf_class_match(c, &c->classes[i], &env))
			dhcpconf_chain_add(c, ch, c->classes[i].scope, &env);
	dhcpconf_chain_add(c, ch, sub, &env);
	dhcpconf_chain_add(c, ch, DC_GLOBAL, &env);
}

static int
add_subnet(struct pxecfg_nodes *t, const struct dhcpconf *c,
    const struct dc_subnet *sn, struct perr *err)
{
	struct pxecfg_subnet s;
	struct dc_chain ch;

	memset(&s, 0, sizeof(s));
	pxe_chain(c, NULL, sn->scope, &ch);
	s.net = sn->net;
	s.mask = dhcpconf_netmask(c, &ch, sn);
	if (!dhcpconf_next_server(c, &ch, &s.server))
		s.server = 0;
	if (!dhcpconf_opt_ip(c, &ch, 3, &s.gateway))
		s.gateway = 0;
	s.file = c->file;
	s.line = sn->line;
	return pxecfg_subnet_add(t, &s, err);
}

static int
add_host(struct pxecfg_nodes *t, const struct dhcpconf *c,
    const struct dc_host *h, struct perr *err)
{
	struct pxecfg_node nd;
	struct dc_chain ch;

	memset(&nd, 0, sizeof(nd));
	strlcpy(nd.name, h->name, sizeof(nd.name));
	memcpy(nd.mac, h->mac, MAC_LEN);
	nd.ip = h->fixed;
	nd.src = PXECFG_SRC_DHCPD;
	nd.file = h->file;
	nd.line = h->line;
	/* The whole chain: equal to the subnet's unless the host overrides. */
	if (h->subnet >= 0) {
		pxe_chain(c, h, c->subnets[h->subnet].scope, &ch);
		if (!dhcpconf_next_server(c, &ch, &nd.server))
			nd.server = 0;
		if (!dhcpconf_opt_ip(c, &ch, 3, &nd.gateway))
			nd.gateway = 0;
	}
	return pxecfg_nodes_add(t, &nd, err);
}

int
pxecfg_from_dhcpconf(struct pxecfg_nodes *t, const struct dhcpconf *c,
    struct perr *err)
{
	size_t i;

	for (i = 0; i < c->nsubnets; i++)
		if (add_subnet(t, c, &c->subnets[i], err) == -1)
			return -1;
	for (i = 0; i < c->nhosts; i++)
		if (c->hosts[i].has_mac && c->hosts[i].has_fixed &&
		    add_host(t, c, &c->hosts[i], err) == -1)
			return -1;
	return 0;
}
