// SPDX-License-Identifier: ISC
/*
 * libFuzzer harness over dhcpd-pxe's ping-check decoder: any bytes as a
 * raw ICMP socket would read them (IPv4 header, then ICMP).  A decoded
 * echo reply must have a valid checksum and lie within the input; the
 * wait it names is looked up in a table the inputs fill and drain.
 */
#include <stdint.h>
#include <stdlib.h>
#include <string.h>

#include "dhcpd-pxe/dhcp_frame.h"
#include "dhcpd-pxe/dhcp_ping.h"

int	LLVMFuzzerTestOneInput(const uint8_t *, size_t);

static struct dhcp_ping v[4];
static struct dhcp_ping_table t;

int
LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
	struct dhcp_ping *p;
	const char *why;
	uint32_t src;
	uint16_t id, seq;
	size_t hl;

	if (t.v == NULL)
		dhcp_ping_init(&t, v, 4);
	if (dhcp_ping_reply(data, size, &src, &id, &seq, &why) == -1) {
		if (why == NULL)
			abort();
		return 0;
	}
	hl = (size_t)(data[0] & 15) * 4;
	if (hl + 8 > size || dhcp_frame_cksum(data + hl,
	    (size_t)(data[2] << 8 | data[3]) - hl) != 0)
		abort();
	if ((p = dhcp_ping_by_reply(&t, src, seq)) != NULL)
		dhcp_ping_take(&t, p, NULL);
	else if (dhcp_ping_add(&t, src, data, seq) == NULL)
		dhcp_ping_take(&t, dhcp_ping_due(&t, INT64_MAX), NULL);
	return 0;
}
