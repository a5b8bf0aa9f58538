// SPDX-License-Identifier: ISC
/*
 * Finds out who this node is and where it booted from, before privileges
 * are dropped (the SMBIOS table is readable by root only).  Sources, the
 * stronger later: /proc/net/pnp, /proc/cmdline, the -L lease file, then the
 * options.  The interface is -i, else the one whose MAC pxelinux passed in
 * BOOTIF=, else ip='s device, else the first one up with an IPv4 address.
 */
#include <sys/socket.h>

#include <arpa/inet.h>
#include <ifaddrs.h>
#include <net/if.h>
#include <netpacket/packet.h>

#include <err.h>
#include <stdlib.h>
#include <string.h>
#include <sysexits.h>
#include <unistd.h>

#include "common/fileio.h"
#include "common/log.h"
#include "netkexec/netkexec.h"

#define DMI_TABLE	"/sys/firmware/dmi/tables/DMI"

/* Reads a small file into the parser fn; a missing file is no error. */
static void
feed(const char *path, struct nkinfo *ni,
    void (*fn)(struct nkinfo *, const char *, size_t))
{
	char *buf;
	size_t len;

	if (file_read(path, 1u << 20, &buf, &len) == -1) {
		log_debug("%s: not read", path);
		return;
	}
	fn(ni, buf, len);
	free(buf);
}

/* Up and not loopback: an interface a node can have booted from. */
static bool
if_usable(const struct ifaddrs *ifa)
{
	return ifa->ifa_addr != NULL && (ifa->ifa_flags & IFF_UP) &&
	    !(ifa->ifa_flags & IFF_LOOPBACK);
}

static const uint8_t *
if_mac(const struct ifaddrs *ifa)
{
	const struct sockaddr_ll *ll;

	if (ifa->ifa_addr == NULL || ifa->ifa_addr->sa_family != AF_PACKET)
		return NULL;
	ll = (const struct sockaddr_ll *)(const void *)ifa->ifa_addr;
	return ll->sll_halen == MAC_LEN ? ll->sll_addr : NULL;
}

static uint32_t
if_ip4(const struct sockaddr *sa)
{
	const struct sockaddr_in *sin = (const void *)sa;

	return sa != NULL && sa->sa_family == AF_INET ?
	    ntohl(sin->sin_addr.s_addr) : 0;
}

/* Picks nk->ifname when no -i or ip= device named it. */
static void
pick_interface(struct nk *nk, struct ifaddrs *all)
{
	struct ifaddrs *ifa;
	const uint8_t *m;

	if (nk->ifname[0] != '\0')
		return;
	for (ifa = all; ifa != NULL && nk->ni.have_mac; ifa = ifa->ifa_next)
		if ((m = if_mac(ifa)) != NULL &&
		    memcmp(m, nk->ni.mac, MAC_LEN) == 0) {
			strlcpy(nk->ifname, ifa->ifa_name, sizeof(nk->ifname));
			return;
		}
	for (ifa = all; ifa != NULL; ifa = ifa->ifa_next)
		if (if_usable(ifa) && ifa->ifa_addr->sa_family == AF_INET) {
			strlcpy(nk->ifname, ifa->ifa_name, sizeof(nk->ifname));
			return;
		}
}

/* MAC, address and netmask of nk->ifname, where not given already. */
static void
read_interface(struct nk *nk)
{
	struct ifaddrs *all, *ifa;
	const uint8_t *m;

	if (getifaddrs(&all) == -1) {
		log_warn("getifaddrs");
		return;
	}
	pick_interface(nk, all);
	for (ifa = all; ifa != NULL; ifa = ifa->ifa_next) {
		if (strcmp(ifa->ifa_name, nk->ifname) != 0)
			continue;
		if ((m = if_mac(ifa)) != NULL && !nk->have_mac) {
			memcpy(nk->mac, m, MAC_LEN);
			nk->have_mac = true;
		}
		if (if_ip4(ifa->ifa_addr) != 0 && nk->o.ip == NULL) {
			nk->ni.ip = if_ip4(ifa->ifa_addr);
			nk->ni.netmask = if_ip4(ifa->ifa_netmask);
		}
	}
	freeifaddrs(all);
}

/*
 * The UUID pxelinux would use: -u, else the raw SMBIOS bytes (what the PXE
 * ROM put in option 97), not /sys/class/dmi/id/product_uuid, which the
 * kernel prints with the first three fields byte-swapped.
 */
static void
read_uuid(struct nk *nk)
{
	char *buf;
	size_t len;

	if (nk->o.uuid != NULL) {
		if (strcmp(nk->o.uuid, "none") == 0)
			return;
		if (pxename_uuid_parse(nk->o.uuid, nk->uuid) == -1)
			errx(EX_USAGE, "bad UUID: %s", nk->o.uuid);
		nk->have_uuid = true;
		return;
	}
	if (file_read(DMI_TABLE, 1u << 20, &buf, &len) == -1) {
		log_debug("%s: not read: no UUID", DMI_TABLE);
		return;
	}
	nk->have_uuid = nkinfo_dmi_uuid((const uint8_t *)buf, len,
	    nk->uuid) == 0;
	free(buf);
}

/* The default gateway via the boot interface, for IPAPPEND 1's ip=. */
static void
read_gateway(struct nk *nk)
{
	char *buf;
	size_t len;
	uint32_t gw;

	if (file_read("/proc/net/route", 1u << 20, &buf, &len) == -1)
		return;
	if ((gw = nkinfo_gateway(buf, len, nk->ifname)) != 0)
		nk->ni.gateway = gw;
	free(buf);
}

void
probe_node(struct nk *nk)
{
	struct nkinfo *ni = &nk->ni;

	feed("/proc/net/pnp", ni, nkinfo_pnp);
	feed("/proc/cmdline", ni, nkinfo_cmdline);
	if (nk->o.lease != NULL) {
		if (access(nk->o.lease, R_OK) == -1)
			err(EX_NOINPUT, "%s", nk->o.lease);
		feed(nk->o.lease, ni, nkinfo_lease);
	}
	if (nk->o.server != NULL && ip4_parse(nk->o.server, &ni->server) == -1)
		errx(EX_USAGE, "bad server address: %s", nk->o.server);
	if (nk->o.ip != NULL && ip4_parse(nk->o.ip, &ni->ip) == -1)
		errx(EX_USAGE, "bad address: %s", nk->o.ip);
	if (nk->o.mac != NULL) {
		if (mac_parse(nk->o.mac, nk->mac) == -1)
			errx(EX_USAGE, "bad MAC address: %s", nk->o.mac);
		nk->have_mac = true;
	}
	strlcpy(nk->ifname, nk->o.ifname != NULL ? nk->o.ifname : ni->ifname,
	    sizeof(nk->ifname));
	read_interface(nk);
	if (!nk->have_mac && ni->have_mac) {
		memcpy(nk->mac, ni->mac, MAC_LEN);
		nk->have_mac = true;
	}
	read_gateway(nk);
	read_uuid(nk);
	if (ni->server == 0)
		errx(EX_CONFIG, "no boot server known: give -s, or boot with "
		    "ip=client:server:... or netkexec.server= on the kernel "
		    "command line");
}
