// SPDX-License-Identifier: ISC
/*
 * Unit tests for common/hidx.c: a lookup finds the first element added
 * with a key, as a linear search from the start would; and the work is
 * linear in the number of keys.  The probe counter is what catches a
 * quadratic regression without timing anything: 100000 sequential MACs,
 * names and addresses (the shape of a real cluster's ethers and hosts)
 * must cost a few probes per key, not thousands.
 */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <strings.h>

#include "tests.h"

#include "common/hidx.h"

#define BULK	100000

struct kv {
	uint8_t		mac[6];
	char		name[16];
	uint32_t	ip;
};

static bool
eq_mac(const void *ctx, size_t i, const void *key)
{
	return memcmp(((const struct kv *)ctx)[i].mac, key, 6) == 0;
}

static bool
eq_name(const void *ctx, size_t i, const void *key)
{
	return strcasecmp(((const struct kv *)ctx)[i].name, key) == 0;
}

static bool
eq_ip(const void *ctx, size_t i, const void *key)
{
	return ((const struct kv *)ctx)[i].ip == *(const uint32_t *)key;
}

START_TEST(test_first_wins)
{
	static const char *const names[] = { "a", "B", "c", "b", "A", "d" };
	struct kv v[6];
	struct hidx x = { 0 };
	size_t i;

	memset(v, 0, sizeof(v));
	ck_assert_uint_eq(hidx_find(&x, hidx_hash_name("a"), eq_name, v, "a"),
	    HIDX_NONE);
	for (i = 0; i < 6; i++) {
		strlcpy(v[i].name, names[i], sizeof(v[i].name));
		ck_assert_int_eq(hidx_add(&x, hidx_hash_name(v[i].name), i,
		    eq_name, v, v[i].name), i < 3 || i == 5 ? 1 : 0);
	}
	ck_assert_uint_eq(x.n, 4);
	ck_assert_uint_eq(hidx_find(&x, hidx_hash_name("A"), eq_name, v, "A"),
	    0);
	ck_assert_uint_eq(hidx_find(&x, hidx_hash_name("b"), eq_name, v, "b"),
	    1);
	ck_assert_uint_eq(hidx_find(&x, hidx_hash_name("D"), eq_name, v, "D"),
	    5);
	ck_assert_uint_eq(hidx_find(&x, hidx_hash_name("e"), eq_name, v, "e"),
	    HIDX_NONE);
	ck_assert_uint_eq(hidx_hash_name("Node1"), hidx_hash_name("nODE1"));
	hidx_free(&x);
	ck_assert_uint_eq(x.n, 0);
	ck_assert_ptr_null(x.slot);
}
END_TEST

/* Adds every key, then every key again (each a lookup that finds it). */
static void
bulk(struct hidx *x, const struct kv *v, hidx_eq_fn eq,
    uint32_t (*hash)(const struct kv *), const void *(*key)(const struct kv *))
{
	size_t i, pass, bad = 0;

	/* No ck_assert in the loops: each one is a write(2) to the runner. */
	for (pass = 0; pass < 2; pass++)
		for (i = 0; i < BULK; i++)
			bad += hidx_add(x, hash(&v[i]), i, eq, v, key(&v[i])) !=
			    (pass == 0);
	for (i = 0; i < BULK; i++)
		bad += hidx_find(x, hash(&v[i]), eq, v, key(&v[i])) != i;
	ck_assert_uint_eq(bad, 0);
	ck_assert_uint_eq(x->n, BULK);
	/* Linear: ~1.5 probes per add at half load; a scan would be ~BULK. */
	ck_assert_uint_le(x->probes, 6 * BULK);
	hidx_free(x);
}

static uint32_t h_mac(const struct kv *k) { return hidx_hash(k->mac, 6); }
static uint32_t h_name(const struct kv *k) { return hidx_hash_name(k->name); }
static uint32_t h_ip(const struct kv *k) { return hidx_hash(&k->ip, 4); }
static const void *k_mac(const struct kv *k) { return k->mac; }
static const void *k_name(const struct kv *k) { return k->name; }
static const void *k_ip(const struct kv *k) { return &k->ip; }

START_TEST(test_linear)
{
	struct kv *v = calloc(BULK, sizeof(*v));
	struct hidx x = { 0 };
	size_t i;

	ck_assert_ptr_nonnull(v);
	for (i = 0; i < BULK; i++) {
		v[i].mac[0] = 2;
		v[i].mac[3] = (uint8_t)(i >> 16);
		v[i].mac[4] = (uint8_t)(i >> 8);
		v[i].mac[5] = (uint8_t)i;
		snprintf(v[i].name, sizeof(v[i].name), "node%zu", i);
		v[i].ip = 0x0a000000u + (uint32_t)i;
	}
	bulk(&x, v, eq_mac, h_mac, k_mac);
	bulk(&x, v, eq_name, h_name, k_name);
	bulk(&x, v, eq_ip, h_ip, k_ip);
	free(v);
}
END_TEST

Suite *
hidx_suite(void)
{
	Suite *s = suite_create("hidx");
	TCase *tc = tcase_create("core");

	tcase_add_test(tc, test_first_wins);
	tcase_add_test(tc, test_linear);
	suite_add_tcase(s, tc);
	return s;
}
