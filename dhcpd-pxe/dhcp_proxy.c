// SPDX-License-Identifier: ISC
/*
 * The proxyDHCP answer (dhcp_proxy.h).  The boot file comes from the
 * scopes as in a normal answer: the host, its classes (option 93), the
 * subnet of the interface or relay the request came through.
 */
#include <string.h>

#include "dhcpd-pxe/dhcp_proxy.h"

static void
proxy_drop(struct dhcp_result *r, const char *why)
{
	r->dest = DHCP_DST_NONE;
	r->type = 0;
	r->why = why;
}

void
dhcp_proxy(const struct dhcp_server *srv, const struct dhcp_msg *m, bool bs,
    struct dhcp_result *r)
{
	struct dhcp_ctx x;
	struct dc_chain ch;

	memset(r, 0, offsetof(struct dhcp_result, pkt));
	dhcp_ctx_init(&x, srv, m);
	dhcp_chain(&x, -1, &ch);
	if (!x.cl.pxe && !x.cl.http)
		proxy_drop(r, "proxy: not a PXE client");
	else if (srv->conf->proxy != DC_PROXY_ALL && x.host == NULL)
		proxy_drop(r, "proxy: unknown client");
	else if (x.sn == NULL)
		proxy_drop(r, "proxy: not on a subnet of ours");
	else if (dhcpconf_booting(srv->conf, &ch) == DC_PERMIT_DENY)
		proxy_drop(r, "booting denied");
	else if (!bs && m->type == DHCPDISCOVER)
		dhcp_build_proxy(&x, DHCPOFFER, r);
	else if (bs && (m->type == DHCPREQUEST || m->type == DHCPINFORM))
		dhcp_build_proxy(&x, DHCPACK, r);
	else
		proxy_drop(r, bs ? "proxy: port 4011 takes REQUEST and INFORM" :
		    "proxy: for the DHCP server");
}
