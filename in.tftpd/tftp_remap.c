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
#include "common/text.h"
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
#define RX_LEN_MAX	256	/* bytes of one regex */
#define RX_OPS_MAX	16	/* repetition operators in one regex */
#define RX_GROUPS_MAX	16	/* parentheses in one regex */
#define RX_BOUND_MAX	32	/* largest m or n of {m,n} */

static const char flagchars[] = "rgiesaGP46~";

/* Next field of *sp; a backslash keeps the next character in the field. */
static char *
field(char **sp)
{
	char *s = *sp, *start;

	while (isspace((unsigned char)*s))
		s++;
	if (*s == '\0')
		return NULL;
	start = s;
	while (*s != '\0' && !isspace((unsigned char)*s))
		s += (s[0] == '\\' && s[1] != '\0') ? 2 : 1;
	if (*s != '\0')
		*s++ = '\0';
	*sp = s;
	return start;
}

static int
parse_flags(const char *f, unsigned *flags)
{
	const char *c;

	*flags = 0;
	for (; *f != '\0'; f++) {
		if ((c = strchr(flagchars, *f)) == NULL)
			return -1;
		*flags |= 1u << (c - flagchars);
	}
	if ((*flags & (RM_INVERT | RM_REPLACE)) == (RM_INVERT | RM_REPLACE))
		return -1;
	return 0;
}

/* Skips a bracket expression at s ('['); the char after ']', or NULL. */
static const char *
rx_bracket(const char *s)
{
	s++;
	if (*s == '^')
		s++;
	if (*s == ']')
		s++;
	for (; *s != '\0' && *s != ']'; s++)
		if (s[0] == '[' && (s[1] == ':' || s[1] == '.' ||
		    s[1] == '=')) {
			if ((s = strchr(s + 2, ']')) == NULL)
				return NULL;
		}
	return *s == ']' ? s + 1 : NULL;
}

/* Skips an interval at s ('{'); the char after '}', or NULL if too big. */
static const char *
rx_interval(const char *s)
{
	unsigned long v;
	char *e;

	for (s++;; s = e + 1) {
		v = strtoul(s, &e, 10);
		if (v > RX_BOUND_MAX)
			return NULL;
		if (*e == '}')
			return e + 1;
		if (*e != ',')
			return *e == '\0' ? e : NULL;
	}
}

/*
 * glibc's regcomp takes time exponential in stacked repetitions ("a++++")
 * and grows with nested counted ones, so a rule's regex is refused unless
 * its cost is bounded: short, few operators and groups, small intervals,
 * and no repetition operator right after another (undefined in POSIX).
 */
static const char *
rx_check(const char *s)
{
	unsigned ops = 0, groups = 0;
	bool rep = false, isrep;

	if (strlen(s) > RX_LEN_MAX)
		return "longer than 256 bytes";
	while (*s != '\0') {
		isrep = *s == '*' || *s == '+' || *s == '?' ||
		    (*s == '{' && isdigit((unsigned char)s[1]));
		if (isrep && rep)
			return "has a repetition operator after another";
		if (isrep && ++ops > RX_OPS_MAX)
			return "has over 16 repetition operators";
		if (*s == '(' && ++groups > RX_GROUPS_MAX)
			return "has over 16 groups";
		rep = isrep;
		if (*s == '\\' && s[1] != '\0')
			s += 2;
		else if (*s == '[')
			s = rx_bracket(s);
		else if (isrep && *s == '{')
			s = rx_interval(s);
		else
			s++;
		if (s == NULL)
			return "has a bad [] or an interval over {32}";
	}
	return NULL;
}

static int
add_rule(struct tftp_remap *m, char *line, unsigned lineno,
    const char *file, struct perr *err)
{
	struct tftp_remap_rule r = { .line = lineno }, *v;
	char *p = line, *fl, *rx, *repl;
	const char *why;

	if ((fl = field(&p)) == NULL)
		return 0;
	rx = field(&p);
	repl = field(&p);
	if (rx == NULL || parse_flags(fl, &r.flags) == -1) {
		perr_set(err, file, lineno, "bad rule flags or no regex");
		return -1;
	}
	if ((r.flags & RM_REPLACE) != (repl != NULL) || field(&p) != NULL) {
		perr_set(err, file, lineno, "a replacement goes with flag r, "
		    "and only then");
		return -1;
	}
	if ((why = rx_check(rx)) != NULL) {
		perr_set(err, file, lineno, "regex %s", why);
		return -1;
	}
	if (regcomp(&r.rx, rx, REG_EXTENDED |
	    ((r.flags & RM_ICASE) ? REG_ICASE : 0)) != 0) {
		perr_set(err, file, lineno, "bad regex %s", rx);
		return -1;
	}
	if ((repl != NULL && (r.repl = strdup(repl)) == NULL) ||
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

int
tftp_remap_parse(struct tftp_remap *m, const char *text, size_t len,
    const char *file, struct perr *err)
{
	struct text t;
	char line[TEXT_LINEMAX];
	const char *errstr;
	int r;

	text_init(&t, text, len);
	while ((r = text_next(&t, line, sizeof(line), &errstr)) == 1)
		if (add_rule(m, line, t.lineno, file, err) == -1)
			return -1;
	if (r == -1) {
		perr_set(err, file, t.lineno, "%s", errstr);
		return -1;
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
			return 1;
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
			i = (size_t)-1;
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
