// SPDX-License-Identifier: ISC
/*
 * Unit tests for in.tftpd/tftp_limit.c: the per-address cap (a flood from
 * one address leaves room for the others), the global cap, releases that
 * give the room back and keep the table compact, a table smaller than
 * max_total, the log rate limit's windows and held-back count, and the
 * table of transfers begun: a copy of a request that arrived before its
 * transfer began is one, the same request sent after is not.
 */
#include "tests.h"

#include "in.tftpd/tftp_limit.h"

#define A	0xc0000201u	/* 192.0.2.1 */
#define B	0xc0000202u
#define C	0xc0000203u

/* A flood from A stops at max_per_src; B still gets in. */
START_TEST(test_per_source)
{
	struct tftp_limit_src tab[16];
	struct tftp_limit l;
	unsigned i, ok = 0;

	tftp_limit_init(&l, tab, 16, 16, 4);
	for (i = 0; i < 600; i++)
		ok += tftp_limit_take(&l, A) == TFTP_ADMIT_OK;
	ck_assert_uint_eq(ok, 4);
	ck_assert_int_eq(tftp_limit_take(&l, A), TFTP_ADMIT_SOURCE);
	ck_assert_int_eq(tftp_limit_take(&l, B), TFTP_ADMIT_OK);
	ck_assert_uint_eq(tftp_limit_count(&l, A), 4);
	ck_assert_uint_eq(tftp_limit_count(&l, B), 1);
	ck_assert_uint_eq(tftp_limit_count(&l, C), 0);
	ck_assert_uint_eq(l.total, 5);
	ck_assert_int_eq(tftp_limit_release(&l, A), 0);
	ck_assert_int_eq(tftp_limit_take(&l, A), TFTP_ADMIT_OK);
	ck_assert_int_eq(tftp_limit_take(&l, A), TFTP_ADMIT_SOURCE);
}
END_TEST

/* The global cap, then releases: entries leave when their count is 0. */
START_TEST(test_total)
{
	struct tftp_limit_src tab[8];
	struct tftp_limit l;
	uint32_t ip;

	tftp_limit_init(&l, tab, 8, 5, 2);
	for (ip = 1; ip <= 5; ip++)
		ck_assert_int_eq(tftp_limit_take(&l, ip), TFTP_ADMIT_OK);
	ck_assert_int_eq(tftp_limit_take(&l, 6), TFTP_ADMIT_FULL);
	ck_assert_int_eq(tftp_limit_take(&l, 1), TFTP_ADMIT_FULL);
	ck_assert_uint_eq(l.nsrc, 5);
	ck_assert_int_eq(tftp_limit_release(&l, 2), 0);
	ck_assert_uint_eq(l.nsrc, 4);
	ck_assert_int_eq(tftp_limit_release(&l, 2), -1);
	ck_assert_int_eq(tftp_limit_release(&l, 99), -1);
	ck_assert_uint_eq(l.total, 4);
	ck_assert_uint_eq(tftp_limit_count(&l, 5), 1);	/* moved, kept */
	ck_assert_int_eq(tftp_limit_take(&l, 1), TFTP_ADMIT_OK);
	ck_assert_int_eq(tftp_limit_take(&l, 1), TFTP_ADMIT_FULL);
	for (ip = 1; ip <= 5; ip++)
		while (tftp_limit_release(&l, ip) == 0)
			;
	ck_assert_uint_eq(l.total, 0);
	ck_assert_uint_eq(l.nsrc, 0);
}
END_TEST

/* max_total above the table's size is cut to it: no entry overflows. */
START_TEST(test_small_table)
{
	struct tftp_limit_src tab[3];
	struct tftp_limit l;
	uint32_t ip;

	tftp_limit_init(&l, tab, 3, 1000, 1000);
	ck_assert_uint_eq(l.max_total, 3);
	for (ip = 1; ip <= 3; ip++)
		ck_assert_int_eq(tftp_limit_take(&l, ip), TFTP_ADMIT_OK);
	ck_assert_int_eq(tftp_limit_take(&l, 4), TFTP_ADMIT_FULL);
	ck_assert_int_eq(tftp_limit_release(&l, 1), 0);
	ck_assert_int_eq(tftp_limit_take(&l, 1), TFTP_ADMIT_OK);
}
END_TEST

/* At most 3 lines a minute; the first after a quiet spell says how many. */
START_TEST(test_loglim)
{
	struct tftp_loglim ll = { 0 };
	unsigned held = 99, i, ok = 0;

	ck_assert(tftp_loglim_ok(&ll, 0, 3, 60000, &held));
	ck_assert_uint_eq(held, 0);
	for (i = 1; i < 1000; i++)
		ok += tftp_loglim_ok(&ll, i, 3, 60000, &held);
	ck_assert_uint_eq(ok, 2);
	ck_assert(!tftp_loglim_ok(&ll, 59999, 3, 60000, &held));
	ck_assert(tftp_loglim_ok(&ll, 60000, 3, 60000, &held));
	ck_assert_uint_eq(held, 998);
	ck_assert(tftp_loglim_ok(&ll, 60001, 3, 60000, &held));
	ck_assert_uint_eq(held, 0);
	ck_assert(tftp_loglim_ok(&ll, 500000, 3, 60000, &held));
	ck_assert(!tftp_loglim_ok(&ll, 500000, 0, 60000, &held));
}
END_TEST

START_TEST(test_recent)
{
	static const char rrq[] = "\0\1pxelinux.0\0octet\0";
	static const char other[] = "\0\1ldlinux.c32\0octet\0";
	struct tftp_recent_ent tab[64];
	struct tftp_recent r;
	uint32_t h = tftp_recent_hash(rrq, sizeof(rrq));
	uint32_t h2 = tftp_recent_hash(other, sizeof(other));

	tftp_recent_init(&r, tab, 64);
	ck_assert(!tftp_recent_copy(&r, A, 1024, h, 500));
	tftp_recent_add(&r, A, 1024, h, 1000);
	ck_assert(tftp_recent_copy(&r, A, 1024, h, 400));	/* queued */
	ck_assert(tftp_recent_copy(&r, A, 1024, h, 1000));
	ck_assert(!tftp_recent_copy(&r, A, 1024, h, 1001));	/* sent later */
	ck_assert(!tftp_recent_copy(&r, A, 1025, h, 400));	/* other port */
	ck_assert(!tftp_recent_copy(&r, B, 1024, h, 400));	/* other host */
	ck_assert_uint_ne(h, h2);
	ck_assert(!tftp_recent_copy(&r, A, 1024, h2, 400));	/* other file */
	/* the same request begun again later: copies of the new one count */
	tftp_recent_add(&r, A, 1024, h, 5000);
	ck_assert(tftp_recent_copy(&r, A, 1024, h, 4000));
	ck_assert(!tftp_recent_copy(&r, A, 1024, h, 6000));
}
END_TEST

Suite *
tftp_limit_suite(void)
{
	Suite *s = suite_create("tftp_limit");
	TCase *tc = tcase_create("core");

	tcase_add_test(tc, test_per_source);
	tcase_add_test(tc, test_total);
	tcase_add_test(tc, test_small_table);
	tcase_add_test(tc, test_loglim);
	tcase_add_test(tc, test_recent);
	suite_add_tcase(s, tc);
	return s;
}
