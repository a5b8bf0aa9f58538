// SPDX-License-Identifier: ISC
/*
 * Unit tests for dhcpd-pxe/dhcp_msg.c and dhcp_enc.c: the three DISCOVER
 * fixtures, every truncated prefix of each, option 52 overload, RFC 3396
 * concatenation, iterator bounds, getter length contracts, and the
 * encoder's budget (option 57).
 */
#include <string.h>

#include "tests.h"
#include "dhcp_fixture.h"

#include "dhcpd-pxe/dhcp_enc.h"
#include "dhcpd-pxe/dhcp_msg.h"
#include "dhcpd-pxe/dhcp_pxe.h"

static const char *const fixtures[] = { "ipxe-bios-discover.hex",
    "uefi-x64-discover.hex", "bios-pxe21-discover.hex",
    "qemu-ipxe-bios-discover.hex", "qemu-ipxe-efi-discover.hex",
    "syslinux-efi-discover.hex" };

START_TEST(test_ipxe)
{
	uint8_t pkt[DHCP_MAX_LEN];
	struct dhcp_msg m;
	struct dhcp_client cl;
	const char *e;
	size_t n = dhcp_fixture(fixtures[0], pkt, sizeof(pkt)), len;
	uint16_t max;

	ck_assert_int_eq(dhcp_msg_decode(pkt, n, &m, &e), 0);
	ck_assert_uint_eq(m.type, DHCPDISCOVER);
	ck_assert_uint_eq(m.xid, 0x1a2b3c4d);
	ck_assert_uint_eq(m.flags, 0);
	ck_assert_int_eq(dhcp_opt_get16(&m, DHO_MAX_SIZE, &max), 0);
	ck_assert_uint_eq(max, 1472);
	ck_assert_ptr_null(dhcp_opt_get(&m, DHO_PRL, 1, &len));
	ck_assert_ptr_nonnull(dhcp_opt_get(&m, DHO_IPXE, 1, &len));
	dhcp_pxe_classify(&m, &cl);
	ck_assert(cl.pxe && !cl.http && cl.ipxe && cl.has_arch);
	ck_assert_uint_eq(cl.arch, PXE_ARCH_BIOS);
	ck_assert_uint_eq(cl.uuidlen, 17);
	ck_assert_str_eq(dhcp_pxe_arch_name(cl.arch), "BIOS");
}
END_TEST

START_TEST(test_uefi_bios)
{
	uint8_t pkt[DHCP_MAX_LEN];
	struct dhcp_msg m;
	struct dhcp_client cl;
	const char *e;
	size_t n, len;

	n = dhcp_fixture(fixtures[1], pkt, sizeof(pkt));
	ck_assert_int_eq(dhcp_msg_decode(pkt, n, &m, &e), 0);
	ck_assert_uint_eq(m.flags, DHCP_FLAG_BROADCAST);
	dhcp_pxe_classify(&m, &cl);
	ck_assert(cl.pxe && !cl.ipxe);
	ck_assert_uint_eq(cl.arch, PXE_ARCH_EFI_X64);
	ck_assert_ptr_nonnull(dhcp_opt_get(&m, DHO_PRL, 1, &len));
	ck_assert_uint_eq(len, 35);
	n = dhcp_fixture(fixtures[2], pkt, sizeof(pkt));
	ck_assert_int_eq(dhcp_msg_decode(pkt, n, &m, &e), 0);
	dhcp_pxe_classify(&m, &cl);
	ck_assert(cl.pxe && !cl.ipxe);
	ck_assert_uint_eq(cl.arch, PXE_ARCH_BIOS);
	ck_assert_uint_eq(m.chaddr[5], 0x33);
}
END_TEST

/*
 * Captured in the lab: qemu's iPXE under SeaBIOS and under OVMF, then
 * syslinux.efi's own DISCOVER, which is no PXE client's (no 60, no 93).
 */
START_TEST(test_captured)
{
	static const uint8_t node1[6] = { 0x52, 0x54, 0x00, 0x0b, 0x00, 0x01 };
	uint8_t pkt[DHCP_MAX_LEN];
	struct dhcp_msg m;
	struct dhcp_client cl;
	const char *e;
	size_t i, n, len;

	for (i = 3; i < 6; i++) {
		n = dhcp_fixture(fixtures[i], pkt, sizeof(pkt));
		ck_assert_int_eq(dhcp_msg_decode(pkt, n, &m, &e), 0);
		ck_assert_uint_eq(m.type, DHCPDISCOVER);
		ck_assert_mem_eq(m.chaddr, node1, sizeof(node1));
		ck_assert_ptr_nonnull(dhcp_opt_get(&m, DHO_PRL, 1, &len));
		dhcp_pxe_classify(&m, &cl);
		ck_assert(!cl.http);
		if (i == 5) {
			ck_assert(!cl.pxe && !cl.ipxe && !cl.has_arch);
			continue;
		}
		ck_assert(cl.pxe && cl.ipxe && cl.has_arch);
		ck_assert_uint_eq(cl.arch, i == 3 ? PXE_ARCH_BIOS :
		    PXE_ARCH_EFI_X64);
		ck_assert_uint_eq(cl.uuidlen, 17);
	}
}
END_TEST

/*
 * Every prefix of each fixture (one test per fixture, the prefixes in a
 * loop: a forked test per prefix costs too much under ASan): a clean
 * result, never a crash; headers need 240 bytes.
 */
START_TEST(test_truncated)
{
	uint8_t pkt[DHCP_MAX_LEN];
	struct dhcp_msg m;
	const char *e = NULL;
	size_t k, n = dhcp_fixture(fixtures[_i], pkt, sizeof(pkt));
	int r;

	for (k = 0; k <= n; k++) {
		r = dhcp_msg_decode(pkt, k, &m, &e);
		if (k < DHCP_MIN_LEN) {
			ck_assert_int_eq(r, -1);
			ck_assert_str_eq(e, "truncated header");
		} else if (r == -1)
			ck_assert_ptr_nonnull(e);
		else
			ck_assert_uint_eq(m.type, DHCPDISCOVER);
	}
}
END_TEST

/* A minimal header + cookie, then the given options. */
static size_t
mkpkt(uint8_t *p, const uint8_t *opts, size_t olen)
{
	memset(p, 0, DHCP_MIN_LEN);
	p[0] = BOOTREQUEST;
	p[1] = 1;
	p[2] = 6;
	p[236] = 0x63;
	p[237] = 0x82;
	p[238] = 0x53;
	p[239] = 0x63;
	memcpy(p + DHCP_MIN_LEN, opts, olen);
	return DHCP_MIN_LEN + olen;
}

START_TEST(test_overload)
{
	static const uint8_t opts[] = { 52, 1, 3, 255 };
	uint8_t p[DHCP_MAX_LEN];
	struct dhcp_msg m;
	const char *e;
	size_t n = mkpkt(p, opts, sizeof(opts)), len;
	const uint8_t *v;

	/* file (offset 108) holds 53 and 12; sname (44) holds 12 again. */
	memcpy(p + 108, "\x35\x01\x03\x0c\x02" "ab\xff", 8);
	memcpy(p + 44, "\x00\x0c\x01" "c", 4);
	ck_assert_int_eq(dhcp_msg_decode(p, n, &m, &e), 0);
	ck_assert_uint_eq(m.type, DHCPREQUEST);
	ck_assert_uint_eq(m.overload, 3);
	ck_assert_ptr_nonnull(v = dhcp_opt_get(&m, DHO_HOST_NAME, 1, &len));
	ck_assert_uint_eq(len, 3);
	ck_assert_mem_eq(v, "abc", 3);
	/* Without option 52 the fields are not options. */
	p[DHCP_MIN_LEN + 2] = 0;
	ck_assert_int_eq(dhcp_msg_decode(p, n, &m, &e), -1);
	ck_assert_str_eq(e, "option 53 missing");
	/* An option running out of the file field. */
	p[DHCP_MIN_LEN + 2] = 1;
	memcpy(p + 108 + 125, "\x0c\x09" "x", 3);
	memset(p + 108 + 5, 0, 3);
	ck_assert_int_eq(dhcp_msg_decode(p, n, &m, &e), -1);
	ck_assert_str_eq(e, "option runs past the end of its field");
}
END_TEST

static const struct {
	uint8_t		opts[12];
	size_t		len;
	const char	*err;
} badopts[] = {
	{ { 53, 2, 1, 1 }, 4, "option 53 wrong length" },
	{ { 53, 1, 1, 52, 2, 1, 1 }, 7, "option 52 wrong length" },
	{ { 53, 1, 1, 12, 5, 'a' }, 6, "option runs past the end of its "
	    "field" },
	{ { 53 }, 1, "option runs past the end of its field" },
	{ { 12, 1, 'a' }, 3, "option 53 missing" },
};

START_TEST(test_badopts)
{
	uint8_t p[DHCP_MAX_LEN];
	struct dhcp_msg m;
	const char *e;
	size_t n = mkpkt(p, badopts[_i].opts, badopts[_i].len);

	ck_assert_int_eq(dhcp_msg_decode(p, n, &m, &e), -1);
	ck_assert_str_eq(e, badopts[_i].err);
}
END_TEST

START_TEST(test_concat_getters)
{
	static const uint8_t opts[] = { 12, 2, 'a', 'b', 53, 1, 8, 0, 0,
	    12, 1, 'c', 50, 3, 1, 2, 3, 51, 4, 0, 0, 1, 0 };
	uint8_t p[DHCP_MAX_LEN];
	struct dhcp_msg m;
	const char *e;
	size_t n = mkpkt(p, opts, sizeof(opts)), len;
	const uint8_t *v;
	uint32_t u;

	ck_assert_int_eq(dhcp_msg_decode(p, n, &m, &e), 0);
	ck_assert_uint_eq(m.type, DHCPINFORM);
	v = dhcp_opt_get(&m, DHO_HOST_NAME, 0, &len);
	ck_assert_uint_eq(len, 3);
	ck_assert_mem_eq(v, "abc", 3);
	ck_assert_ptr_null(dhcp_opt_get(&m, DHO_HOST_NAME, 4, &len));
	ck_assert_int_eq(dhcp_opt_get32(&m, DHO_REQ_ADDR, &u), -1);
	ck_assert_int_eq(dhcp_opt_get32(&m, DHO_LEASE_TIME, &u), 0);
	ck_assert_uint_eq(u, 256);
	ck_assert_str_eq(dhcp_type_name(m.type), "DHCPINFORM");
	p[0] = BOOTREPLY;
	ck_assert_int_eq(dhcp_msg_decode(p, n, &m, &e), -1);
	ck_assert_str_eq(e, "not a BOOTREQUEST");
	p[0] = BOOTREQUEST;
	p[236] = 0;
	ck_assert_int_eq(dhcp_msg_decode(p, n, &m, &e), -1);
	ck_assert_str_eq(e, "bad magic cookie");
}
END_TEST

START_TEST(test_encoder_budget)
{
	uint8_t buf[DHCP_MAX_LEN], big[300];
	struct dhcp_hdr h;
	struct dhcp_enc e;
	struct dhcp_msg m;
	const char *err;
	ssize_t n;

	memset(&h, 0, sizeof(h));
	memset(big, 'x', sizeof(big));
	h.xid = 7;
	strlcpy(h.file, "pxelinux.0", sizeof(h.file));
	dhcp_enc_init(&e, buf, sizeof(buf), 0);	/* 548 bytes */
	dhcp_enc_header(&e, &h);
	ck_assert_int_eq(dhcp_enc_opt8(&e, DHO_MSG_TYPE, DHCPOFFER), 0);
	ck_assert_int_eq(dhcp_enc_opt(&e, 12, big, 300), 0);	/* split */
	ck_assert_int_eq(dhcp_enc_opt(&e, 15, big, 10), -1);
	ck_assert_uint_eq(e.dropped, 1);
	n = dhcp_enc_finish(&e);
	ck_assert_int_le(n, 548);
	buf[0] = BOOTREQUEST;	/* decode it back as a request */
	ck_assert_int_eq(dhcp_msg_decode(buf, (size_t)n, &m, &err), 0);
	ck_assert_uint_eq(m.len[12], 300);
	ck_assert_mem_eq(m.file, "pxelinux.0", 11);
	dhcp_enc_init(&e, buf, sizeof(buf), 1500);
	ck_assert_uint_eq(e.limit, 1472);
	dhcp_enc_init(&e, buf, 100, 1500);
	ck_assert_uint_eq(e.limit, 100);
}
END_TEST

Suite *
dhcp_msg_suite(void)
{
	Suite *s = suite_create("dhcp_msg");
	TCase *tc = tcase_create("core");

	tcase_add_test(tc, test_ipxe);
	tcase_add_test(tc, test_uefi_bios);
	tcase_add_loop_test(tc, test_truncated, 0,
	    (int)(sizeof(fixtures) / sizeof(fixtures[0])));
	tcase_add_test(tc, test_captured);
	tcase_add_test(tc, test_overload);
	tcase_add_loop_test(tc, test_badopts, 0,
	    (int)(sizeof(badopts) / sizeof(badopts[0])));
	tcase_add_test(tc, test_concat_getters);
	tcase_add_test(tc, test_encoder_budget);
	suite_add_tcase(s, tc);
	return s;
}
