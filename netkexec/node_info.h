/* SPDX-License-Identifier: ISC */
/*
 * What a node knows about its own network boot, from text and tables the
 * kernel and the DHCP client leave behind: the kernel command line (ip=
 * as pxecfg-gen writes it, BOOTIF= from pxelinux's IPAPPEND 2, and
 * netkexec.server=), /proc/net/pnp (the kernel's own DHCP: "bootserver"),
 * a udhcpc environment dump (siaddr is next-server), /proc/net/route (the
 * default gateway) and the SMBIOS table (the system UUID, raw bytes as the
 * PXE ROM sends them in DHCP option 97).  Pure parsers: no I/O.
 */
#ifndef NK_NODE_INFO_H
#define NK_NODE_INFO_H

#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>

#include "common/addr.h"

#define NKINFO_IFNAMEMAX	16	/* IFNAMSIZ */

struct nkinfo {
	uint32_t	server;		/* TFTP server; 0: unknown */
	uint32_t	ip;		/* this node; 0: unknown */
	uint32_t	gateway;
	uint32_t	netmask;
	uint8_t		mac[MAC_LEN];	/* BOOTIF= */
	bool		have_mac;
	char		ifname[NKINFO_IFNAMEMAX];	/* ip= device */
};

/*
 * The kernel command line: "netkexec.server=A" wins over ip='s second
 * field; ip=client:server:gw:netmask:host:device:... fills what it gives
 * (ip=dhcp and empty fields give nothing); "BOOTIF=01-aa-bb-cc-dd-ee-ff"
 * gives the MAC.  Fields that do not parse are left alone.
 */
void	nkinfo_cmdline(struct nkinfo *, const char *text, size_t len);
/* /proc/net/pnp: "bootserver A" (0.0.0.0 is no server). */
void	nkinfo_pnp(struct nkinfo *, const char *text, size_t len);
/*
 * A udhcpc environment dump (KEY=VALUE lines, values optionally quoted):
 * siaddr, else serverid, is the server; ip, subnet, router fill the rest.
 */
void	nkinfo_lease(struct nkinfo *, const char *text, size_t len);
/* /proc/net/route: the gateway of the default route via ifname. */
uint32_t nkinfo_gateway(const char *text, size_t len, const char *ifname);
/*
 * An SMBIOS structure table (/sys/firmware/dmi/tables/DMI): the 16 bytes
 * of the type 1 (System Information) UUID, as stored.  0, or -1 when the
 * table has no type 1 structure long enough, is malformed, or says the
 * system has no UUID (all 00h or all FFh, SMBIOS 7.2.1): the PXE ROM then
 * sends none and pxelinux asks for no UUID name.
 */
int	nkinfo_dmi_uuid(const uint8_t *tbl, size_t len, uint8_t uuid[16]);

#endif
