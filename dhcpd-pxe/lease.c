// SPDX-License-Identifier: ISC
/* The lease table: records, two hash indexes, expiry, allocation. */
#include <stdlib.h>
#include <string.h>

#include "dhcpd-pxe/lease.h"

void
lease_table_init(struct lease_table *t)
{
	memset(t, 0, sizeof(*t));
}

void
lease_table_free(struct lease_table *t)
{
	free(t->v);
	free(t->byip);
	free(t->bymac);
	free(t->cursor);
	memset(t, 0, sizeof(*t));
}

int
lease_table_ranges(struct lease_table *t, size_t nranges)
{
	uint32_t *c;

	if ((c = calloc(nranges + 1, sizeof(*c))) == NULL)
		return -1;
	free(t->cursor);
	t->cursor = c;
	t->ncursor = nranges;
	return 0;
}

static size_t
lease_hash_ip(uint32_t ip)
{
	return (size_t)(ip * 2654435761u);
}

static size_t
lease_hash_mac(const uint8_t *mac)
{
	uint32_t h = 2166136261u;
	int i;

	for (i = 0; i < MAC_LEN; i++)
		h = (h ^ mac[i]) * 16777619u;
	return h;
}

/* Slot of ip in byip: its entry, or the empty slot where it would go. */
static size_t
lease_slot_ip(const struct lease_table *t, uint32_t ip)
{
	size_t i = lease_hash_ip(ip) & (t->hcap - 1);

	while (t->byip[i] != 0 && t->v[t->byip[i] - 1].ip != ip)
		i = (i + 1) & (t->hcap - 1);
	return i;
}

static size_t
lease_slot_mac(const struct lease_table *t, const uint8_t *mac)
{
	size_t i = lease_hash_mac(mac) & (t->hcap - 1);

	while (t->bymac[i] != 0 &&
	    memcmp(t->v[t->bymac[i] - 1].mac, mac, MAC_LEN) != 0)
		i = (i + 1) & (t->hcap - 1);
	return i;
}

/*
 * Empties slot i of bymac and moves later entries of its probe run back
 * into the hole (Knuth's algorithm R for linear probing), so no lookup
 * has to walk over dead slots and every run stays as short as inserts
 * made it.
 */
static void
lease_unindex_mac(struct lease_table *t, size_t i)
{
	size_t mask = t->hcap - 1, j = i, home;

	t->bymac[i] = 0;
	for (;;) {
		j = (j + 1) & mask;
		if (t->bymac[j] == 0)
			return;
		home = lease_hash_mac(t->v[t->bymac[j] - 1].mac) & mask;
		/* Stays if its home lies cyclically in (i, j]. */
		if (i <= j ? (i < home && home <= j) : (i < home || home <= j))
			continue;
		t->bymac[i] = t->bymac[j];
		t->bymac[j] = 0;
		i = j;
	}
}

/* Doubles the hashes (kept at most half full) and reindexes. */
static int
lease_rehash(struct lease_table *t)
{
	size_t cap = t->hcap == 0 ? 64 : t->hcap * 2, k;
	uint32_t *ip, *mac;

	ip = calloc(cap, sizeof(*ip));
	mac = calloc(cap, sizeof(*mac));
	if (ip == NULL || mac == NULL) {
		free(ip);
		free(mac);
		return -1;
	}
	free(t->byip);
	free(t->bymac);
	t->byip = ip;
	t->bymac = mac;
	t->hcap = cap;
	for (k = 0; k < t->n; k++) {
		t->byip[lease_slot_ip(t, t->v[k].ip)] = (uint32_t)k + 1;
		t->bymac[lease_slot_mac(t, t->v[k].mac)] = (uint32_t)k + 1;
	}
	return 0;
}

struct lease *
lease_by_ip(const struct lease_table *t, uint32_t ip)
{
	size_t i;

	if (t->hcap == 0)
		return NULL;
	i = lease_slot_ip(t, ip);
	return t->byip[i] ? &t->v[t->byip[i] - 1] : NULL;
}

struct lease *
lease_by_mac(const struct lease_table *t, const uint8_t mac[MAC_LEN])
{
	size_t i;

	if (t->hcap == 0)
		return NULL;
	i = lease_slot_mac(t, mac);
	return t->bymac[i] ? &t->v[t->bymac[i] - 1] : NULL;
}

struct lease *
lease_put(struct lease_table *t, const struct lease *l)
{
	struct lease *cur, *v;
	size_t cap, i;

	if ((cur = lease_by_ip(t, l->ip)) == NULL) {
		if (t->n == t->cap) {
			cap = t->cap == 0 ? 64 : t->cap * 2;
			if ((v = reallocarray(t->v, cap, sizeof(*v))) == NULL)
				return NULL;
			t->v = v;
			t->cap = cap;
		}
		if ((t->n + 1) * 2 > t->hcap && lease_rehash(t) == -1)
			return NULL;
		cur = &t->v[t->n++];
		*cur = *l;
		t->byip[lease_slot_ip(t, l->ip)] = (uint32_t)t->n;
	} else {
		/*
		 * The address changes hands: its old MAC must not keep a
		 * slot that points at a record that is no longer its own.
		 */
		if (memcmp(cur->mac, l->mac, MAC_LEN) != 0) {
			i = lease_slot_mac(t, cur->mac);
			if (t->bymac[i] == (uint32_t)(cur - t->v) + 1)
				lease_unindex_mac(t, i);
		}
		*cur = *l;
	}
	/* The MAC index points at the record written last. */
	t->bymac[lease_slot_mac(t, l->mac)] = (uint32_t)(cur - t->v) + 1;
	return cur;
}

const char *
lease_table_verify(const struct lease_table *t, size_t *maxprobe)
{
	size_t s, mask = t->hcap - 1, d;
	const struct lease *l;

	*maxprobe = 0;
	if (t->hcap == 0)
		return t->n == 0 ? NULL : "records without an index";
	if (t->n * 2 > t->hcap)
		return "index more than half full";
	for (s = 0; s < t->hcap; s++) {
		if (t->byip[s] > t->n || t->bymac[s] > t->n)
			return "index entry past the records";
		if (t->byip[s] != 0) {
			l = &t->v[t->byip[s] - 1];
			if (lease_slot_ip(t, l->ip) != s)
				return "address index entry its address misses";
			d = ((s - lease_hash_ip(l->ip)) & mask) + 1;
			*maxprobe = d > *maxprobe ? d : *maxprobe;
		}
		if (t->bymac[s] != 0) {
			l = &t->v[t->bymac[s] - 1];
			if (lease_slot_mac(t, l->mac) != s)
				return "MAC index entry its MAC misses";
			d = ((s - lease_hash_mac(l->mac)) & mask) + 1;
			*maxprobe = d > *maxprobe ? d : *maxprobe;
		}
	}
	for (s = 0; s < t->n; s++)
		if (lease_by_ip(t, t->v[s].ip) != &t->v[s])
			return "a record the address index misses";
	return NULL;
}

struct lease *
lease_abandon(struct lease_table *t, uint32_t ip, const uint8_t mac[MAC_LEN],
    int64_t now)
{
	struct lease l;

	memset(&l, 0, sizeof(l));
	l.ip = ip;
	memcpy(l.mac, mac, MAC_LEN);
	l.state = LEASE_ABANDONED;
	l.starts = now;
	l.ends = now + LEASE_ABANDON_TIME;
	return lease_put(t, &l);
}

void
lease_unoffer(struct lease_table *t, uint32_t ip)
{
	struct lease *l;

	if ((l = lease_by_ip(t, ip)) != NULL && l->state == LEASE_OFFERED)
		l->state = LEASE_FREE;
}

bool
lease_bound(const struct lease *l, int64_t now)
{
	return (l->state == LEASE_ACTIVE || l->state == LEASE_OFFERED) &&
	    l->ends > now;
}

bool
lease_usable(const struct lease *l, const uint8_t mac[MAC_LEN], int64_t now)
{
	if (l == NULL || l->state == LEASE_FREE)
		return true;
	if (l->state == LEASE_ABANDONED)
		return l->ends <= now;
	return l->ends <= now || memcmp(l->mac, mac, MAC_LEN) == 0;
}

uint32_t
lease_alloc(struct lease_table *t, const struct dhcpconf *c, size_t range,
    const uint8_t mac[MAC_LEN], int64_t now,
    bool (*reserved)(void *, uint32_t), void *arg)
{
	const struct dc_range *r = &c->ranges[range];
	uint64_t size = (uint64_t)r->hi - r->lo + 1, k;
	uint32_t ip, start;

	if (range >= t->ncursor)
		return 0;
	start = t->cursor[range];
	for (k = 0; k < size; k++) {
		ip = r->lo + (uint32_t)((start + k) % size);
		if (!lease_usable(lease_by_ip(t, ip), mac, now) ||
		    (reserved != NULL && reserved(arg, ip)))
			continue;
		t->cursor[range] = (uint32_t)((start + k + 1) % size);
		return ip;
	}
	return 0;
}
