// SPDX-License-Identifier: ISC
/*
 * pxelinux's configuration file lookup order (syslinux core/fs/pxe and
 * sysappend.c; doc/pxelinux.txt).  Note that pxelinux shortens the hex
 * address one digit at a time, not one octet as the seed article says: a
 * node at 192.0.2.111 asks for C000026F, C000026, C00002, ... C.
 */
#include <stdio.h>
#include <string.h>

#include "common/addr.h"
#include "pxeconf/pxename.h"

char *
pxename_uuid(const uint8_t u[PXENAME_UUIDLEN], char buf[PXENAME_LEN])
{
	static const int dash_after[] = { 4, 6, 8, 10 };
	size_t i, d = 0, o = 0;

	for (i = 0; i < PXENAME_UUIDLEN; i++) {
		if (d < 4 && (int)i == dash_after[d]) {
			buf[o++] = '-';
			d++;
		}
		snprintf(buf + o, PXENAME_LEN - o, "%02x", u[i]);
		o += 2;
	}
	buf[o] = '\0';
	return buf;
}

int
pxename_uuid_parse(const char *s, uint8_t uuid[PXENAME_UUIDLEN])
{
	uint8_t u[PXENAME_UUIDLEN];
	size_t i;
	int hi, lo;

	for (i = 0; i < PXENAME_UUIDLEN; i++) {
		if (i > 0 && *s == '-')
			s++;
		if ((hi = addr_hexdigit((unsigned char)s[0])) == -1 ||
		    (lo = addr_hexdigit((unsigned char)s[1])) == -1)
			return -1;
		u[i] = (uint8_t)(hi << 4 | lo);
		s += 2;
	}
	if (*s != '\0')
		return -1;
	memcpy(uuid, u, sizeof(u));
	return 0;
}

size_t
pxename_list(const uint8_t *uuid, const uint8_t *mac, uint32_t ip,
    char names[PXENAME_NMAX][PXENAME_LEN])
{
	char hex[IP4_HEXLEN];
	size_t n = 0;
	int len;

	if (uuid != NULL)
		pxename_uuid(uuid, names[n++]);
	if (mac != NULL)
		mac_pxelinux(mac, names[n++]);
	if (ip != 0) {
		ip4_hex(ip, hex);
		for (len = 8; len > 0; len--)
			snprintf(names[n++], PXENAME_LEN, "%.*s", len, hex);
	}
	strlcpy(names[n++], "default", PXENAME_LEN);
	return n;
}
