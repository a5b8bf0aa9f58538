/* SPDX-License-Identifier: ISC */
/*
 * The reply to one request, one function per message type (RFC 2131
 * §4.3: DISCOVER, REQUEST in its SELECTING / INIT-REBOOT / RENEWING /
 * REBINDING forms, DECLINE, RELEASE, INFORM), as OpenBSD dhcpd splits
 * them.  The core tells the shell what to do: the reply bytes, where they
 * go (RFC 2131 §4.1: relay, ciaddr, broadcast, or unicast to chaddr for a
 * client without an address), and the lease to make durable before the
 * reply leaves.  It updates the in-memory lease table itself.  Pure.
 */
#ifndef DHCP_REPLY_H
#define DHCP_REPLY_H

#include "dhcpd-pxe/dhcp_policy.h"

enum dhcp_dest {
	DHCP_DST_NONE,		/* nothing to send */
	DHCP_DST_RELAY,		/* giaddr, port 67 */
	DHCP_DST_CIADDR,	/* ciaddr, port 68 */
	DHCP_DST_BROADCAST,	/* 255.255.255.255, port 68 */
	DHCP_DST_CHADDR		/* yiaddr at chaddr, port 68 (no ARP) */
};

struct dhcp_result {
	enum dhcp_dest	dest;
	uint32_t	dst_ip;
	uint16_t	dst_port;
	uint8_t		type;		/* reply type, 0 if none */
	uint32_t	yiaddr;
	bool		commit;		/* write `lease' durably first */
	bool		ping;		/* ping yiaddr before this OFFER */
	uint32_t	ping_timeout;	/* seconds to wait for an answer */
	bool		exhausted;	/* dropped: the client's pools are full */
	struct lease	lease;
	const char	*why;		/* drop or NAK reason, for the log */
	uint8_t		pkt[DHCP_MAX_LEN];
	size_t		len;
};

/* Always returns with res->dest set (DHCP_DST_NONE: drop, see why). */
void	dhcp_reply(const struct dhcp_server *, const struct dhcp_msg *,
	    struct dhcp_result *res);

/* Reply building (dhcp_build.c). */
void	dhcp_build(const struct dhcp_ctx *, uint8_t type, uint32_t yiaddr,
	    int pool, uint32_t lease_time, struct dhcp_result *);
void	dhcp_build_nak(const struct dhcp_ctx *, const char *why,
	    struct dhcp_result *);

#endif
