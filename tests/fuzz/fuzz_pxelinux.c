// SPDX-License-Identifier: ISC
/*
 * libFuzzer harness over common/pxelinux.c's config parser: any input ends
 * in an entry with terminated fields and a last file (or LOCALBOOT), or in
 * a "file:line: reason" error.
 */
#include <stdint.h>
#include <stdlib.h>
#include <string.h>

#include "common/pxelinux.h"

int	LLVMFuzzerTestOneInput(const uint8_t *, size_t);

int
LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
	struct pxelinux_entry e;
	struct perr err;
	const char *last;

	if (pxelinux_parse((const char *)data, size, "f", &e, &err) == -1) {
		if (strncmp(err.msg, "f:", 2) != 0)
			abort();
		return 0;
	}
	if (strlen(e.kernel) >= sizeof(e.kernel) ||
	    strlen(e.initrd) >= sizeof(e.initrd) ||
	    strlen(e.append) >= sizeof(e.append))
		abort();
	last = pxelinux_lastfile(&e);
	if ((last == NULL) != e.localboot || (last != NULL && *last == '/'))
		abort();
	return 0;
}
