/* SPDX-License-Identifier: ISC */
/*
 * Test helpers for the dhcp_reply suites: a server over a configuration
 * text, build a request, decode a reply (turned into a request so the same
 * decoder reads it).
 */
#ifndef DHCP_REQ_H
#define DHCP_REQ_H

#include <string.h>

#include <check.h>

#include "dhcpconf/dhcpconf.h"
#include "common/perr.h"

#include "dhcpd-pxe/dhcp_msg.h"
#include "dhcpd-pxe/dhcp_reply.h"

#include "dhcp_pkt.h"

/*
 * Parses text into c, makes lt an empty lease table for it, and srv a
 * server over both on 192.0.2.1 at time 1000000.
 */
static inline void
dhcp_srv_init(const char *text, struct dhcpconf *c, struct lease_table *lt,
    struct dhcp_server *srv)
{
	struct perr err;

	ck_assert_int_eq(dhcpconf_parse(c, text, strlen(text), "t", &err), 0);
	lease_table_init(lt);
	ck_assert_int_eq(lease_table_ranges(lt, c->nranges), 0);
	srv->conf = c;
	srv->leases = lt;
	srv->ifaddr = 0xc0000201;	/* 192.0.2.1 */
	srv->now = 1000000;
}

static inline void
dhcp_srv_free(struct dhcpconf *c, struct lease_table *lt)
{
	lease_table_free(lt);
	dhcpconf_free(c);
}

/*
 * A BOOTREQUEST of the given type from chaddr mac (xid: the MAC's last
 * byte), with opts[0..olen) after option 53, decoded into m.
 */
static inline void
dhcp_req_mac(struct dhcp_msg *m, uint8_t type, const uint8_t mac[6],
    uint32_t ciaddr, uint32_t giaddr, const uint8_t *opts, size_t olen)
{
	uint8_t p[DHCP_MAX_LEN];
	const char *e;
	size_t n = dhcp_pkt_build(p, type, mac, ciaddr, giaddr, opts, olen);

	ck_assert_int_eq(dhcp_msg_decode(p, n, m, &e), 0);
}

/* The same from MAC 02:00:00:00:00:macbyte. */
static inline void
dhcp_req(struct dhcp_msg *m, uint8_t type, uint8_t macbyte, uint32_t ciaddr,
    uint32_t giaddr, const uint8_t *opts, size_t olen)
{
	const uint8_t mac[6] = { 2, 0, 0, 0, 0, macbyte };

	dhcp_req_mac(m, type, mac, ciaddr, giaddr, opts, olen);
}

/* Decodes r's reply packet into m (as if it were a request). */
static inline void
dhcp_rep(const struct dhcp_result *r, struct dhcp_msg *m)
{
	uint8_t p[DHCP_MAX_LEN];
	const char *e;

	ck_assert_uint_gt(r->len, DHCP_MIN_LEN);
	memcpy(p, r->pkt, r->len);
	ck_assert_uint_eq(p[0], BOOTREPLY);
	p[0] = BOOTREQUEST;
	ck_assert_int_eq(dhcp_msg_decode(p, r->len, m, &e), 0);
}

#endif
