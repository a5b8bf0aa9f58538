/* SPDX-License-Identifier: ISC */
/*
 * The transfer state machine of one TFTP session, both directions: the
 * sender side of an RRQ (lock-step or RFC 7440 windows) and the receiver
 * side of a WRQ.  It never touches a socket, a file or the clock: each
 * event (start, a packet from the client, the timer firing) returns the
 * next action for the shell to perform.  Block numbers are counted as
 * 64-bit logical indices and put on the wire modulo 65536, so transfers
 * roll over past block 65535 to 0 as tftp-hpa, curl and atftp expect.
 */
#ifndef TFTP_XFER_H
#define TFTP_XFER_H

#include <stdbool.h>
#include <stdint.h>

#include "in.tftpd/tftp_proto.h"

enum tftp_act_kind {
	TFTP_ACT_SEND,	/* send what the fields say, then arm timeout_ms */
	TFTP_ACT_WAIT,	/* send nothing; re-arm only if timeout_ms > 0 */
	TFTP_ACT_DONE,	/* finished successfully */
	TFTP_ACT_ABORT	/* failed: send ERROR code/msg if msg != NULL */
};

struct tftp_act {
	enum tftp_act_kind kind;
	bool		 oack;		/* SEND: the OACK (again) */
	bool		 write;		/* receiver: store the DATA payload */
	uint64_t	 first;		/* SEND: sender: first DATA block;
					   receiver: the block to ACK */
	unsigned	 count;		/* SEND: DATA blocks from first */
	uint32_t	 timeout_ms;
	uint16_t	 code;		/* ABORT: TFTP error code */
	const char	*msg;		/* ABORT: ERROR text, NULL: send none */
	const char	*why;		/* DONE: "ok"; ABORT: "timeout",
					   "unreachable", or NULL
					   for a TFTP error (code) sent or
					   received */
};

struct tftp_xfer {
	bool		sender;
	uint16_t	blksize;
	uint16_t	windowsize;
	uint32_t	timeout_ms;	/* negotiated initial timeout */
	uint32_t	cur_ms;		/* after backoff */
	uint32_t	max_ms;		/* backoff ceiling */
	unsigned	retries;
	unsigned	maxretries;
	uint32_t	stall_ms;	/* most time without progress, 0: any */
	uint32_t	stalled;	/* waited since the last progress */
	uint32_t	armed;		/* the wait armed last */
	bool		oack;		/* the OACK is not yet acknowledged */
	uint64_t	acked;		/* sender: last block ACKed; receiver:
					   last block received in order */
	uint64_t	sent;		/* sender: last block sent */
	uint64_t	last;		/* sender: final block once known */
	uint16_t	lastlen;	/* its length */
	bool		fin;		/* receiver: final block in, dallying */
	unsigned	inwin;		/* receiver: blocks since the last ACK */
	uint64_t	bytes;		/* receiver: payload bytes stored */
};

/*
 * Sets up a transfer with the negotiated parameters.  maxretries bounds the
 * retransmissions of one packet; the timeout doubles after each, up to
 * max_ms.
 */
void	tftp_xfer_init(struct tftp_xfer *, const struct tftp_params *,
	    bool sender, unsigned maxretries, uint32_t max_ms);
/*
 * Bounds the time the transfer waits without progress (no new ACK or DATA
 * from the client) to stall_ms, whatever the timeout and retries: each
 * armed wait is cut to what is left, and a timeout that uses it up aborts
 * with why "timeout".  0 (the default after init) sets no bound.
 */
void	tftp_xfer_set_stall(struct tftp_xfer *, uint32_t stall_ms);
/* The first action: the OACK, the first window, or ACK 0 for a WRQ. */
void	tftp_xfer_start(struct tftp_xfer *, struct tftp_act *);
/*
 * Sender: block `block' (a logical index) is the last one, len < blksize
 * bytes long.  The shell learns this while loading a block of a SEND and
 * stops sending after it.
 */
void	tftp_xfer_eof(struct tftp_xfer *, uint64_t block, uint16_t len);
/* A packet from the client, parsed by tftp_pkt_parse(). */
void	tftp_xfer_on_packet(struct tftp_xfer *, const struct tftp_pkt *,
	    struct tftp_act *);
/* The timer armed by the last action fired. */
void	tftp_xfer_on_timeout(struct tftp_xfer *, struct tftp_act *);
/*
 * The client's port is closed (ICMP port unreachable).  RFC 1350 lets a
 * client end as soon as it sent its final ACK; when that ACK is lost, the
 * retransmitted final window meets a closed port.  So a sender whose
 * window with the final block went out more than once, or a receiver
 * holding the final block, is DONE ("ok"), as if the ACK had come; any
 * other transfer is aborted with why "unreachable".
 */
void	tftp_xfer_on_gone(struct tftp_xfer *, struct tftp_act *);
/* Payload bytes acknowledged (sender) or stored (receiver) so far. */
uint64_t tftp_xfer_bytes(const struct tftp_xfer *);

#endif
