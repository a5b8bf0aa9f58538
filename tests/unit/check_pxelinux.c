// SPDX-License-Identifier: ISC
/*
 * Unit tests for common/pxelinux.c: pxelinux's file name order and the
 * entry a config boots (DEFAULT naming a label or a command line, a UI
 * menu's MENU DEFAULT or first label, no DEFAULT without a menu, global
 * and "-" APPEND, initrd= over INITRD, the last file of an initrd list),
 * errors with file:line, and every prefix.
 */
#include <stdio.h>
#include <string.h>

#include "tests.h"

#include "common/pxelinux.h"

START_TEST(test_pxelinux_names)
{
	struct pxelinux_names nm;
	static const uint8_t mac[MAC_LEN] = { 0x88, 0x99, 0xaa, 0xbb, 0xcc,
	    0xdd };
	uint32_t ip = 0xc000026f;	/* 192.0.2.111 */
	static const char *const want[] = {
		"b8945908-d6a6-41a9-611d-74a6ab80b83d", "01-88-99-aa-bb-cc-dd",
		"C000026F", "C000026", "C00002", "C0000", "C000", "C00", "C0",
		"C", "default"
	};
	size_t i;

	pxelinux_names(want[0], mac, &ip, &nm);
	ck_assert_uint_eq(nm.n, 11);
	for (i = 0; i < nm.n; i++)
		ck_assert_str_eq(nm.v[i], want[i]);
	pxelinux_names(NULL, NULL, NULL, &nm);
	ck_assert_uint_eq(nm.n, 1);
	ck_assert_str_eq(nm.v[0], "default");
	pxelinux_names(NULL, mac, NULL, &nm);
	ck_assert_uint_eq(nm.n, 2);
}
END_TEST

static const struct {
	const char	*cfg;
	const char	*label, *kernel, *initrd, *append, *last;
	unsigned	 line;
} good[] = {
	/* The seed's file, as pxecfg-gen writes it. */
	{ "# generated\nDEFAULT linux\nLABEL linux\n  KERNEL vmlinuz\n"
	  "  APPEND initrd=rootfs.gz root=/dev/ram rw ip=192.0.2.11:192.0.2.1:"
	  "192.0.2.1:255.255.255.0:node1:eth0:off\n",
	  "linux", "vmlinuz", "rootfs.gz", "initrd=rootfs.gz root=/dev/ram rw "
	  "ip=192.0.2.11:192.0.2.1:192.0.2.1:255.255.255.0:node1:eth0:off",
	  "rootfs.gz", 3 },
	/* Keywords in any case; INITRD line; DEFAULT after the labels. */
	{ "label a\nkernel ka\nlabel b\nLINUX /kb\nInitRD /i1.gz,/i2.gz\n"
	  "default b\n", "b", "/kb", "/i1.gz,/i2.gz", "", "i2.gz", 3 },
	/* initrd= in APPEND wins over INITRD. */
	{ "DEFAULT x\nLABEL x\nKERNEL k\nINITRD old\nAPPEND quiet "
	  "initrd=new1,new2 rw\n", "x", "k", "new1,new2",
	  "quiet initrd=new1,new2 rw", "new2", 2 },
	/* A menu: MENU DEFAULT wins over DEFAULT; else DEFAULT, else the
	 * first label.  Without UI, MENU DEFAULT means nothing. */
	{ "UI menu.c32\nDEFAULT a\nLABEL a\nKERNEL ka\nLABEL b\nMENU DEFAULT\n"
	  "KERNEL kb\n", "b", "kb", "", "", "kb", 5 },
	{ "UI menu.c32\nDEFAULT b\nLABEL a\nKERNEL ka\nLABEL b\nKERNEL kb\n",
	  "b", "kb", "", "", "kb", 5 },
	{ "UI menu.c32\nLABEL a\nKERNEL ka\nLABEL b\nKERNEL kb\n", "a", "ka",
	  "", "", "ka", 2 },
	{ "DEFAULT a\nLABEL a\nKERNEL ka\nLABEL b\nMENU DEFAULT\nKERNEL kb\n",
	  "a", "ka", "", "", "ka", 2 },
	/* The last initrd= counts (syslinux's find_argument()). */
	{ "DEFAULT k initrd=a initrd=b,c\n", "", "k", "b,c",
	  "initrd=a initrd=b,c", "c", 1 },
	/* Global APPEND for labels without one; "APPEND -" clears it. */
	{ "APPEND initrd=g.gz\nDEFAULT b\nLABEL a\nKERNEL ka\nLABEL b\n"
	  "KERNEL kb\n", "b", "kb", "g.gz", "initrd=g.gz", "g.gz", 5 },
	{ "APPEND initrd=g.gz\nDEFAULT b\nLABEL b\nKERNEL kb\nAPPEND -\n",
	  "b", "kb", "", "", "kb", 3 },
	/* DEFAULT naming no label is a command line. */
	{ "DEFAULT vmlinuz initrd=r.gz quiet\n", "", "vmlinuz", "r.gz",
	  "initrd=r.gz quiet", "r.gz", 1 },
	{ "APPEND initrd=g.gz\nDEFAULT vmlinuz\n", "", "vmlinuz", "g.gz",
	  "initrd=g.gz", "g.gz", 2 },
	/* CRLF, blanks, a '#' inside an argument is not a comment. */
	{ "\r\n  # c\r\nDEFAULT l\r\nLABEL l\r\n\tKERNEL k\r\n\tAPPEND "
	  "a=#1 initrd=x\r\n", "l", "k", "x", "a=#1 initrd=x", "x", 4 },
};

START_TEST(test_pxelinux_good)
{
	struct pxelinux_entry e;
	struct perr err;

	ck_assert_int_eq(pxelinux_parse(good[_i].cfg, strlen(good[_i].cfg),
	    "cfg", &e, &err), 0);
	ck_assert_str_eq(e.label, good[_i].label);
	ck_assert_str_eq(e.kernel, good[_i].kernel);
	ck_assert_str_eq(e.initrd, good[_i].initrd);
	ck_assert_str_eq(e.append, good[_i].append);
	ck_assert_str_eq(pxelinux_lastfile(&e), good[_i].last);
	ck_assert_uint_eq(e.line, good[_i].line);
}
END_TEST

START_TEST(test_pxelinux_localboot)
{
	struct pxelinux_entry e;
	struct perr err;
	static const char cfg[] = "DEFAULT disk\nLABEL disk\nLOCALBOOT 0\n";

	ck_assert_int_eq(pxelinux_parse(cfg, strlen(cfg), "cfg", &e, &err),
	    0);
	ck_assert(e.localboot);
	ck_assert_ptr_null(pxelinux_lastfile(&e));
}
END_TEST

static const struct {
	const char	*cfg;
	size_t		 len;		/* 0: strlen */
	const char	*msg;
} bad[] = {
	{ "", 0, "f:1: no DEFAULT (pxelinux would wait at its boot: prompt)" },
	{ "# nothing\nPROMPT 0\nLABEL a\nKERNEL k\n", 0,
	  "f:1: no DEFAULT (pxelinux would wait at its boot: prompt)" },
	{ "UI menu.c32\n", 0, "f:1: UI without any LABEL" },
	{ "DEFAULT a\nLABEL a\nAPPEND x\n", 0, "f:2: entry a has no KERNEL" },
	{ "LABEL a\nKER\0NEL k\n", 17, "f:2: NUL byte in line" },
};

START_TEST(test_pxelinux_bad)
{
	struct pxelinux_entry e;
	struct perr err;
	size_t len = bad[_i].len ? bad[_i].len : strlen(bad[_i].cfg);

	ck_assert_int_eq(pxelinux_parse(bad[_i].cfg, len, "f", &e, &err), -1);
	ck_assert_str_eq(err.msg, bad[_i].msg);
}
END_TEST

START_TEST(test_pxelinux_long)
{
	static char cfg[PXELINUX_APPENDMAX + 64];
	struct pxelinux_entry e;
	struct perr err;
	size_t n;

	n = (size_t)snprintf(cfg, sizeof(cfg), "DEFAULT a\nLABEL a\nKERNEL ");
	memset(cfg + n, 'k', PXELINUX_FILEMAX);
	cfg[n + PXELINUX_FILEMAX] = '\n';
	ck_assert_int_eq(pxelinux_parse(cfg, n + PXELINUX_FILEMAX + 1, "f",
	    &e, &err), -1);
	ck_assert_str_eq(err.msg, "f:3: value too long");
	memset(cfg + n, 'a', sizeof(cfg) - n);
	ck_assert_int_eq(pxelinux_parse(cfg, sizeof(cfg), "f", &e, &err), -1);
	ck_assert_str_eq(err.msg, "f:3: line too long");
}
END_TEST

/* Every prefix of the seed's config parses or fails cleanly. */
START_TEST(test_pxelinux_prefixes)
{
	struct pxelinux_entry e;
	struct perr err;
	char buf[512];
	size_t len = strlen(good[0].cfg);

	ck_assert_uint_le((size_t)_i, len);
	memcpy(buf, good[0].cfg, (size_t)_i);
	(void)pxelinux_parse(buf, (size_t)_i, "f", &e, &err);
	if ((size_t)_i == len)
		ck_assert_int_eq(pxelinux_parse(buf, len, "f", &e, &err), 0);
}
END_TEST

Suite *
pxelinux_suite(void)
{
	Suite *s = suite_create("pxelinux");
	TCase *tc = tcase_create("core");

	tcase_add_test(tc, test_pxelinux_names);
	tcase_add_loop_test(tc, test_pxelinux_good, 0,
	    (int)(sizeof(good) / sizeof(good[0])));
	tcase_add_test(tc, test_pxelinux_localboot);
	tcase_add_loop_test(tc, test_pxelinux_bad, 0,
	    (int)(sizeof(bad) / sizeof(bad[0])));
	tcase_add_test(tc, test_pxelinux_long);
	tcase_add_loop_test(tc, test_pxelinux_prefixes, 0,
	    (int)strlen(good[0].cfg) + 1);
	suite_add_tcase(s, tc);
	return s;
}
