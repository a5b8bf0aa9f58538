// SPDX-License-Identifier: ISC
/*
 * Unit tests for in.tftpd/tftp_xferlog.c: the transfer-log line that
 * wakeup --sequential parses: 7 fields, vis-encoded names, millisecond
 * times in UTC.
 */
#include <string.h>

#include "tests.h"

#include "in.tftpd/tftp_xferlog.h"

START_TEST(test_line)
{
	struct tftp_xferlog_rec r = {
		.start = { 1795489965, 711000000 },
		.end = { 1795489966, 123456789 },
		.ip = 0xc000020b, .op = TFTP_RRQ, .file = "rootfs.gz",
		.bytes = 1048576, .result = "ok",
	};
	char buf[TFTP_XFERLOG_MAX];

	ck_assert_uint_gt(tftp_xferlog_format(&r, buf, sizeof(buf)), 0);
	ck_assert_str_eq(buf, "2026-11-24T03:12:46.123Z 192.0.2.11 RRQ "
	    "rootfs.gz 1048576 0.412 ok\n");
	r.op = TFTP_WRQ;
	r.file = "a b\t\\c\n\x01";
	r.result = "E2";
	r.bytes = 0;
	r.start = r.end;
	ck_assert_uint_gt(tftp_xferlog_format(&r, buf, sizeof(buf)), 0);
	ck_assert_str_eq(buf, "2026-11-24T03:12:46.123Z 192.0.2.11 WRQ "
	    "a\\sb\\t\\\\c\\n\\001 0 0.000 fail:E2\n");
	ck_assert_uint_eq(tftp_xferlog_format(&r, buf, 20), 0);
}
END_TEST

/* The longest name still gives one line of exactly 7 fields. */
START_TEST(test_long_name)
{
	struct tftp_xferlog_rec r = {
		.ip = 0x7f000001, .op = TFTP_RRQ, .bytes = 1,
		.result = "timeout",
	};
	char name[TFTP_FILE_MAX + 1], buf[TFTP_XFERLOG_MAX];
	size_t n, i, spaces = 0;

	memset(name, ' ', TFTP_FILE_MAX);
	name[TFTP_FILE_MAX] = '\0';
	r.file = name;
	n = tftp_xferlog_format(&r, buf, sizeof(buf));
	ck_assert_uint_gt(n, 2 * TFTP_FILE_MAX);	/* "\\s" each */
	for (i = 0; i < n; i++)
		spaces += buf[i] == ' ';
	ck_assert_uint_eq(spaces, 6);
	ck_assert_str_eq(buf + n - 14, " fail:timeout\n");
}
END_TEST

Suite *
tftp_xferlog_suite(void)
{
	Suite *s = suite_create("tftp_xferlog");
	TCase *tc = tcase_create("core");

	tcase_add_test(tc, test_line);
	tcase_add_test(tc, test_long_name);
	suite_add_tcase(s, tc);
	return s;
}
