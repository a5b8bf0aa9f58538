/* SPDX-License-Identifier: ISC */
/*
 * The boot sequencer's plan: which node to wake next, when to resend a
 * magic packet, when to give a node up.  At most `parallel' nodes hold a
 * slot at once (1 for --sequential).  A node holds its slot from its first
 * magic packet until its last boot file shows as finished in the transfer
 * log (booted), or, without a log, for a fixed delay (woken).  A node that
 * has not booted `timeout' after a packet gets it again, `retries' times;
 * then it is failed and its slot goes to the next node.
 *
 * Pure: the shell passes the time (ms, any monotonic origin) and the log
 * records; wol_sched_next() answers what to do now or how long to sleep.
 */
#ifndef WOL_SCHED_H
#define WOL_SCHED_H

#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>
#include <sys/types.h>

#include "wol_pace.h"
#include "wol_xferlog.h"

enum wol_state {
	WN_PENDING,		/* not woken yet */
	WN_WAITING,		/* woken, holds a slot */
	WN_BOOTED,		/* its last boot file was served */
	WN_WOKEN,		/* no log: the delay has passed */
	WN_FAILED		/* no boot after every retry */
};

struct wol_snode {
	uint32_t	 ip;		/* matched against the log */
	const char	*bootfile;	/* last boot file, no leading '/' */
	enum wol_state	 state;
	unsigned	 sends;		/* magic packets sent */
	int64_t		 first_ms;	/* first packet */
	int64_t		 last_ms;	/* latest packet */
	int64_t		 done_ms;	/* booted, woken or failed */
};

struct wol_sched {
	struct wol_snode *v;		/* caller's array */
	size_t		  n;
	size_t		  parallel;	/* >= 1 */
	struct wol_pace	 *pace;		/* or NULL: parallel is fixed */
	bool		  uselog;	/* wait for the log, else the delay */
	unsigned	  retries;	/* extra packets after the first */
	int64_t		  timeout_ms;	/* per packet, with a log */
	int64_t		  delay_ms;	/* per node, without a log */
	size_t		  next;		/* first node never woken */
	size_t		  busy;		/* nodes holding a slot */
};

enum wol_act {
	WA_SEND,	/* send a magic packet to node (sends says which) */
	WA_FAIL,	/* node gave up: report it */
	WA_WOKEN,	/* node's delay passed (no log) */
	WA_WAIT,	/* nothing to do before `until' (or a log line) */
	WA_DONE		/* every node is booted, woken or failed */
};

struct wol_action {
	enum wol_act	act;
	size_t		node;
	int64_t		until;
};

/*
 * Sets up the plan over nodes v[0..n-1] (all made PENDING).  Returns 0, or
 * -1 with *errstr if a parameter is out of range (parallel 0, a negative
 * time, a log without a boot file for some node).
 */
int	wol_sched_init(struct wol_sched *, struct wol_snode *v, size_t n,
	    size_t parallel, bool uselog, unsigned retries, int64_t timeout_ms,
	    int64_t delay_ms, const char **errstr);
/*
 * The next thing to do at `now'; applies it to the plan before returning
 * (a SEND counts as sent).  Call it until it returns WA_WAIT or WA_DONE.
 * Set s->pace after init for a window of its own (parallel is its limit).
 */
void	wol_sched_next(struct wol_sched *, int64_t now, struct wol_action *);
/*
 * Node i, waiting, could not be powered at all (its BMC did not answer):
 * it fails at `now' and its slot goes to the next node.
 */
void	wol_sched_fail(struct wol_sched *, size_t i, int64_t now);
/*
 * A log record at `now': if it is the successful RRQ of a waiting node's
 * last boot file from that node's address, the node is booted and its
 * index returned; otherwise -1.  A pace hears of every record of a
 * waiting node.
 */
ssize_t	wol_sched_xfer(struct wol_sched *, const struct xferlog_rec *,
	    int64_t now);

#endif
