// SPDX-License-Identifier: ISC
/*
 * Unit tests for dhcpconf/dhcpconf*.c: the seed's dhcpd.conf, scope chains
 * and precedence, class matches, ethers(5)+hosts(5) hosts, print-then-parse
 * round trips and every prefix of a config (errors: check_dhcpconf_err.c).
 */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "tests.h"

#include "dhcpconf/dhcpconf.h"

static const char seed[] =
    "ddns-update-style none;\n"
    "option space PXE;\n"
    "option PXE.mtftp-ip code 1 = ip-address;\n"
    "option PXE.mtftp-cport code 2 = unsigned integer 16;\n"
    "subnet 192.168.1.0 netmask 255.255.255.0 {\n"
    "  class \"pxeclients\" {\n"
    "    match if substring (option vendor-class-identifier, 0, 9) = "
    "\"PXEClient\";\n"
    "    option vendor-class-identifier \"PXEClient\";\n"
    "    vendor-option-space PXE;\n"
    "    option PXE.mtftp-ip 0.0.0.0;\n"
    "    filename \"pxelinux.0\";\n"
    "    next-server 192.168.1.1;\n"
    "  }\n"
    "  pool {\n"
    "    max-lease-time 86400;\n"
    "    default-lease-time 86400;\n"
    "    range 192.168.1.2 192.168.1.254;\n"
    "    deny unknown clients;\n"
    "  }\n"
    "  host node1 {\n"
    "    hardware ethernet fe:ed:fa:ce:de:ad;\n"
    "    fixed-address 192.168.1.2;\n"
    "  }\n"
    "  host node2 {\n"
    "    hardware ethernet be:ef:fe:ed:fa:ce;\n"
    "    fixed-address 192.168.1.3;\n"
    "  }\n"
    "}\n";

static void
parse_ok(struct dhcpconf *c, const char *text)
{
	struct perr err;

	memset(&err, 0, sizeof(err));
	if (dhcpconf_parse(c, text, strlen(text), "t.conf", &err) == -1)
		ck_abort_msg("parse failed: %s", err.msg);
}

START_TEST(test_seed)
{
	static const uint8_t mac1[] = { 0xfe, 0xed, 0xfa, 0xce, 0xde, 0xad };
	struct dhcpconf c;
	const struct dc_host *h;
	const struct dc_opt *o;
	struct dc_chain ch;
	uint32_t ip;

	parse_ok(&c, seed);
	ck_assert(c.ddns_none);
	ck_assert_uint_eq(c.nsubnets, 1);
	ck_assert_uint_eq(c.subnets[0].net, 0xc0a80100);
	ck_assert_uint_eq(c.subnets[0].mask, 0xffffff00);
	ck_assert_uint_eq(c.nclasses, 1);
	/* match if substring (option 60, ...) = "PXEClient" */
	ck_assert_int_eq(c.exprs[c.classes[0].match].op, DE_EQ);
	ck_assert_int_eq(c.exprs[c.exprs[c.classes[0].match].a].op,
	    DE_SUBSTRING);
	ck_assert_uint_eq(c.exprs[c.exprs[c.exprs[c.classes[0].match].a].a].code,
	    60);
	ck_assert_uint_eq(c.npools, 1);
	ck_assert_uint_eq(c.nranges, 1);
	ck_assert_uint_eq(c.ranges[0].lo, 0xc0a80102);
	ck_assert_uint_eq(c.ranges[0].hi, 0xc0a801fe);
	ch.n = 0;
	dhcpconf_chain_add(&c, &ch, c.pools[0].scope, NULL);
	dhcpconf_chain_add(&c, &ch, c.subnets[0].scope, NULL);
	ck_assert_int_eq(dhcpconf_permit(&c, &ch, true), DC_PERMIT_DENY);
	ck_assert_uint_eq(dhcpconf_default_lease(&c, &ch), 86400);
	ck_assert_uint_eq(c.nhosts, 2);
	h = dhcpconf_host_by_mac(&c, mac1);
	ck_assert_ptr_nonnull(h);
	ck_assert_str_eq(h->name, "node1");
	ck_assert_str_eq(h->file, "t.conf");
	ck_assert_uint_eq(h->line, 20);
	ck_assert_uint_eq(h->fixed, 0xc0a80102);
	ck_assert_int_eq(h->subnet, 0);
	ck_assert_ptr_eq(dhcpconf_host_by_name(&c, "NODE2"), &c.hosts[1]);
	dhcpconf_host_chain(&c, h, &ch, NULL);
	ck_assert_uint_eq(dhcpconf_netmask(&c, &ch, &c.subnets[0]),
	    0xffffff00);
	ck_assert(!dhcpconf_next_server(&c, &ch, &ip));
	ck_assert(!dhcpconf_opt_ip(&c, &ch, 3, &ip));
	/* The class's scope holds next-server, filename and option 43. */
	dhcpconf_chain_add(&c, &ch, c.classes[0].scope, NULL);
	ck_assert(dhcpconf_next_server(&c, &ch, &ip));
	ck_assert_uint_eq(ip, 0xc0a80101);
	ck_assert_str_eq(dhcpconf_filename(&c, &ch, NULL, NULL, 0), "pxelinux.0");
	ck_assert_int_eq(dhcpconf_vendor_space(&c, &ch), 1);
	o = dhcpconf_option(&c, &ch, 1, 1);
	ck_assert_ptr_nonnull(o);
	ck_assert_uint_eq(o->len, 4);
	o = dhcpconf_option(&c, &ch, 0, 60);
	ck_assert_ptr_nonnull(o);
	ck_assert_mem_eq(o->data, "PXEClient", 9);
	dhcpconf_free(&c);
}
END_TEST

START_TEST(test_precedence)
{
	static const char conf[] =
	    "filename \"g\"; option routers 192.0.2.1;\n"
	    "default-lease-time 600;\n"
	    "group { filename \"grp\";\n"
	    " subnet 192.0.2.0 netmask 255.255.255.0 {\n"
	    "  filename \"s\"; option routers 192.0.2.254, 192.0.2.253;\n"
	    "  pool { filename \"p\"; range 192.0.2.10 192.0.2.20; }\n"
	    "  class \"c\" { match if option pxe-system-type = 00:07;\n"
	    "   filename \"c\"; }\n"
	    " }\n"
	    "}\n"
	    "host h { hardware ethernet 02:00:00:00:00:01;\n"
	    " fixed-address 192.0.2.5; filename \"h\"; }\n";
	struct dhcpconf c;
	struct dc_chain ch;
	uint32_t ip;

	parse_ok(&c, conf);
	dhcpconf_host_chain(&c, &c.hosts[0], &ch, NULL);
	ck_assert_str_eq(dhcpconf_filename(&c, &ch, NULL, NULL, 0), "h");
	ch.n = 0;
	dhcpconf_chain_add(&c, &ch, c.classes[0].scope, NULL);
	dhcpconf_chain_add(&c, &ch, c.pools[0].scope, NULL);
	dhcpconf_chain_add(&c, &ch, c.subnets[0].scope, NULL);
	ck_assert_str_eq(dhcpconf_filename(&c, &ch, NULL, NULL, 0), "c");
	ck_assert_uint_eq(ch.n, 4);	/* class, pool, subnet, group */
	ch.v[0] = ch.v[1];
	ch.n = 1;
	dhcpconf_chain_add(&c, &ch, c.subnets[0].scope, NULL);
	ck_assert_str_eq(dhcpconf_filename(&c, &ch, NULL, NULL, 0), "p");
	dhcpconf_addr_chain(&c, 0xc0000207, &ch, NULL);
	ck_assert_str_eq(dhcpconf_filename(&c, &ch, NULL, NULL, 0), "s");
	ck_assert(dhcpconf_opt_ip(&c, &ch, 3, &ip));
	ck_assert_uint_eq(ip, 0xc00002fe);
	ch.v[0] = ch.v[1];	/* the group alone */
	ch.n = 1;
	ck_assert_str_eq(dhcpconf_filename(&c, &ch, NULL, NULL, 0), "grp");
	dhcpconf_addr_chain(&c, 0xc6336401, &ch, NULL);	/* no subnet */
	ck_assert_str_eq(dhcpconf_filename(&c, &ch, NULL, NULL, 0), "g");
	ck_assert(dhcpconf_opt_ip(&c, &ch, 3, &ip));
	ck_assert_uint_eq(ip, 0xc0000201);
	ck_assert_uint_eq(dhcpconf_default_lease(&c, &ch), 600);
	ck_assert_uint_eq(dhcpconf_max_lease(&c, &ch), 86400);
	ck_assert(!dhcpconf_authoritative(&c, &ch));
	dhcpconf_free(&c);
}
END_TEST

struct fakeopts {
	const uint8_t	*v60, *v93;
	size_t		 n60, n93;
};

static const uint8_t *
fake_get(void *arg, int space, uint8_t code, size_t *len)
{
	struct fakeopts *f = arg;

	if (space != DC_SPACE_DHCP)
		return NULL;
	*len = code == 60 ? f->n60 : f->n93;
	return code == 60 ? f->v60 : code == 93 ? f->v93 : NULL;
}

START_TEST(test_class_match)
{
	static const char conf[] =
	    "option arch code 93 = unsigned integer 16;\n"
	    "class \"pxe\" { match if substring (option "
	    "vendor-class-identifier, 0, 9) = \"PXEClient\"; }\n"
	    "class \"efi\" { match if option arch = 00:07; }\n";
	static const uint8_t ipxe[] = "PXEClient:Arch:00000:UNDI:002001";
	static const uint8_t x64[] = { 0, 7 }, bios[] = { 0, 0 };
	struct fakeopts f = { ipxe, x64, sizeof(ipxe) - 1, 2 };
	struct dc_env env = { .opt = fake_get, .arg = &f };
	struct dhcpconf c;

	parse_ok(&c, conf);
	ck_assert(dhcpconf_class_match(&c, &c.classes[0], &env));
	ck_assert(dhcpconf_class_match(&c, &c.classes[1], &env));
	f.v93 = bios;
	ck_assert(!dhcpconf_class_match(&c, &c.classes[1], &env));
	f.n60 = 8;	/* "PXEClien": too short for the substring */
	ck_assert(!dhcpconf_class_match(&c, &c.classes[0], &env));
	f.v60 = NULL;
	f.n60 = 0;
	ck_assert(!dhcpconf_class_match(&c, &c.classes[0], &env));
	dhcpconf_free(&c);
}
END_TEST

START_TEST(test_ethers)
{
	static const char conf[] =
	    "subnet 192.0.2.0 netmask 255.255.255.0 { range 192.0.2.100; }\n"
	    "host n1 { hardware ethernet 02:00:00:00:00:01; "
	    "fixed-address 192.0.2.11; }\n"
	    "ethers-hosts \"e\" \"h\";\n";
	static const char eth[] = "02:00:00:00:00:01 n1\n"
	    "02:00:00:00:00:02 n2\n02:00:00:00:00:03 n3\n"
	    "02:00:00:00:00:04 192.0.2.44\n";
	static const char hst[] = "192.0.2.12 n2 alias2\n";
	struct dhcpconf c;
	struct ethers e = { 0 };
	struct hosts h = { 0 };
	struct perr err;
	const struct dc_host *x;

	parse_ok(&c, conf);
	ck_assert(c.ethers_hosts);
	ck_assert_str_eq(c.ethers_path, "e");
	ck_assert_int_eq(ethers_parse(&e, eth, strlen(eth), "e", &err), 0);
	ck_assert_int_eq(hosts_parse(&h, hst, strlen(hst), "h", &err), 0);
	ck_assert_int_eq(dhcpconf_add_ethers(&c, &e, "e", &h, &err), 0);
	ck_assert_uint_eq(c.nhosts, 4);
	ck_assert_uint_eq(c.hosts[0].fixed, 0xc000020b);	/* config */
	x = dhcpconf_host_by_name(&c, "n2");
	ck_assert_uint_eq(x->fixed, 0xc000020c);
	ck_assert_str_eq(x->file, "e");
	ck_assert_uint_eq(x->line, 2);
	ck_assert_int_eq(x->subnet, 0);
	x = dhcpconf_host_by_name(&c, "n3");
	ck_assert(!x->has_fixed);
	x = dhcpconf_host_by_name(&c, "192.0.2.44");
	ck_assert_uint_eq(x->fixed, 0xc000022c);
	dhcpconf_free(&c);
	/* An ethers host on a config host's address is refused. */
	parse_ok(&c, conf);
	ethers_free(&e);
	ck_assert_int_eq(ethers_parse(&e, "02:00:00:00:00:09 192.0.2.11\n",
	    29, "e", &err), 0);
	ck_assert_int_eq(dhcpconf_add_ethers(&c, &e, "e", &h, &err), -1);
	ck_assert_str_eq(err.msg, "e:1: host 192.0.2.11: 192.0.2.11 also "
	    "belongs to host n1 (t.conf:2)");
	dhcpconf_free(&c);
	ethers_free(&e);
	hosts_free(&h);
}
END_TEST

/* Prints, parses the print, prints again: the two prints are equal. */
START_TEST(test_roundtrip)
{
	struct dhcpconf c, c2;
	char *a, *b;
	size_t alen, blen;
	FILE *f;

	parse_ok(&c, seed);
	ck_assert_ptr_nonnull(f = open_memstream(&a, &alen));
	dhcpconf_print(f, &c);
	fclose(f);
	parse_ok(&c2, a);
	ck_assert_ptr_nonnull(f = open_memstream(&b, &blen));
	dhcpconf_print(f, &c2);
	fclose(f);
	ck_assert_str_eq(a, b);
	ck_assert_ptr_nonnull(strstr(a, "deny unknown-clients;"));
	free(a);
	free(b);
	dhcpconf_free(&c);
	dhcpconf_free(&c2);
}
END_TEST

/* An empty string value prints as "", which parses again (fuzz_dhcpconf). */
START_TEST(test_empty_string)
{
	struct dhcpconf c, c2;
	char *a;
	size_t alen;
	FILE *f;

	parse_ok(&c, "option vendor-class-identifier \"\";\n");
	ck_assert_ptr_nonnull(f = open_memstream(&a, &alen));
	dhcpconf_print(f, &c);
	fclose(f);
	ck_assert_ptr_nonnull(strstr(a, "option vendor-class-identifier \"\";"));
	parse_ok(&c2, a);
	free(a);
	dhcpconf_free(&c);
	dhcpconf_free(&c2);
}
END_TEST

START_TEST(test_prefixes)
{
	struct dhcpconf c;
	struct perr err;
	size_t k;

	for (k = 0; k < sizeof(seed); k++) {
		if (dhcpconf_parse(&c, seed, k, "t.conf", &err) == 0)
			dhcpconf_free(&c);
		else
			ck_assert(strncmp(err.msg, "t.conf:", 7) == 0);
	}
}
END_TEST

Suite *
dhcpconf_suite(void)
{
	Suite *s = suite_create("dhcpconf");
	TCase *tc = tcase_create("core");

	tcase_add_test(tc, test_seed);
	tcase_add_test(tc, test_precedence);
	tcase_add_test(tc, test_class_match);
	tcase_add_test(tc, test_ethers);
	tcase_add_test(tc, test_roundtrip);
	tcase_add_test(tc, test_empty_string);
	tcase_add_test(tc, test_prefixes);
	suite_add_tcase(s, tc);
	return s;
}
