/* SPDX-License-Identifier: ISC */
/*
 * netascii (RFC 1350, RFC 764 NVT ASCII) conversion for a Unix host: on
 * the way out LF becomes CR LF and CR becomes CR NUL; on the way in the
 * reverse, with a lone CR kept as it is.  Both directions are streams with
 * one byte of state, so a pair split across two blocks converts the same
 * as one inside a block.  Pure.
 */
#ifndef TFTP_ASCII_H
#define TFTP_ASCII_H

#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>

struct tftp_ascii {
	int	pend;	/* encode: byte owed to the next output, or -1 */
	bool	cr;	/* decode: the last input byte was a CR */
};

void	tftp_ascii_init(struct tftp_ascii *);
/*
 * Converts in[0..inlen) to netascii into out[0..cap): returns the bytes
 * written and sets *used to the input consumed.  It stops when out is
 * full; call again with the rest.  With inlen 0 it only flushes the owed
 * byte.
 */
size_t	tftp_ascii_enc(struct tftp_ascii *, const uint8_t *in, size_t inlen,
	    size_t *used, uint8_t *out, size_t cap);
/* True if an encoded byte is still owed (the output must not end yet). */
bool	tftp_ascii_pending(const struct tftp_ascii *);
/*
 * Converts netascii in[0..inlen) to local text in out, which must hold
 * inlen + 1 bytes; returns the bytes written.
 */
size_t	tftp_ascii_dec(struct tftp_ascii *, const uint8_t *in, size_t inlen,
	    uint8_t *out);
/* At the end of input: a trailing lone CR (0 or 1 byte written). */
size_t	tftp_ascii_dec_end(struct tftp_ascii *, uint8_t *out);

#endif
