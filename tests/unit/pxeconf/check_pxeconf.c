// SPDX-License-Identifier: ISC
/*
 * Unit tests for pxeconf/pxeconf*.c through pxeconf_parse() and
 * pxeconf_resolve(): the seed's file, labels, APPEND inheritance and
 * "APPEND -", INITRD and initrd=, IPAPPEND, DEFAULT with options, MENU
 * DEFAULT under UI, TEXT blocks, malformed lines with their numbers, and
 * every truncated prefix.  Menus, INCLUDE, prompts: check_pxeconf_menu.c.
 */
#include <stdio.h>
#include <string.h>

#include "tests.h"

#include "pxeconf/pxeconf.h"

/* The seed's pxelinux.cfg file (Diskless Linux), verbatim. */
static const char seed[] =
    "DEFAULT linux\n"
    "APPEND initrd=rootfs.gz root=/dev/ram rw "
    "ip=192.168.1.2:192.168.1.1:192.168.1.1:255.255.255.0:node1:eth0:off\n";

static const char labels[] =
    "# written by pxecfg-gen\r\n"
    "default node\r\n"
    "Append console=ttyS0\r\n"
    "PROMPT 0\r\n"
    "TEXT HELP\r\n"
    "label not-me\r\n"
    "ENDTEXT\r\n"
    "LABEL other\r\n"
    "  KERNEL other.img\r\n"
    "LABEL node\r\n"
    "  MENU LABEL ^Node\r\n"
    "  LINUX vmlinuz-6.1\r\n"
    "  INITRD rootfs.gz\r\n"
    "  APPEND rdinit=/init quiet\r\n"
    "  IPAPPEND 3\r\n"
    "LABEL inherit\r\n"
    "  KERNEL vmlinuz ro\r\n"
    "LABEL none\r\n"
    "  KERNEL vmlinuz\r\n"
    "  APPEND -\r\n"
    "  IPAPPEND 0\r\n";

static const char *const sys[PXECONF_SYSAPPEND] = {
	"ip=192.0.2.10:192.0.2.1:192.0.2.1:255.255.255.0",
	"BOOTIF=01-52-54-00-12-34-56"
};

static void
resolve(const char *text, const char *def, struct pxeconf_entry *e)
{
	struct pxeconf c;
	struct perr err;
	char buf[4096];

	snprintf(buf, sizeof(buf), "%s%s", text, def);
	ck_assert_msg(pxeconf_parse(&c, buf, strlen(buf), "t", &err) == 0,
	    "%s", err.msg);
	ck_assert_msg(pxeconf_resolve(&c, sys, e, &err) == 0, "%s", err.msg);
	pxeconf_free(&c);
}

START_TEST(test_seed)
{
	struct pxeconf_entry e;

	resolve(seed, "", &e);
	ck_assert_str_eq(e.label, "");
	ck_assert_str_eq(e.kernel, "linux");
	ck_assert_uint_eq(e.ninitrd, 1);
	ck_assert_str_eq(e.initrd[0], "rootfs.gz");
	ck_assert_str_eq(e.cmdline, "root=/dev/ram rw ip=192.168.1.2:"
	    "192.168.1.1:192.168.1.1:255.255.255.0:node1:eth0:off");
	/* Options after an implicit kernel come after the global APPEND. */
	resolve("DEFAULT vmlinuz single\nAPPEND ro\n", "", &e);
	ck_assert_str_eq(e.kernel, "vmlinuz");
	ck_assert_str_eq(e.cmdline, "ro single");
	ck_assert_uint_eq(e.ninitrd, 0);
}
END_TEST

START_TEST(test_labels)
{
	struct pxeconf_entry e;

	resolve(labels, "", &e);
	ck_assert_str_eq(e.label, "node");
	ck_assert_str_eq(e.kernel, "vmlinuz-6.1");
	ck_assert_uint_eq(e.ninitrd, 1);
	ck_assert_str_eq(e.initrd[0], "rootfs.gz");
	ck_assert_str_eq(e.cmdline, "rdinit=/init quiet "
	    "ip=192.0.2.10:192.0.2.1:192.0.2.1:255.255.255.0 "
	    "BOOTIF=01-52-54-00-12-34-56");
	/* A later DEFAULT wins; a label without APPEND takes the global. */
	resolve(labels, "DEFAULT inherit single\n", &e);
	ck_assert_str_eq(e.kernel, "vmlinuz");
	ck_assert_str_eq(e.cmdline, "ro console=ttyS0 single");
	resolve(labels, "DEFAULT none\n", &e);
	ck_assert_str_eq(e.cmdline, "");
	/* A DEFAULT that is no label but names a kernel. */
	resolve(labels, "DEFAULT Node\n", &e);
	ck_assert_str_eq(e.label, "");
	ck_assert_str_eq(e.kernel, "Node");
	ck_assert_str_eq(e.cmdline, "console=ttyS0");
}
END_TEST

START_TEST(test_initrds)
{
	struct pxeconf_entry e;

	resolve("DEFAULT k\nAPPEND a initrd=one.gz,two.cpio b\n", "", &e);
	ck_assert_uint_eq(e.ninitrd, 2);
	ck_assert_str_eq(e.initrd[0], "one.gz");
	ck_assert_str_eq(e.initrd[1], "two.cpio");
	ck_assert_str_eq(e.cmdline, "a b");
	/* initrd= in APPEND comes before INITRD's: the first one counts. */
	resolve("DEFAULT l\nLABEL l\nKERNEL k\nINITRD y\nAPPEND initrd=x z\n",
	    "", &e);
	ck_assert_uint_eq(e.ninitrd, 1);
	ck_assert_str_eq(e.initrd[0], "x");
	ck_assert_str_eq(e.cmdline, "z");
	/* "noinitrd=1" is not an initrd. */
	resolve("DEFAULT k\nAPPEND noinitrd=1\n", "", &e);
	ck_assert_uint_eq(e.ninitrd, 0);
	ck_assert_str_eq(e.cmdline, "noinitrd=1");
}
END_TEST

/*
 * A menu boots on its own only after a TIMEOUT (menumain.c: 0 is no
 * limit), hence the TIMEOUT lines.  Under UI the DEFAULT label wins over
 * MENU DEFAULT: readconfig.c applies it after every file is read.
 */
START_TEST(test_menu_default)
{
	struct pxeconf_entry e;

	resolve(labels, "UI menu.c32\nTIMEOUT 50\nLABEL m\nMENU DEFAULT\n"
	    "KERNEL mk\n", &e);
	ck_assert_str_eq(e.label, "node");
	resolve("UI menu.c32\nTIMEOUT 50\nLABEL a\nKERNEL ka\nLABEL m\n"
	    "MENU DEFAULT\nKERNEL mk\n", "", &e);
	ck_assert_str_eq(e.label, "m");
	/* Without UI, DEFAULT decides even with MENU DEFAULT. */
	resolve(labels, "LABEL m\nMENU DEFAULT\nKERNEL mk\n", &e);
	ck_assert_str_eq(e.label, "node");
	/* UI alone: DEFAULT's label, else the first label. */
	resolve(labels, "UI menu.c32\nTIMEOUT 1\n", &e);
	ck_assert_str_eq(e.label, "node");
	resolve("UI vesamenu.c32\nTIMEOUT 1\nLABEL a\nKERNEL ka\nLABEL b\n"
	    "KERNEL kb\n", "", &e);
	ck_assert_str_eq(e.label, "a");
	resolve("UI menu.c32\nTIMEOUT 1\nDEFAULT vmlinuz\nLABEL a\n"
	    "KERNEL ka\n", "", &e);
	ck_assert_str_eq(e.kernel, "ka");
}
END_TEST

static const struct {
	const char	*text;
	const char	*msg;
} bad[] = {
	{ "DEFAULT a\nLABEL\n", "t:2: LABEL without a name" },
	{ "DEFAULT a\nLABEL a\n  KERNEL   \n", "t:3: kernel without a value" },
	{ "\nDEFAULT\n", "t:2: DEFAULT without a value" },
	/* pxeconf_parse() reads one file: INCLUDE's is not there, and is
	 * skipped as pxelinux skips a file it cannot open. */
	{ "INCLUDE common.cfg\n", "t: no DEFAULT line" },
	{ "MENU INCLUDE x\n", "t: no DEFAULT line" },
	{ "DEFAULT a\n\0\n", "t:2: NUL byte in line" },
	{ "APPEND x\n", "t: no DEFAULT line" },
	{ "DEFAULT l\nLABEL l\nLOCALBOOT 0\n",
	    "t:2: LOCALBOOT boots the local disk: nothing to kexec" },
	{ "DEFAULT l\nLABEL l\nCOM32 hdt.c32\n",
	    "t:2: not a Linux kernel image: hdt.c32 is a COM32 module" },
	{ "DEFAULT l\nLABEL l\nKERNEL pxechn.c32\n",
	    "t:2: not a Linux kernel image: pxechn.c32 is a COM32 module" },
	{ "DEFAULT l\nLABEL l\nKERNEL fd.img\n",
	    "t:2: not a Linux kernel image: fd.img is a fdimage image" },
	/* A menu module: the menu reads this file and waits, or is empty. */
	{ "DEFAULT l\nLABEL l\nCOM32 menu.c32\n",
	    "t:2: the menu has no TIMEOUT" },
	{ "DEFAULT menu.c32\n", "t:1: the menu has no LABEL" },
	{ "DEFAULT k\nAPPEND initrd=a,,b\n", "t:1: empty initrd name" },
	{ "DEFAULT k\nAPPEND initrd=1,2,3,4,5,6,7,8,9\n",
	    "t:1: too many initrds" },
};

START_TEST(test_bad)
{
	struct pxeconf c;
	struct pxeconf_entry e;
	struct perr err;
	size_t len = strlen(bad[_i].text);
	int r;

	if (strstr(bad[_i].msg, "NUL") != NULL)
		len = 13;
	memset(&err, 0, sizeof(err));
	r = pxeconf_parse(&c, bad[_i].text, len, "t", &err);
	if (r == 0)
		r = pxeconf_resolve(&c, sys, &e, &err);
	pxeconf_free(&c);
	ck_assert_int_eq(r, -1);
	ck_assert_str_eq(err.msg, bad[_i].msg);
}
END_TEST

START_TEST(test_long)
{
	static char text[PXECONF_CMDLINEMAX + PXECONF_LINEMAX + 64];
	struct pxeconf c;
	struct pxeconf_entry e;
	struct perr err;
	size_t n;

	n = (size_t)snprintf(text, sizeof(text), "DEFAULT k\nAPPEND ");
	memset(text + n, 'a', PXECONF_CMDLINEMAX);	/* fits the line */
	n += PXECONF_CMDLINEMAX;
	ck_assert_int_eq(pxeconf_parse(&c, text, n, "t", &err), 0);
	ck_assert_int_eq(pxeconf_resolve(&c, sys, &e, &err), -1);
	ck_assert_str_eq(err.msg, "t:1: command line too long");
	pxeconf_free(&c);
	memset(text + n, 'a', PXECONF_LINEMAX);		/* not the line */
	ck_assert_int_eq(pxeconf_parse(&c, text, n + PXECONF_LINEMAX, "t",
	    &err), -1);
	ck_assert_str_eq(err.msg, "t:2: line too long");
	pxeconf_free(&c);
}
END_TEST

/* Every prefix of the label file: parse and resolve end cleanly. */
START_TEST(test_truncated)
{
	struct pxeconf c;
	struct pxeconf_entry e;
	struct perr err;
	size_t n;
	int ok = 0;

	for (n = 0; n <= sizeof(labels) - 1; n++) {
		if (pxeconf_parse(&c, labels, n, "t", &err) == 0 &&
		    pxeconf_resolve(&c, sys, &e, &err) == 0) {
			ck_assert(e.kernel[0] != '\0');
			ok++;
		} else
			ck_assert(err.msg[0] == 't');
		pxeconf_free(&c);
	}
	ck_assert_int_gt(ok, 0);
}
END_TEST

Suite *
pxeconf_suite(void)
{
	Suite *s = suite_create("pxeconf");
	TCase *tc = tcase_create("conf");

	tcase_add_test(tc, test_seed);
	tcase_add_test(tc, test_labels);
	tcase_add_test(tc, test_initrds);
	tcase_add_test(tc, test_menu_default);
	tcase_add_loop_test(tc, test_bad, 0, sizeof(bad) / sizeof(bad[0]));
	tcase_add_test(tc, test_long);
	tcase_add_test(tc, test_truncated);
	suite_add_tcase(s, tc);
	return s;
}
