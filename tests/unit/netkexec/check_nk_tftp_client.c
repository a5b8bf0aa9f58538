// SPDX-License-Identifier: ISC
/*
 * Unit tests for netkexec/tftp_client.c: the RRQ on the wire, OACK and
 * plain RFC 1350 answers, lock-step DATA/ACK, duplicates, stray transfer
 * IDs, server errors, option refusal, block rollover, timeouts, limits and
 * every truncated answer.
 */
#include <string.h>

#include "tests.h"

#include "netkexec/tftp_client.h"

#define PEER	40000

static const struct tftpc_conf conf = {
	.file = "pxelinux.cfg/default", .blksize = 1408, .tsize = true,
	.timeout_ms = 1000, .retries = 3, .maxsize = 0
};

static const uint8_t rrq[] = "\0\1pxelinux.cfg/default\0octet\0"
    "tsize\0000\0blksize\0001408";	/* + the string's own NUL */

/* Builds opcode, block/code and payload into buf; returns the length. */
static size_t
pkt(uint8_t *buf, uint16_t op, uint16_t n, const void *body, size_t len)
{
	buf[0] = (uint8_t)(op >> 8);
	buf[1] = (uint8_t)op;
	buf[2] = (uint8_t)(n >> 8);
	buf[3] = (uint8_t)n;
	if (len > 0)
		memcpy(buf + 4, body, len);
	return 4 + len;
}

static void
assert_ack(const struct tftpc_action *a, uint16_t block)
{
	ck_assert_ptr_nonnull(a->send);
	ck_assert_uint_eq(a->sendlen, 4);
	ck_assert_uint_eq(a->port, PEER);
	ck_assert_uint_eq(a->send[1], 4);
	ck_assert_uint_eq((unsigned)(a->send[2] << 8 | a->send[3]), block);
}

static void
start(struct tftpc *c, const struct tftpc_conf *cf, struct tftpc_action *a)
{
	ck_assert_int_eq(tftpc_start(c, cf, a), 0);
	ck_assert_int_eq(a->status, TFTPC_CONTINUE);
	ck_assert(a->arm);
}

START_TEST(test_rrq_bytes)
{
	struct tftpc c;
	struct tftpc_action a;
	struct tftpc_conf plain = conf;

	start(&c, &conf, &a);
	ck_assert_uint_eq(a.port, TFTP_PORT);
	ck_assert_uint_eq(a.sendlen, sizeof(rrq));
	ck_assert_mem_eq(a.send, rrq, sizeof(rrq));
	plain.blksize = 0;
	plain.tsize = false;
	start(&c, &plain, &a);
	ck_assert_uint_eq(a.sendlen, 2 + 21 + 6);
	plain.file = "";
	ck_assert_int_eq(tftpc_start(&c, &plain, &a), -1);
	ck_assert_ptr_null(a.send);
	plain.file = "k";
	plain.blksize = 7;
	ck_assert_int_eq(tftpc_start(&c, &plain, &a), -1);
}
END_TEST

/* OACK, then 1408 + 1408 + 184 bytes: 3000 as tsize said. */
START_TEST(test_oack_transfer)
{
	static const uint8_t oack[] = "\0\6TSIZE\0003000\0blksize\0001408";
	struct tftpc c;
	struct tftpc_action a;
	uint8_t buf[1500], body[1408];
	size_t n, total = 0;

	memset(body, 'k', sizeof(body));
	start(&c, &conf, &a);
	tftpc_on_packet(&c, oack, sizeof(oack), PEER, &a);
	assert_ack(&a, 0);
	ck_assert(a.arm);
	ck_assert_uint_eq(c.blksize, 1408);
	n = pkt(buf, 3, 1, body, 1408);
	tftpc_on_packet(&c, buf, n, PEER, &a);
	assert_ack(&a, 1);
	ck_assert_int_eq(a.status, TFTPC_CONTINUE);
	total += a.datalen;
	n = pkt(buf, 3, 2, body, 1408);
	tftpc_on_packet(&c, buf, n, PEER, &a);
	total += a.datalen;
	n = pkt(buf, 3, 3, body, 184);
	tftpc_on_packet(&c, buf, n, PEER, &a);
	assert_ack(&a, 3);
	total += a.datalen;
	ck_assert_int_eq(a.status, TFTPC_DONE);
	ck_assert_uint_eq(total, 3000);
	tftpc_on_timeout(&c, &a);	/* over: nothing happens */
	ck_assert_ptr_null(a.send);
	ck_assert_int_eq(a.status, TFTPC_DONE);
}
END_TEST

/* A server without RFC 2347 answers DATA 1 at 512 bytes. */
START_TEST(test_no_options_server)
{
	struct tftpc c;
	struct tftpc_action a;
	uint8_t buf[600], body[512];
	size_t n;

	memset(body, 1, sizeof(body));
	start(&c, &conf, &a);
	n = pkt(buf, 3, 2, body, 512);
	tftpc_on_packet(&c, buf, n, PEER, &a);
	ck_assert_ptr_null(a.send);		/* block 2 first: ignored */
	n = pkt(buf, 3, 1, body, 512);
	tftpc_on_packet(&c, buf, n, PEER, &a);
	assert_ack(&a, 1);
	ck_assert_uint_eq(a.datalen, 512);
	n = pkt(buf, 3, 2, body, 0);
	tftpc_on_packet(&c, buf, n, PEER, &a);
	ck_assert_int_eq(a.status, TFTPC_DONE);
	ck_assert_uint_eq(c.received, 512);
}
END_TEST

START_TEST(test_server_errors)
{
	struct tftpc c;
	struct tftpc_action a;
	uint8_t buf[100];
	size_t n;

	start(&c, &conf, &a);
	n = pkt(buf, 5, 1, "File not found", 15);
	tftpc_on_packet(&c, buf, n, PEER, &a);
	ck_assert_int_eq(a.status, TFTPC_FAIL);
	ck_assert_int_eq(a.errcode, TFTP_ENOTFOUND);
	ck_assert_str_eq(a.errstr, "server error 1: File not found");
	/* Code 8 to our options: ask again without them. */
	start(&c, &conf, &a);
	n = pkt(buf, 5, 8, "no options\n", 12);
	tftpc_on_packet(&c, buf, n, PEER, &a);
	ck_assert_int_eq(a.status, TFTPC_CONTINUE);
	ck_assert_uint_eq(a.port, TFTP_PORT);
	ck_assert_uint_eq(a.sendlen, 2 + 21 + 6);
	ck_assert(a.arm);
	tftpc_on_packet(&c, buf, n, PEER + 1, &a);	/* again: final */
	ck_assert_int_eq(a.status, TFTPC_FAIL);
	ck_assert_str_eq(a.errstr, "server error 8: no options?");
	/* No NUL after the text: no text. */
	start(&c, &conf, &a);
	n = pkt(buf, 5, 2, "xy", 2);
	tftpc_on_packet(&c, buf, n, PEER, &a);
	ck_assert_str_eq(a.errstr, "server error 2: ");
}
END_TEST

/* A second server TID gets ERROR 5 and changes nothing. */
START_TEST(test_stray_tid_and_duplicates)
{
	struct tftpc c;
	struct tftpc_action a;
	uint8_t buf[1500], body[1408] = { 0 };
	size_t n;

	start(&c, &conf, &a);
	n = pkt(buf, 3, 1, body, 512);
	tftpc_on_packet(&c, buf, n, PEER, &a);
	assert_ack(&a, 1);
	tftpc_on_packet(&c, buf, n, PEER + 7, &a);
	ck_assert_uint_eq(a.port, PEER + 7);
	ck_assert_uint_eq(a.send[1], 5);
	ck_assert_uint_eq(a.send[3], TFTP_EBADID);
	ck_assert_uint_eq(a.datalen, 0);
	ck_assert(!a.arm);
	ck_assert_int_eq(a.status, TFTPC_CONTINUE);
	tftpc_on_packet(&c, buf, n, PEER, &a);	/* duplicate block 1 */
	assert_ack(&a, 1);
	ck_assert_uint_eq(a.datalen, 0);
	ck_assert_uint_eq(c.received, 512);
	n = pkt(buf, 4, 1, NULL, 0);		/* an ACK to a client */
	tftpc_on_packet(&c, buf, n, PEER, &a);
	ck_assert_int_eq(a.status, TFTPC_FAIL);
	ck_assert_uint_eq(a.send[3], TFTP_EBADOP);
}
END_TEST

START_TEST(test_bad_oack)
{
	static const struct {
		const char	*body;
		size_t		 len;
	} bad[] = {
		{ "blksize\0002000", 13 },	/* more than asked */
		{ "blksize\0007", 10 },
		{ "timeout\0005", 10 },		/* not asked */
		{ "tsize\000-1", 9 },
		{ "tsize\0001x", 9 },
		{ "tsize", 6 },			/* no value */
	};
	struct tftpc c;
	struct tftpc_action a;
	uint8_t buf[64];
	size_t i;

	for (i = 0; i < sizeof(bad) / sizeof(bad[0]); i++) {
		start(&c, &conf, &a);
		buf[0] = 0;
		buf[1] = 6;
		memcpy(buf + 2, bad[i].body, bad[i].len);
		tftpc_on_packet(&c, buf, 2 + bad[i].len, PEER, &a);
		ck_assert_msg(a.status == TFTPC_FAIL, "case %zu", i);
		ck_assert_uint_eq(a.send[3], TFTP_EOPTNEG);
		ck_assert_uint_eq(a.port, PEER);
	}
}
END_TEST

START_TEST(test_timeouts)
{
	struct tftpc c;
	struct tftpc_action a;
	unsigned i;

	start(&c, &conf, &a);
	for (i = 0; i < conf.retries; i++) {
		tftpc_on_timeout(&c, &a);
		ck_assert_int_eq(a.status, TFTPC_CONTINUE);
		ck_assert_mem_eq(a.send, rrq, sizeof(rrq));
		ck_assert(a.arm);
		ck_assert_uint_eq(a.timeout_ms, 1000);
	}
	tftpc_on_timeout(&c, &a);
	ck_assert_int_eq(a.status, TFTPC_FAIL);
	ck_assert_str_eq(a.errstr, "no answer from the server");
}
END_TEST

/* 65537 blocks of 8 bytes: the block number wraps to 0 and goes on. */
START_TEST(test_rollover)
{
	struct tftpc_conf cf = conf;
	struct tftpc c;
	struct tftpc_action a;
	uint8_t buf[16], oack[] = "\0\6blksize\0008";
	uint32_t i;

	cf.blksize = 8;
	cf.tsize = false;
	start(&c, &cf, &a);
	tftpc_on_packet(&c, oack, sizeof(oack), PEER, &a);
	assert_ack(&a, 0);
	for (i = 1; i <= 65536; i++) {
		tftpc_on_packet(&c, buf, pkt(buf, 3, (uint16_t)i, "abcd", 4) + 4,
		    PEER, &a);
		ck_assert_uint_eq(a.datalen, 8);
	}
	assert_ack(&a, 0);
	tftpc_on_packet(&c, buf, pkt(buf, 3, 1, "x", 1), PEER, &a);
	ck_assert_int_eq(a.status, TFTPC_DONE);
	ck_assert_uint_eq(c.received, 65536u * 8 + 1);
}
END_TEST

START_TEST(test_limits)
{
	static const uint8_t oack[] = "\0\6tsize\00010";
	struct tftpc_conf cf = conf;
	struct tftpc c;
	struct tftpc_action a;
	uint8_t buf[1500], body[1409] = { 0 };

	start(&c, &conf, &a);		/* tsize 10, but 4 bytes came */
	tftpc_on_packet(&c, oack, sizeof(oack), PEER, &a);
	ck_assert_uint_eq(c.blksize, 512);	/* blksize not in the OACK */
	tftpc_on_packet(&c, buf, pkt(buf, 3, 1, "abcd", 4), PEER, &a);
	ck_assert_int_eq(a.status, TFTPC_FAIL);
	ck_assert_str_eq(a.errstr, "file size differs from tsize");
	cf.maxsize = 9;			/* tsize over the limit */
	start(&c, &cf, &a);
	tftpc_on_packet(&c, oack, sizeof(oack), PEER, &a);
	ck_assert_int_eq(a.status, TFTPC_FAIL);
	cf.maxsize = 1000;		/* no tsize: counted as it comes */
	cf.tsize = false;
	cf.blksize = 0;
	start(&c, &cf, &a);
	tftpc_on_packet(&c, buf, pkt(buf, 3, 1, body, 512), PEER, &a);
	tftpc_on_packet(&c, buf, pkt(buf, 3, 2, body, 512), PEER, &a);
	ck_assert_int_eq(a.status, TFTPC_FAIL);
	ck_assert_str_eq(a.errstr, "file larger than the limit");
	start(&c, &conf, &a);		/* a block over blksize */
	tftpc_on_packet(&c, buf, pkt(buf, 3, 1, body, 513), PEER, &a);
	ck_assert_int_eq(a.status, TFTPC_FAIL);
}
END_TEST

/* Every prefix of each answer: a clean outcome, never a crash. */
START_TEST(test_truncated)
{
	static const uint8_t oack[] = "\0\6tsize\0003000\0blksize\0001408";
	static const uint8_t err[] = "\0\5\0\1File not found";
	static const uint8_t data[] = "\0\3\0\1abc";
	const struct {
		const uint8_t	*p;
		size_t		 len;
	} pk[] = { { oack, sizeof(oack) }, { err, sizeof(err) },
	    { data, sizeof(data) - 1 } };
	struct tftpc c;
	struct tftpc_action a;
	size_t i, n;

	for (i = 0; i < sizeof(pk) / sizeof(pk[0]); i++)
		for (n = 0; n <= pk[i].len; n++) {
			start(&c, &conf, &a);
			tftpc_on_packet(&c, pk[i].p, n, PEER, &a);
			ck_assert(a.status != TFTPC_FAIL || a.errstr != NULL);
			if (n < 4)
				ck_assert_uint_eq(a.datalen, 0);
		}
}
END_TEST

Suite *
nk_tftp_client_suite(void)
{
	Suite *s = suite_create("nk_tftp_client");
	TCase *tc = tcase_create("client");

	tcase_add_test(tc, test_rrq_bytes);
	tcase_add_test(tc, test_oack_transfer);
	tcase_add_test(tc, test_no_options_server);
	tcase_add_test(tc, test_server_errors);
	tcase_add_test(tc, test_stray_tid_and_duplicates);
	tcase_add_test(tc, test_bad_oack);
	tcase_add_test(tc, test_timeouts);
	tcase_add_test(tc, test_rollover);
	tcase_add_test(tc, test_limits);
	tcase_add_test(tc, test_truncated);
	suite_add_tcase(s, tc);
	return s;
}
