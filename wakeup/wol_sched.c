// SPDX-License-Identifier: ISC
/*
 * The sequencer's plan (see wol_sched.h).  Timeouts are handled before new
 * wakes so a node that has used up its slot frees it in the same step, and
 * nodes are woken in the order given, so the admin's file or /etc/ethers
 * order is the boot order.
 */
#include <string.h>

#include "wol_sched.h"

int
wol_sched_init(struct wol_sched *s, struct wol_snode *v, size_t n,
    size_t parallel, bool uselog, unsigned retries, int64_t timeout_ms,
    int64_t delay_ms, const char **errstr)
{
	size_t i;

	if (parallel == 0) {
		*errstr = "parallel must be at least 1";
		return -1;
	}
	if (timeout_ms <= 0 || delay_ms < 0) {
		*errstr = "timeout must be positive and delay not negative";
		return -1;
	}
	for (i = 0; uselog && i < n; i++)
		if (v[i].bootfile == NULL || v[i].bootfile[0] == '\0') {
			*errstr = "a node has no boot file to wait for";
			return -1;
		}
	memset(s, 0, sizeof(*s));
	s->v = v;
	s->n = n;
	s->parallel = parallel;
	s->uselog = uselog;
	s->retries = retries;
	s->timeout_ms = timeout_ms;
	s->delay_ms = delay_ms;
	for (i = 0; i < n; i++) {
		v[i].state = WN_PENDING;
		v[i].sends = 0;
		v[i].first_ms = v[i].last_ms = v[i].done_ms = 0;
	}
	return 0;
}

static void
release(struct wol_sched *s, struct wol_snode *nd, enum wol_state st,
    int64_t now)
{
	nd->state = st;
	nd->done_ms = now;
	s->busy--;
}

/* When the waiting node `nd' next needs attention. */
static int64_t
deadline(const struct wol_sched *s, const struct wol_snode *nd)
{
	return nd->last_ms + (s->uselog ? s->timeout_ms : s->delay_ms);
}

void
wol_sched_next(struct wol_sched *s, int64_t now, struct wol_action *a)
{
	struct wol_snode *nd;
	int64_t until = INT64_MAX;
	size_t i;

	for (i = 0; i < s->next; i++) {
		nd = &s->v[i];
		if (nd->state != WN_WAITING)
			continue;
		if (deadline(s, nd) > now) {
			if (deadline(s, nd) < until)
				until = deadline(s, nd);
			continue;
		}
		a->node = i;
		if (s->pace != NULL && s->uselog)
			wol_pace_timeout(s->pace, nd->last_ms, now);
		if (!s->uselog) {
			release(s, nd, WN_WOKEN, now);
			a->act = WA_WOKEN;
		} else if (nd->sends <= s->retries) {
			nd->sends++;
			nd->last_ms = now;
			a->act = WA_SEND;
		} else {
			release(s, nd, WN_FAILED, now);
			a->act = WA_FAIL;
		}
		return;
	}
	if (s->next < s->n && s->busy < (s->pace != NULL ?
	    wol_pace_window(s->pace) : s->parallel)) {
		nd = &s->v[s->next];
		nd->state = WN_WAITING;
		nd->sends = 1;
		nd->first_ms = nd->last_ms = now;
		s->busy++;
		a->act = WA_SEND;
		a->node = s->next++;
		return;
	}
	a->act = s->busy == 0 ? WA_DONE : WA_WAIT;
	a->until = until;
}

void
wol_sched_fail(struct wol_sched *s, size_t i, int64_t now)
{
	if (i < s->next && s->v[i].state == WN_WAITING)
		release(s, &s->v[i], WN_FAILED, now);
}

ssize_t
wol_sched_xfer(struct wol_sched *s, const struct xferlog_rec *r, int64_t now)
{
	struct wol_snode *nd;
	size_t i;
	bool filled;

	if (!s->uselog)
		return -1;
	for (i = 0; i < s->next; i++) {
		nd = &s->v[i];
		if (nd->state != WN_WAITING || nd->ip != r->ip)
			continue;
		if (s->pace != NULL)
			wol_pace_xfer(s->pace, r, now, s->busy);
		if (r->wrq || !r->ok || strcmp(nd->bootfile, r->file) != 0)
			return -1;
		filled = s->pace != NULL && s->busy >= wol_pace_window(s->pace);
		release(s, nd, WN_BOOTED, now);
		if (s->pace != NULL)
			wol_pace_booted(s->pace, filled);
		return (ssize_t)i;
	}
	return -1;
}
