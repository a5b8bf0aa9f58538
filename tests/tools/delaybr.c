// SPDX-License-Identifier: ISC
/*
 * delaybr: a two-port Ethernet bridge that holds every frame for a fixed
 * time, for benchmarks on kernels without sch_netem (this project's CI
 * machines have none).  Each direction is one FIFO: frames leave in the
 * order they came, `delay' after they came, none is dropped while the
 * queue has room (a full queue drops, as a router's would).
 *
 *   delaybr [-t seconds] delay_us ifname ifname
 *
 * Run it as root in a namespace holding both interfaces, with nothing
 * else bound to them.  Packet sockets with virtio-net headers carry the
 * GSO super-frames veth hands over whole, so TCP's segmentation offload
 * still works across.  It ends on SIGTERM or SIGINT, or after -t seconds
 * (default 3600): every loop here is bounded.
 */
#include <sys/prctl.h>
#include <sys/socket.h>

#include <arpa/inet.h>
#include <errno.h>
#include <linux/if_packet.h>
#include <linux/virtio_net.h>
#include <net/ethernet.h>
#include <net/if.h>
#include <poll.h>
#include <signal.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sysexits.h>
#include <time.h>
#include <unistd.h>

#include "common/monotime.h"

#define FRAME_MAX	(sizeof(struct virtio_net_hdr) + 65536 + 64)
#define QUEUE_LEN	4096		/* frames per direction */

struct frame {
	int64_t		 due_us;
	size_t		 len;
	unsigned char	 data[FRAME_MAX];
};

struct port {
	int		 fd;
	struct frame	*q;		/* frames bound for this port */
	size_t		 head, n;
	unsigned long	 sent, dropped;
};

static volatile sig_atomic_t quit;

static void
on_signal(int sig)
{
	quit = sig;
}

static int
port_open(const char *ifname)
{
	struct sockaddr_ll sll;
	struct packet_mreq mr;
	int fd, on = 1;
	unsigned int ix = if_nametoindex(ifname);

	if (ix == 0) {
		fprintf(stderr, "delaybr: %s: no such interface\n", ifname);
		exit(EX_NOINPUT);
	}
	if ((fd = socket(AF_PACKET, SOCK_RAW, htons(ETH_P_ALL))) == -1 ||
	    setsockopt(fd, SOL_PACKET, PACKET_VNET_HDR, &on,
	    sizeof(on)) == -1 ||
	    setsockopt(fd, SOL_PACKET, PACKET_IGNORE_OUTGOING, &on,
	    sizeof(on)) == -1) {
		perror("delaybr: packet socket");
		exit(EX_OSERR);
	}
	memset(&sll, 0, sizeof(sll));
	sll.sll_family = AF_PACKET;
	sll.sll_protocol = htons(ETH_P_ALL);
	sll.sll_ifindex = (int)ix;
	memset(&mr, 0, sizeof(mr));
	mr.mr_ifindex = (int)ix;
	mr.mr_type = PACKET_MR_PROMISC;
	if (bind(fd, (struct sockaddr *)&sll, sizeof(sll)) == -1 ||
	    setsockopt(fd, SOL_PACKET, PACKET_ADD_MEMBERSHIP, &mr,
	    sizeof(mr)) == -1) {
		perror("delaybr: bind");
		exit(EX_OSERR);
	}
	return fd;
}

/* Reads what in has, queueing it on out (the other port). */
static void
take(struct port *in, struct port *out, int64_t hold_us)
{
	struct frame *f;
	ssize_t r;
	int i;

	for (i = 0; i < 64; i++) {
		if (out->n == QUEUE_LEN) {
			unsigned char junk[64];

			if (recv(in->fd, junk, sizeof(junk), MSG_DONTWAIT) < 0)
				return;
			out->dropped++;
			continue;
		}
		f = &out->q[(out->head + out->n) % QUEUE_LEN];
		r = recv(in->fd, f->data, sizeof(f->data), MSG_DONTWAIT);
		if (r <= (ssize_t)sizeof(struct virtio_net_hdr))
			return;
		f->len = (size_t)r;
		f->due_us = mono_us() + hold_us;
		out->n++;
	}
}

/* Sends what is due on p; returns the wait until the next, or -1. */
static int64_t
give(struct port *p, int64_t now)
{
	struct frame *f;

	while (p->n > 0) {
		f = &p->q[p->head];
		if (f->due_us > now)
			return f->due_us - now;
		if (send(p->fd, f->data, f->len, 0) == -1 && errno != ENOBUFS)
			p->dropped++;
		else
			p->sent++;
		p->head = (p->head + 1) % QUEUE_LEN;
		p->n--;
	}
	return -1;
}

int
main(int argc, char *argv[])
{
	struct port p[2];
	struct pollfd pfd[2];
	int64_t hold_us, end, now, w0, w1, wait;
	struct timespec ts;
	long secs = 3600;
	int c, i;

	while ((c = getopt(argc, argv, "t:")) != -1) {
		if (c != 't' || (secs = strtol(optarg, NULL, 10)) <= 0)
			goto usage;
	}
	argc -= optind;
	argv += optind;
	if (argc != 3 || (hold_us = strtoll(argv[0], NULL, 10)) < 0 ||
	    hold_us > 10000000)
		goto usage;
	prctl(PR_SET_TIMERSLACK, 1UL);	/* wake on time, not 50 us late */
	signal(SIGTERM, on_signal);
	signal(SIGINT, on_signal);
	for (i = 0; i < 2; i++) {
		p[i].fd = port_open(argv[1 + i]);
		p[i].head = p[i].n = 0;
		p[i].sent = p[i].dropped = 0;
		if ((p[i].q = calloc(QUEUE_LEN, sizeof(*p[i].q))) == NULL) {
			perror("delaybr: calloc");
			return EX_OSERR;
		}
		pfd[i].fd = p[i].fd;
		pfd[i].events = POLLIN;
	}
	end = mono_us() + (int64_t)secs * 1000000;
	while (quit == 0 && (now = mono_us()) < end) {
		w0 = give(&p[0], now);
		w1 = give(&p[1], now);
		wait = w0 == -1 ? w1 : w1 == -1 ? w0 : w0 < w1 ? w0 : w1;
		if (wait == -1)
			wait = 100000;
		ts.tv_sec = (time_t)(wait / 1000000);
		ts.tv_nsec = (long)(wait % 1000000) * 1000;
		if (ppoll(pfd, 2, &ts, NULL) == -1 && errno != EINTR)
			return EX_OSERR;
		if (pfd[0].revents & POLLIN)
			take(&p[0], &p[1], hold_us);
		if (pfd[1].revents & POLLIN)
			take(&p[1], &p[0], hold_us);
	}
	fprintf(stderr, "delaybr: %s <- %lu frames (%lu dropped), %s <- %lu "
	    "(%lu dropped)\n", argv[1], p[0].sent, p[0].dropped, argv[2],
	    p[1].sent, p[1].dropped);
	return 0;
usage:
	fprintf(stderr, "usage: delaybr [-t seconds] delay_us ifname "
	    "ifname\n");
	return EX_USAGE;
}
