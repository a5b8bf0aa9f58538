// SPDX-License-Identifier: ISC
/*
 * Building the node table and checking it for conflicts.  Every error
 * names the place of the new definition first and the earlier one in
 * parentheses, so the admin can fix either.
 */
#include <errno.h>
#include <stdlib.h>
#include <string.h>
#include <strings.h>

#include "common/array.h"
#include "pxecfg_nodes.h"

/* 1: nd is old seen again from another source; 0: new; -1: conflict. */
static int
nodes_conflict(const struct pxecfg_node *old, const struct pxecfg_node *nd,
    struct perr *err)
{
	char m[MAC_STRLEN], a[IP4_STRLEN], b[IP4_STRLEN];
	bool same_mac = memcmp(old->mac, nd->mac, MAC_LEN) == 0;

	if (same_mac && old->src != nd->src && old->ip == nd->ip &&
	    strcasecmp(old->name, nd->name) == 0)
		return 1;
	if (same_mac && old->src != nd->src && old->ip != nd->ip) {
		perr_set(err, nd->file, nd->line, "%s: MAC %s has address %s "
		    "here but %s at %s:%u", nd->name, mac_ntoa(nd->mac, m),
		    ip4_ntoa(nd->ip, a), ip4_ntoa(old->ip, b), old->file,
		    old->line);
		return -1;
	}
	if (same_mac) {
		perr_set(err, nd->file, nd->line, "%s: MAC %s already used by "
		    "%s (%s:%u)", nd->name, mac_ntoa(nd->mac, m), old->name,
		    old->file, old->line);
		return -1;
	}
	if (old->ip == nd->ip) {
		perr_set(err, nd->file, nd->line, "%s: address %s already "
		    "used by %s (%s:%u)", nd->name, ip4_ntoa(nd->ip, a),
		    old->name, old->file, old->line);
		return -1;
	}
	return 0;
}

static bool
eq_mac(const void *ctx, size_t i, const void *key)
{
	const struct pxecfg_nodes *t = ctx;

	return memcmp(t->v[i].mac, key, MAC_LEN) == 0;
}

static bool
eq_ip(const void *ctx, size_t i, const void *key)
{
	const struct pxecfg_nodes *t = ctx;

	return t->v[i].ip == *(const uint32_t *)key;
}

/* Brings the indexes up to date with v (after a sort, from scratch). */
static int
nodes_index(struct pxecfg_nodes *t)
{
	const struct pxecfg_node *nd;

	for (; t->nidx < t->n; t->nidx++) {
		nd = &t->v[t->nidx];
		if (hidx_add(&t->by_mac, hidx_hash(nd->mac, MAC_LEN), t->nidx,
		    eq_mac, t, nd->mac) == -1 || hidx_add(&t->by_ip,
		    hidx_hash(&nd->ip, sizeof(nd->ip)), t->nidx, eq_ip, t,
		    &nd->ip) == -1)
			return -1;
	}
	return 0;
}

/* The first node with nd's MAC or nd's address, or HIDX_NONE. */
static size_t
nodes_first_clash(const struct pxecfg_nodes *t, const struct pxecfg_node *nd)
{
	size_t m, a;

	m = hidx_find(&t->by_mac, hidx_hash(nd->mac, MAC_LEN), eq_mac, t,
	    nd->mac);
	a = hidx_find(&t->by_ip, hidx_hash(&nd->ip, sizeof(nd->ip)), eq_ip, t,
	    &nd->ip);
	return m < a ? m : a;
}

int
pxecfg_nodes_add(struct pxecfg_nodes *t, const struct pxecfg_node *nd,
    struct perr *err)
{
	size_t i;
	int r;

	/*
	 * The one check of every node name, whatever its source: the name
	 * goes into pxelinux.cfg, GRUB and iPXE files, and dhcpd.conf may
	 * quote anything (ISC does), a newline or a quote included.
	 */
	if (!text_hostname_ok(nd->name)) {
		perr_set(err, nd->file, nd->line, "bad node name '%s' (a node "
		    "name is letters, digits, '-', '.' and '_')", nd->name);
		return -1;
	}
	/*
	 * Only a node with the same MAC or the same address can clash
	 * (nodes_conflict() is 0 for any other); the first of them is the
	 * one a scan of the table in order would meet.
	 */
	if (nodes_index(t) == -1)
		goto nomem;
	if ((i = nodes_first_clash(t, nd)) != HIDX_NONE &&
	    (r = nodes_conflict(&t->v[i], nd, err)) != 0)
		return r == 1 ? 0 : -1;
	if (array_grow(&t->v, &t->cap, t->n, sizeof(*t->v)) == -1)
		goto nomem;
	t->v[t->n++] = *nd;
	return 0;
nomem:
	perr_set(err, nd->file, nd->line, "%s", strerror(errno));
	return -1;
}

static const struct pxecfg_node *
nodes_by_mac(struct pxecfg_nodes *t, const uint8_t mac[MAC_LEN])
{
	size_t i;

	if (nodes_index(t) == 0) {
		i = hidx_find(&t->by_mac, hidx_hash(mac, MAC_LEN), eq_mac, t,
		    mac);
		return i == HIDX_NONE ? NULL : &t->v[i];
	}
	for (i = 0; i < t->n; i++)	/* no memory for the index */
		if (memcmp(t->v[i].mac, mac, MAC_LEN) == 0)
			return &t->v[i];
	return NULL;
}

/* Name and address of one ethers line; 1 if resolved, 0 if not. */
static int
ethers_resolve(const struct ethers_ent *e, const struct hosts *h,
    struct pxecfg_node *nd)
{
	const struct hosts_ent *he;

	if (ip4_parse(e->name, &nd->ip) == 0) {
		he = hosts_by_ip(h, nd->ip);
		strlcpy(nd->name, he != NULL ? he->name : e->name,
		    sizeof(nd->name));
		return 1;
	}
	if ((he = hosts_by_name(h, e->name)) == NULL)
		return 0;
	strlcpy(nd->name, e->name, sizeof(nd->name));
	nd->ip = he->ip;
	return 1;
}

int
pxecfg_nodes_from_ethers(struct pxecfg_nodes *t, const struct ethers *e,
    const struct hosts *h, const char *file, struct perr *err)
{
	struct pxecfg_node nd;
	const struct pxecfg_node *old;
	size_t i;

	for (i = 0; i < e->n; i++) {
		memset(&nd, 0, sizeof(nd));
		memcpy(nd.mac, e->v[i].mac, MAC_LEN);
		nd.src = PXECFG_SRC_ETHERS;
		nd.file = file;
		nd.line = e->v[i].line;
		if (ethers_resolve(&e->v[i], h, &nd) == 0) {
			old = nodes_by_mac(t, nd.mac);
			if (old != NULL && old->src != nd.src &&
			    strcasecmp(old->name, e->v[i].name) == 0)
				continue;	/* dhcpd.conf gave its address */
			perr_set(err, file, nd.line, "unknown host %s (not in "
			    "the hosts file)", e->v[i].name);
			return -1;
		}
		if (nd.ip == 0) {
			perr_set(err, file, nd.line, "%s: address 0.0.0.0",
			    nd.name);
			return -1;
		}
		if (pxecfg_nodes_add(t, &nd, err) == -1)
			return -1;
	}
	return 0;
}

int
pxecfg_subnet_add(struct pxecfg_nodes *t, const struct pxecfg_subnet *s,
    struct perr *err)
{
	if (array_grow(&t->sub, &t->subcap, t->nsub, sizeof(*t->sub)) == -1) {
		perr_set(err, s->file, s->line, "%s", strerror(errno));
		return -1;
	}
	t->sub[t->nsub++] = *s;
	return 0;
}

static int
nodes_cmp(const void *a, const void *b)
{
	const struct pxecfg_node *x = a, *y = b;

	return x->ip < y->ip ? -1 : x->ip > y->ip;
}

int
pxecfg_nodes_assign(struct pxecfg_nodes *t, struct perr *err)
{
	struct pxecfg_node *nd;
	const struct pxecfg_subnet *s;
	char a[IP4_STRLEN], b[IP4_STRLEN];
	size_t i, j, best;

	for (i = 0; i < t->n; i++) {
		nd = &t->v[i];
		best = t->nsub;
		for (j = 0; j < t->nsub; j++)
			if (ip4_in_net(nd->ip, t->sub[j].net, t->sub[j].mask) &&
			    (best == t->nsub || t->sub[j].mask >
			    t->sub[best].mask))
				best = j;
		if (best == t->nsub) {
			perr_set(err, nd->file, nd->line, "%s: address %s is "
			    "in no subnet", nd->name, ip4_ntoa(nd->ip, a));
			return -1;
		}
		s = &t->sub[best];
		if (s->server == 0 && nd->server == 0) {
			perr_set(err, s->file, s->line, "subnet %s netmask %s: "
			    "no next-server for %s (use --server)",
			    ip4_ntoa(s->net, a), ip4_ntoa(s->mask, b),
			    nd->name);
			return -1;
		}
		nd->subnet = best;
	}
	/* Without nodes t->v is NULL, which qsort() must not get (nonnull). */
	if (t->n > 1)
		qsort(t->v, t->n, sizeof(*t->v), nodes_cmp);
	hidx_free(&t->by_mac);	/* positions changed: rebuilt when needed */
	hidx_free(&t->by_ip);
	t->nidx = 0;
	return 0;
}

const struct pxecfg_node *
pxecfg_nodes_by_name(const struct pxecfg_nodes *t, const char *name)
{
	size_t i;

	for (i = 0; i < t->n; i++)
		if (strcasecmp(t->v[i].name, name) == 0)
			return &t->v[i];
	return NULL;
}

void
pxecfg_nodes_free(struct pxecfg_nodes *t)
{
	free(t->v);
	free(t->sub);
	hidx_free(&t->by_mac);
	hidx_free(&t->by_ip);
	memset(t, 0, sizeof(*t));
}
