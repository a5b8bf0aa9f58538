/* SPDX-License-Identifier: ISC */
/*
 * Loads a fixture from tests/data/dhcpd-pxe/ (a .hex file: whitespace-
 * separated hex bytes, '#' comments) for the dhcp_* suites.  The suites run from the
 * top of the tree (make check); NB_TOP overrides that.
 */
#ifndef DHCP_FIXTURE_H
#define DHCP_FIXTURE_H

#include <stdio.h>
#include <stdlib.h>

#include <check.h>

static inline size_t
dhcp_fixture(const char *name, unsigned char *buf, size_t cap)
{
	char path[512];
	const char *top = getenv("NB_TOP");
	unsigned int b;
	size_t n = 0;
	FILE *f;
	int ch;

	snprintf(path, sizeof(path), "%s/tests/data/dhcpd-pxe/%s",
	    top != NULL ? top : ".", name);
	if ((f = fopen(path, "r")) == NULL)
		ck_abort_msg("cannot open fixture %s", path);
	while ((ch = fgetc(f)) != EOF) {
		if (ch == '#') {
			while ((ch = fgetc(f)) != EOF && ch != '\n')
				;
			continue;
		}
		if (ch == ' ' || ch == '\n' || ch == '\t')
			continue;
		ungetc(ch, f);
		if (fscanf(f, "%2x", &b) != 1 || n == cap)
			ck_abort_msg("bad fixture %s at byte %zu", path, n);
		buf[n++] = (unsigned char)b;
	}
	fclose(f);
	return n;
}

#endif
