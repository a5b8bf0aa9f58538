/* SPDX-License-Identifier: ISC */
/*
 * What wakeup asks of a BMC, as the argv of a standard client: ipmitool
 * -I lanplus for ipmi, redfishtool for redfish.  The password is never in
 * the argv: both clients read it from a file, named /dev/fd/3, which the
 * shell makes the read end of a pipe holding bmc_secret()'s bytes
 * (ipmitool -f reads the password's line; redfishtool -c reads JSON).
 * Pure: argv pointers into the entry and static strings, no I/O.
 */
#ifndef BMC_CMD_H
#define BMC_CMD_H

#include <sys/types.h>

#include "bmc_inv.h"

#define BMC_ARGV_MAX	24
#define BMC_SECRET_FD	3
#define BMC_SECRET_MAX	(2 * 6 * BMC_PASSMAX + BMC_USERMAX + 64)

enum bmc_op {
	BMC_BOOTDEV,		/* one-time network (PXE) boot at next start */
	BMC_ON,
	BMC_CYCLE,		/* off and on again: a node that is on */
	BMC_OFF,		/* hard off */
	BMC_STATUS		/* prints the power state */
};

/*
 * Fills av with the NULL-terminated argv of op on e (not wol); av[0] is
 * the program, run by name from PATH.  Returns the argument count.
 */
int	bmc_argv(const struct bmc_ent *e, enum bmc_op op,
	    const char *av[BMC_ARGV_MAX]);
/*
 * The bytes the client reads on BMC_SECRET_FD for e with password pass,
 * into buf: their length, or -1 if they do not fit.
 */
ssize_t	bmc_secret(const struct bmc_ent *e, const char *pass, char *buf,
	    size_t bufsz);
/* "power on", "power status"...: what op does, for messages. */
const char *bmc_op_name(enum bmc_op);
/* The power state in a BMC_STATUS's output: 1 on, 0 off, -1 unknown. */
int	bmc_power_parse(enum bmc_kind, const char *out);

#endif
