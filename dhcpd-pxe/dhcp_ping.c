// SPDX-License-Identifier: ISC
/*
 * The ping check's waits (a small unordered array: linear scans over at
 * most DHCPD_PINGS entries cost less than the DISCOVERs that fill them),
 * the events that end them, and ICMP echo encoding and decoding (RFC 792).
 */
#include <string.h>

#include "common/buf.h"
#include "dhcpd-pxe/dhcp_frame.h"
#include "dhcpd-pxe/dhcp_ping.h"

#define ICMP_ECHO_REPLY		0
#define ICMP_ECHO_REQUEST	8
#define IPPROTO_ICMP_NUM	1

void
dhcp_ping_init(struct dhcp_ping_table *t, struct dhcp_ping *storage,
    size_t cap)
{
	t->v = storage;
	t->cap = storage == NULL ? 0 : cap;
	t->n = 0;
	t->seq = 1;
}

struct dhcp_ping *
dhcp_ping_add(struct dhcp_ping_table *t, uint32_t ip,
    const uint8_t mac[MAC_LEN], int64_t deadline)
{
	struct dhcp_ping *p;

	if (t->n == t->cap)
		return NULL;
	p = &t->v[t->n++];
	memset(p, 0, offsetof(struct dhcp_ping, req));
	p->ip = ip;
	p->seq = t->seq++;
	p->deadline = deadline;
	memcpy(p->mac, mac, MAC_LEN);
	return p;
}

struct dhcp_ping *
dhcp_ping_by_mac(const struct dhcp_ping_table *t, const uint8_t mac[MAC_LEN])
{
	size_t i;

	for (i = 0; i < t->n; i++)
		if (memcmp(t->v[i].mac, mac, MAC_LEN) == 0)
			return &t->v[i];
	return NULL;
}

struct dhcp_ping *
dhcp_ping_by_reply(const struct dhcp_ping_table *t, uint32_t ip,
    uint16_t seq)
{
	size_t i;

	for (i = 0; i < t->n; i++)
		if (t->v[i].ip == ip && t->v[i].seq == seq)
			return &t->v[i];
	return NULL;
}

struct dhcp_ping *
dhcp_ping_due(const struct dhcp_ping_table *t, int64_t now)
{
	size_t i;

	for (i = 0; i < t->n; i++)
		if (t->v[i].deadline <= now)
			return &t->v[i];
	return NULL;
}

void
dhcp_ping_take(struct dhcp_ping_table *t, struct dhcp_ping *p,
    struct dhcp_ping *out)
{
	struct dhcp_ping *last = &t->v[t->n - 1];

	if (out != NULL)
		memcpy(out, p, offsetof(struct dhcp_ping, req) + p->len);
	if (p != last)
		memcpy(p, last, offsetof(struct dhcp_ping, req) + last->len);
	t->n--;
}

int
dhcp_ping_timeout(const struct dhcp_ping_table *t, int64_t now)
{
	int64_t next = INT64_MAX;
	size_t i;

	for (i = 0; i < t->n; i++)
		if (t->v[i].deadline < next)
			next = t->v[i].deadline;
	if (next == INT64_MAX)
		return -1;
	if (next <= now)
		return 0;
	return next - now > 60000 ? 60000 : (int)(next - now);
}

void
dhcp_ping_hold(struct dhcp_ping *p, const uint8_t *pkt, size_t len,
    int ifindex, uint32_t src)
{
	memcpy(p->req, pkt, len);
	p->len = len;
	p->ifindex = ifindex;
	p->src = src;
}

/* The wait w ends: out of the table into *ev, to be done what says. */
static int
dhcp_ping_end(struct dhcp_ping_table *t, struct dhcp_ping *w,
    enum dhcp_ping_do what, struct dhcp_ping_event *ev)
{
	ev->what = what;
	dhcp_ping_take(t, w, &ev->held);
	return 1;
}

int
dhcp_ping_on_reply(struct dhcp_ping_table *t, const uint8_t *pkt, size_t len,
    uint16_t id, struct dhcp_ping_event *ev)
{
	struct dhcp_ping *w;
	const char *why;
	uint32_t ip;
	uint16_t rid, seq;

	/* Anyone's echo replies reach a raw socket: only ours count. */
	if (dhcp_ping_reply(pkt, len, &ip, &rid, &seq, &why) == -1 ||
	    rid != id || (w = dhcp_ping_by_reply(t, ip, seq)) == NULL)
		return 0;
	return dhcp_ping_end(t, w, DHCP_PING_ABANDON, ev);
}

int
dhcp_ping_on_time(struct dhcp_ping_table *t, int64_t now,
    struct dhcp_ping_event *ev)
{
	struct dhcp_ping *w;

	if ((w = dhcp_ping_due(t, now)) == NULL)
		return 0;
	return dhcp_ping_end(t, w, DHCP_PING_ANSWER, ev);
}

ssize_t
dhcp_ping_echo(uint8_t *buf, size_t cap, uint16_t id, uint16_t seq)
{
	struct wbuf w;
	uint16_t ck;

	wbuf_init(&w, buf, cap);
	wbuf_put8(&w, ICMP_ECHO_REQUEST);
	wbuf_put8(&w, 0);		/* code */
	wbuf_put16(&w, 0);		/* checksum, below */
	wbuf_put16(&w, id);
	wbuf_put16(&w, seq);
	wbuf_putbytes(&w, "dhcpd-px", 8);	/* data, echoed back */
	if (wbuf_len(&w) != DHCP_PING_ECHO_LEN)
		return -1;
	ck = dhcp_frame_cksum(buf, DHCP_PING_ECHO_LEN);
	buf[2] = (uint8_t)(ck >> 8);
	buf[3] = (uint8_t)ck;
	return DHCP_PING_ECHO_LEN;
}

int
dhcp_ping_reply(const uint8_t *pkt, size_t len, uint32_t *src, uint16_t *id,
    uint16_t *seq, const char **errstr)
{
	struct rbuf r, ip;
	uint8_t vihl, proto, type, code;
	uint16_t tot;

	rbuf_init(&r, pkt, len);
	*errstr = "truncated IPv4 header";
	if (rbuf_get8(&r, &vihl) == -1 || (vihl >> 4) != 4 ||
	    (vihl & 15) < 5 || rbuf_sub(&r, (vihl & 15) * 4u - 1, &ip) == -1 ||
	    rbuf_skip(&ip, 1) == -1 || rbuf_get16(&ip, &tot) == -1 ||
	    rbuf_skip(&ip, 5) == -1 || rbuf_get8(&ip, &proto) == -1 ||
	    rbuf_skip(&ip, 2) == -1 || rbuf_get32(&ip, src) == -1)
		return -1;
	*errstr = "not ICMP";
	if (proto != IPPROTO_ICMP_NUM)
		return -1;
	*errstr = "truncated ICMP message";
	if (tot < (vihl & 15) * 4u + 8 || tot > len)
		return -1;
	rbuf_init(&r, pkt + (vihl & 15) * 4u, tot - (vihl & 15) * 4u);
	if (dhcp_frame_cksum(r.p, r.rem) != 0) {
		*errstr = "bad checksum";
		return -1;
	}
	if (rbuf_get8(&r, &type) == -1 || rbuf_get8(&r, &code) == -1 ||
	    rbuf_skip(&r, 2) == -1 || rbuf_get16(&r, id) == -1 ||
	    rbuf_get16(&r, seq) == -1)
		return -1;
	*errstr = "not an echo reply";
	if (type != ICMP_ECHO_REPLY || code != 0)
		return -1;
	*errstr = NULL;
	return 0;
}
