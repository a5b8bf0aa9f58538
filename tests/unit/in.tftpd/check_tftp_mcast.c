// SPDX-License-Identifier: ISC
/*
 * Unit tests for in.tftpd/tftp_mcast.c, the RFC 2090 session core: the
 * first client is master and paces the group lock-step; a listener is
 * made master when the master is done and ACKs what it holds, so a late
 * joiner gets the start of the file; a master that stops answering is
 * sent its OACK and the block again, then loses its turn and fails at its
 * second; a lost block is resent, duplicate ACKs are not answered; ACKs
 * from listeners and strangers are ignored; ERROR leaves; a session ends
 * with clients still missing blocks; a full session refuses.  The wire
 * side is check_tftp_mcast_wire.c.
 */
#include "tests.h"

#include "in.tftpd/tftp_mcast.h"

#define A	0xc000020bu	/* 192.0.2.11 */
#define B	0xc000020cu
#define C	0xc000020du
#define PA	1001
#define PB	1002
#define PC	1003

static const uint8_t base[] = { 0, 6, 'b', 'l', 'k', 's', 'i', 'z', 'e', 0,
    '1', '4', '3', '2', 0 };

/* The next action at now, which must be of kind act. */
static struct tftp_mc_action
expect(struct tftp_mc *m, int64_t now, enum tftp_mc_act act)
{
	struct tftp_mc_action a;

	tftp_mc_next(m, now, &a);
	ck_assert_int_eq(a.act, act);
	return a;
}

static void
expect_oack(struct tftp_mc *m, int64_t now, size_t client, bool master)
{
	struct tftp_mc_action a = expect(m, now, MC_ACT_OACK);

	ck_assert_uint_eq(a.client, client);
	ck_assert(a.master == master);
}

static void
expect_data(struct tftp_mc *m, int64_t now, uint32_t block)
{
	struct tftp_mc_action a = expect(m, now, MC_ACT_DATA);

	ck_assert_uint_eq(a.block, block);
}

static void
expect_end(struct tftp_mc *m, int64_t now, size_t client,
    enum tftp_mc_state st)
{
	struct tftp_mc_action a = expect(m, now, MC_ACT_END);

	ck_assert_uint_eq(a.client, client);
	ck_assert_int_eq(m->cl[client].state, st);
}

/* ip:port ACKs `from' .. `to' one by one, each answered by the next block. */
static void
ack_run(struct tftp_mc *m, uint32_t ip, uint16_t port, uint16_t from,
    uint16_t to)
{
	uint16_t k;

	for (k = from; k <= to; k++) {
		tftp_mc_ack(m, ip, port, k);
		expect_data(m, 0, (uint32_t)k + 1);
		expect(m, 0, MC_ACT_WAIT);
	}
}

static void
join(struct tftp_mc *m, uint32_t ip, uint16_t port, ssize_t want)
{
	ck_assert_int_eq(tftp_mc_join(m, ip, port, base, sizeof(base), 0),
	    want);
}

START_TEST(test_alone)
{
	struct tftp_mc_client tab[4];
	struct tftp_mc m;

	tftp_mc_init(&m, tab, 4, 3, 100, 800, 5);
	expect(&m, 0, MC_ACT_OVER);		/* nobody yet */
	join(&m, A, PA, 0);
	expect_oack(&m, 0, 0, true);
	expect(&m, 0, MC_ACT_WAIT);
	ack_run(&m, A, PA, 0, 2);
	tftp_mc_ack(&m, A, PA, 3);
	expect_end(&m, 0, 0, MC_DONE);
	expect(&m, 0, MC_ACT_OVER);
	ck_assert_uint_eq(m.out, 3);
}
END_TEST

/* B listens while A is master, is master next and holds it all. */
START_TEST(test_listener)
{
	struct tftp_mc_client tab[4];
	struct tftp_mc m;

	tftp_mc_init(&m, tab, 4, 3, 100, 800, 5);
	join(&m, A, PA, 0);
	join(&m, B, PB, 1);
	expect_oack(&m, 0, 0, true);
	expect_oack(&m, 0, 1, false);
	ack_run(&m, A, PA, 0, 2);
	tftp_mc_ack(&m, A, PA, 3);
	expect_end(&m, 0, 0, MC_DONE);
	expect_oack(&m, 0, 1, true);
	tftp_mc_ack(&m, B, PB, 3);		/* it has every block */
	expect_end(&m, 0, 1, MC_DONE);
	expect(&m, 0, MC_ACT_OVER);
	ck_assert_uint_eq(m.out, 3);		/* the file went out once */
}
END_TEST

/* C joins after block 5 of 10: the rest by the group, 1..5 as master. */
START_TEST(test_late_joiner)
{
	struct tftp_mc_client tab[4];
	struct tftp_mc m;

	tftp_mc_init(&m, tab, 4, 10, 100, 800, 5);
	join(&m, A, PA, 0);
	expect_oack(&m, 0, 0, true);
	ack_run(&m, A, PA, 0, 4);		/* block 5 is out */
	join(&m, C, PC, 1);
	expect_oack(&m, 0, 1, false);
	ack_run(&m, A, PA, 5, 9);
	tftp_mc_ack(&m, A, PA, 10);
	expect_end(&m, 0, 0, MC_DONE);
	expect_oack(&m, 0, 1, true);
	ack_run(&m, C, PC, 0, 3);		/* it missed 1..4 */
	tftp_mc_ack(&m, C, PC, 4);
	expect_data(&m, 0, 5);
	tftp_mc_ack(&m, C, PC, 10);		/* 6..10 came by the group */
	expect_end(&m, 0, 1, MC_DONE);
	expect(&m, 0, MC_ACT_OVER);
	ck_assert_uint_eq(m.out, 15);
}
END_TEST

/* A lost block is resent on the timer; a duplicate ACK is not answered. */
START_TEST(test_lost_block)
{
	struct tftp_mc_client tab[4];
	struct tftp_mc_action a;
	struct tftp_mc m;

	tftp_mc_init(&m, tab, 4, 5, 100, 800, 5);
	join(&m, A, PA, 0);
	expect_oack(&m, 1000, 0, true);
	tftp_mc_ack(&m, A, PA, 0);
	expect_data(&m, 1000, 1);
	tftp_mc_ack(&m, A, PA, 1);
	expect_data(&m, 1010, 2);
	a = expect(&m, 1010, MC_ACT_WAIT);
	ck_assert_int_eq(a.due, 1110);
	tftp_mc_ack(&m, A, PA, 1);		/* a duplicate: no answer */
	expect(&m, 1050, MC_ACT_WAIT);
	expect_oack(&m, 1110, 0, true);		/* timeout: OACK, block 2 */
	expect_data(&m, 1110, 2);
	a = expect(&m, 1110, MC_ACT_WAIT);
	ck_assert_int_eq(a.due, 1310);		/* backed off */
	tftp_mc_ack(&m, A, PA, 2);
	expect_data(&m, 1120, 3);
	a = expect(&m, 1120, MC_ACT_WAIT);
	ck_assert_int_eq(a.due, 1220);		/* progress: back to 100 */
}
END_TEST

/* ACKs from a listener, a stranger, or past the end change nothing. */
START_TEST(test_ignored)
{
	struct tftp_mc_client tab[4];
	struct tftp_mc m;

	tftp_mc_init(&m, tab, 4, 5, 100, 800, 5);
	join(&m, A, PA, 0);
	join(&m, B, PB, 1);
	expect_oack(&m, 0, 0, true);
	tftp_mc_ack(&m, A, PA, 0);		/* an ACK before its OACK */
	expect_oack(&m, 0, 1, false);
	ack_run(&m, A, PA, 0, 0);
	tftp_mc_ack(&m, B, PB, 1);
	tftp_mc_ack(&m, C, PC, 1);
	tftp_mc_ack(&m, A, PB, 1);		/* A's address, B's port */
	tftp_mc_ack(&m, A, PA, 6);
	tftp_mc_ack(&m, A, PA, 65535);
	expect(&m, 0, MC_ACT_WAIT);
	tftp_mc_error(&m, C, PC, 0);
	expect(&m, 0, MC_ACT_WAIT);
	ck_assert_uint_eq(m.out, 1);
}
END_TEST

/*
 * A silent master: OACK and block again `retries' times, then the
 * listener is master; at its second turn the silent one fails.
 */
START_TEST(test_master_vanishes)
{
	struct tftp_mc_client tab[4];
	struct tftp_mc m;
	int64_t t = 0;
	unsigned i;

	tftp_mc_init(&m, tab, 4, 4, 100, 400, 3);
	join(&m, A, PA, 0);
	join(&m, B, PB, 1);
	expect_oack(&m, t, 0, true);
	expect_oack(&m, t, 1, false);
	ack_run(&m, A, PA, 0, 1);		/* block 2 is out; A dies */
	for (i = 0; i < 3; i++) {
		t = m.due;
		expect_oack(&m, t, 0, true);
		expect_data(&m, t, 2);
		expect(&m, t, MC_ACT_WAIT);
	}
	t = m.due;
	expect_oack(&m, t, 1, true);		/* A's turn is over */
	ck_assert_int_eq(m.cl[0].state, MC_WAITING);
	tftp_mc_ack(&m, B, PB, 1);		/* B has 1 */
	expect_data(&m, t, 2);
	ack_run(&m, B, PB, 2, 3);
	tftp_mc_ack(&m, B, PB, 4);
	expect_end(&m, t, 1, MC_DONE);
	expect_oack(&m, t, 0, true);		/* A's second turn */
	for (i = 0; i < 3; i++) {
		t = m.due;
		expect_oack(&m, t, 0, true);	/* fresh: the OACK only */
		expect(&m, t, MC_ACT_WAIT);
	}
	t = m.due;
	expect_end(&m, t, 0, MC_FAILED);
	ck_assert_uint_eq(m.cl[0].code, 0);	/* a timeout */
	expect(&m, t, MC_ACT_OVER);
}
END_TEST

/* An ERROR from the master: it fails, the next one is master. */
START_TEST(test_error_leaves)
{
	struct tftp_mc_client tab[4];
	struct tftp_mc m;

	tftp_mc_init(&m, tab, 4, 4, 100, 800, 5);
	join(&m, A, PA, 0);
	join(&m, B, PB, 1);
	join(&m, C, PC, 2);
	expect_oack(&m, 0, 0, true);
	expect_oack(&m, 0, 1, false);
	expect_oack(&m, 0, 2, false);
	ack_run(&m, A, PA, 0, 1);
	tftp_mc_error(&m, B, PB, 3);		/* a listener leaves */
	expect_end(&m, 0, 1, MC_FAILED);
	ck_assert_uint_eq(m.cl[1].code, 3);
	tftp_mc_error(&m, A, PA, 0);		/* the master leaves */
	expect_end(&m, 0, 0, MC_FAILED);
	expect_oack(&m, 0, 2, true);
	tftp_mc_error(&m, A, PA, 0);		/* again: nothing */
	expect(&m, 0, MC_ACT_WAIT);
}
END_TEST

/*
 * The session ends with a client still missing blocks: it never answers
 * as master and fails; the count of blocks it was sent is kept.
 */
START_TEST(test_end_missing)
{
	struct tftp_mc_client tab[4];
	struct tftp_mc_action a;
	struct tftp_mc m;
	int64_t t = 0;
	unsigned turns = 0;

	tftp_mc_init(&m, tab, 4, 3, 100, 100, 1);
	join(&m, A, PA, 0);
	expect_oack(&m, t, 0, true);
	ack_run(&m, A, PA, 0, 0);
	join(&m, B, PB, 1);			/* after block 1 */
	expect_oack(&m, t, 1, false);
	ack_run(&m, A, PA, 1, 2);
	tftp_mc_ack(&m, A, PA, 3);
	expect_end(&m, t, 0, MC_DONE);
	for (;;) {
		tftp_mc_next(&m, t, &a);
		if (a.act == MC_ACT_END)
			break;
		ck_assert_int_eq(a.act, MC_ACT_OACK);
		ck_assert(a.master);
		ck_assert_uint_lt(++turns, 10);
		t = m.due;
	}
	ck_assert_uint_eq(turns, 4);		/* 2 turns x (1 + 1 retry) */
	ck_assert_uint_eq(a.client, 1);
	ck_assert_int_eq(m.cl[1].state, MC_FAILED);
	ck_assert_uint_eq(m.cl[1].got, 2);	/* blocks 2 and 3 */
	expect(&m, t, MC_ACT_OVER);
}
END_TEST

/* A full session refuses; a repeated request is owed its OACK again. */
START_TEST(test_full)
{
	struct tftp_mc_client tab[2];
	struct tftp_mc m;
	uint8_t big[TFTP_MC_OACKMAX + 1] = { 0, 6 };

	tftp_mc_init(&m, tab, 2, 2, 100, 800, 5);
	ck_assert_int_eq(tftp_mc_join(&m, A, PA, big, sizeof(big), 0), -1);
	join(&m, A, PA, 0);
	join(&m, B, PB, 1);
	join(&m, C, PC, -1);
	expect_oack(&m, 0, 0, true);
	expect_oack(&m, 0, 1, false);
	join(&m, B, PB, 1);			/* its OACK was lost */
	expect_oack(&m, 0, 1, false);
	ack_run(&m, A, PA, 0, 1);
	tftp_mc_ack(&m, A, PA, 2);
	expect_end(&m, 0, 0, MC_DONE);
	join(&m, A, PA, -1);			/* done with this session */
}
END_TEST

Suite *
tftp_mcast_suite(void)
{
	Suite *s = suite_create("tftp_mcast");
	TCase *tc = tcase_create("core");

	tcase_add_test(tc, test_alone);
	tcase_add_test(tc, test_listener);
	tcase_add_test(tc, test_late_joiner);
	tcase_add_test(tc, test_lost_block);
	tcase_add_test(tc, test_ignored);
	tcase_add_test(tc, test_master_vanishes);
	tcase_add_test(tc, test_error_leaves);
	tcase_add_test(tc, test_end_missing);
	tcase_add_test(tc, test_full);
	suite_add_tcase(s, tc);
	return s;
}
