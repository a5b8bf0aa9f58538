// SPDX-License-Identifier: ISC
/*
 * libFuzzer harness over dhcpd-pxe's packet path: decode any bytes as a
 * DHCP request and, if they decode, answer them with the reply core
 * against a PXE configuration and a lease table that lives across inputs
 * (so later inputs meet leases earlier ones made).  Every reply must fit
 * its buffer and decode again, and the lease table's indexes must verify
 * after every input.  The same bytes then go to the proxyDHCP core
 * (`proxy-dhcp all', as if on port 67 and on port 4011), which must answer
 * only PXE clients, with no address and no lease, or nothing.
 */
#include <stdint.h>
#include <stdlib.h>
#include <string.h>

#include "dhcpconf/dhcpconf.h"
#include "dhcpd-pxe/dhcp_msg.h"
#include "dhcpd-pxe/dhcp_proxy.h"
#include "dhcpd-pxe/dhcp_reply.h"

int	LLVMFuzzerTestOneInput(const uint8_t *, size_t);

static const char conf[] =
    "option space PXE;\n"
    "option PXE.mtftp-ip code 1 = ip-address;\n"
    "option arch code 93 = unsigned integer 16;\n"
    "authoritative;\n"
    "subnet 192.0.2.0 netmask 255.255.255.0 {\n"
    "  option routers 192.0.2.1; option domain-name \"lab\";\n"
    "  class \"pxe\" { match if substring (option "
    "vendor-class-identifier, 0, 9) = \"PXEClient\";\n"
    "    vendor-option-space PXE; option PXE.mtftp-ip 0.0.0.0;\n"
    "    filename \"pxelinux.0\"; next-server 192.0.2.1; }\n"
    "  class \"efi\" { match if option arch = 00:07; "
    "filename \"syslinux.efi\"; }\n"
    "  class \"ipxe\" { match if option user-class = \"iPXE\"; "
    "filename \"boot.ipxe\"; }\n"
    "  pool { range 192.0.2.100 192.0.2.103; allow members of \"pxe\"; }\n"
    "  host n1 { hardware ethernet 52:54:00:12:34:56; "
    "fixed-address 192.0.2.11; }\n"
    "}\n"
    "subnet 198.51.100.0 netmask 255.255.255.0 { range 198.51.100.5; "
    "deny unknown-clients; }\n";

static struct dhcpconf c, pc;
static struct lease_table lt;
static bool ready;

/* A reply fits, decodes again as its type; a proxy's gives no address. */
static void
check_reply(const struct dhcp_result *r, bool proxy)
{
	struct dhcp_msg back;
	const char *e;
	uint8_t p[DHCP_MAX_LEN];

	if (r->dest == DHCP_DST_NONE)
		return;
	if (r->len < DHCP_MIN_LEN || r->len > sizeof(r->pkt))
		abort();
	memcpy(p, r->pkt, r->len);
	p[0] = BOOTREQUEST;
	if (dhcp_msg_decode(p, r->len, &back, &e) == -1 ||
	    back.type != r->type)
		abort();
	if (proxy && (back.yiaddr != 0 || r->commit ||
	    back.has[DHO_LEASE_TIME]))
		abort();
}

/* The proxy core on port 67 and on port 4011. */
static void
proxy(const struct dhcp_msg *m, struct dhcp_result *r)
{
	struct dhcp_server srv;
	const uint8_t *v;
	size_t len;
	int bs;

	v = dhcp_opt_get(m, DHO_VENDOR_CLASS, 1, &len);
	srv.conf = &pc;
	srv.leases = &lt;
	srv.ifaddr = 0xc0000201;
	srv.now = 1000000;
	for (bs = 0; bs < 2; bs++) {
		dhcp_proxy(&srv, m, bs, r);
		check_reply(r, true);
		/* Only a PXE or HTTP boot client is answered. */
		if (r->dest != DHCP_DST_NONE && (v == NULL || len < 9 ||
		    (memcmp(v, "PXEClient", 9) != 0 &&
		    (len < 10 || memcmp(v, "HTTPClient", 10) != 0))))
			abort();
	}
}

int
LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
	static struct dhcp_result r;
	struct dhcp_server srv;
	struct dhcp_msg m;
	struct perr err;
	const char *e;
	size_t probe;

	if (!ready) {
		if (dhcpconf_parse(&c, conf, strlen(conf), "f", &err) == -1 ||
		    dhcpconf_parse(&pc, conf, strlen(conf), "f", &err) == -1 ||
		    lease_table_ranges(&lt, c.nranges) == -1)
			abort();
		pc.proxy = DC_PROXY_ALL;
		ready = true;
	}
	if (dhcp_msg_decode(data, size, &m, &e) == -1) {
		if (e == NULL)
			abort();
		return 0;
	}
	srv.conf = &c;
	srv.leases = &lt;
	srv.ifaddr = 0xc0000201;
	srv.now = 1000000 + (int64_t)(m.xid & 0xffff);
	dhcp_reply(&srv, &m, &r);
	if (lease_table_verify(&lt, &probe) != NULL || probe > 32)
		abort();
	check_reply(&r, false);
	proxy(&m, &r);
	return 0;
}
