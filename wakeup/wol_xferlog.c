// SPDX-License-Identifier: ISC
/*
 * Parser for one transfer log line (see wol_xferlog.h for the format).
 * Every field is checked strictly: a line that does not match the contract
 * is refused whole, so a garbled or foreign line can never count as a
 * node's finished boot.  The file name is vis(3)-decoded and loses its
 * leading slashes, the form a pxelinux.cfg entry names it in.
 */
#define LIBBSD_OPENBSD_VIS	/* silences libbsd's strnvis() warning */
#include <string.h>
#include <vis.h>

#include "common/addr.h"
#include "wol_xferlog.h"

#define NFIELDS	7

struct field {
	const char	*p;
	size_t		 len;
};

/* Decimal digits only, at most 19 of them (fits int64_t). */
static int
decimal(const char *p, size_t len, uint64_t *v)
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

/* Days from 1970-01-01 to y-m-d (Howard Hinnant's days_from_civil). */
static int64_t
days_from_civil(int64_t y, int64_t m, int64_t d)
{
	int64_t era, yoe, doy, doe;

	y -= m <= 2;
	era = (y >= 0 ? y : y - 399) / 400;
	yoe = y - era * 400;
	doy = (153 * (m + (m > 2 ? -3 : 9)) + 2) / 5 + d - 1;
	doe = yoe * 365 + yoe / 4 - yoe / 100 + doy;
	return era * 146097 + doe - 719468;
}

/* n decimal digits already checked by the caller. */
static int64_t
digits(const char *p, size_t n)
{
	int64_t v = 0;

	while (n-- > 0)
		v = v * 10 + (*p++ - '0');
	return v;
}

int
xferlog_time_parse(const char *s, size_t len, int64_t *ms)
{
	static const char shape[] = "dddd-dd-ddTdd:dd:dd.dddZ";
	static const uint8_t mdays[] = {
		31, 29, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31
	};
	int64_t y, mo, d, h, mi, sec;
	size_t i;

	if (len != sizeof(shape) - 1)
		return -1;
	for (i = 0; i < len; i++)
		if (shape[i] == 'd' ? s[i] < '0' || s[i] > '9' :
		    s[i] != shape[i])
			return -1;
	y = digits(s, 4);
	mo = digits(s + 5, 2);
	d = digits(s + 8, 2);
	h = digits(s + 11, 2);
	mi = digits(s + 14, 2);
	sec = digits(s + 17, 2);
	if (y < 1970 || mo < 1 || mo > 12 || d < 1 || d > mdays[mo - 1] ||
	    (mo == 2 && d == 29 && (y % 4 != 0 ||
	    (y % 100 == 0 && y % 400 != 0))) || h > 23 || mi > 59 || sec > 60)
		return -1;
	*ms = ((days_from_civil(y, mo, d) * 24 + h) * 60 + mi) * 60000 +
	    sec * 1000 + digits(s + 20, 3);
	return 0;
}

/* "S" or "S.f" with up to 3 decimals (more are refused), in ms. */
static int
seconds(const char *p, size_t len, uint64_t *ms)
{
	const char *dot = memchr(p, '.', len);
	uint64_t s, f = 0;
	size_t il = dot != NULL ? (size_t)(dot - p) : len, fl = 0;

	if (dot != NULL) {
		fl = len - il - 1;
		if (fl == 0 || fl > 3 || decimal(dot + 1, fl, &f) == -1)
			return -1;
		for (; fl < 3; fl++)
			f *= 10;
	}
	if (il > 12 || decimal(p, il, &s) == -1)
		return -1;
	*ms = s * 1000 + f;
	return 0;
}

static int
split(const char *line, size_t len, struct field f[NFIELDS])
{
	size_t i = 0, n = 0, start;

	for (;;) {
		while (i < len && line[i] == ' ')
			i++;
		if (i == len)
			break;
		if (n == NFIELDS)
			return -1;
		start = i;
		while (i < len && line[i] != ' ')
			i++;
		f[n].p = line + start;
		f[n++].len = i - start;
	}
	return n == NFIELDS ? 0 : -1;
}

/*
 * Strict vis(3) decoding, one byte at a time: libbsd's strnunvis() lets a
 * trailing backslash or a broken escape through.  A decoded NUL or a name
 * that does not fit fails.
 */
static int
unvis_field(const struct field *f, char *out, size_t outsz)
{
	size_t i = 0, n = 0;
	int state = 0, r;
	char c;

	for (;;) {
		r = i < f->len ? unvis(&c, f->p[i], &state, 0) :
		    unvis(&c, '\0', &state, UNVIS_END);
		if (r == UNVIS_VALID || r == UNVIS_VALIDPUSH) {
			if (c == '\0' || n + 1 >= outsz)
				return -1;
			out[n++] = c;
		} else if (r != UNVIS_NOCHAR)
			return -1;
		if (i == f->len)
			break;
		if (r != UNVIS_VALIDPUSH)
			i++;
	}
	out[n] = '\0';
	return 0;
}

static int
filename(const struct field *f, char *out, size_t outsz)
{
	const char *p;
	size_t i;

	for (i = 0; i < f->len; i++)
		if ((unsigned char)f->p[i] <= ' ' ||
		    (unsigned char)f->p[i] >= 0x7f)
			return -1;
	if (unvis_field(f, out, outsz) == -1)
		return -1;
	for (p = out; *p == '/'; p++)
		;
	memmove(out, p, strlen(p) + 1);
	return 0;
}

static int
result(const struct field *f, struct xferlog_rec *r)
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
xferlog_parse(const char *line, size_t len, struct xferlog_rec *r,
    const char **errstr)
{
	struct field f[NFIELDS];
	char ip[IP4_STRLEN];

	if (len >= XFERLOG_LINEMAX || memchr(line, '\0', len) != NULL ||
	    split(line, len, f) == -1) {
		*errstr = "not 7 fields";
		return -1;
	}
	if (xferlog_time_parse(f[0].p, f[0].len, &r->end_ms) == -1) {
		*errstr = "bad time";
		return -1;
	}
	if (f[1].len >= sizeof(ip)) {
		*errstr = "bad address";
		return -1;
	}
	memcpy(ip, f[1].p, f[1].len);
	ip[f[1].len] = '\0';
	if (ip4_parse(ip, &r->ip) == -1) {
		*errstr = "bad address";
		return -1;
	}
	if (f[2].len != 3 || (memcmp(f[2].p, "RRQ", 3) != 0 &&
	    memcmp(f[2].p, "WRQ", 3) != 0)) {
		*errstr = "bad request type";
		return -1;
	}
	r->wrq = f[2].p[0] == 'W';
	if (filename(&f[3], r->file, sizeof(r->file)) == -1) {
		*errstr = "bad file name";
		return -1;
	}
	if (decimal(f[4].p, f[4].len, &r->bytes) == -1) {
		*errstr = "bad byte count";
		return -1;
	}
	if (seconds(f[5].p, f[5].len, &r->dur_ms) == -1) {
		*errstr = "bad duration";
		return -1;
	}
	if (result(&f[6], r) == -1) {
		*errstr = "bad result";
		return -1;
	}
	return 0;
}
