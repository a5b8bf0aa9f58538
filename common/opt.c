// SPDX-License-Identifier: ISC
/* opt_number(): a numeric option value in range, or exit EX_USAGE. */
#include <err.h>
#include <stdlib.h>
#include <sysexits.h>

#include "opt.h"

long long
opt_number(const char *s, long long lo, long long hi, const char *what)
{
	const char *errstr;
	long long v = strtonum(s, lo, hi, &errstr);

	if (errstr != NULL)
		errx(EX_USAGE, "%s %s: %s", what, s, errstr);
	return v;
}
