// SPDX-License-Identifier: ISC
/*
 * Unit tests for dhcpconf/dhcpconf*.c: each bad config gives its exact error,
 * with the bytes it quotes from the file escaped.
 */
#include <string.h>

#include "tests.h"

#include "dhcpconf/dhcpconf.h"

static const struct {
	const char	*text;
	const char	*msg;
} bad[] = {
	{ "foo;", "t.conf:1: unsupported statement 'foo'" },
	{ "\nif exists no-such-option { }", "t.conf:2: unknown option "
	    "'no-such-option'" },
	{ "if option user-class { }", "t.conf:1: expected a boolean "
	    "expression" },
	{ "if known { filename \"a\"; } elsif { }", "t.conf:1: expected "
	    "an expression, not '{'" },
	{ "if known { authoritative; }", "t.conf:1: 'authoritative' is not "
	    "allowed in an if" },
	{ "if option user-class = 7z { }", "t.conf:1: unknown expression "
	    "'7z'" },
	{ "shared-network { }", "t.conf:1: expected a shared-network "
	    "name" },
	{ "shared-network x { subnet 192.0.2.0 netmask 255.255.255.0 { }\n"
	    "pool { range 198.51.100.1; } }", "t.conf:2: range 198.51.100.1 "
	    "is in no subnet of the shared-network" },
	{ "allow leasequery;", "t.conf:1: unsupported statement 'allow "
	    "leasequery'" },
	{ "deny unknown people;", "t.conf:1: unsupported statement 'deny "
	    "unknown people'" },
	{ "option foo 1;", "t.conf:1: unsupported option 'foo'" },
	{ "one-lease-per-client true;", "t.conf:1: unsupported statement "
	    "'one-lease-per-client'" },
	{ "range 192.0.2.1;", "t.conf:1: 'range' is not allowed at the top "
	    "level" },
	{ "subnet 192.0.2.0 netmask 255.255.255.0 { hardware ethernet "
	    "1:2:3:4:5:6; }", "t.conf:1: 'hardware' is not allowed in a "
	    "subnet" },
	{ "subnet 192.0.2.1 netmask 255.255.255.0 { }", "t.conf:1: subnet "
	    "192.0.2.1 has bits outside its netmask" },
	{ "subnet 192.0.2.0 netmask 255.0.255.0 { }", "t.conf:1: bad "
	    "netmask 255.0.255.0" },
	{ "subnet 192.0.2.0 netmask 255.255.255.0 {\n range 192.0.3.1; }",
	    "t.conf:2: range 192.0.3.1 outside subnet 192.0.2.0" },
	{ "subnet 192.0.2.0 netmask 255.255.255.0 {\n range 192.0.2.9 "
	    "192.0.2.1; }", "t.conf:2: range starts after its end" },
	{ "subnet 192.0.2.0 netmask 255.255.255.0 {\n",
	    "t.conf:2: missing '}' of the subnet declared at line 1" },
	{ "}", "t.conf:1: unexpected '}'" },
	{ "host a { fixed-address 192.0.2.1; }", "t.conf:1: host a has no "
	    "'hardware ethernet' and no dhcp-client-identifier" },
	{ "host a { hardware ethernet 1:2:3:4:5; }", "t.conf:1: bad MAC "
	    "address '1:2:3:4:5'" },
	{ "host a { hardware token-ring 1:2:3:4:5:6; }", "t.conf:1: "
	    "unsupported hardware type 'token-ring'" },
	{ "subnet 192.0.2.0 netmask 255.255.255.0 {}\n"
	    "subnet 198.51.100.0 netmask 255.255.255.0 { host a {\n"
	    "hardware ethernet 1:2:3:4:5:6; fixed-address 192.0.2.1; } }",
	    "t.conf:2: host a: fixed-address 192.0.2.1 is not in its "
	    "subnet" },
	{ "subnet 192.0.2.0 netmask 255.255.255.0 {\n"
	    "host a { hardware ethernet 1:2:3:4:5:6; }\n"
	    "host b { hardware ethernet 01:02:03:04:05:06; } }",
	    "t.conf:3: host b: MAC address also belongs to host a "
	    "(t.conf:2)" },
	{ "subnet 192.0.2.0 netmask 255.255.255.0 {}\n"
	    "subnet 192.0.2.128 netmask 255.255.255.128 {}",
	    "t.conf:2: subnet 192.0.2.128 overlaps the subnet at line 1" },
	{ "subnet 192.0.2.0 netmask 255.255.255.0 { range 192.0.2.1 "
	    "192.0.2.9;\n pool { range 192.0.2.5 192.0.2.20; } }",
	    "t.conf:2: range overlaps the range at line 1" },
	{ "option routers 192.0.2.1 192.0.2.2;", "t.conf:1: expected ';' "
	    "after option value" },
	{ "option subnet-mask 255.255.255.0, 255.0.0.0;", "t.conf:1: option "
	    "'subnet-mask' takes one value" },
	{ "option routers 192.0.2.300;", "t.conf:1: bad IPv4 address "
	    "'192.0.2.300'" },
	{ "option host-name \"a\", \"b\";", "t.conf:1: option 'host-name' "
	    "takes one value" },
	{ "option space PXE; option PXE.x code 1 = unsigned integer 8;\n"
	    "option PXE.x 256;", "t.conf:2: integer '256' too large" },
	{ "option x code 300 = text;", "t.conf:1: option code '300' too "
	    "large" },
	{ "option x code 200 = unsigned integer 12;", "t.conf:1: integer "
	    "width must be 8, 16 or 32" },
	{ "option x code 200 = record;", "t.conf:1: unsupported option "
	    "type 'record'" },
	/* The fuzz_dhcpconf crash: a value under a built-in name whose
	 * code another definition took printed under the other name. */
	{ "option arch code 3 = unsigned integer 16;\n"
	    "option routers 192.0.2.1;", "t.conf:2: unsupported option "
	    "'routers'" },
	{ "option routers 192.0.2.1;\n"
	    "option arch code 3 = unsigned integer 16;", "t.conf:2: option "
	    "code 3 already has a value or match before its definition" },
	{ "class \"c\" { match if option pxe-system-type = 00:07; }\n"
	    "option arch code 93 = unsigned integer 16;", "t.conf:2: option "
	    "code 93 already has a value or match before its definition" },
	{ "option a code 200 = text;\noption b code 200 = text;",
	    "t.conf:2: option 'a' (code 200) already defined on line 1" },
	{ "option a code 200 = text;\noption A code 201 = text;",
	    "t.conf:2: option 'a' (code 200) already defined on line 1" },
	{ "option routers 192.0.2.1;\noption routers code 200 = text;",
	    "t.conf:2: option 'routers' (standard code 3) already has a "
	    "value or match before its redefinition" },
	{ "option Q.x code 1 = text;", "t.conf:1: unknown option space "
	    "'Q'" },
	{ "vendor-option-space PXE;", "t.conf:1: unknown option space "
	    "'PXE'" },
	{ "group { option space PXE; }", "t.conf:1: 'option space' is "
	    "allowed only at the top level" },
	{ "class \"c\" { match if option vendor-class-identifier; }",
	    "t.conf:1: expected a boolean expression" },
	{ "class \"c\" { match if option user-class ~= \"x\"; }",
	    "t.conf:1: unsupported operator '~' (regular expressions are "
	    "not)" },
	{ "subclass \"nope\" \"x\";", "t.conf:1: unknown class 'nope'" },
	{ "class \"c\" { match if known; }\nsubclass \"c\" \"x\";",
	    "t.conf:2: class \"c\" has no 'match' or 'spawn with' for "
	    "subclasses" },
	{ "filename { };", "t.conf:1: filename needs a \"string\"" },
	{ "default-lease-time -2;", "t.conf:1: lease time '-2' too small" },
	{ "log-facility local9;", "t.conf:1: unknown log facility "
	    "'local9'" },
	{ "ping-check maybe;", "t.conf:1: bad boolean 'maybe'" },
	{ "ping-timeout 0;", "t.conf:1: ping timeout '0' too small" },
	{ "\nping-timeout 31;", "t.conf:2: ping timeout '31' too large" },
	{ "subnet 192.0.2.0 netmask 255.255.255.0 { range dynamic-bootp; }",
	    "t.conf:1: expected an IPv4 address, not ';'" },
	{ "subnet 192.0.2.0 netmask 255.255.255.0 { pool { allow members "
	    "of \"x\"; } }", "t.conf:1: unknown class 'x'" },
	{ "next-server", "t.conf:1: unexpected end of file" },
	{ "group { group { group { group { group { group { group { group "
	    "{ group {", "t.conf:1: blocks nested too deeply" },
};

/*
 * Bytes from the file in a message are escaped (vis(3) C style): no
 * control byte or escape sequence reaches a terminal or syslog.
 */
static const struct {
	const char	*text;
	const char	*msg;
} escaped[] = {
	{ "subnet 192.0.2.0 netmask \"\033[2J\\x1b]0;pwn\\007\" { }",
	    "t.conf:1: expected an IPv4 address, not "
	    "'\\033[2J\\033]0;pwn\\a'" },
	{ "log-facility \"x\\ny\";", "t.conf:1: expected a value, "
	    "not 'x\\ny'" },
	{ "foo\351\233[1m;", "t.conf:1: unsupported statement "
	    "'foo\\351\\233[1m'" },
	{ "subnet 192.0.2.0 netmask 255.255.255.0 {\n"
	    "host \"a\\r\\tb\" { hardware ethernet 1:2:3:4:5:6; }\n"
	    "host \"\\\\\" { hardware ethernet 1:2:3:4:5:6; } }",
	    "t.conf:3: host \\\\: MAC address also belongs to host "
	    "a\\r\\tb (t.conf:2)" },
};

START_TEST(test_escaped)
{
	struct dhcpconf c;
	struct perr err;

	ck_assert_int_eq(dhcpconf_parse(&c, escaped[_i].text,
	    strlen(escaped[_i].text), "t.conf", &err), -1);
	ck_assert_str_eq(err.msg, escaped[_i].msg);
}
END_TEST

START_TEST(test_errors)
{
	struct dhcpconf c;
	struct perr err;
	size_t i;

	/* One test for the table: a forked test per case costs too much. */
	for (i = 0; i < sizeof(bad) / sizeof(bad[0]); i++) {
		memset(&err, 0, sizeof(err));
		ck_assert_int_eq(dhcpconf_parse(&c, bad[i].text,
		    strlen(bad[i].text), "t.conf", &err), -1);
		ck_assert_str_eq(err.msg, bad[i].msg);
		ck_assert_ptr_null(c.scopes);
	}
}
END_TEST

Suite *
dhcpconf_err_suite(void)
{
	Suite *s = suite_create("dhcpconf_err");
	TCase *tc = tcase_create("core");

	tcase_add_test(tc, test_errors);
	tcase_add_loop_test(tc, test_escaped, 0,
	    (int)(sizeof(escaped) / sizeof(escaped[0])));
	suite_add_tcase(s, tc);
	return s;
}
