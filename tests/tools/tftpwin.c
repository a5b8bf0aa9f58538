// SPDX-License-Identifier: ISC
/*
 * tftpwin: an RFC 7440 client that acknowledges only part of each window,
 * as a client that lost the rest would, so the server must send again
 * from the middle of the window it just sent.  atftp and the PXE ROMs
 * lose packets only by chance; this loses them on purpose, every window,
 * so the server's ring of blocks wraps many times with resends in it.
 *
 *   tftpwin [-n] addr port file blksize windowsize seed > copy
 *
 * After each whole window (or the last, short block) it keeps a prefix of
 * 0..windowsize blocks chosen by a xorshift of seed (0 at most NONE_MAX
 * times), writes them to stdout, and ACKs the last one kept.  With -n the
 * final ACK is never sent, as if lost: the port closes right after the
 * final block, which RFC 1350 allows.  Exit 0 when the file is complete,
 * 1 on a timeout (5 s), a bad packet or an ERROR, 64 on bad usage.
 */
#include <sys/socket.h>

#include <arpa/inet.h>
#include <netinet/in.h>
#include <poll.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sysexits.h>
#include <unistd.h>

#include "common/buf.h"

#define WINMAX	64
#define NONE_MAX	4	/* windows kept none of, each a server timeout */

static uint8_t	win[WINMAX][65536];
static size_t	winlen[WINMAX];

static int
fail(const char *why)
{
	fprintf(stderr, "tftpwin: %s\n", why);
	return 1;
}

/* One packet from the transfer, or -1 after 5 s. */
static ssize_t
get(int s, uint8_t *buf, size_t cap, struct sockaddr_in *from)
{
	struct pollfd pfd = { s, POLLIN, 0 };
	socklen_t flen = sizeof(*from);

	if (poll(&pfd, 1, 5000) != 1)
		return -1;
	return recvfrom(s, buf, cap, 0, (struct sockaddr *)from, &flen);
}

/* 0 if the OACK grants exactly blksize blk and windowsize w. */
static int
granted(const uint8_t *p, size_t n, const char *blk, const char *w)
{
	const char *k, *v;
	size_t kl, vl;
	struct rbuf r;
	int ok = 0;

	rbuf_init(&r, p + 2, n - 2);
	while (rbuf_getstr(&r, &k, &kl) == 0 && rbuf_getstr(&r, &v, &vl) == 0)
		ok += (strcmp(k, "blksize") == 0 && strcmp(v, blk) == 0) +
		    (strcmp(k, "windowsize") == 0 && strcmp(v, w) == 0);
	return ok == 2 ? 0 : -1;
}

static void
ack(int s, uint64_t block, const struct sockaddr_in *to)
{
	uint8_t p[4] = { 0, 4, (uint8_t)(block >> 8), (uint8_t)block };

	sendto(s, p, sizeof(p), 0, (const struct sockaddr *)to, sizeof(*to));
}

int
main(int argc, char *argv[])
{
	struct sockaddr_in srv = { .sin_family = AF_INET }, from;
	uint8_t req[512], pkt[65536 + 4];
	uint64_t acked = 0, last_none = UINT64_MAX, seed;
	size_t blk, w, got, keep, i, none = 0;
	struct wbuf wb;
	ssize_t n;
	int s, rcvbuf = 16 << 20, noack, done;

	if ((noack = argc > 1 && strcmp(argv[1], "-n") == 0)) {
		argc--;
		argv++;
	}
	if (argc != 7 || inet_pton(AF_INET, argv[1], &srv.sin_addr) != 1 ||
	    (blk = strtoul(argv[4], NULL, 10)) < 8 || blk > 65464 ||
	    (w = strtoul(argv[5], NULL, 10)) < 1 || w > WINMAX) {
		fprintf(stderr, "usage: tftpwin [-n] addr port file blksize "
		    "windowsize seed\n");
		return EX_USAGE;
	}
	srv.sin_port = htons((uint16_t)atoi(argv[2]));
	seed = strtoull(argv[6], NULL, 10) | 1;
	wbuf_init(&wb, req, sizeof(req));
	wbuf_put16(&wb, 1);
	wbuf_putstr(&wb, argv[3]);
	wbuf_putstr(&wb, "octet");
	wbuf_putstr(&wb, "blksize");
	wbuf_putstr(&wb, argv[4]);
	wbuf_putstr(&wb, "windowsize");
	wbuf_putstr(&wb, argv[5]);
	if (wbuf_len(&wb) < 0 || (s = socket(AF_INET, SOCK_DGRAM, 0)) == -1)
		return fail("socket");
	/* A whole window must fit: 64 blocks of 64 KiB (FORCE: as root). */
	if (setsockopt(s, SOL_SOCKET, SO_RCVBUFFORCE, &rcvbuf,
	    sizeof(rcvbuf)) == -1)
		setsockopt(s, SOL_SOCKET, SO_RCVBUF, &rcvbuf, sizeof(rcvbuf));
	if (sendto(s, req, (size_t)wbuf_len(&wb), 0, (struct sockaddr *)&srv,
	    sizeof(srv)) == -1)
		return fail("request");
	if ((n = get(s, pkt, sizeof(pkt), &from)) < 2 || pkt[1] != 6)
		return fail("no OACK");
	if (granted(pkt, (size_t)n, argv[4], argv[5]) == -1)
		return fail("OACK not as asked");
	srv = from;	/* the transfer's TID from here on */
	ack(s, 0, &srv);
	for (;;) {
		/* The whole window, in order; anything else is a failure. */
		for (got = 0; got < w; got++) {
			if ((n = get(s, pkt, sizeof(pkt), &from)) < 4 ||
			    pkt[1] != 3 || from.sin_port != srv.sin_port)
				return fail(n < 0 ? "timeout" : "bad packet");
			if (((pkt[2] << 8) | pkt[3]) !=
			    (uint16_t)(acked + 1 + got))
				return fail("block out of order");
			memcpy(win[got], pkt + 4, (size_t)n - 4);
			winlen[got] = (size_t)n - 4;
			if (winlen[got] < blk) {
				got++;
				break;
			}
		}
		seed ^= seed << 13;
		seed ^= seed >> 7;
		seed ^= seed << 17;
		/*
		 * Now and then none: the server resends it all on its timer
		 * (not twice running, which would back that timer off).
		 */
		keep = (size_t)(seed % (got + 1));
		if (keep == 0 && (acked == last_none || ++none > NONE_MAX))
			keep = got;
		if (keep == 0)
			last_none = acked;
		for (i = 0; i < keep; i++)
			fwrite(win[i], 1, winlen[i], stdout);
		acked += keep;
		done = keep > 0 && winlen[keep - 1] < blk;
		if (!done || !noack)
			ack(s, acked, &srv);
		if (done)
			return fflush(stdout) == 0 ? 0 : 1;
	}
}
