/* SPDX-License-Identifier: ISC */
/*
 * A client's BOOTREQUEST as bytes, for the tests and fuzz harnesses that
 * drive dhcpd-pxe's reply core: header, magic cookie, option 53, the
 * given options, END.  No Check here, so the fuzz harnesses use it too.
 */
#ifndef DHCP_PKT_H
#define DHCP_PKT_H

#include <stdint.h>
#include <string.h>

#include "dhcpd-pxe/dhcp_msg.h"

static inline void
dhcp_pkt_put32(uint8_t *p, uint32_t v)
{
	p[0] = (uint8_t)(v >> 24);
	p[1] = (uint8_t)(v >> 16);
	p[2] = (uint8_t)(v >> 8);
	p[3] = (uint8_t)v;
}

/*
 * Writes into p[DHCP_MAX_LEN] a request of the given type from chaddr
 * mac (xid: the MAC's last byte) with opts[0..olen) (olen at most 1000)
 * after option 53; its length.
 */
static inline size_t
dhcp_pkt_build(uint8_t *p, uint8_t type, const uint8_t mac[6],
    uint32_t ciaddr, uint32_t giaddr, const uint8_t *opts, size_t olen)
{
	size_t n = DHCP_MIN_LEN;

	memset(p, 0, DHCP_MAX_LEN);
	p[0] = BOOTREQUEST;
	p[1] = 1;
	p[2] = 6;
	p[4] = mac[5];		/* xid */
	dhcp_pkt_put32(p + 12, ciaddr);
	dhcp_pkt_put32(p + 24, giaddr);
	memcpy(p + 28, mac, 6);
	dhcp_pkt_put32(p + 236, DHCP_COOKIE);
	p[n++] = DHO_MSG_TYPE;
	p[n++] = 1;
	p[n++] = type;
	if (olen > 0)
		memcpy(p + n, opts, olen);
	n += olen;
	p[n++] = DHO_END;
	return n;
}

#endif
