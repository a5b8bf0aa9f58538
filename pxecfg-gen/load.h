/* SPDX-License-Identifier: ISC */
/*
 * Loading pxecfg-gen's inputs: the options, pxecfg-gen.conf, dhcpd.conf,
 * /etc/ethers and /etc/hosts.  Errors are reported ("file:line: reason")
 * and exit with a sysexits.h status; nothing has been written by then.
 */
#ifndef PXECFG_LOAD_H
#define PXECFG_LOAD_H

#include <stdbool.h>
#include <stdint.h>

#include "dhcpconf/dhcpconf.h"
#include "pxecfg_conf.h"
#include "pxecfg_nodes.h"

struct load_opts {
	const char	*root, *dhcpd, *ethers, *hosts, *conf;
	bool		 dhcpd_given, ethers_given, hosts_given, conf_given;
	char		 kernel[PXECFG_VALLEN], initrd[PXECFG_VALLEN];
	char		 append[PXECFG_ARGSLEN], profile[PXECFG_NAMELEN];
	char		 http[PXECFG_VALLEN];	/* checked, ends in '/' */
	bool		 set_append;
	unsigned	 names;			/* 0: from the config */
	bool		 ipxe, grub, no_group, no_default;
	uint32_t	 server, gateway, netmask;	/* 0: not given */
	bool		 has_netmask;
	bool		 dry, force, verbose;
	const char	*lookup, *uuid;
};

void	load_opts_init(struct load_opts *);
/* Built-in defaults, then the config file, then the options. */
void	load_conf(const struct load_opts *, struct pxecfg_conf *);
/*
 * dhcpd.conf (parsed into dc, which the node table points into), then
 * ethers + hosts, then the subnet of every node.
 */
void	load_nodes(const struct load_opts *, struct dhcpconf *dc,
	    struct pxecfg_nodes *);

#endif
