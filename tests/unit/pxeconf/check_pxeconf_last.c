// SPDX-License-Identifier: ISC
/*
 * Unit tests for pxeconf_lastfile() (pxeconf/pxeconf_pick.c), what wakeup
 * waits for: the last initrd of the entry pxelinux boots (DEFAULT naming a
 * label or a command line, a timed UI menu's DEFAULT, MENU DEFAULT or
 * first label, global and "-" APPEND, the first initrd= over INITRD), the
 * kernel without one, nothing for LOCALBOOT, and errors with file:line.
 */
#include <string.h>

#include "tests.h"

#include "pxeconf/pxeconf.h"

static const struct {
	const char	*cfg;
	const char	*last;
} good[] = {
	/* The seed's file, as pxecfg-gen writes it. */
	{ "# generated\nDEFAULT linux\nLABEL linux\n  KERNEL vmlinuz\n"
	  "  APPEND initrd=rootfs.gz root=/dev/ram rw ip=192.0.2.11:192.0.2.1:"
	  "192.0.2.1:255.255.255.0:node1:eth0:off\n", "rootfs.gz" },
	/* Keywords in any case; INITRD line; DEFAULT after the labels. */
	{ "label a\nkernel ka\nlabel b\nLINUX /kb\nInitRD /i1.gz,/i2.gz\n"
	  "default b\n", "i2.gz" },
	/* initrd= in APPEND wins over INITRD (it comes first). */
	{ "DEFAULT x\nLABEL x\nKERNEL k\nINITRD old\nAPPEND quiet "
	  "initrd=new1,new2 rw\n", "new2" },
	/* A menu with a TIMEOUT: under UI the DEFAULT label wins over MENU
	 * DEFAULT (readconfig.c sets it last), then MENU DEFAULT, then the
	 * first label.  Without UI, MENU DEFAULT means nothing. */
	{ "UI menu.c32\nTIMEOUT 9\nDEFAULT a\nLABEL a\nKERNEL ka\nLABEL b\n"
	  "MENU DEFAULT\nKERNEL kb\n", "ka" },
	{ "UI menu.c32\nTIMEOUT 9\nLABEL a\nKERNEL ka\nLABEL b\n"
	  "MENU DEFAULT\nKERNEL kb\n", "kb" },
	{ "UI menu.c32\nTIMEOUT 9\nDEFAULT b\nLABEL a\nKERNEL ka\nLABEL b\n"
	  "KERNEL kb\n", "kb" },
	{ "UI menu.c32\nTIMEOUT 9\nLABEL a\nKERNEL ka\nLABEL b\nKERNEL kb\n",
	  "ka" },
	{ "DEFAULT a\nLABEL a\nKERNEL ka\nLABEL b\nMENU DEFAULT\nKERNEL kb\n",
	  "ka" },
	/* The first initrd= counts (syslinux 6 kernel.c: strstr()). */
	{ "DEFAULT k initrd=a initrd=b,c\n", "a" },
	/* Global APPEND for labels without one; "APPEND -" clears it. */
	{ "APPEND initrd=g.gz\nDEFAULT b\nLABEL a\nKERNEL ka\nLABEL b\n"
	  "KERNEL kb\n", "g.gz" },
	{ "APPEND initrd=g.gz\nDEFAULT b\nLABEL b\nKERNEL kb\nAPPEND -\n",
	  "kb" },
	/* DEFAULT naming no label is a command line. */
	{ "DEFAULT vmlinuz initrd=r.gz quiet\n", "r.gz" },
	/* CRLF, blanks, a '#' inside an argument is not a comment. */
	{ "\r\n  # c\r\nDEFAULT l\r\nLABEL l\r\n\tKERNEL k\r\n\tAPPEND "
	  "a=#1 initrd=x\r\n", "x" },
};

START_TEST(test_pxeconf_last_good)
{
	struct pxeconf c;
	struct perr err;
	char last[PXECONF_NAMEMAX + 1];

	ck_assert_int_eq(pxeconf_parse(&c, good[_i].cfg, strlen(good[_i].cfg),
	    "cfg", &err), 0);
	ck_assert_int_eq(pxeconf_lastfile(&c, last, &err), 1);
	ck_assert_str_eq(last, good[_i].last);
	pxeconf_free(&c);
}
END_TEST

/* LOCALBOOT, chosen by DEFAULT or by a menu, fetches nothing. */
START_TEST(test_pxeconf_last_localboot)
{
	static const char *const cfg[] = {
		"DEFAULT disk\nLABEL disk\nLOCALBOOT 0\n",
		"UI menu.c32\nTIMEOUT 9\nLABEL local\n  LOCALBOOT 0\nLABEL l\n"
		"  KERNEL k\n"
	};
	struct pxeconf c;
	struct perr err;
	char last[PXECONF_NAMEMAX + 1];
	size_t i;

	for (i = 0; i < sizeof(cfg) / sizeof(cfg[0]); i++) {
		ck_assert_int_eq(pxeconf_parse(&c, cfg[i], strlen(cfg[i]), "f",
		    &err), 0);
		ck_assert_int_eq(pxeconf_lastfile(&c, last, &err), 0);
		pxeconf_free(&c);
	}
}
END_TEST

static const struct {
	const char	*cfg;
	size_t		 len;		/* 0: strlen */
	const char	*msg;
} bad[] = {
	{ "", 0, "f: no DEFAULT line" },
	{ "# nothing\nPROMPT 0\nLABEL a\nKERNEL k\n", 0, "f: no DEFAULT line" },
	{ "DEFAULT m\nLABEL m\nCOM32 hdt.c32\n", 0,
	  "f:2: not a Linux kernel image: hdt.c32 is a COM32 module" },
	/* A menu without TIMEOUT waits for a key: no file to wait for. */
	{ "DEFAULT m\nLABEL m\nCOM32 menu.c32\n", 0,
	  "f:2: the menu has no TIMEOUT" },
	{ "LABEL a\nKER\0NEL k\n", 17, "f:2: NUL byte in line" },
};

START_TEST(test_pxeconf_last_bad)
{
	struct pxeconf c;
	struct perr err;
	char last[PXECONF_NAMEMAX + 1];
	size_t len = bad[_i].len ? bad[_i].len : strlen(bad[_i].cfg);
	int r;

	if ((r = pxeconf_parse(&c, bad[_i].cfg, len, "f", &err)) == 0)
		r = pxeconf_lastfile(&c, last, &err);
	pxeconf_free(&c);
	ck_assert_int_eq(r, -1);
	ck_assert_str_eq(err.msg, bad[_i].msg);
}
END_TEST

Suite *
pxeconf_last_suite(void)
{
	Suite *s = suite_create("pxeconf_last");
	TCase *tc = tcase_create("core");

	tcase_add_loop_test(tc, test_pxeconf_last_good, 0,
	    (int)(sizeof(good) / sizeof(good[0])));
	tcase_add_test(tc, test_pxeconf_last_localboot);
	tcase_add_loop_test(tc, test_pxeconf_last_bad, 0,
	    (int)(sizeof(bad) / sizeof(bad[0])));
	suite_add_tcase(s, tc);
	return s;
}
