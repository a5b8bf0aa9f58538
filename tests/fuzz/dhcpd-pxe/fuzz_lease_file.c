// SPDX-License-Identifier: ISC
/*
 * libFuzzer harness over dhcpd-pxe's lease journal reader, which reads
 * at start whatever a crash left on disk: any bytes load or fail with a
 * "file:line:" error; what loads formats record by record, and those
 * records read back as the same leases (address, MAC, state, times, host
 * name), complete to the last byte.
 */
#include <stdint.h>
#include <stdlib.h>
#include <string.h>

#include "dhcpd-pxe/lease_file.h"

int	LLVMFuzzerTestOneInput(const uint8_t *, size_t);

static void
same(const struct lease *a, const struct lease *b)
{
	if (a->ip != b->ip || memcmp(a->mac, b->mac, MAC_LEN) != 0 ||
	    a->state != b->state || a->starts != b->starts ||
	    a->ends != b->ends || strcmp(a->hostname, b->hostname) != 0)
		abort();
}

int
LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
	struct lease_table t, t2;
	struct perr err;
	size_t valid, i, off = 0;
	char *buf;
	int n;

	lease_table_init(&t);
	if (lease_file_parse(&t, (const char *)data, size, "f", &valid,
	    &err) == -1) {
		if (strncmp(err.msg, "f:", 2) != 0)
			abort();
		lease_table_free(&t);
		return 0;
	}
	if (valid > size)
		abort();
	if ((buf = malloc(t.n * LEASE_RECORD_MAX + 1)) == NULL)
		abort();
	for (i = 0; i < t.n; i++) {
		if ((n = lease_file_format(&t.v[i], buf + off,
		    LEASE_RECORD_MAX)) < 0)
			abort();
		off += (size_t)n;
	}
	lease_table_init(&t2);
	if (lease_file_parse(&t2, buf, off, "p", &valid, &err) == -1 ||
	    valid != off || t2.n != t.n)
		abort();
	for (i = 0; i < t.n; i++)
		same(&t.v[i], lease_by_ip(&t2, t.v[i].ip));
	lease_table_free(&t2);
	lease_table_free(&t);
	free(buf);
	return 0;
}
