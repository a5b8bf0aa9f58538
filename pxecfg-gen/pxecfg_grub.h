/* SPDX-License-Identifier: ISC */
/*
 * GRUB's side of pxecfg-gen: the names GRUB's network boot asks for under
 * its prefix (grub/ of the TFTP root), and the lookup the default file
 * does itself.  GRUB 2.06 and later, when its prefix is on tftp, try
 * grub.cfg-<UUID> (DHCP option 97, as pxelinux writes it), grub.cfg-01-<mac>
 * (lower case, dashes), grub.cfg-<HEXIP> shortened one digit at a time
 * down to one, then grub.cfg (grub-core/net/net.c,
 * grub_net_search_config_file).  Debian's signed grubnetx64.efi, the one
 * shim loads under Secure Boot, runs a built-in config that reads
 * grub.cfg only; so the grub.cfg pxecfg-gen writes first loads
 * grub.cfg-01-<mac> of the client's MAC (net_default_mac) itself, and
 * falls through to the default entry when there is none.  Pure.
 */
#ifndef PXECFG_GRUB_H
#define PXECFG_GRUB_H

#include <stddef.h>
#include <stdint.h>

#define PXECFG_GRUB_DEFAULT	"grub.cfg"
#define PXECFG_GRUB_NAMELEN	48	/* "grub.cfg-" + a UUID + NUL */
#define PXECFG_GRUB_NMAX	11	/* UUID, MAC, 8 hex prefixes, grub.cfg */

/* "grub.cfg-" and suffix, into buf of len bytes. */
char	*pxecfg_grub_name(const char *suffix, char *buf, size_t len);
/* The text the default file name starts with (after the header), or NULL. */
const char *pxecfg_grub_lookup(const char *name);
/* GRUB's lookup order for a client; uuid, mac may be NULL, ip 0. */
size_t	pxecfg_grub_list(const uint8_t *uuid, const uint8_t *mac, uint32_t ip,
	    char names[PXECFG_GRUB_NMAX][PXECFG_GRUB_NAMELEN]);

#endif
