// SPDX-License-Identifier: ISC
/*
 * ping-check's I/O (ISC dhcpd semantics, without blocking other clients):
 * a raw ICMP socket, opened as root before the privilege drop (sending on
 * it needs no capability afterwards) and filtered to echo replies; an
 * echo request to each address the core wants pinged, the OFFER held in
 * the wait table (dhcp_ping.h) with its DISCOVER; then either an echo
 * reply (the address is in use: it is abandoned, logged, and the DISCOVER
 * answered again, so the core picks another address) or ping-timeout
 * without one (the DISCOVER answered again: the address is now the
 * client's own offer, which needs no ping, and the OFFER leaves).
 */
#include <sys/socket.h>

#include <arpa/inet.h>
#include <netinet/in.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>
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
	memcpy(p->req, pkt, len);
	p->len = len;
	p->ifindex = nf->index;
	p->src = src;
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
	struct lease *l;
	char a[IP4_STRLEN];

	if (d->icmp == -1)
		return false;
	ip4_ntoa(r->yiaddr, a);
	p = dhcp_ping_add(&d->pings, r->yiaddr, mac,
	    mono_ms() + (int64_t)r->ping_timeout * 1000);
	if (p == NULL) {
		/* Free the address again, so the client's retry pings it. */
		if ((l = lease_by_ip(&d->leases, r->yiaddr)) != NULL &&
		    l->state == LEASE_OFFERED)
			l->state = LEASE_FREE;
		log_debug("ping-check: %zu offers wait already; %s not "
		    "offered yet", d->pings.n, a);
		return true;
	}
	memcpy(p->req, pkt, len);
	p->len = len;
	p->ifindex = nf->index;
	p->src = src;
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

/* Answers a wait's DISCOVER again; 1 if o holds a reply to send. */
static size_t
dhcpd_ping_again(struct dhcpd *d, const struct dhcp_ping *p,
    struct dhcpd_out *o)
{
	const struct netif *nf = netio_if(&d->io, p->ifindex);

	if (nf == NULL || nf->addr == 0)
		return 0;	/* the interface went away (SIGHUP) */
	return dhcpd_answer(d, p->req, p->len, nf, p->src, o) ? 1 : 0;
}

/* An answered ping: the address is in use; abandon it, pick another. */
static size_t
dhcpd_ping_answered(struct dhcpd *d, struct dhcp_ping *w,
    struct dhcpd_out *o)
{
	static struct dhcp_ping p;	/* 1.5 kB: not on the stack */
	struct lease *l;
	char a[IP4_STRLEN], mac[MAC_STRLEN];

	dhcp_ping_take(&d->pings, w, &p);
	log_warnx("%s: answers a ping: abandoned, not offered to %s",
	    ip4_ntoa(p.ip, a), mac_ntoa(p.mac, mac));
	if ((l = lease_abandon(&d->leases, p.ip, p.mac, time(NULL))) == NULL ||
	    leasedb_add(&d->db, l) == -1)
		log_warnx("%s: abandon: out of memory", a);
	return dhcpd_ping_again(d, &p, o);
}

size_t
dhcpd_ping_events(struct dhcpd *d, struct dhcpd_out *out, size_t n)
{
	static struct dhcp_ping p;
	uint8_t buf[512];
	struct dhcp_ping *w;
	const char *why;
	uint32_t ip;
	uint16_t id, seq;
	ssize_t len;

	if (d->icmp == -1)
		return n;
	while (n < DHCPD_BATCH &&
	    (len = recv(d->icmp, buf, sizeof(buf), 0)) > 0) {
		/* Anyone's echo replies arrive here: only ours count. */
		if (dhcp_ping_reply(buf, (size_t)len, &ip, &id, &seq, &why) ==
		    -1 || id != d->icmp_id ||
		    (w = dhcp_ping_by_reply(&d->pings, ip, seq)) == NULL)
			continue;
		n += dhcpd_ping_answered(d, w, &out[n]);
	}
	while (n < DHCPD_BATCH &&
	    (w = dhcp_ping_due(&d->pings, mono_ms())) != NULL) {
		dhcp_ping_take(&d->pings, w, &p);
		n += dhcpd_ping_again(d, &p, &out[n]);
	}
	return n;
}
