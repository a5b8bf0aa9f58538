// SPDX-License-Identifier: ISC
/*
 * Unit tests for wakeup/wol_pace.c (--parallel auto) and its use by
 * wol_sched.c: the window starts at 2, doubles per round of boots while
 * transfer times stay flat per node booting (and it is filled), then grows
 * by one per round; a transfer slower than its share (smoothed, with its
 * deviation, as TCP's round trip; not the spread of a noisy machine), a
 * failed one or a node's timeout halves it, once per round, never below
 * 1; lookups' misses and short files do not count; it never passes its
 * limit, and the plan never wakes more nodes than the window.
 */
#include <string.h>

#include "tests.h"

#include "wakeup/wol_pace.h"
#include "wakeup/wol_sched.h"

#define IP(n)	(0xc0000200u + (n))	/* 192.0.2.n */

static struct xferlog_rec
xrec(const char *file, uint64_t bytes, uint64_t dur_ms, const char *fail)
{
	struct xferlog_rec r;

	memset(&r, 0, sizeof(r));
	r.ip = IP(11);
	strlcpy(r.file, file, sizeof(r.file));
	r.bytes = bytes;
	r.dur_ms = dur_ms;
	r.ok = fail == NULL;
	if (fail != NULL)
		strlcpy(r.fail, fail, sizeof(r.fail));
	return r;
}

START_TEST(test_pace_grow)
{
	struct wol_pace p;
	size_t i;

	wol_pace_init(&p, 100);
	ck_assert_uint_eq(wol_pace_window(&p), 2);
	for (i = 0; i < 6; i++)		/* slow start: one per boot */
		ck_assert_int_eq(wol_pace_booted(&p, true), WP_BOOTED);
	ck_assert_uint_eq(wol_pace_window(&p), 8);
	for (i = 0; i < 200; i++)
		wol_pace_booted(&p, true);
	ck_assert_uint_eq(wol_pace_window(&p), 100);	/* its limit */
	wol_pace_init(&p, 1);
	ck_assert_uint_eq(wol_pace_window(&p), 1);
	ck_assert_int_eq(wol_pace_booted(&p, true), WP_NONE);
	ck_assert_uint_eq(wol_pace_window(&p), 1);
	/* a window not filled (fewer nodes left) does not grow */
	wol_pace_init(&p, 100);
	ck_assert_int_eq(wol_pace_booted(&p, false), WP_NONE);
	ck_assert_uint_eq(wol_pace_window(&p), 2);
}
END_TEST

/* 14 boots in slow start: a window of 16 */
static void
pace16(struct wol_pace *p)
{
	size_t i;

	wol_pace_init(p, 64);
	for (i = 0; i < 14; i++)
		wol_pace_booted(p, true);
	ck_assert_uint_eq(wol_pace_window(p), 16);
}

START_TEST(test_pace_slow)
{
	struct wol_pace p;
	struct xferlog_rec r;
	size_t i;

	pace16(&p);
	/* 300 ms with 2 booting: 150 ms per node, deviation 75 (RFC 6298) */
	r = xrec("vmlinuz", 8 << 20, 300, NULL);
	ck_assert_int_eq(wol_pace_xfer(&p, &r, 10000, 2), WP_NONE);
	/* 16 x (150 + 4 x 75) = 7200 ms is their share; the first
	 * WOL_PACE_WARMUP + 1 only teach, the deviation shrinks to 31.64 */
	r.dur_ms = 2400;
	for (i = 0; i < 3; i++)
		ck_assert_int_eq(wol_pace_xfer(&p, &r, 11000, 16), WP_NONE);
	/* 16 x (150 + 4 x 31.64) = 4424, + 100: still flat */
	r.dur_ms = 4524;
	ck_assert_int_eq(wol_pace_xfer(&p, &r, 11500, 16), WP_NONE);
	/* that spread widened it: 16 x (166.593 + 4 x 56.917) = 6308 */
	r.dur_ms = 6409;
	ck_assert_int_eq(wol_pace_xfer(&p, &r, 12000, 16), WP_SLOW);
	ck_assert_uint_eq(wol_pace_window(&p), 8);
	ck_assert_uint_eq(p.last_ms, 6409);
	ck_assert_uint_eq(p.flat_ms, 6308);
	ck_assert_str_eq(p.last_file, "vmlinuz");
	/* begun before the cut (12500 - 50000 < 12000): the old window's */
	r.dur_ms = 50000;
	ck_assert_int_eq(wol_pace_xfer(&p, &r, 12500, 16), WP_NONE);
	ck_assert_uint_eq(wol_pace_window(&p), 8);
	/* after the cut: one per round now, 1/w per boot */
	for (i = 1; wol_pace_booted(&p, true) == WP_NONE; i++)
		ck_assert_uint_lt(i, 10);
	ck_assert_uint_ge(i, 8);
	ck_assert_uint_eq(wol_pace_window(&p), 9);
	ck_assert_uint_eq(p.downs, 1);
}
END_TEST

/* Alone, twice the fastest is flat (latency), whatever the share says. */
START_TEST(test_pace_latency)
{
	struct wol_pace p;
	struct xferlog_rec r;

	size_t i;

	pace16(&p);
	r = xrec("vmlinuz", 8 << 20, 800, NULL);	/* 100 ms per node */
	for (i = 0; i < 4; i++)
		ck_assert_int_eq(wol_pace_xfer(&p, &r, 10000, 8), WP_NONE);
	r.dur_ms = 1700;		/* 1 x (100 + 4 x 21) < 2 x 800 + 100 */
	ck_assert_int_eq(wol_pace_xfer(&p, &r, 11000, 1), WP_NONE);
	pace16(&p);
	r.dur_ms = 800;
	for (i = 0; i < 4; i++)
		ck_assert_int_eq(wol_pace_xfer(&p, &r, 10000, 8), WP_NONE);
	r.dur_ms = 1701;
	ck_assert_int_eq(wol_pace_xfer(&p, &r, 11000, 1), WP_SLOW);
	ck_assert_uint_eq(p.flat_ms, 1600);
}
END_TEST

/*
 * A shared, noisy machine: 8 MiB at 1 or 2 booting takes 0.17 to 1.5 s
 * (measured, BENCHMARKS.md): that spread alone must not narrow.
 */
START_TEST(test_pace_noise)
{
	static const uint64_t ms[] = {
		170, 1500, 400, 900, 230, 1200, 650, 1450, 180, 1100, 300, 1500
	};
	struct wol_pace p;
	struct xferlog_rec r;
	size_t i;

	pace16(&p);
	r = xrec("vmlinuz", 8 << 20, 0, NULL);
	for (i = 0; i < sizeof(ms) / sizeof(ms[0]); i++) {
		r.dur_ms = ms[i];
		ck_assert_int_eq(wol_pace_xfer(&p, &r, 10000 + 2000 *
		    (int64_t)i, 1 + i % 2), WP_NONE);
	}
	/* past capacity: 1 s retransmission timeouts on top */
	r.dur_ms = 4 * 1500;
	ck_assert_int_eq(wol_pace_xfer(&p, &r, 40000, 2), WP_SLOW);
}
END_TEST

START_TEST(test_pace_ignored)
{
	struct wol_pace p;
	struct xferlog_rec r;

	wol_pace_init(&p, 64);
	wol_pace_booted(&p, true);
	r = xrec("pxelinux.cfg/01-52-54-00-00-00-01", 0, 5, "E1");
	ck_assert_int_eq(wol_pace_xfer(&p, &r, 1000, 2), WP_NONE);	/* miss */
	r = xrec("pxelinux.cfg/default", 200, 10, NULL);
	ck_assert_int_eq(wol_pace_xfer(&p, &r, 1000, 2), WP_NONE);
	r.dur_ms = 5000;		/* short: latency, not load */
	ck_assert_int_eq(wol_pace_xfer(&p, &r, 9000, 2), WP_NONE);
	r = xrec("ipxe.efi", 0, 1, "HEAD");	/* UEFI HTTP Boot's first ask */
	ck_assert_int_eq(wol_pace_xfer(&p, &r, 1000, 2), WP_NONE);
	r = xrec("ipxe/192.0.2.11.ipxe", 153, 1, "H404");
	ck_assert_int_eq(wol_pace_xfer(&p, &r, 1000, 2), WP_NONE);
	r = xrec("up", 1 << 20, 10, NULL);
	r.wrq = true;
	ck_assert_int_eq(wol_pace_xfer(&p, &r, 9000, 2), WP_NONE);
	ck_assert_uint_eq(wol_pace_window(&p), 3);
	ck_assert_uint_eq(p.downs, 0);
}
END_TEST

START_TEST(test_pace_fail)
{
	struct wol_pace p;
	struct xferlog_rec r;

	wol_pace_init(&p, 64);
	wol_pace_booted(&p, true);
	wol_pace_booted(&p, true);		/* 4 */
	r = xrec("initrd.gz", 1 << 20, 3000, "timeout");
	ck_assert_int_eq(wol_pace_xfer(&p, &r, 10000, 4), WP_FAILED);
	ck_assert_uint_eq(wol_pace_window(&p), 2);
	/* an HTTP download cut short is trouble too (not counted again) */
	r = xrec("initrd.gz", 65536, 3000, "incomplete");
	ck_assert_int_eq(wol_pace_xfer(&p, &r, 10500, 2), WP_NONE);
	r = xrec("initrd.gz", 65536, 100, "incomplete");
	ck_assert_int_eq(wol_pace_xfer(&p, &r, 10600, 2), WP_FAILED);
	ck_assert_uint_eq(wol_pace_window(&p), 1);
	wol_pace_init(&p, 64);
	wol_pace_booted(&p, true);
	wol_pace_booted(&p, true);		/* 4 */
	r = xrec("initrd.gz", 1 << 20, 3000, "timeout");
	ck_assert_int_eq(wol_pace_xfer(&p, &r, 10000, 4), WP_FAILED);
	ck_assert_uint_eq(wol_pace_window(&p), 2);
	ck_assert_int_eq(wol_pace_timeout(&p, 11000, 20000), WP_TIMEOUT);
	ck_assert_uint_eq(wol_pace_window(&p), 1);
	ck_assert_int_eq(wol_pace_timeout(&p, 21000, 30000), WP_TIMEOUT);
	ck_assert_uint_eq(wol_pace_window(&p), 1);	/* never below 1 */
	/* a node woken before the last cut: not counted again */
	ck_assert_int_eq(wol_pace_timeout(&p, 29000, 40000), WP_NONE);
}
END_TEST

/* The plan wakes at most the window, and hears of boots and transfers. */
START_TEST(test_pace_sched)
{
	struct wol_snode v[10];
	struct wol_sched s;
	struct wol_pace p;
	struct wol_action a;
	struct xferlog_rec r;
	const char *errstr;
	size_t i, sent = 0;

	memset(v, 0, sizeof(v));
	for (i = 0; i < 10; i++) {
		v[i].ip = IP(11 + i);
		v[i].bootfile = "initrd.gz";
	}
	ck_assert_int_eq(wol_sched_init(&s, v, 10, 6, true, 0, 60000, 0,
	    &errstr), 0);
	wol_pace_init(&p, 6);
	s.pace = &p;
	for (wol_sched_next(&s, 0, &a); a.act == WA_SEND;
	    wol_sched_next(&s, 0, &a))
		sent++;
	ck_assert_uint_eq(sent, 2);		/* the window, not 6 */
	r = xrec("vmlinuz", 8 << 20, 400, NULL);
	wol_sched_xfer(&s, &r, 500);
	r = xrec("initrd.gz", 8 << 20, 400, NULL);
	ck_assert_int_eq(wol_sched_xfer(&s, &r, 1000), 0);	/* node 0 */
	ck_assert_uint_eq(wol_pace_window(&p), 3);
	for (sent = 0, wol_sched_next(&s, 1000, &a); a.act == WA_SEND;
	    wol_sched_next(&s, 1000, &a))
		sent++;
	ck_assert_uint_eq(sent, 2);		/* 1 busy + 2 = 3 */
	ck_assert_uint_eq(s.busy, 3);
	/* three more of 400 ms teach the file (WOL_PACE_WARMUP) */
	for (i = 0; i < 3; i++)
		ck_assert_int_eq(wol_pace_xfer(&p, &r, 1000, 2), WP_NONE);
	r.ip = IP(12);
	r.dur_ms = 2500;		/* 3 x (200 + 4 x 42.2) + 100 < 2500 */
	ck_assert_int_eq(wol_sched_xfer(&s, &r, 3000), 1);
	ck_assert_uint_eq(p.downs, 1);
	/* 3 / 2 = 1, then its boot: + 1/1 */
	ck_assert_uint_eq(wol_pace_window(&p), 2);
	wol_sched_next(&s, 3000, &a);
	ck_assert_int_eq(a.act, WA_WAIT);	/* 2 busy */
	/* node 2 fails: woken before the cut, its timeout is not counted */
	wol_sched_next(&s, 70000, &a);
	ck_assert_int_eq(a.act, WA_FAIL);
	ck_assert_uint_eq(p.downs, 1);
	/* node 4, woken after the cut, is: the window halves */
	wol_sched_next(&s, 70000, &a);
	ck_assert_int_eq(a.act, WA_FAIL);	/* node 3 */
	wol_sched_next(&s, 70000, &a);
	ck_assert_int_eq(a.act, WA_SEND);
	ck_assert_uint_eq(a.node, 4);
	wol_sched_next(&s, 140000, &a);
	ck_assert_int_eq(a.act, WA_FAIL);
	ck_assert_uint_eq(p.downs, 2);
	ck_assert_int_eq(p.why, WP_TIMEOUT);
	ck_assert_uint_eq(wol_pace_window(&p), 1);
}
END_TEST

Suite *
wol_pace_suite(void)
{
	Suite *s = suite_create("wol_pace");
	TCase *tc = tcase_create("core");

	tcase_add_test(tc, test_pace_grow);
	tcase_add_test(tc, test_pace_slow);
	tcase_add_test(tc, test_pace_latency);
	tcase_add_test(tc, test_pace_noise);
	tcase_add_test(tc, test_pace_ignored);
	tcase_add_test(tc, test_pace_fail);
	tcase_add_test(tc, test_pace_sched);
	suite_add_tcase(s, tc);
	return s;
}
