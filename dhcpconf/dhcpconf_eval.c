// SPDX-License-Identifier: ISC
/*
 * dhcp-eval(5) expressions evaluated for one client, as ISC's tree.c
 * does: a missing option is null; substring past the end is empty, not
 * null; concat, suffix, binary-to-ascii... of a null are null; `and' is
 * null unless its left side is true (`not (false and x)' is false, as in
 * ISC), `or' is true if either side is; null = null is true and null =
 * data false; pick-first-value takes the first operand that is not null.  Data values
 * are bounded by DC_EVAL_MAX (a longer one is null) and the evaluation
 * depth by DC_EVAL_DEPTH (`set' names refer to earlier expressions only,
 * so there is no cycle; the bound is for config-option chains).  Pure.
 */
#include <string.h>

#include "dhcpconf_int.h"

#define DC_EVAL_DEPTH	64

struct dc_ev {
	const struct dhcpconf	*c;
	const struct dc_env	*env;
	int			 depth;
};

static int dc_ev_data(struct dc_ev *, int, uint8_t *, size_t, size_t *);
static int dc_ev_bool(struct dc_ev *, int);

static int
dc_ev_put(uint8_t *buf, size_t cap, size_t *len, const void *v, size_t n)
{
	if (n > cap)
		return -1;
	if (n > 0)
		memcpy(buf, v, n);
	*len = n;
	return 0;
}

/* 0 with *v, or -1: null. */
static int
dc_ev_num(struct dc_ev *ev, int e, int64_t *v)
{
	const struct dc_expr *x = &ev->c->exprs[e];
	uint8_t b[DC_EVAL_MAX];
	size_t len, i, w;

	if (x->op == DE_NUM) {
		*v = x->num;
		return 0;
	}
	if (x->op == DE_VAR)
		return dc_ev_num(ev, x->a, v);
	/* extract-int: the first width bits of the data, big-endian. */
	w = (size_t)x->num / 8;
	if (dc_ev_data(ev, x->a, b, sizeof(b), &len) == -1 || len < w)
		return -1;
	for (*v = 0, i = 0; i < w; i++)
		*v = *v << 8 | b[i];
	return 0;
}

/* binary-to-ascii (base, width, separator, data). */
static int
dc_ev_b2a(struct dc_ev *ev, const struct dc_expr *x, uint8_t *buf,
    size_t cap, size_t *len)
{
	uint8_t sep[DC_EVAL_MAX], d[DC_EVAL_MAX];
	size_t slen, dlen;
	int64_t base, width;

	if (dc_ev_num(ev, x->a, &base) == -1 ||
	    dc_ev_num(ev, x->b, &width) == -1 ||
	    dc_ev_data(ev, x->c, sep, sizeof(sep), &slen) == -1 ||
	    dc_ev_data(ev, x->d, d, sizeof(d), &dlen) == -1)
		return -1;
	return dc_b2a(base, width, sep, slen, d, dlen, buf, cap, len);
}

/* substring, suffix: a window of the operand's data. */
static int
dc_ev_window(struct dc_ev *ev, const struct dc_expr *x, uint8_t *buf,
    size_t cap, size_t *len)
{
	int64_t off = 0, n;

	if (dc_ev_data(ev, x->a, buf, cap, len) == -1 ||
	    (x->op == DE_SUBSTRING && dc_ev_num(ev, x->b, &off) == -1) ||
	    dc_ev_num(ev, x->op == DE_SUBSTRING ? x->c : x->b, &n) == -1 ||
	    off < 0 || n < 0)
		return -1;
	dc_window(buf, len, (size_t)off, (size_t)n, x->op == DE_SUFFIX);
	return 0;
}

/* concat, pick-first-value, lcase, ucase, reverse, encode-int. */
static int
dc_ev_combine(struct dc_ev *ev, const struct dc_expr *x, uint8_t *buf,
    size_t cap, size_t *len)
{
	size_t n, i;
	int64_t v;

	switch (x->op) {
	case DE_CONCAT:
		if (dc_ev_data(ev, x->a, buf, cap, len) == -1 ||
		    dc_ev_data(ev, x->b, buf + *len, cap - *len, &n) == -1)
			return -1;
		*len += n;
		return 0;
	case DE_PICK_FIRST:
		return dc_ev_data(ev, x->a, buf, cap, len) == 0 ? 0 :
		    dc_ev_data(ev, x->b, buf, cap, len);
	case DE_LCASE:
	case DE_UCASE:
		if (dc_ev_data(ev, x->a, buf, cap, len) == -1)
			return -1;
		dc_case(buf, *len, x->op == DE_UCASE);
		return 0;
	case DE_REVERSE:
		if (dc_ev_num(ev, x->a, &v) == -1 || v <= 0 ||
		    dc_ev_data(ev, x->b, buf, cap, len) == -1)
			return -1;
		return dc_reverse(buf, *len, (size_t)v);
	default:	/* DE_ENCODE_INT */
		if (dc_ev_num(ev, x->a, &v) == -1 || cap < 4)
			return -1;
		for (*len = (size_t)x->num / 8, i = 0; i < *len; i++)
			buf[i] = (uint8_t)(v >> (8 * (*len - 1 - i)));
		return 0;
	}
}

/* What the client and the configuration say, without computing. */
static int
dc_ev_source(struct dc_ev *ev, const struct dc_expr *x, uint8_t *buf,
    size_t cap, size_t *len)
{
	const struct dc_env *env = ev->env;
	const struct dc_opt *o;
	const uint8_t *v;
	uint8_t a[4];
	size_t n;

	switch (x->op) {
	case DE_OPTION:
		if ((v = dc_client_opt(ev->c, env, x->space, x->code, &n)) ==
		    NULL)
			return -1;
		return dc_ev_put(buf, cap, len, v, n);
	case DE_CONFIG_OPTION:
		if (env->chain == NULL || (o = dhcpconf_option(ev->c,
		    env->chain, x->space, x->code)) == NULL)
			return -1;
		return dc_optval_eval(ev->c, o, env, buf, cap, len,
		    ev->depth + 1);
	case DE_HARDWARE:
		if (env->chaddr == NULL || env->hlen + 1 > cap)
			return -1;
		buf[0] = env->htype;
		memcpy(buf + 1, env->chaddr, env->hlen);
		*len = env->hlen + 1;
		return 0;
	case DE_HOST_DECL_NAME:
		if (env->host_name == NULL)
			return -1;
		return dc_ev_put(buf, cap, len, env->host_name,
		    strlen(env->host_name));
	case DE_LEASED_ADDRESS:
		if (env->leased == 0)
			return -1;
		a[0] = (uint8_t)(env->leased >> 24);
		a[1] = (uint8_t)(env->leased >> 16);
		a[2] = (uint8_t)(env->leased >> 8);
		a[3] = (uint8_t)env->leased;
		return dc_ev_put(buf, cap, len, a, 4);
	case DE_FILENAME:
	case DE_SNAME:		/* the field up to its NUL; empty is null */
		if (env->pkt == NULL || env->pktlen < 236)
			return -1;
		v = env->pkt + (x->op == DE_FILENAME ? 108 : 44);
		n = strnlen((const char *)v, x->op == DE_FILENAME ? 128 : 64);
		return n == 0 ? -1 : dc_ev_put(buf, cap, len, v, n);
	case DE_ENCAPSULATE:
		if (env->chain == NULL)
			return -1;
		*len = dc_encapsulate(ev->c, env->chain, env, x->space, buf,
		    cap, ev->depth + 1);
		return 0;
	default:
		return -1;	/* DE_NULL */
	}
}

static int
dc_ev_data(struct dc_ev *ev, int e, uint8_t *buf, size_t cap, size_t *len)
{
	const struct dc_expr *x = &ev->c->exprs[e];
	int64_t off, n;
	int r;

	if (ev->depth++ > DC_EVAL_DEPTH) {
		ev->depth--;
		return -1;
	}
	switch (x->op) {
	case DE_CONST:
		r = dc_ev_put(buf, cap, len, ev->c->blob + x->off, x->len);
		break;
	case DE_VAR:
		r = dc_ev_data(ev, x->a, buf, cap, len);
		break;
	case DE_PACKET:
		r = -1;
		if (ev->env->pkt != NULL && dc_ev_num(ev, x->a, &off) == 0 &&
		    dc_ev_num(ev, x->b, &n) == 0 && off >= 0 && n >= 0 &&
		    (size_t)off < ev->env->pktlen)
			r = dc_ev_put(buf, cap, len, ev->env->pkt + off,
			    (size_t)n < ev->env->pktlen - (size_t)off ?
			    (size_t)n : ev->env->pktlen - (size_t)off);
		break;
	case DE_SUBSTRING:
	case DE_SUFFIX:
		r = dc_ev_window(ev, x, buf, cap, len);
		break;
	case DE_BIN2ASCII:
		r = dc_ev_b2a(ev, x, buf, cap, len);
		break;
	case DE_CONCAT: case DE_PICK_FIRST: case DE_LCASE: case DE_UCASE:
	case DE_REVERSE: case DE_ENCODE_INT:
		r = dc_ev_combine(ev, x, buf, cap, len);
		break;
	default:
		r = dc_ev_source(ev, x, buf, cap, len);
		break;
	}
	ev->depth--;
	return r;
}

/* `=' and `!=' on data or numbers; null = null is equal. */
static int
dc_ev_equal(struct dc_ev *ev, const struct dc_expr *x)
{
	uint8_t a[DC_EVAL_MAX], b[DC_EVAL_MAX];
	size_t la, lb;
	int64_t na, nb;
	int sa, sb;
	bool eq;

	if (dc_expr_type(ev->c, x->a) == DX_NUM) {
		sa = dc_ev_num(ev, x->a, &na);
		sb = dc_ev_num(ev, x->b, &nb);
		eq = sa == 0 && sb == 0 ? na == nb : sa == sb;
	} else {
		sa = dc_ev_data(ev, x->a, a, sizeof(a), &la);
		sb = dc_ev_data(ev, x->b, b, sizeof(b), &lb);
		eq = sa == 0 && sb == 0 ? la == lb && memcmp(a, b, la) == 0 :
		    sa == sb;
	}
	return eq == (x->op == DE_EQ);
}

static int
dc_ev_bool(struct dc_ev *ev, int e)
{
	const struct dc_expr *x = &ev->c->exprs[e];
	const struct dc_env *env = ev->env;
	size_t n;
	int l, r;

	switch (x->op) {
	case DE_AND:
		/* ISC's tree.c: a left side that is not true makes it null. */
		if (dc_ev_bool(ev, x->a) != 1)
			return -1;
		return dc_ev_bool(ev, x->b);
	case DE_OR:
		if ((l = dc_ev_bool(ev, x->a)) == 1)
			return 1;
		r = dc_ev_bool(ev, x->b);
		return r == 1 ? 1 : l == -1 && r == -1 ? -1 : 0;
	case DE_NOT:
		return (l = dc_ev_bool(ev, x->a)) == -1 ? -1 : !l;
	case DE_EQ:
	case DE_NE:
		return dc_ev_equal(ev, x);
	case DE_EXISTS:
		return dc_client_opt(ev->c, env, x->space, x->code, &n) != NULL;
	case DE_KNOWN:
		return env->known;
	case DE_STATIC:
		return env->is_static;
	case DE_VAR:
		return dc_ev_bool(ev, x->a);
	default:
		return -1;
	}
}

int
dhcpconf_eval_bool(const struct dhcpconf *c, int e, const struct dc_env *env)
{
	struct dc_ev ev = { c, env, 0 };

	return dc_ev_bool(&ev, e);
}

int
dhcpconf_eval_data(const struct dhcpconf *c, int e, const struct dc_env *env,
    uint8_t *buf, size_t cap, size_t *len)
{
	struct dc_ev ev = { c, env, 0 };

	return dc_ev_data(&ev, e, buf, cap, len);
}

int
dc_optval_eval(const struct dhcpconf *c, const struct dc_opt *o,
    const struct dc_env *env, uint8_t *buf, size_t cap, size_t *len,
    int depth)
{
	struct dc_ev ev = { c, env, depth };

	if (o->expr == -1)
		return dc_ev_put(buf, cap, len, o->data, o->len);
	if (depth > DC_EVAL_DEPTH)
		return -1;
	return dc_ev_data(&ev, o->expr, buf, cap, len);
}

size_t
dc_encapsulate(const struct dhcpconf *c, const struct dc_chain *ch,
    const struct dc_env *env, int space, uint8_t *buf, size_t cap,
    int depth)
{
	const struct dc_opt *o;
	uint8_t v[DC_EVAL_MAX];
	size_t n = 0, len;
	int code;

	for (code = 1; code < 255; code++) {
		if ((o = dhcpconf_option(c, ch, space, (uint8_t)code)) == NULL ||
		    dc_optval_eval(c, o, env, v, sizeof(v), &len, depth) == -1 ||
		    len > DC_OPT_MAX)
			continue;
		if (len + 2 > cap - n)
			break;		/* the rest would not fit */
		buf[n++] = (uint8_t)code;
		buf[n++] = (uint8_t)len;
		memcpy(buf + n, v, len);
		n += len;
	}
	return n;
}
