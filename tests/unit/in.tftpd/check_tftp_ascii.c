// SPDX-License-Identifier: ISC
/*
 * Unit tests for in.tftpd/tftp_ascii.c: netascii both ways, with the
 * output cut into blocks of every size from 1 byte up, so that CR LF and
 * CR NUL pairs fall across every block boundary.
 */
#include <string.h>

#include "tests.h"

#include "in.tftpd/tftp_ascii.h"

static const char text[] = "a\nb\r\n\rc\n\n\r\rd";
static const char wire[] = "a\r\nb\r\0\r\n\r\0c\r\n\r\n\r\0\r\0d";

/* Encodes text in blocks of blk bytes, as blksrc does. */
static size_t
enc_blocks(size_t blk, uint8_t *out, size_t cap)
{
	struct tftp_ascii st;
	size_t in = 0, o = 0, used, n;

	tftp_ascii_init(&st);
	for (;;) {
		n = 0;
		while (n < blk && (in < sizeof(text) - 1 ||
		    tftp_ascii_pending(&st))) {
			n += tftp_ascii_enc(&st, (const uint8_t *)text + in,
			    sizeof(text) - 1 - in, &used, out + o + n, blk - n);
			in += used;
		}
		o += n;
		ck_assert_uint_le(o, cap);
		if (n < blk)
			return o;
	}
}

START_TEST(test_encode_blocks)
{
	uint8_t out[64];
	size_t blk = (size_t)_i;

	ck_assert_uint_eq(enc_blocks(blk, out, sizeof(out)), sizeof(wire) - 1);
	ck_assert_mem_eq(out, wire, sizeof(wire) - 1);
}
END_TEST

START_TEST(test_decode_blocks)
{
	struct tftp_ascii st;
	uint8_t out[64];
	size_t blk = (size_t)_i, i, o = 0, n;

	tftp_ascii_init(&st);
	for (i = 0; i < sizeof(wire) - 1; i += n) {
		n = sizeof(wire) - 1 - i < blk ? sizeof(wire) - 1 - i : blk;
		o += tftp_ascii_dec(&st, (const uint8_t *)wire + i, n, out + o);
	}
	o += tftp_ascii_dec_end(&st, out + o);
	ck_assert_uint_eq(o, sizeof(text) - 1);
	ck_assert_mem_eq(out, text, o);
}
END_TEST

START_TEST(test_decode_odd)
{
	struct tftp_ascii st;
	uint8_t out[8];
	size_t o;

	/* A lone CR before another byte, and one at the very end. */
	tftp_ascii_init(&st);
	o = tftp_ascii_dec(&st, (const uint8_t *)"\rx\r", 3, out);
	o += tftp_ascii_dec_end(&st, out + o);
	ck_assert_uint_eq(o, 3);
	ck_assert_mem_eq(out, "\rx\r", 3);
	ck_assert_uint_eq(tftp_ascii_dec_end(&st, out), 0);
}
END_TEST

Suite *
tftp_ascii_suite(void)
{
	Suite *s = suite_create("tftp_ascii");
	TCase *tc = tcase_create("core");

	tcase_add_loop_test(tc, test_encode_blocks, 1, 32);
	tcase_add_loop_test(tc, test_decode_blocks, 1, 32);
	tcase_add_test(tc, test_decode_odd);
	suite_add_tcase(s, tc);
	return s;
}
