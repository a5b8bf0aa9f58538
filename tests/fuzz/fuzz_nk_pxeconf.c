// SPDX-License-Identifier: ISC
/*
 * libFuzzer harness over netkexec's pxelinux.cfg parser and resolver: any
 * input ends in a "f:line: reason" (or "f: ...") error, or in an entry with
 * a kernel name, at most PXECONF_INITRDMAX initrds and a command line that
 * fits and carries no initrd= word.
 */
#include <stdint.h>
#include <stdlib.h>
#include <string.h>

#include "netkexec/pxe_conf.h"

int	LLVMFuzzerTestOneInput(const uint8_t *, size_t);

int
LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
	static const char *const sys[PXECONF_SYSAPPEND] = {
		"ip=192.0.2.10:192.0.2.1:192.0.2.1:255.255.255.0",
		"BOOTIF=01-52-54-00-12-34-56", "SYSUUID=x"
	};
	struct pxeconf c;
	struct pxeconf_entry e;
	struct perr err;
	const char *p;
	int r;

	r = pxeconf_parse(&c, (const char *)data, size, "f", &err);
	if (r == 0)
		r = pxeconf_resolve(&c, sys, &e, &err);
	pxeconf_free(&c);
	if (r == -1) {
		if (strncmp(err.msg, "f:", 2) != 0)
			abort();
		return 0;
	}
	if (e.kernel[0] == '\0' || e.ninitrd > PXECONF_INITRDMAX ||
	    strlen(e.cmdline) >= PXECONF_CMDLINEMAX)
		abort();
	for (p = e.cmdline; (p = strstr(p, "initrd=")) != NULL; p++)
		if (p == e.cmdline || p[-1] == ' ')
			abort();
	return 0;
}
