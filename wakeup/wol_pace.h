/* SPDX-License-Identifier: ISC */
/*
 * wakeup --parallel auto: how many nodes may boot at once, found from the
 * transfer log the way TCP finds a sending rate (additive increase,
 * multiplicative decrease).  The window starts at 2 and grows by one per
 * node booted while it was filled (doubling per round, "slow start") until
 * the first sign of trouble, then by 1/window per node booted (one per
 * round).  Trouble is a transfer to a node being booted that failed in
 * transport (timeout, unreachable, io, an HTTP download cut short: not a
 * file refused or missing, which pxelinux's lookups produce by design, nor
 * an HTTP HEAD or status other than 200), a node not booted within its
 * timeout, or a transfer that slowed down more than its share.
 *
 * Its share: each file of at least WOL_PACE_MINBYTES keeps a time per node
 * booting (a transfer's duration over the nodes booting when it ended),
 * smoothed and with its mean deviation as TCP keeps a round trip (RFC
 * 6298: SRTT, RTTVAR); its first WOL_PACE_WARMUP + 1 transfers only
 * teach.  With n nodes booting a transfer may take n times SRTT + 4
 * RTTVAR, or twice the file's fastest transfer (latency), plus
 * WOL_PACE_SLACK_MS.  Many transfers sharing a busy server take n times as
 * long each, which is no loss, as many nodes boot per second; a shared,
 * noisy machine spreads them, which the deviation absorbs.  Past the
 * server's capacity they take longer than that (retransmissions, queues)
 * and fewer nodes boot per second: that is what narrows.  Then the window
 * halves (never below 1), once per round: trouble in a transfer that began
 * before the last decrease was caused by the window before it and does
 * not count again.  The window never exceeds the limit given.
 *
 * Pure: the caller passes the time (ms, monotonic) and the parsed log
 * records of the nodes it woke.
 */
#ifndef WOL_PACE_H
#define WOL_PACE_H

#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>

#include "wol_xferlog.h"

#define WOL_PACE_START		2
#define WOL_PACE_FILES		16	/* file names with a fastest time */
#define WOL_PACE_NAMEMAX	128
#define WOL_PACE_MINBYTES	65536	/* shorter ones time the latency */
#define WOL_PACE_SLACK_MS	100
#define WOL_PACE_WARMUP		3	/* a file's first transfers only teach */

enum wol_pace_why {
	WP_NONE,	/* the window did not change */
	WP_BOOTED,	/* widened: a node booted, times flat */
	WP_SLOW,	/* narrowed: a transfer slowed down */
	WP_FAILED,	/* narrowed: a transfer failed */
	WP_TIMEOUT	/* narrowed: a node did not boot in time */
};

struct wol_pace_file {
	char		 name[WOL_PACE_NAMEMAX];
	uint64_t	 best_ms;	/* the fastest transfer */
	uint64_t	 srtt_us;	/* smoothed time per node booting */
	uint64_t	 rttvar_us;	/* and its mean deviation */
	unsigned	 seen;		/* transfers timed */
};

struct wol_pace {
	double		 w;		/* the window, 1 .. max */
	size_t		 max;
	bool		 slowstart;	/* until the first decrease */
	int64_t		 cut_ms;	/* the last decrease, or INT64_MIN */
	struct wol_pace_file f[WOL_PACE_FILES];
	size_t		 nf;
	unsigned	 ups, downs;	/* changes, for the summary */
	/* the last change, for the shell to report */
	enum wol_pace_why why;
	uint64_t	 last_ms, flat_ms;	/* WP_SLOW: took, flat */
	char		 last_file[WOL_PACE_NAMEMAX];	/* and file */
};

/* A window of min(WOL_PACE_START, max) nodes; max >= 1. */
void	wol_pace_init(struct wol_pace *, size_t max);
/* How many nodes may boot at once now: 1 .. max. */
size_t	wol_pace_window(const struct wol_pace *);
/*
 * A transfer log record of a node being booted, read at now, with busy
 * nodes booting then.  Returns WP_SLOW or WP_FAILED if the window
 * narrowed, else WP_NONE.
 */
enum wol_pace_why wol_pace_xfer(struct wol_pace *, const struct xferlog_rec *,
	    int64_t now, size_t busy);
/*
 * A node booted, with the window `filled' (as many booting as it
 * allowed) or not: WP_BOOTED if the window grew.  A window not filled
 * does not grow: its boots say nothing of a larger one.
 */
enum wol_pace_why wol_pace_booted(struct wol_pace *, bool filled);
/* A node woken at `since' not booted by now: WP_TIMEOUT if narrowed. */
enum wol_pace_why wol_pace_timeout(struct wol_pace *, int64_t since,
	    int64_t now);

#endif
