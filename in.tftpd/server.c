// SPDX-License-Identifier: ISC
/*
 * The listener: the UDP socket on fd 0 that xinetd hands over (wait =
 * yes), or one bound by -l/-L.  It receives each request with IP_PKTINFO
 * (so the transfer can answer from the address the client used) and forks
 * a child for the transfer, as tftp-hpa's main() does, or with --threads
 * starts a thread for it.  Under inetd it exits after -t idle seconds so
 * that xinetd takes the socket back; children finish on their own, threads
 * are waited for.  The listener runs without privileges and never parses a
 * request: the transfer does.  It reads only the opcode, and drops without
 * an answer what is not an RRQ or WRQ (an ERROR above all: CVE-2024-2169).
 */
#include <sys/socket.h>

#include <arpa/inet.h>
#include <errno.h>
#include <netdb.h>
#include <netinet/in.h>
#include <poll.h>
#include <pthread.h>
#include <signal.h>
#include <stdatomic.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include "common/addr.h"
#include "common/log.h"
#include "in.tftpd/tftpd.h"

#define JOBS_MAX	256	/* requests kept; --threads: transfers at once */

/* A request handed to a child or a thread, kept for duplicate(). */
struct job {
	pid_t			pid;	/* the child; 0 for a thread */
	atomic_bool		live;	/* a thread's, until it returns */
	struct tftpd		*d;
	struct tftpd_req	r;	/* what the thread serves */
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

static bool
alive(struct job *j)
{
	if (j->pid > 0)
		return kill(j->pid, 0) == 0;
	return atomic_load_explicit(&j->live, memory_order_acquire);
}

/*
 * A client whose first answer got lost sends its request again, from the
 * same port.  A second transfer for it would answer from a second TID,
 * which some clients (atftp: "unexpected OACK") treat as fatal.  So a
 * request equal to one whose transfer is still alive is dropped: that
 * transfer's own retransmission answers it.
 */
static bool
duplicate(struct job **jobs, const struct tftpd_req *r)
{
	struct job *j;
	size_t i;

	for (i = 0; i < JOBS_MAX; i++)
		if ((j = jobs[i]) != NULL && j->r.len == r->len &&
		    j->r.peer.sin_addr.s_addr == r->peer.sin_addr.s_addr &&
		    j->r.peer.sin_port == r->peer.sin_port &&
		    memcmp(j->r.buf, r->buf, r->len) == 0 && alive(j))
			return true;
	return false;
}

/* Threads still serving, for the idle exit. */
static bool
busy(struct job **jobs)
{
	size_t i;

	for (i = 0; i < JOBS_MAX; i++)
		if (jobs[i] != NULL && jobs[i]->pid == 0 && alive(jobs[i]))
			return true;
	return false;
}

static void *
thread_main(void *arg)
{
	struct job *j = arg;

	session_run(j->d, &j->r);
	atomic_store_explicit(&j->live, false, memory_order_release);
	return NULL;
}

/* The transfer as a thread, with every signal left to the listener. */
static int
start_thread(struct job *j)
{
	pthread_attr_t attr;
	pthread_t t;
	sigset_t all, old;
	int e;

	sigfillset(&all);
	pthread_attr_init(&attr);
	pthread_attr_setdetachstate(&attr, PTHREAD_CREATE_DETACHED);
	pthread_sigmask(SIG_SETMASK, &all, &old);
	atomic_store(&j->live, true);
	if ((e = pthread_create(&t, &attr, thread_main, j)) != 0)
		atomic_store(&j->live, false);
	pthread_sigmask(SIG_SETMASK, &old, NULL);
	pthread_attr_destroy(&attr);
	errno = e;
	return e == 0 ? 0 : -1;
}

/*
 * The slot for a new job: the oldest for a child (a ring), a free one for
 * a thread (a live thread still reads its job).  NULL: all threads busy.
 */
static struct job **
slot(struct tftpd *d, struct job **jobs, size_t *next)
{
	size_t i, k;

	for (i = 0; i < JOBS_MAX; i++) {
		k = (*next + i) % JOBS_MAX;
		if (!d->threads || jobs[k] == NULL || !alive(jobs[k])) {
			*next = (k + 1) % JOBS_MAX;
			return &jobs[k];
		}
	}
	return NULL;
}

static void
spawn(struct tftpd *d, const struct tftpd_req *r, struct job **jobs,
    size_t *next)
{
	struct job **sp, *j;

	if (duplicate(jobs, r)) {
		log_debug("duplicate request ignored");
		return;
	}
	if ((sp = slot(d, jobs, next)) == NULL) {
		log_warnx("%d transfers at once: request dropped", JOBS_MAX);
		return;
	}
	if ((j = *sp) == NULL && (j = *sp = calloc(1, sizeof(*j))) == NULL) {
		log_warn("calloc");
		return;
	}
	j->d = d;
	j->r = *r;
	j->pid = 0;
	if (d->threads) {
		if (start_thread(j) == -1)
			log_warn("pthread_create");
		return;
	}
	if ((j->pid = fork()) == -1)
		log_warn("fork");
	else if (j->pid == 0) {
		close(d->sock);
		log_procinit("transfer");
		session_run(d, r);
		_exit(0);
	}
}

void
server_run(struct tftpd *d)
{
	struct sigaction sa = { .sa_handler = SIG_IGN };
	struct job **jobs;
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
	    (jobs = calloc(JOBS_MAX, sizeof(*jobs))) == NULL)
		fatal("malloc");
	idle_ms = d->standalone || d->idle_s == 0 ? -1 : (int)d->idle_s * 1000;
	while (!quit) {
		if ((n = poll(&pfd, 1, idle_ms)) == -1) {
			if (errno != EINTR)
				fatal("poll");
			continue;
		}
		if (n == 0 && !busy(jobs))
			break;		/* idle: xinetd takes the socket back */
		/* Only a request is answered here (tftp_pkt_is_request()). */
		if (n > 0 && recv_req(d->sock, r) == 0 &&
		    tftp_pkt_is_request(r->buf, r->len))
			spawn(d, r, jobs, &next);
	}
	if (d->pidfile != NULL && quit)
		unlink(d->pidfile);
	/* The jobs stay: a thread may read its own until exit(). */
	free(r);
}
