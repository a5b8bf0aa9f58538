// SPDX-License-Identifier: ISC
/*
 * Admission of transfers by count, in all and per client address, and the
 * rate limit of the log lines about requests dropped for it; see
 * tftp_limit.h.  The table is a plain array searched linearly: it holds
 * one entry per address with a transfer running, at most max_total (256
 * by default), and is searched once per request and once per transfer
 * end.  And the table of requests whose transfers began lately.  Pure: no
 * I/O, no clock, no allocation.
 */
#include <string.h>

#include "common/hidx.h"
#include "in.tftpd/tftp_limit.h"

void
tftp_limit_init(struct tftp_limit *l, struct tftp_limit_src *tab,
    size_t cap, unsigned max_total, unsigned max_per_src)
{
	memset(l, 0, sizeof(*l));
	l->src = tab;
	l->cap = cap;
	l->max_total = max_total < cap ? max_total : (unsigned)cap;
	l->max_per_src = max_per_src;
}

static struct tftp_limit_src *
find(const struct tftp_limit *l, uint32_t ip)
{
	size_t i;

	for (i = 0; i < l->nsrc; i++)
		if (l->src[i].ip == ip)
			return &l->src[i];
	return NULL;
}

enum tftp_admit
tftp_limit_take(struct tftp_limit *l, uint32_t ip)
{
	struct tftp_limit_src *e;

	if (l->total >= l->max_total)
		return TFTP_ADMIT_FULL;
	if ((e = find(l, ip)) == NULL) {
		/* nsrc <= total < max_total <= cap: there is room. */
		if (l->nsrc >= l->cap)
			return TFTP_ADMIT_FULL;
		e = &l->src[l->nsrc++];
		e->ip = ip;
		e->n = 0;
	} else if (e->n >= l->max_per_src)
		return TFTP_ADMIT_SOURCE;
	e->n++;
	l->total++;
	return TFTP_ADMIT_OK;
}

int
tftp_limit_release(struct tftp_limit *l, uint32_t ip)
{
	struct tftp_limit_src *e;

	if ((e = find(l, ip)) == NULL)
		return -1;
	l->total--;
	if (--e->n == 0)
		*e = l->src[--l->nsrc];	/* the last entry fills the hole */
	return 0;
}

unsigned
tftp_limit_count(const struct tftp_limit *l, uint32_t ip)
{
	const struct tftp_limit_src *e = find(l, ip);

	return e == NULL ? 0 : e->n;
}

bool
tftp_loglim_ok(struct tftp_loglim *ll, int64_t now, unsigned max,
    int64_t window_ms, unsigned *held)
{
	if (ll->n == 0 || now - ll->start >= window_ms) {
		ll->start = now;
		ll->n = 0;
	}
	if (ll->n >= max) {
		ll->quiet++;
		return false;
	}
	ll->n++;
	*held = ll->quiet;
	ll->quiet = 0;
	return true;
}

void
tftp_recent_init(struct tftp_recent *r, struct tftp_recent_ent *tab,
    size_t cap)
{
	memset(tab, 0, cap * sizeof(*tab));
	r->v = tab;
	r->cap = cap;
}

uint32_t
tftp_recent_hash(const void *req, size_t len)
{
	return hidx_hash(req, len);
}

static struct tftp_recent_ent *
slot(const struct tftp_recent *r, uint32_t ip, uint16_t port, uint32_t hash)
{
	uint32_t h = hash ^ (ip * 0x9e3779b1u) ^ (port * 0x85ebca6bu);

	h ^= h >> 15;
	return &r->v[h & (r->cap - 1)];
}

bool
tftp_recent_copy(const struct tftp_recent *r, uint32_t ip, uint16_t port,
    uint32_t hash, int64_t arrived)
{
	const struct tftp_recent_ent *e = slot(r, ip, port, hash);

	return e->used && e->ip == ip && e->port == port && e->hash == hash &&
	    e->start >= arrived;
}

void
tftp_recent_add(struct tftp_recent *r, uint32_t ip, uint16_t port,
    uint32_t hash, int64_t start)
{
	struct tftp_recent_ent *e = slot(r, ip, port, hash);

	e->ip = ip;
	e->port = port;
	e->hash = hash;
	e->start = start;
	e->used = true;
}
