// SPDX-License-Identifier: ISC
/*
 * Unit tests for pxecfg-gen's templates and diff: ${variable} expansion,
 * "$$", unknown and value-less variables, trailing blanks, overflow; the
 * unified diff of creation, change and removal.
 */
#include <string.h>

#include "tests.h"

#include "pxecfg-gen/pxecfg_diff.h"
#include "pxecfg-gen/pxecfg_tmpl.h"

static const struct tmpl_var vars[] = {
	{ "ip", "192.0.2.2" },
	{ "hostname", NULL },
	{ "append", "" },
	{ "next-server", "x" },
};

static int
render(const char *tmpl, char *out, size_t cap, char err[TMPL_ERRLEN])
{
	struct wbuf w;
	int r;

	wbuf_init(&w, out, cap - 1);
	r = tmpl_render(tmpl, vars, sizeof(vars) / sizeof(vars[0]), &w, err);
	if (r == 0)
		out[w.len] = '\0';
	return r;
}

START_TEST(test_expand)
{
	char out[256], err[TMPL_ERRLEN];

	ck_assert_int_eq(render("ip=${ip} ${append}\nA $$${next-server} $x\n",
	    out, sizeof(out), err), 0);
	ck_assert_str_eq(out, "ip=192.0.2.2\nA $x $x\n");
	ck_assert_int_eq(render("${ip}   \t", out, sizeof(out), err), 0);
	ck_assert_str_eq(out, "192.0.2.2");
	ck_assert_int_eq(render("", out, sizeof(out), err), 0);
	ck_assert_str_eq(out, "");
}
END_TEST

START_TEST(test_errors)
{
	char out[256], err[TMPL_ERRLEN];

	ck_assert_int_eq(render("a ${foo} b", out, sizeof(out), err), -1);
	ck_assert_str_eq(err, "unknown variable ${foo}");
	ck_assert_int_eq(render("${hostname}", out, sizeof(out), err), -1);
	ck_assert_str_eq(err, "${hostname} has no value in this file");
	ck_assert_int_eq(render("${ip", out, sizeof(out), err), -1);
	ck_assert_str_eq(err, "unterminated ${ or bad variable name near "
	    "\"${ip\"");
	ck_assert_int_eq(render("${}", out, sizeof(out), err), -1);
	ck_assert_str_eq(err, "bad variable name ${}");
	ck_assert_int_eq(render("${ip}${ip}", out, 12, err), -1);
	ck_assert_str_eq(err, "file too large");
}
END_TEST

static const char *
diff(const char *a, const char *b, char *out, size_t cap)
{
	struct wbuf w;

	wbuf_init(&w, out, cap - 1);
	ck_assert_int_eq(diff_unified(a, strlen(a), "old", b, strlen(b),
	    "new", &w), 0);
	ck_assert_int_ne(wbuf_len(&w), -1);
	out[w.len] = '\0';
	return out;
}

START_TEST(test_diff)
{
	char out[1024];

	ck_assert_str_eq(diff("", "a\nb\n", out, sizeof(out)),
	    "--- old\n+++ new\n@@ -0,0 +1,2 @@\n+a\n+b\n");
	ck_assert_str_eq(diff("a\nb\n", "", out, sizeof(out)),
	    "--- old\n+++ new\n@@ -1,2 +0,0 @@\n-a\n-b\n");
	ck_assert_str_eq(diff("a\nb\nc\n", "a\nB\nc\n", out, sizeof(out)),
	    "--- old\n+++ new\n@@ -1,3 +1,3 @@\n a\n-b\n+B\n c\n");
	ck_assert_str_eq(diff("a\n", "a\n", out, sizeof(out)),
	    "--- old\n+++ new\n");
	ck_assert_str_eq(diff("a", "b\n", out, sizeof(out)),
	    "--- old\n+++ new\n@@ -1,1 +1,1 @@\n-a\n"
	    "\\ No newline at end of file\n+b\n");
}
END_TEST

START_TEST(test_diff_hunks)
{
	/* Changes at lines 1 and 12 of 12: two hunks, 3 lines of context. */
	const char *a = "1\n2\n3\n4\n5\n6\n7\n8\n9\n10\n11\n12\n";
	const char *b = "one\n2\n3\n4\n5\n6\n7\n8\n9\n10\n11\ntwelve\n";
	char out[1024];

	ck_assert_str_eq(diff(a, b, out, sizeof(out)),
	    "--- old\n+++ new\n"
	    "@@ -1,4 +1,4 @@\n-1\n+one\n 2\n 3\n 4\n"
	    "@@ -9,4 +9,4 @@\n 9\n 10\n 11\n-12\n+twelve\n");
}
END_TEST

Suite *
pxecfg_tmpl_suite(void)
{
	Suite *s = suite_create("pxecfg_tmpl");
	TCase *tc = tcase_create("core");

	tcase_add_test(tc, test_expand);
	tcase_add_test(tc, test_errors);
	tcase_add_test(tc, test_diff);
	tcase_add_test(tc, test_diff_hunks);
	suite_add_tcase(s, tc);
	return s;
}
