/* SPDX-License-Identifier: ISC */
/*
 * One multicast session as the listener keeps it (mcast.c finds and
 * starts sessions; mcast_sess.c does each one's I/O).  Shell code.
 */
#ifndef TFTPD_MCAST_SESS_H
#define TFTPD_MCAST_SESS_H

#include <poll.h>
#include <stdbool.h>
#include <stdint.h>
#include <sys/stat.h>

#include "in.tftpd/tftp_mcast.h"
#include "in.tftpd/tftpd.h"

struct msess {
	bool		 used;
	unsigned	 id;		/* for the log */
	int		 s;		/* its TID */
	int		 fd;		/* the file */
	nfds_t		 pidx;		/* its pollfd, or (nfds_t)-1 */
	struct stat	 st;
	struct in_addr	 local;
	uint32_t	 group;
	uint16_t	 port;
	uint64_t	 pair;		/* its index in --mcast-range */
	bool		 io;		/* a read failed: everyone fails */
	struct tftp_params par;
	char		 file[TFTP_FILE_MAX + 1];	/* as asked */
	struct tftp_mc	 mc;
	struct tftp_mc_client *cl;
	uint8_t		 buf[TFTP_HDRLEN + TFTP_BLKSIZE_MAX];
};

/*
 * Carries out what the core asks at now until it waits or every client
 * ended; then the session is closed (msess_close).
 */
void	msess_step(const struct tftpd *, struct msess *, int64_t now);
/* Reads what came on the session's socket: the master's ACKs, ERRORs. */
void	msess_drain(struct msess *);
/* Closes its socket and file, frees its clients; the slot is free. */
void	msess_close(struct msess *);

#endif
