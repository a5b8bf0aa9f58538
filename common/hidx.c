// SPDX-License-Identifier: ISC
/*
 * Hash index: FNV-1a with a murmur3 finaliser (sequential MACs and
 * addresses, the usual case, then spread over every bit the mask keeps),
 * open addressing with linear probing.  Nothing is ever removed, so a
 * probe sequence never has a hole, and an element is added only if its
 * key is new: the one found is always the first added.
 */
#include <ctype.h>
#include <errno.h>
#include <stdlib.h>

#include "hidx.h"

#define HIDX_MINCAP	64

static uint32_t
hidx_mix(uint32_t h)
{
	h ^= h >> 16;
	h *= 0x85ebca6bu;
	h ^= h >> 13;
	h *= 0xc2b2ae35u;
	h ^= h >> 16;
	return h;
}

uint32_t
hidx_hash(const void *p, size_t len)
{
	const unsigned char *s = p;
	uint32_t h = 2166136261u;
	size_t i;

	for (i = 0; i < len; i++)
		h = (h ^ s[i]) * 16777619u;
	return hidx_mix(h);
}

uint32_t
hidx_hash_name(const char *s)
{
	uint32_t h = 2166136261u;

	for (; *s != '\0'; s++)
		h = (h ^ (unsigned char)tolower((unsigned char)*s)) *
		    16777619u;
	return hidx_mix(h);
}

/* The slot holding key, or the empty slot where it would go. */
static size_t
hidx_slot_of(const struct hidx *x, uint32_t hash, hidx_eq_fn eq,
    const void *ctx, const void *key, size_t *probes)
{
	size_t mask = x->cap - 1, i = hash & mask;
	const struct hidx_slot *s;

	for (;; i = (i + 1) & mask) {
		s = &x->slot[i];
		(*probes)++;
		if (s->pos == 0 || (s->hash == hash &&
		    eq(ctx, s->pos - 1, key)))
			return i;
	}
}

size_t
hidx_find(const struct hidx *x, uint32_t hash, hidx_eq_fn eq,
    const void *ctx, const void *key)
{
	size_t probes = 0, i;

	if (x->n == 0)
		return HIDX_NONE;
	i = hidx_slot_of(x, hash, eq, ctx, key, &probes);
	return x->slot[i].pos == 0 ? HIDX_NONE : x->slot[i].pos - 1;
}

/* Doubles the table; keys are unique, so no comparison is needed. */
static int
hidx_grow(struct hidx *x)
{
	struct hidx_slot *v;
	size_t cap = x->cap == 0 ? HIDX_MINCAP : x->cap * 2, i, k;

	if ((v = calloc(cap, sizeof(*v))) == NULL)
		return -1;
	for (i = 0; i < x->cap; i++) {
		if (x->slot[i].pos == 0)
			continue;
		for (k = x->slot[i].hash & (cap - 1); v[k].pos != 0;
		    k = (k + 1) & (cap - 1))
			x->probes++;
		v[k] = x->slot[i];
	}
	free(x->slot);
	x->slot = v;
	x->cap = cap;
	return 0;
}

int
hidx_add(struct hidx *x, uint32_t hash, size_t i, hidx_eq_fn eq,
    const void *ctx, const void *key)
{
	size_t k;

	if (i >= UINT32_MAX) {
		errno = ENOMEM;
		return -1;
	}
	if ((x->n + 1) * 2 > x->cap && hidx_grow(x) == -1)
		return -1;
	k = hidx_slot_of(x, hash, eq, ctx, key, &x->probes);
	if (x->slot[k].pos != 0)
		return 0;
	x->slot[k].hash = hash;
	x->slot[k].pos = (uint32_t)i + 1;
	x->n++;
	return 1;
}

void
hidx_free(struct hidx *x)
{
	free(x->slot);
	x->slot = NULL;
	x->cap = x->n = x->probes = 0;
}
