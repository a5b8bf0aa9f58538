// SPDX-License-Identifier: ISC
/*
 * DHCP messages of fl_dhcp.h.  The option bytes below are those of the
 * two captured DISCOVERs from option 53 to option 175; options 61 and 97,
 * which carry the client's identity, follow them in the capture and are
 * written from the request.
 */
#include <string.h>

#include "common/buf.h"
#include "fleet/fl_dhcp.h"

#define BOOTP_FIXED	236
#define COOKIE		0x63825363u

/* qemu-ipxe-bios-discover.hex, options 53 .. 175 */
static const uint8_t opt_bios[] = {
	0x35, 0x01, 0x01, 0x39, 0x02, 0x05, 0xc0, 0x5d, 0x02, 0x00, 0x00,
	0x5e, 0x03, 0x01, 0x02, 0x01, 0x3c, 0x20, 'P', 'X', 'E', 'C', 'l',
	'i', 'e', 'n', 't', ':', 'A', 'r', 'c', 'h', ':', '0', '0', '0', '0',
	'0', ':', 'U', 'N', 'D', 'I', ':', '0', '0', '2', '0', '0', '1',
	0x4d, 0x04, 'i', 'P', 'X', 'E',
	0x37, 0x17, 0x01, 0x03, 0x06, 0x07, 0x0c, 0x0f, 0x11, 0x1a, 0x2b,
	0x3c, 0x42, 0x43, 0x77, 0x80, 0x81, 0x82, 0x83, 0x84, 0x85, 0x86,
	0x87, 0xaf, 0xcb,
	0xaf, 0x30, 0xb1, 0x05, 0x01, 0x1a, 0xf4, 0x10, 0x00, 0xeb, 0x03,
	0x01, 0x00, 0x00, 0x17, 0x01, 0x01, 0x22, 0x01, 0x01, 0x13, 0x01,
	0x01, 0x11, 0x01, 0x01, 0x27, 0x01, 0x01, 0x19, 0x01, 0x01, 0x29,
	0x01, 0x01, 0x10, 0x01, 0x02, 0x21, 0x01, 0x01, 0x15, 0x01, 0x01,
	0x18, 0x01, 0x01, 0x12, 0x01, 0x01
};

/* qemu-ipxe-efi-discover.hex, options 53 .. 175 */
static const uint8_t opt_efi[] = {
	0x35, 0x01, 0x01, 0x39, 0x02, 0x05, 0xc0, 0x5d, 0x02, 0x00, 0x07,
	0x5e, 0x03, 0x01, 0x03, 0x0a, 0x3c, 0x20, 'P', 'X', 'E', 'C', 'l',
	'i', 'e', 'n', 't', ':', 'A', 'r', 'c', 'h', ':', '0', '0', '0', '0',
	'7', ':', 'U', 'N', 'D', 'I', ':', '0', '0', '3', '0', '1', '0',
	0x4d, 0x04, 'i', 'P', 'X', 'E',
	0x37, 0x17, 0x01, 0x03, 0x06, 0x07, 0x0c, 0x0f, 0x11, 0x1a, 0x2b,
	0x3c, 0x42, 0x43, 0x77, 0x80, 0x81, 0x82, 0x83, 0x84, 0x85, 0x86,
	0x87, 0xaf, 0xcb,
	0xaf, 0x24, 0xb1, 0x05, 0x01, 0x1a, 0xf4, 0x10, 0x00, 0xeb, 0x03,
	0x01, 0x00, 0x00, 0x17, 0x01, 0x01, 0x24, 0x01, 0x01, 0x13, 0x01,
	0x01, 0x11, 0x01, 0x01, 0x27, 0x01, 0x01, 0x29, 0x01, 0x01, 0x15,
	0x01, 0x01, 0x12, 0x01, 0x01
};

int
fl_arch_parse(const char *s, enum fl_arch *a)
{
	if (strcmp(s, "bios") == 0)
		*a = FL_ARCH_BIOS;
	else if (strcmp(s, "efi") == 0)
		*a = FL_ARCH_EFI;
	else
		return -1;
	return 0;
}

ssize_t
fl_dhcp_build(const struct fl_dhcp_req *q, uint8_t *buf, size_t cap)
{
	const uint8_t *opt = q->arch == FL_ARCH_EFI ? opt_efi : opt_bios;
	size_t optlen = q->arch == FL_ARCH_EFI ? sizeof(opt_efi) :
	    sizeof(opt_bios);
	struct wbuf w;
	uint8_t *o;

	wbuf_init(&w, buf, cap);
	wbuf_put8(&w, 1);		/* BOOTREQUEST */
	wbuf_put8(&w, 1);		/* Ethernet */
	wbuf_put8(&w, MAC_LEN);
	wbuf_put8(&w, 0);		/* hops */
	wbuf_put32(&w, q->xid);
	wbuf_put16(&w, q->secs);
	wbuf_put16(&w, 0);		/* flags: iPXE asks unicast */
	if ((o = wbuf_reserve(&w, 16)) != NULL)
		memset(o, 0, 16);	/* ciaddr yiaddr siaddr giaddr */
	wbuf_putbytes(&w, q->mac, MAC_LEN);
	if ((o = wbuf_reserve(&w, BOOTP_FIXED - 34)) != NULL)
		memset(o, 0, BOOTP_FIXED - 34);	/* chaddr pad, sname, file */
	wbuf_put32(&w, COOKIE);
	if ((o = wbuf_reserve(&w, optlen)) != NULL) {
		memcpy(o, opt, optlen);
		o[2] = (uint8_t)q->type;	/* option 53's value */
	}
	wbuf_put8(&w, 61);
	wbuf_put8(&w, 1 + MAC_LEN);
	wbuf_put8(&w, 1);
	wbuf_putbytes(&w, q->mac, MAC_LEN);
	wbuf_put8(&w, 97);
	wbuf_put8(&w, 1 + FL_UUID_LEN);
	wbuf_put8(&w, 0);
	wbuf_putbytes(&w, q->uuid, FL_UUID_LEN);
	if (q->type == FL_DHCP_REQUEST) {
		wbuf_put8(&w, 54);
		wbuf_put8(&w, 4);
		wbuf_put32(&w, q->server);
		wbuf_put8(&w, 50);
		wbuf_put8(&w, 4);
		wbuf_put32(&w, q->addr);
	}
	wbuf_put8(&w, 255);
	return wbuf_len(&w);
}

/* One option of a reply into r. */
static int
reply_opt(struct fl_dhcp_reply *r, uint8_t code, struct rbuf *v)
{
	const char *s;
	uint8_t t;
	char ip[IP4_STRLEN];

	switch (code) {
	case 53:
		if (v->rem != 1 || rbuf_get8(v, &t) == -1)
			return -1;
		r->type = t;
		break;
	case 54:
		if (v->rem == 4)
			rbuf_get32(v, &r->server);
		break;
	case 60:
		r->pxeclient = v->rem >= 9 && memcmp(v->p, "PXEClient", 9) == 0;
		break;
	case 43:
		r->menu = true;
		break;
	case 66:
		if (v->rem > 0 && v->rem < sizeof(ip)) {
			memcpy(ip, v->p, v->rem);
			ip[v->rem] = '\0';
			if (ip4_parse(ip, &r->tftp) == -1)
				r->tftp = 0;
		}
		break;
	case 67:
		/* may end in a NUL or not; no NUL inside */
		s = (const char *)v->p;
		if (v->rem == 0 || v->rem >= sizeof(r->file) ||
		    memchr(s, '\0', v->rem - 1) != NULL)
			break;
		memcpy(r->file, s, v->rem);
		r->file[v->rem] = '\0';
		break;
	}
	return 0;
}

static int
reply_opts(struct rbuf *o, struct fl_dhcp_reply *r, const char **errstr)
{
	struct rbuf v;
	uint8_t code, len;

	while (rbuf_get8(o, &code) == 0 && code != 255) {
		if (code == 0)
			continue;
		if (rbuf_get8(o, &len) == -1 || rbuf_sub(o, len, &v) == -1) {
			*errstr = "truncated option";
			return -1;
		}
		if (reply_opt(r, code, &v) == -1) {
			*errstr = "option 53 wrong length";
			return -1;
		}
	}
	if (r->type == 0) {
		*errstr = "no option 53";
		return -1;
	}
	return 0;
}

int
fl_dhcp_parse(const uint8_t *p, size_t len, struct fl_dhcp_reply *rp,
    const char **errstr)
{
	struct fl_dhcp_reply r;
	struct rbuf b;
	const uint8_t *file;
	uint32_t cookie;
	uint8_t op, htype, hlen;

	memset(&r, 0, sizeof(r));
	rbuf_init(&b, p, len);
	*errstr = "truncated header";
	if (rbuf_get8(&b, &op) == -1 || rbuf_get8(&b, &htype) == -1 ||
	    rbuf_get8(&b, &hlen) == -1 || rbuf_skip(&b, 1) == -1 ||
	    rbuf_get32(&b, &r.xid) == -1 || rbuf_skip(&b, 8) == -1 ||
	    rbuf_get32(&b, &r.yiaddr) == -1 ||
	    rbuf_get32(&b, &r.siaddr) == -1 || rbuf_skip(&b, 4) == -1 ||
	    rbuf_getbytes(&b, r.chaddr, MAC_LEN) == -1 ||
	    rbuf_skip(&b, 10 + 64) == -1 ||
	    rbuf_ptr(&b, FL_DHCP_FILEMAX, &file) == -1 ||
	    rbuf_get32(&b, &cookie) == -1)
		return -1;
	if (op != 2 || htype != 1 || hlen != MAC_LEN) {
		*errstr = "not an Ethernet BOOTREPLY";
		return -1;
	}
	if (cookie != COOKIE) {
		*errstr = "no magic cookie";
		return -1;
	}
	if (memchr(file, '\0', FL_DHCP_FILEMAX) == NULL) {
		*errstr = "file field without NUL";
		return -1;
	}
	memcpy(r.file, file, FL_DHCP_FILEMAX);
	if (reply_opts(&b, &r, errstr) == -1)
		return -1;
	*rp = r;
	return 0;
}
