/* SPDX-License-Identifier: ISC */
/*
 * Wake-on-LAN magic packets as ether-wake(8) builds them: six 0xff bytes,
 * the target's MAC sixteen times, then an optional SecureOn password of 4
 * or 6 bytes.  Over Ethernet the payload follows a header with ethertype
 * 0x0842 (destination the target's MAC, or ff:ff:ff:ff:ff:ff with -b); over
 * UDP it is the datagram as is.  Also parses the password in ether-wake's
 * two spellings.  Pure: writes into caller storage through a wbuf.
 */
#ifndef WOL_PACKET_H
#define WOL_PACKET_H

#include <stddef.h>
#include <stdint.h>

#include "common/addr.h"
#include "common/buf.h"

#define WOL_ETHERTYPE	0x0842
#define WOL_PW_MAX	6
#define WOL_PAYLOAD_MAX	(6 + 16 * MAC_LEN + WOL_PW_MAX)	/* 108 */
#define WOL_FRAME_MAX	(14 + WOL_PAYLOAD_MAX)			/* 122 */

struct wol_pw {
	uint8_t	b[WOL_PW_MAX];
	size_t	len;			/* 0, 4 or 6 */
};

/*
 * The password as ether-wake takes it: six hex bytes "00:11:22:33:44:55"
 * or four "a:b:c:d", or four decimal bytes "192.0.2.1".  Returns 0, or -1
 * with *errstr set and *pw untouched.
 */
int	wol_pw_parse(const char *s, struct wol_pw *pw, const char **errstr);

/* Appends the magic payload for `target' (102, 106 or 108 bytes). */
void	wol_payload_put(struct wbuf *, const uint8_t target[MAC_LEN],
	    const struct wol_pw *pw);

/*
 * Appends a whole Ethernet frame: dst, src, 0x0842, payload.  dst is the
 * target itself unless `broadcast'; src is the sending interface's MAC.
 * The caller checks wbuf_len() for overflow.
 */
void	wol_frame_put(struct wbuf *, const uint8_t target[MAC_LEN],
	    const uint8_t src[MAC_LEN], int broadcast, const struct wol_pw *pw);

#endif
