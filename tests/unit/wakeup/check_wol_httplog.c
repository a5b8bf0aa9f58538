// SPDX-License-Identifier: ISC
/*
 * Unit tests for wakeup/wol_httplog.c: nginx's access log lines in the
 * format of etc/nginx/nodeboot.conf (good lines, the lines nginx writes
 * for a HEAD, a range, an aborted download and a 404, each malformed
 * field, every prefix of a good line).
 */
#include <string.h>

#include "tests.h"

#include "wakeup/wol_httplog.h"

static const char good[] =
    "1796319727.683 192.0.2.11 GET 200 5000000 0.412 ok /rootfs.gz";

START_TEST(test_httplog_good)
{
	struct xferlog_rec r;
	const char *errstr;
	/* nginx escapes '"', '\' and bytes >= 0x7f; blanks stay. */
	static const char l2[] = "1796319727.7 198.51.100.7 GET 200 3 0 ok "
	    "//boot/a b\\x22c\\x5C\\xC3\\xa9";

	ck_assert_int_eq(httplog_parse(good, strlen(good), &r, &errstr), 0);
	ck_assert(r.end_ms == 1796319727683LL);
	ck_assert_uint_eq(r.ip, 0xc000020b);
	ck_assert(!r.wrq);
	ck_assert_str_eq(r.file, "rootfs.gz");
	ck_assert(r.bytes == 5000000);
	ck_assert(r.dur_ms == 412);
	ck_assert(r.ok);
	ck_assert_str_eq(r.fail, "");

	ck_assert_int_eq(httplog_parse(l2, strlen(l2), &r, &errstr), 0);
	ck_assert(r.end_ms == 1796319727700LL);
	ck_assert_str_eq(r.file, "boot/a b\"c\\\xc3\xa9");
	ck_assert(r.dur_ms == 0);
	ck_assert(r.ok);
}
END_TEST

/* What nginx logs for requests that are not a finished download. */
static const struct {
	const char	*line;
	const char	*fail;
} notdone[] = {
	{ "1796319727.710 127.0.0.1 HEAD 200 0 0.000 ok /big", "HEAD" },
	{ "1796319727.723 127.0.0.1 GET 200 65536 0.000 fail:incomplete /big",
	    "incomplete" },
	{ "1796319727.735 127.0.0.1 GET 206 100 0.000 ok /big", "H206" },
	{ "1796319727.749 127.0.0.1 GET 404 153 0.000 ok /x\\x22y",
	    "H404" },
	{ "1796319727.749 127.0.0.1 GET 304 0 0.000 ok /big", "H304" },
};

START_TEST(test_httplog_notdone)
{
	struct xferlog_rec r;
	const char *errstr;

	ck_assert_int_eq(httplog_parse(notdone[_i].line,
	    strlen(notdone[_i].line), &r, &errstr), 0);
	ck_assert(!r.ok);
	ck_assert_str_eq(r.fail, notdone[_i].fail);
}
END_TEST

static const struct {
	const char	*line;
	const char	*why;
} bad[] = {
	{ "", "not 8 fields" },
	{ "1796319727.683 192.0.2.11 GET 200 1 0.4 ok", "not 8 fields" },
	{ "1796319727.683 192.0.2.11 GET 200 1 0.4 ok ", "not 8 fields" },
	{ "1796319727.683 192.0.2.11 GET 200 1 0.4 ok  /f", "not 8 fields" },
	{ "1796319727.6834 192.0.2.11 GET 200 1 0.4 ok /f", "bad time" },
	{ "2026-11-24T03:12:45+00:00 192.0.2.11 GET 200 1 0.4 ok /f",
	    "bad time" },
	{ "1796319727.683 192.0.2 GET 200 1 0.4 ok /f", "bad address" },
	{ "1796319727.683 - GET 200 1 0.4 ok /f", "bad address" },
	{ "1796319727.683 192.0.2.11 get 200 1 0.4 ok /f", "bad method" },
	{ "1796319727.683 192.0.2.11 - 400 1 0.4 ok /f", "bad method" },
	{ "1796319727.683 192.0.2.11 GET 20 1 0.4 ok /f", "bad status" },
	{ "1796319727.683 192.0.2.11 GET 099 1 0.4 ok /f", "bad status" },
	{ "1796319727.683 192.0.2.11 GET 200 - 0.4 ok /f", "bad byte count" },
	{ "1796319727.683 192.0.2.11 GET 200 1 0.4567 ok /f",
	    "bad duration" },
	{ "1796319727.683 192.0.2.11 GET 200 1 0.4 OK /f", "bad result" },
	{ "1796319727.683 192.0.2.11 GET 200 1 0.4 - /f", "bad result" },
	{ "1796319727.683 192.0.2.11 GET 200 1 0.4 ok f", "bad URI" },
	{ "1796319727.683 192.0.2.11 GET 200 1 0.4 ok /a\\x0", "bad URI" },
	{ "1796319727.683 192.0.2.11 GET 200 1 0.4 ok /a\\x00b", "bad URI" },
	{ "1796319727.683 192.0.2.11 GET 200 1 0.4 ok /a\\xgg", "bad URI" },
	{ "1796319727.683 192.0.2.11 GET 200 1 0.4 ok /a\\n", "bad URI" },
	{ "1796319727.683 192.0.2.11 GET 200 1 0.4 ok /a\"b", "bad URI" },
	{ "1796319727.683 192.0.2.11 GET 200 1 0.4 ok /a\tb", "bad URI" },
	{ "1796319727.683 192.0.2.11 GET 200 1 0.4 ok /a\xc3\xa9", "bad URI" },
	{ "1796319727.683 192.0.2.11 GET 200 1 0.4 ok /f\r", "bad URI" },
};

START_TEST(test_httplog_bad)
{
	struct xferlog_rec r;
	const char *errstr = NULL;

	ck_assert_int_eq(httplog_parse(bad[_i].line, strlen(bad[_i].line), &r,
	    &errstr), -1);
	ck_assert_str_eq(errstr, bad[_i].why);
}
END_TEST

/* Every proper prefix of a good line is refused cleanly, or not ok. */
START_TEST(test_httplog_prefixes)
{
	struct xferlog_rec r;
	const char *errstr;
	char buf[sizeof(good)];

	memcpy(buf, good, (size_t)_i);	/* not NUL-terminated on purpose */
	if (httplog_parse(buf, (size_t)_i, &r, &errstr) == 0)
		ck_assert_str_ne(r.file, "rootfs.gz");
}
END_TEST

START_TEST(test_httplog_embedded_nul)
{
	struct xferlog_rec r;
	const char *errstr;
	char buf[sizeof(good)];

	memcpy(buf, good, sizeof(good));
	buf[sizeof(good) - 3] = '\0';
	ck_assert_int_eq(httplog_parse(buf, sizeof(good) - 1, &r, &errstr),
	    -1);
}
END_TEST

Suite *
wol_httplog_suite(void)
{
	Suite *s = suite_create("wol_httplog");
	TCase *tc = tcase_create("core");

	tcase_add_test(tc, test_httplog_good);
	tcase_add_loop_test(tc, test_httplog_notdone, 0,
	    (int)(sizeof(notdone) / sizeof(notdone[0])));
	tcase_add_loop_test(tc, test_httplog_bad, 0,
	    (int)(sizeof(bad) / sizeof(bad[0])));
	tcase_add_loop_test(tc, test_httplog_prefixes, 0,
	    (int)sizeof(good) - 1);
	tcase_add_test(tc, test_httplog_embedded_nul);
	suite_add_tcase(s, tc);
	return s;
}
