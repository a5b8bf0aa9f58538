// SPDX-License-Identifier: ISC
/*
 * Unit tests for dhcpconf's ISC expressions and conditionals: ISC's null
 * rules and typing (a number compared with data is hex), the functions
 * real configs use (substring, concat, binary-to-ascii as Warewulf
 * builds its pxelinux file name, suffix, extract-int, pick-first-value),
 * sub-options of an encapsulating option, if/elsif/else with the
 * statements after an `if' overriding it, subclasses and spawn, and a
 * deep `not' whose operand grows the expression table (a use after free
 * fuzz_dhcpconf found).
 */
#include <string.h>

#include "tests.h"

#include "dhcpconf/dhcpconf.h"

/* A client: option 93 = 00:07, 60 = PXEClient..., 77 = "iPXE", 175. */
static const uint8_t *
client(void *arg, int space, uint8_t code, size_t *len)
{
	static const uint8_t arch[] = { 0, 7 }, ipxe175[] = { 39, 1, 1 };
	static const char vci[] = "PXEClient:Arch:00007:UNDI:003016";

	(void)arg;
	if (space != DC_SPACE_DHCP)
		return NULL;
	switch (code) {
	case 93:
		*len = sizeof(arch);
		return arch;
	case 60:
		*len = sizeof(vci) - 1;
		return (const uint8_t *)vci;
	case 77:
		*len = 4;
		return (const uint8_t *)"iPXE";
	case 175:
		*len = sizeof(ipxe175);
		return ipxe175;
	case 61:		/* an InfiniBand client id, 20 bytes */
		*len = 20;
		return (const uint8_t *)"\xff\0\0\0\0\0\2\0\0\2\xc9\0\0\2\xc9"
		    "\x03\0\x31\x78\x11";
	default:
		return NULL;
	}
}

static const uint8_t mac[6] = { 2, 0, 0, 0, 0, 9 };
static struct dc_env env = { .opt = client, .htype = 1, .chaddr = mac,
    .hlen = 6 };

static void
parse(struct dhcpconf *c, const char *text)
{
	struct perr err;

	if (dhcpconf_parse(c, text, strlen(text), "t", &err) == -1)
		ck_abort_msg("%s", err.msg);
}

/* The filename a client gets from the global scope's branches. */
static const char *
file_of(struct dhcpconf *c, const char *text, char *buf, size_t sz)
{
	struct dc_chain ch = { .n = 0 };

	parse(c, text);
	dhcpconf_chain_add(c, &ch, DC_GLOBAL, &env);
	return dhcpconf_filename(c, &ch, &env, buf, sz);
}

static const struct {
	const char	*text;
	const char	*file;	/* NULL: none */
} cases[] = {
	/* ISC's typing: 7 after an option is the one byte 07. */
	{ "option arch code 93 = unsigned integer 16;\n"
	  "if option arch = 7 { filename \"seven\"; }", NULL },
	{ "option arch code 93 = unsigned integer 16;\n"
	  "if option arch = 00:07 { filename \"x64\"; }", "x64" },
	{ "if extract-int (option pxe-system-type, 16) = 7 "
	  "{ filename \"n\"; }", "n" },
	/* Null: an option not sent; null = null is true. */
	{ "if option root-path = \"x\" { filename \"a\"; }", NULL },
	{ "if option root-path = option host-name { filename \"b\"; }", "b" },
	{ "if not exists root-path { filename \"c\"; }", "c" },
	/* ISC: comparing with a null is false, not null. */
	{ "if not (option root-path = \"x\") { filename \"d\"; }", "d" },
	{ "if not (option root-path = \"x\" and known) { filename \"i\"; }",
	  NULL },
	{ "if exists root-path or exists user-class { filename \"e\"; }",
	  "e" },
	/* substring past the end is empty, not null. */
	{ "if substring (option user-class, 9, 2) = \"\" { filename \"f\"; }",
	  "f" },
	{ "if substring (option vendor-class-identifier, 0, 9) = "
	  "\"PXEClient\" and option user-class = \"iPXE\" "
	  "{ filename \"g\"; }", "g" },
	{ "if suffix (option vendor-class-identifier, 6) = \"003016\" "
	  "{ filename \"h\"; }", "h" },
	/* elsif, else if, else; the statements after an if override it. */
	{ "if option user-class = \"gPXE\" { filename \"1\"; } "
	  "elsif option user-class = \"iPXE\" { filename \"2\"; } "
	  "else { filename \"3\"; }", "2" },
	{ "if known { filename \"1\"; } else if static { filename \"2\"; } "
	  "else { filename \"3\"; }", "3" },
	{ "filename \"before\"; if exists user-class { filename \"in\"; } "
	  "filename \"after\";", "after" },
	{ "filename \"before\"; if exists user-class { filename \"in\"; }",
	  "in" },
	/* Computed names (Warewulf's pxelinux file from an IB client id). */
	{ "filename = concat (\"pxelinux.cfg/20-\", suffix (concat (\"0\", "
	  "binary-to-ascii (16, 8, \"\", substring (option "
	  "dhcp-client-identifier, 12, 1))), 2), \"-\", binary-to-ascii (10, "
	  "8, \".\", substring (option dhcp-client-identifier, 16, 4)));",
	  "pxelinux.cfg/20-00-0.49.120.17" },
	{ "filename = pick-first-value (option root-path, \"dflt\");", "dflt" },
	{ "filename = ucase (binary-to-ascii (16, 8, \":\", hardware));",
	  "1:2:0:0:0:0:9" },
	/* exists in a space another option encapsulates (iPXE's 175). */
	{ "option space ipxe; option ipxe.menu code 39 = unsigned integer 8;\n"
	  "option ipxe-encap code 175 = encapsulate ipxe;\n"
	  "if exists ipxe.menu { filename \"menu\"; }", "menu" },
	{ "set v = option user-class; if v = \"iPXE\" { filename \"v\"; }",
	  "v" },
};

START_TEST(test_cases)
{
	struct dhcpconf c;
	char buf[DC_FILE_MAX];
	const char *f = file_of(&c, cases[_i].text, buf, sizeof(buf));

	if (cases[_i].file == NULL)
		ck_assert_msg(f == NULL, "case %d: got '%s'", _i, f);
	else
		ck_assert_msg(f != NULL && strcmp(f, cases[_i].file) == 0,
		    "case %d: got '%s'", _i, f == NULL ? "(null)" : f);
	dhcpconf_free(&c);
}
END_TEST

START_TEST(test_classes)
{
	static const char text[] =
	    "class \"vendor\" { match substring (option "
	    "vendor-class-identifier, 0, 9); }\n"
	    "subclass \"vendor\" \"PXEClient\" { filename \"pxe\"; }\n"
	    "subclass \"vendor\" \"MSFT 5.0\";\n"
	    "class \"spawned\" { spawn with hardware; }\n"
	    "class \"never\" { spawn with option root-path; }\n";
	struct dhcpconf c;

	parse(&c, text);
	ck_assert_uint_eq(c.nclasses, 5);
	ck_assert(!dhcpconf_class_match(&c, &c.classes[0], &env));
	ck_assert(dhcpconf_class_match(&c, &c.classes[1], &env));
	ck_assert(!dhcpconf_class_match(&c, &c.classes[2], &env));
	ck_assert(dhcpconf_class_match(&c, &c.classes[3], &env));
	ck_assert(!dhcpconf_class_match(&c, &c.classes[4], &env));
	dhcpconf_free(&c);
}
END_TEST

/* `not' over a long operand: the table grows under it. */
START_TEST(test_not_grows)
{
	char text[4096] = "if not (";
	struct dhcpconf c;
	char buf[DC_FILE_MAX];
	int i;

	for (i = 0; i < 30; i++)
		strlcat(text, "option user-class = \"x\" or ", sizeof(text));
	strlcat(text, "known) { filename \"ok\"; }", sizeof(text));
	ck_assert_str_eq(file_of(&c, text, buf, sizeof(buf)), "ok");
	dhcpconf_free(&c);
}
END_TEST

Suite *
dhcpconf_expr_suite(void)
{
	Suite *s = suite_create("dhcpconf_expr");
	TCase *tc = tcase_create("core");

	tcase_add_loop_test(tc, test_cases, 0, sizeof(cases) /
	    sizeof(cases[0]));
	tcase_add_test(tc, test_classes);
	tcase_add_test(tc, test_not_grows);
	suite_add_tcase(s, tc);
	return s;
}
