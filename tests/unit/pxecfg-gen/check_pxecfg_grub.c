// SPDX-License-Identifier: ISC
/*
 * Unit tests for GRUB's names: the order GRUB 2.06's network boot tries
 * (grub-core/net/net.c: UUID, 01-MAC, hex address shortened to one digit,
 * grub.cfg), and the lookup that only the default file carries.
 */
#include "tests.h"

#include "pxecfg-gen/pxecfg_grub.h"

static const uint8_t mac[6] = { 0x52, 0x54, 0x00, 0x0b, 0x00, 0x01 };
static const uint8_t uuid[16] = { 0x01, 0x23, 0x45, 0x67, 0x89, 0xab,
    0xcd, 0xef, 0x01, 0x23, 0x45, 0x67, 0x89, 0xab, 0xcd, 0xef };

START_TEST(test_order)
{
	char n[PXECFG_GRUB_NMAX][PXECFG_GRUB_NAMELEN];
	size_t k;

	k = pxecfg_grub_list(uuid, mac, 0xc0000265, n);
	ck_assert_uint_eq(k, 11);
	ck_assert_str_eq(n[0], "grub.cfg-01234567-89ab-cdef-0123-456789abcdef");
	ck_assert_str_eq(n[1], "grub.cfg-01-52-54-00-0b-00-01");
	ck_assert_str_eq(n[2], "grub.cfg-C0000265");
	ck_assert_str_eq(n[3], "grub.cfg-C000026");
	ck_assert_str_eq(n[9], "grub.cfg-C");
	ck_assert_str_eq(n[10], "grub.cfg");
}
END_TEST

START_TEST(test_partial)
{
	char n[PXECFG_GRUB_NMAX][PXECFG_GRUB_NAMELEN];

	/* No UUID, no address: the MAC, then grub.cfg. */
	ck_assert_uint_eq(pxecfg_grub_list(NULL, mac, 0, n), 2);
	ck_assert_str_eq(n[0], "grub.cfg-01-52-54-00-0b-00-01");
	ck_assert_str_eq(n[1], "grub.cfg");
	/* Nothing known: grub.cfg alone. */
	ck_assert_uint_eq(pxecfg_grub_list(NULL, NULL, 0, n), 1);
	ck_assert_str_eq(n[0], "grub.cfg");
}
END_TEST

START_TEST(test_name)
{
	char buf[PXECFG_GRUB_NAMELEN], small[12];

	ck_assert_str_eq(pxecfg_grub_name("C00002", buf, sizeof(buf)),
	    "grub.cfg-C00002");
	/* Cut, never overrun. */
	ck_assert_str_eq(pxecfg_grub_name("C0000265", small, sizeof(small)),
	    "grub.cfg-C0");
}
END_TEST

START_TEST(test_lookup)
{
	const char *l = pxecfg_grub_lookup("grub.cfg");

	ck_assert_ptr_nonnull(l);
	/* It loads the MAC's file under GRUB's prefix, dashes for colons. */
	ck_assert_ptr_nonnull(strstr(l, "\"$net_default_mac\""));
	ck_assert_ptr_nonnull(strstr(l,
	    "configfile \"$prefix/grub.cfg-01-$m1-$m2-$m3-$m4-$m5-$m6\""));
	ck_assert_ptr_null(pxecfg_grub_lookup("grub.cfg-C00002"));
	ck_assert_ptr_null(pxecfg_grub_lookup("grub.cfg-01-52-54-00-0b-00-01"));
}
END_TEST

Suite *
pxecfg_grub_suite(void)
{
	Suite *s = suite_create("pxecfg_grub");
	TCase *tc = tcase_create("core");

	tcase_add_test(tc, test_order);
	tcase_add_test(tc, test_partial);
	tcase_add_test(tc, test_name);
	tcase_add_test(tc, test_lookup);
	suite_add_tcase(s, tc);
	return s;
}
