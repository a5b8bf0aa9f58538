// SPDX-License-Identifier: ISC
/*
 * One TFTP read from the boot server: a fresh UDP socket per file (so no
 * late packet of an earlier transfer can land in this one), the client
 * state machine of tftp_client.c, poll() for the timer.  Datagrams from
 * any other address than the server are dropped unread.
 */
#include <sys/socket.h>

#include <arpa/inet.h>
#include <netinet/in.h>

#include <errno.h>
#include <poll.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include "common/fileio.h"
#include "common/log.h"
#include "common/monotime.h"
#include "netkexec/netkexec.h"
#include "netkexec/tftp_client.h"

struct xfer {
	int			 sock;
	struct sockaddr_in	 server;
	struct tftpc		 c;
	struct tftpc_action	 a;
	int			 fd;
	uint64_t		 deadline;	/* ms, mono_ms() */
	uint8_t			 pkt[TFTPC_PKTMAX + 1];
};

/* Carries out an action; -1 (errno) only when a write or send fails. */
static int
perform(struct xfer *x, const char *name)
{
	struct sockaddr_in to = x->server;

	if (x->a.data != NULL && x->a.datalen > 0 &&
	    write_all(x->fd, x->a.data, x->a.datalen) == -1)
		return -1;
	if (x->a.send != NULL) {
		to.sin_port = htons(x->a.port);
		if (sendto(x->sock, x->a.send, x->a.sendlen, 0,
		    (struct sockaddr *)&to, sizeof(to)) == -1)
			return -1;
	}
	if (x->a.arm)
		x->deadline = (uint64_t)mono_ms() + x->a.timeout_ms;
	if (x->a.status == TFTPC_CONTINUE && x->a.errstr != NULL)
		log_debug("%s: %s", name, x->a.errstr);
	return 0;
}

/* Waits for the next datagram from the server, or the deadline. */
static void
step(struct xfer *x)
{
	struct pollfd pfd = { .fd = x->sock, .events = POLLIN };
	struct sockaddr_in from;
	socklen_t flen = sizeof(from);
	uint64_t now = (uint64_t)mono_ms();
	ssize_t n;
	int r;

	if (now >= x->deadline) {
		tftpc_on_timeout(&x->c, &x->a);
		return;
	}
	r = poll(&pfd, 1, (int)(x->deadline - now));
	memset(&x->a, 0, sizeof(x->a));
	x->a.status = TFTPC_CONTINUE;
	if (r <= 0)
		return;		/* EINTR or time: the next step decides */
	n = recvfrom(x->sock, x->pkt, sizeof(x->pkt), 0,
	    (struct sockaddr *)&from, &flen);
	if (n == -1 || from.sin_family != AF_INET ||
	    from.sin_addr.s_addr != x->server.sin_addr.s_addr)
		return;
	tftpc_on_packet(&x->c, x->pkt, (size_t)n, ntohs(from.sin_port),
	    &x->a);
}

/*
 * The loop: perform the core's action, stop on DONE or FAIL, else wait for
 * the next event.  Bounded: every wait ends at the deadline, and the core
 * fails after conf.retries timeouts without progress.
 */
static int
xfer_run(struct xfer *x, const struct nk *nk, const char *name, uint64_t max,
    int *errcode, char *errbuf, size_t errlen)
{
	struct tftpc_conf conf = {
		.file = name, .port = nk->o.port, .blksize = nk->o.blksize,
		.tsize = true, .timeout_ms = nk->o.timeout_ms,
		.retries = nk->o.retries, .maxsize = max
	};

	if (tftpc_start(&x->c, &conf, &x->a) == -1) {
		snprintf(errbuf, errlen, "%s", x->a.errstr);
		return -1;
	}
	for (;;) {
		if (perform(x, name) == -1) {
			snprintf(errbuf, errlen, "%s", strerror(errno));
			return -1;
		}
		if (x->a.status == TFTPC_DONE)
			return 0;
		if (x->a.status == TFTPC_FAIL) {
			*errcode = x->a.errcode;
			snprintf(errbuf, errlen, "%s", x->a.errstr);
			return -1;
		}
		step(x);
	}
}

int
fetch_file(const struct nk *nk, const char *name, int fd, uint64_t max,
    uint64_t *size, int *errcode, char *errbuf, size_t errlen)
{
	struct xfer *x;		/* 64 KB of packet buffer: not on the stack */
	int r = -1;

	*errcode = -1;
	*size = 0;
	if ((x = calloc(1, sizeof(*x))) == NULL) {
		snprintf(errbuf, errlen, "%s", strerror(errno));
		return -1;
	}
	x->fd = fd;
	x->server.sin_family = AF_INET;
	x->server.sin_addr.s_addr = htonl(nk->ni.server);
	if ((x->sock = socket(AF_INET, SOCK_DGRAM | SOCK_CLOEXEC, 0)) == -1)
		snprintf(errbuf, errlen, "socket: %s", strerror(errno));
	else {
		r = xfer_run(x, nk, name, max, errcode, errbuf, errlen);
		close(x->sock);
		*size = x->c.received;
	}
	free(x);
	return r;
}
