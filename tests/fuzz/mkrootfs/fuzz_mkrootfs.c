// SPDX-License-Identifier: ISC
/*
 * libFuzzer harness over mkrootfs's cores that read outside data: the
 * first byte picks modules.dep (parse, then order every module it names,
 * which must end in an order or a clean error), a disk's sector 0 (the
 * reboot-MBR classifier and builder, which must keep bytes 440-509) or
 * the configuration file.
 */
#include <stdint.h>
#include <stdlib.h>
#include <string.h>

#include "mkrootfs/mbr/mkr_mbr.h"
#include "mkrootfs/mkr_conf.h"
#include "mkrootfs/starter/mkr_moddep.h"

int	LLVMFuzzerTestOneInput(const uint8_t *, size_t);

static void
moddep(const uint8_t *data, size_t size)
{
	struct moddep_ent ents[64];
	struct moddep md = { ents, 0, 64 };
	size_t order[16], norder = 0, i;
	const char *errstr;
	struct perr err;
	char *text;

	if ((text = malloc(size + 1)) == NULL)
		return;
	memcpy(text, data, size);
	text[size] = '\0';
	if (moddep_parse(&md, text, size, "modules.dep", &err) == 0)
		for (i = 0; i < md.n; i++)
			if (moddep_order(&md, md.ents[i].name, order, &norder,
			    16, &errstr) == -1)
				break;
	free(text);
}

static void
mbr(const uint8_t *data, size_t size)
{
	uint8_t old[MBR_SIZE] = { 0 }, out[MBR_SIZE];
	const char *errstr;

	memcpy(old, data, size < MBR_SIZE ? size : MBR_SIZE);
	if (mbr_build(old, out, (size & 1) != 0, &errstr) == 0 &&
	    (memcmp(out + MBR_CODE_LEN, old + MBR_CODE_LEN,
	    MBR_SIG_OFF - MBR_CODE_LEN) != 0 ||
	    mbr_classify(out) != MBR_OURS))
		abort();
}

int
LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
	struct mkconf cf;
	struct perr err;

	if (size == 0)
		return 0;
	switch (data[0] % 3) {
	case 0:
		mbr(data + 1, size - 1);
		break;
	case 1:
		moddep(data + 1, size - 1);
		break;
	default:
		(void)mkconf_parse(&cf, (const char *)data + 1, size - 1,
		    "mkrootfs.conf", &err);
		break;
	}
	return 0;
}
