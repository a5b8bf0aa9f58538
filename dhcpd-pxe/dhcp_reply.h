/* SPDX-License-Identifier: ISC */
/*
 * The reply to one request, one function per message type (RFC 2131
 * §4.3: DISCOVER, REQUEST in its SELECTING / INIT-REBOOT / RENEWING /
 * REBINDING forms, DECLINE, RELEASE, INFORM), as OpenBSD dhcpd splits
 * them.  The core tells the shell what to do in a struct dhcp_result
 * (dhcp_build.h): the reply bytes, where they go, and the lease to make
 * durable before the reply leaves.  It updates the in-memory lease table
 * itself.  Pure.
 */
#ifndef DHCP_REPLY_H
#define DHCP_REPLY_H

#include "dhcpd-pxe/dhcp_build.h"

/* Always returns with res->dest set (DHCP_DST_NONE: drop, see why). */
void	dhcp_reply(const struct dhcp_server *, const struct dhcp_msg *,
	    struct dhcp_result *res);

#endif
