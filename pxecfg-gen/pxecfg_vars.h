/* SPDX-License-Identifier: ISC */
/*
 * The variables a template may use, and their values for one generated
 * file.  A node's file knows all of them; a subnet's group file knows the
 * subnet's values and has ${ipconf} = "dhcp"; the default file knows only
 * what does not depend on a node or subnet (plus server, gateway and netmask
 * when they were given on the command line).
 *
 *   ${ip} ${hexip} ${mac} ${hostname}	the node
 *   ${server} ${gateway} ${netmask}	its subnet (next-server, routers)
 *   ${device}				kernel interface name (eth0)
 *   ${ipconf}	ip:server:gateway:netmask:hostname:device:off, or dhcp
 *   ${kernel} ${initrd}		file names under the TFTP root
 *   ${initrdname}			the initrd's last path component
 *   ${base}				where iPXE fetches them: "/" or http URL
 *   ${append}				global + profile extra arguments
 *   ${profile}				the profile's name
 */
#ifndef PXECFG_VARS_H
#define PXECFG_VARS_H

#include <stdbool.h>
#include <stdint.h>

#include "common/addr.h"
#include "pxecfg_conf.h"
#include "pxecfg_tmpl.h"

enum pxecfg_var {
	PV_IP, PV_HEXIP, PV_MAC, PV_HOSTNAME, PV_SERVER, PV_GATEWAY,
	PV_NETMASK, PV_DEVICE, PV_IPCONF, PV_KERNEL, PV_INITRD, PV_APPEND,
	PV_PROFILE, PV_INITRDNAME, PV_BASE, PV_COUNT
};

/* What one file is about: a node, a subnet's group, or neither. */
struct pxecfg_target {
	const char	*hostname;	/* NULL unless a node */
	const uint8_t	*mac;		/* NULL unless a node */
	uint32_t	 ip;		/* 0 unless a node */
	bool		 has_net;	/* server/netmask known */
	uint32_t	 server, netmask;
	uint32_t	 gateway;	/* 0: none (an empty field) */
};

struct pxecfg_vals {
	char		ip[IP4_STRLEN], hexip[IP4_HEXLEN], mac[MAC_STRLEN];
	char		server[IP4_STRLEN], gateway[IP4_STRLEN];
	char		netmask[IP4_STRLEN];
	char		ipconf[PXECFG_ARGSLEN];
	char		append[2 * PXECFG_ARGSLEN + 1];
	struct tmpl_var	v[PV_COUNT];
};

/* Fills vals for target t rendered with profile p under conf c. */
void	pxecfg_vars_fill(struct pxecfg_vals *, const struct pxecfg_conf *c,
	    const struct pxecfg_profile *p, const struct pxecfg_target *t);
/* Every variable known, each with the empty value (template checks). */
void	pxecfg_vars_all(struct pxecfg_vals *);

#endif
