/* SPDX-License-Identifier: ISC */
/*
 * RFC 2090 multicast sessions, kept by the listener itself (mcast.c):
 * one per file, each a socket of its own polled beside the listening one.
 */
#ifndef TFTPD_MCAST_H
#define TFTPD_MCAST_H

#include <poll.h>
#include <stdbool.h>
#include <stdint.h>

#include "in.tftpd/tftpd.h"

#define MCAST_SESSIONS	32	/* at once, at most */
#define MCAST_CLIENTS	512	/* per session */

struct mcast;

/* The sessions of d; fatal if they cannot be allocated. */
struct mcast	*mcast_new(struct tftpd *d);
/*
 * Whether request r (at now, monotonic ms) was taken into a multicast
 * session: an octet RRQ with the multicast option, --mcast-range given,
 * the file found and small enough.  false: serve it as before (unicast;
 * the transfer answers refusals).
 */
bool		 mcast_request(struct mcast *, const struct tftpd_req *r,
		    int64_t now);
/* Fills pfd[] (at most cap) with the sessions' sockets; their count. */
nfds_t		 mcast_pollfds(struct mcast *, struct pollfd *pfd, nfds_t cap);
/* After poll(): reads what came, runs the timers, sends what is due. */
void		 mcast_run(struct mcast *, const struct pollfd *pfd, nfds_t n,
		    int64_t now);
/* When mcast_run() must run next (monotonic ms), or 0: no timer. */
int64_t		 mcast_due(const struct mcast *);
/* Whether a session runs (inetd's idle exit waits for it). */
bool		 mcast_busy(const struct mcast *);

#endif
