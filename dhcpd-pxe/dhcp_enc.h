/* SPDX-License-Identifier: ISC */
/*
 * DHCP reply encoding through a wbuf: the BOOTREPLY header, then options
 * within the client's budget (RFC 2132 §9.10 option 57, at least 576 bytes
 * of IP datagram, so 548 of DHCP message; never more than our buffer),
 * always keeping room for END.  Options that do not fit are left out and
 * reported; the caller puts the essential ones first.  Values over 255
 * bytes are split into consecutive options (RFC 3396).  Pure.
 */
#ifndef DHCP_ENC_H
#define DHCP_ENC_H

#include "dhcpd-pxe/dhcp_msg.h"

#define DHCP_BOOTP_MIN	300	/* RFC 1542 §2.1: pad replies to this */

struct dhcp_hdr {
	uint32_t	xid;
	uint16_t	secs, flags;
	uint32_t	ciaddr, yiaddr, siaddr, giaddr;
	uint8_t		hops;
	uint8_t		chaddr[16];
	char		sname[64];	/* NUL-terminated, or "" */
	char		file[128];
};

struct dhcp_enc {
	struct wbuf	w;
	size_t		limit;		/* bytes the message may use */
	unsigned	dropped;	/* options that did not fit */
};

/* maxsize: the client's option 57 (IP datagram size) or 0 if absent. */
void	dhcp_enc_init(struct dhcp_enc *, uint8_t *buf, size_t cap,
	    uint16_t maxsize);
void	dhcp_enc_header(struct dhcp_enc *, const struct dhcp_hdr *);
/* 0, or -1 if it did not fit (nothing written; e->dropped counts it). */
int	dhcp_enc_opt(struct dhcp_enc *, uint8_t code, const void *v,
	    size_t len);
int	dhcp_enc_opt8(struct dhcp_enc *, uint8_t code, uint8_t v);
int	dhcp_enc_opt32(struct dhcp_enc *, uint8_t code, uint32_t v);
/* Writes END and padding; the message length, or -1 on overflow. */
ssize_t	dhcp_enc_finish(struct dhcp_enc *);

#endif
