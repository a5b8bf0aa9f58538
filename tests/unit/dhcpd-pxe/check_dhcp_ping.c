// SPDX-License-Identifier: ISC
/*
 * Unit tests for dhcpd-pxe's ping check: the wait table (dhcp_ping.c) and
 * the events that end a wait, the ICMP echo encoder and reply decoder
 * with every truncated prefix, and the reply core's decision to ping
 * (dhcp_reply.c): a pool address that no record gives this client, under
 * `ping-check true', with the configured ping-timeout; never a fixed
 * address or the client's own; an offer withdrawn (lease_unoffer()).
 */
#include <string.h>

#include "tests.h"
#include "dhcp_req.h"

#include "dhcpconf/dhcpconf.h"
#include "dhcpd-pxe/dhcp_frame.h"
#include "dhcpd-pxe/dhcp_ping.h"
#include "dhcpd-pxe/dhcp_reply.h"

static const uint8_t mac1[MAC_LEN] = { 2, 0, 0, 0, 0, 1 };
static const uint8_t mac2[MAC_LEN] = { 2, 0, 0, 0, 0, 2 };
static const uint8_t mac3[MAC_LEN] = { 2, 0, 0, 0, 0, 3 };

START_TEST(test_table)
{
	static struct dhcp_ping v[2], out;
	struct dhcp_ping_table t;
	struct dhcp_ping *a, *b;

	dhcp_ping_init(&t, v, 2);
	ck_assert_int_eq(dhcp_ping_timeout(&t, 0), -1);
	ck_assert_ptr_null(dhcp_ping_due(&t, 1000000));
	a = dhcp_ping_add(&t, 0xc0000264, mac1, 1500);
	ck_assert_ptr_nonnull(a);
	a->len = 3;
	memcpy(a->req, "abc", 3);
	b = dhcp_ping_add(&t, 0xc0000265, mac2, 1200);
	ck_assert_ptr_nonnull(b);
	b->len = 2;
	memcpy(b->req, "xy", 2);
	ck_assert_uint_ne(a->seq, b->seq);
	ck_assert_ptr_null(dhcp_ping_add(&t, 0xc0000266, mac3, 1000));
	ck_assert_ptr_eq(dhcp_ping_by_mac(&t, mac2), b);
	ck_assert_ptr_null(dhcp_ping_by_mac(&t, mac3));
	ck_assert_ptr_eq(dhcp_ping_by_reply(&t, 0xc0000264, a->seq), a);
	ck_assert_ptr_null(dhcp_ping_by_reply(&t, 0xc0000264, b->seq));
	ck_assert_ptr_null(dhcp_ping_by_reply(&t, 0xc0000266, a->seq));
	/* The earliest deadline sets poll's timeout. */
	ck_assert_int_eq(dhcp_ping_timeout(&t, 1000), 200);
	ck_assert_int_eq(dhcp_ping_timeout(&t, 1300), 0);
	ck_assert_ptr_null(dhcp_ping_due(&t, 1199));
	ck_assert_ptr_eq(dhcp_ping_due(&t, 1200), b);
	/* Taking the first moves the last into its slot, request and all. */
	dhcp_ping_take(&t, a, &out);
	ck_assert_uint_eq(out.ip, 0xc0000264);
	ck_assert_mem_eq(out.req, "abc", 3);
	ck_assert_uint_eq(t.n, 1);
	ck_assert_mem_eq(v[0].mac, mac2, MAC_LEN);
	ck_assert_mem_eq(v[0].req, "xy", 2);
	dhcp_ping_take(&t, &v[0], NULL);
	ck_assert_uint_eq(t.n, 0);
	ck_assert_int_eq(dhcp_ping_timeout(&t, 0), -1);
	/* No storage: every add fails (no ICMP socket). */
	dhcp_ping_init(&t, NULL, 8);
	ck_assert_ptr_null(dhcp_ping_add(&t, 1, mac1, 0));
}
END_TEST

static void
icmp_cksum(uint8_t *icmp)
{
	uint16_t ck;

	icmp[2] = icmp[3] = 0;
	ck = dhcp_frame_cksum(icmp, DHCP_PING_ECHO_LEN);
	icmp[2] = (uint8_t)(ck >> 8);
	icmp[3] = (uint8_t)ck;
}

/* An echo reply as the raw socket reads it: IPv4 header + ICMP. */
static size_t
reply_pkt(uint8_t *p, uint16_t id, uint16_t seq)
{
	memset(p, 0, 20);
	p[0] = 0x45;
	p[3] = 20 + DHCP_PING_ECHO_LEN;
	p[8] = 64;
	p[9] = 1;				/* ICMP */
	memcpy(p + 12, "\xc0\x00\x02\x64", 4);	/* 192.0.2.100 */
	memcpy(p + 16, "\xc0\x00\x02\x01", 4);
	ck_assert_int_eq(dhcp_ping_echo(p + 20, DHCP_PING_ECHO_LEN, id, seq),
	    DHCP_PING_ECHO_LEN);
	p[20] = 0;				/* echo reply */
	icmp_cksum(p + 20);
	return 20 + DHCP_PING_ECHO_LEN;
}

START_TEST(test_echo)
{
	uint8_t e[DHCP_PING_ECHO_LEN], p[64];
	const char *why;
	uint32_t src;
	uint16_t id, seq;
	size_t n;

	ck_assert_int_eq(dhcp_ping_echo(e, sizeof(e) - 1, 1, 2), -1);
	ck_assert_int_eq(dhcp_ping_echo(e, sizeof(e), 0x1234, 0xabcd),
	    DHCP_PING_ECHO_LEN);
	ck_assert_mem_eq(e, "\x08\x00", 2);
	ck_assert_mem_eq(e + 4, "\x12\x34\xab\xcd", 4);
	ck_assert_uint_eq(dhcp_frame_cksum(e, sizeof(e)), 0);
	n = reply_pkt(p, 0x1234, 0xabcd);
	ck_assert_int_eq(dhcp_ping_reply(p, n, &src, &id, &seq, &why), 0);
	ck_assert_uint_eq(src, 0xc0000264);
	ck_assert_uint_eq(id, 0x1234);
	ck_assert_uint_eq(seq, 0xabcd);
	p[n - 1] ^= 1;
	ck_assert_int_eq(dhcp_ping_reply(p, n, &src, &id, &seq, &why), -1);
	ck_assert_str_eq(why, "bad checksum");
	n = reply_pkt(p, 1, 1);
	p[20] = 8;		/* a request, not a reply */
	icmp_cksum(p + 20);
	ck_assert_int_eq(dhcp_ping_reply(p, n, &src, &id, &seq, &why), -1);
	ck_assert_str_eq(why, "not an echo reply");
	n = reply_pkt(p, 1, 1);
	p[9] = 17;
	ck_assert_int_eq(dhcp_ping_reply(p, n, &src, &id, &seq, &why), -1);
	ck_assert_str_eq(why, "not ICMP");
}
END_TEST

/* The end of a wait as an event: an echo reply of ours, or the time. */
START_TEST(test_events)
{
	static struct dhcp_ping v[2];
	static struct dhcp_ping_event ev;
	struct dhcp_ping_table t;
	struct dhcp_ping *a, *b;
	uint8_t p[64];
	size_t n;

	dhcp_ping_init(&t, v, 2);
	a = dhcp_ping_add(&t, 0xc0000264, mac1, 1500);
	dhcp_ping_hold(a, (const uint8_t *)"abc", 3, 2, 0xc0000201);
	b = dhcp_ping_add(&t, 0xc0000265, mac2, 1200);
	dhcp_ping_hold(b, (const uint8_t *)"old", 3, 2, 0);
	/* A retransmission replaces what the wait holds. */
	dhcp_ping_hold(b, (const uint8_t *)"xy", 2, 3, 0);
	/* Another identifier (someone else's ping), another sequence. */
	n = reply_pkt(p, 0x99, v[0].seq);
	ck_assert_int_eq(dhcp_ping_on_reply(&t, p, n, 0x42, &ev), 0);
	n = reply_pkt(p, 0x42, v[1].seq);
	ck_assert_int_eq(dhcp_ping_on_reply(&t, p, n, 0x42, &ev), 0);
	ck_assert_uint_eq(t.n, 2);
	/* 192.0.2.100 answers: abandon it, the DISCOVER held is handed out. */
	n = reply_pkt(p, 0x42, v[0].seq);
	ck_assert_int_eq(dhcp_ping_on_reply(&t, p, n, 0x42, &ev), 1);
	ck_assert_int_eq(ev.what, DHCP_PING_ABANDON);
	ck_assert_uint_eq(ev.held.ip, 0xc0000264);
	ck_assert_mem_eq(ev.held.mac, mac1, MAC_LEN);
	ck_assert_mem_eq(ev.held.req, "abc", 3);
	ck_assert_uint_eq(ev.held.len, 3);
	ck_assert_int_eq(ev.held.ifindex, 2);
	ck_assert_uint_eq(ev.held.src, 0xc0000201);
	ck_assert_uint_eq(t.n, 1);
	ck_assert_int_eq(dhcp_ping_on_reply(&t, p, n, 0x42, &ev), 0);
	/* The other is quiet until its deadline: answer it again. */
	ck_assert_int_eq(dhcp_ping_on_time(&t, 1199, &ev), 0);
	ck_assert_int_eq(dhcp_ping_on_time(&t, 1200, &ev), 1);
	ck_assert_int_eq(ev.what, DHCP_PING_ANSWER);
	ck_assert_uint_eq(ev.held.ip, 0xc0000265);
	ck_assert_mem_eq(ev.held.req, "xy", 2);
	ck_assert_uint_eq(ev.held.len, 2);
	ck_assert_int_eq(ev.held.ifindex, 3);
	ck_assert_uint_eq(t.n, 0);
	ck_assert_int_eq(dhcp_ping_on_time(&t, INT64_MAX, &ev), 0);
}
END_TEST

START_TEST(test_echo_truncated)
{
	uint8_t p[64];
	const char *why;
	uint32_t src;
	uint16_t id, seq;
	size_t n = reply_pkt(p, 7, 7);

	ck_assert_int_eq(dhcp_ping_reply(p, (size_t)_i, &src, &id, &seq,
	    &why), (size_t)_i == n ? 0 : -1);
	if ((size_t)_i < n)
		ck_assert_ptr_nonnull(why);
}
END_TEST

static const char conf[] =
    "ping-check true;\n"
    "ping-timeout 3;\n"
    "subnet 192.0.2.0 netmask 255.255.255.0 {\n"
    "  range 192.0.2.100 192.0.2.101;\n"
    "  host node1 { hardware ethernet 02:00:00:00:00:09;\n"
    "    fixed-address 192.0.2.11; }\n"
    "}\n"
    "subnet 198.51.100.0 netmask 255.255.255.0 {\n"
    "  ping-check false; range 198.51.100.10 198.51.100.11; }\n";

static struct dhcpconf c;
static struct lease_table lt;
static struct dhcp_server srv;

static void
setup(void)
{
	dhcp_srv_init(conf, &c, &lt, &srv);
}

static void
teardown(void)
{
	dhcp_srv_free(&c, &lt);
}

START_TEST(test_decision)
{
	static struct dhcp_result r;
	struct dhcp_msg m;

	/* A new client and a never-leased address: ping, 3 s. */
	dhcp_req(&m, DHCPDISCOVER, 1, 0, 0, NULL, 0);
	dhcp_reply(&srv, &m, &r);
	ck_assert_uint_eq(r.type, DHCPOFFER);
	ck_assert_uint_eq(r.yiaddr, 0xc0000264);
	ck_assert(r.ping);
	ck_assert_uint_eq(r.ping_timeout, 3);
	/* The same DISCOVER once the wait is over: its own offer, no ping. */
	dhcp_reply(&srv, &m, &r);
	ck_assert_uint_eq(r.yiaddr, 0xc0000264);
	ck_assert(!r.ping);
	/* It answered the ping: abandoned; the client gets the next one. */
	ck_assert_ptr_nonnull(lease_abandon(&lt, 0xc0000264, m.chaddr,
	    srv.now));
	dhcp_reply(&srv, &m, &r);
	ck_assert_uint_eq(r.yiaddr, 0xc0000265);
	ck_assert(r.ping);
	/* An address last someone else's (expired) is pinged too. */
	srv.now += 100000;
	dhcp_req(&m, DHCPDISCOVER, 2, 0, 0, NULL, 0);
	dhcp_reply(&srv, &m, &r);
	ck_assert_uint_ne(r.dest, DHCP_DST_NONE);
	ck_assert(r.ping);
	/* A fixed address is never pinged. */
	dhcp_req(&m, DHCPDISCOVER, 9, 0, 0, NULL, 0);
	dhcp_reply(&srv, &m, &r);
	ck_assert_uint_eq(r.yiaddr, 0xc000020b);
	ck_assert(!r.ping);
	/* `ping-check false' in the relayed subnet wins over the global. */
	dhcp_req(&m, DHCPDISCOVER, 3, 0, 0xc6336401, NULL, 0);
	dhcp_reply(&srv, &m, &r);
	ck_assert_uint_eq(r.yiaddr, 0xc633640a);
	ck_assert(!r.ping);
}
END_TEST

/* An offer whose ping cannot wait (the table is full) is withdrawn. */
START_TEST(test_unoffer)
{
	static struct dhcp_result r;
	struct dhcp_msg m;

	dhcp_req(&m, DHCPDISCOVER, 1, 0, 0, NULL, 0);
	dhcp_reply(&srv, &m, &r);
	ck_assert(r.ping);
	ck_assert_int_eq(lease_by_ip(&lt, r.yiaddr)->state, LEASE_OFFERED);
	lease_unoffer(&lt, r.yiaddr);
	ck_assert_int_eq(lease_by_ip(&lt, r.yiaddr)->state, LEASE_FREE);
	/* Not on offer: nothing changes. */
	lease_unoffer(&lt, 0xc0000299);
	ck_assert_ptr_null(lease_by_ip(&lt, 0xc0000299));
}
END_TEST

Suite *
dhcp_ping_suite(void)
{
	Suite *s = suite_create("dhcp_ping");
	TCase *tc = tcase_create("table");
	TCase *td = tcase_create("decision");

	tcase_add_test(tc, test_table);
	tcase_add_test(tc, test_echo);
	tcase_add_test(tc, test_events);
	tcase_add_loop_test(tc, test_echo_truncated, 0,
	    20 + DHCP_PING_ECHO_LEN + 1);
	suite_add_tcase(s, tc);
	tcase_add_checked_fixture(td, setup, teardown);
	tcase_add_test(td, test_decision);
	tcase_add_test(td, test_unoffer);
	suite_add_tcase(s, td);
	return s;
}
