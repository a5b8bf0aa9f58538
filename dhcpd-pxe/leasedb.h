/* SPDX-License-Identifier: ISC */
/*
 * The lease database on disk: an append-only journal in dhcpd.leases(5)
 * format.  Records are queued during one batch of requests and written
 * with a single write + fdatasync before any of that batch's ACKs leave
 * (group commit), so an acknowledged lease is on disk whatever happens
 * next.  When the journal has grown to several times the live records,
 * it is rewritten atomically: temporary file, fsync, rename, directory
 * fsync.  The directory is held open by descriptor so both work after
 * chroot.
 */
#ifndef LEASEDB_H
#define LEASEDB_H

#include <stddef.h>

#include "dhcpd-pxe/lease.h"

struct leasedb {
	int	 dirfd;
	int	 fd;
	char	 name[256];	/* the file's name in its directory */
	char	 path[4096];	/* for messages */
	char	*buf;		/* records waiting for commit */
	size_t	 len, cap;
	size_t	 records;	/* in the journal */
	size_t	 pending;
};

/*
 * Opens (creating) the lease file, loads it into t, cuts a torn last
 * record off.  -1 if it cannot (logged).
 */
int	leasedb_open(struct leasedb *, const char *path, struct lease_table *);
/* Queues one record; -1 on ENOMEM. */
int	leasedb_add(struct leasedb *, const struct lease *);
/* Writes and syncs the queued records; -1 (logged) if not durable. */
int	leasedb_commit(struct leasedb *, const struct lease_table *);

#endif
