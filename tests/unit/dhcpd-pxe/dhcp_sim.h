/* SPDX-License-Identifier: ISC */
/*
 * A pool's worth of simulated clients driving dhcpd-pxe's reply core, for
 * the lease soak (check_dhcp_soak.c: random steps) and the stateful fuzz
 * harness (fuzz_dhcp_lease.c: steps read from the input).  Clients are
 * the caller's (a MAC and the address it believes it holds); the sim
 * keeps, per pool address, which client holds it until when, as the
 * clients were told.  Each step returns NULL or what went wrong:
 *  - an ACK giving an address another client holds (two MACs, one address);
 *  - a lease table whose indexes lease_table_verify() finds wrong, or with
 *    a probe run longer than DHCP_SIM_PROBE_MAX;
 *  - after a restart (the table written as a journal and read back), a
 *    held lease that did not survive;
 *  - a fixed host not offered its address.
 * No Check here, so the fuzz harness uses it too.
 */
#ifndef DHCP_SIM_H
#define DHCP_SIM_H

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "dhcpconf/dhcpconf.h"
#include "dhcpd-pxe/dhcp_reply.h"
#include "dhcpd-pxe/lease_file.h"

#include "dhcp_pkt.h"

#define DHCP_SIM_SID		0xc0000201u	/* 192.0.2.1, our id */
#define DHCP_SIM_FIXED		0xc000020bu	/* 192.0.2.11 */
#define DHCP_SIM_PROBE_MAX	32

static const uint8_t dhcp_sim_fixed_mac[6] = { 2, 0, 0, 0, 1, 1 };

struct dhcp_sim_client {
	uint8_t		mac[6];
	uint32_t	id;		/* tells clients apart, not 0 */
	uint32_t	ip;		/* held as it believes, 0: none */
};

struct dhcp_sim {
	struct dhcpconf		c;
	struct lease_table	lt;
	struct dhcp_server	srv;
	struct {
		uint32_t	id;	/* 0: nobody */
		int64_t		ends;
	}			*hold;
	uint32_t		lo, size;	/* the pool */
	unsigned		acks, naks, full, restarts;
	char			err[160];
};

/* conf must have one pool lo..lo+size-1 and a host at DHCP_SIM_FIXED. */
static const char *
dhcp_sim_init(struct dhcp_sim *s, const char *conf, uint32_t lo,
    uint32_t size)
{
	struct perr err;

	memset(s, 0, sizeof(*s));
	if (dhcpconf_parse(&s->c, conf, strlen(conf), "sim", &err) == -1)
		return "configuration refused";
	lease_table_init(&s->lt);
	if (lease_table_ranges(&s->lt, s->c.nranges) == -1 ||
	    (s->hold = calloc(size, sizeof(*s->hold))) == NULL)
		return "out of memory";
	s->srv.conf = &s->c;
	s->srv.leases = &s->lt;
	s->srv.ifaddr = DHCP_SIM_SID;
	s->srv.now = 1000000;
	s->lo = lo;
	s->size = size;
	return NULL;
}

static void
dhcp_sim_free(struct dhcp_sim *s)
{
	free(s->hold);
	lease_table_free(&s->lt);
	dhcpconf_free(&s->c);
}

/* The reply of the core to a request from mac (option 50, option 54). */
static void
dhcp_sim_send(struct dhcp_sim *s, const uint8_t mac[6], uint8_t type,
    uint32_t ciaddr, uint32_t req, uint32_t sid, struct dhcp_result *r)
{
	uint8_t o[12], p[DHCP_MAX_LEN];
	struct dhcp_msg m;
	const char *e;
	size_t n = 0;

	if (req != 0) {
		o[n++] = DHO_REQ_ADDR;
		o[n++] = 4;
		dhcp_pkt_put32(o + n, req);
		n += 4;
	}
	if (sid != 0) {
		o[n++] = DHO_SERVER_ID;
		o[n++] = 4;
		dhcp_pkt_put32(o + n, sid);
		n += 4;
	}
	n = dhcp_pkt_build(p, type, mac, ciaddr, 0, o, n);
	if (dhcp_msg_decode(p, n, &m, &e) == -1)
		abort();	/* the sim's own packet */
	dhcp_reply(&s->srv, &m, r);
}

static int
dhcp_sim_slot(const struct dhcp_sim *s, uint32_t ip)
{
	return ip >= s->lo && ip - s->lo < s->size ? (int)(ip - s->lo) : -1;
}

/* Client cl's view after the reply r: an ACK must not take a held one. */
static const char *
dhcp_sim_answer(struct dhcp_sim *s, struct dhcp_sim_client *cl,
    const struct dhcp_result *r)
{
	int k, old;

	if (r->type == DHCPNAK) {
		s->naks++;
		cl->ip = 0;
		return NULL;
	}
	if (r->type != DHCPACK)
		return NULL;
	if (!r->commit || (k = dhcp_sim_slot(s, r->yiaddr)) == -1)
		return "ACK of a pool address not committed, or not the pool's";
	if (s->hold[k].id != 0 && s->hold[k].id != cl->id &&
	    s->hold[k].ends > s->srv.now) {
		snprintf(s->err, sizeof(s->err), "client %u ACKed %08x, which "
		    "client %u holds until %lld (now %lld)", cl->id, r->yiaddr,
		    s->hold[k].id, (long long)s->hold[k].ends,
		    (long long)s->srv.now);
		return s->err;
	}
	if (cl->ip != 0 && cl->ip != r->yiaddr &&
	    (old = dhcp_sim_slot(s, cl->ip)) != -1 && s->hold[old].id == cl->id)
		s->hold[old].id = 0;
	s->hold[k].id = cl->id;
	s->hold[k].ends = r->lease.ends;
	cl->ip = r->yiaddr;
	s->acks++;
	return NULL;
}

/*
 * A client without an address: DISCOVER, then REQUEST (choice < 85), a
 * REQUEST naming another server (< 95), or nothing.  choice: 0..99.
 */
static const char *
dhcp_sim_join(struct dhcp_sim *s, struct dhcp_sim_client *cl,
    unsigned choice)
{
	struct dhcp_result r;
	uint32_t ip;

	dhcp_sim_send(s, cl->mac, DHCPDISCOVER, 0, 0, 0, &r);
	if (r.type != DHCPOFFER) {
		if (!r.exhausted)
			return "no OFFER, and the pool is not full";
		s->full++;
		return NULL;
	}
	ip = r.yiaddr;
	if (choice < 85)
		dhcp_sim_send(s, cl->mac, DHCPREQUEST, 0, ip, DHCP_SIM_SID, &r);
	else if (choice < 95)
		dhcp_sim_send(s, cl->mac, DHCPREQUEST, 0, ip, DHCP_SIM_SID + 1,
		    &r);
	else
		return NULL;		/* the offer lapses */
	return dhcp_sim_answer(s, cl, &r);
}

/*
 * A client with an address acts on it: RENEWING (choice < 40),
 * INIT-REBOOT (< 60), RELEASE (< 98) or DECLINE.
 */
static const char *
dhcp_sim_act(struct dhcp_sim *s, struct dhcp_sim_client *cl,
    unsigned choice)
{
	struct dhcp_result r;
	int k = dhcp_sim_slot(s, cl->ip);

	if (k == -1)
		return NULL;
	if (choice < 40)
		dhcp_sim_send(s, cl->mac, DHCPREQUEST, cl->ip, 0, 0, &r);
	else if (choice < 60)
		dhcp_sim_send(s, cl->mac, DHCPREQUEST, 0, cl->ip, 0, &r);
	else {
		if (choice < 98)
			dhcp_sim_send(s, cl->mac, DHCPRELEASE, cl->ip, 0,
			    DHCP_SIM_SID, &r);
		else
			dhcp_sim_send(s, cl->mac, DHCPDECLINE, 0, cl->ip,
			    DHCP_SIM_SID, &r);
		if (r.dest != DHCP_DST_NONE)
			return "a reply to RELEASE or DECLINE";
		if (s->hold[k].id == cl->id)
			s->hold[k].id = 0;
		cl->ip = 0;
		return NULL;
	}
	return dhcp_sim_answer(s, cl, &r);
}

/* A restart: the table written as a journal, then read back. */
static const char *
dhcp_sim_restart(struct dhcp_sim *s)
{
	char rec[LEASE_RECORD_MAX], *text;
	const struct lease *l;
	struct perr err;
	size_t k, off = 0, valid;
	int n;

	if ((text = malloc(s->lt.n * LEASE_RECORD_MAX + 1)) == NULL)
		return "out of memory";
	for (k = 0; k < s->lt.n; k++)
		if ((n = lease_file_format(&s->lt.v[k], rec, sizeof(rec))) > 0) {
			memcpy(text + off, rec, (size_t)n);
			off += (size_t)n;
		}
	lease_table_free(&s->lt);
	lease_table_init(&s->lt);
	n = lease_table_ranges(&s->lt, s->c.nranges) == -1 ||
	    lease_file_parse(&s->lt, text, off, "sim", &valid, &err) == -1 ||
	    valid != off;
	free(text);
	if (n)
		return "the journal did not read back";
	s->restarts++;
	for (k = 0; k < s->size; k++) {
		if (s->hold[k].id == 0 || s->hold[k].ends <= s->srv.now)
			continue;
		l = lease_by_ip(&s->lt, s->lo + (uint32_t)k);
		if (l == NULL || l->state != LEASE_ACTIVE)
			return "a held lease did not survive the restart";
	}
	return NULL;
}

/* The lease table's indexes; with fixed, the fixed host's offer too. */
static const char *
dhcp_sim_check(struct dhcp_sim *s, bool fixed)
{
	struct dhcp_result r;
	const char *e;
	size_t probe;

	if ((e = lease_table_verify(&s->lt, &probe)) != NULL)
		return e;
	if (probe > DHCP_SIM_PROBE_MAX)
		return "a probe run longer than DHCP_SIM_PROBE_MAX";
	if (!fixed)
		return NULL;
	dhcp_sim_send(s, dhcp_sim_fixed_mac, DHCPDISCOVER, 0, 0, 0, &r);
	return r.type == DHCPOFFER && r.yiaddr == DHCP_SIM_FIXED ? NULL :
	    "the fixed host was not offered its address";
}

#endif
