// SPDX-License-Identifier: ISC
/*
 * Unit tests for in.tftpd/tftp_xfer.c: lock-step and windowed sending,
 * duplicate and old ACKs (no Sorcerer's Apprentice resend), timeouts with
 * backoff and a bounded retry count, the bound on time without progress,
 * block-number rollover, files that end on a block boundary, the WRQ
 * receiver, and a client whose port closed.
 */
#include <string.h>

#include "tests.h"

#include "in.tftpd/tftp_xfer.h"

static void
mk(struct tftp_xfer *x, bool sender, uint16_t blksize, uint16_t win,
    bool oack)
{
	struct tftp_params par = { blksize, win, 1000, oack };

	tftp_xfer_init(x, &par, sender, 3, 4000);
}

static void
ack(struct tftp_xfer *x, uint16_t block, struct tftp_act *a)
{
	struct tftp_pkt p = { .op = TFTP_ACK, .block = block };

	tftp_xfer_on_packet(x, &p, a);
}

static void
data(struct tftp_xfer *x, uint16_t block, size_t len, struct tftp_act *a)
{
	static const uint8_t buf[TFTP_BLKSIZE_MAX];
	struct tftp_pkt p = { .op = TFTP_DATA, .block = block, .data = buf,
	    .datalen = len };

	tftp_xfer_on_packet(x, &p, a);
}

static void
want_send(const struct tftp_act *a, uint64_t first, unsigned count)
{
	ck_assert_int_eq(a->kind, TFTP_ACT_SEND);
	ck_assert(!a->oack);
	ck_assert_uint_eq(a->first, first);
	ck_assert_uint_eq(a->count, count);
}

/* Lock-step with an OACK: a 1000-byte file in 512-byte blocks. */
START_TEST(test_lockstep)
{
	struct tftp_xfer x;
	struct tftp_act a;

	mk(&x, true, 512, 1, true);
	tftp_xfer_start(&x, &a);
	ck_assert_int_eq(a.kind, TFTP_ACT_SEND);
	ck_assert(a.oack);
	ck_assert_uint_eq(a.timeout_ms, 1000);
	ack(&x, 1, &a);			/* not the OACK's ACK 0 */
	ck_assert_int_eq(a.kind, TFTP_ACT_WAIT);
	ack(&x, 0, &a);
	want_send(&a, 1, 1);
	ack(&x, 1, &a);
	want_send(&a, 2, 1);
	tftp_xfer_eof(&x, 2, 488);
	ack(&x, 2, &a);
	ck_assert_int_eq(a.kind, TFTP_ACT_DONE);
	ck_assert_str_eq(a.why, "ok");
	ck_assert_uint_eq(tftp_xfer_bytes(&x), 1000);
}
END_TEST

/* Duplicate and old ACKs never cause a resend; the timer does. */
START_TEST(test_duplicate_ack)
{
	struct tftp_xfer x;
	struct tftp_act a;

	mk(&x, true, 512, 1, false);
	tftp_xfer_start(&x, &a);
	want_send(&a, 1, 1);
	ack(&x, 1, &a);
	want_send(&a, 2, 1);
	ack(&x, 1, &a);			/* duplicate */
	ck_assert_int_eq(a.kind, TFTP_ACT_WAIT);
	ck_assert_uint_eq(a.timeout_ms, 0);	/* keeps the deadline */
	ack(&x, 0, &a);			/* older still */
	ck_assert_int_eq(a.kind, TFTP_ACT_WAIT);
	ack(&x, 9, &a);			/* never sent */
	ck_assert_int_eq(a.kind, TFTP_ACT_WAIT);
	tftp_xfer_on_timeout(&x, &a);
	want_send(&a, 2, 1);
	ck_assert_uint_eq(a.timeout_ms, 2000);
}
END_TEST

START_TEST(test_timeouts)
{
	struct tftp_xfer x;
	struct tftp_act a;

	mk(&x, true, 512, 1, true);
	tftp_xfer_start(&x, &a);
	tftp_xfer_on_timeout(&x, &a);
	ck_assert(a.oack);
	ck_assert_uint_eq(a.timeout_ms, 2000);
	tftp_xfer_on_timeout(&x, &a);
	ck_assert_uint_eq(a.timeout_ms, 4000);
	tftp_xfer_on_timeout(&x, &a);
	ck_assert_uint_eq(a.timeout_ms, 4000);	/* ceiling */
	ack(&x, 0, &a);				/* progress resets it */
	want_send(&a, 1, 1);
	ck_assert_uint_eq(a.timeout_ms, 1000);
	tftp_xfer_on_timeout(&x, &a);
	tftp_xfer_on_timeout(&x, &a);
	tftp_xfer_on_timeout(&x, &a);
	want_send(&a, 1, 1);
	tftp_xfer_on_timeout(&x, &a);		/* 4th: over maxretries */
	ck_assert_int_eq(a.kind, TFTP_ACT_ABORT);
	ck_assert_ptr_null(a.msg);
	ck_assert_str_eq(a.why, "timeout");
}
END_TEST

/*
 * The time without progress is bounded whatever the client asks: timeout
 * 255 with 10 retries doubling to 8 x 255 s waited 4.8 hours; with a
 * 120 s bound the first wait is cut to 120 s and its end aborts.  With
 * -T 1 s and 100 retries (13 minutes) the waits add up to exactly 120 s,
 * and progress gives the transfer a new 120 s.
 */
START_TEST(test_stall)
{
	struct tftp_params par = { 512, 1, 255000, true };
	struct tftp_xfer x;
	struct tftp_act a;
	uint64_t total;
	unsigned n;

	tftp_xfer_init(&x, &par, true, 10, 8 * 255000);
	tftp_xfer_set_stall(&x, 120000);
	tftp_xfer_start(&x, &a);
	for (total = 0, n = 0; a.kind == TFTP_ACT_SEND && n < 20; n++) {
		total += a.timeout_ms;
		tftp_xfer_on_timeout(&x, &a);
	}
	ck_assert_int_eq(a.kind, TFTP_ACT_ABORT);
	ck_assert_str_eq(a.why, "timeout");
	ck_assert_uint_le(total, 120000);
	par.timeout_ms = 1000;
	tftp_xfer_init(&x, &par, false, 100, 8000);
	tftp_xfer_set_stall(&x, 120000);
	tftp_xfer_start(&x, &a);
	for (n = 0; n < 5; n++)
		tftp_xfer_on_timeout(&x, &a);
	data(&x, 1, 512, &a);		/* progress: a fresh 120 s */
	for (total = 0, n = 0; a.kind == TFTP_ACT_SEND && n < 200; n++) {
		total += a.timeout_ms;
		tftp_xfer_on_timeout(&x, &a);
	}
	ck_assert_int_eq(a.kind, TFTP_ACT_ABORT);
	ck_assert_str_eq(a.why, "timeout");
	ck_assert_uint_eq(total, 120000);
	ck_assert_uint_eq(n, 18);	/* 1 + 2 + 4 + 14 x 8 + 1 s */
}
END_TEST

/* 65536 + 3 blocks: numbers wrap 65535 -> 0 and the transfer goes on. */
START_TEST(test_rollover)
{
	struct tftp_xfer x;
	struct tftp_act a;
	uint64_t k;

	mk(&x, true, 512, 1, false);
	tftp_xfer_start(&x, &a);
	for (k = 1; k <= 65538; k++) {
		want_send(&a, k, 1);
		ack(&x, (uint16_t)k, &a);
	}
	ck_assert_uint_eq(a.first, 65539);
	ack(&x, 2, &a);			/* block 2 mod 65536: already ACKed */
	ck_assert_int_eq(a.kind, TFTP_ACT_WAIT);
	tftp_xfer_eof(&x, 65539, 0);	/* size an exact multiple: empty */
	ack(&x, (uint16_t)65539, &a);
	ck_assert_int_eq(a.kind, TFTP_ACT_DONE);
	ck_assert_uint_eq(tftp_xfer_bytes(&x), 65538ull * 512);
}
END_TEST

/* RFC 7440: windows of 4; an ACK inside the window restarts after it. */
START_TEST(test_window)
{
	struct tftp_xfer x;
	struct tftp_act a;

	mk(&x, true, 512, 4, false);
	tftp_xfer_start(&x, &a);
	want_send(&a, 1, 4);
	ack(&x, 4, &a);
	want_send(&a, 5, 4);
	ack(&x, 6, &a);			/* 7 was lost */
	want_send(&a, 7, 4);
	tftp_xfer_eof(&x, 9, 100);	/* the shell met the end at 9 */
	ack(&x, 8, &a);
	want_send(&a, 9, 1);
	ack(&x, 8, &a);			/* duplicate */
	ck_assert_int_eq(a.kind, TFTP_ACT_WAIT);
	tftp_xfer_on_timeout(&x, &a);
	want_send(&a, 9, 1);
	ack(&x, 9, &a);
	ck_assert_int_eq(a.kind, TFTP_ACT_DONE);
	ck_assert_uint_eq(tftp_xfer_bytes(&x), 8 * 512 + 100);
}
END_TEST

START_TEST(test_client_error)
{
	struct tftp_xfer x;
	struct tftp_act a;
	struct tftp_pkt p = { .op = TFTP_ERROR, .code = 8 };

	mk(&x, true, 512, 1, true);
	tftp_xfer_start(&x, &a);
	tftp_xfer_on_packet(&x, &p, &a);
	ck_assert_int_eq(a.kind, TFTP_ACT_ABORT);
	ck_assert_ptr_null(a.msg);	/* never answer an ERROR */
	ck_assert_ptr_null(a.why);
	ck_assert_uint_eq(a.code, 8);
	data(&x, 1, 10, &a);		/* DATA to a sender */
	ck_assert_int_eq(a.kind, TFTP_ACT_ABORT);
	ck_assert_uint_eq(a.code, TFTP_EBADOP);
	ck_assert_ptr_nonnull(a.msg);
}
END_TEST

/* WRQ: OACK, 512 + 512 + 0 bytes (exact multiple), dally, re-ACK. */
START_TEST(test_receiver)
{
	struct tftp_xfer x;
	struct tftp_act a;

	mk(&x, false, 512, 1, true);
	tftp_xfer_start(&x, &a);
	ck_assert(a.oack);
	tftp_xfer_on_timeout(&x, &a);
	ck_assert(a.oack);		/* resend the OACK, not ACK 0 */
	data(&x, 1, 512, &a);
	ck_assert(a.write);
	ck_assert_int_eq(a.kind, TFTP_ACT_SEND);
	ck_assert_uint_eq(a.first, 1);
	ck_assert(!a.oack);
	data(&x, 1, 512, &a);		/* duplicate: ACK again, no write */
	ck_assert(!a.write);
	ck_assert_int_eq(a.kind, TFTP_ACT_SEND);
	ck_assert_uint_eq(a.first, 1);
	data(&x, 3, 512, &a);		/* from the future */
	ck_assert_int_eq(a.kind, TFTP_ACT_WAIT);
	data(&x, 2, 513, &a);
	ck_assert_int_eq(a.kind, TFTP_ACT_ABORT);
	ck_assert_uint_eq(a.code, TFTP_EBADOP);
}
END_TEST

START_TEST(test_receiver_end)
{
	struct tftp_xfer x;
	struct tftp_act a;

	mk(&x, false, 512, 2, false);
	tftp_xfer_start(&x, &a);
	ck_assert(!a.oack);
	ck_assert_uint_eq(a.first, 0);
	data(&x, 1, 512, &a);
	ck_assert_int_eq(a.kind, TFTP_ACT_WAIT);	/* window of 2 */
	ck_assert(a.write);
	ck_assert_uint_eq(a.timeout_ms, 1000);
	data(&x, 2, 512, &a);
	ck_assert_int_eq(a.kind, TFTP_ACT_SEND);
	ck_assert_uint_eq(a.first, 2);
	data(&x, 3, 0, &a);
	ck_assert_int_eq(a.kind, TFTP_ACT_SEND);
	ck_assert_uint_eq(a.first, 3);
	data(&x, 3, 0, &a);		/* our final ACK was lost */
	ck_assert_int_eq(a.kind, TFTP_ACT_SEND);
	ck_assert(!a.write);
	tftp_xfer_on_timeout(&x, &a);	/* dallied long enough */
	ck_assert_int_eq(a.kind, TFTP_ACT_DONE);
	ck_assert_uint_eq(tftp_xfer_bytes(&x), 1024);
}
END_TEST

/*
 * A closed client port: after the final window went out again, the
 * client had it (it may end right after its final ACK); before, it
 * vanished.
 */
START_TEST(test_gone)
{
	struct tftp_xfer x;
	struct tftp_act a;

	mk(&x, true, 512, 2, true);
	tftp_xfer_start(&x, &a);
	tftp_xfer_on_gone(&x, &a);		/* at the OACK */
	ck_assert_int_eq(a.kind, TFTP_ACT_ABORT);
	ck_assert_str_eq(a.why, "unreachable");
	ck_assert_ptr_null(a.msg);

	mk(&x, true, 512, 2, false);
	tftp_xfer_start(&x, &a);
	want_send(&a, 1, 2);
	tftp_xfer_on_gone(&x, &a);		/* mid-transfer */
	ck_assert_int_eq(a.kind, TFTP_ACT_ABORT);
	ack(&x, 2, &a);
	want_send(&a, 3, 2);
	tftp_xfer_eof(&x, 3, 100);		/* the final block goes out */
	tftp_xfer_on_gone(&x, &a);		/* ... and meets no one */
	ck_assert_int_eq(a.kind, TFTP_ACT_ABORT);
	ck_assert_uint_eq(tftp_xfer_bytes(&x), 1024);
	tftp_xfer_on_timeout(&x, &a);		/* sent again */
	want_send(&a, 3, 1);
	tftp_xfer_on_gone(&x, &a);		/* the final ACK was lost */
	ck_assert_int_eq(a.kind, TFTP_ACT_DONE);
	ck_assert_str_eq(a.why, "ok");
	ck_assert_uint_eq(tftp_xfer_bytes(&x), 1124);

	mk(&x, false, 512, 1, false);
	tftp_xfer_start(&x, &a);
	data(&x, 1, 512, &a);
	tftp_xfer_on_gone(&x, &a);		/* receiver, mid-transfer */
	ck_assert_int_eq(a.kind, TFTP_ACT_ABORT);
	data(&x, 2, 7, &a);
	tftp_xfer_on_gone(&x, &a);		/* dallying: all stored */
	ck_assert_int_eq(a.kind, TFTP_ACT_DONE);
	ck_assert_uint_eq(tftp_xfer_bytes(&x), 519);
}
END_TEST

START_TEST(test_receiver_timeout)
{
	struct tftp_xfer x;
	struct tftp_act a;
	int i;

	mk(&x, false, 512, 1, false);
	tftp_xfer_start(&x, &a);
	data(&x, 1, 512, &a);
	for (i = 0; i < 3; i++) {
		tftp_xfer_on_timeout(&x, &a);
		ck_assert_int_eq(a.kind, TFTP_ACT_SEND);
		ck_assert_uint_eq(a.first, 1);
	}
	tftp_xfer_on_timeout(&x, &a);
	ck_assert_int_eq(a.kind, TFTP_ACT_ABORT);
	ck_assert_str_eq(a.why, "timeout");
}
END_TEST

Suite *
tftp_xfer_suite(void)
{
	Suite *s = suite_create("tftp_xfer");
	TCase *tc = tcase_create("core");

	tcase_set_timeout(tc, 30);
	tcase_add_test(tc, test_lockstep);
	tcase_add_test(tc, test_duplicate_ack);
	tcase_add_test(tc, test_timeouts);
	tcase_add_test(tc, test_stall);
	tcase_add_test(tc, test_rollover);
	tcase_add_test(tc, test_window);
	tcase_add_test(tc, test_client_error);
	tcase_add_test(tc, test_receiver);
	tcase_add_test(tc, test_receiver_end);
	tcase_add_test(tc, test_receiver_timeout);
	tcase_add_test(tc, test_gone);
	suite_add_tcase(s, tc);
	return s;
}
