// SPDX-License-Identifier: ISC
/*
 * wolshim -i IFACE [-p PORT] -- CMD [ARG...]: Wake-on-LAN for virtual
 * machines, the virtual cluster's power switch.  It reads every frame on
 * IFACE (a packet socket, so it sees what the host itself sends on a bridge
 * as well as what arrives) and looks for a magic packet: six 0xff bytes then
 * a MAC sixteen times, in an ethertype 0x0842 frame (ether-wake -i) or a
 * UDP datagram to PORT (default 9; wakeup without -i).  For each MAC woken
 * that has no running child it runs CMD ARG... MAC (lab/node.sh starts the
 * qemu node with that MAC).  A node that powers off can be woken again.
 *
 * It prints one line per event on stdout, each starting with the wall
 * clock (seconds since the epoch, milliseconds) so that the lab's timeline
 * can line it up with the packet capture:
 *	EPOCH listening IFACE
 *	EPOCH wake MAC via ether|udp		(every magic packet)
 *	EPOCH start MAC pid PID
 *	EPOCH exit MAC status N
 * SIGTERM or SIGINT: TERM to every child, wait for them (3 s, then KILL),
 * exit 0.  Exit status EX_USAGE, EX_OSERR as sysexits(3).  It runs as root
 * in the lab's namespace: the nodes it starts need the tap devices.
 */
#include <sys/socket.h>
#include <sys/types.h>
#include <sys/wait.h>

#include <arpa/inet.h>
#include <err.h>
#include <errno.h>
#include <fcntl.h>
#include <net/if.h>
#include <linux/if_ether.h>
#include <linux/if_packet.h>
#include <poll.h>
#include <signal.h>
#include <stdarg.h>
#include <stdbool.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sysexits.h>
#include <time.h>
#include <unistd.h>

#include "common/addr.h"
#include "common/buf.h"
#include "fleet/fl_net.h"

#define MAX_NODES	256
#define ETH_P_WOL	0x0842

struct node {
	uint8_t	mac[MAC_LEN];
	pid_t	pid;
};

static void	stamp(const char *, ...)
		    __attribute__((__format__(printf, 1, 2)));

static volatile sig_atomic_t got_term;
static volatile sig_atomic_t got_chld;

/*
 * The magic packet carried by an Ethernet frame, if any: 0 with *mac and
 * *how ("ether" or "udp"), else -1.
 */
static int
frame_magic(const uint8_t *f, size_t len, uint16_t port, uint8_t mac[MAC_LEN],
    const char **how)
{
	struct rbuf r, ip;
	uint16_t type, frag, dport, ulen;
	uint8_t vihl, proto;
	const uint8_t *pl;

	rbuf_init(&r, f, len);
	if (rbuf_skip(&r, 12) == -1 || rbuf_get16(&r, &type) == -1)
		return -1;
	if (type == ETH_P_8021Q &&
	    (rbuf_skip(&r, 2) == -1 || rbuf_get16(&r, &type) == -1))
		return -1;
	if (type == ETH_P_WOL) {
		*how = "ether";
		return fl_net_magic(r.p, r.rem, mac);
	}
	if (type != ETH_P_IP || rbuf_get8(&r, &vihl) == -1 ||
	    vihl >> 4 != 4 || (vihl & 0xf) < 5)
		return -1;
	if (rbuf_sub(&r, r.rem, &ip) == -1 || rbuf_skip(&ip, 5) == -1 ||
	    rbuf_get16(&ip, &frag) == -1 || (frag & 0x3fff) != 0 ||
	    rbuf_skip(&ip, 1) == -1 || rbuf_get8(&ip, &proto) == -1 ||
	    proto != IPPROTO_UDP ||
	    rbuf_skip(&ip, (size_t)(vihl & 0xf) * 4 - 10) == -1)
		return -1;
	if (rbuf_skip(&ip, 2) == -1 || rbuf_get16(&ip, &dport) == -1 ||
	    rbuf_get16(&ip, &ulen) == -1 || rbuf_skip(&ip, 2) == -1 ||
	    dport != port || ulen < 8 || rbuf_ptr(&ip, ulen - 8, &pl) == -1)
		return -1;
	*how = "udp";
	return fl_net_magic(pl, (size_t)ulen - 8, mac);
}

static void
stamp(const char *fmt, ...)
{
	struct timespec ts;
	va_list ap;

	clock_gettime(CLOCK_REALTIME, &ts);
	printf("%lld.%03ld ", (long long)ts.tv_sec, ts.tv_nsec / 1000000);
	va_start(ap, fmt);
	vprintf(fmt, ap);
	va_end(ap);
	putchar('\n');
	fflush(stdout);
}

static void
on_signal(int sig)
{
	if (sig == SIGCHLD)
		got_chld = 1;
	else
		got_term = 1;
}

static void
start(struct node *nodes, size_t *n, const uint8_t mac[MAC_LEN],
    char **cmd, int cmdc)
{
	char ms[MAC_STRLEN];
	size_t i;
	pid_t pid;

	mac_ntoa(mac, ms);
	for (i = 0; i < *n; i++)
		if (memcmp(nodes[i].mac, mac, MAC_LEN) == 0)
			break;
	if (i < *n && nodes[i].pid > 0)
		return;			/* already running */
	if (i == *n) {
		if (*n == MAX_NODES) {
			warnx("%s: more than %d nodes", ms, MAX_NODES);
			return;
		}
		memcpy(nodes[(*n)++].mac, mac, MAC_LEN);
	}
	if ((pid = fork()) == -1) {
		warn("fork");
		return;
	}
	if (pid == 0) {
		cmd[cmdc] = ms;
		execvp(cmd[0], cmd);
		warn("%s", cmd[0]);
		_exit(EX_OSERR);
	}
	nodes[i].pid = pid;
	stamp("start %s pid %ld", ms, (long)pid);
}

static void
reap(struct node *nodes, size_t n)
{
	char ms[MAC_STRLEN];
	pid_t pid;
	size_t i;
	int st;

	while ((pid = waitpid(-1, &st, WNOHANG)) > 0)
		for (i = 0; i < n; i++)
			if (nodes[i].pid == pid) {
				nodes[i].pid = 0;
				stamp("exit %s status %d",
				    mac_ntoa(nodes[i].mac, ms),
				    WIFEXITED(st) ? WEXITSTATUS(st) :
				    128 + WTERMSIG(st));
			}
}

static void
stop_all(struct node *nodes, size_t n)
{
	size_t i, alive;
	int tries;

	for (i = 0; i < n; i++)
		if (nodes[i].pid > 0)
			kill(nodes[i].pid, SIGTERM);
	for (tries = 0; tries < 30; tries++) {
		reap(nodes, n);
		for (i = alive = 0; i < n; i++)
			alive += nodes[i].pid > 0;
		if (alive == 0)
			return;
		usleep(100000);
	}
	for (i = 0; i < n; i++)
		if (nodes[i].pid > 0)
			kill(nodes[i].pid, SIGKILL);
	reap(nodes, n);
}

static int
open_iface(const char *ifname)
{
	struct sockaddr_ll sll;
	int fd;

	if ((fd = socket(AF_PACKET, SOCK_RAW | SOCK_CLOEXEC,
	    htons(ETH_P_ALL))) == -1)
		err(EX_OSERR, "packet socket");
	memset(&sll, 0, sizeof(sll));
	sll.sll_family = AF_PACKET;
	sll.sll_protocol = htons(ETH_P_ALL);
	if ((sll.sll_ifindex = (int)if_nametoindex(ifname)) == 0)
		err(EX_OSERR, "%s", ifname);
	if (bind(fd, (struct sockaddr *)&sll, sizeof(sll)) == -1)
		err(EX_OSERR, "bind %s", ifname);
	return fd;
}

static void
usage(void)
{
	fprintf(stderr, "usage: wolshim -i IFACE [-p PORT] -- CMD [ARG...]\n"
	    "Starts CMD ARG... MAC for every Wake-on-LAN magic packet seen"
	    " on IFACE\n(ethertype 0x0842, or UDP to PORT, default 9).\n");
	exit(EX_USAGE);
}

int
main(int argc, char *argv[])
{
	static struct node nodes[MAX_NODES];
	static uint8_t frame[65536];
	struct sigaction sa;
	struct pollfd pfd;
	const char *ifname = NULL, *how, *errstr;
	char **cmd, ms[MAC_STRLEN];
	uint8_t mac[MAC_LEN];
	uint16_t port = 9;
	size_t n = 0;
	ssize_t len;
	int ch, cmdc;

	while ((ch = getopt(argc, argv, "hi:p:")) != -1) {
		switch (ch) {
		case 'i':
			ifname = optarg;
			break;
		case 'p':
			port = (uint16_t)strtonum(optarg, 1, 65535, &errstr);
			if (errstr != NULL)
				errx(EX_USAGE, "port %s: %s", optarg, errstr);
			break;
		default:
			usage();
		}
	}
	if (ifname == NULL || optind >= argc)
		usage();
	cmdc = argc - optind;
	if ((cmd = calloc((size_t)cmdc + 2, sizeof(*cmd))) == NULL)
		err(EX_OSERR, "calloc");
	memcpy(cmd, argv + optind, (size_t)cmdc * sizeof(*cmd));

	memset(&sa, 0, sizeof(sa));
	sa.sa_handler = on_signal;
	sigaction(SIGCHLD, &sa, NULL);
	sigaction(SIGTERM, &sa, NULL);
	sigaction(SIGINT, &sa, NULL);
	pfd.fd = open_iface(ifname);
	pfd.events = POLLIN;
	stamp("listening %s", ifname);
	while (!got_term) {
		if (got_chld) {
			got_chld = 0;
			reap(nodes, n);
		}
		if (poll(&pfd, 1, 1000) == -1) {
			if (errno == EINTR)
				continue;
			err(EX_OSERR, "poll");
		}
		if (!(pfd.revents & POLLIN))
			continue;
		if ((len = recv(pfd.fd, frame, sizeof(frame), MSG_DONTWAIT))
		    == -1) {
			if (errno != EINTR && errno != EAGAIN)
				warn("recv");
			continue;
		}
		if (frame_magic(frame, (size_t)len, port, mac, &how) == -1)
			continue;
		stamp("wake %s via %s", mac_ntoa(mac, ms), how);
		start(nodes, &n, mac, cmd, cmdc);
	}
	stop_all(nodes, n);
	return 0;
}
