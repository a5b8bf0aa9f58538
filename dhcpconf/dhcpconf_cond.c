// SPDX-License-Identifier: ISC
/*
 * dhcpconf conditionals: `if EXPR { ... } elsif EXPR { ... } else { ... }'
 * (ISC also takes `else if'), each branch a conditional scope under the
 * block it is written in, and `set NAME = EXPR;', a name later
 * expressions may use.  The statements that follow an `if' in the same
 * block go to a continuation scope after it (dc_cont), so that they
 * override what the branch set, as ISC executes statements in order.
 */
#include <string.h>
#include <strings.h>

#include "dhcpconf_int.h"

/* A conditional child of scope, appended to its list. */
static int
dc_cond_new(struct dc_parser *p, int scope, int cond, int prev,
    unsigned line)
{
	struct dhcpconf *c = p->c;
	int s, *link;

	if ((s = dc_new(p, DC_K_COND, scope, line)) == -1)
		return -1;
	c->scopes[s].cond = cond;
	c->scopes[s].prev = prev;
	for (link = &c->scopes[scope].first_cond; *link != -1;
	    link = &c->scopes[*link].next_cond)
		;
	*link = s;
	return s;
}

int
dc_cont(struct dc_parser *p, int scope, unsigned line)
{
	return dc_cond_new(p, scope, -1, -1, line);
}

/* One branch: its condition (none for else) and its block. */
static int
dc_branch(struct dc_parser *p, int scope, bool has_cond, int prev,
    unsigned line)
{
	int e = -1, b;

	if (has_cond && dc_expr_read(p, DX_BOOL, &e) == -1)
		return -1;
	if ((b = dc_cond_new(p, scope, e, prev, line)) == -1 ||
	    dc_subblock(p, b) == -1)
		return -1;
	return b;
}

int
dc_stmt_if(struct dc_parser *p, int scope, const struct conftok_tok *kw)
{
	struct conftok_tok t;
	int b;

	if ((b = dc_branch(p, scope, true, -1, kw->line)) == -1)
		return -1;
	for (;;) {
		if (conftok_peek(&p->tok, &t, p->err) == -1)
			return -1;
		if (t.type != CT_WORD)
			return 0;
		if (strcasecmp(t.text, "elsif") == 0) {
			(void)dc_next(p, &t);
			if ((b = dc_branch(p, scope, true, b, t.line)) == -1)
				return -1;
			continue;
		}
		if (strcasecmp(t.text, "else") != 0)
			return 0;
		(void)dc_next(p, &t);
		if (conftok_peek(&p->tok, &t, p->err) == -1)
			return -1;
		if (t.type == CT_WORD && strcasecmp(t.text, "if") == 0) {
			(void)dc_next(p, &t);
			if ((b = dc_branch(p, scope, true, b, t.line)) == -1)
				return -1;
			continue;
		}
		return dc_branch(p, scope, false, b, t.line) == -1 ? -1 : 0;
	}
}

int
dc_stmt_set(struct dc_parser *p, int scope, const struct conftok_tok *kw)
{
	struct dhcpconf *c = p->c;
	struct conftok_tok t;
	struct dc_var v;

	memset(&v, 0, sizeof(v));
	v.scope = scope;
	if (dc_word(p, &t, "a variable name") == -1)
		return -1;
	if (strlcpy(v.name, t.text, sizeof(v.name)) >= sizeof(v.name))
		return dc_fail(p, t.line, "variable name too long");
	if (dc_expect(p, '=') == -1 || dc_expr_read(p, DX_ANY, &v.expr) == -1)
		return -1;
	if (array_push(&c->vars, &c->nvars, sizeof(v)) == -1)
		return dc_fail(p, kw->line, "out of memory");
	c->vars[c->nvars - 1] = v;
	return dc_semi(p);
}
