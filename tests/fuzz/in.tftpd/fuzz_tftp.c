// SPDX-License-Identifier: ISC
/*
 * libFuzzer harness over in.tftpd's wire core: the input is a request
 * followed by a script of client events.  Byte 0 picks the server policy
 * and direction hints; then a 2-byte length and that many request bytes go
 * through tftp_req_parse(), tftp_negotiate() and tftp_path_resolve(); the
 * rest drives a transfer state machine: each event byte is a timeout, an
 * end-of-file for the sender, the client's port closing, or a packet (a
 * length byte and the bytes) through tftp_pkt_parse() and
 * tftp_xfer_on_packet().  DATA payloads also pass through the netascii
 * decoder.  A request with RFC 2090's multicast option drives a
 * multicast session core (tftp_mcast) instead: clients join, ACK, send
 * ERRORs, time out, each OACK is built; and the file name goes through
 * --mcast-range's parser.  Invariants are asserted.
 */
#include <assert.h>
#include <stddef.h>
#include <stdint.h>
#include <string.h>

#include "in.tftpd/tftp_ascii.h"
#include "in.tftpd/tftp_mcast.h"
#include "in.tftpd/tftp_path.h"
#include "in.tftpd/tftp_proto.h"
#include "in.tftpd/tftp_xfer.h"

int LLVMFuzzerTestOneInput(const uint8_t *, size_t);

static void
check_act(const struct tftp_xfer *x, const struct tftp_act *a)
{
	if (a->kind == TFTP_ACT_SEND && x->sender && !a->oack) {
		assert(a->count >= 1 && a->count <= x->windowsize);
		assert(a->first == x->acked + 1);
		assert(x->last == 0 || a->first + a->count - 1 <= x->last);
	}
	assert(x->acked <= x->sent || !x->sender);
}

static void
run_events(struct tftp_xfer *x, const uint8_t *p, size_t len)
{
	struct tftp_ascii st;
	struct tftp_act a;
	struct tftp_pkt pkt;
	uint8_t out[256 + 1];
	const char *errstr;
	size_t n, steps = 0;

	tftp_ascii_init(&st);
	tftp_xfer_start(x, &a);
	check_act(x, &a);
	while (len > 0 && steps++ < 4096 && (a.kind == TFTP_ACT_SEND ||
	    a.kind == TFTP_ACT_WAIT)) {
		if (p[0] < 16) {
			tftp_xfer_on_timeout(x, &a);
			p++, len--;
		} else if (p[0] < 32 && x->sender && x->last == 0) {
			tftp_xfer_eof(x, x->sent > 0 ? x->sent : 1,
			    (uint16_t)(p[0] % x->blksize));
			p++, len--;
			continue;
		} else if (p[0] == 32) {
			tftp_xfer_on_gone(x, &a);
			assert(a.kind == TFTP_ACT_DONE ||
			    a.kind == TFTP_ACT_ABORT);
			assert(a.kind != TFTP_ACT_DONE || !x->sender ||
			    (x->last != 0 && x->acked == x->last));
			p++, len--;
		} else {
			n = len > 1 ? p[1] : 0;
			if (n > len - (len > 1 ? 2 : 1))
				n = len - (len > 1 ? 2 : 1);
			p += len > 1 ? 2 : 1;
			len -= len > 1 ? 2 : 1;
			if (tftp_pkt_parse(p, n, &pkt, &errstr) == 0) {
				tftp_xfer_on_packet(x, &pkt, &a);
				if (pkt.op == TFTP_DATA)
					tftp_ascii_dec(&st, pkt.data,
					    pkt.datalen, out);
			}
			p += n;
			len -= n;
		}
		check_act(x, &a);
	}
	(void)tftp_xfer_bytes(x);
}

/* One master at most, and it is the one the core names. */
static void
check_mc(const struct tftp_mc *m, const struct tftp_mc_action *a)
{
	size_t i, masters = 0;

	for (i = 0; i < m->ncl; i++)
		masters += m->cl[i].state == MC_MASTER;
	assert(masters == (m->master == -1 ? 0u : 1u));
	assert(m->master == -1 || m->cl[m->master].state == MC_MASTER);
	assert(m->sent <= m->nblocks);
	if (a->act == MC_ACT_DATA)
		assert(a->block >= 1 && a->block <= m->nblocks);
	if (a->act == MC_ACT_OVER)
		for (i = 0; i < m->ncl; i++)
			assert(m->cl[i].reported);
}

/* Events for a multicast session of a file of nblocks blocks. */
static void
run_mcast(const uint8_t *oack, size_t olen, uint32_t nblocks,
    const uint8_t *p, size_t len)
{
	struct tftp_mc_client tab[8];
	struct tftp_mc_action a;
	struct tftp_mc m;
	uint8_t buf[TFTP_SEGSIZE];
	int64_t now = 0;
	size_t steps = 0, k;

	tftp_mc_init(&m, tab, 8, nblocks, 100, 800, 3);
	for (; len >= 3 && steps < 4096; p += 3, len -= 3, steps++) {
		k = p[1] % 8;
		switch (p[0] % 5) {
		case 0:		/* time passes to the next timer */
			now = m.due > now ? m.due : now + p[1];
			break;
		case 1:		/* a request from client p[1] (8 of them) */
			(void)tftp_mc_join(&m, (uint32_t)k, (uint16_t)(k + p[2]),
			    oack, olen, now);
			break;
		case 2:		/* an ACK of a block near the one sent */
			if (k < m.ncl)
				tftp_mc_ack(&m, m.cl[k].ip, m.cl[k].port,
				    (uint16_t)(m.sent + p[2] - 128));
			break;
		case 3:
			if (k < m.ncl)
				tftp_mc_error(&m, m.cl[k].ip, m.cl[k].port, p[2]);
			break;
		default:	/* a stranger */
			tftp_mc_ack(&m, 0xffffffffu, p[2], p[1]);
		}
		do {
			tftp_mc_next(&m, now, &a);
			check_mc(&m, &a);
			if (a.act == MC_ACT_OACK)
				assert(tftp_mc_oack(buf, sizeof(buf),
				    &m.cl[a.client], 0xefff0001u, 1758,
				    a.master) > olen);
		} while (a.act != MC_ACT_WAIT && a.act != MC_ACT_OVER);
	}
}

int
LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
	static const char *const dirs[] = { "/srv/tftp", "/" };
	struct tftp_policy pol = { 512, 64, 1000, 0 };
	struct tftp_req req;
	struct tftp_params par;
	struct tftp_xfer x;
	struct wbuf w;
	uint8_t oack[TFTP_SEGSIZE];
	char path[TFTP_FILE_MAX + 1];
	const char *errstr;
	uint16_t code;
	size_t rlen, which;

	if (size < 3)
		return 0;
	pol.blksize_max = (uint16_t)(TFTP_BLKSIZE_MIN + data[0] * 256u);
	pol.refuse = data[0] & 0xf;
	rlen = (size_t)data[1] << 8 | data[2];
	data += 3;
	size -= 3;
	if (rlen > size)
		rlen = size;
	if (tftp_req_parse(data, rlen, &req, &code, &errstr) == -1)
		return 0;
	assert(strlen(req.file) == req.filelen && req.filelen > 0);
	(void)tftp_path_resolve(req.file, (rlen & 1) != 0, dirs, 2, path,
	    sizeof(path), &which, &errstr);
	wbuf_init(&w, oack, sizeof(oack));
	if (tftp_negotiate(&req, &pol, (int64_t)rlen * 1000, &par, &w,
	    &errstr) == -1)
		return 0;
	assert(par.blksize >= TFTP_BLKSIZE_MIN && par.blksize <= 65464);
	assert(par.windowsize >= 1 && par.windowsize <= 64);
	if (req.multicast && req.op == TFTP_RRQ) {
		struct tftp_mc_range r;

		if (tftp_mc_range_parse(req.file, &r) == 0)
			assert(tftp_mc_range_count(&r) >= 1);
		if ((size_t)wbuf_len(&w) <= TFTP_MC_OACKMAX)
			run_mcast(oack, (size_t)wbuf_len(&w),
			    (uint32_t)(rlen * 1000 / par.blksize + 1) %
			    TFTP_MC_BLOCKS + 1, data + rlen, size - rlen);
		return 0;
	}
	tftp_xfer_init(&x, &par, req.op == TFTP_RRQ, 3, par.timeout_ms * 4);
	run_events(&x, data + rlen, size - rlen);
	return 0;
}
