/* SPDX-License-Identifier: ISC */
/*
 * dhcpd-pxe sockets: one UDP socket on port 67 that learns each request's
 * interface (IP_PKTINFO), one packet socket for replies to clients
 * without an address (RFC 2131 §4.1: broadcast, or unicast to chaddr),
 * and in proxy mode one UDP socket on port 4011, PXE's boot server port.
 * Both are opened as root; neither needs a capability afterwards, so the
 * daemon runs with none.  The interface table maps an index to its name
 * and IPv4 address (our server identifier there).
 */
#ifndef NETIO_H
#define NETIO_H

#include <net/if.h>
#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>

#include "dhcpd-pxe/dhcp_build.h"

#define NETIO_IFMAX	32
#define NETIO_RCVBUF	(4 << 20)	/* bytes: ~2000 queued requests */

struct netif {
	int		index;
	char		name[IF_NAMESIZE];
	uint32_t	addr;		/* host order; 0 if none */
};

struct netio {
	int		 udp;
	int		 pkt;
	int		 bs;		/* port 4011; -1: none */
	struct netif	 ifs[NETIO_IFMAX];
	size_t		 nifs;
	char		*const *names;	/* interfaces asked for, or none */
	size_t		 nnames;
};

/*
 * Opens both sockets for the interfaces named (none: all); -1 with errno
 * (logged).  netio_refresh() reads their addresses, before or after.
 */
int	netio_open(struct netio *, char *const *names, size_t nnames);
/* Opens the port 4011 socket (proxy mode); -1 with errno (logged). */
int	netio_open_bs(struct netio *);
/* Re-reads the interfaces' addresses (after SIGHUP). */
int	netio_refresh(struct netio *);
const struct netif *netio_if(const struct netio *, int index);
const struct netif *netio_if_byname(const struct netio *, const char *);
/*
 * One datagram on socket fd (io->udp or io->bs) from a served interface:
 * its length (0 when nothing is waiting), or -1 on error.  *ifp is the
 * interface it came in on, *src and *sport where it came from.
 */
ssize_t	netio_recv(struct netio *, int fd, uint8_t *buf, size_t cap,
	    const struct netif **ifp, uint32_t *src, uint16_t *sport);
/*
 * Sends a reply out of the interface its request came in on (from port
 * 4011 for DHCP_DST_PEER).
 */
int	netio_send(struct netio *, const struct netif *,
	    const struct dhcp_result *, const uint8_t chaddr[6]);

#endif
