// SPDX-License-Identifier: ISC
/*
 * The client core's dispatch (fl_client.h): power, frames and timers to
 * the phase that wants them, ARP both ways (the client answers for its
 * address once bound, and resolves the boot server as iPXE's neighbour
 * table does before its first TFTP packet), the per-client time limit,
 * and the records.
 */
#include <stdarg.h>
#include <stdio.h>
#include <string.h>

#include "fleet/fl_boot.h"
#include "fleet/fl_client.h"
#include "fleet/fl_dhcpc.h"

void
fl_client_init(struct fl_client *c, const struct fl_conf *conf, size_t index,
    const uint8_t mac[MAC_LEN], const uint8_t uuid[FL_UUID_LEN], uint64_t seed)
{
	memset(c, 0, sizeof(*c));
	c->conf = conf;
	c->index = index;
	memcpy(c->mac, mac, MAC_LEN);
	memcpy(c->uuid, uuid, FL_UUID_LEN);
	c->phase = FL_P_OFF;
	c->rng = seed ^ ((uint64_t)index * 0x2545f4914f6cdd1dULL);
	c->deadline = FL_NO_DEADLINE;
}

void
fl_client_power(struct fl_client *c, int64_t now, int64_t at)
{
	if (c->phase != FL_P_OFF || c->deadline != FL_NO_DEADLINE)
		return;		/* on, or about to be: WoL is ignored */
	c->deadline = at > now ? at : now;
}

bool
fl_client_powered(const struct fl_client *c)
{
	return c->phase != FL_P_OFF || c->deadline != FL_NO_DEADLINE;
}

bool
fl_client_ended(const struct fl_client *c)
{
	return c->phase == FL_P_END;
}

int64_t
fl_client_deadline(const struct fl_client *c)
{
	int64_t lim;

	if (c->phase == FL_P_OFF || c->phase == FL_P_END ||
	    c->conf->limit <= 0)
		return c->deadline;
	lim = c->t_on + c->conf->limit;
	return lim < c->deadline ? lim : c->deadline;
}

static void
arp_timer(struct fl_client *c, int64_t now, struct fl_out *o)
{
	int64_t w;

	if ((w = fl_sched_wait(c->conf->sched, FL_W_ARP, c->k + 1, 0)) < 0) {
		fl_c_end(c, now, "gave-up: arp: no answer from the boot server",
		    o);
		return;
	}
	c->k++;
	c->retrans++;
	fl_c_arp_send(c, o);
	c->deadline = now + w;
}

/* ARP for this client: answer for its address, learn the server's MAC. */
static void
arp_frame(struct fl_client *c, const struct fl_frame *f, int64_t now,
    struct fl_out *o)
{
	ssize_t n;

	if (c->ip == 0)
		return;
	if (f->arp_op == FL_ARP_REQUEST && f->tpa == c->ip &&
	    o->nframes < FL_OUT_FRAMES) {
		n = fl_net_arp(o->frame[o->nframes], FL_FRAME_MAX,
		    FL_ARP_REPLY, c->mac, c->ip, f->sha, f->spa);
		if (n > 0)
			o->flen[o->nframes++] = (size_t)n;
	}
	/* iPXE completes a pending entry from a request or a reply */
	if (c->phase == FL_P_ARP && f->spa == c->next_server) {
		memcpy(c->smac, f->sha, MAC_LEN);
		fl_c_boot_start(c, now, o);
	}
}

void
fl_client_frame(struct fl_client *c, const struct fl_frame *f, int64_t now,
    struct fl_out *o)
{
	if (c->phase == FL_P_OFF || c->phase == FL_P_END)
		return;
	if (f->kind == FL_F_ARP)
		arp_frame(c, f, now, o);
	else if (f->kind == FL_F_UDP && f->dport == 68 && f->sport == 67)
		fl_c_dhcp_frame(c, f, now, o);
	else if (f->kind == FL_F_UDP && c->phase >= FL_P_NBP && f->dip == c->ip)
		fl_c_boot_frame(c, f, now, o);
}

void
fl_client_stop(struct fl_client *c, int64_t now, const char *why,
    struct fl_out *o)
{
	struct fl_rec *r;

	if (c->phase == FL_P_END)
		return;
	if (c->phase == FL_P_OFF) {
		fl_c_end(c, now, "off: never powered on", o);
		return;
	}
	if (c->phase >= FL_P_NBP)
		fl_c_boot_abort(c, now, why, o);
	else if (c->phase == FL_P_DHCP) {
		r = fl_c_rec(c, o, "dhcp", "", c->t_phase, now);
		r->sent = c->dsent;
		r->retrans = c->dretrans;
		strlcpy(r->result, why, sizeof(r->result));
	}
	fl_c_endf(c, now, o, "gave-up: %s in %s", why,
	    fl_phase_name(c->phase));
}

void
fl_client_timer(struct fl_client *c, int64_t now, struct fl_out *o)
{
	if (c->phase == FL_P_END)
		return;
	if (c->phase == FL_P_OFF) {
		if (c->deadline == FL_NO_DEADLINE || now < c->deadline)
			return;
		c->t_on = now;
		fl_c_dhcp_start(c, now, o);
		return;
	}
	if (c->conf->limit > 0 && now >= c->t_on + c->conf->limit) {
		fl_client_stop(c, now, "client time limit", o);
		return;
	}
	if (now < c->deadline)
		return;
	switch (c->phase) {
	case FL_P_DHCP:
		fl_c_dhcp_timer(c, now, o);
		break;
	case FL_P_ARP:
		arp_timer(c, now, o);
		break;
	default:
		fl_c_boot_timer(c, now, o);
		break;
	}
}
