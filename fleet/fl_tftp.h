/* SPDX-License-Identifier: ISC */
/*
 * The TFTP read of a simulated client, as iPXE (fetching pxelinux.0) and
 * pxelinux (everything after) do it: one RRQ with their options in their
 * order (iPXE "blksize 1432 tsize 0", pxelinux "tsize 0 blksize 1408"),
 * retransmitted by the waits of fl_sched.h; the first answer from the
 * server fixes its port, and packets from other ports are dropped unread as
 * a connected socket drops them; lock-step ACKs, or RFC 7440 windows when a
 * windowsize is asked for (pxelinux never asks; the generator may).  Like
 * pxelinux a DATA block other than the next one is answered by the ACK of
 * the last block in order, the wait restarts at the table's start for every
 * block received in order, and the last block is ACKed once, without the
 * dally of RFC 1350.  Like pxelinux an OACK with an option not asked for is
 * refused with ERROR 8.  File data is counted, not kept: the caller takes
 * it from the action.  Pure; no clock: the caller arms the wait it is told.
 */
#ifndef FL_TFTP_H
#define FL_TFTP_H

#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>

#include "fleet/fl_sched.h"

#define FL_TFTP_NAMEMAX	255
#define FL_TFTP_OUTMAX	(4 + FL_TFTP_NAMEMAX + 1 + 64)

enum fl_tftp_status {
	FL_TFTP_CONTINUE,
	FL_TFTP_DONE,
	FL_TFTP_FAIL
};

struct fl_tftp_conf {
	const char	*file;
	enum fl_wait	 wait;		/* FL_W_IPXE_TFTP or FL_W_PXELINUX */
	uint16_t	 blksize;	/* asked for */
	uint16_t	 windowsize;	/* > 1: asked for */
	bool		 ipxe_order;	/* blksize before tsize */
};

struct fl_tftp_act {
	enum fl_tftp_status	 status;
	const uint8_t		*send;		/* NULL: nothing */
	size_t			 sendlen;
	uint16_t		 port;		/* the server's */
	bool			 arm;		/* (re)start the wait */
	int64_t			 wait;		/* microseconds */
	const uint8_t		*data;		/* file bytes received */
	size_t			 datalen;
	int			 errcode;	/* FAIL: TFTP code, or -1 */
	const char		*errstr;	/* FAIL: why */
};

struct fl_tftp {
	struct fl_tftp_conf	 conf;
	char			 file[FL_TFTP_NAMEMAX + 1];
	bool			 started, ended;
	uint16_t		 peer;		/* 0: no answer yet */
	uint16_t		 blksize, window;
	uint16_t		 block;		/* last block in order */
	uint16_t		 acked;		/* last block ACKed */
	unsigned		 k;		/* transmissions in this wait */
	uint64_t		 bytes;
	bool			 have_tsize;
	uint64_t		 tsize;
	unsigned		 sent, retrans, dups;
	uint8_t			 out[FL_TFTP_OUTMAX];
	size_t			 outlen;
	uint8_t			 err[FL_TFTP_OUTMAX];
};

/*
 * Sends the RRQ (to port 69) and arms the first wait; -1 with a->errstr
 * for an empty or too long name.
 */
int	fl_tftp_start(struct fl_tftp *, const struct fl_tftp_conf *,
	    uint64_t rnd, struct fl_tftp_act *);
/* A datagram from the server's address, from port `from'. */
void	fl_tftp_on_packet(struct fl_tftp *, const uint8_t *pkt, size_t len,
	    uint16_t from, uint64_t rnd, struct fl_tftp_act *);
/* The armed wait ran out: retransmit, or fail ("timeout"). */
void	fl_tftp_on_timeout(struct fl_tftp *, uint64_t rnd,
	    struct fl_tftp_act *);

#endif
