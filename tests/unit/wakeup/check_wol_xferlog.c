// SPDX-License-Identifier: ISC
/*
 * Unit tests for wakeup/wol_xferlog.c: the transfer log line contract with
 * in.tftpd (good lines, each malformed field, every prefix of a good line)
 * and the ISO 8601 time conversion.
 */
#include <string.h>

#include "tests.h"

#include "wakeup/wol_xferlog.h"

static const char good[] =
    "2026-11-24T03:12:45.123Z 192.0.2.11 RRQ rootfs.gz 1048576 0.412 ok";

START_TEST(test_xferlog_good)
{
	struct xferlog_rec r;
	const char *errstr;
	static const char l2[] = "2026-11-24T03:12:46.000Z 198.51.100.7 WRQ "
	    "//up/a\\040b\\tc 0 12 fail:timeout";
	/* in.tftpd's encoding: VIS_WHITE | VIS_CSTYLE | VIS_OCTAL. */
	static const char l4[] = "2026-11-24T03:12:46.000Z 192.0.2.9 RRQ "
	    "a\\sb\\\\c\\n\\001 1 0.001 ok";
	static const char l3[] = "2026-11-24T03:12:45.123Z  192.0.2.11 RRQ "
	    "/pxelinux.cfg/01-fe-ed-fa-ce-de-ad 99 0.5 fail:enoent ";

	ck_assert_int_eq(xferlog_parse(good, strlen(good), &r, &errstr), 0);
	ck_assert(r.end_ms == 1795489965123LL);
	ck_assert_uint_eq(r.ip, 0xc000020b);
	ck_assert(!r.wrq);
	ck_assert_str_eq(r.file, "rootfs.gz");
	ck_assert(r.bytes == 1048576);
	ck_assert(r.dur_ms == 412);
	ck_assert(r.ok);
	ck_assert_str_eq(r.fail, "");

	/* vis(3)-decoded, leading slashes gone, fail token kept. */
	ck_assert_int_eq(xferlog_parse(l2, strlen(l2), &r, &errstr), 0);
	ck_assert(r.wrq);
	ck_assert_str_eq(r.file, "up/a b\tc");
	ck_assert(r.dur_ms == 12000);
	ck_assert(!r.ok);
	ck_assert_str_eq(r.fail, "timeout");

	ck_assert_int_eq(xferlog_parse(l4, strlen(l4), &r, &errstr), 0);
	ck_assert_str_eq(r.file, "a b\\c\n\001");
	ck_assert(r.dur_ms == 1);

	/* Extra blanks between fields and at the end are harmless. */
	ck_assert_int_eq(xferlog_parse(l3, strlen(l3), &r, &errstr), 0);
	ck_assert_str_eq(r.file, "pxelinux.cfg/01-fe-ed-fa-ce-de-ad");
	ck_assert(r.dur_ms == 500);
	ck_assert_str_eq(r.fail, "enoent");
}
END_TEST

static const struct {
	const char	*line;
	const char	*why;
} bad[] = {
	{ "", "not 7 fields" },
	{ "2026-11-24T03:12:45.123Z 192.0.2.11 RRQ rootfs.gz 1 0.4",
	    "not 7 fields" },
	{ "2026-11-24T03:12:45.123Z 192.0.2.11 RRQ rootfs.gz 1 0.4 ok x",
	    "not 7 fields" },
	{ "2026-11-24T03:12:45.123Z\t192.0.2.11 RRQ rootfs.gz 1 0.4 ok x",
	    "bad time" },
	{ "2026-11-24 03:12:45.123Z 192.0.2.11 RRQ f 1 0.4 ok",
	    "not 7 fields" },
	{ "2026-11-24T03:12:45Z 192.0.2.11 RRQ f 1 0.4 ok", "bad time" },
	{ "2026-13-24T03:12:45.123Z 192.0.2.11 RRQ f 1 0.4 ok", "bad time" },
	{ "2026-02-29T03:12:45.123Z 192.0.2.11 RRQ f 1 0.4 ok", "bad time" },
	{ "2026-11-24T24:12:45.123Z 192.0.2.11 RRQ f 1 0.4 ok", "bad time" },
	{ "2026-11-24T03:12:45.123+ 192.0.2.11 RRQ f 1 0.4 ok", "bad time" },
	{ "1969-12-31T23:59:59.999Z 192.0.2.11 RRQ f 1 0.4 ok", "bad time" },
	{ "2026-11-24T03:12:45.123Z 192.0.2 RRQ f 1 0.4 ok", "bad address" },
	{ "2026-11-24T03:12:45.123Z 192.0.2.011 RRQ f 1 0.4 ok",
	    "bad address" },
	{ "2026-11-24T03:12:45.123Z 2001:db8::1 RRQ f 1 0.4 ok",
	    "bad address" },
	{ "2026-11-24T03:12:45.123Z 192.0.2.11 rrq f 1 0.4 ok",
	    "bad request type" },
	{ "2026-11-24T03:12:45.123Z 192.0.2.11 RRQX f 1 0.4 ok",
	    "bad request type" },
	{ "2026-11-24T03:12:45.123Z 192.0.2.11 RRQ a\\ 1 0.4 ok",
	    "bad file name" },
	{ "2026-11-24T03:12:45.123Z 192.0.2.11 RRQ a\\000b 1 0.4 ok",
	    "bad file name" },
	{ "2026-11-24T03:12:45.123Z 192.0.2.11 RRQ a\x01 1 0.4 ok",
	    "bad file name" },
	{ "2026-11-24T03:12:45.123Z 192.0.2.11 RRQ a\\x 1 0.4 ok",
	    "bad file name" },
	{ "2026-11-24T03:12:45.123Z 192.0.2.11 RRQ f -1 0.4 ok",
	    "bad byte count" },
	{ "2026-11-24T03:12:45.123Z 192.0.2.11 RRQ f 1k 0.4 ok",
	    "bad byte count" },
	{ "2026-11-24T03:12:45.123Z 192.0.2.11 RRQ f 99999999999999999999 "
	    "0.4 ok", "bad byte count" },
	{ "2026-11-24T03:12:45.123Z 192.0.2.11 RRQ f 1 .4 ok",
	    "bad duration" },
	{ "2026-11-24T03:12:45.123Z 192.0.2.11 RRQ f 1 0. ok",
	    "bad duration" },
	{ "2026-11-24T03:12:45.123Z 192.0.2.11 RRQ f 1 0.4567 ok",
	    "bad duration" },
	{ "2026-11-24T03:12:45.123Z 192.0.2.11 RRQ f 1 0.4 OK",
	    "bad result" },
	{ "2026-11-24T03:12:45.123Z 192.0.2.11 RRQ f 1 0.4 fail:",
	    "bad result" },
	{ "2026-11-24T03:12:45.123Z 192.0.2.11 RRQ f 1 0.4 failed",
	    "bad result" },
	{ "2026-11-24T03:12:45.123Z 192.0.2.11 RRQ f 1 0.4 ok\r",
	    "bad result" },
};

START_TEST(test_xferlog_bad)
{
	struct xferlog_rec r;
	const char *errstr = NULL;

	ck_assert_int_eq(xferlog_parse(bad[_i].line, strlen(bad[_i].line), &r,
	    &errstr), -1);
	ck_assert_str_eq(errstr, bad[_i].why);
}
END_TEST

/* Every proper prefix of a good line is refused cleanly (no "ok" yet). */
START_TEST(test_xferlog_prefixes)
{
	struct xferlog_rec r;
	const char *errstr;
	char buf[sizeof(good)];

	memcpy(buf, good, (size_t)_i);	/* not NUL-terminated on purpose */
	ck_assert_int_eq(xferlog_parse(buf, (size_t)_i, &r, &errstr), -1);
}
END_TEST

START_TEST(test_xferlog_embedded_nul)
{
	struct xferlog_rec r;
	const char *errstr;
	char buf[sizeof(good)];

	memcpy(buf, good, sizeof(good));
	buf[30] = '\0';
	ck_assert_int_eq(xferlog_parse(buf, sizeof(good) - 1, &r, &errstr),
	    -1);
}
END_TEST

START_TEST(test_xferlog_time)
{
	int64_t ms;

	ck_assert_int_eq(xferlog_time_parse("1970-01-01T00:00:00.000Z", 24,
	    &ms), 0);
	ck_assert(ms == 0);
	ck_assert_int_eq(xferlog_time_parse("2000-02-29T12:00:00.001Z", 24,
	    &ms), 0);
	ck_assert(ms == 951825600001LL);
	ck_assert_int_eq(xferlog_time_parse("2100-02-29T12:00:00.001Z", 24,
	    &ms), -1);
	ck_assert_int_eq(xferlog_time_parse("2038-01-19T03:14:08.000Z", 24,
	    &ms), 0);
	ck_assert(ms == 2147483648000LL);
}
END_TEST

Suite *
wol_xferlog_suite(void)
{
	Suite *s = suite_create("wol_xferlog");
	TCase *tc = tcase_create("core");

	tcase_add_test(tc, test_xferlog_good);
	tcase_add_loop_test(tc, test_xferlog_bad, 0,
	    (int)(sizeof(bad) / sizeof(bad[0])));
	tcase_add_loop_test(tc, test_xferlog_prefixes, 0,
	    (int)sizeof(good) - 1);
	tcase_add_test(tc, test_xferlog_embedded_nul);
	tcase_add_test(tc, test_xferlog_time);
	suite_add_tcase(s, tc);
	return s;
}
