// SPDX-License-Identifier: ISC
/*
 * libFuzzer harness over netkexec's TFTP client state machine.  Byte 0
 * picks the options asked for and the size limit; then each record is a
 * length byte (0: a timer expiry), a port byte (odd: another transfer ID)
 * and that many packet bytes.  Every action must stay within its bounds:
 * what is sent fits the buffers, file data points into the packet and is at
 * most one block, the limit holds, and a finished transfer stays finished.
 */
#include <stdint.h>
#include <stdlib.h>
#include <string.h>

#include "netkexec/tftp_client.h"

int	LLVMFuzzerTestOneInput(const uint8_t *, size_t);

static void
check(const struct tftpc *c, const struct tftpc_action *a,
    const uint8_t *pkt, size_t len, uint64_t *total)
{
	if (a->send != NULL && (a->sendlen == 0 || a->sendlen > TFTPC_OUTMAX))
		abort();
	if (a->datalen > 0) {
		if (pkt == NULL || a->data < pkt ||
		    a->data + a->datalen > pkt + len || a->datalen > c->blksize)
			abort();
		*total += a->datalen;
	}
	if (*total != c->received ||
	    (c->conf.maxsize != 0 && c->received > c->conf.maxsize))
		abort();
}

int
LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
	struct tftpc_conf conf = { .file = "vmlinuz", .timeout_ms = 1000,
	    .retries = 2 };
	struct tftpc c;
	struct tftpc_action a;
	enum tftpc_status end = TFTPC_CONTINUE;
	uint64_t total = 0;
	size_t n;
	uint16_t port;

	if (size == 0)
		return 0;
	conf.blksize = (data[0] & 1) ? 16 : 0;
	conf.tsize = (data[0] & 2) != 0;
	conf.maxsize = (data[0] & 4) ? 100 : 0;
	data++;
	size--;
	if (tftpc_start(&c, &conf, &a) == -1)
		abort();
	while (size >= 2) {
		n = data[0];
		port = (data[1] & 1) ? 2000 : 1000;
		data += 2;
		size -= 2;
		if (n > size)
			n = size;
		if (n == 0) {
			tftpc_on_timeout(&c, &a);
			check(&c, &a, NULL, 0, &total);
		} else {
			tftpc_on_packet(&c, data, n, port, &a);
			check(&c, &a, data, n, &total);
		}
		if (end != TFTPC_CONTINUE && a.status != end)
			abort();	/* finished must stay finished */
		if (end == TFTPC_CONTINUE && a.status == TFTPC_FAIL &&
		    a.errstr == NULL)
			abort();	/* a failure says why */
		if (a.status != TFTPC_CONTINUE)
			end = a.status;
		data += n;
		size -= n;
	}
	return 0;
}
