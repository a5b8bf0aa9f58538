// SPDX-License-Identifier: ISC
/*
 * Unit tests for wakeup/wol_sched.c: the sequencer's plan driven by a fake
 * clock and log records.  Sequential and parallel slots, boots freeing a
 * slot, retry then failure without stopping the rest, the delay mode, and
 * records that must not count (wrong address, file, failure, WRQ), and a
 * node that could not be powered at all.
 */
#include <string.h>

#include "tests.h"

#include "wakeup/wol_sched.h"

#define IP(n)	(0xc0000200u + (n))	/* 192.0.2.n */

static struct wol_snode nodes[6];

static void
setup(size_t n)
{
	size_t i;

	memset(nodes, 0, sizeof(nodes));
	for (i = 0; i < n; i++) {
		nodes[i].ip = IP(11 + i);
		nodes[i].bootfile = "rootfs.gz";
	}
}

static struct xferlog_rec
rec(uint32_t ip, const char *file, bool ok)
{
	struct xferlog_rec r;

	memset(&r, 0, sizeof(r));
	r.ip = ip;
	strlcpy(r.file, file, sizeof(r.file));
	r.ok = ok;
	return r;
}

/* Runs the plan at `now' to its next wait; checks the expected action. */
static void
expect(struct wol_sched *s, int64_t now, enum wol_act act, size_t node)
{
	struct wol_action a;

	wol_sched_next(s, now, &a);
	ck_assert_int_eq(a.act, act);
	if (act == WA_SEND || act == WA_FAIL || act == WA_WOKEN)
		ck_assert_uint_eq(a.node, node);
}

START_TEST(test_sched_sequential)
{
	struct wol_sched s;
	struct xferlog_rec r;
	struct wol_action a;
	const char *errstr;

	setup(3);
	ck_assert_int_eq(wol_sched_init(&s, nodes, 3, 1, true, 1, 1000, 0,
	    &errstr), 0);
	expect(&s, 0, WA_SEND, 0);
	wol_sched_next(&s, 10, &a);
	ck_assert_int_eq(a.act, WA_WAIT);
	ck_assert(a.until == 1000);
	/* Not ours: other address, other file, a failure, a WRQ. */
	r = rec(IP(12), "rootfs.gz", true);
	ck_assert_int_eq(wol_sched_xfer(&s, &r, 20), -1);
	r = rec(IP(11), "vmlinuz", true);
	ck_assert_int_eq(wol_sched_xfer(&s, &r, 20), -1);
	r = rec(IP(11), "rootfs.gz", false);
	ck_assert_int_eq(wol_sched_xfer(&s, &r, 20), -1);
	r = rec(IP(11), "rootfs.gz", true);
	r.wrq = true;
	ck_assert_int_eq(wol_sched_xfer(&s, &r, 20), -1);
	expect(&s, 30, WA_WAIT, 0);
	r.wrq = false;
	ck_assert_int_eq(wol_sched_xfer(&s, &r, 40), 0);
	ck_assert_int_eq(nodes[0].state, WN_BOOTED);
	/* The slot is free: node 1 now, node 2 only after node 1. */
	expect(&s, 50, WA_SEND, 1);
	expect(&s, 50, WA_WAIT, 0);
	r = rec(IP(12), "rootfs.gz", true);
	ck_assert_int_eq(wol_sched_xfer(&s, &r, 60), 1);
	ck_assert_int_eq(wol_sched_xfer(&s, &r, 61), -1);	/* once */
	expect(&s, 70, WA_SEND, 2);
	r = rec(IP(13), "rootfs.gz", true);
	ck_assert_int_eq(wol_sched_xfer(&s, &r, 80), 2);
	expect(&s, 90, WA_DONE, 0);
}
END_TEST

START_TEST(test_sched_retry_fail)
{
	struct wol_sched s;
	struct xferlog_rec r;
	const char *errstr;

	setup(2);
	ck_assert_int_eq(wol_sched_init(&s, nodes, 2, 1, true, 1, 1000, 0,
	    &errstr), 0);
	expect(&s, 0, WA_SEND, 0);
	expect(&s, 999, WA_WAIT, 0);
	expect(&s, 1000, WA_SEND, 0);		/* the retry */
	ck_assert_uint_eq(nodes[0].sends, 2);
	expect(&s, 1999, WA_WAIT, 0);
	expect(&s, 2000, WA_FAIL, 0);		/* gives up... */
	expect(&s, 2000, WA_SEND, 1);		/* ...and goes on */
	ck_assert_int_eq(nodes[0].state, WN_FAILED);
	/* A late boot of a failed node changes nothing. */
	r = rec(IP(11), "rootfs.gz", true);
	ck_assert_int_eq(wol_sched_xfer(&s, &r, 2100), -1);
	/* Node 1 boots after its retry. */
	expect(&s, 3000, WA_SEND, 1);
	r = rec(IP(12), "rootfs.gz", true);
	ck_assert_int_eq(wol_sched_xfer(&s, &r, 3500), 1);
	ck_assert_uint_eq(nodes[1].sends, 2);
	expect(&s, 3600, WA_DONE, 0);
}
END_TEST

START_TEST(test_sched_parallel)
{
	struct wol_sched s;
	struct xferlog_rec r;
	const char *errstr;
	size_t i, busy;

	setup(5);
	ck_assert_int_eq(wol_sched_init(&s, nodes, 5, 2, true, 0, 1000, 0,
	    &errstr), 0);
	expect(&s, 0, WA_SEND, 0);
	expect(&s, 0, WA_SEND, 1);
	expect(&s, 0, WA_WAIT, 0);
	for (i = 0, busy = 0; i < 5; i++)
		busy += nodes[i].state == WN_WAITING;
	ck_assert_uint_eq(busy, 2);
	r = rec(IP(12), "rootfs.gz", true);
	ck_assert_int_eq(wol_sched_xfer(&s, &r, 100), 1);
	expect(&s, 100, WA_SEND, 2);
	expect(&s, 100, WA_WAIT, 0);
	/* No retries: node 0 fails at its timeout, node 3 takes its slot. */
	expect(&s, 1000, WA_FAIL, 0);
	expect(&s, 1000, WA_SEND, 3);
	expect(&s, 1000, WA_WAIT, 0);
	r = rec(IP(13), "rootfs.gz", true);
	ck_assert_int_eq(wol_sched_xfer(&s, &r, 1050), 2);
	r = rec(IP(14), "rootfs.gz", true);
	ck_assert_int_eq(wol_sched_xfer(&s, &r, 1060), 3);
	expect(&s, 1070, WA_SEND, 4);
	r = rec(IP(15), "rootfs.gz", true);
	ck_assert_int_eq(wol_sched_xfer(&s, &r, 1080), 4);
	expect(&s, 1090, WA_DONE, 0);
}
END_TEST

START_TEST(test_sched_delay)
{
	struct wol_sched s;
	struct xferlog_rec r;
	struct wol_action a;
	const char *errstr;

	setup(3);
	ck_assert_int_eq(wol_sched_init(&s, nodes, 3, 2, false, 1, 1000, 500,
	    &errstr), 0);
	expect(&s, 0, WA_SEND, 0);
	expect(&s, 0, WA_SEND, 1);
	wol_sched_next(&s, 0, &a);
	ck_assert_int_eq(a.act, WA_WAIT);
	ck_assert(a.until == 500);
	/* Without a log, records mean nothing. */
	r = rec(IP(11), "rootfs.gz", true);
	ck_assert_int_eq(wol_sched_xfer(&s, &r, 10), -1);
	expect(&s, 500, WA_WOKEN, 0);
	expect(&s, 500, WA_WOKEN, 1);
	expect(&s, 500, WA_SEND, 2);
	expect(&s, 1000, WA_WOKEN, 2);
	expect(&s, 1000, WA_DONE, 0);
	ck_assert_uint_eq(nodes[2].sends, 1);
}
END_TEST

START_TEST(test_sched_init_bad)
{
	struct wol_sched s;
	const char *errstr;

	setup(2);
	ck_assert_int_eq(wol_sched_init(&s, nodes, 2, 0, true, 1, 1000, 0,
	    &errstr), -1);
	ck_assert_int_eq(wol_sched_init(&s, nodes, 2, 1, true, 1, 0, 0,
	    &errstr), -1);
	nodes[1].bootfile = "";
	ck_assert_int_eq(wol_sched_init(&s, nodes, 2, 1, true, 1, 1000, 0,
	    &errstr), -1);
	ck_assert_str_eq(errstr, "a node has no boot file to wait for");
	/* Without a log no boot file is needed; no nodes is done at once. */
	ck_assert_int_eq(wol_sched_init(&s, nodes, 2, 1, false, 1, 1000, 0,
	    &errstr), 0);
	ck_assert_int_eq(wol_sched_init(&s, nodes, 0, 1, true, 1, 1000, 0,
	    &errstr), 0);
	expect(&s, 0, WA_DONE, 0);
}
END_TEST

/* A node that cannot be powered (its BMC is silent) gives its slot up. */
START_TEST(test_sched_power_fail)
{
	struct wol_sched s;
	struct xferlog_rec r;
	const char *errstr;

	setup(2);
	ck_assert_int_eq(wol_sched_init(&s, nodes, 2, 1, true, 2, 1000, 0,
	    &errstr), 0);
	expect(&s, 0, WA_SEND, 0);
	wol_sched_fail(&s, 0, 5);
	ck_assert_int_eq(nodes[0].state, WN_FAILED);
	ck_assert_int_eq(nodes[0].done_ms, 5);
	wol_sched_fail(&s, 0, 6);		/* not waiting: no change */
	wol_sched_fail(&s, 1, 6);		/* not woken yet: none */
	ck_assert_int_eq(nodes[1].state, WN_PENDING);
	ck_assert_uint_eq(s.busy, 0);
	expect(&s, 10, WA_SEND, 1);
	r = rec(IP(12), "rootfs.gz", true);
	ck_assert_int_eq(wol_sched_xfer(&s, &r, 40), 1);
	expect(&s, 50, WA_DONE, 0);
	ck_assert_int_eq(nodes[0].state, WN_FAILED);
}
END_TEST

Suite *
wol_sched_suite(void)
{
	Suite *s = suite_create("wol_sched");
	TCase *tc = tcase_create("core");

	tcase_add_test(tc, test_sched_sequential);
	tcase_add_test(tc, test_sched_retry_fail);
	tcase_add_test(tc, test_sched_parallel);
	tcase_add_test(tc, test_sched_delay);
	tcase_add_test(tc, test_sched_init_bad);
	tcase_add_test(tc, test_sched_power_fail);
	suite_add_tcase(s, tc);
	return s;
}
