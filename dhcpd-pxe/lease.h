/* SPDX-License-Identifier: ISC */
/*
 * The lease table: one record per address ever bound or offered, indexed
 * by address and by MAC (open-addressing hashes), with the state machine
 * of a lease (offered -> active -> released/expired, or abandoned after a
 * DECLINE) judged against an injected clock `now'.  Allocation scans each
 * range from a cursor, so a mostly free pool costs O(1) per client.  Pure:
 * memory only; the lease file is lease_file.h, its I/O leasedb.c.
 */
#ifndef LEASE_H
#define LEASE_H

#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>

#include "common/addr.h"
#include "dhcpconf/dhcpconf.h"

#define LEASE_HOSTNAME_MAX	64
#define LEASE_OFFER_HOLD	60	/* seconds an offer reserves */
#define LEASE_ABANDON_TIME	3600	/* seconds a declined address rests */

enum lease_state {
	LEASE_FREE,		/* released, or never used */
	LEASE_OFFERED,		/* in memory only, until ends */
	LEASE_ACTIVE,
	LEASE_ABANDONED		/* declined: not offered until ends */
};

struct lease {
	uint32_t	 ip;
	uint8_t		 mac[MAC_LEN];
	enum lease_state state;
	int64_t		 starts;
	int64_t		 ends;
	char		 hostname[LEASE_HOSTNAME_MAX];
};

struct lease_table {
	struct lease	*v;
	size_t		 n, cap;
	uint32_t	*byip, *bymac;	/* index + 1, 0 empty */
	size_t		 hcap;		/* power of two */
	uint32_t	*cursor;	/* per dhcpconf range: next to try */
	size_t		 ncursor;
};

void	lease_table_init(struct lease_table *);
void	lease_table_free(struct lease_table *);
/* Resets the range cursors for a (re)loaded config; -1 on ENOMEM. */
int	lease_table_ranges(struct lease_table *, size_t nranges);

struct lease *lease_by_ip(const struct lease_table *, uint32_t ip);
/*
 * The MAC's most recently written lease that is still its own: when an
 * address passes to another MAC, the old MAC loses its index entry (an
 * older record of it, if any, is no longer found by MAC).
 */
struct lease *lease_by_mac(const struct lease_table *,
	    const uint8_t mac[MAC_LEN]);
/* Inserts or replaces the record for l->ip; the stored copy or NULL. */
struct lease *lease_put(struct lease_table *, const struct lease *l);

/*
 * Checks the indexes (what the unit soak and the stateful fuzz harness
 * assert after every step): every address and MAC entry is the one a
 * lookup of its record's own address or MAC reaches, so none is stale or
 * doubled; every record is reachable by its address; the index is at most
 * half full.  NULL, or what is wrong; *maxprobe gets the longest probe
 * run a lookup walks.
 */
const char *lease_table_verify(const struct lease_table *,
	    size_t *maxprobe);

/*
 * Marks ip abandoned until now + LEASE_ABANDON_TIME (it answered a ping:
 * some host uses it without a lease), recording mac as the client it was
 * about to go to.  The stored record, or NULL on ENOMEM.
 */
struct lease *lease_abandon(struct lease_table *, uint32_t ip,
	    const uint8_t mac[MAC_LEN], int64_t now);

/*
 * Withdraws an offer of ip that will not leave (its ping could not be
 * waited for: the wait table is full): the address is free again.
 * Nothing if ip is not on offer.
 */
void	lease_unoffer(struct lease_table *, uint32_t ip);

/* May ip be given to mac at now? (free, expired, or already its own) */
bool	lease_usable(const struct lease *, const uint8_t mac[MAC_LEN],
	    int64_t now);
/* Does the lease still bind its MAC at now (offered or active)? */
bool	lease_bound(const struct lease *, int64_t now);

/*
 * A free address of the given range for mac, skipping addresses that
 * `reserved(arg, ip)' claims (fixed addresses, the server's own); 0 if
 * the range is full.  Moves the range's cursor.
 */
uint32_t lease_alloc(struct lease_table *, const struct dhcpconf *,
	    size_t range, const uint8_t mac[MAC_LEN], int64_t now,
	    bool (*reserved)(void *, uint32_t), void *arg);

#endif
