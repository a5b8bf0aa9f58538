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
#include <sys/ioctl.h>
#include <sys/socket.h>

#include <errno.h>
#include <net/if.h>
#include <net/if_arp.h>
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
#include "in.tftpd/tftp_path.h"
#include "in.tftpd/tftp_xferlog.h"
#include "in.tftpd/transfer.h"

/* Binds s to the local address, on a port of -R if given. */
static int
bind_port(const struct tftpd *d, int s, struct in_addr local)
{
	struct sockaddr_in sin = { .sin_family = AF_INET, .sin_addr = local };
	unsigned n, i, first;

	if (d->port_lo == 0)
		return bind(s, (struct sockaddr *)&sin, sizeof(sin));
	n = (unsigned)(d->port_hi - d->port_lo) + 1;
	first = arc4random_uniform(n);
	for (i = 0; i < n; i++) {
		sin.sin_port = htons((uint16_t)(d->port_lo + (first + i) % n));
		if (bind(s, (struct sockaddr *)&sin, sizeof(sin)) == 0)
			return 0;
	}
	return -1;
}

/* The connected socket, and the stray one beside it (best effort). */
static int
sess_sockets(struct session *ss)
{
	struct sockaddr_in me;
	socklen_t len = sizeof(me);
	int on = 1;

	if ((ss->s = socket(AF_INET, SOCK_DGRAM | SOCK_CLOEXEC, 0)) == -1 ||
	    bind_port(ss->d, ss->s, ss->r->local) == -1 ||
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

/* min(-B, MTU - 32 of the arrival interface): fragments break PXE ROMs. */
static uint16_t
sess_blksize_max(const struct session *ss)
{
	struct ifreq ifr;
	uint16_t max = ss->d->blksize_max;

	memset(&ifr, 0, sizeof(ifr));
	if (ss->r->ifindex > 0 &&
	    if_indextoname((unsigned)ss->r->ifindex, ifr.ifr_name) != NULL &&
	    ioctl(ss->s, SIOCGIFMTU, &ifr) == 0 && ifr.ifr_mtu > 32 + 8 &&
	    ifr.ifr_mtu - 32 < max)
		max = (uint16_t)(ifr.ifr_mtu - 32);
	return max;
}

/* The client's MAC from the ARP cache, for remap rules (\m). */
static void
sess_mac(struct session *ss)
{
	struct arpreq ar;
	struct sockaddr_in *sin = (struct sockaddr_in *)&ar.arp_pa;

	ss->mac[0] = '\0';
	if (ss->d->remap.n == 0 || ss->r->ifindex <= 0)
		return;
	memset(&ar, 0, sizeof(ar));
	sin->sin_family = AF_INET;
	sin->sin_addr = ss->r->peer.sin_addr;
	if (if_indextoname((unsigned)ss->r->ifindex, ar.arp_dev) == NULL ||
	    ioctl(ss->s, SIOCGARP, &ar) == -1 || !(ar.arp_flags & ATF_COM))
		return;
	mac_pxelinux((const uint8_t *)ar.arp_ha.sa_data, ss->mac);
}

/* Remap, path policy, open, negotiate.  0, or -1 with the ERROR sent. */
static int
sess_request(struct session *ss)
{
	struct tftp_remap_ctx ctx = { ss->req.op == TFTP_WRQ,
	    ntohl(ss->r->peer.sin_addr.s_addr), ss->mac };
	struct tftp_policy pol = { sess_blksize_max(ss), TFTPD_WINMAX,
	    ss->d->timeout_us / 1000, ss->d->refuse };
	char name[TFTP_FILE_MAX + 1], path[TFTP_FILE_MAX + 1];
	const char *errstr;
	struct wbuf w;
	uint16_t code = TFTP_EACCESS;
	size_t which;
	off_t size;
	int r;

	if ((r = tftp_remap_apply(&ss->d->remap, ss->req.file, &ctx, name,
	    sizeof(name), &errstr)) != 0)
		errstr = r == 1 ? "refused by the remap file" : errstr;
	else if (tftp_path_resolve(name, ss->d->secure, ss->d->dirs,
	    ss->d->ndirs, path, sizeof(path), &which, &errstr) == -1)
		r = -1;
	else if ((ss->fd = file_open(ss->d, ss->d->dirfds[which], path,
	    ss->req.op, &size, &code, &errstr)) == -1)
		r = -1;
	if (r != 0) {
		logit(LOG_NOTICE, "%s: %s %s: %s", ss->peer, ss->opname,
		    ss->name, errstr);
		ss->refused = true;
		sess_error(ss, code, r == 1 && name[0] != '\0' ? name :
		    r == 1 ? "Access violation" : errstr);
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
	char line[TFTP_XFERLOG_MAX];
	size_t n;

	clock_gettime(CLOCK_REALTIME, &rec.end);
	if (strcmp(ss->result, "ok") == 0 && log_getverbose() > 0)
		log_info("%s: %s %s: %llu bytes", ss->peer, ss->opname,
		    ss->name, (unsigned long long)rec.bytes);
	else if (strcmp(ss->result, "ok") != 0 && !ss->refused)
		logit(LOG_NOTICE, "%s: %s %s: failed, %s after %llu bytes",
		    ss->peer, ss->opname, ss->name, ss->result,
		    (unsigned long long)rec.bytes);
	if (ss->d->logfd == -1 ||
	    (n = tftp_xferlog_format(&rec, line, sizeof(line))) == 0)
		return;
	/* One write(2) on an O_APPEND descriptor: lines never interleave. */
	if (write(ss->d->logfd, line, n) != (ssize_t)n)
		log_warn("%s", ss->d->xferlog);
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
	sess_mac(ss);
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
