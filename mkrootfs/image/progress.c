// SPDX-License-Identifier: ISC
/*
 * Progress on a terminal during copy and compress: bytes done of the total
 * and the rate, redrawn at most five times a second on one line of stderr.
 * Off unless stderr is a terminal, so logs and pipes stay clean.
 */
#include <stdio.h>

#include "common/monotime.h"
#include "mkrootfs/image/image.h"

/* Seconds on the monotonic clock. */
static double
now(void)
{
	return (double)mono_ms() / 1e3;
}

static void
draw(struct progress *p, double t)
{
	double mib = 1024.0 * 1024.0, el = t - p->start;

	fprintf(stderr, "\r%s: %.1f MiB of %.1f MiB (%d%%), %.1f MiB/s   ",
	    p->what, (double)p->done / mib, (double)p->total / mib,
	    p->total ? (int)(p->done * 100 / p->total) : 100,
	    el > 0 ? (double)p->done / mib / el : 0.0);
	p->last = t;
}

void
progress_start(struct progress *p, bool on, const char *what,
    uint64_t total)
{
	p->on = on;
	p->what = what;
	p->done = 0;
	p->total = total;
	p->start = p->last = now();
}

void
progress_add(struct progress *p, uint64_t n)
{
	double t;

	p->done += n;
	if (p->done > p->total)
		p->total = p->done;
	if (!p->on)
		return;
	if ((t = now()) - p->last >= 0.2)
		draw(p, t);
}

void
progress_end(struct progress *p)
{
	if (!p->on)
		return;
	draw(p, now());
	fputc('\n', stderr);
}
