// SPDX-License-Identifier: ISC
/*
 * libFuzzer harness over the shared dhcpd.conf parser (dhcpconf/):
 * any text must parse or fail with "file:line: reason"; what parses must
 * print, and the print must parse again to the same print.
 */
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "dhcpconf/dhcpconf.h"

int	LLVMFuzzerTestOneInput(const uint8_t *, size_t);

static char *
print(const struct dhcpconf *c, size_t *len)
{
	char *buf = NULL;
	FILE *f;

	if ((f = open_memstream(&buf, len)) == NULL)
		abort();
	dhcpconf_print(f, c);
	fclose(f);
	return buf;
}

int
LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
	struct dhcpconf c, c2;
	struct perr err;
	char *a, *b;
	size_t alen, blen;

	if (dhcpconf_parse(&c, (const char *)data, size, "f", &err) == -1) {
		if (strncmp(err.msg, "f:", 2) != 0)
			abort();
		return 0;
	}
	a = print(&c, &alen);
	dhcpconf_free(&c);
	if (dhcpconf_parse(&c2, a, alen, "p", &err) == -1) {
		fprintf(stderr, "reparse: %s\n%s", err.msg, a);
		abort();
	}
	b = print(&c2, &blen);
	dhcpconf_free(&c2);
	if (alen != blen || memcmp(a, b, alen) != 0)
		abort();
	free(a);
	free(b);
	return 0;
}
