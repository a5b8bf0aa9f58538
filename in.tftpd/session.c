// SPDX-License-Identifier: ISC
/*
 * One transfer, in a forked child or (--threads) a thread of the
 * listener; it releases all it took, so both can return.  It answers from
 * a fresh socket bound to the address the request arrived on and
 * connect()ed to the client, so the kernel filters the client's packets
 * for us; a second socket on the same address and port catches packets
 * from any other TID, which get ERROR 5 without disturbing the transfer
 * (RFC 1350 section 4).  The request is parsed here, after the listener
 * dropped privileges, and the file opened; then transfer.c runs the
 * transfer, the core (tftp_xfer) deciding every step.
 */
#include <sys/socket.h>

#include <errno.h>
#include <poll.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <syslog.h>
#include <time.h>
#include <unistd.h>
#define LIBBSD_OPENBSD_VIS
#include <vis.h>

#include "common/addr.h"
#include "common/log.h"
#include "in.tftpd/file.h"
#include "in.tftpd/sock.h"
#include "in.tftpd/transfer.h"

/* The connected socket, and the stray one beside it (best effort). */
static int
sess_sockets(struct session *ss)
{
	struct sockaddr_in me;
	socklen_t len = sizeof(me);
	int on = 1;

	if ((ss->s = socket(AF_INET, SOCK_DGRAM | SOCK_CLOEXEC, 0)) == -1 ||
	    sock_bind(ss->d, ss->s, ss->r->local) == -1 ||
	    /* After bind: an autobind must not share a port with another. */
	    setsockopt(ss->s, SOL_SOCKET, SO_REUSEADDR, &on, sizeof(on)) ==
	    -1 || getsockname(ss->s, (struct sockaddr *)&me, &len) == -1 ||
	    connect(ss->s, (const struct sockaddr *)&ss->r->peer,
	    sizeof(ss->r->peer)) == -1) {
		log_warn("%s: transfer socket", ss->peer);
		return -1;
	}
	if ((ss->stray = socket(AF_INET, SOCK_DGRAM | SOCK_CLOEXEC, 0)) ==
	    -1 || setsockopt(ss->stray, SOL_SOCKET, SO_REUSEADDR, &on,
	    sizeof(on)) == -1 ||
	    bind(ss->stray, (struct sockaddr *)&me, sizeof(me)) == -1) {
		log_debug("no socket for foreign TIDs: %s", strerror(errno));
		if (ss->stray != -1)
			close(ss->stray);
		ss->stray = -1;
	}
	return 0;
}

/* Remap, path policy, open, negotiate.  0, or -1 with the ERROR sent. */
static int
sess_request(struct session *ss)
{
	struct tftp_policy pol = { sock_blksize_max(ss->d, ss->s,
	    ss->r->ifindex), TFTPD_WINMAX, ss->d->timeout_us / 1000,
	    ss->d->refuse };
	char name[TFTP_FILE_MAX + 1];
	const char *errstr, *msg;
	struct wbuf w;
	uint16_t code;
	off_t size;

	if ((ss->fd = file_lookup(ss->d, &ss->req,
	    ntohl(ss->r->peer.sin_addr.s_addr), ss->mac, name, &size, &code,
	    &msg, &errstr)) == -1) {
		logit(LOG_NOTICE, "%s: %s %s: %s", ss->peer, ss->opname,
		    ss->name, errstr);
		ss->refused = true;
		sess_error(ss, code, msg);
		return -1;
	}
	wbuf_init(&w, ss->oack, sizeof(ss->oack));
	if (tftp_negotiate(&ss->req, &pol, ss->req.mode == TFTP_MODE_OCTET ?
	    (int64_t)size : -1, &ss->par, &w, &errstr) == -1) {
		sess_error(ss, TFTP_EUNDEF, errstr);
		return -1;
	}
	ss->oacklen = (size_t)wbuf_len(&w);
	return 0;
}

static void
sess_log(struct session *ss)
{
	struct tftp_xferlog_rec rec = {
		.start = ss->start, .ip = ntohl(ss->r->peer.sin_addr.s_addr),
		.op = ss->req.op, .file = ss->req.file,
		.bytes = tftp_xfer_bytes(&ss->x), .result = ss->result,
	};

	clock_gettime(CLOCK_REALTIME, &rec.end);
	if (strcmp(ss->result, "ok") == 0 && log_getverbose() > 0)
		log_info("%s: %s %s: %llu bytes", ss->peer, ss->opname,
		    ss->name, (unsigned long long)rec.bytes);
	else if (strcmp(ss->result, "ok") != 0 && !ss->refused)
		logit(LOG_NOTICE, "%s: %s %s: failed, %s after %llu bytes",
		    ss->peer, ss->opname, ss->name, ss->result,
		    (unsigned long long)rec.bytes);
	file_xferlog(ss->d, &rec);
}

static void
sess_serve(struct session *ss)
{
	const char *errstr;
	uint16_t code;

	if (tftp_req_parse(ss->r->buf, ss->r->len, &ss->req, &code,
	    &errstr) == -1) {
		logit(LOG_NOTICE, "%s: bad request: %s", ss->peer, errstr);
		sess_error(ss, code, errstr);
		return;
	}
	ss->opname = ss->req.op == TFTP_RRQ ? "RRQ" : "WRQ";
	/* Names reach syslog vis-encoded: no forged lines, no escapes. */
	strvis(ss->name, ss->req.file, VIS_WHITE | VIS_CSTYLE | VIS_OCTAL);
	if (ss->req.garbage)
		log_debug("%s: trailing bytes after the options", ss->peer);
	sock_client_mac(ss->d, ss->s, ss->r, ss->mac);
	if (sess_request(ss) == 0)
		sess_transfer(ss);
	sess_log(ss);
}

void
session_run(struct tftpd *d, const struct tftpd_req *r)
{
	struct session *ss;

	if ((ss = calloc(1, sizeof(*ss))) == NULL) {
		log_warn("transfer");
		return;
	}
	ss->d = d;
	ss->r = r;
	ss->s = ss->stray = ss->fd = -1;
	clock_gettime(CLOCK_REALTIME, &ss->start);
	ip4_ntoa(ntohl(r->peer.sin_addr.s_addr), ss->peer);
	if (sess_sockets(ss) == 0)
		sess_serve(ss);
	if (ss->fd != -1)
		close(ss->fd);
	if (ss->stray != -1)
		close(ss->stray);
	if (ss->s != -1)
		close(ss->s);
	free(ss);
}
