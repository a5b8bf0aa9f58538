// SPDX-License-Identifier: ISC
/*
 * The transfer log contract between in.tftpd and wakeup: lines formatted
 * by in.tftpd's tftp_xferlog_format() parse back with wakeup's
 * xferlog_parse() to the same time, address, request, name (whatever bytes
 * a client sent, leading slashes aside), size, duration and result.
 */
#include <string.h>

#include "tests.h"

#include "in.tftpd/tftp_proto.h"
#include "in.tftpd/tftp_xferlog.h"
#include "wakeup/wol_xferlog.h"

static const struct {
	const char	*sent;		/* name as the client sent it */
	const char	*seen;		/* what wakeup compares */
	const char	*result;
} names[] = {
	{ "rootfs.gz", "rootfs.gz", "ok" },
	{ "/boot/vmlinuz", "boot/vmlinuz", "ok" },
	{ "//x", "x", "timeout" },
	{ "a b\tc\\d", "a b\tc\\d", "E1" },
	{ "caf\xc3\xa9\x01\x7f\n", "caf\xc3\xa9\x01\x7f\n", "io" },
	{ "pxelinux.cfg/01-fe-ed-fa-ce-de-ad", "pxelinux.cfg/01-fe-ed-fa-ce-"
	  "de-ad", "unreachable" },
};

START_TEST(test_contract_roundtrip)
{
	struct tftp_xferlog_rec w = {
		.start = { 1795489964, 711000000 },
		.end = { 1795489965, 123456789 },
		.ip = 0xc000020b,
		.op = TFTP_RRQ,
		.bytes = 1048576,
	};
	struct xferlog_rec r;
	char line[TFTP_XFERLOG_MAX];
	const char *errstr = NULL;
	size_t n;

	w.file = names[_i].sent;
	w.result = names[_i].result;
	if (_i % 2 == 1)
		w.op = TFTP_WRQ;
	n = tftp_xferlog_format(&w, line, sizeof(line));
	ck_assert_uint_gt(n, 0);
	ck_assert_int_eq(line[n - 1], '\n');
	ck_assert_msg(xferlog_parse(line, n - 1, &r, &errstr) == 0,
	    "%s: %s", line, errstr);
	ck_assert(r.end_ms == 1795489965123LL);
	ck_assert_uint_eq(r.ip, w.ip);
	ck_assert(r.wrq == (_i % 2 == 1));
	ck_assert_str_eq(r.file, names[_i].seen);
	ck_assert(r.bytes == w.bytes);
	ck_assert(r.dur_ms == 412);
	ck_assert(r.ok == (strcmp(names[_i].result, "ok") == 0));
	if (!r.ok)
		ck_assert_str_eq(r.fail, names[_i].result);
}
END_TEST

Suite *
wol_contract_suite(void)
{
	Suite *s = suite_create("wol_contract");
	TCase *tc = tcase_create("xferlog");

	tcase_add_loop_test(tc, test_contract_roundtrip, 0,
	    (int)(sizeof(names) / sizeof(names[0])));
	suite_add_tcase(s, tc);
	return s;
}
