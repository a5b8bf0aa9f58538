/* SPDX-License-Identifier: ISC */
/*
 * Address policy for one request (RFC 2131 §4.3.1 address choice): which
 * subnet the client is on (giaddr, else ciaddr, else the receiving
 * interface), which host declaration and classes apply, which pools it may
 * draw from (allow/deny unknown-clients, known-clients, members of), and
 * the chain of scopes its reply's parameters come from.  Pure.
 */
#ifndef DHCP_POLICY_H
#define DHCP_POLICY_H

#include "dhcpconf/dhcpconf.h"
#include "dhcpd-pxe/dhcp_msg.h"
#include "dhcpd-pxe/dhcp_pxe.h"
#include "dhcpd-pxe/lease.h"

#define DHCP_CLASSES_MAX	8

struct dhcp_server {
	const struct dhcpconf	*conf;
	struct lease_table	*leases;
	uint32_t		 ifaddr;	/* receiving interface; our id */
	int64_t			 now;
};

struct dhcp_ctx {
	const struct dhcp_server *srv;
	const struct dhcp_msg	 *m;
	const uint8_t		 *mac;
	struct dhcp_client	  cl;
	const struct dc_subnet	 *sn;		/* NULL: not ours */
	const struct dc_host	 *host;		/* NULL: unknown client */
	int			  classes[DHCP_CLASSES_MAX];
	size_t			  nclasses;
	struct dc_env		  env;		/* for the config's expressions */
	bool			  exhausted;	/* its pools are full */
};

void	dhcp_ctx_init(struct dhcp_ctx *, const struct dhcp_server *,
	    const struct dhcp_msg *);
/*
 * Is ip one this client may hold?  Its fixed address, or an address of a
 * pool it may use that no other client holds.  *pool gets the pool index
 * (-1 for a fixed address).
 */
bool	dhcp_addr_ok(const struct dhcp_ctx *, uint32_t ip, int *pool);
/*
 * The address to offer: the fixed address, the client's current lease,
 * the requested address (option 50), or a new one.  0 with *why if none;
 * x->exhausted then says whether pools the client may use were all full
 * (rather than none allowing it).
 */
uint32_t dhcp_addr_pick(struct dhcp_ctx *, int *pool, const char **why);
/* The subnet of the address a reply gives from pool (-1: none). */
const struct dc_subnet *dhcp_subnet(const struct dhcp_ctx *, int pool);
/* The chain for a reply about ip from pool (-1: none). */
void	dhcp_chain(const struct dhcp_ctx *, int pool, struct dc_chain *);
/* Lease time granted: requested (option 51) within max, else default. */
uint32_t dhcp_lease_time(const struct dhcp_ctx *, const struct dc_chain *);

#endif
