/* SPDX-License-Identifier: ISC */
/*
 * proxyDHCP (PXE 2.1 §2.2.5 and §2.2.7; `proxy-dhcp on' or `all' in
 * dhcpd.conf): beside a DHCP server someone else runs, answer PXE clients
 * (option 60 PXEClient or HTTPClient) with the boot server and file only,
 * never an address.  On port 67 a DISCOVER gets a proxy OFFER; on port
 * 4011 (the boot server port) a REQUEST or INFORM gets an ACK.  Nothing
 * else is answered: no NAK, no answer to a REQUEST meant for the DHCP
 * server, none to a client that is not PXE, and with `on' none to a client
 * no host declaration knows.  Pure.
 */
#ifndef DHCP_PROXY_H
#define DHCP_PROXY_H

#include <stdbool.h>

#include "dhcpd-pxe/dhcp_build.h"

/* bs: the request came to port 4011.  res->dest is set (NONE: see why). */
void	dhcp_proxy(const struct dhcp_server *, const struct dhcp_msg *,
	    bool bs, struct dhcp_result *res);

#endif
