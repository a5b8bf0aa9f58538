// SPDX-License-Identifier: ISC
/*
 * rbuf/wbuf: the only code in the suite that touches wire bytes directly.
 * The reader compares lengths with what remains (n > rem), never forms a
 * pointer past the end; the writer never writes past cap.  This follows
 * OpenBSD dhcpleased parse_dhcp() and the wbuf budget of dhcpd's
 * cons_options().
 */
#include <string.h>

#include "buf.h"

void
rbuf_init(struct rbuf *r, const void *data, size_t len)
{
	r->p = data;
	r->rem = data == NULL ? 0 : len;
}

int
rbuf_getbytes(struct rbuf *r, void *dst, size_t n)
{
	if (n > r->rem)
		return -1;
	if (n > 0)
		memcpy(dst, r->p, n);
	r->p += n;
	r->rem -= n;
	return 0;
}

int
rbuf_get8(struct rbuf *r, uint8_t *v)
{
	return rbuf_getbytes(r, v, 1);
}

int
rbuf_get16(struct rbuf *r, uint16_t *v)
{
	uint8_t b[2];

	if (rbuf_getbytes(r, b, sizeof(b)) == -1)
		return -1;
	*v = (uint16_t)(b[0] << 8 | b[1]);
	return 0;
}

int
rbuf_get32(struct rbuf *r, uint32_t *v)
{
	uint8_t b[4];

	if (rbuf_getbytes(r, b, sizeof(b)) == -1)
		return -1;
	*v = (uint32_t)b[0] << 24 | (uint32_t)b[1] << 16 |
	    (uint32_t)b[2] << 8 | b[3];
	return 0;
}

int
rbuf_skip(struct rbuf *r, size_t n)
{
	if (n > r->rem)
		return -1;
	r->p += n;
	r->rem -= n;
	return 0;
}

int
rbuf_ptr(struct rbuf *r, size_t n, const uint8_t **pp)
{
	if (n > r->rem)
		return -1;
	*pp = r->p;
	r->p += n;
	r->rem -= n;
	return 0;
}

int
rbuf_getstr(struct rbuf *r, const char **sp, size_t *lenp)
{
	const uint8_t *nul;

	if (r->rem == 0 || (nul = memchr(r->p, '\0', r->rem)) == NULL)
		return -1;
	*sp = (const char *)r->p;
	*lenp = (size_t)(nul - r->p);
	r->rem -= *lenp + 1;
	r->p = nul + 1;
	return 0;
}

int
rbuf_sub(struct rbuf *r, size_t n, struct rbuf *sub)
{
	const uint8_t *p;

	if (rbuf_ptr(r, n, &p) == -1)
		return -1;
	rbuf_init(sub, p, n);
	return 0;
}

void
wbuf_init(struct wbuf *w, void *buf, size_t cap)
{
	w->buf = buf;
	w->cap = buf == NULL ? 0 : cap;
	w->len = 0;
	w->overflow = false;
}

uint8_t *
wbuf_reserve(struct wbuf *w, size_t n)
{
	uint8_t *p;

	if (w->overflow || n > w->cap - w->len) {
		w->overflow = true;
		return NULL;
	}
	p = w->buf + w->len;
	w->len += n;
	return p;
}

void
wbuf_putbytes(struct wbuf *w, const void *src, size_t n)
{
	uint8_t *p;

	if ((p = wbuf_reserve(w, n)) != NULL && n > 0)
		memcpy(p, src, n);
}

void
wbuf_put8(struct wbuf *w, uint8_t v)
{
	wbuf_putbytes(w, &v, 1);
}

void
wbuf_put16(struct wbuf *w, uint16_t v)
{
	uint8_t b[2] = { (uint8_t)(v >> 8), (uint8_t)v };

	wbuf_putbytes(w, b, sizeof(b));
}

void
wbuf_put32(struct wbuf *w, uint32_t v)
{
	uint8_t b[4] = { (uint8_t)(v >> 24), (uint8_t)(v >> 16),
	    (uint8_t)(v >> 8), (uint8_t)v };

	wbuf_putbytes(w, b, sizeof(b));
}

void
wbuf_putstr(struct wbuf *w, const char *s)
{
	wbuf_putbytes(w, s, strlen(s) + 1);
}

size_t
wbuf_avail(const struct wbuf *w)
{
	return w->overflow ? 0 : w->cap - w->len;
}

ssize_t
wbuf_len(const struct wbuf *w)
{
	return w->overflow ? -1 : (ssize_t)w->len;
}
