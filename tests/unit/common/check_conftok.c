// SPDX-License-Identifier: ISC
/* Unit tests for common/conftok.c: tokens, escapes, errors, prefixes. */
#include <string.h>

#include "tests.h"

#include "common/conftok.h"

static const char conf[] =
    "# comment\n"
    "option PXE.mtftp-ip code 1 = ip-address;\n"
    "subnet 192.168.1.0 netmask 255.255.255.0 {\n"
    "  match if substring (option vendor-class-identifier, 0, 9) = "
    "\"PXEClient\";\n"
    "  hardware ethernet fe:ed:fa:ce:de:ad;  # node1\n"
    "}\n";

static const char *const want[] = {
	"option", "PXE.mtftp-ip", "code", "1", "=", "ip-address", ";",
	"subnet", "192.168.1.0", "netmask", "255.255.255.0", "{",
	"match", "if", "substring", "(", "option", "vendor-class-identifier",
	",", "0", ",", "9", ")", "=", "PXEClient", ";",
	"hardware", "ethernet", "fe:ed:fa:ce:de:ad", ";", "}",
};

START_TEST(test_tokens)
{
	struct conftok c;
	struct conftok_tok t, p;
	struct perr err;
	size_t i;

	conftok_init(&c, conf, strlen(conf), "d.conf");
	for (i = 0; i < sizeof(want) / sizeof(want[0]); i++) {
		ck_assert_int_eq(conftok_peek(&c, &p, &err), 0);
		ck_assert_int_eq(conftok_next(&c, &t, &err), 0);
		ck_assert_str_eq(t.text, want[i]);
		ck_assert_str_eq(p.text, t.text);
	}
	ck_assert_int_eq(conftok_next(&c, &t, &err), 0);
	ck_assert_int_eq(t.type, CT_EOF);
	ck_assert_uint_eq(t.line, 7);
}
END_TEST

START_TEST(test_types_lines)
{
	static const char s[] = "a\n\"b c\"\n;";
	struct conftok c;
	struct conftok_tok t;
	struct perr err;

	conftok_init(&c, s, strlen(s), "f");
	ck_assert_int_eq(conftok_next(&c, &t, &err), 0);
	ck_assert_int_eq(t.type, CT_WORD);
	ck_assert_uint_eq(t.line, 1);
	ck_assert_int_eq(conftok_next(&c, &t, &err), 0);
	ck_assert_int_eq(t.type, CT_STRING);
	ck_assert_str_eq(t.text, "b c");
	ck_assert_uint_eq(t.line, 2);
	ck_assert_int_eq(conftok_next(&c, &t, &err), 0);
	ck_assert(conftok_is(&t, ';'));
	ck_assert(!conftok_is(&t, '{'));
	ck_assert_uint_eq(t.line, 3);
}
END_TEST

START_TEST(test_escapes)
{
	static const char s[] = "\"a\\\"b\\\\c\\n\\t\\101\\x42\"";
	struct conftok c;
	struct conftok_tok t;
	struct perr err;

	conftok_init(&c, s, strlen(s), "f");
	ck_assert_int_eq(conftok_next(&c, &t, &err), 0);
	ck_assert_str_eq(t.text, "a\"b\\c\n\tAB");
	ck_assert_uint_eq(t.len, 9);
}
END_TEST

static const struct {
	const char	*text;
	const char	*msg;
} bad[] = {
	{ "a \"open\n\"", "f:1: unterminated string" },
	{ "\n\"open", "f:2: unterminated string" },
	{ "\"a\\0\"", "f:1: NUL in string" },
	{ "\"a\\q\"", "f:1: bad escape in string" },
	{ "\"a\\x\"", "f:1: bad escape in string" },
	{ "\"a\\777\"", "f:1: bad escape in string" },
	{ "a\n\n\x01", "f:3: bad character 0x01" },
};

START_TEST(test_errors)
{
	struct conftok c;
	struct conftok_tok t;
	struct perr err;
	int r;

	conftok_init(&c, bad[_i].text, strlen(bad[_i].text), "f");
	while ((r = conftok_next(&c, &t, &err)) == 0 && t.type != CT_EOF)
		;
	ck_assert_int_eq(r, -1);
	ck_assert_str_eq(err.msg, bad[_i].msg);
}
END_TEST

START_TEST(test_too_long)
{
	static char s[CONFTOK_MAX + 3];
	struct conftok c;
	struct conftok_tok t;
	struct perr err;

	memset(s, 'w', CONFTOK_MAX + 1);
	conftok_init(&c, s, strlen(s), "f");
	ck_assert_int_eq(conftok_next(&c, &t, &err), -1);
	ck_assert_str_eq(err.msg, "f:1: word too long");
	s[0] = '"';
	conftok_init(&c, s, strlen(s), "f");
	ck_assert_int_eq(conftok_next(&c, &t, &err), -1);
	ck_assert_str_eq(err.msg, "f:1: string too long");
}
END_TEST

/* Each prefix tokenizes to the end or fails cleanly; never a crash. */
START_TEST(test_prefixes)
{
	struct conftok c;
	struct conftok_tok t;
	struct perr err;
	int r, n = 0;

	conftok_init(&c, conf, (size_t)_i, "f");
	while ((r = conftok_next(&c, &t, &err)) == 0 && t.type != CT_EOF)
		ck_assert_int_lt(++n, 100);
	ck_assert(r == 0 || strncmp(err.msg, "f:", 2) == 0);
}
END_TEST

Suite *
conftok_suite(void)
{
	Suite *s = suite_create("conftok");
	TCase *tc = tcase_create("core");

	tcase_add_test(tc, test_tokens);
	tcase_add_test(tc, test_types_lines);
	tcase_add_test(tc, test_escapes);
	tcase_add_loop_test(tc, test_errors, 0,
	    (int)(sizeof(bad) / sizeof(bad[0])));
	tcase_add_test(tc, test_too_long);
	tcase_add_loop_test(tc, test_prefixes, 0, (int)sizeof(conf));
	suite_add_tcase(s, tc);
	return s;
}
