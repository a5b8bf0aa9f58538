/* SPDX-License-Identifier: ISC */
/*
 * Admission of transfers: how many may run at once in all (dnsmasq's
 * tftp-max) and from one client address, so that a flood from one address
 * cannot take every slot; and a rate limit for the log lines that tell of
 * dropped requests (STYLE.md 3.5.6: the intent of OpenBSD's counters, in a
 * struct).  Pure: the per-address table lives in the caller's storage, the
 * clock is an argument, nothing is logged or allocated.  The shell counts
 * a transfer when it starts one and releases it when the child is reaped
 * or the thread has returned.
 */
#ifndef TFTP_LIMIT_H
#define TFTP_LIMIT_H

#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>

struct tftp_limit_src {
	uint32_t	ip;		/* the client's address, host order */
	unsigned	n;		/* its transfers running, > 0 */
};

struct tftp_limit {
	struct tftp_limit_src	*src;	/* caller's storage, cap entries */
	size_t			 cap;
	size_t			 nsrc;	/* entries in use: src[0..nsrc) */
	unsigned		 total;	/* transfers running */
	unsigned		 max_total;	/* at most cap */
	unsigned		 max_per_src;
};

enum tftp_admit {
	TFTP_ADMIT_OK,		/* counted: start the transfer */
	TFTP_ADMIT_FULL,	/* max_total transfers running */
	TFTP_ADMIT_SOURCE	/* max_per_src from this address running */
};

/*
 * An empty table over tab[cap].  Each running transfer has one address,
 * so cap >= max_total entries always suffice; max_total is cut to cap.
 */
void	tftp_limit_init(struct tftp_limit *, struct tftp_limit_src *tab,
	    size_t cap, unsigned max_total, unsigned max_per_src);
/* Whether a transfer for ip may start; if TFTP_ADMIT_OK it is counted. */
enum tftp_admit tftp_limit_take(struct tftp_limit *, uint32_t ip);
/* A counted transfer for ip ended: 0, or -1 if ip has none counted. */
int	tftp_limit_release(struct tftp_limit *, uint32_t ip);
/* Transfers counted for ip. */
unsigned tftp_limit_count(const struct tftp_limit *, uint32_t ip);

/*
 * Requests whose transfers began lately, so that a copy of one which was
 * waiting in the listening socket when its transfer began (the client
 * sent it again while every slot was taken) is not served a second time
 * once that transfer has ended: a client that got its answer has moved
 * to another port, and the second transfer would wait out its retries
 * there, holding a slot, for nothing.  A request sent after its transfer
 * began (a client fetching the same file again) is served.  Keyed by the
 * client's address and port and a hash of the request's bytes; a table
 * of cap entries (a power of two), one per key hash, the newest winning
 * (a key pushed out only costs that copy being served).  Times are the
 * kernel's arrival times and the start's, on one clock (ms).
 */
struct tftp_recent_ent {
	uint32_t	ip, hash;
	uint16_t	port;
	bool		used;
	int64_t		start;		/* the transfer began */
};

struct tftp_recent {
	struct tftp_recent_ent	*v;	/* caller's storage */
	size_t			 cap;
};

/* An empty table over tab[cap]; cap a power of two. */
void	tftp_recent_init(struct tftp_recent *, struct tftp_recent_ent *tab,
	    size_t cap);
/* The hash of a request's bytes, for the two calls below. */
uint32_t tftp_recent_hash(const void *req, size_t len);
/*
 * Whether a request with this key that arrived at `arrived' is a copy
 * of one whose transfer began at or after that time.
 */
bool	tftp_recent_copy(const struct tftp_recent *, uint32_t ip,
	    uint16_t port, uint32_t hash, int64_t arrived);
/* A transfer for this key began at start. */
void	tftp_recent_add(struct tftp_recent *, uint32_t ip, uint16_t port,
	    uint32_t hash, int64_t start);

/* A log rate limit: at most max lines per window; zero it to start. */
struct tftp_loglim {
	int64_t		start;		/* the window's start (ms) */
	unsigned	n;		/* lines let through in it */
	unsigned	quiet;		/* lines held back since the last */
};

/*
 * Whether to log a line at now (ms, monotonic): true for the first max
 * lines of each window_ms, the window starting with the first line after
 * the previous one ended.  On true, *held is the number of lines held
 * back since the last one let through (to say "and N more").
 */
bool	tftp_loglim_ok(struct tftp_loglim *, int64_t now, unsigned max,
	    int64_t window_ms, unsigned *held);

#endif
