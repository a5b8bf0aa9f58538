/* SPDX-License-Identifier: ISC */
/*
 * The listener's transfers (jobs.c): which datagrams start one, the
 * children and threads running them, and their count against
 * --max-transfers and --max-per-source.
 */
#ifndef TFTPD_JOBS_H
#define TFTPD_JOBS_H

#include <stdbool.h>
#include <stdint.h>

#include "in.tftpd/tftpd.h"

struct jobs;

/* The table for d's limits; fatal if it cannot be allocated. */
struct jobs	*jobs_new(struct tftpd *d);
/*
 * A datagram from the listening socket, at now (monotonic ms): starts a
 * transfer for it in a child or a thread, or drops it (not a request, a
 * duplicate, or over a limit), logging drops at a bounded rate.
 */
void		 jobs_request(struct jobs *, const struct tftpd_req *,
		    int64_t now);
/* Reaps the children that exited and the threads that returned. */
void		 jobs_reap(struct jobs *);
/* Whether --max-transfers transfers run: no request could start now. */
bool		 jobs_full(const struct jobs *);
/* Whether a thread still serves (inetd's idle exit waits for it). */
bool		 jobs_busy(const struct jobs *);

#endif
