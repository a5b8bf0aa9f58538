// SPDX-License-Identifier: ISC
/*
 * dhcp-eval(5) expressions, continued: the keywords and functions
 * (option, exists, config-option, encapsulate, substring, concat,
 * binary-to-ascii...), each operand read in the type the function wants.
 */
#include <stdlib.h>
#include <string.h>
#include <strings.h>

#include "dhcpconf_int.h"

/* `option NAME', `exists NAME': the option's space and code. */
static int
dc_e_optname(struct dc_parser *p, int e)
{
	const struct dc_optdef *d;
	struct conftok_tok t;

	if (dc_word(p, &t, "an option name") == -1)
		return -1;
	if ((d = dhcpconf_optdef_byname(p->c, t.text)) == NULL)
		return dc_fail(p, t.line, "unknown option '%s'", t.text);
	p->c->exprs[e].space = (int16_t)d->space;
	p->c->exprs[e].code = d->code;
	dc_code_used(p, d->space, d->code);
	return 0;
}

/* The number a width must be: 8, 16 or 32. */
static int
dc_e_width(struct dc_parser *p, int e)
{
	struct conftok_tok t;
	const char *err;
	long long w;

	if (dc_word(p, &t, "a width") == -1)
		return -1;
	w = strtonum(t.text, 8, 32, &err);
	if (err != NULL || (w != 8 && w != 16 && w != 32))
		return dc_fail(p, t.line, "width must be 8, 16 or 32");
	p->c->exprs[e].num = w;
	return 0;
}

/* f (args): sig lists each argument's type: d data, n number, w width. */
static int
dc_e_call(struct dc_parser *p, int e, const char *sig, int depth)
{
	struct dc_expr *x;
	int *slot[4], v;
	size_t i;

	if (dc_expect(p, '(') == -1)
		return -1;
	for (i = 0; sig[i] != '\0'; i++) {
		if (i > 0 && dc_expect(p, ',') == -1)
			return -1;
		if (sig[i] == 'w') {
			if (dc_e_width(p, e) == -1)
				return -1;
			continue;
		}
		if (p->operand(p, sig[i] == 'n' ? DX_NUM : DX_DATA, depth,
		    &v) == -1)
			return -1;
		x = &p->c->exprs[e];
		slot[0] = &x->a;
		slot[1] = &x->b;
		slot[2] = &x->c;
		slot[3] = &x->d;
		*slot[i] = v;
	}
	return dc_expect(p, ')');
}

/* concat (a, b, ...) and pick-first-value (a, ...): nested pairs. */
static int
dc_e_list(struct dc_parser *p, enum dc_eop op, unsigned line, int depth)
{
	struct conftok_tok t;
	int e, v;

	if (dc_expect(p, '(') == -1 || p->operand(p, DX_DATA, depth, &v) == -1)
		return -1;
	for (;;) {
		if (dc_next(p, &t) == -1)
			return -1;
		if (conftok_is(&t, ')'))
			return v;
		if (!conftok_is(&t, ','))
			return dc_fail(p, t.line, "expected ',' or ')'");
		if ((e = dc_enew(p, op, line)) == -1)
			return -1;
		p->c->exprs[e].a = v;
		if (p->operand(p, DX_DATA, depth, &v) == -1)
			return -1;
		p->c->exprs[e].b = v;
		v = e;
	}
}

static const struct {
	const char	*kw;
	enum dc_eop	 op;
	const char	*sig;	/* NULL: no parentheses */
} dc_efuncs[] = {
	{ "known", DE_KNOWN, NULL }, { "static", DE_STATIC, NULL },
	{ "hardware", DE_HARDWARE, NULL }, { "null", DE_NULL, NULL },
	{ "host-decl-name", DE_HOST_DECL_NAME, NULL },
	{ "leased-address", DE_LEASED_ADDRESS, NULL },
	{ "filename", DE_FILENAME, NULL }, { "server-name", DE_SNAME, NULL },
	{ "packet", DE_PACKET, "nn" }, { "substring", DE_SUBSTRING, "dnn" },
	{ "suffix", DE_SUFFIX, "dn" }, { "lcase", DE_LCASE, "d" },
	{ "ucase", DE_UCASE, "d" }, { "binary-to-ascii", DE_BIN2ASCII, "nndd" },
	{ "encode-int", DE_ENCODE_INT, "nw" },
	{ "extract-int", DE_EXTRACT_INT, "dw" }, { "reverse", DE_REVERSE, "nd" },
};

int
dc_e_keyword(struct dc_parser *p, const struct conftok_tok *t, int depth)
{
	struct conftok_tok sp;
	size_t i;
	int e;

	for (i = 0; i < sizeof(dc_efuncs) / sizeof(dc_efuncs[0]); i++) {
		if (strcasecmp(t->text, dc_efuncs[i].kw) != 0)
			continue;
		if ((e = dc_enew(p, dc_efuncs[i].op, t->line)) == -1)
			return -1;
		if (dc_efuncs[i].sig != NULL &&
		    dc_e_call(p, e, dc_efuncs[i].sig, depth) == -1)
			return -1;
		return e;
	}
	if (strcasecmp(t->text, "concat") == 0)
		return dc_e_list(p, DE_CONCAT, t->line, depth);
	if (strcasecmp(t->text, "pick-first-value") == 0)
		return dc_e_list(p, DE_PICK_FIRST, t->line, depth);
	if (strcasecmp(t->text, "option") == 0 ||
	    strcasecmp(t->text, "config-option") == 0 ||
	    strcasecmp(t->text, "exists") == 0) {
		if ((e = dc_enew(p, t->text[0] == 'o' || t->text[0] == 'O' ?
		    DE_OPTION : t->text[0] == 'e' || t->text[0] == 'E' ?
		    DE_EXISTS : DE_CONFIG_OPTION, t->line)) == -1)
			return -1;
		return dc_e_optname(p, e) == -1 ? -1 : e;
	}
	if (strcasecmp(t->text, "encapsulate") == 0) {
		if ((e = dc_enew(p, DE_ENCAPSULATE, t->line)) == -1 ||
		    dc_word(p, &sp, "an option space") == -1)
			return -1;
		if ((i = (size_t)dhcpconf_space_find(p->c, sp.text)) ==
		    (size_t)-1 || i == DC_SPACE_DHCP)
			return dc_fail(p, sp.line, "unknown option space '%s'",
			    sp.text);
		p->c->exprs[e].space = (int16_t)i;
		return e;
	}
	return -2;	/* not a keyword */
}

