/* SPDX-License-Identifier: ISC */
/*
 * The DHCP messages of a simulated PXE client: the DISCOVER and REQUEST
 * the captured iPXE ROMs send (tests/data/dhcpd-pxe/qemu-ipxe-bios-
 * discover.hex: qemu's virtio-net ROM under SeaBIOS; qemu-ipxe-efi-
 * discover.hex: the same iPXE as OVMF's network driver), option for
 * option, with the client's MAC in chaddr and option 61, its SMBIOS UUID in
 * option 97, and for a REQUEST options 54 and 50 appended as iPXE does
 * (seen in the lab's capture).  A DISCOVER built for the captured client
 * equals the fixture byte for byte.  And the reader of the server's
 * answers (OFFER, ACK, NAK).  Pure.
 */
#ifndef FL_DHCP_H
#define FL_DHCP_H

#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>
#include <sys/types.h>

#include "common/addr.h"

#define FL_DHCP_DISCOVER	1
#define FL_DHCP_OFFER		2
#define FL_DHCP_REQUEST		3
#define FL_DHCP_ACK		5
#define FL_DHCP_NAK		6
#define FL_DHCP_MAX		576	/* what this client builds fits */
#define FL_DHCP_FILEMAX		128
#define FL_UUID_LEN		16

enum fl_arch {
	FL_ARCH_BIOS,		/* option 93 = 0 */
	FL_ARCH_EFI		/* option 93 = 7 */
};

struct fl_dhcp_req {
	enum fl_arch	 arch;
	int		 type;		/* DISCOVER or REQUEST */
	uint32_t	 xid;
	uint16_t	 secs;
	uint8_t		 mac[MAC_LEN];
	uint8_t		 uuid[FL_UUID_LEN];
	uint32_t	 server;	/* REQUEST: option 54 */
	uint32_t	 addr;		/* REQUEST: option 50 */
};

struct fl_dhcp_reply {
	int		 type;		/* option 53 */
	uint32_t	 xid;
	uint8_t		 chaddr[MAC_LEN];
	uint32_t	 yiaddr, siaddr;
	uint32_t	 server;	/* option 54, 0 if none */
	uint32_t	 tftp;		/* option 66 as a dotted quad, or 0 */
	bool		 pxeclient;	/* option 60 starts "PXEClient" */
	bool		 menu;		/* option 43 (PXE boot menu) */
	char		 file[FL_DHCP_FILEMAX];	/* option 67, else `file' */
};

/* "bios", "efi": 0, or -1. */
int	fl_arch_parse(const char *, enum fl_arch *);
/* The UDP payload of a request into buf: its length, or -1. */
ssize_t	fl_dhcp_build(const struct fl_dhcp_req *, uint8_t *buf, size_t cap);
/*
 * A BOOTREPLY with option 53: 0 with *r, or -1 with *errstr (truncated,
 * not a reply, no magic cookie, a bad option 53 or a file name without
 * its NUL in 128 bytes).
 */
int	fl_dhcp_parse(const uint8_t *p, size_t len, struct fl_dhcp_reply *r,
	    const char **errstr);

#endif
