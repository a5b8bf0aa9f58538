// SPDX-License-Identifier: ISC
/*
 * Unit tests for mkrootfs/starter/mkr_moddep.c: names from paths, load order with
 * dependencies first and no repeats across calls, the errors (missing ':',
 * unknown module, missing dependency, cycle, capacity), every truncation.
 */
#include <stdio.h>
#include <string.h>

#include "tests.h"

#include "mkrootfs/starter/mkr_moddep.h"

static const char dep[] =
    "kernel/drivers/net/ethernet/intel/e1000/e1000.ko:\n"
    "kernel/drivers/net/virtio_net.ko: kernel/drivers/net/net_failover.ko "
    "kernel/net/core/failover.ko kernel/drivers/virtio/virtio.ko "
    "kernel/drivers/virtio/virtio_ring.ko\n"
    "kernel/drivers/net/net_failover.ko: kernel/net/core/failover.ko\n"
    "\n"
    "kernel/net/core/failover.ko:\n"
    "kernel/drivers/virtio/virtio.ko: kernel/drivers/virtio/virtio_ring.ko\n"
    "kernel/drivers/virtio/virtio_ring.ko:\n"
    "kernel/fs/fat/vfat-x.ko.xz:\n";

static char text[sizeof(dep)];
static struct moddep_ent ents[16];
static struct moddep md;

static void
load(const char *s)
{
	struct perr err;

	strlcpy(text, s, sizeof(text));
	md.ents = ents;
	md.cap = 16;
	ck_assert_int_eq(moddep_parse(&md, text, strlen(text), "m.dep", &err),
	    0);
}

START_TEST(test_name)
{
	char n[MODDEP_NAMEMAX];

	ck_assert_int_eq(moddep_name("a/b/vfat-x.ko.xz", n, sizeof(n)), 0);
	ck_assert_str_eq(n, "vfat_x");
	ck_assert_int_eq(moddep_name("e1000.ko", n, sizeof(n)), 0);
	ck_assert_str_eq(n, "e1000");
	ck_assert_int_eq(moddep_name("a/b/c", n, sizeof(n)), -1);
	ck_assert_int_eq(moddep_name("a/.ko", n, sizeof(n)), -1);
	ck_assert_int_eq(moddep_name("abcdef.ko", n, 4), -1);
}
END_TEST

START_TEST(test_order)
{
	size_t order[16], n = 0, i;
	const char *errstr = NULL;
	static const char *want[] = { "failover", "net_failover",
	    "virtio_ring", "virtio", "virtio_net", "e1000" };

	load(dep);
	ck_assert_uint_eq(md.n, 7);
	ck_assert_int_eq(moddep_order(&md, "virtio-net", order, &n, 16,
	    &errstr), 0);
	ck_assert_int_eq(moddep_order(&md, "e1000", order, &n, 16, &errstr),
	    0);
	ck_assert_int_eq(moddep_order(&md, "virtio", order, &n, 16, &errstr),
	    0);
	ck_assert_uint_eq(n, 6);
	for (i = 0; i < n; i++)
		ck_assert_str_eq(ents[order[i]].name, want[i]);
	ck_assert_str_eq(ents[order[4]].path,
	    "kernel/drivers/net/virtio_net.ko");
	ck_assert_int_eq(moddep_order(&md, "nope", order, &n, 16, &errstr),
	    -1);
	ck_assert_str_eq(errstr, "no such module");
}
END_TEST

START_TEST(test_errors)
{
	size_t order[2], n = 0;
	const char *errstr = NULL;
	struct perr err;

	load("a.ko: b.ko\nb.ko: a.ko\nc.ko: x.ko\nd.ko: b.ko\n");
	ck_assert_int_eq(moddep_order(&md, "a", order, &n, 2, &errstr), -1);
	ck_assert_str_eq(errstr, "dependency cycle");
	ck_assert_int_eq(moddep_order(&md, "c", order, &n, 2, &errstr), -1);
	ck_assert_str_eq(errstr, "dependency missing from modules.dep");
	load("a.ko: b.ko c.ko\nb.ko:\nc.ko:\n");
	ck_assert_int_eq(moddep_order(&md, "a", order, &n, 2, &errstr), -1);
	ck_assert_str_eq(errstr, "too many modules");
	strlcpy(text, "a.ko:\nb.ko\n", sizeof(text));
	ck_assert_int_eq(moddep_parse(&md, text, strlen(text), "m.dep", &err),
	    -1);
	ck_assert_str_eq(err.msg, "m.dep:2: missing ':'");
	strlcpy(text, "a.ko:\nb.ko:", sizeof(text));
	ck_assert_int_eq(moddep_parse(&md, text, strlen(text), "m.dep", &err),
	    -1);
	md.cap = 1;
	strlcpy(text, "a.ko:\nb.ko:\n", sizeof(text));
	ck_assert_int_eq(moddep_parse(&md, text, strlen(text), "m.dep", &err),
	    -1);
	ck_assert_str_eq(err.msg, "m.dep:2: more than 1 modules");
}
END_TEST

/* Every prefix parses or fails cleanly. */
START_TEST(test_truncation)
{
	struct perr err;
	int r;

	memcpy(text, dep, (size_t)_i);
	md.ents = ents;
	md.cap = 16;
	memset(&err, 0, sizeof(err));
	r = moddep_parse(&md, text, (size_t)_i, "m.dep", &err);
	ck_assert(r == 0 || r == -1);
	if (r == -1)
		ck_assert_msg(strncmp(err.msg, "m.dep:", 6) == 0,
		    "prefix %d: %s", _i, err.msg);
	else
		ck_assert_uint_le(md.n, md.cap);
}
END_TEST

Suite *
mkrootfs_moddep_suite(void)
{
	Suite *s = suite_create("mkrootfs_moddep");
	TCase *tc = tcase_create("moddep");

	tcase_add_test(tc, test_name);
	tcase_add_test(tc, test_order);
	tcase_add_test(tc, test_errors);
	tcase_add_loop_test(tc, test_truncation, 0, (int)sizeof(dep));
	suite_add_tcase(s, tc);
	return s;
}
