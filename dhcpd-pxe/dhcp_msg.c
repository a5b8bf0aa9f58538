// SPDX-License-Identifier: ISC
/*
 * DHCP message decoding (RFC 2131 §2, §4.1; RFC 2132 §9.3 overload;
 * RFC 3396 long options).  One rbuf cursor per field; every length is
 * checked against what remains before anything is read; all errors go
 * through one label.  Fixed fields are copied raw: nothing here assumes
 * sname or file end in NUL.
 */
#include <string.h>

#include "dhcpd-pxe/dhcp_msg.h"

void
dhcp_opt_iter_init(struct dhcp_opt_iter *it, const uint8_t *opts, size_t len,
    const uint8_t *file, const uint8_t *sname)
{
	memset(it, 0, sizeof(*it));
	rbuf_init(&it->cur, opts, len);
	it->file = file;
	it->sname = sname;
}

/* Moves to the next field that holds options; false when none is left. */
static bool
dhcp_iter_advance(struct dhcp_opt_iter *it)
{
	while (++it->stage < 3) {
		if (it->stage == 1 && (it->overload & 1) && it->file != NULL) {
			rbuf_init(&it->cur, it->file, 128);
			return true;
		}
		if (it->stage == 2 && (it->overload & 2) &&
		    it->sname != NULL) {
			rbuf_init(&it->cur, it->sname, 64);
			return true;
		}
	}
	return false;
}

int
dhcp_opt_next(struct dhcp_opt_iter *it, uint8_t *code, const uint8_t **val,
    size_t *len, const char **errstr)
{
	uint8_t c, l;

	for (;;) {
		if (it->stage >= 3)
			return 0;
		if (rbuf_get8(&it->cur, &c) == -1 || c == DHO_END) {
			/* A field may end without END (RFC 2131 §4.1). */
			if (!dhcp_iter_advance(it))
				return 0;
			continue;
		}
		if (c == DHO_PAD)
			continue;
		if (rbuf_get8(&it->cur, &l) == -1 ||
		    rbuf_ptr(&it->cur, l, val) == -1) {
			*errstr = "option runs past the end of its field";
			return -1;
		}
		if (c == DHO_OVERLOAD && it->stage == 0 && l == 1)
			it->overload = (*val)[0];
		*code = c;
		*len = l;
		return 1;
	}
}

/* Appends one option occurrence to the message's value store. */
static int
dhcp_msg_store(struct dhcp_msg *m, uint8_t code, const uint8_t *v, size_t len)
{
	if (len > sizeof(m->buf) - m->used)
		return -1;
	if (!m->has[code]) {
		m->has[code] = true;
		m->off[code] = (uint16_t)m->used;
	} else if ((size_t)m->off[code] + m->len[code] != m->used) {
		/*
		 * RFC 3396: repeated codes concatenate.  Another option came
		 * between: move this one's earlier bytes to the end first.
		 */
		if (m->len[code] > sizeof(m->buf) - m->used - len)
			return -1;
		memmove(m->buf + m->used, m->buf + m->off[code], m->len[code]);
		m->off[code] = (uint16_t)m->used;
		m->used += m->len[code];
	}
	memcpy(m->buf + m->used, v, len);
	m->used += len;
	m->len[code] += (uint16_t)len;
	return 0;
}

int
dhcp_msg_decode(const uint8_t *pkt, size_t len, struct dhcp_msg *m,
    const char **errstr)
{
	struct dhcp_opt_iter it;
	struct rbuf r;
	const uint8_t *v;
	uint32_t cookie;
	size_t vlen;
	uint8_t code;
	int n;

	memset(m, 0, offsetof(struct dhcp_msg, buf));
	m->used = 0;
	m->rawlen = len < sizeof(m->raw) ? len : sizeof(m->raw);
	memcpy(m->raw, pkt, m->rawlen);
	rbuf_init(&r, pkt, len);
	*errstr = "truncated header";
	if (rbuf_get8(&r, &m->op) == -1 || rbuf_get8(&r, &m->htype) == -1 ||
	    rbuf_get8(&r, &m->hlen) == -1 || rbuf_get8(&r, &m->hops) == -1 ||
	    rbuf_get32(&r, &m->xid) == -1 || rbuf_get16(&r, &m->secs) == -1 ||
	    rbuf_get16(&r, &m->flags) == -1 ||
	    rbuf_get32(&r, &m->ciaddr) == -1 ||
	    rbuf_get32(&r, &m->yiaddr) == -1 ||
	    rbuf_get32(&r, &m->siaddr) == -1 ||
	    rbuf_get32(&r, &m->giaddr) == -1 ||
	    rbuf_getbytes(&r, m->chaddr, sizeof(m->chaddr)) == -1 ||
	    rbuf_getbytes(&r, m->sname, sizeof(m->sname)) == -1 ||
	    rbuf_getbytes(&r, m->file, sizeof(m->file)) == -1 ||
	    rbuf_get32(&r, &cookie) == -1)
		goto bad;
	*errstr = "not a BOOTREQUEST";
	if (m->op != BOOTREQUEST)
		goto bad;
	*errstr = "not Ethernet";
	if (m->htype != 1 || m->hlen != 6)
		goto bad;
	*errstr = "bad magic cookie";
	if (cookie != DHCP_COOKIE)
		goto bad;
	dhcp_opt_iter_init(&it, r.p, r.rem, m->file, m->sname);
	while ((n = dhcp_opt_next(&it, &code, &v, &vlen, errstr)) == 1) {
		*errstr = "options too long";
		if (dhcp_msg_store(m, code, v, vlen) == -1)
			goto bad;
	}
	if (n == -1)
		goto bad;
	m->overload = it.overload;
	*errstr = "option 52 wrong length";
	if (m->has[DHO_OVERLOAD] && m->len[DHO_OVERLOAD] != 1)
		goto bad;
	*errstr = "option 53 missing";
	if (!m->has[DHO_MSG_TYPE])
		goto bad;
	*errstr = "option 53 wrong length";
	if (m->len[DHO_MSG_TYPE] != 1)
		goto bad;
	m->type = m->buf[m->off[DHO_MSG_TYPE]];
	*errstr = NULL;
	return 0;
bad:
	return -1;
}

const uint8_t *
dhcp_opt_get(const struct dhcp_msg *m, uint8_t code, size_t minlen,
    size_t *len)
{
	if (!m->has[code] || m->len[code] < minlen)
		return NULL;
	if (len != NULL)
		*len = m->len[code];
	return m->buf + m->off[code];
}

int
dhcp_opt_get32(const struct dhcp_msg *m, uint8_t code, uint32_t *v)
{
	const uint8_t *p;
	size_t len;

	if ((p = dhcp_opt_get(m, code, 4, &len)) == NULL || len != 4)
		return -1;
	*v = (uint32_t)p[0] << 24 | (uint32_t)p[1] << 16 |
	    (uint32_t)p[2] << 8 | p[3];
	return 0;
}

int
dhcp_opt_get16(const struct dhcp_msg *m, uint8_t code, uint16_t *v)
{
	const uint8_t *p;
	size_t len;

	if ((p = dhcp_opt_get(m, code, 2, &len)) == NULL || len != 2)
		return -1;
	*v = (uint16_t)(p[0] << 8 | p[1]);
	return 0;
}

const char *
dhcp_type_name(uint8_t type)
{
	static const char *const names[] = { "BOOTP", "DHCPDISCOVER",
	    "DHCPOFFER", "DHCPREQUEST", "DHCPDECLINE", "DHCPACK", "DHCPNAK",
	    "DHCPRELEASE", "DHCPINFORM" };

	return type < sizeof(names) / sizeof(names[0]) ? names[type] :
	    "DHCP(unknown)";
}
