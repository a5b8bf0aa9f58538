// SPDX-License-Identifier: ISC
/*
 * dhcpconf options: lookups in the standard options (dhcpconf_opttab.c)
 * and the config's own definitions, `option space' and
 * `option NAME code N = TYPE' definitions, and option values in both
 * directions: config text -> wire bytes, wire bytes -> config text.
 */
#include <ctype.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <strings.h>

#include "dhcpconf_int.h"

#define DC_NBUILTIN	dc_nbuiltin

static const struct {
	const char	*name;
	enum dc_otype	 type;
} dc_types[] = {
	{ "ip-address", DC_OT_IP }, { "text", DC_OT_TEXT },
	{ "string", DC_OT_STRING }, { "boolean", DC_OT_BOOL },
	{ "domain-list", DC_OT_DOMAINS },
};

/*
 * A definition must name a new option: a name or code defined earlier in
 * its space would make the printed config (which names each value by its
 * code) read back differently. Redefining a built-in's code replaces the
 * built-in (ISC's `option arch code 93'), unless it already has a value.
 */
static int
dc_def_check(struct dc_parser *p, const struct dc_optdef *d)
{
	const struct dc_optdef *o;
	size_t i;

	for (i = 0; i < p->c->ndefs; i++) {
		o = &p->c->defs[i];
		if (o->space == d->space && (o->code == d->code ||
		    strcasecmp(o->name, d->name) == 0))
			return dc_fail(p, d->line, "option '%s' (code %u) "
			    "already defined on line %u", o->name, o->code,
			    o->line);
	}
	if (d->space != DC_SPACE_DHCP)
		return 0;
	/*
	 * A standard name given another code (ISC lets xCAT's `option
	 * www-server code 114' do it) names the new code from here on; the
	 * standard code then has no name to be given a value by, so it must
	 * not have one already.
	 */
	for (i = 0; i < DC_NBUILTIN; i++)
		if (strcasecmp(dc_builtin[i].name, d->name) == 0 &&
		    dc_builtin[i].code != d->code &&
		    (p->used[dc_builtin[i].code / 8] &
		    (1u << (dc_builtin[i].code % 8))))
			return dc_fail(p, d->line, "option '%s' (standard code "
			    "%u) already has a value or match before its "
			    "redefinition", d->name, dc_builtin[i].code);
	if (p->used[d->code / 8] & (1u << (d->code % 8)))
		return dc_fail(p, d->line, "option code %u already has a "
		    "value or match before its definition", d->code);
	return 0;
}

/* "unsigned integer 8", "ip-address", "array of text"... up to ';'. */
static int
dc_type_read(struct dc_parser *p, struct dc_optdef *d)
{
	struct conftok_tok t;
	const char *e;
	size_t i;
	long long bits;
	bool sign;

	if (dc_word(p, &t, "option type") == -1)
		return -1;
	if (strcasecmp(t.text, "array") == 0) {
		d->array = true;
		if (dc_word(p, &t, "'of'") == -1)
			return -1;
		if (strcasecmp(t.text, "of") != 0)
			return dc_fail(p, t.line, "expected 'of'");
		if (dc_word(p, &t, "option type") == -1)
			return -1;
	}
	if (strcasecmp(t.text, "encapsulate") == 0 && !d->array) {
		if (dc_word(p, &t, "an option space") == -1)
			return -1;
		if ((d->encap = dhcpconf_space_find(p->c, t.text)) <=
		    DC_SPACE_DHCP)
			return dc_fail(p, t.line, "unknown option space '%s'",
			    t.text);
		d->type = DC_OT_ENCAP;
		return dc_semi(p);
	}
	for (i = 0; i < sizeof(dc_types) / sizeof(dc_types[0]); i++)
		if (strcasecmp(t.text, dc_types[i].name) == 0) {
			d->type = dc_types[i].type;
			return dc_semi(p);
		}
	sign = strcasecmp(t.text, "unsigned") != 0;	/* bare `integer': signed */
	if (sign && strcasecmp(t.text, "signed") != 0) {
		if (strcasecmp(t.text, "integer") != 0)
			return dc_fail(p, t.line, "unsupported option type "
			    "'%s'", t.text);
		goto width;
	}
	if (dc_word(p, &t, "'integer'") == -1)
		return -1;
	if (strcasecmp(t.text, "integer") != 0)
		return dc_fail(p, t.line, "expected 'integer'");
width:
	if (dc_word(p, &t, "integer width") == -1)
		return -1;
	bits = strtonum(t.text, 8, 32, &e);
	if (e != NULL || (bits != 8 && bits != 16 && bits != 32))
		return dc_fail(p, t.line, "integer width must be 8, 16 or 32");
	if (sign)
		d->type = bits == 8 ? DC_OT_S8 : bits == 16 ? DC_OT_S16 :
		    DC_OT_S32;
	else
		d->type = bits == 8 ? DC_OT_U8 : bits == 16 ? DC_OT_U16 :
		    DC_OT_U32;
	return dc_semi(p);
}

/* `option NAME code N = TYPE;' (NAME may be "space.name"). */
static int
dc_def_read(struct dc_parser *p, const char *name, unsigned line)
{
	struct dhcpconf *c = p->c;
	struct dc_optdef d;
	struct conftok_tok t;
	const char *dot, *e;
	char sp[DC_NAME_MAX];

	memset(&d, 0, sizeof(d));
	d.line = line;
	if ((dot = strchr(name, '.')) != NULL) {
		if ((size_t)(dot - name) >= sizeof(sp))
			return dc_fail(p, line, "option space name too long");
		memcpy(sp, name, (size_t)(dot - name));
		sp[dot - name] = '\0';
		if ((d.space = dhcpconf_space_find(c, sp)) == -1)
			return dc_fail(p, line, "unknown option space '%s'",
			    sp);
		name = dot + 1;
	}
	if (strlcpy(d.name, name, sizeof(d.name)) >= sizeof(d.name) ||
	    d.name[0] == '\0')
		return dc_fail(p, line, "bad option name");
	if (dc_word(p, &t, "option code") == -1)
		return -1;
	d.code = (uint8_t)strtonum(t.text, 1, 254, &e);
	if (e != NULL)
		return dc_fail(p, t.line, "option code '%s' %s", t.text, e);
	if (dc_expect(p, '=') == -1 || dc_type_read(p, &d) == -1 ||
	    dc_def_check(p, &d) == -1)
		return -1;
	if (array_push(&c->defs, &c->ndefs, sizeof(d)) == -1)
		return dc_fail(p, line, "out of memory");
	c->defs[c->ndefs - 1] = d;
	return 0;
}

int
dc_stmt_option(struct dc_parser *p, int scope, unsigned line)
{
	struct dc_params *pa = &p->c->scopes[scope].p;
	const struct dc_optdef *d;
	struct conftok_tok name, t;
	struct dc_opt o;

	if (dc_word(p, &name, "option name") == -1)
		return -1;
	if (strcasecmp(name.text, "space") == 0) {
		if (dc_real_scope(p->c, scope) != DC_GLOBAL)
			return dc_fail(p, line, "'option space' is allowed "
			    "only at the top level");
		if (dc_word(p, &t, "option space name") == -1 ||
		    dc_semi(p) == -1)
			return -1;
		if (dhcpconf_space_find(p->c, t.text) != -1)
			return dc_fail(p, line, "option space '%s' already "
			    "defined", t.text);
		if (dc_space_add(p->c, t.text) == -1)
			return dc_fail(p, line, "bad option space '%s'",
			    t.text);
		return 0;
	}
	if (conftok_peek(&p->tok, &t, p->err) == -1)
		return -1;
	if (t.type == CT_WORD && strcasecmp(t.text, "code") == 0) {
		if (dc_real_scope(p->c, scope) != DC_GLOBAL)
			return dc_fail(p, line, "option definitions are "
			    "allowed only at the top level");
		(void)dc_next(p, &t);
		return dc_def_read(p, name.text, line);
	}
	if ((d = dhcpconf_optdef_byname(p->c, name.text)) == NULL)
		return dc_fail(p, line, "unsupported option '%s'", name.text);
	memset(&o, 0, sizeof(o));
	o.space = d->space;
	o.code = d->code;
	o.expr = -1;
	dc_code_used(p, d->space, d->code);
	if (conftok_peek(&p->tok, &t, p->err) == -1)
		return -1;
	if (conftok_is(&t, '=')) {		/* computed per client */
		(void)dc_next(p, &t);
		if (dc_expr_read(p, DX_DATA, &o.expr) == -1 ||
		    dc_semi(p) == -1)
			return -1;
		pa = &p->c->scopes[scope].p;
	} else if (dc_optval_read(p, d, &o) == -1)
		return -1;
	else if (d->type == DC_OT_IP && o.len == 0)
		return 0;	/* only names with no address: left out */
	if (array_push(&pa->opt, &pa->nopt, sizeof(o)) == -1)
		return dc_fail(p, line, "out of memory");
	pa->opt[pa->nopt - 1] = o;
	return 0;
}
