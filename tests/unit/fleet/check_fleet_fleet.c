// SPDX-License-Identifier: ISC
/*
 * Unit tests for fleet/fl_fleet.c: MACs counting up across a byte, the
 * UUIDs (zero, or a valid version 4 form carrying the MAC), a duplicate
 * MAC refused, deadlines served earliest first, a magic packet powering
 * on the client it names (and only in WoL mode), unreadable and stray
 * frames counted, everyone stopped at the end of a run, and CSV lines with
 * RFC 4180 quoting.
 */
#include <string.h>

#include "tests.h"

#include "fleet/fl_fleet.h"

#define N	5

static struct fl_client v[N];
static struct fl_conf conf = { .sched = FL_S_PXE };
static struct fl_fleet fl;
static struct fl_out o;
static size_t mt[64], it[64], hp[N], ps[N];

static void
setup(void)
{
	static const uint8_t base[MAC_LEN] = { 0x52, 0x54, 0, 0xf1, 0, 0xfe };
	uint8_t mac[MAC_LEN], uuid[FL_UUID_LEN];
	const char *errstr;
	size_t i;

	ck_assert_uint_le(fl_fleet_tabsize(N), 64);
	for (i = 0; i < N; i++) {
		fl_fleet_mac(base, i, mac);
		fl_fleet_uuid(mac, false, uuid);
		fl_client_init(&v[i], &conf, i, mac, uuid, 9);
	}
	ck_assert_int_eq(fl_fleet_init(&fl, v, N, mt, it, hp, ps, &errstr),
	    0);
}

START_TEST(test_ids)
{
	static const uint8_t b[MAC_LEN] = { 2, 0, 0, 0, 0xff, 0xff };
	uint8_t m[MAC_LEN], u[FL_UUID_LEN];

	fl_fleet_mac(b, 1, m);
	ck_assert_mem_eq(m, "\x02\x00\x00\x01\x00\x00", MAC_LEN);
	fl_fleet_uuid(m, false, u);
	ck_assert_mem_eq(u, "nbfl\0\0\x40\0\x80\0\x02\x00\x00\x01\x00\x00",
	    FL_UUID_LEN);
	ck_assert(u[6] >= 0x10 && u[6] < 0xf0);	/* pxelinux takes it */
	fl_fleet_uuid(m, true, u);
	ck_assert_mem_eq(u, "\0\0\0\0\0\0\0\0\0\0\0\0\0\0\0\0", FL_UUID_LEN);
}
END_TEST

START_TEST(test_duplicate)
{
	const char *errstr;

	setup();
	memcpy(v[3].mac, v[1].mac, MAC_LEN);
	ck_assert_int_eq(fl_fleet_init(&fl, v, N, mt, it, hp, ps, &errstr),
	    -1);
}
END_TEST

/* Powered on at 50, 10, 40, 20, 30: their DISCOVERs go out in time order. */
START_TEST(test_deadlines)
{
	static const int64_t at[N] = { 50, 10, 40, 20, 30 };
	static const size_t order[N] = { 1, 3, 4, 2, 0 };
	struct fl_frame f;
	const char *errstr;
	size_t i;

	setup();
	ck_assert_int_eq(fl_fleet_next(&fl), FL_NO_DEADLINE);
	for (i = 0; i < N; i++)
		fl_fleet_power(&fl, i, 0, at[i]);
	ck_assert_int_eq(fl_fleet_next(&fl), 10);
	ck_assert(!fl_fleet_expire(&fl, 9, &o));
	for (i = 0; i < N; i++) {
		ck_assert(fl_fleet_expire(&fl, 100, &o));
		ck_assert_uint_eq(o.nframes, 1);
		ck_assert_int_eq(fl_net_parse(o.frame[0], o.flen[0], &f,
		    &errstr), 0);
		ck_assert_mem_eq(f.src, v[order[i]].mac, MAC_LEN);
		ck_assert_uint_eq(f.dport, 67);
	}
	ck_assert(!fl_fleet_expire(&fl, 100, &o));
	/* the next: a retransmission 4 +- 1 s later */
	ck_assert_int_ge(fl_fleet_next(&fl), 100 + 3000000);
	ck_assert_int_le(fl_fleet_next(&fl), 100 + 5000000);
	ck_assert(!fl_fleet_done(&fl));
	for (i = 0; fl_fleet_stop(&fl, 200, "run time limit", &o); i++) {
		ck_assert_str_eq(o.rec[o.nrecs - 1].result,
		    "gave-up: run time limit in dhcp");
		ck_assert_str_eq(o.rec[0].phase, "dhcp");
	}
	ck_assert_uint_eq(i, N);
	ck_assert(fl_fleet_done(&fl));
	ck_assert_int_eq(fl_fleet_next(&fl), FL_NO_DEADLINE);
}
END_TEST

START_TEST(test_tally)
{
	struct fl_tally t;
	struct fl_rec r;

	fl_tally_init(&t);
	ck_assert_int_eq(fl_tally_makespan(&t), 0);
	memset(&r, 0, sizeof(r));
	r.phase = "kernel";
	r.t0 = 1, r.t1 = 900, r.retrans = 5;
	fl_tally_add(&t, &r);		/* not a boot record */
	r.phase = "boot";
	strlcpy(r.result, "booted", sizeof(r.result));
	r.t0 = 100, r.t1 = 400, r.retrans = 2;
	fl_tally_add(&t, &r);
	strlcpy(r.result, "gave-up: dhcp: no offer", sizeof(r.result));
	r.t0 = 50, r.t1 = 700, r.retrans = 3;
	fl_tally_add(&t, &r);
	strlcpy(r.result, "off: never powered on", sizeof(r.result));
	r.t0 = 0, r.t1 = 800, r.retrans = 0;
	fl_tally_add(&t, &r);
	ck_assert_uint_eq(t.booted, 1);
	ck_assert_uint_eq(t.retrans, 5);
	ck_assert_int_eq(fl_tally_makespan(&t), 650);
}
END_TEST

static size_t
magic(uint8_t *f, const uint8_t *mac)
{
	size_t i;

	memset(f, 0xff, 6);
	memcpy(f + 6, "\x02\0\0\0\0\x01\x08\x42", 8);
	memset(f + 14, 0xff, 6);
	for (i = 0; i < 16; i++)
		memcpy(f + 20 + i * MAC_LEN, mac, MAC_LEN);
	return 20 + 16 * MAC_LEN;
}

START_TEST(test_wol)
{
	static const uint8_t other[MAC_LEN] = { 2, 0, 0, 0, 0, 9 };
	uint8_t f[200];
	size_t n;

	setup();
	n = magic(f, v[2].mac);
	fl_fleet_frame(&fl, f, n, 7, &o);	/* not in WoL mode */
	ck_assert(!fl_client_powered(&v[2]));
	fl.wol = true;
	fl_fleet_frame(&fl, f, n, 7, &o);
	ck_assert(fl_client_powered(&v[2]));
	ck_assert(!fl_client_powered(&v[1]));
	ck_assert_int_eq(fl_fleet_next(&fl), 7);
	n = magic(f, other);
	fl_fleet_frame(&fl, f, n, 8, &o);
	ck_assert_uint_eq(fl.stray, 1);
	fl_fleet_frame(&fl, f, 13, 8, &o);
	ck_assert_uint_eq(fl.bad, 1);
	/* one never woken: "off" at the end */
	ck_assert(fl_fleet_stop(&fl, 9, "run time limit", &o));
	ck_assert_str_eq(o.rec[0].result, "off: never powered on");
}
END_TEST

START_TEST(test_csv)
{
	struct fl_rec r;
	char buf[512];
	size_t n;

	setup();
	memset(&r, 0, sizeof(r));
	r.client = 1;
	r.phase = "cfg";
	strlcpy(r.name, "pxelinux.cfg/a,\"b\"", sizeof(r.name));
	r.t0 = 1500000;
	r.t1 = 2750000;
	r.sent = 3;
	r.retrans = 1;
	r.bytes = 89;
	strlcpy(r.result, "ok", sizeof(r.result));
	n = fl_fleet_csv(&fl, &r, 500000, buf, sizeof(buf));
	ck_assert_str_eq(buf, "2,52:54:00:f1:00:ff,0.0.0.0,cfg,"
	    "\"pxelinux.cfg/a,\"\"b\"\"\",1.000000,2.250000,3,1,89,ok\n");
	ck_assert_uint_eq(n, strlen(buf));
	ck_assert_uint_eq(fl_fleet_csv(&fl, &r, 0, buf, 20), 0);
	ck_assert_str_eq(FL_CSV_HEADER, "client,mac,ip,phase,file,start_s,"
	    "end_s,sent,retrans,bytes,result\n");
}
END_TEST

Suite *
fleet_fleet_suite(void)
{
	Suite *s = suite_create("fleet_fleet");
	TCase *tc = tcase_create("core");

	tcase_add_test(tc, test_ids);
	tcase_add_test(tc, test_duplicate);
	tcase_add_test(tc, test_deadlines);
	tcase_add_test(tc, test_wol);
	tcase_add_test(tc, test_tally);
	tcase_add_test(tc, test_csv);
	suite_add_tcase(s, tc);
	return s;
}
