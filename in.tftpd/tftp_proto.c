// SPDX-License-Identifier: ISC
/*
 * TFTP request parsing and option negotiation (RFC 1350, 2347, 2348, 2349,
 * 7440), table-driven as in tftp-hpa's options[] and OpenBSD's opt_names[].
 * Every wire byte is read through an rbuf; strings must be NUL-terminated
 * inside the packet, never assumed to be.  Negotiation never fails a
 * request: an option it cannot honour is simply not acknowledged, which
 * RFC 2347 allows and every client copes with.
 */
#include <ctype.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <strings.h>

#include "in.tftpd/tftp_proto.h"

struct tftp_optdef {
	const char	*name;
	uint64_t	 min, max;	/* what the request may carry */
};

/* Indexed by enum tftp_optid. */
static const struct tftp_optdef optdefs[TFTP_NOPTS] = {
	/* Larger values are clamped rather than refused (tftp-hpa). */
	[TFTP_OPT_BLKSIZE] = { "blksize", TFTP_BLKSIZE_MIN, INT64_MAX },
	[TFTP_OPT_TSIZE] = { "tsize", 0, INT64_MAX },
	[TFTP_OPT_TIMEOUT] = { "timeout", 1, 255 },
	[TFTP_OPT_WINDOWSIZE] = { "windowsize", 1, 65535 },
};

const char *
tftp_opt_name(enum tftp_optid id)
{
	return (unsigned)id < TFTP_NOPTS ? optdefs[id].name : NULL;
}

int
tftp_opt_lookup(const char *name)
{
	int i;

	for (i = 0; i < TFTP_NOPTS; i++)
		if (strcasecmp(name, optdefs[i].name) == 0)
			return i;
	return -1;
}

/* A plain decimal (no sign, no blanks, at most 19 digits) in [min, max]. */
static int
opt_value(const char *s, size_t len, const struct tftp_optdef *d,
    uint64_t *v)
{
	uint64_t n = 0;
	size_t i;

	if (len == 0 || len > 19)
		return -1;
	for (i = 0; i < len; i++) {
		if (!isdigit((unsigned char)s[i]))
			return -1;
		n = n * 10 + (uint64_t)(s[i] - '0');
	}
	if (n < d->min || n > d->max)
		return -1;
	*v = n;
	return 0;
}

static void
req_options(struct rbuf *r, struct tftp_req *req)
{
	const char *name, *val;
	size_t nlen, vlen;
	uint64_t v;
	int id;

	while (r->rem > 0) {
		if (rbuf_getstr(r, &name, &nlen) == -1 ||
		    rbuf_getstr(r, &val, &vlen) == -1) {
			req->garbage = true;
			return;
		}
		/* RFC 2090: "multicast" with an empty value, once */
		if (strcasecmp(name, "multicast") == 0 && vlen == 0 &&
		    !req->multicast) {
			req->multicast = true;
			continue;
		}
		if ((id = tftp_opt_lookup(name)) == -1 || req->has[id] ||
		    opt_value(val, vlen, &optdefs[id], &v) == -1) {
			req->ignored++;
			continue;
		}
		req->has[id] = true;
		req->val[id] = v;
		req->order[req->nopts++] = (enum tftp_optid)id;
	}
}

int
tftp_req_parse(const uint8_t *pkt, size_t len, struct tftp_req *req,
    uint16_t *code, const char **errstr)
{
	struct rbuf r;
	const char *s;
	size_t slen;

	memset(req, 0, sizeof(*req));
	*code = TFTP_EBADOP;
	rbuf_init(&r, pkt, len);
	if (rbuf_get16(&r, &req->op) == -1) {
		*errstr = "truncated opcode";
		return -1;
	}
	if (req->op != TFTP_RRQ && req->op != TFTP_WRQ) {
		*errstr = "not a request";
		return -1;
	}
	if (rbuf_getstr(&r, &s, &slen) == -1) {
		*errstr = "filename not terminated";
		return -1;
	}
	if (slen == 0 || slen > TFTP_FILE_MAX) {
		*errstr = slen == 0 ? "empty filename" : "filename too long";
		return -1;
	}
	memcpy(req->file, s, slen + 1);
	req->filelen = slen;
	if (rbuf_getstr(&r, &s, &slen) == -1) {
		*errstr = "mode not terminated";
		return -1;
	}
	if (strcasecmp(s, "octet") == 0)
		req->mode = TFTP_MODE_OCTET;
	else if (strcasecmp(s, "netascii") == 0)
		req->mode = TFTP_MODE_NETASCII;
	else {
		*errstr = strcasecmp(s, "mail") == 0 ? "mail mode not supported"
		    : "unknown transfer mode";
		return -1;
	}
	req_options(&r, req);
	return 0;
}

static void
oack_put(struct wbuf *w, enum tftp_optid id, uint64_t v)
{
	char num[24];

	snprintf(num, sizeof(num), "%llu", (unsigned long long)v);
	wbuf_putstr(w, optdefs[id].name);
	wbuf_putstr(w, num);
}

/* The value to acknowledge for option id, or -1 not to acknowledge it. */
static int64_t
opt_accept(const struct tftp_req *req, const struct tftp_policy *pol,
    int64_t filesize, enum tftp_optid id)
{
	uint64_t v = req->val[id];

	if (pol->refuse & (1u << id))
		return -1;
	switch (id) {
	case TFTP_OPT_BLKSIZE:
		if (v > pol->blksize_max)
			v = pol->blksize_max;
		return v > TFTP_BLKSIZE_MAX ? TFTP_BLKSIZE_MAX : (int64_t)v;
	case TFTP_OPT_TSIZE:
		if (req->op == TFTP_WRQ)
			return (int64_t)v;
		return filesize;
	case TFTP_OPT_TIMEOUT:
		return (int64_t)v;
	case TFTP_OPT_WINDOWSIZE:
		return v > pol->window_max ? pol->window_max : (int64_t)v;
	default:
		return -1;
	}
}

int
tftp_negotiate(const struct tftp_req *req, const struct tftp_policy *pol,
    int64_t filesize, struct tftp_params *par, struct wbuf *oack,
    const char **errstr)
{
	enum tftp_optid id;
	int64_t v;
	unsigned i;

	par->blksize = TFTP_SEGSIZE;
	par->windowsize = 1;
	par->timeout_ms = pol->timeout_ms;
	par->oack = false;
	wbuf_put16(oack, TFTP_OACK);
	for (i = 0; i < req->nopts; i++) {
		id = req->order[i];
		if ((v = opt_accept(req, pol, filesize, id)) < 0)
			continue;
		if (id == TFTP_OPT_BLKSIZE)
			par->blksize = (uint16_t)v;
		else if (id == TFTP_OPT_TIMEOUT)
			par->timeout_ms = (uint32_t)v * 1000;
		else if (id == TFTP_OPT_WINDOWSIZE)
			par->windowsize = (uint16_t)v;
		oack_put(oack, id, (uint64_t)v);
		par->oack = true;
	}
	if (wbuf_len(oack) == -1) {
		*errstr = "OACK does not fit";
		return -1;
	}
	return 0;
}

int
tftp_pkt_parse(const uint8_t *pkt, size_t len, struct tftp_pkt *p,
    const char **errstr)
{
	struct rbuf r;

	memset(p, 0, sizeof(*p));
	rbuf_init(&r, pkt, len);
	if (rbuf_get16(&r, &p->op) == -1)
		goto short_pkt;
	switch (p->op) {
	case TFTP_DATA:
	case TFTP_ACK:
		if (rbuf_get16(&r, &p->block) == -1)
			goto short_pkt;
		break;
	case TFTP_ERROR:
		if (rbuf_get16(&r, &p->code) == -1)
			goto short_pkt;
		break;
	default:
		break;
	}
	p->data = r.p;
	p->datalen = r.rem;
	return 0;
short_pkt:
	*errstr = "truncated packet";
	return -1;
}

bool
tftp_pkt_is_request(const uint8_t *pkt, size_t len)
{
	struct rbuf r;
	uint16_t op;

	rbuf_init(&r, pkt, len);
	return rbuf_get16(&r, &op) == 0 && (op == TFTP_RRQ || op == TFTP_WRQ);
}

bool
tftp_pkt_answer_foreign(const uint8_t *pkt, size_t len)
{
	struct rbuf r;
	uint16_t op;

	rbuf_init(&r, pkt, len);
	return rbuf_get16(&r, &op) == 0 && op != TFTP_ERROR;
}

size_t
tftp_ack_build(uint8_t *buf, size_t cap, uint16_t block)
{
	struct wbuf w;

	wbuf_init(&w, buf, cap);
	wbuf_put16(&w, TFTP_ACK);
	wbuf_put16(&w, block);
	return wbuf_len(&w) == -1 ? 0 : (size_t)wbuf_len(&w);
}

size_t
tftp_data_hdr(uint8_t *buf, size_t cap, uint16_t block)
{
	struct wbuf w;

	wbuf_init(&w, buf, cap);
	wbuf_put16(&w, TFTP_DATA);
	wbuf_put16(&w, block);
	return wbuf_len(&w) == -1 ? 0 : (size_t)wbuf_len(&w);
}

size_t
tftp_error_build(uint8_t *buf, size_t cap, uint16_t code, const char *msg)
{
	struct wbuf w;
	size_t mlen = strlen(msg);

	if (cap < TFTP_HDRLEN + 1)
		return 0;
	if (mlen > cap - TFTP_HDRLEN - 1)
		mlen = cap - TFTP_HDRLEN - 1;
	wbuf_init(&w, buf, cap);
	wbuf_put16(&w, TFTP_ERROR);
	wbuf_put16(&w, code);
	wbuf_putbytes(&w, msg, mlen);
	wbuf_put8(&w, 0);
	return (size_t)wbuf_len(&w);
}
