/* SPDX-License-Identifier: ISC */
/*
 * A pretend boot server for the fleet client suites: DHCP (OFFER, ACK)
 * for 192.0.2.101, ARP for 192.0.2.1, TFTP (OACK, lock-step DATA, ERROR 1
 * for a file it does not have) from a table of files, all as frames, with
 * a clock the test advances to the client's deadline when nothing is in
 * flight.  It records the names asked for (RRQs) in order.
 */
#ifndef FLEET_SRV_H
#define FLEET_SRV_H

#include <string.h>

#include <check.h>

#include "fleet/fl_client.h"

#define SRV_IP		0xc0000201u
#define SRV_YIADDR	0xc0000265u
#define SRV_BLK		1408

struct sfile {
	const char	*name;
	const char	*text;		/* NULL: size bytes */
	size_t		 size;
};

struct srv {
	const struct sfile *files;
	const char	*bootfile;
	const char	*drop;		/* RRQs for this name go unanswered */
	bool		 pxeclient, silent;
	char		 rrq[64][80];
	size_t		 nrrq;
	unsigned	 dhcp;		/* DHCP messages received */
	const struct sfile *cur;
	uint16_t	 port;
	uint8_t		 q[4][FL_FRAME_MAX];	/* frames to the client */
	size_t		 qlen[4], nq;
	struct fl_out	 o;
	int64_t		 now;
};

static const uint8_t srv_mac[MAC_LEN] = { 2, 0, 0, 0, 0, 0xfe };

static void
srv_udp(struct srv *s, const struct fl_client *c, uint16_t sport,
    uint16_t dport, const void *p, size_t len)
{
	ssize_t n;

	if (s->nq == 4)
		return;
	n = fl_net_udp(s->q[s->nq], FL_FRAME_MAX, srv_mac, c->mac, SRV_IP,
	    SRV_YIADDR, sport, dport, 0, p, len);
	ck_assert_int_gt(n, 0);
	s->qlen[s->nq++] = (size_t)n;
}

static void
srv_dhcp(struct srv *s, const struct fl_client *c, const struct fl_frame *f)
{
	uint8_t b[400];
	size_t n = 240;
	int type = f->data[242];

	s->dhcp++;
	if (s->silent)
		return;
	memset(b, 0, sizeof(b));
	b[0] = 2, b[1] = 1, b[2] = 6;
	memcpy(b + 4, f->data + 4, 4);
	memcpy(b + 16, "\xc0\x00\x02\x65\xc0\x00\x02\x01", 8);
	memcpy(b + 28, f->data + 28, MAC_LEN);
	strlcpy((char *)b + 108, s->bootfile, 128);
	memcpy(b + 236, "\x63\x82\x53\x63", 4);
	b[n++] = 53, b[n++] = 1, b[n++] = type == 1 ? 2 : 5;
	memcpy(b + n, "\x36\x04\xc0\x00\x02\x01", 6);
	n += 6;
	if (s->pxeclient) {
		memcpy(b + n, "\x3c\x09PXEClient", 11);
		n += 11;
	}
	b[n++] = 255;
	srv_udp(s, c, 67, 68, b, n);
}

static size_t
srv_size(const struct sfile *f)
{
	return f->text != NULL ? strlen(f->text) : f->size;
}

static void
srv_data(struct srv *s, const struct fl_client *c, uint16_t block)
{
	static uint8_t b[4 + SRV_BLK];
	size_t off = (size_t)(block - 1) * SRV_BLK, n;

	if (off > srv_size(s->cur))
		return;
	n = srv_size(s->cur) - off < SRV_BLK ? srv_size(s->cur) - off :
	    SRV_BLK;
	b[0] = 0, b[1] = 3, b[2] = (uint8_t)(block >> 8);
	b[3] = (uint8_t)block;
	if (s->cur->text != NULL)
		memcpy(b + 4, s->cur->text + off, n);
	else
		memset(b + 4, 0, n);
	srv_udp(s, c, s->port, c->lport, b, 4 + n);
}

static void
srv_tftp(struct srv *s, const struct fl_client *c, const struct fl_frame *f)
{
	const char *name = (const char *)f->data + 2;
	char oack[64];
	size_t i;
	int n;

	if (f->dport == 69) {
		ck_assert_uint_lt(s->nrrq, 64);
		strlcpy(s->rrq[s->nrrq++], name, sizeof(s->rrq[0]));
		if (s->drop != NULL && strcmp(name, s->drop) == 0)
			return;
		s->port++;
		for (i = 0; s->files[i].name != NULL; i++)
			if (strcmp(s->files[i].name, name) == 0)
				break;
		s->cur = s->files[i].name != NULL ? &s->files[i] : NULL;
		if (s->cur == NULL) {
			srv_udp(s, c, s->port, f->sport, "\0\5\0\1nope", 9);
			return;
		}
		n = snprintf(oack, sizeof(oack), "..tsize%c%zu%cblksize%c%d",
		    0, srv_size(s->cur), 0, 0, SRV_BLK);
		oack[0] = 0, oack[1] = 6;
		srv_udp(s, c, s->port, f->sport, oack, (size_t)n + 1);
		return;
	}
	if (f->dport == s->port && s->cur != NULL && f->len == 4 &&
	    f->data[1] == 4)
		srv_data(s, c, (uint16_t)((f->data[2] << 8 | f->data[3]) + 1));
}

static void
srv_frame(struct srv *s, const struct fl_client *c, const uint8_t *p,
    size_t len)
{
	struct fl_frame f;
	const char *errstr;
	ssize_t n;

	ck_assert_int_eq(fl_net_parse(p, len, &f, &errstr), 0);
	if (f.kind == FL_F_ARP && f.arp_op == FL_ARP_REQUEST &&
	    f.tpa == SRV_IP && s->nq < 4) {
		n = fl_net_arp(s->q[s->nq], FL_FRAME_MAX, FL_ARP_REPLY,
		    srv_mac, SRV_IP, f.sha, f.spa);
		s->qlen[s->nq++] = (size_t)n;
	} else if (f.kind == FL_F_UDP && f.dport == 67)
		srv_dhcp(s, c, &f);
	else if (f.kind == FL_F_UDP && f.dip == SRV_IP)
		srv_tftp(s, c, &f);
}

/*
 * Runs client c against s until it ends (or `steps' events): the records
 * it wrote go to recs (at most nrecs; the count is returned).
 */
static size_t
srv_run(struct srv *s, struct fl_client *c, struct fl_rec *recs,
    size_t nrecs, unsigned steps)
{
	struct fl_frame f;
	const char *errstr;
	size_t i, k = 0;

	fl_client_power(c, s->now, s->now);
	while (!fl_client_ended(c) && steps-- > 0) {
		s->o.nframes = s->o.nrecs = 0;
		if (s->nq > 0) {
			s->nq--;
			ck_assert_int_eq(fl_net_parse(s->q[0], s->qlen[0], &f,
			    &errstr), 0);
			fl_client_frame(c, &f, s->now, &s->o);
			memmove(s->q[0], s->q[1], sizeof(s->q[0]) * s->nq);
			memmove(s->qlen, s->qlen + 1,
			    sizeof(s->qlen[0]) * s->nq);
		} else {
			ck_assert_int_ne(fl_client_deadline(c),
			    FL_NO_DEADLINE);
			if (fl_client_deadline(c) > s->now)
				s->now = fl_client_deadline(c);
			fl_client_timer(c, s->now, &s->o);
		}
		for (i = 0; i < s->o.nrecs && k < nrecs; i++)
			recs[k++] = s->o.rec[i];
		for (i = 0; i < s->o.nframes; i++)
			srv_frame(s, c, s->o.frame[i], s->o.flen[i]);
	}
	return k;
}

#endif
