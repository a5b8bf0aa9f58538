// SPDX-License-Identifier: ISC
/*
 * tftpprobe: sends one raw TFTP request and prints the server's first
 * answer, for the integration tests to check what curl, tftp and atftp do
 * not show: the exact OACK, the ERROR code of a refusal, the answer to a
 * packet from a foreign TID, and a transfer left hanging so that the
 * child serving it can be inspected.
 *
 *   tftpprobe [-fp] [-q secs] [-w secs] addr port rrq|wrq file [opt val]...
 *   tftpprobe [-q secs] [-w secs] addr port hex HEXBYTES
 *
 * Prints "OACK name=value ...", "DATA block len", "ACK block" or
 * "ERROR code message", then with -f "FOREIGN ERROR code message" (a
 * second socket sent an ACK to the server's transfer port), then waits
 * -w seconds without answering.  -p adds a line "PORT n", the server's
 * transfer port.  Exit 0 if an answer came, 1 if none
 * within -q seconds (default 5), 64 on bad usage.
 */
#include <sys/socket.h>

#include <arpa/inet.h>
#include <netinet/in.h>
#include <poll.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sysexits.h>
#include <unistd.h>

#include "common/buf.h"

static void
usage(void)
{
	fprintf(stderr, "usage: tftpprobe [-fp] [-q secs] [-w secs] addr port "
	    "rrq|wrq file [opt val]...\n"
	    "       tftpprobe [-q secs] [-w secs] addr port hex HEXBYTES\n");
	exit(EX_USAGE);
}

static size_t
hex(const char *s, uint8_t *out, size_t cap)
{
	size_t n = 0;
	unsigned v;

	while (s[0] != '\0' && s[1] != '\0' && n < cap &&
	    sscanf(s, "%2x", &v) == 1) {
		out[n++] = (uint8_t)v;
		s += 2;
	}
	return n;
}

static size_t
request(int argc, char **argv, uint8_t *out, size_t cap)
{
	struct wbuf w;
	int i;

	if (strcmp(argv[0], "hex") == 0)
		return argc == 2 ? hex(argv[1], out, cap) : 0;
	if (argc < 2 || argc % 2 != 0)
		usage();
	wbuf_init(&w, out, cap);
	wbuf_put16(&w, strcmp(argv[0], "wrq") == 0 ? 2 : 1);
	wbuf_putstr(&w, argv[1]);
	wbuf_putstr(&w, "octet");
	for (i = 2; i < argc; i++)
		wbuf_putstr(&w, argv[i]);
	return wbuf_len(&w) < 0 ? 0 : (size_t)wbuf_len(&w);
}

/* Prints one packet; -1 if none came within wait_ms. */
static int
show(int s, const char *prefix, struct sockaddr_in *from, int wait_ms)
{
	uint8_t buf[65536];
	struct pollfd pfd = { s, POLLIN, 0 };
	socklen_t flen = sizeof(*from);
	uint16_t op, v;
	struct rbuf r;
	const char *str;
	size_t len;
	ssize_t n;

	if (poll(&pfd, 1, wait_ms) != 1 || (n = recvfrom(s, buf, sizeof(buf), 0,
	    (struct sockaddr *)from, &flen)) < 4)
		return -1;
	rbuf_init(&r, buf, (size_t)n);
	rbuf_get16(&r, &op);
	printf("%s", prefix);
	if (op == 6) {
		printf("OACK");
		while (rbuf_getstr(&r, &str, &len) == 0) {
			printf(" %s", str);
			if (rbuf_getstr(&r, &str, &len) == 0)
				printf("=%s", str);
		}
	} else {
		rbuf_get16(&r, &v);
		if (op == 5 && rbuf_getstr(&r, &str, &len) == 0)
			printf("ERROR %u %s", v, str);
		else
			printf("%s %u %zu", op == 3 ? "DATA" : op == 4 ? "ACK" :
			    "OP", v, r.rem);
	}
	printf("\n");
	fflush(stdout);
	return 0;
}

int
main(int argc, char *argv[])
{
	struct sockaddr_in sin = { .sin_family = AF_INET }, from;
	uint8_t req[2048], ack[4] = { 0, 4, 0, 1 };
	int ch, s, s2, wait_s = 0, foreign = 0, port = 0, answer_ms = 5000;
	size_t n;

	while ((ch = getopt(argc, argv, "fpq:w:")) != -1) {
		if (ch == 'f')
			foreign = 1;
		else if (ch == 'p')
			port = 1;
		else if (ch == 'q')
			answer_ms = atoi(optarg) * 1000;
		else if (ch == 'w')
			wait_s = atoi(optarg);
		else
			usage();
	}
	argc -= optind;
	argv += optind;
	if (argc < 4 || inet_pton(AF_INET, argv[0], &sin.sin_addr) != 1)
		usage();
	sin.sin_port = htons((uint16_t)atoi(argv[1]));
	if ((n = request(argc - 2, argv + 2, req, sizeof(req))) == 0)
		usage();
	if ((s = socket(AF_INET, SOCK_DGRAM, 0)) == -1 ||
	    (s2 = socket(AF_INET, SOCK_DGRAM, 0)) == -1)
		return 1;
	if (sendto(s, req, n, 0, (struct sockaddr *)&sin, sizeof(sin)) == -1 ||
	    show(s, "", &from, answer_ms) == -1)
		return 1;
	if (port)
		printf("PORT %u\n", ntohs(from.sin_port));
	if (foreign && (sendto(s2, ack, sizeof(ack), 0,
	    (struct sockaddr *)&from, sizeof(from)) == -1 ||
	    show(s2, "FOREIGN ", &from, answer_ms) == -1))
		return 1;
	if (wait_s > 0)
		sleep((unsigned)wait_s);
	return 0;
}
