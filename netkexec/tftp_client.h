/* SPDX-License-Identifier: ISC */
/*
 * The client side of a TFTP read (RFC 1350) with option negotiation
 * (RFC 2347) for blksize (RFC 2348) and tsize (RFC 2349), as a state machine
 * that does no I/O.  The shell feeds it packets and timer expiries; each
 * call fills a struct tftpc_action: bytes to send and where, whether to
 * (re)arm the retransmission timer, file data to append, and whether the
 * transfer continues, is done or failed.  It does not resolve names, open
 * sockets, read the clock or filter by IP address (the shell does).
 */
#ifndef NK_TFTP_CLIENT_H
#define NK_TFTP_CLIENT_H

#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>

#include "common/tftp.h"

#define TFTPC_PKTMAX		(TFTP_HDRLEN + TFTP_BLKSIZE_MAX)
#define TFTPC_NAMEMAX		255
#define TFTPC_OUTMAX		(TFTPC_NAMEMAX + 64)

struct tftpc_conf {
	const char	*file;
	uint16_t	 port;		/* the server's; 0: TFTP_PORT */
	uint16_t	 blksize;	/* to ask for; 0: do not ask */
	bool		 tsize;		/* ask for the size */
	unsigned	 timeout_ms;	/* per try */
	unsigned	 retries;	/* retransmissions before giving up */
	uint64_t	 maxsize;	/* refuse a longer file; 0: no limit */
};

enum tftpc_status {
	TFTPC_CONTINUE,
	TFTPC_DONE,
	TFTPC_FAIL
};

struct tftpc_action {
	enum tftpc_status	 status;
	const uint8_t		*send;		/* NULL: nothing to send */
	size_t			 sendlen;
	uint16_t		 port;		/* destination of send */
	bool			 arm;		/* restart the timer */
	unsigned		 timeout_ms;
	const uint8_t		*data;		/* file bytes to append */
	size_t			 datalen;
	/* FAIL: why; CONTINUE: why a packet was ignored (debug), or NULL */
	const char		*errstr;
	int			 errcode;	/* the server's code, -1: ours */
};

enum tftpc_state {
	TFTPC_S_RRQ,		/* request sent, no answer yet */
	TFTPC_S_DATA,		/* receiving blocks */
	TFTPC_S_END		/* done or failed: every call is a no-op */
};

struct tftpc {
	struct tftpc_conf	 conf;
	enum tftpc_state	 state;
	enum tftpc_status	 end;
	bool			 opts_sent;
	uint16_t		 peer;		/* server TID; 0: not yet */
	uint16_t		 blksize;
	uint16_t		 block;		/* last block received */
	uint64_t		 received;
	bool			 have_tsize;
	uint64_t		 tsize;
	unsigned		 tries;
	uint8_t			 out[TFTPC_OUTMAX];	/* last request/ACK */
	size_t			 outlen;
	uint16_t		 outport;
	uint8_t			 err[TFTPC_OUTMAX];	/* errors we send */
	char			 msg[160];
};

/*
 * Starts a read of conf->file: *a says to send the RRQ to conf->port and arm
 * the timer.  conf->file is referenced, not copied.  Returns 0, or -1 with
 * a->errstr ("file name too long", "empty file name", "bad blksize") and
 * nothing to send.
 */
int	tftpc_start(struct tftpc *, const struct tftpc_conf *,
	    struct tftpc_action *);
/*
 * A datagram of len bytes from the server's address, source port `from'.
 * a->data, when set, points into pkt: the caller appends it before the
 * next call.
 */
void	tftpc_on_packet(struct tftpc *, const uint8_t *pkt, size_t len,
	    uint16_t from, struct tftpc_action *);
/* The armed timer expired: retransmit, or fail after conf.retries. */
void	tftpc_on_timeout(struct tftpc *, struct tftpc_action *);

#endif
