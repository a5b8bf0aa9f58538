// SPDX-License-Identifier: ISC
/*
 * Unit tests for common/text.c, ethers.c and hosts.c: good files, every
 * malformed line with its exact "file:line: reason", and every truncated
 * prefix of a valid file parsed without a crash.
 */
#include <stdlib.h>
#include <string.h>

#include "tests.h"

#include "common/ethers.h"
#include "common/hosts.h"

static const char ethers_ok[] =
    "# cluster nodes\n"
    "fe:ed:fa:ce:de:ad node1\n"
    "\n"
    "be:ef:fe:ed:fa:ce\tnode2   # second\n"
    "8:0:20:1:2:3 192.0.2.9\r\n"
    "00-11-22-33-44-55 node4";

START_TEST(test_ethers_good)
{
	struct ethers e = { 0 };
	struct perr err;
	const struct ethers_ent *ent;
	uint8_t mac[MAC_LEN];
	char buf[MAC_STRLEN];

	ck_assert_int_eq(ethers_parse(&e, ethers_ok, strlen(ethers_ok),
	    "ethers", &err), 0);
	ck_assert_uint_eq(e.n, 4);
	ck_assert_str_eq(e.v[0].name, "node1");
	ck_assert_uint_eq(e.v[0].line, 2);
	ck_assert_str_eq(e.v[1].name, "node2");
	ck_assert_str_eq(mac_ntoa(e.v[2].mac, buf), "08:00:20:01:02:03");
	ck_assert_str_eq(e.v[2].name, "192.0.2.9");
	ck_assert_uint_eq(e.v[3].line, 6);
	ent = ethers_by_name(&e, "NODE2");
	ck_assert_ptr_nonnull(ent);
	ck_assert_uint_eq(ent->line, 4);
	ck_assert_int_eq(mac_parse("00:11:22:33:44:55", mac), 0);
	ent = ethers_by_mac(&e, mac);
	ck_assert_ptr_nonnull(ent);
	ck_assert_str_eq(ent->name, "node4");
	ck_assert_ptr_null(ethers_by_name(&e, "node9"));
	ethers_free(&e);
	ck_assert_uint_eq(e.n, 0);
}
END_TEST

static const struct {
	const char	*text;
	const char	*msg;
} ethers_bad[] = {
	{ "fe:ed:fa:ce:de node1\n", "e:1: bad MAC address 'fe:ed:fa:ce:de'" },
	{ "\n# c\nfe:ed:fa:ce:de:ad\n", "e:3: missing host name" },
	{ "fe:ed:fa:ce:de:ad -node\n", "e:1: bad host name '-node'" },
	{ "fe:ed:fa:ce:de:ad no/de\n", "e:1: bad host name 'no/de'" },
	{ "fe:ed:fa:ce:de:ad a b\n", "e:1: extra field after host name" },
	{ "fe:ed:fa:ce:de:ad a\0b\n", "e:1: NUL byte in line" },
	{ "zz:ed:fa:ce:de:ad a\n", "e:1: bad MAC address 'zz:ed:fa:ce:de:ad'" },
	/* what the file holds is escaped, never printed raw */
	{ "fe:ed:fa:ce:de:ad \033[2Jn\\\377\n",
	    "e:1: bad host name '\\033[2Jn\\\\\\377'" },
	{ "fe:ed:fa:ce:de:ad\r\r\n", "e:1: bad MAC address "
	    "'fe:ed:fa:ce:de:ad\\r'" },
};

START_TEST(test_ethers_bad)
{
	struct ethers e = { 0 };
	struct perr err;
	const char *t = ethers_bad[_i].text;
	size_t len = strlen(t);

	if (strstr(ethers_bad[_i].msg, "NUL") != NULL)
		len = 22;
	ck_assert_int_eq(ethers_parse(&e, t, len, "e", &err), -1);
	ck_assert_str_eq(err.msg, ethers_bad[_i].msg);
	ethers_free(&e);
}
END_TEST

START_TEST(test_ethers_long_line)
{
	struct ethers e = { 0 };
	struct perr err;
	char *t = malloc(TEXT_LINEMAX + 2);

	ck_assert_ptr_nonnull(t);
	memset(t, 'a', TEXT_LINEMAX + 1);
	t[TEXT_LINEMAX + 1] = '\n';
	ck_assert_int_eq(ethers_parse(&e, t, TEXT_LINEMAX + 2, "e", &err), -1);
	ck_assert_str_eq(err.msg, "e:1: line too long");
	free(t);
}
END_TEST

/* Any prefix parses or fails with a message; never a crash. */
START_TEST(test_ethers_prefixes)
{
	struct ethers e = { 0 };
	struct perr err;
	int r;

	r = ethers_parse(&e, ethers_ok, (size_t)_i, "e", &err);
	ck_assert(r == 0 || (r == -1 && strncmp(err.msg, "e:", 2) == 0));
	ethers_free(&e);
}
END_TEST

static const char hosts_ok[] =
    "127.0.0.1\tlocalhost\n"
    "::1 localhost ip6-localhost ip6-loopback\n"
    "fe00::0 ip6-localnet\n"
    "192.0.2.1 server boot  # the boot server\n"
    "192.0.2.11 node1.cluster node1\n"
    "192.0.2.12 node2\n";

START_TEST(test_hosts_good)
{
	struct hosts h = { 0 };
	struct perr err;
	const struct hosts_ent *ent;

	ck_assert_int_eq(hosts_parse(&h, hosts_ok, strlen(hosts_ok), "hosts",
	    &err), 0);
	ck_assert_uint_eq(h.n, 6);
	ent = hosts_by_name(&h, "node1");
	ck_assert_ptr_nonnull(ent);
	ck_assert_uint_eq(ent->ip, 0xc000020b);
	ck_assert(!ent->canonical);
	ent = hosts_by_ip(&h, 0xc000020b);
	ck_assert_ptr_nonnull(ent);
	ck_assert_str_eq(ent->name, "node1.cluster");
	ck_assert_uint_eq(ent->line, 5);
	ck_assert_ptr_nonnull(hosts_by_name(&h, "BOOT"));
	ck_assert_ptr_null(hosts_by_name(&h, "ip6-localhost"));
	ck_assert_ptr_null(hosts_by_ip(&h, 0xc0000263));
	hosts_free(&h);
}
END_TEST

static const struct {
	const char	*text;
	const char	*msg;
} hosts_bad[] = {
	{ "192.0.2.300 node1\n", "h:1: bad address '192.0.2.300'" },
	{ "\n192.0.2.3\n", "h:2: missing host name" },
	{ "192.0.2.3 ok b@d\n", "h:1: bad host name 'b@d'" },
	{ "node1 192.0.2.3\n", "h:1: bad address 'node1'" },
	{ "192.0.2.03 n\n", "h:1: bad address '192.0.2.03'" },
};

START_TEST(test_hosts_bad)
{
	struct hosts h = { 0 };
	struct perr err;

	ck_assert_int_eq(hosts_parse(&h, hosts_bad[_i].text,
	    strlen(hosts_bad[_i].text), "h", &err), -1);
	ck_assert_str_eq(err.msg, hosts_bad[_i].msg);
	hosts_free(&h);
}
END_TEST

START_TEST(test_hosts_prefixes)
{
	struct hosts h = { 0 };
	struct perr err;
	int r;

	r = hosts_parse(&h, hosts_ok, (size_t)_i, "h", &err);
	ck_assert(r == 0 || (r == -1 && strncmp(err.msg, "h:", 2) == 0));
	hosts_free(&h);
}
END_TEST

START_TEST(test_text_fields)
{
	char line[] = "  a\tbb  c ";
	char *s = line;

	ck_assert_str_eq(text_field(&s), "a");
	ck_assert_str_eq(text_field(&s), "bb");
	ck_assert_str_eq(text_field(&s), "c");
	ck_assert_ptr_null(text_field(&s));
	ck_assert(text_hostname_ok("node-1.example_x"));
	ck_assert(!text_hostname_ok(""));
	ck_assert(!text_hostname_ok(".node"));
	ck_assert(!text_hostname_ok("no de"));
}
END_TEST

Suite *
etc_suite(void)
{
	Suite *s = suite_create("etc");
	TCase *tc = tcase_create("core");

	tcase_add_test(tc, test_ethers_good);
	tcase_add_loop_test(tc, test_ethers_bad, 0,
	    (int)(sizeof(ethers_bad) / sizeof(ethers_bad[0])));
	tcase_add_test(tc, test_ethers_long_line);
	tcase_add_loop_test(tc, test_ethers_prefixes, 0,
	    (int)sizeof(ethers_ok));
	tcase_add_test(tc, test_hosts_good);
	tcase_add_loop_test(tc, test_hosts_bad, 0,
	    (int)(sizeof(hosts_bad) / sizeof(hosts_bad[0])));
	tcase_add_loop_test(tc, test_hosts_prefixes, 0, (int)sizeof(hosts_ok));
	tcase_add_test(tc, test_text_fields);
	suite_add_tcase(s, tc);
	return s;
}
