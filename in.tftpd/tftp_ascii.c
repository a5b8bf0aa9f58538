// SPDX-License-Identifier: ISC
/*
 * netascii encoder and decoder; see tftp_ascii.h.  The encoder may have
 * to split a CR LF or CR NUL pair across two blocks: it writes the CR,
 * keeps the second byte owed and emits it first in the next block, as
 * tftp-hpa's and BSD tftpd's xmitbuf do.
 */
#include "in.tftpd/tftp_ascii.h"

void
tftp_ascii_init(struct tftp_ascii *a)
{
	a->pend = -1;
	a->cr = false;
}

bool
tftp_ascii_pending(const struct tftp_ascii *a)
{
	return a->pend != -1;
}

size_t
tftp_ascii_enc(struct tftp_ascii *a, const uint8_t *in, size_t inlen,
    size_t *used, uint8_t *out, size_t cap)
{
	size_t o = 0, i = 0;
	uint8_t c;

	if (a->pend != -1 && cap > 0) {
		out[o++] = (uint8_t)a->pend;
		a->pend = -1;
	}
	while (i < inlen && o < cap && a->pend == -1) {
		c = in[i++];
		if (c != '\n' && c != '\r') {
			out[o++] = c;
			continue;
		}
		out[o++] = '\r';
		if (o < cap)
			out[o++] = c == '\n' ? '\n' : '\0';
		else
			a->pend = c == '\n' ? '\n' : '\0';
	}
	*used = i;
	return o;
}

size_t
tftp_ascii_dec(struct tftp_ascii *a, const uint8_t *in, size_t inlen,
    uint8_t *out)
{
	size_t o = 0, i;
	uint8_t c;

	for (i = 0; i < inlen; i++) {
		c = in[i];
		if (a->cr) {
			a->cr = false;
			if (c == '\n') {
				out[o++] = '\n';
				continue;
			}
			out[o++] = '\r';
			if (c == '\0')
				continue;
		}
		if (c == '\r')
			a->cr = true;
		else
			out[o++] = c;
	}
	return o;
}

size_t
tftp_ascii_dec_end(struct tftp_ascii *a, uint8_t *out)
{
	if (!a->cr)
		return 0;
	a->cr = false;
	out[0] = '\r';
	return 1;
}
