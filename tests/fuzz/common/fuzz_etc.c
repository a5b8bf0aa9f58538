// SPDX-License-Identifier: ISC
/*
 * libFuzzer harness over common/'s text parsers: the first byte picks
 * ethers(5), hosts(5) or the config tokenizer, the rest is the file.  Any
 * input must end in a clean success or a "file:line: reason" error.
 */
#include <stdint.h>
#include <stdlib.h>
#include <string.h>

#include "common/conftok.h"
#include "common/ethers.h"
#include "common/hosts.h"

int	LLVMFuzzerTestOneInput(const uint8_t *, size_t);

int
LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
	struct ethers e = { 0 };
	struct hosts h = { 0 };
	struct conftok c;
	struct conftok_tok t;
	struct perr err;
	const char *text = (const char *)data + 1;
	size_t len = size - 1;
	int r, n = 0;

	if (size == 0)
		return 0;
	switch (data[0] % 3) {
	case 0:
		r = ethers_parse(&e, text, len, "f", &err);
		ethers_free(&e);
		break;
	case 1:
		r = hosts_parse(&h, text, len, "f", &err);
		hosts_free(&h);
		break;
	default:
		conftok_init(&c, text, len, "f");
		while ((r = conftok_next(&c, &t, &err)) == 0 &&
		    t.type != CT_EOF)
			if (++n > (int)size)
				abort();	/* no progress */
		break;
	}
	if (r == -1 && strncmp(err.msg, "f:", 2) != 0)
		abort();
	return 0;
}
