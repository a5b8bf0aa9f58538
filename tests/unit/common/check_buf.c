// SPDX-License-Identifier: ISC
/* Unit tests for common/buf.c: bounded reads, every truncation, wbuf. */
#include <string.h>

#include "tests.h"

#include "common/buf.h"

static const uint8_t pkt[] = {
	0x01, 0x02, 0x03, 0x04, 0x05, 0x06, 0x07, 'a', 'b', '\0', 0xff
};

/* Reads 8+16+32 bits, a string, a byte: the whole packet. */
static int
read_all(const uint8_t *p, size_t len)
{
	struct rbuf r;
	uint8_t b8;
	uint16_t b16;
	uint32_t b32;
	const char *s;
	size_t slen;

	rbuf_init(&r, p, len);
	if (rbuf_get8(&r, &b8) == -1 || rbuf_get16(&r, &b16) == -1 ||
	    rbuf_get32(&r, &b32) == -1 || rbuf_getstr(&r, &s, &slen) == -1 ||
	    rbuf_get8(&r, &b8) == -1)
		return -1;
	return r.rem == 0 ? 0 : -1;
}

START_TEST(test_rbuf_values)
{
	struct rbuf r;
	uint8_t b8;
	uint16_t b16;
	uint32_t b32;
	const char *s;
	size_t slen;

	rbuf_init(&r, pkt, sizeof(pkt));
	ck_assert_int_eq(rbuf_get8(&r, &b8), 0);
	ck_assert_uint_eq(b8, 0x01);
	ck_assert_int_eq(rbuf_get16(&r, &b16), 0);
	ck_assert_uint_eq(b16, 0x0203);
	ck_assert_int_eq(rbuf_get32(&r, &b32), 0);
	ck_assert_uint_eq(b32, 0x04050607);
	ck_assert_int_eq(rbuf_getstr(&r, &s, &slen), 0);
	ck_assert_str_eq(s, "ab");
	ck_assert_uint_eq(slen, 2);
	ck_assert_uint_eq(r.rem, 1);
	ck_assert_int_eq(rbuf_get16(&r, &b16), -1);
	ck_assert_uint_eq(r.rem, 1);	/* a failed read moves nothing */
	ck_assert_int_eq(rbuf_get8(&r, &b8), 0);
	ck_assert_int_eq(rbuf_get8(&r, &b8), -1);
}
END_TEST

/* Every prefix of the packet fails cleanly; only the whole one parses. */
START_TEST(test_rbuf_truncated)
{
	ck_assert_int_eq(read_all(pkt, (size_t)_i),
	    (size_t)_i == sizeof(pkt) ? 0 : -1);
}
END_TEST

START_TEST(test_rbuf_str_no_nul)
{
	static const uint8_t s[] = { 'a', 'b', 'c' };
	struct rbuf r;
	const char *p;
	size_t len;

	rbuf_init(&r, s, sizeof(s));
	ck_assert_int_eq(rbuf_getstr(&r, &p, &len), -1);
	ck_assert_uint_eq(r.rem, 3);
	rbuf_init(&r, s, 0);
	ck_assert_int_eq(rbuf_getstr(&r, &p, &len), -1);
}
END_TEST

START_TEST(test_rbuf_sub_skip_ptr)
{
	struct rbuf r, sub;
	const uint8_t *p;
	uint8_t b;

	rbuf_init(&r, pkt, sizeof(pkt));
	ck_assert_int_eq(rbuf_sub(&r, 3, &sub), 0);
	ck_assert_uint_eq(sub.rem, 3);
	ck_assert_int_eq(rbuf_skip(&sub, 2), 0);
	ck_assert_int_eq(rbuf_get8(&sub, &b), 0);
	ck_assert_uint_eq(b, 0x03);
	ck_assert_int_eq(rbuf_get8(&sub, &b), -1);
	ck_assert_int_eq(rbuf_ptr(&r, 4, &p), 0);
	ck_assert_uint_eq(p[0], 0x04);
	ck_assert_int_eq(rbuf_skip(&r, sizeof(pkt)), -1);
	ck_assert_int_eq(rbuf_sub(&r, sizeof(pkt), &sub), -1);
	rbuf_init(&r, NULL, 10);
	ck_assert_uint_eq(r.rem, 0);
}
END_TEST

START_TEST(test_wbuf)
{
	uint8_t buf[8];
	struct wbuf w;
	uint8_t *p;

	wbuf_init(&w, buf, sizeof(buf));
	wbuf_put8(&w, 0xaa);
	wbuf_put16(&w, 0x0102);
	wbuf_put32(&w, 0x03040506);
	ck_assert_int_eq(wbuf_len(&w), 7);
	ck_assert_uint_eq(wbuf_avail(&w), 1);
	ck_assert_mem_eq(buf, "\xaa\x01\x02\x03\x04\x05\x06", 7);
	wbuf_put16(&w, 0xffff);		/* does not fit: sticky overflow */
	ck_assert_int_eq(wbuf_len(&w), -1);
	wbuf_put8(&w, 0x01);		/* would fit, but overflow sticks */
	ck_assert_int_eq(wbuf_len(&w), -1);
	ck_assert_uint_eq(wbuf_avail(&w), 0);

	wbuf_init(&w, buf, sizeof(buf));
	wbuf_putstr(&w, "abc");
	ck_assert_int_eq(wbuf_len(&w), 4);
	p = wbuf_reserve(&w, 4);
	ck_assert_ptr_eq(p, buf + 4);
	ck_assert_ptr_null(wbuf_reserve(&w, 1));
	ck_assert_int_eq(wbuf_len(&w), -1);
}
END_TEST

Suite *
buf_suite(void)
{
	Suite *s = suite_create("buf");
	TCase *tc = tcase_create("core");

	tcase_add_test(tc, test_rbuf_values);
	tcase_add_loop_test(tc, test_rbuf_truncated, 0, sizeof(pkt) + 1);
	tcase_add_test(tc, test_rbuf_str_no_nul);
	tcase_add_test(tc, test_rbuf_sub_skip_ptr);
	tcase_add_test(tc, test_wbuf);
	suite_add_tcase(s, tc);
	return s;
}
