// SPDX-License-Identifier: ISC
/*
 * Unit tests for mkrootfs/mkr_conf.c: every setting, strings and words,
 * comments; the errors with their file:line (unknown setting, bad values,
 * twice, missing ';' or value); every truncation of a valid file.
 */
#include <string.h>

#include "tests.h"

#include "mkrootfs/mkr_conf.h"

static const char good[] =
    "# mkrootfs.conf\n"
    "root \"/srv/nodes/root\";\n"
    "workdir /srv/nodes;\n"
    "output \"/tftpboot/rootfs.zst\";  mountpoint /loop;\n"
    "format ext2; compress zstd;\n"
    "level 19;\n"
    "size 128;\n";

static int
parse(const char *s, struct mkconf *cf, struct perr *err)
{
	return mkconf_parse(cf, s, strlen(s), "m.conf", err);
}

START_TEST(test_all)
{
	struct mkconf cf;
	struct perr err;

	ck_assert_int_eq(parse(good, &cf, &err), 0);
	ck_assert_str_eq(cf.root, "/srv/nodes/root");
	ck_assert_str_eq(cf.workdir, "/srv/nodes");
	ck_assert_str_eq(cf.output, "/tftpboot/rootfs.zst");
	ck_assert_str_eq(cf.mountpoint, "/loop");
	ck_assert_str_eq(cf.format, "ext2");
	ck_assert_str_eq(cf.compress, "zstd");
	ck_assert_int_eq(cf.level, 19);
	ck_assert_int_eq(cf.size_mib, 128);
	ck_assert_int_eq(parse("# nothing\n", &cf, &err), 0);
	ck_assert_str_eq(cf.root, "");
	ck_assert_int_eq(cf.level, -1);
	ck_assert_int_eq(cf.size_mib, -1);
}
END_TEST

static const struct {
	const char	*text, *msg;
} bad[] = {
	{ "root /a;\nnope 1;\n", "m.conf:2: unknown setting \"nope\"" },
	{ "format tar;", "m.conf:1: format: cpio or ext2" },
	{ "compress xz;", "m.conf:1: compress: gzip, zstd or none" },
	{ "level 0;", "m.conf:1: level: too small" },
	{ "level 23;", "m.conf:1: level: too large" },
	{ "size x;", "m.conf:1: size: invalid" },
	{ "size 2000000;", "m.conf:1: size: too large" },
	{ "root \"\";", "m.conf:1: root: empty path" },
	{ "root /a;\n\nroot /b;", "m.conf:3: root: set twice" },
	{ "root /a\nlevel 1;", "m.conf:2: root: ';' expected" },
	{ "root ;", "m.conf:1: root: value expected" },
	{ "{", "m.conf:1: unknown setting \"{\"" },
};

START_TEST(test_errors)
{
	struct mkconf cf;
	struct perr err;

	ck_assert_int_eq(parse(bad[_i].text, &cf, &err), -1);
	ck_assert_str_eq(err.msg, bad[_i].msg);
}
END_TEST

/* Every prefix of a valid file parses or fails cleanly. */
START_TEST(test_truncation)
{
	struct mkconf cf;
	struct perr err;
	int r;

	memset(&err, 0, sizeof(err));
	r = mkconf_parse(&cf, good, (size_t)_i, "m.conf", &err);
	ck_assert(r == 0 || r == -1);
	/* A refusal names the file and a line of the prefix. */
	if (r == -1)
		ck_assert_msg(strncmp(err.msg, "m.conf:", 7) == 0 &&
		    err.line <= (unsigned)_i + 1, "prefix %d: %s", _i, err.msg);
}
END_TEST

Suite *
mkrootfs_conf_suite(void)
{
	Suite *s = suite_create("mkrootfs_conf");
	TCase *tc = tcase_create("conf");

	tcase_add_test(tc, test_all);
	tcase_add_loop_test(tc, test_errors, 0,
	    (int)(sizeof(bad) / sizeof(bad[0])));
	tcase_add_loop_test(tc, test_truncation, 0, (int)sizeof(good));
	suite_add_tcase(s, tc);
	return s;
}
