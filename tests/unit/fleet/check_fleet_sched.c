// SPDX-License-Identifier: ISC
/*
 * Unit tests for fleet/fl_sched.c: the retransmission schedules of the
 * load generator's clients.  iPXE's and EDK2's tables exactly, the PXE
 * specification's 4/8/16/32 s with its RFC 2131 randomisation (within
 * bounds, and spread so that a fleet does not retransmit in step),
 * pxelinux's TimeoutTable with the BIOS tick's phase, ARP, and which offer
 * ends the discovery.
 */
#include "tests.h"

#include "fleet/fl_sched.h"

#define SEC	1000000LL

/* The waits of a sequence until it ends, and their sum. */
static unsigned
count(enum fl_sched s, enum fl_wait w, uint64_t rnd, int64_t *sum)
{
	unsigned k;
	int64_t t;

	*sum = 0;
	for (k = 0; k < 100 && (t = fl_sched_wait(s, w, k, rnd)) >= 0; k++)
		*sum += t;
	return k;
}

START_TEST(test_ipxe)
{
	static const int64_t disc[] = { SEC, 2 * SEC, 4 * SEC, 8 * SEC };
	int64_t sum;
	unsigned k;

	for (k = 0; k < 4; k++)
		ck_assert_int_eq(fl_sched_wait(FL_S_IPXE, FL_W_DISCOVER, k, k),
		    disc[k]);
	/* DISCOVERs at 0, 1, 3, 7 s; gives up at 15 s (no jitter) */
	ck_assert_uint_eq(count(FL_S_IPXE, FL_W_DISCOVER, 99, &sum), 4);
	ck_assert_int_eq(sum, 15 * SEC);
	ck_assert_uint_eq(count(FL_S_IPXE, FL_W_REQUEST, 7, &sum), 6);
	ck_assert_int_eq(sum, 15 * SEC + 3 * SEC / 4);
	ck_assert_int_eq(fl_sched_wait(FL_S_IPXE, FL_W_REQUEST, 0, 5),
	    SEC / 4);
	ck_assert_uint_eq(count(FL_S_IPXE, FL_W_IPXE_TFTP, 1, &sum), 6);
	ck_assert_int_eq(sum, 15 * SEC + 3 * SEC / 4);
	/* neighbour: 0.125 s doubling, the 4 s step is over 3 s */
	ck_assert_uint_eq(count(FL_S_IPXE, FL_W_ARP, 1, &sum), 5);
	ck_assert_int_eq(sum, 3 * SEC + 7 * SEC / 8);
}
END_TEST

START_TEST(test_edk2)
{
	int64_t sum;
	unsigned k;

	for (k = 0; k < 4; k++) {
		ck_assert_int_eq(fl_sched_wait(FL_S_EDK2, FL_W_DISCOVER, k,
		    12345 * k), (4 * SEC) << k);
		ck_assert_int_eq(fl_sched_wait(FL_S_EDK2, FL_W_REQUEST, k, k),
		    (4 * SEC) << k);
	}
	ck_assert_uint_eq(count(FL_S_EDK2, FL_W_DISCOVER, 3, &sum), 4);
	ck_assert_int_eq(sum, 60 * SEC);
}
END_TEST

/* The PXE schedule: 4, 8, 16, 32 s, each within +-1 s, and spread. */
START_TEST(test_pxe_jitter)
{
	uint64_t st = 42;
	int64_t t, lo[4], hi[4], rlo = INT64_MAX, rhi = 0, sum;
	unsigned k, i;

	for (k = 0; k < 4; k++) {
		lo[k] = INT64_MAX;
		hi[k] = 0;
		for (i = 0; i < 2000; i++) {
			t = fl_sched_wait(FL_S_PXE, FL_W_DISCOVER, k,
			    fl_rand(&st));
			ck_assert_int_ge(t, ((4 * SEC) << k) - SEC);
			ck_assert_int_le(t, ((4 * SEC) << k) + SEC);
			lo[k] = t < lo[k] ? t : lo[k];
			hi[k] = t > hi[k] ? t : hi[k];
		}
		/* 2000 draws cover the 2 s range but for its ends */
		ck_assert_int_lt(lo[k], ((4 * SEC) << k) - SEC + SEC / 20);
		ck_assert_int_gt(hi[k], ((4 * SEC) << k) + SEC - SEC / 20);
	}
	ck_assert_int_eq(fl_sched_wait(FL_S_PXE, FL_W_DISCOVER, 4, 1), -1);
	for (i = 0; i < 2000; i++) {
		t = fl_sched_wait(FL_S_PXE, FL_W_REQUEST, 0, fl_rand(&st));
		rlo = t < rlo ? t : rlo;
		rhi = t > rhi ? t : rhi;
	}
	ck_assert_int_ge(rlo, 3 * SEC / 4);
	ck_assert_int_le(rhi, 5 * SEC / 4);
	ck_assert_int_lt(rlo, SEC);
	ck_assert_int_gt(rhi, SEC);
	ck_assert_uint_eq(count(FL_S_PXE, FL_W_REQUEST, 0, &sum), 4);
}
END_TEST

START_TEST(test_pxelinux)
{
	static const int ticks[] = {
		2, 2, 3, 3, 4, 5, 6, 7, 9, 10, 12, 15, 18, 21, 26, 31, 37,
		44, 53, 64, 77, 92, 110, 132, 159, 191, 229, 255, 255, 255,
		255
	};
	uint64_t st = 7;
	int64_t t, sum = 0;
	unsigned k, i;

	for (k = 0; k < 31; k++)
		for (i = 0; i < 50; i++) {
			t = fl_sched_wait(FL_S_PXE, FL_W_PXELINUX, k,
			    fl_rand(&st));
			ck_assert_int_gt(t, (ticks[k] - 1) * FL_TICK_US);
			ck_assert_int_le(t, ticks[k] * FL_TICK_US);
		}
	ck_assert_int_eq(fl_sched_wait(FL_S_PXE, FL_W_PXELINUX, 31, 1), -1);
	/* the longest: 2382 ticks, about 131 s, before pxelinux gives up */
	for (k = 0; k < 31; k++)
		sum += fl_sched_wait(FL_S_PXE, FL_W_PXELINUX, k,
		    FL_TICK_US - 1);
	ck_assert_int_eq(sum, 2382LL * FL_TICK_US);
}
END_TEST

START_TEST(test_take_offer)
{
	ck_assert(fl_sched_take_offer(FL_S_IPXE, true, 0, false));
	ck_assert(!fl_sched_take_offer(FL_S_IPXE, false, SEC, false));
	ck_assert(!fl_sched_take_offer(FL_S_IPXE, false, 2 * SEC, true));
	ck_assert(fl_sched_take_offer(FL_S_IPXE, false, 3 * SEC, true));
	ck_assert(!fl_sched_take_offer(FL_S_EDK2, true, 0, false));
	ck_assert(fl_sched_take_offer(FL_S_EDK2, false, 4 * SEC, true));
	ck_assert(fl_sched_take_offer(FL_S_PXE, true, 0, false));
	ck_assert(!fl_sched_take_offer(FL_S_PXE, false, SEC, false));
	ck_assert(fl_sched_take_offer(FL_S_PXE, false, 4 * SEC, true));
}
END_TEST

START_TEST(test_names)
{
	enum fl_sched s;

	ck_assert_int_eq(fl_sched_parse("ipxe", &s), 0);
	ck_assert_int_eq(s, FL_S_IPXE);
	ck_assert_str_eq(fl_sched_name(s), "ipxe");
	ck_assert_int_eq(fl_sched_parse("edk2", &s), 0);
	ck_assert_int_eq(fl_sched_parse("pxe", &s), 0);
	ck_assert_int_eq(s, FL_S_PXE);
	ck_assert_int_eq(fl_sched_parse("PXE", &s), -1);
	ck_assert_int_eq(fl_sched_parse("", &s), -1);
}
END_TEST

Suite *
fleet_sched_suite(void)
{
	Suite *s = suite_create("fleet_sched");
	TCase *tc = tcase_create("core");

	tcase_add_test(tc, test_ipxe);
	tcase_add_test(tc, test_edk2);
	tcase_add_test(tc, test_pxe_jitter);
	tcase_add_test(tc, test_pxelinux);
	tcase_add_test(tc, test_take_offer);
	tcase_add_test(tc, test_names);
	suite_add_tcase(s, tc);
	return s;
}
