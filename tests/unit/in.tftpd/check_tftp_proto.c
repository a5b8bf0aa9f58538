// SPDX-License-Identifier: ISC
/*
 * Unit tests for in.tftpd/tftp_proto.c: requests as PXE ROMs, pxelinux,
 * curl and padded OpenFirmware clients send them, every truncated prefix,
 * missing NULs, and option negotiation against the server policy.
 */
#include <string.h>

#include "tests.h"

#include "in.tftpd/tftp_proto.h"

/* An iPXE-style RRQ: "pxelinux.0" octet, tsize 0, blksize 1432. */
static const uint8_t rrq_pxe[] = {
	0x00, 0x01, 'p', 'x', 'e', 'l', 'i', 'n', 'u', 'x', '.', '0', 0x00,
	'o', 'c', 't', 'e', 't', 0x00, 't', 's', 'i', 'z', 'e', 0x00, '0',
	0x00, 'b', 'l', 'k', 's', 'i', 'z', 'e', 0x00, '1', '4', '3', '2',
	0x00
};

static const struct tftp_policy pol_def = {
	.blksize_max = TFTP_BLKSIZE_MAX, .window_max = 64,
	.timeout_ms = 1000, .refuse = 0
};

static int
parse(const void *p, size_t len, struct tftp_req *req)
{
	const char *errstr;
	uint16_t code;

	return tftp_req_parse(p, len, req, &code, &errstr);
}

START_TEST(test_rrq_pxe)
{
	struct tftp_req req;

	ck_assert_int_eq(parse(rrq_pxe, sizeof(rrq_pxe), &req), 0);
	ck_assert_uint_eq(req.op, TFTP_RRQ);
	ck_assert_str_eq(req.file, "pxelinux.0");
	ck_assert_int_eq(req.mode, TFTP_MODE_OCTET);
	ck_assert_uint_eq(req.nopts, 2);
	ck_assert_int_eq(req.order[0], TFTP_OPT_TSIZE);
	ck_assert_int_eq(req.order[1], TFTP_OPT_BLKSIZE);
	ck_assert_uint_eq(req.val[TFTP_OPT_BLKSIZE], 1432);
	ck_assert(!req.garbage);
}
END_TEST

/*
 * Every prefix: cut inside the filename or mode it is an error; cut
 * inside the options the request parses with the complete pairs only.
 */
START_TEST(test_rrq_prefixes)
{
	struct tftp_req req;
	size_t n = (size_t)_i;
	int r = parse(rrq_pxe, n, &req);

	if (n < 19) {		/* up to and including the mode's NUL */
		ck_assert_int_eq(r, -1);
		return;
	}
	ck_assert_int_eq(r, 0);
	ck_assert_uint_eq(req.nopts, n < 27 ? 0 : n < sizeof(rrq_pxe) ? 1 : 2);
	ck_assert(req.garbage == (n != 19 && n != 27 && n != sizeof(rrq_pxe)));
}
END_TEST

START_TEST(test_rrq_errors)
{
	struct tftp_req req;
	const char *errstr;
	uint16_t code;

	ck_assert_int_eq(tftp_req_parse((const uint8_t *)"\0\3f\0octet\0",
	    11, &req, &code, &errstr), -1);
	ck_assert_str_eq(errstr, "not a request");
	ck_assert_int_eq(tftp_req_parse((const uint8_t *)"\0\1file", 6, &req,
	    &code, &errstr), -1);
	ck_assert_str_eq(errstr, "filename not terminated");
	ck_assert_int_eq(tftp_req_parse((const uint8_t *)"\0\1f\0octet", 9,
	    &req, &code, &errstr), -1);
	ck_assert_str_eq(errstr, "mode not terminated");
	ck_assert_int_eq(tftp_req_parse((const uint8_t *)"\0\1\0octet\0", 9,
	    &req, &code, &errstr), -1);
	ck_assert_str_eq(errstr, "empty filename");
	ck_assert_int_eq(tftp_req_parse((const uint8_t *)"\0\1f\0mail\0", 9,
	    &req, &code, &errstr), -1);
	ck_assert_uint_eq(code, TFTP_EBADOP);
	ck_assert_int_eq(tftp_req_parse((const uint8_t *)"\0\1f\0bin\0", 8,
	    &req, &code, &errstr), -1);
	ck_assert_str_eq(errstr, "unknown transfer mode");
	ck_assert_int_eq(tftp_req_parse(NULL, 0, &req, &code, &errstr), -1);
}
END_TEST

START_TEST(test_long_name)
{
	uint8_t pkt[TFTP_FILE_MAX + 16];
	struct tftp_req req;

	memset(pkt, 'a', sizeof(pkt));
	pkt[0] = 0;
	pkt[1] = TFTP_WRQ;
	memcpy(pkt + 2 + TFTP_FILE_MAX, "\0octet\0", 7);
	ck_assert_int_eq(parse(pkt, 2 + TFTP_FILE_MAX + 7, &req), 0);
	ck_assert_uint_eq(req.filelen, TFTP_FILE_MAX);
	ck_assert_uint_eq(req.op, TFTP_WRQ);
	memcpy(pkt + 2 + TFTP_FILE_MAX, "a\0octet\0", 8);
	ck_assert_int_eq(parse(pkt, 2 + TFTP_FILE_MAX + 8, &req), -1);
}
END_TEST

/* PA-RISC/OpenFirmware pad requests with NULs or junk after the options. */
START_TEST(test_trailing_garbage)
{
	static const char pad[] = "\0\1vmlinux\0NetASCII\0blksize\0" "1024\0"
	    "\0\0\0\0\0\0\0";
	static const char junk[] = "\0\1f\0OCTET\0tsize\0" "0\0\xff\xfe";
	struct tftp_req req;

	ck_assert_int_eq(parse(pad, sizeof(pad) - 1, &req), 0);
	ck_assert_int_eq(req.mode, TFTP_MODE_NETASCII);
	ck_assert_uint_eq(req.val[TFTP_OPT_BLKSIZE], 1024);
	ck_assert(req.garbage);
	ck_assert_int_eq(parse(junk, sizeof(junk) - 1, &req), 0);
	ck_assert(req.has[TFTP_OPT_TSIZE]);
	ck_assert(req.garbage);
}
END_TEST

/* Bad values, unknown and repeated options are ignored, not fatal. */
START_TEST(test_bad_options)
{
	static const char pkt[] = "\0\1f\0octet\0blksize\0" "7\0timeout\0"
	    "0\0windowsize\0+4\0BLKSIZE\0" "600\0blksize\0" "700\0foo\0bar\0"
	    "tsize\0 1\0timeout\0" "256\0timeout\0" "3\0";
	struct tftp_req req;

	ck_assert_int_eq(parse(pkt, sizeof(pkt) - 1, &req), 0);
	ck_assert_uint_eq(req.nopts, 2);
	ck_assert_uint_eq(req.val[TFTP_OPT_BLKSIZE], 600);
	ck_assert_uint_eq(req.val[TFTP_OPT_TIMEOUT], 3);
	ck_assert(!req.has[TFTP_OPT_WINDOWSIZE]);
	ck_assert(!req.has[TFTP_OPT_TSIZE]);
	ck_assert_uint_eq(req.ignored, 7);
	ck_assert(!req.garbage);
}
END_TEST

static void
negotiate(const char *pkt, size_t len, const struct tftp_policy *pol,
    int64_t size, struct tftp_params *par, uint8_t *oack, size_t *olen)
{
	struct tftp_req req;
	struct wbuf w;
	const char *errstr;

	ck_assert_int_eq(parse(pkt, len, &req), 0);
	wbuf_init(&w, oack, 512);
	ck_assert_int_eq(tftp_negotiate(&req, pol, size, par, &w, &errstr), 0);
	*olen = (size_t)wbuf_len(&w);
}

START_TEST(test_negotiate)
{
	static const char pkt[] = "\0\1f\0octet\0windowsize\0" "100\0blksize\0"
	    "65535\0tsize\0" "0\0timeout\0" "2\0";
	static const char want[] = "\0\6windowsize\0" "64\0blksize\0" "1468\0"
	    "tsize\0" "12345\0timeout\0" "2\0";
	struct tftp_policy pol = pol_def;
	struct tftp_params par;
	uint8_t oack[512];
	size_t n;

	pol.blksize_max = 1468;
	negotiate(pkt, sizeof(pkt) - 1, &pol, 12345, &par, oack, &n);
	ck_assert(par.oack);
	ck_assert_uint_eq(par.blksize, 1468);
	ck_assert_uint_eq(par.windowsize, 64);
	ck_assert_uint_eq(par.timeout_ms, 2000);
	ck_assert_uint_eq(n, sizeof(want) - 1);
	ck_assert_mem_eq(oack, want, n);

	/* netascii: size unknown, tsize not acknowledged; -r blksize. */
	pol.refuse = 1u << TFTP_OPT_BLKSIZE;
	negotiate(pkt, sizeof(pkt) - 1, &pol, -1, &par, oack, &n);
	ck_assert_uint_eq(par.blksize, TFTP_SEGSIZE);
	ck_assert_mem_eq(oack, "\0\6windowsize\0" "64\0timeout\0" "2\0", n);
}
END_TEST

START_TEST(test_negotiate_none)
{
	static const char pkt[] = "\0\2f\0octet\0tsize\0" "4096\0";
	struct tftp_policy pol = pol_def;
	struct tftp_params par;
	uint8_t oack[512];
	size_t n;

	/* WRQ: tsize is the client's size, echoed. */
	negotiate(pkt, sizeof(pkt) - 1, &pol, -1, &par, oack, &n);
	ck_assert_mem_eq(oack, "\0\6tsize\0" "4096\0", n);
	pol.refuse = 1u << TFTP_OPT_TSIZE;
	negotiate(pkt, sizeof(pkt) - 1, &pol, -1, &par, oack, &n);
	ck_assert(!par.oack);
	ck_assert_uint_eq(par.blksize, 512);
	ck_assert_uint_eq(par.windowsize, 1);
	ck_assert_uint_eq(par.timeout_ms, 1000);
}
END_TEST

START_TEST(test_packets)
{
	struct tftp_pkt p;
	const char *errstr;
	uint8_t buf[16];

	ck_assert_int_eq(tftp_pkt_parse((const uint8_t *)"\0\4\1\2", 4, &p,
	    &errstr), 0);
	ck_assert_uint_eq(p.op, TFTP_ACK);
	ck_assert_uint_eq(p.block, 0x102);
	ck_assert_int_eq(tftp_pkt_parse((const uint8_t *)"\0\4\1", 3, &p,
	    &errstr), -1);
	ck_assert_int_eq(tftp_pkt_parse((const uint8_t *)"\0", 1, &p,
	    &errstr), -1);
	ck_assert_int_eq(tftp_pkt_parse((const uint8_t *)"\0\3\0\1ab", 6, &p,
	    &errstr), 0);
	ck_assert_uint_eq(p.datalen, 2);
	ck_assert_int_eq(tftp_pkt_parse((const uint8_t *)"\0\5\0\2x\0", 6, &p,
	    &errstr), 0);
	ck_assert_uint_eq(p.code, 2);
	ck_assert_uint_eq(tftp_ack_build(buf, sizeof(buf), 0xfffe), 4);
	ck_assert_mem_eq(buf, "\0\4\xff\xfe", 4);
	ck_assert_uint_eq(tftp_ack_build(buf, 3, 1), 0);
	ck_assert_uint_eq(tftp_data_hdr(buf, 4, 7), 4);
	ck_assert_mem_eq(buf, "\0\3\0\7", 4);
	ck_assert_uint_eq(tftp_error_build(buf, sizeof(buf), 5,
	    "Unknown transfer ID"), 16);
	ck_assert_mem_eq(buf, "\0\5\0\5Unknown tra\0", 16);
	ck_assert_uint_eq(tftp_error_build(buf, 4, 5, "x"), 0);
	ck_assert_str_eq(tftp_opt_name(TFTP_OPT_WINDOWSIZE), "windowsize");
	ck_assert_ptr_null(tftp_opt_name(TFTP_NOPTS));
	ck_assert_int_eq(tftp_opt_lookup("TSize"), TFTP_OPT_TSIZE);
	ck_assert_int_eq(tftp_opt_lookup("blksize2"), -1);
}
END_TEST

/*
 * What gets an answer: on the listening port only RRQ and WRQ (even
 * malformed), from a foreign TID anything but an ERROR.  An ERROR answered
 * is the CVE-2024-2169 loop.
 */
START_TEST(test_no_answer)
{
	static const struct {
		const char	*pkt;
		size_t		 len;
		bool		 req, foreign;
	} t[] = {
		{ "", 0, false, false },
		{ "\0", 1, false, false },
		{ "\0\1", 2, true, true },
		{ "\0\1pub\0octet\0", 12, true, true },
		{ "\0\2x", 3, true, true },
		{ "\0\3\0\1hello", 9, false, true },
		{ "\0\4\0\1", 4, false, true },
		{ "\0\5", 2, false, false },
		{ "\0\5\0\1", 4, false, false },
		{ "\0\5\0\0spoof\0", 10, false, false },
		{ "\0\6blksize\0" "512\0", 14, false, true },
		{ "\0\0pub\0", 6, false, true },
		{ "\0\7", 2, false, true },
		{ "\xff\xff", 2, false, true },
		{ "\1\1", 2, false, true },
	};
	size_t i;

	for (i = 0; i < sizeof(t) / sizeof(t[0]); i++) {
		ck_assert_msg(tftp_pkt_is_request((const uint8_t *)t[i].pkt,
		    t[i].len) == t[i].req, "request %zu", i);
		ck_assert_msg(tftp_pkt_answer_foreign((const uint8_t *)t[i].pkt,
		    t[i].len) == t[i].foreign, "foreign %zu", i);
	}
}
END_TEST

Suite *
tftp_proto_suite(void)
{
	Suite *s = suite_create("tftp_proto");
	TCase *tc = tcase_create("core");

	tcase_add_test(tc, test_rrq_pxe);
	tcase_add_loop_test(tc, test_rrq_prefixes, 0, sizeof(rrq_pxe) + 1);
	tcase_add_test(tc, test_rrq_errors);
	tcase_add_test(tc, test_long_name);
	tcase_add_test(tc, test_trailing_garbage);
	tcase_add_test(tc, test_bad_options);
	tcase_add_test(tc, test_negotiate);
	tcase_add_test(tc, test_negotiate_none);
	tcase_add_test(tc, test_packets);
	tcase_add_test(tc, test_no_answer);
	suite_add_tcase(s, tc);
	return s;
}
