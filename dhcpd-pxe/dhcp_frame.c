// SPDX-License-Identifier: ISC
/* IPv4 (RFC 791) and UDP (RFC 768) headers with their checksums. */
#include <string.h>

#include "common/buf.h"
#include "dhcpd-pxe/dhcp_frame.h"

static uint32_t
dhcp_sum(uint32_t sum, const uint8_t *p, size_t len)
{
	size_t i;

	for (i = 0; i + 1 < len; i += 2)
		sum += (uint32_t)(p[i] << 8 | p[i + 1]);
	if (len & 1)
		sum += (uint32_t)p[len - 1] << 8;
	return sum;
}

static uint16_t
dhcp_fold(uint32_t sum)
{
	while (sum >> 16)
		sum = (sum & 0xffff) + (sum >> 16);
	return (uint16_t)~sum;
}

uint16_t
dhcp_frame_cksum(const uint8_t *p, size_t len)
{
	return dhcp_fold(dhcp_sum(0, p, len));
}

ssize_t
dhcp_frame(uint8_t *buf, size_t cap, uint32_t src, uint32_t dst,
    uint16_t sport, uint16_t dport, const uint8_t *payload, size_t len)
{
	struct wbuf w;
	uint32_t sum;
	uint16_t ulen = (uint16_t)(8 + len), ck;

	if (len > 0xffff - DHCP_FRAME_HDR || cap < DHCP_FRAME_HDR + len)
		return -1;
	wbuf_init(&w, buf, cap);
	wbuf_put8(&w, 0x45);		/* IPv4, 5 words */
	wbuf_put8(&w, 0x10);		/* low delay, as ISC dhcpd */
	wbuf_put16(&w, (uint16_t)(DHCP_FRAME_HDR + len));
	wbuf_put16(&w, 0);		/* id */
	wbuf_put16(&w, 0);		/* no fragments */
	wbuf_put8(&w, 64);		/* TTL */
	wbuf_put8(&w, 17);		/* UDP */
	wbuf_put16(&w, 0);		/* checksum, below */
	wbuf_put32(&w, src);
	wbuf_put32(&w, dst);
	ck = dhcp_frame_cksum(buf, 20);
	buf[10] = (uint8_t)(ck >> 8);
	buf[11] = (uint8_t)ck;
	wbuf_put16(&w, sport);
	wbuf_put16(&w, dport);
	wbuf_put16(&w, ulen);
	wbuf_put16(&w, 0);
	wbuf_putbytes(&w, payload, len);
	/* UDP checksum over the pseudo-header, header and data. */
	sum = dhcp_sum(0, buf + 12, 8) + 17 + ulen;
	sum = dhcp_sum(sum, buf + 20, 8 + len);
	ck = dhcp_fold(sum);
	if (ck == 0)
		ck = 0xffff;
	buf[26] = (uint8_t)(ck >> 8);
	buf[27] = (uint8_t)ck;
	return wbuf_len(&w);
}
