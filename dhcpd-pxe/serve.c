// SPDX-License-Identifier: ISC
/*
 * The serving loop: poll, read up to DHCPD_BATCH requests, answer each
 * through the pure core, carry out what the ping check says of the offers
 * it held (dhcp_ping.h: abandon an address, answer again), send the
 * replies that bind nothing (OFFER, NAK), make every lease of the batch
 * durable with one write and one fdatasync (group commit), and only then
 * send the ACKs, each reply out of the interface its request came in on.
 * If the lease write fails, the batch's ACKs are not sent: a client is
 * never told it holds an address that a crash could give away.
 */
#include <errno.h>
#include <poll.h>
#include <stdlib.h>
#include <string.h>
#include <strings.h>
#include <syslog.h>

#include "common/log.h"
#include "common/monotime.h"
#include "dhcpd-pxe/dhcp_proxy.h"
#include "dhcpd-pxe/dhcp_reply.h"
#include "dhcpd-pxe/dhcpd.h"

int
dhcpd_facility(const char *name)
{
	static const struct {
		const char	*name;
		int		 fac;
	} tab[] = {
		{ "kern", LOG_KERN }, { "user", LOG_USER }, { "mail", LOG_MAIL },
		{ "daemon", LOG_DAEMON }, { "auth", LOG_AUTH },
		{ "syslog", LOG_SYSLOG }, { "lpr", LOG_LPR },
		{ "news", LOG_NEWS }, { "uucp", LOG_UUCP }, { "cron", LOG_CRON },
		{ "authpriv", LOG_AUTHPRIV }, { "ftp", LOG_FTP },
		{ "local0", LOG_LOCAL0 }, { "local1", LOG_LOCAL1 },
		{ "local2", LOG_LOCAL2 }, { "local3", LOG_LOCAL3 },
		{ "local4", LOG_LOCAL4 }, { "local5", LOG_LOCAL5 },
		{ "local6", LOG_LOCAL6 }, { "local7", LOG_LOCAL7 },
	};
	size_t i;

	for (i = 0; i < sizeof(tab) / sizeof(tab[0]); i++)
		if (strcasecmp(tab[i].name, name) == 0)
			return tab[i].fac;
	return LOG_DAEMON;
}

/*
 * At most DHCPD_WARNS lines of a kind a minute (OpenBSD's counters, in a
 * struct): 1 to log, 2 to log and say the rest of the minute is quiet.
 */
static int
dhcpd_rate(struct dhcpd_rate *rl)
{
	time_t m = time(NULL) / 60;

	if (m != rl->minute) {
		rl->minute = m;
		rl->n = 0;
	}
	if (rl->n >= DHCPD_WARNS)
		return 0;
	return ++rl->n == DHCPD_WARNS ? 2 : 1;
}

static void
dhcpd_badpkt(struct dhcpd *d, uint32_t src, const char *nf, const char *why)
{
	char a[IP4_STRLEN];
	int k;

	if ((k = dhcpd_rate(&d->badpkt)) != 0)
		log_warnx("%s via %s: bad packet: %s%s", ip4_ntoa(src, a), nf,
		    why, k == 2 ? " (more this minute not logged)" : "");
}

/* ISC's words, so the admin's greps still work; rate-limited. */
static void
dhcpd_nofree(struct dhcpd *d, uint8_t type, const char *mac, const char *nf)
{
	int k;

	if ((k = dhcpd_rate(&d->nofree)) != 0)
		log_warnx("%s from %s via %s: no free leases%s",
		    dhcp_type_name(type), mac, nf,
		    k == 2 ? " (more this minute not logged)" : "");
}

bool
dhcpd_answer(struct dhcpd *d, const uint8_t *pkt, size_t len,
    const struct netif *nf, const struct dhcpd_from *from,
    struct dhcpd_out *o)
{
	uint32_t src = from->ip;
	struct dhcp_server srv;
	struct dhcp_msg m;
	const char *why;
	char mac[MAC_STRLEN];

	if (dhcp_msg_decode(pkt, len, &m, &why) == -1) {
		dhcpd_badpkt(d, src, nf->name, why);
		return false;
	}
	if (m.type == DHCPDISCOVER &&
	    dhcpd_ping_waiting(d, &m, pkt, len, nf, src))
		return false;
	srv.conf = &d->conf;
	srv.leases = &d->leases;
	srv.ifaddr = nf->addr;
	srv.now = time(NULL);
	if (d->conf.proxy != DC_PROXY_OFF)
		dhcp_proxy(&srv, &m, from->bs, &o->r);
	else if (!from->bs)
		dhcp_reply(&srv, &m, &o->r);
	else {	/* proxy-dhcp turned off by a reload */
		memset(&o->r, 0, offsetof(struct dhcp_result, pkt));
		o->r.why = "port 4011: proxy-dhcp is off";
	}
	if (o->r.dest == DHCP_DST_PEER) {	/* back where it came from */
		o->r.dst_ip = src;
		o->r.dst_port = from->port;
	}
	mac_ntoa(m.chaddr, mac);
	if (o->r.commit && leasedb_add(&d->db, &o->r.lease) == -1) {
		log_warnx("%s from %s: out of memory", dhcp_type_name(m.type),
		    mac);
		return false;
	}
	if (o->r.dest == DHCP_DST_NONE) {
		if (o->r.exhausted)
			dhcpd_nofree(d, m.type, mac, nf->name);
		else if (log_getverbose() > 0 || o->r.commit)
			log_info("%s from %s via %s: %s",
			    dhcp_type_name(m.type), mac, nf->name, o->r.why);
		return false;
	}
	if (log_getverbose() > 0)
		log_info("%s from %s via %s", dhcp_type_name(m.type), mac,
		    nf->name);
	if (o->r.ping && dhcpd_ping_start(d, pkt, len, nf, src, &o->r,
	    m.chaddr))
		return false;
	o->nf = nf;
	memcpy(o->chaddr, m.chaddr, MAC_LEN);
	return true;
}

/*
 * Carries out what the ping check says of a wait that ended: an address
 * that answered is abandoned (durably, with the batch), and the held
 * DISCOVER is answered again: the core now offers the quiet address (the
 * client's own offer) or picks another.  1 if o holds a reply.
 */
static size_t
dhcpd_ping_act(struct dhcpd *d, const struct dhcp_ping_event *ev,
    struct dhcpd_out *o)
{
	const struct dhcp_ping *p = &ev->held;
	const struct netif *nf;
	struct dhcpd_from from;
	struct lease *l;
	char a[IP4_STRLEN], mac[MAC_STRLEN];

	if (ev->what == DHCP_PING_ABANDON) {
		log_warnx("%s: answers a ping: abandoned, not offered to %s",
		    ip4_ntoa(p->ip, a), mac_ntoa(p->mac, mac));
		if ((l = lease_abandon(&d->leases, p->ip, p->mac,
		    time(NULL))) == NULL || leasedb_add(&d->db, l) == -1)
			log_warnx("%s: abandon: out of memory", a);
	}
	from.ip = p->src;
	from.port = DHCP_CLIENT_PORT;
	from.bs = false;
	nf = netio_if(&d->io, p->ifindex);
	if (nf == NULL || nf->addr == 0)
		return 0;	/* the interface went away (SIGHUP) */
	return dhcpd_answer(d, p->req, p->len, nf, &from, o) ? 1 : 0;
}

/* Sends the replies that bind a lease (commits) or those that do not. */
static void
dhcpd_send(struct dhcpd *d, struct dhcpd_out *o, size_t n, bool commits)
{
	char a[IP4_STRLEN], mac[MAC_STRLEN];
	size_t i;

	for (i = 0; i < n; i++) {
		if (o[i].r.commit != commits)
			continue;
		if (netio_send(&d->io, o[i].nf, &o[i].r, o[i].chaddr) == -1)
			log_warn("%s to %s via %s",
			    dhcp_type_name(o[i].r.type),
			    ip4_ntoa(o[i].r.dst_ip, a), o[i].nf->name);
		else if (log_getverbose() > 0)
			log_info("%s on %s to %s via %s",
			    dhcp_type_name(o[i].r.type),
			    ip4_ntoa(o[i].r.yiaddr, a),
			    mac_ntoa(o[i].chaddr, mac), o[i].nf->name);
	}
}

void
dhcpd_loop(struct dhcpd *d, volatile sig_atomic_t *hup,
    volatile sig_atomic_t *term, void (*reload)(struct dhcpd *))
{
	static struct dhcpd_out out[DHCPD_BATCH];
	static struct dhcp_ping_event ev;	/* 1.5 kB: not on the stack */
	uint8_t pkt[DHCP_MAX_LEN];
	struct pollfd pfd[3] = {
		{ .fd = d->io.udp, .events = POLLIN },
		{ .fd = d->icmp, .events = POLLIN },	/* -1: ignored */
		{ .fd = d->io.bs, .events = POLLIN },	/* -1: ignored */
	};
	const struct netif *nf;
	struct dhcpd_from from = { 0 };
	size_t n;
	ssize_t len = 0;

	while (!*term) {
		if (*hup)
			reload(d);
		if (poll(pfd, 3, dhcp_ping_timeout(&d->pings, mono_ms())) ==
		    -1) {
			if (errno != EINTR)
				fatal("poll");
			continue;
		}
		n = 0;
		while (n < DHCPD_BATCH && (len = netio_recv(&d->io, d->io.udp,
		    pkt, sizeof(pkt), &nf, &from.ip, &from.port)) > 0)
			if (dhcpd_answer(d, pkt, (size_t)len, nf, &from,
			    &out[n]))
				n++;
		if (len == -1)
			log_warn("recvmsg");
		/* Port 4011 (proxy mode): PXE's boot server requests. */
		from.bs = true;
		while (d->io.bs != -1 && n < DHCPD_BATCH && (len =
		    netio_recv(&d->io, d->io.bs, pkt, sizeof(pkt), &nf,
		    &from.ip, &from.port)) > 0)
			if (dhcpd_answer(d, pkt, (size_t)len, nf, &from,
			    &out[n]))
				n++;
		from.bs = false;
		if (len == -1)
			log_warn("recvmsg (port %d)", DHCP_PXE_BS_PORT);
		/* Offers held by a ping: echo replies, then expired waits. */
		while (n < DHCPD_BATCH && dhcpd_ping_recv(d, &ev))
			n += dhcpd_ping_act(d, &ev, &out[n]);
		while (n < DHCPD_BATCH &&
		    dhcp_ping_on_time(&d->pings, mono_ms(), &ev))
			n += dhcpd_ping_act(d, &ev, &out[n]);
		/* OFFERs and NAKs promise nothing: they need not wait. */
		dhcpd_send(d, out, n, false);
		if (leasedb_commit(&d->db, &d->leases) == 0)
			dhcpd_send(d, out, n, true);	/* else no ACK */
	}
}
