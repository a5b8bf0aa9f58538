// SPDX-License-Identifier: ISC
/*
 * Building OFFER, ACK and NAK messages.  Options go out in this order, so
 * that a small budget (option 57) drops the least useful: message type,
 * server identifier, lease time, T1 and T2 (RFC 2131 §4.4.5: 0.5 and
 * 0.875 of the lease), subnet mask, then for PXE clients options 60, 97
 * and 43, then the options the client asked for in option 55, in its
 * order (RFC 2132 §9.8), or every configured option if it sent no list.
 * Destination per RFC 2131 §4.1.
 */
#include <string.h>

#include "dhcpd-pxe/dhcp_enc.h"
#include "dhcpd-pxe/dhcp_reply.h"

/* Options the server computes itself, never copied from the config. */
static bool
dhcp_managed(uint8_t code)
{
	switch (code) {
	case DHO_PAD: case DHO_END: case DHO_SUBNET_MASK: case DHO_VENDOR:
	case DHO_REQ_ADDR: case DHO_LEASE_TIME: case DHO_OVERLOAD:
	case DHO_MSG_TYPE: case DHO_SERVER_ID: case DHO_PRL:
	case DHO_MESSAGE: case DHO_MAX_SIZE: case DHO_T1: case DHO_T2:
	case DHO_VENDOR_CLASS: case DHO_CLIENT_ID: case DHO_PXE_UUID:
		return true;
	default:
		return false;
	}
}

static void
dhcp_dest(const struct dhcp_ctx *x, struct dhcp_result *r, uint32_t yiaddr)
{
	const struct dhcp_msg *m = x->m;

	r->dst_port = DHCP_CLIENT_PORT;
	if (m->giaddr != 0) {
		r->dest = DHCP_DST_RELAY;
		r->dst_ip = m->giaddr;
		r->dst_port = DHCP_SERVER_PORT;
	} else if (r->type == DHCPNAK) {
		r->dest = DHCP_DST_BROADCAST;
		r->dst_ip = 0xffffffffu;
	} else if (m->ciaddr != 0) {
		r->dest = DHCP_DST_CIADDR;
		r->dst_ip = m->ciaddr;
	} else if (m->flags & DHCP_FLAG_BROADCAST) {
		r->dest = DHCP_DST_BROADCAST;
		r->dst_ip = 0xffffffffu;
	} else {
		r->dest = DHCP_DST_CHADDR;
		r->dst_ip = yiaddr;
	}
}

static void
dhcp_hdr_from(const struct dhcp_ctx *x, struct dhcp_hdr *h, uint32_t yiaddr)
{
	memset(h, 0, sizeof(*h));
	h->xid = x->m->xid;
	h->flags = x->m->flags;
	h->giaddr = x->m->giaddr;
	h->ciaddr = x->m->ciaddr;
	h->yiaddr = yiaddr;
	memcpy(h->chaddr, x->m->chaddr, sizeof(h->chaddr));
}

/* The PXE options: 60 echo (or the config's), 97 UUID echo, 43. */
static void
dhcp_build_pxe(const struct dhcp_ctx *x, const struct dc_chain *ch,
    struct dhcp_enc *e)
{
	const struct dhcpconf *c = x->srv->conf;
	const struct dc_opt *o;
	uint8_t v43[DC_OPT_MAX];
	size_t n;

	if ((o = dhcpconf_option(c, ch, DC_SPACE_DHCP, DHO_VENDOR_CLASS))
	    != NULL)
		dhcp_enc_opt(e, DHO_VENDOR_CLASS, o->data, o->len);
	else if (x->cl.http)
		dhcp_enc_opt(e, DHO_VENDOR_CLASS, "HTTPClient", 10);
	else if (x->cl.pxe)
		dhcp_enc_opt(e, DHO_VENDOR_CLASS, "PXEClient", 9);
	if (x->cl.uuid != NULL)
		dhcp_enc_opt(e, DHO_PXE_UUID, x->cl.uuid, x->cl.uuidlen);
	if ((n = dhcp_pxe_vendor(c, ch, v43, sizeof(v43))) > 0)
		dhcp_enc_opt(e, DHO_VENDOR, v43, n);
	else if ((o = dhcpconf_option(c, ch, DC_SPACE_DHCP, DHO_VENDOR))
	    != NULL)
		dhcp_enc_opt(e, DHO_VENDOR, o->data, o->len);
}

static void
dhcp_build_opts(const struct dhcp_ctx *x, const struct dc_chain *ch,
    struct dhcp_enc *e)
{
	const struct dhcpconf *c = x->srv->conf;
	const struct dc_opt *o;
	const uint8_t *prl;
	size_t n, i;

	if ((prl = dhcp_opt_get(x->m, DHO_PRL, 1, &n)) != NULL) {
		for (i = 0; i < n; i++)
			if (!dhcp_managed(prl[i]) && (o = dhcpconf_option(c,
			    ch, DC_SPACE_DHCP, prl[i])) != NULL)
				dhcp_enc_opt(e, o->code, o->data, o->len);
		return;
	}
	for (i = 1; i < 255; i++)
		if (!dhcp_managed((uint8_t)i) && (o = dhcpconf_option(c, ch,
		    DC_SPACE_DHCP, (uint8_t)i)) != NULL)
			dhcp_enc_opt(e, o->code, o->data, o->len);
}

void
dhcp_build(const struct dhcp_ctx *x, uint8_t type, uint32_t yiaddr, int pool,
    uint32_t lt, struct dhcp_result *r)
{
	const struct dhcpconf *c = x->srv->conf;
	struct dc_chain ch;
	struct dhcp_hdr h;
	struct dhcp_enc e;
	const char *s;
	uint16_t max = 0;
	ssize_t len;

	dhcp_chain(x, pool, &ch);
	dhcp_hdr_from(x, &h, yiaddr);
	if (!dhcpconf_next_server(c, &ch, &h.siaddr))
		h.siaddr = 0;
	if ((s = dhcpconf_filename(c, &ch)) != NULL)
		strlcpy(h.file, s, sizeof(h.file));
	if ((s = dhcpconf_server_name(c, &ch)) != NULL)
		strlcpy(h.sname, s, sizeof(h.sname));
	(void)dhcp_opt_get16(x->m, DHO_MAX_SIZE, &max);
	dhcp_enc_init(&e, r->pkt, sizeof(r->pkt), max);
	dhcp_enc_header(&e, &h);
	dhcp_enc_opt8(&e, DHO_MSG_TYPE, type);
	dhcp_enc_opt32(&e, DHO_SERVER_ID, x->srv->ifaddr);
	if (lt > 0) {
		dhcp_enc_opt32(&e, DHO_LEASE_TIME, lt);
		dhcp_enc_opt32(&e, DHO_T1, lt / 2);
		dhcp_enc_opt32(&e, DHO_T2, (uint32_t)((uint64_t)lt * 7 / 8));
	}
	dhcp_enc_opt32(&e, DHO_SUBNET_MASK, dhcpconf_netmask(c, &ch, x->sn));
	dhcp_build_pxe(x, &ch, &e);
	dhcp_build_opts(x, &ch, &e);
	len = dhcp_enc_finish(&e);
	r->type = type;
	r->yiaddr = yiaddr;
	r->len = len < 0 ? 0 : (size_t)len;
	dhcp_dest(x, r, yiaddr);
	if (len < 0)
		r->dest = DHCP_DST_NONE;
}

void
dhcp_build_nak(const struct dhcp_ctx *x, const char *why,
    struct dhcp_result *r)
{
	struct dhcp_hdr h;
	struct dhcp_enc e;
	ssize_t len;

	dhcp_hdr_from(x, &h, 0);
	h.ciaddr = 0;
	/* RFC 2131 §4.3.2: a relay must broadcast a NAK. */
	if (x->m->giaddr != 0)
		h.flags |= DHCP_FLAG_BROADCAST;
	dhcp_enc_init(&e, r->pkt, sizeof(r->pkt), 0);
	dhcp_enc_header(&e, &h);
	dhcp_enc_opt8(&e, DHO_MSG_TYPE, DHCPNAK);
	dhcp_enc_opt32(&e, DHO_SERVER_ID, x->srv->ifaddr);
	dhcp_enc_opt(&e, DHO_MESSAGE, why, strlen(why));
	len = dhcp_enc_finish(&e);
	r->type = DHCPNAK;
	r->why = why;
	r->len = len < 0 ? 0 : (size_t)len;
	dhcp_dest(x, r, 0);
}
