// SPDX-License-Identifier: ISC
/*
 * wolcap [-m mac] [-n count] [-p port] IFACE SECONDS: captures Wake-on-LAN
 * traffic arriving on IFACE (AF_PACKET, so it sees what any peer sent) and
 * prints one line per packet: "raw <frame hex>" for an Ethernet frame of
 * type 0x0842, "udp <dst ip>:<port> <payload hex>" for an IPv4 UDP
 * datagram to `port' (default 9).  -m keeps only magic packets for that
 * MAC; -n stops after that many.  Exits 0, or 1 if -n was given and fewer
 * arrived within SECONDS.  "wolcap: ready" on stderr once it listens.  The
 * integration tests diff its output, and a simulated node waits on it for
 * its magic packet.
 */
#include <sys/socket.h>

#include <arpa/inet.h>
#include <linux/if_packet.h>
#include <net/ethernet.h>
#include <net/if.h>

#include <err.h>
#include <poll.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include "common/addr.h"
#include "common/buf.h"
#include "common/monotime.h"

static void
hex(const uint8_t *p, size_t len)
{
	size_t i;

	for (i = 0; i < len; i++)
		printf("%02x", p[i]);
	putchar('\n');
}

/* Is p the magic payload for mac (6 x ff, 16 x mac, maybe a password)? */
static int
is_magic(const uint8_t *p, size_t len, const uint8_t *mac)
{
	size_t i;

	if (mac == NULL)
		return 1;
	if (len < 102)
		return 0;
	for (i = 0; i < 6; i++)
		if (p[i] != 0xff)
			return 0;
	for (i = 0; i < 16; i++)
		if (memcmp(p + 6 + i * 6, mac, MAC_LEN) != 0)
			return 0;
	return 1;
}

/* 1 if the frame was a match (and printed), else 0. */
static int
frame(const uint8_t *f, size_t len, int port, const uint8_t *mac)
{
	struct rbuf r, ip;
	uint16_t type, dport, ulen;
	uint8_t vihl, proto;
	uint32_t dst;
	char ips[IP4_STRLEN];

	rbuf_init(&r, f, len);
	if (rbuf_skip(&r, 12) == -1 || rbuf_get16(&r, &type) == -1)
		return 0;
	if (type == 0x0842) {
		if (!is_magic(r.p, r.rem, mac))
			return 0;
		printf("raw ");
		hex(f, len);
		return 1;
	}
	if (type != ETHERTYPE_IP || rbuf_get8(&r, &vihl) == -1 ||
	    (vihl >> 4) != 4 || (size_t)(vihl & 15) * 4 < 20)
		return 0;
	if (rbuf_sub(&r, (size_t)(vihl & 15) * 4 - 1, &ip) == -1 ||
	    rbuf_skip(&ip, 8) == -1 || rbuf_get8(&ip, &proto) == -1 ||
	    proto != 17 || rbuf_skip(&ip, 6) == -1 ||
	    rbuf_get32(&ip, &dst) == -1)
		return 0;
	if (rbuf_skip(&r, 2) == -1 || rbuf_get16(&r, &dport) == -1 ||
	    dport != port || rbuf_get16(&r, &ulen) == -1 || ulen < 8 ||
	    rbuf_skip(&r, 2) == -1 || ulen - 8u > r.rem ||
	    !is_magic(r.p, ulen - 8u, mac))
		return 0;
	printf("udp %s:%d ", ip4_ntoa(dst, ips), port);
	hex(r.p, ulen - 8u);
	return 1;
}

int
main(int argc, char *argv[])
{
	struct sockaddr_ll sll;
	struct pollfd pfd;
	uint8_t buf[2048], mac[MAC_LEN], *want = NULL;
	socklen_t slen;
	ssize_t n;
	int64_t ms, t0;
	int c, fd, port = 9, count = 0, got = 0;

	while ((c = getopt(argc, argv, "m:n:p:")) != -1) {
		switch (c) {
		case 'm':
			if (mac_parse(optarg, mac) == -1)
				errx(2, "bad MAC %s", optarg);
			want = mac;
			break;
		case 'n':
			count = atoi(optarg);
			break;
		case 'p':
			port = atoi(optarg);
			break;
		default:
			return 2;
		}
	}
	if (argc - optind != 2)
		errx(2, "usage: wolcap [-m mac] [-n count] [-p port] iface "
		    "seconds");
	/* Protocol 0 until bound: nothing from other interfaces slips in. */
	if ((fd = socket(AF_PACKET, SOCK_RAW, 0)) == -1)
		err(2, "socket");
	memset(&sll, 0, sizeof(sll));
	sll.sll_family = AF_PACKET;
	sll.sll_protocol = htons(ETH_P_ALL);
	if ((sll.sll_ifindex = (int)if_nametoindex(argv[optind])) == 0)
		err(2, "%s", argv[optind]);
	if (bind(fd, (struct sockaddr *)&sll, sizeof(sll)) == -1)
		err(2, "bind");
	fprintf(stderr, "wolcap: ready\n");
	ms = atol(argv[optind + 1]) * 1000;
	t0 = mono_ms();
	pfd.fd = fd;
	pfd.events = POLLIN;
	for (;;) {
		n = (ssize_t)(mono_ms() - t0);
		if ((count > 0 && got >= count) || n >= ms)
			break;
		if (poll(&pfd, 1, (int)(ms - n)) <= 0)
			continue;
		slen = sizeof(sll);
		if ((n = recvfrom(fd, buf, sizeof(buf), 0,
		    (struct sockaddr *)&sll, &slen)) == -1)
			err(2, "recvfrom");
		if (sll.sll_pkttype != PACKET_OUTGOING &&
		    frame(buf, (size_t)n, port, want))
			got++;
		fflush(stdout);
	}
	return count > 0 && got < count ? 1 : 0;
}
