// SPDX-License-Identifier: ISC
/*
 * libFuzzer harness over in.tftpd's remap file parser and rule engine:
 * the input up to the first NUL is a remap file, the rest a file name to
 * rewrite with it (as an RRQ and as a WRQ).  Bounded loops and no crash
 * or leak whatever the rules.
 */
#include <stddef.h>
#include <stdint.h>
#include <string.h>

#include "in.tftpd/tftp_remap.h"

int LLVMFuzzerTestOneInput(const uint8_t *, size_t);

int
LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
	struct tftp_remap m = { 0 };
	struct tftp_remap_ctx ctx = { false, 0xc0000201, "01-aa-bb-cc-dd-ee-ff" };
	const uint8_t *nul = memchr(data, '\0', size);
	char name[600], out[600];
	const char *errstr;
	struct perr err;
	size_t tlen = nul != NULL ? (size_t)(nul - data) : size, nlen;

	if (tlen > 4096)
		return 0;
	nlen = size - tlen - (nul != NULL);
	if (nlen >= sizeof(name))
		nlen = sizeof(name) - 1;
	memcpy(name, data + tlen + (nul != NULL), nlen);
	name[nlen] = '\0';
	if (tftp_remap_parse(&m, (const char *)data, tlen, "fuzz", &err) == 0) {
		(void)tftp_remap_apply(&m, name, &ctx, out, sizeof(out),
		    &errstr);
		ctx.wrq = true;
		(void)tftp_remap_apply(&m, name, &ctx, out, sizeof(out),
		    &errstr);
	}
	tftp_remap_free(&m);
	return 0;
}
