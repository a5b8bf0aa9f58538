/* SPDX-License-Identifier: ISC */
/*
 * Command-line numbers for the programs' option parsing: strtonum(3) within
 * [lo, hi], or errx(EX_USAGE) naming the option ("port 0: too small").
 * Shell code (it exits); used before startup has finished.
 */
#ifndef NB_OPT_H
#define NB_OPT_H

long long	opt_number(const char *s, long long lo, long long hi,
		    const char *what);

#endif
