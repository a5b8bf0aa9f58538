/* SPDX-License-Identifier: ISC */
/*
 * A fleet of simulated clients behind one packet socket: which client a
 * frame is for (a DHCP reply by chaddr, ARP and the rest by the client's
 * MAC or, for a request, its address; a magic packet powers the client it
 * names on), and whose deadline comes next (an indexed min-heap, so a run
 * of 1024 clients costs O(log n) per event).  The caller allocates the
 * clients and the tables (fl_fleet_tabsize() entries each); the fleet
 * allocates nothing.  And the CSV line of a record.  Pure.
 */
#ifndef FL_FLEET_H
#define FL_FLEET_H

#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>

#include "fleet/fl_client.h"

struct fl_fleet {
	struct fl_client *v;
	size_t		  n;
	size_t		 *mactab, *iptab;	/* index + 1; 0: empty */
	size_t		  tabsize;		/* a power of two > 2n */
	size_t		 *heap, *pos;		/* n entries each */
	size_t		  ended;
	bool		  wol;		/* a magic packet powers a client on */
	unsigned long	  bad, stray;	/* unreadable; for no client */
};

size_t	fl_fleet_tabsize(size_t n);
/*
 * Takes v[0..n) (initialised, off) and the caller's tables: mactab and
 * iptab of fl_fleet_tabsize(n) entries, heap and pos of n.  -1 with
 * *errstr when two clients share a MAC.
 */
int	fl_fleet_init(struct fl_fleet *, struct fl_client *v, size_t n,
	    size_t *mactab, size_t *iptab, size_t *heap, size_t *pos,
	    const char **errstr);
/* Power client i on at `at'. */
void	fl_fleet_power(struct fl_fleet *, size_t i, int64_t now, int64_t at);
/* A received frame: routed to its client, whose output goes to *o. */
void	fl_fleet_frame(struct fl_fleet *, const uint8_t *frame, size_t len,
	    int64_t now, struct fl_out *o);
/* The earliest deadline of all clients, or FL_NO_DEADLINE. */
int64_t	fl_fleet_next(const struct fl_fleet *);
/* Runs one client whose deadline has passed: false if none. */
bool	fl_fleet_expire(struct fl_fleet *, int64_t now, struct fl_out *o);
/* Stops one client still running: false if none is left. */
bool	fl_fleet_stop(struct fl_fleet *, int64_t now, const char *why,
	    struct fl_out *o);
bool	fl_fleet_done(const struct fl_fleet *);

/* Client i's MAC: base counting up in its last three bytes. */
void	fl_fleet_mac(const uint8_t base[MAC_LEN], size_t i,
	    uint8_t mac[MAC_LEN]);
/*
 * A client's SMBIOS UUID: all zero (as qemu without -uuid), or a version 4
 * form that carries the MAC, 6e62666c-0000-4000-8000-<mac> ("nbfl").
 */
void	fl_fleet_uuid(const uint8_t mac[MAC_LEN], bool zero,
	    uint8_t uuid[FL_UUID_LEN]);

/* What a run's "boot" records add up to. */
struct fl_tally {
	size_t		 booted;
	unsigned long	 retrans;	/* clients' retransmissions, all */
	int64_t		 first, last;	/* first power-on, last end */
};

void	fl_tally_init(struct fl_tally *);
/* Counts r if it is a client's "boot" record. */
void	fl_tally_add(struct fl_tally *, const struct fl_rec *r);
/*
 * From the first power-on to the last client's end (booted or not); a
 * client never powered on does not count.
 */
int64_t	fl_tally_makespan(const struct fl_tally *);

/*
 * The CSV line of r (times relative to t0, in seconds), with its '\n':
 * its length, or 0 if cap is too small.  The header is FL_CSV_HEADER.
 */
#define FL_CSV_HEADER \
	"client,mac,ip,phase,file,start_s,end_s,sent,retrans,bytes,result\n"
size_t	fl_fleet_csv(const struct fl_fleet *, const struct fl_rec *,
	    int64_t t0, char *buf, size_t cap);

#endif
