/* SPDX-License-Identifier: ISC */
/*
 * A hash index over an append-only array: it maps a key to the position
 * of the first element added with that key, so a lookup answers what a
 * linear search from the start would, in constant time.  The array and
 * its keys stay the caller's; the index holds positions and hashes only
 * (open addressing, linear probing, at most half full), so the array may
 * be reallocated freely.  Keys are compared through the caller's eq().
 * The hashes are not keyed: the inputs are the admin's own files.  Pure
 * apart from malloc.
 */
#ifndef NB_HIDX_H
#define NB_HIDX_H

#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>

#define HIDX_NONE	((size_t)-1)

struct hidx_slot {
	uint32_t	hash;
	uint32_t	pos;	/* element position + 1; 0: empty */
};

struct hidx {
	struct hidx_slot *slot;
	size_t		  cap;		/* 0 or a power of two */
	size_t		  n;		/* keys held */
	size_t		  probes;	/* slots hidx_add() looked at */
};

/* Is element i's key equal to key?  ctx is the caller's array. */
typedef bool (*hidx_eq_fn)(const void *ctx, size_t i, const void *key);

uint32_t hidx_hash(const void *p, size_t len);
/* ASCII case-insensitive, for names compared with strcasecmp(). */
uint32_t hidx_hash_name(const char *);
/* The position of the first element added with key, or HIDX_NONE. */
size_t	hidx_find(const struct hidx *, uint32_t hash, hidx_eq_fn,
	    const void *ctx, const void *key);
/*
 * Records element i (whose key is key) unless an element with an equal
 * key was added before.  1 if recorded, 0 if not, -1 with errno ENOMEM.
 */
int	hidx_add(struct hidx *, uint32_t hash, size_t i, hidx_eq_fn,
	    const void *ctx, const void *key);
void	hidx_free(struct hidx *);

#endif
