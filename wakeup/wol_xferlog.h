/* SPDX-License-Identifier: ISC */
/*
 * One line of in.tftpd's transfer log, the contract between in.tftpd and
 * wakeup --sequential: seven fields separated by blanks,
 *	2026-11-24T03:12:45.123Z 192.0.2.11 RRQ rootfs.gz 1048576 0.412 ok
 * end time (UTC, ISO 8601 with milliseconds), client IPv4 address, RRQ or
 * WRQ, the file name as requested (vis(3)-encoded, so without blanks),
 * bytes, seconds, and "ok" or "fail:<token>".  The parser is pure: it
 * takes the line without its newline and fills a struct; it never logs.
 */
#ifndef WOL_XFERLOG_H
#define WOL_XFERLOG_H

#include <limits.h>
#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>

#define XFERLOG_LINEMAX	(PATH_MAX * 4 + 128)	/* vis(3) quadruples */
#define XFERLOG_NAMEMAX	PATH_MAX
#define XFERLOG_TOKMAX	64

struct xferlog_rec {
	int64_t		end_ms;		/* ms since the epoch */
	uint32_t	ip;		/* host byte order */
	bool		wrq;		/* false: RRQ */
	char		file[XFERLOG_NAMEMAX];	/* decoded, leading '/' gone */
	uint64_t	bytes;
	uint64_t	dur_ms;
	bool		ok;
	char		fail[XFERLOG_TOKMAX];	/* the token after "fail:" */
};

/*
 * Parses `len' bytes of one line (no newline; a trailing CR is refused like
 * any other stray byte).  Returns 0 and fills *r, or -1 with *errstr
 * naming the bad field ("bad time", "bad address", ...).
 */
int	xferlog_parse(const char *line, size_t len, struct xferlog_rec *r,
	    const char **errstr);

/*
 * "YYYY-MM-DDTHH:MM:SS.mmmZ" to milliseconds since the epoch (proleptic
 * Gregorian, no leap seconds).  -1 if malformed or out of range.
 */
int	xferlog_time_parse(const char *s, size_t len, int64_t *ms);

#endif
