// SPDX-License-Identifier: ISC
/*
 * The firmware's DHCP (fl_client.h): DISCOVER until an offer is taken
 * (fl_sched_take_offer), REQUEST until the ACK, retransmissions and the
 * giving up as the schedule says.  The secs field is iPXE's under the iPXE
 * schedule (a trace of its state: count << 2 | offer << 1 | proxy, seen as
 * 4 and 11 in the lab's capture) and the seconds since the first DISCOVER
 * otherwise.  A NAK sends the client back to DISCOVER after 1 s, as iPXE's
 * dhcp_defer() does, three times at most.
 */
#include <stdio.h>
#include <string.h>

#include "fleet/fl_dhcpc.h"

#define SEC		1000000LL
#define NAKS_MAX	3

static void
dhcp_send(struct fl_client *c, int64_t now, struct fl_out *o)
{
	struct fl_dhcp_req q;
	uint8_t buf[FL_DHCP_MAX];
	ssize_t n;
	int64_t s;

	memset(&q, 0, sizeof(q));
	q.arch = c->conf->arch;
	q.type = c->requesting ? FL_DHCP_REQUEST : FL_DHCP_DISCOVER;
	q.xid = c->xid;
	memcpy(q.mac, c->mac, MAC_LEN);
	memcpy(q.uuid, c->uuid, FL_UUID_LEN);
	q.server = c->offer_server;
	q.addr = c->offer_ip;
	if (c->conf->sched == FL_S_IPXE)
		q.secs = (uint16_t)(c->count << 2 | (c->have_offer ? 2 : 0) |
		    (c->offer_pxe ? 1 : 0));
	else {
		s = (now - c->t_phase) / SEC;
		q.secs = (uint16_t)(s > 65535 ? 65535 : s);
	}
	if ((n = fl_dhcp_build(&q, buf, sizeof(buf))) == -1)
		return;
	fl_c_udp(c, o, fl_mac_bcast, 0, 0xffffffffu, 68, 67, buf, (size_t)n);
	c->dsent++;
}

static void
arm(struct fl_client *c, int64_t now)
{
	enum fl_wait w = c->requesting ? FL_W_REQUEST : FL_W_DISCOVER;

	c->deadline = now + fl_sched_wait(c->conf->sched, w, c->k,
	    fl_rand(&c->rng));
}

void
fl_c_dhcp_start(struct fl_client *c, int64_t now, struct fl_out *o)
{
	c->phase = FL_P_DHCP;
	c->t_phase = now;
	c->xid = (uint32_t)fl_rand(&c->rng);
	c->k = c->count = 0;
	c->requesting = c->have_offer = c->offer_pxe = false;
	dhcp_send(c, now, o);
	arm(c, now);
}

static void
request(struct fl_client *c, int64_t now, struct fl_out *o)
{
	c->requesting = true;
	c->k = 0;
	c->count++;		/* iPXE's request state starts with an expiry */
	dhcp_send(c, now, o);
	arm(c, now);
}

void
fl_c_dhcp_timer(struct fl_client *c, int64_t now, struct fl_out *o)
{
	enum fl_wait w = c->requesting ? FL_W_REQUEST : FL_W_DISCOVER;
	struct fl_rec *r;

	if (c->have_offer && !c->requesting &&
	    fl_sched_take_offer(c->conf->sched, c->offer_pxe,
	    now - c->t_phase, true)) {
		request(c, now, o);
		return;
	}
	if (fl_sched_wait(c->conf->sched, w, c->k + 1, 0) < 0) {
		r = fl_c_rec(c, o, "dhcp", "", c->t_phase, now);
		r->sent = c->dsent;
		r->retrans = c->dretrans;
		snprintf(r->result, sizeof(r->result), "%s",
		    c->requesting ? "no ACK" : "no offer");
		fl_c_end(c, now, c->requesting ? "gave-up: dhcp: no ACK" :
		    "gave-up: dhcp: no offer", o);
		return;
	}
	c->k++;
	c->count++;
	c->dretrans++;
	c->retrans++;
	dhcp_send(c, now, o);
	arm(c, now);
}

/* The ACK: the lease, the boot server and the boot file. */
static void
bound(struct fl_client *c, const struct fl_dhcp_reply *m, int64_t now,
    struct fl_out *o)
{
	struct fl_rec *r;
	const char *slash;

	c->ip = m->yiaddr;
	c->next_server = m->siaddr != 0 ? m->siaddr : m->tftp != 0 ?
	    m->tftp : m->server;
	strlcpy(c->bootfile, m->file[0] != '\0' ? m->file : c->offer_file,
	    sizeof(c->bootfile));
	slash = strrchr(c->bootfile, '/');
	c->prefixlen = slash == NULL ? 0 : (size_t)(slash - c->bootfile) + 1;
	o->bound = true;
	r = fl_c_rec(c, o, "dhcp", "", c->t_phase, now);
	r->sent = c->dsent;
	r->retrans = c->dretrans;
	strlcpy(r->result, "ok", sizeof(r->result));
	if (c->bootfile[0] == '\0') {
		fl_c_end(c, now, "gave-up: dhcp: no boot file", o);
		return;
	}
	fl_c_arp_start(c, now, o);
}

static void
offer(struct fl_client *c, const struct fl_dhcp_reply *m, int64_t now,
    struct fl_out *o)
{
	if (c->have_offer || m->yiaddr == 0)
		return;		/* the first offer with an address wins */
	c->have_offer = true;
	c->offer_ip = m->yiaddr;
	c->offer_server = m->server;
	c->offer_pxe = m->pxeclient;
	strlcpy(c->offer_file, m->file, sizeof(c->offer_file));
	if (fl_sched_take_offer(c->conf->sched, m->pxeclient,
	    now - c->t_phase, false))
		request(c, now, o);
}

void
fl_c_dhcp_frame(struct fl_client *c, const struct fl_frame *f, int64_t now,
    struct fl_out *o)
{
	struct fl_dhcp_reply m;
	const char *errstr;

	if (c->phase != FL_P_DHCP ||
	    fl_dhcp_parse(f->data, f->len, &m, &errstr) == -1 ||
	    m.xid != c->xid || memcmp(m.chaddr, c->mac, MAC_LEN) != 0)
		return;
	if (m.type == FL_DHCP_OFFER && !c->requesting)
		offer(c, &m, now, o);
	else if (c->requesting && m.server == c->offer_server) {
		if (m.type == FL_DHCP_ACK && m.yiaddr == c->offer_ip)
			bound(c, &m, now, o);
		else if (m.type == FL_DHCP_NAK && ++c->naks > NAKS_MAX)
			fl_c_end(c, now, "gave-up: dhcp: NAK", o);
		else if (m.type == FL_DHCP_NAK) {
			c->requesting = c->have_offer = c->offer_pxe = false;
			c->k = 0;
			c->deadline = now + SEC;	/* then DISCOVER */
		}
	}
}
