/* SPDX-License-Identifier: ISC */
/*
 * One RFC 2090 multicast session: a file sent to a group address, paced
 * by one "master" client's ACKs, lock-step, while every other client of
 * the session listens.  Clients join at any time (an RRQ with the
 * multicast option for the same file); the first is the master.  When the
 * master has the whole file (its ACK of the last block), or stops
 * answering, the next client in order of arrival is made master by an
 * OACK with mc=1; it ACKs the blocks it holds from the first on, so the
 * server resends what it missed (a late joiner gets the beginning of the
 * file that way, as RFC 2090 describes).  A client not yet master never
 * ACKs (atftp's client ends only after being master), so every client is
 * master once, and the session is over when each has finished or failed.
 * A master that does not answer in time goes to the back of the queue
 * (under loss a live client can look dead: atftp re-ACKs a repeated block
 * only on its own timeout), and fails at its TFTP_MC_STRIKES-th timeout.
 * An ACK from any other address or port is ignored, as are ACKs below
 * the block sent (duplicates: the timer resends, never an ACK, so no
 * Sorcerer's Apprentice).  On a timeout the master gets its OACK again
 * beside the block: that makes it ACK what it holds.
 *
 * Pure: the caller passes the time (monotonic ms) and the packets; the
 * next action comes from tftp_mc_next(), which assumes it is carried out.
 * Blocks are counted 1..nblocks; a session needs nblocks <= 65535 (no
 * rollover: a late joiner could not tell one pass from the next).
 */
#ifndef TFTP_MCAST_H
#define TFTP_MCAST_H

#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>

#define TFTP_MC_OACKMAX	96	/* a client's OACK without multicast */
#define TFTP_MC_BLOCKS	65535	/* most blocks a session sends */
#define TFTP_MC_PORT	1758	/* a range's port if none is given (atftpd's) */
#define TFTP_MC_STRIKES	2	/* master timeouts before a client fails */

enum tftp_mc_state {
	MC_WAITING,	/* listening; master later */
	MC_MASTER,
	MC_DONE,	/* ACKed the last block */
	MC_FAILED	/* timed out as master, or sent an ERROR */
};

struct tftp_mc_client {
	uint32_t	 ip;
	uint16_t	 port;
	enum tftp_mc_state state;
	bool		 oack;		/* an OACK is owed to it */
	bool		 reported;	/* its end went to the caller */
	uint16_t	 code;		/* MC_FAILED: its ERROR code, or 0 */
	unsigned	 turn;		/* lowest waiting is master next */
	unsigned	 strikes;	/* times it timed out as master */
	uint64_t	 joined;	/* blocks sent when it joined */
	uint64_t	 got;		/* blocks it was sent (for the log) */
	int64_t		 start;		/* caller's time of its request */
	uint8_t		 oacklen;
	uint8_t		 base[TFTP_MC_OACKMAX];	/* its options' OACK */
};

struct tftp_mc {
	uint32_t	 nblocks;	/* the file's: size / blksize + 1 */
	uint32_t	 timeout_ms;	/* first retransmission */
	uint32_t	 max_ms;	/* backoff ceiling */
	uint32_t	 cur_ms;	/* after backoff */
	unsigned	 retries;	/* of one packet, then the master fails */
	struct tftp_mc_client *cl;	/* caller's storage, join order */
	size_t		 ncl, cap;
	unsigned	 turns;		/* the next turn to give */
	ssize_t		 master;	/* index, or -1 */
	bool		 fresh;		/* its first ACK not yet seen */
	uint32_t	 sent;		/* block to send or sent, 0: none */
	bool		 send;		/* `sent' is to go out */
	int64_t		 due;		/* retransmission, 0: none armed */
	unsigned	 tries;
	uint64_t	 out;		/* DATA packets sent to the group */
};

enum tftp_mc_act {
	MC_ACT_WAIT,	/* nothing to send until `due' (0: a packet) */
	MC_ACT_OACK,	/* OACK to client `client' (mc=1 if master) */
	MC_ACT_DATA,	/* DATA block `block' to the group */
	MC_ACT_END,	/* client `client' ended (state DONE or FAILED) */
	MC_ACT_OVER	/* every client ended: close the session */
};

struct tftp_mc_action {
	enum tftp_mc_act act;
	size_t		 client;
	bool		 master;
	uint32_t	 block;
	int64_t		 due;		/* WAIT: when to call again */
};

/*
 * A session over tab[cap] for a file of nblocks blocks (1 ..
 * TFTP_MC_BLOCKS); retransmissions after timeout_ms, doubling up to
 * max_ms, retries times each.
 */
void	tftp_mc_init(struct tftp_mc *, struct tftp_mc_client *tab,
	    size_t cap, uint32_t nblocks, uint32_t timeout_ms,
	    uint32_t max_ms, unsigned retries);
/*
 * A request from ip:port, with the OACK of its other options (len <=
 * TFTP_MC_OACKMAX) and when it came (start: the caller's clock, kept for
 * its log).  A client already in the session is owed its
 * OACK again (its first was lost).  Returns its index, or -1 if the
 * session is full or has ended for that client.
 */
ssize_t	tftp_mc_join(struct tftp_mc *, uint32_t ip, uint16_t port,
	    const uint8_t *oack, size_t len, int64_t start);
/* An ACK of `block' from ip:port. */
void	tftp_mc_ack(struct tftp_mc *, uint32_t ip, uint16_t port,
	    uint16_t block);
/* An ERROR with code from ip:port: that client leaves. */
void	tftp_mc_error(struct tftp_mc *, uint32_t ip, uint16_t port,
	    uint16_t code);
/* What to do at now. */
void	tftp_mc_next(struct tftp_mc *, int64_t now, struct tftp_mc_action *);
/*
 * Client c's OACK into buf[cap]: its options, then multicast
 * "group,port,mc" (RFC 2090).  Returns its length, or 0 if it does not fit.
 */
size_t	tftp_mc_oack(uint8_t *buf, size_t cap, const struct tftp_mc_client *c,
	    uint32_t group, uint16_t port, bool master);

/* --mcast-range ADDR[-ADDR][:PORT[-PORT]]: the groups sessions may use. */
struct tftp_mc_range {
	uint32_t	 lo, hi;		/* in 224.0.0.0/4, host order */
	uint16_t	 port_lo, port_hi;
};

/* 0, or -1 if s is not such a range of multicast addresses and ports. */
int	tftp_mc_range_parse(const char *s, struct tftp_mc_range *);
/* How many (group, port) pairs it holds. */
uint64_t tftp_mc_range_count(const struct tftp_mc_range *);
/* Pair k (0 .. count - 1). */
void	tftp_mc_range_pick(const struct tftp_mc_range *, uint64_t k,
	    uint32_t *group, uint16_t *port);

#endif
