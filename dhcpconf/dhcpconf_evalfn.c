// SPDX-License-Identifier: ISC
/*
 * The data transforms of dhcp-eval(5) functions, on values already
 * evaluated (dhcpconf_eval.c evaluates the operands): binary-to-ascii,
 * the substring/suffix window, lcase/ucase, reverse.  Pure.
 */
#include <string.h>

#include "dhcpconf_int.h"

int
dc_b2a(int64_t base, int64_t width, const uint8_t *sep, size_t slen,
    const uint8_t *d, size_t dlen, uint8_t *buf, size_t cap, size_t *len)
{
	static const char digits[] = "0123456789abcdef";
	char num[40];
	size_t i, k, n = 0, m, w;
	uint64_t v;

	if ((width != 8 && width != 16 && width != 32) || base < 2 ||
	    base > 16 || dlen % (size_t)(width / 8) != 0)
		return -1;
	w = (size_t)width / 8;
	for (i = 0; i < dlen; i += w) {
		for (v = 0, k = 0; k < w; k++)
			v = v << 8 | d[i + k];
		m = sizeof(num);
		do {
			num[--m] = digits[v % (uint64_t)base];
			v /= (uint64_t)base;
		} while (v != 0);
		if (n + (sizeof(num) - m) + slen > cap)
			return -1;
		memcpy(buf + n, num + m, sizeof(num) - m);
		n += sizeof(num) - m;
		if (i + w < dlen) {
			memcpy(buf + n, sep, slen);
			n += slen;
		}
	}
	*len = n;
	return 0;
}

void
dc_window(uint8_t *buf, size_t *len, size_t off, size_t n, bool suffix)
{
	if (suffix)
		off = n < *len ? *len - n : 0;
	if (off >= *len) {
		*len = 0;	/* past the end: empty, not null (ISC) */
		return;
	}
	*len -= off;
	if (n < *len)
		*len = n;
	memmove(buf, buf + off, *len);
}

void
dc_case(uint8_t *buf, size_t len, bool upper)
{
	size_t i;

	for (i = 0; i < len; i++)
		if (!upper && buf[i] >= 'A' && buf[i] <= 'Z')
			buf[i] += 'a' - 'A';
		else if (upper && buf[i] >= 'a' && buf[i] <= 'z')
			buf[i] -= 'a' - 'A';
}

int
dc_reverse(uint8_t *buf, size_t len, size_t w)
{
	size_t i, n;
	uint8_t t;

	if (w == 0 || len % w != 0)
		return -1;
	for (i = 0; i < len / w / 2; i++)
		for (n = 0; n < w; n++) {
			t = buf[i * w + n];
			buf[i * w + n] = buf[len - (i + 1) * w + n];
			buf[len - (i + 1) * w + n] = t;
		}
	return 0;
}
