// SPDX-License-Identifier: ISC
/*
 * The client's TFTP read (fl_tftp.h).  Every byte of a packet is read
 * through an rbuf; what is sent is built through a wbuf into the struct's
 * own buffers, so an action stays valid until the next call.
 */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <strings.h>

#include "common/buf.h"
#include "fleet/fl_tftp.h"

#define OP_RRQ		1
#define OP_DATA		3
#define OP_ACK		4
#define OP_ERROR	5
#define OP_OACK		6
#define E_OPTNEG	8

static void
act_init(struct fl_tftp_act *a)
{
	memset(a, 0, sizeof(*a));
	a->status = FL_TFTP_CONTINUE;
	a->errcode = -1;
}

static void
finish(struct fl_tftp *t, struct fl_tftp_act *a, enum fl_tftp_status st,
    int code, const char *errstr)
{
	t->ended = true;
	a->status = st;
	a->errcode = code;
	a->errstr = errstr;
	a->arm = false;
}

static void
arm(struct fl_tftp *t, struct fl_tftp_act *a, uint64_t rnd)
{
	a->arm = true;
	a->wait = fl_sched_wait(FL_S_PXE, t->conf.wait, t->k, rnd);
}

/* Queues `out' (the RRQ or the last ACK) to the server. */
static void
send_out(struct fl_tftp *t, struct fl_tftp_act *a)
{
	a->send = t->out;
	a->sendlen = t->outlen;
	a->port = t->peer != 0 ? t->peer : 69;
	t->sent++;
}

static void
send_ack(struct fl_tftp *t, struct fl_tftp_act *a)
{
	struct wbuf w;

	wbuf_init(&w, t->out, sizeof(t->out));
	wbuf_put16(&w, OP_ACK);
	wbuf_put16(&w, t->block);
	t->outlen = (size_t)wbuf_len(&w);
	t->acked = t->block;
	send_out(t, a);
}

static void
put_opt(struct wbuf *w, const char *name, unsigned v)
{
	char num[8];

	snprintf(num, sizeof(num), "%u", v);
	wbuf_putstr(w, name);
	wbuf_putstr(w, num);
}

int
fl_tftp_start(struct fl_tftp *t, const struct fl_tftp_conf *c, uint64_t rnd,
    struct fl_tftp_act *a)
{
	struct wbuf w;
	ssize_t n;

	act_init(a);
	memset(t, 0, sizeof(*t));
	t->conf = *c;
	if (c->file[0] == '\0' || strlcpy(t->file, c->file, sizeof(t->file)) >=
	    sizeof(t->file)) {
		t->ended = true;
		a->status = FL_TFTP_FAIL;
		a->errstr = c->file[0] == '\0' ? "empty file name" :
		    "file name too long";
		return -1;
	}
	t->conf.file = t->file;
	t->started = true;
	t->blksize = 512;
	t->window = 1;
	wbuf_init(&w, t->out, sizeof(t->out));
	wbuf_put16(&w, OP_RRQ);
	wbuf_putstr(&w, t->file);
	wbuf_putstr(&w, "octet");
	if (c->ipxe_order) {
		put_opt(&w, "blksize", c->blksize);
		put_opt(&w, "tsize", 0);
	} else {
		put_opt(&w, "tsize", 0);
		put_opt(&w, "blksize", c->blksize);
	}
	if (c->windowsize > 1)
		put_opt(&w, "windowsize", c->windowsize);
	if ((n = wbuf_len(&w)) == -1)
		abort();	/* FL_TFTP_OUTMAX holds the longest */
	t->outlen = (size_t)n;
	send_out(t, a);
	arm(t, a, rnd);
	return 0;
}

/* One option of an OACK: 0, or -1 if it was not asked for or is bad. */
static int
oack_opt(struct fl_tftp *t, const char *name, const char *val)
{
	const char *errstr;
	long long v;

	v = strtonum(val, 0, 0x7fffffffffffffffLL, &errstr);
	if (errstr != NULL)
		return -1;
	if (strcasecmp(name, "tsize") == 0) {
		t->have_tsize = true;
		t->tsize = (uint64_t)v;
	} else if (strcasecmp(name, "blksize") == 0 && v >= 8 &&
	    v <= t->conf.blksize)
		t->blksize = (uint16_t)v;
	else if (strcasecmp(name, "windowsize") == 0 &&
	    t->conf.windowsize > 1 && v >= 1 && v <= t->conf.windowsize)
		t->window = (uint16_t)v;
	else
		return -1;
	return 0;
}

static void
on_oack(struct fl_tftp *t, struct rbuf *r, uint64_t rnd,
    struct fl_tftp_act *a)
{
	const char *name, *val;
	size_t nlen, vlen;
	struct wbuf w;

	/* pxelinux stops at an option that starts with a NUL (padding) */
	while (r->rem > 0 && r->p[0] != '\0') {
		if (rbuf_getstr(r, &name, &nlen) == -1 ||
		    rbuf_getstr(r, &val, &vlen) == -1 ||
		    oack_opt(t, name, val) == -1) {
			wbuf_init(&w, t->err, sizeof(t->err));
			wbuf_put16(&w, OP_ERROR);
			wbuf_put16(&w, E_OPTNEG);
			wbuf_putstr(&w, "TFTP protocol error");
			a->send = t->err;
			a->sendlen = (size_t)wbuf_len(&w);
			a->port = t->peer;
			t->sent++;
			finish(t, a, FL_TFTP_FAIL, -1, "bad OACK");
			return;
		}
	}
	t->k = 0;
	send_ack(t, a);		/* ACK 0 */
	arm(t, a, rnd);
}

static void
on_data(struct fl_tftp *t, struct rbuf *r, bool first, uint64_t rnd,
    struct fl_tftp_act *a)
{
	uint16_t block;

	if (rbuf_get16(r, &block) == -1)
		return;
	if (first && block != 1)
		return;		/* pxelinux waits for block 1 */
	if (block != (uint16_t)(t->block + 1)) {
		t->dups++;
		send_ack(t, a);	/* the last in order, timer kept */
		return;
	}
	if (r->rem > t->blksize) {
		finish(t, a, FL_TFTP_FAIL, -1, "DATA longer than blksize");
		return;
	}
	t->block = block;
	t->bytes += r->rem;
	a->data = r->p;
	a->datalen = r->rem;
	t->k = 0;
	if (r->rem < t->blksize) {
		send_ack(t, a);
		finish(t, a, FL_TFTP_DONE, -1, NULL);
		return;
	}
	if ((uint16_t)(t->block - t->acked) >= t->window)
		send_ack(t, a);
	arm(t, a, rnd);
}

void
fl_tftp_on_packet(struct fl_tftp *t, const uint8_t *pkt, size_t len,
    uint16_t from, uint64_t rnd, struct fl_tftp_act *a)
{
	struct rbuf r;
	uint16_t op, code;
	bool first;

	act_init(a);
	if (!t->started || t->ended)
		return;
	rbuf_init(&r, pkt, len);
	if (rbuf_get16(&r, &op) == -1)
		return;
	if (t->peer != 0 && from != t->peer)
		return;		/* another transfer ID: not ours */
	first = t->peer == 0;
	switch (op) {
	case OP_ERROR:
		t->peer = from;
		if (rbuf_get16(&r, &code) == -1)
			code = 0;
		finish(t, a, FL_TFTP_FAIL, code, "ERROR from the server");
		break;
	case OP_OACK:
		if (!first)
			return;	/* a repeated OACK: our ACK 0 is timed */
		t->peer = from;
		on_oack(t, &r, rnd, a);
		break;
	case OP_DATA:
		if (first)
			t->peer = from;
		on_data(t, &r, first, rnd, a);
		if (first && t->block == 0)
			t->peer = 0;	/* not block 1: still waiting */
		break;
	}
}

void
fl_tftp_on_timeout(struct fl_tftp *t, uint64_t rnd, struct fl_tftp_act *a)
{
	act_init(a);
	if (!t->started || t->ended)
		return;
	if (fl_sched_wait(FL_S_PXE, t->conf.wait, t->k + 1, rnd) < 0) {
		finish(t, a, FL_TFTP_FAIL, -1, "timeout");
		return;
	}
	t->k++;
	t->retrans++;
	if (t->peer == 0)
		send_out(t, a);		/* the RRQ again */
	else
		send_ack(t, a);		/* the last block in order */
	arm(t, a, rnd);
}
