// SPDX-License-Identifier: ISC
/*
 * RFC 2090 multicast sessions, kept by the listener: one process holds
 * every session, so "one session per file" needs no message between
 * processes and no race between a session ending and a client joining it.
 * The cost is small: a session's work per block is one pread(2) and one
 * sendto(2), paced by its master's ACKs, all non-blocking and polled with
 * the listening socket.  A request joins the session for the same file
 * (the same name asked, the same inode, size and mtime: a file swapped
 * since starts a new session) with the same block size and timeout, from
 * the same local address; else it starts one, on the first free group
 * and port of --mcast-range, from a socket of its own (its TID: OACKs to
 * each client, DATA to the group, ACKs back).  tftp_mcast decides.
 * Packets on that socket other than the master's ACKs and ERRORs are
 * ignored: listeners may ACK too, and an answer would only add traffic.
 */
#include <sys/socket.h>
#include <sys/stat.h>

#include <netinet/in.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>
#include <unistd.h>
#define LIBBSD_OPENBSD_VIS
#include <vis.h>

#include "common/addr.h"
#include "common/log.h"
#include "in.tftpd/file.h"
#include "in.tftpd/mcast.h"
#include "in.tftpd/mcast_sess.h"
#include "in.tftpd/sock.h"

struct mcast {
	struct tftpd	*d;
	unsigned	 ids;
	struct msess	 ses[MCAST_SESSIONS];
};

struct mcast *
mcast_new(struct tftpd *d)
{
	struct mcast *m;

	if ((m = calloc(1, sizeof(*m))) == NULL)
		fatal("mcast");
	m->d = d;
	return m;
}

static int64_t
real_ms(void)
{
	struct timespec ts;

	clock_gettime(CLOCK_REALTIME, &ts);
	return (int64_t)ts.tv_sec * 1000 + ts.tv_nsec / 1000000;
}

/* The session for this file and these parameters, if one runs. */
static struct msess *
sess_find(struct mcast *m, const struct tftp_req *req, const struct stat *st,
    const struct tftp_params *par, struct in_addr local)
{
	struct msess *ses;
	size_t i;

	for (i = 0; i < MCAST_SESSIONS; i++) {
		ses = &m->ses[i];
		if (ses->used && strcmp(ses->file, req->file) == 0 &&
		    ses->st.st_dev == st->st_dev &&
		    ses->st.st_ino == st->st_ino &&
		    ses->st.st_size == st->st_size &&
		    ses->st.st_mtim.tv_sec == st->st_mtim.tv_sec &&
		    ses->st.st_mtim.tv_nsec == st->st_mtim.tv_nsec &&
		    ses->par.blksize == par->blksize &&
		    ses->par.timeout_ms == par->timeout_ms &&
		    ses->local.s_addr == local.s_addr)
			return ses;
	}
	return NULL;
}

/* A free slot on the first free pair of the range, with its socket. */
static struct msess *
sess_new(struct mcast *m, const struct tftpd_req *r)
{
	struct tftpd *d = m->d;
	struct msess *ses = NULL;
	struct ip_mreqn mr = { .imr_address = r->local,
	    .imr_ifindex = r->ifindex };
	uint64_t k, n = tftp_mc_range_count(&d->mc_range);
	size_t i;

	for (i = 0; i < MCAST_SESSIONS && ses == NULL; i++)
		if (!m->ses[i].used)
			ses = &m->ses[i];
	if (ses == NULL)
		return NULL;
	/* at most MCAST_SESSIONS - 1 pairs are taken: one of these is free */
	for (k = 0; k < n && k < MCAST_SESSIONS; k++) {
		for (i = 0; i < MCAST_SESSIONS; i++)
			if (m->ses[i].used && m->ses[i].pair == k)
				break;
		if (i == MCAST_SESSIONS)
			break;
	}
	if (k == n || k == MCAST_SESSIONS)
		return NULL;
	memset(ses, 0, sizeof(*ses));
	if ((ses->s = socket(AF_INET, SOCK_DGRAM | SOCK_NONBLOCK |
	    SOCK_CLOEXEC, 0)) == -1 || sock_bind(d, ses->s, r->local) == -1 ||
	    setsockopt(ses->s, IPPROTO_IP, IP_MULTICAST_TTL, &d->mc_ttl,
	    sizeof(d->mc_ttl)) == -1 || setsockopt(ses->s, IPPROTO_IP,
	    IP_MULTICAST_IF, &mr, sizeof(mr)) == -1 ||
	    (ses->cl = calloc(MCAST_CLIENTS, sizeof(*ses->cl))) == NULL) {
		log_warn("multicast session");
		if (ses->s != -1)
			close(ses->s);
		return NULL;
	}
	ses->pair = k;
	tftp_mc_range_pick(&d->mc_range, k, &ses->group, &ses->port);
	ses->local = r->local;
	ses->pidx = (nfds_t)-1;
	ses->id = ++m->ids;
	return ses;
}

/* Other clients from ip (not port) in the session, not yet ended. */
static unsigned
from_ip(const struct msess *ses, uint32_t ip, uint16_t port)
{
	unsigned n = 0;
	size_t i;

	for (i = 0; i < ses->mc.ncl; i++)
		if (ses->cl[i].ip == ip && ses->cl[i].port != port &&
		    (ses->cl[i].state == MC_WAITING ||
		    ses->cl[i].state == MC_MASTER))
			n++;
	return n;
}

/* Opens and negotiates r's file for a session: fd, or -1 to go unicast. */
static int
mc_open(struct mcast *m, const struct tftpd_req *r, struct tftp_req *req,
    struct stat *st, struct tftp_params *par, uint8_t *oack, size_t *len)
{
	struct tftpd *d = m->d;
	struct tftp_policy pol = { sock_blksize_max(d, d->sock, r->ifindex),
	    TFTPD_WINMAX, d->timeout_us / 1000,
	    d->refuse | 1u << TFTP_OPT_WINDOWSIZE };
	char mac[MAC_PXESTRLEN], name[TFTP_FILE_MAX + 1];
	const char *errstr, *msg;
	uint16_t code;
	struct wbuf w;
	off_t size;
	int fd;

	sock_client_mac(d, d->sock, r, mac);
	if ((fd = file_lookup(d, req, ntohl(r->peer.sin_addr.s_addr), mac,
	    name, &size, &code, &msg, &errstr)) == -1)
		return -1;
	wbuf_init(&w, oack, TFTP_MC_OACKMAX);
	if (fstat(fd, st) == -1 || tftp_negotiate(req, &pol, (int64_t)size,
	    par, &w, &errstr) == -1 ||
	    (uint64_t)size / par->blksize + 1 > TFTP_MC_BLOCKS) {
		close(fd);
		return -1;
	}
	*len = (size_t)wbuf_len(&w);
	return fd;
}

bool
mcast_request(struct mcast *m, const struct tftpd_req *r, int64_t now)
{
	struct tftpd *d = m->d;
	struct tftp_req req;
	struct tftp_params par;
	struct msess *ses;
	struct stat st;
	uint8_t oack[TFTP_MC_OACKMAX];
	const char *errstr;
	uint32_t ip = ntohl(r->peer.sin_addr.s_addr);
	uint16_t code;
	size_t len;
	bool fresh = false;
	int fd;

	if (!d->mcast || tftp_req_parse(r->buf, r->len, &req, &code,
	    &errstr) == -1 || req.op != TFTP_RRQ || !req.multicast ||
	    req.mode != TFTP_MODE_OCTET ||
	    (fd = mc_open(m, r, &req, &st, &par, oack, &len)) == -1)
		return false;
	if ((ses = sess_find(m, &req, &st, &par, r->local)) != NULL)
		close(fd);
	else if ((ses = sess_new(m, r)) != NULL) {
		fresh = true;
		ses->fd = fd;
		ses->st = st;
		ses->par = par;
		strlcpy(ses->file, req.file, sizeof(ses->file));
		tftp_mc_init(&ses->mc, ses->cl, MCAST_CLIENTS,
		    (uint32_t)(st.st_size / par.blksize + 1), par.timeout_ms,
		    par.timeout_ms * 8, d->retries);
	} else {
		close(fd);
		return false;
	}
	if (from_ip(ses, ip, ntohs(r->peer.sin_port)) >= d->max_per_source ||
	    tftp_mc_join(&ses->mc, ip, ntohs(r->peer.sin_port), oack, len,
	    real_ms()) == -1) {
		if (fresh) {
			close(ses->s);
			close(ses->fd);
			free(ses->cl);
		}
		return false;
	}
	ses->used = true;
	if (fresh || log_getverbose() > 0) {
		char peer[IP4_STRLEN], grp[IP4_STRLEN];
		char name[4 * TFTP_FILE_MAX + 1];

		ip4_ntoa(ip, peer);
		ip4_ntoa(ses->group, grp);
		strvis(name, ses->file, VIS_WHITE | VIS_CSTYLE | VIS_OCTAL);
		log_info("%s: RRQ %s: multicast session %u, %s:%u%s", peer,
		    name, ses->id, grp, ses->port, fresh ? ", new" : "");
	}
	msess_step(m->d, ses, now);
	return true;
}

nfds_t
mcast_pollfds(struct mcast *m, struct pollfd *pfd, nfds_t cap)
{
	nfds_t n = 0;
	size_t i;

	for (i = 0; i < MCAST_SESSIONS; i++) {
		m->ses[i].pidx = (nfds_t)-1;
		if (!m->ses[i].used || n == cap)
			continue;
		pfd[n].fd = m->ses[i].s;
		pfd[n].events = POLLIN;
		pfd[n].revents = 0;
		m->ses[i].pidx = n++;
	}
	return n;
}

void
mcast_run(struct mcast *m, const struct pollfd *pfd, nfds_t n, int64_t now)
{
	struct msess *ses;
	size_t i;

	for (i = 0; i < MCAST_SESSIONS; i++) {
		ses = &m->ses[i];
		if (!ses->used)
			continue;
		if (ses->pidx < n && (pfd[ses->pidx].revents & POLLIN))
			msess_drain(ses);
		msess_step(m->d, ses, now);
	}
}

int64_t
mcast_due(const struct mcast *m)
{
	int64_t due = 0, t;
	size_t i;

	for (i = 0; i < MCAST_SESSIONS; i++) {
		t = m->ses[i].mc.due;
		if (m->ses[i].used && t != 0 && (due == 0 || t < due))
			due = t;
	}
	return due;
}

bool
mcast_busy(const struct mcast *m)
{
	size_t i;

	for (i = 0; i < MCAST_SESSIONS; i++)
		if (m->ses[i].used)
			return true;
	return false;
}
