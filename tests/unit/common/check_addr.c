// SPDX-License-Identifier: ISC
/* Unit tests for common/addr.c: MAC and IPv4 forms, good and malformed. */
#include <string.h>

#include "tests.h"

#include "common/addr.h"

static const struct {
	const char	*in;
	const char	*out;	/* NULL: must be refused */
} macs[] = {
	{ "fe:ed:fa:ce:de:ad", "fe:ed:fa:ce:de:ad" },
	{ "FE-ED-FA-CE-DE-AD", "fe:ed:fa:ce:de:ad" },
	{ "8:0:20:1:2:3", "08:00:20:01:02:03" },
	{ "feedfacedead", "fe:ed:fa:ce:de:ad" },
	{ "fe:ed:fa:ce:de", NULL },
	{ "fe:ed:fa:ce:de:ad:00", NULL },
	{ "fe:ed-fa:ce:de:ad", NULL },
	{ "fe:ed:fa:ce:de:ad ", NULL },
	{ "fe:ed:fa:ce:de:", NULL },
	{ "fee:d:fa:ce:de:ad", NULL },
	{ "fe::fa:ce:de:ad", NULL },
	{ "g0:ed:fa:ce:de:ad", NULL },
	{ "feedfacedea", NULL },
	{ "feedfacedeadb", NULL },
	{ "fe.ed.fa.ce.de.ad", NULL },
	{ "", NULL },
};

START_TEST(test_mac_parse)
{
	uint8_t mac[MAC_LEN] = { 1, 2, 3, 4, 5, 6 };
	char buf[MAC_STRLEN];
	int r = mac_parse(macs[_i].in, mac);

	if (macs[_i].out == NULL) {
		ck_assert_msg(r == -1, "accepted '%s'", macs[_i].in);
		ck_assert_mem_eq(mac, "\1\2\3\4\5\6", MAC_LEN);
	} else {
		ck_assert_msg(r == 0, "refused '%s'", macs[_i].in);
		ck_assert_str_eq(mac_ntoa(mac, buf), macs[_i].out);
	}
}
END_TEST

START_TEST(test_mac_forms)
{
	uint8_t mac[MAC_LEN] = { 0xfe, 0xed, 0xfa, 0xce, 0xde, 0xad };
	uint8_t zero[MAC_LEN] = { 0 };
	char buf[MAC_PXESTRLEN];

	ck_assert_str_eq(mac_pxelinux(mac, buf), "01-fe-ed-fa-ce-de-ad");
	ck_assert(!mac_is_zero(mac));
	ck_assert(mac_is_zero(zero));
}
END_TEST

static const struct {
	const char	*in;
	uint32_t	 ip;
	int		 ok;
} ips[] = {
	{ "192.168.1.2", 0xc0a80102, 1 },
	{ "0.0.0.0", 0, 1 },
	{ "255.255.255.255", 0xffffffff, 1 },
	{ "192.0.2.10", 0xc000020a, 1 },
	{ "256.1.1.1", 0, 0 },
	{ "1.2.3", 0, 0 },
	{ "1.2.3.4.5", 0, 0 },
	{ "01.2.3.4", 0, 0 },
	{ "1.2.3.4 ", 0, 0 },
	{ "1..3.4", 0, 0 },
	{ "1.2.3.", 0, 0 },
	{ ".1.2.3", 0, 0 },
	{ "0x1.2.3.4", 0, 0 },
	{ "1.2.3.1000", 0, 0 },
	{ "", 0, 0 },
};

START_TEST(test_ip4_parse)
{
	uint32_t ip = 42;
	int r = ip4_parse(ips[_i].in, &ip);

	if (ips[_i].ok) {
		ck_assert_msg(r == 0, "refused '%s'", ips[_i].in);
		ck_assert_uint_eq(ip, ips[_i].ip);
	} else {
		ck_assert_msg(r == -1, "accepted '%s'", ips[_i].in);
		ck_assert_uint_eq(ip, 42);
	}
}
END_TEST

START_TEST(test_ip4_forms)
{
	char buf[IP4_STRLEN], hex[IP4_HEXLEN];

	ck_assert_str_eq(ip4_ntoa(0xc0a80102, buf), "192.168.1.2");
	ck_assert_str_eq(ip4_hex(0xc0a80102, hex), "C0A80102");
	ck_assert_str_eq(ip4_hex(0x0a00000f, hex), "0A00000F");
	ck_assert_str_eq(ip4_ntoa(0xffffffff, buf), "255.255.255.255");
}
END_TEST

START_TEST(test_ip4_masks)
{
	ck_assert_int_eq(ip4_mask_len(0xffffff00), 24);
	ck_assert_int_eq(ip4_mask_len(0), 0);
	ck_assert_int_eq(ip4_mask_len(0xffffffff), 32);
	ck_assert_int_eq(ip4_mask_len(0xff00ff00), -1);
	ck_assert_int_eq(ip4_mask_len(0x00ffffff), -1);
	ck_assert(ip4_mask_valid(0xfffffffc));
	ck_assert(!ip4_mask_valid(0xfffffffd));
	ck_assert_uint_eq(ip4_len_mask(24), 0xffffff00);
	ck_assert_uint_eq(ip4_len_mask(0), 0);
	ck_assert_uint_eq(ip4_len_mask(32), 0xffffffff);
	ck_assert(ip4_in_net(0xc0a80102, 0xc0a80100, 0xffffff00));
	ck_assert(!ip4_in_net(0xc0a80202, 0xc0a80100, 0xffffff00));
}
END_TEST

Suite *
addr_suite(void)
{
	Suite *s = suite_create("addr");
	TCase *tc = tcase_create("core");

	tcase_add_loop_test(tc, test_mac_parse, 0,
	    (int)(sizeof(macs) / sizeof(macs[0])));
	tcase_add_test(tc, test_mac_forms);
	tcase_add_loop_test(tc, test_ip4_parse, 0,
	    (int)(sizeof(ips) / sizeof(ips[0])));
	tcase_add_test(tc, test_ip4_forms);
	tcase_add_test(tc, test_ip4_masks);
	suite_add_tcase(s, tc);
	return s;
}
