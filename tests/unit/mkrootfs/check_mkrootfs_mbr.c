// SPDX-License-Identifier: ISC
/*
 * Unit tests for mkrootfs/mbr/mkr_mbr.c: the partition table and disk signature
 * survive, 0x55AA is set, the code area holds the stub and zeros, the
 * classifier knows empty, ours, the seed's and foreign code, and foreign
 * code is refused without force.  The stub's bytes are checked where the
 * listing says they are (qemu proves they reset: it_mkrootfs_mbr.sh).
 */
#include <string.h>

#include "tests.h"

#include "mkrootfs/mbr/mkr_mbr.h"

static void
disk(uint8_t sec[MBR_SIZE])
{
	size_t i;

	memset(sec, 0, MBR_SIZE);
	for (i = MBR_CODE_LEN; i < MBR_SIG_OFF; i++)
		sec[i] = (uint8_t)(i * 7);
}

START_TEST(test_build_keeps_table)
{
	uint8_t old[MBR_SIZE], out[MBR_SIZE];
	const char *errstr = NULL;
	size_t i;

	disk(old);
	ck_assert_int_eq(mbr_classify(old), MBR_EMPTY);
	ck_assert_int_eq(mbr_build(old, out, false, &errstr), 0);
	ck_assert_int_eq(memcmp(out + 440, old + 440, 70), 0);
	ck_assert_uint_eq(out[510], 0x55);
	ck_assert_uint_eq(out[511], 0xaa);
	ck_assert_int_eq(memcmp(out, mbr_stub, mbr_stub_len), 0);
	for (i = mbr_stub_len; i < MBR_CODE_LEN; i++)
		ck_assert_uint_eq(out[i], 0);
	ck_assert_int_eq(mbr_classify(out), MBR_OURS);
	/* idempotent */
	memcpy(old, out, MBR_SIZE);
	ck_assert_int_eq(mbr_build(old, out, false, &errstr), 0);
	ck_assert_int_eq(memcmp(old, out, MBR_SIZE), 0);
}
END_TEST

START_TEST(test_refuse_foreign)
{
	uint8_t old[MBR_SIZE], out[MBR_SIZE];
	const char *errstr = NULL;

	disk(old);
	memcpy(old, "\xeb\x63\x90GRUB", 7);
	ck_assert_int_eq(mbr_classify(old), MBR_OTHER);
	ck_assert_int_eq(mbr_build(old, out, false, &errstr), -1);
	ck_assert_ptr_nonnull(strstr(errstr, "--force"));
	ck_assert_int_eq(mbr_build(old, out, true, &errstr), 0);
	ck_assert_int_eq(mbr_classify(out), MBR_OURS);
	/* one stray byte late in the code area is foreign too */
	disk(old);
	old[439] = 1;
	ck_assert_int_eq(mbr_classify(old), MBR_OTHER);
}
END_TEST

START_TEST(test_seed)
{
	uint8_t old[MBR_SIZE], out[MBR_SIZE];
	const char *errstr = NULL;

	disk(old);
	mbr_build_code(old, mbr_seed, mbr_seed_len, out);
	ck_assert_int_eq(mbr_classify(out), MBR_SEED);
	ck_assert_int_eq(mbr_build(out, old, false, &errstr), 0);
	ck_assert_int_eq(mbr_classify(old), MBR_OURS);
	ck_assert_str_eq(mbr_kind_name(MBR_SEED),
	    "the lidt [0]; int 3 reboot code");
}
END_TEST

/* The listing's promises: the IDT operand points at six zero bytes. */
START_TEST(test_stub_listing)
{
	uint16_t idt;

	ck_assert_uint_le(mbr_stub_len, MBR_CODE_LEN);
	ck_assert_uint_eq(mbr_stub[0x19], 0x0f);
	ck_assert_uint_eq(mbr_stub[0x1a], 0x01);
	ck_assert_uint_eq(mbr_stub[0x1b], 0x1e);
	idt = (uint16_t)(mbr_stub[0x1c] | mbr_stub[0x1d] << 8);
	ck_assert_uint_ge(idt, 0x7c00);
	ck_assert_uint_eq(idt - 0x7c00 + 6, mbr_stub_len);
	ck_assert_int_eq(memcmp(mbr_stub + (idt - 0x7c00),
	    "\0\0\0\0\0\0", 6), 0);
	ck_assert_uint_eq(mbr_stub[MBR_STUB_FALLBACK_OFF], 0xb0);
	ck_assert_uint_eq(mbr_stub[MBR_STUB_FALLBACK_OFF +
	    MBR_STUB_FALLBACK_LEN - 1], 0xee);
	ck_assert_uint_eq(mbr_stub[0x1e], 0xcd);
}
END_TEST

Suite *
mkrootfs_mbr_suite(void)
{
	Suite *s = suite_create("mkrootfs_mbr");
	TCase *tc = tcase_create("mbr");

	tcase_add_test(tc, test_build_keeps_table);
	tcase_add_test(tc, test_refuse_foreign);
	tcase_add_test(tc, test_seed);
	tcase_add_test(tc, test_stub_listing);
	suite_add_tcase(s, tc);
	return s;
}
