// SPDX-License-Identifier: ISC
/*
 * tftpflood: a flood of RRQs that are never answered, from one address,
 * for the integration tests of in.tftpd's --max-transfers and
 * --max-per-source: each request starts a transfer that waits for ACKs
 * that never come.
 *
 *   tftpflood [-b srcaddr] [-w secs] addr port count file
 *
 * Sends count RRQs for file from one socket bound to srcaddr (default
 * any), 1 ms apart, each with an option "x" of its own number so that no
 * two are equal (a repeated request is ignored as a retransmission).  It
 * then prints "sent count", keeps the socket open (a closed port would end
 * the transfers through ICMP) without reading it for -w seconds (default
 * 5) and exits 0; 1 if a send failed, 64 on bad usage.
 */
#include <sys/socket.h>

#include <arpa/inet.h>
#include <netinet/in.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sysexits.h>
#include <time.h>
#include <unistd.h>

#include "common/buf.h"

static void
usage(void)
{
	fprintf(stderr, "usage: tftpflood [-b srcaddr] [-w secs] addr port "
	    "count file\n");
	exit(EX_USAGE);
}

int
main(int argc, char *argv[])
{
	struct sockaddr_in sin = { .sin_family = AF_INET };
	struct sockaddr_in src = { .sin_family = AF_INET };
	struct timespec ms = { 0, 1000000 };
	uint8_t pkt[600];
	char num[16];
	struct wbuf w;
	int ch, s, i, count, wait_s = 5;

	while ((ch = getopt(argc, argv, "b:w:")) != -1) {
		if (ch == 'b' && inet_pton(AF_INET, optarg,
		    &src.sin_addr) == 1)
			continue;
		if (ch == 'w')
			wait_s = atoi(optarg);
		else
			usage();
	}
	argc -= optind;
	argv += optind;
	if (argc != 4 || inet_pton(AF_INET, argv[0], &sin.sin_addr) != 1 ||
	    (count = atoi(argv[2])) < 1 || count > 100000 ||
	    strlen(argv[3]) > 512)
		usage();
	sin.sin_port = htons((uint16_t)atoi(argv[1]));
	if ((s = socket(AF_INET, SOCK_DGRAM, 0)) == -1 ||
	    bind(s, (struct sockaddr *)&src, sizeof(src)) == -1) {
		perror("tftpflood: socket");
		return 1;
	}
	for (i = 0; i < count; i++) {
		snprintf(num, sizeof(num), "%d", i);
		wbuf_init(&w, pkt, sizeof(pkt));
		wbuf_put16(&w, 1);
		wbuf_putstr(&w, argv[3]);
		wbuf_putstr(&w, "octet");
		wbuf_putstr(&w, "x");
		wbuf_putstr(&w, num);
		if (sendto(s, pkt, (size_t)wbuf_len(&w), 0,
		    (struct sockaddr *)&sin, sizeof(sin)) == -1) {
			perror("tftpflood: sendto");
			return 1;
		}
		nanosleep(&ms, NULL);
	}
	printf("sent %d\n", count);
	fflush(stdout);
	if (wait_s > 0)
		sleep((unsigned)wait_s);
	close(s);
	return 0;
}
