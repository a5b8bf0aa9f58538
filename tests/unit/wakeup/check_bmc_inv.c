// SPDX-License-Identifier: ISC
/*
 * Unit tests for wakeup/bmc_inv.c: the BMC inventory (every back end,
 * comments, case-insensitive lookup, each malformed line refused with its
 * file:line) and the credentials (lookup by node, address, then user; a
 * password never in an error message; zeroed on free).
 */
#include <string.h>

#include "tests.h"

#include "wakeup/bmc_inv.h"

static const char inv_text[] =
    "# the lab's BMCs\n"
    "node1\tipmi\t192.0.2.21\tadmin\n"
    "\n"
    "node2 redfish bmc2.example.org:8443 root   # a comment\n"
    "node3 wol\n"
    "node4 redfish 198.51.100.14 ops@site\n";

START_TEST(test_inv_parse)
{
	struct bmc_inv inv = { 0 };
	struct perr err;
	const struct bmc_ent *e;

	ck_assert_int_eq(bmc_inv_parse(&inv, inv_text, strlen(inv_text),
	    "bmc.conf", &err), 0);
	ck_assert_uint_eq(inv.n, 4);
	e = bmc_inv_find(&inv, "NODE1");
	ck_assert_ptr_nonnull(e);
	ck_assert_int_eq(e->kind, BMC_IPMI);
	ck_assert_str_eq(e->addr, "192.0.2.21");
	ck_assert_str_eq(e->user, "admin");
	ck_assert_uint_eq(e->line, 2);
	e = bmc_inv_find(&inv, "node2");
	ck_assert_int_eq(e->kind, BMC_REDFISH);
	ck_assert_str_eq(e->addr, "bmc2.example.org:8443");
	e = bmc_inv_find(&inv, "node3");
	ck_assert_int_eq(e->kind, BMC_WOL);
	ck_assert_str_eq(e->addr, "");
	ck_assert_str_eq(bmc_kind_name(e->kind), "wol");
	ck_assert_ptr_null(bmc_inv_find(&inv, "node5"));
	bmc_inv_free(&inv);
}
END_TEST

static const struct {
	const char	*line;
	const char	*msg;
} bad[] = {
	{ "node1 ipmi 192.0.2.21 admin\nnode1 wol\n",
	    "f:2: node1: already at line 1" },
	{ "node1 ipmi\n", "f:1: node1: ipmi needs a BMC address and a user" },
	{ "node1 ipmi 192.0.2.21\n",
	    "f:1: node1: ipmi needs a BMC address and a user" },
	{ "node1 amt 192.0.2.21 admin\n",
	    "f:1: node1: power back end must be wol, ipmi or redfish" },
	{ "node1\n",
	    "f:1: node1: power back end must be wol, ipmi or redfish" },
	{ "node1 wol 192.0.2.21\n", "f:1: node1: wol takes no address" },
	{ "node1 ipmi -oProxy admin\n",
	    "f:1: node1: bad BMC address '-oProxy'" },
	{ "node1 ipmi 192.0.2.21:623 admin\n",
	    "f:1: node1: bad BMC address '192.0.2.21:623'" },
	{ "node1 redfish bmc:0 admin\n",
	    "f:1: node1: bad BMC address 'bmc:0'" },
	{ "node1 redfish bmc:99999 admin\n",
	    "f:1: node1: bad BMC address 'bmc:99999'" },
	{ "node1 ipmi 192.0.2.21 -P\n", "f:1: node1: bad BMC user '-P'" },
	{ "node1 ipmi 192.0.2.21 a;b\n", "f:1: node1: bad BMC user 'a;b'" },
	{ "node1 ipmi 192.0.2.21 seventeen-chars-x\n",
	    "f:1: node1: bad BMC user 'seventeen-chars-x'" },
	{ "node1 ipmi 192.0.2.21 admin extra\n",
	    "f:1: node1: extra field after the user" },
	{ "no/de ipmi 192.0.2.21 admin\n", "f:1: bad node name 'no/de'" },
};

START_TEST(test_inv_bad)
{
	struct bmc_inv inv = { 0 };
	struct perr err;

	ck_assert_int_eq(bmc_inv_parse(&inv, bad[_i].line,
	    strlen(bad[_i].line), "f", &err), -1);
	ck_assert_str_eq(err.msg, bad[_i].msg);
	bmc_inv_free(&inv);
}
END_TEST

START_TEST(test_creds)
{
	static const char text[] =
	    "# key password\n"
	    "node1 n0de-one\n"
	    "198.51.100.14 by\"addr\\\n"
	    "admin sesame\n";
	struct bmc_inv inv = { 0 };
	struct bmc_creds c = { 0 };
	struct perr err;

	ck_assert_int_eq(bmc_inv_parse(&inv, inv_text, strlen(inv_text), "i",
	    &err), 0);
	ck_assert_int_eq(bmc_creds_parse(&c, text, strlen(text), "c", &err),
	    0);
	ck_assert_str_eq(bmc_creds_find(&c, bmc_inv_find(&inv, "node1")),
	    "n0de-one");
	ck_assert_str_eq(bmc_creds_find(&c, bmc_inv_find(&inv, "node4")),
	    "by\"addr\\");
	ck_assert_ptr_null(bmc_creds_find(&c, bmc_inv_find(&inv, "node2")));
	/* wol has no address or user: only its name could match. */
	ck_assert_ptr_null(bmc_creds_find(&c, bmc_inv_find(&inv, "node3")));
	bmc_creds_free(&c);
	ck_assert_ptr_null(c.v);
	bmc_inv_free(&inv);
}
END_TEST

START_TEST(test_creds_bad)
{
	struct bmc_creds c = { 0 };
	struct perr err;
	char big[300];

	ck_assert_int_eq(bmc_creds_parse(&c, "admin\n", 6, "c", &err), -1);
	ck_assert_str_eq(err.msg, "c:1: admin: no password");
	ck_assert_int_eq(bmc_creds_parse(&c, "admin pass word\n", 16, "c",
	    &err), -1);
	ck_assert_str_eq(err.msg, "c:1: admin: extra field after the password "
	    "(a password has no blank)");
	ck_assert_ptr_null(strstr(err.msg, "pass "));
	memset(big, 'x', sizeof(big));
	memcpy(big, "admin ", 6);
	big[sizeof(big) - 1] = '\n';
	ck_assert_int_eq(bmc_creds_parse(&c, big, sizeof(big), "c", &err), -1);
	ck_assert_str_eq(err.msg, "c:1: admin: password longer than 127");
	ck_assert_ptr_null(strstr(err.msg, "xxx"));
	bmc_creds_free(&c);
}
END_TEST

Suite *
bmc_inv_suite(void)
{
	Suite *s = suite_create("bmc_inv");
	TCase *tc = tcase_create("core");

	tcase_add_test(tc, test_inv_parse);
	tcase_add_loop_test(tc, test_inv_bad, 0, sizeof(bad) / sizeof(bad[0]));
	tcase_add_test(tc, test_creds);
	tcase_add_test(tc, test_creds_bad);
	suite_add_tcase(s, tc);
	return s;
}
