// SPDX-License-Identifier: ISC
/*
 * Unit tests for proxyDHCP (dhcp_proxy.c, dhcp_build_proxy): the answer
 * to the captured iPXE and the EDK2 DISCOVERs (no address, no lease, the
 * boot server and file, options 54, 60, 97, 43), the port-4011 REQUEST,
 * a relayed DISCOVER, and the silence owed to the DHCP server's clients:
 * unknown MACs, clients that are not PXE, REQUESTs on port 67.
 */
#include <string.h>

#include "tests.h"
#include "dhcp_fixture.h"
#include "dhcp_req.h"

#include "dhcpd-pxe/dhcp_enc.h"
#include "dhcpd-pxe/dhcp_proxy.h"

static const char conf[] =
    "proxy-dhcp on;\n"
    "option arch code 93 = unsigned integer 16;\n"
    "next-server 192.0.2.1;\n"
    "filename \"pxelinux.0\";\n"
    "class \"efi\" { match if option arch = 00:07; "
    "filename \"syslinux.efi\"; }\n"
    "subnet 192.0.2.0 netmask 255.255.255.0 {\n"
    "  option routers 192.0.2.254;\n"
    "  host node1 { hardware ethernet 52:54:00:0b:00:01; }\n"
    "  host ovmf { hardware ethernet 02:00:5e:00:53:07; }\n"
    "}\n"
    "subnet 198.51.100.0 netmask 255.255.255.0 {\n"
    "  host racked { hardware ethernet 02:00:00:00:00:07; }\n"
    "}\n";

static struct dhcpconf c;
static struct lease_table lt;
static struct dhcp_server srv;

/* Option 60 "PXEClient:Arch:00007:UNDI:003016", 93 = 7, 97 = a UUID. */
static const uint8_t pxe_efi[] = {
	60, 32, 'P', 'X', 'E', 'C', 'l', 'i', 'e', 'n', 't', ':', 'A', 'r',
	'c', 'h', ':', '0', '0', '0', '0', '7', ':', 'U', 'N', 'D', 'I', ':',
	'0', '0', '3', '0', '1', '6',
	93, 2, 0, 7,
	97, 17, 0, 1, 2, 3, 4, 5, 6, 7, 8, 9, 10, 11, 12, 13, 14, 15, 16 };
static const uint8_t mac_ovmf[6] = { 2, 0, 0x5e, 0, 0x53, 7 };

static void
setup(void)
{
	dhcp_srv_init(conf, &c, &lt, &srv);
}

static void
teardown(void)
{
	dhcp_srv_free(&c, &lt);
}

static void
fixture_proxy(const char *name, struct dhcp_result *r)
{
	uint8_t pkt[DHCP_MAX_LEN];
	struct dhcp_msg m;
	const char *e;
	size_t n = dhcp_fixture(name, pkt, sizeof(pkt));

	ck_assert_int_eq(dhcp_msg_decode(pkt, n, &m, &e), 0);
	dhcp_proxy(&srv, &m, false, r);
}

/* What every proxy answer holds, and lacks. */
static void
check_answer(const struct dhcp_result *r, struct dhcp_msg *rep,
    uint8_t type, const char *file)
{
	const uint8_t *v;
	size_t len;
	uint32_t u;

	dhcp_rep(r, rep);
	ck_assert_uint_eq(rep->type, type);
	ck_assert_uint_eq(rep->yiaddr, 0);
	ck_assert_uint_eq(rep->siaddr, 0xc0000201);
	ck_assert_str_eq((const char *)rep->file, file);
	ck_assert_int_eq(dhcp_opt_get32(rep, DHO_SERVER_ID, &u), 0);
	ck_assert_uint_eq(u, 0xc0000201);
	v = dhcp_opt_get(rep, DHO_VENDOR_CLASS, 1, &len);
	ck_assert_uint_eq(len, 9);
	ck_assert_mem_eq(v, "PXEClient", 9);
	/* No PXE options in the config: discovery control 8. */
	v = dhcp_opt_get(rep, DHO_VENDOR, 1, &len);
	ck_assert_uint_eq(len, 4);
	ck_assert_mem_eq(v, "\x06\x01\x08\xff", 4);
	/* The network is the DHCP server's to configure. */
	ck_assert(!rep->has[DHO_LEASE_TIME] && !rep->has[DHO_SUBNET_MASK] &&
	    !rep->has[DHO_ROUTERS]);
	ck_assert(!r->commit);
}

START_TEST(test_ipxe_discover)
{
	static struct dhcp_result r;
	struct dhcp_msg rep;

	fixture_proxy("qemu-ipxe-bios-discover.hex", &r);
	ck_assert_int_eq(r.dest, DHCP_DST_BROADCAST);
	ck_assert_uint_eq(r.dst_port, 68);
	check_answer(&r, &rep, DHCPOFFER, "pxelinux.0");
	ck_assert_uint_eq(lt.n, 0);	/* no lease, not even offered */
}
END_TEST

START_TEST(test_edk2_discover)
{
	static struct dhcp_result r;
	struct dhcp_msg rep;
	size_t len;

	fixture_proxy("uefi-x64-discover.hex", &r);
	ck_assert_int_eq(r.dest, DHCP_DST_BROADCAST);
	check_answer(&r, &rep, DHCPOFFER, "syslinux.efi");
	ck_assert_ptr_nonnull(dhcp_opt_get(&rep, DHO_PXE_UUID, 17, &len));
}
END_TEST

START_TEST(test_bs_request)
{
	static struct dhcp_result r;
	struct dhcp_msg m, rep;

	/* The boot server request: unicast to port 4011, with ciaddr. */
	dhcp_req_mac(&m, DHCPREQUEST, mac_ovmf, 0xc0000265, 0, pxe_efi,
	    sizeof(pxe_efi));
	dhcp_proxy(&srv, &m, true, &r);
	ck_assert_int_eq(r.dest, DHCP_DST_PEER);
	check_answer(&r, &rep, DHCPACK, "syslinux.efi");
	ck_assert_uint_eq(rep.ciaddr, 0xc0000265);
	/* INFORM too; a DISCOVER there is not a boot server request. */
	dhcp_req_mac(&m, DHCPINFORM, mac_ovmf, 0xc0000265, 0, pxe_efi,
	    sizeof(pxe_efi));
	dhcp_proxy(&srv, &m, true, &r);
	ck_assert_int_eq(r.dest, DHCP_DST_PEER);
	dhcp_req_mac(&m, DHCPDISCOVER, mac_ovmf, 0, 0, pxe_efi,
	    sizeof(pxe_efi));
	dhcp_proxy(&srv, &m, true, &r);
	ck_assert_int_eq(r.dest, DHCP_DST_NONE);
}
END_TEST

START_TEST(test_relayed)
{
	static struct dhcp_result r;
	struct dhcp_msg m, rep;

	dhcp_req(&m, DHCPDISCOVER, 7, 0, 0xc6336401, pxe_efi,
	    sizeof(pxe_efi));
	dhcp_proxy(&srv, &m, false, &r);
	ck_assert_int_eq(r.dest, DHCP_DST_RELAY);
	ck_assert_uint_eq(r.dst_ip, 0xc6336401);
	ck_assert_uint_eq(r.dst_port, 67);
	dhcp_rep(&r, &rep);
	ck_assert_str_eq((const char *)rep.file, "syslinux.efi");
}
END_TEST

/* The DHCP server's business: silence, never a NAK. */
START_TEST(test_silence)
{
	static struct dhcp_result r;
	struct dhcp_msg m;
	const uint8_t mac_unknown[6] = { 2, 0, 0, 0, 0, 0x42 };

	/* A known PXE client's REQUEST on port 67 is for the DHCP server. */
	dhcp_req_mac(&m, DHCPREQUEST, mac_ovmf, 0, 0, pxe_efi,
	    sizeof(pxe_efi));
	dhcp_proxy(&srv, &m, false, &r);
	ck_assert_int_eq(r.dest, DHCP_DST_NONE);
	ck_assert_uint_eq(r.type, 0);
	/* A known MAC that does not say PXEClient (syslinux.efi's own). */
	fixture_proxy("syslinux-efi-discover.hex", &r);
	ck_assert_int_eq(r.dest, DHCP_DST_NONE);
	dhcp_req_mac(&m, DHCPDISCOVER, mac_ovmf, 0, 0, NULL, 0);
	dhcp_proxy(&srv, &m, false, &r);
	ck_assert_int_eq(r.dest, DHCP_DST_NONE);
	/* An unknown PXE client, with `proxy-dhcp on'. */
	dhcp_req_mac(&m, DHCPDISCOVER, mac_unknown, 0, 0, pxe_efi,
	    sizeof(pxe_efi));
	dhcp_proxy(&srv, &m, false, &r);
	ck_assert_int_eq(r.dest, DHCP_DST_NONE);
	ck_assert_str_eq(r.why, "proxy: unknown client");
	/* ... answered with `proxy-dhcp all'. */
	c.proxy = DC_PROXY_ALL;
	dhcp_proxy(&srv, &m, false, &r);
	ck_assert_int_eq(r.dest, DHCP_DST_BROADCAST);
	ck_assert_uint_eq(lt.n, 0);
}
END_TEST

Suite *
dhcp_proxy_suite(void)
{
	Suite *s = suite_create("dhcp_proxy");
	TCase *tc = tcase_create("core");

	tcase_add_checked_fixture(tc, setup, teardown);
	tcase_add_test(tc, test_ipxe_discover);
	tcase_add_test(tc, test_edk2_discover);
	tcase_add_test(tc, test_bs_request);
	tcase_add_test(tc, test_relayed);
	tcase_add_test(tc, test_silence);
	suite_add_tcase(s, tc);
	return s;
}
