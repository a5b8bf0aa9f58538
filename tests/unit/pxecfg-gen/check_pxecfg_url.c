// SPDX-License-Identifier: ISC
/*
 * Unit tests for the base URL of iPXE boot files: the schemes allowed, the
 * host and port, the bytes a script cannot carry, and the one trailing
 * slash every accepted URL gets.
 */
#include "tests.h"

#include "pxecfg-gen/pxecfg_url.h"

static const struct {
	const char	*in;
	const char	*out;
} good[] = {
	{ "http://192.0.2.1", "http://192.0.2.1/" },
	{ "http://192.0.2.1/", "http://192.0.2.1/" },
	{ "http://192.0.2.1///", "http://192.0.2.1/" },
	{ "https://boot.example/nodeboot//", "https://boot.example/nodeboot/" },
	{ "http://boot:8080/a/b", "http://boot:8080/a/b/" },
	{ "http://[2001:db8::1]:80/x/", "http://[2001:db8::1]:80/x/" },
	{ "http://[2001:db8::1]", "http://[2001:db8::1]/" },
	{ "http://user:pw@boot/", "http://user:pw@boot/" },
	{ "http://boot/a%20b", "http://boot/a%20b/" },
};

START_TEST(test_good)
{
	char out[64];
	const char *why = NULL;

	ck_assert_msg(pxecfg_url_base(good[_i].in, out, sizeof(out), &why) ==
	    0, "%s: %s", good[_i].in, why);
	ck_assert_str_eq(out, good[_i].out);
}
END_TEST

static const struct {
	const char	*in;
	const char	*why;
} bad[] = {
	{ "", "the URL must begin with http:// or https://" },
	{ "192.0.2.1/boot", "the URL must begin with http:// or https://" },
	{ "ftp://192.0.2.1/", "the URL must begin with http:// or https://" },
	{ "tftp://192.0.2.1/", "the URL must begin with http:// or https://" },
	{ "HTTP://192.0.2.1/", "the URL must begin with http:// or https://" },
	{ "http:/192.0.2.1/", "the URL must begin with http:// or https://" },
	{ "http://", "no host" },
	{ "http:///boot", "no host" },
	{ "http://:8080/", "no host" },
	{ "http://user@/", "no host" },
	{ "http://[]/", "no host" },
	{ "http://[2001:db8::1/", "no ']' after an IPv6 address" },
	{ "http://boot:/", "bad port" },
	{ "http://boot:0/", "bad port" },
	{ "http://boot:65536/", "bad port" },
	{ "http://boot:123456/", "bad port" },
	{ "http://boot:8o/", "bad port" },
	{ "http://[::1]x/", "bad port" },
	{ "http://boot/a b", "a blank in the URL" },
	{ "http://boot/a\tb", "a blank in the URL" },
	{ " http://boot/", "a blank in the URL" },
	{ "http://boot/\"", "a quote in the URL" },
	{ "http://boot/'", "a quote in the URL" },
	{ "http://boot\\x/", "a backslash in the URL" },
	{ "http://boot/\n", "a control or non-ASCII byte in the URL" },
	{ "http://boot/\x7f", "a control or non-ASCII byte in the URL" },
	{ "http://b\xc3\xb6t/", "a control or non-ASCII byte in the URL" },
	{ "http://boot/?x=", "a query or fragment in a base URL" },
	{ "http://boot/#top", "a query or fragment in a base URL" },
};

START_TEST(test_bad)
{
	char out[64];
	const char *why = NULL;

	ck_assert_msg(pxecfg_url_base(bad[_i].in, out, sizeof(out), &why) ==
	    -1, "%s accepted", bad[_i].in);
	ck_assert_str_eq(why, bad[_i].why);
}
END_TEST

START_TEST(test_long)
{
	char out[18];
	const char *why = NULL;

	/* 16 bytes and a slash: room for "http://192.0.2.1/" exactly. */
	ck_assert_int_eq(pxecfg_url_base("http://192.0.2.1//", out,
	    sizeof(out), &why), 0);
	ck_assert_str_eq(out, "http://192.0.2.1/");
	ck_assert_int_eq(pxecfg_url_base("http://192.0.2.10", out,
	    sizeof(out), &why), -1);
	ck_assert_str_eq(why, "too long");
}
END_TEST

Suite *
pxecfg_url_suite(void)
{
	Suite *s = suite_create("pxecfg_url");
	TCase *tc = tcase_create("core");

	tcase_add_loop_test(tc, test_good, 0, sizeof(good) / sizeof(good[0]));
	tcase_add_loop_test(tc, test_bad, 0, sizeof(bad) / sizeof(bad[0]));
	tcase_add_test(tc, test_long);
	suite_add_tcase(s, tc);
	return s;
}
