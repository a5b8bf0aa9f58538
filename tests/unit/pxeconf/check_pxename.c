// SPDX-License-Identifier: ISC
/*
 * Unit tests for pxeconf/pxename.c: pxelinux's lookup order for a client
 * with and without a UUID, a MAC and an address; UUID formatting and
 * parsing.
 */
#include <string.h>

#include "tests.h"

#include "pxeconf/pxename.h"

static const uint8_t uuid[PXENAME_UUIDLEN] = {
	0xb8, 0x94, 0x59, 0x08, 0xd6, 0xa6, 0x41, 0xa9,
	0x61, 0x1d, 0x74, 0xa6, 0xab, 0x80, 0xb8, 0x3d
};
static const uint8_t mac[6] = { 0x88, 0x99, 0xaa, 0xbb, 0xcc, 0xdd };

START_TEST(test_full_order)
{
	/* The example of syslinux doc/pxelinux.txt. */
	static const char *const want[] = {
		"b8945908-d6a6-41a9-611d-74a6ab80b83d",
		"01-88-99-aa-bb-cc-dd",
		"C0A8025B", "C0A8025", "C0A802", "C0A80", "C0A8", "C0A", "C0",
		"C", "default"
	};
	char names[PXENAME_NMAX][PXENAME_LEN];
	size_t i, n;

	n = pxename_list(uuid, mac, 0xc0a8025b, names);
	ck_assert_uint_eq(n, PXENAME_NMAX);
	for (i = 0; i < n; i++)
		ck_assert_str_eq(names[i], want[i]);
}
END_TEST

START_TEST(test_partial)
{
	char names[PXENAME_NMAX][PXENAME_LEN];
	size_t n;

	n = pxename_list(NULL, NULL, 0, names);
	ck_assert_uint_eq(n, 1);
	ck_assert_str_eq(names[0], "default");
	n = pxename_list(NULL, mac, 0, names);
	ck_assert_uint_eq(n, 2);
	ck_assert_str_eq(names[0], "01-88-99-aa-bb-cc-dd");
	n = pxename_list(NULL, NULL, 0xc000026f, names);
	ck_assert_uint_eq(n, 9);
	ck_assert_str_eq(names[0], "C000026F");
	ck_assert_str_eq(names[7], "C");
}
END_TEST

START_TEST(test_uuid_parse)
{
	uint8_t u[PXENAME_UUIDLEN], keep[PXENAME_UUIDLEN];
	char buf[PXENAME_LEN];

	ck_assert_int_eq(pxename_uuid_parse(
	    "B8945908-D6A6-41A9-611D-74A6AB80B83D", u), 0);
	ck_assert_mem_eq(u, uuid, sizeof(u));
	ck_assert_int_eq(pxename_uuid_parse(
	    "b8945908d6a641a9611d74a6ab80b83d", u), 0);
	ck_assert_str_eq(pxename_uuid(u, buf),
	    "b8945908-d6a6-41a9-611d-74a6ab80b83d");
	memcpy(keep, u, sizeof(u));
	ck_assert_int_eq(pxename_uuid_parse("b8945908", u), -1);
	ck_assert_int_eq(pxename_uuid_parse(
	    "b8945908d6a641a9611d74a6ab80b83d0", u), -1);
	ck_assert_int_eq(pxename_uuid_parse(
	    "-b8945908d6a641a9611d74a6ab80b83d", u), -1);
	ck_assert_int_eq(pxename_uuid_parse(
	    "g8945908d6a641a9611d74a6ab80b83d", u), -1);
	ck_assert_mem_eq(u, keep, sizeof(u));
}
END_TEST

Suite *
pxename_suite(void)
{
	Suite *s = suite_create("pxename");
	TCase *tc = tcase_create("core");

	tcase_add_test(tc, test_full_order);
	tcase_add_test(tc, test_partial);
	tcase_add_test(tc, test_uuid_parse);
	suite_add_tcase(s, tc);
	return s;
}
