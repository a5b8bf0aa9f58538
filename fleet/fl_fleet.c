// SPDX-License-Identifier: ISC
/*
 * The fleet of fl_fleet.h: open-addressing tables from MAC and address to
 * client, and a min-heap of deadlines with each client's position kept,
 * updated after every call into a client.
 */
#include <stdio.h>
#include <string.h>

#include "common/buf.h"
#include "fleet/fl_fleet.h"

static size_t
hash_bytes(const uint8_t *p, size_t len)
{
	uint32_t h = 2166136261u;
	size_t i;

	for (i = 0; i < len; i++)
		h = (h ^ p[i]) * 16777619u;
	return h;
}

static size_t
hash_ip(uint32_t ip)
{
	uint8_t b[4] = { (uint8_t)(ip >> 24), (uint8_t)(ip >> 16),
	    (uint8_t)(ip >> 8), (uint8_t)ip };

	return hash_bytes(b, 4);
}

size_t
fl_fleet_tabsize(size_t n)
{
	size_t s = 16;

	while (s <= 2 * n)
		s *= 2;
	return s;
}

/* The client with MAC m, or NULL. */
static struct fl_client *
by_mac(const struct fl_fleet *f, const uint8_t *m)
{
	size_t i = hash_bytes(m, MAC_LEN) & (f->tabsize - 1);

	for (; f->mactab[i] != 0; i = (i + 1) & (f->tabsize - 1))
		if (memcmp(f->v[f->mactab[i] - 1].mac, m, MAC_LEN) == 0)
			return &f->v[f->mactab[i] - 1];
	return NULL;
}

static struct fl_client *
by_ip(const struct fl_fleet *f, uint32_t ip)
{
	size_t i = hash_ip(ip) & (f->tabsize - 1);

	for (; f->iptab[i] != 0; i = (i + 1) & (f->tabsize - 1))
		if (f->v[f->iptab[i] - 1].ip == ip)
			return &f->v[f->iptab[i] - 1];
	return NULL;
}

/* A bound address: a later client with the same one takes it over. */
static void
ip_insert(struct fl_fleet *f, size_t k)
{
	size_t i = hash_ip(f->v[k].ip) & (f->tabsize - 1);

	for (; f->iptab[i] != 0; i = (i + 1) & (f->tabsize - 1))
		if (f->v[f->iptab[i] - 1].ip == f->v[k].ip)
			break;
	f->iptab[i] = k + 1;
}

static int64_t
key(const struct fl_fleet *f, size_t h)
{
	return fl_client_deadline(&f->v[f->heap[h]]);
}

static void
swap(struct fl_fleet *f, size_t a, size_t b)
{
	size_t t = f->heap[a];

	f->heap[a] = f->heap[b];
	f->heap[b] = t;
	f->pos[f->heap[a]] = a;
	f->pos[f->heap[b]] = b;
}

/* Client k's deadline changed: restore the heap order. */
static void
fix(struct fl_fleet *f, size_t k)
{
	size_t h = f->pos[k], c;

	while (h > 0 && key(f, (h - 1) / 2) > key(f, h)) {
		swap(f, h, (h - 1) / 2);
		h = (h - 1) / 2;
	}
	for (;;) {
		c = 2 * h + 1;
		if (c >= f->n)
			break;
		if (c + 1 < f->n && key(f, c + 1) < key(f, c))
			c++;
		if (key(f, h) <= key(f, c))
			break;
		swap(f, h, c);
		h = c;
	}
}

int
fl_fleet_init(struct fl_fleet *f, struct fl_client *v, size_t n,
    size_t *mactab, size_t *iptab, size_t *heap, size_t *pos,
    const char **errstr)
{
	size_t i, j, ts = fl_fleet_tabsize(n);

	memset(f, 0, sizeof(*f));
	f->v = v;
	f->n = n;
	f->tabsize = ts;
	f->mactab = mactab;
	f->iptab = iptab;
	f->heap = heap;
	f->pos = pos;
	memset(mactab, 0, ts * sizeof(*mactab));
	memset(iptab, 0, ts * sizeof(*iptab));
	for (i = 0; i < n; i++) {
		if (by_mac(f, v[i].mac) != NULL) {
			*errstr = "two clients with one MAC";
			return -1;
		}
		j = hash_bytes(v[i].mac, MAC_LEN) & (ts - 1);
		while (mactab[j] != 0)
			j = (j + 1) & (ts - 1);
		mactab[j] = i + 1;
		heap[i] = pos[i] = i;
	}
	return 0;
}

void
fl_fleet_power(struct fl_fleet *f, size_t i, int64_t now, int64_t at)
{
	fl_client_power(&f->v[i], now, at);
	fix(f, i);
}

/* After a call into client c: its address, its deadline, its end. */
static void
after(struct fl_fleet *f, struct fl_client *c, bool was_ended,
    const struct fl_out *o)
{
	if (o->bound)
		ip_insert(f, c->index);
	if (!was_ended && fl_client_ended(c))
		f->ended++;
	fix(f, c->index);
}

/* The client a frame is for, or NULL. */
static struct fl_client *
route(const struct fl_fleet *f, const struct fl_frame *fr)
{
	uint8_t chaddr[MAC_LEN];
	struct rbuf r;

	switch (fr->kind) {
	case FL_F_ARP:
		if (fr->arp_op == FL_ARP_REQUEST)
			return by_ip(f, fr->tpa);
		return by_mac(f, fr->dst);
	case FL_F_UDP:
		rbuf_init(&r, fr->data, fr->len);
		if (fr->dport == 68 && rbuf_skip(&r, 28) == 0 &&
		    rbuf_getbytes(&r, chaddr, MAC_LEN) == 0)
			return by_mac(f, chaddr);	/* BOOTP chaddr */
		return by_mac(f, fr->dst);
	case FL_F_WOL:
		return by_mac(f, fr->wol);
	default:
		return NULL;
	}
}

void
fl_fleet_frame(struct fl_fleet *f, const uint8_t *frame, size_t len,
    int64_t now, struct fl_out *o)
{
	struct fl_frame fr;
	struct fl_client *c;
	const char *errstr;
	bool was;

	o->nframes = o->nrecs = 0;
	o->bound = false;
	if (fl_net_parse(frame, len, &fr, &errstr) == -1) {
		f->bad++;
		return;
	}
	if (fr.kind == FL_F_OTHER)
		return;
	if ((c = route(f, &fr)) == NULL) {
		f->stray++;
		return;
	}
	was = fl_client_ended(c);
	if (fr.kind == FL_F_WOL) {
		if (f->wol)
			fl_client_power(c, now, now);
	} else
		fl_client_frame(c, &fr, now, o);
	after(f, c, was, o);
}

int64_t
fl_fleet_next(const struct fl_fleet *f)
{
	return f->n == 0 ? FL_NO_DEADLINE : key(f, 0);
}

bool
fl_fleet_expire(struct fl_fleet *f, int64_t now, struct fl_out *o)
{
	struct fl_client *c;
	bool was;

	o->nframes = o->nrecs = 0;
	o->bound = false;
	if (f->n == 0 || key(f, 0) > now)
		return false;
	c = &f->v[f->heap[0]];
	was = fl_client_ended(c);
	fl_client_timer(c, now, o);
	after(f, c, was, o);
	return true;
}

bool
fl_fleet_stop(struct fl_fleet *f, int64_t now, const char *why,
    struct fl_out *o)
{
	size_t i;

	o->nframes = o->nrecs = 0;
	o->bound = false;
	for (i = 0; i < f->n; i++)
		if (!fl_client_ended(&f->v[i])) {
			fl_client_stop(&f->v[i], now, why, o);
			after(f, &f->v[i], false, o);
			return true;
		}
	return false;
}

bool
fl_fleet_done(const struct fl_fleet *f)
{
	return f->ended == f->n;
}

void
fl_fleet_mac(const uint8_t base[MAC_LEN], size_t i, uint8_t mac[MAC_LEN])
{
	uint32_t low = (uint32_t)base[3] << 16 | (uint32_t)base[4] << 8 |
	    base[5];

	memcpy(mac, base, 3);
	low += (uint32_t)i;
	mac[3] = (uint8_t)(low >> 16);
	mac[4] = (uint8_t)(low >> 8);
	mac[5] = (uint8_t)low;
}

void
fl_fleet_uuid(const uint8_t mac[MAC_LEN], bool zero, uint8_t u[FL_UUID_LEN])
{
	static const uint8_t head[10] = { 'n', 'b', 'f', 'l', 0, 0, 0x40, 0,
	    0x80, 0 };

	memset(u, 0, FL_UUID_LEN);
	if (zero)
		return;
	memcpy(u, head, sizeof(head));
	memcpy(u + 10, mac, MAC_LEN);
}

void
fl_tally_init(struct fl_tally *t)
{
	memset(t, 0, sizeof(*t));
	t->first = INT64_MAX;
}

void
fl_tally_add(struct fl_tally *t, const struct fl_rec *r)
{
	if (strcmp(r->phase, "boot") != 0)
		return;
	t->booted += strcmp(r->result, "booted") == 0;
	t->retrans += r->retrans;
	if (strncmp(r->result, "off", 3) == 0)
		return;		/* never powered on: no times of its own */
	if (r->t0 < t->first)
		t->first = r->t0;
	if (r->t1 > t->last)
		t->last = r->t1;
}

int64_t
fl_tally_makespan(const struct fl_tally *t)
{
	return t->last > t->first ? t->last - t->first : 0;
}

/* Appends s as one CSV field (RFC 4180 quoting when it needs it). */
static void
csv_field(char *buf, size_t cap, size_t *len, const char *s)
{
	bool quote = strpbrk(s, ",\"\r\n") != NULL;

	if (quote && *len + 1 < cap)
		buf[(*len)++] = '"';
	for (; *s != '\0' && *len + 2 < cap; s++) {
		if (*s == '"')
			buf[(*len)++] = '"';
		buf[(*len)++] = *s;
	}
	if (quote && *len + 1 < cap)
		buf[(*len)++] = '"';
	buf[*len] = '\0';
}

size_t
fl_fleet_csv(const struct fl_fleet *f, const struct fl_rec *r, int64_t t0,
    char *buf, size_t cap)
{
	const struct fl_client *c = &f->v[r->client];
	char mac[MAC_STRLEN], ip[IP4_STRLEN];
	size_t len;
	int n;

	n = snprintf(buf, cap, "%zu,%s,%s,%s,", r->client + 1,
	    mac_ntoa(c->mac, mac), ip4_ntoa(c->ip, ip), r->phase);
	if (n < 0 || (size_t)n >= cap)
		return 0;
	len = (size_t)n;
	csv_field(buf, cap, &len, r->name);
	n = snprintf(buf + len, cap - len, ",%.6f,%.6f,%u,%u,%llu,",
	    (double)(r->t0 - t0) / 1e6, (double)(r->t1 - t0) / 1e6, r->sent,
	    r->retrans, (unsigned long long)r->bytes);
	if (n < 0 || (size_t)n >= cap - len)
		return 0;
	len += (size_t)n;
	csv_field(buf, cap, &len, r->result);
	if (len + 2 > cap)
		return 0;
	buf[len++] = '\n';
	buf[len] = '\0';
	return len;
}
