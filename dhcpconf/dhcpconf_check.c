// SPDX-License-Identifier: ISC
/*
 * dhcpconf whole-file checks, run after parsing: subnets do not overlap,
 * ranges do not overlap, a fixed address in a subnet lies in the host's
 * (in the host's own subnet when declared inside one), no MAC and no fixed
 * address belongs to two hosts.  Also: hosts from ethers(5) + hosts(5).
 */
#include <errno.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <strings.h>

#include "dhcpconf_int.h"
#include "common/fileio.h"

static int
dc_check_nets(const struct dhcpconf *c, const char *file, struct perr *err)
{
	const struct dc_subnet *a, *b;
	const struct dc_range *r, *q;
	char s[IP4_STRLEN];
	size_t i, k;

	for (i = 0; i < c->nsubnets; i++)
		for (k = 0; k < i; k++) {
			a = &c->subnets[i];
			b = &c->subnets[k];
			if (ip4_in_net(a->net, b->net, b->mask) ||
			    ip4_in_net(b->net, a->net, a->mask)) {
				perr_set(err, file, a->line, "subnet %s "
				    "overlaps the subnet at line %u",
				    ip4_ntoa(a->net, s), b->line);
				return -1;
			}
		}
	for (i = 0; i < c->nranges; i++)
		for (k = 0; k < i; k++) {
			r = &c->ranges[i];
			q = &c->ranges[k];
			if (r->lo <= q->hi && q->lo <= r->hi) {
				perr_set(err, file, r->line, "range overlaps "
				    "the range at line %u", q->line);
				return -1;
			}
		}
	return 0;
}

/* Finds h's subnet; false if its fixed address is in none (or not its). */
static bool
dc_host_subnet(const struct dhcpconf *c, struct dc_host *h)
{
	const struct dc_subnet *sn;
	int s;

	if (!h->has_fixed)
		return true;
	if ((sn = dhcpconf_subnet_for(c, h->fixed)) == NULL)
		return false;
	h->subnet = (int)(sn - c->subnets);
	for (s = h->scope; s != -1; s = c->scopes[s].parent)
		if (c->scopes[s].kind == DC_K_SUBNET)
			return s == sn->scope;
	return true;
}

static int
dc_cmp_mac(const void *a, const void *b)
{
	const struct dc_host *const *x = a, *const *y = b;
	int r = memcmp((*x)->mac, (*y)->mac, MAC_LEN);

	return r != 0 ? r : *x < *y ? -1 : 1;	/* declaration order */
}

static int
dc_cmp_ip(const void *a, const void *b)
{
	const struct dc_host *const *x = a, *const *y = b;

	if ((*x)->has_fixed != (*y)->has_fixed)
		return (*x)->has_fixed ? 1 : -1;
	if ((*x)->fixed != (*y)->fixed)
		return (*x)->fixed < (*y)->fixed ? -1 : 1;
	return *x < *y ? -1 : 1;
}

/* Sorts the hosts by MAC then by address to find duplicates. */
static int
dc_check_dups(const struct dhcpconf *c, struct perr *err)
{
	const struct dc_host **v, *a = NULL, *b = NULL;
	char s[IP4_STRLEN];
	size_t i;
	int pass, r = 0;

	if (c->nhosts < 2)
		return 0;
	if ((v = reallocarray(NULL, c->nhosts, sizeof(*v))) == NULL) {
		perr_set(err, c->file, 0, "out of memory");
		return -1;
	}
	for (i = 0; i < c->nhosts; i++)
		v[i] = &c->hosts[i];
	for (pass = 0; pass < 2 && r == 0; pass++) {
		qsort(v, c->nhosts, sizeof(*v), pass ? dc_cmp_ip : dc_cmp_mac);
		for (i = 1; i < c->nhosts && r == 0; i++) {
			a = v[i - 1];
			b = v[i];
			if (pass == 0 && a->has_mac && b->has_mac &&
			    memcmp(a->mac, b->mac, MAC_LEN) == 0)
				r = -1;
			if (pass == 1 && a->has_fixed && b->has_fixed &&
			    a->fixed == b->fixed)
				r = -1;
		}
	}
	if (r == -1)
		perr_set(err, b->file, b->line, "host %s: %s also belongs to "
		    "host %s (%s:%u)", b->name, pass == 1 ? "MAC address" :
		    ip4_ntoa(b->fixed, s), a->name, a->file, a->line);
	free(v);
	return r;
}

int
dc_check(struct dhcpconf *c, const char *file, struct perr *err)
{
	struct dc_host *h;
	char s[IP4_STRLEN], t[sizeof(((struct dc_ignored *)0)->text)];
	size_t i;

	if (dc_check_nets(c, file, err) == -1)
		return -1;
	for (i = 0; i < c->nhosts; i++) {
		h = &c->hosts[i];
		if (dc_host_subnet(c, h))
			continue;
		if (h->subnet != -1) {
			perr_set(err, h->file, h->line, "host %s: "
			    "fixed-address %s is not in its subnet", h->name,
			    ip4_ntoa(h->fixed, s));
			return -1;
		}
		/* ISC takes it: the host is known, the address never given. */
		snprintf(t, sizeof(t), "fixed-address %s of host %s",
		    ip4_ntoa(h->fixed, s), h->name);
		if (dc_note_ignored(c, t, h->line, "it is in no declared "
		    "subnet, so it is never given") == -1) {
			perr_set(err, h->file, h->line, "out of memory");
			return -1;
		}
	}
	return dc_check_dups(c, err);
}

/*
 * The config's hosts by MAC and by name, first declared first, as
 * dhcpconf_host_by_mac() and _by_name() would find them: one hash lookup
 * per ethers line instead of a scan of every host (quadratic: 40000 lines
 * took a minute).
 */
struct dc_hostidx {
	struct hidx	mac, name;
};

static bool
dc_eq_mac(const void *ctx, size_t i, const void *key)
{
	const struct dhcpconf *c = ctx;

	return memcmp(c->hosts[i].mac, key, MAC_LEN) == 0;
}

static bool
dc_eq_name(const void *ctx, size_t i, const void *key)
{
	const struct dhcpconf *c = ctx;

	return strcasecmp(c->hosts[i].name, key) == 0;
}

static int
dc_hostidx_add(struct dc_hostidx *x, const struct dhcpconf *c, size_t i)
{
	const struct dc_host *h = &c->hosts[i];

	if (hidx_add(&x->mac, hidx_hash(h->mac, MAC_LEN), i, dc_eq_mac, c,
	    h->mac) == -1 || hidx_add(&x->name, hidx_hash_name(h->name), i,
	    dc_eq_name, c, h->name) == -1)
		return -1;
	return 0;
}

/* One host from an ethers line, unless the config already has it. */
static int
dc_ether_host(struct dhcpconf *c, struct dc_hostidx *x,
    const struct ethers_ent *en, const char *file, const struct hosts *hs,
    struct perr *err)
{
	const struct hosts_ent *he;
	struct dc_host *h;
	uint32_t ip;
	int s;

	if (hidx_find(&x->mac, hidx_hash(en->mac, MAC_LEN), dc_eq_mac, c,
	    en->mac) != HIDX_NONE || hidx_find(&x->name,
	    hidx_hash_name(en->name), dc_eq_name, c, en->name) != HIDX_NONE)
		return 0;
	if ((s = dc_scope_new(c, DC_K_HOST, DC_GLOBAL, en->line)) == -1 ||
	    array_push(&c->hosts, &c->nhosts, sizeof(*h)) == -1) {
		perr_set(err, file, en->line, "%s", strerror(errno));
		return -1;
	}
	h = &c->hosts[c->nhosts - 1];
	c->scopes[s].index = (int)c->nhosts - 1;
	h->scope = s;
	h->subnet = -1;
	h->line = en->line;
	h->has_mac = true;
	memcpy(h->mac, en->mac, MAC_LEN);
	strlcpy(h->name, en->name, sizeof(h->name));
	strlcpy(h->file, file, sizeof(h->file));
	if (ip4_parse(en->name, &ip) == 0) {
		h->fixed = ip;
		h->has_fixed = true;
	} else if ((he = hosts_by_name(hs, en->name)) != NULL) {
		h->fixed = he->ip;
		h->has_fixed = true;
	}
	if (dc_hostidx_add(x, c, c->nhosts - 1) == -1) {
		perr_set(err, file, en->line, "%s", strerror(errno));
		return -1;
	}
	return 0;
}

int
dhcpconf_add_ethers(struct dhcpconf *c, const struct ethers *e,
    const char *file, const struct hosts *hs, struct perr *err)
{
	struct dc_hostidx x;
	size_t i;
	int r = 0;

	memset(&x, 0, sizeof(x));
	for (i = 0; i < c->nhosts && r == 0; i++)
		if (dc_hostidx_add(&x, c, i) == -1) {
			perr_set(err, c->file, 0, "%s", strerror(errno));
			r = -1;
		}
	for (i = 0; i < e->n && r == 0; i++)
		r = dc_ether_host(c, &x, &e->v[i], file, hs, err);
	hidx_free(&x.mac);
	hidx_free(&x.name);
	return r == -1 ? -1 : dc_check(c, c->file, err);
}
