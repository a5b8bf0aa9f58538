/* SPDX-License-Identifier: ISC */
/*
 * The ping check (ISC dhcpd's ping-check): before a pool address that no
 * lease names is offered, an ICMP echo request (RFC 792) goes to it and
 * the offer waits, without holding up other clients, for ping-timeout.
 * This is the table of those waits.  Each keeps the DISCOVER it answers,
 * and the end of a wait is an event that tells the shell what to do with
 * it: on the timeout, answer it again (the address is quiet: the reply
 * core now offers it, as the client's own offered record); on an echo
 * reply, abandon the address (lease_abandon()) and answer it again (the
 * core picks another).  Also the echo request encoder and the echo reply
 * decoder.  Pure: the caller gives the storage and the clock
 * (milliseconds); no I/O, no allocation.
 */
#ifndef DHCP_PING_H
#define DHCP_PING_H

#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>
#include <sys/types.h>

#include "common/addr.h"
#include "dhcpd-pxe/dhcp_msg.h"

#define DHCP_PING_ECHO_LEN	16	/* ICMP header (8) + 8 data bytes */

struct dhcp_ping {
	uint32_t	 ip;		/* the address pinged */
	uint16_t	 seq;		/* its echo sequence number */
	int64_t		 deadline;	/* ms: offer if no reply by then */
	uint8_t		 mac[MAC_LEN];	/* the client waiting */
	int		 ifindex;	/* where its DISCOVER came in */
	uint32_t	 src;		/* and from whom */
	size_t		 len;
	uint8_t		 req[DHCP_MAX_LEN];	/* the DISCOVER */
};

struct dhcp_ping_table {
	struct dhcp_ping *v;		/* caller's storage */
	size_t		  n, cap;
	uint16_t	  seq;		/* the next sequence number */
};

void	dhcp_ping_init(struct dhcp_ping_table *, struct dhcp_ping *storage,
	    size_t cap);
/*
 * A new wait for ip on behalf of mac, due at deadline, with the next
 * sequence number; the caller fills in the request.  NULL if the table
 * is full.
 */
struct dhcp_ping *dhcp_ping_add(struct dhcp_ping_table *, uint32_t ip,
	    const uint8_t mac[MAC_LEN], int64_t deadline);
/*
 * Keeps in p the DISCOVER of len bytes (at most DHCP_MAX_LEN) that its
 * wait holds, with the interface and the source it came from: the one
 * to answer when the wait ends (a retransmission replaces it).
 */
void	dhcp_ping_hold(struct dhcp_ping *p, const uint8_t *pkt, size_t len,
	    int ifindex, uint32_t src);
/* The wait of mac's DISCOVER, or NULL. */
struct dhcp_ping *dhcp_ping_by_mac(const struct dhcp_ping_table *,
	    const uint8_t mac[MAC_LEN]);
/* The wait an echo reply from ip with sequence seq answers, or NULL. */
struct dhcp_ping *dhcp_ping_by_reply(const struct dhcp_ping_table *,
	    uint32_t ip, uint16_t seq);
/* A wait whose deadline is at or before now, or NULL. */
struct dhcp_ping *dhcp_ping_due(const struct dhcp_ping_table *,
	    int64_t now);
/*
 * Copies p to *out (unless out is NULL) and removes it from the table;
 * p then points at another wait or past the end.
 */
void	dhcp_ping_take(struct dhcp_ping_table *, struct dhcp_ping *p,
	    struct dhcp_ping *out);
/* Milliseconds until the next deadline (0 if one is past), -1 if none. */
int	dhcp_ping_timeout(const struct dhcp_ping_table *, int64_t now);

/* What the shell does with a wait that has ended (dhcp_ping_on_*). */
enum dhcp_ping_do {
	DHCP_PING_ANSWER,	/* quiet: answer the DISCOVER again (offer) */
	DHCP_PING_ABANDON	/* in use: abandon ip for mac, then answer */
};

struct dhcp_ping_event {
	enum dhcp_ping_do	 what;
	struct dhcp_ping	 held;	/* the wait, out of the table */
};

/*
 * A datagram from the raw ICMP socket: 1 with *ev (DHCP_PING_ABANDON)
 * when it is the echo reply to one of our requests (identifier id), its
 * wait taken out of the table; 0 when it ends no wait (not an echo reply,
 * another host's, a wait already over).
 */
int	dhcp_ping_on_reply(struct dhcp_ping_table *, const uint8_t *pkt,
	    size_t len, uint16_t id, struct dhcp_ping_event *ev);
/*
 * A wait due at now: 1 with *ev (DHCP_PING_ANSWER), taken out of the
 * table; 0 when none is due.
 */
int	dhcp_ping_on_time(struct dhcp_ping_table *, int64_t now,
	    struct dhcp_ping_event *ev);

/* An echo request (type 8) into buf; DHCP_PING_ECHO_LEN, or -1 if short. */
ssize_t	dhcp_ping_echo(uint8_t *buf, size_t cap, uint16_t id, uint16_t seq);
/*
 * An echo reply as a raw ICMP socket reads it (the IPv4 header first):
 * 0 with its source, identifier and sequence; -1 with *errstr ("not an
 * echo reply", "bad checksum", "truncated ...") otherwise.
 */
int	dhcp_ping_reply(const uint8_t *pkt, size_t len, uint32_t *src,
	    uint16_t *id, uint16_t *seq, const char **errstr);

#endif
