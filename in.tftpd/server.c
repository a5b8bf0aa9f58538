// SPDX-License-Identifier: ISC
/*
 * The listener: the UDP socket on fd 0 that xinetd hands over (wait =
 * yes), or one bound by -l/-L.  It receives each datagram with IP_PKTINFO
 * (so the transfer can answer from the address the client used) and
 * hands it to jobs.c, which starts a child or a thread for a request.  It
 * polls a self-pipe beside the socket: the SIGCHLD handler only writes a
 * byte there, and the loop reaps the children.  Under inetd it exits
 * after -t seconds without a request so that xinetd takes the socket
 * back; children finish on their own, threads are waited for.  While
 * --max-transfers transfers run it reads nothing: requests queue in the
 * socket (a 4 MB receive buffer) until one ends.  The listener runs
 * without privileges.  It parses requests only with --mcast-range, to
 * keep the multicast ones in sessions of its own (mcast.c), their sockets
 * polled here too; other requests it hands on reading only the opcode
 * (the transfer parses them).
 */
#include <sys/socket.h>

#include <arpa/inet.h>
#include <errno.h>
#include <netdb.h>
#include <fcntl.h>
#include <netinet/in.h>
#include <poll.h>
#include <signal.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>
#include <unistd.h>

#include "common/addr.h"
#include "common/log.h"
#include "common/monotime.h"
#include "common/pktinfo.h"
#include "in.tftpd/jobs.h"
#include "in.tftpd/mcast.h"
#include "in.tftpd/tftpd.h"

static volatile sig_atomic_t quit;
static int wake_fd = -1;	/* the self-pipe's write end, for on_chld */

static void
on_signal(int sig)
{
	quit = sig;
}

static void
on_chld(int sig)
{
	int saved_errno = errno;
	ssize_t n;

	(void)sig;
	/* A full pipe (EAGAIN) already holds a wake-up. */
	n = write(wake_fd, "c", 1);
	(void)n;
	errno = saved_errno;
}

/* The self-pipe and the signals; SIGCHLD only writes a byte to it. */
static void
signals(struct tftpd *d)
{
	struct sigaction sa = { .sa_handler = SIG_IGN };

	if (pipe2(d->wake, O_CLOEXEC | O_NONBLOCK) == -1)
		fatal("pipe");
	wake_fd = d->wake[1];
	sigaction(SIGPIPE, &sa, NULL);
	sa.sa_handler = on_signal;
	sigaction(SIGTERM, &sa, NULL);
	sigaction(SIGINT, &sa, NULL);
	sa.sa_handler = on_chld;
	sa.sa_flags = SA_RESTART | SA_NOCLDSTOP;
	sigaction(SIGCHLD, &sa, NULL);
}

/* "addr[:port]", either part optional; port by number or service name. */
int
server_listen_socket(const char *spec)
{
	struct sockaddr_in sin = { .sin_family = AF_INET };
	char host[64] = "", *colon;
	struct servent *se;
	const char *errstr;
	uint32_t ip = INADDR_ANY;
	int s, on = 1;

	sin.sin_port = htons(TFTP_PORT);
	if (spec != NULL && strlcpy(host, spec, sizeof(host)) >= sizeof(host))
		fatalx("address %s: too long", spec);
	if ((colon = strrchr(host, ':')) != NULL) {
		*colon++ = '\0';
		if ((se = getservbyname(colon, "udp")) != NULL)
			sin.sin_port = (in_port_t)se->s_port;
		else
			sin.sin_port = htons((uint16_t)strtonum(colon, 1,
			    65535, &errstr));
		if (se == NULL && errstr != NULL)
			fatalx("port %s: %s", colon, errstr);
	}
	if (host[0] != '\0' && ip4_parse(host, &ip) == -1)
		fatalx("address %s: not an IPv4 address", host);
	sin.sin_addr.s_addr = htonl(ip);
	if ((s = socket(AF_INET, SOCK_DGRAM | SOCK_CLOEXEC, 0)) == -1)
		fatal("socket");
	if (setsockopt(s, SOL_SOCKET, SO_REUSEADDR, &on, sizeof(on)) == -1)
		fatal("SO_REUSEADDR");
	if (bind(s, (struct sockaddr *)&sin, sizeof(sin)) == -1)
		fatal("bind %s", spec != NULL ? spec : "0.0.0.0:69");
	return s;
}

/*
 * A rack powered on at once sends its requests in one burst, and while
 * every transfer slot is taken the listener leaves the rest queued in the
 * socket (server_run()): the buffer is that queue.  The default (about
 * 200 KB, a few hundred requests) overflowed at 1024 clients, and each
 * dropped request cost its client a retry seconds later, or the boot.
 * Past net.core.rmem_max only with CAP_NET_ADMIN (SO_RCVBUFFORCE); else
 * the kernel's cap, which is no reason to fail.
 */
void
server_rcvbuf(int s)
{
	int sz = TFTPD_RCVBUF;

	if (setsockopt(s, SOL_SOCKET, SO_RCVBUFFORCE, &sz, sizeof(sz)) == -1)
		(void)setsockopt(s, SOL_SOCKET, SO_RCVBUF, &sz, sizeof(sz));
}

/* One datagram with its arrival address; 0, or -1 to skip it. */
static int
recv_req(int s, struct tftpd_req *r)
{
	struct in_pktinfo pi;
	struct timespec ts;
	ssize_t n;
	bool trunc;

	if ((n = pktinfo_recv_ts(s, r->buf, sizeof(r->buf), MSG_DONTWAIT,
	    &r->peer, &pi, &trunc, &ts)) == -1) {
		if (errno != EAGAIN && errno != EINTR)
			log_warn("recvmsg");
		return -1;
	}
	if (r->peer.sin_family != AF_INET || trunc)
		return -1;
	r->len = (size_t)n;
	/* spec_dst: the local address, even for broadcasts */
	r->local = pi.ipi_spec_dst;
	r->ifindex = pi.ipi_ifindex;
	if (ts.tv_sec == 0)		/* no time came with it: now */
		clock_gettime(CLOCK_REALTIME, &ts);
	r->arrived = (int64_t)ts.tv_sec * 1000 + ts.tv_nsec / 1000000;
	return 0;
}

/* Empties the self-pipe and reaps what ended. */
static void
woken(struct tftpd *d, struct jobs *js)
{
	char buf[64];

	while (read(d->wake[0], buf, sizeof(buf)) > 0)
		;
	jobs_reap(js);
}

void
server_run(struct tftpd *d)
{
	struct pollfd pfd[2 + MCAST_SESSIONS] = {
		{ .fd = d->sock, .events = POLLIN },
		{ .fd = -1, .events = POLLIN },
	};
	struct tftpd_req *r;
	struct jobs *js;
	struct mcast *mc;
	int64_t idle_due = 0, now, due;
	int on = 1, n, wait_ms;
	nfds_t nfds;

	signals(d);
	pfd[1].fd = d->wake[0];
	if (setsockopt(d->sock, IPPROTO_IP, IP_PKTINFO, &on, sizeof(on)) == -1)
		fatal("IP_PKTINFO (is fd 0 a UDP socket?)");
	/* When each request arrived: copies left in the queue (jobs.c) */
	if (setsockopt(d->sock, SOL_SOCKET, SO_TIMESTAMPNS, &on,
	    sizeof(on)) == -1)
		log_warn("SO_TIMESTAMPNS");
	if ((r = malloc(sizeof(*r))) == NULL)
		fatal("malloc");
	js = jobs_new(d);
	mc = mcast_new(d);
	if (!d->standalone && d->idle_s > 0)
		idle_due = mono_ms() + (int64_t)d->idle_s * 1000;
	while (!quit) {
		now = mono_ms();
		/* the sooner of the idle check and a multicast timer */
		if ((due = mcast_due(mc)) == 0 || (idle_due > 0 &&
		    idle_due < due))
			due = idle_due;
		wait_ms = due == 0 ? -1 : due > now ? (int)(due - now) : 0;
		/*
		 * Every slot taken: requests wait in the socket, in order,
		 * until a transfer ends (its SIGCHLD or its thread writes to
		 * the self-pipe), rather than being read and dropped.
		 */
		pfd[0].events = jobs_full(js) ? 0 : POLLIN;
		nfds = 2 + mcast_pollfds(mc, pfd + 2, MCAST_SESSIONS);
		if ((n = poll(pfd, nfds, wait_ms)) == -1) {
			if (errno != EINTR)
				fatal("poll");
			continue;
		}
		if (pfd[1].revents & POLLIN)
			woken(d, js);
		now = mono_ms();
		mcast_run(mc, pfd + 2, nfds - 2, now);
		/*
		 * Idle: xinetd takes the socket back, once no thread and no
		 * multicast session serves.
		 */
		if (idle_due > 0 && now >= idle_due && !(pfd[0].revents &
		    POLLIN)) {
			jobs_reap(js);
			if (!jobs_busy(js) && !mcast_busy(mc))
				break;
			idle_due = now + (int64_t)d->idle_s * 1000;
		}
		if (!(pfd[0].revents & POLLIN) || recv_req(d->sock, r) == -1)
			continue;
		if (idle_due > 0)
			idle_due = now + (int64_t)d->idle_s * 1000;
		if (!mcast_request(mc, r, now))
			jobs_request(js, r, now);
	}
	if (d->pidfile != NULL && quit)
		unlink(d->pidfile);
	/* The jobs stay: a thread may read its own until exit(). */
	free(r);
}
