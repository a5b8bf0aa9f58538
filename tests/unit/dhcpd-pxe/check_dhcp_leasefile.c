// SPDX-License-Identifier: ISC
/*
 * Unit tests for dhcpd-pxe/lease_file.c: ISC dhcpd.leases records written
 * and read back, later records replacing earlier ones, ISC's extra
 * statements skipped, a torn last record cut off (the crash case) and
 * every prefix of a journal loading cleanly.
 */
#include <stdio.h>
#include <string.h>

#include "tests.h"

#include "dhcpd-pxe/lease_file.h"

static const char isc[] =
    "# The format of this file is documented in dhcpd.leases(5).\n"
    "authoring-byte-order little-endian;\n"
    "server-duid \"\\000\\001\";\n"
    "lease 192.0.2.100 {\n"
    "  starts 2 2026/11/24 03:51:09;\n"
    "  ends 2 2026/11/24 04:51:09;\n"
    "  cltt 2 2026/11/24 03:51:09;\n"
    "  binding state active;\n"
    "  next binding state free;\n"
    "  rewind binding state free;\n"
    "  hardware ethernet 02:00:00:00:00:07;\n"
    "  uid \"\\001\\002\\000\\000\\000\\000\\007\";\n"
    "  client-hostname \"n7\";\n"
    "}\n"
    "lease 192.0.2.101 {\n"
    "  starts 2 2026/11/24 03:51:10;\n"
    "  ends never;\n"
    "  binding state abandoned;\n"
    "  hardware ethernet 02:00:00:00:00:08;\n"
    "}\n"
    "lease 192.0.2.100 {\n"
    "  starts 2 2026/11/24 03:52:00;\n"
    "  ends 2 2026/11/24 03:52:00;\n"
    "  binding state released;\n"
    "  hardware ethernet 02:00:00:00:00:07;\n"
    "}\n";

START_TEST(test_isc_file)
{
	struct lease_table t;
	struct perr err;
	const struct lease *l;
	size_t valid;

	lease_table_init(&t);
	ck_assert_int_eq(lease_file_parse(&t, isc, strlen(isc), "f", &valid,
	    &err), 0);
	ck_assert_uint_eq(valid, strlen(isc));
	ck_assert_uint_eq(t.n, 2);
	l = lease_by_ip(&t, 0xc0000264);
	ck_assert_int_eq(l->state, LEASE_FREE);	/* released: replaced */
	ck_assert_int_eq(l->starts, 1795492320);
	ck_assert_str_eq(l->hostname, "");
	l = lease_by_ip(&t, 0xc0000265);
	ck_assert_int_eq(l->state, LEASE_ABANDONED);
	ck_assert_int_eq(l->ends, INT64_MAX);
	ck_assert_uint_eq(l->mac[5], 8);
	lease_table_free(&t);
}
END_TEST

START_TEST(test_roundtrip)
{
	struct lease l, *r;
	struct lease_table t;
	struct perr err;
	char buf[LEASE_RECORD_MAX];
	size_t valid;
	int n;

	memset(&l, 0, sizeof(l));
	l.ip = 0xc6336407;
	memcpy(l.mac, "\x02\x01\x02\x03\x04\x05", 6);
	l.state = LEASE_ACTIVE;
	l.starts = 1795492269;
	l.ends = l.starts + 3600;
	strlcpy(l.hostname, "node-7", sizeof(l.hostname));
	n = lease_file_format(&l, buf, sizeof(buf));
	ck_assert_int_gt(n, 0);
	ck_assert_ptr_nonnull(strstr(buf, "  starts 2 2026/11/24 03:51:09;\n"));
	ck_assert_int_eq(lease_file_format(&l, buf, 20), -1);
	n = lease_file_format(&l, buf, sizeof(buf));
	lease_table_init(&t);
	ck_assert_int_eq(lease_file_parse(&t, buf, (size_t)n, "f", &valid,
	    &err), 0);
	r = lease_by_ip(&t, l.ip);
	ck_assert_mem_eq(r, &l, sizeof(l));
	l.state = LEASE_OFFERED;
	ck_assert_int_eq(lease_file_format(&l, buf, sizeof(buf)), -1);
	lease_table_free(&t);
}
END_TEST

/* Any prefix: the complete records load, the torn one is cut off. */
START_TEST(test_torn)
{
	struct lease_table t;
	struct perr err;
	size_t valid, k;

	for (k = 0; k <= strlen(isc); k++) {
		lease_table_init(&t);
		ck_assert_int_eq(lease_file_parse(&t, isc, k, "f", &valid,
		    &err), 0);
		ck_assert_uint_le(valid, k);
		ck_assert(valid == 0 || isc[valid - 1] == '\n');
		lease_table_free(&t);
	}
}
END_TEST

START_TEST(test_corrupt_middle)
{
	static const char bad[] = "lease 192.0.2.1 {\n  starts x;\n}\n"
	    "lease 192.0.2.2 {\n  binding state active;\n}\n";
	struct lease_table t;
	struct perr err;
	size_t valid;

	lease_table_init(&t);
	ck_assert_int_eq(lease_file_parse(&t, bad, strlen(bad), "f", &valid,
	    &err), -1);
	ck_assert_str_eq(err.msg, "f:1: bad lease record");
	lease_table_free(&t);
}
END_TEST

/*
 * A record missing its `}' in the middle of the journal is refused with
 * its line, never merged into the next record (which gave the first
 * record's address to the second's MAC; issue 16, repro
 * journal-record-without-brace.leases).
 */
START_TEST(test_no_brace)
{
	static const char bad[] = "lease 192.0.2.100 {\n"
	    "  binding state active;\n  hardware ethernet 02:30:00:00:00:00;\n"
	    "}\n"
	    "lease 192.0.2.101 {\n"
	    "  binding state active;\n  hardware ethernet 02:30:00:00:00:01;\n"
	    "lease 192.0.2.102 {\n"
	    "  binding state active;\n  hardware ethernet 02:30:00:00:00:02;\n"
	    "}\n";
	struct lease_table t;
	struct perr err;
	size_t valid;

	lease_table_init(&t);
	ck_assert_int_eq(lease_file_parse(&t, bad, strlen(bad), "f", &valid,
	    &err), -1);
	ck_assert_str_eq(err.msg, "f:5: lease record has no `}' before the "
	    "next record");
	lease_table_free(&t);
}
END_TEST

/*
 * A journal of 70 past clients on 4 addresses loads into a consistent
 * index, and a stranger's lookup returns (it hung the restarted server:
 * repro journal-70-macs-4-ips.leases).
 */
START_TEST(test_many_owners)
{
	static char text[70 * 128];
	struct lease_table t;
	struct perr err;
	size_t valid, off = 0, probe;
	uint8_t stranger[MAC_LEN] = { 2, 0x40, 0, 0, 0, 1 };
	int k;

	for (k = 0; k < 70; k++)
		off += (size_t)snprintf(text + off, sizeof(text) - off,
		    "lease 192.0.2.%d {\n  binding state free;\n"
		    "  hardware ethernet 02:20:00:00:00:%02x;\n}\n",
		    100 + k % 4, k);
	lease_table_init(&t);
	ck_assert_int_eq(lease_file_parse(&t, text, off, "f", &valid, &err),
	    0);
	ck_assert_uint_eq(t.n, 4);
	ck_assert_ptr_null(lease_table_verify(&t, &probe));
	ck_assert_ptr_null(lease_by_mac(&t, stranger));
	lease_table_free(&t);
}
END_TEST

/* Dates out of what ISC writes are damage, not numbers to wrap. */
START_TEST(test_bad_dates)
{
	static const char *const when[] = { "-2147483648/1/1 00:00:00",
	    "2147483647/1/1 00:00:00", "1969/12/31 23:59:59",
	    "2026/13/1 00:00:00", "2026/0/1 00:00:00", "2026/1/32 00:00:00",
	    "2026/1/1 24:00:00", "2026/1/1 00:60:00", "2026/1/1 -1:00:00" };
	char rec[200];
	struct lease_table t;
	struct perr err;
	size_t valid, i;

	for (i = 0; i < sizeof(when) / sizeof(when[0]); i++) {
		snprintf(rec, sizeof(rec), "lease 192.0.2.1 {\n  starts 2 %s;\n"
		    "}\nlease 192.0.2.2 {\n}\n", when[i]);
		lease_table_init(&t);
		ck_assert_int_eq(lease_file_parse(&t, rec, strlen(rec), "f",
		    &valid, &err), -1);
		ck_assert_str_eq(err.msg, "f:1: bad lease record");
		lease_table_free(&t);
	}
}
END_TEST

Suite *
dhcp_leasefile_suite(void)
{
	Suite *s = suite_create("dhcp_leasefile");
	TCase *tc = tcase_create("core");

	tcase_add_test(tc, test_isc_file);
	tcase_add_test(tc, test_roundtrip);
	tcase_add_test(tc, test_torn);
	tcase_add_test(tc, test_corrupt_middle);
	tcase_add_test(tc, test_bad_dates);
	tcase_add_test(tc, test_no_brace);
	tcase_add_test(tc, test_many_owners);
	tcase_set_timeout(tc, 30);
	suite_add_tcase(s, tc);
	return s;
}
