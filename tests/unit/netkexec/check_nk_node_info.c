// SPDX-License-Identifier: ISC
/*
 * Unit tests for netkexec/node_info.c: the kernel command line (the
 * seed's ip=, BOOTIF=, netkexec.server=), /proc/net/pnp, a udhcpc
 * environment dump, /proc/net/route and an SMBIOS table, with every
 * truncation of the table.
 */
#include <string.h>

#include "tests.h"

#include "pxeconf/pxename.h"
#include "netkexec/node_info.h"

#define S(x)	x, sizeof(x) - 1

START_TEST(test_cmdline)
{
	struct nkinfo ni;
	char mac[MAC_STRLEN];

	memset(&ni, 0, sizeof(ni));
	nkinfo_cmdline(&ni, S("initrd=rootfs.gz root=/dev/ram rw "
	    "ip=192.168.1.2:192.168.1.1:192.168.1.1:255.255.255.0:node1:eth0:off"
	    " BOOTIF=01-fe-ed-fa-ce-de-ad\n"));
	ck_assert_uint_eq(ni.ip, 0xc0a80102);
	ck_assert_uint_eq(ni.server, 0xc0a80101);
	ck_assert_uint_eq(ni.gateway, 0xc0a80101);
	ck_assert_uint_eq(ni.netmask, 0xffffff00);
	ck_assert_str_eq(ni.ifname, "eth0");
	ck_assert(ni.have_mac);
	ck_assert_str_eq(mac_ntoa(ni.mac, mac), "fe:ed:fa:ce:de:ad");
	nkinfo_cmdline(&ni, S("netkexec.server=192.0.2.9 ip=1.2.3.4:5.6.7.8"));
	ck_assert_uint_eq(ni.server, 0xc0000209);
	ck_assert_uint_eq(ni.ip, 0x01020304);
	memset(&ni, 0, sizeof(ni));
	nkinfo_cmdline(&ni, S("ip=dhcp BOOTIF=01-zz ip=::: quiet"));
	ck_assert_uint_eq(ni.server, 0);
	ck_assert_uint_eq(ni.ip, 0);
	ck_assert(!ni.have_mac);
}
END_TEST

START_TEST(test_pnp_lease)
{
	struct nkinfo ni;

	memset(&ni, 0, sizeof(ni));
	nkinfo_pnp(&ni, S("#PROTO: DHCP\ndomain example\n"
	    "nameserver 192.0.2.53\nbootserver 192.0.2.1\n"));
	ck_assert_uint_eq(ni.server, 0xc0000201);
	nkinfo_pnp(&ni, S("bootserver 0.0.0.0\n"));
	ck_assert_uint_eq(ni.server, 0xc0000201);
	memset(&ni, 0, sizeof(ni));
	nkinfo_lease(&ni, S("interface=eth0\nip=192.0.2.10\n"
	    "serverid=192.0.2.2\nsubnet=255.255.255.0\nrouter=192.0.2.254\n"));
	ck_assert_uint_eq(ni.server, 0xc0000202);
	ck_assert_uint_eq(ni.ip, 0xc000020a);
	ck_assert_uint_eq(ni.gateway, 0xc00002fe);
	nkinfo_lease(&ni, S("export siaddr='192.0.2.3'\nexport ip=\"x\"\n"));
	ck_assert_uint_eq(ni.server, 0xc0000203);
	ck_assert_uint_eq(ni.ip, 0xc000020a);
}
END_TEST

START_TEST(test_gateway)
{
	static const char route[] =
	    "Iface\tDestination\tGateway \tFlags\tRefCnt\tUse\tMetric\tMask\n"
	    "eth1\t00000000\t010011AC\t0003\t0\t0\t0\t00000000\n"
	    "eth0\t0002000A\t00000000\t0001\t0\t0\t0\t00FFFFFF\n"
	    "eth0\t00000000\t0102000A\t0003\t0\t0\t0\t00000000\n";

	ck_assert_uint_eq(nkinfo_gateway(S(route), "eth0"), 0x0a000201);
	ck_assert_uint_eq(nkinfo_gateway(S(route), ""), 0xac110001);
	ck_assert_uint_eq(nkinfo_gateway(S(route), "eth2"), 0);
}
END_TEST

/* BIOS information (type 0, two strings), then System Information. */
static const uint8_t dmi[] = {
	0x00, 0x18, 0x00, 0x00, 0x01, 0x02, 0x00, 0xe8, 0x03, 0x00,
	0x08, 0x00, 0x00, 0x00, 0x00, 0x00, 0x00, 0x00, 0x00, 0x04,
	0x00, 0x00, 0x00, 0x00,
	'S', 'e', 'a', 'B', 'I', 'O', 'S', 0, '1', '.', '1', '6', 0, 0,
	0x01, 0x1b, 0x00, 0x01, 0x01, 0x02, 0x03, 0x00,
	0x44, 0x33, 0x22, 0x11, 0x66, 0x55, 0x88, 0x77,
	0x99, 0xaa, 0xbb, 0xcc, 0xdd, 0xee, 0xff, 0x00,
	0x06, 0x00, 0x00,
	'Q', 'E', 'M', 'U', 0, 'S', 't', 'd', 0, 'p', 'c', 0, 0,
	0x7f, 0x04, 0x00, 0x02, 0, 0
};

START_TEST(test_dmi)
{
	uint8_t u[16];
	char str[PXENAME_LEN];
	size_t n;
	int ok = 0;

	ck_assert_int_eq(nkinfo_dmi_uuid(dmi, sizeof(dmi), u), 0);
	ck_assert_mem_eq(u, dmi + 46, 16);
	/*
	 * qemu -uuid 11223344-5566-7788-99aa-bbccddeeff00 stores these bytes;
	 * pxelinux asks for them in this order, unlike dmidecode.
	 */
	ck_assert_str_eq(pxename_uuid(u, str),
	    "44332211-6655-8877-99aa-bbccddeeff00");
	for (n = 0; n < sizeof(dmi); n++)
		if (nkinfo_dmi_uuid(dmi, n, u) == 0)
			ok++;
	ck_assert_int_eq(ok, (int)(sizeof(dmi) - 65));	/* from 65 bytes */
	ck_assert_int_eq(nkinfo_dmi_uuid(dmi + 36, 2, u), -1);
}
END_TEST

/* qemu without -uuid stores zeros: no UUID, as the PXE ROM sees it. */
START_TEST(test_dmi_no_uuid)
{
	uint8_t t[sizeof(dmi)], u[16];

	memcpy(t, dmi, sizeof(t));
	memset(t + 46, 0x00, 16);
	ck_assert_int_eq(nkinfo_dmi_uuid(t, sizeof(t), u), -1);
	memset(t + 46, 0xff, 16);
	ck_assert_int_eq(nkinfo_dmi_uuid(t, sizeof(t), u), -1);
	t[46] = 0xfe;
	ck_assert_int_eq(nkinfo_dmi_uuid(t, sizeof(t), u), 0);
}
END_TEST

Suite *
nk_node_info_suite(void)
{
	Suite *s = suite_create("nk_node_info");
	TCase *tc = tcase_create("info");

	tcase_add_test(tc, test_cmdline);
	tcase_add_test(tc, test_pnp_lease);
	tcase_add_test(tc, test_gateway);
	tcase_add_test(tc, test_dmi);
	tcase_add_test(tc, test_dmi_no_uuid);
	suite_add_tcase(s, tc);
	return s;
}
