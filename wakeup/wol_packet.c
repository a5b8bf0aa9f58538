// SPDX-License-Identifier: ISC
/*
 * Magic packet encoding (the AMD "Magic Packet" format as ether-wake sends
 * it) and SecureOn password parsing.  Nothing here knows about sockets: the
 * shell hands the bytes to an AF_PACKET or UDP socket.
 */
#include <stdlib.h>
#include <string.h>

#include "wol_packet.h"

/* Up to `max' groups of 1-3 decimal or 1-2 hex digits split by `sep'. */
static int
groups(const char *s, char sep, int base, uint8_t *out, size_t max,
    size_t *n)
{
	size_t i = 0;
	int v, d, nd;

	for (;;) {
		if (i == max)
			return -1;
		v = 0;
		for (nd = 0; (d = addr_hexdigit(*s)) != -1 && d < base; nd++, s++)
			v = v * base + d;
		if (nd == 0 || nd > (base == 16 ? 2 : 3) || v > 255)
			return -1;
		out[i++] = (uint8_t)v;
		if (*s == '\0')
			break;
		if (*s++ != sep)
			return -1;
	}
	*n = i;
	return 0;
}

int
wol_pw_parse(const char *s, struct wol_pw *pw, const char **errstr)
{
	uint8_t b[WOL_PW_MAX];
	size_t n;

	if (groups(s, ':', 16, b, sizeof(b), &n) == 0 && (n == 4 || n == 6))
		goto ok;
	if (groups(s, '.', 10, b, 4, &n) == 0 && n == 4)
		goto ok;
	*errstr = "password must be 6 hex bytes (00:11:22:33:44:55) or 4 "
	    "bytes (a:b:c:d in hex, or 192.0.2.1 in decimal)";
	return -1;
ok:
	memcpy(pw->b, b, n);
	pw->len = n;
	return 0;
}

void
wol_payload_put(struct wbuf *w, const uint8_t target[MAC_LEN],
    const struct wol_pw *pw)
{
	static const uint8_t sync[6] = { 0xff, 0xff, 0xff, 0xff, 0xff, 0xff };
	int i;

	wbuf_putbytes(w, sync, sizeof(sync));
	for (i = 0; i < 16; i++)
		wbuf_putbytes(w, target, MAC_LEN);
	if (pw != NULL && pw->len > 0)
		wbuf_putbytes(w, pw->b, pw->len);
}

void
wol_frame_put(struct wbuf *w, const uint8_t target[MAC_LEN],
    const uint8_t src[MAC_LEN], int broadcast, const struct wol_pw *pw)
{
	static const uint8_t bcast[MAC_LEN] = {
		0xff, 0xff, 0xff, 0xff, 0xff, 0xff
	};

	wbuf_putbytes(w, broadcast ? bcast : target, MAC_LEN);
	wbuf_putbytes(w, src, MAC_LEN);
	wbuf_put16(w, WOL_ETHERTYPE);
	wol_payload_put(w, target, pw);
}
