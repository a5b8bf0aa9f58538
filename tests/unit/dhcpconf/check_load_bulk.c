// SPDX-License-Identifier: ISC
/*
 * Bounded-size regression tests for loading a big cluster: 100000 ethers
 * + hosts lines through every core that joins them (the tables, dhcpd-pxe's
 * ethers-hosts hosts, pxecfg-gen's node table and plan), with the results
 * and the first-one-wins duplicate rules checked.  A lookup that scans
 * (quadratic: 40000 lines took a minute) cannot finish within the case's
 * timeout; the hash indexes' probe counters, bounded by a few per line,
 * say the same without a clock.
 */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "tests.h"

#include "dhcpconf/dhcpconf.h"
#include "pxecfg-gen/pxecfg_plan.h"

#define NODES	100000
#define PROBES	(6 * NODES)	/* linear; a scan is ~NODES per line */

static struct ethers e;
static struct hosts h;

/* node<i> is 02:00:00:<i> at 10.<i>; extra lines are appended after. */
static void
load(const char *ethers_extra, const char *hosts_extra)
{
	size_t cap = (size_t)NODES * 40 + 256, el = 0, hl = 0, i;
	char *et = malloc(cap), *ht = malloc(cap);
	struct perr err;

	ck_assert_ptr_nonnull(et);
	ck_assert_ptr_nonnull(ht);
	for (i = 1; i <= NODES; i++) {
		el += (size_t)snprintf(et + el, cap - el, "02:00:00:%02zx:%02zx:"
		    "%02zx node%zu\n", i >> 16, (i >> 8) & 255, i & 255, i);
		hl += (size_t)snprintf(ht + hl, cap - hl, "10.%zu.%zu.%zu "
		    "node%zu\n", i >> 16, (i >> 8) & 255, i & 255, i);
	}
	el += strlcpy(et + el, ethers_extra, cap - el);
	hl += strlcpy(ht + hl, hosts_extra, cap - hl);
	memset(&e, 0, sizeof(e));
	memset(&h, 0, sizeof(h));
	ck_assert_int_eq(ethers_parse(&e, et, el, "ethers", &err), 0);
	ck_assert_int_eq(hosts_parse(&h, ht, hl, "hosts", &err), 0);
	free(et);
	free(ht);
	ck_assert_uint_le(e.by_mac.probes + e.by_name.probes, 2 * PROBES);
	ck_assert_uint_le(h.by_name.probes + h.by_ip.probes, 2 * PROBES);
}

static void
teardown(void)
{
	ethers_free(&e);
	hosts_free(&h);
}

START_TEST(test_tables)
{
	uint8_t mac[MAC_LEN] = { 2, 0, 0, 0, 0, 0 };
	const struct ethers_ent *en;
	const struct hosts_ent *he;
	size_t i, bad = 0;

	load("02:00:00:00:00:09 again9\n", "10.0.0.9 alias9\n");
	ck_assert_uint_eq(e.n, NODES + 1);
	ck_assert_uint_eq(h.n, NODES + 1);
	for (i = 1; i <= NODES; i++) {	/* no ck_assert: each is a write */
		mac[3] = (uint8_t)(i >> 16);
		mac[4] = (uint8_t)(i >> 8);
		mac[5] = (uint8_t)i;
		en = ethers_by_mac(&e, mac);
		he = en == NULL ? NULL : hosts_by_name(&h, en->name);
		bad += en == NULL || en->line != i || he == NULL ||
		    he->line != i || hosts_by_ip(&h, he->ip) != he ||
		    ethers_by_name(&e, he->name) != en;
	}
	ck_assert_uint_eq(bad, 0);
	ck_assert_uint_eq(ethers_by_name(&e, "again9")->line, NODES + 1);
	ck_assert_uint_eq(hosts_by_name(&h, "ALIAS9")->line, NODES + 1);
	ck_assert_str_eq(hosts_by_ip(&h, 0x0a000009)->name, "node9");
}
END_TEST

static const char conf[] =
    "subnet 10.0.0.0 netmask 255.0.0.0 { next-server 10.255.255.254; }\n"
    "host cfg5 { hardware ethernet 02:00:00:00:00:05; "
    "fixed-address 10.0.0.5; }\n"
    "host NODE7 { hardware ethernet 02:99:00:00:00:07; "
    "fixed-address 10.200.0.7; }\n";

/* dhcpd-pxe's ethers-hosts: the config's hosts win, then the first line. */
START_TEST(test_dhcpconf)
{
	struct dhcpconf c;
	struct perr err;
	const struct dc_host *x;

	load("02:00:00:00:00:09 again9\n02:aa:00:00:00:0a node10\n", "");
	ck_assert_int_eq(dhcpconf_parse(&c, conf, strlen(conf), "t.conf",
	    &err), 0);
	ck_assert_int_eq(dhcpconf_add_ethers(&c, &e, "ethers", &h, &err), 0);
	/* 2 config hosts; ethers lines 5, 7 and both extra lines skipped */
	ck_assert_uint_eq(c.nhosts, 2 + NODES - 2);
	ck_assert_str_eq(dhcpconf_host_by_mac(&c, e.v[4].mac)->name, "cfg5");
	ck_assert_str_eq(dhcpconf_host_by_name(&c, "node7")->file, "t.conf");
	ck_assert_ptr_null(dhcpconf_host_by_name(&c, "again9"));
	x = dhcpconf_host_by_name(&c, "node10");
	ck_assert_uint_eq(x->line, 10);
	ck_assert_uint_eq(x->fixed, 0x0a00000a);
	x = &c.hosts[c.nhosts - 1];
	ck_assert_str_eq(x->name, "node100000");
	ck_assert_uint_eq(x->fixed, 0x0a0186a0);
	ck_assert_int_eq(x->subnet, 0);
	dhcpconf_free(&c);
	/* A clash is still reported with both places. */
	ck_assert_int_eq(dhcpconf_parse(&c, conf, strlen(conf), "t.conf",
	    &err), 0);
	ethers_free(&e);
	hosts_free(&h);
	load("02:bb:00:00:00:01 dup\n", "10.1.134.160 dup\n");
	ck_assert_int_eq(dhcpconf_add_ethers(&c, &e, "ethers", &h, &err), -1);
	ck_assert_str_eq(err.msg, "ethers:100001: host dup: 10.1.134.160 also "
	    "belongs to host node100000 (ethers:100000)");
	dhcpconf_free(&c);
}
END_TEST

/* pxecfg-gen: node table, then the plan of every file. */
START_TEST(test_pxecfg)
{
	struct pxecfg_subnet s = { .net = 0x0a000000, .mask = 0xff000000,
	    .server = 0x0afffffe, .file = "dhcpd.conf", .line = 1 };
	struct pxecfg_nodes t = { 0 };
	struct pxecfg_plan pl = { 0 };
	struct pxecfg_conf *c = calloc(1, sizeof(*c));
	struct perr err;

	ck_assert_ptr_nonnull(c);
	pxecfg_conf_init(c);
	load("02:00:00:00:00:09 node9\n", "");
	ck_assert_int_eq(pxecfg_subnet_add(&t, &s, &err), 0);
	ck_assert_int_eq(pxecfg_nodes_from_ethers(&t, &e, &h, "ethers", &err),
	    -1);
	ck_assert_str_eq(err.msg, "ethers:100001: node9: MAC 02:00:00:00:00:09 "
	    "already used by node9 (ethers:9)");
	ck_assert_uint_eq(t.n, NODES);
	ck_assert_uint_le(t.by_mac.probes + t.by_ip.probes, 2 * PROBES);
	ck_assert_int_eq(pxecfg_nodes_assign(&t, &err), 0);
	ck_assert_int_eq(pxecfg_plan_build(&pl, c, &t, &err), 0);
	ck_assert_uint_eq(pl.n, NODES + 2);	/* + group file, default */
	ck_assert_str_eq(pl.v[NODES - 1].name, "0A0186A0");
	ck_assert_uint_le(pl.idx.probes, PROBES);
	pxecfg_plan_free(&pl);
	pxecfg_nodes_free(&t);
	pxecfg_conf_free(c);
	free(c);
}
END_TEST

Suite *
load_bulk_suite(void)
{
	Suite *s = suite_create("load_bulk");
	TCase *tc = tcase_create("bulk");

	tcase_add_checked_fixture(tc, NULL, teardown);
	/* 0.5-2.2 s each under ASan when linear; many minutes if quadratic. */
	tcase_set_timeout(tc, 60);
	tcase_add_test(tc, test_tables);
	tcase_add_test(tc, test_dhcpconf);
	tcase_add_test(tc, test_pxecfg);
	suite_add_tcase(s, tc);
	return s;
}
