// SPDX-License-Identifier: ISC
/*
 * libFuzzer harness over common/pxeconf*.c, the pxelinux.cfg parser netkexec
 * and wakeup share: any input ends in a "f:line: reason" (or "f: ...")
 * error, or in an entry with a kernel name, at most PXECONF_INITRDMAX
 * initrds and a command line that fits and carries no initrd= word, whose
 * last file (wakeup's) is that entry's last initrd or kernel.  A last
 * file is found for every entry that resolves, or fails only on length.
 */
#include <stdint.h>
#include <stdlib.h>
#include <string.h>

#include "common/pxeconf.h"

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
	char last[PXECONF_NAMEMAX + 1];
	const char *p;
	int r, lr = -1;

	r = pxeconf_parse(&c, (const char *)data, size, "f", &err);
	if (r == 0) {
		lr = pxeconf_lastfile(&c, last, &err);
		r = pxeconf_resolve(&c, sys, &e, &err);
	}
	pxeconf_free(&c);
	/*
	 * The files pxelinux loads do not depend on the command line's
	 * length (the kernel truncates it), so the last file may be known
	 * where the entry cannot be booted by kexec for that one reason.
	 */
	if (lr == 1 && ((r == -1 && strstr(err.msg, ": command line too "
	    "long") == NULL) || last[0] == '/'))
		abort();
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
	p = e.ninitrd > 0 ? e.initrd[e.ninitrd - 1] : e.kernel;
	while (*p == '/')
		p++;
	if (lr != 1 || strcmp(last, p) != 0)
		abort();
	return 0;
}
