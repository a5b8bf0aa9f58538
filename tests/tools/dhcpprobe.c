// SPDX-License-Identifier: ISC
/*
 * dhcpprobe IFACE MAC TEMPLATE [SECS]: one boot client on IFACE, in a
 * client namespace, for the differential test against ISC dhcpd
 * (it_dhcpd_isc).  TEMPLATE is a captured DHCPDISCOVER as a hex string
 * (a .hex fixture of tests/data/dhcpd-pxe without comments and spaces).  It
 * is sent with a random xid and chaddr MAC (so is a type-1 client id,
 * option 61), then the SELECTING REQUEST: the same options with 50 and 54
 * from the offer.  Each waits SECS (default 3) for the OFFER, then the
 * ACK or NAK.  Requests leave from 0.0.0.0:68 (a UDP socket bound to
 * IFACE); answers are read from an AF_PACKET socket, so those unicast to
 * chaddr are seen too.  Prints "offer FIELD VALUE" then "ack FIELD VALUE"
 * lines, the same fields in the same order ("-": absent), so two servers'
 * answers compare line by line.  Exit 0 (no answer is an answer: type
 * none), 1 on error, 64 on bad usage.
 */
#include <sys/socket.h>

#include <arpa/inet.h>
#include <linux/if_packet.h>
#include <net/ethernet.h>
#include <net/if.h>

#include <err.h>
#include <poll.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sysexits.h>
#include <time.h>

#include "common/addr.h"
#include "common/buf.h"
#include "common/opt.h"

#define BOOTP_FIXED	236	/* op .. file, before the magic cookie */
#define DHCP_COOKIE	0x63825363u
#define PKT_MAX		1500
#define OPT_MAX		1024	/* an option after RFC 3396 concatenation */

enum { DISCOVER = 1, OFFER = 2, REQUEST = 3, ACK = 5, NAK = 6 };

/* The fields printed, in order; after type, yiaddr, siaddr, sname, file. */
static const struct field {
	uint8_t	code;
	char	kind;		/* 'a' addresses, 't' text, 'x' hex */
} fields[] = {
	{ 1, 'a' }, { 3, 'a' }, { 6, 'a' }, { 12, 't' }, { 43, 'x' },
	{ 54, 'a' }, { 60, 't' }, { 66, 't' }, { 67, 't' }, { 175, 'x' },
};

struct reply {
	uint8_t		 type;
	uint32_t	 yiaddr, siaddr;
	const uint8_t	*sname, *file;	/* NULL when they carry options */
	struct rbuf	 area[3];	/* options, file, sname (RFC 2131 4.1) */
	size_t		 narea;
};

struct client {
	int		 udp, pkt, wait;	/* send, receive sockets */
	uint8_t		 mac[MAC_LEN];
	uint32_t	 xid;
	uint8_t		 tmpl[PKT_MAX];
	size_t		 tmpl_len;
};

/* The template: a hex string (its whitespace already removed). */
static void
load_template(struct client *c, const char *hex)
{
	unsigned int b;

	for (; hex[0] != '\0'; hex += 2) {
		if (hex[1] == '\0' || sscanf(hex, "%2x", &b) != 1 ||
		    c->tmpl_len == PKT_MAX)
			errx(1, "template: bad byte %zu", c->tmpl_len);
		c->tmpl[c->tmpl_len++] = (uint8_t)b;
	}
}

/*
 * The template as message `type', with our xid and chaddr, option 53 set,
 * a client identifier of type 1 set to chaddr; a REQUEST gets 50 reqip
 * and 54 srvid.  Its length.
 */
static size_t
make_msg(const struct client *c, int type, uint32_t reqip, uint32_t srvid,
    uint8_t *out, size_t cap)
{
	const uint8_t *fixed, *v;
	struct rbuf r;
	struct wbuf w;
	uint8_t code, len;

	rbuf_init(&r, c->tmpl, c->tmpl_len);
	wbuf_init(&w, out, cap);
	if (rbuf_ptr(&r, BOOTP_FIXED + 4, &fixed) == -1)
		errx(1, "template too short");
	wbuf_putbytes(&w, fixed, BOOTP_FIXED + 4);
	while (rbuf_get8(&r, &code) == 0 && code != 255) {
		if (code == 0)
			continue;
		if (rbuf_get8(&r, &len) == -1 || rbuf_ptr(&r, len, &v) == -1)
			errx(1, "template: option %u truncated", code);
		wbuf_put8(&w, code);
		wbuf_put8(&w, len);
		if (code == 53 && len == 1)
			wbuf_put8(&w, (uint8_t)type);
		else if (code == 61 && len == 1 + MAC_LEN && v[0] == 1) {
			wbuf_put8(&w, 1);
			wbuf_putbytes(&w, c->mac, MAC_LEN);
		} else
			wbuf_putbytes(&w, v, len);
	}
	if (type == REQUEST) {
		wbuf_put8(&w, 50);
		wbuf_put8(&w, 4);
		wbuf_put32(&w, reqip);
		wbuf_put8(&w, 54);
		wbuf_put8(&w, 4);
		wbuf_put32(&w, srvid);
	}
	wbuf_put8(&w, 255);
	if (wbuf_len(&w) < 0)
		errx(1, "message too long");
	memcpy(out + 4, &(uint32_t){ htonl(c->xid) }, 4);
	memcpy(out + 28, c->mac, MAC_LEN);
	return (size_t)wbuf_len(&w);
}

static void
send_msg(const struct client *c, int type, uint32_t reqip, uint32_t srvid)
{
	struct sockaddr_in to = { .sin_family = AF_INET,
	    .sin_port = htons(67), .sin_addr.s_addr = htonl(INADDR_BROADCAST) };
	uint8_t pkt[PKT_MAX];
	size_t len;

	len = make_msg(c, type, reqip, srvid, pkt, sizeof(pkt));
	if (sendto(c->udp, pkt, len, 0, (struct sockaddr *)&to,
	    sizeof(to)) == -1)
		err(1, "sendto");
}

/* The payload *m of an IPv4 datagram r if it is UDP to port 68; else -1. */
static int
frame_udp(struct rbuf *r, struct rbuf *m)
{
	struct rbuf ip;
	uint8_t vihl, proto;
	uint16_t frag, dport, ulen;

	if (rbuf_get8(r, &vihl) == -1 || vihl >> 4 != 4 || (vihl & 15) < 5 ||
	    rbuf_sub(r, (vihl & 15) * 4u - 1, &ip) == -1 ||
	    rbuf_skip(&ip, 5) == -1 || rbuf_get16(&ip, &frag) == -1 ||
	    (frag & 0x3fff) != 0 || rbuf_skip(&ip, 1) == -1 ||
	    rbuf_get8(&ip, &proto) == -1 || proto != 17)
		return -1;
	if (rbuf_skip(r, 2) == -1 || rbuf_get16(r, &dport) == -1 ||
	    dport != 68 || rbuf_get16(r, &ulen) == -1 || ulen < 8 ||
	    rbuf_skip(r, 2) == -1 || rbuf_sub(r, ulen - 8u, m) == -1)
		return -1;
	return 0;
}

/*
 * Appends the value of every `code' option in the reply's areas to out
 * (RFC 3396 concatenation).  Its length, or -1 if absent or malformed.
 */
static int
opt_get(const struct reply *rp, uint8_t code, uint8_t *out, size_t cap)
{
	struct rbuf r;
	const uint8_t *v;
	uint8_t oc, len;
	size_t i, n = 0;
	bool found = false;

	for (i = 0; i < rp->narea; i++) {
		r = rp->area[i];
		while (rbuf_get8(&r, &oc) == 0 && oc != 255) {
			if (oc == 0)
				continue;
			if (rbuf_get8(&r, &len) == -1 ||
			    rbuf_ptr(&r, len, &v) == -1)
				return -1;
			if (oc != code)
				continue;
			if (len > cap - n)
				return -1;
			memcpy(out + n, v, len);
			n += len;
			found = true;
		}
	}
	return found ? (int)n : -1;
}

/*
 * Reads the BOOTP fields and option areas of m if it is a reply (op 2) to
 * this client (xid, chaddr); else -1.
 */
static int
reply_parse(struct rbuf *m, const struct client *c, struct reply *rp)
{
	uint8_t v[OPT_MAX], op, mac[MAC_LEN];
	uint32_t xid, cookie;
	struct rbuf file, sname;

	memset(rp, 0, sizeof(*rp));
	if (rbuf_get8(m, &op) == -1 || op != 2 || rbuf_skip(m, 3) == -1 ||
	    rbuf_get32(m, &xid) == -1 || xid != c->xid ||
	    rbuf_skip(m, 8) == -1 || rbuf_get32(m, &rp->yiaddr) == -1 ||
	    rbuf_get32(m, &rp->siaddr) == -1 || rbuf_skip(m, 4) == -1 ||
	    rbuf_getbytes(m, mac, MAC_LEN) == -1 ||
	    memcmp(mac, c->mac, MAC_LEN) != 0 || rbuf_skip(m, 10) == -1 ||
	    rbuf_ptr(m, 64, &rp->sname) == -1 ||
	    rbuf_ptr(m, 128, &rp->file) == -1 ||
	    rbuf_get32(m, &cookie) == -1 || cookie != DHCP_COOKIE)
		return -1;
	rbuf_init(&sname, rp->sname, 64);
	rbuf_init(&file, rp->file, 128);
	rp->area[rp->narea++] = *m;
	/* Option overload (52): file, then sname, hold more options. */
	if (opt_get(rp, 52, v, sizeof(v)) == 1) {
		if (v[0] & 1) {
			rp->area[rp->narea++] = file;
			rp->file = NULL;
		}
		if (v[0] & 2) {
			rp->area[rp->narea++] = sname;
			rp->sname = NULL;
		}
	}
	if (opt_get(rp, 53, v, sizeof(v)) != 1)
		return -1;
	rp->type = v[0];
	return 0;
}

/*
 * Waits c->wait seconds (less than one more) for a reply of type want1 or
 * want2, read into buf (which *rp then points into).  0, or -1 if none
 * came (then rp->type is 0).
 */
static int
wait_reply(const struct client *c, uint8_t *buf, size_t cap, int want1,
    int want2, struct reply *rp)
{
	struct pollfd pfd = { c->pkt, POLLIN, 0 };
	time_t end = time(NULL) + c->wait + 1;
	struct rbuf r, m;
	ssize_t n;

	while (time(NULL) < end) {
		if (poll(&pfd, 1, 100) == -1)
			err(1, "poll");
		if ((pfd.revents & POLLIN) == 0)
			continue;
		if ((n = recv(c->pkt, buf, cap, 0)) == -1)
			err(1, "recv");
		rbuf_init(&r, buf, (size_t)n);
		if (frame_udp(&r, &m) == 0 && reply_parse(&m, c, rp) == 0 &&
		    (rp->type == want1 || rp->type == want2))
			return 0;
	}
	memset(rp, 0, sizeof(*rp));
	return -1;
}

/*
 * A value: addresses comma-separated, text in double quotes (bytes outside
 * printable ASCII as \xHH), else hex; n < 0: absent, "-".
 */
static void
put_value(char kind, const uint8_t *v, int n)
{
	char a[IP4_STRLEN];
	uint32_t ip;
	int i;

	if (n < 0)
		putchar('-');
	else if (kind == 't') {
		putchar('"');
		for (i = 0; i < n; i++)
			if (v[i] >= 0x20 && v[i] < 0x7f && v[i] != '"' &&
			    v[i] != '\\')
				putchar(v[i]);
			else
				printf("\\x%02x", v[i]);
		putchar('"');
	} else if (kind == 'a' && n > 0 && n % 4 == 0) {
		for (i = 0; i < n; i += 4) {
			memcpy(&ip, v + i, 4);
			printf("%s%s", i ? "," : "", ip4_ntoa(ntohl(ip), a));
		}
	} else {
		printf("%s", kind == 'a' ? "hex:" : "");
		for (i = 0; i < n; i++)
			printf("%02x", v[i]);
	}
	putchar('\n');
}

/* The length of a fixed string field up to its NUL; -1 if empty. */
#define FIXED_LEN(p, max) ((p) != NULL && (p)[0] != '\0' ? \
	(int)strnlen((const char *)(p), (max)) : -1)

/* One line per field; a reply of type 0 is `none', every field "-". */
static void
print_reply(const char *stage, const struct reply *rp, const char *none)
{
	static const char *types[] = { "0", "DISCOVER", "OFFER", "REQUEST",
	    "DECLINE", "ACK", "NAK", "RELEASE", "INFORM" };
	uint8_t v[OPT_MAX];
	char a[IP4_STRLEN];
	size_t i;

	printf("%s type %s\n", stage, rp->type == 0 ? none :
	    rp->type < 9 ? types[rp->type] : "other");
	printf("%s yiaddr %s\n", stage, rp->type ? ip4_ntoa(rp->yiaddr, a) :
	    "-");
	printf("%s siaddr %s\n", stage, rp->type ? ip4_ntoa(rp->siaddr, a) :
	    "-");
	printf("%s sname ", stage);
	put_value('t', rp->sname, FIXED_LEN(rp->sname, 64));
	printf("%s file ", stage);
	put_value('t', rp->file, FIXED_LEN(rp->file, 128));
	for (i = 0; i < sizeof(fields) / sizeof(fields[0]); i++) {
		printf("%s opt%u ", stage, fields[i].code);
		put_value(fields[i].kind, v, opt_get(rp, fields[i].code, v,
		    sizeof(v)));
	}
}

/* Opens the two sockets on ifname. */
static void
client_open(struct client *c, const char *ifname)
{
	struct sockaddr_ll sll = { .sll_family = AF_PACKET,
	    .sll_protocol = htons(ETH_P_IP) };
	struct sockaddr_in sin = { .sin_family = AF_INET,
	    .sin_port = htons(68) };
	int on = 1;

	if ((sll.sll_ifindex = (int)if_nametoindex(ifname)) == 0)
		err(1, "%s", ifname);
	if ((c->pkt = socket(AF_PACKET, SOCK_DGRAM, htons(ETH_P_IP))) == -1 ||
	    bind(c->pkt, (struct sockaddr *)&sll, sizeof(sll)) == -1)
		err(1, "packet socket on %s", ifname);
	if ((c->udp = socket(AF_INET, SOCK_DGRAM, 0)) == -1 ||
	    setsockopt(c->udp, SOL_SOCKET, SO_REUSEADDR, &on, sizeof(on)) ||
	    setsockopt(c->udp, SOL_SOCKET, SO_BROADCAST, &on, sizeof(on)) ||
	    setsockopt(c->udp, SOL_SOCKET, SO_BINDTODEVICE, ifname,
	    strlen(ifname)) ||
	    bind(c->udp, (struct sockaddr *)&sin, sizeof(sin)) == -1)
		err(1, "UDP socket on %s", ifname);
}

int
main(int argc, char *argv[])
{
	static uint8_t buf[2][65536];
	struct reply offer, ack;
	struct client c;
	uint8_t v[OPT_MAX];
	uint32_t srvid = 0;

	memset(&c, 0, sizeof(c));
	if (argc != 4 && argc != 5)
		errx(EX_USAGE, "usage: dhcpprobe iface mac template-hex [secs]");
	c.wait = argc == 5 ? (int)opt_number(argv[4], 1, 60, "secs") : 3;
	if (mac_parse(argv[2], c.mac) == -1)
		errx(EX_USAGE, "%s: not a MAC address", argv[2]);
	load_template(&c, argv[3]);
	client_open(&c, argv[1]);
	c.xid = arc4random();
	send_msg(&c, DISCOVER, 0, 0);
	wait_reply(&c, buf[0], sizeof(buf[0]), OFFER, OFFER, &offer);
	print_reply("offer", &offer, "none");
	if (offer.type == 0) {
		print_reply("ack", &offer, "unsent");
		return 0;
	}
	if (opt_get(&offer, 54, v, sizeof(v)) == 4)
		srvid = (uint32_t)v[0] << 24 | v[1] << 16 | v[2] << 8 | v[3];
	send_msg(&c, REQUEST, offer.yiaddr, srvid);
	wait_reply(&c, buf[1], sizeof(buf[1]), ACK, NAK, &ack);
	print_reply("ack", &ack, "none");
	return 0;
}
