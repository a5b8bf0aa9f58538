// SPDX-License-Identifier: ISC
/*
 * GRUB's file names and the default file's own lookup (pxecfg_grub.h).
 * The lookup is GRUB script: regexp splits net_default_mac
 * ("52:54:00:0b:00:01", lower case) into its six octets, and configfile
 * loads the node's file, whose menu then boots.  A missing file is an
 * error GRUB prints before going on with the default entry below.
 */
#include <string.h>

#include "pxeconf/pxename.h"
#include "pxecfg_grub.h"

#define HEX2	"([0-9a-f][0-9a-f])"

static const char lookup[] =
    "# Debian's signed grubnetx64.efi reads only this file: load the\n"
    "# client's own file, by its MAC, as GRUB 2.06's own search does.\n"
    "if regexp --set=1:m1 --set=2:m2 --set=3:m3 --set=4:m4 --set=5:m5 "
    "--set=6:m6 \\\n"
    "    '^" HEX2 ":" HEX2 ":" HEX2 ":" HEX2 ":" HEX2 ":" HEX2 "$' "
    "\"$net_default_mac\"; then\n"
    "\tconfigfile \"$prefix/grub.cfg-01-$m1-$m2-$m3-$m4-$m5-$m6\"\n"
    "fi\n";

char *
pxecfg_grub_name(const char *suffix, char *buf, size_t len)
{
	strlcpy(buf, PXECFG_GRUB_DEFAULT "-", len);
	strlcat(buf, suffix, len);
	return buf;
}

const char *
pxecfg_grub_lookup(const char *name)
{
	return strcmp(name, PXECFG_GRUB_DEFAULT) == 0 ? lookup : NULL;
}

/* pxelinux's order, with grub.cfg- before each name and grub.cfg last. */
size_t
pxecfg_grub_list(const uint8_t *uuid, const uint8_t *mac, uint32_t ip,
    char names[PXECFG_GRUB_NMAX][PXECFG_GRUB_NAMELEN])
{
	char px[PXENAME_NMAX][PXENAME_LEN];
	size_t i, n;

	n = pxename_list(uuid, mac, ip, px);
	for (i = 0; i + 1 < n; i++)
		pxecfg_grub_name(px[i], names[i], PXECFG_GRUB_NAMELEN);
	strlcpy(names[n - 1], PXECFG_GRUB_DEFAULT, PXECFG_GRUB_NAMELEN);
	return n;
}
