// SPDX-License-Identifier: ISC
/*
 * libFuzzer harness over pxeconf/pxeconf*.c, the pxelinux.cfg parser netkexec
 * and wakeup share: any input ends in a "f:line: reason" (or "f: ...")
 * error, or in an entry with a kernel name, at most PXECONF_INITRDMAX
 * initrds and a command line that fits and carries no initrd= word, whose
 * last file (wakeup's) is that entry's last initrd or kernel.  A last
 * file is found for every entry that resolves, or fails only on length.
 * Then pxeconf_pick() with this input as every file it asks for.
 */
#include <stdint.h>
#include <stdlib.h>
#include <string.h>

#include "pxeconf/pxeconf.h"

int	LLVMFuzzerTestOneInput(const uint8_t *, size_t);

/*
 * pxeconf_pick() given this input again for every file it asks for (the
 * first PXECONF_FILESMAX), so INCLUDE, menu files and CONFIG recurse: it
 * ends, and a booted entry has a kernel and a command line that fits.
 */
static void
pick(const uint8_t *data, size_t size)
{
	static char names[PXECONF_FILESMAX][PXECONF_NAMEMAX + 1];
	struct pxeconf_src set[PXECONF_FILESMAX];
	struct pxeconf_pick pk;
	struct perr err;
	size_t n = 0;
	int r;

	do {
		strlcpy(names[n], n == 0 ? "f" : pk.need, sizeof(names[n]));
		set[n].name = names[n];
		set[n].text = (const char *)data;
		set[n].len = size;
		n++;
	} while ((r = pxeconf_pick(set, n, NULL, &pk, &err)) == 0 &&
	    pk.how == PXECONF_NEED && n < PXECONF_FILESMAX);
	if (r == 0 && pk.how == PXECONF_BOOT && (pk.e.kernel[0] == '\0' ||
	    strlen(pk.e.cmdline) >= PXECONF_CMDLINEMAX))
		abort();
}

/* The entry's checks; its last file must be last (wakeup's) if given. */
static void
check_entry(const struct pxeconf_entry *e, const char *last)
{
	const char *p;

	if (e->kernel[0] == '\0' || e->ninitrd > PXECONF_INITRDMAX ||
	    strlen(e->cmdline) >= PXECONF_CMDLINEMAX)
		abort();
	for (p = e->cmdline; (p = strstr(p, "initrd=")) != NULL; p++)
		if (p == e->cmdline || p[-1] == ' ')
			abort();
	if (last == NULL)
		return;
	p = e->ninitrd > 0 ? e->initrd[e->ninitrd - 1] : e->kernel;
	if (strncmp(p, "::", 2) == 0)
		p += 2;
	while (*p == '/')
		p++;
	if (strcmp(last, p) != 0)
		abort();
}

int
LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
	static const char *const sys[PXECONF_SYSAPPEND] = {
		"ip=192.0.2.10:192.0.2.1:192.0.2.1:255.255.255.0",
		"BOOTIF=01-52-54-00-12-34-56", "SYSUUID=x"
	};
	struct pxeconf c;
	struct pxeconf_entry e, e0;
	struct perr err, err0;
	char last[PXECONF_NAMEMAX + 1];
	int r, r0 = -1, lr = -1;

	r = pxeconf_parse(&c, (const char *)data, size, "f", &err);
	if (r == 0) {
		lr = pxeconf_lastfile(&c, last, &err0);
		r0 = pxeconf_resolve(&c, NULL, &e0, &err0);
		r = pxeconf_resolve(&c, sys, &e, &err);
	}
	pxeconf_free(&c);
	/*
	 * The files pxelinux loads do not depend on the command line's
	 * length (the kernel truncates it), so the last file may be known
	 * where the entry cannot be booted by kexec for that one reason.
	 * IPAPPEND strings can change the entry (they are a menu module's
	 * arguments too): lastfile() goes with the entry resolved without.
	 */
	if (lr == 1 && ((r0 == -1 && strstr(err0.msg, ": command line too "
	    "long") == NULL) || last[0] == '/'))
		abort();
	if (r0 == 0)
		check_entry(&e0, lr == 1 ? last : NULL);
	if (r0 == 0 && lr != 1)
		abort();
	if (r == -1 && strncmp(err.msg, "f:", 2) != 0)
		abort();
	if (r == 0)
		check_entry(&e, NULL);
	pick(data, size);
	return 0;
}
