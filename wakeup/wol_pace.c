// SPDX-License-Identifier: ISC
/*
 * wakeup --parallel auto's window (see wol_pace.h): additive increase,
 * multiplicative decrease over the transfer log of the nodes being booted.
 */
#include <string.h>

#include "wol_pace.h"

void
wol_pace_init(struct wol_pace *p, size_t max)
{
	memset(p, 0, sizeof(*p));
	p->max = max > 0 ? max : 1;
	p->w = p->max < WOL_PACE_START ? (double)p->max : WOL_PACE_START;
	p->slowstart = true;
	p->cut_ms = INT64_MIN;
}

size_t
wol_pace_window(const struct wol_pace *p)
{
	size_t w = (size_t)p->w;

	return w < 1 ? 1 : w > p->max ? p->max : w;
}

/* Halves the window for trouble in something that began at `since'. */
static enum wol_pace_why
narrow(struct wol_pace *p, int64_t since, int64_t now, enum wol_pace_why why)
{
	if (since < p->cut_ms)
		return WP_NONE;		/* the window before the last cut */
	p->w = p->w / 2 < 1 ? 1 : p->w / 2;
	p->w = (double)wol_pace_window(p);	/* whole nodes from here */
	p->slowstart = false;
	p->cut_ms = now;
	p->downs++;
	return p->why = why;
}

/* The fastest time of file `name', or NULL if it is not kept. */
static struct wol_pace_file *
file_of(struct wol_pace *p, const char *name)
{
	size_t i;

	for (i = 0; i < p->nf; i++)
		if (strcmp(p->f[i].name, name) == 0)
			return &p->f[i];
	if (p->nf == WOL_PACE_FILES || strlen(name) >= WOL_PACE_NAMEMAX)
		return NULL;
	strlcpy(p->f[p->nf].name, name, WOL_PACE_NAMEMAX);
	p->f[p->nf].best_ms = UINT64_MAX;
	p->f[p->nf].srtt_us = p->f[p->nf].rttvar_us = 0;
	p->f[p->nf].seen = 0;
	return &p->f[p->nf++];
}

enum wol_pace_why
wol_pace_xfer(struct wol_pace *p, const struct xferlog_rec *r, int64_t now,
    size_t busy)
{
	struct wol_pace_file *f;
	int64_t since = now - (int64_t)r->dur_ms;
	uint64_t unit, flat, dev;

	if (r->wrq)
		return WP_NONE;
	/*
	 * A capital: the server's answer ("E<code>": refused or missing, as
	 * lookups are; an HTTP HEAD or status), not trouble in transport.
	 */
	if (!r->ok)
		return r->fail[0] >= 'A' && r->fail[0] <= 'Z' ? WP_NONE :
		    narrow(p, since, now, WP_FAILED);
	if (r->bytes < WOL_PACE_MINBYTES || (f = file_of(p, r->file)) == NULL)
		return WP_NONE;
	if (busy == 0)
		busy = 1;
	unit = r->dur_ms * 1000 / busy;
	if (f->best_ms == UINT64_MAX) {		/* the first: RFC 6298 2.2 */
		f->best_ms = r->dur_ms;
		f->srtt_us = unit;
		f->rttvar_us = unit / 2;
		f->seen = 1;
		return WP_NONE;
	}
	flat = busy * (f->srtt_us + 4 * f->rttvar_us) / 1000;
	if (flat < f->best_ms * 2)
		flat = f->best_ms * 2;
	/* RFC 6298 2.3: the deviation first, from the old mean */
	dev = unit > f->srtt_us ? unit - f->srtt_us : f->srtt_us - unit;
	f->rttvar_us = (3 * f->rttvar_us + dev) / 4;
	f->srtt_us = (7 * f->srtt_us + unit) / 8;
	if (r->dur_ms < f->best_ms)
		f->best_ms = r->dur_ms;
	if (f->seen++ <= WOL_PACE_WARMUP ||
	    r->dur_ms <= flat + WOL_PACE_SLACK_MS)
		return WP_NONE;
	p->last_ms = r->dur_ms;
	p->flat_ms = flat;
	strlcpy(p->last_file, f->name, sizeof(p->last_file));
	return narrow(p, since, now, WP_SLOW);
}

enum wol_pace_why
wol_pace_booted(struct wol_pace *p, bool filled)
{
	size_t before = wol_pace_window(p);

	if (!filled)
		return WP_NONE;
	p->w += p->slowstart ? 1 : 1 / p->w;
	if (p->w > (double)p->max)
		p->w = (double)p->max;
	if (wol_pace_window(p) == before)
		return WP_NONE;
	p->ups++;
	return p->why = WP_BOOTED;
}

enum wol_pace_why
wol_pace_timeout(struct wol_pace *p, int64_t since, int64_t now)
{
	return narrow(p, since, now, WP_TIMEOUT);
}
