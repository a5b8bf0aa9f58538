// SPDX-License-Identifier: ISC
/*
 * dhcp-eval(5) expressions: the parser, tokens -> dhcpconf.exprs.  It
 * types as ISC's parse_expression does: the right side of `=' is read in
 * the left side's context, so in `option arch = 00:07' and `option arch =
 * 7' both right sides are data (a number there is colon-separated hex, as
 * ISC's parse_cshl reads it: `= 7' is the one byte 07, which a 2-byte
 * option never equals), while in `extract-int (option arch, 16) = 7' it is
 * the number 7.  `not' applies to what follows it directly (`not exists
 * x', `not (a = b)'), `and' binds tighter than `or'.  Arithmetic and
 * regular expressions are refused.  The functions (substring, concat...)
 * are dhcpconf_exprfn.c, the printer dhcpconf_exprprint.c, evaluation
 * dhcpconf_eval.c.
 */
#include <stdint.h>
#include <stdlib.h>
#include <string.h>
#include <strings.h>

#include "dhcpconf_int.h"

#define DC_EXPR_DEPTH	40

static int dc_e_or(struct dc_parser *, enum dc_ectx, int, int *);

enum dc_ectx
dc_expr_type(const struct dhcpconf *c, int e)
{
	const struct dc_expr *x = &c->exprs[e];

	switch (x->op) {
	case DE_AND: case DE_OR: case DE_NOT: case DE_EQ: case DE_NE:
	case DE_EXISTS: case DE_KNOWN: case DE_STATIC:
		return DX_BOOL;
	case DE_NUM: case DE_EXTRACT_INT:
		return DX_NUM;
	case DE_VAR:
		return dc_expr_type(c, x->a);
	default:
		return DX_DATA;
	}
}

int
dc_enew(struct dc_parser *p, enum dc_eop op, unsigned line)
{
	struct dc_expr *x;

	if (array_push(&p->c->exprs, &p->c->nexprs, sizeof(*x)) == -1)
		return dc_fail(p, line, "out of memory");
	x = &p->c->exprs[p->c->nexprs - 1];
	x->op = (uint8_t)op;
	x->a = x->b = x->c = x->d = -1;
	return (int)p->c->nexprs - 1;
}

int
dc_blob_add(struct dc_parser *p, const void *v, size_t n, unsigned line)
{
	struct dhcpconf *c = p->c;
	uint8_t *b;
	size_t off = c->nblob;

	if (n > 0) {
		if (c->nblob + n > INT32_MAX ||
		    (b = realloc(c->blob, c->nblob + n)) == NULL)
			return dc_fail(p, line, "out of memory");
		c->blob = b;
		memcpy(c->blob + c->nblob, v, n);
		c->nblob += n;
	}
	return (int)off;
}

/* A constant: v[0..n) appended to the blob. */
static int
dc_econst(struct dc_parser *p, const void *v, size_t n, unsigned line)
{
	int e, off;

	if ((off = dc_blob_add(p, v, n, line)) == -1 ||
	    (e = dc_enew(p, DE_CONST, line)) == -1)
		return -1;
	p->c->exprs[e].off = (uint32_t)off;
	p->c->exprs[e].len = (uint32_t)n;
	return e;
}

int
dc_e_arg(struct dc_parser *p, enum dc_ectx want, int depth, int *out)
{
	struct conftok_tok t;

	if (dc_e_or(p, want, depth + 1, out) == -1)
		return -1;
	if (want == DX_ANY || dc_expr_type(p->c, *out) == want)
		return 0;
	(void)conftok_peek(&p->tok, &t, p->err);
	return dc_fail(p, t.line, "expected a %s expression",
	    want == DX_BOOL ? "boolean" : want == DX_NUM ? "numeric" :
	    "data");
}

/* A word that is no keyword: a number, hex data or a variable. */
static int
dc_e_word(struct dc_parser *p, const struct conftok_tok *t, enum dc_ectx ctx)
{
	uint8_t buf[DC_EVAL_MAX];
	const char *err;
	long long v;
	size_t i;
	int e, n;

	if (ctx == DX_NUM) {
		v = strtonum(t->text, 0, 0xffffffffLL, &err);
		if (err != NULL)
			return dc_fail(p, t->line, "number '%s' %s", t->text,
			    err);
		if ((e = dc_enew(p, DE_NUM, t->line)) != -1)
			p->c->exprs[e].num = v;
		return e;
	}
	for (i = p->c->nvars; i-- > 0;)
		if (strcasecmp(p->c->vars[i].name, t->text) == 0) {
			if ((e = dc_enew(p, DE_VAR, t->line)) != -1)
				p->c->exprs[e].a = p->c->vars[i].expr;
			return e;
		}
	if ((n = dc_hex_parse(t->text, buf, sizeof(buf))) >= 0)
		return dc_econst(p, buf, (size_t)n, t->line);
	return dc_fail(p, t->line, "unknown expression '%s'", t->text);
}

static int
dc_e_primary(struct dc_parser *p, enum dc_ectx ctx, int depth, int *out)
{
	struct conftok_tok t;
	int e, sub;

	if (depth > DC_EXPR_DEPTH)
		return dc_fail(p, p->tok.line, "expression nested too deeply");
	if (dc_next(p, &t) == -1)
		return -1;
	if (conftok_is(&t, '('))
		return dc_e_or(p, ctx, depth + 1, out) == -1 ? -1 :
		    dc_expect(p, ')');
	if (t.type == CT_STRING)
		return (*out = dc_econst(p, t.text, t.len, t.line)) == -1 ?
		    -1 : 0;
	if (t.type != CT_WORD)
		return dc_fail(p, t.line, "expected an expression, not '%s'",
		    t.text);
	if (strcasecmp(t.text, "not") == 0) {
		/* Into a local: the operand's parse may move exprs[]. */
		if ((e = dc_enew(p, DE_NOT, t.line)) == -1 ||
		    dc_e_primary(p, DX_BOOL, depth + 1, &sub) == -1)
			return -1;
		if (dc_expr_type(p->c, sub) != DX_BOOL)
			return dc_fail(p, t.line, "'not' needs a boolean "
			    "expression");
		p->c->exprs[e].a = sub;
		*out = e;
		return 0;
	}
	if ((e = dc_e_keyword(p, &t, depth)) == -1)
		return -1;
	if (e == -2 && (e = dc_e_word(p, &t, ctx)) == -1)
		return -1;
	*out = e;
	return 0;
}

/* primary [ = | != primary ] */
static int
dc_e_cmp(struct dc_parser *p, enum dc_ectx ctx, int depth, int *out)
{
	struct conftok_tok t, t2;
	enum dc_ectx lt;
	int e, l, r;
	bool ne = false;

	if (dc_e_primary(p, ctx, depth, &l) == -1 ||
	    conftok_peek(&p->tok, &t, p->err) == -1)
		return -1;
	if (t.type == CT_WORD && (strcmp(t.text, "!") == 0 ||
	    strcmp(t.text, "~") == 0 || strcmp(t.text, "~~") == 0)) {
		(void)dc_next(p, &t);
		if (strcmp(t.text, "!") != 0 ||
		    conftok_peek(&p->tok, &t2, p->err) == -1 ||
		    !conftok_is(&t2, '='))
			return dc_fail(p, t.line, "unsupported operator '%s' "
			    "(regular expressions are not)", t.text);
		ne = true;
	} else if (!conftok_is(&t, '=')) {
		*out = l;
		return 0;
	}
	(void)dc_next(p, &t);
	lt = dc_expr_type(p->c, l);
	if (lt == DX_BOOL)
		return dc_fail(p, t.line, "'=' compares data or numbers");
	if (dc_e_primary(p, lt, depth + 1, &r) == -1)
		return -1;
	if (dc_expr_type(p->c, r) != lt)
		return dc_fail(p, t.line, "'=' relates different types");
	if ((e = dc_enew(p, ne ? DE_NE : DE_EQ, t.line)) == -1)
		return -1;
	p->c->exprs[e].a = l;
	p->c->exprs[e].b = r;
	*out = e;
	return 0;
}

/* Left-associative `and' (over comparisons) and `or' (over `and'). */
static int
dc_e_bin(struct dc_parser *p, enum dc_ectx ctx, int depth, int *out,
    bool or)
{
	struct conftok_tok t;
	int e, r;

	if ((or ? dc_e_bin(p, ctx, depth, out, false) :
	    dc_e_cmp(p, ctx, depth, out)) == -1)
		return -1;
	for (;;) {
		if (conftok_peek(&p->tok, &t, p->err) == -1)
			return -1;
		if (t.type != CT_WORD ||
		    strcasecmp(t.text, or ? "or" : "and") != 0)
			return 0;
		(void)dc_next(p, &t);
		if (dc_expr_type(p->c, *out) != DX_BOOL)
			return dc_fail(p, t.line, "'%s' needs boolean "
			    "expressions", t.text);
		if ((or ? dc_e_bin(p, DX_BOOL, depth + 1, &r, false) :
		    dc_e_cmp(p, DX_BOOL, depth + 1, &r)) == -1)
			return -1;
		if (dc_expr_type(p->c, r) != DX_BOOL)
			return dc_fail(p, t.line, "'%s' needs boolean "
			    "expressions", t.text);
		if ((e = dc_enew(p, or ? DE_OR : DE_AND, t.line)) == -1)
			return -1;
		p->c->exprs[e].a = *out;
		p->c->exprs[e].b = r;
		*out = e;
	}
}

static int
dc_e_or(struct dc_parser *p, enum dc_ectx ctx, int depth, int *out)
{
	if (depth > DC_EXPR_DEPTH)
		return dc_fail(p, p->tok.line, "expression nested too deeply");
	return dc_e_bin(p, ctx, depth, out, true);
}

int
dc_expr_read(struct dc_parser *p, enum dc_ectx want, int *out)
{
	return dc_e_arg(p, want, 0, out);
}
