/* SPDX-License-Identifier: ISC */
/*
 * The lease file in ISC dhcpd.leases(5) format, so existing tools read it:
 *	lease 192.0.2.100 {
 *	  starts 2 2026/11/24 03:51:09;
 *	  ends 2 2026/11/24 04:51:09;
 *	  binding state active;
 *	  hardware ethernet 02:00:00:00:00:07;
 *	  client-hostname "n7";
 *	}
 * It is an append-only journal: a later record for an address replaces
 * an earlier one.  The parser accepts ISC's other statements (cltt, uid,
 * server-duid...) by skipping them, and a torn last record (a crash in
 * the middle of an append that was never acknowledged) by stopping before
 * it.  Times are UTC.  Pure: buffers in, table out.
 */
#ifndef LEASE_FILE_H
#define LEASE_FILE_H

#include "common/perr.h"
#include "dhcpd-pxe/lease.h"

#define LEASE_RECORD_MAX	512

/* One record into buf; its length, or -1 if it does not fit. */
int	lease_file_format(const struct lease *, char *buf, size_t bufsz);
/*
 * Loads every complete record of text[0..len) into t.  *valid is the
 * length of the part made of complete records; a torn record after it is
 * the crash case and is not an error.  -1 with err for anything else
 * (a bad record followed by more records, out of memory).
 */
int	lease_file_parse(struct lease_table *t, const char *text, size_t len,
	    const char *file, size_t *valid, struct perr *err);

#endif
