/* SPDX-License-Identifier: ISC */
/*
 * One transfer a child serves: its state, which session.c fills (sockets,
 * the request, the open file, the log line), and the event loop that runs
 * it (transfer.c).  transfer.c also sends the ERROR packets, for both.
 */
#ifndef TFTPD_TRANSFER_H
#define TFTPD_TRANSFER_H

#include <time.h>

#include "common/addr.h"
#include "in.tftpd/file.h"
#include "in.tftpd/tftp_xfer.h"
#include "in.tftpd/tftpd.h"

struct session {
	struct tftpd		*d;
	const struct tftpd_req	*r;
	int			 s;		/* connected to the client */
	int			 stray;		/* same port, other TIDs */
	int64_t			 stray_due;	/* drain it then (ms) */
	int64_t			 rcvto_ms;	/* SO_RCVTIMEO of s, 0: none */
	int64_t			 now;		/* monotonic ms, per packet */
	int			 fd;		/* the file */
	char			 peer[IP4_STRLEN];
	char			 mac[MAC_PXESTRLEN];	/* or "" */
	const char		*opname;
	char			 name[4 * TFTP_FILE_MAX + 1];	/* vis'd */
	bool			 refused;	/* logged by sess_request */
	struct tftp_req		 req;
	struct tftp_params	 par;
	struct tftp_xfer	 x;
	struct blksrc		 src;
	struct blksink		 sink;
	uint8_t			 oack[TFTP_SEGSIZE];
	size_t			 oacklen;
	struct timespec		 start;
	char			 result[16];	/* "ok", "timeout", "E2"... */
	uint8_t			 buf[TFTP_HDRLEN + TFTP_BLKSIZE_MAX + 1];
};

/* ERROR code msg to the client; ss->result becomes "E<code>". */
void	sess_error(struct session *, uint16_t code, const char *msg);
/* Runs the negotiated transfer to its end; ss->result says how it ended. */
void	sess_transfer(struct session *);

#endif
