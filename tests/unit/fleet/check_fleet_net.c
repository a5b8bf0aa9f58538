// SPDX-License-Identifier: ISC
/*
 * Unit tests for fleet/fl_net.c: a UDP frame whose IPv4 and UDP checksums
 * verify and that reads back as built, ARP both ways, magic packets by
 * ethertype and by UDP, frames that are not for a client, and every
 * prefix of a frame refused or read without reading past it.
 */
#include <stdlib.h>
#include <string.h>

#include "tests.h"

#include "fleet/fl_net.h"

static const uint8_t cmac[MAC_LEN] = { 0x52, 0x54, 0x00, 0xf1, 0x00, 0x01 };
static const uint8_t smac[MAC_LEN] = { 0x02, 0x00, 0x00, 0x00, 0x00, 0xfe };

static uint16_t
csum(const uint8_t *p, size_t len, uint32_t sum)
{
	size_t i;

	for (i = 0; i + 1 < len; i += 2)
		sum += (uint32_t)p[i] << 8 | p[i + 1];
	if (len & 1)
		sum += (uint32_t)p[len - 1] << 8;
	while (sum >> 16)
		sum = (sum & 0xffff) + (sum >> 16);
	return (uint16_t)~sum;
}

START_TEST(test_udp)
{
	uint8_t f[FL_FRAME_MAX];
	struct fl_frame fr;
	const char *errstr;
	ssize_t n;
	uint32_t ps;

	n = fl_net_udp(f, sizeof(f), cmac, smac, 0xc0000265, 0xc0000201,
	    49152, 69, 7, "\0\1abc\0octet", 12);
	ck_assert_int_eq(n, 14 + 20 + 8 + 12);
	ck_assert_uint_eq(csum(f + 14, 20, 0), 0);	/* IPv4 header */
	ps = 0xc000 + 0x0265 + 0xc000 + 0x0201 + 17 + 8 + 12;
	ck_assert_uint_eq(csum(f + 34, 8 + 12, ps), 0);	/* UDP */
	ck_assert_int_eq(fl_net_parse(f, (size_t)n, &fr, &errstr), 0);
	ck_assert_int_eq(fr.kind, FL_F_UDP);
	ck_assert_mem_eq(fr.dst, smac, MAC_LEN);
	ck_assert_mem_eq(fr.src, cmac, MAC_LEN);
	ck_assert_uint_eq(fr.sip, 0xc0000265);
	ck_assert_uint_eq(fr.dip, 0xc0000201);
	ck_assert_uint_eq(fr.sport, 49152);
	ck_assert_uint_eq(fr.dport, 69);
	ck_assert_uint_eq(fr.len, 12);
	ck_assert_mem_eq(fr.data, "\0\1abc\0octet", 12);
	/* Ethernet padding after the datagram is not payload */
	memset(f + n, 0, 10);
	ck_assert_int_eq(fl_net_parse(f, (size_t)n + 10, &fr, &errstr), 0);
	ck_assert_uint_eq(fr.len, 12);
	ck_assert_int_eq(fl_net_udp(f, 40, cmac, smac, 1, 2, 3, 4, 0, "x", 1),
	    -1);
	ck_assert_int_eq(fl_net_udp(f, sizeof(f), cmac, smac, 1, 2, 3, 4, 0,
	    f, FL_UDP_MAX + 1), -1);
}
END_TEST

START_TEST(test_arp)
{
	static const uint8_t zero[MAC_LEN];
	uint8_t f[FL_FRAME_MAX];
	struct fl_frame fr;
	const char *errstr;
	ssize_t n;

	n = fl_net_arp(f, sizeof(f), FL_ARP_REQUEST, cmac, 0xc0000265, zero,
	    0xc0000201);
	ck_assert_int_eq(n, 60);
	ck_assert_mem_eq(f, fl_mac_bcast, MAC_LEN);
	ck_assert_int_eq(fl_net_parse(f, (size_t)n, &fr, &errstr), 0);
	ck_assert_int_eq(fr.kind, FL_F_ARP);
	ck_assert_uint_eq(fr.arp_op, FL_ARP_REQUEST);
	ck_assert_uint_eq(fr.spa, 0xc0000265);
	ck_assert_uint_eq(fr.tpa, 0xc0000201);
	ck_assert_mem_eq(fr.sha, cmac, MAC_LEN);
	n = fl_net_arp(f, sizeof(f), FL_ARP_REPLY, smac, 0xc0000201, cmac,
	    0xc0000265);
	ck_assert_mem_eq(f, cmac, MAC_LEN);
	ck_assert_int_eq(fl_net_parse(f, (size_t)n, &fr, &errstr), 0);
	ck_assert_uint_eq(fr.arp_op, FL_ARP_REPLY);
	ck_assert_mem_eq(fr.tha, cmac, MAC_LEN);
}
END_TEST

START_TEST(test_magic)
{
	uint8_t f[200], pl[102];
	struct fl_frame fr;
	const char *errstr;
	ssize_t n;
	int i;

	memset(pl, 0xff, 6);
	for (i = 0; i < 16; i++)
		memcpy(pl + 6 + i * MAC_LEN, cmac, MAC_LEN);
	memcpy(f, fl_mac_bcast, MAC_LEN);
	memcpy(f + 6, smac, MAC_LEN);
	f[12] = 0x08, f[13] = 0x42;
	memcpy(f + 14, pl, sizeof(pl));
	ck_assert_int_eq(fl_net_parse(f, 14 + sizeof(pl), &fr, &errstr), 0);
	ck_assert_int_eq(fr.kind, FL_F_WOL);
	ck_assert_str_eq(fr.how, "ether");
	ck_assert_mem_eq(fr.wol, cmac, MAC_LEN);
	n = fl_net_udp(f, sizeof(f), smac, fl_mac_bcast, 0xc0000201,
	    0xffffffff, 40000, 9, 0, pl, sizeof(pl));
	ck_assert_int_eq(fl_net_parse(f, (size_t)n, &fr, &errstr), 0);
	ck_assert_int_eq(fr.kind, FL_F_WOL);
	ck_assert_str_eq(fr.how, "udp");
	pl[50] ^= 1;			/* one copy differs: no magic */
	n = fl_net_udp(f, sizeof(f), smac, fl_mac_bcast, 0xc0000201,
	    0xffffffff, 40000, 9, 0, pl, sizeof(pl));
	ck_assert_int_eq(fl_net_parse(f, (size_t)n, &fr, &errstr), 0);
	ck_assert_int_eq(fr.kind, FL_F_UDP);
}
END_TEST

START_TEST(test_other)
{
	uint8_t f[FL_FRAME_MAX];
	struct fl_frame fr;
	const char *errstr;
	ssize_t n;

	n = fl_net_udp(f, sizeof(f), cmac, smac, 1, 2, 3, 4, 0, "abcd", 4);
	f[14 + 6] = 0x20;		/* more fragments */
	ck_assert_int_eq(fl_net_parse(f, (size_t)n, &fr, &errstr), 0);
	ck_assert_int_eq(fr.kind, FL_F_OTHER);
	f[14 + 6] = 0;
	f[14 + 9] = 6;			/* TCP */
	ck_assert_int_eq(fl_net_parse(f, (size_t)n, &fr, &errstr), 0);
	ck_assert_int_eq(fr.kind, FL_F_OTHER);
	f[12] = 0x86, f[13] = 0xdd;	/* IPv6 */
	ck_assert_int_eq(fl_net_parse(f, (size_t)n, &fr, &errstr), 0);
	ck_assert_int_eq(fr.kind, FL_F_OTHER);
}
END_TEST

/* Every prefix of a UDP and of an ARP frame, in a buffer of its size. */
START_TEST(test_prefixes)
{
	static const uint8_t zero[MAC_LEN];
	uint8_t f[FL_FRAME_MAX], *p;
	struct fl_frame fr;
	const char *errstr;
	size_t n = (size_t)_i, len;
	int r;

	len = (size_t)fl_net_udp(f, sizeof(f), cmac, smac, 1, 2, 3, 4, 0,
	    "payload", 7);
	p = malloc(n + 1);
	memcpy(p, f, n < len ? n : len);
	r = fl_net_parse(p, n < len ? n : len, &fr, &errstr);
	ck_assert(r == -1 || n >= len || n < 14);
	len = (size_t)fl_net_arp(f, sizeof(f), FL_ARP_REQUEST, cmac, 1, zero,
	    2);
	memcpy(p, f, n < len ? n : len);
	r = fl_net_parse(p, n < len ? n : len, &fr, &errstr);
	ck_assert(r == -1 || n >= 42 || n < 14);
	free(p);
}
END_TEST

Suite *
fleet_net_suite(void)
{
	Suite *s = suite_create("fleet_net");
	TCase *tc = tcase_create("core");

	tcase_add_test(tc, test_udp);
	tcase_add_test(tc, test_arp);
	tcase_add_test(tc, test_magic);
	tcase_add_test(tc, test_other);
	tcase_add_loop_test(tc, test_prefixes, 0, 62);
	suite_add_tcase(s, tc);
	return s;
}
