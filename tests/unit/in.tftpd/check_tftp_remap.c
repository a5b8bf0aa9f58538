// SPDX-License-Identifier: ISC
/*
 * Unit tests for in.tftpd/tftp_remap.c: the rules people put in tftp-hpa
 * remap files (backslashes to slashes, case folding, per-client prefixes
 * by IP, hex IP or MAC), deny rules, G/P scoping, tftp-hpa 5.2's syntax
 * and sample.rules, and bad files.
 */
#include <string.h>

#include "tests.h"

#include "in.tftpd/tftp_remap.h"

static const char rules[] =
    "# Windows-style clients\n"
    "rg\t\\\\\t/\n"
    "a\t^secret\n"
    "P\t^up/\n"				/* matches, no action */
    "ri\t^PXELINUX\\.0$\tpxelinux.0\n"
    "rG\t^boot/(.*)$\t\\i/\\1\n"
    "re\t^hex/\t\\x/\n"
    "r\t^mac/\t\\m/\n"
    "r\t^up/(.*)\t\\U\\1\\E-X\n"
    "~aP\t^incoming/\n";

static int
apply(const char *in, bool wrq, char *out, size_t outsz)
{
	struct tftp_remap m = { 0 };
	struct tftp_remap_ctx ctx = { wrq, 0xc000020b, "01-52-54-00-12-34-56" };
	struct perr err;
	const char *errstr;
	int r;

	ck_assert_int_eq(tftp_remap_parse(&m, rules, sizeof(rules) - 1,
	    "map", &err), 0);
	r = tftp_remap_apply(&m, in, &ctx, out, outsz, &errstr);
	tftp_remap_free(&m);
	return r;
}

START_TEST(test_rules)
{
	char out[128];

	ck_assert_int_eq(apply("boot\\x86\\vmlinuz", false, out,
	    sizeof(out)), 0);
	ck_assert_str_eq(out, "192.0.2.11/x86/vmlinuz");
	ck_assert_int_eq(apply("boot/k", true, out, sizeof(out)), 1);
	ck_assert_int_eq(apply("PxeLinux.0", false, out, sizeof(out)), 0);
	ck_assert_str_eq(out, "pxelinux.0");
	ck_assert_int_eq(apply("hex/mac/f", false, out, sizeof(out)), 0);
	ck_assert_str_eq(out, "C000020B/mac/f");	/* 'e' stopped there */
	ck_assert_int_eq(apply("mac/f", false, out, sizeof(out)), 0);
	ck_assert_str_eq(out, "01-52-54-00-12-34-56/f");
	ck_assert_int_eq(apply("secret/x", false, out, sizeof(out)), 1);
	ck_assert_int_eq(apply("incoming/x", true, out, sizeof(out)), 0);
	ck_assert_int_eq(apply("elsewhere", true, out, sizeof(out)), 1);
	ck_assert_int_eq(apply("elsewhere", false, out, sizeof(out)), 0);
	ck_assert_int_eq(apply("up/abc", false, out, sizeof(out)), 0);
	ck_assert_str_eq(out, "ABC-X");
	ck_assert_int_eq(apply("mac/f", false, out, 5), -1);
}
END_TEST

START_TEST(test_loop_bounded)
{
	static const char loop[] = "rg a a\n";
	struct tftp_remap m = { 0 };
	struct tftp_remap_ctx ctx = { false, 0, "" };
	struct perr err;
	const char *errstr;
	char out[64];

	ck_assert_int_eq(tftp_remap_parse(&m, loop, sizeof(loop) - 1, "m",
	    &err), 0);
	ck_assert_int_eq(tftp_remap_apply(&m, "a", &ctx, out, sizeof(out),
	    &errstr), -1);
	ck_assert_str_eq(errstr, "remap rules loop");
	tftp_remap_free(&m);
}
END_TEST

START_TEST(test_bad_files)
{
	static const char *const bad[] = {
		"x ^a\n", "r (\\ x\n", "~r a b\n", "r\n", "r #^a\n",
		"a a**\n", "a (a{1,33})\n",
		"a ((((((((((((((((((a))))))))))))))))))\n",
		"a a*a*a*a*a*a*a*a*a*a*a*a*a*a*a*a*a*\n",
	};
	struct tftp_remap m = { 0 };
	struct perr err;
	size_t i;

	for (i = 0; i < sizeof(bad) / sizeof(bad[0]); i++) {
		ck_assert_int_eq(tftp_remap_parse(&m, bad[i], strlen(bad[i]),
		    "map", &err), -1);
		ck_assert_msg(strncmp(err.msg, "map:1: ", 7) == 0, "%s",
		    err.msg);
		tftp_remap_free(&m);
	}
}
END_TEST

/*
 * What tftp-hpa 5.2 reads that nodeboot used to refuse: an r rule without
 * replacement (empty), fields after the replacement (ignored), a
 * replacement on a rule without r (an 'a' rule's error message), and its
 * own sample.rules, where "\#" is a hash mark and '#' starts comments.
 */
START_TEST(test_hpa_syntax)
{
	static const char sample[] =
	    "#\n# Sample rule file for the -m (remapping option)\n#\n"
	    "ri\t^[a-z]:\t\t\t\t# Remove \"drive letters\"\n"
	    "rg\t\\\\\t\t/\t\t# Convert backslashes to slashes\n"
	    "rg\t\\#\t\t@\t\t# Convert hash marks to @ signs\n"
	    "rg\t/../\t\t/..no../\t# Convert /../ to /..no../\n"
	    "e\t^ok/\t\t\t\t# These are always ok\n"
	    "r\t^[^/]\t\t/tftpboot/\\0\t# Convert non-absolute files\n"
	    "a\t\\.pvt$\t\t\t\t# Reject requests for private files\n";
	static const struct {
		const char	*map, *in, *out;
		int		 r;
	} t[] = {
		{ sample, "C:\\Boot\\BCD", "/Boot/BCD", 0 },
		{ sample, "a#b", "/tftpboot/a@b", 0 },
		{ sample, "ok/x\\y", "ok/x/y", 0 },
		{ sample, "secret.pvt", "", 1 },
		{ "r ^x\n", "xyz", "yz", 0 },
		{ "r ^x y z and more\n", "xyz", "yyz", 0 },
		{ "r a#b c\n", "a#", "#", 0 },	/* regex "a", no replacement */
		{ "r a\\#b c\n", "a#b", "c", 0 },
		{ "a ^s no\\ way:\\ \\0\n", "sx", "no way: s", 1 },
		{ "e ^a b\nr a c\n", "a", "a", 0 },
		/* s restarts at the second rule, as in tftp-hpa 5.2. */
		{ "r ^1 2\nrs ^x y\nr ^y z\n", "x1", "z1", 0 },
		{ "r ^y w\nrs ^x y\nr ^y z\n", "x", "z", 0 },
		{ "r ^y w\ns ^x\n", "x", NULL, -1 },	/* loops: refused */
		/* The last of G and P counts; g needs r. */
		{ "rGP ^ w\n", "x", "x", 0 },
		{ "g x\n", "xx", "xx", 0 },
	};
	struct tftp_remap m = { 0 };
	struct tftp_remap_ctx ctx = { false, 0x7f000001, "" };
	struct perr err;
	const char *errstr;
	char out[128];
	size_t i;
	int r;

	for (i = 0; i < sizeof(t) / sizeof(t[0]); i++) {
		ck_assert_msg(tftp_remap_parse(&m, t[i].map, strlen(t[i].map),
		    "map", &err) == 0, "%zu: %s", i, err.msg);
		r = tftp_remap_apply(&m, t[i].in, &ctx, out, sizeof(out),
		    &errstr);
		ck_assert_msg(r == t[i].r, "%zu: %d", i, r);
		ck_assert_msg(r == -1 || strcmp(out, t[i].out) == 0, "%zu: %s",
		    i, out);
		tftp_remap_free(&m);
	}
}
END_TEST

/* fuzz_tftp_remap timed out: regcomp is exponential in "\\+++...". */
START_TEST(test_regex_cost)
{
	static const char slow[] = "rg \\\\++++++++++++++++++++++++ /x\n";
	static const char ok[] = "a ^[]*+]{1,32}\\*+(a|b)?$\n";
	char big[300];
	struct tftp_remap m = { 0 };
	struct perr err;

	ck_assert_int_eq(tftp_remap_parse(&m, slow, strlen(slow), "map",
	    &err), -1);
	ck_assert_str_eq(err.msg, "map:1: regex has a repetition operator "
	    "after another");
	tftp_remap_free(&m);
	memset(big, 'a', sizeof(big));
	memcpy(big, "a ", 2);
	big[sizeof(big) - 1] = '\0';
	ck_assert_int_eq(tftp_remap_parse(&m, big, strlen(big), "map", &err),
	    -1);
	ck_assert_str_eq(err.msg, "map:1: regex longer than 256 bytes");
	tftp_remap_free(&m);
	/* Within the limits: brackets, escapes and intervals still work. */
	ck_assert_int_eq(tftp_remap_parse(&m, ok, strlen(ok), "map", &err),
	    0);
	tftp_remap_free(&m);
}
END_TEST

Suite *
tftp_remap_suite(void)
{
	Suite *s = suite_create("tftp_remap");
	TCase *tc = tcase_create("core");

	tcase_add_test(tc, test_rules);
	tcase_add_test(tc, test_loop_bounded);
	tcase_add_test(tc, test_bad_files);
	tcase_add_test(tc, test_hpa_syntax);
	tcase_add_test(tc, test_regex_cost);
	suite_add_tcase(s, tc);
	return s;
}
