// SPDX-License-Identifier: ISC
/*
 * dhcpconf option values: config text -> wire bytes by the option's
 * definition (ip-address, unsigned integer 8/16/32, text, string, boolean,
 * arrays of them, RFC 2132 encodings), and back to config text for -T.
 */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <strings.h>

#include "dhcpconf_int.h"

int
dc_hex_parse(const char *s, uint8_t *buf, size_t bufsz)
{
	size_t n = 0;
	int hi, lo;

	for (;;) {
		if ((hi = addr_hexdigit((unsigned char)*s++)) == -1)
			return -1;
		if ((lo = addr_hexdigit((unsigned char)*s)) != -1) {
			hi = hi * 16 + lo;
			s++;
		}
		if (n == bufsz)
			return -1;
		buf[n++] = (uint8_t)hi;
		if (*s == '\0')
			return (int)n;
		if (*s++ != ':')
			return -1;
	}
}

int
dc_bytes_read(struct dc_parser *p, uint8_t *buf, size_t bufsz, bool *text)
{
	struct conftok_tok t;
	int n;

	if (dc_next(p, &t) == -1)
		return -1;
	if (t.type == CT_STRING) {
		if (t.len > bufsz)
			return dc_fail(p, t.line, "value too long");
		memcpy(buf, t.text, t.len);
		*text = true;
		return (int)t.len;
	}
	if (t.type != CT_WORD || (n = dc_hex_parse(t.text, buf, bufsz)) < 0)
		return dc_fail(p, t.line, "expected a \"string\" or "
		    "colon-separated hex bytes");
	*text = false;
	return n;
}

static int
dc_put(struct dc_parser *p, struct dc_opt *o, const void *v, size_t n,
    unsigned line)
{
	if (n > sizeof(o->data) - o->len)
		return dc_fail(p, line, "option value too long");
	memcpy(o->data + o->len, v, n);
	o->len += (uint8_t)n;
	return 0;
}

/* The width in bytes of a fixed-size element type. */
static size_t
dc_width(enum dc_otype type)
{
	switch (type) {
	case DC_OT_IP: case DC_OT_U32: case DC_OT_S32:
		return 4;
	case DC_OT_U16: case DC_OT_S16:
		return 2;
	default:
		return 1;
	}
}

static bool
dc_signed(enum dc_otype type)
{
	return type == DC_OT_S8 || type == DC_OT_S16 || type == DC_OT_S32;
}

static int
dc_int_read(struct dc_parser *p, const struct conftok_tok *t,
    enum dc_otype type, struct dc_opt *o)
{
	uint8_t b[4];
	const char *e;
	long long v, max;
	size_t sz = dc_width(type), i;

	max = sz == 4 ? 0xffffffffLL : sz == 2 ? 0xffff : 0xff;
	if (dc_signed(type))
		v = strtonum(t->text, -(max / 2) - 1, max / 2, &e);
	else
		v = strtonum(t->text, 0, max, &e);
	if (e != NULL)
		return dc_fail(p, t->line, "integer '%s' %s", t->text, e);
	for (i = 0; i < sz; i++)
		b[i] = (uint8_t)((unsigned long long)v >> (8 * (sz - 1 - i)));
	return dc_put(p, o, b, sz, t->line);
}

/* A domain name as RFC 1035 labels (no compression), for domain-list. */
static int
dc_domain_read(struct dc_parser *p, const struct conftok_tok *t,
    struct dc_opt *o)
{
	const char *s = t->text, *dot;
	size_t n;
	uint8_t len;

	while (*s != '\0') {
		dot = strchr(s, '.');
		n = dot != NULL ? (size_t)(dot - s) : strlen(s);
		if (n == 0 || n > 63)
			return dc_fail(p, t->line, "bad domain name '%s'",
			    t->text);
		len = (uint8_t)n;
		if (dc_put(p, o, &len, 1, t->line) == -1 ||
		    dc_put(p, o, s, n, t->line) == -1)
			return -1;
		s += n + (dot != NULL);
	}
	len = 0;
	return dc_put(p, o, &len, 1, t->line);
}

/* One element of a value (one address, integer, string...). */
static int
dc_elem_read(struct dc_parser *p, const struct dc_optdef *d,
    const struct conftok_tok *t, struct dc_opt *o)
{
	uint8_t b[4], hex[DC_OPT_MAX];
	uint32_t ip;
	int n;

	if (d->type == DC_OT_DOMAINS)
		return dc_domain_read(p, t, o);
	if (d->type == DC_OT_TEXT && t->type == CT_WORD)
		return dc_put(p, o, t->text, t->len, t->line);	/* as ISC */
	if (d->type == DC_OT_TEXT || d->type == DC_OT_STRING ||
	    d->type == DC_OT_ENCAP) {
		if (t->type == CT_STRING)
			return dc_put(p, o, t->text, t->len, t->line);
		if (d->type != DC_OT_TEXT && t->type == CT_WORD &&
		    (n = dc_hex_parse(t->text, hex, sizeof(hex))) >= 0)
			return dc_put(p, o, hex, (size_t)n, t->line);
		return dc_fail(p, t->line, "expected a \"string\"");
	}
	if (t->type != CT_WORD)
		return dc_fail(p, t->line, "expected a value, not '%s'",
		    t->text);
	switch (d->type) {
	case DC_OT_IP:
		if ((n = dc_addr(p, t, &ip)) <= 0)
			return n;	/* a name with no address: left out */
		b[0] = (uint8_t)(ip >> 24);
		b[1] = (uint8_t)(ip >> 16);
		b[2] = (uint8_t)(ip >> 8);
		b[3] = (uint8_t)ip;
		return dc_put(p, o, b, 4, t->line);
	case DC_OT_BOOL:
		if (strcasecmp(t->text, "true") == 0 ||
		    strcasecmp(t->text, "on") == 0)
			b[0] = 1;
		else if (strcasecmp(t->text, "false") == 0 ||
		    strcasecmp(t->text, "off") == 0)
			b[0] = 0;
		else
			return dc_fail(p, t->line, "bad boolean '%s'",
			    t->text);
		return dc_put(p, o, b, 1, t->line);
	default:
		return dc_int_read(p, t, d->type, o);
	}
}

int
dc_optval_read(struct dc_parser *p, const struct dc_optdef *d,
    struct dc_opt *o)
{
	struct conftok_tok t;

	for (;;) {
		if (dc_next(p, &t) == -1)
			return -1;
		if (dc_elem_read(p, d, &t, o) == -1)
			return -1;
		if (dc_next(p, &t) == -1)
			return -1;
		if (conftok_is(&t, ';'))
			return 0;
		if (!conftok_is(&t, ','))
			return dc_fail(p, t.line, "expected ';' after option "
			    "value");
		if (!d->array && d->type != DC_OT_DOMAINS)
			return dc_fail(p, t.line, "option '%s' takes one "
			    "value", d->name);
	}
}

/* Appends to buf; false once it would not fit. */
static bool
dc_cat(char *buf, size_t sz, const char *s)
{
	return strlcat(buf, s, sz) < sz;
}

bool
dc_printable(const uint8_t *v, size_t n)
{
	size_t i;

	for (i = 0; i < n; i++)
		if (v[i] < 0x20 || v[i] > 0x7e)
			return false;
	return true;
}

bool
dc_fmt_text(char *buf, size_t sz, const uint8_t *v, size_t n)
{
	char e[8];
	size_t i;

	if (!dc_cat(buf, sz, "\""))
		return false;
	for (i = 0; i < n; i++) {
		if (v[i] == '"' || v[i] == '\\')
			snprintf(e, sizeof(e), "\\%c", v[i]);
		else if (v[i] < 0x20 || v[i] > 0x7e)
			snprintf(e, sizeof(e), "\\%03o", v[i]);
		else
			snprintf(e, sizeof(e), "%c", v[i]);
		if (!dc_cat(buf, sz, e))
			return false;
	}
	return dc_cat(buf, sz, "\"");
}

bool
dc_fmt_hex(char *buf, size_t sz, const uint8_t *v, size_t n)
{
	char e[4];
	size_t i;

	for (i = 0; i < n; i++) {
		snprintf(e, sizeof(e), i ? ":%02x" : "%02x", v[i]);
		if (!dc_cat(buf, sz, e))
			return false;
	}
	return true;
}

/* Fixed-width elements: addresses, integers, booleans. */
static bool
dc_fmt_elems(char *buf, size_t sz, enum dc_otype type, const uint8_t *v,
    size_t n)
{
	char e[24];
	size_t w = dc_width(type), i, k;
	uint32_t x;

	for (i = 0; i < n; i += w) {
		for (x = 0, k = 0; k < w; k++)
			x = x << 8 | v[i + k];
		if (type == DC_OT_IP)
			ip4_ntoa(x, e);
		else if (type == DC_OT_BOOL)
			strlcpy(e, x ? "true" : "false", sizeof(e));
		else if (dc_signed(type))
			snprintf(e, sizeof(e), "%lld", (long long)(w == 4 ?
			    (int32_t)x : w == 2 ? (int16_t)x : (int8_t)x));
		else
			snprintf(e, sizeof(e), "%u", x);
		if ((i > 0 && !dc_cat(buf, sz, ", ")) || !dc_cat(buf, sz, e))
			return false;
	}
	return true;
}

/* RFC 1035 names back to "a.example", "b.example"; false if not such. */
static bool
dc_fmt_domains(char *buf, size_t sz, const uint8_t *v, size_t n)
{
	char name[DC_OPT_MAX + 1];
	size_t i = 0, k;

	while (i < n) {
		k = 0;
		while (i < n && v[i] != 0) {
			if (v[i] > 63 || i + 1 + v[i] > n)
				return false;
			if (k > 0)
				name[k++] = '.';
			memcpy(name + k, v + i + 1, v[i]);
			k += v[i];
			i += 1 + (size_t)v[i];
		}
		if (i++ >= n || k == 0)
			return false;
		name[k] = '\0';
		if ((buf[0] != '\0' && !dc_cat(buf, sz, ", ")) ||
		    !dc_fmt_text(buf, sz, (const uint8_t *)name, k))
			return false;
	}
	return true;
}

int
dhcpconf_optval_format(const struct dc_optdef *d, const struct dc_opt *o,
    char *buf, size_t sz)
{
	size_t w;

	buf[0] = '\0';
	switch (d->type) {
	case DC_OT_TEXT:
		if (dc_fmt_text(buf, sz, o->data, o->len))
			return 0;
		break;
	case DC_OT_STRING:
	case DC_OT_ENCAP:
		/* "" too: hex of nothing would print no value at all. */
		if (dc_printable(o->data, o->len) &&
		    dc_fmt_text(buf, sz, o->data, o->len))
			return 0;
		break;
	case DC_OT_DOMAINS:
		if (dc_fmt_domains(buf, sz, o->data, o->len))
			return 0;
		break;
	default:
		w = dc_width(d->type);
		if (o->len > 0 && o->len % w == 0 &&
		    (d->array || o->len == w) &&
		    dc_fmt_elems(buf, sz, d->type, o->data, o->len))
			return 0;
		break;
	}
	buf[0] = '\0';
	dc_fmt_hex(buf, sz, o->data, o->len);
	return d->type != DC_OT_TEXT && o->len > 0 ? 0 : -1;
}
