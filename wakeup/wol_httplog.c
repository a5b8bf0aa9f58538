// SPDX-License-Identifier: ISC
/*
 * Parser for one line of nginx's access log in nodeboot's format (see
 * wol_httplog.h).  As strict as the transfer log's: a foreign line never
 * counts as a boot.
 */
#include <stdio.h>
#include <string.h>

#include "wol_httplog.h"
#include "wol_logfield.h"

#define NFIELDS	8

/* An HTTP method token: 1 to 16 capital letters. */
static int
method(const struct logfield *f)
{
	size_t i;

	if (f->len == 0 || f->len > 16)
		return -1;
	for (i = 0; i < f->len; i++)
		if (f->p[i] < 'A' || f->p[i] > 'Z')
			return -1;
	return 0;
}

/* Two hexadecimal digits, either case. */
static int
hexbyte(const char *p, unsigned int *c)
{
	unsigned int i, d, v = 0;

	for (i = 0; i < 2; i++) {
		if (p[i] >= '0' && p[i] <= '9')
			d = (unsigned int)(p[i] - '0');
		else if ((p[i] | 0x20) >= 'a' && (p[i] | 0x20) <= 'f')
			d = (unsigned int)((p[i] | 0x20) - 'a' + 10);
		else
			return -1;
		v = v * 16 + d;
	}
	*c = v;
	return 0;
}

/*
 * nginx's escape=default: '"', '\\', control bytes and bytes from 0x7f up
 * become \xHH; nothing else is escaped, so a raw one of those is foreign.
 * The leading slashes go, as in filename().
 */
static int
uri(const struct logfield *f, char *out, size_t outsz)
{
	size_t i, n = 0;
	unsigned int c;

	if (f->len == 0 || f->p[0] != '/')
		return -1;
	for (i = 0; i < f->len; i++) {
		c = (unsigned char)f->p[i];
		if (c < ' ' || c >= 0x7f || c == '"')
			return -1;
		if (c == '\\') {
			if (f->len - i < 4 || f->p[i + 1] != 'x' ||
			    hexbyte(f->p + i + 2, &c) == -1 || c == 0)
				return -1;
			i += 3;
		}
		if (n + 1 >= outsz)
			return -1;
		out[n++] = (char)c;
	}
	out[n] = '\0';
	for (i = 0; out[i] == '/'; i++)
		;
	memmove(out, out + i, n - i + 1);
	return 0;
}

int
httplog_parse(const char *line, size_t len, struct xferlog_rec *r,
    const char **errstr)
{
	struct logfield f[NFIELDS];
	uint64_t ms, status;
	bool get;

	if (len >= XFERLOG_LINEMAX || memchr(line, '\0', len) != NULL ||
	    logfield_split(line, len, f, NFIELDS, true) == -1) {
		*errstr = "not 8 fields";
		return -1;
	}
	if (logfield_seconds(f[0].p, f[0].len, &ms) == -1 || ms > INT64_MAX) {
		*errstr = "bad time";
		return -1;
	}
	r->end_ms = (int64_t)ms;
	if (logfield_address(&f[1], &r->ip) == -1) {
		*errstr = "bad address";
		return -1;
	}
	if (method(&f[2]) == -1) {
		*errstr = "bad method";
		return -1;
	}
	get = f[2].len == 3 && memcmp(f[2].p, "GET", 3) == 0;
	if (f[3].len != 3 || logfield_decimal(f[3].p, 3, &status) == -1 ||
	    status < 100) {
		*errstr = "bad status";
		return -1;
	}
	if (logfield_outcome(&f[4], r, errstr) == -1)
		return -1;
	if (uri(&f[7], r->file, sizeof(r->file)) == -1) {
		*errstr = "bad URI";
		return -1;
	}
	r->wrq = false;
	if (r->ok && !get)
		snprintf(r->fail, sizeof(r->fail), "%.*s", (int)f[2].len,
		    f[2].p);
	else if (r->ok && status != 200)
		snprintf(r->fail, sizeof(r->fail), "H%03u",
		    (unsigned int)status);
	r->ok = r->ok && r->fail[0] == '\0';
	return 0;
}

