// SPDX-License-Identifier: ISC
/*
 * Unit tests for pxecfg-gen's use of dhcpd.conf: subnets with the values a
 * PXE client sees (next-server from the seed's "pxeclients" class, routers,
 * subnet-mask), host blocks as nodes with their own overrides, and host
 * blocks without a fixed address left to the group file.
 */
#include <string.h>

#include "tests.h"

#include "pxecfg-gen/pxecfg_dhcp.h"

static const char conf[] =
    "class \"http\" {\n"
    "  match if substring (option vendor-class-identifier, 0, 10) = "
    "\"HTTPClient\";\n"
    "  next-server 203.0.113.99;\n"
    "}\n"
    "subnet 192.0.2.0 netmask 255.255.255.0 {\n"
    "  class \"pxeclients\" {\n"
    "    match if substring (option vendor-class-identifier, 0, 9) = "
    "\"PXEClient\";\n"
    "    filename \"pxelinux.0\";\n"
    "    next-server 192.0.2.1;\n"
    "  }\n"
    "  host node1 { hardware ethernet fe:ed:fa:ce:de:ad; "
    "fixed-address 192.0.2.2; }\n"
    "  host node2 { hardware ethernet be:ef:fe:ed:fa:ce; "
    "fixed-address 192.0.2.3; next-server 192.0.2.5; }\n"
    "  host dyn { hardware ethernet 02:00:00:00:00:09; }\n"
    "}\n"
    "subnet 198.51.100.0 netmask 255.255.255.0 {\n"
    "  option routers 198.51.100.254, 198.51.100.253;\n"
    "  option subnet-mask 255.255.255.128;\n"
    "  next-server 198.51.100.1;\n"
    "  range 198.51.100.10 198.51.100.20;\n"
    "}\n";

START_TEST(test_dhcpconf)
{
	struct dhcpconf dc;
	struct pxecfg_nodes t = { 0 };
	struct perr err;

	memset(&dc, 0, sizeof(dc));
	ck_assert_msg(dhcpconf_parse(&dc, conf, sizeof(conf) - 1,
	    "dhcpd.conf", &err) == 0, "%s", err.msg);
	ck_assert_int_eq(pxecfg_from_dhcpconf(&t, &dc, &err), 0);
	ck_assert_uint_eq(t.nsub, 2);
	ck_assert_uint_eq(t.sub[0].net, 0xc0000200);
	ck_assert_uint_eq(t.sub[0].mask, 0xffffff00);
	ck_assert_uint_eq(t.sub[0].server, 0xc0000201);	/* the class */
	ck_assert_uint_eq(t.sub[0].gateway, 0);
	ck_assert_uint_eq(t.sub[0].line, 5);
	ck_assert_uint_eq(t.sub[1].mask, 0xffffff80);	/* the option */
	ck_assert_uint_eq(t.sub[1].server, 0xc6336401);
	ck_assert_uint_eq(t.sub[1].gateway, 0xc63364fe);
	ck_assert_uint_eq(t.n, 2);			/* not "dyn" */
	ck_assert_str_eq(t.v[0].name, "node1");
	ck_assert_uint_eq(t.v[0].ip, 0xc0000202);
	ck_assert_uint_eq(t.v[0].src, PXECFG_SRC_DHCPD);
	ck_assert_str_eq(t.v[0].file, "dhcpd.conf");
	ck_assert_uint_eq(t.v[0].line, 11);
	ck_assert_uint_eq(t.v[0].server, 0xc0000201);
	ck_assert_str_eq(t.v[1].name, "node2");
	ck_assert_uint_eq(t.v[1].server, 0xc0000205);	/* its own */
	ck_assert_int_eq(pxecfg_nodes_assign(&t, &err), 0);
	ck_assert_uint_eq(t.v[1].subnet, 0);
	pxecfg_nodes_free(&t);
	dhcpconf_free(&dc);
}
END_TEST

Suite *
pxecfg_dhcp_suite(void)
{
	Suite *s = suite_create("pxecfg_dhcp");
	TCase *tc = tcase_create("core");

	tcase_add_test(tc, test_dhcpconf);
	suite_add_tcase(s, tc);
	return s;
}
