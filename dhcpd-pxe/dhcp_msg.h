/* SPDX-License-Identifier: ISC */
/*
 * DHCP message codec (RFC 2131 §2 header, RFC 2132 options): decoding a
 * received BOOTREQUEST into a struct with every option's value gathered in
 * one place (RFC 3396 concatenation of repeated codes, RFC 2131 option 52
 * overload of the `file' and `sname' fields), typed getters with explicit
 * length contracts, and the option iterator the decoder is built on.
 * Encoding replies is dhcp_enc.h.  Pure: no I/O, no allocation, no logging.
 */
#ifndef DHCP_MSG_H
#define DHCP_MSG_H

#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>

#include "common/buf.h"

#define DHCP_HDR_LEN		236	/* op .. file */
#define DHCP_COOKIE		0x63825363u
#define DHCP_MIN_LEN		(DHCP_HDR_LEN + 4)
#define DHCP_MAX_LEN		1500	/* what we accept and build */
#define DHCP_OPTBUF		1500
#define DHCP_SERVER_PORT	67
#define DHCP_PXE_BS_PORT	4011	/* PXE boot server (proxyDHCP) */
#define DHCP_CLIENT_PORT	68
#define DHCP_FLAG_BROADCAST	0x8000

#define BOOTREQUEST	1
#define BOOTREPLY	2

enum dhcp_type {
	DHCPDISCOVER = 1, DHCPOFFER, DHCPREQUEST, DHCPDECLINE, DHCPACK,
	DHCPNAK, DHCPRELEASE, DHCPINFORM
};

enum {
	DHO_PAD = 0, DHO_SUBNET_MASK = 1, DHO_ROUTERS = 3, DHO_HOST_NAME = 12,
	DHO_VENDOR = 43, DHO_REQ_ADDR = 50, DHO_LEASE_TIME = 51,
	DHO_OVERLOAD = 52, DHO_MSG_TYPE = 53, DHO_SERVER_ID = 54,
	DHO_PRL = 55, DHO_MESSAGE = 56, DHO_MAX_SIZE = 57, DHO_T1 = 58,
	DHO_T2 = 59, DHO_VENDOR_CLASS = 60, DHO_CLIENT_ID = 61,
	DHO_USER_CLASS = 77, DHO_PXE_ARCH = 93, DHO_PXE_NII = 94,
	DHO_PXE_UUID = 97, DHO_IPXE = 175, DHO_END = 255
};

struct dhcp_msg {
	uint8_t		op, htype, hlen, hops;
	uint32_t	xid;
	uint16_t	secs, flags;
	uint32_t	ciaddr, yiaddr, siaddr, giaddr;	/* host order */
	uint8_t		chaddr[16];
	uint8_t		sname[64];	/* raw: not NUL-terminated */
	uint8_t		file[128];
	uint8_t		type;		/* option 53 */
	uint8_t		overload;	/* option 52, 0 if absent */
	/* Option values, concatenated per code (RFC 3396). */
	bool		has[256];
	uint16_t	off[256];
	uint16_t	len[256];
	uint8_t		buf[DHCP_OPTBUF];
	size_t		used;
	uint8_t		raw[DHCP_MAX_LEN];	/* the packet, for packet() */
	size_t		rawlen;
};

/*
 * Option iterator over one message: the options field, then `file' and
 * `sname' when option 52 says they hold options (in that order, RFC 2131
 * §4.1).  Skips PAD; stops at END.  Bounds are checked before each read.
 */
struct dhcp_opt_iter {
	struct rbuf	 cur;
	const uint8_t	*file, *sname;	/* the two fields, in the packet */
	int		 stage;		/* 0 options, 1 file, 2 sname, 3 end */
	uint8_t		 overload;
};

void	dhcp_opt_iter_init(struct dhcp_opt_iter *, const uint8_t *opts,
	    size_t len, const uint8_t *file, const uint8_t *sname);
/*
 * 1 with the next option in *code, *val (pointing into the packet) and
 * *len; 0 at the end; -1 if an option runs past its field (*errstr).
 * Reading option 52 arms the overloaded fields.
 */
int	dhcp_opt_next(struct dhcp_opt_iter *, uint8_t *code,
	    const uint8_t **val, size_t *len, const char **errstr);

/*
 * Decodes pkt[0..len) (a UDP payload) into *m.  Returns 0, or -1 with
 * *errstr: "truncated header", "not a BOOTREQUEST", "not Ethernet",
 * "bad magic cookie", an iterator error, "option 53 missing",
 * "option 53 wrong length", "option 52 wrong length", "options too long".
 */
int	dhcp_msg_decode(const uint8_t *pkt, size_t len, struct dhcp_msg *m,
	    const char **errstr);

/* The option's value if present with at least minlen bytes, else NULL. */
const uint8_t *dhcp_opt_get(const struct dhcp_msg *, uint8_t code,
	    size_t minlen, size_t *len);
/* Exactly-4-byte and exactly-2-byte options: 0, or -1 if absent/wrong. */
int	dhcp_opt_get32(const struct dhcp_msg *, uint8_t code, uint32_t *);
int	dhcp_opt_get16(const struct dhcp_msg *, uint8_t code, uint16_t *);

const char *dhcp_type_name(uint8_t type);

#endif
