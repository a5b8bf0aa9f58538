// SPDX-License-Identifier: ISC
/*
 * ping-check's I/O (ISC dhcpd semantics, without blocking other clients):
 * a raw ICMP socket, opened as root before the privilege drop (sending on
 * it needs no capability afterwards) and filtered to echo replies; an
 * echo request to each address the core wants pinged, the OFFER held in
 * the wait table (dhcp_ping.h) with its DISCOVER; the echo replies read
 * and handed to the table, which says which wait they end.  What is done
 * then (abandon the address, answer the DISCOVER again) is serve.c's.
 */
#include <sys/socket.h>

#include <arpa/inet.h>
#include <netinet/in.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include "common/log.h"
#include "common/monotime.h"
#include "dhcpd-pxe/dhcpd.h"

/* From <linux/icmp.h>, whose <linux/if.h> clashes with <net/if.h>. */
#ifndef ICMP_FILTER
#define ICMP_FILTER	1	/* SOL_RAW option: a mask of types dropped */
#endif
#define ICMP_ECHOREPLY_TYPE 0

bool
dhcpd_wants_ping(const struct dhcpconf *c)
{
	size_t i;

	for (i = 0; i < c->nscopes; i++)
		if (c->scopes[i].p.ping_check == 1)
			return true;
	return false;
}

void
dhcpd_ping_open(struct dhcpd *d)
{
	uint32_t f = ~(1U << ICMP_ECHOREPLY_TYPE);
	struct dhcp_ping *v;

	d->icmp = -1;
	dhcp_ping_init(&d->pings, NULL, 0);
	if (!dhcpd_wants_ping(&d->conf))
		return;
	if ((d->icmp = socket(AF_INET, SOCK_RAW | SOCK_NONBLOCK |
	    SOCK_CLOEXEC, IPPROTO_ICMP)) == -1) {
		log_warn("ping-check: raw ICMP socket; offers go without a "
		    "ping");
		return;
	}
	/* Only echo replies wake us, not every ICMP message the host gets. */
	if (setsockopt(d->icmp, SOL_RAW, ICMP_FILTER, &f, sizeof(f)) == -1)
		log_warn("ping-check: ICMP_FILTER");
	if ((v = calloc(DHCPD_PINGS, sizeof(*v))) == NULL)
		fatal("ping-check: wait table");
	dhcp_ping_init(&d->pings, v, DHCPD_PINGS);
	d->icmp_id = (uint16_t)getpid();
}

bool
dhcpd_ping_waiting(struct dhcpd *d, const struct dhcp_msg *m,
    const uint8_t *pkt, size_t len, const struct netif *nf, uint32_t src)
{
	struct dhcp_ping *p;

	if ((p = dhcp_ping_by_mac(&d->pings, m->chaddr)) == NULL)
		return false;
	/* A retransmission: answer this one (its xid) when the wait ends. */
	dhcp_ping_hold(p, pkt, len, nf->index, src);
	return true;
}

bool
dhcpd_ping_start(struct dhcpd *d, const uint8_t *pkt, size_t len,
    const struct netif *nf, uint32_t src, const struct dhcp_result *r,
    const uint8_t mac[MAC_LEN])
{
	uint8_t echo[DHCP_PING_ECHO_LEN];
	struct sockaddr_in sin;
	struct dhcp_ping *p;
	char a[IP4_STRLEN];

	if (d->icmp == -1)
		return false;
	ip4_ntoa(r->yiaddr, a);
	p = dhcp_ping_add(&d->pings, r->yiaddr, mac,
	    mono_ms() + (int64_t)r->ping_timeout * 1000);
	if (p == NULL) {
		lease_unoffer(&d->leases, r->yiaddr);
		log_debug("ping-check: %zu offers wait already; %s not "
		    "offered yet", d->pings.n, a);
		return true;
	}
	dhcp_ping_hold(p, pkt, len, nf->index, src);
	memset(&sin, 0, sizeof(sin));
	sin.sin_family = AF_INET;
	sin.sin_addr.s_addr = htonl(r->yiaddr);
	if (dhcp_ping_echo(echo, sizeof(echo), d->icmp_id, p->seq) == -1 ||
	    sendto(d->icmp, echo, sizeof(echo), 0, (struct sockaddr *)&sin,
	    sizeof(sin)) == -1) {
		/* No echo can come back: offer now, as ISC dhcpd does. */
		log_warn("ping-check: echo request to %s", a);
		dhcp_ping_take(&d->pings, p, NULL);
		return false;
	}
	log_debug("ping-check: %s pinged, offer waits %u s", a,
	    r->ping_timeout);
	return true;
}

bool
dhcpd_ping_recv(struct dhcpd *d, struct dhcp_ping_event *ev)
{
	uint8_t buf[512];
	ssize_t len;

	if (d->icmp == -1)
		return false;
	while ((len = recv(d->icmp, buf, sizeof(buf), 0)) > 0)
		if (dhcp_ping_on_reply(&d->pings, buf, (size_t)len, d->icmp_id,
		    ev))
			return true;
	return false;
}
