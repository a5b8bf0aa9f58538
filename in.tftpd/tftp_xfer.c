// SPDX-License-Identifier: ISC
/*
 * TFTP transfer state machine (RFC 1350 section 2 and 6, RFC 2347 OACK
 * handshake, RFC 7440 windows).  The sender keeps the last acknowledged
 * block and sends windows from the block after it; the receiver keeps the
 * last block received in order and acknowledges every window and the
 * final short block, then dallies one timeout to re-acknowledge a lost
 * final ACK.  The time a transfer waits without progress is bounded
 * (tftp_xfer_set_stall()).  Pure: no I/O, no clock; see tftp_xfer.h.
 */
#include <string.h>

#include "in.tftpd/tftp_xfer.h"

void
tftp_xfer_init(struct tftp_xfer *x, const struct tftp_params *par,
    bool sender, unsigned maxretries, uint32_t max_ms)
{
	memset(x, 0, sizeof(*x));
	x->sender = sender;
	x->blksize = par->blksize;
	x->windowsize = par->windowsize > 0 ? par->windowsize : 1;
	x->timeout_ms = par->timeout_ms;
	x->cur_ms = par->timeout_ms;
	x->max_ms = max_ms > par->timeout_ms ? max_ms : par->timeout_ms;
	x->maxretries = maxretries;
	x->oack = par->oack;
}

void
tftp_xfer_set_stall(struct tftp_xfer *x, uint32_t stall_ms)
{
	x->stall_ms = stall_ms;
}

/*
 * The wait to arm: the current timeout, cut so that the time spent without
 * progress stays within stall_ms.  A client's timeout 255, doubled up to
 * eight times over the retries, would otherwise keep its transfer (and
 * its child) for hours.
 */
static uint32_t
arm(struct tftp_xfer *x)
{
	uint32_t ms = x->cur_ms;

	if (x->stall_ms > 0 && ms > x->stall_ms - x->stalled)
		ms = x->stall_ms - x->stalled;
	x->armed = ms;
	return ms;
}

static void
act_set(struct tftp_act *a, enum tftp_act_kind kind, uint32_t timeout_ms)
{
	memset(a, 0, sizeof(*a));
	a->kind = kind;
	a->timeout_ms = timeout_ms;
}

static void
act_abort(struct tftp_act *a, uint16_t code, const char *msg,
    const char *why)
{
	act_set(a, TFTP_ACT_ABORT, 0);
	a->code = code;
	a->msg = msg;
	a->why = why;
}

/* Sender: the window after the last acknowledged block. */
static void
send_window(struct tftp_xfer *x, struct tftp_act *a)
{
	uint64_t n = x->windowsize;

	if (x->last != 0 && x->acked + n > x->last)
		n = x->last - x->acked;
	act_set(a, TFTP_ACT_SEND, arm(x));
	a->first = x->acked + 1;
	a->count = (unsigned)n;
	x->sent = x->acked + n;
}

/* Receiver: acknowledge the last block received in order (or OACK). */
static void
send_ack(struct tftp_xfer *x, struct tftp_act *a)
{
	act_set(a, TFTP_ACT_SEND, arm(x));
	if (x->oack && x->acked == 0)
		a->oack = true;
	a->first = x->acked;
	x->inwin = 0;
}

void
tftp_xfer_start(struct tftp_xfer *x, struct tftp_act *a)
{
	if (x->sender && x->oack) {
		act_set(a, TFTP_ACT_SEND, arm(x));
		a->oack = true;
	} else if (x->sender)
		send_window(x, a);
	else
		send_ack(x, a);
}

void
tftp_xfer_eof(struct tftp_xfer *x, uint64_t block, uint16_t len)
{
	x->last = block;
	x->lastlen = len;
	if (x->sent > block)
		x->sent = block;
}

static void
progress(struct tftp_xfer *x)
{
	x->retries = 0;
	x->cur_ms = x->timeout_ms;
	x->stalled = 0;
}

static void
sender_ack(struct tftp_xfer *x, uint16_t block, struct tftp_act *a)
{
	uint16_t diff;

	if (x->oack) {
		if (block != 0) {
			act_set(a, TFTP_ACT_WAIT, 0);
			return;
		}
		x->oack = false;
		progress(x);
		send_window(x, a);
		return;
	}
	/*
	 * Only an ACK for a block sent but not yet acknowledged moves the
	 * transfer.  A duplicate ACK must not trigger a resend: answering
	 * each copy doubles the traffic for the rest of the transfer (the
	 * Sorcerer's Apprentice syndrome, RFC 1123 4.2.3.1); the timer
	 * alone retransmits.
	 */
	diff = (uint16_t)(block - (uint16_t)x->acked);
	if (diff == 0 || diff > x->sent - x->acked) {
		act_set(a, TFTP_ACT_WAIT, 0);
		return;
	}
	x->acked += diff;
	progress(x);
	if (x->last != 0 && x->acked == x->last) {
		act_set(a, TFTP_ACT_DONE, 0);
		a->why = "ok";
		return;
	}
	/* RFC 7440: an ACK inside the window restarts it after that block. */
	send_window(x, a);
}

static void
receiver_data(struct tftp_xfer *x, const struct tftp_pkt *p,
    struct tftp_act *a)
{
	uint16_t diff = (uint16_t)(p->block - (uint16_t)(x->acked + 1));

	if (p->datalen > x->blksize) {
		act_abort(a, TFTP_EBADOP, "block larger than blksize", NULL);
		return;
	}
	if (diff != 0 || x->fin) {
		/* A copy of the last block: our ACK was lost, repeat it. */
		if (p->block == (uint16_t)x->acked && x->acked > 0)
			send_ack(x, a);
		else
			act_set(a, TFTP_ACT_WAIT, 0);
		return;
	}
	x->oack = false;
	x->acked++;
	x->bytes += p->datalen;
	progress(x);
	if (p->datalen < x->blksize) {
		x->fin = true;
		send_ack(x, a);
	} else if (++x->inwin >= x->windowsize)
		send_ack(x, a);
	else
		act_set(a, TFTP_ACT_WAIT, arm(x));
	a->write = true;
}

void
tftp_xfer_on_packet(struct tftp_xfer *x, const struct tftp_pkt *p,
    struct tftp_act *a)
{
	if (p->op == TFTP_ERROR) {
		act_abort(a, p->code, NULL, NULL);
		return;
	}
	if (x->sender && p->op == TFTP_ACK)
		sender_ack(x, p->block, a);
	else if (!x->sender && p->op == TFTP_DATA)
		receiver_data(x, p, a);
	else
		act_abort(a, TFTP_EBADOP, "unexpected opcode", NULL);
}

void
tftp_xfer_on_timeout(struct tftp_xfer *x, struct tftp_act *a)
{
	if (!x->sender && x->fin) {
		act_set(a, TFTP_ACT_DONE, 0);
		a->why = "ok";
		return;
	}
	x->stalled += x->armed;
	if (++x->retries > x->maxretries ||
	    (x->stall_ms > 0 && x->stalled >= x->stall_ms)) {
		act_abort(a, TFTP_EUNDEF, NULL, "timeout");
		return;
	}
	x->cur_ms = x->cur_ms > x->max_ms / 2 ? x->max_ms : x->cur_ms * 2;
	if (!x->sender)
		send_ack(x, a);
	else if (x->oack) {
		act_set(a, TFTP_ACT_SEND, arm(x));
		a->oack = true;
	} else
		send_window(x, a);
}

void
tftp_xfer_on_gone(struct tftp_xfer *x, struct tftp_act *a)
{
	if ((!x->sender && x->fin) || (x->sender && !x->oack &&
	    x->last != 0 && x->sent == x->last && x->retries > 0)) {
		if (x->sender)
			x->acked = x->last;
		act_set(a, TFTP_ACT_DONE, 0);
		a->why = "ok";
		return;
	}
	act_abort(a, TFTP_EUNDEF, NULL, "unreachable");
}

uint64_t
tftp_xfer_bytes(const struct tftp_xfer *x)
{
	if (!x->sender)
		return x->bytes;
	if (x->last != 0 && x->acked == x->last)
		return (x->last - 1) * x->blksize + x->lastlen;
	return x->acked * x->blksize;
}
