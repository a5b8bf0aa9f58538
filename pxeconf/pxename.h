/* SPDX-License-Identifier: ISC */
/*
 * The file names pxelinux (and syslinux.efi, same code) asks for under
 * pxelinux.cfg/, in its order: the client UUID (DHCP option 97 bytes in
 * wire order, lower-case hex, dashes after 4, 6, 8 and 10 bytes), "01-" and
 * the MAC (ARP type 1, lower case, dashes), the IPv4 address as 8 upper-case
 * hex digits shortened one digit at a time ("C000026F" .. "C"), then
 * "default".  pxecfg-gen writes along this list; netkexec looks its entry up
 * along it.  Pure: no I/O, no allocation.
 */
#ifndef NB_PXENAME_H
#define NB_PXENAME_H

#include <stddef.h>
#include <stdint.h>

#define PXENAME_UUIDLEN	16
#define PXENAME_LEN	37	/* a UUID's 36 characters + NUL */
#define PXENAME_NMAX	11	/* UUID, MAC, 8 hex prefixes, default */

/*
 * Fills names[] with the lookup order for a client; uuid (16 bytes) and mac
 * (6 bytes) may be NULL, ip 0 means no address.  Returns the number of
 * names (at most PXENAME_NMAX; "default" is always last).
 */
size_t	pxename_list(const uint8_t *uuid, const uint8_t *mac, uint32_t ip,
	    char names[PXENAME_NMAX][PXENAME_LEN]);
/* The UUID as pxelinux prints it: "xxxxxxxx-xxxx-xxxx-xxxx-xxxxxxxxxxxx". */
char	*pxename_uuid(const uint8_t uuid[PXENAME_UUIDLEN],
	    char buf[PXENAME_LEN]);
/* 32 hex digits, dashes allowed between pairs; 0, or -1 with uuid untouched. */
int	pxename_uuid_parse(const char *s, uint8_t uuid[PXENAME_UUIDLEN]);

#endif
