/* SPDX-License-Identifier: ISC */
/*
 * Line-by-line reading of a text buffer for the /etc parsers: each line is
 * copied NUL-terminated into caller storage with its number, '#' comments
 * stripped.  A line longer than the storage or containing a NUL byte is an
 * error, reported with its line number.  Also: host name validation shared
 * by ethers(5) and hosts(5).  Pure: no I/O, no allocation.
 */
#ifndef NB_TEXT_H
#define NB_TEXT_H

#include <stdbool.h>
#include <stddef.h>

#include "perr.h"

#define TEXT_LINEMAX	1024
#define HOSTNAME_MAX	253

struct text {
	const char	*p;
	size_t		 rem;
	unsigned	 lineno;
};

void	text_init(struct text *, const char *data, size_t len);
/*
 * Copies the next line, without its newline and '#' comment, into buf.
 * Returns 1 with a line, 0 at the end, -1 on a bad line (*errstr says why;
 * t->lineno is its number).
 */
int	text_next(struct text *, char *buf, size_t bufsz, const char **errstr);
/* The next whitespace-separated field of *sp, or NULL. */
char	*text_field(char **sp);
/*
 * RFC 1123 host name: letters, digits, '-', '.', '_'; at most 253.  The
 * one check of a node name, whatever its source (ethers, hosts, a
 * dhcpd.conf host block in pxecfg-gen's node table): nothing else may be
 * written into a boot file.
 */
bool	text_hostname_ok(const char *);
/*
 * Calls fn(ctx, line, file, lineno, err) for every line of data (comments
 * stripped, blank lines included); stops at the first -1 from fn or a bad
 * line, which it reports in err.  Returns 0 or -1.
 */
int	text_parse(const char *data, size_t len, const char *file,
	    struct perr *err, int (*fn)(void *, char *, const char *,
	    unsigned, struct perr *), void *ctx);

#endif
