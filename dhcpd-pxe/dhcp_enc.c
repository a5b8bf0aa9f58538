// SPDX-License-Identifier: ISC
/* DHCP reply encoding: header, budgeted options, END and padding. */
#include <string.h>

#include "dhcpd-pxe/dhcp_enc.h"

void
dhcp_enc_init(struct dhcp_enc *e, uint8_t *buf, size_t cap, uint16_t maxsize)
{
	size_t limit = 576 - 28;	/* IP (20) + UDP (8) headers */

	if (maxsize > 576)
		limit = (size_t)maxsize - 28;
	if (limit > cap)
		limit = cap;
	wbuf_init(&e->w, buf, cap);
	e->limit = limit;
	e->dropped = 0;
}

void
dhcp_enc_header(struct dhcp_enc *e, const struct dhcp_hdr *h)
{
	uint8_t field[128];

	wbuf_put8(&e->w, BOOTREPLY);
	wbuf_put8(&e->w, 1);		/* Ethernet */
	wbuf_put8(&e->w, 6);
	wbuf_put8(&e->w, h->hops);
	wbuf_put32(&e->w, h->xid);
	wbuf_put16(&e->w, h->secs);
	wbuf_put16(&e->w, h->flags);
	wbuf_put32(&e->w, h->ciaddr);
	wbuf_put32(&e->w, h->yiaddr);
	wbuf_put32(&e->w, h->siaddr);
	wbuf_put32(&e->w, h->giaddr);
	wbuf_putbytes(&e->w, h->chaddr, sizeof(h->chaddr));
	memset(field, 0, sizeof(field));
	memcpy(field, h->sname, strnlen(h->sname, sizeof(h->sname)));
	wbuf_putbytes(&e->w, field, 64);
	memset(field, 0, sizeof(field));
	memcpy(field, h->file, strnlen(h->file, sizeof(h->file)));
	wbuf_putbytes(&e->w, field, 128);
	wbuf_put32(&e->w, DHCP_COOKIE);
}

int
dhcp_enc_opt(struct dhcp_enc *e, uint8_t code, const void *v, size_t len)
{
	const uint8_t *p = v;
	size_t need = len + 2 * ((len + 254) / 255 + (len == 0)), n;

	/* +1: END must still fit afterwards. */
	if (e->w.overflow || e->w.len + need + 1 > e->limit) {
		e->dropped++;
		return -1;
	}
	do {
		n = len > 255 ? 255 : len;
		wbuf_put8(&e->w, code);
		wbuf_put8(&e->w, (uint8_t)n);
		wbuf_putbytes(&e->w, p, n);
		p += n;
		len -= n;
	} while (len > 0);
	return 0;
}

int
dhcp_enc_opt8(struct dhcp_enc *e, uint8_t code, uint8_t v)
{
	return dhcp_enc_opt(e, code, &v, 1);
}

int
dhcp_enc_opt32(struct dhcp_enc *e, uint8_t code, uint32_t v)
{
	uint8_t b[4] = { (uint8_t)(v >> 24), (uint8_t)(v >> 16),
	    (uint8_t)(v >> 8), (uint8_t)v };

	return dhcp_enc_opt(e, code, b, 4);
}

ssize_t
dhcp_enc_finish(struct dhcp_enc *e)
{
	wbuf_put8(&e->w, DHO_END);
	while (!e->w.overflow && e->w.len < DHCP_BOOTP_MIN &&
	    e->w.len < e->limit)
		wbuf_put8(&e->w, DHO_PAD);
	return wbuf_len(&e->w);
}
