// SPDX-License-Identifier: ISC
/*
 * libFuzzer harness over netkexec's node information parsers: byte 0
 * picks the kernel command line, /proc/net/pnp, a udhcpc lease dump,
 * /proc/net/route or an SMBIOS table; the rest is the file.  Nothing may
 * read out of bounds, and an interface name stays NUL-terminated.
 */
#include <stdint.h>
#include <stdlib.h>
#include <string.h>

#include "netkexec/node_info.h"

int	LLVMFuzzerTestOneInput(const uint8_t *, size_t);

int
LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
	struct nkinfo ni;
	const char *text = (const char *)data + 1;
	uint8_t uuid[16];

	if (size == 0)
		return 0;
	memset(&ni, 0, sizeof(ni));
	switch (data[0] % 5) {
	case 0:
		nkinfo_cmdline(&ni, text, size - 1);
		break;
	case 1:
		nkinfo_pnp(&ni, text, size - 1);
		break;
	case 2:
		nkinfo_lease(&ni, text, size - 1);
		break;
	case 3:
		(void)nkinfo_gateway(text, size - 1, "eth0");
		break;
	default:
		(void)nkinfo_dmi_uuid(data + 1, size - 1, uuid);
		break;
	}
	if (memchr(ni.ifname, '\0', sizeof(ni.ifname)) == NULL)
		abort();
	return 0;
}
