// SPDX-License-Identifier: ISC
/*
 * dhcp-eval(5) expressions printed back in dhcpd.conf syntax for
 * `dhcpd-pxe -T', in a form dhcpconf_expr.c reads back to the same tree:
 * printable constants as "strings", others as colon-separated hex, `and'
 * and `or' operands of another `and', `or' or `not' in parentheses.
 */
#include <stdio.h>
#include <string.h>

#include "dhcpconf_int.h"

static const struct {
	enum dc_eop	 op;
	const char	*name;
} dc_enames[] = {
	{ DE_KNOWN, "known" }, { DE_STATIC, "static" },
	{ DE_HARDWARE, "hardware" }, { DE_NULL, "null" },
	{ DE_HOST_DECL_NAME, "host-decl-name" },
	{ DE_LEASED_ADDRESS, "leased-address" }, { DE_PACKET, "packet" },
	{ DE_SUBSTRING, "substring" }, { DE_SUFFIX, "suffix" },
	{ DE_LCASE, "lcase" }, { DE_UCASE, "ucase" },
	{ DE_BIN2ASCII, "binary-to-ascii" }, { DE_ENCODE_INT, "encode-int" },
	{ DE_EXTRACT_INT, "extract-int" }, { DE_REVERSE, "reverse" },
	{ DE_CONCAT, "concat" }, { DE_PICK_FIRST, "pick-first-value" },
	{ DE_OPTION, "option" }, { DE_CONFIG_OPTION, "config-option" },
	{ DE_EXISTS, "exists" }, { DE_FILENAME, "filename" },
	{ DE_SNAME, "server-name" },
};

static const char *
dc_ename(enum dc_eop op)
{
	size_t i;

	for (i = 0; i < sizeof(dc_enames) / sizeof(dc_enames[0]); i++)
		if (dc_enames[i].op == op)
			return dc_enames[i].name;
	return "?";
}

static void
dc_print_const(FILE *f, const struct dhcpconf *c, const struct dc_expr *x)
{
	char buf[DC_EVAL_MAX * 4 + 3] = "";
	const uint8_t *v = c->blob + x->off;

	/* Hex for short binary (00:07); long binary as an escaped string,
	 * which stays within a token when read back. */
	if (dc_printable(v, x->len) || x->len > 64)
		dc_fmt_text(buf, sizeof(buf), v, x->len);
	else
		dc_fmt_hex(buf, sizeof(buf), v, x->len);
	fputs(buf, f);
}

static void
dc_print_optname(FILE *f, const struct dhcpconf *c, int space, uint8_t code)
{
	const struct dc_optdef *d = dhcpconf_optdef_bycode(c, space, code);

	if (space != DC_SPACE_DHCP)
		fprintf(f, "%s.", c->spaces[space]);
	if (d != NULL)
		fputs(d->name, f);
	else
		fprintf(f, "code-%u", code);
}

/* e, in parentheses if it is an `and' or an `or'. */
static void
dc_print_operand(FILE *f, const struct dhcpconf *c, int e)
{
	bool paren = c->exprs[e].op == DE_AND || c->exprs[e].op == DE_OR ||
	    c->exprs[e].op == DE_EQ || c->exprs[e].op == DE_NE;

	fputs(paren ? "(" : "", f);
	dhcpconf_expr_print(f, c, e);
	fputs(paren ? ")" : "", f);
}

/* A pair list (concat, pick-first-value) flattened to its operands. */
static void
dc_print_list(FILE *f, const struct dhcpconf *c, int e, enum dc_eop op)
{
	const struct dc_expr *x = &c->exprs[e];

	if (x->op != op) {
		dhcpconf_expr_print(f, c, e);
		return;
	}
	dc_print_list(f, c, x->a, op);
	fputs(", ", f);
	dhcpconf_expr_print(f, c, x->b);
}

void
dhcpconf_expr_print(FILE *f, const struct dhcpconf *c, int e)
{
	const struct dc_expr *x = &c->exprs[e];
	const int args[4] = { x->a, x->b, x->c, x->d };
	size_t i;

	switch (x->op) {
	case DE_CONST:
		dc_print_const(f, c, x);
		return;
	case DE_NUM:
		fprintf(f, "%lld", (long long)x->num);
		return;
	case DE_VAR:
		for (i = 0; i < c->nvars; i++)
			if (c->vars[i].expr == x->a)
				fputs(c->vars[i].name, f);
		return;
	case DE_AND:
	case DE_OR:
		dc_print_operand(f, c, x->a);
		fputs(x->op == DE_AND ? " and " : " or ", f);
		dc_print_operand(f, c, x->b);
		return;
	case DE_EQ:
	case DE_NE:
		dhcpconf_expr_print(f, c, x->a);
		fputs(x->op == DE_EQ ? " = " : " != ", f);
		dhcpconf_expr_print(f, c, x->b);
		return;
	case DE_NOT:
		fputs("not ", f);
		dc_print_operand(f, c, x->a);
		return;
	case DE_OPTION: case DE_CONFIG_OPTION: case DE_EXISTS:
		fprintf(f, "%s ", dc_ename(x->op));
		dc_print_optname(f, c, x->space, x->code);
		return;
	case DE_ENCAPSULATE:
		fprintf(f, "encapsulate %s", c->spaces[x->space]);
		return;
	case DE_CONCAT:
	case DE_PICK_FIRST:
		fprintf(f, "%s (", dc_ename(x->op));
		dc_print_list(f, c, e, x->op);
		fputs(")", f);
		return;
	default:
		break;
	}
	fputs(dc_ename(x->op), f);
	if (x->a == -1)
		return;		/* known, hardware, null... */
	fputs(" (", f);
	for (i = 0; i < 4 && args[i] != -1; i++) {
		fputs(i > 0 ? ", " : "", f);
		dhcpconf_expr_print(f, c, args[i]);
	}
	if (x->op == DE_ENCODE_INT || x->op == DE_EXTRACT_INT)
		fprintf(f, ", %lld", (long long)x->num);
	fputs(")", f);
}
