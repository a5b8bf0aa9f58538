// SPDX-License-Identifier: ISC
/*
 * Unit tests for in.tftpd/tftp_path.c: a corpus of names as clients and
 * attackers send them, in chroot (-s) and directory-list modes.
 */
#include "tests.h"

#include "in.tftpd/tftp_path.h"

struct pcase {
	const char	*name;
	bool		 secure;
	const char	*want;		/* NULL: refused */
	size_t		 which;
};

static const char *const dirs[] = { "/srv/tftp/", "/tftpboot" };

static const struct pcase corpus[] = {
	{ "pxelinux.0", true, "pxelinux.0", 0 },
	{ "/pxelinux.0", true, "pxelinux.0", 0 },
	{ "//pxelinux.cfg//./01-aa-bb", true, "pxelinux.cfg/01-aa-bb", 0 },
	{ "a..b/..c", true, "a..b/..c", 0 },
	{ "../etc/passwd", true, NULL, 0 },
	{ "/../etc/passwd", true, NULL, 0 },
	{ "a/../../etc/passwd", true, NULL, 0 },
	{ "a/..", true, NULL, 0 },
	{ "..", true, NULL, 0 },
	{ ".", true, NULL, 0 },
	{ "/", true, NULL, 0 },
	{ "dir/", true, NULL, 0 },
	{ "a\nb", true, NULL, 0 },
	{ "a\tb", true, NULL, 0 },
	{ "a\x7f", true, NULL, 0 },
	{ "\x1b[2J", true, NULL, 0 },
	{ "/tftpboot/kernel", false, "kernel", 1 },
	{ "/srv/tftp/x/y", false, "x/y", 0 },
	{ "/srv/tftpx/y", false, NULL, 0 },
	{ "/tftpbootx", false, NULL, 0 },
	{ "/tftpboot", false, NULL, 0 },
	{ "/etc/passwd", false, NULL, 0 },
	{ "/tftpboot/../etc/passwd", false, NULL, 0 },
	{ "relative", false, "relative", 0 },
	{ "../relative", false, NULL, 0 },
};

START_TEST(test_corpus)
{
	const struct pcase *c = &corpus[_i];
	const char *errstr = NULL;
	char out[64];
	size_t which = 99;
	int r;

	r = tftp_path_resolve(c->name, c->secure, dirs, 2, out, sizeof(out),
	    &which, &errstr);
	if (c->want == NULL) {
		ck_assert_msg(r == -1, "%s accepted as %s", c->name, out);
		ck_assert_ptr_nonnull(errstr);
		return;
	}
	ck_assert_msg(r == 0, "%s refused: %s", c->name, errstr);
	ck_assert_str_eq(out, c->want);
	ck_assert_uint_eq(which, c->which);
}
END_TEST

START_TEST(test_limits)
{
	const char *errstr;
	char out[8];
	size_t which;

	ck_assert_int_eq(tftp_path_resolve("abcdefgh", true, NULL, 0, out,
	    sizeof(out), &which, &errstr), -1);
	ck_assert_int_eq(tftp_path_resolve("abc/defg", true, NULL, 0, out,
	    sizeof(out), &which, &errstr), -1);
	ck_assert_int_eq(tftp_path_resolve("abc/def", true, NULL, 0, out,
	    sizeof(out), &which, &errstr), 0);
	ck_assert_int_eq(tftp_path_resolve("x", false, NULL, 0, out,
	    sizeof(out), &which, &errstr), -1);
}
END_TEST

Suite *
tftp_path_suite(void)
{
	Suite *s = suite_create("tftp_path");
	TCase *tc = tcase_create("core");

	tcase_add_loop_test(tc, test_corpus, 0,
	    (int)(sizeof(corpus) / sizeof(corpus[0])));
	tcase_add_test(tc, test_limits);
	suite_add_tcase(s, tc);
	return s;
}
