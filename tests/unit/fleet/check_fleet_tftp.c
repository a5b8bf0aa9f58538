// SPDX-License-Identifier: ISC
/*
 * Unit tests for fleet/fl_tftp.c: the RRQ as iPXE and pxelinux word it,
 * OACK then lock-step DATA/ACK, the server's port fixed by its first
 * answer, a repeated block answered by the ACK of the last one in order,
 * the wait restarted by each new block, windows (RFC 7440), pxelinux's 31
 * tries, ERROR codes, an OACK option not asked for refused with ERROR 8,
 * block numbers past 65535, and every prefix of a packet read safely.
 */
#include <stdlib.h>
#include <string.h>

#include "tests.h"

#include "fleet/fl_tftp.h"

static struct fl_tftp t;
static struct fl_tftp_act a;

static void
start(const char *file, enum fl_wait w, uint16_t blk, uint16_t win,
    bool ipxe)
{
	struct fl_tftp_conf c = { .file = file, .wait = w, .blksize = blk,
	    .windowsize = win, .ipxe_order = ipxe };

	ck_assert_int_eq(fl_tftp_start(&t, &c, 1, &a), 0);
}

static void
pkt(const void *p, size_t len, uint16_t from)
{
	fl_tftp_on_packet(&t, p, len, from, 3, &a);
}

/* DATA block b with n bytes of payload. */
static void
data(uint16_t b, size_t n, uint16_t from)
{
	uint8_t buf[4 + 1500];

	buf[0] = 0, buf[1] = 3, buf[2] = (uint8_t)(b >> 8);
	buf[3] = (uint8_t)b;
	memset(buf + 4, 'x', n);
	pkt(buf, 4 + n, from);
}

static void
is_ack(uint16_t b)
{
	uint8_t want[4] = { 0, 4, (uint8_t)(b >> 8), (uint8_t)b };

	ck_assert_ptr_nonnull(a.send);
	ck_assert_uint_eq(a.sendlen, 4);
	ck_assert_mem_eq(a.send, want, 4);
}

START_TEST(test_rrq_order)
{
	static const char ipxe[] = "\0\1pxelinux.0\0octet\0blksize\0"
	    "1432\0tsize\0" "0";
	static const char pxl[] = "\0\1ldlinux.c32\0octet\0tsize\0" "0\0"
	    "blksize\0" "1408";
	static const char win[] = "\0\1k\0octet\0tsize\0" "0\0blksize\0"
	    "1408\0windowsize\0" "8";

	start("pxelinux.0", FL_W_IPXE_TFTP, 1432, 0, true);
	ck_assert_uint_eq(a.sendlen, sizeof(ipxe));
	ck_assert_mem_eq(a.send, ipxe, sizeof(ipxe));
	ck_assert_uint_eq(a.port, 69);
	ck_assert(a.arm);
	ck_assert_int_eq(a.wait, 250000);
	start("ldlinux.c32", FL_W_PXELINUX, 1408, 1, false);
	ck_assert_mem_eq(a.send, pxl, sizeof(pxl));
	ck_assert_int_le(a.wait, 2 * FL_TICK_US);
	start("k", FL_W_PXELINUX, 1408, 8, false);
	ck_assert_mem_eq(a.send, win, sizeof(win));
}
END_TEST

START_TEST(test_lockstep)
{
	static const char oack[] = "\0\6tsize\0" "3000\0blksize\0" "1408";
	static const char stray[] = "\0\3\0\1abc";

	start("vmlinuz", FL_W_PXELINUX, 1408, 0, false);
	pkt(oack, sizeof(oack), 40000);
	is_ack(0);
	ck_assert_uint_eq(a.port, 40000);
	ck_assert(t.have_tsize);
	ck_assert_uint_eq(t.tsize, 3000);
	ck_assert_uint_eq(t.blksize, 1408);
	pkt(stray, sizeof(stray) - 1, 40001);	/* another port: dropped */
	ck_assert_ptr_null(a.send);
	ck_assert_uint_eq(t.bytes, 0);
	data(1, 1408, 40000);
	is_ack(1);
	ck_assert_uint_eq(a.datalen, 1408);
	ck_assert(a.arm);
	data(1, 1408, 40000);		/* again: ACK 1 again, wait kept */
	is_ack(1);
	ck_assert(!a.arm);
	ck_assert_uint_eq(t.dups, 1);
	data(3, 1408, 40000);		/* ahead: ACK of the last in order */
	is_ack(1);
	data(2, 1408, 40000);
	is_ack(2);
	data(3, 184, 40000);
	is_ack(3);
	ck_assert_int_eq(a.status, FL_TFTP_DONE);
	ck_assert_uint_eq(t.bytes, 3000);
	data(4, 10, 40000);		/* after the end: nothing */
	ck_assert_ptr_null(a.send);
}
END_TEST

/* No OACK (a server without options): DATA 1 at 512 bytes a block. */
START_TEST(test_no_options)
{
	start("f", FL_W_PXELINUX, 1408, 0, false);
	data(2, 512, 5000);		/* not block 1: still waiting */
	ck_assert_ptr_null(a.send);
	ck_assert_uint_eq(t.peer, 0);
	data(1, 512, 5000);
	is_ack(1);
	ck_assert_uint_eq(t.blksize, 512);
	data(2, 0, 5000);
	ck_assert_int_eq(a.status, FL_TFTP_DONE);
	ck_assert_uint_eq(t.bytes, 512);
}
END_TEST

START_TEST(test_retries)
{
	static const char oack[] = "\0\6blksize\0" "1408";
	unsigned n = 0;

	start("default", FL_W_PXELINUX, 1408, 0, false);
	do {
		fl_tftp_on_timeout(&t, n, &a);
		n++;
	} while (a.status == FL_TFTP_CONTINUE && n < 100);
	/* 31 RRQs in all: 30 retransmissions, then it gives the name up */
	ck_assert_uint_eq(n, 31);
	ck_assert_uint_eq(t.sent, 31);
	ck_assert_uint_eq(t.retrans, 30);
	ck_assert_int_eq(a.status, FL_TFTP_FAIL);
	ck_assert_str_eq(a.errstr, "timeout");
	/* in the data phase the wait restarts with each block */
	start("k", FL_W_PXELINUX, 1408, 0, false);
	pkt(oack, sizeof(oack), 7);
	fl_tftp_on_timeout(&t, 0, &a);
	fl_tftp_on_timeout(&t, 0, &a);
	is_ack(0);
	ck_assert_uint_eq(t.k, 2);
	data(1, 1408, 7);
	ck_assert_uint_eq(t.k, 0);
	ck_assert_int_le(a.wait, 2 * FL_TICK_US);
	fl_tftp_on_timeout(&t, 0, &a);
	is_ack(1);
}
END_TEST

START_TEST(test_errors)
{
	static const char e1[] = "\0\5\0\1File not found";
	static const char bad[] = "\0\6blksize\0" "1408\0multicast\0";
	static const char big[] = "\0\6blksize\0" "9000";

	start("pxelinux.cfg/default", FL_W_PXELINUX, 1408, 0, false);
	pkt(e1, sizeof(e1), 9);
	ck_assert_int_eq(a.status, FL_TFTP_FAIL);
	ck_assert_int_eq(a.errcode, 1);
	start("f", FL_W_PXELINUX, 1408, 0, false);
	pkt(bad, sizeof(bad), 9);
	ck_assert_int_eq(a.status, FL_TFTP_FAIL);
	ck_assert_mem_eq(a.send, "\0\5\0\10", 4);	/* ERROR 8 */
	start("f", FL_W_PXELINUX, 1408, 0, false);
	pkt(big, sizeof(big), 9);	/* more than asked for */
	ck_assert_int_eq(a.status, FL_TFTP_FAIL);
	start("f", FL_W_PXELINUX, 512, 0, false);
	data(1, 600, 9);		/* longer than the block size */
	ck_assert_int_eq(a.status, FL_TFTP_FAIL);
	ck_assert_int_eq(fl_tftp_start(&t, &(struct fl_tftp_conf){
	    .file = "" }, 0, &a), -1);
}
END_TEST

START_TEST(test_window)
{
	static const char oack[] = "\0\6blksize\0" "512\0windowsize\0" "4";
	uint16_t b;

	start("w", FL_W_PXELINUX, 512, 4, false);
	pkt(oack, sizeof(oack), 9);
	is_ack(0);
	ck_assert_uint_eq(t.window, 4);
	for (b = 1; b <= 3; b++) {
		data(b, 512, 9);
		ck_assert_ptr_null(a.send);	/* inside the window */
		ck_assert(a.arm);
	}
	data(4, 512, 9);
	is_ack(4);
	data(6, 512, 9);		/* 5 lost: ACK 4, the window again */
	is_ack(4);
	data(5, 512, 9);
	ck_assert_ptr_null(a.send);
	fl_tftp_on_timeout(&t, 0, &a);	/* the last in order */
	is_ack(5);
	data(6, 100, 9);
	is_ack(6);
	ck_assert_int_eq(a.status, FL_TFTP_DONE);
}
END_TEST

/* Block numbers wrap from 65535 to 0 (70000 blocks of 8 bytes). */
START_TEST(test_wrap)
{
	static const char oack[] = "\0\6blksize\0" "8";
	uint32_t b;

	start("big", FL_W_PXELINUX, 8, 0, false);
	pkt(oack, sizeof(oack), 9);
	for (b = 1; b <= 70000; b++)
		data((uint16_t)b, 8, 9);
	is_ack((uint16_t)70000);
	data((uint16_t)70001, 0, 9);
	ck_assert_int_eq(a.status, FL_TFTP_DONE);
	ck_assert_uint_eq(t.bytes, 70000 * 8);
}
END_TEST

/* Every prefix of an OACK and of a DATA packet: no crash, no read past. */
START_TEST(test_prefixes)
{
	static const uint8_t oack[] = "\0\6tsize\0" "12\0blksize\0" "512";
	static const uint8_t dat[] = "\0\3\0\1hello";
	uint8_t *p;
	size_t n = (size_t)_i;

	start("f", FL_W_PXELINUX, 1408, 0, false);
	p = malloc(n + 1);		/* exactly n bytes for ASan */
	memcpy(p, oack, n < sizeof(oack) ? n : sizeof(oack));
	pkt(p, n < sizeof(oack) ? n : sizeof(oack), 9);
	start("f", FL_W_PXELINUX, 1408, 0, false);
	memcpy(p, dat, n < sizeof(dat) ? n : sizeof(dat));
	pkt(p, n < sizeof(dat) ? n : sizeof(dat), 9);
	free(p);
}
END_TEST

Suite *
fleet_tftp_suite(void)
{
	Suite *s = suite_create("fleet_tftp");
	TCase *tc = tcase_create("core");

	tcase_add_test(tc, test_rrq_order);
	tcase_add_test(tc, test_lockstep);
	tcase_add_test(tc, test_no_options);
	tcase_add_test(tc, test_retries);
	tcase_add_test(tc, test_errors);
	tcase_add_test(tc, test_window);
	tcase_add_test(tc, test_wrap);
	tcase_add_loop_test(tc, test_prefixes, 0, 25);
	suite_add_tcase(s, tc);
	return s;
}
