// SPDX-License-Identifier: ISC
/*
 * Rendering every file pxecfg-gen owns, and comparing them with what the
 * TFTP root holds.  Files are byte-for-byte reproducible (no dates in the
 * header), so a second run with nothing new finds nothing to do.
 */
#include <errno.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "pxecfg_grub.h"
#include "pxecfg_plan.h"
#include "pxecfg_vars.h"

static const char *dirnames[] = { "pxelinux.cfg", "ipxe", "grub" };
static const char *formats[] = { "pxelinux", "ipxe", "grub" };

const char *
pxecfg_plan_dirname(enum pxecfg_dir d)
{
	return dirnames[d];
}

static const char *
plan_tmpl(const struct pxecfg_profile *p, enum pxecfg_dir d)
{
	return d == PXECFG_DIR_IPXE ? p->ipxe : d == PXECFG_DIR_GRUB ?
	    p->grub : p->pxelinux;
}

static bool
plan_eq(const void *ctx, size_t i, const void *key)
{
	const struct pxecfg_file *f = &((const struct pxecfg_plan *)ctx)->v[i];
	const struct pxecfg_file *k = key;

	return f->dir == k->dir && strcmp(f->name, k->name) == 0;
}

static uint32_t
plan_hash(const struct pxecfg_file *f)
{
	return hidx_hash(f->name, strlen(f->name)) ^ (uint32_t)f->dir;
}

/*
 * The first planned file dir/name, through an index brought up to date
 * first (a scan of every file per file made 40000 nodes take seconds).
 */
static struct pxecfg_file *
plan_find(struct pxecfg_plan *pl, enum pxecfg_dir dir, const char *name)
{
	struct pxecfg_file k;
	size_t i;

	k.dir = dir;
	strlcpy(k.name, name, sizeof(k.name));
	for (; pl->nidx < pl->n; pl->nidx++)
		if (hidx_add(&pl->idx, plan_hash(&pl->v[pl->nidx]), pl->nidx,
		    plan_eq, pl, &pl->v[pl->nidx]) == -1)
			break;
	if (pl->nidx == pl->n) {
		i = hidx_find(&pl->idx, plan_hash(&k), plan_eq, pl, &k);
		return i == HIDX_NONE ? NULL : &pl->v[i];
	}
	for (i = 0; i < pl->n; i++)	/* no memory for the index */
		if (plan_eq(pl, i, &k))
			return &pl->v[i];
	return NULL;
}

static struct pxecfg_file *
plan_new(struct pxecfg_plan *pl)
{
	struct pxecfg_file *v;
	size_t cap;

	if (pl->n == pl->cap) {
		cap = pl->cap == 0 ? 32 : pl->cap * 2;
		if ((v = reallocarray(pl->v, cap, sizeof(*v))) == NULL)
			return NULL;
		pl->v = v;
		pl->cap = cap;
	}
	v = &pl->v[pl->n++];
	memset(v, 0, sizeof(*v));
	return v;
}

/*
 * Renders template tmpl (for target t) into a new planned file dir/name;
 * the header goes first, or after a "#!ipxe" line.  what names the file's
 * subject in errors and in the header.
 */
static int
plan_render(struct pxecfg_plan *pl, const struct pxecfg_conf *c,
    const struct pxecfg_profile *p, const struct pxecfg_target *t,
    enum pxecfg_dir dir, const char *name, const char *what,
    struct perr *err)
{
	struct pxecfg_vals vals;
	struct pxecfg_file *f;
	struct wbuf w;
	char out[PXECFG_FILEMAX], why[TMPL_ERRLEN], head[512];
	const char *tmpl = plan_tmpl(p, dir), *nl, *lookup;
	size_t skip = 0;

	if (plan_find(pl, dir, name) != NULL) {
		snprintf(err->msg, sizeof(err->msg), "%s/%s: wanted twice "
		    "(second time for %s)", pxecfg_plan_dirname(dir), name,
		    what);
		return -1;
	}
	if (tmpl[0] == '\0') {
		snprintf(err->msg, sizeof(err->msg), "profile %s has no %s "
		    "template", p->name, formats[dir]);
		return -1;
	}
	if (strncmp(tmpl, "#!", 2) == 0 && (nl = strchr(tmpl, '\n')) != NULL)
		skip = (size_t)(nl + 1 - tmpl);
	snprintf(head, sizeof(head), "%s: %s, profile %s.\n"
	    "# Do not edit: pxecfg-gen rewrites or removes this file.\n",
	    PXECFG_MARK, what, p->name);
	pxecfg_vars_fill(&vals, c, p, t);
	wbuf_init(&w, out, sizeof(out));
	wbuf_putbytes(&w, tmpl, skip);
	wbuf_putbytes(&w, head, strlen(head));
	if (dir == PXECFG_DIR_GRUB &&
	    (lookup = pxecfg_grub_lookup(name)) != NULL)
		wbuf_putbytes(&w, lookup, strlen(lookup));
	if (tmpl_render(tmpl + skip, vals.v, PV_COUNT, &w, why) == -1) {
		snprintf(err->msg, sizeof(err->msg), "%s/%s (%s), profile %s: "
		    "%s%s", pxecfg_plan_dirname(dir), name, what, p->name, why,
		    t->hostname != NULL ? "" : " (give it another profile: "
		    "group-files or default-file in pxecfg-gen.conf, or "
		    "--no-group, --no-default)");
		return -1;
	}
	if ((f = plan_new(pl)) == NULL || (f->text = malloc(w.len + 1)) ==
	    NULL) {
		snprintf(err->msg, sizeof(err->msg), "%s", strerror(ENOMEM));
		return -1;
	}
	f->dir = dir;
	strlcpy(f->name, name, sizeof(f->name));
	memcpy(f->text, out, w.len);
	f->text[w.len] = '\0';
	f->len = w.len;
	return 0;
}

static int
plan_node(struct pxecfg_plan *pl, const struct pxecfg_conf *c,
    const struct pxecfg_nodes *t, const struct pxecfg_node *nd,
    struct perr *err)
{
	const struct pxecfg_subnet *s = &t->sub[nd->subnet];
	const struct pxecfg_profile *p;
	struct pxecfg_target tg;
	char name[PXECFG_FNAMELEN], mac[MAC_STRLEN], ip[IP4_STRLEN];
	char pmac[MAC_PXESTRLEN], what[HOSTNAME_MAX + 64];

	p = pxecfg_conf_profile(c, pxecfg_conf_node_profile(c, nd->name));
	memset(&tg, 0, sizeof(tg));
	tg.hostname = nd->name;
	tg.mac = nd->mac;
	tg.ip = nd->ip;
	tg.has_net = true;
	tg.server = nd->server != 0 ? nd->server : s->server;
	tg.netmask = s->mask;
	tg.gateway = nd->gateway != 0 ? nd->gateway : s->gateway;
	snprintf(what, sizeof(what), "node %s %s %s", nd->name,
	    mac_ntoa(nd->mac, mac), ip4_ntoa(nd->ip, ip));
	if ((c->names & PXECFG_NAMES_IP) && plan_render(pl, c, p, &tg,
	    PXECFG_DIR_PXELINUX, ip4_hex(nd->ip, name), what, err) == -1)
		return -1;
	if ((c->names & PXECFG_NAMES_MAC) && plan_render(pl, c, p, &tg,
	    PXECFG_DIR_PXELINUX, mac_pxelinux(nd->mac, name), what, err) == -1)
		return -1;
	snprintf(name, sizeof(name), "%s.ipxe", ip);
	if (c->ipxe && plan_render(pl, c, p, &tg, PXECFG_DIR_IPXE, name, what,
	    err) == -1)
		return -1;
	if (!c->grub)
		return 0;
	if ((c->names & PXECFG_NAMES_IP) && plan_render(pl, c, p, &tg,
	    PXECFG_DIR_GRUB, pxecfg_grub_name(ip4_hex(nd->ip, ip), name,
	    sizeof(name)), what, err) == -1)
		return -1;
	/* Always: the default file's own lookup goes by the MAC. */
	return plan_render(pl, c, p, &tg, PXECFG_DIR_GRUB,
	    pxecfg_grub_name(mac_pxelinux(nd->mac, pmac), name,
	    sizeof(name)), what, err);
}

/*
 * The hex digits of subnet si's group file names: the shortest prefix,
 * from the mask's whole digits up, whose blocks over the subnet hold no
 * address of a declared subnet beside it (two /27s of one /24 go to 7
 * digits, two files each).  Nested subnets are left to pxelinux's longest
 * match; equal names are a conflict pxecfg_plan_build() reports.  0: no
 * group file (a mask under /4, or names as long as a node's own).
 */
static int
group_digits(const struct pxecfg_nodes *t, size_t si)
{
	const struct pxecfg_subnet *s = &t->sub[si], *o;
	int len = ip4_mask_len(s->mask), k;
	uint32_t m;
	size_t j;

	for (k = len / 4; k >= 1 && k <= 7; k++) {
		if (4 * k >= len)
			return k;
		m = ~0u << (32 - 4 * k);
		for (j = 0; j < t->nsub; j++) {
			o = &t->sub[j];
			/* Two prefixes meet when one holds the other. */
			if (j != si && ((s->net ^ o->net) & s->mask & o->mask) &&
			    ((s->net ^ o->net) & m & o->mask) == 0)
				break;
		}
		if (j == t->nsub)
			return k;
	}
	return 0;
}

/* The group files of a subnet: one per prefix it spans (see above). */
static int
plan_group(struct pxecfg_plan *pl, const struct pxecfg_conf *c,
    const struct pxecfg_nodes *t, size_t si, struct perr *err)
{
	const struct pxecfg_subnet *s = &t->sub[si];
	struct pxecfg_target tg;
	char hex[IP4_HEXLEN], name[PXECFG_FNAMELEN], what[96];
	char a[IP4_STRLEN];
	int k = group_digits(t, si), len = ip4_mask_len(s->mask);
	uint32_t i, n;

	if (k == 0)
		return 0;	/* the default file, or nodes' own names */
	n = 4 * k > len ? 1u << (4 * k - len) : 1;
	snprintf(what, sizeof(what), "subnet %s/%d", ip4_ntoa(s->net, a),
	    len);
	memset(&tg, 0, sizeof(tg));
	tg.has_net = s->server != 0;
	tg.server = s->server;
	tg.netmask = s->mask;
	tg.gateway = s->gateway;
	for (i = 0; i < n; i++) {
		ip4_hex(s->net + (i << (32 - 4 * k)), hex);
		hex[k] = '\0';
		strlcpy(name, hex, sizeof(name));
		if (plan_render(pl, c, pxecfg_conf_profile(c, c->group), &tg,
		    PXECFG_DIR_PXELINUX, name, what, err) == -1)
			return -1;
		if (c->grub && plan_render(pl, c, pxecfg_conf_profile(c,
		    c->group), &tg, PXECFG_DIR_GRUB, pxecfg_grub_name(hex,
		    name, sizeof(name)), what, err) == -1)
			return -1;
	}
	return 0;
}

int
pxecfg_plan_build(struct pxecfg_plan *pl, const struct pxecfg_conf *c,
    const struct pxecfg_nodes *t, struct perr *err)
{
	struct pxecfg_target tg;
	size_t i;

	err->line = 0;
	for (i = 0; i < t->n; i++)
		if (plan_node(pl, c, t, &t->v[i], err) == -1)
			return -1;
	for (i = 0; c->group[0] != '\0' && i < t->nsub; i++)
		if (plan_group(pl, c, t, i, err) == -1)
			return -1;
	memset(&tg, 0, sizeof(tg));
	if (c->dflt[0] != '\0' && plan_render(pl, c,
	    pxecfg_conf_profile(c, c->dflt), &tg, PXECFG_DIR_PXELINUX,
	    "default", "clients without a file of their own", err) == -1)
		return -1;
	/*
	 * GRUB's grub.cfg holds the lookup Debian's signed GRUB needs, so it
	 * is written even without a default file: its entry then is local's,
	 * back to the firmware's boot order.
	 */
	if (c->grub && plan_render(pl, c, pxecfg_conf_profile(c,
	    c->dflt[0] != '\0' ? c->dflt : "local"), &tg, PXECFG_DIR_GRUB,
	    PXECFG_GRUB_DEFAULT, "clients without a file of their own", err) ==
	    -1)
		return -1;
	return 0;
}

bool
pxecfg_plan_ours(const char *text, size_t len)
{
	const char *nl;
	size_t mlen = strlen(PXECFG_MARK);

	if (len >= 2 && text[0] == '#' && text[1] == '!') {
		if ((nl = memchr(text, '\n', len)) == NULL)
			return false;
		len -= (size_t)(nl + 1 - text);
		text = nl + 1;
	}
	return len >= mlen && memcmp(text, PXECFG_MARK, mlen) == 0;
}

static int
sync_one(struct pxecfg_file *f, const struct pxecfg_found *fd, bool force,
    struct perr *err)
{
	f->old = fd->text;
	f->oldlen = fd->len;
	if (fd->len == f->len && memcmp(fd->text, f->text, f->len) == 0) {
		f->act = PXECFG_KEEP;
		return 0;
	}
	if (!pxecfg_plan_ours(fd->text, fd->len) && !force) {
		snprintf(err->msg, sizeof(err->msg), "%s/%s: not written by "
		    "pxecfg-gen; remove it, or use -f to overwrite it",
		    pxecfg_plan_dirname(fd->dir), fd->name);
		return -1;
	}
	f->act = PXECFG_CHANGE;
	return 1;
}

int
pxecfg_plan_sync(struct pxecfg_plan *pl, const struct pxecfg_found *found,
    size_t nfound, bool force, struct perr *err)
{
	struct pxecfg_file *f;
	size_t i, nplan = pl->n;
	int todo = 0, r;

	err->line = 0;
	for (i = 0; i < nplan; i++)
		pl->v[i].act = PXECFG_CREATE;
	for (i = 0; i < nfound; i++) {
		f = plan_find(pl, found[i].dir, found[i].name);
		if (f != NULL) {
			if ((r = sync_one(f, &found[i], force, err)) == -1)
				return -1;
			continue;
		}
		if (!pxecfg_plan_ours(found[i].text, found[i].len))
			continue;
		if ((f = plan_new(pl)) == NULL) {
			snprintf(err->msg, sizeof(err->msg), "%s",
			    strerror(ENOMEM));
			return -1;
		}
		f->dir = found[i].dir;
		strlcpy(f->name, found[i].name, sizeof(f->name));
		f->act = PXECFG_REMOVE;
		f->old = found[i].text;
		f->oldlen = found[i].len;
	}
	for (i = 0; i < pl->n; i++)
		if (pl->v[i].act != PXECFG_KEEP)
			todo++;
	return todo;
}

void
pxecfg_plan_free(struct pxecfg_plan *pl)
{
	size_t i;

	for (i = 0; i < pl->n; i++)
		free(pl->v[i].text);
	free(pl->v);
	hidx_free(&pl->idx);
	memset(pl, 0, sizeof(*pl));
}
