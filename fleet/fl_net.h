/* SPDX-License-Identifier: ISC */
/*
 * The link and network layers of a simulated PXE client, as its firmware
 * has them: Ethernet frames carrying ARP or IPv4/UDP, built and read here
 * because a fleet of clients with MACs and addresses of their own shares
 * one packet socket (the kernel of the generator's namespace owns none of
 * them).  Encoders write a whole frame, checksums included, through a wbuf;
 * the decoder reads one through an rbuf and says what it is.  Received UDP
 * checksums are not verified: a veth peer hands over frames whose checksum
 * the sender's kernel left for an offload that never ran.  A Wake-on-LAN
 * magic packet (ethertype 0x0842, or UDP to port 9 or 7, as wolshim reads
 * them) is recognised too.  Pure.
 */
#ifndef FL_NET_H
#define FL_NET_H

#include <stddef.h>
#include <stdint.h>
#include <sys/types.h>

#include "common/addr.h"

#define FL_ETH_HLEN	14
#define FL_IP_HLEN	20
#define FL_UDP_HLEN	8
#define FL_FRAME_MAX	1514
#define FL_UDP_MAX	(FL_FRAME_MAX - FL_ETH_HLEN - FL_IP_HLEN - FL_UDP_HLEN)
#define FL_ARP_REQUEST	1
#define FL_ARP_REPLY	2

extern const uint8_t fl_mac_bcast[MAC_LEN];

enum fl_kind {
	FL_F_OTHER,	/* nothing a client reads */
	FL_F_ARP,
	FL_F_UDP,
	FL_F_WOL
};

struct fl_frame {
	enum fl_kind	 kind;
	uint8_t		 dst[MAC_LEN], src[MAC_LEN];
	/* FL_F_ARP */
	uint16_t	 arp_op;
	uint8_t		 sha[MAC_LEN], tha[MAC_LEN];
	uint32_t	 spa, tpa;
	/* FL_F_UDP: addresses in host order, payload into the frame */
	uint32_t	 sip, dip;
	uint16_t	 sport, dport;
	const uint8_t	*data;
	size_t		 len;
	/* FL_F_WOL: the MAC woken */
	uint8_t		 wol[MAC_LEN];
	const char	*how;		/* "ether" or "udp" */
};

/*
 * A UDP datagram from src (MAC, address, port) to dst in one frame at buf:
 * its length, or -1 if it does not fit cap or FL_UDP_MAX.  id is the IPv4
 * identification.
 */
ssize_t	fl_net_udp(uint8_t *buf, size_t cap, const uint8_t smac[MAC_LEN],
	    const uint8_t dmac[MAC_LEN], uint32_t sip, uint32_t dip,
	    uint16_t sport, uint16_t dport, uint16_t id, const void *data,
	    size_t len);
/* An ARP request (tha zero, sent to broadcast) or reply (to tha). */
ssize_t	fl_net_arp(uint8_t *buf, size_t cap, uint16_t op,
	    const uint8_t sha[MAC_LEN], uint32_t spa,
	    const uint8_t tha[MAC_LEN], uint32_t tpa);
/*
 * Reads a frame: 0 with *f (kind FL_F_OTHER for what a client ignores:
 * other ethertypes, IPv4 options parsed past, fragments, not UDP), or -1
 * with *errstr for a truncated or malformed ARP or IPv4/UDP frame.
 */
int	fl_net_parse(const uint8_t *frame, size_t len, struct fl_frame *f,
	    const char **errstr);
/* Finds a magic packet in a payload: 0 and mac, or -1. */
int	fl_net_magic(const uint8_t *p, size_t len, uint8_t mac[MAC_LEN]);

#endif
