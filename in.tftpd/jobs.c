// SPDX-License-Identifier: ISC
/*
 * What the listener does with a datagram: only an RRQ or WRQ starts a
 * transfer, in a forked child (tftp-hpa's model) or with --threads in a
 * thread; anything else is dropped unanswered.  Before a transfer starts
 * the core (tftp_limit) admits it against --max-transfers and
 * --max-per-source; a request over a limit is dropped, not refused, so
 * that its client retries it as RFC 1350 clients do and is served once a
 * transfer ends (an ERROR would fail a PXE boot outright, and would answer
 * a spoofed address).  The listener stops reading while jobs_full(), so
 * requests over --max-transfers wait in the socket instead; a copy of a
 * request that was still waiting there when its transfer began is not
 * served again (tftp_recent).  Each job is counted until its child is reaped
 * (SIGCHLD wakes server.c's poll() through a self-pipe, and the loop calls
 * jobs_reap()) or its thread is seen to have returned (before each
 * request, and at the idle check).  Drops are logged at most LOGLIM_MAX
 * times a minute per kind.
 */
#include <sys/types.h>
#include <sys/wait.h>

#include <errno.h>
#include <pthread.h>
#include <signal.h>
#include <stdatomic.h>
#include <stdlib.h>
#include <string.h>
#include <syslog.h>
#include <time.h>
#include <unistd.h>

#include "common/addr.h"
#include "common/log.h"
#include "in.tftpd/jobs.h"
#include "in.tftpd/tftp_limit.h"

#define LOGLIM_MAX	10		/* lines per kind and window */
#define LOGLIM_MS	60000
#define RECENT_CAP	8192		/* transfers begun, remembered */

/* A request handed to a child or a thread. */
struct job {
	bool			used;	/* running, counted in lim */
	pid_t			pid;	/* the child; 0 for a thread */
	atomic_bool		live;	/* a thread's, until it returns */
	struct tftpd		*d;
	struct tftpd_req	r;	/* what the thread serves */
};

struct jobs {
	struct tftpd		*d;
	struct job		*job;	/* d->max_transfers of them */
	size_t			 njob;
	struct tftp_limit	 lim;
	struct tftp_limit_src	*src;	/* lim's table */
	struct tftp_recent	 recent;
	struct tftp_recent_ent	*recent_tab;
	struct tftp_loglim	 ll_full, ll_source, ll_debug;
};

struct jobs *
jobs_new(struct tftpd *d)
{
	struct jobs *js;

	if ((js = calloc(1, sizeof(*js))) == NULL ||
	    (js->job = calloc(d->max_transfers, sizeof(*js->job))) == NULL ||
	    (js->src = calloc(d->max_transfers, sizeof(*js->src))) == NULL ||
	    (js->recent_tab = calloc(RECENT_CAP,
	    sizeof(*js->recent_tab))) == NULL)
		fatal("jobs");
	tftp_recent_init(&js->recent, js->recent_tab, RECENT_CAP);
	js->d = d;
	js->njob = d->max_transfers;
	tftp_limit_init(&js->lim, js->src, js->njob, d->max_transfers,
	    d->max_per_source);
	return js;
}

/* A job ended: its slot and its count are free again. */
static void
job_end(struct jobs *js, struct job *j)
{
	if (tftp_limit_release(&js->lim,
	    ntohl(j->r.peer.sin_addr.s_addr)) == -1)
		log_warnx("transfer count lost");
	j->used = false;
	j->pid = 0;
}

void
jobs_reap(struct jobs *js)
{
	pid_t pid;
	size_t i;
	int st;

	while ((pid = waitpid(-1, &st, WNOHANG)) > 0)
		for (i = 0; i < js->njob; i++)
			if (js->job[i].used && js->job[i].pid == pid) {
				job_end(js, &js->job[i]);
				break;
			}
	for (i = 0; i < js->njob; i++)
		if (js->job[i].used && js->job[i].pid == 0 &&
		    !atomic_load_explicit(&js->job[i].live,
		    memory_order_acquire))
			job_end(js, &js->job[i]);
}

bool
jobs_full(const struct jobs *js)
{
	return js->lim.total >= js->lim.max_total;
}

bool
jobs_busy(const struct jobs *js)
{
	size_t i;

	for (i = 0; i < js->njob; i++)
		if (js->job[i].used && js->job[i].pid == 0)
			return true;
	return false;
}

/*
 * A client whose first answer got lost sends its request again, from the
 * same port.  A second transfer for it would answer from a second TID,
 * which some clients (atftp: "unexpected OACK") treat as fatal.  So a
 * request equal to one whose transfer is still running is dropped: that
 * transfer's own retransmission answers it.
 */
static bool
duplicate(const struct jobs *js, const struct tftpd_req *r)
{
	const struct job *j;
	size_t i;

	for (i = 0; i < js->njob; i++)
		if ((j = &js->job[i])->used && j->r.len == r->len &&
		    j->r.peer.sin_addr.s_addr == r->peer.sin_addr.s_addr &&
		    j->r.peer.sin_port == r->peer.sin_port &&
		    memcmp(j->r.buf, r->buf, r->len) == 0)
			return true;
	return false;
}

static void *
thread_main(void *arg)
{
	struct job *j = arg;
	ssize_t n;

	session_run(j->d, &j->r);
	atomic_store_explicit(&j->live, false, memory_order_release);
	/* A slot is free: wake the listener as a child's SIGCHLD does. */
	n = write(j->d->wake[1], "t", 1);
	(void)n;
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

/* The transfer in a child, which keeps nothing of the listener's. */
static int
start_child(struct job *j)
{
	struct sigaction sa = { .sa_handler = SIG_DFL };

	if ((j->pid = fork()) == -1)
		return -1;
	if (j->pid == 0) {
		sigaction(SIGCHLD, &sa, NULL);
		close(j->d->sock);
		close(j->d->wake[0]);
		close(j->d->wake[1]);
		log_procinit("transfer");
		session_run(j->d, &j->r);
		_exit(0);
	}
	return 0;
}

/* Logs a dropped request, at most LOGLIM_MAX lines a minute per kind. */
static void
dropped(struct tftp_loglim *ll, int64_t now, int pri, const char *peer,
    const char *why)
{
	unsigned held;

	if (pri == LOG_DEBUG && log_getverbose() < 2)
		return;
	if (!tftp_loglim_ok(ll, now, LOGLIM_MAX, LOGLIM_MS, &held))
		return;
	if (held > 0)
		logit(pri, "%s: request dropped: %s (and %u more since)",
		    peer, why, held);
	else
		logit(pri, "%s: request dropped: %s", peer, why);
}

void
jobs_request(struct jobs *js, const struct tftpd_req *r, int64_t now)
{
	struct tftpd *d = js->d;
	char peer[IP4_STRLEN];
	enum tftp_admit v;
	struct timespec ts;
	struct job *j;
	uint32_t hash;
	size_t i;

	ip4_ntoa(ntohl(r->peer.sin_addr.s_addr), peer);
	/* Only a request is answered here (tftp_pkt_is_request()). */
	if (!tftp_pkt_is_request(r->buf, r->len)) {
		dropped(&js->ll_debug, now, LOG_DEBUG, peer, "not a request");
		return;
	}
	jobs_reap(js);
	if (duplicate(js, r)) {
		dropped(&js->ll_debug, now, LOG_DEBUG, peer, "duplicate");
		return;
	}
	hash = tftp_recent_hash(r->buf, r->len);
	if (tftp_recent_copy(&js->recent, ntohl(r->peer.sin_addr.s_addr),
	    ntohs(r->peer.sin_port), hash, r->arrived)) {
		dropped(&js->ll_debug, now, LOG_DEBUG, peer,
		    "a copy sent before its transfer began");
		return;
	}
	if ((v = tftp_limit_take(&js->lim, ntohl(r->peer.sin_addr.s_addr))) ==
	    TFTP_ADMIT_SOURCE) {
		dropped(&js->ll_source, now, LOG_WARNING, peer,
		    "--max-per-source reached");
		return;
	} else if (v == TFTP_ADMIT_FULL) {
		dropped(&js->ll_full, now, LOG_WARNING, peer,
		    "--max-transfers reached");
		return;
	}
	/* Each used slot is counted and lim said yes: one is free. */
	for (i = 0; i < js->njob && js->job[i].used; i++)
		;
	if (i == js->njob) {
		tftp_limit_release(&js->lim, ntohl(r->peer.sin_addr.s_addr));
		log_warnx("%s: request dropped: no free slot", peer);
		return;
	}
	j = &js->job[i];
	j->used = true;
	j->d = d;
	j->r = *r;
	j->pid = 0;
	if ((d->threads ? start_thread(j) : start_child(j)) == -1) {
		log_warn("%s: %s", peer, d->threads ? "pthread_create" :
		    "fork");
		job_end(js, j);
		return;
	}
	clock_gettime(CLOCK_REALTIME, &ts);
	tftp_recent_add(&js->recent, ntohl(r->peer.sin_addr.s_addr),
	    ntohs(r->peer.sin_port), hash,
	    (int64_t)ts.tv_sec * 1000 + ts.tv_nsec / 1000000);
}
