// SPDX-License-Identifier: ISC
/*
 * libFuzzer harness over the load generator's readers (fleet/): byte 0
 * picks the target, then each record is a 2-byte length (0: a timer) and
 * that many bytes.
 *   even: the decoders alone: fl_net_parse, fl_dhcp_parse on the bytes
 *         and on the frame's UDP payload, and a pxelinux TFTP read fed
 *         every record as a packet;
 *   odd:  a fleet of two clients powered on, fed every record as a frame
 *         and every timer record as 1.5 s passing.
 * What the clients send must be whole frames that read back, and their
 * records fit their bounds.
 */
#include <stdint.h>
#include <stdlib.h>
#include <string.h>

#include "fleet/fl_fleet.h"

int	LLVMFuzzerTestOneInput(const uint8_t *, size_t);

static void
check_out(const struct fl_out *o)
{
	struct fl_frame f;
	const char *errstr;
	size_t i;

	if (o->nframes > FL_OUT_FRAMES || o->nrecs > FL_OUT_RECS)
		abort();
	for (i = 0; i < o->nframes; i++)
		if (o->flen[i] == 0 || o->flen[i] > FL_FRAME_MAX ||
		    fl_net_parse(o->frame[i], o->flen[i], &f, &errstr) == -1)
			abort();
	for (i = 0; i < o->nrecs; i++)
		if (memchr(o->rec[i].result, '\0', FL_WHYMAX) == NULL)
			abort();
}

static void
decoders(const uint8_t *p, size_t n, struct fl_tftp *t)
{
	struct fl_dhcp_reply r;
	struct fl_tftp_act a;
	struct fl_frame f;
	const char *errstr;

	fl_dhcp_parse(p, n, &r, &errstr);
	if (fl_net_parse(p, n, &f, &errstr) == 0 && f.kind == FL_F_UDP)
		fl_dhcp_parse(f.data, f.len, &r, &errstr);
	fl_tftp_on_packet(t, p, n, 1000, 5, &a);
	if (a.datalen > t->blksize || (a.send != NULL &&
	    a.sendlen > FL_TFTP_OUTMAX))
		abort();
}

int
LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
	static const uint8_t base[MAC_LEN] = { 0x52, 0x54, 0, 0xf1, 0, 1 };
	static struct fl_client v[2];
	static struct fl_out o;
	struct fl_conf conf = { .sched = FL_S_IPXE, .limit = 600000000 };
	struct fl_tftp_conf tc = { .file = "f", .wait = FL_W_PXELINUX,
	    .blksize = 1408, .windowsize = 4 };
	struct fl_tftp t;
	struct fl_tftp_act a;
	struct fl_fleet fl;
	size_t mt[16], it[16], hp[2], ps[2], n, i;
	uint8_t mac[MAC_LEN], uuid[FL_UUID_LEN];
	const char *errstr;
	int64_t now = 0;
	bool fleet;

	if (size == 0)
		return 0;
	fleet = data[0] & 1;
	data++, size--;
	fl_tftp_start(&t, &tc, 1, &a);
	for (i = 0; i < 2; i++) {
		fl_fleet_mac(base, i, mac);
		fl_fleet_uuid(mac, false, uuid);
		fl_client_init(&v[i], &conf, i, mac, uuid, 1);
	}
	if (fl_fleet_init(&fl, v, 2, mt, it, hp, ps, &errstr) == -1)
		abort();
	for (i = 0; i < 2; i++)
		fl_fleet_power(&fl, i, 0, 0);
	while (size >= 2) {
		n = (size_t)data[0] << 8 | data[1];
		data += 2, size -= 2;
		if (n > size)
			n = size;
		if (!fleet)
			decoders(data, n, &t);
		else if (n == 0) {
			now += 1500000;
			while (fl_fleet_expire(&fl, now, &o))
				check_out(&o);
		} else {
			fl_fleet_frame(&fl, data, n, now, &o);
			check_out(&o);
		}
		data += n, size -= n;
	}
	return 0;
}
