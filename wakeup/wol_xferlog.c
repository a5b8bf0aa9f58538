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

#include "wol_logfield.h"
#include "wol_xferlog.h"

#define NFIELDS	7

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

/*
 * Strict vis(3) decoding, one byte at a time: libbsd's strnunvis() lets a
 * trailing backslash or a broken escape through.  A decoded NUL or a name
 * that does not fit fails.
 */
static int
unvis_field(const struct logfield *f, char *out, size_t outsz)
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
filename(const struct logfield *f, char *out, size_t outsz)
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

int
xferlog_parse(const char *line, size_t len, struct xferlog_rec *r,
    const char **errstr)
{
	struct logfield f[NFIELDS];

	if (len >= XFERLOG_LINEMAX || memchr(line, '\0', len) != NULL ||
	    logfield_split(line, len, f, NFIELDS, false) == -1) {
		*errstr = "not 7 fields";
		return -1;
	}
	if (xferlog_time_parse(f[0].p, f[0].len, &r->end_ms) == -1) {
		*errstr = "bad time";
		return -1;
	}
	if (logfield_address(&f[1], &r->ip) == -1) {
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
	if (logfield_outcome(&f[4], r, errstr) == -1)
		return -1;
	return 0;
}

