/* SPDX-License-Identifier: ISC */
/*
 * Bounded cursors over wire bytes (STYLE.md 3.5).  An rbuf is a pointer and
 * a remaining length; every read checks `rem' first and returns -1 when the
 * packet is too short, leaving the cursor untouched, so callers `goto bad'.
 * Integers are read with memcpy and explicit (network) byte order.  A wbuf
 * writes into caller storage with a sticky overflow flag: after any write
 * that did not fit, wbuf_len() returns -1 and nothing further is written.
 * Neither allocates nor logs.
 */
#ifndef NB_BUF_H
#define NB_BUF_H

#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>
#include <sys/types.h>

struct rbuf {
	const uint8_t	*p;
	size_t		 rem;
};

struct wbuf {
	uint8_t		*buf;
	size_t		 cap;
	size_t		 len;
	bool		 overflow;
};

void	rbuf_init(struct rbuf *, const void *data, size_t len);
int	rbuf_get8(struct rbuf *, uint8_t *);
int	rbuf_get16(struct rbuf *, uint16_t *);	/* network order */
int	rbuf_get32(struct rbuf *, uint32_t *);	/* network order */
int	rbuf_getbytes(struct rbuf *, void *dst, size_t n);
int	rbuf_skip(struct rbuf *, size_t n);
/* Points *pp at the next n bytes and advances past them. */
int	rbuf_ptr(struct rbuf *, size_t n, const uint8_t **pp);
/*
 * A NUL-terminated string at the cursor: *sp points at it, *lenp is its
 * length without the NUL, and the cursor moves past the NUL.  -1 if no NUL
 * is found within the remaining bytes.
 */
int	rbuf_getstr(struct rbuf *, const char **sp, size_t *lenp);
/* Splits off a sub-cursor over the next n bytes (an option's value). */
int	rbuf_sub(struct rbuf *, size_t n, struct rbuf *sub);

void	wbuf_init(struct wbuf *, void *buf, size_t cap);
void	wbuf_put8(struct wbuf *, uint8_t);
void	wbuf_put16(struct wbuf *, uint16_t);	/* network order */
void	wbuf_put32(struct wbuf *, uint32_t);	/* network order */
void	wbuf_putbytes(struct wbuf *, const void *, size_t);
void	wbuf_putstr(struct wbuf *, const char *);	/* with its NUL */
/* Reserves n bytes and returns where they are, or NULL on overflow. */
uint8_t	*wbuf_reserve(struct wbuf *, size_t n);
size_t	wbuf_avail(const struct wbuf *);
ssize_t	wbuf_len(const struct wbuf *);		/* -1 after an overflow */

#endif
