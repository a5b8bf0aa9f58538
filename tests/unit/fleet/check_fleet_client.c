// SPDX-License-Identifier: ISC
/*
 * Unit tests for the generator's client (fleet/fl_client.c, fl_dhcpc.c,
 * fl_boot.c) against a pretend server (fleet_srv.h): the order of its
 * TFTP requests.  With qemu's zero UUID and a per-node file at the hex
 * address it asks exactly what the lab's qemu node asked (DESIGN.md; the
 * lab's capture): pxelinux.0, ldlinux.c32, 01-MAC, C0000265, vmlinuz,
 * rootfs.gz.  With a UUID every name of pxelinux's order is asked, misses
 * included, down to "default"; names follow the boot file's directory; an
 * INCLUDE is fetched; a name that never answers is given up after
 * pxelinux's 31 tries (about 130 s) and the next one asked; and the endings: no
 * configuration, no DHCP answer (iPXE: 4 DISCOVERs, 15 s), the time limit.
 */
#include <stdio.h>
#include <string.h>

#include "tests.h"
#include "fleet_srv.h"

#define SEC	1000000LL

static const uint8_t mac1[MAC_LEN] = { 0x52, 0x54, 0x00, 0x0b, 0x00, 0x01 };
static const char cfg_lab[] = "DEFAULT node\nLABEL node\n  KERNEL vmlinuz\n"
    "  APPEND initrd=rootfs.gz ip=dhcp\n";

static struct fl_conf conf;
static struct fl_client cl;
static struct srv sv;
static struct fl_rec recs[64];

static void
setup(enum fl_sched sched, bool zero_uuid, const struct sfile *files,
    const char *bootfile)
{
	uint8_t uuid[FL_UUID_LEN];
	size_t i;

	memset(&conf, 0, sizeof(conf));
	conf.sched = sched;
	memset(uuid, 0, sizeof(uuid));
	if (!zero_uuid)
		for (i = 0; i < FL_UUID_LEN; i++)
			uuid[i] = (uint8_t)(0x10 * i + 1);	/* [6] = 0x61 */
	fl_client_init(&cl, &conf, 0, mac1, uuid, 1);
	memset(&sv, 0, sizeof(sv));
	sv.files = files;
	sv.bootfile = bootfile;
	sv.pxeclient = true;
	sv.now = 1000;
}

static void
names_are(const char *const *want, size_t n)
{
	size_t i;

	for (i = 0; i < n && i < sv.nrrq; i++)
		ck_assert_str_eq(sv.rrq[i], want[i]);
	ck_assert_uint_eq(sv.nrrq, n);
}

/* The last record: the boot's, with result want. */
static void
ends(size_t nrec, const char *want)
{
	ck_assert_uint_gt(nrec, 0);
	ck_assert_str_eq(recs[nrec - 1].phase, "boot");
	ck_assert_str_eq(recs[nrec - 1].result, want);
	ck_assert(fl_client_ended(&cl));
}

START_TEST(test_as_qemu)
{
	static const struct sfile files[] = {
		{ "pxelinux.0", NULL, 42430 }, { "ldlinux.c32", NULL, 119524 },
		{ "pxelinux.cfg/C0000265", cfg_lab, 0 },
		{ "vmlinuz", NULL, 300000 }, { "rootfs.gz", NULL, 100000 },
		{ NULL, NULL, 0 }
	};
	static const char *const want[] = {
		"pxelinux.0", "ldlinux.c32",
		"pxelinux.cfg/01-52-54-00-0b-00-01", "pxelinux.cfg/C0000265",
		"vmlinuz", "rootfs.gz"
	};
	size_t n;

	setup(FL_S_IPXE, true, files, "pxelinux.0");
	n = srv_run(&sv, &cl, recs, 64, 100000);
	names_are(want, 6);
	ends(n, "booted");
	ck_assert_uint_eq(sv.dhcp, 2);		/* DISCOVER, REQUEST */
	ck_assert_uint_eq(cl.retrans, 0);
	ck_assert_uint_eq(cl.ip, SRV_YIADDR);
	ck_assert_str_eq(recs[0].phase, "dhcp");
	ck_assert_str_eq(recs[3].phase, "cfg");
	ck_assert_str_eq(recs[3].result, "miss");
	ck_assert_str_eq(recs[4].result, "ok");
	ck_assert_uint_eq(recs[5].bytes, 300000);
	ck_assert_str_eq(recs[6].phase, "initrd");
	ck_assert_uint_eq(recs[7].bytes, 42430 + 119524 +
	    strlen(cfg_lab) + 300000 + 100000);
}
END_TEST

START_TEST(test_full_order)
{
	static const char cfg[] = "DEFAULT a\nLABEL a\nKERNEL k\n"
	    "APPEND initrd=i1,i2\n";
	static const struct sfile files[] = {
		{ "boot/pxe.0", NULL, 100 }, { "boot/ldlinux.c32", NULL, 10 },
		{ "boot/pxelinux.cfg/default", cfg, 0 },
		{ "boot/k", NULL, 5000 }, { "boot/i1", NULL, 1408 },
		{ "boot/i2", NULL, 0 }, { NULL, NULL, 0 }
	};
	static const char *const want[] = {
		"boot/pxe.0", "boot/ldlinux.c32",
		"boot/pxelinux.cfg/01112131-4151-6171-8191-a1b1c1d1e1f1",
		"boot/pxelinux.cfg/01-52-54-00-0b-00-01",
		"boot/pxelinux.cfg/C0000265", "boot/pxelinux.cfg/C000026",
		"boot/pxelinux.cfg/C00002", "boot/pxelinux.cfg/C0000",
		"boot/pxelinux.cfg/C000", "boot/pxelinux.cfg/C00",
		"boot/pxelinux.cfg/C0", "boot/pxelinux.cfg/C",
		"boot/pxelinux.cfg/default", "boot/k", "boot/i1", "boot/i2"
	};
	size_t n;

	setup(FL_S_PXE, false, files, "boot/pxe.0");
	n = srv_run(&sv, &cl, recs, 64, 100000);
	names_are(want, 16);
	ends(n, "booted");
}
END_TEST

/* -c: done once the entry is picked; neither kernel nor initrd read. */
START_TEST(test_cfg_only)
{
	static const struct sfile files[] = {
		{ "pxelinux.0", NULL, 42430 }, { "ldlinux.c32", NULL, 119524 },
		{ "pxelinux.cfg/C0000265", cfg_lab, 0 },
		{ "vmlinuz", NULL, 300000 }, { "rootfs.gz", NULL, 100000 },
		{ NULL, NULL, 0 }
	};
	static const char *const want[] = {
		"pxelinux.0", "ldlinux.c32",
		"pxelinux.cfg/01-52-54-00-0b-00-01", "pxelinux.cfg/C0000265"
	};
	size_t n;

	setup(FL_S_IPXE, true, files, "pxelinux.0");
	conf.cfg_only = true;
	n = srv_run(&sv, &cl, recs, 64, 100000);
	names_are(want, 4);
	ends(n, "booted");
	ck_assert_uint_eq(recs[n - 1].bytes, 42430 + 119524 + strlen(cfg_lab));
}
END_TEST

START_TEST(test_include)
{
	static const char main_cfg[] = "INCLUDE common.cfg\nDEFAULT n\n";
	static const char inc[] = "LABEL n\nKERNEL vmlinuz\n";
	static const struct sfile files[] = {
		{ "pxelinux.0", NULL, 10 }, { "ldlinux.c32", NULL, 10 },
		{ "pxelinux.cfg/default", main_cfg, 0 },
		{ "common.cfg", inc, 0 }, { "vmlinuz", NULL, 10 },
		{ NULL, NULL, 0 }
	};
	size_t n;

	setup(FL_S_PXE, true, files, "pxelinux.0");
	n = srv_run(&sv, &cl, recs, 64, 100000);
	ends(n, "booted");
	ck_assert_str_eq(sv.rrq[sv.nrrq - 2], "common.cfg");
	ck_assert_str_eq(sv.rrq[sv.nrrq - 1], "vmlinuz");
}
END_TEST

/* A name the server never answers: 31 RRQs over ~2 min, then the next. */
START_TEST(test_silent_name)
{
	static const struct sfile files[] = {
		{ "pxelinux.0", NULL, 10 }, { "ldlinux.c32", NULL, 10 },
		{ "pxelinux.cfg/C0000265", cfg_lab, 0 },
		{ "vmlinuz", NULL, 10 }, { "rootfs.gz", NULL, 10 },
		{ NULL, NULL, 0 }
	};
	int64_t t0;
	size_t n, i, asked = 0;

	setup(FL_S_PXE, true, files, "pxelinux.0");
	sv.drop = "pxelinux.cfg/01-52-54-00-0b-00-01";
	t0 = sv.now;
	n = srv_run(&sv, &cl, recs, 64, 100000);
	ends(n, "booted");
	for (i = 0; i < sv.nrrq; i++)
		asked += strcmp(sv.rrq[i], sv.drop) == 0;
	ck_assert_uint_eq(asked, 31);
	ck_assert_str_eq(recs[3].result, "timeout");
	ck_assert_uint_eq(recs[3].retrans, 30);
	ck_assert_int_gt(recs[3].t1 - recs[3].t0, 2351 * FL_TICK_US);
	ck_assert_int_le(recs[3].t1 - recs[3].t0, 2382 * FL_TICK_US);
	ck_assert_int_gt(sv.now - t0, 129 * SEC);
}
END_TEST

START_TEST(test_endings)
{
	static const struct sfile nocfg[] = {
		{ "pxelinux.0", NULL, 10 }, { "ldlinux.c32", NULL, 10 },
		{ NULL, NULL, 0 }
	};
	size_t n;

	setup(FL_S_PXE, true, nocfg, "pxelinux.0");
	n = srv_run(&sv, &cl, recs, 64, 100000);
	ends(n, "gave-up: no pxelinux.cfg file");
	ck_assert_str_eq(sv.rrq[sv.nrrq - 1], "pxelinux.cfg/default");
	/* iPXE with no DHCP server: DISCOVERs at 0, 1, 3, 7 s, 15 s */
	setup(FL_S_IPXE, true, nocfg, "pxelinux.0");
	sv.silent = true;
	n = srv_run(&sv, &cl, recs, 64, 100000);
	ends(n, "gave-up: dhcp: no offer");
	ck_assert_uint_eq(sv.dhcp, 4);
	ck_assert_int_eq(recs[n - 1].t1 - recs[n - 1].t0, 15 * SEC);
	/* a client limit of 10 s: the PXE schedule is still waiting */
	setup(FL_S_PXE, true, nocfg, "pxelinux.0");
	sv.silent = true;
	conf.limit = 10 * SEC;
	n = srv_run(&sv, &cl, recs, 64, 100000);
	ends(n, "gave-up: client time limit in dhcp");
	ck_assert_int_eq(recs[n - 1].t1 - recs[n - 1].t0, 10 * SEC);
	ck_assert_uint_eq(sv.dhcp, 2);		/* 0 s and 4 +- 1 s */
	/* the boot file missing */
	setup(FL_S_PXE, true, nocfg, "nbp.0");
	n = srv_run(&sv, &cl, recs, 64, 100000);
	ends(n, "gave-up: nbp nbp.0: miss");
}
END_TEST

/* An .efi boot file (syslinux.efi) loads ldlinux.e64. */
START_TEST(test_efi)
{
	static const struct sfile files[] = {
		{ "efi64/syslinux.efi", NULL, 200000 },
		{ "efi64/ldlinux.e64", NULL, 100000 },
		{ "efi64/pxelinux.cfg/default", cfg_lab, 0 },
		{ "efi64/vmlinuz", NULL, 10 }, { "efi64/rootfs.gz", NULL, 10 },
		{ NULL, NULL, 0 }
	};
	size_t n;

	setup(FL_S_IPXE, true, files, "efi64/syslinux.efi");
	conf.arch = FL_ARCH_EFI;
	n = srv_run(&sv, &cl, recs, 64, 100000);
	ends(n, "booted");
	ck_assert_str_eq(sv.rrq[1], "efi64/ldlinux.e64");
}
END_TEST

/* Without "PXEClient" in the offer, iPXE waits 2 s for ProxyDHCP. */
START_TEST(test_proxy_wait)
{
	static const struct sfile files[] = { { NULL, NULL, 0 } };
	size_t n;

	setup(FL_S_IPXE, true, files, "pxelinux.0");
	sv.pxeclient = false;
	n = srv_run(&sv, &cl, recs, 64, 100000);
	ck_assert_uint_gt(n, 0);
	ck_assert_str_eq(recs[0].phase, "dhcp");
	/* DISCOVERs at 0 and 1 s; the REQUEST at the 3 s expiry */
	ck_assert_int_eq(recs[0].t1 - recs[0].t0, 3 * SEC);
	ck_assert_uint_eq(recs[0].sent, 3);
}
END_TEST

Suite *
fleet_client_suite(void)
{
	Suite *s = suite_create("fleet_client");
	TCase *tc = tcase_create("core");

	tcase_add_test(tc, test_as_qemu);
	tcase_add_test(tc, test_full_order);
	tcase_add_test(tc, test_cfg_only);
	tcase_add_test(tc, test_include);
	tcase_add_test(tc, test_silent_name);
	tcase_add_test(tc, test_endings);
	tcase_add_test(tc, test_efi);
	tcase_add_test(tc, test_proxy_wait);
	suite_add_tcase(s, tc);
	return s;
}
