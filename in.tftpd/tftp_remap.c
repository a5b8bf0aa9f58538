// SPDX-License-Identifier: ISC
/*
 * tftp-hpa compatible filename remapping; see tftp_remap.h.  Rules are
 * compiled once at startup; applying them is bounded: a 'g' rule may
 * repeat and an 's' rule may restart the list at most REMAP_LOOPS times
 * in all, after which the request is refused as a looping map.
 */
#include <ctype.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "common/addr.h"
#include "in.tftpd/tftp_remap.h"

#define RM_REPLACE	0x001
#define RM_GLOBAL	0x002
#define RM_ICASE	0x004
#define RM_END		0x008
#define RM_RESTART	0x010
#define RM_DENY		0x020
#define RM_GET		0x040
#define RM_PUT		0x080
#define RM_V4		0x100
#define RM_V6		0x200
#define RM_INVERT	0x400

#define REMAP_LOOPS	256
#define REMAP_BUF	1024
#define REMAP_LINEMAX	4096

static const char flagchars[] = "rgiesaGP46~";

/*
 * tftp-hpa's readescstring(): the next field of *sp into buf (bufsz),
 * ended by white space or '#' that no backslash escapes; the backslashes
 * stay (the regex and the replacement read them).  Nothing after a '#'
 * is a field.  Returns the field's length (0: none), or -1 if too long.
 */
static int
field(const char **sp, char *buf, size_t bufsz)
{
	const char *s = *sp;
	size_t n = 0;
	bool bs = false;

	while (isspace((unsigned char)*s))
		s++;
	for (; *s != '\0'; s++) {
		if (!bs && (isspace((unsigned char)*s) || *s == '#'))
			break;
		/* Two backslashes leave the state unescaped again. */
		bs = !bs && *s == '\\';
		if (n + 1 >= bufsz)
			return -1;
		buf[n++] = *s;
	}
	buf[n] = '\0';
	*sp = s;
	return (int)n;
}

/* G and P: the last one given wins, as tftp-hpa keeps one rule mode. */
static int
parse_flags(const char *f, unsigned *flags)
{
	const char *c;

	*flags = 0;
	for (; *f != '\0'; f++) {
		if ((c = strchr(flagchars, *f)) == NULL)
			return -1;
		if (*f == 'G' || *f == 'P')
			*flags &= ~(RM_GET | RM_PUT);
		*flags |= 1u << (c - flagchars);
	}
	if ((*flags & (RM_INVERT | RM_REPLACE)) == (RM_INVERT | RM_REPLACE))
		return -1;
	if (!(*flags & RM_REPLACE))	/* g only goes with r */
		*flags &= ~RM_GLOBAL;
	return 0;
}

/*
 * One line: flags, regex, replacement (none: empty; for an 'a' rule, the
 * error message); tftp-hpa reads no further, so more fields are ignored.
 */
static int
add_rule(struct tftp_remap *m, const char *line, unsigned lineno,
    const char *file, struct perr *err)
{
	struct tftp_remap_rule r = { .line = lineno }, *v;
	char fl[32], rx[TFTP_REMAP_RXMAX + 2], repl[REMAP_BUF];
	const char *p = line, *why;
	int n;

	if ((n = field(&p, fl, sizeof(fl))) == 0)
		return 0;
	if (n == -1 || parse_flags(fl, &r.flags) == -1) {
		perr_set(err, file, lineno, "bad rule flags");
		return -1;
	}
	if ((n = field(&p, rx, sizeof(rx))) <= 0) {
		perr_set(err, file, lineno, n == 0 ? "no regex" :
		    "regex longer than 256 bytes");
		return -1;
	}
	if (field(&p, repl, sizeof(repl)) == -1) {
		perr_set(err, file, lineno, "replacement too long");
		return -1;
	}
	if ((why = tftp_remap_rx_check(rx)) != NULL) {
		perr_set(err, file, lineno, "regex %s", why);
		return -1;
	}
	if (regcomp(&r.rx, rx, REG_EXTENDED |
	    ((r.flags & RM_ICASE) ? REG_ICASE : 0)) != 0) {
		perr_set(err, file, lineno, "bad regex %s", rx);
		return -1;
	}
	if ((r.repl = strdup(repl)) == NULL ||
	    (v = reallocarray(m->v, m->n + 1, sizeof(*v))) == NULL) {
		regfree(&r.rx);
		free(r.repl);
		perr_set(err, file, lineno, "out of memory");
		return -1;
	}
	m->v = v;
	m->v[m->n++] = r;
	return 0;
}

/* Lines as tftp-hpa reads them: no comment stripping but field()'s. */
int
tftp_remap_parse(struct tftp_remap *m, const char *text, size_t len,
    const char *file, struct perr *err)
{
	char line[REMAP_LINEMAX];
	const char *nl;
	size_t n;
	unsigned lineno = 0;

	while (len > 0) {
		lineno++;
		nl = memchr(text, '\n', len);
		n = nl != NULL ? (size_t)(nl - text) : len;
		if (n >= sizeof(line) || memchr(text, '\0', n) != NULL) {
			perr_set(err, file, lineno, n >= sizeof(line) ?
			    "line too long" : "NUL byte in line");
			return -1;
		}
		memcpy(line, text, n);
		line[n] = '\0';
		if (add_rule(m, line, lineno, file, err) == -1)
			return -1;
		n += nl != NULL;
		text += n;
		len -= n;
	}
	return 0;
}

void
tftp_remap_free(struct tftp_remap *m)
{
	size_t i;

	for (i = 0; i < m->n; i++) {
		regfree(&m->v[i].rx);
		free(m->v[i].repl);
	}
	free(m->v);
	m->v = NULL;
	m->n = 0;
}

struct sbuf {
	char	*buf;
	size_t	 cap, len;
	bool	 over;
	int	 fold;		/* 'U', 'L' or 0 */
};

static void
sb_putn(struct sbuf *b, const char *s, size_t n)
{
	size_t i;
	char c;

	for (i = 0; i < n; i++) {
		if (b->len + 1 >= b->cap) {
			b->over = true;
			return;
		}
		c = s[i];
		if (b->fold == 'U')
			c = (char)toupper((unsigned char)c);
		else if (b->fold == 'L')
			c = (char)tolower((unsigned char)c);
		b->buf[b->len++] = c;
	}
	b->buf[b->len] = '\0';
}

/* Appends the replacement of rule r for the match pm in subject s. */
static void
expand(struct sbuf *b, const char *repl, const char *s, const regmatch_t *pm,
    const struct tftp_remap_ctx *ctx)
{
	char tmp[IP4_STRLEN];
	const char *p;
	int g;

	for (p = repl; *p != '\0'; p++) {
		if (*p != '\\' || p[1] == '\0') {
			sb_putn(b, p, 1);
			continue;
		}
		p++;
		if (*p >= '0' && *p <= '9') {
			g = *p - '0';
			if (pm[g].rm_so != -1)
				sb_putn(b, s + pm[g].rm_so,
				    (size_t)(pm[g].rm_eo - pm[g].rm_so));
		} else if (*p == 'i')
			sb_putn(b, tmp, strlen(ip4_ntoa(ctx->ip, tmp)));
		else if (*p == 'x')
			sb_putn(b, tmp, strlen(ip4_hex(ctx->ip, tmp)));
		else if (*p == 'm')
			sb_putn(b, ctx->mac, strlen(ctx->mac));
		else if (*p == 'U' || *p == 'L')
			b->fold = *p;
		else if (*p == 'E')
			b->fold = 0;
		else
			sb_putn(b, p, 1);
	}
}

/* One substitution of rule r in cur (NUL-terminated, REMAP_BUF). */
static int
replace(const struct tftp_remap_rule *r, char *cur, const regmatch_t *pm,
    const struct tftp_remap_ctx *ctx)
{
	char out[REMAP_BUF];
	struct sbuf b = { out, sizeof(out), 0, false, 0 };

	out[0] = '\0';
	sb_putn(&b, cur, (size_t)pm[0].rm_so);
	expand(&b, r->repl, cur, pm, ctx);
	b.fold = 0;
	sb_putn(&b, cur + pm[0].rm_eo, strlen(cur + pm[0].rm_eo));
	if (b.over)
		return -1;
	memcpy(cur, out, b.len + 1);
	return 0;
}

/*
 * An 'a' rule: its replacement, expanded, is the error message sent (in
 * out; "" for none).  Returns 1.
 */
static int
deny(const struct tftp_remap_rule *r, const char *cur, const regmatch_t *pm,
    const struct tftp_remap_ctx *ctx, char *out, size_t outsz)
{
	static const regmatch_t none[10] = {
		{ -1, -1 }, { -1, -1 }, { -1, -1 }, { -1, -1 }, { -1, -1 },
		{ -1, -1 }, { -1, -1 }, { -1, -1 }, { -1, -1 }, { -1, -1 }
	};
	struct sbuf b = { out, outsz, 0, false, 0 };

	if (outsz == 0)
		return 1;
	out[0] = '\0';
	expand(&b, r->repl, cur, pm != NULL ? pm : none, ctx);
	return 1;
}

static bool
applies(const struct tftp_remap_rule *r, const struct tftp_remap_ctx *ctx)
{
	if ((r->flags & RM_GET) && ctx->wrq)
		return false;
	if ((r->flags & RM_PUT) && !ctx->wrq)
		return false;
	return (r->flags & RM_V6) == 0;	/* the server is IPv4 only */
}

int
tftp_remap_apply(const struct tftp_remap *m, const char *name,
    const struct tftp_remap_ctx *ctx, char *out, size_t outsz,
    const char **errstr)
{
	char cur[REMAP_BUF];
	regmatch_t pm[10];
	const struct tftp_remap_rule *r;
	unsigned loops = 0;
	size_t i;
	bool hit;

	if (strlcpy(cur, name, sizeof(cur)) >= sizeof(cur))
		goto toolong;
	for (i = 0; i < m->n; i++) {
		r = &m->v[i];
		if (!applies(r, ctx))
			continue;
		hit = regexec(&r->rx, cur, 10, pm, 0) == 0;
		if (!hit == !(r->flags & RM_INVERT))
			continue;
		if (r->flags & RM_DENY)
			return deny(r, cur, hit ? pm : NULL, ctx, out, outsz);
		while ((r->flags & RM_REPLACE) && hit) {
			if (++loops > REMAP_LOOPS)
				goto loop;
			if (replace(r, cur, pm, ctx) == -1)
				goto toolong;
			hit = (r->flags & RM_GLOBAL) &&
			    regexec(&r->rx, cur, 10, pm, 0) == 0;
		}
		if (r->flags & RM_END)
			break;
		if (r->flags & RM_RESTART) {
			if (++loops > REMAP_LOOPS)
				goto loop;
			/*
			 * tftp-hpa 5.2 sets its rule pointer to the first rule
			 * and its loop then steps to the second: keep that.
			 */
			i = 0;
		}
	}
	if (strlcpy(out, cur, outsz) >= outsz)
		goto toolong;
	return 0;
toolong:
	*errstr = "remapped name too long";
	return -1;
loop:
	*errstr = "remap rules loop";
	return -1;
}
