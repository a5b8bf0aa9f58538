/* SPDX-License-Identifier: ISC */
/*
 * The transfer log line (a contract: wakeup --sequential parses it).  One
 * line per finished or failed transfer, exactly 7 fields separated by one
 * space, ending in '\n':
 *
 *   2026-11-24T03:12:45.123Z 192.0.2.11 RRQ rootfs.gz 1048576 0.412 ok
 *
 * end time (UTC, ISO 8601, milliseconds, 'Z'); client IPv4 address; RRQ or
 * WRQ; the file name as the client sent it, vis(3)-encoded with
 * VIS_WHITE|VIS_CSTYLE|VIS_OCTAL so it holds no white space (space "\s",
 * tab "\t", newline "\n", backslash "\\", other non-printable bytes
 * "\ooo"; strunvis(3) decodes it); payload bytes transferred; duration in
 * seconds with three decimals; "ok" or "fail:<token>": fail:timeout (the
 * client stopped answering), fail:unreachable (ICMP port unreachable
 * before the client had the final block), fail:E<code> (a TFTP error sent
 * or received, e.g. fail:E1 for file not found), fail:io (a local read or
 * write error).
 * Pure: formats into caller storage.
 */
#ifndef TFTP_XFERLOG_H
#define TFTP_XFERLOG_H

#include <stddef.h>
#include <stdint.h>
#include <time.h>

#include "in.tftpd/tftp_proto.h"

/* Room for the longest line: a name of TFTP_FILE_MAX bytes, 4x by vis. */
#define TFTP_XFERLOG_MAX	(4 * TFTP_FILE_MAX + 128)

struct tftp_xferlog_rec {
	struct timespec	 start;		/* CLOCK_REALTIME */
	struct timespec	 end;
	uint32_t	 ip;		/* host byte order */
	uint16_t	 op;		/* TFTP_RRQ or TFTP_WRQ */
	const char	*file;		/* as requested, NUL-terminated */
	uint64_t	 bytes;
	const char	*result;	/* "ok", "timeout", "E1", ... */
};

/*
 * Writes the line (with its '\n', NUL-terminated) into buf and returns its
 * length, or 0 if buf is too small.  A result other than "ok" is written as
 * "fail:<result>".
 */
size_t	tftp_xferlog_format(const struct tftp_xferlog_rec *, char *buf,
	    size_t cap);

#endif
