// SPDX-License-Identifier: ISC
/*
 * TFTP read client: RRQ with options, OACK, DATA/ACK lock-step, ERROR, and
 * retransmission driven by the caller's timer.  The server's first answer
 * fixes its transfer ID (source port); packets from another port get
 * ERROR 5 and change nothing (RFC 1350 section 4).  Every byte of a packet
 * is read through an rbuf.  Block numbers are 16 bits and wrap to 0 after
 * 65535 as tftp-hpa and in.tftpd do, so files over 32 MB at 512-byte blocks
 * still arrive.  The final ACK is sent once, without RFC 1350's dally: if
 * it is lost the server retransmits into a closed socket and gives up, with
 * the whole file already here.
 */
#include <ctype.h>
#include <limits.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <strings.h>

#include "common/buf.h"
#include "netkexec/tftp_client.h"

static void
act_init(struct tftpc_action *a, const struct tftpc *c)
{
	memset(a, 0, sizeof(*a));
	a->status = TFTPC_CONTINUE;
	a->timeout_ms = c->conf.timeout_ms;
	a->errcode = -1;
}

/* Ends the transfer: every later call reports the same status. */
static void
finish(struct tftpc *c, struct tftpc_action *a, enum tftpc_status st,
    const char *errstr)
{
	c->state = TFTPC_S_END;
	c->end = st;
	a->status = st;
	a->errstr = errstr;
	a->arm = false;
}

/* Queues an ERROR packet to `port' (ours: the peer or a stray TID). */
static void
send_error(struct tftpc *c, struct tftpc_action *a, uint16_t port,
    uint16_t code, const char *msg)
{
	struct wbuf w;

	wbuf_init(&w, c->err, sizeof(c->err));
	wbuf_put16(&w, TFTP_ERROR);
	wbuf_put16(&w, code);
	wbuf_putstr(&w, msg);
	a->send = c->err;
	a->sendlen = (size_t)wbuf_len(&w);
	a->port = port;
}

/* Makes `out' the packet to send now and again on each timeout. */
static void
send_out(struct tftpc *c, struct tftpc_action *a)
{
	a->send = c->out;
	a->sendlen = c->outlen;
	a->port = c->outport;
}

/*
 * The read request: "octet" mode always (kernels are binary), then the
 * options asked for.  tsize is sent as "0" in a read request (RFC 2349):
 * the server answers with the real size.  Also resets the transfer ID, so
 * a retry without options may come back from a new server port.
 */
static int
build_rrq(struct tftpc *c, bool opts)
{
	struct wbuf w;
	char num[8];

	wbuf_init(&w, c->out, sizeof(c->out));
	wbuf_put16(&w, TFTP_RRQ);
	wbuf_putstr(&w, c->conf.file);
	wbuf_putstr(&w, "octet");
	c->opts_sent = false;
	if (opts && c->conf.tsize) {
		wbuf_putstr(&w, "tsize");
		wbuf_putstr(&w, "0");
		c->opts_sent = true;
	}
	if (opts && c->conf.blksize != 0) {
		snprintf(num, sizeof(num), "%u", c->conf.blksize);
		wbuf_putstr(&w, "blksize");
		wbuf_putstr(&w, num);
		c->opts_sent = true;
	}
	if (wbuf_len(&w) == -1)
		return -1;
	c->outlen = (size_t)wbuf_len(&w);
	c->outport = c->conf.port != 0 ? c->conf.port : TFTP_PORT;
	c->peer = 0;
	c->tries = 0;
	return 0;
}

int
tftpc_start(struct tftpc *c, const struct tftpc_conf *conf,
    struct tftpc_action *a)
{
	memset(c, 0, sizeof(*c));
	c->conf = *conf;
	c->blksize = TFTP_SEGSIZE;
	act_init(a, c);
	if (conf->file == NULL || conf->file[0] == '\0') {
		finish(c, a, TFTPC_FAIL, "empty file name");
		return -1;
	}
	if (strlen(conf->file) > TFTPC_NAMEMAX) {
		finish(c, a, TFTPC_FAIL, "file name too long");
		return -1;
	}
	if (conf->blksize != 0 && (conf->blksize < TFTP_BLKSIZE_MIN ||
	    conf->blksize > TFTP_BLKSIZE_MAX)) {
		finish(c, a, TFTPC_FAIL, "bad blksize");
		return -1;
	}
	if (build_rrq(c, true) == -1) {
		finish(c, a, TFTPC_FAIL, "request too long");
		return -1;
	}
	c->state = TFTPC_S_RRQ;
	send_out(c, a);
	a->arm = true;
	return 0;
}

/* ACK of a block to the server's transfer ID; kept for retransmission. */
static void
send_ack(struct tftpc *c, struct tftpc_action *a, uint16_t block)
{
	struct wbuf w;

	wbuf_init(&w, c->out, sizeof(c->out));
	wbuf_put16(&w, TFTP_ACK);
	wbuf_put16(&w, block);
	c->outlen = (size_t)wbuf_len(&w);
	c->outport = c->peer;
	send_out(c, a);
}

/* Server error text, made printable and bounded, kept in c->msg. */
static const char *
server_error(struct tftpc *c, uint16_t code, const char *s, size_t len)
{
	char text[100];
	size_t i;

	for (i = 0; i < len && i < sizeof(text) - 1; i++)
		text[i] = isprint((unsigned char)s[i]) ? s[i] : '?';
	text[i] = '\0';
	snprintf(c->msg, sizeof(c->msg), "server error %u: %s", code, text);
	return c->msg;
}

static void
on_error(struct tftpc *c, struct rbuf *r, struct tftpc_action *a)
{
	uint16_t code;
	const char *s;
	size_t len;

	if (rbuf_get16(r, &code) == -1) {
		finish(c, a, TFTPC_FAIL, "truncated ERROR packet");
		return;
	}
	if (rbuf_getstr(r, &s, &len) == -1) {
		s = "";		/* some servers omit the NUL: no text */
		len = 0;
	}
	/*
	 * RFC 2347: a server that will not take the options may refuse
	 * with code 8; ask again without them, as tftp-hpa's client does.
	 */
	if (c->state == TFTPC_S_RRQ && c->opts_sent && code == TFTP_EOPTNEG &&
	    build_rrq(c, false) == 0) {
		send_out(c, a);
		a->arm = true;
		return;
	}
	a->errcode = code;
	finish(c, a, TFTPC_FAIL, server_error(c, code, s, len));
}

/* One option of an OACK: only what we asked for, within what we asked. */
static const char *
oack_option(struct tftpc *c, const char *name, const char *val)
{
	const char *errstr;
	long long v;

	if (strcasecmp(name, "blksize") == 0 && c->conf.blksize != 0) {
		v = strtonum(val, TFTP_BLKSIZE_MIN, c->conf.blksize, &errstr);
		if (errstr != NULL)
			return "OACK blksize out of range";
		c->blksize = (uint16_t)v;
	} else if (strcasecmp(name, "tsize") == 0 && c->conf.tsize) {
		v = strtonum(val, 0, LLONG_MAX, &errstr);
		if (errstr != NULL)
			return "OACK tsize invalid";
		c->have_tsize = true;
		c->tsize = (uint64_t)v;
	} else
		return "OACK carries an option not asked for";
	return NULL;
}

/*
 * OACK (RFC 2347): the options the server took, each at most what we
 * asked.  We answer ACK 0, and DATA 1 follows.  A bad OACK is refused with
 * ERROR 8, as the RFC asks of a client that does not accept the options.
 */
static void
on_oack(struct tftpc *c, struct rbuf *r, struct tftpc_action *a)
{
	const char *name, *val, *errstr = NULL;
	size_t nlen, vlen;

	if (c->state == TFTPC_S_DATA) {
		if (c->block == 0 && c->received == 0)
			send_ack(c, a, 0);	/* our ACK 0 was lost */
		else
			a->errstr = "late OACK ignored";
		return;
	}
	if (!c->opts_sent) {
		errstr = "unexpected OACK";
		goto bad;
	}
	while (r->rem > 0 && errstr == NULL) {
		if (rbuf_getstr(r, &name, &nlen) == -1 ||
		    rbuf_getstr(r, &val, &vlen) == -1)
			errstr = "malformed OACK";
		else
			errstr = oack_option(c, name, val);
	}
	if (errstr == NULL && c->conf.maxsize != 0 && c->have_tsize &&
	    c->tsize > c->conf.maxsize)
		errstr = "file larger than the limit";
	if (errstr != NULL)
		goto bad;
	c->state = TFTPC_S_DATA;
	c->block = 0;
	c->tries = 0;
	send_ack(c, a, 0);
	a->arm = true;
	return;
bad:
	send_error(c, a, c->peer, TFTP_EOPTNEG, errstr);
	finish(c, a, TFTPC_FAIL, errstr);
}

/* The block after the last one: in lock-step, the only one to take. */
static void
on_data(struct tftpc *c, struct rbuf *r, struct tftpc_action *a)
{
	uint16_t blk;

	if (rbuf_get16(r, &blk) == -1) {
		a->errstr = "truncated DATA packet ignored";
		return;
	}
	if (c->state == TFTPC_S_RRQ) {
		/* No OACK: the server ignored the options (RFC 2347). */
		if (blk != 1) {
			a->errstr = "DATA out of sequence ignored";
			return;
		}
		c->state = TFTPC_S_DATA;
		c->blksize = TFTP_SEGSIZE;
		c->block = 0;
	}
	/*
	 * A repeat of the last block means our ACK was lost: ACK it again,
	 * or the lock-step stalls.  Only the sender must not answer
	 * duplicates with data (the Sorcerer's Apprentice, RFC 1123 4.2.3.1).
	 */
	if (blk == c->block && c->received > 0) {
		send_ack(c, a, blk);
		return;
	}
	if (blk != (uint16_t)(c->block + 1)) {
		a->errstr = "DATA out of sequence ignored";
		return;
	}
	if (r->rem > c->blksize) {
		send_error(c, a, c->peer, TFTP_EBADOP, "block too long");
		finish(c, a, TFTPC_FAIL, "DATA longer than blksize");
		return;
	}
	if (c->conf.maxsize != 0 && r->rem > c->conf.maxsize - c->received) {
		send_error(c, a, c->peer, 3, "file too large");
		finish(c, a, TFTPC_FAIL, "file larger than the limit");
		return;
	}
	c->received += r->rem;
	c->block = blk;
	c->tries = 0;
	a->data = r->p;
	a->datalen = r->rem;
	send_ack(c, a, blk);
	if (r->rem == c->blksize) {
		a->arm = true;
		return;
	}
	if (c->have_tsize && c->received != c->tsize)
		finish(c, a, TFTPC_FAIL, "file size differs from tsize");
	else
		finish(c, a, TFTPC_DONE, NULL);
}

void
tftpc_on_packet(struct tftpc *c, const uint8_t *pkt, size_t len,
    uint16_t from, struct tftpc_action *a)
{
	struct rbuf r;
	uint16_t op;

	act_init(a, c);
	if (c->state == TFTPC_S_END) {
		a->status = c->end;
		return;
	}
	rbuf_init(&r, pkt, len);
	if (rbuf_get16(&r, &op) == -1) {
		a->errstr = "runt packet ignored";
		return;
	}
	if (c->peer != 0 && from != c->peer) {
		send_error(c, a, from, TFTP_EBADID, "Unknown transfer ID");
		a->errstr = "packet from another transfer ID";
		return;
	}
	if (op != TFTP_DATA && op != TFTP_OACK && op != TFTP_ERROR) {
		if (c->peer == 0)
			c->peer = from;
		send_error(c, a, from, TFTP_EBADOP, "Illegal TFTP operation");
		finish(c, a, TFTPC_FAIL, "unexpected TFTP opcode");
		return;
	}
	if (c->peer == 0)
		c->peer = from;
	if (op == TFTP_DATA)
		on_data(c, &r, a);
	else if (op == TFTP_OACK)
		on_oack(c, &r, a);
	else
		on_error(c, &r, a);
}

/* The last request or ACK again, until conf.retries are spent. */
void
tftpc_on_timeout(struct tftpc *c, struct tftpc_action *a)
{
	act_init(a, c);
	if (c->state == TFTPC_S_END) {
		a->status = c->end;
		return;
	}
	if (++c->tries > c->conf.retries) {
		finish(c, a, TFTPC_FAIL, c->state == TFTPC_S_RRQ ?
		    "no answer from the server" : "transfer timed out");
		return;
	}
	send_out(c, a);
	a->arm = true;
}
