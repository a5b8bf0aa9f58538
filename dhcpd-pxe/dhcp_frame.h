/* SPDX-License-Identifier: ISC */
/*
 * IPv4 + UDP headers around a DHCP reply, for the replies RFC 2131 §4.1
 * sends to a client that has no address yet (broadcast, or unicast to
 * yiaddr at chaddr): those go out through a packet socket, since the
 * kernel cannot ARP for an address nobody holds yet.  The checksum also
 * serves the ping check's ICMP echo (dhcp_ping.h).  Pure.
 */
#ifndef DHCP_FRAME_H
#define DHCP_FRAME_H

#include <stddef.h>
#include <stdint.h>
#include <sys/types.h>

#define DHCP_FRAME_HDR	28	/* IPv4 (20) + UDP (8) */

/* Writes the datagram into buf; its length, or -1 if cap is too small. */
ssize_t	dhcp_frame(uint8_t *buf, size_t cap, uint32_t src, uint32_t dst,
	    uint16_t sport, uint16_t dport, const uint8_t *payload,
	    size_t len);

/* The Internet checksum (RFC 1071) of p[0..len), as IPv4 and ICMP use it. */
uint16_t dhcp_frame_cksum(const uint8_t *p, size_t len);

#endif
