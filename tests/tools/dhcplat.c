// SPDX-License-Identifier: ISC
/*
 * dhcplat FILE: REQUEST->ACK latency of a DHCP server, read from a packet
 * capture taken on the server's interface (tcpdump -w FILE; classic pcap,
 * micro- or nanosecond stamps, either byte order; Ethernet, 802.1Q or
 * Linux cooked frames).  perfdhcp reports only the average and maximum
 * delay; the percentiles come from here.  Each DHCPREQUEST is paired with
 * the first DHCPACK of the same xid and chaddr; its latency counts from
 * the first REQUEST of that pair (what the client waits, retransmissions
 * included).  Prints one line:
 *   requests R acks A pairs P naks N p50 X p99 Y max Z ms clients C
 *   all-bound T s
 * X, Y, Z in milliseconds (nearest rank), C the distinct chaddrs that got
 * an ACK, T the time from the first DHCP packet to the ACK that bound the
 * last of them (an avalanche's time to all-bound).  Exit 1 on a file it
 * cannot read, 2 on usage.  Option overload (52) is not read: perfdhcp,
 * udhcpc and dhclient put option 53 in the options field.
 */
#include <err.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "common/addr.h"
#include "common/buf.h"

#define PCAP_HDR	24
#define PCAP_REC	16
#define LINK_ETHER	1
#define LINK_SLL	113
#define BOOTP_FIXED	236	/* op .. file, before the magic cookie */
#define DHCP_COOKIE	0x63825363u
#define KEY_LEN		(4 + MAC_LEN)

enum { DREQUEST = 3, DACK = 5, DNAK = 6 };

/* One xid+chaddr (pairs) or one chaddr (clients); open addressing. */
struct slot {
	uint8_t	 key[KEY_LEN];
	bool	 used, done;
	int64_t	 t;		/* first REQUEST, ns */
};

struct table {
	struct slot	*v;
	size_t		 cap, n;	/* cap: a power of two */
};

struct lat {
	struct table	 pend, cli;
	int64_t		*ms;		/* latencies, ns */
	size_t		 nms, capms;
	size_t		 reqs, acks, naks;
	int64_t		 first, bound;	/* ns; first < 0: no packet yet */
	bool		 nsec, swap;
	uint32_t	 link;
};

static uint32_t
get32(const uint8_t *p, bool swap)
{
	uint32_t v;

	memcpy(&v, p, 4);
	return swap ? __builtin_bswap32(v) : v;
}

static size_t
table_hash(const uint8_t *k)
{
	uint32_t h = 2166136261u;
	size_t i;

	for (i = 0; i < KEY_LEN; i++)
		h = (h ^ k[i]) * 16777619u;
	return h;
}

/* The slot of key k; with add, made if missing (*isnew says so). */
static struct slot *
table_find(struct table *t, const uint8_t *k, bool add, bool *isnew)
{
	struct slot *old = t->v;
	size_t i, ocap = t->cap;

	if (add && (t->n + 1) * 2 > t->cap) {
		t->cap = t->cap ? t->cap * 2 : 1024;
		if ((t->v = calloc(t->cap, sizeof(*t->v))) == NULL)
			err(1, "calloc");
		t->n = 0;
		for (i = 0; i < ocap; i++)
			if (old[i].used)
				*table_find(t, old[i].key, true, isnew) = old[i];
		free(old);
	}
	if (isnew != NULL)
		*isnew = false;
	if (t->cap == 0)
		return NULL;
	i = table_hash(k) & (t->cap - 1);
	while (t->v[i].used && memcmp(t->v[i].key, k, KEY_LEN) != 0)
		i = (i + 1) & (t->cap - 1);
	if (!t->v[i].used) {
		if (!add)
			return NULL;
		memset(&t->v[i], 0, sizeof(t->v[i]));
		memcpy(t->v[i].key, k, KEY_LEN);
		t->v[i].used = true;
		t->n++;
		if (isnew != NULL)
			*isnew = true;
	}
	return &t->v[i];
}

/* Option 53 of a BOOTP message at r, or 0. */
static int
msg_type(struct rbuf *r)
{
	uint32_t cookie;
	uint8_t code, len, type;

	if (rbuf_skip(r, BOOTP_FIXED) == -1 || rbuf_get32(r, &cookie) == -1 ||
	    cookie != DHCP_COOKIE)
		return 0;
	while (rbuf_get8(r, &code) == 0 && code != 255) {
		if (code == 0)
			continue;
		if (rbuf_get8(r, &len) == -1)
			return 0;
		if (code == 53)
			return len == 1 && rbuf_get8(r, &type) == 0 ? type : 0;
		if (rbuf_skip(r, len) == -1)
			return 0;
	}
	return 0;
}

/* The UDP payload of a frame if it is IPv4 UDP to or from port 67/68. */
static int
frame_dhcp(const struct lat *l, const uint8_t *f, size_t len, struct rbuf *u)
{
	struct rbuf r, ip;
	uint16_t type, frag, sport, dport, ulen;
	uint8_t vihl, proto;

	rbuf_init(&r, f, len);
	if (rbuf_skip(&r, l->link == LINK_SLL ? 14 : 12) == -1 ||
	    rbuf_get16(&r, &type) == -1)
		return -1;
	if (type == 0x8100 && (rbuf_skip(&r, 2) == -1 ||
	    rbuf_get16(&r, &type) == -1))
		return -1;
	if (type != 0x0800 || rbuf_get8(&r, &vihl) == -1 || vihl >> 4 != 4 ||
	    (vihl & 15) < 5 || rbuf_sub(&r, (vihl & 15) * 4u - 1, &ip) == -1 ||
	    rbuf_skip(&ip, 5) == -1 || rbuf_get16(&ip, &frag) == -1 ||
	    (frag & 0x3fff) != 0 || rbuf_skip(&ip, 1) == -1 ||
	    rbuf_get8(&ip, &proto) == -1 || proto != 17)
		return -1;
	if (rbuf_get16(&r, &sport) == -1 || rbuf_get16(&r, &dport) == -1 ||
	    rbuf_get16(&r, &ulen) == -1 || rbuf_skip(&r, 2) == -1 ||
	    ulen < 8 || ulen - 8u > r.rem)
		return -1;
	if ((sport != 67 && sport != 68) || (dport != 67 && dport != 68))
		return -1;
	rbuf_init(u, r.p, ulen - 8u);
	return 0;
}

static void
packet(struct lat *l, const uint8_t *f, size_t len, int64_t t)
{
	struct rbuf u, m;
	struct slot *s;
	uint8_t key[KEY_LEN], hlen;
	bool isnew;
	int type;

	if (frame_dhcp(l, f, len, &u) == -1)
		return;
	m = u;
	if (rbuf_skip(&m, 2) == -1 || rbuf_get8(&m, &hlen) == -1 ||
	    rbuf_skip(&m, 1) == -1 || rbuf_getbytes(&m, key, 4) == -1 ||
	    rbuf_skip(&m, 20) == -1 || rbuf_getbytes(&m, key + 4, MAC_LEN) ==
	    -1 || hlen != MAC_LEN || (type = msg_type(&u)) == 0)
		return;
	if (l->first < 0)
		l->first = t;
	if (type == DREQUEST) {
		l->reqs++;
		if ((s = table_find(&l->pend, key, true, &isnew)) != NULL &&
		    isnew)
			s->t = t;
	} else if (type == DNAK)
		l->naks++;
	if (type != DACK)
		return;
	l->acks++;
	if ((s = table_find(&l->pend, key, false, NULL)) != NULL &&
	    !s->done) {
		s->done = true;
		if (l->nms == l->capms) {
			l->capms = l->capms ? l->capms * 2 : 1024;
			l->ms = reallocarray(l->ms, l->capms, sizeof(*l->ms));
			if (l->ms == NULL)
				err(1, "reallocarray");
		}
		l->ms[l->nms++] = t - s->t;
	}
	memset(key, 0, 4);
	if ((s = table_find(&l->cli, key, true, NULL)) != NULL && !s->done) {
		s->done = true;
		l->bound = t;
	}
}

static void
read_pcap(struct lat *l, FILE *fp, const char *name)
{
	uint8_t h[PCAP_HDR], rec[PCAP_REC], *f = NULL;
	uint32_t magic, caplen;
	size_t fcap = 0;
	int64_t t;

	if (fread(h, 1, PCAP_HDR, fp) != PCAP_HDR)
		errx(1, "%s: no pcap header", name);
	memcpy(&magic, h, 4);
	l->swap = magic == 0xd4c3b2a1u || magic == 0x4d3cb2a1u;
	magic = get32(h, l->swap);
	if (magic != 0xa1b2c3d4u && magic != 0xa1b23c4du)
		errx(1, "%s: not a pcap file", name);
	l->nsec = magic == 0xa1b23c4du;
	l->link = get32(h + 20, l->swap) & 0xffff;
	if (l->link != LINK_ETHER && l->link != LINK_SLL)
		errx(1, "%s: link type %u: want Ethernet", name, l->link);
	while (fread(rec, 1, PCAP_REC, fp) == PCAP_REC) {
		caplen = get32(rec + 8, l->swap);
		if (caplen > 262144)
			errx(1, "%s: record of %u bytes", name, caplen);
		if (caplen > fcap && (f = realloc(f, fcap = caplen)) == NULL)
			err(1, "realloc");
		if (fread(f, 1, caplen, fp) != caplen)
			break;		/* a capture cut short: keep the rest */
		t = (int64_t)get32(rec, l->swap) * 1000000000 +
		    (int64_t)get32(rec + 4, l->swap) * (l->nsec ? 1 : 1000);
		packet(l, f, caplen, t);
	}
	free(f);
}

static int
cmp64(const void *a, const void *b)
{
	int64_t x = *(const int64_t *)a, y = *(const int64_t *)b;

	return (x > y) - (x < y);
}

/* Nearest-rank percentile q (0..100) of the sorted latencies, in ms. */
static double
rank_ms(const struct lat *l, int q)
{
	size_t k;

	if (l->nms == 0)
		return 0;
	k = (l->nms * (size_t)q + 99) / 100;
	return (double)l->ms[k ? k - 1 : 0] / 1e6;
}

int
main(int argc, char *argv[])
{
	struct lat l;
	FILE *fp;

	if (argc != 2 || argv[1][0] == '-') {
		fprintf(stderr, "usage: dhcplat capture.pcap\n");
		return 2;
	}
	if ((fp = fopen(argv[1], "rb")) == NULL)
		err(1, "%s", argv[1]);
	memset(&l, 0, sizeof(l));
	l.first = -1;
	read_pcap(&l, fp, argv[1]);
	fclose(fp);
	qsort(l.ms, l.nms, sizeof(*l.ms), cmp64);
	printf("requests %zu acks %zu pairs %zu naks %zu p50 %.3f p99 %.3f "
	    "max %.3f ms clients %zu all-bound %.3f s\n", l.reqs, l.acks,
	    l.nms, l.naks, rank_ms(&l, 50), rank_ms(&l, 99), rank_ms(&l, 100),
	    l.cli.n, l.first < 0 ? 0.0 : (double)(l.bound - l.first) / 1e9);
	free(l.ms);
	free(l.pend.v);
	free(l.cli.v);
	return 0;
}
