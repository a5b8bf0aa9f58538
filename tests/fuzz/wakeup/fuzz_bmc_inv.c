// SPDX-License-Identifier: ISC
/*
 * libFuzzer harness over wakeup's BMC inventory and credentials parsers and
 * the argv built from what they accept: any bytes end in a clean table or
 * a "file:line: reason" error; every entry accepted keeps its bounds, and
 * no argv argument made from it starts with '-' where a value is expected
 * (an address or user read as an option) or holds the password.
 */
#include <stdint.h>
#include <stdlib.h>
#include <string.h>

#include "wakeup/bmc_cmd.h"

int	LLVMFuzzerTestOneInput(const uint8_t *, size_t);

static void
check_argv(const struct bmc_ent *e, const char *pass)
{
	const char *av[BMC_ARGV_MAX];
	char secret[BMC_SECRET_MAX];
	int op, n, i;

	for (op = BMC_BOOTDEV; op <= BMC_STATUS; op++) {
		n = bmc_argv(e, (enum bmc_op)op, av);
		if (n >= BMC_ARGV_MAX || av[n] != NULL)
			abort();
		for (i = 1; i < n; i++)
			if ((strcmp(av[i - 1], "-H") == 0 ||
			    strcmp(av[i - 1], "-U") == 0 ||
			    strcmp(av[i - 1], "-r") == 0) && av[i][0] == '-')
				abort();
		for (i = 0; pass != NULL && pass[0] != '\0' && i < n; i++)
			if (strcmp(av[i], pass) == 0 &&
			    strcmp(av[i], e->addr) != 0 &&
			    strcmp(av[i], e->user) != 0 &&
			    strcmp(av[i], e->name) != 0)
				abort();
	}
	if (pass != NULL && bmc_secret(e, pass, secret, sizeof(secret)) == -1)
		abort();
}

int
LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
	struct bmc_inv inv = { 0 };
	struct bmc_creds c = { 0 };
	struct perr err;
	const char *text = (const char *)data;
	size_t i;

	err.msg[0] = '\0';
	if (bmc_inv_parse(&inv, text, size, "inv", &err) == -1 &&
	    strncmp(err.msg, "inv:", 4) != 0)
		abort();
	if (bmc_creds_parse(&c, text, size, "cred", &err) == -1 &&
	    strncmp(err.msg, "cred:", 5) != 0)
		abort();
	for (i = 0; i < inv.n; i++) {
		if (strlen(inv.v[i].addr) > BMC_ADDRMAX ||
		    strlen(inv.v[i].user) > BMC_USERMAX ||
		    bmc_inv_find(&inv, inv.v[i].name) != &inv.v[i])
			abort();
		if (inv.v[i].kind != BMC_WOL)
			check_argv(&inv.v[i], bmc_creds_find(&c, &inv.v[i]));
	}
	bmc_inv_free(&inv);
	bmc_creds_free(&c);
	return 0;
}
