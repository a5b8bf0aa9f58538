/* SPDX-License-Identifier: ISC */
/*
 * Field readers that the two log dialects share (wol_xferlog.h: in.tftpd's
 * transfer log, wol_httplog.h: nginx's access log in nodeboot's format).
 * Each takes one field, checks it strictly, and returns 0 or -1.
 */
#ifndef WOL_LOGFIELD_H
#define WOL_LOGFIELD_H

#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>

#include "wol_xferlog.h"

struct logfield {
	const char	*p;
	size_t		 len;
};

/*
 * Splits line into n blank-separated fields.  With rest, the last field is
 * what follows the first n - 1 and their single blanks: it may hold blanks.
 */
int	logfield_split(const char *line, size_t len, struct logfield *f,
	    size_t n, bool rest);
/* Decimal digits only, at most 19 of them (fits int64_t). */
int	logfield_decimal(const char *p, size_t len, uint64_t *v);
/* "S" or "S.f" with up to 3 decimals (more are refused), in ms. */
int	logfield_seconds(const char *p, size_t len, uint64_t *ms);
/* A dotted-quad IPv4 address, in host byte order. */
int	logfield_address(const struct logfield *f, uint32_t *ip);
/* "ok" or "fail:<token>": sets r->ok and r->fail. */
int	logfield_result(const struct logfield *f, struct xferlog_rec *r);
/*
 * The three fields both dialects give a transfer's outcome in: bytes,
 * seconds and the result, into r; or -1 and *errstr naming the bad one.
 */
int	logfield_outcome(const struct logfield f[3], struct xferlog_rec *r,
	    const char **errstr);

#endif
