// SPDX-License-Identifier: ISC
/*
 * Unit tests for RFC 2090's wire side in in.tftpd: the multicast option's
 * parsing (tftp_proto.c: an empty value only, once), the OACK a client of
 * a session gets and --mcast-range (tftp_mcast.c).
 */
#include "tests.h"

#include "in.tftpd/tftp_mcast.h"
#include "in.tftpd/tftp_proto.h"

#define A	0xc000020bu	/* 192.0.2.11 */

static const uint8_t base[] = { 0, 6, 'b', 'l', 'k', 's', 'i', 'z', 'e', 0,
    '1', '4', '3', '2', 0 };

START_TEST(test_oack)
{
	static const uint8_t want[] = "\0\6blksize\0001432\0multicast\0"
	    "239.255.0.1,1758,1";
	struct tftp_mc_client tab[1];
	struct tftp_mc m;
	uint8_t buf[128];

	tftp_mc_init(&m, tab, 1, 2, 100, 800, 5);
	ck_assert_int_eq(tftp_mc_join(&m, A, 1001, base, sizeof(base), 0), 0);
	ck_assert_uint_eq(tftp_mc_oack(buf, sizeof(buf), &tab[0],
	    0xefff0001u, 1758, true), sizeof(want));
	ck_assert_mem_eq(buf, want, sizeof(want));
	ck_assert_uint_eq(tftp_mc_oack(buf, sizeof(want) - 1, &tab[0],
	    0xefff0001u, 1758, true), 0);
	ck_assert_uint_eq(tftp_mc_oack(buf, sizeof(buf), &tab[0],
	    0xe0000001u, 65535, false), sizeof(base) + 10 + 18);
	ck_assert_str_eq((char *)buf + sizeof(base) + 10, "224.0.0.1,65535,0");
}
END_TEST

START_TEST(test_range)
{
	static const char *bad[] = { "", "239.255.0.1-", "10.0.0.1",
	    "239.255.0.9-239.255.0.1", "239.255.0.1:0", "239.255.0.1:70000",
	    "239.255.0.1:9-8", "239.255.0.1:", "239.255.0.1 ", "239.255.0",
	    "239.255.0.1.2", "239.256.0.1", "240.0.0.1", "0239.1.1.1",
	    "239.255.0.1:+5", "-239.1.1.1", "239.255.0.1-10.0.0.1" };
	struct tftp_mc_range r;
	uint32_t g;
	uint16_t p;
	size_t i;

	ck_assert_int_eq(tftp_mc_range_parse("239.255.0.1", &r), 0);
	ck_assert_uint_eq(r.lo, 0xefff0001u);
	ck_assert_uint_eq(r.hi, r.lo);
	ck_assert_uint_eq(r.port_lo, TFTP_MC_PORT);
	ck_assert_uint_eq(tftp_mc_range_count(&r), 1);
	ck_assert_int_eq(tftp_mc_range_parse("224.0.0.1-224.0.1.0:1758-1759",
	    &r), 0);
	ck_assert_uint_eq(tftp_mc_range_count(&r), 512);
	tftp_mc_range_pick(&r, 0, &g, &p);
	ck_assert_uint_eq(g, 0xe0000001u);
	ck_assert_uint_eq(p, 1758);
	tftp_mc_range_pick(&r, 3, &g, &p);
	ck_assert_uint_eq(g, 0xe0000002u);
	ck_assert_uint_eq(p, 1759);
	ck_assert_int_eq(tftp_mc_range_parse("239.0.0.1:9", &r), 0);
	ck_assert_uint_eq(r.port_hi, 9);
	for (i = 0; i < sizeof(bad) / sizeof(bad[0]); i++)
		ck_assert_msg(tftp_mc_range_parse(bad[i], &r) == -1,
		    "accepted \"%s\"", bad[i]);
}
END_TEST

/* RFC 2090's option has an empty value; any other is ignored. */
START_TEST(test_option)
{
	static const uint8_t ok[] = "\0\1f\0octet\0MultiCast\0\0";
	static const uint8_t val[] = "\0\1f\0octet\0multicast\0001\0";
	static const uint8_t twice[] = "\0\1f\0octet\0multicast\0\0"
	    "multicast\0\0";
	struct tftp_req req;
	const char *errstr;
	uint16_t code;

	ck_assert_int_eq(tftp_req_parse(ok, sizeof(ok) - 1, &req, &code,
	    &errstr), 0);
	ck_assert(req.multicast);
	ck_assert_uint_eq(req.ignored, 0);
	ck_assert_int_eq(tftp_req_parse(val, sizeof(val) - 1, &req, &code,
	    &errstr), 0);
	ck_assert(!req.multicast);
	ck_assert_uint_eq(req.ignored, 1);
	ck_assert_int_eq(tftp_req_parse(twice, sizeof(twice) - 1, &req, &code,
	    &errstr), 0);
	ck_assert(req.multicast);
	ck_assert_uint_eq(req.ignored, 1);
}
END_TEST

Suite *
tftp_mcast_wire_suite(void)
{
	Suite *s = suite_create("tftp_mcast_wire");
	TCase *tc = tcase_create("wire");

	tcase_add_test(tc, test_oack);
	tcase_add_test(tc, test_range);
	tcase_add_test(tc, test_option);
	suite_add_tcase(s, tc);
	return s;
}
