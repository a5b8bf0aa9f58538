// SPDX-License-Identifier: ISC
/*
 * The event loop of one transfer: perform the core's action (send the
 * OACK, a window of DATA, an ACK; store a DATA payload), then wait in
 * recv() until a packet arrives or the armed timer fires, and feed that
 * back to the core.  No signals, no longjmp: the deadline is a number,
 * and SO_RCVTIMEO bounds the wait.  Lock-step costs two system calls per
 * block (send, recv) and a readv() per 16 KiB, made after a send: no
 * poll(), and the clock is read once per packet; a window goes out in one
 * sendmmsg().  The stray socket (other TIDs) is not polled but drained
 * without blocking every STRAY_MS while packets flow, when the timer fires
 * and at the end: a foreign TID gets its ERROR 5 without a system call per
 * block (a foreign ERROR gets nothing).
 */
#include <sys/socket.h>
#include <sys/time.h>

#include <errno.h>
#include <netinet/in.h>
#include <stdio.h>
#include <string.h>
#include <time.h>
#include <unistd.h>

#include "common/log.h"
#include "common/monotime.h"
#include "in.tftpd/transfer.h"

#define STRAY_MAX	16	/* foreign packets answered per check */
#define STRAY_MS	100	/* checks for them while packets flow */
#define GONE		(-2)	/* perform(): the client's port is closed */

/* -1 if the client is gone (ICMP port unreachable), else 0. */
static int
xmit(struct session *ss, const void *p, size_t n)
{
	if (send(ss->s, p, n, 0) == -1 && errno == ECONNREFUSED)
		return -1;
	return 0;
}

/*
 * A window of n > 1 DATA packets in as few sendmmsg() as the kernel
 * allows, usually one; -1 if the client is gone.  Another error counts as
 * a loss: the timer resends.
 */
static int
xmit_window(struct session *ss, struct mmsghdr *m, unsigned n)
{
	unsigned done = 0;
	int r;

	while (done < n) {
		if ((r = sendmmsg(ss->s, m + done, n - done, 0)) <= 0)
			return r == -1 && errno == ECONNREFUSED ? -1 : 0;
		done += (unsigned)r;
	}
	return 0;
}

/* ERROR code msg to the client; the result becomes "E<code>". */
void
sess_error(struct session *ss, uint16_t code, const char *msg)
{
	uint8_t pkt[TFTP_HDRLEN + 128];
	size_t n = tftp_error_build(pkt, sizeof(pkt), code, msg);

	if (send(ss->s, pkt, n, 0) == -1)
		log_debug("%s: send ERROR: %s", ss->peer, strerror(errno));
	snprintf(ss->result, sizeof(ss->result), "E%u", code);
}

static int
read_failed(struct session *ss)
{
	log_warn("%s: %s %s: read", ss->peer, ss->opname, ss->name);
	sess_error(ss, TFTP_EUNDEF, "Read error");
	strlcpy(ss->result, "io", sizeof(ss->result));
	return -1;
}

/* Sender: DATA blocks first..first+count-1, stopping after the last. */
static int
send_window(struct session *ss, const struct tftp_act *a)
{
	struct mmsghdr m[TFTPD_WINMAX];
	struct iovec iov[TFTPD_WINMAX];
	unsigned n = 0;
	uint64_t k;
	uint8_t *pkt;
	uint16_t len;

	/* The ring keeps every block of the window: pointers stay valid. */
	for (k = a->first; k < a->first + a->count && n < TFTPD_WINMAX; k++) {
		if (blksrc_get(&ss->src, k, &pkt, &len) == -1)
			return read_failed(ss);
		tftp_data_hdr(pkt, TFTP_HDRLEN, (uint16_t)k);
		iov[n].iov_base = pkt;
		iov[n].iov_len = TFTP_HDRLEN + (size_t)len;
		memset(&m[n], 0, sizeof(m[n]));
		m[n].msg_hdr.msg_iov = &iov[n];
		m[n++].msg_hdr.msg_iovlen = 1;
		if (len < ss->par.blksize) {
			tftp_xfer_eof(&ss->x, k, len);
			break;
		}
	}
	if ((n == 1 ? xmit(ss, iov[0].iov_base, iov[0].iov_len) :
	    xmit_window(ss, m, n)) == -1)
		return GONE;
	/* Reads for the next window while the client takes this one. */
	return blksrc_prefetch(&ss->src, a->first) == -1 ? read_failed(ss) : 0;
}

/* Performs a SEND or WAIT; -1 when the transfer failed, or GONE. */
static int
perform(struct session *ss, const struct tftp_act *a, const uint8_t *data,
    size_t datalen)
{
	uint8_t ack[TFTP_HDRLEN];
	int r;

	if (a->write && blksink_write(&ss->sink, data, datalen) == -1) {
		log_warn("%s: WRQ %s: write", ss->peer, ss->name);
		sess_error(ss, TFTP_ENOSPACE, "Disk full or write error");
		return -1;
	}
	if (a->kind == TFTP_ACT_WAIT)
		return 0;
	if (a->oack)
		r = xmit(ss, ss->oack, ss->oacklen);
	else if (ss->x.sender)
		return send_window(ss, a);
	else
		r = xmit(ss, ack, tftp_ack_build(ack, sizeof(ack),
		    (uint16_t)a->first));
	return r == -1 ? GONE : 0;
}

/* Action done: 1 to go on waiting, 0 when finished, -1 failed. */
static int
step(struct session *ss, const struct tftp_act *a, const uint8_t *data,
    size_t datalen, int64_t *deadline)
{
	struct tftp_act end;
	int r;

	switch (a->kind) {
	case TFTP_ACT_DONE:
		strlcpy(ss->result, "ok", sizeof(ss->result));
		return 0;
	case TFTP_ACT_ABORT:
		if (a->msg != NULL)
			sess_error(ss, a->code, a->msg);
		else if (a->why != NULL)
			strlcpy(ss->result, a->why, sizeof(ss->result));
		else
			snprintf(ss->result, sizeof(ss->result), "E%u",
			    a->code);
		return -1;
	default:
		if ((r = perform(ss, a, data, datalen)) == GONE) {
			tftp_xfer_on_gone(&ss->x, &end);
			return step(ss, &end, NULL, 0, deadline);
		}
		if (r == -1)
			return -1;
		if (a->kind == TFTP_ACT_SEND || a->timeout_ms > 0)
			*deadline = ss->now + a->timeout_ms;
		return 1;
	}
}

/*
 * A packet on the stray socket: not our client, so ERROR 5 to it, unless
 * it is an ERROR itself (tftp_pkt_answer_foreign()).
 */
static int
stray(struct session *ss)
{
	struct sockaddr_in from;
	socklen_t flen = sizeof(from);
	uint8_t pkt[TFTP_HDRLEN + 32];
	ssize_t got;
	size_t n;

	if ((got = recvfrom(ss->stray, pkt, sizeof(pkt), MSG_DONTWAIT,
	    (struct sockaddr *)&from, &flen)) == -1)
		return -1;
	log_debug("%s: packet from a foreign TID", ss->peer);
	if (!tftp_pkt_answer_foreign(pkt, (size_t)got))
		return 0;
	n = tftp_error_build(pkt, sizeof(pkt), TFTP_EBADID,
	    "Unknown transfer ID");
	sendto(ss->stray, pkt, n, 0, (struct sockaddr *)&from, flen);
	return 0;
}

/* Answers the foreign TIDs waiting, if due or if force. */
static void
strays(struct session *ss, bool force)
{
	unsigned i;

	if (ss->stray == -1 || (!force && ss->now < ss->stray_due))
		return;
	ss->stray_due = ss->now + STRAY_MS;
	for (i = 0; i < STRAY_MAX && stray(ss) == 0; i++)
		;
}

/* recv()'s timeout; a system call only when it changes. */
static int
rcv_timeout(struct session *ss, int64_t ms)
{
	struct timeval tv = { .tv_sec = (time_t)(ms / 1000),
	    .tv_usec = (suseconds_t)(ms % 1000) * 1000 };

	if (ms == ss->rcvto_ms)
		return 0;
	if (setsockopt(ss->s, SOL_SOCKET, SO_RCVTIMEO, &tv, sizeof(tv)) == -1)
		return -1;
	ss->rcvto_ms = ms;
	return 0;
}

/*
 * Waits for the next event and feeds it to the core; -1 when the wait
 * itself failed.  Right after a SEND the wait is the armed timeout itself
 * (deadline - now, the same now), so SO_RCVTIMEO is set again only after
 * a packet that did not re-arm, or after a backoff.  A closed client port
 * (ICMP) is an event too.
 */
static int
next_event(struct session *ss, struct tftp_act *a, size_t *len,
    int64_t deadline)
{
	struct tftp_pkt p;
	const char *errstr;
	int64_t left;
	ssize_t n;

	for (;;) {
		strays(ss, false);
		if ((left = deadline - ss->now) <= 0) {
			tftp_xfer_on_timeout(&ss->x, a);
			return 0;
		}
		if (rcv_timeout(ss, left) == -1)
			return -1;
		n = recv(ss->s, ss->buf, sizeof(ss->buf), 0);
		ss->now = mono_ms();
		if (n == -1) {
			if (errno != ECONNREFUSED)
				continue;	/* EAGAIN: the timeout, maybe early */
			tftp_xfer_on_gone(&ss->x, a);
			return 0;
		}
		if (tftp_pkt_parse(ss->buf, (size_t)n, &p, &errstr) == -1)
			continue;
		tftp_xfer_on_packet(&ss->x, &p, a);
		*len = p.datalen;
		return 0;
	}
}

void
sess_transfer(struct session *ss)
{
	bool sender = ss->req.op == TFTP_RRQ;
	bool ascii = ss->req.mode == TFTP_MODE_NETASCII;
	struct tftp_act a;
	int64_t deadline = 0;
	size_t len = 0;
	int r;

	tftp_xfer_init(&ss->x, &ss->par, sender, ss->d->retries,
	    ss->par.timeout_ms * 8);
	tftp_xfer_set_stall(&ss->x, TFTPD_STALL_MS);
	if (sender && blksrc_init(&ss->src, ss->fd, ascii, ss->par.blksize,
	    ss->par.windowsize) == -1) {
		log_warn("%s: RRQ %s", ss->peer, ss->name);
		sess_error(ss, TFTP_EUNDEF, "Out of memory");
		blksrc_free(&ss->src);
		return;
	}
	if (!sender)
		blksink_init(&ss->sink, ss->fd, ascii);
	ss->now = mono_ms();
	tftp_xfer_start(&ss->x, &a);
	while ((r = step(ss, &a, ss->buf + TFTP_HDRLEN, len, &deadline)) == 1)
		if (next_event(ss, &a, &len, deadline) == -1) {
			log_warn("%s: %s %s", ss->peer, ss->opname, ss->name);
			strlcpy(ss->result, "io", sizeof(ss->result));
			r = -1;
			break;
		}
	strays(ss, true);
	if (sender)
		blksrc_free(&ss->src);
	else {
		ss->fd = -1;	/* closed by blksink_close() */
		if (blksink_close(&ss->sink) == -1 && r == 0) {
			log_warn("%s: WRQ %s", ss->peer, ss->name);
			strlcpy(ss->result, "io", sizeof(ss->result));
		}
	}
}
