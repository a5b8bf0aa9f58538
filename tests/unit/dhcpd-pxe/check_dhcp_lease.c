// SPDX-License-Identifier: ISC
/*
 * Unit tests for dhcpd-pxe/lease.c: insert and replace, both indexes
 * across rehashing, lease states against an injected clock, allocation
 * with a cursor, reserved addresses and a full range.
 */
#include <string.h>

#include "tests.h"

#include "dhcpd-pxe/lease.h"

static struct lease
mk(uint32_t ip, uint8_t macbyte, enum lease_state st, int64_t ends)
{
	struct lease l;

	memset(&l, 0, sizeof(l));
	l.ip = ip;
	memcpy(l.mac, "\x02\x00\x00\x00\x01", 5);
	l.mac[5] = macbyte;
	l.state = st;
	l.ends = ends;
	return l;
}

START_TEST(test_table)
{
	struct lease_table t;
	struct lease l;
	uint32_t i;

	lease_table_init(&t);
	ck_assert_ptr_null(lease_by_ip(&t, 1));
	for (i = 0; i < 1000; i++) {
		l = mk(0xc0000000 + i, (uint8_t)i, LEASE_ACTIVE, 100);
		ck_assert_ptr_nonnull(lease_put(&t, &l));
	}
	ck_assert_uint_eq(t.n, 1000);
	for (i = 0; i < 1000; i++)
		ck_assert_uint_eq(lease_by_ip(&t, 0xc0000000 + i)->ip,
		    0xc0000000 + i);
	/* MAC ...:05 was written at 5, 261, 517, 773: the last wins. */
	l = mk(0, 5, LEASE_FREE, 0);
	ck_assert_uint_eq(lease_by_mac(&t, l.mac)->ip, 0xc0000000 + 773);
	l = mk(0xc0000000 + 5, 5, LEASE_FREE, 0);
	ck_assert_ptr_nonnull(lease_put(&t, &l));	/* replace */
	ck_assert_uint_eq(t.n, 1000);
	ck_assert_int_eq(lease_by_ip(&t, l.ip)->state, LEASE_FREE);
	ck_assert_uint_eq(lease_by_mac(&t, l.mac)->ip, l.ip);
	lease_table_free(&t);
}
END_TEST

START_TEST(test_states)
{
	struct lease a = mk(1, 1, LEASE_ACTIVE, 100), o = mk(1, 1, LEASE_OFFERED,
	    100), d = mk(1, 1, LEASE_ABANDONED, 100), f = mk(1, 1, LEASE_FREE,
	    500);
	uint8_t other[MAC_LEN] = { 2, 0, 0, 0, 1, 9 };

	ck_assert(lease_usable(NULL, other, 0));
	ck_assert(lease_usable(&a, a.mac, 50));
	ck_assert(!lease_usable(&a, other, 99));
	ck_assert(lease_usable(&a, other, 100));	/* expired */
	ck_assert(!lease_usable(&o, other, 50));
	ck_assert(!lease_usable(&d, d.mac, 50));	/* even its own */
	ck_assert(lease_usable(&d, other, 100));
	ck_assert(lease_usable(&f, other, 0));
	ck_assert(lease_bound(&a, 99) && !lease_bound(&a, 100));
	ck_assert(lease_bound(&o, 0) && !lease_bound(&f, 0));
}
END_TEST

static bool
odd_reserved(void *arg, uint32_t ip)
{
	return (ip & 1) != 0;
}

START_TEST(test_alloc)
{
	static const char conf[] = "subnet 192.0.2.0 netmask 255.255.255.0 "
	    "{ range 192.0.2.10 192.0.2.13; }";
	struct dhcpconf c;
	struct lease_table t;
	struct perr err;
	struct lease l;
	uint8_t mac[MAC_LEN] = { 2, 0, 0, 0, 0, 1 };
	uint32_t ip;

	ck_assert_int_eq(dhcpconf_parse(&c, conf, strlen(conf), "t", &err),
	    0);
	lease_table_init(&t);
	ck_assert_uint_eq(lease_alloc(&t, &c, 0, mac, 0, NULL, NULL), 0);
	ck_assert_int_eq(lease_table_ranges(&t, c.nranges), 0);
	ip = lease_alloc(&t, &c, 0, mac, 0, NULL, NULL);
	ck_assert_uint_eq(ip, 0xc000020a);
	l = mk(ip, 1, LEASE_ACTIVE, 100);
	lease_put(&t, &l);
	ck_assert_uint_eq(lease_alloc(&t, &c, 0, mac, 0, NULL, NULL),
	    0xc000020b);		/* the cursor moved on */
	ck_assert_uint_eq(lease_alloc(&t, &c, 0, mac, 0, odd_reserved, NULL),
	    0xc000020c);
	l = mk(0xc000020c, 2, LEASE_ACTIVE, 100);
	lease_put(&t, &l);
	l = mk(0xc000020b, 3, LEASE_OFFERED, 100);
	lease_put(&t, &l);
	l = mk(0xc000020d, 4, LEASE_ABANDONED, 100);
	lease_put(&t, &l);
	ck_assert_uint_eq(lease_alloc(&t, &c, 0, l.mac, 50, NULL, NULL), 0);
	ck_assert_uint_ne(lease_alloc(&t, &c, 0, l.mac, 100, NULL, NULL), 0);
	lease_table_free(&t);
	dhcpconf_free(&c);
}
END_TEST

/*
 * An address passing from MAC to MAC (a small pool, many clients): the
 * old MAC loses its index entry.  It used to keep a stale slot, so after
 * about 64 clients through 4 addresses the MAC index filled up and the
 * next lookup never returned (issue 16, repro leasehash.c).
 */
START_TEST(test_owner_change)
{
	struct lease_table t;
	struct lease l, *p;
	const char *e;
	size_t probe;
	uint32_t k;

	lease_table_init(&t);
	for (k = 0; k < 2000; k++) {
		l = mk(0xc0000264 + k % 4, 0, LEASE_OFFERED, 100);
		l.mac[3] = (uint8_t)(k >> 16);
		l.mac[4] = (uint8_t)(k >> 8);
		l.mac[5] = (uint8_t)k;
		ck_assert_ptr_null(lease_by_mac(&t, l.mac));
		ck_assert_ptr_nonnull(p = lease_put(&t, &l));
		p->state = LEASE_FREE;
		ck_assert_ptr_eq(lease_by_mac(&t, l.mac), p);
		e = lease_table_verify(&t, &probe);
		ck_assert_msg(e == NULL, "after %u clients: %s", k + 1, e);
		ck_assert_uint_le(probe, 4);
	}
	ck_assert_uint_eq(t.n, 4);
	ck_assert_uint_eq(t.hcap, 64);	/* no growth from stale entries */
	/* A previous owner is not found by its MAC. */
	l.mac[5] = (uint8_t)(k - 4 - 1);	/* held .103 */
	ck_assert_ptr_null(lease_by_mac(&t, l.mac));
	lease_table_free(&t);
}
END_TEST

/* An older record of a MAC stays indexed when a newer one is not its. */
START_TEST(test_owner_keeps_latest)
{
	struct lease_table t;
	struct lease a = mk(10, 1, LEASE_ACTIVE, 100), b = mk(11, 1,
	    LEASE_ACTIVE, 100), c = mk(10, 2, LEASE_ACTIVE, 100);
	size_t probe;

	lease_table_init(&t);
	lease_put(&t, &a);
	lease_put(&t, &b);	/* MAC 1's latest: 11 */
	lease_put(&t, &c);	/* 10 passes to MAC 2: MAC 1 keeps 11 */
	ck_assert_uint_eq(lease_by_mac(&t, a.mac)->ip, 11);
	ck_assert_uint_eq(lease_by_mac(&t, c.mac)->ip, 10);
	ck_assert_ptr_null(lease_table_verify(&t, &probe));
	lease_table_free(&t);
}
END_TEST

Suite *
dhcp_lease_suite(void)
{
	Suite *s = suite_create("dhcp_lease");
	TCase *tc = tcase_create("core");

	tcase_add_test(tc, test_table);
	tcase_add_test(tc, test_states);
	tcase_add_test(tc, test_alloc);
	tcase_add_test(tc, test_owner_change);
	tcase_add_test(tc, test_owner_keeps_latest);
	/* A hang in the MAC index must fail, not stall the run. */
	tcase_set_timeout(tc, 30);
	suite_add_tcase(s, tc);
	return s;
}
