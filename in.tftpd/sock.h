/* SPDX-License-Identifier: ISC */
/*
 * What a transfer's socket needs from the system, for a unicast transfer
 * (session.c) and a multicast session (mcast.c) alike: a port of -R, the
 * largest block the arrival interface carries unfragmented, and the
 * client's MAC for the remap rules.  Shell code.
 */
#ifndef TFTPD_SOCK_H
#define TFTPD_SOCK_H

#include <netinet/in.h>
#include <stdint.h>

#include "common/addr.h"
#include "in.tftpd/tftpd.h"

/* Binds s to the local address, on a port of -R if given; 0 or -1. */
int	sock_bind(const struct tftpd *, int s, struct in_addr local);
/* min(-B, MTU - 32 of interface ifindex): fragments break PXE ROMs. */
uint16_t sock_blksize_max(const struct tftpd *, int s, int ifindex);
/*
 * The MAC of r's client from the ARP cache ("" if unknown, or if no remap
 * rule could use it), as pxelinux writes it, for the remap rules (\m).
 */
void	sock_client_mac(const struct tftpd *, int s, const struct tftpd_req *r,
	    char mac[MAC_PXESTRLEN]);

#endif
