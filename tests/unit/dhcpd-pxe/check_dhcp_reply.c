// SPDX-License-Identifier: ISC
/*
 * Unit tests for dhcpd-pxe's reply core (dhcp_reply.c, dhcp_build.c,
 * dhcp_policy.c, dhcp_pxe.c): the reply to each fixture DISCOVER (PXE
 * options, boot file by architecture, destination), and the policy of
 * each message type with an injected clock.
 */
#include <string.h>

#include "tests.h"
#include "dhcp_fixture.h"
#include "dhcp_req.h"

#include "dhcpconf/dhcpconf.h"
#include "dhcpd-pxe/dhcp_enc.h"
#include "dhcpd-pxe/dhcp_reply.h"

static const char conf[] =
    "ddns-update-style none;\n"
    "option space PXE;\n"
    "option PXE.mtftp-ip code 1 = ip-address;\n"
    "option arch code 93 = unsigned integer 16;\n"
    "subnet 192.0.2.0 netmask 255.255.255.0 {\n"
    "  option routers 192.0.2.1;\n"
    "  option domain-name-servers 192.0.2.1;\n"
    /* ISC: the first class a client matches overrides the others. */
    "  class \"efi\" { match if option arch = 00:07; "
    "filename \"syslinux.efi\"; }\n"
    "  class \"pxeclients\" {\n"
    "    match if substring (option vendor-class-identifier, 0, 9) = "
    "\"PXEClient\";\n"
    "    vendor-option-space PXE;\n"
    "    option PXE.mtftp-ip 0.0.0.0;\n"
    "    filename \"pxelinux.0\";\n"
    "    next-server 192.0.2.1;\n"
    "  }\n"
    "  pool { default-lease-time 3600; max-lease-time 7200;\n"
    "    range 192.0.2.100 192.0.2.102; }\n"
    "  host node1 { hardware ethernet 00:0e:0c:11:22:33;\n"
    "    fixed-address 192.0.2.11; }\n"
    "}\n"
    "subnet 198.51.100.0 netmask 255.255.255.0 { authoritative;\n"
    "  range 198.51.100.10 198.51.100.11; deny unknown-clients; }\n";

static struct dhcpconf c;
static struct lease_table lt;
static struct dhcp_server srv;

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
fixture_reply(const char *name, struct dhcp_result *r, struct dhcp_msg *rep)
{
	uint8_t pkt[DHCP_MAX_LEN];
	struct dhcp_msg m;
	const char *e;
	size_t n = dhcp_fixture(name, pkt, sizeof(pkt));

	ck_assert_int_eq(dhcp_msg_decode(pkt, n, &m, &e), 0);
	dhcp_reply(&srv, &m, r);
	ck_assert_int_ne(r->dest, DHCP_DST_NONE);
	dhcp_rep(r, rep);
	ck_assert_uint_eq(rep->xid, m.xid);
}

START_TEST(test_ipxe_offer)
{
	static struct dhcp_result r;
	struct dhcp_msg rep;
	const uint8_t *v;
	size_t len;
	uint32_t u;

	fixture_reply("ipxe-bios-discover.hex", &r, &rep);
	ck_assert_uint_eq(rep.type, DHCPOFFER);
	ck_assert_int_eq(r.dest, DHCP_DST_CHADDR);	/* flag 0, no ciaddr */
	ck_assert_uint_eq(r.dst_ip, rep.yiaddr);
	ck_assert_uint_eq(rep.yiaddr, 0xc0000264);
	ck_assert_uint_eq(rep.siaddr, 0xc0000201);
	ck_assert_str_eq((const char *)rep.file, "pxelinux.0");
	v = dhcp_opt_get(&rep, DHO_VENDOR_CLASS, 1, &len);
	ck_assert_uint_eq(len, 9);
	ck_assert_mem_eq(v, "PXEClient", 9);
	v = dhcp_opt_get(&rep, DHO_VENDOR, 1, &len);
	ck_assert_uint_eq(len, 7);
	ck_assert_mem_eq(v, "\x01\x04\x00\x00\x00\x00\xff", 7);
	ck_assert_ptr_nonnull(dhcp_opt_get(&rep, DHO_PXE_UUID, 17, &len));
	ck_assert_int_eq(dhcp_opt_get32(&rep, DHO_SERVER_ID, &u), 0);
	ck_assert_uint_eq(u, 0xc0000201);
	ck_assert_int_eq(dhcp_opt_get32(&rep, DHO_LEASE_TIME, &u), 0);
	ck_assert_uint_eq(u, 3600);
	ck_assert_int_eq(dhcp_opt_get32(&rep, DHO_T1, &u), 0);
	ck_assert_uint_eq(u, 1800);
	/* No option 55: every configured option goes out. */
	ck_assert_int_eq(dhcp_opt_get32(&rep, DHO_ROUTERS, &u), 0);
	ck_assert_ptr_nonnull(dhcp_opt_get(&rep, 6, 4, &len));
	ck_assert(!r.commit);
	ck_assert_int_eq(lease_by_ip(&lt, 0xc0000264)->state, LEASE_OFFERED);
}
END_TEST

START_TEST(test_uefi_bios_offer)
{
	static struct dhcp_result r;
	struct dhcp_msg rep;

	fixture_reply("uefi-x64-discover.hex", &r, &rep);
	ck_assert_int_eq(r.dest, DHCP_DST_BROADCAST);
	ck_assert_uint_eq(r.dst_ip, 0xffffffff);
	ck_assert_str_eq((const char *)rep.file, "syslinux.efi");
	ck_assert(rep.has[DHO_VENDOR] && rep.has[DHO_ROUTERS]);
	ck_assert(!rep.has[12]);	/* not configured */
	/* The PXE 2.1 ROM's MAC is node1's: its fixed address. */
	fixture_reply("bios-pxe21-discover.hex", &r, &rep);
	ck_assert_uint_eq(rep.yiaddr, 0xc000020b);
	ck_assert_str_eq((const char *)rep.file, "pxelinux.0");
	ck_assert(lease_by_ip(&lt, 0xc000020b) == NULL);
}
END_TEST

START_TEST(test_dora)
{
	static struct dhcp_result r;
	static const uint8_t sel[] = { 54, 4, 192, 0, 2, 1, 50, 4, 192, 0, 2,
	    100, 12, 3, 'n', '"', '7' };
	struct dhcp_msg m, rep;

	dhcp_req(&m, DHCPDISCOVER, 7, 0, 0, NULL, 0);
	dhcp_reply(&srv, &m, &r);
	ck_assert_uint_eq(r.yiaddr, 0xc0000264);
	ck_assert(!m.has[DHO_VENDOR_CLASS]);
	dhcp_rep(&r, &rep);
	ck_assert(!rep.has[DHO_VENDOR_CLASS] && !rep.has[DHO_VENDOR]);
	ck_assert_uint_eq(rep.file[0], 0);
	dhcp_req(&m, DHCPREQUEST, 7, 0, 0, sel, sizeof(sel));
	dhcp_reply(&srv, &m, &r);
	ck_assert_uint_eq(r.type, DHCPACK);
	ck_assert(r.commit);
	ck_assert_uint_eq(r.lease.ip, 0xc0000264);
	ck_assert_int_eq(r.lease.state, LEASE_ACTIVE);
	ck_assert_int_eq(r.lease.ends, srv.now + 3600);
	ck_assert_str_eq(r.lease.hostname, "n7");	/* quote dropped */
	/* The same client rediscovering gets the same address. */
	dhcp_req(&m, DHCPDISCOVER, 7, 0, 0, NULL, 0);
	dhcp_reply(&srv, &m, &r);
	ck_assert_uint_eq(r.yiaddr, 0xc0000264);
	/* Another client is not given it. */
	dhcp_req(&m, DHCPDISCOVER, 8, 0, 0, NULL, 0);
	dhcp_reply(&srv, &m, &r);
	ck_assert_uint_eq(r.yiaddr, 0xc0000265);
}
END_TEST

START_TEST(test_other_server_and_exhaustion)
{
	static struct dhcp_result r;
	static const uint8_t other[] = { 54, 4, 192, 0, 2, 9, 50, 4, 192, 0,
	    2, 100 };
	struct dhcp_msg m;
	int i;

	dhcp_req(&m, DHCPDISCOVER, 1, 0, 0, NULL, 0);
	dhcp_reply(&srv, &m, &r);
	dhcp_req(&m, DHCPREQUEST, 1, 0, 0, other, sizeof(other));
	dhcp_reply(&srv, &m, &r);
	ck_assert_int_eq(r.dest, DHCP_DST_NONE);
	ck_assert_str_eq(r.why, "client chose another server");
	ck_assert_int_eq(lease_by_ip(&lt, 0xc0000264)->state, LEASE_FREE);
	for (i = 0; i < 3; i++) {
		dhcp_req(&m, DHCPDISCOVER, (uint8_t)(10 + i), 0, 0, NULL, 0);
		dhcp_reply(&srv, &m, &r);
		ck_assert_int_ne(r.dest, DHCP_DST_NONE);
	}
	dhcp_req(&m, DHCPDISCOVER, 20, 0, 0, NULL, 0);
	dhcp_reply(&srv, &m, &r);
	ck_assert_int_eq(r.dest, DHCP_DST_NONE);
	ck_assert_str_eq(r.why, "no free address (or unknown clients "
	    "denied)");
	/* Offers expire: after the hold time the pool has room again. */
	srv.now += LEASE_OFFER_HOLD + 1;
	dhcp_reply(&srv, &m, &r);
	ck_assert_int_ne(r.dest, DHCP_DST_NONE);
}
END_TEST

START_TEST(test_relay_nak_unknown)
{
	static struct dhcp_result r;
	static const uint8_t req[] = { 50, 4, 192, 0, 2, 100 };
	struct dhcp_msg m, rep;

	/* Relayed from 198.51.100.0/24: unknown clients denied there. */
	dhcp_req(&m, DHCPDISCOVER, 5, 0, 0xc6336401, NULL, 0);
	dhcp_reply(&srv, &m, &r);
	ck_assert_int_eq(r.dest, DHCP_DST_NONE);
	/* INIT-REBOOT with an address of another network: NAK via relay. */
	dhcp_req(&m, DHCPREQUEST, 5, 0, 0xc6336401, req, sizeof(req));
	dhcp_reply(&srv, &m, &r);
	ck_assert_uint_eq(r.type, DHCPNAK);
	ck_assert_int_eq(r.dest, DHCP_DST_RELAY);
	ck_assert_uint_eq(r.dst_ip, 0xc6336401);
	ck_assert_uint_eq(r.dst_port, DHCP_SERVER_PORT);
	dhcp_rep(&r, &rep);
	ck_assert_uint_eq(rep.flags, DHCP_FLAG_BROADCAST);
	ck_assert_uint_eq(rep.giaddr, 0xc6336401);
	/* Not authoritative on 192.0.2.0/24: silence for a stranger. */
	dhcp_req(&m, DHCPREQUEST, 5, 0, 0, req, sizeof(req));
	dhcp_reply(&srv, &m, &r);
	ck_assert_int_eq(r.dest, DHCP_DST_NONE);
	ck_assert_str_eq(r.why, "no record of this client");
}
END_TEST

START_TEST(test_renew_release_decline_inform)
{
	static struct dhcp_result r;
	static const uint8_t sel[] = { 54, 4, 192, 0, 2, 1, 50, 4, 192, 0, 2,
	    100 }, dec[] = { 50, 4, 192, 0, 2, 100 };
	struct dhcp_msg m, rep;

	dhcp_req(&m, DHCPREQUEST, 3, 0, 0, sel, sizeof(sel));
	dhcp_reply(&srv, &m, &r);
	ck_assert_uint_eq(r.type, DHCPACK);
	srv.now += 100;
	dhcp_req(&m, DHCPREQUEST, 3, 0xc0000264, 0, NULL, 0);	/* RENEW */
	dhcp_reply(&srv, &m, &r);
	ck_assert_uint_eq(r.type, DHCPACK);
	ck_assert_int_eq(r.dest, DHCP_DST_CIADDR);
	ck_assert_int_eq(r.lease.ends, srv.now + 3600);
	dhcp_req(&m, DHCPREQUEST, 4, 0xc0000264, 0, NULL, 0);
	dhcp_reply(&srv, &m, &r);
	ck_assert_uint_eq(r.type, DHCPNAK);	/* someone else's */
	dhcp_req(&m, DHCPINFORM, 3, 0xc0000264, 0, NULL, 0);
	dhcp_reply(&srv, &m, &r);
	ck_assert_uint_eq(r.type, DHCPACK);
	dhcp_rep(&r, &rep);
	ck_assert_uint_eq(rep.yiaddr, 0);
	ck_assert(!rep.has[DHO_LEASE_TIME]);
	dhcp_req(&m, DHCPRELEASE, 3, 0xc0000264, 0, NULL, 0);
	dhcp_reply(&srv, &m, &r);
	ck_assert(r.commit && r.dest == DHCP_DST_NONE);
	ck_assert_int_eq(r.lease.state, LEASE_FREE);
	dhcp_req(&m, DHCPREQUEST, 3, 0, 0, sel, sizeof(sel));
	dhcp_reply(&srv, &m, &r);
	dhcp_req(&m, DHCPDECLINE, 3, 0, 0, dec, sizeof(dec));
	dhcp_reply(&srv, &m, &r);
	ck_assert_int_eq(r.lease.state, LEASE_ABANDONED);
	dhcp_req(&m, DHCPDISCOVER, 3, 0, 0, dec, sizeof(dec));
	dhcp_reply(&srv, &m, &r);
	ck_assert_uint_ne(r.yiaddr, 0xc0000264);
	srv.now += LEASE_ABANDON_TIME + 1;
	dhcp_req(&m, DHCPDISCOVER, 9, 0, 0, dec, sizeof(dec));
	dhcp_reply(&srv, &m, &r);
	ck_assert_uint_eq(r.yiaddr, 0xc0000264);
}
END_TEST

START_TEST(test_prl_and_budget)
{
	static struct dhcp_result r;
	static const uint8_t prl[] = { 55, 2, 6, 3 }, small[] = { 57, 2, 2,
	    64 };
	struct dhcp_msg m, rep;
	size_t n;

	dhcp_req(&m, DHCPDISCOVER, 2, 0, 0, prl, sizeof(prl));
	dhcp_reply(&srv, &m, &r);
	dhcp_rep(&r, &rep);
	ck_assert(rep.has[6] && rep.has[3] && rep.has[1]);
	/* Options in the order asked: 6 before 3. */
	ck_assert_uint_lt(rep.off[6], rep.off[3]);
	dhcp_req(&m, DHCPDISCOVER, 2, 0, 0, small, sizeof(small));
	dhcp_reply(&srv, &m, &r);
	ck_assert_uint_le(r.len, 576 - 28);
	n = r.len;
	ck_assert_uint_ge(n, DHCP_BOOTP_MIN);
}
END_TEST

Suite *
dhcp_reply_suite(void)
{
	Suite *s = suite_create("dhcp_reply");
	TCase *tc = tcase_create("core");

	tcase_add_checked_fixture(tc, setup, teardown);
	tcase_add_test(tc, test_ipxe_offer);
	tcase_add_test(tc, test_uefi_bios_offer);
	tcase_add_test(tc, test_dora);
	tcase_add_test(tc, test_other_server_and_exhaustion);
	tcase_add_test(tc, test_relay_nak_unknown);
	tcase_add_test(tc, test_renew_release_decline_inform);
	tcase_add_test(tc, test_prl_and_budget);
	suite_add_tcase(s, tc);
	return s;
}
