/* SPDX-License-Identifier: ISC */
/*
 * dhcpd.conf as a source of nodes and subnets, through the parser
 * dhcpd-pxe uses (dhcpconf/dhcpconf.h).  Values are the ones a PXE client
 * gets from dhcpd-pxe: the scope chain of its host block (if any), the
 * classes a PXE ROM matches (vendor class "PXEClient:Arch:00000:..."; the
 * seed puts next-server in such a class), then its subnet and the global
 * scope.  Pure.
 */
#ifndef PXECFG_DHCP_H
#define PXECFG_DHCP_H

#include "dhcpconf/dhcpconf.h"
#include "pxecfg_nodes.h"

/*
 * Adds every subnet of c (netmask, first router, next-server as a PXE
 * client there sees them) and every host block with both a MAC and a
 * fixed address as a node; host-level next-server or routers override the
 * subnet's for that node.  Host blocks without a fixed address get no
 * file of their own (the subnet's group file serves them).  The table
 * points into c, which must outlive it.  Returns 0, or -1 with err.
 */
int	pxecfg_from_dhcpconf(struct pxecfg_nodes *, const struct dhcpconf *c,
	    struct perr *);

#endif
