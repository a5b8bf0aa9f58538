// SPDX-License-Identifier: ISC
/*
 * The listener: the UDP socket on fd 0 that xinetd hands over (wait =
 * yes), or one bound by -l/-L.  It receives each request with IP_PKTINFO
 * (so the child can answer from the address the client used) and forks a
 * child for the transfer, as tftp-hpa's main() does.  Under inetd it exits
 * after -t idle seconds so that xinetd takes the socket back; the children
 * finish on their own.  The listener runs without privileges and never
 * parses a request: the child does.
 */
#include <sys/socket.h>

#include <arpa/inet.h>
#include <errno.h>
#include <netdb.h>
#include <netinet/in.h>
#include <poll.h>
#include <signal.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include "common/addr.h"
#include "common/log.h"
#include "in.tftpd/tftpd.h"

#define RECENT_MAX	64

/* A request recently handed to a child (duplicate()). */
struct recent {
	pid_t			pid;
	struct sockaddr_in	peer;
	size_t			len;
	uint8_t			req[128];	/* its first bytes */
};

static volatile sig_atomic_t quit;

static void
on_signal(int sig)
{
	quit = sig;
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

	sin.sin_port = htons(69);
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

/* One datagram with its arrival address; 0, or -1 to skip it. */
static int
recv_req(int s, struct tftpd_req *r)
{
	union {
		struct cmsghdr	hdr;
		uint8_t		buf[CMSG_SPACE(sizeof(struct in_pktinfo))];
	} cbuf;
	struct iovec iov = { r->buf, sizeof(r->buf) };
	struct msghdr msg = {
		.msg_name = &r->peer, .msg_namelen = sizeof(r->peer),
		.msg_iov = &iov, .msg_iovlen = 1,
		.msg_control = cbuf.buf, .msg_controllen = sizeof(cbuf.buf),
	};
	struct in_pktinfo pi;
	struct cmsghdr *c;
	ssize_t n;

	if ((n = recvmsg(s, &msg, MSG_DONTWAIT)) == -1) {
		if (errno != EAGAIN && errno != EINTR)
			log_warn("recvmsg");
		return -1;
	}
	if (r->peer.sin_family != AF_INET || (msg.msg_flags & MSG_TRUNC))
		return -1;
	r->len = (size_t)n;
	r->ifindex = 0;
	r->local.s_addr = INADDR_ANY;
	for (c = CMSG_FIRSTHDR(&msg); c != NULL; c = CMSG_NXTHDR(&msg, c))
		if (c->cmsg_level == IPPROTO_IP && c->cmsg_type == IP_PKTINFO) {
			memcpy(&pi, CMSG_DATA(c), sizeof(pi));
			/* spec_dst: the local address, even for broadcasts */
			r->local = pi.ipi_spec_dst;
			r->ifindex = pi.ipi_ifindex;
		}
	return 0;
}

/*
 * A client whose first answer got lost sends its request again, from the
 * same port.  A second child for it would answer from a second TID, which
 * some clients (atftp: "unexpected OACK") treat as fatal.  So a request
 * equal to one whose child is still alive is dropped: the child's own
 * retransmission answers it.
 */
static bool
duplicate(struct recent *rc, const struct tftpd_req *r)
{
	size_t i;

	for (i = 0; i < RECENT_MAX; i++)
		if (rc[i].pid > 0 && rc[i].len == r->len &&
		    rc[i].peer.sin_addr.s_addr == r->peer.sin_addr.s_addr &&
		    rc[i].peer.sin_port == r->peer.sin_port &&
		    memcmp(rc[i].req, r->buf, r->len < sizeof(rc[i].req) ?
		    r->len : sizeof(rc[i].req)) == 0 &&
		    kill(rc[i].pid, 0) == 0)
			return true;
	return false;
}

static void
spawn(struct tftpd *d, const struct tftpd_req *r, struct recent *rc,
    size_t *next)
{
	struct recent *e;
	pid_t pid;

	if (duplicate(rc, r)) {
		log_debug("duplicate request ignored");
		return;
	}
	if ((pid = fork()) == -1) {
		log_warn("fork");
		return;
	}
	if (pid == 0) {
		close(d->sock);
		log_procinit("transfer");
		session_run(d, r);
	}
	e = &rc[*next];
	*next = (*next + 1) % RECENT_MAX;
	e->pid = pid;
	e->peer = r->peer;
	e->len = r->len;
	memcpy(e->req, r->buf, r->len < sizeof(e->req) ? r->len :
	    sizeof(e->req));
}

void
server_run(struct tftpd *d)
{
	struct sigaction sa = { .sa_handler = SIG_IGN };
	struct recent *rc;
	struct tftpd_req *r;
	size_t next = 0;
	struct pollfd pfd = { .fd = d->sock, .events = POLLIN };
	int on = 1, n, idle_ms;

	/* Children are never waited for: SIG_IGN reaps them (no zombies). */
	sigaction(SIGCHLD, &sa, NULL);
	sigaction(SIGPIPE, &sa, NULL);
	sa.sa_handler = on_signal;
	sigaction(SIGTERM, &sa, NULL);
	sigaction(SIGINT, &sa, NULL);
	if (setsockopt(d->sock, IPPROTO_IP, IP_PKTINFO, &on, sizeof(on)) == -1)
		fatal("IP_PKTINFO (is fd 0 a UDP socket?)");
	if ((r = malloc(sizeof(*r))) == NULL ||
	    (rc = calloc(RECENT_MAX, sizeof(*rc))) == NULL)
		fatal("malloc");
	idle_ms = d->standalone || d->idle_s == 0 ? -1 : (int)d->idle_s * 1000;
	while (!quit) {
		if ((n = poll(&pfd, 1, idle_ms)) == -1) {
			if (errno != EINTR)
				fatal("poll");
			continue;
		}
		if (n == 0)
			break;		/* idle: xinetd takes the socket back */
		if (recv_req(d->sock, r) == 0)
			spawn(d, r, rc, &next);
	}
	if (d->pidfile != NULL && quit)
		unlink(d->pidfile);
	free(rc);
	free(r);
}
