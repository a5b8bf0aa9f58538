/* SPDX-License-Identifier: ISC */
/*
 * dhcpd-pxe's runtime state, one struct created in main() and passed
 * down (no globals but the signal flags), and the serving loop.
 */
#ifndef DHCPD_H
#define DHCPD_H

#include <signal.h>
#include <stdbool.h>
#include <time.h>

#include "dhcpconf/dhcpconf.h"
#include "dhcpd-pxe/conf.h"
#include "dhcpd-pxe/dhcp_ping.h"
#include "dhcpd-pxe/lease.h"
#include "dhcpd-pxe/leasedb.h"
#include "dhcpd-pxe/netio.h"

#define DHCPD_CONF	"/etc/dhcpd.conf"
#define DHCPD_LEASES	"/var/lib/dhcpd-pxe/dhcpd.leases"
#define DHCPD_PID	"/run/dhcpd-pxe.pid"
#define DHCPD_USER	"nobody"
#define DHCPD_BATCH	64	/* requests per group commit */
#define DHCPD_PINGS	1024	/* offers waiting on a ping at once */

#define DHCPD_WARNS	10	/* lines of one kind a minute */

struct dhcpd_rate {
	time_t		 minute;
	unsigned	 n;
};

struct dhcpd {
	const char		*cf, *lf, *pf, *user;
	bool			 debug, foreground, ethers;
	int			 test;		/* 1: -t, 2: -T */
	int			 verbose;
	char			*const *ifnames;
	size_t			 nifnames;
	struct confdirs		 dirs;
	struct dhcpconf		 conf;
	struct lease_table	 leases;
	struct leasedb		 db;
	struct netio		 io;
	struct dhcpd_rate	 badpkt, nofree;	/* log limits */
	int			 icmp;		/* ping-check; -1: none */
	uint16_t		 icmp_id;
	struct dhcp_ping_table	 pings;
};

/* One reply waiting for the batch's commit. */
struct dhcpd_out {
	struct dhcp_result	 r;
	const struct netif	*nf;
	uint8_t			 chaddr[MAC_LEN];
};

void	dhcpd_loop(struct dhcpd *, volatile sig_atomic_t *hup,
	    volatile sig_atomic_t *term, void (*reload)(struct dhcpd *));
/* Where a request came from: address, port, and port 4011 or not. */
struct dhcpd_from {
	uint32_t		 ip;
	uint16_t		 port;
	bool			 bs;
};

/* Answers one request into o; false if there is nothing to send now. */
bool	dhcpd_answer(struct dhcpd *, const uint8_t *pkt, size_t len,
	    const struct netif *, const struct dhcpd_from *,
	    struct dhcpd_out *o);

/* ping.c: ping-check. */
/* Does any scope say `ping-check true'? */
bool	dhcpd_wants_ping(const struct dhcpconf *);
/* The raw ICMP socket and the wait table, if the config pings (as root). */
void	dhcpd_ping_open(struct dhcpd *);
/* A DISCOVER from a client already waiting: kept for its offer; true. */
bool	dhcpd_ping_waiting(struct dhcpd *, const struct dhcp_msg *,
	    const uint8_t *pkt, size_t len, const struct netif *, uint32_t src);
/* Holds r's OFFER behind a ping of its address: true if held. */
bool	dhcpd_ping_start(struct dhcpd *, const uint8_t *pkt, size_t len,
	    const struct netif *, uint32_t src, const struct dhcp_result *r,
	    const uint8_t mac[MAC_LEN]);
/*
 * Reads the ICMP socket until an echo reply ends a wait: true with *ev
 * (what to do, dhcp_ping.h), false when no more replies are waiting.
 */
bool	dhcpd_ping_recv(struct dhcpd *, struct dhcp_ping_event *ev);
/* syslog facility of a log-facility name, LOG_DAEMON if unset. */
int	dhcpd_facility(const char *name);

#endif
