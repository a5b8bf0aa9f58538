// SPDX-License-Identifier: ISC
/*
 * Frames of fl_net.h.  Every byte read goes through an rbuf, every byte
 * written through a wbuf (STYLE.md 3.5).
 */
#include <string.h>

#include "common/buf.h"
#include "fleet/fl_net.h"

#define ETH_IP		0x0800
#define ETH_ARP		0x0806
#define ETH_VLAN	0x8100
#define ETH_WOL		0x0842
#define MAGIC_LEN	(6 + 16 * MAC_LEN)

const uint8_t fl_mac_bcast[MAC_LEN] = { 0xff, 0xff, 0xff, 0xff, 0xff, 0xff };

/* The Internet checksum's running sum of len bytes at p. */
static uint32_t
sum16(uint32_t sum, const uint8_t *p, size_t len)
{
	size_t i;

	for (i = 0; i + 1 < len; i += 2)
		sum += (uint32_t)p[i] << 8 | p[i + 1];
	if (len & 1)
		sum += (uint32_t)p[len - 1] << 8;
	return sum;
}

static uint16_t
fold(uint32_t sum)
{
	while (sum >> 16)
		sum = (sum & 0xffff) + (sum >> 16);
	return (uint16_t)~sum;
}

static void
put_eth(struct wbuf *w, const uint8_t dmac[MAC_LEN],
    const uint8_t smac[MAC_LEN], uint16_t type)
{
	wbuf_putbytes(w, dmac, MAC_LEN);
	wbuf_putbytes(w, smac, MAC_LEN);
	wbuf_put16(w, type);
}

ssize_t
fl_net_udp(uint8_t *buf, size_t cap, const uint8_t smac[MAC_LEN],
    const uint8_t dmac[MAC_LEN], uint32_t sip, uint32_t dip, uint16_t sport,
    uint16_t dport, uint16_t id, const void *data, size_t len)
{
	struct wbuf w;
	uint8_t *ip, *udp;
	uint32_t sum;
	uint16_t ck;

	if (len > FL_UDP_MAX)
		return -1;
	wbuf_init(&w, buf, cap);
	put_eth(&w, dmac, smac, ETH_IP);
	if ((ip = wbuf_reserve(&w, FL_IP_HLEN)) == NULL ||
	    (udp = wbuf_reserve(&w, FL_UDP_HLEN)) == NULL)
		return -1;
	wbuf_putbytes(&w, data, len);
	if (wbuf_len(&w) == -1)
		return -1;
	memset(ip, 0, FL_IP_HLEN);
	ip[0] = 0x45;
	ip[2] = (uint8_t)((FL_IP_HLEN + FL_UDP_HLEN + len) >> 8);
	ip[3] = (uint8_t)(FL_IP_HLEN + FL_UDP_HLEN + len);
	ip[4] = (uint8_t)(id >> 8);
	ip[5] = (uint8_t)id;
	ip[8] = 64;
	ip[9] = 17;
	ip[12] = (uint8_t)(sip >> 24), ip[13] = (uint8_t)(sip >> 16);
	ip[14] = (uint8_t)(sip >> 8), ip[15] = (uint8_t)sip;
	ip[16] = (uint8_t)(dip >> 24), ip[17] = (uint8_t)(dip >> 16);
	ip[18] = (uint8_t)(dip >> 8), ip[19] = (uint8_t)dip;
	ck = fold(sum16(0, ip, FL_IP_HLEN));
	ip[10] = (uint8_t)(ck >> 8), ip[11] = (uint8_t)ck;
	udp[0] = (uint8_t)(sport >> 8), udp[1] = (uint8_t)sport;
	udp[2] = (uint8_t)(dport >> 8), udp[3] = (uint8_t)dport;
	udp[4] = (uint8_t)((FL_UDP_HLEN + len) >> 8);
	udp[5] = (uint8_t)(FL_UDP_HLEN + len);
	udp[6] = udp[7] = 0;
	/* pseudo header: addresses, protocol, UDP length */
	sum = sum16(0, ip + 12, 8) + 17 + FL_UDP_HLEN + (uint32_t)len;
	ck = fold(sum16(sum, udp, FL_UDP_HLEN + len));
	if (ck == 0)
		ck = 0xffff;	/* 0 means "no checksum" (RFC 768) */
	udp[6] = (uint8_t)(ck >> 8), udp[7] = (uint8_t)ck;
	return wbuf_len(&w);
}

ssize_t
fl_net_arp(uint8_t *buf, size_t cap, uint16_t op, const uint8_t sha[MAC_LEN],
    uint32_t spa, const uint8_t tha[MAC_LEN], uint32_t tpa)
{
	struct wbuf w;

	wbuf_init(&w, buf, cap);
	put_eth(&w, op == FL_ARP_REQUEST ? fl_mac_bcast : tha, sha, ETH_ARP);
	wbuf_put16(&w, 1);		/* Ethernet */
	wbuf_put16(&w, ETH_IP);
	wbuf_put8(&w, MAC_LEN);
	wbuf_put8(&w, 4);
	wbuf_put16(&w, op);
	wbuf_putbytes(&w, sha, MAC_LEN);
	wbuf_put32(&w, spa);
	wbuf_putbytes(&w, tha, MAC_LEN);
	wbuf_put32(&w, tpa);
	while (wbuf_len(&w) != -1 && wbuf_len(&w) < 60)
		wbuf_put8(&w, 0);	/* the minimum frame, as NICs pad */
	return wbuf_len(&w);
}

int
fl_net_magic(const uint8_t *p, size_t len, uint8_t mac[MAC_LEN])
{
	size_t off, i;

	for (off = 0; len >= MAGIC_LEN && off <= len - MAGIC_LEN; off++) {
		for (i = 0; i < 6 && p[off + i] == 0xff; i++)
			;
		if (i < 6)
			continue;
		for (i = 1; i < 16; i++)
			if (memcmp(p + off + 6, p + off + 6 + i * MAC_LEN,
			    MAC_LEN) != 0)
				break;
		if (i == 16) {
			memcpy(mac, p + off + 6, MAC_LEN);
			return 0;
		}
	}
	return -1;
}

static int
parse_arp(struct rbuf *r, struct fl_frame *f, const char **errstr)
{
	uint16_t htype, ptype;
	uint8_t hlen, plen;

	if (rbuf_get16(r, &htype) == -1 || rbuf_get16(r, &ptype) == -1 ||
	    rbuf_get8(r, &hlen) == -1 || rbuf_get8(r, &plen) == -1 ||
	    rbuf_get16(r, &f->arp_op) == -1 ||
	    rbuf_getbytes(r, f->sha, MAC_LEN) == -1 ||
	    rbuf_get32(r, &f->spa) == -1 ||
	    rbuf_getbytes(r, f->tha, MAC_LEN) == -1 ||
	    rbuf_get32(r, &f->tpa) == -1) {
		*errstr = "truncated ARP";
		return -1;
	}
	if (htype == 1 && ptype == ETH_IP && hlen == MAC_LEN && plen == 4)
		f->kind = FL_F_ARP;
	return 0;
}

static int
parse_ip(struct rbuf *r, struct fl_frame *f, const char **errstr)
{
	struct rbuf ip;
	uint16_t total, frag, ulen;
	uint8_t vihl, proto;

	*errstr = "truncated IPv4 header";
	if (rbuf_get8(r, &vihl) == -1 || vihl >> 4 != 4 || (vihl & 15) < 5 ||
	    rbuf_skip(r, 1) == -1 || rbuf_get16(r, &total) == -1 ||
	    total < (vihl & 15) * 4u || total - 4u > r->rem)
		return -1;
	rbuf_init(&ip, r->p, total - 4u);	/* the frame's padding cut */
	if (rbuf_skip(&ip, 2) == -1 || rbuf_get16(&ip, &frag) == -1 ||
	    rbuf_skip(&ip, 1) == -1 || rbuf_get8(&ip, &proto) == -1 ||
	    rbuf_skip(&ip, 2) == -1 || rbuf_get32(&ip, &f->sip) == -1 ||
	    rbuf_get32(&ip, &f->dip) == -1 ||
	    rbuf_skip(&ip, (vihl & 15) * 4u - FL_IP_HLEN) == -1)
		return -1;
	if ((frag & 0x3fff) != 0 || proto != 17)
		return 0;		/* a fragment, or not UDP */
	*errstr = "truncated UDP";
	if (rbuf_get16(&ip, &f->sport) == -1 ||
	    rbuf_get16(&ip, &f->dport) == -1 ||
	    rbuf_get16(&ip, &ulen) == -1 || rbuf_skip(&ip, 2) == -1 ||
	    ulen < FL_UDP_HLEN || (size_t)(ulen - FL_UDP_HLEN) > ip.rem)
		return -1;
	f->data = ip.p;
	f->len = (size_t)(ulen - FL_UDP_HLEN);
	f->kind = FL_F_UDP;
	if ((f->dport == 9 || f->dport == 7) &&
	    fl_net_magic(f->data, f->len, f->wol) == 0) {
		f->kind = FL_F_WOL;
		f->how = "udp";
	}
	return 0;
}

int
fl_net_parse(const uint8_t *frame, size_t len, struct fl_frame *fp,
    const char **errstr)
{
	struct fl_frame f;
	struct rbuf r;
	uint16_t type;

	memset(&f, 0, sizeof(f));
	rbuf_init(&r, frame, len);
	if (rbuf_getbytes(&r, f.dst, MAC_LEN) == -1 ||
	    rbuf_getbytes(&r, f.src, MAC_LEN) == -1 ||
	    rbuf_get16(&r, &type) == -1 || (type == ETH_VLAN &&
	    (rbuf_skip(&r, 2) == -1 || rbuf_get16(&r, &type) == -1))) {
		*errstr = "truncated Ethernet header";
		return -1;
	}
	if (type == ETH_ARP && parse_arp(&r, &f, errstr) == -1)
		return -1;
	if (type == ETH_IP && parse_ip(&r, &f, errstr) == -1)
		return -1;
	if (type == ETH_WOL && fl_net_magic(r.p, r.rem, f.wol) == 0) {
		f.kind = FL_F_WOL;
		f.how = "ether";
	}
	*fp = f;
	return 0;
}
