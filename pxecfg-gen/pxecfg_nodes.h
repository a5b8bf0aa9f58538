/* SPDX-License-Identifier: ISC */
/*
 * The node table: one entry per boot client (name, MAC, IPv4 address, and
 * where it was defined), gathered from dhcpd.conf host blocks and from
 * /etc/ethers + /etc/hosts, and the subnets that give each node its
 * netmask, gateway and server.  The same node may appear in both sources
 * (the seed's setup lists it in dhcpd.conf and ethers); that is one node
 * when MAC, name and address agree.  A MAC or an address used twice, an
 * ethers name that no source resolves, or a node in no subnet is an error
 * naming both places.  Every name is checked with text_hostname_ok() on
 * its way in, whatever its source, since it is written into boot files.
 * Pure apart from malloc for the growing tables.
 */
#ifndef PXECFG_NODES_H
#define PXECFG_NODES_H

#include <stddef.h>
#include <stdint.h>

#include "common/addr.h"
#include "common/ethers.h"
#include "common/hidx.h"
#include "common/hosts.h"
#include "common/perr.h"
#include "common/text.h"

enum pxecfg_src {
	PXECFG_SRC_DHCPD,	/* a host block of dhcpd.conf */
	PXECFG_SRC_ETHERS	/* /etc/ethers resolved by /etc/hosts */
};

struct pxecfg_node {
	char		 name[HOSTNAME_MAX + 1];
	uint8_t		 mac[MAC_LEN];
	uint32_t	 ip;
	enum pxecfg_src	 src;
	const char	*file;		/* not owned; outlives the table */
	unsigned	 line;
	uint32_t	 server;	/* next-server; 0: the subnet's */
	uint32_t	 gateway;	/* first router; 0: the subnet's */
	size_t		 subnet;	/* index, after pxecfg_nodes_assign */
};

struct pxecfg_subnet {
	uint32_t	 net, mask;
	uint32_t	 server;	/* next-server; 0: none */
	uint32_t	 gateway;	/* first router; 0: none */
	const char	*file;
	unsigned	 line;
};

struct pxecfg_nodes {
	struct pxecfg_node	*v;
	size_t			 n, cap;
	struct pxecfg_subnet	*sub;
	size_t			 nsub, subcap;
	/* v[0..nidx) by MAC and by address, for the duplicate checks */
	struct hidx		 by_mac, by_ip;
	size_t			 nidx;
};

/*
 * Adds a node after the name check and the duplicate checks; -1 with err
 * on a bad name or a conflict.
 */
int	pxecfg_nodes_add(struct pxecfg_nodes *, const struct pxecfg_node *,
	    struct perr *);
/*
 * Adds a node per ethers line: the name (or the address, which ethers(5)
 * allows) is resolved through hosts; a name hosts does not know is an
 * error unless a node with that MAC is already in the table.
 */
int	pxecfg_nodes_from_ethers(struct pxecfg_nodes *, const struct ethers *,
	    const struct hosts *, const char *ethers_file, struct perr *);
int	pxecfg_subnet_add(struct pxecfg_nodes *, const struct pxecfg_subnet *,
	    struct perr *);
/*
 * Gives each node the narrowest subnet holding its address and sorts the
 * nodes by address.  A node in no subnet, or without a server of its own
 * or from its subnet, is an error.
 */
int	pxecfg_nodes_assign(struct pxecfg_nodes *, struct perr *);
const struct pxecfg_node *pxecfg_nodes_by_name(const struct pxecfg_nodes *,
	    const char *name);
void	pxecfg_nodes_free(struct pxecfg_nodes *);

#endif
