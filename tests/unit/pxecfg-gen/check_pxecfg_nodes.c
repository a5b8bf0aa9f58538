// SPDX-License-Identifier: ISC
/*
 * Unit tests for pxecfg-gen's node table: ethers resolved through hosts,
 * the same node from two sources, and the conflicts that must be errors
 * with both places named (MAC twice, address twice, unknown host, node in
 * no subnet, subnet without a server), and node names that may not be
 * written into a boot file, whatever their source; and a table
 * without nodes.
 */
#include <string.h>

#include "tests.h"

#include "pxecfg-gen/pxecfg_nodes.h"

static struct pxecfg_nodes t;
static struct ethers e;
static struct hosts h;

static void
setup(void)
{
	memset(&t, 0, sizeof(t));
	memset(&e, 0, sizeof(e));
	memset(&h, 0, sizeof(h));
}

static void
teardown(void)
{
	pxecfg_nodes_free(&t);
	ethers_free(&e);
	hosts_free(&h);
}

static int
load(const char *ethers, const char *hosts, struct perr *err)
{
	ck_assert_int_eq(hosts_parse(&h, hosts, strlen(hosts), "hosts", err),
	    0);
	ck_assert_int_eq(ethers_parse(&e, ethers, strlen(ethers), "ethers",
	    err), 0);
	return pxecfg_nodes_from_ethers(&t, &e, &h, "ethers", err);
}

static void
subnet(uint32_t net, int len, uint32_t server)
{
	struct pxecfg_subnet s = { .net = net, .mask = ip4_len_mask(len),
	    .server = server, .file = "dhcpd.conf", .line = 7 };
	struct perr err;

	ck_assert_int_eq(pxecfg_subnet_add(&t, &s, &err), 0);
}

static const char hosts_txt[] =
    "127.0.0.1 localhost\n"
    "192.0.2.3 node2 n2\n"
    "192.0.2.2 node1\n"
    "198.51.100.9 far\n";

START_TEST(test_resolve)
{
	struct perr err;

	/* An alias resolves too; the node keeps the name ethers gives. */
	ck_assert_int_eq(load("fe:ed:fa:ce:de:ad node1\n"
	    "be:ef:fe:ed:fa:ce n2\n", hosts_txt, &err), 0);
	ck_assert_uint_eq(t.n, 2);
	ck_assert_str_eq(t.v[0].name, "node1");
	ck_assert_uint_eq(t.v[0].ip, 0xc0000202);
	ck_assert_uint_eq(t.v[0].line, 1);
	ck_assert_str_eq(t.v[1].name, "n2");
	ck_assert_uint_eq(t.v[1].ip, 0xc0000203);
	ck_assert_uint_eq(t.v[1].src, PXECFG_SRC_ETHERS);
}
END_TEST

START_TEST(test_assign)
{
	struct perr err;

	ck_assert_int_eq(load("be:ef:fe:ed:fa:ce n2\n"
	    "fe:ed:fa:ce:de:ad node1\n"
	    "2:0:0:0:0:1 192.0.2.9\n", hosts_txt, &err), 0);
	subnet(0xc0000000, 16, 0xc0000001);
	subnet(0xc0000200, 24, 0xc0000201);
	ck_assert_int_eq(pxecfg_nodes_assign(&t, &err), 0);
	ck_assert_uint_eq(t.n, 3);
	ck_assert_str_eq(t.v[0].name, "node1");
	ck_assert_uint_eq(t.v[0].ip, 0xc0000202);
	ck_assert_str_eq(t.v[1].name, "n2");
	ck_assert_uint_eq(t.v[1].ip, 0xc0000203);
	ck_assert_str_eq(t.v[2].name, "192.0.2.9");	/* not in hosts */
	ck_assert_uint_eq(t.v[2].subnet, 1);		/* the narrowest */
	ck_assert_ptr_eq(pxecfg_nodes_by_name(&t, "N2"), &t.v[1]);
}
END_TEST

START_TEST(test_ip_name)
{
	struct perr err;

	ck_assert_int_eq(load("2:0:0:0:0:1 192.0.2.3\n", hosts_txt, &err), 0);
	ck_assert_str_eq(t.v[0].name, "node2");
}
END_TEST

static const struct {
	const char	*ethers;
	const char	*msg;
} conflicts[] = {
	{ "fe:ed:fa:ce:de:ad node1\nbe:ef:fe:ed:fa:ce node2\n"
	  "FE-ED-FA-CE-DE-AD node1\n",
	  "ethers:3: node1: MAC fe:ed:fa:ce:de:ad already used by node1 "
	  "(ethers:1)" },
	{ "fe:ed:fa:ce:de:ad node1\nbe:ef:fe:ed:fa:ce node1\n",
	  "ethers:2: node1: address 192.0.2.2 already used by node1 "
	  "(ethers:1)" },
	{ "fe:ed:fa:ce:de:ad node2\nbe:ef:fe:ed:fa:ce n2\n",
	  "ethers:2: n2: address 192.0.2.3 already used by node2 "
	  "(ethers:1)" },
	{ "fe:ed:fa:ce:de:ad nodeX\n",
	  "ethers:1: unknown host nodeX (not in the hosts file)" },
	/* MAC of one node, address of another: the earlier one is named */
	{ "fe:ed:fa:ce:de:ad node1\nbe:ef:fe:ed:fa:ce node2\n"
	  "BE:EF:FE:ED:FA:CE node1\n",
	  "ethers:3: node1: address 192.0.2.2 already used by node1 "
	  "(ethers:1)" },
	{ "be:ef:fe:ed:fa:ce node2\nfe:ed:fa:ce:de:ad node1\n"
	  "BE:EF:FE:ED:FA:CE node1\n",
	  "ethers:3: node1: MAC be:ef:fe:ed:fa:ce already used by node2 "
	  "(ethers:1)" },
};

START_TEST(test_conflicts)
{
	struct perr err;

	ck_assert_int_eq(load(conflicts[_i].ethers, hosts_txt, &err), -1);
	ck_assert_str_eq(err.msg, conflicts[_i].msg);
}
END_TEST

static void
add_dhcpd(const char *name, uint8_t last, uint32_t ip, unsigned line)
{
	struct pxecfg_node nd = { .ip = ip, .src = PXECFG_SRC_DHCPD,
	    .file = "dhcpd.conf", .line = line };
	struct perr err;

	strlcpy(nd.name, name, sizeof(nd.name));
	memcpy(nd.mac, "\xfe\xed\xfa\xce\xde\x00", MAC_LEN);
	nd.mac[5] = last;
	ck_assert_int_eq(pxecfg_nodes_add(&t, &nd, &err), 0);
}

START_TEST(test_two_sources)
{
	struct perr err;

	/* The seed: node1 in dhcpd.conf and in ethers, same MAC and address;
	 * nodeZ only in dhcpd.conf but named in ethers. */
	add_dhcpd("node1", 0xad, 0xc0000202, 30);
	add_dhcpd("nodeZ", 0x01, 0xc0000220, 34);
	ck_assert_int_eq(load("fe:ed:fa:ce:de:ad node1\n"
	    "fe:ed:fa:ce:de:01 nodeZ\n", hosts_txt, &err), 0);
	ck_assert_uint_eq(t.n, 2);
	ck_assert_str_eq(t.v[0].file, "dhcpd.conf");
	pxecfg_nodes_free(&t);
	ethers_free(&e);
	hosts_free(&h);
	add_dhcpd("node1", 0xad, 0xc0000205, 30);
	ck_assert_int_eq(load("fe:ed:fa:ce:de:ad node1\n", hosts_txt, &err),
	    -1);
	ck_assert_str_eq(err.msg, "ethers:1: node1: MAC fe:ed:fa:ce:de:ad has "
	    "address 192.0.2.2 here but 192.0.2.5 at dhcpd.conf:30");
}
END_TEST

START_TEST(test_no_subnet)
{
	struct perr err;

	ck_assert_int_eq(load("fe:ed:fa:ce:de:ad far\n", hosts_txt, &err), 0);
	subnet(0xc0000200, 24, 0xc0000201);
	ck_assert_int_eq(pxecfg_nodes_assign(&t, &err), -1);
	ck_assert_str_eq(err.msg, "ethers:1: far: address 198.51.100.9 is in "
	    "no subnet");
	subnet(0xc6336400, 24, 0);
	ck_assert_int_eq(pxecfg_nodes_assign(&t, &err), -1);
	ck_assert_str_eq(err.msg, "dhcpd.conf:7: subnet 198.51.100.0 netmask "
	    "255.255.255.0: no next-server for far (use --server)");
}
END_TEST

/* What dhcpd.conf can quote as a host name, and ISC accepts. */
static const char *const bad_names[] = {
	"evil\nKERNEL http://198.51.100.66/x", "a b", "a\tb", "a\"b",
	"a'b", "$(reboot)", "a;b", "a/b", "../x", "-a", "", "\033[2J",
	"n\303\251", "a\\b", "a`b`", "a\rb",
};

START_TEST(test_bad_name)
{
	struct pxecfg_node nd = { .ip = 0xc0000202, .mac = { 2, 0, 0, 0, 0,
	    1 }, .src = PXECFG_SRC_DHCPD, .file = "dhcpd.conf", .line = 5 };
	struct perr err;
	const char *want = "dhcpd.conf:5: bad node name '";

	strlcpy(nd.name, bad_names[_i], sizeof(nd.name));
	ck_assert_int_eq(pxecfg_nodes_add(&t, &nd, &err), -1);
	ck_assert_uint_eq(t.n, 0);
	ck_assert_int_eq(strncmp(err.msg, want, strlen(want)), 0);
	ck_assert_ptr_null(strpbrk(err.msg, "\n\r\t\033"));
	strlcpy(nd.name, "node-1.example_x", sizeof(nd.name));
	ck_assert_int_eq(pxecfg_nodes_add(&t, &nd, &err), 0);
	ck_assert_uint_eq(t.n, 1);
}
END_TEST

START_TEST(test_bad_name_msg)
{
	struct pxecfg_node nd = { .ip = 0xc0000202, .src = PXECFG_SRC_DHCPD,
	    .file = "dhcpd.conf", .line = 2 };
	struct perr err;

	strlcpy(nd.name, bad_names[0], sizeof(nd.name));
	ck_assert_int_eq(pxecfg_nodes_add(&t, &nd, &err), -1);
	ck_assert_str_eq(err.msg, "dhcpd.conf:2: bad node name 'evil\\nKERNEL "
	    "http://198.51.100.66/x' (a node name is letters, digits, '-', "
	    "'.' and '_')");
}
END_TEST

/*
 * No nodes at all (a dhcpd.conf with subnets only, an empty ethers): the
 * table's array is NULL, which qsort() must not be given even with 0
 * elements (glibc declares it nonnull; UBSan's nonnull-attribute check).
 */
START_TEST(test_assign_empty)
{
	struct perr err;

	subnet(0xc0000200, 24, 0xc0000201);
	ck_assert_ptr_null(t.v);
	ck_assert_int_eq(pxecfg_nodes_assign(&t, &err), 0);
	ck_assert_uint_eq(t.n, 0);
}
END_TEST

Suite *
pxecfg_nodes_suite(void)
{
	Suite *s = suite_create("pxecfg_nodes");
	TCase *tc = tcase_create("core");

	tcase_add_checked_fixture(tc, setup, teardown);
	tcase_add_test(tc, test_resolve);
	tcase_add_test(tc, test_assign);
	tcase_add_test(tc, test_ip_name);
	tcase_add_loop_test(tc, test_conflicts, 0,
	    sizeof(conflicts) / sizeof(conflicts[0]));
	tcase_add_test(tc, test_two_sources);
	tcase_add_test(tc, test_no_subnet);
	tcase_add_loop_test(tc, test_bad_name, 0,
	    sizeof(bad_names) / sizeof(bad_names[0]));
	tcase_add_test(tc, test_bad_name_msg);
	tcase_add_test(tc, test_assign_empty);
	suite_add_tcase(s, tc);
	return s;
}
