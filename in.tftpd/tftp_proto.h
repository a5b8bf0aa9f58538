/* SPDX-License-Identifier: ISC */
/*
 * TFTP wire format: request parsing (RFC 1350 RRQ/WRQ with RFC 2347 option
 * pairs), table-driven option negotiation (RFC 2348 blksize, RFC 2349
 * tsize and timeout, RFC 7440 windowsize) building the OACK, and the small
 * packets of a transfer (DATA header, ACK, ERROR) both ways.  Pure: bytes
 * and structs in, bytes and a status plus errstr out; no I/O, no
 * allocation, no logging.
 */
#ifndef TFTP_PROTO_H
#define TFTP_PROTO_H

#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>

#include "common/buf.h"
#include "common/tftp.h"

#define TFTP_FILE_MAX	512	/* longest file name accepted, without NUL */
#define TFTP_REQ_MAX	2048	/* receive buffer for a request */

enum tftp_mode {
	TFTP_MODE_OCTET,
	TFTP_MODE_NETASCII
};

/* The options this server negotiates; the order of the table in .c. */
enum tftp_optid {
	TFTP_OPT_BLKSIZE,
	TFTP_OPT_TSIZE,
	TFTP_OPT_TIMEOUT,
	TFTP_OPT_WINDOWSIZE,
	TFTP_NOPTS
};

struct tftp_req {
	uint16_t	 op;		/* TFTP_RRQ or TFTP_WRQ */
	enum tftp_mode	 mode;
	char		 file[TFTP_FILE_MAX + 1];	/* as the client sent it */
	size_t		 filelen;
	unsigned	 nopts;			/* known options, request order */
	enum tftp_optid	 order[TFTP_NOPTS];
	uint64_t	 val[TFTP_NOPTS];	/* valid where has[] */
	bool		 has[TFTP_NOPTS];
	bool		 multicast;	/* RFC 2090 asked (empty value) */
	bool		 garbage;	/* bytes after the last complete pair */
	unsigned	 ignored;	/* unknown or malformed options */
};

/*
 * Parses a request of len bytes into *req.  Filename and mode must each end
 * in a NUL inside the packet; the mode is compared case-insensitively
 * without touching the buffer.  Unknown options and options whose value is
 * not a plain decimal in range are ignored (counted in req->ignored), as
 * is a multicast option with a value (RFC 2090's has none), a
 * repeated option keeps its first value, and an incomplete pair at the end
 * (OpenFirmware and PA-RISC clients pad requests) sets req->garbage.
 * Returns 0, or -1 with *errstr and *code (the TFTP error to answer).
 */
int	tftp_req_parse(const uint8_t *pkt, size_t len, struct tftp_req *req,
	    uint16_t *code, const char **errstr);

/* What the server allows; bit (1u << optid) in refuse disables an option. */
struct tftp_policy {
	uint16_t	blksize_max;	/* min(-B, MTU - 32) */
	uint16_t	window_max;
	uint32_t	timeout_ms;	/* initial retransmit timeout (-T) */
	unsigned	refuse;
};

/* What the transfer uses once negotiation is over. */
struct tftp_params {
	uint16_t	blksize;
	uint16_t	windowsize;
	uint32_t	timeout_ms;
	bool		oack;		/* an OACK was built */
};

/*
 * Negotiates req's options against pol and writes the OACK into *oack
 * (acknowledged options in request order).  filesize is the tsize to
 * report for an RRQ, or -1 when it is unknown (netascii), in which case
 * tsize is not acknowledged; a WRQ's tsize is echoed.  Fills *par (RFC 1350
 * defaults for what was not negotiated).  Returns 0, or -1 if the OACK did
 * not fit in the buffer (*errstr).
 */
int	tftp_negotiate(const struct tftp_req *req, const struct tftp_policy *pol,
	    int64_t filesize, struct tftp_params *par, struct wbuf *oack,
	    const char **errstr);

/* The canonical name of an option ("blksize"), or NULL. */
const char *tftp_opt_name(enum tftp_optid);
/* The option called name (case-insensitive), or -1. */
int	tftp_opt_lookup(const char *name);

/* A packet from the client during a transfer. */
struct tftp_pkt {
	uint16_t	 op;
	uint16_t	 block;		/* DATA, ACK */
	uint16_t	 code;		/* ERROR */
	const uint8_t	*data;		/* DATA payload, ERROR message */
	size_t		 datalen;
};

/* 0, or -1 with *errstr for a packet too short for its opcode. */
int	tftp_pkt_parse(const uint8_t *pkt, size_t len, struct tftp_pkt *p,
	    const char **errstr);

/*
 * Whether a datagram on the listening port is a request (RRQ or WRQ, even
 * a malformed one: its transfer answers that with an ERROR).  Anything
 * else gets no answer at all, as in tftp-hpa and OpenBSD tftpd: an answer
 * to an ERROR or a stray ACK or DATA is what lets two servers, or a
 * spoofed packet between two ports, bounce packets forever
 * (CVE-2024-2169).
 */
bool	tftp_pkt_is_request(const uint8_t *pkt, size_t len);
/*
 * Whether a packet from a foreign TID (not the transfer's client address
 * and port) gets ERROR 5 (RFC 1350 section 4): yes, unless it is an ERROR
 * itself or too short to carry an opcode.  An ERROR is never answered
 * (RFC 1350 section 7): answered, a spoofed ERROR sent from one transfer's
 * port to another's bounces between them (CVE-2024-2169).
 */
bool	tftp_pkt_answer_foreign(const uint8_t *pkt, size_t len);

/* Builders; each returns the packet length (0 if cap is too small). */
size_t	tftp_ack_build(uint8_t *buf, size_t cap, uint16_t block);
size_t	tftp_data_hdr(uint8_t *buf, size_t cap, uint16_t block);
/* msg is truncated to fit; a NUL always ends it. */
size_t	tftp_error_build(uint8_t *buf, size_t cap, uint16_t code,
	    const char *msg);

#endif
