// SPDX-License-Identifier: ISC
/*
 * Unit tests for pxeconf_pick() (pxeconf/pxeconf*.c), what pxelinux runs
 * unattended: ONTIMEOUT at the boot: prompt and in menus, PROMPT, DEFAULT
 * menu (menu.c32), UI, the old "DEFAULT menu.c32" menus with and without
 * TIMEOUT, TOTALTIMEOUT, MENU SHIFTKEY, LOCALBOOT (bare too) and
 * chain.c32, INCLUDE (found, missing, tagged, nested too deep), MENU
 * BEGIN/END, HIDE, DISABLE, SEPARATOR, a menu module given files, CONFIG,
 * IMPLICIT 0, labels by first word and by whole name, image types, and
 * menus that run each other for ever.
 */
#include <string.h>

#include "tests.h"
#include "pxeconf_test.h"

#define FAILS	(-1)

static const struct pcase {
	const char	*files[6];	/* name, text, ...; files[0]: root */
	int		 how;		/* enum pxeconf_how, or FAILS */
	const char	*label, *kernel, *initrd, *cmdline, *msg;
} cases[] = {
	/* ONTIMEOUT in a menu: a label (its words follow), or a command. */
	{ { "f", "UI menu.c32\nTIMEOUT 50\nONTIMEOUT b x=1\nLABEL a\n"
	    "MENU DEFAULT\nKERNEL ka\nLABEL b\nKERNEL kb\nAPPEND y=2\n" },
	  PXECONF_BOOT, "b", "kb", "-", "y=2 x=1", NULL },
	{ { "f", "UI menu.c32\nTIMEOUT 5\nONTIMEOUT vmlinuz quiet\n"
	    "APPEND g=1\nLABEL a\nKERNEL ka\n" },
	  PXECONF_BOOT, "", "vmlinuz", "-", "quiet", NULL },
	/* The boot: prompt: PROMPT 1 waits for TIMEOUT, then ONTIMEOUT. */
	{ { "f", "DEFAULT a\nPROMPT 1\nTIMEOUT 50\nONTIMEOUT b\nLABEL a\n"
	    "KERNEL ka\nLABEL b\nKERNEL kb\n" },
	  PXECONF_BOOT, "b", "kb", "-", "", NULL },
	{ { "f", "DEFAULT a\nPROMPT 0\nTIMEOUT 50\nONTIMEOUT b\nLABEL a\n"
	    "KERNEL ka\nLABEL b\nKERNEL kb\n" },
	  PXECONF_BOOT, "a", "ka", "-", "", NULL },
	{ { "f", "DEFAULT a\nPROMPT 1\nLABEL a\nKERNEL ka\n" },
	  PXECONF_WAIT, NULL, NULL, NULL, NULL,
	  "f:2: PROMPT without TIMEOUT" },
	{ { "f", "TIMEOUT 10\nONTIMEOUT b\nLABEL b\nKERNEL kb\n" },
	  PXECONF_BOOT, "b", "kb", "-", "", NULL },
	/* "DEFAULT menu": pxelinux finds menu.c32; the old menus. */
	{ { "f", "DEFAULT menu\nTIMEOUT 10\nLABEL l\nKERNEL k\n" },
	  PXECONF_BOOT, "l", "k", "-", "", NULL },
	{ { "f", "DEFAULT boot/vesamenu\nTIMEOUT 10\nLABEL l\nKERNEL k\n" },
	  PXECONF_BOOT, "l", "k", "-", "", NULL },
	{ { "f", "DEFAULT menu.c32\nTIMEOUT 30\nLABEL a\nKERNEL ka\n"
	    "LABEL b\nKERNEL kb\n" },
	  PXECONF_BOOT, "a", "ka", "-", "", NULL },
	{ { "f", "DEFAULT menu.c32\nTIMEOUT 30\nLABEL a\nKERNEL ka\n"
	    "LABEL b\nMENU DEFAULT\nKERNEL kb\n" },
	  PXECONF_BOOT, "b", "kb", "-", "", NULL },
	{ { "f", "DEFAULT menu.c32\nLABEL a\nKERNEL ka\nTIMEOUT 0\n" },
	  PXECONF_WAIT, NULL, NULL, NULL, NULL,
	  "f:4: the menu's TIMEOUT is 0" },
	{ { "f", "UI menu.c32\nTOTALTIMEOUT 100\nLABEL a\nKERNEL ka\n" },
	  PXECONF_BOOT, "a", "ka", "-", "", NULL },
	{ { "f", "UI menu.c32\nMENU SHIFTKEY\nLABEL a\nKERNEL ka\nLABEL b\n"
	    "MENU DEFAULT\nKERNEL kb\n" },
	  PXECONF_BOOT, "b", "kb", "-", "", NULL },
	/* The local disk. */
	{ { "f", "DEFAULT l\nLABEL l\nlocalboot\n" },
	  PXECONF_LOCAL, NULL, NULL, NULL, NULL,
	  "f:2: LOCALBOOT boots the local disk: nothing to kexec" },
	{ { "f", "UI menu.c32\nTIMEOUT 1\nLABEL localboot\nlocalboot\n"
	    "LABEL x\nKERNEL kx\n" },
	  PXECONF_LOCAL, NULL, NULL, NULL, NULL, NULL },
	{ { "f", "DEFAULT l\nLABEL l\nCOM32 chain.c32\nAPPEND hd0\n" },
	  PXECONF_LOCAL, NULL, NULL, NULL, NULL,
	  "f:2: chain.c32 boots a local disk: nothing to kexec" },
	/* INCLUDE: read in place; a missing file is skipped. */
	{ { "f", "DEFAULT b\nINCLUDE inc.cfg\n", "inc.cfg",
	    "LABEL b\nKERNEL kb\n" },
	  PXECONF_BOOT, "b", "kb", "-", "", NULL },
	{ { "f", "DEFAULT b\nINCLUDE gone.cfg\n" },
	  PXECONF_BOOT, "", "b", "-", "", NULL },
	{ { "f", "UI menu.c32\nTIMEOUT 1\nMENU INCLUDE m.cfg\n", "m.cfg",
	    "LABEL x\nKERNEL kx\n" },
	  PXECONF_BOOT, "x", "kx", "-", "", NULL },
	{ { "f", "DEFAULT x\nINCLUDE f\n" },
	  FAILS, NULL, NULL, NULL, NULL, "f:2: INCLUDE nested deeper than 16" },
	/* Submenus: a tagged INCLUDE or MENU BEGIN; its entry runs nothing. */
	{ { "f", "UI menu.c32\nTIMEOUT 1\nINCLUDE s.cfg Sub\nLABEL top\n"
	    "KERNEL kt\n", "s.cfg", "LABEL in\nKERNEL ki\n" },
	  PXECONF_WAIT, NULL, NULL, NULL, NULL, "f:1: the menu's default "
	  "entry runs no command (a submenu or a separator)" },
	{ { "f", "UI menu.c32\nTIMEOUT 1\nINCLUDE s.cfg Sub\nLABEL top\n"
	    "MENU DEFAULT\nKERNEL kt\n", "s.cfg", "LABEL in\nKERNEL ki\n" },
	  PXECONF_BOOT, "top", "kt", "-", "", NULL },
	{ { "f", "UI menu.c32\nTIMEOUT 1\nDEFAULT in\nLABEL out\nKERNEL ko\n"
	    "MENU BEGIN s\nLABEL x\nKERNEL kx\nLABEL in\nKERNEL ki\nMENU END\n" },
	  PXECONF_BOOT, "in", "ki", "-", "", NULL },
	{ { "f", "UI menu.c32\nTIMEOUT 1\nLABEL h\nMENU HIDE\nKERNEL kh\n"
	    "LABEL v\nKERNEL kv\n" },
	  PXECONF_BOOT, "v", "kv", "-", "", NULL },
	{ { "f", "DEFAULT h\nLABEL h\nMENU HIDE\nKERNEL kh\n" },
	  PXECONF_BOOT, "h", "kh", "-", "", NULL },
	{ { "f", "UI menu.c32\nTIMEOUT 1\nMENU SEPARATOR\nLABEL a\nKERNEL ka\n" },
	  PXECONF_WAIT, NULL, NULL, NULL, NULL, NULL },
	{ { "f", "UI menu.c32\nTIMEOUT 1\nLABEL x\nKERNEL kx\nLABEL a\n"
	    "MENU DEFAULT\nMENU DISABLE\nKERNEL ka\n" },
	  PXECONF_BOOT, "x", "kx", "-", "", NULL },
	{ { "f", "DEFAULT d\nLABEL d\nMENU DISABLE\nKERNEL kd\n" },
	  PXECONF_BOOT, "", "d", "-", "", NULL },
	/* The empty menu returns to the prompt, whose ONTIMEOUT runs. */
	{ { "f", "UI menu.c32\nTIMEOUT 1\n" },
	  PXECONF_WAIT, NULL, NULL, NULL, NULL, "f:1: the menu has no LABEL" },
	{ { "f", "UI menu.c32\nTIMEOUT 1\nONTIMEOUT vmlinuz q\n" },
	  PXECONF_BOOT, "", "vmlinuz", "-", "q", NULL },
	/* A menu module given files; CONFIG; a loop of menus. */
	{ { "f", "DEFAULT l\nLABEL l\nKERNEL vesamenu.c32\nAPPEND sub.menu\n",
	    "sub.menu", "TIMEOUT 5\nLABEL s\nKERNEL ks\nINITRD i1,i2\n" },
	  PXECONF_BOOT, "s", "ks", "i1", "", NULL },
	{ { "f", "DEFAULT l\nLABEL l\nKERNEL menu.c32\nAPPEND colors.cfg ~\n"
	    "TIMEOUT 1\n" },
	  FAILS, NULL, NULL, NULL, NULL,
	  "f:2: labels, menus and CONFIG run each other over 8 times" },
	{ { "f", "DEFAULT c\nLABEL c\nCONFIG other.cfg\n", "other.cfg",
	    "DEFAULT k2 o=1\n" },
	  PXECONF_BOOT, "", "k2", "-", "o=1", NULL },
	{ { "f", "IMPLICIT 0\nDEFAULT vmlinuz\n" },
	  PXECONF_WAIT, NULL, NULL, NULL, NULL,
	  "f:2: vmlinuz names no LABEL and IMPLICIT is 0" },
	/* pxelinux names a label by its first word, menu.c32 by the whole
	 * line, which a command's first word never matches (unlabel()). */
	{ { "f", "DEFAULT foo\nLABEL foo bar\nKERNEL kf\n" },
	  PXECONF_BOOT, "foo", "kf", "-", "", NULL },
	{ { "f", "UI menu.c32\nTIMEOUT 1\nONTIMEOUT foo bar\nLABEL foo bar\n"
	    "KERNEL kf\nLABEL z\nMENU DEFAULT\nKERNEL kz\n" },
	  PXECONF_BOOT, "", "foo", "-", "bar", NULL },
	{ { "f", "DEFAULT menu.c32\nTIMEOUT 1\nLABEL foo bar\nKERNEL kf\n" },
	  PXECONF_BOOT, "foo bar", "kf", "-", "", NULL },
	/* Types: LINUX whatever the name; ".0" is a PXE image. */
	{ { "f", "DEFAULT l\nLABEL l\nLINUX vmlinuz.0\n" },
	  PXECONF_BOOT, "l", "vmlinuz.0", "-", "", NULL },
	{ { "f", "DEFAULT pxelinux.0\n" },
	  FAILS, NULL, NULL, NULL, NULL,
	  "f:1: not a Linux kernel image: pxelinux.0 is a pxe image" },
	/* An implicit kernel: global APPEND first, IPAPPEND strings last. */
	{ { "f", "IPAPPEND 2\nAPPEND g=1\nDEFAULT vmlinuz a=1\n" },
	  PXECONF_BOOT, "", "vmlinuz", "-",
	  "g=1 a=1 BOOTIF=01-52-54-00-12-34-56", NULL },
};

static const char *
load(void *arg, const char *name)
{
	const struct pcase *c = *(const struct pcase **)arg;
	size_t i;

	for (i = 0; i + 1 < sizeof(c->files) / sizeof(c->files[0]) &&
	    c->files[i] != NULL; i += 2)
		if (strcmp(c->files[i], name) == 0)
			return c->files[i + 1];
	return NULL;
}

START_TEST(test_pick)
{
	const struct pcase *c = &cases[_i];
	struct pxeconf_pick pk;
	struct perr err = { .line = 0 };
	int r;

	r = pxt_pick(c->files[0], load, &c, &pk, &err);
	if (c->how == FAILS) {
		ck_assert_int_eq(r, -1);
	} else {
		ck_assert_msg(r == 0, "%s", err.msg);
		ck_assert_msg((int)pk.how == c->how, "how %d: %s",
		    (int)pk.how, err.msg);
	}
	if (c->msg != NULL)
		ck_assert_str_eq(err.msg, c->msg);
	if (c->how != PXECONF_BOOT)
		return;
	ck_assert_str_eq(pk.e.label, c->label);
	ck_assert_str_eq(pk.e.kernel, c->kernel);
	ck_assert_str_eq(pk.e.ninitrd > 0 ? pk.e.initrd[0] : "-", c->initrd);
	ck_assert_str_eq(pk.e.cmdline, c->cmdline);
}
END_TEST

/* A file asked for is named as the configuration names it. */
START_TEST(test_need)
{
	static const char text[] = "INCLUDE ::/pxelinux.cfg/x.cfg tag\n";
	struct pxeconf_src set[1] = { { "f", text, sizeof(text) - 1 } };
	struct pxeconf_pick pk;
	struct perr err;

	ck_assert_int_eq(pxeconf_pick(set, 1, NULL, &pk, &err), 0);
	ck_assert_int_eq(pk.how, PXECONF_NEED);
	ck_assert_str_eq(pk.need, "::/pxelinux.cfg/x.cfg");
}
END_TEST

Suite *
pxeconf_menu_suite(void)
{
	Suite *s = suite_create("pxeconf_menu");
	TCase *tc = tcase_create("pick");

	tcase_add_loop_test(tc, test_pick, 0,
	    (int)(sizeof(cases) / sizeof(cases[0])));
	tcase_add_test(tc, test_need);
	suite_add_tcase(s, tc);
	return s;
}
