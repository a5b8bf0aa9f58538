// SPDX-License-Identifier: ISC
/*
 * Unit tests for pxecfg-gen.conf(5) parsing: every statement, profiles
 * based on others, template lines, and the file:line errors of bad input
 * (unknown statement, unknown profile, unknown variable, missing ';', a
 * bad http URL).
 */
#include <stdlib.h>
#include <string.h>

#include "tests.h"

#include "pxecfg-gen/pxecfg_conf.h"

static struct pxecfg_conf *c;

static void
setup(void)
{
	c = calloc(1, sizeof(*c));
	ck_assert_ptr_nonnull(c);
	pxecfg_conf_init(c);
}

static void
teardown(void)
{
	pxecfg_conf_free(c);
	free(c);
}

static int
parse(const char *text, struct perr *err)
{
	if (pxecfg_conf_parse(c, text, strlen(text), "t.conf", err) == -1)
		return -1;
	return pxecfg_conf_check(c, err);
}

START_TEST(test_defaults)
{
	struct perr err;

	ck_assert_int_eq(parse("", &err), 0);
	ck_assert_str_eq(c->kernel, "linux");
	ck_assert_str_eq(c->initrd, "rootfs.gz");
	ck_assert_str_eq(c->profile, "ramdisk");
	ck_assert_uint_eq(c->names, PXECFG_NAMES_IP);
	ck_assert_uint_eq(c->nprof, 4);
	ck_assert_ptr_nonnull(pxecfg_conf_profile(c, "initramfs"));
	ck_assert_ptr_nonnull(pxecfg_conf_profile(c, "nfs"));
	ck_assert_ptr_nonnull(pxecfg_conf_profile(c, "local"));
	ck_assert_ptr_null(pxecfg_conf_profile(c, "nope"));
}
END_TEST

START_TEST(test_full)
{
	static const char text[] =
	    "kernel vmlinuz; initrd \"rootfs.gz\";\n"
	    "append console=ttyS0 \"quiet\";\n"
	    "names ip mac; ipxe yes; device ens3; http http://192.0.2.1;\n"
	    "default-profile stock; group-files none; default-file local;\n"
	    "profile stock {\n"
	    "  base initramfs;\n"
	    "  append rdinit=/init;\n"
	    "  http \"https://boot.example:8443/nodeboot//\";\n"
	    "}\n"
	    "profile custom {\n"
	    "  pxelinux \"DEFAULT ${kernel}\" \"APPEND ${append}\";\n"
	    "}\n"
	    "node node2 { profile nfs; }\n";
	const struct pxecfg_profile *p;
	struct perr err;

	ck_assert_msg(parse(text, &err) == 0, "%s", err.msg);
	ck_assert_str_eq(c->kernel, "vmlinuz");
	ck_assert_str_eq(c->append, "console=ttyS0 quiet");
	ck_assert_uint_eq(c->names, PXECFG_NAMES_IP | PXECFG_NAMES_MAC);
	ck_assert(c->ipxe);
	ck_assert_str_eq(c->device, "ens3");
	ck_assert_str_eq(c->http, "http://192.0.2.1/");
	ck_assert_str_eq(c->group, "");
	ck_assert_str_eq(c->dflt, "local");
	p = pxecfg_conf_profile(c, "stock");
	ck_assert_ptr_nonnull(p);
	ck_assert_str_eq(p->append, "rdinit=/init");
	ck_assert_str_eq(p->http, "https://boot.example:8443/nodeboot/");
	ck_assert_str_eq(p->pxelinux,
	    pxecfg_conf_profile(c, "initramfs")->pxelinux);
	ck_assert_uint_eq(p->line, 5);
	p = pxecfg_conf_profile(c, "custom");
	ck_assert_str_eq(p->pxelinux, "DEFAULT ${kernel}\nAPPEND ${append}\n");
	ck_assert_str_eq(pxecfg_conf_node_profile(c, "NODE2"), "nfs");
	ck_assert_str_eq(pxecfg_conf_node_profile(c, "node1"), "stock");
}
END_TEST

START_TEST(test_follow)
{
	struct perr err;

	/* Group and default files follow the default profile unless set. */
	ck_assert_int_eq(parse("group-files nfs;\ndefault-profile local;",
	    &err), 0);
	ck_assert_str_eq(c->profile, "local");
	ck_assert_str_eq(c->group, "nfs");
	ck_assert_str_eq(c->dflt, "local");
	ck_assert_int_eq(parse("default-file none; default-profile nfs;",
	    &err), 0);
	ck_assert_str_eq(c->dflt, "");
}
END_TEST

static const struct {
	const char	*text;
	const char	*msg;
} bad[] = {
	{ "kernel", "t.conf:1: expected a value" },
	{ "kernel x", "t.conf:1: expected ';'" },
	{ "\nfoo bar;", "t.conf:2: unknown statement foo" },
	{ "names ip dns;", "t.conf:1: names: expected ip or mac" },
	{ "names;", "t.conf:1: names: expected ip or mac" },
	{ "ipxe maybe;", "t.conf:1: expected yes or no" },
	{ "default-profile none;", "t.conf:1: a profile is required" },
	{ "\n\ndefault-profile nope;",
	  "t.conf:3: default-profile: no profile named nope" },
	{ "group-files nope;", "t.conf:1: group-files: no profile named nope" },
	{ "profile x { }", "t.conf:1: profile x has no pxelinux template "
	  "(give one, or a base)" },
	{ "profile x { base y; }",
	  "t.conf:1: base: no profile named y defined before" },
	{ "profile x { kernel a; ", "t.conf:1: missing '}'" },
	{ "profile x { root a; }", "t.conf:1: unknown profile statement root" },
	{ "profile x {\n pxelinux \"APPEND ${rootdev}\";\n}",
	  "t.conf:1: profile x: pxelinux template: unknown variable "
	  "${rootdev}" },
	{ "profile ramdisk { ipxe \"#!ipxe\" \"kernel ${kernl}\"; }",
	  "t.conf:1: profile ramdisk: ipxe template: unknown variable "
	  "${kernl}" },
	{ "node n1 { profile nope; }", "t.conf:1: n1: no profile named nope" },
	{ "node n1 { profile local; }\nnode N1 { profile nfs; }",
	  "t.conf:2: node N1 already set at line 1" },
	{ "node n1 { kernel x; }", "t.conf:1: unknown node statement kernel" },
	{ "node \"bad name\" { }", "t.conf:1: bad host name" },
	{ "http ftp://192.0.2.1/;", "t.conf:1: http: the URL must begin with "
	  "http:// or https://" },
	{ "http 192.0.2.1;", "t.conf:1: http: the URL must begin with "
	  "http:// or https://" },
	{ "profile ramdisk {\n http tftp://192.0.2.1/; }", "t.conf:2: http: "
	  "the URL must begin with http:// or https://" },
	{ "http http://;", "t.conf:1: http: no host" },
	{ "http http://192.0.2.1:0/;", "t.conf:1: http: bad port" },
	{ "\nhttp \"http://192.0.2.1/a b\";",
	  "t.conf:2: http: a blank in the URL" },
	{ "http \"http://192.0.2.1/'\";",
	  "t.conf:1: http: a quote in the URL" },
	{ "http \"http://192.0.2.1/\\\\\";",
	  "t.conf:1: http: a backslash in the URL" },
	{ "http \"http://192.0.2.1/\\n\";",
	  "t.conf:1: http: a control or non-ASCII byte in the URL" },
	{ "http http://192.0.2.1", "t.conf:1: expected ';'" },
	{ "http;", "t.conf:1: expected a value" },
	{ "{", "t.conf:1: expected a statement" },
	{ "kernel \"unterminated;", "t.conf:1: unterminated string" },
};

START_TEST(test_bad)
{
	struct perr err;

	ck_assert_int_eq(parse(bad[_i].text, &err), -1);
	ck_assert_str_eq(err.msg, bad[_i].msg);
}
END_TEST

Suite *
pxecfg_conf_suite(void)
{
	Suite *s = suite_create("pxecfg_conf");
	TCase *tc = tcase_create("core");

	tcase_add_checked_fixture(tc, setup, teardown);
	tcase_add_test(tc, test_defaults);
	tcase_add_test(tc, test_full);
	tcase_add_test(tc, test_follow);
	tcase_add_loop_test(tc, test_bad, 0, sizeof(bad) / sizeof(bad[0]));
	suite_add_tcase(s, tc);
	return s;
}
