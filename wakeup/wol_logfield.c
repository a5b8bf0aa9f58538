// SPDX-License-Identifier: ISC
/* Shared field readers of the log parsers (see wol_logfield.h). */
#include <string.h>

#include "common/addr.h"
#include "wol_logfield.h"

int
logfield_decimal(const char *p, size_t len, uint64_t *v)
{
	uint64_t x = 0;
	size_t i;

	if (len == 0 || len > 19)
		return -1;
	for (i = 0; i < len; i++) {
		if (p[i] < '0' || p[i] > '9')
			return -1;
		x = x * 10 + (uint64_t)(p[i] - '0');
	}
	*v = x;
	return 0;
}

int
logfield_seconds(const char *p, size_t len, uint64_t *ms)
{
	const char *dot = memchr(p, '.', len);
	uint64_t s, f = 0;
	size_t il = dot != NULL ? (size_t)(dot - p) : len, fl = 0;

	if (dot != NULL) {
		fl = len - il - 1;
		if (fl == 0 || fl > 3 || logfield_decimal(dot + 1, fl, &f) == -1)
			return -1;
		for (; fl < 3; fl++)
			f *= 10;
	}
	if (il > 12 || logfield_decimal(p, il, &s) == -1)
		return -1;
	*ms = s * 1000 + f;
	return 0;
}

int
logfield_split(const char *line, size_t len, struct logfield *f, size_t n,
    bool rest)
{
	size_t i = 0, k = 0, start;

	for (;;) {
		if (rest && k == n - 1) {
			if (len - i < 2 || line[i] != ' ' || line[++i] == ' ')
				return -1;
			f[k].p = line + i;
			f[k++].len = len - i;
			break;
		}
		while (i < len && line[i] == ' ')
			i++;
		if (i == len)
			break;
		if (k == n)
			return -1;
		start = i;
		while (i < len && line[i] != ' ')
			i++;
		f[k].p = line + start;
		f[k++].len = i - start;
	}
	return k == n ? 0 : -1;
}

int
logfield_address(const struct logfield *f, uint32_t *ip)
{
	char s[IP4_STRLEN];

	if (f->len >= sizeof(s))
		return -1;
	memcpy(s, f->p, f->len);
	s[f->len] = '\0';
	return ip4_parse(s, ip);
}

int
logfield_result(const struct logfield *f, struct xferlog_rec *r)
{
	size_t i;

	r->fail[0] = '\0';
	if (f->len == 2 && memcmp(f->p, "ok", 2) == 0) {
		r->ok = true;
		return 0;
	}
	r->ok = false;
	if (f->len <= 5 || f->len - 5 >= sizeof(r->fail) ||
	    memcmp(f->p, "fail:", 5) != 0)
		return -1;
	for (i = 5; i < f->len; i++)
		if ((unsigned char)f->p[i] <= ' ' ||
		    (unsigned char)f->p[i] >= 0x7f)
			return -1;
	memcpy(r->fail, f->p + 5, f->len - 5);
	r->fail[f->len - 5] = '\0';
	return 0;
}


int
logfield_outcome(const struct logfield f[3], struct xferlog_rec *r,
    const char **errstr)
{
	if (logfield_decimal(f[0].p, f[0].len, &r->bytes) == -1) {
		*errstr = "bad byte count";
		return -1;
	}
	if (logfield_seconds(f[1].p, f[1].len, &r->dur_ms) == -1) {
		*errstr = "bad duration";
		return -1;
	}
	if (logfield_result(&f[2], r) == -1) {
		*errstr = "bad result";
		return -1;
	}
	return 0;
}
