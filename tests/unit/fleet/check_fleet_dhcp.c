// SPDX-License-Identifier: ISC
/*
 * Unit tests for fleet/fl_dhcp.c: the generator's DISCOVER equals the
 * captured iPXE DISCOVERs (BIOS and under OVMF) byte for byte when built
 * for the captured client; a REQUEST is the same message with option 53 =
 * 3 and options 54 and 50 before the end, as in the lab's capture; the
 * reply reader takes option 67 over the file field, option 66 as an
 * address, option 60 "PXEClient"; and every prefix of a reply is refused
 * cleanly.
 */
#include <string.h>

#include "tests.h"
#include "dhcpd-pxe/dhcp_fixture.h"

#include "fleet/fl_dhcp.h"

static const uint8_t node1[MAC_LEN] = { 0x52, 0x54, 0x00, 0x0b, 0x00, 0x01 };

static void
captured(enum fl_arch arch, const char *fixture, uint32_t xid)
{
	struct fl_dhcp_req q;
	uint8_t want[1024], got[FL_DHCP_MAX];
	size_t n;
	ssize_t m;

	n = dhcp_fixture(fixture, want, sizeof(want));
	memset(&q, 0, sizeof(q));
	q.arch = arch;
	q.type = FL_DHCP_DISCOVER;
	q.xid = xid;
	q.secs = 4;
	memcpy(q.mac, node1, MAC_LEN);	/* the UUID: zero, as qemu's */
	m = fl_dhcp_build(&q, got, sizeof(got));
	ck_assert_int_eq(m, (ssize_t)n);
	ck_assert_mem_eq(got, want, n);
}

START_TEST(test_discover_bios)
{
	captured(FL_ARCH_BIOS, "qemu-ipxe-bios-discover.hex", 0x5a4d5d37);
}
END_TEST

START_TEST(test_discover_efi)
{
	captured(FL_ARCH_EFI, "qemu-ipxe-efi-discover.hex", 0x965ce85d);
}
END_TEST

START_TEST(test_request)
{
	struct fl_dhcp_req q;
	uint8_t d[FL_DHCP_MAX], r[FL_DHCP_MAX];
	ssize_t dn, rn;

	memset(&q, 0, sizeof(q));
	q.type = FL_DHCP_DISCOVER;
	q.xid = 0xe5ae0147;
	memcpy(q.mac, node1, MAC_LEN);
	q.uuid[6] = 0x41;
	dn = fl_dhcp_build(&q, d, sizeof(d));
	q.type = FL_DHCP_REQUEST;
	q.secs = 11;
	q.server = 0xc0000201;
	q.addr = 0xc0000265;
	rn = fl_dhcp_build(&q, r, sizeof(r));
	/* 400 and 412 bytes, as tcpdump saw them in the lab */
	ck_assert_int_eq(dn, 400);
	ck_assert_int_eq(rn, 412);
	ck_assert_uint_eq(r[8], 0);
	ck_assert_uint_eq(r[9], 11);
	ck_assert_uint_eq(r[242], 3);	/* option 53's value */
	ck_assert_mem_eq(r + 243, d + 243, (size_t)dn - 244);
	ck_assert_mem_eq(r + dn - 1, "\x36\x04\xc0\x00\x02\x01"
	    "\x32\x04\xc0\x00\x02\x65\xff", 13);
	/* option 97 at 380: code, length, type 0, then the UUID */
	ck_assert_uint_eq(d[380], 97);
	ck_assert_uint_eq(d[383 + 6], 0x41);
	ck_assert_int_eq(fl_dhcp_build(&q, r, 300), -1);
}
END_TEST

/* A BOOTREPLY: type, yiaddr 192.0.2.101, siaddr, file, then options. */
static size_t
reply(uint8_t *b, int type, const char *file, const uint8_t *opt,
    size_t optlen)
{
	memset(b, 0, 240);
	b[0] = 2, b[1] = 1, b[2] = 6;
	memcpy(b + 4, "\x11\x22\x33\x44", 4);
	memcpy(b + 16, "\xc0\x00\x02\x65", 4);
	memcpy(b + 20, "\xc0\x00\x02\x01", 4);
	memcpy(b + 28, node1, MAC_LEN);
	strlcpy((char *)b + 108, file, 128);
	memcpy(b + 236, "\x63\x82\x53\x63", 4);
	b[240] = 53, b[241] = 1, b[242] = (uint8_t)type;
	if (optlen > 0)
		memcpy(b + 243, opt, optlen);
	b[243 + optlen] = 255;
	return 244 + optlen;
}

START_TEST(test_parse)
{
	static const uint8_t opt[] = {
		54, 4, 192, 0, 2, 1, 60, 9, 'P', 'X', 'E', 'C', 'l', 'i', 'e',
		'n', 't', 66, 9, '1', '9', '8', '.', '5', '1', '.', '1', '0',
		67, 10, 'b', 'o', 'o', 't', '/', 'p', 'x', 'e', '.', '0', 0,
		1, 4, 255, 255, 255, 0
	};
	struct fl_dhcp_reply r;
	const char *errstr;
	uint8_t b[600];
	size_t n;

	n = reply(b, 2, "pxelinux.0", opt, sizeof(opt));
	ck_assert_int_eq(fl_dhcp_parse(b, n, &r, &errstr), 0);
	ck_assert_int_eq(r.type, 2);
	ck_assert_uint_eq(r.xid, 0x11223344);
	ck_assert_uint_eq(r.yiaddr, 0xc0000265);
	ck_assert_uint_eq(r.siaddr, 0xc0000201);
	ck_assert_uint_eq(r.server, 0xc0000201);
	ck_assert(r.pxeclient);
	ck_assert_uint_eq(r.tftp, 0);	/* "198.51.10" is no address */
	ck_assert_str_eq(r.file, "boot/pxe.0");
	ck_assert_mem_eq(r.chaddr, node1, MAC_LEN);
	n = reply(b, 5, "pxelinux.0", opt + 6, 2);	/* a cut option 60 */
	ck_assert_int_eq(fl_dhcp_parse(b, n, &r, &errstr), -1);
	n = reply(b, 5, "pxelinux.0", NULL, 0);
	ck_assert_int_eq(fl_dhcp_parse(b, n, &r, &errstr), 0);
	ck_assert_str_eq(r.file, "pxelinux.0");
	ck_assert(!r.pxeclient);
	b[0] = 1;
	ck_assert_int_eq(fl_dhcp_parse(b, n, &r, &errstr), -1);
	b[0] = 2;
	memset(b + 108, 'x', 128);	/* the file field without its NUL */
	ck_assert_int_eq(fl_dhcp_parse(b, n, &r, &errstr), -1);
	ck_assert_str_eq(errstr, "file field without NUL");
}
END_TEST

/* Every prefix of a valid reply is refused, with a reason. */
START_TEST(test_truncated)
{
	static const uint8_t opt[] = { 54, 4, 192, 0, 2, 1 };
	struct fl_dhcp_reply r;
	const char *errstr = NULL;
	uint8_t b[600];
	size_t n = reply(b, 2, "x", opt, sizeof(opt));

	ck_assert_int_le(_i, (int)n);
	if ((size_t)_i == n) {
		ck_assert_int_eq(fl_dhcp_parse(b, n, &r, &errstr), 0);
		return;
	}
	/* without the end option a prefix past option 53 still parses */
	if (fl_dhcp_parse(b, (size_t)_i, &r, &errstr) == 0)
		ck_assert_int_ge(_i, 243);
	else
		ck_assert_ptr_nonnull(errstr);
}
END_TEST

Suite *
fleet_dhcp_suite(void)
{
	Suite *s = suite_create("fleet_dhcp");
	TCase *tc = tcase_create("core");

	tcase_add_test(tc, test_discover_bios);
	tcase_add_test(tc, test_discover_efi);
	tcase_add_test(tc, test_request);
	tcase_add_test(tc, test_parse);
	tcase_add_loop_test(tc, test_truncated, 0, 251);
	suite_add_tcase(s, tc);
	return s;
}
