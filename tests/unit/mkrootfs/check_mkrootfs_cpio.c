// SPDX-License-Identifier: ISC
/*
 * Unit tests for mkrootfs/image/mkr_cpio.c: header fields and their hex, the
 * 4-byte padding of header+name and of data, the trailer, planning (name
 * order, inode numbers, hard link groups with the data on the first link,
 * symlinks never grouped) and the errors.
 */
#include <string.h>
#include <sys/stat.h>

#include "tests.h"

#include "mkrootfs/image/mkr_cpio.h"

static uint8_t out[8192];

static size_t
hdr(const struct cpio_ent *e)
{
	struct wbuf w;
	const char *errstr = NULL;

	wbuf_init(&w, out, sizeof(out));
	ck_assert_int_eq(cpio_newc_header(&w, e, &errstr), 0);
	ck_assert_int_ge(wbuf_len(&w), 0);
	return (size_t)wbuf_len(&w);
}

START_TEST(test_header_fields)
{
	struct cpio_ent e = { .name = "bin/sh", .mode = S_IFREG | 0755,
	    .uid = 0x12, .gid = 0xabc, .nlink = 1, .mtime = 0x5f5e100,
	    .size = 1000, .ino = 7 };
	static const char want[] = "070701"
	    "00000007" "000081ED" "00000012" "00000ABC" "00000001"
	    "05F5E100" "000003E8" "00000000" "00000000" "00000000"
	    "00000000" "00000007" "00000000" "bin/sh";
	size_t len = hdr(&e);

	/* 110 + 7 = 117 -> padded to 120 */
	ck_assert_uint_eq(len, 120);
	ck_assert_int_eq(memcmp(out, want, sizeof(want) - 1), 0);
	ck_assert_int_eq(out[116], 0);
	ck_assert_int_eq(out[117] | out[118] | out[119], 0);
}
END_TEST

START_TEST(test_header_device)
{
	struct cpio_ent e = { .name = "dev/console", .mode = S_IFCHR | 0600,
	    .nlink = 1, .rmajor = 5, .rminor = 1, .ino = 3 };
	size_t len = hdr(&e);

	/* 110 + 12 = 122 -> 124 */
	ck_assert_uint_eq(len, 124);
	ck_assert_int_eq(memcmp(out + 6 + 9 * 8, "0000000500000001", 16), 0);
}
END_TEST

/* Every name length lands header+name on a 4-byte edge. */
START_TEST(test_header_padding)
{
	char name[16] = "abcdefghijklmno";
	struct cpio_ent e = { .name = name, .mode = S_IFDIR | 0755 };
	size_t len;

	name[_i + 1] = '\0';
	len = hdr(&e);
	ck_assert_uint_eq(len % 4, 0);
	ck_assert_uint_ge(len, 110 + (size_t)_i + 2);
	ck_assert_uint_lt(len, 110 + (size_t)_i + 2 + 4);
}
END_TEST

START_TEST(test_pad)
{
	ck_assert_uint_eq(cpio_newc_pad(0), 0);
	ck_assert_uint_eq(cpio_newc_pad(1), 3);
	ck_assert_uint_eq(cpio_newc_pad(2), 2);
	ck_assert_uint_eq(cpio_newc_pad(3), 1);
	ck_assert_uint_eq(cpio_newc_pad(4), 0);
	ck_assert_uint_eq(cpio_newc_pad(0x100000001ULL), 3);
}
END_TEST

START_TEST(test_trailer)
{
	struct wbuf w;
	static const char want[] = "070701"
	    "00000000" "00000000" "00000000" "00000000" "00000001"
	    "00000000" "00000000" "00000000" "00000000" "00000000"
	    "00000000" "0000000B" "00000000" "TRAILER!!!";

	wbuf_init(&w, out, sizeof(out));
	cpio_newc_trailer(&w);
	ck_assert_int_eq(wbuf_len(&w), 124);
	ck_assert_int_eq(memcmp(out, want, sizeof(want) - 1), 0);
	ck_assert_int_eq(out[120], 0);
}
END_TEST

START_TEST(test_errors)
{
	static char longname[CPIO_NEWC_NAMEMAX + 1];
	struct cpio_ent e = { .name = "/abs", .mode = S_IFREG };
	struct wbuf w;
	const char *errstr = NULL;

	wbuf_init(&w, out, sizeof(out));
	ck_assert_int_eq(cpio_newc_header(&w, &e, &errstr), -1);
	ck_assert_str_eq(errstr, "name empty or absolute");
	e.name = "";
	ck_assert_int_eq(cpio_newc_header(&w, &e, &errstr), -1);
	memset(longname, 'a', CPIO_NEWC_NAMEMAX);
	e.name = longname;
	ck_assert_int_eq(cpio_newc_header(&w, &e, &errstr), -1);
	ck_assert_str_eq(errstr, "name too long");
	e.name = "big";
	e.size = 0x100000000ULL;
	ck_assert_int_eq(cpio_newc_header(&w, &e, &errstr), -1);
	ck_assert_str_eq(errstr, "file too large for newc (4 GiB)");
	e.size = 0;
	e.mtime = 0x100000000ULL;
	ck_assert_int_eq(cpio_newc_header(&w, &e, &errstr), -1);
	ck_assert_int_eq(wbuf_len(&w), 0);
	/* a buffer too small overflows, sticky */
	e.mtime = 0;
	wbuf_init(&w, out, 100);
	ck_assert_int_eq(cpio_newc_header(&w, &e, &errstr), 0);
	ck_assert_int_eq(wbuf_len(&w), -1);
}
END_TEST

START_TEST(test_plan_links)
{
	struct cpio_ent e[] = {
		{ .name = "usr/bin/b", .mode = S_IFREG | 0755, .size = 9,
		    .src_dev = 1, .src_ino = 50 },
		{ .name = "bin", .mode = S_IFDIR | 0755, .nlink = 2,
		    .src_dev = 1, .src_ino = 10 },
		{ .name = "bin/a", .mode = S_IFREG | 0755, .size = 9,
		    .src_dev = 1, .src_ino = 50 },
		{ .name = "bin/l", .mode = S_IFLNK | 0777, .size = 1,
		    .src_dev = 1, .src_ino = 60 },
		{ .name = "bin/m", .mode = S_IFLNK | 0777, .size = 1,
		    .src_dev = 1, .src_ino = 60 },
		{ .name = "bin/c", .mode = S_IFREG | 0644, .size = 3,
		    .src_dev = 2, .src_ino = 50 },
		{ .name = "usr/bin/z", .mode = S_IFREG | 0755, .size = 9,
		    .src_dev = 1, .src_ino = 50 },
	};
	size_t scratch[7];

	cpio_newc_plan(e, 7, scratch);
	ck_assert_str_eq(e[0].name, "bin");
	ck_assert_str_eq(e[1].name, "bin/a");
	ck_assert_str_eq(e[2].name, "bin/c");
	ck_assert_str_eq(e[5].name, "usr/bin/b");
	ck_assert_uint_eq(e[0].nlink, 2);	/* directories keep theirs */
	/* bin/a, usr/bin/b, usr/bin/z: one file, data on bin/a */
	ck_assert_uint_eq(e[1].nlink, 3);
	ck_assert_int_eq(e[1].data, 1);
	ck_assert_uint_eq(e[1].size, 9);
	ck_assert_uint_eq(e[5].ino, e[1].ino);
	ck_assert_uint_eq(e[6].ino, e[1].ino);
	ck_assert_int_eq(e[5].data, 0);
	ck_assert_uint_eq(e[5].size, 0);
	ck_assert_uint_eq(e[6].size, 0);
	/* same inode number on another device: another file */
	ck_assert_uint_eq(e[2].nlink, 1);
	ck_assert_uint_ne(e[2].ino, e[1].ino);
	/* hard-linked symlinks stay two symlinks with their targets */
	ck_assert_uint_ne(e[3].ino, e[4].ino);
	ck_assert_uint_eq(e[3].size, 1);
	ck_assert_uint_eq(e[4].size, 1);
	ck_assert_int_eq(e[4].data, 1);
}
END_TEST

Suite *
mkrootfs_cpio_suite(void)
{
	Suite *s = suite_create("mkrootfs_cpio");
	TCase *tc = tcase_create("newc");

	tcase_add_test(tc, test_header_fields);
	tcase_add_test(tc, test_header_device);
	tcase_add_loop_test(tc, test_header_padding, 0, 15);
	tcase_add_test(tc, test_pad);
	tcase_add_test(tc, test_trailer);
	tcase_add_test(tc, test_errors);
	tcase_add_test(tc, test_plan_links);
	suite_add_tcase(s, tc);
	return s;
}
