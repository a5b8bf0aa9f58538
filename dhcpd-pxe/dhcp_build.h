/* SPDX-License-Identifier: ISC */
/*
 * A reply as the core hands it to the shell (struct dhcp_result): the
 * bytes, where they go (RFC 2131 §4.1: relay, ciaddr, broadcast, or
 * unicast to chaddr for a client without an address), and the lease to
 * make durable before they leave; and the builders of OFFER, ACK and NAK
 * messages that fill one.  dhcp_reply.h decides which to build.  Pure.
 */
#ifndef DHCP_BUILD_H
#define DHCP_BUILD_H

#include "dhcpd-pxe/dhcp_policy.h"

enum dhcp_dest {
	DHCP_DST_NONE,		/* nothing to send */
	DHCP_DST_RELAY,		/* giaddr, port 67 */
	DHCP_DST_CIADDR,	/* ciaddr, port 68 */
	DHCP_DST_BROADCAST,	/* 255.255.255.255, port 68 */
	DHCP_DST_CHADDR,	/* yiaddr at chaddr, port 68 (no ARP) */
	DHCP_DST_PEER		/* the request's source, from port 4011 */
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

/*
 * A message of type (OFFER or ACK) giving yiaddr from pool (-1: a fixed
 * address or none) for lease_time seconds, with its destination, into
 * res, options in the order that dhcp_build.c opens with.
 */
void	dhcp_build(const struct dhcp_ctx *, uint8_t type, uint32_t yiaddr,
	    int pool, uint32_t lease_time, struct dhcp_result *res);
/*
 * A proxyDHCP answer (PXE 2.1): type OFFER (port 67) or ACK (port 4011)
 * with no address and no lease, only the boot server, the boot file and
 * options 54, 60, 97 and 43; see dhcp_build.c.
 */
void	dhcp_build_proxy(const struct dhcp_ctx *, uint8_t type,
	    struct dhcp_result *res);
/* A NAK saying why, with its destination, into res. */
void	dhcp_build_nak(const struct dhcp_ctx *, const char *why,
	    struct dhcp_result *res);

#endif
