// SPDX-License-Identifier: ISC
/*
 * What the parts of a client's boot share (fl_dhcpc.c, fl_boot.c and the
 * dispatch in fl_client.c): a UDP frame out, a record of an exchange or a
 * transfer, the end of the boot, and the ARP for the boot server that
 * follows the lease.  Pure: frames and records into the caller's fl_out.
 */
#include <stdarg.h>
#include <stdio.h>
#include <string.h>

#include "fleet/fl_cbase.h"

static const char *const phase_names[] = {
	"off", "dhcp", "arp", "nbp", "ldlinux", "cfg", "include", "kernel",
	"initrd", "boot"
};

void
fl_c_udp(struct fl_client *c, struct fl_out *o, const uint8_t *dmac,
    uint32_t sip, uint32_t dip, uint16_t sport, uint16_t dport,
    const void *data, size_t len)
{
	ssize_t n;

	if (o->nframes == FL_OUT_FRAMES)
		return;		/* cannot happen: at most 2 per event */
	n = fl_net_udp(o->frame[o->nframes], FL_FRAME_MAX, c->mac, dmac,
	    sip, dip, sport, dport, c->ipid++, data, len);
	if (n > 0)
		o->flen[o->nframes++] = (size_t)n;
	c->sent++;
}

struct fl_rec *
fl_c_rec(struct fl_client *c, struct fl_out *o, const char *phase,
    const char *name, int64_t t0, int64_t t1)
{
	struct fl_rec *r;

	/* at most 2 per event: the last slot is never overwritten */
	r = &o->rec[o->nrecs < FL_OUT_RECS ? o->nrecs++ : FL_OUT_RECS - 1];
	memset(r, 0, sizeof(*r));
	r->client = c->index;
	r->phase = phase;
	strlcpy(r->name, name, sizeof(r->name));
	r->t0 = t0;
	r->t1 = t1;
	return r;
}

void
fl_c_end(struct fl_client *c, int64_t now, const char *result,
    struct fl_out *o)
{
	struct fl_rec *r;

	r = fl_c_rec(c, o, "boot", c->bootfile, c->t_on, now);
	r->sent = c->sent;
	r->retrans = c->retrans;
	r->bytes = c->bytes;
	strlcpy(r->result, result, sizeof(r->result));
	c->booted = strcmp(result, "booted") == 0;
	c->phase = FL_P_END;
	c->deadline = FL_NO_DEADLINE;
}

void
fl_c_endf(struct fl_client *c, int64_t now, struct fl_out *o,
    const char *fmt, ...)
{
	char res[FL_WHYMAX];
	va_list ap;

	va_start(ap, fmt);
	vsnprintf(res, sizeof(res), fmt, ap);
	va_end(ap);
	fl_c_end(c, now, res, o);
}

void
fl_c_arp_send(struct fl_client *c, struct fl_out *o)
{
	static const uint8_t zero[MAC_LEN];
	ssize_t n;

	if (o->nframes == FL_OUT_FRAMES)
		return;
	n = fl_net_arp(o->frame[o->nframes], FL_FRAME_MAX, FL_ARP_REQUEST,
	    c->mac, c->ip, zero, c->next_server);
	if (n > 0)
		o->flen[o->nframes++] = (size_t)n;
	c->sent++;
}

void
fl_c_arp_start(struct fl_client *c, int64_t now, struct fl_out *o)
{
	c->phase = FL_P_ARP;
	c->k = 0;
	fl_c_arp_send(c, o);
	c->deadline = now + fl_sched_wait(c->conf->sched, FL_W_ARP, 0, 0);
}

const char *
fl_phase_name(enum fl_phase p)
{
	return (size_t)p < sizeof(phase_names) / sizeof(phase_names[0]) ?
	    phase_names[p] : "?";
}
